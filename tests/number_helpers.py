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
