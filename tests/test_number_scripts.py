"""Numbers in a language's own digits with its own separators, grouped as its CLDR pattern
groups them, and Korean scale words multiplied: what is read, and what is left unread
rather than misread."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from decimal import Decimal

import pytest
from babel import Locale, localedata
from hypothesis import given
from hypothesis import strategies as st
from number_helpers import ZEROS, banking, chinese, cldr_writes, in_digits, korean, own_system

from briefing import hannumbers
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
    ("ko", "5백", ["500"]),  # a hundred alone, of the thousand's script
    ("ko", "5백만", ["5000000"]),
    ("ko", "5만천", []),
    ("en", "5천만", []),
    ("ja", "5千万", ["50000000"]),  # (as before)
    # 4. Korean: a word glued on after the number ("원", won; "명", people; a particle).
    ("ko", "5천만원", ["50000000"]),
    ("ko", "5천만원을", ["50000000"]),
    ("ko", "3조원", ["3000000000000"]),
    ("ko", "1만여", ["10000"]),
    ("ko", "5천명", ["5000"]),
    ("ko", "300명", ["300"]),
    ("ko", "3.5배", ["3.5"]),
    ("ko", "3조각", []),  # three pieces, no trillion
    ("ko", "5십만", []),  # a numeral not read as a scale: unread, not 5
    ("ko", "제3조", []),  # Article 3
    ("ko", "A100칩", []),
    ("ko", "2025년 1월 27일", []),  # a date, as 2025年1月27日
    ("en", "5천만원", []),
    ("en", "300명", []),
    # (A scale of a script without spaces, with a word after it: "3兆円", once 3.)
    ("ja", "3兆円", ["3000000000000"]),
    # 5. Korean sections, after a space or not, and the rest after 만.
    ("ko", "3억 5천만 원", ["350000000"]),
    ("ko", "1억2천만", ["120000000"]),
    ("ko", "5만 8천 명", ["58000"]),
    ("ko", "1만2000명", ["12000"]),
    ("ko", "3억 천만 원", ["310000000"]),
    ("ko", "2024년 3만 2천 명", ["32000"]),
    ("ko", "3억 5천", []),  # 350,000,000 in speech: unread, not 300,000,005,000
    ("ko", "3만 5", []),
    ("ko", "삼억오천", []),  # as "3억 5천"
    ("ko", "삼억 오천", []),
    ("ko", "삼만오", []),  # as "3만 5"
    ("ko", "삼만 오 명", []),  # as "3만 5", not 30,000
    ("ko", "삼억 오", []),
    ("ko", "일만이백", ["10200"]),  # Korean writes no zero
    ("ko", "삼억오백만", ["305000000"]),
    ("ko", "1만 2백", ["10200"]),
    ("ko", "5만 천안", []),  # and the city of Cheonan
    ("ko", "5만 이상", ["50000"]),  # over 50,000: a word after the space
    ("ko", "5만 20%", ["50000", "20"]),  # a number of its own
    ("ko", "3만 2024년", ["30000"]),  # a date
    # 6. Korean numbers in Hangul.
    ("ko", "오천만", ["50000000"]),
    ("ko", "삼백 명", ["300"]),
    ("ko", "이천이십오", ["2025"]),
    ("ko", "오천만원을", ["50000000"]),
    ("ko", "오백명", ["500"]),
    ("ko", "십만", ["100000"]),
    ("ko", "천오백", []),  # begun by 천, a word too ("천만에요")
    ("ko", "일억 이천만 원", ["120000000"]),
    ("ko", "이천오백", ["2500"]),
    ("ko", "오만한", []),  # arrogant
    ("ko", "오만과 편견", []),
    ("ko", "이만 줄이겠습니다", []),  # "this much"
    ("ko", "이천시", []),  # the city of Icheon
    ("ko", "사천성", []),  # Sichuan
    ("ko", "구조 작업", []),  # rescue
    ("ko", "구조조정", []),  # restructuring
    ("ko", "삼천리", []),
    ("ko", "삼백이 넘는", []),  # 300 and a particle, or 302
    ("ko", "삼십일 동안", []),  # 30 days, or 31
    ("ko", "이천이십오년", []),  # a year
    ("ko", "이 사람", []),
    ("ko", "오 분", []),
    ("ko", "삼사십", []),  # thirty or forty
    ("ja", "オ千万", []),
    ("en", "오천만", []),
    ("zh", "오천만", []),
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


@pytest.mark.parametrize(("tag", "text", "read"), [
    # Numbers written in Chinese characters, in Chinese and Japanese.
    ("zh", "十二", ["12"]),
    ("zh", "二十", ["20"]),
    ("zh", "三百五十", ["350"]),
    ("zh", "五千", ["5000"]),
    ("zh", "一万二千", ["12000"]),
    ("zh", "三千五百万", ["35000000"]),
    ("zh", "两亿", ["200000000"]),
    ("zh", "一百零五", ["105"]),
    ("zh", "一千零一", ["1001"]),
    ("zh", "一亿零五百万", ["105000000"]),
    ("zh", "十万", ["100000"]),
    ("zh", "三万亿", ["3000000000000"]),  # a myriad of 亿
    ("zh", "三点五亿", ["350000000"]),
    ("zh", "二〇二五", ["2025"]),  # digits one by one, with a zero
    ("zh", "三百五", ["350"]),  # in Chinese, the next unit's: 350
    ("ja", "三百五", ["305"]),  # in Japanese, the ones': 305
    ("zh", "一万二", ["12000"]),  # the short forms: a digit alone, the next place's
    ("ja", "一万二", ["10002"]),
    ("zh", "三亿五", ["350000000"]),
    ("zh", "三千五", ["3500"]),
    ("zh", "一万零二百", ["10200"]),  # a skipped place, with its 零
    ("zh", "三亿零五千", ["300005000"]),
    ("zh", "三亿零五百万", ["305000000"]),
    ("zh", "一千五十", ["1050"]),  # (within a section, as before)
    ("ja", "一万二百", ["10200"]),  # Japanese writes no 零
    ("ja", "三億五千", ["300005000"]),
    ("ja", "三億五百万", ["305000000"]),
    ("zh", "百分之五", ["5"]),
    ("zh", "三十多家", ["30"]),  # "more than 30 firms", as 30多家 is read
    ("zh-Hant", "五千萬", ["50000000"]),
    ("zh-Hant", "兩億", ["200000000"]),
    ("zh-Hant", "三兆", ["3000000000000"]),
    ("ja", "四億五千万", ["450000000"]),
    ("ja", "三兆円", ["3000000000000"]),
    ("ja", "一万円", ["10000"]),
    ("zh", "5千万", ["50000000"]),  # (digits and characters, as before)
    ("zh", "3.5亿", ["350000000"]),
    # Words, not numbers: a character alone, a numeral that begins with no digit.
    ("zh", "一些", []),
    ("zh", "统一", []),
    ("zh", "一样", []),
    ("zh", "三家", []),  # as "three firms" is not read in English
    ("zh", "两岸", []),
    ("zh", "十分", []),
    ("zh", "零售", []),
    ("zh", "万一", []),
    ("zh", "千万不要", []),
    ("zh", "成千上万", []),
    ("ja", "千円", []),
    ("ja", "百貨店", []),
    # Vague or other numbers, unread rather than misread.
    ("zh", "数十万", []),  # several hundred thousand
    ("zh", "几百万", []),
    ("zh", "三十多万", []),  # over 300,000
    ("zh", "十余万", []),
    ("zh", "三四十", []),  # thirty or forty
    ("zh", "一两个", []),  # one or two
    ("zh", "十一二岁", []),
    ("zh", "三三两两", []),
    ("zh", "九一八", []),  # digits one by one without a zero: a name
    ("zh", "十三五", []),
    ("zh", "二十分之一", []),  # a twentieth
    ("zh", "十二点五", []),  # 12.5, or a time
    ("zh", "三千百姓", []),  # 3000 commoners: 百 without its digit
    ("zh", "一百零", []),
    ("zh", "三兆", []),  # a trillion, or a million as in 兆瓦: not in Simplified Chinese
    ("zh", "一万二百", []),  # a skipped place without 零: 10,200, or 12,000 as 一万二 is
    ("zh", "三亿五千", []),  # 300,005,000, or 350,000,000 as 三亿五 is
    ("zh", "五亿三十", []),
    ("zh", "三亿五百万", []),
    ("zh", "三亿五万", []),
    ("zh", "一万十五", []),
    ("zh-Hant", "三億五千", []),
    ("zh", "壹万贰佰", []),
    ("zh", "三万亿五千万", []),  # (a myriad of 亿: the place under it is 千亿)
    # Digits, a myriad and the rest: digits, characters, digits and units.
    ("zh", "5万一千", ["51000"]),
    ("zh", "3亿五千万", ["350000000"]),
    ("zh", "3亿5千万", ["350000000"]),
    ("zh", "1万2千", ["12000"]),
    ("zh", "1万2千5百", ["12500"]),
    ("zh", "5万一千五", ["51500"]),  # in Chinese, the next unit's
    ("ja", "5万一千五", ["51005"]),  # in Japanese, the ones'
    ("ja", "1万2000人", ["12000"]),
    ("ja", "3億5000万円", ["350000000"]),
    ("ja", "3兆5000億円", ["3500000000000"]),
    ("zh", "2万5", []),  # 25,000 in speech, or 20,005: unread, not 20,000
    ("ja", "2万5", []),
    ("zh", "5万一", []),
    ("zh", "5万二百", []),  # as 五万二百
    ("zh", "1万2百", []),
    ("zh", "3亿五百万", []),
    ("zh", "1万200", ["10200"]),  # digits write their places
    ("zh", "3亿500万", ["305000000"]),
    ("ja", "5万二百", ["50200"]),
    ("ja", "3億五百万", ["305000000"]),
    ("zh", "2万5G基站", []),
    ("zh", "3亿5000", []),  # 350,000,000 in speech, or 300,005,000
    ("zh", "1.2万5000", []),
    ("zh", "1万2,000", []),
    ("zh", "5万万", []),
    ("zh", "1万5千克", []),  # 千克, kilograms
    ("zh", "五万2000", []),  # characters and then digits: unread
    ("en", "5万一千", []),  # characters unread in English: the whole number too
    ("en", "5万2000", ["52000"]),
    # Banking numerals, in one kind or not at all.
    ("zh", "壹拾贰万叁仟元整", ["123000"]),
    ("zh", "叁佰伍拾", ["350"]),
    ("zh", "壹佰零伍", ["105"]),
    ("zh", "陆拾万", ["600000"]),
    ("zh-Hant", "貳佰伍拾萬", ["2500000"]),
    ("zh-Hant", "壹億", ["100000000"]),
    ("ja", "壱万円", ["10000"]),
    ("ja", "参拾", ["30"]),
    ("zh", "大陆十万人", ["100000"]),  # mainland: 陆 is a word, not a 6
    ("zh", "大陆万人", []),
    ("zh", "队伍三千人", ["3000"]),  # a team
    ("zh", "收拾一下", []),  # tidy up: not 11
    ("zh", "拾万", []),  # (ten with its one: 壹拾万)
    ("zh", "壹拾二", []),  # banking and ordinary numerals: unread
    ("ja", "参加", []),
    ("en", "壹拾贰万", []),
    ("ja", "八百長", []),  # match fixing
    ("zh", "十万火急", []),
    # Dates, as 2025年1月27日.
    ("zh", "二〇二五年一月二十七日", []),
    ("zh", "十二月三日", []),
    ("ja", "二千二十五年", []),
    # Other languages: unread.
    ("en", "五千", []),
    ("en", "二〇二五", []),
    ("ko", "五千", []),
    ("de", "两亿", []),
])
def test_numbers_in_chinese_characters(tag: str, text: str, read: list[str]) -> None:
    assert values(f"据说{text}了", tag) == [Decimal(v) for v in read]


def test_characters_are_read_in_chinese_and_japanese_alone() -> None:
    """As CLDR's traditional numbering systems give them (Chinese in Latin letters, zh-Latn,
    has none)."""
    read: dict[str, set[str]] = {}
    for ident in localedata.locale_identifiers():
        style = style_of(ident.replace("_", "-"))
        read.setdefault(style.characters, set()).add(ident.split("_")[0])
        assert style.glued is (ident.split("_")[0] == "ko"), ident
    assert (read["zh"], read["ja"]) == ({"zh", "yue"}, {"ja"})
    assert [style_of(tag).characters for tag in ("zh", "zh-Hans", "zh-Hant", "ja", "ko")] \
        == ["zh", "zh", "zh", "ja", ""]


HAN_TEXT = st.text(alphabet="0123456789.,% \u3007零一二两三四五六七八九十百千万亿億兆"
                            "点多几数分之年月日个", max_size=16)


@given(st.sampled_from(["zh", "zh-Hant", "ja", "yue"]), LATIN_TEXT)
def test_characters_change_no_reading_of_digits(tag: str, text: str) -> None:
    style = style_of(tag)
    assert numbers(text, style) == numbers(text, dataclasses.replace(style, characters=""))


@given(st.sampled_from(["zh", "zh-Hant", "ja"]), HAN_TEXT)
def test_characters_are_read_once_each(tag: str, text: str) -> None:
    """No two numbers found overlap: a run of characters is one number or none."""
    found = numbers(text, style_of(tag))
    ends = [at + len(written) for at, written, _ in found]
    assert all(end <= at for end, (at, _, _) in zip(ends, found[1:], strict=False))


@given(st.integers(min_value=11, max_value=10**12 - 1))
def test_a_number_in_characters_reads_back(n: int) -> None:
    """As Chinese writes it (with 零) and as Japanese does, and in banking numerals (which
    are not read where they begin with a word: 伍万, of 队伍万...)."""
    assert values(f"据说{chinese(n)}了", "zh") == [n]
    assert values(f"据说{chinese(n, japanese=True)}了", "ja") == [n]
    written = banking(n)
    word = written[0] in "伍陆" and written[1:2] not in ("拾", "佰", "仟")
    assert values(f"据说{written}了", "zh") == ([] if word else [n])


@given(st.integers(min_value=11, max_value=10**16 - 1), st.booleans())
def test_a_number_in_hangul_reads_back_or_not_at_all(n: int, spaced: bool) -> None:
    """Read unless begun by a hundred, a thousand or a myriad, which are words too (천, 만),
    ended by 이 or 일 after a scale (a particle, or days), or a word of two syllables; or
    ended by a digit alone after a myriad (삼만오, "3만 5") or a section without a myriad
    after 억 or 조 (삼억오천, "3억 5천"), which speech may mean otherwise."""
    written = korean(n, spaced)
    last, rest = n % 10**4, n // 10**4
    unread = written[0] in "백천만억조" \
        or (written[-1] in "이일" and written[-2] in "십백천만억조") \
        or (last and rest and (last < 10 or (n >= 10**8 and rest % 10**4 == 0))) \
        or written.split()[0] in hannumbers._HANGUL_WORDS \
        or not any(c in written for c in "십백천만억조")
    assert values(f"모두 {written} 명이다", "ko") == ([] if unread else [n])


_POWERS = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}


@given(st.integers(min_value=11, max_value=10**12 - 1))
def test_a_number_without_its_zeros_reads_as_written_or_not_at_all(n: int) -> None:
    """Chinese marks a skipped place with 零 (一万零二百); Japanese marks none (一万二百, as
    Japanese writes 10,200). Without its 零, a number reads back in Japanese, and in
    Chinese reads as nothing where the 零 followed a myriad (一万二百: 10,200, or 12,000 as
    一万二 is; 三亿五千: 300,005,000, or 350,000,000), but as the short form where a digit
    alone ends it (一万二 is 12,000, 一百五 150), and as written elsewhere (一千五十, 1050)."""
    written = chinese(n)
    dropped = written.replace("零", "")
    assert dropped == chinese(n, japanese=True)
    assert values(f"据说{dropped}了", "ja") == [n]
    read = values(f"据说{dropped}了", "zh")
    if re.search("[万亿]零(?![一二三四五六七八九]$)", written):
        assert read == [], written
    elif re.search("零[一二三四五六七八九]$", written):
        digit = n % 10
        assert read == [n - digit + digit * 10**(_POWERS[dropped[-2]] - 1)], written
    else:
        assert read == [n], written


MIXED = st.lists(st.sampled_from(["digits", "characters", "units"]), min_size=3, max_size=3)


@given(st.integers(min_value=10**4, max_value=10**12 - 1), MIXED, st.sampled_from(["zh", "ja"]))
def test_a_number_begun_in_digits_is_never_misread(n: int, styles: list[str], tag: str) -> None:
    """Digits, a myriad, and each section after it in digits, characters or digits and
    units ("3亿5000万", "3亿五千万", "3亿5千万"): read as `n`, or not at all; and as `n`
    where each section has its myriad, or the last its own digits under 万 ("1万2000"),
    and none in digits and units ends in a digit ("7千3百1")."""
    sections = [n // 10**power % 10**4 for power in (8, 4, 0)]
    myriads = ["亿", "万", ""]
    first = next(at for at, section in enumerate(sections) if section)
    written = f"{sections[first]}{myriads[first]}"
    for section, myriad, style in zip(sections[first + 1:], myriads[first + 1:],
                                      styles, strict=False):
        if section:
            written += _section_as(section, style, tag) + myriad
    read = values(f"据说{written}了", tag)
    assert read in ([n], []), written
    ones = sections[2] and first < 2
    after = list(zip(sections[first + 1:], styles, strict=False))
    digit_last = any(style == "units" and section % 10  # ("7千3百1": unread)
                     for section, style in after)
    # (In Chinese, a section in characters or units that skips the place under its myriad
    # without a 零, "3亿五百万", "1万二百", as 三亿五百万 and 一万二百: unread.)
    skipped = tag == "zh" and any(0 < section < 1000 and style != "digits"
                                  for section, style in after)
    if not digit_last and not skipped and (
            not ones or (sections[1] and sections[2] >= 10 and styles[1 - first] == "digits")):
        assert read == [n], written


def _section_as(section: int, style: str, tag: str) -> str:
    if style == "digits":
        return str(section)
    if style == "characters":
        return chinese(section, japanese=tag == "ja") if section >= 10 \
            else "一二三四五六七八九"[section - 1]
    return "".join(f"{section // 10**power % 10}{unit}" for power, unit
                   in ((3, "千"), (2, "百"), (1, "十"), (0, "")) if section // 10**power % 10)


def test_the_hangul_words_are_numbers_of_two_syllables() -> None:
    """The words left unread are numbers as Korean spells them (the first run of one)."""
    assert all(len(word) == 2 and word[1] in "십백천만억조" for word in hannumbers._HANGUL_WORDS)
