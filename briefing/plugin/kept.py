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

import contextlib
import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..emit import OutputFault, output_lock, recover, staging_for, swap_in

log = get_plugin_logger(__name__)
# The program's logger: `properdocs` under ProperDocs, whose modules `mkdocs.*` imports load.
PROGRAM_LOG = logging.getLogger(MkDocsConfig.__module__.partition(".")[0])


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class KeptSite:
    """One staged `mkdocs build`: `redirect` in `on_config`, then `finish` in the last
    `on_post_build` or `abandon` in `on_build_error`; `close` in `on_shutdown`."""

    def __init__(self) -> None:
        self.warnings = _WarningCount()
        PROGRAM_LOG.addHandler(self.warnings)
        self.lock = contextlib.ExitStack()
        self.site: Path | None = None
        self.staging: Path | None = None
        self.config: MkDocsConfig | None = None

    def redirect(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        try:
            self.lock.enter_context(output_lock(site))
            recover(site)
            self.staging = staging_for(site)
        except OutputFault as exc:
            self.lock.close()
            raise PluginError(exc.diagnostic.format()) from exc
        self.site, self.config = site, config
        config.site_dir = str(self.staging)

    def finish(self) -> None:
        if self.config is None or self.site is None or self.staging is None:
            return
        if self.config.strict and self.warnings.count:
            log.info(f"the build failed in strict mode; {self.site} keeps the previous site")
            self.abandon()
            return
        try:
            swap_in(self.staging, self.site, keep_hidden=True)
        except OutputFault as exc:
            raise PluginError(exc.diagnostic.format()) from exc
        finally:
            self._done()

    def abandon(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
        self._done()

    def _done(self) -> None:
        if self.config is not None and self.site is not None:
            self.config.site_dir = str(self.site)
        self.site = self.staging = self.config = None
        self.lock.close()

    def close(self) -> None:
        self.abandon()  # a build that ended without either event
        PROGRAM_LOG.removeHandler(self.warnings)
