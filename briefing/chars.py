"""Characters that look like others: naming them, so a message never shows two strings
that read the same."""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType


def char_name(char: str) -> str:
    """`U+0430 CYRILLIC SMALL LETTER A`; controls, which have no name, by code point."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


# Characters that show as nothing: the format characters (category Cf) but those that
# print a sign (Arabic number signs, U+0600 to U+0605, U+06DD, U+0890, U+0891, U+08E2,
# U+070F, U+110BD, U+110CD, U+13430 to U+1343F), and others drawn blank or merged into their
# neighbour (combining grapheme joiner, Hangul fillers, variation selectors, tags).
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF9, 0xFFFB), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
INVISIBLE_CLASS = "[" + "".join(
    f"\\U{low:08x}" + (f"-\\U{high:08x}" if high != low else "")
    for low, high in _INVISIBLE_RANGES) + "]"
_INVISIBLE = re.compile(INVISIBLE_CLASS)
INVISIBLE_RANGES = _INVISIBLE_RANGES  # for the quote picker, which deletes them as we do


def is_invisible(char: str) -> bool:
    return _INVISIBLE.match(char) is not None


def visible(text: str) -> str:
    """`text` without its invisible characters, as the build reads source texts."""
    return _INVISIBLE.sub("", text)


# A character that shows, for JSON Schema patterns (ECMA-262 and Python both read `\uXXXX`;
# ranges beyond U+FFFF cannot be written for both, so those invisibles pass the editor's
# check and only the build refuses a text of nothing else).
SHOWN_CLASS = "[^\\s" + "".join(
    f"\\u{low:04x}" + (f"-\\u{high:04x}" if high != low else "")
    for low, high in _INVISIBLE_RANGES if high <= 0xFFFF) + "]"


# Letters drawn like ASCII ones (Cyrillic and Greek), for suggesting the id that was meant.
_LOOKALIKES = MappingProxyType(str.maketrans(
    "аеорсухіјѕԁһӏԛԝАВЕКМНОРСТХІЈЅοανικτΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdhlqwABEKMHOPCTXIJSoavikTABEZHIKMNOPTYX"))


def to_ascii_lookalike(text: str) -> str:
    return text.translate(_LOOKALIKES)


def unusual_note(text: str, limit: int = 3) -> str:
    """`: it contains U+0430 CYRILLIC SMALL LETTER A` for text meant to be plain ASCII
    (an id, a key) that is not, so a message never shows two strings that read the same;
    empty when the text is printable ASCII."""
    found = list(dict.fromkeys(c for c in text if not ("!" <= c <= "~" or c == " ")))
    if not found:
        return ""
    named = ", ".join(char_name(c) for c in found[:limit])
    more = f" and {len(found) - limit} more" if len(found) > limit else ""
    return f": it contains {named}{more}"


# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, Han (with its
# radicals and iteration marks), kana. A word there has no visible edge, so a name or a
# quoted passage may begin or end at any of their characters. Hangul is written with spaces.
_UNSPACED_RANGES = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x2FDF),
    (0x3005, 0x3007), (0x3021, 0x3029), (0x3031, 0x3035), (0x3038, 0x303C),
    (0x3040, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF), (0xFF66, 0xFF9F), (0x20000, 0x3FFFF),
)


def _class_body(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\U{low:08x}" + (f"-\\U{high:08x}" if high != low else "")
                   for low, high in ranges)


def _category_ranges(categories: tuple[str, ...], low: int, high: int
                     ) -> tuple[tuple[int, int], ...]:
    """The characters from `low` to below `high` whose Unicode category starts with one of
    `categories`, as ranges."""
    ranges: list[tuple[int, int]] = []
    for code in range(low, high):
        if unicodedata.category(chr(code)).startswith(categories):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return tuple(ranges)


UNSPACED_CLASS = "[" + _class_body(_UNSPACED_RANGES) + "]"
# Han and kana alone (the ranges after Thai, Myanmar and Khmer): Chinese and Japanese,
# where a character carries about as much as a short word of a spaced script.
HAN_KANA_CLASS = "[" + _class_body(_UNSPACED_RANGES[3:]) + "]"
# The combining marks (categories Mn, Mc, Me) below U+10000: a vowel sign of Devanagari or
# a decomposed accent continues the word before it, though Python's `\\w` does not match it.
MARK_CLASS = "[" + _class_body(_category_ranges(("M",), 0x300, 0x10000)) + "]"
# A capital letter of any script (categories Lu and Lt: "Ø", "Š", "Ł", "ǅ"), for the rules
# that take a capitalised word for a name; `re` has no `\\p{Lu}`. None lies above U+1FFFF.
CAPITAL_CLASS = "[" + _class_body(_category_ranges(("Lu", "Lt"), 0x41, 0x20000)) + "]"


def is_capital(char: str) -> bool:
    """Whether `char` is a capital letter, as `CAPITAL_CLASS` reads it."""
    return unicodedata.category(char) in ("Lu", "Lt")


# A character that carries on a word of a spaced script: a letter, digit or mark, but not
# one of an unspaced script, next to which any character may begin a new word.
JOINING = rf"(?:[^\W{_class_body(_UNSPACED_RANGES)}]|{MARK_CLASS})"
# Word edges for a pattern, as `joins` reads them. A name or passage starts a word unless
# the character before it joins its first (put right after that first character, so the
# pattern still starts with a literal), and ends one unless the next character is a mark
# or joins its last: "DeepSeek" ends before "'s" and before "模型", not in "DeepSeeker".
AFTER_WORD_START = rf"(?<!{JOINING}[^{_class_body(_UNSPACED_RANGES)}])"
WORD_END = rf"(?!{MARK_CLASS}|(?<!{UNSPACED_CLASS}){JOINING})"
_UNSPACED = re.compile(UNSPACED_CLASS)
_JOINED = re.compile(rf"{JOINING}{JOINING}|.{MARK_CLASS}", re.DOTALL)


def joins(before: str, after: str) -> bool:
    """Whether two adjacent characters are inside one word, so that no word begins
    between them: "leading" is no word of "misleading", but "可能" is one of "这个数字可能"."""
    return _JOINED.fullmatch(before + after) is not None


def is_unspaced(char: str) -> bool:
    return _UNSPACED.match(char) is not None
