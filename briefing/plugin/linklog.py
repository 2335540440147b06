"""MkDocs' reports of a hand-written page's links, given the link's line and column.

MkDocs checks every link of a page it converts and says which page holds a broken one,
but not where in it. A report about a page in docs_dir is given the position of the
link in that page's Markdown, in the form the plugin's own diagnostics have, and a link
to no page the page most like it when MkDocs has none to suggest (`linkhint.py`); under
`mkdocs serve` its warnings are kept for the problems banner (`problems.LinkReports`)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..linkhint import closest_page
from ..load import display_root
from ..pagelinks import written_at
from ..positions import Lines
from ..problems import LinkReport, LinkReports
from .convert import PAGES_LOG

LINK_REPORT = re.compile(
    r"Doc file '(?P<page>[^']+)' contains (?:a link(?: to)?|an unrecognized relative link) "
    r"'(?P<url>[^']*)'")
NOT_FOUND = "is not found among documentation files."


class LinkPositions(logging.Filter):
    """On while a build runs: `docs_dir` is where the hand-written pages are read."""

    def __init__(self) -> None:
        super().__init__()
        self.docs_dir: Path | None = None
        self.reports: LinkReports | None = None  # under `mkdocs serve`, for the banner
        self.pages: tuple[str, ...] = ()  # the site's pages, for a broken link's hint
        PAGES_LOG.addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        found = LINK_REPORT.match(message := record.getMessage())
        if found and self.docs_dir is not None:
            if message.endswith(NOT_FOUND):  # MkDocs found no page to suggest: the closest
                hint = closest_page(found["page"], found["url"], self.pages)
                message += f" Did you mean '{hint}'?" if hint else ""
            where = self.position(found["page"], found["url"])
            record.msg, record.args = f"{where}: {message}" if where else message, ()
            if where and self.reports is not None and record.levelno >= logging.WARNING:
                self.reports.add(found["page"], LinkReport(where, message))
        return True

    def position(self, page: str, url: str) -> str | None:
        assert self.docs_dir is not None
        try:
            text = (self.docs_dir / page).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):  # a generated page, or one MkDocs reports
            return None
        offset = written_at(text, url)
        shown = f"{display_root(self.docs_dir)}/{page}"
        return None if offset is None else str(Lines.of(text).pos(shown, offset))

    def close(self) -> None:
        PAGES_LOG.removeFilter(self)
