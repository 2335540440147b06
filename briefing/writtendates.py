"""Dates written as an article writes them ("4 March 2025", "March 4, 2025", "May 2025",
"2025年1月27日"), read as the ISO dates of the annotations: for `briefing new`'s suggested
date, and for the hint of a date an annotation wrote so."""

from __future__ import annotations

import datetime
import re
from types import MappingProxyType

_MONTHS = MappingProxyType({name: n for n, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")), start=1) for name in names})
_MONTH = r"(?P<{0}>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len,
                                        reverse=True)) + r")\.?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"
DATES = re.compile(
    r"\b(?:" + r"{y1}-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)".format(y1=_YEAR.format("y1"))
    + "|" + _DAY.format("d2") + r"\s+" + _MONTH.format("m2") + r",?\s+" + _YEAR.format("y2")
    + "|" + _MONTH.format("m3") + r"\s+" + _DAY.format("d3") + r",\s*" + _YEAR.format("y3")
    + "|" + _MONTH.format("m3b") + r"\s+" + _DAY.format("d3b") + r"\s+" + _YEAR.format("y3b")
    + "|" + _MONTH.format("m4") + r",?\s+" + _YEAR.format("y4")
    + r")\b(?!-\d)"
    # Chinese, Japanese and Korean: 2025年1月27日, 2025년 1월 27일.
    + "|" + _YEAR.format("y5") + r"\s?[年년]\s?(?P<m5>[01]?\d)\s?[月월]"
    r"(?:\s?(?P<d5>[0-3]?\d)\s?[日일])?")


def date_of(match: re.Match[str]) -> str | None:
    """The ISO date a match of `DATES` writes, or None for no such day."""
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    year = int(next(v for k, v in groups.items() if k.startswith("y")))
    month_text = next(v for k, v in groups.items() if k.startswith("m"))
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
    day_text = next((v for k, v in groups.items() if k.startswith("d")), None)
    if day_text is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, int(day_text)).isoformat()
    except ValueError:
        return None


def iso_date(value: str) -> str | None:
    """The ISO date ("2025-03-04", "2025-05") of a value that is one written date alone."""
    match = DATES.fullmatch(value.strip())
    return date_of(match) if match else None
