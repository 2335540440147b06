"""Numbers in a language's own digits with its own separators, grouped as its CLDR pattern
groups them, and Korean scale words multiplied: what is read, and what is left unread
rather than misread."""

from __future__ import annotations

import dataclasses
import unicodedata
from decimal import Decimal

import pytest
from babel import Locale, localedata
from hypothesis import given
from hypothesis import strategies as st
from number_helpers import ZEROS, cldr_writes, in_digits, own_system

from briefing.language import grouping
from briefing.numbers import NumberStyle, is_amount, numbers, written_in


def style_of(tag: str) -> NumberStyle:
    """How the prose checks read numbers written in `tag`."""
    return written_in(tag)


def values(text: str, tag: str) -> list[Decimal]:
    return [value for _, _, value in numbers(text, style_of(tag))]


ARABIC = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
PERSIAN = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
DECIMAL, GROUP = "\u066b", "\u066c"  # ARABIC DECIMAL SEPARATOR, ARABIC THOUSANDS SEPARATOR


def arabic(written: str) -> str:
    """`written` ("5.6", "12,000") in Arabic-Indic digits with the Arabic separators."""
    return written.translate(str.maketrans("0123456789.,", ARABIC + DECIMAL + GROUP))


@pytest.mark.parametrize(("tag", "text", "read"), [
    # 1. A language's own digits with its own separators.
    ("ar", f"{arabic('5.6')} مليون", ["5600000"]),
    ("ar-EG", f"{arabic('12,000')} شريحة", ["12000"]),
    ("fa", "\u06f1\u06f2\u066b\u06f5", ["12.5"]),
    ("fa", f"{arabic('12.5')}", ["12.5"]),  # (Arabic-Indic digits, Persian's separators)
    ("hi", "\u0967,\u0966\u0966,\u0966\u0966\u0966", ["100000"]),
    ("km", "\u17e1\u17e2,\u17e5", ["12.5"]),  # Khmer's own digits: a decimal comma
    ("km", "12,500", ["12500"]),  # and its Latin ones, a thousands comma
    ("en", arabic("12000"), ["12000"]),  # digits of any script, without separators
    ("en", ARABIC[1:3] + "," + ARABIC[0] * 3, ["12000"]),  # English's, as before
    # Separators that do not fit, and digits of two scripts: unread.
    ("en", arabic("5.6"), []),  # not 5 and 6
    ("en", arabic("12,000"), []),  # not 12 and 0
    ("ar", arabic("12") + "," + arabic("000"), []),  # a Latin comma between Arabic digits
    ("ar", "5" + DECIMAL + "6", []),  # an Arabic separator between Latin digits
    ("en", "5" + DECIMAL + "6", []),
    ("en", "1" + ARABIC[2], []),
    ("ar", ARABIC[1] + "2", []),
    ("fa", PERSIAN[1] + ARABIC[2], []),
    # 2. Grouped by two before the last three digits, where CLDR's pattern says so.
    ("hi", "1,00,000", ["100000"]),
    ("en-IN", "2,50,00,000", ["25000000"]),
    ("bn", "12,34,567.5", ["1234567.5"]),
    ("hi", "123,456", ["123456"]),  # grouped by threes: the same number
    ("en", "1,00,000", []),  # not in English
    ("en", "2,50,00,000", []),
    ("de", "1.00.000", []),
    ("hi", "1,00,00", []),  # the last group is of three
    ("hi", "1,00,000,000", []),
    # 3. Korean scale words: a thousand or a hundred times a myriad.
    ("ko", "5천만", ["50000000"]),
    ("ko", "3백억", ["30000000000"]),
    ("ko", "5천억", ["500000000000"]),
    ("ko", "2천조", ["2000000000000000"]),
    ("ko", "5천", ["5000"]),  # a thousand alone, as CLDR gives it
    ("ko", "600만", ["6000000"]),
    ("ko", "5백", []),  # a hundred alone is no scale word of CLDR's
    ("ko", "5만천", []),
    ("en", "5천만", []),
    ("ja", "5千万", ["50000000"]),  # (as before)
])
def test_numbers_in_other_scripts_and_groupings(tag: str, text: str, read: list[str]) -> None:
    assert values(f"paid {text} more", tag) == [Decimal(v) for v in read]


def test_an_arabic_decimal_is_no_amount_and_an_arabic_group_is() -> None:
    style = style_of("ar")
    for written, amount in ((arabic("5.6"), False), (arabic("12,000"), True)):
        ((at, found, _),) = numbers(f"x {written} y", style)
        assert is_amount(f"x {written} y", at, found, style) is amount


def test_the_zeros_are_unicodes_digits() -> None:
    for system, zero in ZEROS.items():
        assert [unicodedata.decimal(chr(zero + n)) for n in range(10)] == list(range(10))
        assert unicodedata.name(chr(zero)).endswith("DIGIT ZERO"), system


OWN_DIGITS = sorted(ident for ident in localedata.locale_identifiers()
                    if own_system(Locale.parse(ident)) is not None)
GROUPED_OTHERWISE = sorted(ident for ident in localedata.locale_identifiers()
                           if grouping(ident.replace("_", "-")) not in ((3, 3), (1000, 1000)))
# Latin digits and what surrounds them: the separators of every style, spaces, scale letters.
LATIN_TEXT = st.text(alphabet="0123456789.,'\u00a0\u202f -/%$kmM", max_size=24)


@given(st.sampled_from(OWN_DIGITS), LATIN_TEXT)
def test_a_languages_own_digits_change_no_reading_of_latin_ones(ident: str, text: str) -> None:
    style = style_of(ident.replace("_", "-"))
    assert numbers(text, style) == numbers(text, dataclasses.replace(style, native=None))


@given(st.sampled_from(GROUPED_OTHERWISE), LATIN_TEXT)
def test_grouping_by_two_reads_more_numbers_and_none_otherwise(ident: str, text: str) -> None:
    """What is read with groups of three is read the same in Hindi; "1,00,000" is read
    besides."""
    style = style_of(ident.replace("_", "-"))
    by_threes = numbers(text, dataclasses.replace(style, grouping=(3, 3)))
    assert set(by_threes) <= set(numbers(text, style))


@given(st.sampled_from(sorted(localedata.locale_identifiers())),
       st.decimals(min_value=0, max_value=10**15, places=3, allow_nan=False))
def test_a_number_as_cldr_writes_it_reads_back(ident: str, value: Decimal) -> None:
    """In any locale, in Latin digits and in its own, with its separators and grouping."""
    for written in cldr_writes(Locale.parse(ident), value):
        found = values(f"paid {written} more", ident.replace("_", "-"))
        assert found == [value.normalize()], (ident, written)


@given(st.sampled_from(OWN_DIGITS), st.integers(min_value=0, max_value=10**9),
       st.integers(min_value=1, max_value=9))
def test_digits_of_two_scripts_are_never_read(ident: str, number: int, at: int) -> None:
    """A number in the locale's own digits with one Latin digit among them is unread."""
    system = own_system(Locale.parse(ident))
    assert system is not None
    written = str(number)
    written = in_digits(written, system)[:at] + written[at:at + 1] \
        + in_digits(written, system)[at + 1:]
    if len(str(number)) > at:
        assert values(f"paid {written} more", ident.replace("_", "-")) == []
