"""Dates written as an article writes them ("4 March 2025", "March 4, 2025", "May 2025",
"4. März 2025", "le 12 mars 2025", "4 de marzo de 2025", "2025年1月27日"), read as the
ISO dates of the annotations: for `briefing new`'s suggested date, and for the hint of a
date an annotation wrote so."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

_ENGLISH_MONTHS = MappingProxyType({name: n for n, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")), start=1) for name in names})
# Besides English, the languages whose full month names (CLDR's, through Babel) a date may
# be written with: those of most press that curators read in Latin script. Their month
# names are each one month in all of them, so a date is read alike whatever the article's
# language (`briefing new` has none for a text file). Abbreviations are English only:
# "mar", "set" or "ago" are too often words. Austrian German's January is "Jänner".
PRESS_LANGUAGES = ("de", "de_AT", "es", "fr", "it", "nl", "pt")
# A day's ordinal ("3rd", the French "1er", the Italian "1°", the Portuguese "1º de abril"
# and Portugal's "1.º de abril") or the German ordinal point ("4. März").
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th|er|\.?[\u00b0\u00ba])?\.?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"
# Spanish and Portuguese join day, month and year with "de" ("4 de marzo de 2025").
_OF = r"(?:de\s+)?"


def _pattern(month_names: Iterable[str]) -> re.Pattern[str]:
    month = r"(?P<{0}>" + "|".join(sorted(month_names, key=lambda m: (-len(m), m))) + r")\.?"
    return re.compile(
        r"\b(?:" + r"{y1}-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)".format(y1=_YEAR.format("y1"))
        + "|" + _DAY.format("d2") + r"\s+" + _OF + month.format("m2") + r",?\s+" + _OF
        + _YEAR.format("y2")
        + "|" + month.format("m3") + r"\s+" + _DAY.format("d3") + r",\s*"
        + _YEAR.format("y3")
        + "|" + month.format("m3b") + r"\s+" + _DAY.format("d3b") + r"\s+"
        + _YEAR.format("y3b")
        + "|" + month.format("m4") + r",?\s+" + _OF + _YEAR.format("y4")
        + r")\b(?!-\d)"
        # Chinese, Japanese and Korean: 2025年1月27日, 2025년 1월 27일.
        + "|" + _YEAR.format("y5") + r"\s?[年년]\s?(?P<m5>[01]?\d)\s?[月월]"
        r"(?:\s?(?P<d5>[0-3]?\d)\s?[日일])?")


@dataclass(frozen=True)
class WrittenDates:
    """A pattern of the written dates of some languages and the month each name is."""
    pattern: re.Pattern[str]
    months: Mapping[str, int]  # month names, case folded

    def date_of(self, match: re.Match[str]) -> str | None:
        """The ISO date a match of `pattern` writes, or None for no such day."""
        return date_of(match, self.months)


def month_names(tag: str) -> tuple[str, ...]:
    """The full month names (CLDR's, through Babel) of `tag`'s language and of its region
    where that names them otherwise ("Jänner" in `de-AT`), as CLDR writes them and
    capitalised, for any language CLDR knows but English (whose names, with their
    abbreviations, every reader of dates knows): a Swedish site's "mars 2025" is a date as
    "March 2025" is. Names that begin with a digit ("3月") are left out: those
    languages' dates are read otherwise; those holding one after a word ("tháng 3") are
    read as a month's number (`numbers._numbered_month`)."""
    return _capitalised(name for locale in _language_locales(tag, press=False)
                        for _, name in _wide_months(locale) if not name[:1].isdigit())


def month_numbers(tag: str) -> Mapping[str, int]:
    """Each month name a date of `tag`'s language may be written with, case folded, and
    the month it is: the English names and abbreviations, and CLDR's full names of the
    language and its region (`month_names`), those holding the month's number too
    ("tháng 3")."""
    found = dict(_ENGLISH_MONTHS)
    for locale in _language_locales(tag, press=False):
        for number, name in _wide_months(locale):
            found.setdefault(name.casefold(), number)
    return MappingProxyType(found)


# A part of a CLDR date pattern: a quoted literal ("'gada'", "''" an apostrophe), a field
# (its letter repeated: "y", "MMMM", "d"), white space, or another sign.
_CLDR_PART = re.compile(r"'(?P<quoted>(?:[^']|'')*)'|(?P<field>(?P<letter>[A-Za-z])"
                        r"(?P=letter)*)|(?P<space>\s+)|(?P<sign>.)")
_CLDR_FIELDS = MappingProxyType({"y": r"(?:1[89]|20)\d\d", "d": r"[0-3]?\d",
                                 "dd": r"[0-3]?\d"})


def _date_patterns(tag: str) -> Iterator[str]:
    """CLDR's long date pattern and month-and-year pattern of `tag`'s language and of
    `tag` itself ("y. MMMM d.", "y. MMMM" in Hungarian; "MMMM 'năm' y" in Vietnamese)."""
    for locale in _language_locales(tag, press=False):
        month_year = locale.datetime_skeletons.get("yMMMM")
        yield locale.date_formats["long"].pattern
        if month_year is not None:
            yield month_year.pattern


def year_first_dates(tag: str) -> tuple[str, ...]:
    """The dates `tag`'s language writes year first, as patterns: those of CLDR's long
    date pattern and month-and-year pattern that begin with the year (`_date_patterns`:
    Hungarian "2025. március 3." and "2025. március", Lithuanian "2025 m. kovo 3 d.",
    Latvian "2025. gada 3. marts"), with its month names (`month_names`) and a case
    ending glued to one ("2025 márciusában", "2025. gada martā"). Their signs may be left
    out ("2025 március"), and what follows the month ("d." after "y. MMMM"); none for a
    language whose dates begin otherwise, or whose months are digits ("2025年3月")."""
    names = [name for name in month_names(tag) if not any(c.isdigit() for c in name)]
    month = "(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) \
        + r")[^\W\d_]*?"
    found = [_year_first(pattern, month) for pattern in _date_patterns(tag) if names]
    found += [_numeric_year_first(locale.date_formats[width].pattern)
              for locale in _language_locales(tag, press=False)
              for width in ("short", "medium")]
    return tuple(dict.fromkeys(pattern for pattern in found if pattern))


# A CLDR date pattern in digits, year first, its fields apart by signs ("y. MM. dd." in
# Hungarian, "y. M. d." in Korean).
_NUMERIC_YEAR_FIRST = re.compile(r"y(?P<a>[^\w']+)M{1,2}(?P<b>[^\w']+)d{1,2}(?P<c>[^\w']*)")


def _numeric_year_first(cldr: str) -> str:
    """A CLDR date pattern in digits that begins with the year and sets its fields apart
    with a sign and a space ("y. MM. dd.": "2025. 03. 03.", "2025. 3. 3-án"), as a
    pattern, its signs required but the last; else "": other separators ("2025-03-03",
    "2025/3/3", "3.3.2025") are read otherwise, and the digits of a year and a number
    apart by a space alone are no date."""
    found = _NUMERIC_YEAR_FIRST.fullmatch(cldr)
    if found is None or not all(" " in found[gap] and found[gap].strip()
                                for gap in ("a", "b")):
        return ""
    def apart(gap: str) -> str:
        return "".join(r"\s*" if char.isspace() else re.escape(char) for char in gap)
    return (rf"(?:1[89]|20)\d\d{apart(found['a'])}[01]?\d{apart(found['b'])}[0-3]?\d"
            rf"(?:{apart(found['c'])})?")


def _year_first(cldr: str, month: str) -> str:
    """A CLDR date pattern that begins with the year and names the month, as a pattern
    with `month` for its month (what follows the month optional), else ""."""
    parts: list[str] = []
    after_month: int | None = None
    for part in _CLDR_PART.finditer(cldr):
        if part["quoted"] is not None:
            words = (part["quoted"] or "'").split()
            parts.append(r"\s*" + r"\s+".join(map(re.escape, words)) if words else "")
        elif part["space"]:
            parts.append(r"\s+")
        elif part["sign"]:
            parts.append(re.escape(part["sign"]) + "?")
        elif part["field"] in ("MMMM", "LLLL"):
            parts.append(month)
            after_month = len(parts)
        elif part["field"] in _CLDR_FIELDS:
            parts.append(_CLDR_FIELDS[part["field"]])
        else:
            return ""  # (a weekday, an era, a month in digits)
    if after_month is None or not cldr.startswith("y"):
        return ""
    return "".join(parts[:after_month]) + "(?:" + "".join(parts[after_month:]) + ")?"


def year_joiners(tag: str) -> tuple[str, ...]:
    """The words CLDR's patterns of `tag`'s language write between a month and its year
    (`_date_patterns`: the Vietnamese "năm" of "tháng 3 năm 2025", the Catalan "del"),
    each as written and capitalised."""
    found = []
    for cldr in _date_patterns(tag):
        between = re.search(r"(?:MMMM|LLLL)((?:'[^']*'|[^A-Za-z])*)y", cldr)
        if between is not None:
            words = " ".join(re.findall(r"'([^']+)'", between.group(1))).split()
            found.extend([" ".join(words)] if words else [])
    return _capitalised(found)


def _wide_months(locale: str | Locale) -> Iterator[tuple[int, str]]:
    """Each month's number and full name in `locale`, as CLDR writes it in a date and
    standing alone."""
    from babel.dates import get_month_names
    for context in ("format", "stand-alone"):
        yield from get_month_names("wide", context, locale).items()


# The seasons and the halves of a year, which CLDR does not name (its quarters it does:
# `period_names`), in the languages of `PRESS_LANGUAGES` but English, whose own the figure
# check knows ("summer 2025", "H1 2025"). A German genitive ("des Sommers") is read as the
# word with its "s". The French "été" is also "been" ("ils ont été 2000 à signer"): the
# season is read after its article or demonstrative ("à l'été 2025", "cet été 2025") or
# capitalised ("Été 2025"); its halves are semesters, "S1 2025" as "H1 2025". The Dutch
# "helft" is a half-year after its ordinal only ("de eerste helft van 2025"; "de helft
# van 2000 mensen" is a figure).
_SEASONS_AND_HALVES = MappingProxyType({
    "de": ("Frühling", "Frühjahr", "Sommer", "Herbst", "Winter", "Halbjahr"),
    "es": ("primavera", "verano", "otoño", "invierno", "semestre"),
    "fr": ("printemps", "l'été", "l\u2019été", "cet été", "Été", "automne", "hiver",
           "semestre", "S1", "S2"),
    "it": ("primavera", "estate", "autunno", "inverno", "semestre"),
    "nl": ("lente", "voorjaar", "zomer", "herfst", "najaar", "winter", "halfjaar",
           "eerste helft", "tweede helft", "1e helft", "2e helft"),
    "pt": ("primavera", "verão", "outono", "inverno", "semestre"),
})


# The words after which a quarter's abbreviation is the size of a flat, its rooms, in the
# languages whose press writes one so: "un T2", "un appartement T3", "des T2", "de type
# T4"; "um T2", "apartamento T3", "moradia T4". The year after it is then no date ("un T2
# 2000 euros par mois"), as it is after others ("au T2 2025", "du T2 2025").
_FLAT_SIZE_AFTER = MappingProxyType({
    "fr": ("un", "une", "des", "appartement", "appartements", "logement", "logements",
           "type"),
    "pt": ("um", "uns", "apartamento", "apartamentos", "moradia", "moradias", "casa",
           "tipologia"),
})


def flat_size_words(tag: str) -> tuple[str, ...]:
    """The words of `tag`'s language after which its quarters' abbreviations ("T2") are
    the size of a flat (`_FLAT_SIZE_AFTER`), as written and capitalised; none for a
    language whose press does not write one so."""
    language = tag.replace("_", "-").split("-")[0].lower()
    return _capitalised(_FLAT_SIZE_AFTER.get(language, ()))


def period_names(tag: str) -> tuple[str, ...]:
    """The words of `tag`'s language for a part of a year that a year may follow: CLDR's
    quarter (through Babel: "trimestre", "Quartal", "kwartaal", the word of its "1er
    trimestre") and its quarters' abbreviations ("T1", "K1"), with the seasons and halves
    of `_SEASONS_AND_HALVES`, as written and capitalised; none for a language not in
    `PRESS_LANGUAGES`, and none for English, whose own the figure check knows."""
    locales = _language_locales(tag)
    if not locales:
        return ()
    quarters = (word for locale in locales for context in ("format", "stand-alone")
                for width in ("wide", "abbreviated")
                for name in locale.quarters[context][width].values()
                for word in name.split() if not word[:1].isdigit())
    return _capitalised((*quarters, *_SEASONS_AND_HALVES[locales[0].language]))


def _language_locales(tag: str, *, press: bool = True) -> tuple[Locale, ...]:
    """The CLDR locales of `tag`'s language and of `tag` itself (its region's, which may
    name things otherwise), for a language of `PRESS_LANGUAGES` (any language with
    `press=False`) but English; none for another language, or a tag CLDR does not
    know."""
    from babel import Locale, UnknownLocaleError
    language = tag.replace("_", "-").split("-")[0].lower()
    if language == "en" or (press and language not in {
            known.split("_")[0] for known in PRESS_LANGUAGES}):
        return ()
    found = []
    for candidate in dict.fromkeys((language, tag.replace("_", "-"))):
        try:
            found.append(Locale.parse(candidate, sep="-"))
        except (UnknownLocaleError, ValueError):
            continue
    return tuple(found)


def _capitalised(names: Iterable[str]) -> tuple[str, ...]:
    """Each name as written and with a capital, once: "été", "Été"."""
    return tuple(dict.fromkeys(form for name in names
                               for form in (name, name[:1].upper() + name[1:])))


def written_dates(languages: Iterable[str] = PRESS_LANGUAGES) -> WrittenDates:
    """English dates and those written with the full month names of `languages`, as CLDR
    writes them and capitalised (the French "mars", "Mars" opening a sentence). Built on
    each call: Babel's locale data costs a tenth of a second to load, which only the
    commands that read dates should pay."""
    months = dict(_ENGLISH_MONTHS)
    names = {m.capitalize() for m in _ENGLISH_MONTHS}
    for language in languages:
        for number, name in _wide_months(language):
            months.setdefault(name.casefold(), number)
            names.update(_capitalised((name,)))
    return WrittenDates(_pattern(names), MappingProxyType(months))


def date_of(match: re.Match[str], months: Mapping[str, int]) -> str | None:
    """The ISO date a match of a `WrittenDates` pattern writes, its month read with
    `months`, or None for no such day."""
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    year = int(next(v for k, v in groups.items() if k.startswith("y")))
    month_text = next(v for k, v in groups.items() if k.startswith("m"))
    month = int(month_text) if month_text.isdigit() else months[month_text.casefold()]
    day_text = next((v for k, v in groups.items() if k.startswith("d")), None)
    if day_text is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, int(day_text)).isoformat()
    except ValueError:
        return None


def iso_date(value: str) -> str | None:
    """The ISO date ("2025-03-04", "2025-05") of a value that is one written date alone."""
    dates = written_dates()
    match = dates.pattern.fullmatch(value.strip())
    return dates.date_of(match) if match else None


# A date in digits, day and month in either order ("28/03/2025", "3.4.2025", "03-28-2025").
_NUMERIC = re.compile(r"(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)")


def numeric_readings(value: str) -> tuple[tuple[str, int], ...]:
    """The ISO days a date written in digits may be, each with the number of its month:
    one when only one order of day and month is a day ("28/03/2025": 2025-03-28), two when
    both are ("02/01/2025": 2 January or 1 February, as the writer's country orders them),
    none for another value."""
    match = _NUMERIC.fullmatch(value.strip())
    if match is None:
        return ()
    year, first, second = int(match["y"]), int(match["a"]), int(match["b"])
    readings: list[tuple[str, int]] = []
    for day, month in ((first, second), (second, first)):
        try:
            day_of = datetime.date(year, month, day).isoformat()
        except ValueError:
            continue
        if (day_of, month) not in readings:
            readings.append((day_of, month))
    return tuple(readings)


# A date with the year first but a one-digit month or day, another separator, or a time
# ("2025-3-3", "2025/03/04", "2025.3", "2025-03-03T10:00:00Z").
_YEAR_FIRST = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<sep>[/.-])(?P<m>[01]?\d)"
                         r"(?:(?P=sep)(?P<d>[0-3]?\d)(?:[T ][0-2]?\d:[0-5]\d(?::[0-5]\d)?"
                         r"(?:\.\d+)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?)?")
# A day and an English month without a year ("March 3rd", "3 March", "the 3rd of March").
_YEARLESS = re.compile(r"(?:the\s+)?(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
                       r"(?P<m1>[a-z]+)\.?|(?P<m2>[a-z]+)\.?\s+(?:the\s+)?"
                       r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)", re.IGNORECASE)


def year_first(value: str) -> str | None:
    """The ISO date ("2025-03-03", "2025-03") of a value written year first but for a
    one-digit month or day, another separator or a time ("2025-3-3", "2025/03/03",
    "2025-03-03T10:00"), when it is a day (or a month) there is."""
    match = _YEAR_FIRST.fullmatch(value.strip())
    if match is None:
        return None
    year, month = int(match["y"]), int(match["m"])
    try:
        day = datetime.date(year, month, int(match["d"] or 1))
    except ValueError:
        return None
    return day.isoformat() if match["d"] else day.isoformat()[:7]


def yearless(value: str) -> str | None:
    """The month and day ("03-03") of a day written in English without its year ("March
    3rd", "3 March"), or None."""
    match = _YEARLESS.fullmatch(value.strip())
    if match is None:
        return None
    month = _ENGLISH_MONTHS.get((match["m1"] or match["m2"]).casefold())
    day = int(match["d1"] or match["d2"])
    try:
        datetime.date(2024, month or 0, day)  # (a leap year: 29 February is a day)
    except ValueError:
        return None
    return f"{month:02d}-{day:02d}"
