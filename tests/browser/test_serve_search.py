"""Under `mkdocs serve` the theme keeps MkDocs' own search (lunr, in a worker): a query it
cannot read says so instead of leaving the last query's results on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from serving import served

pytestmark = pytest.mark.browser


def search_musk(page, base: str):
    """"Musk" typed into the search box once its index is in: the box and the results."""
    page.goto(f"{base}/")
    page.locator("form.search[data-ready]").wait_for(state="attached", timeout=60_000)
    box = page.locator("form.search input[type=search]")
    box.click()
    box.press_sequentially("Musk", delay=40)
    results = page.locator("form.search .search-results")
    results.locator("article").first.wait_for(state="visible", timeout=15_000)
    return box, results


def test_a_query_lunr_refuses_says_so(tmp_path: Path, page, screenshots: Path) -> None:
    with served(tmp_path) as (_, base, server):
        box, results = search_musk(page, base)
        # `Musk:` names a field lunr does not have: its worker throws on the query.
        box.press_sequentially(": bid", delay=40)
        note = results.get_by_text("No results: this search reads")
        note.wait_for(state="visible", timeout=15_000)
        assert results.locator("article").count() == 0
        page.screenshot(path=screenshots / "serve-search-refused.png", animations="disabled")
        box.fill("")
        box.press_sequentially("Musk bid", delay=40)
        results.locator("article").first.wait_for(state="visible", timeout=15_000)
        assert server.poll() is None


def test_a_french_sites_serve_search_speaks_french(tmp_path: Path, page) -> None:
    """On a site in French (a language Briefing has words for) the count of results and
    the note on a query the search cannot read are French, and unmarked."""
    def french(project: Path) -> None:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "theme:\n  name: briefing\n", "theme:\n  name: briefing\n  locale: fr\n"),
            encoding="utf-8")

    with served(tmp_path, prepare=french) as (_, base, _server):
        box, results = search_musk(page, base)
        page.wait_for_function("() => / résultats?$/.test("
                               "document.querySelector('.search-status').textContent)")
        count = results.locator("article").count()
        assert page.locator(".search-status").inner_text() == \
            f"{count} résultat{'s' if count > 1 else ''}"
        assert page.locator("form.search [lang]").count() == 0
        box.press_sequentially(": bid", delay=40)
        results.get_by_text("Aucun résultat\u202f: cette recherche lit").wait_for(
            state="visible", timeout=15_000)


def test_a_title_holding_an_ampersand_is_listed_as_written(tmp_path: Path, page) -> None:
    """MkDocs' search script escapes the titles it lists: a page "Q & A" was listed as
    "Q &amp; A", its section "Ask & answer" as "Ask &amp; answer"."""
    def questions(project: Path) -> None:
        (project / "content" / "pages" / "qa.md").write_text(
            "---\ntitle: Q & A\n---\n\nWhat readers ask.\n\n## Ask & answer\n\nMore.\n",
            encoding="utf-8")

    with served(tmp_path, prepare=questions) as (_, base, _server):
        page.goto(f"{base}/")
        page.locator("form.search[data-ready]").wait_for(state="attached", timeout=60_000)
        page.locator("form.search input[type=search]").press_sequentially("answer", delay=40)
        found = page.locator("form.search .search-results article h3 a")
        found.first.wait_for(state="visible", timeout=15_000)
        assert {"Q & A", "Ask & answer"} <= set(found.all_inner_texts())
