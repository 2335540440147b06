"""A list entry whose `- ` slipped out of line with the other entries of its list.

Moved a column or two, an entry's dash line makes YAML read its first key in another
column than its next (reported at the next key, which is where it is), or the list stop
(reported at the next dash, or in the parser's own words). These helpers find the entry
whose dash is out of line with its neighbours' and that, moved back, makes the whole
file readable: a hint, judged by the parser, not a second parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple

_DASH_LINE = re.compile(r"( *)-[ \t]+")
_KEY_LINE = re.compile(r" *[A-Za-z_][\w-]*:(?:[ \t]|$)")
# How far a slipped dash may be from its neighbours', and how far around the error to look.
_SLIP = 2
_NEAREST_DASHES = 3
_AROUND = 200


class Shifted(NamedTuple):
    line: int  # the entry's dash line, from 1
    col: int  # where its dash is
    dash_col: int  # where its neighbours' dashes are
    beside: int  # the line of the nearest neighbour so placed
    last: int  # the entry's last line, when the whole entry moved; else `line`


def shifted_entry(lines: Sequence[str], error_line: int,
                  parses: Callable[[str], bool]) -> Shifted | None:
    """The entry out of line that explains a syntax error at `error_line`: one of the
    dash lines nearest above it (or on it) whose dash, or whole entry, moved to the
    column of a neighbouring entry of its list lets `parses` read the whole file. Where
    several would, one after which the entry's first key lines up with its next."""
    window = range(max(1, error_line - _AROUND), min(len(lines), error_line + _AROUND) + 1)
    indents = {number: _indent(lines[number - 1]) for number in window
               if lines[number - 1].strip() and not lines[number - 1].lstrip().startswith("#")}
    dashes = [number for number in indents if _DASH_LINE.match(lines[number - 1])]
    above = [number for number in reversed(dashes) if number <= error_line]
    # The nearest dashes, and the entries the error is in: the nearest dash of each
    # column (a long entry that moved opens well above the error).
    nearest = dict.fromkeys([*above[:_NEAREST_DASHES],
                             *{indents[n]: n for n in reversed(above)}.values()])
    moves = [(fixed, Shifted(number, indents[number] + 1, column + 1, beside, last))
             for number in nearest
             for column, beside in _neighbour_columns(indents, dashes, number)
             for last in dict.fromkeys((number, _entry_end(lines, indents, number, column)))
             if (fixed := _moved(lines, number, last, column - indents[number])) is not None]
    # A stable sort: the nearest entry, then the nearest neighbour, first among equals.
    moves.sort(key=lambda move: (
        not _keys_line_up(move[0], indents, move[1].line),
        _first_key(lines[move[1].beside - 1]) != _first_key(lines[move[1].line - 1])))
    return next((found for fixed, found in moves if parses("\n".join(fixed))), None)


def _neighbour_columns(indents: Mapping[int, int], dashes: Sequence[int], number: int
                       ) -> Iterator[tuple[int, int]]:
    """The columns (from 0) of the other entries of the list of the dash at line
    `number`, a slip away from its own, each with the line of its nearest entry so
    placed: dashes with nothing between them and it indented as little as either."""
    indent, seen = indents[number], set()
    for other in sorted(dashes, key=lambda d: abs(d - number)):
        column = indents[other]
        low, high = sorted((other, number))
        if 0 < abs(column - indent) <= _SLIP and column not in seen and all(
                indents[between] > min(column, indent)
                for between in indents if low < between < high):
            seen.add(column)
            yield column, other


def _keys_line_up(lines: Sequence[str], indents: Mapping[int, int], number: int) -> bool:
    """Whether the key after the dash at line `number` lines up with the key on the next
    line (when that holds one): the rest of the entry that a dash slipped from."""
    found = _DASH_LINE.match(lines[number - 1])
    after = next((n for n in sorted(indents) if n > number), None)
    if found is None or after is None or not _KEY_LINE.match(lines[after - 1]):
        return False
    return len(found[0]) == _indent(lines[after - 1])


def _first_key(line: str) -> str:
    """The key after a dash: entries of one list mostly open with the same one."""
    return line.lstrip(" -\t").partition(":")[0]


def _entry_end(lines: Sequence[str], indents: Mapping[int, int], number: int,
               column: int) -> int:
    """The last line of the entry whose dash at line `number` belongs in `column`: the
    lines after it indented deeper than its dash, before the next entry of its list (a
    dash in `column` or left of it) or what follows the list (left of `column`), as far
    as the window around the error goes."""
    last = number
    for later in sorted(n for n in indents if n > number):
        indent = indents[later]
        if indent <= indents[number] or indent < column or (
                indent <= column and _DASH_LINE.match(lines[later - 1])):
            break
        last = later
    return last


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _moved(lines: Sequence[str], first: int, last: int, by: int) -> list[str] | None:
    """`lines` with lines `first` to `last` moved `by` columns (left when negative), or
    None when one of them has too few spaces to move left."""
    fixed = list(lines)
    for number in range(first, last + 1):
        text = fixed[number - 1]
        if not text.strip():
            continue
        if by < 0 and text[:-by].strip(" "):
            return None
        fixed[number - 1] = " " * by + text if by > 0 else text[-by:]
    return fixed


def hint(found: Shifted) -> str:
    """How to line the entry up again."""
    moved = found.dash_col - found.col
    way = f"{abs(moved)} space{'s' if abs(moved) > 1 else ''} {'right' if moved > 0 else 'left'}"
    what = "its `- `" if found.last == found.line else \
        f"the whole entry (lines {found.line}-{found.last})"
    return (f"move {what} {way}, to column {found.dash_col} as at line {found.beside}: "
            "the entries of one list start in the same column")


def message(found: Shifted) -> str:
    return (f"this list entry's `- ` is in column {found.col}, and the entry at line "
            f"{found.beside} has it in column {found.dash_col}")
