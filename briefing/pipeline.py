"""The whole core: load → validate → link → render, with every diagnostic collected.

Adapters (the MkDocs plugin, the CLI) call `build` and decide what to do with the result;
nothing here knows about MkDocs or writes files.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import dates as dates_stage
from . import duplicates, provenance
from . import link as link_stage
from .dates import ContentDates, content_dates
from .diagnostics import Diagnostic, Pos, error, has_errors, sorted_diagnostics
from .duplicates import duplicate_sources
from .feed import FEED_PATH, Site, atom_feed, forget_addresses
from .hedges import Hedges
from .identity import same_objects
from .link import Linked, link
from .load import display_root, forget_loaded, load
from .markup import md_escape
from .model import Corpus
from .provenance import check_prose
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
    # The exception that stopped the build, for the adapters to print its traceback; it is
    # also reported as an `internal-error` diagnostic.
    error: Exception | None = None

    def failed(self, *, strict: bool = False) -> bool:
        return has_errors(self.diagnostics, strict=strict)


def build(content_dir: Path, *, site_title: str = "Briefing", site_url: str = "",
          site_author: str = "", directory_urls: bool = True,
          page_cache: PageCache | None = None, hedges: Hedges | None = None) -> BuildResult:
    """`site_url`, `site_author` and `directory_urls` (MkDocs' `use_directory_urls`) only
    shape the feed's links, ids and author; the pages never hold an address of the site.
    `page_cache`, kept across the rebuilds of `mkdocs serve`, lets the render reuse every
    page whose inputs did not change. `hedges` are the hedge words of the prose checks
    (the defaults plus the `hedges:` option).

    Never raises for an exception in a stage: a file that vanishes between listing and
    reading, or a bug, becomes an `internal-error` diagnostic, so `mkdocs serve` shows it on
    the Problems page and keeps answering instead of stopping its rebuilds."""
    try:
        return _build(content_dir, site_title=site_title, site_url=site_url,
                      site_author=site_author, directory_urls=directory_urls,
                      page_cache=page_cache, hedges=hedges or Hedges())
    except Exception as exc:  # (not KeyboardInterrupt or SystemExit: those stop the build)
        # A stage stopped midway may have left its kept results half updated.
        forget_cached()
        if page_cache is not None:
            page_cache.forget()
        return BuildResult({}, (internal_error(content_dir, exc),), None, error=exc)


def internal_error(content_dir: Path, exc: BaseException, file: str | None = None
                   ) -> Diagnostic:
    """An exception as a diagnostic: at `file` or the file the exception names, if that is
    in the content folder (a file that could not be read), else at the content folder."""
    shown, what = display_root(content_dir), str(exc)
    filename = getattr(exc, "filename", None)
    named = isinstance(exc, OSError) and isinstance(filename, str)
    place = filename if named else file
    if place is not None:
        rel = Path(os.path.relpath(os.path.abspath(place), content_dir.absolute()))
        if not rel.is_absolute() and ".." not in rel.parts:
            shown = f"{shown}/{rel.as_posix()}"
            if named and isinstance(exc, OSError):
                what = exc.strerror or what
    return error(Pos(shown), "internal-error",
                 f"the build stopped on an unexpected error: {type(exc).__name__}: {what}",
                 "if this names a file, make it a readable file or move it out of the "
                 "content folder; otherwise report it with the traceback printed above")


def _build(content_dir: Path, *, site_title: str, site_url: str, site_author: str,
           directory_urls: bool, page_cache: PageCache | None, hedges: Hedges) -> BuildResult:
    loaded = load(content_dir)
    validated = validate(loaded)
    linked = _link(validated.corpus)
    prose = _prose(linked, hedges, {d.display: d.text for d in loaded.yaml_docs})
    copies = duplicate_sources((t.id, t.display, t.text) for t in loaded.texts)
    diagnostics = sorted_diagnostics(
        (*loaded.diagnostics, *validated.diagnostics, *linked.diagnostics, *prose, *copies))
    if has_errors(diagnostics):
        # Never render what the corpus cannot vouch for.
        return BuildResult({}, diagnostics, linked)
    dates = _dates(linked)
    site = Site(site_title, site_url, site_author, directory_urls)
    pages = render(linked, site_title=site_title, dates=dates, page_cache=page_cache)
    return BuildResult(pages, diagnostics, linked, files={FEED_PATH: _feed(linked, dates, site)})


@dataclass
class _Last:
    """The last build's stages, for the rebuilds of `mkdocs serve`. The loader and the
    validator reuse the objects of unchanged files, so when every item of the corpus is
    the very object of the last build, nothing the later stages read has changed: the
    linked corpus, its dates and the feed are reused as they were. Keyed by identity,
    never by equality: equal is not always alike (`Decimal("1.0") == Decimal("1.00")`)."""

    corpus: Corpus
    linked: Linked
    dates: ContentDates | None = None
    prose: dict[Hedges, tuple[Diagnostic, ...]] = field(default_factory=dict)
    feeds: dict[Site, str] = field(default_factory=dict)


_last: list[_Last] = []


def _same_corpus(now: Corpus, before: Corpus) -> bool:
    if now is before:
        return True
    return all(same_objects(a, b) for a, b in (
        (now.sources, before.sources), (now.claims, before.claims),
        (now.entities, before.entities), (now.briefs, before.briefs))
    ) and now.declared == before.declared and now.broken == before.broken


def _link(corpus: Corpus) -> Linked:
    if _last and _same_corpus(corpus, _last[0].corpus):
        return _last[0].linked
    linked = link(corpus)
    _last[:] = [_Last(corpus, linked)]
    return linked


def _prose(linked: Linked, hedges: Hedges, files: dict[str, str]) -> tuple[Diagnostic, ...]:
    """The prose checks, kept with the linked corpus: an unchanged corpus (the files'
    text included, as the validated items are the very objects) is not checked again."""
    last = _last[0] if _last and _last[0].linked is linked else None
    if last is None:
        return check_prose(linked, hedges, files)
    if hedges not in last.prose:
        last.prose[hedges] = check_prose(linked, hedges, files)
    return last.prose[hedges]


def _dates(linked: Linked) -> ContentDates:
    last = _last[0] if _last and _last[0].linked is linked else None
    if last is None:
        return content_dates(linked)
    if last.dates is None:
        last.dates = content_dates(linked)
    return last.dates


def _feed(linked: Linked, dates: ContentDates, site: Site) -> str:
    last = _last[0] if _last and _last[0].linked is linked and _last[0].dates is dates \
        else None
    if last is None:
        return atom_feed(linked, dates, site)
    if site not in last.feeds:
        last.feeds[site] = atom_feed(linked, dates, site)
    return last.feeds[site]


def forget_cached() -> None:
    """Free the results kept for the rebuilds of `mkdocs serve` (read and parsed files,
    validated files, the last linked corpus, anchored sources, mentions, escaped text); a
    one-shot build calls this once its pages are handed over."""
    parse_yaml.cache_clear()
    forget_loaded()
    forget_validated()
    _last.clear()
    forget_addresses()
    link_stage.forget()
    dates_stage.forget()
    duplicates.forget()
    provenance.forget()
    md_escape.cache_clear()
