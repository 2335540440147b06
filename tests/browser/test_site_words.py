"""The theme's and the scripts' words in the site's language: a French site (`theme:
locale: fr`, a language Briefing has words for) says them in French, with no mark of
English on them (the skip link, the footer, the 404 page, a citation's preview, a
passage's "is cited in:" note, the search's status, filters and counts), while a
source's own words keep theirs. The other way,
a site in a language Briefing has no words for, keeps them English and marked so:
test_right_to_left.py (Arabic)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_directions import served
from test_pages import preview_of, search_for

pytestmark = pytest.mark.browser

FILES = {
    # In the site's language: it names none.
    "sources/fr-aide.txt": (
        "Le gouvernement annonce une aide aux agriculteurs\n"
        "Le ministre de l'Agriculture a annoncé mardi une aide aux agriculteurs touchés "
        "par la sécheresse. « Nous allons agir très vite », a-t-il déclaré aux "
        "journalistes. Les syndicats attendent les détails.\n"),
    "sources/fr-aide.yml": (
        'title: "Le gouvernement annonce une aide aux agriculteurs"\n'
        'outlet: "La Gazette"\npublished: "2025-03-04"\nquotes:\n'
        '  - id: fr-vite\n    text: "Nous allons agir très vite"\n    speaker: fr-ministre\n'
        "    asserts: [aide-vite]\n"
        '  - id: fr-secheresse\n    text: "une aide aux agriculteurs touchés par la '
        'sécheresse"\n'),
    "entities.yml": (
        "entities:\n  - {id: fr-ministre, name: ministre de l'Agriculture, kind: person}\n"),
    "claims.yml": (
        "claims:\n  - id: aide-vite\n"
        '    statement: "Le [[entity:fr-ministre]] dit que le gouvernement agira vite."\n'
        "    claimant: fr-ministre\n    status: reported\n"),
    "briefs/aide.yml": (
        'title: "Aider les agriculteurs face à la sécheresse"\n'
        'summary: "Le ministère promet une aide rapide aux agriculteurs."\n'
        "sections:\n  - kind: what-happened\n    points:\n"
        '      - text: "Le [[entity:fr-ministre]] promet d\'agir vite pour les '
        'agriculteurs touchés par la sécheresse."\n'
        "        cites: [fr-vite, fr-secheresse]\n        claims: [aide-vite]\n"),
}
BRIEF = "briefs/aide/"
SOURCE = "sources/fr-aide/"
PAGES = ("", BRIEF, SOURCE, "claims/aide-vite/")
# What is marked English: nothing, on a French site.
ENGLISH = "[lang=en]"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("french") / "project"
    with served(project, FILES, "theme:\n  name: briefing\n  locale: fr\n", "fr") as url:
        yield url


def test_the_themes_words_are_french_and_unmarked(page, problems, site: str,
                                                  screenshots: Path) -> None:
    for path in PAGES:
        page.goto(site + path)
        assert page.evaluate("document.documentElement.lang") == "fr"
        assert page.locator(ENGLISH).count() == 0, (path, page.locator(ENGLISH).first
                                                    .evaluate("el => el.outerHTML"))
        assert page.locator(".skip-link").text_content() == "Aller au contenu"
        footer = page.locator(".site-footer p").first.inner_text()
        assert footer.startswith("My briefing\u202f: chaque point"), footer
    page.screenshot(path=str(screenshots / "french-claim.png"), full_page=True)
    problems.assert_none("the French site")
    tab = page.context.new_page()  # (the 404 page's favicon is a 404: test_right_to_left)
    tab.goto(site + "404.html")
    assert tab.locator("main h1").inner_text() == "Page introuvable"
    assert tab.locator(f"main {ENGLISH}").count() == 0
    tab.close()


def test_the_scripts_words_are_french_and_unmarked(page, site: str,
                                                   screenshots: Path) -> None:
    """A citation's preview ("…, dans …") and a passage's note ("… est cité dans : …")."""
    page.goto(site + BRIEF)
    cite = page.locator("main a.cite").first
    cite.focus()
    preview = preview_of(page, cite)
    preview.wait_for(state="visible")
    source = preview.locator(".cite-preview-source")
    assert source.inner_text().startswith("ministre de l'Agriculture, dans "), \
        source.inner_text()
    assert preview.locator("[lang=en]").count() == 0
    page.screenshot(path=str(screenshots / "french-citation-preview.png"))
    page.goto(site + SOURCE + "#q-fr-vite")
    note = page.locator(".cited-back")
    note.wait_for()
    assert "est cité dans\u202f: " in note.inner_text(), note.inner_text()
    assert note.evaluate("el => el.lang") == "fr"
    assert note.locator("[lang=en]").count() == 0
    page.screenshot(path=str(screenshots / "french-cited-in.png"))


def test_the_search_speaks_french(page, site: str, screenshots: Path) -> None:
    """The search script's words (theme/assets/search.js): its count of pages found, the
    kinds and the claims' statuses it shows, its filters and its "nothing matches" are
    French, and nothing in the search box is marked English; the filters' values stay the
    index's own."""
    page.goto(site + BRIEF)
    results = search_for(page, "vite")
    status = page.locator(".search-status")
    page.wait_for_function("n => document.querySelector('.search-status').textContent"
                           ".startsWith(n + ' ')", arg=results.count())
    assert re.fullmatch(rf"{results.count()} pages", status.inner_text()), status.inner_text()
    texts = "es => es.map(e => e.textContent)"  # (as written: the styles capitalise kinds)
    kinds = page.locator("#search-results .search-kind").evaluate_all(texts)
    assert {"Synthèse", "Affirmation", "Source"} <= set(kinds), kinds
    assert page.locator("#search-results h3 > .status").evaluate_all(texts) == ["rapportée"]
    labels = page.locator(".search-filters label").evaluate_all(
        "ls => ls.map(l => l.firstChild.textContent)")
    assert labels == ["Type de page ", "Statut de l\u2019affirmation "], labels
    options = page.locator("select[name=type] option")
    shown = options.evaluate_all("os => os.map(o => [o.textContent, o.value])")
    assert shown[0] == ["tous", ""], shown
    assert {"Affirmation": "Claim", "Entité": "Entity", "Source": "Source",
            "Synthèse": "Brief"}.items() <= dict(shown).items(), shown
    assert [words for words, _ in shown[1:]] == sorted(words for words, _ in shown[1:]), shown
    assert page.locator("select[name=status] option").evaluate_all(texts) == \
        ["tous", "Rapportée"]
    assert page.locator("form.search [lang]").count() == 0
    page.screenshot(path=str(screenshots / "french-search.png"))

    page.select_option("select[name=type]", "Claim")
    page.wait_for_function("() => document.querySelector('.search-status').textContent"
                           " === '1 page'")
    page.locator("#search-query").fill("zzzzz")
    page.wait_for_function("() => document.querySelector('.search-status').textContent"
                           " === 'Aucun résultat.'")
