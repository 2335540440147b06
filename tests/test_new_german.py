"""`briefing new`'s new names on a German article, where every noun has a capital: the
names a curator would take are offered, ordinary nouns are not, and titles and roles
are left off names (briefing/germannames.py). An article in English, French, Spanish or
Italian is read as before (benchmarks/names.py measures all four)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import names as measured
from briefing import starter, suggest
from briefing.germannames import is_role
from briefing.model import Corpus

ARTICLE = measured.ARTICLES / "de-brandauer-prognose.txt"
EMPTY = Corpus((), (), (), ())


def german_names(text: str) -> set[str]:
    return {e.name for e in suggest.find_new_names(text, (), language="de")}


def test_the_names_a_curator_wants_are_offered_and_ordinary_nouns_are_not() -> None:
    found = suggest.suggest(ARTICLE.read_text("utf-8"), EMPTY, language="de")
    offered = {e.name for e in found.new_names}
    assert {"Brandauer Halbleiter AG", "Jörg Haberland", "Sabine Krüger", "Aylin Demir",
            "Tobias Renner", "Petra Lindqvist", "Martin Kessler", "Veltaro Systems",
            "Nordpress", "IG Metall", "Hanseatischen Privatbank",
            "Verband Deutscher Chiphersteller"} <= offered
    nouns = {"Unternehmen", "Aktie", "Die Aktie", "Chips", "Regierung", "Modell", "Werk",
             "Nachfrage", "Milliarden Euro", "Betriebsrat", "Kaufen", "Halten", "Analyst"}
    assert not offered & nouns
    # No title or role is left on a name, and a surname alone is its person's alias.
    assert not {n for n in offered if n.split()[0] in {"Herr", "Frau", "Konzernchef",
                                                       "Betriebsratschefin", "Laut", "Der"}}
    by_name = {e.name: e for e in found.new_names}
    assert by_name["Jörg Haberland"].aliases == ("Haberland",)
    assert by_name["Petra Lindqvist"].aliases == ("Lindqvist",)


def test_the_measured_precision_and_recall_hold() -> None:
    (case,) = [c for c in measured.cases() if c.language == "de"]
    score = measured.score(case)
    assert score.recall == 1.0, score.misses
    assert score.precision >= 0.9, score.wrong


def test_a_quotations_speaker_is_named_without_a_title() -> None:
    found = suggest.suggest(ARTICLE.read_text("utf-8"), EMPTY, language="de")
    speakers = {q.text[:14]: q.speaker_name for q in found.quotes}
    assert speakers["Die Nachfrage "] == "Jörg Haberland"  # "sagte Konzernchef Jörg …"
    assert speakers["Die Beschäftig"] == "Aylin Demir"


@pytest.mark.parametrize(("text", "names"), [
    # The words capitalised at a sentence's or a quotation's start are no part of a name.
    ("Es hieß: „Die Nachfrage sinkt“, sagte Anna Berg.", {"Anna Berg"}),
    # Titles and roles, alone or in a compound, are left off.
    ("Am Montag sagte Herr Altman, US-Präsident Tom Reyes sei informiert.",
     {"Altman", "Tom Reyes"}),
    ("Dann sprach Vorstandschef Sam Altman mit Firmenchefin Lea Roth.",
     {"Sam Altman", "Lea Roth"}),
    # A word alone needs a sign of a name: a speaker, a role before it, no article twice,
    # a spelling no noun has.
    ("Das Werk in Kassel wächst, sagte Brenner. Das Modell gilt für Kassel.",
     {"Kassel", "Brenner"}),
    ("Die Zahlen von IBM und DeepSeek überraschten die Börse.", {"IBM", "DeepSeek"}),
    ("Zuletzt stieg die Aktie. Die Regierung prüft die Förderung der Regierung.", set()),
    # An organisation's name keeps its suffix; the description before it goes.
    ("Gestern meldete der Autobauer-Zulieferer Kramer Antriebe GmbH Gewinne.",
     {"Kramer Antriebe GmbH"}),
    ("Dazu äußerte sich der Verband der Automobilindustrie.",
     {"Verband der Automobilindustrie"}),
])
def test_german_names(text: str, names: set[str]) -> None:
    assert german_names(text) == names


@pytest.mark.parametrize("word", [
    "Herr", "Frau", "Konzernchef", "Konzernchefin", "Vorstandschef", "Firmenchef",
    "Geschäftsführer", "Geschäftsführerin", "Präsident", "Präsidentin", "US-Präsident",
    "Kanzler", "Kanzlerin", "Minister", "Wirtschaftsministerin", "Sprecher", "Sprecherin",
    "Gründer", "Gründerin", "Analyst", "Analystin", "Finanzvorständin", "Chiphersteller"])
def test_titles_and_roles_are_told(word: str) -> None:
    assert is_role(word)


@pytest.mark.parametrize("word", ["Halbleiter", "Richter", "Bauer", "Brandauer", "Haberland"])
def test_names_and_nouns_that_end_like_a_role_are_none(word: str) -> None:
    assert not is_role(word)


@pytest.mark.parametrize("case", [c for c in measured.cases() if c.language != "de"],
                         ids=lambda c: c.name)
def test_french_spanish_and_italian_are_read_as_before(case: measured.Case) -> None:
    def names(language: str) -> list[str]:
        found = suggest.suggest(case.text, EMPTY, new_id=case.name, language=language)
        return [e.name for e in found.new_names]

    assert names(case.language) == names("en")


@pytest.mark.parametrize(("site", "german"), [("de", True), ("en", False)])
def test_a_text_file_is_read_in_the_sites_language(tmp_path: Path, site: str,
                                                   german: bool) -> None:
    added = starter.prepare(ARTICLE.read_bytes(), "article.txt", tmp_path / "content",
                            tmp_path, source_id="added", site_language=site)
    offered = {e.name for e in added.suggestions.new_names}
    assert ("Die Aktie" not in offered) == german


def test_a_page_is_read_in_the_language_it_declares(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in
                         ARTICLE.read_text("utf-8").split("\n")[2:] if line)
    page = (f'<html lang="de"><head><title>Brandauer senkt Prognose</title></head><body>'
            f"<article><h1>Brandauer senkt Prognose</h1>{paragraphs}</article></body>"
            "</html>").encode()
    added = starter.prepare(page, "page.html", tmp_path / "content", tmp_path,
                            source_id="added", site_language="en")
    offered = {e.name for e in added.suggestions.new_names}
    assert "Jörg Haberland" in offered and "Die Aktie" not in offered
