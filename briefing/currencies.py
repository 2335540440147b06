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

# The words for a currency without its country, which CLDR does not give: a dollar is
# the region's own (`Money.dollar`), and Portugal's and Brazil's "real" is Brazil's. A
# pound is money only where the text makes it so (`Money.pound_is_money`): it is a weight.
PLAIN_WORDS = MappingProxyType({
    "dollar": "$", "dollars": "$", "dólar": "$", "dólares": "$", "dollaro": "$",
    "dollari": "$", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "pound sterling": "GBP", "pounds sterling": "GBP", "sterlina": "GBP",
    "sterline": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY"})
_PORTUGUESE_WORDS = MappingProxyType({"real": "BRL", "reais": "BRL"})
_POUNDS = frozenset({"pound", "pounds"})
# What makes "pounds" money where no sign, code or "sterling" does: a word of paying,
# costing or earning before the number in its sentence ("fined 200 pounds", "it costs 5
# million pounds"), or a pound's sign or code there ("£5m, or 200 pounds a head").
_MONEY_CONTEXT = re.compile(
    r"(?i:\b(?:cost(?:s|ed|ing)?|paid|pay(?:s|ing)?|price[sd]?|worth|fine[sd]?|"
    r"fees?|spen[dt]|spends|spending|raised?|salar(?:y|ies)|wages?|earn(?:s|ed|ing)?|"
    r"budget|fund(?:s|ed|ing)?|invest(?:s|ed|ing|ment)?|loans?|debts?|bills?|charged?|"
    r"sold|bought|sell|buy|revenue|profits?|loss(?:es)?|tax(?:es)?|bonus(?:es)?|"
    r"award(?:ed)?|compensation|donat(?:ed|ion)|grants?|bids?|valued|deal)\b)|\u00a3|\bGBP\b")
# "pounds of" and a noun: a weight ("200 pounds of flour").
_OF_NOUN = re.compile(r"\s+of\s+[^\W\d_]")
# The words after a dollar that make it the US dollar where CLDR's names say otherwise
# ("dollars américains", French press's, Portugal's "dólares norte-americanos"; CLDR's
# "dollars des États-Unis" is read too).
_US = re.compile(r"\s+(?:US|USA|américains?|americani|(?:norte-)?americanos?)(?!\w)")
_SPACE = "[ \u00a0\u202f\u2009]"
# A currency's name after a number: words up to a comma, a bracket or a quotation mark,
# looked up longest first in `Money.names` ("dollars des États-Unis", "Swiss francs").
_NAME_WORD = "[^\\s,;:!?()\\[\\]\"\u201c\u201d\u00ab\u00bb\u201e]"
_NAME = rf"[^\W\d_]{_NAME_WORD}*"
_MORE_WORDS = re.compile(rf"(?:\s+{_NAME_WORD}+){{1,5}}")
# A word of a name without the signs that end it ("euros." "St. Helena", "Bosnia-Herzegovina").
_WHOLE_WORD = r"\w+(?:[.'\u2019\u02bb&-]\w+)*"
_CUT = (re.compile(_WHOLE_WORD), re.compile(r"\w+"))
# A sign that is letters alone and not all capitals ("kr" for the krona, "Cg." for the
# Caribbean guilder): a word as much as a sign, read only for the currency of the locale's
# own region ("kr" in Swedish), not for every currency of every locale.
_WORDLIKE_SIGN = re.compile(r"^(?=.*[a-z])[A-Za-z.]+$")


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
    """How the language `language` (a tag) writes currencies: those in use today (CLDR's
    legal tender of some territory, `current_codes`), by their signs and names in the
    region, the language and English."""

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
    def pound(self) -> str:
        """The region's own currency where it is a pound (GBP in `en-GB`, EGP in
        `ar-EG`): "pounds" alone is money there. Else ""."""
        from babel import Locale, UnknownLocaleError
        from babel.numbers import get_currency_name, get_territory_currencies
        try:
            region = Locale.parse(self.language.replace("_", "-"), sep="-").territory
        except (UnknownLocaleError, ValueError):
            return ""
        own = get_territory_currencies(region)[:1] if region else []
        return own[0] if own and "pound" in get_currency_name(own[0], locale="en").lower() \
            else ""

    @cached_property
    def signs(self) -> Mapping[str, str]:
        """Each currency sign but "$" alone, without its spaces, with its code: CLDR's in
        the region, the language and English, "$" written with a country ("US$", "$ US",
        "A$"). A sign two currencies share in a locale is the region's own currency's
        there, else neither's ("kr" in Swedish is the krona; "¥", the yen or the yuan, is
        never read)."""
        from .wording import dollar_signs
        found: dict[str, str] = {"\u20ac": "EUR", "\u00a3": "GBP", "R$": "BRL", "US$": "USD"}
        codes = current_codes()
        for locale in _locales(self.language):
            by_sign: dict[str, set[str]] = {}
            own = _own(locale)
            for code, sign in locale.currency_symbols.items():
                sign = _plain(sign)
                if code in codes and sign not in (code, "$", "\u00a5") \
                        and (code == own or not _WORDLIKE_SIGN.match(sign)):
                    by_sign.setdefault(sign, set()).add(code)
            for sign, code in _unshared(by_sign, locale).items():
                found.setdefault(sign, code)
        for code, sign in dollar_signs(self.language).items():
            if sign != "$":
                found.setdefault(_plain(sign), code)
        return MappingProxyType(found)

    @cached_property
    def names(self) -> Mapping[str, str]:
        """Each currency's names, case folded, with its code: CLDR's, singular and plural,
        in the region, the language and English (a name two currencies share in a locale
        is the region's currency's, else neither's), and the words without a country ("$"
        for a dollar alone)."""
        from babel.localedata import load
        found: dict[str, str] = dict(PLAIN_WORDS)
        if primary(self.language) == "pt":
            found |= _PORTUGUESE_WORDS
        german = primary(self.language) == "de"
        codes = current_codes()
        for locale in _locales(self.language):
            plural = load(str(locale)).get("currency_names_plural", {})
            by_name: dict[str, set[str]] = {}
            for code in codes:
                forms = plural.get(code, {})
                for name in (locale.currencies.get(code, code), *forms.values()):
                    if isinstance(name, str) and name != code:
                        by_name.setdefault(" ".join(name.casefold().split()), set()).add(code)
            for name, code in _unshared(by_name, locale).items():
                found.setdefault(name, code)
                if german and locale.language == "de" and name[-1:].isalpha() \
                        and not name.endswith(("s", "x", "z")):
                    # (its genitive and the plural of speech: "US-Dollars", "Yens")
                    found.setdefault(name + "s", code)
        return MappingProxyType(found)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of each of `names`: the words after a number that may start
        one, the others ("people", "of") left at once."""
        return frozenset(name.split(" ", 1)[0] for name in self.names)

    @cached_property
    def before(self) -> re.Pattern[str]:
        """A sign or code right before a number's digits ("US$", "€ ", "USD ")."""
        return re.compile(rf"(?:(?P<sign>{_signs(self.signs)}|\$)|(?<![A-Za-z])"
                          rf"(?P<code>[A-Z]{{3}})){_SPACE}?$")

    @cached_property
    def after(self) -> re.Pattern[str]:
        """A sign, code or the words of a name right after a number ("40 000 $ US",
        "40.000 Euro", "3 millions d'euros", "40 000 CAD"): the name is looked up in
        `names` (`_name`), not spelt out here, which would make a pattern of a thousand
        names for each language met."""
        return re.compile(
            rf"{_SPACE}?(?:(?P<sign>{_signs(self.signs)}|\$)(?!\w)"
            rf"|(?P<code>[A-Z]{{3}})(?!\w)"
            rf"|(?:(?:de|di)\s+|d['\u2019]\s?)?(?P<name>{_NAME}))")

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
        if after is None:
            return None
        if after["name"]:
            return self._named(after, text, at)
        return self._read(after, text, end)

    def _read(self, match: re.Match[str], text: str, end: int) -> Written | None:
        """The currency a sign or code of `before` or `after` stands for."""
        groups = match.groupdict()
        span = (match.start(), max(end, match.end()))
        if groups.get("code"):
            return Written(groups["code"], False, *span) if is_code(groups["code"]) else None
        sign = _plain(groups["sign"])
        if sign == "$":
            return Written(self.dollar, self.dollar == self.dollars, *span)
        code = self.signs.get(sign, "")
        return Written(code, False, *span) if code else None

    def _named(self, match: re.Match[str], text: str, at: int) -> Written | None:
        """The currency the longest name that the words of `match` start with names, if
        it is money there (`pound_is_money`); a dollar with "US" after it is the US
        dollar's."""
        first = match["name"]
        if not any(word in self.first_words for word in _cuts(first.casefold())):
            return None
        more = _MORE_WORDS.match(text, match.end("name"))
        found = _name(first + (more.group() if more else ""), self.names)
        if found is None:
            return None
        name, length = found
        end = match.start("name") + length
        code = self.names[name]
        if name in _POUNDS and not self.pound_is_money(text, at, end):
            return None
        if code == "$":  # ("dollars", alone or with "US" after it)
            us = _US.match(text, end)
            code = "USD" if us else self.dollars
            return Written(code, not us and code == self.dollar, match.start(),
                           us.end() if us else end)
        return Written(self.pound if name in _POUNDS and self.pound else code, False,
                       match.start(), end)

    def pound_is_money(self, text: str, at: int, end: int) -> bool:
        """Whether "pounds" after the number at `at`, ending at `end`, is money: not
        before "of" and a noun ("200 pounds of flour"), and in a region whose currency
        is a pound or after a word of money in its sentence ("fined 200 pounds")."""
        if _OF_NOUN.match(text, end):
            return False
        start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), at - 120, 0)
        return bool(self.pound) or _MONEY_CONTEXT.search(text, start, at) is not None


def current_codes() -> frozenset[str]:
    """The currencies in use today: those CLDR gives as the legal tender of a territory,
    with no end (some 150; not the Deutsche Mark, nor gold's "XAU")."""
    from babel.core import get_global
    return frozenset(code for held in get_global("territory_currencies").values()
                     for code, _, until, tender in held if until is None and tender)


def _unshared(by_key: Mapping[str, set[str]], locale: Locale) -> dict[str, str]:
    """Each sign or name that one currency has in `locale`; one that several share is
    the locale's region's own currency's, when it is among them, else none's."""
    own = _own(locale)
    found: dict[str, str] = {}
    for key, codes in by_key.items():
        one = codes if len(codes) == 1 else codes & {own}
        if len(one) == 1:
            found[key] = next(iter(one))
    return found


def _own(locale: Locale) -> str:
    """The currency of `locale`'s region, or of the region its language is most likely
    spoken in (CLDR's likely subtags: Sweden for `sv`), "" where none is known."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies
    region = locale.territory or \
        get_global("likely_subtags").get(locale.language, "").rpartition("_")[2]
    own = get_territory_currencies(region)[:1] if region else []
    return own[0] if own else ""


def _name(words: str, names: Mapping[str, str]) -> tuple[str, int] | None:
    """The longest currency name among `names` that `words` start with, case folded,
    and its length in `words`: whole words, or a last word cut before a sign that ends
    it ("euros." "dollars-worth")."""
    spans = [match.span() for match in re.finditer(r"\S+", words)]
    for start, end in reversed(spans):
        for last in _cuts(words[start:end]):
            name = " ".join(words[:start + len(last)].casefold().split())
            if name in names:
                return name, start + len(last)
    return None


def _cuts(word: str) -> tuple[str, ...]:
    """A word as a name may end it: whole, without the signs after it ("euros."), and
    up to its first sign ("dollars-worth")."""
    found = [word]
    for pattern in _CUT:
        cut = pattern.match(word)
        if cut is not None and cut.group() not in found:
            found.append(cut.group())
    return tuple(found)


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
