"""Calendar dates a text gives, as values, for `prose-date-unsourced`: the curator's "On
3 March 2025" is held to the dates its quotes write ("March 3, 2025", "3/3/2025",
"2025年3月3日"), its sources' `published:` and its claims' events' `when:`.

A date is read where the figure check reads one (`NumberStyle.dates`: the day and year
of a date are no figures there), in the ways the text's language writes it, and kept
when it names a year and a month: a year alone is a figure's, a season or a quarter
("summer 2025", "Q3 2025") and a day without its year ("3 March") are not compared.
Dates in digits ("2025-03-03", "3.3.2025") are read as well, each order of day and
month they may be read in.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .schema import FuzzyDate
from .writtendates import month_numbers

# (year, month, day): a date written to the month has no day.
Dated = tuple[int, int, int | None]

# Dates in digits the figure check leaves to the number reader: ISO ("2025-03-04") and
# day or month first with points or hyphens ("3.3.2025", "03-04-2025").
_IN_DIGITS = re.compile(r"(?<![\d.-])(?:(?:19|20)\d\d-[01]\d-[0-3]\d"
                        r"|[0-3]?\d([.-])[0-3]?\d\1(?:19|20)\d\d)(?![\d-])")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_DAY = re.compile(r"(?<!\d)[0-3]?\d(?!\d)")
_CJK = re.compile(r"((?:1[89]|20)\d\d)\s?[年년]\s?([01]?\d)\s?[月월]"
                  r"(?:\s?([0-3]?\d)\s?[日일])?")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class DateReader:
    """The calendar dates of texts in one language."""

    dates: re.Pattern[str]  # where the language writes a date (`NumberStyle.dates`)
    months: re.Pattern[str]  # its month names, case folded (`month_numbers`)
    numbers: Mapping[str, int]  # and the month each one is

    def read(self, text: str) -> list[tuple[int, int, tuple[Dated, ...]]]:
        """(start, end, readings) of each date of `text` with a year and a month: one
        reading, or two for digits whose day and month may be either ("3/4/2025")."""
        spans = sorted({*(m.span() for m in self.dates.finditer(text)),
                        *(m.span() for m in _IN_DIGITS.finditer(text))},
                       key=lambda span: (span[0], -span[1]))
        found: list[tuple[int, int, tuple[Dated, ...]]] = []
        for start, end in spans:
            if found and start < found[-1][1]:
                continue  # (within a date already read)
            readings = self.readings(text[start:end])
            if readings:
                found.append((start, end, readings))
        return found

    def readings(self, written: str) -> tuple[Dated, ...]:
        """The dates one written date may be, or none for no calendar date."""
        cjk = _CJK.search(written)
        if cjk is not None:
            return _valid([(int(cjk[1]), int(cjk[2]), int(cjk[3]) if cjk[3] else None)])
        folded = written.casefold()
        if _LETTER.search(folded) is None:
            return _in_digits(folded)
        years = list(_YEAR.finditer(folded))
        month = self.months.search(folded)
        if len(years) != 1 or month is None:
            return ()  # (a season, a quarter, a day without its year)
        rest = _blank(_blank(folded, years[0].span()), month.span())
        days = _DAY.findall(rest)
        if len(days) > 1:
            return ()
        return _valid([(int(years[0][0]), self.numbers[month[0]],
                        int(days[0]) if days else None)])


def reader(dates: re.Pattern[str], tag: str) -> DateReader:
    """The reader of dates written as `dates` finds them, with the month names of `tag`'s
    language: a name may take a case ending ("2025 márciusában"); one holding the month's
    number ("tháng 3") is no other month's beginning ("tháng 12")."""
    numbers = month_numbers(tag)
    names = "|".join(re.escape(name) + (r"(?!\d)" if any(c.isdigit() for c in name) else "")
                     for name in sorted(numbers, key=len, reverse=True))
    return DateReader(dates, re.compile(rf"(?<![^\W\d_])(?:{names})"), numbers)


def backs(given: Iterable[Dated], date: Dated) -> bool:
    """Whether a date given backs `date` at the precision `date` is written to: "March
    2025" is backed by "3 March 2025", "3 March 2025" not by "March 2025"."""
    return any(year == date[0] and month == date[1] and date[2] in (None, day)
               for year, month, day in given)


def of_fuzzy(date: FuzzyDate | None) -> tuple[Dated, ...]:
    """An annotation's date (`published:`, `when:`) as a date given, when it names a
    month; an inferred one too, as its `basis:` says how it was found."""
    if date is None or date.year is None or date.month is None:
        return ()
    return ((date.year, date.month, date.day),)


def shown(date: Dated) -> str:
    """A date given as ISO writes it ("2025-03-04", "2025-03")."""
    year, month, day = date
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _in_digits(written: str) -> tuple[Dated, ...]:
    """A date in digits: year first ("2025-03-04", "2025. 3. 4."), or day and month in
    either order before the year ("3/4/2025": 3 April or 4 March)."""
    parts = [int(p) for p in re.findall(r"\d+", written)]
    lengths = [len(p) for p in re.findall(r"\d+", written)]
    if len(parts) != 3:
        return ()
    if lengths[0] == 4:
        return _valid([(parts[0], parts[1], parts[2])])
    if lengths[2] == 4:
        return _valid([(parts[2], parts[1], parts[0]), (parts[2], parts[0], parts[1])])
    return ()


def _valid(dates: Iterable[Dated]) -> tuple[Dated, ...]:
    """The dates that are days (or months) of the calendar, once each."""
    found: list[Dated] = []
    for year, month, day in dates:
        try:
            datetime.date(year, month, day or 1)
        except ValueError:
            continue
        if (year, month, day) not in found:
            found.append((year, month, day))
    return tuple(found)


def _blank(text: str, span: tuple[int, int]) -> str:
    """`text` with `span` written over by spaces, so its digits are read no more."""
    return text[:span[0]] + " " * (span[1] - span[0]) + text[span[1]:]
