"""Source text: strict decoding, and the normalisation quotes are matched under.

The raw bytes are never changed on disk; everything here works on a decoded copy.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from .diagnostics import Diagnostic, Pos, error, warning

# Characters that change how text reads without being visible: bidirectional controls
# can make a quote display differently from what it says ("Trojan Source").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_ALLOWED_CONTROLS = frozenset("\n\t")


def decode_source(data: bytes, path: str) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """Strict UTF-8 with BOM, CRLF and lone CR normalised; NUL and controls rejected."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        byte = data[exc.start]
        return None, (
            error(Pos(path, line, col), "text-not-utf8",
                  f"the file is not valid UTF-8: byte 0x{byte:02x} cannot start or continue "
                  "a character here",
                  "re-save the file as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8`)"),
        )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    problems: list[Diagnostic] = []
    line, col = 1, 0
    for char in text:
        col += 1
        if char == "\n":
            line, col = line + 1, 0
            continue
        if char in _BIDI_CONTROLS:
            problems.append(
                warning(Pos(path, line, col), "text-bidi-control",
                        f"invisible bidirectional control character U+{ord(char):04X}",
                        "it can make text display in a different order than it is stored; "
                        "remove it unless the article truly needs it")
            )
        elif unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS:
            problems.append(
                error(Pos(path, line, col), "text-control-char",
                      f"control character U+{ord(char):04X} in the text",
                      "remove it; source text must be printable")
            )
    if any(p.code == "text-control-char" for p in problems):
        return None, tuple(problems)
    return text, tuple(problems)


_FOLD = {
    # quotation marks
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    # hyphens and dashes
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
    # invisible characters
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
}


@dataclass(frozen=True)
class Normalised:
    """Normalised text with, for each of its characters, the offset it came from."""

    text: str
    origin: tuple[int, ...]

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> Normalised:
    out: list[str] = []
    origin: list[int] = []
    in_space = True  # also trims leading white space
    for index, char in enumerate(text):
        mapped = _FOLD.get(char)
        if mapped is None:
            mapped = char if char.isascii() else unicodedata.normalize("NFKC", char)
        for piece in mapped:
            if piece.isspace():
                if not in_space:
                    out.append(" ")
                    origin.append(index)
                    in_space = True
                continue
            if out and unicodedata.combining(piece):
                # Compose with the previous character, as whole-string NFKC would.
                composed = unicodedata.normalize("NFC", out[-1] + piece)
                if len(composed) == 1:
                    out[-1] = composed
                    continue
            out.append(piece)
            origin.append(index)
            in_space = False
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return Normalised("".join(out), tuple(origin))


def normalise_text(text: str) -> str:
    return normalise(text).text


def fold_spaces(text: str) -> str:
    """Line comparison for cleaning rules: white space (NBSP included) folded, trimmed."""
    return " ".join(text.split())


def closest_passage(needle: str, haystacks: list[str]) -> tuple[str, float] | None:
    """The passage most like `needle`, for a "did you mean" hint; never used to match."""
    best: tuple[str, float] | None = None
    for hay in haystacks:
        matcher = difflib.SequenceMatcher(None, needle, hay, autojunk=False)
        match = matcher.find_longest_match(0, len(needle), 0, len(hay))
        if match.size == 0:
            continue
        start = max(0, match.b - match.a)
        end = min(len(hay), start + len(needle))
        # Widen to word boundaries so the suggestion reads naturally.
        while start > 0 and not hay[start - 1].isspace():
            start -= 1
        while end < len(hay) and not hay[end].isspace():
            end += 1
        candidate = hay[start:end].strip()
        ratio = difflib.SequenceMatcher(None, needle, candidate, autojunk=False).ratio()
        if best is None or ratio > best[1]:
            best = (candidate, ratio)
    return best
