"""`briefing new`'s new names on French, Spanish and Italian articles: read as English
names are, less the words a sentence's or a quotation's start capitalises
(briefing/romancenames.py). English is read as before."""

from __future__ import annotations

import pytest

from benchmarks import names as measured
from briefing import suggest
from briefing.model import Corpus
from briefing.romancenames import FUNCTION_WORDS, is_function_word

EMPTY = Corpus((), (), (), ())
ROMANCE = [c for c in measured.cases() if c.language in FUNCTION_WORDS]
# The articles the rules were first measured on; the others hold the names they do not
# yet read (a name starting with an article, a ministry's portfolio).
FIRST = [c for c in ROMANCE if c.name in {
    "fr-valmorin-previsions", "es-tellez-prevision", "it-ferrandi-stime"}]


def names(text: str, language: str) -> set[str]:
    return {e.name for e in suggest.find_new_names(text, (), language=language)}


@pytest.mark.parametrize("case", FIRST, ids=lambda c: c.name)
def test_the_measured_articles_give_their_names_and_no_opening_word(
        case: measured.Case) -> None:
    score = measured.score(case)
    assert score.recall == 1.0, score.misses
    assert score.precision >= 0.85, score.wrong
    offered = set(measured.suggested_names(case))
    assert not {n for n in offered if n.split()[0] in {
        "La", "Le", "El", "Il", "Nous", "Esperamos", "Chiediamo", "Selon", "Según",
        "Secondo"}}


@pytest.mark.parametrize(("language", "text", "found"), [
    # A quotation's first word alone is no name, whatever it is.
    ("fr", "« Nous suivons la situation », a ajouté Paul Garnier.", {"Paul Garnier"}),
    ("es", "«Esperamos que Téllez mantenga el empleo», añadió Ferrer.", {"Téllez", "Ferrer"}),
    ("it", "«Chiediamo a Ferrandi di restare», ha detto Santoro.", {"Ferrandi", "Santoro"}),
    ("fr", 'Il a dit "Nous attendons" hier.', set()),
    # Nor a function word opening a sentence or a quotation, nor one alone.
    ("fr", "Selon Hélène Marchand, le titre baisse.", {"Hélène Marchand"}),
    ("fr", "D'après Hélène Marchand, le titre baisse.", {"Hélène Marchand"}),
    ("fr", "D\u2019après Marchand, le titre baisse.", {"Marchand"}),
    ("es", "Según Javier Ortega, la acción caerá.", {"Javier Ortega"}),
    ("it", "Secondo Marco Bellini, il titolo scende.", {"Marco Bellini"}),
    ("fr", "« La Banque Lémanique suit Valmorin », dit-il.", {"Banque Lémanique", "Valmorin"}),
    ("es", "MADRID, 12 de marzo de 2025 \u2013 El fabricante Grupo Téllez rebajó su previsión.",
     {"Grupo Téllez"}),
    # An article after the opening word, or within a sentence, is a name's own.
    ("fr", "» Selon Le Monde, tout va bien.", {"Le Monde"}),
    ("es", "La noticia, según El País, sorprendió.", {"El País"}),
    # A name's particles are no function words ("De Luca"), and a name at a quotation's
    # start keeps what it joins.
    ("it", "Lo ha detto Giulia De Luca ieri.", {"Giulia De Luca"}),
    ("es", "«Banco de España sube los tipos», dijo Ortega.", {"Banco de España", "Ortega"}),
])
def test_french_spanish_and_italian_names(language: str, text: str, found: set[str]
                                          ) -> None:
    assert names(text, language) == found


def test_english_keeps_its_reading_of_the_same_sentences() -> None:
    # The English rules, unchanged: an English article has no such quotations.
    assert names("Selon Hélène Marchand, le titre baisse.", "en") == {
        "Selon Hélène Marchand"}
    assert names("« Nous suivons la situation », a ajouté Paul Garnier.", "en") == {
        "Nous", "Paul Garnier"}


@pytest.mark.parametrize(("language", "word"), [
    ("fr", "Selon"), ("es", "SEGÚN"), ("it", "secondo"), ("fr", "D'après"),
    ("fr", "D\u2019après")])
def test_function_words_are_told_in_any_case_and_apostrophe(language: str, word: str
                                                            ) -> None:
    assert is_function_word(language, word)



def test_the_benchmark_totals_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert measured.main([]) == 0
    rows = [row.strip("| ").split(" | ") for row in capsys.readouterr().out.splitlines()[2:]]
    totals = {language: rest for name, language, *rest in rows if name == "all"}
    assert sorted(totals) == ["de", "es", "fr", "it"]
    for language, (_, _, suggested, gold) in totals.items():
        scores = [measured.score(c) for c in measured.cases() if c.language == language]
        assert suggested == f"{sum(s.suggested for s in scores)} " \
            f"({sum(s.correct for s in scores)})"
        assert gold == f"{sum(s.gold for s in scores)} ({sum(s.found for s in scores)})"
