"""`briefing new`'s new names around a minister or a ministry in German, French, Spanish
and Italian (briefing/ministries.py): a portfolio alone is no name ("La ministra de
Industria" offers no "Industria"), a ministry the text writes with a capital is an
organisation's name whole, and a person named after the portfolio is still found."""

from __future__ import annotations

import pytest

from benchmarks import names as measured
from briefing import suggest
from briefing.ministries import ministries


def names(text: str, language: str) -> set[str]:
    return {e.name for e in suggest.find_new_names(text, (), language=language)}


@pytest.mark.parametrize(("language", "text", "found"), [
    # A minister's portfolio is no name; the person in apposition is.
    ("es", "La ministra de Industria, Lucía Ferrer, afirmó que sí.", {"Lucía Ferrer"}),
    ("it", "Il ministro delle Imprese, Luca Santoro, ha detto sì.", {"Luca Santoro"}),
    ("fr", "Le ministre des Comptes publics, Hugo Vasseur, a assuré que non.",
     {"Hugo Vasseur"}),
    ("es", "Lo dijo la ministra de Trabajo y Economía Social, Ana Ruiz.", {"Ana Ruiz"}),
    ("fr", "Le ministre délégué chargé de l'Industrie, Marc Roy, a dit oui.", {"Marc Roy"}),
    ("de", "Das sagte die Ministerin für Bildung, Petra Lindqvist.", {"Petra Lindqvist"}),
    # A person named without a comma: the last two of three capitalised words or more,
    # and in French, Italian and German, whose portfolios' adjectives are in lower case,
    # the second of two.
    ("it", "Il ministro delle Imprese Adolfo Urso ha detto sì.", {"Adolfo Urso"}),
    ("it", "Lo ha detto il ministro dell'Economia Giorgetti.", {"Giorgetti"}),
    ("es", "Lo dijo la ministra de Transición Ecológica Sara Aagesen.", {"Sara Aagesen"}),
    ("es", "Lo dijo la ministra de Transición Ecológica, Sara Aagesen.", {"Sara Aagesen"}),
    # An Italian region's or city's "assessore" is of a portfolio with "a" ("ai Trasporti",
    # "al Bilancio", "alla Mobilità"); of a body with "di" it is not ("del Comune").
    ("it", "Lo ha dichiarato l'assessore ai Trasporti Paolo Gentile.", {"Paolo Gentile"}),
    ("it", "L'assessora al Bilancio, Anna Rossi, ha detto sì.", {"Anna Rossi"}),
    ("it", "Lo ha detto l'assessore regionale alla Mobilità Marco Neri.", {"Marco Neri"}),
    ("it", "Lo ha detto l'assessore del Comune di Valmora.", {"Comune di Valmora"}),
    ("it", "Il ministro alla Camera ha risposto a Marco Neri.", {"Camera", "Marco Neri"}),
    # A ministry written with a capital is the organisation, whole; in lower case, none.
    ("es", "El Ministerio de Industria y Turismo estudia ayudas.",
     {"Ministerio de Industria y Turismo"}),
    ("it", "Il Ministero dell'Economia e delle Finanze ha detto sì.",
     {"Ministero dell'Economia e delle Finanze"}),
    ("it", "Il Ministero delle Imprese e del Made in Italy ha detto sì.",
     {"Ministero delle Imprese e del Made in Italy"}),
    ("fr", "Le Ministère de l'Économie n'a pas commenté.", {"Ministère de l'Économie"}),
    ("de", "Das teilte das Bundesministerium für Wirtschaft und Klimaschutz mit.",
     {"Bundesministerium für Wirtschaft und Klimaschutz"}),
    ("de", "Das Bundesministerium für Familie, Senioren, Frauen und Jugend teilte mit.",
     {"Bundesministerium für Familie, Senioren, Frauen und Jugend"}),
    ("fr", "Le ministère des Finances prépare un compromis.", set()),
    ("es", "El ministerio de Hacienda no ha hecho comentarios.", set()),
    ("it", "Secondo il ministero dell'Economia, non ci sono risorse.", set()),
    # A word the text names elsewhere is a person's, not a portfolio.
    ("es", "Los ministros de Sánchez votaron en contra, dijo Sánchez.", {"Sánchez"}),
])
def test_a_portfolio_is_no_name_and_a_ministry_is_one_whole(language: str, text: str,
                                                           found: set[str]) -> None:
    assert names(text, language) == found


@pytest.mark.parametrize("case", [c for c in measured.cases()
                                  if not c.language.startswith("de")],
                         ids=lambda c: c.name)
def test_the_measured_articles_offer_no_portfolio(case: measured.Case) -> None:
    offered = set(measured.suggested_names(case))
    assert not offered & {"Industria", "Turismo", "Hacienda", "Imprese", "Comptes",
                          "Finances", "Ministère", "Ministero", "Ministerio de Industria"}
    score = measured.score(case)
    assert score.precision >= 0.85, score.wrong
    assert score.recall >= 0.8, score.misses


def test_a_ministrys_words_and_name() -> None:
    sentence = "Según el Ministerio de Industria y Turismo, el plan sigue."
    (found,) = ministries(sentence, "es")
    assert sentence[found.start:found.end] == found.name == \
        "Ministerio de Industria y Turismo"
    assert found.last == "Turismo"


def test_english_reads_a_ministry_as_before() -> None:
    assert names("La ministra de Industria, Lucía Ferrer, afirmó que sí.", "en") == {
        "Industria", "Lucía Ferrer"}
