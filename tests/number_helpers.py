"""Numbers as CLDR writes them in each locale, for the tests that read them back."""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal

# The zero of each numbering system CLDR gives a language as its own, but Chinese's
# (hanidec: 〇一二, letters rather than digits), from CLDR's numberingSystems.xml, which
# Babel does not ship: to write a number in a language's own digits.
ZEROS = {"adlm": 0x1E950, "arab": 0x660, "arabext": 0x6F0, "beng": 0x9E6, "cakm": 0x11136,
         "deva": 0x966, "gujr": 0xAE6, "guru": 0xA66, "hmnp": 0x1E140, "khmr": 0x17E0,
         "knda": 0xCE6, "laoo": 0xED0, "mlym": 0xD66, "mong": 0x1810, "mtei": 0xABF0,
         "mymr": 0x1040, "nkoo": 0x7C0, "olck": 0x1C50, "orya": 0xB66, "tamldec": 0xBE6,
         "telu": 0xC66, "thai": 0xE50, "tibt": 0xF20, "vaii": 0xA620}


def own_system(locale: Locale) -> str | None:
    """The numbering system of the locale's own digits (its default one, else its native
    one) where those are not Latin, and are digits (Chinese's are letters); else None."""
    system = locale.default_numbering_system
    if system == "latn":
        system = locale.other_numbering_systems.get("native", "latn")
    return None if system in ("latn", "hanidec") else system


def in_digits(written: str, system: str) -> str:
    """`written` with its Latin digits those of `system`."""
    return "".join(chr(ZEROS[system] + int(c)) if c in "0123456789" else c for c in written)


def cldr_writes(locale: Locale, value: Decimal) -> list[str]:
    """`value` as CLDR writes it in `locale`: in Latin digits, and in the locale's own
    digits (its default numbering system, else its native one) where those are others."""
    written = [format_decimal(value, locale=locale, decimal_quantization=False)]
    system = own_system(locale)
    if system is not None:
        assert system in ZEROS, f"{locale}: the zero of {system} is not known here"
        written.append(in_digits(format_decimal(value, locale=locale, numbering_system=system,
                                                decimal_quantization=False), system))
    return written


_HAN = "零一二三四五六七八九"


def chinese(n: int, japanese: bool = False) -> str:
    """`n` (below 10^16) in Chinese characters, as Chinese writes it (一百零五: a 零 where
    zeros come between digits; 十二, ten alone at the start) or as Japanese does (百五... with
    its one: 一百五, no 零)."""
    written, gap = "", False
    for power, myriad in ((12, "兆"), (8, "亿"), (4, "万"), (0, "")):
        section = n // 10**power % 10**4
        if section == 0:
            gap = gap or bool(written)
            continue
        part, gap = _section(section, japanese, leading=not written, gap=gap)
        written += part + myriad
    return written


def _section(section: int, japanese: bool, leading: bool, gap: bool) -> tuple[str, bool]:
    written = ""
    for power, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
        digit = section // 10**power % 10
        if digit == 0:
            gap = gap or bool(written) or not leading
            continue
        if gap and not japanese and (written or not leading):
            written += "零"
        gap = False
        one = power == 1 and digit == 1 and leading and not written
        written += ("" if one else _HAN[digit]) + unit
    return written, False


_BANKING = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def banking(n: int) -> str:
    """`n` (below 10^12) in Chinese banking numerals, ten with its one (壹拾贰, 12)."""
    written = chinese(n)
    return ("一" + written if written.startswith("十") else written).translate(_BANKING)


_HANGUL_DIGITS = "영일이삼사오육칠팔구"


def korean(n: int, spaced: bool = False) -> str:
    """`n` (below 10^16) in Hangul, as Korean writes it: no 일 before 십, 백, 천 (천오백,
    1500) nor before a leading 만, no word for zero; a space after each myriad where
    `spaced` (삼억 오천만)."""
    parts = []
    for power, myriad in ((12, "조"), (8, "억"), (4, "만"), (0, "")):
        section = n // 10**power % 10**4
        if section == 0:
            continue
        written = ""
        for unit_power, unit in ((3, "천"), (2, "백"), (1, "십"), (0, "")):
            digit = section // 10**unit_power % 10
            if digit:
                written += ("" if digit == 1 and unit else _HANGUL_DIGITS[digit]) + unit
        if written == "" or (section == 1 and myriad == "만" and not parts):
            written = "" if myriad == "만" else "일"
        parts.append(written + myriad)
    return (" " if spaced else "").join(parts)
