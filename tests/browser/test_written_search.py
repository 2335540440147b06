"""The search's results, as the browser shows them, read as the contributor wrote: each
result's title and excerpt hold `&`, `<b>x</b>`, quotes and a literal `&amp;` as text,
escaped once. A page titled only in its front matter was listed by Pagefind under its
`<title>`, "Q & A · <site name>". The rest of the site is read without a browser, in
tests/test_written_as_written.py."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from test_pages import search_for
from test_themes import build, http_server
from written_corpus import FIELDS, misread, project, shown

pytestmark = pytest.mark.browser

ESCAPED = ("&amp;amp;", "&lt;", "&gt;", "&quot;", "&#")


@pytest.fixture(scope="module")
def written_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """tests/written_corpus.py built with Briefing's theme (Pagefind's search) and served."""
    root = tmp_path_factory.mktemp("written")
    build([sys.executable, "-m", "mkdocs"], project(root / "project", "briefing"),
          root / "site")
    with http_server(root / "site") as url:
        yield url


def shown_results(page) -> list[tuple[str, list[str]]]:
    """Every result, past "More results": its title, and its sections' titles and
    excerpts, as shown."""
    results = page.locator("#search-results article")
    while page.locator("button.search-more").count():
        count = results.count()
        page.locator("button.search-more").click()
        page.wait_for_function("n => document.querySelectorAll('#search-results article')"
                               ".length > n", arg=count)
    return results.evaluate_all("""articles => articles.map(a => [
        a.querySelector('h3 > a').innerText,
        [...a.querySelectorAll(':scope > p:not(.search-kind), a.search-section')]
          .map(p => p.innerText)])""")


def test_search_results_read_as_written(page, problems, written_site: str) -> None:
    page.goto(f"{written_site}fm/")
    search_for(page, "quoted")
    results = shown_results(page)
    titles = {title for title, _ in results}
    # Each page titled by a field is listed under that title, as written.
    assert {shown(field) for field in ("page title in front matter",
                                       "page title as heading", "brief title",
                                       "source title", "entity name", "topic name",
                                       "metric name")} <= titles
    # A hand-written page's section is listed under its heading.
    assert shown("page section") in {text for _, parts in results for text in parts}
    texts = [title for title, _ in results] + [text for _, parts in results for text in parts]
    assert not [(text, escape) for text in texts for escape in ESCAPED if escape in text]
    wrong = {field: found for field in FIELDS for text in texts
             if (found := misread(text, field, cropped=True))}
    assert not wrong
    assert page.locator("#search-results b").count() == 0
    problems.assert_none(written_site)
