"""What `mkdocs serve` keeps between rebuilds, so the plugin itself stays thin.

- The last good pages (`problems.LastGood`): a bad edit never takes the site away.
- Under `--dirty`, the generated pages' `File`s (`DirtyPage`), their Markdown in memory,
  which tell MkDocs which pages an edit changed, so it rebuilds only those; the search
  index entries of the pages it skipped, serialised page by page
  (`searchindex.IndexText`).
- Under `--dirty`, the pieces of each page's Markdown as converted (`conversion.py`).
- Under `--dirty`, the other generated files written only when they change
  (`UnchangedOutput`); the outputs of files a build no longer has deleted, and the
  hand-written pages built again when the files change (`dirty_outputs`).
- The housekeeping that needs no MkDocs (`session.Housekeeping`): compiled templates,
  garbage collection and the cutting of pages into pieces while idle, a clean shutdown.
- Rebuilds that never raise (`GuardedBuilder`): a failure is shown on the Problems page.
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from jinja2 import TemplateNotFound
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..buildcache import BuildCache
from ..cache import fingerprint, remove_outputs
from ..diagnostics import Diagnostic
from ..load import display_root
from ..paths import SECTIONS
from ..pipeline import internal_error
from ..problems import LastGood, LinkReports, problems_json, settings_json, write_banner
from ..searchindex import IndexText
from ..session import Housekeeping
from ..settings import config_errors
from ..siteconfig import at_setting_lines
from .convert import PageConversions
from .kept import PROGRAM_LOG, Logged
from .search import SearchEntries

SECTION_PAGES = frozenset(path for _, path in SECTIONS)
log = get_plugin_logger("briefing.plugin")


def page_file(config: MkDocsConfig, path: str, content: str) -> File:
    """A generated page as MkDocs' file."""
    return File.generated(config, path, content=content, inclusion=inclusion(path))


def inclusion(path: str) -> InclusionLevel:
    """Only the section pages go into MkDocs' own navigation: nesting every page there
    costs each build (0.1 s of a reload at 1,000 sources), and the theme shows the
    sections alone anyway (`partials/nav.html`)."""
    return InclusionLevel.UNDEFINED if path in SECTION_PAGES else InclusionLevel.NOT_IN_NAV


class DirtyPage(File):
    """A generated page under `mkdocs serve --dirty`, its Markdown in memory.

    MkDocs rebuilds a page whose file `is_modified()`, which content in memory always is:
    here it answers from the pages whose Markdown changed since a build last finished (a
    build that fails midway leaves them to the next), or whose output is missing."""

    unbuilt: set[str]

    def is_modified(self) -> bool:
        return self.src_uri in self.unbuilt or not os.path.isfile(self.abs_dest_path)


class UnchangedOutput(File):
    """A generated file other than a page under `mkdocs serve --dirty` (the plugin's and
    the theme's styles and scripts, `problems.json`, the feed).

    MkDocs writes again on every dirty build a file whose content is in memory, which it
    always takes as modified: 27 files a rebuild, 0.03-0.07 s at 1,000 sources, most of
    it truncating them. Here it is modified when the bytes written there differ."""

    def is_modified(self) -> bool:
        try:
            with open(self.abs_dest_path, "rb") as written:
                return written.read() != self.content_bytes
        except OSError:
            return True


def is_regular(path: str | None) -> bool:
    try:
        return path is not None and stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


class GuardedBuilder:
    """`mkdocs serve`'s rebuild, made never to raise.

    MkDocs' server holds every page request while a rebuild is due and lets them go only
    once one succeeds, so a rebuild that raised (the core never does; MkDocs, a theme
    template or another plugin may) left every request hanging until a later edit fixed
    it. Here the exception is logged and the build runs again with it as an
    `internal-error` diagnostic: the last good pages and the Problems page saying what
    went wrong. The file MkDocs could not read, or the hand-written page it was reading or
    building, is left out of that build, which would otherwise fail the same way; when
    neither is known (a missing page template is looked up before any event), every
    hand-written page is. Should it fail too, the failure is logged and the server goes
    on serving the pages already written. A rebuild that fails before the plugin's
    `on_config` has run its course fails on the settings (mkdocs.yml unreadable, a setting
    MkDocs or the plugin refuses), as every rebuild will until they are fixed, and no
    Problems page can be built: it is not run again, and the banner of the pages already
    written carries MkDocs' or the plugin's message (`LiveSite.settings_failed`)."""

    def __init__(self, builder: Callable[..., Any], live: LiveSite, content_dir: Path
                 ) -> None:
        self.builder, self.live, self.content_dir = builder, live, content_dir

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        errors = Logged(logging.ERROR)  # for settings, MkDocs' only account of them
        PROGRAM_LOG.addHandler(errors)
        self.live.configured = False
        try:
            self.builder(*args, **kwargs)
            return
        except Exception as exc:
            # MkDocs reports a plugin's error as `Abort`, which names no cause.
            cause = exc.__context__ if isinstance(exc, Abort) and exc.__context__ else exc
            if not self.live.configured:  # mkdocs.yml: every build would fail the same way
                self.live.settings_failed(self.settings_message(errors.messages, cause))
                log.error("The site's settings stop the rebuild; the pages already written "
                          "are served until mkdocs.yml is fixed")
                return
            log.error("The rebuild failed; the Problems page says why", exc_info=exc)
            filename = getattr(cause, "filename", None)
            page = self.live.current
            # The file it could not read, else the hand-written page it was reading or
            # building (a generated page left out would go stale), else one asking for a
            # template there is not (looked up before any event names the page).
            self.live.left_out = filename if isinstance(filename, str) else \
                page.abs_src_path if page is not None and page.generated_by is None else \
                self.live.asking_for(cause.name) if isinstance(cause, TemplateNotFound) \
                else None
            self.live.failures = (internal_error(self.content_dir, cause, self.live.left_out),)
        finally:
            PROGRAM_LOG.removeHandler(errors)
        try:
            self.builder(*args, **kwargs)
        except Exception as exc:
            log.error("The rebuild failed again; the pages already written are served",
                      exc_info=exc)
        finally:
            self.live.failures, self.live.left_out = (), None

    def settings_message(self, logged: list[str], cause: BaseException) -> str:
        """Why the settings stop the rebuild, for the banner and the terminal: each error
        `briefing check` finds in mkdocs.yml, at its line and column; else what MkDocs
        logged (in the terminal already); else its exception's words (a YAML error it
        raises without a line of its own)."""
        found = config_errors(self.live.config_file)
        if found or not logged:
            message = "\n".join(d.format() for d in found) or str(cause)
            log.error(message)
            return message
        placed = at_setting_lines(logged, self.live.config_file)
        if placed != logged:  # the terminal gives the line too, as the banner does
            log.error("\n".join(placed))
        return "\n".join(placed)


class LiveSite:
    def __init__(self, *, dirty: bool) -> None:
        self.dirty = dirty
        self.served = LastGood()  # the last good pages, the Problems page
        self.links = LinkReports()  # MkDocs' warnings about hand-written pages' links
        self.failures: tuple[Diagnostic, ...] = ()  # why the last attempt at this build failed
        # The page MkDocs is reading or building, and the file the build failed on (left out
        # of the build that shows the failure).
        self.current: File | None = None
        self.left_out: str | None = None
        # Whether this attempt got past the settings (the plugin's `on_config`), and where
        # the last one that did writes the site.
        self.configured = True
        self.site_dir: str | None = None
        self.config_file: str | None = None
        self.doc_files: Sequence[File] = ()  # this build's pages
        # Under `--dirty`, the last build's files and their outputs (`dirty_outputs`).
        self.uris: frozenset[str] = frozenset()
        self.outputs: set[str] = set()
        # Each page's `updated` front matter and MkDocs' date for it, as last read, and the
        # pages read by this build.
        self.dates: dict[str, tuple[Any, str]] = {}
        self.dated_now: set[str] = set()
        self.cache = BuildCache()  # rebuilds redo only what an edit changed
        self.rebuild_all = False
        self.search_entries: dict[str, list[Any]] = {}
        self.index_text = IndexText()
        self.markdown: Mapping[str, str] = {}  # the generated pages of the last build
        self.unbuilt: set[str] = set()  # pages changed since a build last finished
        # The pages' `File`s, made once: the same path and settings make the same file.
        self.stored: dict[str, DirtyPage] = {}
        self.stored_for = ""
        # Pages' Markdown converted piece by piece, kept under `--dirty`.
        self.conversions = PageConversions(keep=dirty)
        self.housekeeping = Housekeeping(self.conversions, dirty=dirty)
        self.empty: tempfile.TemporaryDirectory[str] | None = None  # (`list_no_pages`)
        self.docs_dir: str | None = None  # the real one, while it is not listed

    @property
    def without_pages(self) -> bool:
        """Whether this build leaves out every hand-written page: it follows a failure no
        page was named for."""
        return bool(self.failures) and self.left_out is None

    def close(self) -> None:
        self.housekeeping.close()
        if self.empty is not None:
            self.empty.cleanup()

    def list_no_pages(self, config: MkDocsConfig) -> None:
        """Points docs_dir at an empty folder until MkDocs has listed it (`files_added`
        points it back): a link there leads out of the content folder, and the listing
        would follow it, to the whole machine or round a loop."""
        if self.empty is None:
            self.empty = tempfile.TemporaryDirectory(prefix="briefing-no-pages-")
        self.docs_dir, config.docs_dir = config.docs_dir, self.empty.name

    def asking_for(self, template: object) -> str | None:
        """The hand-written page whose front matter names `template`."""
        return next((f.abs_src_path for f in self.doc_files
                     if f.generated_by is None and f.page is not None
                     and f.page.meta.get("template") == template), None)

    def settings_failed(self, message: str) -> None:
        """The banner says why the settings stop every rebuild, on the pages last written."""
        if self.site_dir is not None:
            write_banner(Path(self.site_dir), settings_json(message))

    def page_files(self, config: MkDocsConfig, pages: Mapping[str, str]) -> list[File]:
        if not self.dirty:
            return [page_file(config, path, markdown)
                    for path, markdown in sorted(pages.items())]
        # Whatever every page's HTML depends on besides its own Markdown: the settings, the
        # theme, the hand-written pages (the section list). Not the problems: the banner is
        # drawn by the page's script from `problems.json`, so no page changes with them.
        assert config.config_file_path is not None
        site_wide = fingerprint([Path(config.config_file_path)],
                                [Path(config.docs_dir), *map(Path, config.theme.dirs)])
        if self.without_pages:
            # The section list lacks the hand-written pages; nothing in docs_dir need change
            # before the next build, so it rebuilds every page as after a site-wide change.
            site_wide += " without the hand-written pages"
        removed = self.markdown.keys() - pages.keys()
        self.rebuild_all = site_wide != self.stored_for
        if self.rebuild_all:  # mkdocs.yml may have changed the output paths
            self.stored, self.stored_for, self.markdown = {}, site_wide, {}
        self.unbuilt.update(path for path, text in pages.items()
                            if self.markdown.get(path) != text)
        self.markdown = dict(pages)
        for path in removed:  # (their outputs go in `files_added`)
            self.search_entries.pop(path, None)
            self.stored.pop(path, None)
        files: list[File] = []
        for path in sorted(pages):
            file = self.stored.get(path)
            if file is None:
                file = self.stored[path] = cast(DirtyPage, DirtyPage.generated(
                    config, path, content=pages[path], inclusion=inclusion(path)))
                file.unbuilt = self.unbuilt
            else:
                file.content_string = pages[path]
            file.page = None  # a page each build, as MkDocs makes them
            files.append(file)
        return files

    def files_added(self, files: Files, generated: set[str], config: MkDocsConfig) -> None:
        if self.docs_dir is not None:
            config.docs_dir, self.docs_dir = self.docs_dir, None
        docs_shown = display_root(Path(config.docs_dir))  # as diagnostics name it
        # MkDocs would read a FIFO under docs_dir forever (every request then hangs), and
        # fail on a link to nothing or a page that is not UTF-8: the core reports them, and
        # the build leaves them out.
        for file in [f for f in files if f.generated_by is None and (
                self.without_pages or f.abs_src_path == self.left_out
                or self.served.names(f"{docs_shown}/{f.src_uri}")
                or not is_regular(f.abs_src_path))]:
            files.remove(file)
        self.doc_files = files.documentation_pages()
        if self.dirty:
            self.dirty_outputs(files, generated)

    def dirty_outputs(self, files: Files, generated: set[str]) -> None:
        """A dirty build writes only what changed and deletes nothing: the outputs of the
        last build's files that this one does not have (a page or a picture deleted, every
        page after `use_directory_urls` changed) are deleted here. And a link's HTML depends
        on the settings and on the files there are: when either changes, the hand-written
        pages are built again (MkDocs builds a page whose output is missing), so a link to
        a page that went reads as MkDocs reads it, and is reported."""
        uris = frozenset(f.src_uri for f in files)
        self.conversions.valid(self.stored_for, uris)
        outputs = {f.abs_dest_path for f in files}
        remove_outputs(self.outputs - outputs)
        if self.rebuild_all or uris != self.uris:
            remove_outputs(f.abs_dest_path for f in self.doc_files if f.src_uri not in generated)
        self.outputs, self.uris = outputs, uris

    def unchanged_outputs(self, files: Files, config: MkDocsConfig) -> None:
        """Under `--dirty`, the generated files that are not pages are written only when
        their bytes change (`UnchangedOutput`)."""
        for file in [f for f in files if f.generated_by is not None and f.abs_src_path is None
                     and not f.is_documentation_page() and not isinstance(f, DirtyPage)]:
            files.remove(file)
            files.append(UnchangedOutput.generated(config, file.src_uri,
                                                   content=file.content_bytes,
                                                   inclusion=file.inclusion))

    def page_read(self, page: Page) -> None:
        """Notes a page's content date as it is read (`on_page_markdown`); MkDocs is about
        to check its links again."""
        self.dates[page.file.src_uri] = (page.meta.get("updated"), page.update_date)
        self.dated_now.add(page.file.src_uri)
        self.links.page_read(page.file.src_uri)

    def date_unread_pages(self) -> None:
        """Under `--dirty`, MkDocs reads only the pages that changed; the others have no
        front matter and the build's date, so the sitemap lost their `lastmod` and its
        compressed copy was stamped with the clock. They get the date noted when they were
        last read (before the sitemap is rendered, in `on_env`)."""
        for file in self.doc_files:
            page, dated = file.page, self.dates.get(file.src_uri)
            if page is None or dated is None or file.src_uri in self.dated_now:
                continue
            updated, page.update_date = dated
            if updated is not None:
                page.meta = {**page.meta, "updated": updated}
        self.dated_now.clear()

    def page_indexed(self, page: Page, entries: list[dict[str, Any]]) -> None:
        if self.dirty:
            self.search_entries[page.file.src_uri] = entries

    def build_failed(self) -> None:
        self.served.failed()
        self.dated_now.clear()
        self.housekeeping.build_failed()

    def build_finished(self, search: SearchEntries, problems_href: str) -> None:
        self.served.finished()
        self.unbuilt.clear()
        self.housekeeping.build_finished()
        # The pages' link warnings are all in now: the banner counts them.
        self.links.keep_only(f.src_uri for f in self.doc_files)
        if self.site_dir is not None:
            write_banner(Path(self.site_dir), problems_json(
                self.served.problems, problems_href, self.links.all()))
        # Without the search plugin's entries (private: docs/architecture.md) it writes
        # its own index; `on_config` refuses Material's then (`dirty_search_problem`).
        if self.dirty and search.every() is not None:
            # A dirty build indexes only the pages it rebuilt: add the unchanged ones back,
            # in page order, so the index is the one a full build writes.
            search.whole([(file.src_uri, self.search_entries.get(file.src_uri, []))
                          for file in self.doc_files], self.index_text)
