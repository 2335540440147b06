"""The whole core: load → validate → link → render, with every diagnostic collected.

Adapters (the MkDocs plugin, the CLI) call `build` and decide what to do with the result;
nothing here knows about MkDocs or writes files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import link as link_stage
from .dates import content_dates
from .diagnostics import Diagnostic, has_errors, sorted_diagnostics
from .feed import FEED_PATH, Site, atom_feed
from .link import Linked, link
from .load import load
from .markup import md_escape
from .render import PageCache, render
from .validate import forget_validated, validate
from .yamlnodes import parse_yaml


@dataclass(frozen=True)
class BuildResult:
    pages: dict[str, str]  # page path -> Markdown; empty when the build has errors
    diagnostics: tuple[Diagnostic, ...]
    linked: Linked | None
    # Non-Markdown outputs (output path -> text), such as the Atom feed.
    files: Mapping[str, str] = field(default_factory=dict)

    def failed(self, *, strict: bool = False) -> bool:
        return has_errors(self.diagnostics, strict=strict)


def build(content_dir: Path, *, site_title: str = "Briefing", site_url: str = "",
          site_author: str = "", directory_urls: bool = True,
          page_cache: PageCache | None = None) -> BuildResult:
    """`site_url`, `site_author` and `directory_urls` (MkDocs' `use_directory_urls`) only
    shape the feed's links, ids and author; the pages never hold an address of the site.
    `page_cache`, kept across the rebuilds of `mkdocs serve`, lets the render reuse every
    page whose inputs did not change."""
    loaded = load(content_dir)
    validated = validate(loaded)
    linked = link(validated.corpus)
    diagnostics = sorted_diagnostics(
        (*loaded.diagnostics, *validated.diagnostics, *linked.diagnostics))
    if has_errors(diagnostics):
        # Never render what the corpus cannot vouch for.
        return BuildResult({}, diagnostics, linked)
    dates = content_dates(linked)
    site = Site(site_title, site_url, site_author, directory_urls)
    pages = render(linked, site_title=site_title, dates=dates, page_cache=page_cache)
    return BuildResult(pages, diagnostics, linked,
                       files={FEED_PATH: atom_feed(linked, dates, site)})


def forget_cached() -> None:
    """Free the results kept for the rebuilds of `mkdocs serve` (parsed YAML, validated
    files, anchored sources, mentions, escaped text); a one-shot build calls this once its
    pages are handed over."""
    parse_yaml.cache_clear()
    forget_validated()
    link_stage.forget()
    md_escape.cache_clear()
