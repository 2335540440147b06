"""Hands the search plugin's entries for each page over to `briefing/searchindex.py`, which
trims them (MkDocs 1.6's `SearchIndex` entries).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..paths import holds_own_text
from ..searchindex import trim


class SearchEntries:
    """Hands out, page by page, the entries the search plugin has just added, and puts
    back what is kept of them."""

    def __init__(self) -> None:
        self.seen = 0

    def added(self, page: Page, config: MkDocsConfig) -> list[dict[str, Any]] | None:
        index = getattr(config.plugins.get("search"), "search_index", None)
        # (Private: docs/architecture.md. Without it, the pages are indexed as MkDocs does.)
        every = getattr(index, "_entries", None)
        if not isinstance(every, list):
            return None
        entries: list[dict[str, Any]] = every[self.seen:]
        return entries

    def kept(self, config: MkDocsConfig, entries: list[dict[str, Any]]) -> None:
        """The page's entries, as `added` gave them or fewer."""
        index = config.plugins["search"].search_index  # type: ignore[attr-defined]
        index._entries[self.seen:] = entries
        self.seen = len(index._entries)


def trimmed(entries: list[dict[str, Any]], page: Page) -> list[dict[str, Any]]:
    """A generated page's entries as `searchindex.trim` keeps them."""
    return trim(entries, own_text=holds_own_text(page.file.src_uri), url=page.url,
                title_anchor=page.toc.items[0].url if page.toc.items else None,
                html=page.content or "")
