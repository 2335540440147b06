"""What the search plugin keeps of Briefing's pages (MkDocs 1.6's `SearchIndex` entries).

The search plugin indexes every page twice over, once whole and once per section, and the
gathering pages (indexes, coverage, figures, timeline, map, entity appearances) repeat text
that sources, claims and briefs already hold: at 10,000 sources the index was 355 MB, more
than the pages themselves, and all of it stayed in memory until the end of the build. Each
generated page begins with its `h1`, so its sections hold all of its text: the whole-page
entry keeps the title and loses the repeated text, and a gathering page keeps the text of
its title section (its introduction) only. Hand-written pages are indexed as MkDocs does.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..render import holds_own_text


class SearchEntries:
    """Hands out, page by page, the entries the search plugin has just added."""

    def __init__(self) -> None:
        self.seen = 0

    def added(self, page: Page, config: MkDocsConfig) -> list[dict[str, Any]] | None:
        index = getattr(config.plugins.get("search"), "search_index", None)
        if index is None:
            return None
        entries: list[dict[str, Any]] = index._entries[self.seen:]
        self.seen = len(index._entries)
        return entries


def trim(entries: list[dict[str, Any]], page: Page) -> None:
    """Drop the text a generated page repeats (see the module's docstring)."""
    if not entries:
        return
    entries[0]["text"] = ""
    if holds_own_text(page.file.src_uri):
        return
    title = page.url + page.toc.items[0].url if page.toc.items else None
    for entry in entries[1:]:
        if entry["location"] != title:
            entry["text"] = ""


# As the search plugin serialises its index (MkDocs 1.6, `generate_search_index`).
_dumps = partial(json.dumps, sort_keys=True, separators=(",", ":"), default=str)


class IndexText:
    """`search_index.json` as the search plugin writes it, from each page's entries
    serialised once: a serve rebuild serialises only the pages it rebuilt, where the search
    plugin serialises the whole index every time (0.1 s at 1,000 sources)."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[list[dict[str, Any]], str]] = {}

    def text(self, config: dict[str, Any],
             pages: list[tuple[str, list[dict[str, Any]]]]) -> str:
        kept, self.pages = self.pages, {}
        parts = []
        for path, entries in pages:
            last = kept.get(path)
            part = last[1] if last and last[0] is entries else _dumps(entries)[1:-1]
            self.pages[path] = (entries, part)
            if part:
                parts.append(part)
        return '{"config":' + _dumps(config) + ',"docs":[' + ",".join(parts) + "]}"
