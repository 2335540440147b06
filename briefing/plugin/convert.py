"""Markdown to HTML for the generated pages: piece by piece, reusing the pieces that did
not change, from memory (`mkdocs serve --dirty`) or from the disk (every build); the
cutting, the reuse and the disk entries are the core's (`briefing/pieces.py`).

Each piece converts with MkDocs' own page processors, and the table of contents, anchors,
title and links to anchors are gathered from the pieces as MkDocs gathers them from the
whole page (`Page.render`). What could make the pieces differ from the whole converts the
page whole, as one piece: a Markdown extension not known to act locally (then on a
Markdown instance of its own, as MkDocs converts a page), and what `pieces.cuttable`
refuses. Without MkDocs' processors every page converts as MkDocs converts it, and
nothing is kept.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path, PurePath
from typing import Any, cast

import markdown
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..pieces import FOLDER, Converted, Piece, PieceMemo, PieceStore, cuttable, flattened
from ..results import versions

try:  # MkDocs' private processors (docs/architecture.md, "Private MkDocs APIs")
    from mkdocs.structure.pages import (
        _ExtractAnchorsTreeprocessor,
        _ExtractTitleTreeprocessor,
        _RawHTMLPreprocessor,
        _RelativePathTreeprocessor,
    )
    PIECEWISE = True
except ImportError:  # a release without them: every page converts whole, as MkDocs does
    PIECEWISE = False

# Extensions whose output for a block depends on that block alone (MkDocs always adds
# toc, tables and fenced_code; a page with fenced code is not cut, see `cuttable`).
LOCAL_EXTENSIONS = frozenset(
    name for short in ("toc", "tables", "fenced_code", "attr_list")
    for name in (short, f"markdown.extensions.{short}"))
# The program's loggers: under ProperDocs, `mkdocs.*` imports load `properdocs.*`, which
# logs as `properdocs`.
PAGES_LOG = logging.getLogger(Page.__module__)
PROGRAM = Page.__module__.partition(".")[0]
PROGRAM_LOG = logging.getLogger(PROGRAM)


def piece_store(config: MkDocsConfig) -> PieceStore | None:
    """The project's converted pieces, beside mkdocs.yml (never in docs_dir), for this
    configuration."""
    if not config.config_file_path:
        return None
    modules = {name.split(".")[0] for name in config.markdown_extensions
               if isinstance(name, str)}
    return PieceStore(Path(config.config_file_path).parent / FOLDER, {
        "versions": versions((), {"markdown", "mkdocs", PROGRAM, "briefing", *modules}),
        "extensions": list(config.markdown_extensions),
        "extension_configs": dict(config.mdx_configs or {}),
        "validation": dict(config.validation),
        "directory_urls": bool(config.use_directory_urls)})


class Conversions(PieceMemo):
    """Each generated page's pieces as last converted, while they stay valid; `keep`:
    kept after the page is built (a `--dirty` session), else forgotten once it is. Only a
    session that keeps them cuts pages into pieces: elsewhere a page converts whole, as
    one piece, since cutting costs a cold build about 15% more (docs/architecture.md)."""

    def __init__(self, *, keep: bool = True) -> None:
        super().__init__()
        self.keep = keep
        # A page's canonical URL and absolute path, by the site's URL and the page's.
        self.canonical_urls: dict[tuple[str | None, str], tuple[str | None, str | None]] = {}
        # One Markdown instance for every page of a build, its page processors swapped per
        # page (`PieceConverter`): making one per page took 0.6 ms, 30 ms of a reload.
        self.markdown: tuple[MkDocsConfig, markdown.Markdown] | None = None
        self.disk: PieceStore | None = None
        # The address each path a link looked for has in this build (its files are set
        # before any page converts): pages link to the same few thousand pages.
        self.addresses: dict[str, str | None] = {}
        # Pages a `--dirty` session's first build took whole from the disk, as a one-shot
        # build keeps them: by path, their Markdown, file and store, to be cut while the
        # server is idle (`cut_whole`). Else an edit of one would convert all of it.
        self.uncut: dict[str, tuple[str, File, PieceStore]] = {}
        self.last: tuple[MkDocsConfig, Files] | None = None  # the last build's

    def valid(self, settings: object, files: frozenset[str]) -> None:
        if settings != self.valid_for:
            self.canonical_urls = {}
        super().valid(settings, files)

    def use(self, disk: PieceStore | None) -> None:
        """Pieces come from `disk` in this build, and new ones go there (None: in memory
        only)."""
        self.disk, self.addresses = disk, {}

    def address(self, files: Files, path: str) -> str | None:
        if path not in self.addresses:
            file = files.get_file_from_path(path)
            excluded = file is None or file.inclusion.is_excluded()  # type: ignore[no-untyped-call]
            self.addresses[path] = None if excluded or file is None else file.url
        return self.addresses[path]

    def converter(self, config: MkDocsConfig, page: Page, files: Files
                  ) -> tuple[PieceConverter, bool]:
        """A converter for the page, and whether the page may be cut."""
        assert page.markdown is not None
        if not all(isinstance(name, str) and name in LOCAL_EXTENSIONS
                   for name in config.markdown_extensions):
            return PieceConverter(markdown.Markdown(
                extensions=config.markdown_extensions,
                extension_configs=config.mdx_configs or {}), page.file, files, config), False
        md = self.instance(config)
        marker = (config.mdx_configs or {}).get("toc", {}).get("marker", "[TOC]")
        return PieceConverter(md, page.file, files, config), \
            cuttable(page.markdown, marker, md.is_block_level)

    def instance(self, config: MkDocsConfig) -> markdown.Markdown:
        """The build's one Markdown instance, for extensions that act locally."""
        if self.markdown is None or self.markdown[0] is not config:
            self.markdown = (config, markdown.Markdown(
                extensions=config.markdown_extensions,
                extension_configs=config.mdx_configs or {}))
        return self.markdown[1]

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> bool:
        """Convert the page's Markdown from its pieces; False if MkDocs must."""
        if not PIECEWISE:
            return False
        assert page.markdown is not None
        path, text = page.file.src_uri, page.markdown
        key = self.disk.key(path, text) if self.disk else None
        if self.disk and key and path not in self.pages:
            kept = self.disk.kept(key, lambda looked_up: self.address(files, looked_up))
            if kept is not None:
                self.pages[path] = kept
        converter, cut = self.converter(config, page, files)
        done = self.converted(path, text, converter.convert) if cut and self.keep else None
        done = done or self.converted(path, text, converter.convert, whole=True)
        assert done is not None  # (one piece always joins)
        restore(page, *done, files)
        self.last = (config, files)
        self.uncut.pop(path, None)
        if cut and self.keep and self.disk and not converter.count \
                and [piece.markdown for piece, _ in done[1]] == [text]:
            self.uncut[path] = (text, page.file, self.disk)
        if self.disk and key:
            self.disk.hits += not converter.count
            self.disk.misses += bool(converter.count)
            kept = self.pages.get(path, {})
            if converter.count and all(piece.markdown in kept for piece, _ in done[1]):
                self.disk.keep(key, kept, lambda looked_up: self.address(files, looked_up))
        if not self.keep:
            self.pages.pop(path, None)
        return True

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
        text, file, disk = self.uncut.pop(path)
        kept = self.pages.get(path, {})
        if self.last is None or text not in kept:  # converted again since, or forgotten
            return True
        config, files = self.last
        converter = PieceConverter(self.instance(config), file, files, config)

        def convert(piece: str) -> tuple[Converted, bool]:
            if stop.is_set():
                raise Stopped
            return converter.convert(piece)

        try:
            done = self.converted(path, text, convert, recut=True)
        except Stopped:
            self.uncut[path] = (text, file, disk)
            return False
        if done is None:  # it cannot be cut: it stays whole
            self.pages[path] = kept
        elif converter.count and all(piece.markdown in self.pages[path]
                                     for piece, _ in done[1]):
            disk.keep(disk.key(path, text), self.pages[path],
                      lambda looked_up: self.address(files, looked_up))
        return True


class Stopped(Exception):
    """Cutting a page stopped for a build (`Conversions.cut_whole`)."""


def restore(page: Page, html: str, converted: list[tuple[Piece, Converted]],
            files: Files) -> None:
    """Sets what `Page.render` sets, from the page's pieces."""
    page.content = html
    headings: Any = [dict(heading) for _, result in converted for heading in result.headings]
    page.toc = get_toc(nest_toc_tokens(headings))
    # The title `Page.render` would find; one in front matter comes first, as there.
    title = next((result.title for _, result in converted if result.html), None)
    if title and "title" not in page.meta:
        page.title = title
    page.present_anchor_ids = set().union(*(result.anchors for _, result in converted))
    if PAGES_LOG.getEffectiveLevel() > logging.DEBUG:  # as `Page.render`
        links: dict[File, dict[str, str]] = {}
        for _, result in converted:
            for target, anchor, link in result.links_to_anchors:
                file = page.file if target == page.file.src_uri \
                    else files.get_file_from_path(target)
                if file is not None:
                    links.setdefault(file, {}).setdefault(anchor, link)
        page.links_to_anchors = links


class PieceConverter:
    """A Markdown instance with MkDocs' processors for one page (registered under their
    names, so they replace the last page's), reset for each piece."""

    def __init__(self, md: markdown.Markdown, file: File, files: Files,
                 config: MkDocsConfig) -> None:
        self.md, self.file = md, file
        self.count = 0  # pieces converted
        self.raw_html = _RawHTMLPreprocessor()
        self.raw_html._register(md)
        self.anchors = _ExtractAnchorsTreeprocessor(file, files, config)
        self.anchors._register(md)
        self.lookups = RecordedLookups(files)
        self.links = _RelativePathTreeprocessor(file, cast(Files, self.lookups), config)
        self.links._register(md)
        self.title = _ExtractTitleTreeprocessor()
        self.title._register(md)

    def convert(self, text: str) -> tuple[Converted, bool]:
        """The piece converted, and whether converting it logged a warning."""
        self.count += 1
        self.md.reset()
        self.anchors.present_anchor_ids = set()
        self.links.links_to_anchors = {}
        self.title.title = None
        self.lookups.paths = set()
        with WarningsSeen() as seen:
            html = self.md.convert(text)
        tokens: list[dict[str, Any]] = getattr(self.md, "toc_tokens", [])
        return Converted(
            html=html,
            headings=tuple(flattened(tokens)),
            title=self.title.title,
            anchors=frozenset(self.anchors.present_anchor_ids
                              | self.raw_html.present_anchor_ids),
            links_to_anchors=tuple(
                (target.src_uri, anchor, link)
                for target, links in self.links.links_to_anchors.items()
                for anchor, link in links.items()),
            looked_up=frozenset(self.lookups.paths),
        ), seen.warned


class RecordedLookups:
    """The site's files as a piece's links see them, noting each path they look for."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self.paths: set[str] = set()

    def get_file_from_path(self, path: str) -> File | None:
        self.paths.add(PurePath(path).as_posix())  # the key `Files` itself looks up
        return self.files.get_file_from_path(path)


class WarningsSeen(logging.Handler):
    """Notes whether MkDocs logged a warning (a broken link) while a piece converted, or a
    notice: a project may lower MkDocs' link checks to `info`."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.warned = False

    def emit(self, record: logging.LogRecord) -> None:
        self.warned = True

    def __enter__(self) -> WarningsSeen:
        PROGRAM_LOG.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        PROGRAM_LOG.removeHandler(self)


class ConvertedPage(Page):
    """A generated page that converts through `Conversions`, or as MkDocs converts it."""

    def __init__(self, file: File, config: MkDocsConfig, conversions: Conversions) -> None:
        self.conversions = conversions
        super().__init__(None, file, config)

    def _set_canonical_url(self, base: str | None) -> None:
        # Every page gets a new `Page` each build, and `mkdocs serve` sets the site's URL:
        # joining it with each of 3,262 pages' URLs took a fifth of a rebuild at 1,000
        # sources. The result depends on the two URLs alone.
        known = self.conversions.canonical_urls.get((base, self.url))
        if known is None:
            super()._set_canonical_url(base)
            self.conversions.canonical_urls[base, self.url] = (self.canonical_url,
                                                               self.abs_url)
        else:
            self.canonical_url, self.abs_url = known

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if not self.conversions.render(self, config, files):
            super().render(config, files)
