"""`briefing new`'s speaker of a quotation whose subject a relative clause or an
apposition between commas parts from its verb of saying ("Councillor Maria Lindqvist,
who voted against it, said", "Max Roe, a member of the committee, said", "Paul Garnier,
qui a voté contre, a déclaré"): the subject, never a name or a quotation in the
clause, and none where the sentence opens with no subject."""

from __future__ import annotations

import pytest
from test_new_role_speakers import EMPTY, KNOWN

from briefing import suggest
from briefing.model import Corpus

WHO = "Maria Lindqvist, who voted against it,"


def speakers(text: str, language: str, corpus: Corpus = EMPTY) -> list[str | None]:
    return [q.speaker_id or q.speaker_name
            for q in suggest.suggest(text, corpus, language=language).quotes]


@pytest.mark.parametrize(("language", "text", "name"), [
    # The user's sentence: the quotation within what the verb reports.
    ("en", 'Councillor Maria Lindqvist, who voted against it, said the true cost "could '
     'easily reach $12 million".', "Councillor Maria Lindqvist"),
    ("en", WHO + ' said: "It will cost more."', "Maria Lindqvist"),
    ("en", WHO + ' said on Monday: "It will cost more."', "Maria Lindqvist"),
    ("en", WHO + ' told Reuters: "It will cost more."', "Maria Lindqvist"),
    ("en", 'Acme Corp, which makes chips, said "prices will rise".', "Acme Corp"),
    ("en", 'Max Roe, whose firm bid for it, said: "No."', "Max Roe"),
    # Appositions: an article, an age.
    ("en", 'Maria Lindqvist, a member of the finance committee, said: "No."',
     "Maria Lindqvist"),
    ("en", 'Maria Lindqvist, the committee\'s chair, said: "No."', "Maria Lindqvist"),
    ("en", 'Maria Lindqvist, 54, said: "No."', "Maria Lindqvist"),
    # The quotation before the subject.
    ("en", '"It will cost more," ' + WHO + " said.", "Maria Lindqvist"),
    # A name or a quotation in the clause is not the speaker's: the clause's subject is
    # its pronoun.
    ("en", 'Maria Lindqvist, who met Tom Brennan, said: "No."', "Maria Lindqvist"),
    ("en", 'Maria Lindqvist, who told Reuters, said: "No."', "Maria Lindqvist"),
    ("en", 'Maria Lindqvist, who Tom Brennan said was wrong, said: "No."',
     "Maria Lindqvist"),
    ("en", 'Maria Lindqvist, who met Tom Brennan, said "No."', "Maria Lindqvist"),
    # Other languages, where a quotation's subject before its verb is read.
    ("fr", "Paul Garnier, qui a voté contre, a déclaré : « Ce sera plus cher. »",
     "Paul Garnier"),
    ("fr", "Paul Garnier, l'ancien maire, a dit : « Non. »", "Paul Garnier"),
    ("de", "Anna Berger, die dagegen gestimmt hat, sagte: „Das wird teurer.“",
     "Anna Berger"),
    ("de", "Anna Berger, eine Sprecherin der Stadt, sagte: „Nein.“", "Anna Berger"),
    ("es", "Mateo Quiroga, que votó en contra, dijo: «Será más caro».", "Mateo Quiroga"),
    ("es", "Mateo Quiroga, quien votó en contra, dijo que «será más caro».",
     "Mateo Quiroga"),
    ("it", "Paolo Rossi, che ha votato contro, ha detto: «Sarà più caro».", "Paolo Rossi"),
    ("pt", "João Costa, que votou contra, disse: «Vai custar mais».", "João Costa"),
    ("pt", "Paulo Nogueira (PSOL), que votou contra, disse: «Vai custar mais».",
     "Paulo Nogueira"),
])
def test_the_subject_past_its_clause_speaks(language: str, text: str, name: str) -> None:
    assert speakers(text, language) == [name]


def test_a_known_subject_past_its_clause_is_its_id() -> None:
    assert speakers('Acme Corp, which makes chips, said: "No."', "en", KNOWN) == ["acme"]
    assert speakers("Mateo Quiroga, que votó en contra, dijo: «No».", "es", KNOWN) \
        == ["mateo-quiroga"]


@pytest.mark.parametrize(("language", "text"), [
    # Another name between the verb and the quotation: its words may be the other's.
    ("en", WHO + ' said Tom Brennan would answer "No".'),
    # Two subjects, or one with another beside it.
    ("en", 'Maria Lindqvist, and Tom Brennan, said: "No."'),
    ("en", 'Maria Lindqvist, along with Tom Brennan, said: "No."'),
    # No name opens the sentence: a pronoun, a word before a comma, a role's article.
    ("en", 'He, who voted against it, said: "No."'),
    ("en", 'However, the mayor, who voted against it, said: "No."'),
    ("de", "Die Sprecherin, die dagegen war, sagte: „Nein.“"),
    # A time or a place opening a sentence whose verb goes without its subject or
    # before it.
    ("de", "Am Montag, dem 12. Mai, sagte sie: „Das wird teurer.“"),
    ("es", "En Madrid, la capital, dijo: «Será más caro»."),
    ("es", "Ayer, el día de la votación, dijo: «Será más caro»."),
    # A clause that opens with no relative pronoun, article or number may be no
    # subject's: in Rome, during the conference, one said.
    ("it", "Roma, durante la conferenza, ha detto: «No»."),
])
def test_no_one_else_speaks_past_a_clause(language: str, text: str) -> None:
    assert speakers(text, language) == [None]


def test_a_quotation_in_the_clause_is_not_the_one_after_the_verb() -> None:
    """The quotation in the clause has no verb of saying after it; the one after the
    verb is the subject's."""
    text = 'Maria Lindqvist, who called it "a waste", said "it will cost more".'
    assert speakers(text, "en") == [None, "Maria Lindqvist"]


def test_the_second_quotation_after_another_is_not_the_subjects() -> None:
    text = 'Maria Lindqvist, who chairs it, said "No," and Tom Brennan, who sits on it, ' \
           'said "Yes."'
    assert speakers(text, "en") == ["Maria Lindqvist", None]
