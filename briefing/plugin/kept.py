"""Kept output for `mkdocs build`: the previous site stays whole until a build succeeds.

MkDocs empties `site_dir` before it writes, and `--strict` fails the build only after
every page is written and every `on_post_build` has run. So a hand-written page with a
broken link would fail the build after the site was already replaced. Instead, the
plugin points `site_dir` at a staging folder beside it in `on_config`, and in the last
`on_post_build` swaps the staging folder in by rename (`emit.swap_in`), unless the
build counts as failed: an error raised (`on_build_error`), or, under `--strict`, a
warning logged, counted as MkDocs counts them (a handler on the `mkdocs` logger,
`properdocs` under ProperDocs, from `on_startup`). The real `site_dir` is restored on
the config afterwards, for what runs after the build (`gh-deploy`). The build holds the
same lock as `briefing build --out` and repairs a killed build's leftovers the same way
(docs/architecture.md).

`mkdocs serve` builds into a temporary folder of its own, and `--dirty` builds on top
of the folder in place; neither is staged.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..emit import OutputFault, Staged

log = get_plugin_logger(__name__)
# The program's logger: `properdocs` under ProperDocs, whose modules `mkdocs.*` imports load.
PROGRAM_LOG = logging.getLogger(MkDocsConfig.__module__.partition(".")[0])


class Logged(logging.Handler):
    """The messages the program logs at `level` or above while attached to `PROGRAM_LOG`:
    how many warnings a strict build counts, what a failed rebuild's settings said."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class KeptSite:
    """One staged `mkdocs build`: `redirect` in `on_config`, then `finish` in the last
    `on_post_build` or `abandon` in `on_build_error`; `close` in `on_shutdown`."""

    def __init__(self) -> None:
        self.warnings = Logged(logging.WARNING)
        PROGRAM_LOG.addHandler(self.warnings)
        self.staged: Staged | None = None
        self.site, self.config = "", MkDocsConfig()  # the real site_dir, restored after

    def redirect(self, config: MkDocsConfig) -> None:
        try:
            self.staged = Staged(Path(config.site_dir))
        except OutputFault as exc:
            raise PluginError(exc.diagnostic.format()) from exc
        self.site, self.config = config.site_dir, config
        config.site_dir = str(self.staged.folder)

    def finish(self) -> None:
        if self.staged is None:
            return
        if self.config.strict and self.warnings.messages:
            log.info(f"the build failed in strict mode; {self.site} keeps the previous site")
            self.abandon()
            return
        staged, self.staged, self.config.site_dir = self.staged, None, self.site
        try:
            staged.finish(keep_hidden=True)
        except OutputFault as exc:
            raise PluginError(exc.diagnostic.format()) from exc

    def abandon(self) -> None:
        if self.staged is not None:
            self.staged.abandon()
            self.staged, self.config.site_dir = None, self.site

    def close(self) -> None:
        self.abandon()  # a build that ended without either event
        PROGRAM_LOG.removeHandler(self.warnings)
