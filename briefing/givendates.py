"""Calendar dates a text gives, as values, for `prose-date-unsourced`: the curator's "On
3 March 2025" is held to the dates its quotes write ("March 3, 2025", "3/3/2025",
"2025年3月3日"), its sources' `published:` and its claims' events' `when:`.

A date is read where the figure check reads one (`NumberStyle.dates`: the day and year
of a date are no figures there), in the ways the text's language writes it, and kept
when it names a month and a year or a day: a year alone is a figure's, a season or a
quarter ("summer 2025", "Q3 2025") is not compared. A day without its year ("4 March",
"am 4. März") is compared by month and day; one in Chinese, Japanese or Korean ("3月4日")
is not, as a year's reading is left out there too often. Dates in digits ("2025-03-03",
"3.3.2025") are read as well, each order of day and month they may be read in.

A range ("3-5 March 2025", "March 3-5", "from 3 to 5 March", "vom 3. bis 5. März",
"du 3 au 5 mars", "28 February - 3 March 2025") is read as its two ends, each at the
precision the range gives it: the start takes the month and year written after it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .schema import FuzzyDate
from .writtendates import month_numbers

# (year, month, day): a date written to the month has no day, a day written without its
# year ("4 March") no year.
Dated = tuple[int | None, int, int | None]
# What a text writes: a date, or a range's two ends, each with the dates it may be.
Ends = tuple[tuple[Dated, ...], ...]

# Dates in digits the figure check leaves to the number reader: ISO ("2025-03-04") and
# day or month first with points or hyphens ("3.3.2025", "03-04-2025").
_IN_DIGITS = re.compile(r"(?<![\d.-])(?:(?:19|20)\d\d-[01]\d-[0-3]\d"
                        r"|[0-3]?\d([.-])[0-3]?\d\1(?:19|20)\d\d)(?![\d-])")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_DAY = re.compile(r"(?<!\d)[0-3]?\d(?!\d)")
_CJK = re.compile(r"((?:1[89]|20)\d\d)\s?[年년]\s?([01]?\d)\s?[月월]"
                  r"(?:\s?([0-3]?\d)\s?[日일])?")
_LETTER = re.compile(r"[^\W\d_]")
# Chinese, Japanese and Korean months and days: a day written so without its year is
# not read.
_CJK_PARTS = re.compile(r"[月월日일]")
# What joins a range's two ends: a dash, or a word with its article ("3 to 5", "3. bis 5.",
# "du 3 au 5", "del 3 al 5", "entre le 3 et le 5", "tra il 3 e il 5", "3 tot 5").
_JOINED = (r"(?:\s*[-\u2010-\u2015]\s*|\s+(?:to|until|till|through|and|bis|und|au|et|al|a|y|e"
           r"|tot|t/m)\s+(?:(?:le|el|il|dem|den|zum)\s+)?)")
# A range's first day before the date that ends it ("3-5 March", "vom 3. bis 5. März"):
# a number of one or two digits, a word of its own: no part of a larger number, a
# decimal, a date or an amount ("$3 to 5 March").
_FROM_DAY = re.compile(r"(?<![^\s(\[\"'\u2018\u201c])([0-3]?\d)(?:st|nd|rd|th|er|\.)?"
                       rf"{_JOINED}\Z")
# A range's last day after a month and its first day ("March 3-5, 2025", "March 3 to 5"),
# with the year after it; without one, no word after it ("March 3 to 5 percent").
_TO_DAY = re.compile(rf"{_JOINED}([0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d)(?!\d)"
                     r"|(?![\w/%]|[.,]\d|\s+(?:[^\W\d_]|%)))")
# What opens a sentence, before a capitalised "May" that may be the verb ("May 4 more
# join?"): a day written so without its year is not read there.
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;]\s+|\n\s*)\Z")


@dataclass(frozen=True)
class DateReader:
    """The calendar dates of texts in one language."""

    dates: re.Pattern[str]  # where the language writes a date (`NumberStyle.dates`)
    months: re.Pattern[str]  # its month names, case folded (`month_numbers`)
    numbers: Mapping[str, int]  # and the month each one is

    def read(self, text: str) -> list[tuple[int, int, Ends]]:
        """(start, end, ends) of each date of `text` with a month and a year or a day, or
        of each range of two: a date's end has one reading, or two for digits whose day
        and month may be either ("3/4/2025")."""
        spans = sorted({*(m.span() for m in self.dates.finditer(text)),
                        *(m.span() for m in _IN_DIGITS.finditer(text))},
                       key=lambda span: (span[0], -span[1]))
        found: list[tuple[int, int, Ends]] = []
        for start, end in spans:
            if found and start < found[-1][1]:
                continue  # (within a date already read)
            readings = self.readings(text[start:end])
            if len(readings) == 1 and readings[0][0] is None and _no_day(text, start, end):
                continue
            if readings:
                found.append(_ranged(text, start, end, readings, found))
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
        if len(years) > 1 or month is None:
            return ()  # (a season, a quarter)
        rest = _blank(folded, month.span())
        rest = _blank(rest, years[0].span()) if years else rest
        days = _DAY.findall(rest)
        if len(days) > 1 or (not years and (not days or _CJK_PARTS.search(written))):
            return ()  # (a month alone, or "3月4日")
        return _valid([(int(years[0][0]) if years else None, self.numbers[month[0]],
                        int(days[0]) if days else None)])


def reader(dates: re.Pattern[str], tag: str) -> DateReader:
    """The reader of dates written as `dates` finds them, with the month names of `tag`'s
    language: a name may take a case ending ("2025 márciusában"); one holding the month's
    number ("tháng 3") is no other month's beginning ("tháng 12")."""
    numbers = month_numbers(tag)
    names = "|".join(re.escape(name) + (r"(?!\d)" if any(c.isdigit() for c in name) else "")
                     for name in sorted(numbers, key=len, reverse=True))
    return DateReader(dates, re.compile(rf"(?<![^\W\d_])(?:{names})"), numbers)


def _no_day(text: str, start: int, end: int) -> bool:
    """Whether a day and month without a year (`text[start:end]`) may be no date: a
    capitalised "May" opening a sentence may be the verb ("May 4 more join?"), and a
    month's name that begins a word joined by hyphens names something else ("the 4
    Mar-a-Lago talks")."""
    return bool(re.match(r"may\b", text[start:end], re.IGNORECASE)
                and _SENTENCE_START.search(text, max(0, start - 20), start)) \
        or re.match(r"-[^\W\d_]", text[end:end + 2]) is not None


def backs(given: Iterable[Dated], date: Dated) -> bool:
    """Whether a date given backs `date` at the precision `date` is written to: "March
    2025" is backed by "3 March 2025", "3 March 2025" not by "March 2025" nor by "3
    March"; "3 March" by a 3 March of any year."""
    return any(date[0] in (None, year) and month == date[1] and date[2] in (None, day)
               for year, month, day in given)


def _ranged(text: str, start: int, end: int, readings: tuple[Dated, ...],
            found: list[tuple[int, int, Ends]]) -> tuple[int, int, Ends]:
    """The date `text[start:end]` reads as, or the range it ends or begins: its first day
    before it ("3-5 March"), its last day after it ("March 3-5, 2025"), or the date before
    it ("28 February - 3 March 2025", which takes the place of that date in `found`)."""
    year, month, day = readings[0]
    if len(readings) != 1 or day is None:
        return start, end, (readings,)
    before = _FROM_DAY.search(text, max(0, start - 40), start)
    if before is not None and 0 < int(before[1]) < day and \
            not (found and found[-1][1] > before.start()):  # ("March 3 to April 5")
        return before.start(), end, (_valid([(year, month, int(before[1]))]), readings)
    after = _TO_DAY.match(text, end)
    if after is not None and year is None and _LETTER.match(text, start) and \
            int(after[1]) > day:
        to_year = int(after[2]) if after[2] else None
        starts, lasts = _valid([(to_year, month, day)]), _valid([(to_year, month, int(after[1]))])
        if starts and lasts:  # (not "February 27-30": no day ends it)
            return start, after.end(), (starts, lasts)
    if found and len(found[-1][2]) == 1 and len(found[-1][2][0]) == 1 and \
            re.fullmatch(_JOINED, text[found[-1][1]:start]):
        first_start, _, ((first,),) = found.pop()
        if first[0] is None and first[2] is not None and year is not None:
            first = (year - (first[1] > month), first[1], first[2])
        return first_start, end, ((first,), readings)
    return start, end, (readings,)


def of_fuzzy(date: FuzzyDate | None) -> tuple[Dated, ...]:
    """An annotation's date (`published:`, `when:`) as a date given, when it names a
    month; an inferred one too, as its `basis:` says how it was found."""
    if date is None or date.year is None or date.month is None:
        return ()
    return ((date.year, date.month, date.day),)


def shown(date: Dated) -> str:
    """A date given as ISO writes it ("2025-03-04", "2025-03")."""
    year, month, day = date
    return ("-" if year is None else f"{year:04d}") + f"-{month:02d}" \
        + (f"-{day:02d}" if day is not None else "")


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
    """The dates that are days (or months) of the calendar, once each; a day without its
    year as a leap year's (29 February is one)."""
    found: list[Dated] = []
    for year, month, day in dates:
        try:
            datetime.date(2000 if year is None else year, month, day or 1)
        except ValueError:
            continue
        if (year, month, day) not in found:
            found.append((year, month, day))
    return tuple(found)


def _blank(text: str, span: tuple[int, int]) -> str:
    """`text` with `span` written over by spaces, so its digits are read no more."""
    return text[:span[0]] + " " * (span[1] - span[0]) + text[span[1]:]
