"""The MkDocs adapter: runs the core in `on_files` and adds its pages in memory.

It never writes into `docs_dir` (that would make `mkdocs serve` rebuild forever); the
content folder is added to the watched paths so edits there trigger a rebuild.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .diagnostics import Severity, summary
from .pipeline import build
from .render import SECTIONS

log = get_plugin_logger(__name__)


class BriefingConfig(base.Config):  # type: ignore[no-untyped-call]
    content_dir = c.Type(str, default="content")
    """The content folder, relative to mkdocs.yml: sources, claims, entities, briefs."""
    title = c.Optional(c.Type(str))
    """Heading of the home page; defaults to `site_name`."""


class BriefingPlugin(BasePlugin[BriefingConfig]):  # type: ignore[no-untyped-call]
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base_dir = Path(config.config_file_path or ".").parent
        self.content_dir = (base_dir / self.config.content_dir).resolve()
        if str(self.content_dir) not in config.watch:
            config.watch.append(str(self.content_dir))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Runs before MkDocs empties site_dir: a corpus with errors keeps the last good site.
        self.result = build(self.content_dir, site_title=self.config.title or config.site_name)
        for diagnostic in self.result.diagnostics:
            level = log.error if diagnostic.severity is Severity.ERROR else log.warning
            level(diagnostic.format())
        if self.result.failed():
            raise PluginError(f"Briefing: {summary(self.result.diagnostics)}; nothing was "
                              "built and the previous site is untouched. Fix the problems "
                              "listed above.")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.generated = set(self.result.pages)
        for path, markdown in sorted(self.result.pages.items()):
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"Briefing: {config.docs_dir}/{path} has the same path as a "
                                  "generated page; rename or remove it.")
            files.append(File.generated(config, path, content=markdown))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Sections, not every page: a nav of every page on every page is quadratic.
        extra: list[tuple[str, str]] = [
            (item.title or item.file.src_uri, item.file.src_uri)
            for item in self.nav.items
            if isinstance(item, Page) and item.file.src_uri not in self.generated
        ]
        env.globals["briefing_sections"] = [*SECTIONS, *extra]
        return env
