"""The currencies the prose check reads (`currencies.Money`): every currency in use today
by CLDR's signs and names, a sign or name two currencies share left to the region's own,
and "pounds" as money only where the text makes it money."""

from __future__ import annotations

import pytest

from briefing.currencies import Money, current_codes
from briefing.numbers import numbers


def read(language: str, text: str) -> str | None:
    """The code of the currency of the last number of `text`, read as `language` does."""
    money = Money(language)
    at, written, _ = numbers(text)[-1]
    found = money.currency(text, at, written)
    return found.code if found is not None else None


def test_every_sign_and_name_read_before_is_read_alike() -> None:
    """The 14 currencies read before CLDR's whole list, as they were read."""
    assert Money("en").names["us dollars"] == "USD" == Money("en").signs["US$"]
    assert Money("fr-CA").signs["$US"] == "USD" and Money("fr-CA").names["euros"] == "EUR"
    assert Money("de").names["us-dollar"] == "USD" and Money("pt").names["reais"] == "BRL"


def test_the_currencies_are_those_in_use_today() -> None:
    codes = current_codes()
    assert {"USD", "EUR", "SEK", "ZAR", "KRW", "XOF"} <= codes
    assert not {"DEM", "FRF", "XAU", "XXX", "XTS"} & codes  # gone, gold, none, testing
    # Each has its English names.
    assert set(Money("en").names.values()) >= codes


@pytest.mark.parametrize(("language", "text", "code"), [
    ("en", "40,000 Swiss francs", "CHF"),
    ("en", "5 million South African rand", "ZAR"),
    ("en", "5 million St. Helena pounds.", "SHP"),
    ("en", "40,000 yuan", "CNY"),
    ("en", "40,000 yen", "JPY"),
    ("en", "₩40,000", "KRW"),
    ("en", "₪40,000", "ILS"),
    ("en", "40,000 dollars-worth", "USD"),
    ("en", "40,000 US dollars", "USD"),
    ("de", "40.000 US-Dollar", "USD"),
    ("sv", "40000 kr", "SEK"),
    ("nb", "40000 kr", "NOK"),
    ("id", "Rp 40.000", "IDR"),
    ("fr-CA", "40000 $HK", "HKD"),
    # A sign that is letters is read only as the region's own: "Cg." is no sign in English.
    ("en", "40,000 Cg.", None),
    # "¥" is the yen or the yuan; the full-width "￥" is Japanese's, the yen.
    ("en", "¥40,000", None),
    ("ja", "\uffe540000", "JPY"),
])
def test_a_currency_is_read_by_its_sign_or_name(language: str, text: str, code: str | None
                                                ) -> None:
    assert read(language, text) == code


@pytest.mark.parametrize(("language", "text", "code"), [
    ("en", "200 pounds sterling", "GBP"),
    ("en", "he was fined 200 pounds", "GBP"),
    ("en", "it cost them 5 million pounds", "GBP"),
    ("en", "£5m now, and 200 pounds a head", "GBP"),
    ("en-GB", "tickets are 200 pounds", "GBP"),
    ("ar-EG", "tickets are 200 pounds", "EGP"),
    ("en", "it weighs 200 pounds", None),
    ("en", "200 pounds of flour", None),
    ("en", "it cost 2 million pounds of beef", None),
    ("en", "a 5-pound bag", None),
    ("en-GB", "200 pounds of flour", None),
    # A word of money in the sentence before, not in another.
    ("en", "It cost a lot. The bag weighs 200 pounds", None),
])
def test_pounds_are_money_only_where_the_text_makes_them_money(language: str, text: str,
                                                               code: str | None) -> None:
    assert read(language, text) == code
