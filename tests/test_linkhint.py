"""A hand-written page's broken link gets the page it most likely meant, when MkDocs has
none to suggest: curators link from `content/pages/` to generated pages as the content
folder has them, or mistype an id."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from briefing.linkhint import closest_page, page_key, placed_report
from briefing.plugin.linklog import LinkPositions
from briefing.problems import LinkReports

PAGES = ("index.md", "about.md", "notes/today.md", "claims/index.md",
         "claims/widget-cost-5m.md", "briefs/index.md", "briefs/musk-openai-bid.md")


@pytest.mark.parametrize(("page", "url", "meant"), [
    # The content folder's layout, not the site's: `claims.md` is the Claims page.
    ("notes.md", "../claims.md", "claims/index.md"),
    ("notes.md", "../content/briefs/musk-openai-bid.md", "briefs/musk-openai-bid.md"),
    # A mistyped id, from a page in a folder, keeping the anchor.
    ("notes.md", "claims/widget-cost-5.md", "claims/widget-cost-5m.md"),
    ("notes/today.md", "../briefs/musk-bid.md#why", "../briefs/musk-openai-bid.md#why"),
    ("notes.md", "abuot.md", "about.md"),
    # Nothing alike, the page itself, an address elsewhere: no hint.
    ("notes.md", "zebra.md", None),
    ("about.md", "abuot.md", None),
    ("notes.md", "https://example.org/claims.md", None),
    ("notes.md", "#part", None),
])
def test_the_closest_page_is_offered_as_a_link_from_the_page(
        page: str, url: str, meant: str | None) -> None:
    assert closest_page(page, url, PAGES) == meant


def test_a_page_key_is_its_words() -> None:
    assert page_key("claims/index.md") == page_key("../claims.md") == "claims"
    assert page_key("./a/b.md") == "a/b"


def test_mkdocs_report_gets_the_position_and_the_hint(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Notes\n\nSee [the claims](../claims.md).\n",
                                       encoding="utf-8")
    positions = LinkPositions()
    try:
        positions.docs_dir, positions.pages = tmp_path, PAGES
        positions.reports = LinkReports()
        said = ("Doc file 'notes.md' contains a link '../claims.md', but the target "
                "'../claims.md' is not found among documentation files.")
        record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0, said,
                                   (), None)
        assert positions.filter(record)
        assert record.getMessage().endswith(
            f"notes.md:3:18: {said} Did you mean 'claims/index.md'?")
        [report] = positions.reports.all()
        assert report.message.endswith("Did you mean 'claims/index.md'?")
        # MkDocs' own suggestion stands alone.
        own = said + " Did you mean 'about.md'?"
        record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0, own,
                                   (), None)
        positions.filter(record)
        assert record.getMessage().count("Did you mean") == 1
    finally:
        positions.close()


@pytest.mark.parametrize(("said", "where"), [
    # A page's link: at its line and column in the page's Markdown.
    ("Doc file 'notes.md' contains a link 'abuot.md', but the target is not found among "
     "documentation files.", "/notes.md:1:7"),
    # A page MkDocs reports that is not in docs_dir (a generated one): no position.
    ("Doc file 'claims/index.md' contains a link 'x.md', but the target is not found "
     "among documentation files.", None),
])
def test_a_report_is_placed_by_the_core(tmp_path: Path, said: str, where: str | None) -> None:
    (tmp_path / "notes.md").write_text("[Who](abuot.md)\n", encoding="utf-8")
    placed = placed_report(said, tmp_path, PAGES)
    assert placed is not None
    if where is None:
        assert placed.where is None
    else:
        assert placed.where is not None and placed.where.endswith(where)
        assert placed.message.endswith("Did you mean 'about.md'?")
    assert placed.page == said.split("'")[1]


def test_other_messages_are_not_reports(tmp_path: Path) -> None:
    assert placed_report("Building documentation...", tmp_path, PAGES) is None
