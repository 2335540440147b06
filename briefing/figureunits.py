"""A figure's `unit:` that writes a currency as a word or a sign ("dollars", "$", "euros",
"usd", "million euros", "dollars per share") instead of its ISO code. Only a code
(`unit: USD`) makes a figure an amount of money: the pages show it with its sign and the
prose check compares its currency (`currencies.is_code`); any other unit is a count of
that unit. The currencies are those `currencies.Money` reads in English prose (CLDR's
names and signs, through Babel, and the words without a country: "dollars", "yen")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from babel.numbers import get_currency_symbol

from .currencies import PLAIN_WORDS, Money, is_code

# Scale words and letters written with a currency ("million euros", "USD bn", "$m").
_SCALES = MappingProxyType({
    "thousand": 3, "thousands": 3, "k": 3, "million": 6, "millions": 6, "m": 6, "mn": 6,
    "mln": 6, "mio": 6, "billion": 9, "billions": 9, "bn": 9, "b": 9, "mrd": 9, "md": 9,
    "mds": 9, "trillion": 12, "trillions": 12, "tn": 12})
# What an amount is for, after its currency: "per share", "/MWh", "a year", "each".
_FOR = re.compile(r"\s*(?:/|\b(?:per|a|an|each)\b)", re.IGNORECASE)
# A sign glued to a scale, either way round: "$m", "US$bn", "€M", "M$", "Md€".
_GLUED = re.compile(r"^(?:(?P<sign>\W*\w{0,2}[^\w\s])(?P<after>[a-zA-Z]{1,3})"
                    r"|(?P<before>[a-zA-Z]{1,3})(?P<sign2>[^\w\s]))$")
# The signs of several currencies, and the words of a pound, which is also a weight.
_YEN_OR_YUAN = frozenset({"\u00a5", "\uffe5"})
_POUND_WORDS = frozenset({"pound", "pounds"})
# The words a unit may write a currency with that prose seldom does, besides those of
# `currencies.PLAIN_WORDS` ("yuan", "sterling").
_UNIT_WORDS = MappingProxyType({"quid": "GBP", "rmb": "CNY"})


@dataclass(frozen=True)
class UnitCurrency:
    """A unit read as a currency: its code ("" for a "¥", the yen or the yuan; "$" for a
    dollar with no country), the scale written with it, and what follows it."""

    unit: str
    code: str
    scale: int = 0  # the power of ten of "million" (6), "bn" (9); 0 for none
    rest: str = ""  # "per share"
    weight: bool = False  # "pounds": a weight too

    def message(self) -> str:
        also = " (or a weight)" if self.weight else ""
        return (f"the unit {self.unit!r} names a currency{also}, but only a currency's code "
                "alone makes a figure an amount of money: as written, the figure is shown "
                f"and checked as a count of {self.unit!r}")

    def hint(self) -> str:
        if self.code == "$":
            said = ("write the currency's code: `unit: USD` (for another dollar its own, "
                    "`CAD`, `AUD`, `HKD`, …)")
        elif not self.code:
            said = "write the currency's code: `unit: JPY` for the yen, `unit: CNY` for the yuan"
        else:
            said = f"write the currency's code: `unit: {self.code}`"
        if self.scale:
            said += (f", and the value in full (5 {_scale_word(self.scale)} is `value: "
                     f"{5 * Decimal(10) ** self.scale:f}`)")
        if self.rest:
            said += f", and what the amount is for in `scope:` ({self.rest!r})"
        return said + ("; a weight in pounds is `unit: lb`" if self.weight else "")


def unit_currency(unit: str, money: Money) -> UnitCurrency | None:
    """The currency `unit` writes as a word or a sign, or None: a code written as codes
    are (`USD`), or no currency. `money` is English's (`Money("en")`), whose names and
    signs are read only for a unit of several words or with a sign."""
    if unit.isalpha() and len(unit) != 3 and (folded := unit.casefold()) not in PLAIN_WORDS \
            and folded not in _UNIT_WORDS:
        return None  # (a word alone: "GPUs", "percent")
    if is_code(unit):
        return None
    cut = _FOR.search(unit)
    head, rest = (unit[:cut.start()], unit[cut.start():].strip()) if cut else (unit, "")
    scale, words = 0, []
    for word in head.split():
        if word.casefold() in _SCALES and not scale:
            scale = _SCALES[word.casefold()]
        else:
            words.append(word)
    if len(words) == 1 and (glued := _GLUED.match(words[0])) is not None \
            and (glued["after"] or glued["before"] or "").casefold() in _SCALES:
        scale = _SCALES[(glued["after"] or glued["before"]).casefold()]
        words = [glued["sign"] or glued["sign2"]]
    code = _code(" ".join(words), money) if words else None
    if code is None:
        return None
    weight = " ".join(words).casefold() in _POUND_WORDS
    if weight and rest:
        return None  # ("pounds per square inch", a pressure)
    return UnitCurrency(unit, "GBP" if weight else code, scale, rest, weight)


def _code(core: str, money: Money) -> str | None:
    """The code of the currency `core` names, "$" for a dollar with no country, "" for
    the yen or the yuan, else None."""
    folded = core.casefold()
    if folded in _UNIT_WORDS:
        return _UNIT_WORDS[folded]
    if len(core) == 3 and core.isalpha() and is_code(core.upper()):
        # In small letters, only the code of a currency with a sign of its own ("usd",
        # "eur"): others are words too ("cup", "top", "all").
        upper = core.upper()
        return upper if core.isupper() or get_currency_symbol(upper, "en") != upper else None
    if core in _YEN_OR_YUAN:
        return ""
    if core == "$":
        return "$"
    if " " in folded or any(not char.isalnum() for char in core):
        return money.signs.get(core.replace(" ", "")) or money.names.get(folded)
    return PLAIN_WORDS.get(folded)


def _scale_word(power: int) -> str:
    return {3: "thousand", 6: "million", 9: "billion", 12: "trillion"}[power]
