"""A file's list of items whose key line was deleted (`quotes:`, `claims:`).

Each kind of annotation file holds its items in one list whose entries have a known key
(`ListKey`). Without the list's own key, what YAML makes of it depends on what is above:
- a key that already holds a value (`drop_lines: ["Comments"]`): YAML cannot read on,
  and stops at the first dash or a line below, where the nearest fix its message would
  suggest (a dash for the key above) is the wrong one (`keyless_list`);
- nothing but comments (`claims.yml`): the whole file is the list, and every reference
  to a claim would be unknown;
- a block of text (`summary: >-`): the list becomes more of its text (`swallowed_entry`).
Each is named at the list, with the key to write back and where.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple


class ListKey(NamedTuple):
    name: str  # the key that holds the file's items: `quotes`
    entry_key: str  # a key each of its entries has: `id`
    items: str  # what they are, for the message: "quotes"


class Keyless(NamedTuple):
    line: int  # the list's first dash, from 1
    col: int
    above: int  # the line the key goes above (a comment over the list stays with it)
    after: str  # the key the list follows, which holds a value of its own
    after_line: int


_DASH = re.compile(r"( *)-(?:[ \t]|$)")
_KEY = re.compile(r"( *)(?:-[ \t]+)?([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")
# A key with nothing, or only a block scalar's indicator, after its colon.
_OPENS = re.compile(r" *[A-Za-z_][\w-]*[ \t]*:[ \t]*(?:[|>][-+0-9]*)?[ \t]*(?:#.*)?$")
_LOOK_BACK = 200


def keyless_list(lines: Sequence[str], stopped: int, key: ListKey,
                 parses: Callable[[str], bool]) -> Keyless | None:
    """The list that lost its `key` line, when YAML stopped reading at line `stopped` (from
    1) because of it: its first dash follows a key holding a value, at most as indented,
    its entries have `key.entry_key`, the file has no `key:` of its own, and it reads
    with one written in column 1 above the list."""
    if any(line.startswith(f"{key.name}:") for line in lines):
        return None
    for number in range(min(stopped, len(lines)), max(0, stopped - _LOOK_BACK), -1):
        dash = _DASH.match(lines[number - 1])
        if dash is None:
            continue
        before = _holder(lines, number, len(dash[1]))
        if before is None:
            continue  # not the first entry of its list: go on up to the first
        after_line, after = before
        if after is None or not _entries_have(lines, number, len(dash[1]), key.entry_key):
            return None
        above = above_comments(lines, number)
        fixed = [*lines[:above - 1], f"{key.name}:", *lines[above - 1:]]
        if not parses("\n".join(fixed) + "\n"):
            return None
        return Keyless(number, len(dash[1]) + 1, above, after, after_line)
    return None


def _holder(lines: Sequence[str], number: int, indent: int
            ) -> tuple[int, str | None] | None:
    """What the dash at line `number` follows: None when it is another entry of a list
    begun above; else the line, and the key there when it holds a value of its own (a
    key opening a block further in, with nothing between, would hold the list); line 0
    and no key when it opens the file (a key below then stopped YAML: `topics:` after
    `names.yml`'s metrics)."""
    deeper = False
    for above in range(number - 1, 0, -1):
        line = lines[above - 1]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        own = _indent(line)
        if own > indent:
            deeper = True
            continue
        if own == indent and _DASH.match(line):
            return None
        found = _KEY.match(line)
        if found is None or (not deeper and _OPENS.match(line)):
            return above, None
        return above, found[2]
    return 0, ""  # the file's first: nothing but comments above it


def _entries_have(lines: Sequence[str], number: int, indent: int, entry_key: str) -> bool:
    """Whether the entry opening at line `number` has `entry_key` among its keys."""
    for below in range(number, len(lines) + 1):
        line = lines[below - 1]
        if below > number and line.strip() and not line.lstrip().startswith("#") and \
                _indent(line) <= indent:
            return False
        found = _KEY.match(line)
        if found is not None and found[2] == entry_key:
            return True
    return False


def swallowed_entry(lines: Sequence[str], first: int, last: int, key: ListKey) -> int | None:
    """The first of lines `first` to `last` (a block of text's, from 1) that opens an
    entry of the list, read by YAML as more of the text."""
    opens = re.compile(rf" *-[ \t]+{re.escape(key.entry_key)}[ \t]*:(?:[ \t]|$)")
    return next((n for n in range(first, min(last, len(lines)) + 1)
                 if opens.match(lines[n - 1])), None)


def hint(key: ListKey, above: int) -> str:
    return (f"write `{key.name}:` in column 1, on a line of its own above line {above}: "
            f"the file's {key.items} are listed under `{key.name}:`")


def above_comments(lines: Sequence[str], number: int) -> int:
    """The first of the comment lines right above line `number` indented as far as it
    (which head the list there, where a file's own comments are less indented), or
    `number` when there are none."""
    first, indent = number, _indent(lines[number - 1])
    for above in range(number - 1, 0, -1):
        line = lines[above - 1]
        stripped = line.strip()
        if stripped.startswith("#") and _indent(line) >= indent:
            first = above
        elif stripped:
            break
    return first


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
