"""`briefing new`'s author of a text file from a byline of the press of its language
("Von Anna Berg", "Par Claire Martin", "Por Lucía Armengol", "di Marco Rossi", "Por Maria
Silva"), read as the English one is ("By Mira Castell"), and never from a sentence that
starts with the same word."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import minimal_corpus, write_tree

from briefing import starter, suggest

HEADLINE = "Soriana aprueba el plan del agua\n"


def author(line: str, language: str) -> str | None:
    found = suggest.find_byline(f"{HEADLINE}{line}\n\nEl pleno votó ayer.\n", language)
    return found.author if found else None


@pytest.mark.parametrize(("language", "line", "name"), [
    ("de", "Von Anna Berg", "Anna Berg"),
    ("de", "Von Anna Berg und Max Roe", "Anna Berg und Max Roe"),
    ("de-AT", "Von Anna Berg", "Anna Berg"),
    ("fr", "Par Claire Martin", "Claire Martin"),
    ("fr", "Par Claire Martin et Paul Roy", "Claire Martin et Paul Roy"),
    ("fr", "par Claire Martin.", "Claire Martin"),
    ("es", "Por Lucía Armengol", "Lucía Armengol"),
    ("es", "Por Lucía Armengol y Juan Pérez", "Lucía Armengol y Juan Pérez"),
    ("es", "POR Lucía Armengol", "Lucía Armengol"),
    ("es", "Por María José García López", "María José García López"),
    ("it", "Di Marco Rossi", "Marco Rossi"),
    ("it", "di Marco Rossi e Anna Bianchi", "Marco Rossi e Anna Bianchi"),
    ("pt", "Por Maria Silva", "Maria Silva"),
    ("pt-BR", "Por Maria Silva e João Costa", "Maria Silva e João Costa"),
    # Names with particles, and a surname's article before its capitalised word.
    ("es", "Por María de la Vega", "María de la Vega"),
    ("de", "Von Ursula von der Leyen", "Ursula von der Leyen"),
    ("fr", "Par Jean de La Fontaine", "Jean de La Fontaine"),
    ("fr", "Par Odile Le Roux", "Odile Le Roux"),
    ("it", "Di Marco Lo Presti", "Marco Lo Presti"),
    ("pt", "Por Ana do Carmo e João dos Santos", "Ana do Carmo e João dos Santos"),
    # An outlet after a comma is left out, as in English.
    ("fr", "Par Claire Martin, Le Petit Matin", "Claire Martin"),
    ("es", "Por Lucía Armengol, El Diario Mercantil", "Lucía Armengol"),
    # On the dateline's line, apart by a dash or a bar, in either order.
    ("fr-CA", "MONTRÉAL, le 3 mars 2025 — Par Geneviève Tremblay", "Geneviève Tremblay"),
    ("fr", "PARIS, 3 mars 2025 \u2013 par Claire Martin et Paul Roy", "Claire Martin et Paul Roy"),
    ("es", "VALLADOLID, 3 de abril de 2025 - Por Lucía Armengol", "Lucía Armengol"),
    ("de", "Graz, 3. März 2025 — Von Katharina Leitner", "Katharina Leitner"),
    ("it", "Torino, 3 marzo 2025 — Di Giulia Ferraris", "Giulia Ferraris"),
    ("pt-BR", "VALE CLARO (SP), 3 de março de 2025 — Por Helena Prado", "Helena Prado"),
    ("en", "WASHINGTON, March 3, 2025 — By Mira Castell", "Mira Castell"),
    # The byline first, then the dateline.
    ("fr", "Par Claire Martin — PARIS, 3 mars 2025", "Claire Martin"),
    ("en", "By Mira Castell | 3 March 2025", "Mira Castell"),
])
def test_a_byline_of_the_articles_language_names_its_author(language: str, line: str,
                                                           name: str | None) -> None:
    assert author(line, language) == name


@pytest.mark.parametrize(("language", "line"), [
    # A sentence that starts with the word.
    ("es", "Por la mañana, el pleno votó el plan."),
    ("es", "Por La Mañana"),
    ("fr", "Par ailleurs, le maire a signé."),
    ("de", "Von Montag an gilt der Plan."),
    ("de", "Von Heute Auf Morgen"),
    ("de", "Von Anfang Mai"),
    ("it", "Di recente il sindaco ha firmato."),
    ("pt", "Por isso, o plano foi aprovado."),
    # A line that goes on after the name, as "By Jane Doe, energy correspondent".
    ("es", "Por Lucía Armengol, corresponsal"),
    ("fr", "Par Claire Martin, envoyée spéciale à Soriana"),
    ("de", "Von Anna Berg, Korrespondentin in Madrid"),
    ("it", "Di Marco Rossi, inviato a Soriana"),
    ("es", "Por Lucía Armengol el 3 de marzo"),
    # One word is no person's name.
    ("de", "Von Reuters"),
    # Another language's word with one name: "Por" is no byline in a German article.
    ("de", "Por Lucía Armengol"),
    ("en", "Von Anna Berg"),
    ("en", "Di Marco Rossi"),
    ("en", "Par Claire Martin"),
    ("fr", "Von Anna Berg"),
    # The article's first sentence after the dateline, not a byline.
    ("fr", "MONTRÉAL, le 3 mars 2025 — Par ailleurs, la Ville a signé."),
    ("fr", "PARIS, 3 mars 2025 — Par Claire Martin, la ministre a signé le plan."),
    ("es", "VALLADOLID, 3 de abril de 2025 \u2013 Por la mañana, el pleno votó."),
    ("de", "Graz, 3. März 2025 — Von Montag an gilt der Plan."),
    # No date beside it: a headline with a dash is no dateline.
    ("fr", "Le tramway de l'Est — Par Claire Martin"),
    # Another language's word with one name.
    ("de", "Graz, 3. März 2025 — Por Lucía Armengol"),
])
def test_no_other_line_is_a_byline(language: str, line: str) -> None:
    assert author(line, language) is None


@pytest.mark.parametrize(("line", "name"), [
    ("Von Anna Berg und Max Roe", "Anna Berg und Max Roe"),
    ("Par Claire Martin et Paul Roy", "Claire Martin et Paul Roy"),
    ("Por Lucía Armengol y Juan Pérez", "Lucía Armengol y Juan Pérez"),
    ("di Marco Rossi e Anna Bianchi", "Marco Rossi e Anna Bianchi"),
    ("Por Maria Silva e João Costa", "Maria Silva e João Costa"),
])
@pytest.mark.parametrize("language", ["en", "de", "es", "nl"])
def test_two_names_and_the_word_joining_them_say_the_language(language: str, line: str,
                                                              name: str) -> None:
    assert author(line, language) == name


def test_english_bylines_are_read_in_any_language() -> None:
    assert author("By Mira Castell", "es") == "Mira Castell"
    assert author("By Mira Castell and Tom Brennan", "de") == "Mira Castell and Tom Brennan"


def test_only_the_first_lines_hold_a_byline() -> None:
    text = "Uno.\nDos.\nTres.\nCuatro.\nCinco.\nPor Lucía Armengol\n"
    assert suggest.find_byline(text, "es") is None


ARTICLE = ("Soriana aprueba el plan del agua\nPor Lucía Armengol\n\n"
           "El pleno de Soriana aprobó el 3 de marzo de 2025 el plan del agua.\n")


def _added(tmp_path: Path, **options: str) -> str:
    content = write_tree(tmp_path / "content", minimal_corpus())
    return starter.prepare(ARTICLE.encode(), "a.txt", content, tmp_path,
                           source_id="added", **options).starter


def test_a_spanish_sites_text_file_gets_its_bylines_author(tmp_path: Path) -> None:
    written = _added(tmp_path, site_language="es")
    assert "# SUGGESTION: the byline on line 2, 'Por Lucía Armengol'; check it against " \
        "the article.\nauthor: \"Lucía Armengol\"\n" in written


def test_the_language_given_reads_the_byline(tmp_path: Path) -> None:
    assert 'author: "Lucía Armengol"' in _added(tmp_path / "es", site_language="en",
                                                 language="es")
    # On an English site, with no language given, "Por" is no byline.
    assert "author:" not in _added(tmp_path / "en", site_language="en")


@pytest.mark.parametrize(("language", "byline"), [
    ("es", "Por Lucía Armengol"), ("de", "Von Anna Berg und Max Roe"),
    ("fr", "Par Jean de La Fontaine"), ("it", "di Marco Rossi"), ("pt-PT", "Por Maria Silva"),
    ("en", "Por Lucía Armengol y Juan Pérez"),
])
def test_a_byline_before_the_headline_is_passed_over(language: str, byline: str) -> None:
    found = suggest.find_title(f"{byline}\n{HEADLINE}", language)
    assert (found.text, found.line, found.passed_over) == (HEADLINE.strip(), 2, ("byline",))


def test_another_languages_byline_is_no_furniture() -> None:
    # (three words, as any short headline: "Por" is no byline in an English article)
    found = suggest.find_title(f"Por Lucía Armengol\n{HEADLINE}", "en")
    assert (found.text, found.line) == ("Por Lucía Armengol", 1)


def test_the_id_is_made_of_the_headline_after_the_byline(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    text = "Por Lucía Armengol\nSoriana aprueba el plan del agua\n\nEl pleno votó.\n"
    added = starter.prepare(text.encode(), "a.txt", content, tmp_path, site_language="es")
    assert added.id == "soriana-aprueba-el-plan-del-agua"
    assert 'title: "Soriana aprueba el plan del agua"' in added.starter

