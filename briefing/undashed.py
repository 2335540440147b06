"""A list entry written without its `- `, told apart from the errors it looks like.

Left without its dash, an entry indented like the others' keys is read by YAML as more
keys of the entry above (a duplicate `id`, `name`, ...); one indented like the dashes, or
the first of its list, makes the list unreadable. Either way the parser names a symptom
several lines off; these helpers find the entry so the report can name the fix. The
one entry of a list, left without its dash, is a mapping where the list goes: YAML reads
it without a complaint, and the schema names the fix (`schema.ListOf`).

An entry whose first line was deleted (`- id: x`, the key its list's entries open with)
is read the same way, as repeats of the entry above: there the repeat that opens it is of
the key the list's entries have second (`first_lines_lost`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from itertools import islice, pairwise
from typing import NamedTuple

# A line that holds a plain key and nothing before it: `  id: openai`, `  quotes:`.
_KEY_LINE = re.compile(r" *[A-Za-z_][\w-]*:(?:[ \t]|$)")
_EMPTY_VALUE = re.compile(r" *[A-Za-z_][\w-]*:[ \t]*(?:#.*)?$")
_DASH_LINE = re.compile(r" *-(?:[ \t]|$)")
# An entry of a list of mappings, as the entry missing its dash is one: `  - id: b`, or a
# dash alone on its line. `  - tables` is a list of words, whose entries no key line is.
_DASHED_MAPPING = re.compile(r" *-(?:[ \t]+[A-Za-z_][\w-]*:(?:[ \t]|$)|[ \t]*(?:#.*)?$)")
_COMMENT = re.compile(r"[ \t]+#.*$")
# How far above a syntax error its entry may start: a hint, not a second parser.
_LOOK_BACK = 200


class Undashed(NamedTuple):
    line: int  # where the entry's first key is, from 1
    col: int
    dash_col: int  # where the dashes of the entry's siblings are


def entry_starts(keys: Sequence[str], own_line: Sequence[bool]) -> list[int]:
    """Which keys of a list entry's mapping begin an entry of their own written without
    its dash: each repeat of the entry's first key that starts its line, when at least one
    more key of the run it begins repeats one of the run before. A key repeated alone (two
    `id:` in one entry) is a duplicate key, not a missing dash."""
    cuts = [i for i in range(1, len(keys)) if keys[i] == keys[0] and own_line[i]]
    bounds = [0, *cuts, len(keys)]
    runs = [set(keys[start:end]) for start, end in pairwise(bounds)]
    return [cut for cut, before, run in zip(cuts, runs, runs[1:], strict=False)
            if len(before & run) >= 2]


class Opening(NamedTuple):
    first: str  # the key a list's entries open with
    seconds: frozenset[str]  # the keys they have after it


def usual_opening(entries: Sequence[Sequence[str]]) -> Opening | None:
    """How the entries of a list, given by their keys, open: with the first key of more
    than half of them (that of its one entry), and the keys after it in those."""
    firsts = Counter(keys[0] for keys in entries if keys)
    if not firsts:
        return None
    first, count = firsts.most_common(1)[0]
    if 2 * count <= len(entries):
        return None
    return Opening(first, frozenset(keys[1] for keys in entries
                                    if len(keys) > 1 and keys[0] == first != keys[1]))


def first_lines_lost(keys: Sequence[str], own_line: Sequence[bool], starts: Collection[int],
                     opening: Opening) -> list[int]:
    """Which keys of a list entry's mapping begin an entry whose first line (`- id: x`)
    was deleted: each key starting its line that repeats a key of the entry above it
    (after `starts`, the entries missing only their dash) and that the list's entries have
    second. The rest of such an entry merges into the one above it."""
    cuts: list[int] = []
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if i in starts:
            seen = set()
        elif key in seen and key in opening.seconds and own_line[i]:
            cuts.append(i)
            seen = set()
        seen.add(key)
    return cuts


def fix_first_line(first: str, key: str, dash_col: int) -> str:
    """The hint for an entry missing its first line, `first: …`, above its key `key`."""
    return (f"write the entry's first line, `- {first}: …`, above `{key}:`, its dash in "
            f"column {dash_col} as the other entries have it; if `{key}:` is rather "
            "written twice in one entry, keep one of the two")


def first_line_message(first: str) -> str:
    return (f"this looks like a list entry missing its first line, `- {first}: …` (the "
            f"other entries open with `{first}:`): without it, YAML reads its keys as "
            "repeats of the entry above's")


class _Row(NamedTuple):
    number: int
    indent: int
    text: str


def undashed_entry(lines: Sequence[str], error_line: int) -> Undashed | None:
    """The entry missing its dash that explains a syntax error at `error_line`, if one
    does: a key line either aligned with dashed entries of the same list, or the first
    entry of a list whose next entry has its dash, and the error within that entry or on
    the line just after it."""
    rows = [_Row(number, len(text) - len(text.lstrip(" ")), text)
            for number, text in enumerate(lines, start=1)
            if text.strip() and not text.lstrip().startswith("#")]
    here = max((i for i, row in enumerate(rows) if row.number <= error_line), default=-1)
    for i in range(here, max(-1, here - _LOOK_BACK), -1):
        if not _KEY_LINE.match(rows[i].text) or _opens_indentless(rows, i):
            continue
        found = _beside_dashes(rows, i) or _before_dashes(rows, i)
        if found is not None and error_line <= found[1]:
            row = rows[i]
            return Undashed(row.number, row.indent + 1, found[0] + 1)
    return None


def _opens_indentless(rows: Sequence[_Row], i: int) -> bool:
    """`quotes:` with its dashes in its own column: the list's key, not an entry."""
    return (bool(_EMPTY_VALUE.match(rows[i].text)) and i + 1 < len(rows)
            and rows[i + 1].indent == rows[i].indent and bool(_DASH_LINE.match(rows[i + 1].text)))


def _beside_dashes(rows: Sequence[_Row], i: int) -> tuple[int, int] | None:
    """(dash indent, last line of the entry) when dashed entries of the same list are in
    the key's own column, inside a parent: the entry ends at the next line so indented."""
    indent, dashed, j = rows[i].indent, False, i - 1
    while j >= 0 and rows[j].indent >= indent:
        if rows[j].indent == indent:
            if _opens_indentless(rows, j):
                return None  # the keys of a mapping holding an indentless list
            dashed = dashed or bool(_DASHED_MAPPING.match(rows[j].text))
        j -= 1
    if j < 0:
        return None  # at the top: siblings of an indentless list's key
    end: int | None = None  # the first line after the entry indented as little as it
    for row in islice(rows, i + 1, None):
        if row.indent <= indent:
            end = row.number if end is None else end
            dashed = dashed or (row.indent == indent and bool(_DASHED_MAPPING.match(row.text)))
        if row.indent < indent or (dashed and end is not None):
            break
    if not dashed:
        return None
    return indent, end if end is not None else rows[-1].number + 1


def _before_dashes(rows: Sequence[_Row], i: int) -> tuple[int, int] | None:
    """(dash indent, line of the dash) when the key is the first under a `key:` and the
    first line after its entry that is indented less is a dashed entry, between the two."""
    if i == 0 or rows[i - 1].indent >= rows[i].indent or not _EMPTY_VALUE.match(rows[i - 1].text):
        return None
    for k in range(i + 1, len(rows)):
        if rows[k].indent < rows[i].indent:
            if rows[i - 1].indent <= rows[k].indent and _DASHED_MAPPING.match(rows[k].text):
                return rows[k].indent, rows[k].number
            return None
    return None


def lone_entry(lines: Sequence[str], line: int, col: int) -> Undashed | None:
    """The one entry of a list written without its dash, when the mapping read in the
    list's place starts its line at `line`:`col` (not `key: {a: b}`): its dash goes two
    columns left when that still indents it under the list's key (a space took the dash's
    place), else in the entry's own column, its other keys moved under the first."""
    if not 0 < line <= len(lines) or lines[line - 1][:col - 1].strip(" "):
        return None
    above = next((lines[i] for i in range(line - 2, -1, -1)
                  if lines[i].strip() and not lines[i].lstrip().startswith("#")), "")
    list_key = len(above) - len(above.lstrip(" -")) + 1  # its column, after any dashes
    return Undashed(line, col, col - 2 if col - 2 > list_key else col)


def fix(line: str, col: int, dash_col: int, *, alone: bool = False) -> str:
    """The hint: the entry's first line as it should be written, and where (`alone`: the
    list has no other entries to take the column from)."""
    written = _COMMENT.sub("", line).strip()
    key = written.split(":", 1)[0]
    if len(written) > 60:
        written = f"{key}: …"
    hint = f"write `- {written}`, its dash in column {dash_col}"
    if not alone:
        hint += " as the other entries have it"
    if col != dash_col + 2:
        hint += f", and line up the entry's other keys under `{key}`"
    return hint


MESSAGE = "this looks like a list entry missing its `- `"
