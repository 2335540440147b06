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
