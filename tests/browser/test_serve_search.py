"""Under `mkdocs serve` the theme keeps MkDocs' own search (lunr, in a worker): a query it
cannot read says so instead of leaving the last query's results on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from serving import served

pytestmark = pytest.mark.browser


def test_a_query_lunr_refuses_says_so(tmp_path: Path, page, screenshots: Path) -> None:
    with served(tmp_path) as (_, base, server):
        page.goto(f"{base}/")
        page.locator("form.search[data-ready]").wait_for(state="attached", timeout=60_000)
        box = page.locator("form.search input[type=search]")
        box.click()
        box.press_sequentially("Musk", delay=40)
        results = page.locator("form.search .search-results")
        results.locator("article").first.wait_for(state="visible", timeout=15_000)
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
