"""The generated pages converted by the core (`briefing/conversion.py`) and handed to MkDocs
as `Page.render` sets them; a page the core leaves to MkDocs (a link MkDocs checks and may
report) converts through `Page.render`, so MkDocs reports every broken link itself."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .. import conversion
from ..conversion import Conversions, MarkdownSettings
from ..pieces import PieceStore

# Under ProperDocs, `mkdocs.*` imports load `properdocs.*`, which logs as `properdocs`.
PAGES_LOG = logging.getLogger(Page.__module__)


def settings(config: MkDocsConfig) -> MarkdownSettings:
    return MarkdownSettings(tuple(config.markdown_extensions), config.mdx_configs or {})


def piece_store(config: MkDocsConfig) -> PieceStore | None:
    return conversion.piece_store(Path(config.config_file_path).parent, settings(config),
                                  config.use_directory_urls) if config.config_file_path else None


class SiteFiles:
    """The URL of each path the pages' links look for (None: no such file, or one left out
    of the site), from the build's files; pages link to the same few thousand."""

    def __init__(self, files: Files) -> None:
        self.files, self.urls = files, dict[str, str | None]()

    def __call__(self, path: str) -> str | None:
        if path not in self.urls:
            file = self.files.get_file_from_path(path)
            self.urls[path] = file.url if file and not file.inclusion.is_excluded() else None  # type: ignore[no-untyped-call]
        return self.urls[path]


class PageConversions(Conversions):
    """The core's conversions, the pages' canonical URLs, and the last build's files."""

    def __init__(self, *, keep: bool = True) -> None:
        super().__init__(keep=keep)
        # By the site's URL and the page's, all they depend on: never stale.
        self.canonical_urls: dict[tuple[str | None, str], tuple[str | None, str | None]] = {}
        self.site: SiteFiles | None = None

    def lookup(self, files: Files) -> SiteFiles:
        if self.site is None or self.site.files is not files:
            self.site = SiteFiles(files)
        return self.site


class ConvertedPage(Page):
    def __init__(self, file: File, config: MkDocsConfig, conversions: PageConversions) -> None:
        self.conversions = conversions
        super().__init__(None, file, config)

    def _set_canonical_url(self, base: str | None) -> None:
        # Every page gets a new `Page` each build, and `mkdocs serve` sets the site's URL:
        # joining it with each of 3,262 pages' URLs took a fifth of a rebuild at 1,000
        # sources. The result depends on the two URLs alone.
        known = self.conversions.canonical_urls.get((base, self.url))
        if known is None:
            super()._set_canonical_url(base)
            known = self.conversions.canonical_urls[base, self.url] = (self.canonical_url,
                                                                       self.abs_url)
        self.canonical_url, self.abs_url = known

    def render(self, config: MkDocsConfig, files: Files) -> None:
        assert self.markdown is not None
        done = None if self.file.inclusion.is_excluded() else (  # type: ignore[no-untyped-call]
            self.conversions.render(self.file.src_uri, self.file.url, self.markdown,
                                    settings(config), self.conversions.lookup(files)))
        if done is None:
            return super().render(config, files)
        self.content, self.toc = done.html, get_toc(list[Any](done.toc))
        if done.title and "title" not in self.meta:  # front matter first, as MkDocs
            self.title = done.title
        self.present_anchor_ids = set(done.anchors)
        if PAGES_LOG.getEffectiveLevel() > logging.DEBUG:  # as `Page.render`
            links: dict[File, dict[str, str]] = {}
            for target, anchor, link in done.links_to_anchors:
                file = self.file if target == self.file.src_uri \
                    else files.get_file_from_path(target)
                if file is not None:
                    links.setdefault(file, {}).setdefault(anchor, link)
            self.links_to_anchors = links
