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
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .diagnostics import Severity, summary
from .emit import page_collisions
from .load import display_root
from .pipeline import build
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
        self.pages = [File.generated(config, path, content=markdown)
                      for path, markdown in sorted(self.result.pages.items())]
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
