"""The search plugin, whatever its key, and each page's entries in its index, handed over
to `briefing/searchindex.py`, which trims MkDocs' (MkDocs 1.6's `SearchIndex` entries).

`- search` names MkDocs' own plugin, or under a theme with its own (Material's) that one,
keyed `material/search`. Both are shown a gathering page cut down (`searchindex.reduced`),
which for Material's index, with no whole-page entry, is all the trimming there is.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.contrib.search import SearchPlugin
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from ..paths import holds_own_text
from ..searchindex import IndexText, titles_as_text, trim


def search_plugin(config: MkDocsConfig) -> BasePlugin[Any] | None:
    """The search plugin: `search`, or a theme's (`<theme>/search`), as MkDocs keys it."""
    return next((plugin for key, plugin in config.plugins.items()
                 if key == "search" or key.endswith("/search")), None)


def is_material(plugin: object) -> bool:
    return type(plugin).__module__.startswith("material.")


class SearchEntries:
    """Hands out, page by page, the entries the search plugin has just added, and puts
    back what is kept of them. (Private, both plugins': docs/architecture.md. Without
    them, the pages are indexed as the search plugin does.)"""

    def __init__(self, config: MkDocsConfig) -> None:
        self.plugin = search_plugin(config)
        self.material = is_material(self.plugin)
        # Pages are shown cut down only to the plugins whose parsing that was checked with.
        self.known = isinstance(self.plugin, SearchPlugin) or self.material
        self.seen = 0

    def stale_when_dirty(self) -> bool:
        """Whether a dirty build would leave the index stale: Material's search merges
        its last index in as if a dirty build rebuilt one page, which `whole` stops
        through `search_index_prev`, given every page's `entries`. (Its index is made in
        its `on_config`, maybe after this one's: the last build's is checked.)"""
        index = getattr(self.plugin, "search_index", None)
        return self.material and not (hasattr(self.plugin, "search_index_prev") and (
            index is None or isinstance(getattr(index, "entries", None), list)))

    def every(self) -> list[dict[str, Any]] | None:
        index = getattr(self.plugin, "search_index", None)
        entries = getattr(index, "entries" if self.material else "_entries", None)
        return entries if self.known and isinstance(entries, list) else None

    def added(self, page: Page) -> list[dict[str, Any]] | None:
        every = self.every()
        return None if every is None else every[self.seen:]

    def kept(self, entries: list[dict[str, Any]]) -> None:
        """The page's entries, as `added` gave them or fewer (`titles_as_text`)."""
        every = self.every()
        assert every is not None
        every[self.seen:] = entries if self.material else titles_as_text(entries)
        self.seen = len(every)

    def whole(self, pages: list[tuple[str, list[dict[str, Any]]]], text: IndexText) -> None:
        """The index written is `pages`' entries, in order, as a full build writes it.
        Material's, after a dirty build, merges its last index with this one's entries as
        if one page were rebuilt: left so, it went stale and grew with every rebuild."""
        every = [entry for _, entries in pages for entry in entries]
        index: Any = getattr(self.plugin, "search_index", None)
        if self.material:
            index.entries = every
            self.plugin.search_index_prev = None  # type: ignore[union-attr]
            return
        index._entries = every
        if not index.config.get("prebuild_index"):
            written = text.text(index.config, pages)
            index.generate_search_index = lambda: written


def trimmed(entries: list[dict[str, Any]], page: Page) -> list[dict[str, Any]]:
    """A generated page's entries as `searchindex.trim` keeps them."""
    return trim(entries, own_text=holds_own_text(page.file.src_uri), url=page.url,
                title_anchor=page.toc.items[0].url if page.toc.items else None,
                html=page.content or "")
