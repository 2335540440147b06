"""The MkDocs adapter: runs the core in `on_pre_build` and adds its pages in `on_files`.

It never writes into `docs_dir` (that would make `mkdocs serve` rebuild forever); the
content folder is added to the watched paths so edits there trigger a rebuild. What
`mkdocs serve` keeps between rebuilds (the last good pages, the Problems page, the
`--dirty` pages) lives in `live.py` (see docs/architecture.md).
"""

from __future__ import annotations

import datetime
import functools
import gc
import logging
from collections.abc import Callable, Iterator, Mapping
from html import unescape
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..dates import file_date
from ..diagnostics import Diagnostic, Severity, build_stopped
from ..jsonld import with_structured_data
from ..language import lang_as_tag
from ..load import UNLISTABLE, display_root
from ..paths import holds_own_text
from ..pieces import PieceStore
from ..pipeline import Warming, build
from ..problems import PROBLEMS_PAGE
from ..results import FOLDER as RESULTS
from ..results import ResultStore
from ..safehtml import (
    clean_page,
    name_title,
    removed_warning,
    runnable_file,
    themed_page,
    unpublished_warning,
)
from ..searchindex import introduction, reduced
from ..settings import Policy, with_settings_problems
from ..siteconfig import nav_paths, plugin_settings, site_file_problems, template_positions
from ..sitesearch import SearchIndexFault, binary, index_site
from ..themefolders import ThemeFolders
from ..themeglobals import theme_globals
from ..watching import QUIET_SECONDS, NotifiedObserver
from ..wording import Wording, wording_for
from .assets import add_assets, asset_files, minify_theme_assets, problems_file, problems_href
from .convert import ConvertedPage, PageConversions, piece_store
from .kept import KeptSite
from .language import UntranslatedTheme
from .linklog import LinkPositions
from .live import GuardedBuilder, LiveSite, page_file
from .picker import QuotePicker
from .search import SearchEntries, trimmed

log = get_plugin_logger(__name__)
# Settings under which building at all could overwrite or publish what it must not.
STOPS_AT_ONCE = frozenset({"config-folder", "content-symlink-outside"})
# How MkDocs words its warning of an option the plugin does not have.
UNKNOWN_OPTION = "Unrecognised configuration name: "


class BriefingConfig(base.Config):  # type: ignore[no-untyped-call]
    # Any value here: `plugin_settings` checks each, as `briefing check` does, and says
    # where in mkdocs.yml a wrong one is.
    content_dir = c.Type(object, default="content")
    """The content folder, relative to mkdocs.yml: sources, claims, entities, briefs."""
    title = c.Optional(c.Type(object))
    """Heading of the home page; defaults to `site_name`."""
    severity = c.Type(object, default={})
    """Diagnostic code -> error | warning | ignore; only warnings can be changed."""
    strict = c.Type(object, default=False)
    """Fail on warnings too (as `mkdocs build --strict` does)."""
    hedges = c.Type(object, default={})
    """Hedge group -> extra words for the prose checks (docs/provenance.md)."""
    quote_picker = c.Type(object, default="serve")
    """The "Copy as quote" control on source pages: under `mkdocs serve` only, always, or
    never (docs/authoring.md)."""


class BriefingPlugin(BasePlugin[BriefingConfig]):  # type: ignore[no-untyped-call]
    live: LiveSite | None = None
    kept: KeptSite | None = None
    full_html: str | None = None  # a page's HTML while search sees it cut down
    disk: PieceStore | None = None  # conversions kept between builds, on disk
    store: ResultStore | None = None  # the pipeline's results kept between builds, on disk
    warming: Warming | None = None  # serve's cache being filled after a build from the store
    one_shot = False  # `mkdocs build` or `gh-deploy`: the site is published
    server: LiveReloadServer | None = None  # `mkdocs serve`'s, once it runs
    pagefind = False  # this build ends with Pagefind's index of the site (`sitesearch.py`)

    def __init__(self) -> None:
        self.written: Files | None = None  # a one-shot build's files, until Pagefind runs
        self.untranslated = UntranslatedTheme()
        self.link_positions = LinkPositions()  # MkDocs' reports of links, given a line
        self.lang = "en"  # the site's language tag (`language.site_language`)
        self.wording = Wording()  # the pages' own words, in that language if it has them

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None
                    ) -> tuple[Any, Any]:
        """MkDocs' own check of the options, less its warning of one the plugin lacks:
        the plugin reports that option itself, at its line of mkdocs.yml and with the
        one meant (`config-option-unknown`), among the content's problems. Under
        `--strict`, MkDocs would otherwise stop on its warning before the plugin runs,
        naming no line and hiding every other problem of the build."""
        errors, warnings = super().load_config(options, config_file_path)
        return errors, [(name, message) for name, message in warnings
                        if not str(message).startswith(UNKNOWN_OPTION)]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having on_startup makes MkDocs keep this instance across `mkdocs serve` rebuilds.
        self.live = LiveSite(dirty=dirty) if command == "serve" else None
        # A one-shot build writes into a staging folder swapped in only on success.
        self.link_positions.reports = self.live.links if self.live else None
        self.kept = KeptSite() if command in ("build", "gh-deploy") and not dirty else None
        self.one_shot = command in ("build", "gh-deploy")

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        # Edits in the content folder (watched from `config.watch`, after this event) are
        # noticed at once rather than at MkDocs' next poll, so the wait for a save's last
        # event can be shorter (`watching.QUIET_SECONDS`).
        # `docs_dir`, watched before this event, is watched again through it: the server's
        # own poll of it ends for good if the folder is deleted and made again.
        server.unwatch(config.docs_dir)
        server.observer = NotifiedObserver(server.observer, log)  # type: ignore[assignment]
        server.watch(config.docs_dir)
        server.build_delay = QUIET_SECONDS
        self.server, self.watched = server, str(self.content_dir)
        # A rebuild that raises leaves MkDocs' server holding every page request until a
        # later rebuild succeeds; the guard makes it a Problems page instead.
        if self.live:
            server.builder = GuardedBuilder(server.builder, self.live, self.content_dir)
        return server

    def on_shutdown(self) -> None:
        self.untranslated.close()
        self.link_positions.close()
        if self.live:
            self.live.close()
        if self.kept:
            self.kept.close()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.search = SearchEntries(config)
        self.settings, self.content_dir, problems, self.unknown_options = plugin_settings(
            self.config, config_file=Path(config.config_file_path)
            if config.config_file_path else None, extensions=config.markdown_extensions,
            extension_configs=config.mdx_configs, docs_dir=Path(config.docs_dir),
            site_dir=Path(config.site_dir),
            theme_language=(config.theme.locale, config.theme.get("language")))
        if str(self.content_dir) not in config.watch:
            config.watch.append(str(self.content_dir))
        # A setting that would let the build overwrite the content stops it here; the
        # others are reported with the content's problems, all of them in one build.
        if any(p.code in STOPS_AT_ONCE for p in problems):
            raise PluginError("\n".join(p.format() for p in problems))
        self.settings_problems = problems
        if self.live and self.live.dirty and self.search.stale_when_dirty():
            raise PluginError("Briefing: under `--dirty`, this version of Material's search "
                              "would serve a stale index: serve without `--dirty`")
        if self.server is not None and str(self.content_dir) != self.watched:
            # MkDocs read `watch` once, before the first rebuild: a content folder named
            # since, and accepted, is watched instead of the last.
            self.server.watch(str(self.content_dir))
            self.server.unwatch(self.watched)
            self.watched = str(self.content_dir)
        add_assets(config)
        self.link_positions.docs_dir = Path(config.docs_dir)
        self.lang = self.untranslated.configure(config)
        self.wording = wording_for(self.lang, self.wording)
        # A theme that shows Pagefind's search says so (`pagefind: true` in its
        # mkdocs_theme.yml); `mkdocs serve` keeps MkDocs' search, rebuilt with each page.
        self.pagefind = self.one_shot and bool(config.theme.get("pagefind"))
        try:
            missing = self.pagefind and binary() is None
        except SearchIndexFault as exc:
            raise PluginError(f"Briefing: {exc}") from None
        if missing:
            raise PluginError("Briefing: the theme's search needs Pagefind, which is not "
                              "installed: install the `pagefind-bin` package (a dependency "
                              "of mkdocs-briefing) in the environment that runs MkDocs")
        self.picker = QuotePicker(self.settings.quote_picker, serving=self.live is not None,
                                  language=self.lang, last=getattr(self, "picker", None))
        self.picker.configure(config)
        if self.kept:
            self.kept.redirect(config)
        if self.live:  # past the settings: a rebuild that fails now is not theirs
            self.live.configured, self.live.site_dir = True, config.site_dir
            self.live.config_file = config.config_file_path
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Runs before MkDocs empties site_dir: a corpus with errors keeps the last good site.
        if self.live:
            self.live.housekeeping.build_started()
            self.live.current = None
        if self.warming:  # the cache a build from the store left empty, being filled
            self.warming.join()
            self.warming = None
        self.pipeline = functools.partial(
            build, self.content_dir, site_title=self.settings.title or config.site_name,
            site_url=config.site_url or "", site_author=config.site_author or "",
            directory_urls=config.use_directory_urls,
            cache=self.live.cache if self.live else None, hedges=self.settings.policy.hedges,
            language=self.lang, today=datetime.date.today(), wording=self.wording)
        # A build Pagefind follows runs the pipeline in a process of its own, so that its
        # memory is handed back before Pagefind runs beside this process (`pipeline.py`).
        result = self.pipeline(store=self.results(config), apart=self.pagefind)
        if result.error:
            log.error("the build stopped on an unexpected error",
                      exc_info=result.error)
        pages, self.files = result.pages, result.files
        self.unsafe_pages = {d.pos.path for d in result.diagnostics
                             if d.code == "page-unsafe-markup"}
        self.picker.built(result.linked, result.failed(),
                          self.store.derived if self.store else {})
        # MkDocs' listing follows links: one out of the content folder or round a loop (an
        # error already) could lead it anywhere on the machine, or for ever.
        linked_out = any(d.code in UNLISTABLE for d in result.diagnostics)
        if linked_out and self.live:  # MkDocs lists docs_dir next: an empty one this time
            self.live.list_no_pages(config)
        diagnostics = self.diagnostics(result.diagnostics, pages, config,
                                       linked_out=linked_out)
        for diagnostic in diagnostics:
            (log.error if diagnostic.severity is Severity.ERROR else log.warning)(
                diagnostic.format())
        if self.live:  # serving: never stop; show the problems (MkDocs' too) instead
            pages, self.files = self.live.served.outputs(
                pages, self.files, diagnostics)
        elif Policy(strict=self.settings.policy.strict or bool(config.strict)).failed(diagnostics):
            raise PluginError(build_stopped(
                diagnostics, warnings_shown=log.isEnabledFor(logging.WARNING)))
        self.generated = set(pages)
        self.pages = self.live.page_files(config, pages) if self.live else \
            [page_file(config, path, text) for path, text in sorted(pages.items())]
        # Pages convert in pieces, kept on disk; a `--dirty` session takes them from there
        # in its first build and keeps them in memory after (`conversion.py`).
        conversions = self.live.conversions if self.live else PageConversions(keep=False)
        first = self.store is not None
        self.disk = piece_store(config) \
            if first or not (self.live and self.live.dirty) else None
        conversions.use(self.disk)
        named = nav_paths(config.nav)  # left to MkDocs, which titles them as `nav` says
        # (Serve's Problems page, changing with each problem, is not worth keeping.)
        for file in self.pages:
            if file.src_uri not in named and file.src_uri != PROBLEMS_PAGE:
                ConvertedPage(file, config, conversions)

    def diagnostics(self, found: tuple[Diagnostic, ...], pages: Mapping[str, str],
                    config: MkDocsConfig, *, linked_out: bool) -> tuple[Diagnostic, ...]:
        """The build's problems: the content's, as the settings weigh them, pages that
        would overwrite each other or could not be written (`page-template-missing`),
        and why the last attempt at this build failed."""
        files = site_file_problems(
            [*pages, *((PROBLEMS_PAGE,) if self.live else ())], self.files,
            {} if linked_out else {f.dest_uri: f.src_uri for f in get_files(config)},
            Path(config.docs_dir), ThemeFolders(tuple(config.theme.dirs),
                                                tuple(config.theme.static_templates)),
            directory_urls=config.use_directory_urls, picker=self.picker.on,
            pagefind=self.pagefind, search=self.search.plugin is not None,
            templates=template_positions(config.config_file_path, config.extra_templates))
        # An option the plugin lacks, at its line (MkDocs' warning of it is left out).
        return (*self.unknown_options,
                *with_settings_problems(self.settings_problems, self.settings.policy.apply(found)),
                *files, *(self.live.failures if self.live else ()))

    def results(self, config: MkDocsConfig) -> ResultStore | None:
        """The pipeline's results kept beside mkdocs.yml, for a one-shot build and for
        serve's first (any build whose cache holds no linked corpus)."""
        warm = self.live is not None and self.live.cache.linked is not None
        self.store = None if warm or not config.config_file_path else ResultStore(
            Path(config.config_file_path).parent / RESULTS, self.picker.all_blocks)
        return self.store

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        problems = self.live.served.problems if self.live else None
        without_runnable_files(files, config, self.content_dir)
        minify_theme_assets(files, config)
        for file in (*self.pages, *asset_files(config, self.wording),
                     problems_file(config, problems), *self.picker.files(config)):
            files.append(file)
        for path, text in sorted(self.files.items()):
            files.append(File.generated(config, path, content=text))
        self.link_positions.pages = tuple(f.src_uri for f in files.documentation_pages())
        if self.live:
            if self.live.dirty:
                self.live.unchanged_outputs(files, config)
            self.live.files_added(files, self.generated, config)
        else:
            # The pages are MkDocs' now; free them for a one-shot build.
            self.pages, self.files, self.written = [], {}, files
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        # MkDocs stamps sitemap.xml.gz with the latest page date, the build clock unless
        # set: use the content's date.
        page.update_date = file_date(str(page.meta.get("updated", "")))
        if self.live:
            self.live.page_read(page)
        return markdown

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.live:  # what a rebuild that fails now was reading
            self.live.current = page.file
        return page

    @event_priority(-100)  # after other plugins have seen the page's Markdown
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        if self.live:
            self.live.current = None
        if not self.live and page.file.src_uri in self.generated:
            # Converted: a one-shot build needs the Markdown no more (not None: MkDocs then
            # forgets the title).
            page.markdown = page.file.content_string = ""
        if page.file.src_uri not in self.generated:
            html = self.cleaned(html, page, config)
        # Other themes write the title and front matter unescaped (`safehtml.themed_page`).
        title = page.title or ""
        page.title, page.meta = themed_page(
            title, page.meta,
            from_name="title" not in page.meta and title == name_title(page.file.name))
        return html

    def cleaned(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """A hand-written page without what could run: its raw HTML and links are the
        contributor's, and the site is public (`safehtml.py`). What was removed is
        reported, so `--strict` fails rather than publish a page unlike its source: by
        the core, at its line (`pagesafety.py`), else here."""
        html, removed = clean_page(html)
        # Structured data comes from the corpus only (`page-structured-data`).
        page.meta = {key: value for key, value in page.meta.items() if key != "jsonld"}
        where = f"{display_root(Path(config.docs_dir))}/{page.file.src_uri}"
        if removed and where not in self.unsafe_pages:
            log.warning(removed_warning(where, removed))
        return html

    @event_priority(1)  # just before the search plugin parses the page
    def _before_search(self, context: Any, *, page: Page, config: MkDocsConfig,
                       nav: Navigation) -> Any:
        if self.live:  # what a rebuild that fails now was building
            self.live.current = page.file
        if not self.search.known or not page.content:
            return context
        # Pagefind indexes the written site; no page loads MkDocs' index: search need
        # not parse the page, and its entry is dropped after.
        if self.pagefind:
            self.full_html, page.content = page.content, ""
        # A gathering page is found by its introduction and headings; search need parse
        # only the part of it that trim keeps the text of.
        elif page.file.src_uri in self.generated and not holds_own_text(page.file.src_uri):
            self.full_html = page.content
            page.content = reduced(introduction(page.content))
        return context

    @event_priority(-100)  # after the search plugin has indexed the page
    def _after_search(self, context: Any, *, page: Page, config: MkDocsConfig,
                      nav: Navigation) -> Any:
        if self.full_html is not None:
            page.content, self.full_html = self.full_html, None
        entries = self.search.added(page)
        if entries is not None:
            # (The Problems page, serve's alone, is not the briefing's to be found.)
            if self.pagefind or (self.live and page.file.src_uri == PROBLEMS_PAGE):
                entries = []
            elif page.file.src_uri in self.generated and not self.search.material:
                entries = trimmed(entries, page)  # (Material's: the cut page was all)
            self.search.kept(entries)
        if self.live and entries is not None:
            self.live.page_indexed(page, entries)
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.live:
            self.live.current = None
        if page.file.src_uri in self.generated:
            page.content = None  # written and indexed: do not hold every page's HTML
        output = self.picker.page_html(output, page)
        output = lang_as_tag(output, str(config.theme.locale))
        if isinstance(page.meta.get("jsonld"), dict):
            output = with_structured_data(output, page.meta["jsonld"], page.canonical_url)
        return output

    @event_priority(100)  # before the search plugin writes its index
    def _live_post_build(self, *, config: MkDocsConfig) -> None:
        if self.live:
            self.live.build_finished(self.search, problems_href(config))
        if self.disk:
            log.debug(f"{self.disk.hits} pages converted from the cache, "
                      f"{self.disk.misses} converted")
            self.disk.prune()
        if self.live and self.store and self.store.hit:
            # Read from the store, the pipeline left the session's cache empty: fill it
            # while the server is idle, so the first edit rebuilds only what it changed.
            self.warming = Warming(self.pipeline)
            self.live.housekeeping.after_fill(self.warming.join)

    @event_priority(-100)  # after every other plugin has written into the site folder
    def _kept_post_build(self, *, config: MkDocsConfig) -> None:
        if self.pagefind:  # into the staging folder: a failure leaves the last site
            self.release()
            try:
                done = index_site(Path(config.site_dir))
            except SearchIndexFault as exc:
                raise PluginError(f"Briefing: {exc}") from exc
            peak = f", peak memory {done.peak_mb:.0f} MB" if done.peak_mb else ""
            log.info(f"Pagefind indexed {done.pages} pages for search in "
                     f"{done.seconds:.1f} s{peak}")
        if self.kept:
            self.kept.finish()

    on_post_build = CombinedEvent(_live_post_build, _kept_post_build)

    def release(self) -> None:
        """Drop what a one-shot build no longer needs once its pages are written and their
        links checked, as Pagefind is about to run beside it: MkDocs' page of each
        generated file: its table of contents, metadata and anchors, most of what the
        process still held at 10,000 sources."""
        if self.written is None:  # (set only by a one-shot build's `on_files`)
            return
        for file in self.written.documentation_pages():
            if file.src_uri in self.generated:
                file.page = None
        self.written = None
        gc.collect()  # a page and its file refer to each other

    def on_build_error(self, *, error: Exception) -> None:
        if self.kept:
            self.kept.abandon()
        if self.live:
            self.live.build_failed()

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # MkDocs' own nav makes each generated folder a section holding only its list page
        # (the pages listed stay out of the nav): a folder of one, opened to reach the
        # page, under every theme that draws sections. The page stands in its place.
        if config.nav is None:
            nav.items = [self._lone_list(item) for item in nav.items]
            # A section is named after its folder: text, which other themes write as HTML.
            for section in _sections(nav.items):
                section.title = str(escape(section.title))
        self.nav = nav
        return nav

    def _lone_list(self, item: StructureItem) -> StructureItem:
        if isinstance(item, Section) and len(item.children) == 1:
            page = item.children[0]
            if isinstance(page, Page) and page.is_index and page.file.src_uri in self.generated:
                page.parent = item.parent
                return page
        return item

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # A dirty build reads only changed pages, so keep the titles of earlier builds.
        titles: dict[str, str] = getattr(self, "titles", {})
        self.titles = {
            item.file.src_uri: unescape(item.title) if item.title else titles.get(item.file.src_uri)
            or item.file.src_uri
            for item in self.nav.items
            if isinstance(item, Page) and item.file.src_uri not in self.generated
        }
        env.globals.update(theme_globals(
            self.wording, self.lang, pagefind=self.pagefind, serving=self.live is not None,
            generated=self.generated, own_pages=[(t, uri) for uri, t in self.titles.items()]))
        if self.live:
            self.live.date_unread_pages()
            env.bytecode_cache = self.live.housekeeping.templates
        return env


def _sections(items: list[StructureItem]) -> Iterator[Section]:
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)


def without_runnable_files(files: Files, config: MkDocsConfig, content_dir: Path) -> None:
    """Leaves out the files among the hand-written pages that could run a script when
    opened (`safehtml.runnable_file`), putting back the theme's file one of them replaced
    (a page folder's `assets/briefing.js` would otherwise run on every page). The core
    reports them in the content's pages folder (`pagesafety.runnable`); here, elsewhere."""
    docs = Path(config.docs_dir)
    reported = docs.resolve() == (content_dir / "pages").resolve()
    for file in list(files):
        if file.generated_by is not None or file.is_documentation_page() or \
                Path(file.src_dir or "") != docs:
            continue
        problem = runnable_file(file.src_uri, Path(file.abs_src_path or "").read_bytes)
        if problem is None:
            continue
        files.remove(file)
        (log.debug if reported else log.warning)(
            unpublished_warning(f"{display_root(docs)}/{file.src_uri}", problem))
        for folder in config.theme.dirs:
            if (Path(folder) / file.src_uri).is_file():
                files.append(File(file.src_uri, folder, config.site_dir,
                                  config.use_directory_urls))
                break
