"""Characters that look like others: naming them, so a message never shows two strings
that read the same."""

from __future__ import annotations

import unicodedata


def char_name(char: str) -> str:
    """`U+0430 CYRILLIC SMALL LETTER A`; controls, which have no name, by code point."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"
