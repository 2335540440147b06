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
(docs/architecture.md). A build stopped by SIGTERM or SIGHUP ends as on Ctrl-C
(`session.StopOnSignals`): MkDocs' `on_shutdown` then removes the staging folder.

`mkdocs serve` builds into a temporary folder of its own, and `--dirty` builds on top
of the folder in place; neither is staged.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands import build as build_command
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..emit import OutputFault, Staged, discard_staging
from ..session import StopOnSignals

log = get_plugin_logger(__name__)
# The program's logger: `properdocs` under ProperDocs, whose modules `mkdocs.*` imports load.
PROGRAM_LOG = logging.getLogger(MkDocsConfig.__module__.partition(".")[0])
BUILD_LOG = logging.getLogger(build_command.__name__)


class Logged(logging.Handler):
    """The messages the program logs at `level` or above while attached to `PROGRAM_LOG`:
    how many warnings a strict build counts, what a failed rebuild's settings said."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class KeptSite(logging.Filter):
    """One staged `mkdocs build`: `redirect` in `on_config`, then `finish` in the last
    `on_post_build` or `abandon` in `on_build_error`; `close` in `on_shutdown`.

    As a filter on MkDocs' build log, it names the real site_dir where MkDocs says it
    builds to the staging folder, a name the user never chose and never sees after."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings = Logged(logging.WARNING)
        PROGRAM_LOG.addHandler(self.warnings)
        BUILD_LOG.addFilter(self)
        self.staged: Staged | None = None
        self.site, self.config = "", MkDocsConfig()  # the real site_dir, restored after
        self.stop_on_signals = StopOnSignals()

    def filter(self, record: logging.LogRecord) -> bool:
        staging = str(self.staged.folder) if self.staged else None
        if staging and staging in (message := record.getMessage()):
            record.msg, record.args = message.replace(staging, self.site), ()
        return True

    def redirect(self, config: MkDocsConfig) -> None:
        self.site, self.config = config.site_dir, config  # first: `close` cleans up beside it
        try:
            self.staged = Staged(Path(config.site_dir))
        except OutputFault as exc:
            raise PluginError(exc.diagnostic.format()) from exc
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
        self.abandon()  # a build that ended without either event, or was stopped
        if self.site:  # stopped while the staging folder was being made
            discard_staging(Path(self.site))
        self.stop_on_signals.close()
        PROGRAM_LOG.removeHandler(self.warnings)
        BUILD_LOG.removeFilter(self)
