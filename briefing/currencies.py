"""The currency an amount is written in, for the figure check (`provenance`): "$40,000",
"40 000 $ US", "€40,000", "40.000 Euro", "USD 40,000", "3 millions d'euros", read as a
language and its region write them. The signs and names are CLDR's, through Babel, in
the region, the language and English ("$ US" and "$AU" in French, "US$" in Portuguese,
"dollars canadiens", "dólares estadounidenses"); a dollar written "$" or "dollars" alone
is the region's own (`wording.dollar_signs`: Canada's on a `fr-CA` site, Mexico's peso
on an `es-MX` one), else the US dollar."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

from .language import primary

if TYPE_CHECKING:
    from babel import Locale

# The currencies whose signs and names are read: those of most press that curators read.
_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "BRL", "MXN", "CHF", "JPY", "CNY",
          "INR", "HKD", "SGD")
# The words for a currency without its country, which CLDR does not give: a dollar is
# the region's own (`Money.dollar`), and Portugal's and Brazil's "real" is Brazil's.
PLAIN_WORDS = MappingProxyType({
    "dollar": "$", "dollars": "$", "dólar": "$", "dólares": "$", "dollaro": "$",
    "dollari": "$", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP"})
_PORTUGUESE_WORDS = MappingProxyType({"real": "BRL", "reais": "BRL"})
# The words after a dollar that make it the US dollar where CLDR's names say otherwise
# ("dollars américains", French press's; CLDR's "dollars des États-Unis" is read too).
_US = r"(?:US|USA|américains?|americani|americano|americanos)"
_SPACE = "[ \u00a0\u202f\u2009]"


@dataclass(frozen=True)
class Written:
    """The currency of an amount as a text writes it, and where its sign or word is."""

    code: str  # ISO 4217
    # A dollar written "$" or "dollars" alone: the writer's region's own ("$" in Mexico,
    # the peso, is none).
    plain: bool
    start: int
    end: int

    def same(self, other: Written) -> bool:
        """Whether two amounts are in one currency: the same code, or both a dollar
        written alone (each writer's own: "$" in an English brief on a Canadian article)."""
        return self.code == other.code or (self.plain and other.plain)


@dataclass(frozen=True)
class Money:
    """How the language `language` (a tag) writes currencies."""

    language: str

    @cached_property
    def dollar(self) -> str:
        """The currency "$" alone stands for: the region's own dollar, else USD."""
        from .wording import dollar_signs
        return next((code for code, sign in dollar_signs(self.language).items()
                     if sign == "$"), "USD")

    @cached_property
    def dollars(self) -> str:
        """The currency "dollars" alone stands for: the region's own where that is a dollar
        (Canada's), else USD ("dólares" in Mexico, whose "$" is the peso)."""
        from babel.numbers import get_currency_name
        return self.dollar if "dollar" in get_currency_name(self.dollar, locale="en").lower() \
            else "USD"

    @cached_property
    def signs(self) -> Mapping[str, str]:
        """Each currency sign but "$" alone, without its spaces, with its code: CLDR's in
        the region, the language and English, "$" written with a country ("US$", "$ US",
        "A$")."""
        from babel.numbers import get_currency_symbol

        from .wording import dollar_signs
        found: dict[str, str] = {"\u20ac": "EUR", "\u00a3": "GBP", "R$": "BRL", "US$": "USD"}
        for locale in _locales(self.language):
            for code in _CODES:
                sign = _plain(get_currency_symbol(code, locale))
                if sign not in (code, "$", "\u00a5"):  # ("¥": the yen or the yuan)
                    found.setdefault(sign, code)
        for code, sign in dollar_signs(self.language).items():
            if sign != "$":
                found.setdefault(_plain(sign), code)
        return MappingProxyType(found)

    @cached_property
    def names(self) -> Mapping[str, str]:
        """Each currency's names, case folded, with its code: CLDR's, singular and plural,
        in the region, the language and English, and the words without a country ("$"
        for a dollar alone)."""
        from babel.numbers import get_currency_name
        found: dict[str, str] = dict(PLAIN_WORDS)
        if primary(self.language) == "pt":
            found |= _PORTUGUESE_WORDS
        for locale in _locales(self.language):
            for code in _CODES:
                for count in (1, 2):
                    found.setdefault(get_currency_name(code, count, locale).casefold(), code)
        return MappingProxyType(found)

    @cached_property
    def before(self) -> re.Pattern[str]:
        """A sign or code right before a number's digits ("US$", "€ ", "USD ")."""
        return re.compile(rf"(?:(?P<sign>{_signs(self.signs)}|\$)|(?<![A-Za-z])"
                          rf"(?P<code>[A-Z]{{3}})){_SPACE}?$")

    @cached_property
    def after(self) -> re.Pattern[str]:
        """A sign, code or name right after a number ("40 000 $ US", "40.000 Euro",
        "3 millions d'euros", "40 000 CAD")."""
        names = "|".join(r"\s+".join(map(re.escape, name.split()))
                         for name in sorted(self.names, key=len, reverse=True))
        return re.compile(
            rf"{_SPACE}?(?:(?P<sign>{_signs(self.signs)}|\$)(?!\w)"
            rf"|(?P<code>[A-Z]{{3}})(?!\w)"
            rf"|(?:(?:de|di)\s+|d['\u2019]\s?)?(?i:(?P<name>{names}))(?!\w)"
            rf"(?:\s+(?P<us>{_US})(?!\w))?)")

    def currency(self, text: str, at: int, written: str) -> Written | None:
        """The currency of the number `written` at `at` in `text` (as `numbers.numbers`
        finds it), or None where none is written."""
        digits = next((i for i, char in enumerate(written) if char.isdigit()), 0)
        # (a sign the number's match took: "$6M", "450 M$")
        before = self.before.search(text, max(0, at + digits - 8), at + digits)
        if before is not None:
            return self._read(before, text, at + digits)
        end = at + len(written)
        after = self.after.match(text, end - 1 if written[-1] in "$\u20ac" else end)
        return self._read(after, text, end) if after is not None else None

    def _read(self, match: re.Match[str], text: str, end: int) -> Written | None:
        """The currency a match of `before` or `after` names."""
        groups = match.groupdict()
        span = (match.start(), max(end, match.end()))
        if groups.get("code"):
            return Written(groups["code"], False, *span) if is_code(groups["code"]) else None
        if groups.get("sign"):
            sign = _plain(groups["sign"])
            if sign == "$":
                return Written(self.dollar, self.dollar == self.dollars, *span)
            code = self.signs.get(sign, "")
        else:
            code = self.names.get(" ".join(groups["name"].casefold().split()), "")
        if code == "$":  # ("dollars", alone or with "US" after it)
            code = "USD" if groups.get("us") else self.dollars
            return Written(code, not groups.get("us") and code == self.dollar, *span)
        return Written(code, False, *span) if code else None


def _locales(language: str) -> Iterator[Locale]:
    """CLDR's locales of `language`'s region, its language and English, in that order:
    a sign is read as the language writes it before English ("¥" is the yuan in
    Chinese, the yen in English)."""
    from babel import Locale, UnknownLocaleError
    for tag in dict.fromkeys((language.replace("_", "-"), primary(language), "en")):
        try:
            yield Locale.parse(tag, sep="-")
        except (UnknownLocaleError, ValueError):
            continue


def is_code(unit: str) -> bool:
    """Whether a figure's unit is a currency's ISO code ("USD", "CAD"), not a count's."""
    from babel.numbers import is_currency
    return len(unit) == 3 and unit.isalpha() and unit.isupper() and is_currency(unit)


def amount(text: str, at: int, written: str, currency: Written) -> str:
    """The amount as `text` writes it, its currency with it: "40 000 $ US"."""
    return text[min(at, currency.start):max(at + len(written), currency.end)]


def _plain(sign: str) -> str:
    """A sign without its spaces, as `Money.signs` keeps it: "$ US" and "$US" are one."""
    return re.sub(f"{_SPACE}+", "", sign)


def _signs(signs: Mapping[str, str]) -> str:
    """The signs as a pattern, longest first, a space optional between a sign and letters
    ("$US" or "$ US", "US$" or "US $")."""
    def one(sign: str) -> str:
        parts = re.split(r"(?<=\W)(?=\w)|(?<=\w)(?=\W)", sign)
        return f"{_SPACE}?".join(re.escape(part) for part in parts if part)
    return "|".join(one(sign) for sign in sorted(signs, key=len, reverse=True))
