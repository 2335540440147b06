"""Source text: strict decoding, and the normalisation quotes are matched under.

The raw bytes are never changed on disk; everything here works on a decoded copy.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from .chars import INVISIBLE_CLASS, char_name, is_invisible, is_unspaced
from .diagnostics import Diagnostic, Pos, error, warning
from .positions import Lines

# Characters that change how text reads without being visible: bidirectional controls
# can make a quote display differently from what it says ("Trojan Source").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_ALLOWED_CONTROLS = frozenset("\n\t")
# Every character of category Cc except the allowed ones, and the bidirectional controls.
_SUSPECT = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in (*range(0x20), *range(0x7F, 0xA0))
                  if chr(c) not in _ALLOWED_CONTROLS)
    + "".join(sorted(_BIDI_CONTROLS)) + "]")


# What Windows tools call "Unicode" (Notepad, PowerShell 5's `Out-File`): UTF-16 with a
# byte-order mark, little- or big-endian.
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF16_HINT = ("re-save the file as UTF-8 (for example `iconv -f UTF-16 -t UTF-8`, or "
              "Encoding: UTF-8 in the editor's Save As)")


def bidi_in_name(rel: str, path: str) -> tuple[Diagnostic, ...]:
    """A warning, at `path`, for a bidirectional control in a hand-written page's file or
    folder name (`rel`, in the content folder): the name is the page's title, in the
    navigation, where the page gives none."""
    found = sorted({char for char in rel if char in _BIDI_CONTROLS})
    if not found:
        return ()
    return (warning(Pos(path), "text-bidi-control",
                    f"invisible bidirectional control character {char_name(found[0])} in "
                    "the file's name",
                    "it can show the name, the page's title where it gives none, in a "
                    "different order than it is written: rename the file or folder"),)


def decode_source(data: bytes, path: str) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """Strict UTF-8 with BOM, CRLF and lone CR normalised; NUL and controls rejected."""
    if data.startswith(UTF16_BOMS):
        return None, (error(Pos(path, 1, 1), "text-not-utf8",
                            "the file is UTF-16 text (it starts with a UTF-16 byte-order "
                            "mark), not UTF-8", UTF16_HINT),)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Counted as YAML counts lines (CR, NEL, U+2028… end a line), like every position.
        before = data[: exc.start].decode("utf-8", errors="replace").removeprefix("\ufeff")
        byte = data[exc.start]
        return None, (
            error(Lines.of(before).pos(path, len(before)), "text-not-utf8",
                  f"the file is not valid UTF-8: byte 0x{byte:02x} cannot start or continue "
                  "a character here",
                  "re-save the file as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8`)"),
        )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    problems: list[Diagnostic] = []
    lines: Lines | None = None
    # One regex pass finds the rare bad characters; positions are computed only for those.
    for match in _SUSPECT.finditer(text):
        index, char = match.start(), match.group()
        lines = lines or Lines.of(text)
        where = lines.pos(path, index)
        if char in _BIDI_CONTROLS:
            problems.append(
                warning(where, "text-bidi-control",
                        f"invisible bidirectional control character {char_name(char)}",
                        "it can make text display in a different order than it is stored; "
                        "remove it unless the article truly needs it")
            )
        else:
            problems.append(
                error(where, "text-control-char",
                      f"control character {char_name(char)} in the text",
                      "remove it; source text must be printable")
            )
    if any(p.code == "text-control-char" for p in problems):
        return None, tuple(problems)
    return text, tuple(problems)


def readable(data: bytes) -> str:
    """What a file that failed to decode says, as well as it can be read: enough to find
    the ids it declares (`broken.py`)."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")


_FOLD = MappingProxyType({
    # quotation marks
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    # hyphens and dashes
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
})
FOLDED = tuple(sorted(_FOLD.items()))  # for the quote picker, which folds as we do
# Invisible characters (zero-width, format, variation selectors…) are deleted, so two
# passages that differ only by one read the same, as they do on screen.


@dataclass(frozen=True)
class Normalised:
    """Normalised text, and how to map its offsets back to the text it came from."""

    text: str
    # For each character of `text`, the offset it came from; None when `text` is
    # `original` with only its white space folded, and offsets are counted from its words.
    origin: tuple[int, ...] | None
    original: str

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        stop = self._offset(end - 1) + 1
        if self.origin is not None:
            # Marks composed into the last character ("e" and U+0301 read as "é") end
            # with it, so a highlight never stops before an accent.
            while stop < len(self.original) and _composes(self.original[stop]):
                stop += 1
        return self._offset(start), stop

    def _offset(self, index: int) -> int:
        if self.origin is not None:
            return self.origin[index]
        starts, positions = self._words
        word = bisect.bisect_right(positions, index) - 1
        if word < 0:
            raise IndexError(index)
        return starts[word] + index - positions[word]  # one past a word: the space after it

    @functools.cached_property
    def _words(self) -> tuple[list[int], list[int]]:
        """Where each word starts in `original`, and where it starts in `text`."""
        starts, positions, at = [], [], 0
        for word in _WORD.finditer(self.original):
            starts.append(word.start())
            positions.append(at)
            at += word.end() - word.start() + 1
        return starts, positions


_WORD = re.compile(r"\S+")
# The fold table's one-for-one replacements keep every offset, so they can be applied with
# str.replace; text that is then in NFKC only needs its white space folded, which str.split
# does. Only the rare invisible characters (deleted, so offsets shift) take the slow path.
_ONE_FOR_ONE = re.compile("[" + "".join(sorted(_FOLD)) + "]")
_DELETED = re.compile(INVISIBLE_CLASS)
# Printable ASCII passes unchanged and white space folds to one space, so both are taken
# a run at a time; only the other characters go through NFKC one by one.
_TOKENS = re.compile(r"([\x21-\x7e]+)|(\s+)|(.)", re.DOTALL)


def normalise(text: str) -> Normalised:
    if not _DELETED.search(text):
        folded = text
        for char in set(_ONE_FOR_ONE.findall(text)):
            folded = folded.replace(char, _FOLD[char])
        if unicodedata.is_normalized("NFKC", folded):
            return Normalised(" ".join(folded.split()), None, folded)
    out: list[str] = []  # pieces; the last character of the last one may take a combining mark
    origin: list[int] = []
    in_space = True  # also trims leading white space
    for match in _TOKENS.finditer(text):
        start = match.start()
        if match.lastindex == 1:
            out.append(match.group())
            origin.extend(range(start, match.end()))
            in_space = False
            continue
        if match.lastindex == 2:
            if not in_space:
                out.append(" ")
                origin.append(start)
                in_space = True
            continue
        for piece in _fold_char(match.group()):
            if piece.isspace():
                if not in_space:
                    out.append(" ")
                    origin.append(start)
                    in_space = True
                continue
            if out and not unicodedata.is_normalized("NFC", out[-1][-1] + piece):
                # Compose with the previous character, as whole-string NFKC would: an
                # accent, or a Hangul vowel or final consonant (which are no combining
                # marks) typed apart from the syllable they make.
                composed = unicodedata.normalize("NFC", out[-1][-1] + piece)
                if len(composed) == 1:
                    out[-1] = out[-1][:-1] + composed
                    continue
            out.append(piece)
            origin.append(start)
            in_space = False
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return Normalised("".join(out), tuple(origin), text)


def _composes(char: str) -> bool:
    """A character NFC may fold into the one before it: a combining mark, or a Hangul
    vowel or final consonant."""
    return unicodedata.category(char)[0] == "M" or "\u1160" <= char <= "\u11ff"


def _fold_char(char: str) -> str:
    """Fold, NFKC, fold again: a compatibility form such as U+FE32 (a vertical en dash)
    becomes an en dash only under NFKC, and must then fold like one."""
    if is_invisible(char):
        return ""
    mapped = _FOLD.get(char)
    if mapped is not None or char.isascii():
        return char if mapped is None else mapped
    return "".join(_FOLD.get(piece, piece) for piece in unicodedata.normalize("NFKC", char)
                   if not is_invisible(piece))


def normalise_text(text: str) -> str:
    return normalise(text).text


def is_blank(text: str) -> bool:
    """An article with no words at all (empty, or white space only): the load reports it
    once (`source-text-empty`), and the checks of what it should hold keep quiet."""
    return not text.strip()


def fold_spaces(text: str) -> str:
    """Line comparison for cleaning rules: white space (NBSP included) folded, trimmed."""
    return " ".join(text.split())


def _runs_on(text: str, at: int) -> bool:
    """Whether a hint may be widened across `at`: not in Chinese or Japanese, which run on
    without spaces, so that widening would take in the whole paragraph."""
    return not (is_unspaced(text[at - 1]) or is_unspaced(text[at]))


class Passage(NamedTuple):
    """A passage of one of several texts: its words, how like the quote they read (0 to
    1), which text it is of and where it starts there."""

    text: str
    ratio: float
    block: int
    start: int


def closest_passage(needle: str, haystacks: list[str]) -> Passage | None:
    """The passage most like `needle`, for a "did you mean" hint; never used to match. It
    starts where the longest run in common puts the quote's first word, and ends at the
    word boundary that reads most like the quote: a quote that leaves words out ("would
    cost $40,000 a year" of "would cost the town $40,000 a year") is shown the passage
    whole, not cut to its own length."""
    best: Passage | None = None
    for block, hay in enumerate(haystacks):
        matcher = difflib.SequenceMatcher(None, needle, hay, autojunk=False)
        match = matcher.find_longest_match(0, len(needle), 0, len(hay))
        if match.size == 0:
            continue
        start = max(0, match.b - match.a)
        # Widen to whole words so the suggestion reads naturally.
        while start > 0 and not hay[start - 1].isspace() and _runs_on(hay, start):
            start -= 1
        for end in _passage_ends(hay, start, len(needle)):
            candidate = hay[start:end].strip()
            ratio = difflib.SequenceMatcher(None, needle, candidate, autojunk=False).ratio()
            if best is None or ratio > best.ratio:
                lead = len(hay[start:end]) - len(hay[start:end].lstrip())
                best = Passage(candidate, ratio, block, start + lead)
    return best


def closest_beside(like: str, hay: str, at: int, *, before: bool) -> tuple[str, float]:
    """The words of `hay` just before offset `at` (or from it on), of about the length of
    `like` and most like it: what the article has where a quote's `prefix` (or `suffix`)
    should be. Read backwards for a prefix, so its passage ends at the quote."""
    reach = 2 * len(like) + 16  # (more than a passage reads)
    side = hay[max(0, at - reach):at].rstrip()[::-1] if before else hay[at:at + reach].lstrip()
    best = ("", 0.0)
    for end in _passage_ends(side, 0, len(like)):
        candidate = side[:end].strip()[::-1] if before else side[:end].strip()
        ratio = difflib.SequenceMatcher(None, like, candidate, autojunk=False).ratio()
        if ratio > best[1] or not best[0]:
            best = (candidate, ratio)
    return best


def _passage_ends(hay: str, start: int, length: int) -> list[int]:
    """Where a passage of about `length` characters from `start` may end: the end of the
    word at `length`, and a few word ends between half and half again as far."""
    end = min(len(hay), start + length)
    while end < len(hay) and not hay[end].isspace() and _runs_on(hay, end):
        end += 1
    lowest, highest = start + length // 2, min(len(hay), start + length * 3 // 2)
    ends = [at for at in range(lowest, highest) if hay[at].isspace()]
    if highest == len(hay):
        ends.append(highest)
    step = max(1, len(ends) // 12)  # (a hint's budget: a dozen lengths at most)
    return [end, *ends[::step]]
