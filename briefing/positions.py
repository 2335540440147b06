"""Line and column numbers, counted the way YAML counts them.

PyYAML (both its own reader and libyaml) ends a line at LF, CR, CRLF, NEL (U+0085),
LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), and counts columns in code
points. Every position the build reports is computed here from a character offset with
that one model, so a position found by our own scanning agrees with the one a YAML mark
gives, whichever of the two parsers is in use (the pure-Python reader does not count a
BOM as a column; libyaml does, and so does this model, as editors do).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .diagnostics import Pos

LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
# The breaks YAML counts that most editors draw as part of a line.
UNUSUAL_BREAKS = frozenset("\x85\u2028\u2029")


@dataclass(frozen=True)
class Lines:
    """Where each line of a text starts, to turn offsets into `line:col`."""

    starts: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, text: str) -> Lines:
        return cls((0, *(m.end() for m in LINE_BREAK.finditer(text))), len(text))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of the character at `offset` (or just past the end)."""
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def pos(self, path: str, offset: int) -> Pos:
        line, col = self.line_col(offset)
        return Pos(path, line, col)


def split_lines(text: str) -> list[str]:
    """The lines of `text` as YAML sees them, without their breaks."""
    if "\r" in text or any(char in text for char in UNUSUAL_BREAKS):
        return LINE_BREAK.split(text)
    return text.split("\n")  # the usual case, several times faster

