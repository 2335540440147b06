"""Numbers as a text writes them, for the prose checks (`provenance.py`): figures with
their scale words ("$6 million", "$6M", "6 million dollars" are all 6000000), the dates
whose day and year are no figures, and the small numbers written as words that a claim's
figure may rest on ("two months")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType

from . import hannumbers
from .chars import JOINING, UNSPACED_CLASS
from .language import (
    glues_words,
    grouping,
    han_numerals,
    native_separators,
    scale_words,
    separators,
)
from .writtendates import (
    flat_size_words,
    month_names,
    period_names,
    year_first_dates,
    year_joiners,
)

# The scales glued to a number, English style: "6M", "$6bn", "16k".
_GLUED = MappingProxyType({"k": 3, "m": 6, "mn": 6, "b": 9, "bn": 9, "tn": 12})
# The scales written against a currency sign after a number and a space, as Quebec writes
# dollars and France euros: "450 M$", "2,3 G$", "12 k$", "1,5 Md€", "3 Mds €". Alone, "M"
# and "G" are too often something else (a unit, a name); before "$" or "€", only a scale.
_MONEY_SCALES = MappingProxyType({"k": 3, "m": 6, "g": 9, "md": 9, "mds": 9})
# Chinese and Japanese write the scale glued to the number, in characters that multiply:
# 600万 is six million, 3千万 thirty million, 1.2亿 a hundred and twenty million. A lone 千
# is left alone: 5千克 is five kilograms.
_CJK_SCALES = MappingProxyType({"百": 2, "千": 3, "万": 4, "萬": 4, "亿": 8, "億": 8})
# The scale words read in every language, unless its own words give them another power.
_WORDS = MappingProxyType({"thousand": 3, "million": 6, "billion": 9, "trillion": 12})
# The no-break and thin spaces French and SI style group thousands with, in any language.
_SPACES = "\u00a0\u202f\u2009"
# The Arabic decimal and thousands separators, which Unicode gives no other use: between
# digits in a language that does not write them, they leave the number unread, where
# reading around them would give two numbers (five, U+066B, six is no 5 and 6).
_ARABIC_SEPARATORS = "\u066b\u066c"
# The hundred that may multiply a myriad ("3백억", three hundred times 10^8), by the
# thousand of its script: CLDR's compact formats, which give the thousand (천) and the
# myriads (만, 억, 조), begin at a thousand.
_HUNDREDS = MappingProxyType({"천": "백"})
# Korean: the numeral syllables not read as a scale after a number ("5십만", "3조각", three
# pieces, no trillion), which leave it unread rather than read as the number alone; the
# Hangul syllables a glued word is written in; the words a scale syllable begins.
_HANGUL_NUMERALS = "십백천만억조경"
_HANGUL = "\uac00-\ud7a3"
_NOT_SCALES = ("조각",)


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers, as CLDR records it: the separators of its decimals
    and thousands (`language.separators`: "16,000.5" in English, "16.000,5" in Dutch,
    "16 000,5" in French) and its scale words (`language.scale_words`)."""

    decimal: str = "."
    group: str = ","
    # The language's own scale words and abbreviations, with the power of ten of each and
    # whether it is written against the number (`language.scale_words`): "miljoen" 6 in
    # Dutch, "Billion" 12 in German, "만" 4 in Korean ("600만").
    scales: tuple[tuple[str, int, bool], ...] = ()
    # The separators of numbers in the language's own digits where those are not Latin
    # (`language.native_separators`): U+066B and U+066C in Arabic. Only the text's own
    # language's are read: a numbering system's separators are the language's, not the
    # digits' (Khmer digits separate decimals with a comma in Khmer), and what digits a
    # system has is not in CLDR's data as Babel gives it. Without them, digits of any
    # script are read with the separators above, as Latin ones are.
    native: tuple[str, str] | None = None
    # The sizes of the last group of digits and of each before it, from the language's
    # CLDR pattern (`language.grouping`): (3, 2) in Hindi, where "1,00,000" is a lakh.
    grouping: tuple[int, int] = (3, 3)
    # How the language writes numbers in Chinese characters (`language.han_numerals`):
    # "zh" (三百五 is 350), "ja" (三百五 is 305), or "" where they are not read.
    characters: str = ""
    # Whether words are glued to a number in this language, though written with spaces
    # (`language.glues_words`): Korean's "300명", "5천만원".
    glued: bool = False
    # The language's own month names (`writtendates.month_names`: CLDR's, "avril",
    # "März", Austria's "Jänner"), beside the English ones every language reads: the day
    # and year of a date written with them are no figures. Not how numbers are written:
    # styles are compared without them (`writes_numbers_otherwise`).
    months: tuple[str, ...] = field(default=(), compare=False)
    # Its words for a part of a year (`writtendates.period_names`: CLDR's "trimestre",
    # "T1", and seasons and halves, "été", "Halbjahr"): a year after one is a date too.
    periods: tuple[str, ...] = field(default=(), compare=False)
    # The words after which a quarter's abbreviation is the size of a flat
    # (`writtendates.flat_size_words`: "un T2", "appartement T3"), so no date.
    flats: tuple[str, ...] = field(default=(), compare=False)
    # The dates it writes year first (`writtendates.year_first_dates`: "2025. március 3."),
    # as patterns, and the words between a month and its year (`writtendates.year_joiners`:
    # "tháng 3 năm 2025").
    year_first: tuple[str, ...] = field(default=(), compare=False)
    joiners: tuple[str, ...] = field(default=(), compare=False)

    @cached_property
    def dates(self) -> re.Pattern[str]:
        """The dates written out in the language (`_written_date`)."""
        return _written_date(self.months, self.periods, self.flats, self.year_first,
                             self.joiners)

    @cached_property
    def han(self) -> tuple[re.Pattern[str], dict[str, int]]:
        """The pattern of a number in Chinese characters (`hannumbers`), and the myriads it
        is read with: 万 and 亿 in either form, and the language's own from CLDR (兆 in
        Japanese and Traditional Chinese, 京 in Japanese; not in Simplified Chinese, where
        兆 is also a million, as in 兆瓦, a megawatt)."""
        myriads = {char: power for char, power in _CJK_SCALES.items() if power % 4 == 0}
        myriads |= {word: power for word, power, against in self.scales
                    if against and len(word) == 1 and power % 4 == 0}
        return hannumbers.pattern(myriads), myriads

    @cached_property
    def rests(self) -> hannumbers.Rests:
        """How the rest of a number after its myriad is read (`hannumbers.rest`)."""
        return hannumbers.rests(self.han[1], self.characters, self.glued)

    @cached_property
    def before_rest(self) -> str:
        """The myriads and units after which digits are the rest of a number ("五万2000"),
        read with it or not at all (`hannumbers.rest`): unread when they begin one."""
        return "".join(self.han[1]) + "十百千" + ("십백천" if self.glued else "")

    @cached_property
    def powers(self) -> dict[str, int]:
        """Each scale word, lower case, its spaces single, with its power of ten."""
        return {**_WORDS, **{word: power for word, power, _ in self.every_scale}}

    @cached_property
    def every_scale(self) -> tuple[tuple[str, int, bool], ...]:
        """The scale words, and the hundred of a script whose thousand CLDR gives written
        against the number in a language counting by myriads: "5백" is 500 in Korean."""
        myriads = any(power == 4 and against for _, power, against in self.scales)
        return self.scales + tuple((_HUNDREDS[word], 2, True) for word, _, against
                                   in self.scales if myriads and against and word in _HUNDREDS)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """A number not glued to a word ("H800", "GPT-4", "R1" are names), with its scale.
        Digits may touch a character of a script written without spaces ("下跌17%"); a
        comma or point between digits that neither groups nor separates decimals in this
        style ("9,5" or "2.000.000" in English), or an Arabic separator between digits in a
        language that writes none, leaves the number unread rather than misread."""
        # (Not after a separator: the end of a number not read; a space is no sign of one.)
        after = "" if self.spaced else re.escape(self.group_chars)
        native = re.escape(_ARABIC_SEPARATORS + "".join(self.native or ()))
        return re.compile(
            rf"(?<![.,\-/{after}{native}])(?<!{JOINING})(?:US\$|\$|€|£)?{self.figure}"
            # The scale: glued ("6M", "600万"), or a word after it ("6 million").
            rf"(?:(?P<glued>[kKmMbB]n?|tn)(?!{JOINING})|(?P<cjk>[百千]?(?:万亿|萬億|[万萬亿億]))"
            rf"|{self.attached_scale}{self.after_scale}"
            rf"|[{_SPACES} ](?P<money>[kMG]|Mds?)[{_SPACES} ]?[$€]"
            rf"|(?!{self.after_number}|-\d|[.,{native}]\d)"
            rf"(?:\s*(?P<word>{self.words(attached=False)})(?!\w))?)",
            re.IGNORECASE)

    @property
    def after_scale(self) -> str:
        """What may follow a scale word written against the number: no letter ("3 Mio."),
        but any after one of a script written without spaces ("3兆円") and, in Korean, a
        word glued on ("5천만원")."""
        return rf"(?![{_HANGUL_NUMERALS}])" if self.glued \
            else rf"(?:(?!\w)|(?<={UNSPACED_CLASS}))"

    @property
    def after_number(self) -> str:
        """What may not follow a number without a scale: a letter joining it ("R1", "4G"),
        but, in Korean, a word glued on ("300명") that does not begin with a numeral."""
        if not self.glued:
            return JOINING
        return rf"(?![{_HANGUL}](?<![{_HANGUL_NUMERALS}])){JOINING}"

    @property
    def figure(self) -> str:
        """The digits of a number, grouped, and its decimals, as a pattern. In a language
        with digits of its own, a number in Latin digits has the Latin separators and one
        in other digits the language's own; each must be written in one script
        (`value`)."""
        latin = self.digits(self.groups.pattern, self.decimal, "num", "frac")
        if self.native is None:
            return latin
        native = self.digits(self.native_groups.pattern, self.native[0], "native", "nfrac")
        return rf"(?:(?=[0-9]){latin}|(?![0-9]){native})"

    def digits(self, group: str, decimal: str, integer: str, fraction: str) -> str:
        """A number's digits as a pattern: thousands grouped by `group` ("16,000"), or as
        the language's CLDR pattern groups them ("1,00,000" in Hindi), or not at all."""
        grouped = rf"\d{{1,3}}(?:{group}\d{{3}})+"
        last, before = self.grouping
        if (last, before) != (3, 3) and max(last, before) < 10:  # (10^3: no grouping)
            grouped += rf"|\d{{1,{before}}}(?:{group}\d{{{before}}})*{group}\d{{{last}}}"
        return (rf"(?P<{integer}>{grouped}|\d+)"
                rf"(?:{re.escape(decimal)}(?P<{fraction}>\d+))?")

    @property
    def attached_scale(self) -> str:
        """A scale word written against the number ("600만"), as a pattern; in a language
        counting by myriads, with a smaller one multiplying a myriad before it ("5천만",
        5 times 10^3 times 10^4; "3백억", 3 times 10^2 times 10^8)."""
        attached = rf"(?!{_alternatives(_NOT_SCALES)})(?P<attached>{self.words(attached=True)})"
        if not self.multipliers:
            return attached
        myriads = [word for word in self.attached if self.powers[word] % 4 == 0]
        return (rf"(?:(?P<times>{_alternatives(self.multipliers)})"
                rf"(?={_alternatives(myriads)}))?{attached}")

    @cached_property
    def multipliers(self) -> dict[str, int]:
        """The scale words that may multiply a myriad: where CLDR gives a scale word for
        10^4 written against the number (Korean 만), those for less (천, 10^3), and the
        hundred of the same script (백). Chinese and Japanese are read by `_CJK_SCALES`."""
        if not any(self.powers[word] == 4 for word in self.attached):
            return {}
        found = {word: self.powers[word] for word in self.attached if self.powers[word] < 4}
        return found | {_HUNDREDS[word]: 2 for word in found if word in _HUNDREDS}

    def words(self, *, attached: bool) -> str:
        """The scale words written against the number or after a space, as a pattern."""
        return _alternatives([word for word, _, against in self.every_scale if against]
                             if attached else
                             [word for word in self.powers if word not in self.attached])

    def value(self, match: re.Match[str]) -> tuple[int, Decimal] | None:
        """Where the digits of a match of `pattern` begin, and the number they write, no
        scale applied; None when they mix scripts ("1٢"): unread, not misread."""
        found = match.groupdict()
        native = found.get("native") is not None
        integer = found["native" if native else "num"]
        fraction = found["nfrac" if native else "frac"]
        integer = (self.native_groups if native else self.groups).sub("", integer)
        if len({ord(d) - unicodedata.decimal(d) for d in integer + (fraction or "")}) > 1:
            return None
        return match.start("native" if native else "num"), \
            Decimal(integer + ("." + fraction if fraction else ""))

    @cached_property
    def attached(self) -> frozenset[str]:
        return frozenset(word for word, _, against in self.every_scale if against)

    @property
    def spaced(self) -> bool:
        """Whether the language groups thousands with a space ("16 000" in French)."""
        return self.group in _SPACES or self.group == " "

    @cached_property
    def groups(self) -> re.Pattern[str]:
        """What groups thousands: the language's separator, or a no-break or thin space
        in any language. In a language grouping with spaces, a plain one too: the text of
        a quote or of the curator's prose has its spaces made plain (`schema.Text`)."""
        return re.compile(f"[{_SPACES} ]" if self.spaced
                          else f"[{re.escape(self.group_chars)}{_SPACES}]")

    @cached_property
    def native_groups(self) -> re.Pattern[str]:
        """What groups thousands in the language's own digits: its separator, or a no-break
        or thin space."""
        group = self.native[1] if self.native else ""
        return re.compile(f"[{re.escape(group)}{_SPACES}]")

    @property
    def decimals(self) -> str:
        """The decimal separators of the language, for Latin digits and its own."""
        return self.decimal + (self.native[0] if self.native else "")

    @property
    def group_chars(self) -> str:
        # (Swiss German's apostrophe is typographic in older CLDR data, plain since.)
        return "'\u2019" if self.group in ("'", "\u2019") else self.group


def _alternatives(words: Iterable[str]) -> str:
    """Words as a pattern: longest first ("mil millones" before "mil"), any white space
    inside one; a pattern that matches nothing for none."""
    return "|".join(r"\s+".join(map(re.escape, word.split()))
                    for word in sorted(words, key=len, reverse=True)) or "(?!)"


ENGLISH = NumberStyle()


def written_in(tag: str) -> NumberStyle:
    """How numbers are written in the language `tag`, as CLDR records it: its separators,
    those of its own digits, its grouping and its scale words."""
    return NumberStyle(*separators(tag), scales=scale_words(tag),
                       native=native_separators(tag), grouping=grouping(tag),
                       characters=han_numerals(tag), glued=glues_words(tag),
                       months=month_names(tag), periods=period_names(tag),
                       flats=flat_size_words(tag), year_first=year_first_dates(tag),
                       joiners=year_joiners(tag))


def writes_numbers_otherwise(tag: str, site: str) -> bool:
    """Whether a region or script of the site's language writes numbers otherwise than the
    site's tag, as CLDR records them: separators ("1,500" in es-MX, "1.500" in es; "1 500"
    in pt-PT, "1.500" in pt), those of its own digits, its grouping ("1,00,000" in en-IN)
    or scale words. A tag CLDR does not know reads as its language alone, so as the
    site's."""
    return written_in(tag) != written_in(site)
# A date written out ("3 March", "March 3rd, 2025", "April 2025"): its numbers are a day
# and a year, not figures. Month names are capitalised, so "may 3" stays a number.
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY, _YEAR = r"\d{1,2}(?:st|nd|rd|th)?", r"(?:,?\s+\d{4})?"
# A season, a quarter or a half of a year ("summer 2025", "Q3 2025", "H1 2024", "the
# Summer of 2025", "the first quarter of 2025") is a date too; the lower-case "fall" is
# more often the verb ("sales fall 1500 units"), and "quarter" and "half" are parts of a
# year only after an ordinal ("a quarter of 2000 people").
_PERIOD = (r"(?:(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|Fall|Q[1-4]|H[12])"
           r"|(?i:first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(?i:quarter|half))"
           r"(?:\s+of)?\s+(?:1[89]|20)\d\d")
# Chinese and Japanese dates (2025年1月27日, 1月27日) and years (2025年) likewise, in digits
# or in characters (二〇二五年一月二十七日, 二千二十五年, 十二月三日), and Korean ones.
_HAN_YEAR = r"(?:[〇零一二三四五六七八九]{4}|[一二]千[〇零一二三四五六七八九十百]*)"
_HAN_MONTH, _HAN_DAY = r"(?:十[一二]?|[一二三四五六七八九])", \
    r"(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CJK_DATE = (r"\d{4}\s?年(?:\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?)?|\d{1,2}\s?月\s?\d{1,2}\s?日"
             rf"|{_HAN_YEAR}\s?年(?:\s?{_HAN_MONTH}\s?月(?:\s?{_HAN_DAY}\s?日)?)?"
             rf"|{_HAN_MONTH}\s?月\s?{_HAN_DAY}\s?日"
             # (Korean: 2025년 1월 27일.)
             r"|\d{4}\s?년(?:\s?\d{1,2}\s?월(?:\s?\d{1,2}\s?일)?)?|\d{1,2}\s?월\s?\d{1,2}\s?일")
# A date in digits with slashes, day or month first or year first ("3/3/2025",
# "03/28/2025", "2025/3/3"): three numbers, the year's of four digits, are no fraction
# ("3/4") and no figures. Its other separators leave it unread already ("3.3.2025").
_SLASHED_DATE = (r"(?<![\d/])(?:[0-3]?\d/[0-3]?\d/(?:1[89]|20)\d\d"
                 r"|(?:1[89]|20)\d\d/[01]?\d/[0-3]?\d)(?![\d/])")
_WRITTEN_DATE = re.compile(rf"\b(?:{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}|{_MONTH}\s+{_DAY}\b"
                           rf"{_YEAR}|{_MONTH}\s+\d{{4}}|{_PERIOD})\b|{_CJK_DATE}"
                           rf"|{_SLASHED_DATE}")
# Other languages' days: the French "1er", the Italian "1°", the Portuguese "1º" and
# Portugal's "1.º", the German "3."; Spanish and Portuguese join day, month and year with
# "de" ("4 de marzo de 2025", "marzo del 2025").
_OWN_DAY, _OF = r"\d{1,2}(?:st|nd|rd|th|er|\.?[\u00b0\u00ba])?\.?", r"(?:of|de)\s+"
# A part of a year in a language's own words (`NumberStyle.periods`), with the ordinal
# before it ("1er trimestre", "1.er trimestre", "1º trimestre", "1. Quartal", "1e
# kwartaal"; a word, "premier", is no number) and the word joining the year ("de", "del",
# "do", "van"): "au 1er trimestre 2025", "primer trimestre de 2025", "estate del 2025".
_OWN_ORDINAL = r"(?:[1-4](?:\.?[^\W\d_]{1,3}|\.?\u00b0)?\.?\s+)?"
_OWN_OF = r"(?:(?:of|de|del|di|do|van)\s+)?"


def _written_date(months: tuple[str, ...], periods: tuple[str, ...] = (),
                  flats: tuple[str, ...] = (), year_first: tuple[str, ...] = (),
                  joiners: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The dates written out with English month names and `months`, a language's own
    (`NumberStyle.months`), in that language's ways too (`year_first`, `joiners`), and
    the parts of a year in English and in `periods`, its own words for them, an
    abbreviation ("T2") but after one of `flats` (`NumberStyle.flats`: "un T2" is a
    flat); English's alone for neither."""
    if not months and not periods and not year_first:
        return _WRITTEN_DATE
    numbered = tuple(name for name in months if any(c.isdigit() for c in name))
    month = rf"(?:{_MONTH}|{_alternatives(n for n in months if n not in numbered)})"
    of_year = rf"(?:\s+(?:(?:del?|{_alternatives(joiners)})\s+)?\d{{4}})"
    abbreviated = tuple(word for word in periods if any(c.isdigit() for c in word))
    named = tuple(word for word in periods if word not in abbreviated)
    not_flat = "".join(rf"(?<!\b{re.escape(word)}\s)" for word in flats)
    period = (rf"(?:{_OWN_ORDINAL}(?:{_alternatives(named)})"
              rf"|{not_flat}(?:{_alternatives(abbreviated)}))"
              rf"(?:e?s)?\s+{_OWN_OF}(?:1[89]|20)\d\d")
    return re.compile(rf"\b(?:{_alternatives_of(year_first)}"
                      rf"{_OWN_DAY}\s+(?:{_OF})?{month}(?:,?{of_year})?"
                      rf"|{month}\s+{_DAY}\b{_YEAR}|{month}{of_year}"
                      rf"|{_numbered_month(numbered, of_year)}"
                      rf"|{_PERIOD}|{period})\b|{_CJK_DATE}|{_SLASHED_DATE}")


def _alternatives_of(patterns: tuple[str, ...]) -> str:
    """Patterns as the first alternatives of a pattern's group, each with its "|"."""
    return "".join(f"(?:{pattern})|" for pattern in patterns)


def _numbered_month(names: tuple[str, ...], of_year: str) -> str:
    """A month whose name holds its number (the Vietnamese "tháng 3", March), alone or
    with the day before it and the year after ("ngày 3 tháng 3 năm 2025", "3 tháng 3,
    2025", "tháng 3/2025"), as a pattern: its number is the month's, never a figure.
    "3 tháng", three months, is no month's name."""
    if not names:
        return "(?!)"
    month = rf"(?:{_alternatives(names)})(?!\d)"
    return (rf"(?:{_OWN_DAY}\s+{month}(?:,?{of_year})?|{month}{of_year}?)"
            rf"(?:\s*/\s*\d{{4}})?")


def numbers(text: str, style: NumberStyle = ENGLISH) -> list[tuple[int, str, Decimal]]:
    """(offset, as written, value) of each number, scale words applied: "$6 million",
    "$6M" and "6 million dollars" are all 6000000. The day and year of a date written
    out are not numbers here. `style`: how the text's language writes numbers."""
    found = []
    dates = [m.span() for m in style.dates.finditer(text)]
    taken: list[tuple[int, int]] = []  # the rests of numbers after a myriad (`_rest`)
    for match in style.pattern.finditer(text):
        read = style.value(match)
        if read is None or (taken and read[0] < taken[-1][1]) \
                or any(start <= read[0] < end for start, end in dates) \
                or (read[0] > 0 and text[read[0] - 1] in style.before_rest):
            continue  # (digits after a myriad or a unit: the rest of a number not read)
        value, scales = read[1], match.groupdict()
        word = " ".join((scales["word"] or scales["attached"] or "").lower().split())
        power = _GLUED.get((scales["glued"] or "").lower(), 0) + style.powers.get(word, 0) \
            + _MONEY_SCALES.get((scales["money"] or "").lower(), 0) \
            + style.multipliers.get(scales.get("times") or "", 0) \
            + sum(_CJK_SCALES[c] for c in scales["cjk"] or "")
        myriad = _CJK_SCALES[scales["cjk"][-1]] if scales["cjk"] else \
            style.powers[word] if word in style.attached and style.powers[word] % 4 == 0 else 0
        number = _rest(text, match, (value.scaleb(power), myriad), style, dates, taken)
        if number is not None:
            found.append(number)
    if style.characters:
        found = sorted(found + _in_characters(text, style, dates + taken))
    if style.glued:
        found = sorted(found + _in_hangul(text, style, dates + taken))
    return found


def _rest(text: str, match: re.Match[str], read: tuple[Decimal, int], style: NumberStyle,
          dates: list[tuple[int, int]], taken: list[tuple[int, int]]
          ) -> tuple[int, str, Decimal] | None:
    """A number as `numbers` finds it, `read` its value and the power of its myriad (0 for
    none), with the rest written after its myriad (`hannumbers.rest`: "1万2000" is 12,000),
    whose span joins `taken`; None where the rest leaves it unread."""
    value, myriad = read
    if not myriad:
        return match.start(), match.group(0).strip(), value.normalize()
    end, more = hannumbers.rest(text, match.end(), myriad, style.rests, dates)
    if end > match.end():
        taken.append((match.end(), end))
    fraction = match.groupdict().get("frac") or match.groupdict().get("nfrac")
    if more is None or (more and fraction):
        return None  # ("1.2万5000")
    return match.start(), text[match.start():end].strip(), (value + more).normalize()


def _in_characters(text: str, style: NumberStyle, taken: list[tuple[int, int]]
                   ) -> list[tuple[int, str, Decimal]]:
    """The numbers written in Chinese characters (`hannumbers`), not those of a date or of
    the rest of a number in digits."""
    pattern, myriads = style.han
    found = []
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        value = hannumbers.value(match, myriads, style.characters == "zh")
        if value is not None:
            found.append((match.start(), match.group(0), value.normalize()))
    return found


def _in_hangul(text: str, style: NumberStyle, taken: list[tuple[int, int]]
               ) -> list[tuple[int, str, Decimal]]:
    """The numbers written in Hangul numerals in Korean (`hannumbers.hangul`: 오천만), with
    the rest after their myriad ("일억 이천만"), not those of a date or of a number's rest."""
    found = []
    for match in hannumbers.HANGUL_RUN.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        value = hannumbers.hangul(match)
        myriad = hannumbers.HANGUL_MYRIADS.get(match.group(0)[-1], 0)
        if value is None and myriad:  # (its sections after a space are no numbers either)
            taken.append((match.end(), hannumbers.rest(text, match.end(), myriad,
                                                       style.rests, taken)[0]))
        if value is None:
            continue
        number = _rest(text, match, (value, myriad), style, taken, taken)
        if number is not None:
            found.append(number)
    return found


_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen", "twenty")
_TENS = ("thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SPELLED = MappingProxyType(
    {word: Decimal(n) for n, word in enumerate(_ONES)}
    | {word: Decimal(10 * n) for n, word in enumerate(_TENS, start=3)}
    | {"hundred": Decimal(100), "thousand": Decimal(1000), "dozen": Decimal(12)})
_SPELLED_NUMBER = re.compile(
    rf"\b(?P<n>{'|'.join(_SPELLED)})\b(?P<less>\s+times\s+(?:less|fewer|lower|smaller|"
    r"cheaper))?", re.IGNORECASE)


def spelled_numbers(text: str) -> set[Decimal]:
    """The numbers a text writes as words ("two months"), for a claim's figures: twenty
    and below, the tens, a hundred, a thousand, a dozen; "ten times less" also gives its
    ratio, 0.1."""
    found = set()
    for match in _SPELLED_NUMBER.finditer(text):
        value = _SPELLED[match.group("n").lower()]
        found.add(value)
        if match.group("less") and value:
            found.add((1 / value).normalize())
    return found


# One point or comma before three digits: a thousands group in one language, decimals in
# another ("40,000" is forty in German, "16.000" sixteen in English).
_EITHER_WAY = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")


def other_reading(written: str, style: NumberStyle) -> Decimal | None:
    """The value of a number as `numbers` found it, its one separator read the other way
    round ("40,000" read as English writes it, where `style` is German's, and the other
    way), or None when the number is written no way other languages read otherwise."""
    digits = re.search(r"\d[\d.,]*", written)
    if digits is None or not _EITHER_WAY.fullmatch(digits.group(0)):
        return None
    other = NumberStyle(*((",", ".") if style.decimal == "." else (".", ",")), style.scales)
    found = numbers(written, other)
    return found[0][2] if len(found) == 1 and found[0][1] == written else None


def is_amount(text: str, at: int, written: str, style: NumberStyle = ENGLISH) -> bool:
    """A number written as an amount: with a currency sign, a scale word, a percent sign
    or a thousands separator ("$6 million", "15%", "16,000"), not a bare count."""
    return bool(re.search(rf"[^\d{re.escape(style.decimals)}]", written)) \
        or text[at + len(written):at + len(written) + 1] == "%"
