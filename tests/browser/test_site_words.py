"""The theme's and the scripts' words in the site's language: a French site (`theme:
locale: fr`, a language Briefing has words for) says them in French, with no mark of
English on them (the skip link, the footer, the 404 page, a citation's preview, a
passage's "is cited in:" note), while a source's own words keep theirs. The other way,
a site in a language Briefing has no words for, keeps them English and marked so:
test_right_to_left.py (Arabic)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_directions import served
from test_pages import preview_of

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
        "    asserts: [aide-vite]\n"),
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
        "        cites: [fr-vite]\n        claims: [aide-vite]\n"),
}
BRIEF = "briefs/aide/"
SOURCE = "sources/fr-aide/"
PAGES = ("", BRIEF, SOURCE, "claims/aide-vite/")
# The one element marked English on every page: the search box's status, which the
# theme's search script (theme/assets/search.js) writes in English.
ENGLISH = "[lang=en]:not(.search-status)"


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
