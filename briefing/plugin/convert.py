"""Markdown to HTML for `mkdocs serve --dirty`, piece by piece, reusing unchanged pieces
(the cutting and the reuse: `briefing/pieces.py`).

Each piece converts with MkDocs' own page processors, and the table of contents, anchors,
title and links to anchors are gathered from the pieces as MkDocs gathers them from the
whole page (`Page.render`). What could make the pieces differ from the whole converts the
page whole, as MkDocs does: a Markdown extension not known to act locally, and what
`pieces.cuttable` refuses.
"""

from __future__ import annotations

import logging
from pathlib import PurePath
from typing import Any, cast

import markdown
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..pieces import Converted, PieceMemo, cuttable, flattened

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
PROGRAM_LOG = logging.getLogger(Page.__module__.partition(".")[0])


class Conversions(PieceMemo):
    """Each generated page's pieces as last converted, while they stay valid."""

    def __init__(self) -> None:
        super().__init__()
        # A page's canonical URL and absolute path, by the site's URL and the page's.
        self.canonical_urls: dict[tuple[str | None, str], tuple[str | None, str | None]] = {}
        # One Markdown instance for every page of a build, its page processors swapped per
        # page (`PieceConverter`): making one per page took 0.6 ms, 30 ms of a reload.
        self.markdown: tuple[MkDocsConfig, markdown.Markdown] | None = None

    def valid(self, settings: object, files: frozenset[str]) -> None:
        if settings != self.valid_for:
            self.canonical_urls = {}
        super().valid(settings, files)

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> bool:
        """Convert the page's Markdown piece by piece; False if it must convert whole."""
        assert page.markdown is not None
        if not PIECEWISE or not all(isinstance(name, str) and name in LOCAL_EXTENSIONS
                                    for name in config.markdown_extensions):
            return False
        if self.markdown is None or self.markdown[0] is not config:
            self.markdown = (config, markdown.Markdown(
                extensions=config.markdown_extensions,
                extension_configs=config.mdx_configs or {}))
        md = self.markdown[1]
        marker = (config.mdx_configs or {}).get("toc", {}).get("marker", "[TOC]")
        if not cuttable(page.markdown, marker, md.is_block_level):
            return False
        done = self.converted(page.file.src_uri, page.markdown,
                              PieceConverter(md, page.file, files, config).convert)
        if done is None:
            return False
        page.content, converted = done
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
        return True


class PieceConverter:
    """A Markdown instance with MkDocs' processors for one page (registered under their
    names, so they replace the last page's), reset for each piece."""

    def __init__(self, md: markdown.Markdown, file: File, files: Files,
                 config: MkDocsConfig) -> None:
        self.md, self.file = md, file
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
    """A generated page that converts through `Conversions`, or whole when it must."""

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
