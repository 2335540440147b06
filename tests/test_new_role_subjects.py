"""`briefing new`'s speaker of a quotation whose person is named before the verb, after
a role and between commas ("The mayor of Soriana, Mateo Quiroga, said", "El alcalde de
Soriana, Mateo Quiroga, dijo que…"), with the care of the role named after the verb
(tests/test_new_role_speakers.py): one person only, never the place or body the role is
of."""

from __future__ import annotations

import pytest
from test_new_role_speakers import EMPTY, KNOWN

from briefing import suggest
from briefing.model import Corpus

SAID = "The mayor of Soriana, Mateo Quiroga, said"


def speakers(text: str, language: str, corpus: Corpus = EMPTY) -> list[str | None]:
    return [q.speaker_id or q.speaker_name
            for q in suggest.suggest(text, corpus, language=language).quotes]


@pytest.mark.parametrize(("language", "text", "name"), [
    # The quotation after the verb: straight after it, or within what it reports.
    ("en", SAID + ': "We will not allow it."', "Mateo Quiroga"),
    ("en", SAID + ' the plan "would not pass".', "Mateo Quiroga"),
    ("en", SAID + ' on Monday: "We will not allow it."', "Mateo Quiroga"),
    ("en", "The mayor of Soriana, Mateo Quiroga, told reporters: \u201cNo.\u201d",
     "Mateo Quiroga"),
    ("es", "El alcalde de Soriana, Mateo Quiroga, dijo que «no saldrá adelante».",
     "Mateo Quiroga"),
    ("es", "El alcalde de Soriana, Mateo Quiroga, dijo: «No vamos a permitirlo».",
     "Mateo Quiroga"),
    ("es", "La directora del estudio, Carmen Etxeberria, explicó: «Las cifras no cuadran».",
     "Carmen Etxeberria"),
    ("fr", "Le maire de Soriana, Mateo Quiroga, a déclaré : « Nous ne le permettrons "
     "pas. »", "Mateo Quiroga"),
    ("fr", "L'ancien maire, Paul Garnier, a dit : « Non. »", "Paul Garnier"),
    ("it", "Il sindaco di Soriana, Mateo Quiroga, ha detto: «Non lo permetteremo».",
     "Mateo Quiroga"),
    # The quotation before the subject.
    ("en", '"We will not allow it," the mayor of Soriana, Mateo Quiroga, said.',
     "Mateo Quiroga"),
    # The role alone, a role in capitals, and of the names listed the person's.
    ("en", 'The mayor, Max Roe, said: "No."', "Max Roe"),
    ("en", 'The Labour leader, Keir Starmer, said: "No."', "Keir Starmer"),
    ("en", 'The mayor of Portland, Oregon, Ted Wheeler, said: "No."', "Ted Wheeler"),
    # A first name that goes on with a particle is the whole name.
    ("es", "La ministra, Teresa de la Vega, dijo: «No».", "Teresa de la Vega"),
])
def test_the_person_before_the_verb_speaks(language: str, text: str, name: str) -> None:
    assert speakers(text, language) == [name]
    assert name in {e.name for e in suggest.suggest(text, EMPTY, language=language).new_names}


@pytest.mark.parametrize(("language", "text"), [
    ("en", SAID + ': "We will not allow it."'),
    ("en", '"We will not allow it," the mayor of Soriana, Mateo Quiroga, said.'),
    ("es", "El alcalde de Soriana, Mateo Quiroga, dijo que «no saldrá adelante»."),
    ("fr", "Le maire de Soriana, Mateo Quiroga, a déclaré : « Non. »"),
    ("it", "Il sindaco di Soriana, Mateo Quiroga, ha detto: «No»."),
    # A known place among the names listed is no person: the person is.
    ("en", 'The mayor of Soriana, New Jersey, Mateo Quiroga, said: "No."'),
])
def test_the_known_person_before_the_verb_speaks(language: str, text: str) -> None:
    assert speakers(text, language, KNOWN) == ["mateo-quiroga"]


@pytest.mark.parametrize(("language", "text"), [
    # Never the place or the body the role is of.
    ("en", 'The mayor of Soriana, Spain, said: "No."'),
    # Two names could be the person; two people are the subject.
    ("en", 'The mayor of Springfield, New Jersey, Max Roe, said: "No."'),
    ("en", 'The mayor, Max Roe, and the governor, Ann Lee, said: "No."'),
    # A small word is no role; a possessive names another.
    ("en", 'The talks with the mayor, Max Roe, said: "No."'),
    ("en", 'The letter to the mayor, Max Roe, said: "No."'),
    ("en", 'The mayor, Max Roe\'s rival, said: "No."'),
    # Another name, or another quotation, between the verb and the quotation: it may be
    # someone else's words.
    ("en", 'The mayor, Max Roe, said the governor, Ann Lee, would answer "No."'),
    ("es", "El alcalde, Mateo Quiroga, dijo que el presidente, Pedro Sánchez, respondió "
     "«no»."),
    # The subject opens the sentence, or it is someone else's.
    ("en", 'In Soriana, the mayor, Max Roe, said: "No."'),
    ("en", 'Asked about the mayor, Max Roe, said: "No."'),
])
def test_no_one_else_speaks_before_the_verb(language: str, text: str) -> None:
    assert speakers(text, language) == [None]


def test_a_known_entity_that_is_no_person_is_not_the_roles() -> None:
    assert speakers('The company, Acme Corp, said: "No."', "en", KNOWN) == [None]


def test_the_second_quotation_after_another_is_not_the_subjects() -> None:
    text = 'The mayor, Max Roe, said "No," and the governor, Ann Lee, said "Yes."'
    assert speakers(text, "en") == ["Max Roe", None]


@pytest.mark.parametrize("corpus", [EMPTY, KNOWN])
@pytest.mark.parametrize("between", [" ", "\n"])
def test_a_he_said_after_the_sentence_is_the_subjects(corpus: Corpus, between: str
                                                      ) -> None:
    text = f'{SAID} the plan would fail.{between}"We will not allow it," he said.'
    assert speakers(text, "en", corpus) == \
        ["mateo-quiroga" if corpus is KNOWN else "Mateo Quiroga"]


def test_a_passage_reporting_a_claim_is_the_known_persons() -> None:
    sentence = SAID + " the plan would fail."
    assert suggest.passage_speaker(sentence, KNOWN.entities) == "mateo-quiroga"
    assert suggest.passage_speaker("The mayor, Max Roe, said the plan would fail.",
                                   KNOWN.entities) is None


ES = "«No vamos a permitirlo», "


@pytest.mark.parametrize(("language", "text"), [
    # A time, or the press the words are said to, between the verb and the role.
    ("es", ES + "dijo ayer el alcalde de Soriana, Mateo Quiroga."),
    ("es", ES + "dijo a los periodistas el alcalde de Soriana, Mateo Quiroga."),
    ("es", ES + "dijo ayer a los periodistas el alcalde de Soriana, Mateo Quiroga."),
    ("es", ES + "dijo este martes el alcalde, Mateo Quiroga."),
    ("es", ES + "dijo el lunes el alcalde Mateo Quiroga."),
    ("es", ES + "dijo ayer por la tarde el alcalde Mateo Quiroga."),
    ("fr", "« Non », a déclaré lundi soir le maire de Soriana, Mateo Quiroga."),
    ("fr", "« Non », a déclaré aux journalistes le maire, Mateo Quiroga."),
    ("it", "«No», ha detto ieri il sindaco di Soriana, Mateo Quiroga."),
    ("it", "«No», ha detto ai giornalisti il sindaco di Soriana, Mateo Quiroga."),
    ("en", '"No," said on Monday the mayor of Soriana, Mateo Quiroga.'),
])
def test_a_time_or_the_press_before_the_role(language: str, text: str) -> None:
    assert speakers(text, language) == ["Mateo Quiroga"]
    assert speakers(text, language, KNOWN) == ["mateo-quiroga"]


@pytest.mark.parametrize(("language", "text"), [
    # Whom the words are said to is no role, nor the person named after it.
    ("es", ES + "dijo a la ministra, Teresa Ribera."),
    ("es", ES + "dijo a la ministra el alcalde, Mateo Quiroga."),
    # The same care after a time as without it.
    ("es", ES + "dijo ayer el alcalde ante Pedro Sánchez."),
    ("es", ES + "dijo ayer el alcalde de Soriana."),
    ("es", ES + "dijo ayer el alcalde de Soriana Mateo Quiroga."),
    ("en", '"No," told reporters the mayor, Mateo Quiroga.'),
])
def test_no_one_else_speaks_after_a_time_or_the_press(language: str, text: str) -> None:
    assert speakers(text, language) == [None]


@pytest.mark.parametrize(("language", "text", "name"), [
    # The place or body a role is of is not the one speaking.
    ("en", 'The mayor of Soriana said: "We will build it by 2027."', None),
    ("es", "El alcalde de Soriana dijo: «Lo construiremos en 2027».", None),
    ("it", "Il sindaco di Soriana ha detto: «Lo costruiremo nel 2027».", None),
    # A name's own particle is no complement.
    ("fr", "Selon lui, Dominique de Villepin a déclaré : « Non. »", "Dominique de Villepin"),
    ("en", 'Tom Brennan said: "No."', "Tom Brennan"),
])
def test_the_place_a_role_is_of_does_not_speak(language: str, text: str,
                                               name: str | None) -> None:
    assert speakers(text, language) == [name]
