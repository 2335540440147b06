"""Finding `[[kind:id|label]]` references in curator's text, each with its own offset.

The scanner pairs `[[` with `]]` in one left-to-right pass (linear in the text). A `[[`
inside an open reference, a `]]` with no `[[` and a `[[` never closed are reported at
their own offset, once each. Offsets are in the YAML value; `file_offsets` maps them to
the file, where folding and quoting may have moved them (a reference split over two
lines reads `[[entity: acme]]` in the value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BRACKETS = re.compile(r"\[\[|\]\]")
_BODY = re.compile(r"^([a-z]+):([^|\]]*)(?:\|(.*))?$", re.DOTALL)


@dataclass(frozen=True)
class Found:
    """A bracketed reference: `start`/`end` are offsets of `[[` and just past `]]`."""

    start: int
    end: int
    text: str  # the reference as written, brackets included

    def parts(self) -> tuple[str, str, str | None] | None:
        """(kind, id, label) if the body has the `kind:id|label` form."""
        body = _BODY.match(self.text[2:-2])
        if body is None:
            return None
        return body.group(1), body.group(2), body.group(3)


@dataclass(frozen=True)
class Stray:
    """Brackets that do not make a reference, at the offset of the offending pair."""

    start: int
    message: str
    # A bracket the page shows as text where it was likely meant otherwise: a warning,
    # as a label may hold brackets and text may hold any.
    warn: bool = False


def _closing(value: str, opened: int, end: int) -> int:
    """Where a reference closed by the `]]` ending at `end` ends: a label that opened a
    `[` of its own takes the `]` of a `]]]` (`[[entity:x|Acme [the maker]]]`)."""
    inner = value[opened + 2 : end - 2]
    if inner.count("[") > inner.count("]") and value[end : end + 1] == "]":
        return end + 1
    return end


def _leftover(value: str, start: int, end: int) -> list[Stray]:
    """A single bracket in or right after a reference, which the page shows as text:
    `[[entity:x]]]` ("x ]"), `[[entity:x|the [library]]` ("the [library")."""
    # (Placed at the reference's own brackets, whose positions in the file are known.)
    inner = value[start + 2 : end - 2]
    if inner.count("[") != inner.count("]"):
        return [Stray(start, "this reference's label holds a `[` or `]` without its pair: "
                             "the page shows it as text", warn=True)]
    if value[end : end + 1] == "]":
        return [Stray(end - 2, "a `]` is left over after this reference's `]]`: the page "
                               "shows it as text", warn=True)]
    return []


def scan(value: str) -> tuple[list[Found], list[Stray]]:
    found: list[Found] = []
    strays: list[Stray] = []
    opened: int | None = None
    depth = 0  # > 1 only inside a nested `[[`, whose whole outer reference is dropped
    for match in _BRACKETS.finditer(value):
        if match.group() == "[[":
            if opened is not None and depth == 1:
                strays.append(Stray(match.start(), "a reference cannot be nested inside "
                                    "another reference"))
            if opened is None:
                opened = match.start()
            depth += 1
        elif opened is None:
            strays.append(Stray(match.start(), "`]]` closes no reference"))
        else:
            depth -= 1
            if depth == 0:
                nested = bool(strays) and strays[-1].start > opened
                if not nested:
                    end = _closing(value, opened, match.end())
                    found.append(Found(opened, end, value[opened:end]))
                    strays.extend(_leftover(value, opened, end))
                opened = None
    if opened is not None:
        strays.append(Stray(opened, "`[[` is never closed by `]]`"))
    return found, strays


def file_offsets(value: str, written: str, at: int) -> dict[int, int]:
    """For each `[[`/`]]` in `value`, its offset in the file, where `written` (the scalar
    as it stands in the file) starts at offset `at`. Empty when the two do not hold the
    same brackets in the same order (an escape wrote one), so callers fall back to the
    scalar's own position."""
    mine = [(m.start(), m.group()) for m in _BRACKETS.finditer(value)]
    theirs = [(m.start(), m.group()) for m in _BRACKETS.finditer(written)]
    if [b for _, b in mine] != [b for _, b in theirs]:
        return {}
    return {start: at + there for (start, _), (there, _) in zip(mine, theirs, strict=True)}
