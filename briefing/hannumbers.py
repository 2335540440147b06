"""Numbers written in Chinese characters, in Chinese and Japanese texts (`numbers.numbers`):
五千 is 5000, 三百五十 350, 一万二千 12000, 两亿 200,000,000, 一百零五 105, 三点五亿 350,000,000,
and the digits of 二〇二五 2025.

A number is left unread, never misread. A numeral is also a word, and the words are read
as English ones are (not at all, `numbers.spelled_numbers` aside): a character alone is no
number (一些 "some", 统一 "unify", 十分 "very", 两岸 "both shores", 三家 "three firms"); nor
is one that does not begin with a digit or a ten (千万 "by all means", 万一 "in case",
百万 of 数百万 "several million"); nor one after "several" (数十万) or before "more" or
"about" and a bigger unit (三十多万 is over 300,000, no 30), nor a range (三四十 "thirty or
forty", 一两 "one or two"), nor digits one by one without a zero (九一八, 三三两两), nor a
fraction's denominator (二十分之一)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

DIGITS = MappingProxyType({"\u3007": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3,
                           "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_ZEROS = "〇零"
_UNITS = MappingProxyType({"十": 1, "百": 2, "千": 3})
# Before a number: "several" (数十万, 几百). After it, "more", "some" or "about" and then a
# bigger unit: 三十多万, 十余万, 十几万.
_SEVERAL = "数數几幾"
_ABOUT = "几幾余餘多来來"
# Words a numeral begins that are no number: a greengrocer, match fixing, one's speciality,
# "most urgent".
_WORDS = ("八百屋", "八百長", "十八番", "十万火急")


def pattern(myriads: Mapping[str, int]) -> re.Pattern[str]:
    """A run of numeral characters, its decimals ("三点五亿": only before a myriad, as 三点五
    may be a time) and the myriad after them; `myriads`: the language's (万, 亿, 兆...)."""
    chars = "".join(DIGITS) + "".join(_UNITS) + "".join(myriads)
    scale = "|".join(sorted(map(re.escape, myriads), key=len, reverse=True))
    return re.compile(
        rf"(?<![{chars}{_SEVERAL}\d.,点點])(?P<run>[{chars}]+)"
        rf"(?:[点點](?P<frac>[〇零一二三四五六七八九]+)(?P<scale>{scale}))?"
        rf"(?![{chars}\d]|[{_ABOUT}][{chars}]|分之|[点點][{chars}])")


def value(match: re.Match[str], myriads: Mapping[str, int], chinese: bool) -> Decimal | None:
    """The number a match of `pattern` writes, or None where it is left unread."""
    run, fraction = match.group("run"), match.group("frac")
    text = match.string
    if any(text.startswith(word, match.start()) for word in _WORDS):
        return None
    if fraction is not None:
        whole = 0 if run in _ZEROS else _positional(run, myriads, chinese)
        if whole is None or any(char in myriads for char in run):
            return None
        digits = "".join(str(DIGITS[char]) for char in fraction)
        return Decimal(f"{whole}.{digits}").scaleb(myriads[match.group("scale")]).normalize()
    if len(run) == 1:  # a word; a percentage's (百分之五) alone is read
        percent = text[max(0, match.start() - 3):match.start()] in ("百分之", "百分點")
        return Decimal(DIGITS[run]) if percent and run in DIGITS and run not in _ZEROS \
            else None
    if len(run) >= 3 and any(c in _ZEROS for c in run) \
            and all(c in DIGITS and c not in "两兩" for c in run):
        return Decimal(int("".join(str(DIGITS[c]) for c in run)))  # 二〇二五: 2025
    if (run[0] not in DIGITS and run[0] != "十") or run[0] in _ZEROS:
        return None
    read = _positional(run, myriads, chinese)
    return None if read is None else Decimal(read)


def _positional(run: str, myriads: Mapping[str, int], chinese: bool) -> int | None:
    """The number a run of digits, units and myriads writes, or None where it writes none:
    units each smaller than the one before within a myriad (三百五十), a myriad smaller than
    the one before, or a bigger one multiplying them (三万亿, 3 times 10^12). A digit
    after a unit without a zero before it is, in Chinese, the next unit's (三百五 350,
    一万二 12000); in Japanese, the ones' (三百五 305)."""
    total = section = 0
    digit: int | None = None
    unit, last, zero, before = 4, 99, False, 0
    for at, char in enumerate(run):
        if char in _ZEROS:
            if at == 0 or digit is not None or zero:
                return None
            zero = True
            continue
        if char in DIGITS:
            if digit is not None:
                return None  # a range (三四十) or digits one by one
            digit = DIGITS[char]
            continue
        power = _UNITS.get(char)
        if power is not None:
            if power >= unit or (digit is None and power != 1):
                return None  # 十 alone is ten (十二); 百 and 千 have their digit
            section, unit, digit, zero, before = section + (digit or 1) * 10**power, power, \
                None, False, power
            continue
        power = myriads[char]
        section += digit or 0
        if section == 0:
            if at == 0 or run[at - 1] not in myriads or power <= last or zero:
                return None
            total, last = total * 10**power, last + power  # 三万亿
            continue
        if power >= last:
            return None
        total, last, section, unit, digit, zero, before = total + section * 10**power, \
            power, 0, 4, None, False, power
    if zero and digit is None:
        return None
    if digit is not None:
        section += digit * 10**(before - 1) if chinese and not zero and before > 1 else digit
    return total + section
