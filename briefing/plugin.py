"""The MkDocs adapter: runs the core in `on_pre_build` and adds its pages in `on_files`.

It never writes into `docs_dir` (that would make `mkdocs serve` rebuild forever); the
content folder is added to the watched paths so edits there trigger a rebuild. Pages are
held in memory, except under `mkdocs serve --dirty`, where they are kept in a store
folder so that unchanged pages are not rebuilt (see docs/architecture.md).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .cache import PageStore, fingerprint, remove_outputs
from .diagnostics import Severity, summary
from .emit import page_collisions
from .load import display_root
from .pipeline import BuildResult, build, forget_cached
from .render import SECTIONS
from .settings import Policy, parse_policy, read_plugin_options

log = get_plugin_logger(__name__)


class BriefingConfig(base.Config):  # type: ignore[no-untyped-call]
    content_dir = c.Type(str, default="content")
    """The content folder, relative to mkdocs.yml: sources, claims, entities, briefs."""
    title = c.Optional(c.Type(str))
    """Heading of the home page; defaults to `site_name`."""
    severity = c.Type(dict, default={})
    """Diagnostic code -> error | warning | ignore; only warnings can be changed."""
    strict = c.Type(bool, default=False)
    """Fail on warnings too (as `mkdocs build --strict` does)."""


class BriefingPlugin(BasePlugin[BriefingConfig]):  # type: ignore[no-untyped-call]
    store: PageStore | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having on_startup makes MkDocs keep this instance across `mkdocs serve` rebuilds.
        # Dirty rebuilds redo only pages whose file is newer than their HTML: keep the
        # generated pages as files that change only when their Markdown does.
        self.serving = command == "serve"
        self.store = PageStore(Path(tempfile.mkdtemp(prefix="briefing-pages-"))) \
            if self.serving and dirty else None
        self.search_entries: dict[str, list[Any]] = {}

    def on_shutdown(self) -> None:
        if self.store:
            self.store.remove()
            self.store = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base_dir = Path(config.config_file_path or ".").parent
        self.content_dir = (base_dir / self.config.content_dir).resolve()
        if str(self.content_dir) not in config.watch:
            config.watch.append(str(self.content_dir))
        where = read_plugin_options(Path(config.config_file_path))[0].where \
            if config.config_file_path else None
        self.policy, problems = parse_policy(self.config.severity, self.config.strict,
                                             where=where)
        if problems:
            raise PluginError("\n".join(p.format() for p in problems))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Runs before MkDocs empties site_dir: a corpus with errors keeps the last good site.
        self.result = build(self.content_dir, site_title=self.config.title or config.site_name)
        self.pages = self._generated_files(config)
        diagnostics = (*self.policy.apply(self.result.diagnostics), *page_collisions(
            {f.dest_uri: f.src_uri for f in self.pages},
            {f.dest_uri: f.src_uri for f in get_files(config)},
            display_root(Path(config.docs_dir))))
        for diagnostic in diagnostics:
            level = log.error if diagnostic.severity is Severity.ERROR else log.warning
            level(diagnostic.format())
        strict = Policy(strict=self.policy.strict or bool(config.strict))
        if strict.failed(diagnostics):
            raise PluginError(f"Briefing: {summary(diagnostics)}; nothing was built and the "
                              "previous site is untouched. Fix the problems listed above.")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.generated = set(self.result.pages)
        for file in self.pages:
            files.append(file)
        self.doc_files = files.documentation_pages()
        if self.store and getattr(self, "rebuild_all", False):
            # Hand-written pages are rebuilt when their output is missing.
            remove_outputs(f.abs_dest_path for f in self.doc_files
                           if f.src_uri not in self.generated)
        self._indexed = 0
        if not getattr(self, "serving", False):
            # The pages are MkDocs' now; free the corpus for the rest of a one-shot build.
            self.result = BuildResult({}, self.result.diagnostics, None)
            forget_cached()
        return files

    def _generated_files(self, config: MkDocsConfig) -> list[File]:
        if self.store is None or self.result.failed():
            return [File.generated(config, path, content=markdown)
                    for path, markdown in sorted(self.result.pages.items())]
        # Whatever every page's HTML depends on besides its own Markdown.
        assert config.config_file_path is not None
        site_wide = fingerprint([Path(config.config_file_path)],
                                [Path(config.docs_dir), *map(Path, config.theme.dirs)])
        update = self.store.update(self.result.pages, site_wide)
        self.rebuild_all = update.everything
        remove_outputs(File.generated(config, path, content="").abs_dest_path
                       for path in update.removed)
        for path in update.removed:
            self.search_entries.pop(path, None)
        return [File.generated(config, path, abs_src_path=str(self.store.path(path)))
                for path in sorted(self.result.pages)]

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> Any:
        index = getattr(config.plugins.get("search"), "search_index", None)
        if self.store and index is not None:
            # The entries the search plugin added for this page (MkDocs 1.6's SearchIndex).
            self.search_entries[page.file.src_uri] = index._entries[self._indexed:]
            self._indexed = len(index._entries)
        return context

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index = getattr(config.plugins.get("search"), "search_index", None)
        if self.store and index is not None:
            # A dirty build indexes only the pages it rebuilt: add the unchanged ones back,
            # in page order, so the index is the one a full build writes.
            index._entries = [entry for file in self.doc_files
                              for entry in self.search_entries.get(file.src_uri, [])]

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Sections, not every page: a nav of every page on every page is quadratic.
        # A dirty build reads only changed pages, so keep the titles of earlier builds.
        titles = getattr(self, "titles", {})
        self.titles = {
            item.file.src_uri: item.title or titles.get(item.file.src_uri) or item.file.src_uri
            for item in self.nav.items
            if isinstance(item, Page) and item.file.src_uri not in self.generated
        }
        extra = [(title, uri) for uri, title in self.titles.items()]
        env.globals["briefing_sections"] = [*SECTIONS, *extra]
        return env
