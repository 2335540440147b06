"""The whole core: load → validate → link → render, with every diagnostic collected.

Adapters (the MkDocs plugin, the CLI) call `build` and decide what to do with the result;
nothing here knows about MkDocs or writes files.
"""

from __future__ import annotations

import datetime
import functools
import multiprocessing
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from jinja2 import TemplateNotFound

from .buildcache import BuildCache, LinkedKept
from .dates import ContentDates, content_dates
from .diagnostics import Diagnostic, Pos, error, has_errors, sorted_diagnostics
from .duplicates import duplicate_sources
from .feed import FEED_PATH, Site, atom_feed, entries, feed_xml
from .hedges import Hedges
from .identity import same_objects
from .language import DEFAULT as DEFAULT_LANGUAGE
from .link import Linked, link
from .load import display_root, load
from .model import Corpus
from .originals import check_originals
from .provenance import check_prose
from .render import PageCache, render
from .results import Outputs, ResultStore
from .validate import validate
from .wording import Wording, wording_for


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


class Warming:
    """A build run again in a background thread, to fill a serve session's `BuildCache`
    after its first build came from the results store (so its first edit rebuilds only
    what it changed); the next build waits for it (`join`) before it runs, so the cache is
    never used by two builds at once."""

    def __init__(self, pipeline: Callable[[], BuildResult]) -> None:
        self.thread = threading.Thread(target=pipeline, name="briefing-warming", daemon=True)
        self.thread.start()

    def join(self) -> None:
        self.thread.join()


def build(content_dir: Path, *, site_title: str = "Briefing", site_url: str = "",
          site_author: str = "", directory_urls: bool = True,
          cache: BuildCache | None = None, hedges: Hedges | None = None,
          language: str = DEFAULT_LANGUAGE, originals: bool = False,
          store: ResultStore | None = None, apart: bool = False,
          today: datetime.date | None = None, wording: Wording | None = None
          ) -> BuildResult:
    """`site_url`, `site_author` and `directory_urls` (MkDocs' `use_directory_urls`) only
    shape the feed's links, ids and author; the pages never hold an address of the site.
    `cache`, kept across the rebuilds of `mkdocs serve`, lets every stage reuse what did
    not change (`buildcache.py`); a one-shot build passes none. `hedges` are the hedge
    words of the prose checks (the defaults plus the `hedges:` option), their English words
    read in sources in English: those whose `language:` is, and those that name none when
    the site's `language` is (`language.site_language`). With `originals`, each source
    text extracted from a web page or PDF kept beside it is compared with a fresh
    extraction (`originals.py`: `briefing check` and `build` do, not the site build, so
    rebuilds while serving stay quick). With a `store`, the results of a
    build of the same content and options are read from disk rather than made again
    (`results.py`; `linked` is then None), and a new build's results are kept there.
    With `apart` too, a build that is not in the store runs in a process of its own,
    which leaves its results there to be read (`_built_apart`). `today`, the day the
    build runs, is what a publication date cannot be later than (`date-future`); the core
    reads no clock, so without it no date is checked so. `wording`, the pages' own words,
    is read from the catalog of `language` when not given (`wording.wording_for`).

    Never raises for an exception in a stage: a file that vanishes between listing and
    reading, or a bug, becomes an `internal-error` diagnostic, so `mkdocs serve` shows it on
    the Problems page and keeps answering instead of stopping its rebuilds."""
    hedges, wording = hedges or Hedges(), wording or wording_for(language)
    options = _options(site_title, hedges, language, wording, originals, today)
    site = Site(site_title, site_url, site_author, directory_urls, language)
    key = store.key(content_dir, options) if store is not None else None
    stored = store.load(key) if store is not None and key is not None else None
    if stored is None and apart and store is not None and key is not None:
        _built_apart(functools.partial(
            build, content_dir, site_title=site_title, site_url=site_url,
            site_author=site_author, directory_urls=directory_urls, hedges=hedges,
            language=language, originals=originals, store=store, today=today))
        stored = store.load(key)
    if stored is not None:
        files = stored.files if stored.feed is None else \
            {**stored.files, FEED_PATH: feed_xml(stored.feed, site)}
        return BuildResult(stored.pages, stored.diagnostics, None, files)
    try:
        result = _build(content_dir, site_title=site_title, site_url=site_url,
                        site_author=site_author, directory_urls=directory_urls,
                        cache=cache, hedges=hedges, language=language, originals=originals,
                        today=today, wording=wording)
    except Exception as exc:  # (not KeyboardInterrupt or SystemExit: those stop the build)
        # A stage stopped midway may have left its kept results half updated.
        if cache is not None:
            cache.reset()
        return BuildResult({}, (internal_error(content_dir, exc),), None, error=exc)
    # Kept only if the content is still what the key was taken from.
    if store is not None and key is not None and store.key(content_dir, options) == key:
        store.save(key, _outputs(result, cache, wording),
                   None if result.failed() else result.linked)
    return result


def _options(site_title: str, hedges: Hedges, language: str, wording: Wording,
             originals: bool, today: datetime.date | None) -> dict[str, object]:
    """What the pages and diagnostics depend on; the feed is kept as entries, made into
    the feed of whichever site reads them (`mkdocs serve` sets the URL it serves at)."""
    return {"site_title": site_title, "hedges": asdict(hedges), "language": language,
            "words": wording.key, "originals": originals,
            "today": today.isoformat() if today else None}


def _built_apart(build_into_store: Callable[[], BuildResult]) -> None:
    """Runs a build in a child process, which keeps its results in the store and ends.

    At 10,000 sources the pipeline grows its process to 1.8 GB. Built in the site
    build's own process, that memory was freed but not handed back: Python's allocator
    returns an arena of small objects only once all of it is free, and the objects the
    site build keeps sat in most of them, so its process still held about 870 MB while
    Pagefind indexed the site beside it. A process that ends hands back everything. If it
    cannot start or fails, its build is left to the caller's process, as without
    `apart`."""
    process = multiprocessing.get_context().Process(target=build_into_store,
                                                    name="briefing-build", daemon=True)
    try:
        process.start()
        process.join()
    except Exception:  # (it could not start: e.g. the build cannot be sent to a new process)
        return
    finally:
        if process.is_alive():  # (interrupted)
            process.terminate()
            process.join()


def _outputs(result: BuildResult, cache: BuildCache | None, wording: Wording) -> Outputs:
    linked = result.linked
    if FEED_PATH not in result.files or linked is None:
        return Outputs(result.pages, dict(result.files), result.diagnostics, None)
    feed = entries(linked, _dates(linked, cache), words=wording)
    files = {path: text for path, text in result.files.items() if path != FEED_PATH}
    return Outputs(result.pages, files, result.diagnostics, feed)


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
    if isinstance(exc, TemplateNotFound) and file is not None:
        return error(Pos(shown), "internal-error",
                     f"the theme has no template {exc.name!r}, which this page's front "
                     "matter asks for", "correct `template:` in the page's front matter, "
                     "or add the template to the theme")
    return error(Pos(shown), "internal-error",
                 f"the build stopped on an unexpected error: {type(exc).__name__}: {what}",
                 "if this names a file, make it a readable file or move it out of the "
                 "content folder; otherwise report it with the traceback printed above")


def _build(content_dir: Path, *, site_title: str, site_url: str, site_author: str,
           directory_urls: bool, cache: BuildCache | None, hedges: Hedges, language: str,
           originals: bool, today: datetime.date | None, wording: Wording) -> BuildResult:
    linked, diagnostics = _checked(content_dir, cache, hedges, language, originals, today)
    if has_errors(diagnostics):
        # Never render what the corpus cannot vouch for.
        return BuildResult({}, diagnostics, linked)
    dates = _dates(linked, cache)
    site = Site(site_title, site_url, site_author, directory_urls, language)
    if cache is not None and cache.pages.wording.key != wording.key:
        cache.pages = PageCache(wording)  # pages kept in another language
        if cache.linked is not None:
            cache.linked.feeds.clear()  # and feeds
    pages = render(linked, site_title=site_title, dates=dates,
                   page_cache=cache.pages if cache is not None else None, hedges=hedges,
                   wording=wording)
    return BuildResult(pages, diagnostics, linked,
                       files={FEED_PATH: _feed(linked, dates, site, cache, wording)})


def _checked(content_dir: Path, cache: BuildCache | None, hedges: Hedges, language: str,
             originals: bool, today: datetime.date | None
             ) -> tuple[Linked, tuple[Diagnostic, ...]]:
    """The linked corpus and every diagnostic. The files as read are let go here, before
    the render: at 10,000 sources they are about 280 MB the pages need no more."""
    loaded = load(content_dir, cache.load if cache is not None else None)
    validated = validate(loaded, cache.validate if cache is not None else None, today)
    linked = _link(validated.corpus, cache)
    prose = _prose(linked, hedges, language, {d.display: d.text for d in loaded.yaml_docs},
                   cache)
    copies = duplicate_sources(((t.id, t.display, t.text) for t in loaded.texts),
                               cache.duplicates if cache is not None else None)
    extracted = check_originals(content_dir, validated.corpus.sources, loaded.texts) \
        if originals else ()
    return linked, sorted_diagnostics(
        (*loaded.diagnostics, *validated.diagnostics, *linked.diagnostics, *prose, *copies,
         *extracted))


def _same_corpus(now: Corpus, before: Corpus) -> bool:
    if now is before:
        return True
    return all(same_objects(a, b) for a, b in (
        (now.sources, before.sources), (now.claims, before.claims),
        (now.entities, before.entities), (now.briefs, before.briefs))
    ) and now.declared == before.declared and now.broken == before.broken \
        and now.orphaned == before.orphaned and now.metric_names == before.metric_names \
        and now.topic_names == before.topic_names


def _link(corpus: Corpus, cache: BuildCache | None) -> Linked:
    if cache is None:
        return link(corpus)
    if cache.linked is not None and _same_corpus(corpus, cache.linked.corpus):
        return cache.linked.linked
    cache.linked = None  # what was kept with the old corpus must not outlive it
    linked = link(corpus, cache.link)
    cache.linked = LinkedKept(corpus, linked)
    return linked


def _kept(linked: Linked, cache: BuildCache | None) -> LinkedKept | None:
    kept = cache.linked if cache is not None else None
    return kept if kept is not None and kept.linked is linked else None


def _prose(linked: Linked, hedges: Hedges, language: str, files: dict[str, str],
           cache: BuildCache | None) -> tuple[Diagnostic, ...]:
    """The prose checks, kept with the linked corpus: an unchanged corpus (the files'
    text included, as the validated items are the very objects) is not checked again."""
    kept = _kept(linked, cache)
    if kept is None or cache is None:
        return check_prose(linked, hedges, files, language=language)
    if (hedges, language) not in kept.prose:
        kept.prose[hedges, language] = check_prose(linked, hedges, files, cache.prose,
                                                   language=language)
    return kept.prose[hedges, language]


def _dates(linked: Linked, cache: BuildCache | None) -> ContentDates:
    kept = _kept(linked, cache)
    if kept is None or cache is None:
        return content_dates(linked)
    if kept.dates is None:
        kept.dates = content_dates(linked, cache.dates)
    return kept.dates


def _feed(linked: Linked, dates: ContentDates, site: Site, cache: BuildCache | None,
          wording: Wording) -> str:
    """The feed, its own words in `wording`'s language, kept by site while the words are
    those of the same language (`_build`)."""
    kept = _kept(linked, cache)
    if kept is None or cache is None or kept.dates is not dates:
        return atom_feed(linked, dates, site, words=wording)
    if site not in kept.feeds:
        kept.feeds[site] = atom_feed(linked, dates, site, cache.feed, words=wording)
    return kept.feeds[site]
