"""`briefing new`'s speaker of a quotation attributed to a role in English, Spanish,
French, Italian or German ("dijo el alcalde de Soriana, Mateo Quiroga", "sagte der
Bürgermeister von Judenburg, Peter Wagner"): the person named after the role, never the
place or the body the role is of."""

from __future__ import annotations

import pytest

from briefing import suggest
from briefing.model import Corpus, Entity, Pos

EMPTY = Corpus((), (), (), ())


def _entity(entity_id: str, name: str, kind: str) -> Entity:
    return Entity(id=entity_id, name=name, kind=kind, pos=Pos("entities.yml"))


KNOWN = Corpus((), (), (_entity("mateo-quiroga", "Mateo Quiroga", "person"),
                       _entity("soriana", "Soriana", "other"),
                       _entity("new-jersey", "New Jersey", "other"),
                       _entity("acme", "Acme Corp", "organisation"),
                       _entity("peter-wagner", "Peter Wagner", "person"),
                       _entity("judenburg", "Judenburg", "place")), ())
ES = "«No vamos a permitir que se lleven el agua», "
EN = '"We will not allow it," '
DE = "„Wir sperren nicht aus Bosheit“, "


def speaker(text: str, language: str, corpus: Corpus = EMPTY) -> str | None:
    (quote,) = suggest.suggest(text, corpus, language=language).quotes
    return quote.speaker_id or quote.speaker_name


@pytest.mark.parametrize(("language", "text", "name"), [
    # A role, what it is of and a comma, or the role alone, then the person.
    ("es", ES + "dijo el alcalde de Soriana, Mateo Quiroga, tras la votación.",
     "Mateo Quiroga"),
    ("es", ES + "dijo el alcalde Mateo Quiroga.", "Mateo Quiroga"),
    ("es", ES + "dijo el alcalde, Mateo Quiroga.", "Mateo Quiroga"),
    ("es", "«Las cifras no cuadran», explicó la directora del estudio, Carmen Etxeberria.",
     "Carmen Etxeberria"),
    ("es", ES + "dijo el nuevo alcalde, Mateo Quiroga.", "Mateo Quiroga"),
    ("es", ES + "dijo el presidente de la Confederación Hidrográfica del Valdemora, "
     "Mateo Quiroga.", "Mateo Quiroga"),
    ("en", EN + "said the mayor of Soriana, Mateo Quiroga.", "Mateo Quiroga"),
    ("en", EN + "said the former mayor, Max Roe.", "Max Roe"),
    ("en", EN + "said the city's mayor, Max Roe.", "Max Roe"),
    ("en", EN + "said the Labour leader Keir Starmer.", "Keir Starmer"),
    ("en", EN + "said the Acme Corp spokesman, Max Roe.", "Max Roe"),
    ("fr", "« Non », a déclaré le Premier ministre, Édouard Philippe.", "Édouard Philippe"),
    ("en", EN + "said the head of Acme Corp, Max Roe.", "Max Roe"),
    ("en", EN + "said the senator, Max Roe, a Democrat.", "Max Roe"),
    ("fr", "« Non », a déclaré le maire de Soriana, Mateo Quiroga.", "Mateo Quiroga"),
    ("fr", "« Non », a déclaré l'ancien maire de Soriana, Mateo Quiroga.", "Mateo Quiroga"),
    ("fr", "« Non », a dit la directrice de l'étude, Carmen Etxeberria.", "Carmen Etxeberria"),
    ("it", "«No», ha detto il sindaco di Soriana, Mateo Quiroga.", "Mateo Quiroga"),
    ("it", "«No», ha detto il segretario della Fiom, Mateo Quiroga.", "Mateo Quiroga"),
    # A minister's portfolio, whose words are known, with or without a comma after it.
    ("it", "«No», ha dichiarato l'assessore ai Trasporti Paolo Gentile.", "Paolo Gentile"),
    ("it", "«No», ha detto ieri il ministro delle Imprese Adolfo Urso.", "Adolfo Urso"),
    ("es", ES + "dijo la ministra de Industria y Turismo Reyes Maroto.", "Reyes Maroto"),
    ("fr", "« Non », a déclaré le ministre des Transports Pierre Fitzgibbon.",
     "Pierre Fitzgibbon"),
    ("pt", "«Não», disse o ministro das Finanças Fernando Medina.", "Fernando Medina"),
    ("de", DE + "sagte die Ministerin für Bildung Karin Prien.", "Karin Prien"),
    # Of the names listed after what the role is of, the one of two words or more.
    ("en", EN + "said the mayor of Portland, Oregon, Ted Wheeler.", "Ted Wheeler"),
    # A first name that goes on with a particle is the whole name.
    ("es", ES + "dijo la ministra, Teresa de la Vega.", "Teresa de la Vega"),
    # German: a role with its capital after "der" or "die", what it is of and a comma,
    # after a verb of saying or "so" ...
    ("de", DE + "sagte der Bürgermeister von Judenburg, Peter Wagner.", "Peter Wagner"),
    ("de-AT", DE + "so der Bürgermeister von Judenburg, Peter Wagner.", "Peter Wagner"),
    ("de", DE + "erklärte die Landesrätin für Verkehr, Anna Berger.", "Anna Berger"),
    ("de", DE + "sagte der neue Bürgermeister von Judenburg, Peter Wagner.", "Peter Wagner"),
    ("de", DE + "sagte der Sprecher des Landes Steiermark, Johann Moser.", "Johann Moser"),
    ("de", DE + "so der Sprecher der ÖBB, Johann Moser.", "Johann Moser"),
    ("de", DE + "so die Landesrätin, Anna Berger.", "Anna Berger"),
    ("de", DE + "sagte der Bürgermeister von Judenburg, Steiermark, Peter Wagner.",
     "Peter Wagner"),
    # ... or between commas before the verb, the sentence's subject.
    ("de", "Der Bürgermeister von Judenburg, Peter Wagner, sagte: „Wir sperren nicht.“",
     "Peter Wagner"),
    ("de", "Die Landesrätin, Anna Berger, erklärte: „Wir sperren nicht.“", "Anna Berger"),
])
def test_the_person_after_a_role_speaks(language: str, text: str, name: str) -> None:
    assert speaker(text, language) == name
    assert name in {e.name for e in suggest.suggest(text, EMPTY, language=language).new_names}


@pytest.mark.parametrize(("language", "text"), [
    ("es", ES + "dijo el alcalde de Soriana, Mateo Quiroga, tras la votación."),
    ("es", ES + "dijo el alcalde Mateo Quiroga."),
    ("en", EN + "said the mayor of Soriana, Mateo Quiroga."),
    ("fr", "« Non », a déclaré le maire de Soriana, Mateo Quiroga."),
    ("it", "«No», ha detto il sindaco di Soriana, Mateo Quiroga."),
    # A known place among the names listed is no person: the person is.
    ("en", EN + "said the mayor of Soriana, New Jersey, Mateo Quiroga."),
])
def test_the_known_person_after_a_role_speaks(language: str, text: str) -> None:
    assert speaker(text, language, KNOWN) == "mateo-quiroga"


@pytest.mark.parametrize("text", [
    DE + "sagte der Bürgermeister von Judenburg, Peter Wagner.",
    DE + "so der Bürgermeister von Judenburg, Peter Wagner.",
    "Der Bürgermeister von Judenburg, Peter Wagner, sagte: „Wir sperren nicht.“",
])
def test_the_known_person_after_a_german_role_speaks(text: str) -> None:
    # (the known place the role is of is not the speaker)
    assert speaker(text, "de-AT", KNOWN) == "peter-wagner"


@pytest.mark.parametrize(("language", "text"), [
    # Never the place or the body the role is of, with or without a name after it.
    ("es", ES + "dijo el alcalde de Soriana."),
    ("es", ES + "dijo el alcalde de Soriana, que votó en contra."),
    ("en", EN + "said the head of Acme Corp."),
    ("en", EN + "said the mayor of Soriana, Spain."),
    # Without a comma, where what the role is of ends is not told (but for a portfolio,
    # above); after a portfolio, one word is no person's name, nor one spoken to.
    ("es", ES + "dijo el alcalde de Soriana Mateo Quiroga."),
    ("es", ES + "dijo la ministra de Industria Reyes."),
    ("es", ES + "dijo la ministra de Industria ante Pedro Sánchez."),
    # A name after a later comma is someone else's.
    ("es", ES + "dijo el alcalde de Soriana, tras hablar con el presidente, Pedro Sánchez."),
    # A small word is no role: the name is who was spoken to or with.
    ("es", ES + "dijo el alcalde ante Pedro Sánchez."),
    ("en", EN + "said the mayor to Max Roe."),
    ("en", EN + "said the talks with Max Roe."),
    ("en", EN + "told the mayor, Max Roe."),
    # A possessive names another, two names leave the choice, and the next sentence's
    # name is not the role's.
    ("en", EN + "said the mayor, Max Roe's rival."),
    ("en", EN + "said the mayor of Springfield, New Jersey, Max Roe."),
    ("es", ES + "dijo el alcalde. Mateo Quiroga calló."),
    # German: nor the place or body, nor a name after a noun that is no role, nor one
    # after a later comma, nor without the comma after what the role is of.
    ("de", DE + "sagte der Bürgermeister von Judenburg."),
    ("de", DE + "sagte der Bürgermeister von Judenburg, Steiermark."),
    ("de", DE + "sagte die Zeitung aus Graz, Anna Berger."),
    ("de", DE + "sagte der Bürgermeister von Judenburg, nachdem Peter Wagner kam."),
    ("de", DE + "sagte der Bürgermeister von Judenburg Peter Wagner."),
    ("de", "Die Zeitung aus Graz, Anna Berger, sagte: „Wir sperren nicht.“"),
])
def test_no_one_else_speaks_for_a_role(language: str, text: str) -> None:
    assert speaker(text, language) is None


def test_a_known_entity_that_is_no_person_is_not_the_roles() -> None:
    assert speaker(EN + "said the company, Acme Corp.", "en", KNOWN) is None
    assert speaker(EN + "said the mayor of Springfield, New Jersey.", "en", KNOWN) is None
