"""Markdown to HTML for the generated pages, as MkDocs' `Page.render` converts them, piece
by piece, reusing the pieces that did not change, from memory (`mkdocs serve --dirty`) or
from the disk (every build). The cutting, the reuse and the disk entries are `pieces.py`'s;
the links, anchors and title are gathered as MkDocs gathers them by `pagelinks.py`.

The adapter gives each page's path, URL and Markdown, the Markdown settings, and a lookup
from a path of the site to its URL (`pagelinks.Lookup`); it gets back what `Page.render`
sets, or None: then the page has a link MkDocs checks and may report, and must convert
through MkDocs. What could make the pieces differ from the whole converts the page whole,
as one piece: a Markdown extension not known to act locally (then on a Markdown instance
of its own, as MkDocs converts a page), and what `pieces.cuttable` refuses.

The conversions kept between builds are held by a `Conversions` the adapter keeps and
passes in, beside the `BuildCache`, not in it: they are validated by what they depend on
(Markdown, settings, the addresses their links looked up) and stay right whatever happens
to the pipeline's stores, which a build that stopped midway empties.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from markdown.extensions.toc import nest_toc_tokens

from .linktext import NearLinkText
from .pagelinks import Lookup, SiteLinks, Unmirrored
from .pieces import FOLDER, Converted, Piece, PieceMemo, PieceStore, cuttable, flattened
from .results import versions

# Extensions whose output for a block depends on that block alone (MkDocs always adds
# toc, tables and fenced_code; a page with fenced code is not cut, see `cuttable`).
LOCAL_EXTENSIONS = frozenset(
    name for short in ("toc", "tables", "fenced_code", "attr_list")
    for name in (short, f"markdown.extensions.{short}"))


@dataclass(frozen=True)
class MarkdownSettings:
    extensions: tuple[Any, ...]  # names, or extension instances
    configs: Mapping[str, Any]  # by extension name

    def local(self) -> bool:
        return all(isinstance(name, str) and name in LOCAL_EXTENSIONS
                   for name in self.extensions)

    def instance(self) -> tuple[markdown.Markdown, SiteLinks]:
        links = SiteLinks()
        return markdown.Markdown(extensions=[*self.extensions, links, NearLinkText()],
                                 extension_configs=dict(self.configs)), links


def piece_store(project: Path, settings: MarkdownSettings, directory_urls: bool) -> PieceStore:
    """The project's converted pieces, beside its settings file (never among the pages),
    for these settings and the versions of what converts them."""
    modules = {name.split(".")[0] for name in settings.extensions if isinstance(name, str)}
    return PieceStore(project / FOLDER, {
        "versions": versions((), {"markdown", "briefing", *modules}),
        "extensions": list(settings.extensions),
        "extension_configs": dict(settings.configs),
        "directory_urls": directory_urls})


@dataclass(frozen=True)
class PageHTML:
    """What `Page.render` sets."""

    html: str
    toc: tuple[dict[str, Any], ...]  # toc tokens, nested as the toc extension nests them
    title: str | None  # the first `<h1>`'s, if the page starts with one
    anchors: frozenset[str]
    links_to_anchors: tuple[tuple[str, str, str], ...]  # (page linked to, anchor, link)


def page_html(html: str, converted: list[tuple[Piece, Converted]]) -> PageHTML:
    """The page, from its pieces."""
    headings: Any = [dict(heading) for _, result in converted for heading in result.headings]
    toc: Any = nest_toc_tokens(headings)
    return PageHTML(
        html=html, toc=tuple(toc),
        # The first element of the page is the first of the first piece with any.
        title=next((result.title for _, result in converted if result.html), None),
        anchors=frozenset().union(*(result.anchors for _, result in converted)),
        links_to_anchors=tuple(link for _, result in converted
                               for link in result.links_to_anchors))


class PieceConverter:
    """A Markdown instance with `SiteLinks` set for one page, reset for each piece."""

    def __init__(self, md: markdown.Markdown, links: SiteLinks) -> None:
        self.md, self.links = md, links
        self.count = 0  # pieces converted

    def convert(self, text: str) -> Converted:
        """The piece converted; raises `Unmirrored` for a link MkDocs must see."""
        self.count += 1
        self.md.reset()
        html = self.md.convert(text)
        tokens: list[dict[str, Any]] = getattr(self.md, "toc_tokens", [])
        links = self.links
        return Converted(
            html=html, headings=tuple(flattened(tokens)), title=links.title,
            anchors=frozenset(links.anchors | links.raw_anchors),
            links_to_anchors=tuple((target, anchor, link)
                                   for target, anchors in links.links.items()
                                   for anchor, link in anchors.items()),
            looked_up=frozenset(links.looked_up))


class Conversions(PieceMemo):
    """Each generated page's pieces as last converted, while they stay valid; `keep`:
    kept after the page is built (a `--dirty` session), else forgotten once it is. Only a
    session that keeps them cuts pages into pieces: elsewhere a page converts whole, as
    one piece, since cutting costs a cold build about 15% more (docs/architecture.md)."""

    def __init__(self, *, keep: bool = True) -> None:
        super().__init__()
        self.keep = keep
        # One Markdown instance for every page of a build (`SiteLinks.at` moves it from
        # page to page): making one per page took 0.6 ms, 30 ms of a reload.
        self.markdown: tuple[MarkdownSettings, markdown.Markdown, SiteLinks] | None = None
        self.disk: PieceStore | None = None
        # Pages a `--dirty` session's first build took whole from the disk, as a one-shot
        # build keeps them: by path, their Markdown, URL and store, to be cut while the
        # server is idle (`cut_whole`). Else an edit of one would convert all of it.
        self.uncut: dict[str, tuple[str, str, PieceStore]] = {}
        self.last: tuple[MarkdownSettings, Lookup] | None = None  # the last build's

    def use(self, disk: PieceStore | None) -> None:
        """Pieces come from `disk` in this build, and new ones go there (None: in memory
        only)."""
        self.disk = disk

    def converter(self, settings: MarkdownSettings, path: str, url: str,
                  lookup: Lookup) -> PieceConverter:
        if not settings.local():
            md, links = settings.instance()
        else:
            if self.markdown is None or self.markdown[0] != settings:
                self.markdown = (settings, *settings.instance())
            _, md, links = self.markdown
        links.at(path, url, lookup)
        return PieceConverter(md, links)

    def render(self, path: str, url: str, text: str, settings: MarkdownSettings,
               lookup: Lookup) -> PageHTML | None:
        """The page converted from its pieces; None if MkDocs must convert it."""
        key = self.disk.key(path, text) if self.disk else None
        if self.disk and key and path not in self.pages:
            kept = self.disk.kept(key, lookup)
            if kept is not None:
                self.pages[path] = kept
        converter = self.converter(settings, path, url, lookup)
        marker = settings.configs.get("toc", {}).get("marker", "[TOC]")
        cut = settings.local() and cuttable(text, marker, converter.md.is_block_level)
        self.uncut.pop(path, None)
        try:
            done = self.converted(path, text, converter.convert) if cut and self.keep else None
            done = done or self.converted(path, text, converter.convert, whole=True)
        except Unmirrored:
            self.pages.pop(path, None)
            return None
        assert done is not None  # (one piece always joins)
        self.last = (settings, lookup)
        self.kept(path, text, url, cut, done[1], converter.count)
        return page_html(*done)

    def kept(self, path: str, text: str, url: str, cut: bool,
             done: list[tuple[Piece, Converted]], count: int) -> None:
        """Keeps what the page converted to: on the disk, in memory if `keep`, and among
        the pages to cut while idle if it came whole from the disk."""
        assert self.last is not None
        if cut and self.keep and self.disk and not count \
                and [piece.markdown for piece, _ in done] == [text]:
            self.uncut[path] = (text, url, self.disk)
        if self.disk:
            self.disk.hits += not count
            self.disk.misses += bool(count)
            kept = self.pages.get(path, {})
            if count and all(piece.markdown in kept for piece, _ in done):
                self.disk.keep(self.disk.key(path, text), kept, self.last[1])
        if not self.keep:
            self.pages.pop(path, None)

    def cut_whole(self, stop: threading.Event) -> None:
        """Cuts the pages taken whole from the disk into pieces, the largest first, until
        `stop` is set (a build is starting; the page being cut then stays whole), and
        keeps them on the disk cut. Their HTML is the same either way; what changes is
        that an edit then converts only the pieces it changed, as in a session that
        started without the disk (at 1,000 sources a title edit changes 51 pages, 856 KB
        of Markdown: about a second to convert whole)."""
        for path in sorted(self.uncut, key=lambda path: -len(self.uncut[path][0])):
            if stop.is_set() or not self.cut(path, stop):
                return

    def cut(self, path: str, stop: threading.Event) -> bool:
        """Cuts one page kept whole; False if `stop` was set meanwhile."""
        text, url, disk = self.uncut.pop(path)
        kept = self.pages.get(path, {})
        if self.last is None or text not in kept:  # converted again since, or forgotten
            return True
        settings, lookup = self.last
        converter = self.converter(settings, path, url, lookup)

        def convert(piece: str) -> Converted:
            if stop.is_set():
                raise Stopped
            return converter.convert(piece)

        try:
            done = self.converted(path, text, convert, recut=True)
        except Stopped:
            self.uncut[path] = (text, url, disk)
            return False
        except Unmirrored:  # a file its links found went away: the next build sees it
            self.pages.pop(path, None)
            return True
        if done is None:  # it cannot be cut: it stays whole
            self.pages[path] = kept
        elif converter.count and all(piece.markdown in self.pages[path]
                                     for piece, _ in done[1]):
            disk.keep(disk.key(path, text), self.pages[path], lookup)
        return True


class Stopped(Exception):
    """Cutting a page stopped for a build (`Conversions.cut_whole`)."""
