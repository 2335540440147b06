"""MkDocs' reports of a hand-written page's links, given the link's line and column.

MkDocs checks every link of a page it converts and says which page holds a broken one,
but not where in it. A report about a page in docs_dir is given the position of the
link in that page's Markdown and, when MkDocs has none to suggest, the page most like
it (`linkhint.placed_report`); under `mkdocs serve` its warnings are kept for the
problems banner (`problems.LinkReports`)."""

from __future__ import annotations

import logging
from pathlib import Path

from ..linkhint import placed_report
from ..problems import LinkReport, LinkReports
from .convert import PAGES_LOG


class LinkPositions(logging.Filter):
    """On while a build runs: `docs_dir` is where the hand-written pages are read."""

    def __init__(self) -> None:
        super().__init__()
        self.docs_dir: Path | None = None
        self.reports: LinkReports | None = None  # under `mkdocs serve`, for the banner
        self.pages: tuple[str, ...] = ()  # the site's pages, for a broken link's hint
        PAGES_LOG.addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        placed = None if self.docs_dir is None else \
            placed_report(record.getMessage(), self.docs_dir, self.pages)
        if placed is not None:
            where, message = placed.where, placed.message
            record.msg, record.args = f"{where}: {message}" if where else message, ()
            if where and self.reports is not None and record.levelno >= logging.WARNING:
                self.reports.add(placed.page, LinkReport(where, message))
        return True

    def close(self) -> None:
        PAGES_LOG.removeFilter(self)
