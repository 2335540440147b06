"""YAML to a tree of positioned nodes, built from the parser's events.

We compose the tree ourselves instead of using PyYAML's constructors so that:
every value keeps its `path:line:col`; no scalar is typed implicitly (`2025-02-15`, `no`,
`0123` stay text until the schema converts them); duplicate keys, anchors, aliases and
tags are rejected before anything can expand; nesting depth is capped.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple, TypeAlias

import yaml

from . import keyless, shifted, undashed
from .chars import char_name, is_invisible
from .diagnostics import Diagnostic, Pos, error, warning
from .positions import UNUSUAL_BREAKS, Lines, split_lines

try:  # libyaml's C parser is several times faster; the pure-Python one behaves the same.
    from yaml import CSafeLoader as _Loader
    _LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
    _LIBYAML = False

MAX_YAML_BYTES = 2_000_000
MAX_DEPTH = 40
# C0 and C1 controls except tab and line feed.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class YScalar:
    value: str
    style: str | None  # None for plain scalars, else one of ' " | >
    pos: Pos
    # Offsets of the scalar as written in the file (quotes included), to place the
    # references found inside its value; kept only for values holding `[[` or `]]`.
    span: tuple[int, int] = (0, 0)
    # A plain scalar that a comment ends on its line (`title: Issue #4`): where the `#`
    # is and what follows it, which YAML drops and a text field warns of.
    comment: tuple[Pos, str] | None = None

    @property
    def is_plain(self) -> bool:
        return self.style is None


@dataclass(frozen=True)
class YMap:
    items: tuple[tuple[YScalar, YNode], ...]
    pos: Pos

    def get(self, key: str) -> YNode | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None


@dataclass(frozen=True)
class YSeq:
    items: tuple[YNode, ...]
    pos: Pos


YNode: TypeAlias = YScalar | YMap | YSeq


def describe(node: YNode) -> str:
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return f"the text {node.value!r}" if node.value else "an empty value"


class _Where:
    """Positions in one file. libyaml's marks count lines and columns as `positions.py`
    does (a property test holds them to it), so they are taken as they are, which keeps
    parsing fast; the pure-Python parser's are recomputed from their offsets (it does not
    count a BOM as a column), and so is a mark at the very end of the file, which libyaml
    puts on a line of its own that no editor shows. The line table is built on demand."""

    def __init__(self, path: str, text: str, list_key: keyless.ListKey | None = None) -> None:
        self.path = path
        self.text = text
        self.end = len(text)
        self.list_key = list_key  # the list the file holds its items in, if it has one

    @functools.cached_property
    def lines(self) -> Lines:
        return Lines.of(self.text)

    def mark(self, mark: Any) -> Pos:
        if mark is None:
            return Pos(self.path)
        if _LIBYAML and mark.index < self.end:
            return Pos(self.path, mark.line + 1, mark.column + 1)
        return self.lines.pos(self.path, mark.index)

    def offset(self, index: int) -> Pos:
        return self.lines.pos(self.path, index)


# A value or list item that opens a flow list as text would: a reference first, or words
# after the list closes (`statement: [[entity:x]] said`, `title: [Draft] Report`).
_FLOW_VALUE = re.compile(r"\s*(?:-\s+)*(?:[^\s:#][^:#]*:\s+)?\[(?=\[|[^\]]*\][ \t]+[^\s#])")
# White space, then a comment to the end of the line: what ends a plain scalar early.
_COMMENT_AFTER = re.compile(r"[ \t]+(?P<comment>#[^\r\n\x85\u2028\u2029]*)")


def _index(mark: Any) -> int:
    return mark.index if mark is not None else 0


_FAKE_INDENT = MappingProxyType({
    "\t": ("yaml-tab-indent", "a tab is used for indentation",
           "YAML indents with spaces only; replace the tab with spaces"),
    "\u00a0": ("yaml-nbsp-indent", "a non-breaking space is used for indentation",
                "replace it with an ordinary space (your editor may have pasted it)"),
})


def _check_indentation(text: str, path: str) -> list[Diagnostic]:
    """Tabs and non-breaking spaces look like indentation but are not; say so plainly."""
    problems: list[Diagnostic] = []
    for number, line in enumerate(split_lines(text), start=1):
        stripped = line.lstrip(" \t\u00a0")
        if not stripped or stripped.startswith("#"):
            continue
        indent = line[: len(line) - len(stripped)]
        for col, char in enumerate(indent, start=1):
            if char in _FAKE_INDENT:
                code, message, hint = _FAKE_INDENT[char]
                problems.append(error(Pos(path, number, col), code, message, hint))
                break
    return problems


def _block_scalar_lines(where: _Where) -> set[int]:
    """The lines of block scalars' text (`|`, `>`), once the file parses; none if not."""
    lines: set[int] = set()
    try:
        for event in _EventIter(where.text):
            if isinstance(event, yaml.ScalarEvent) and event.style in ("|", ">"):
                start, end = where.mark(event.start_mark), where.mark(event.end_mark)
                lines.update(range(start.line + 1, end.line + (end.col > 1)))
    except (yaml.YAMLError, RecursionError):
        return set()
    return lines


class _Composer:
    def __init__(self, path: str, where: _Where) -> None:
        self.path = path
        self.where = where
        self.problems: list[Diagnostic] = []  # the document cannot be used
        self.value_problems: list[Diagnostic] = []  # a value is wrong; the rest holds

    def _node(self, event: yaml.Event, events: _EventIter, depth: int) -> YNode | None:
        pos = self._checked(event, depth)
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, pos)
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(event, pos, events, depth)
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(pos, self._pairs(events, depth), None, None)
        raise AssertionError("unbalanced YAML events")  # pragma: no cover

    def _checked(self, event: yaml.Event, depth: int) -> Pos:
        """Where a node starts, once it is known to be none that could expand."""
        pos = self.where.mark(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            self._fail(pos, "yaml-alias", "aliases (`*name`) are not allowed",
                       "write the value out in full; aliases can expand without bound")
        assert isinstance(event, yaml.NodeEvent)
        if event.anchor is not None:
            self._fail(pos, "yaml-anchor", f"anchors (`&{event.anchor}`) are not allowed",
                       "remove the anchor and write values out in full")
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            self._fail(pos, "yaml-tag", f"tags (`{tag}`) are not allowed",
                       "remove the tag; the schema decides each field's type")
        if depth > MAX_DEPTH:
            self._fail(pos, "yaml-too-deep", f"nesting is deeper than {MAX_DEPTH} levels",
                       "flatten the structure")
        return pos

    def _sequence(self, event: yaml.SequenceStartEvent, pos: Pos, events: _EventIter,
                  depth: int) -> YSeq:
        """A list. The keys of a block list's entries are read before any entry is made:
        how the other entries open tells an entry that lost its first line from keys
        written twice."""
        items: list[YNode | _Entry] = []
        for child in events:
            if isinstance(child, yaml.SequenceEndEvent):
                break
            if not event.flow_style and isinstance(child, yaml.MappingStartEvent) \
                    and not child.flow_style:
                start = self._checked(child, depth + 1)
                items.append(_Entry(start, self._pairs(events, depth + 1)))
                continue
            node = self._node(child, events, depth + 1)
            assert node is not None
            items.append(node)
        entries = [item for item in items if isinstance(item, _Entry)]
        opening = undashed.usual_opening([[key.value for key, _ in entry.pairs[:2]]
                                          for entry in entries]) if entries else None
        return YSeq(tuple(self._mapping(item.pos, item.pairs, pos, opening)
                          if isinstance(item, _Entry) else item for item in items), pos)

    def _pairs(self, events: _EventIter, depth: int) -> list[tuple[YScalar, YNode]]:
        """A mapping's keys and values as written, repeats included."""
        written: list[tuple[YScalar, YNode]] = []
        for child in events:
            if isinstance(child, yaml.MappingEndEvent):
                break
            key = self._node(child, events, depth + 1)
            if not isinstance(key, YScalar):
                self._fail(self.where.mark(child.start_mark), "yaml-complex-key",
                           "a key must be plain text", "use a simple `name:` key")
            assert isinstance(key, YScalar)
            value = self._node(next(events), events, depth + 1)
            assert value is not None
            written.append((key, value))
        return written

    def _mapping(self, pos: Pos, written: list[tuple[YScalar, YNode]], dash: Pos | None,
                 opening: undashed.Opening | None) -> YMap:
        """`dash`: the first dash of the block list the mapping is an entry of, and
        `opening`, how that list's entries open."""
        keys = [key.value for key, _ in written]
        starts: set[int] = set()
        lost: set[int] = set()
        if dash is not None and len(set(keys)) < len(keys):  # (rare: lines cost)
            own = [self._own_line(key) for key, _ in written]
            starts = set(undashed.entry_starts(keys, own))
            if opening is not None:
                lost = set(undashed.first_lines_lost(keys, own, starts, opening))
        pairs: list[tuple[YScalar, YNode]] = []
        seen: dict[str, YScalar] = {}
        for index, (key, value) in enumerate(written):
            if index in starts or index in lost:  # (its keys are an entry's own, not repeats)
                assert dash is not None
                self.problems.append(self._entry_problem(key, dash, opening, index in lost))
                seen = {}
            elif key.value in seen:
                first = seen[key.value]
                self.problems.append(
                    error(key.pos, "yaml-duplicate-key",
                          f"duplicate key {key.value!r}; it is first set at line "
                          f"{first.pos.line}, column {first.pos.col}",
                          "keep one of the two; YAML would silently drop the first")
                )
                continue
            seen[key.value] = key
            pairs.append((key, value))
        return YMap(tuple(pairs), pos)

    def _entry_problem(self, key: YScalar, dash: Pos, opening: undashed.Opening | None,
                       lost: bool) -> Diagnostic:
        """The error at the first key of an entry merged into the one above it: missing
        its first line (`lost`), or only its dash."""
        if lost:
            assert opening is not None
            return error(key.pos, LOST_FIRST_LINE, undashed.first_line_message(opening.first),
                         undashed.fix_first_line(opening.first, key.value, dash.col))
        line = _line(self.where.text, self.where.lines, key.pos.line)
        return error(key.pos, "yaml-missing-dash", f"{undashed.MESSAGE}: without it, YAML "
                     "reads its keys as repeats of the entry above's",
                     undashed.fix(line, key.pos.col, dash.col))

    def _own_line(self, key: YScalar) -> bool:
        """Whether nothing but spaces is before the key on its line."""
        line = _line(self.where.text, self.where.lines, key.pos.line)
        return not line[:key.pos.col - 1].strip(" ")

    def _scalar(self, event: yaml.ScalarEvent, pos: Pos) -> YScalar:
        # The file's own characters were checked when it was read; a double-quoted
        # escape such as "\x07" can still produce a control character.
        if control := _CONTROL.search(event.value):
            # The document stays usable, so references into it are not reported too.
            self.value_problems.append(error(
                pos, "text-control-char",
                f"control character U+{ord(control.group()):04X} in this value "
                "(written as an escape)",
                "delete the escape; annotations hold printable text only"))
        comment = None if event.style else self._comment_after(event)
        if "[[" in event.value or "]]" in event.value:  # (reading marks costs)
            return YScalar(event.value, event.style or None, pos,
                           (_index(event.start_mark), _index(event.end_mark)), comment)
        return YScalar(event.value, event.style or None, pos, comment=comment)

    def _comment_after(self, event: yaml.ScalarEvent) -> tuple[Pos, str] | None:
        found = _COMMENT_AFTER.match(self.where.text, _index(event.end_mark))
        if found is None:
            return None
        return self.where.offset(found.start("comment")), found["comment"].rstrip()

    def _fail(self, pos: Pos, code: str, message: str, hint: str) -> None:
        self.problems.append(error(pos, code, message, hint))
        raise _Abort


class _Entry(NamedTuple):
    """A block list's entry, read but not yet made a mapping (`_Composer._sequence`)."""

    pos: Pos
    pairs: list[tuple[YScalar, YNode]]


LOST_FIRST_LINE = "yaml-missing-first-key"
LOST_LIST_KEY = "yaml-missing-list-key"


def lost_an_id(problems: Sequence[Diagnostic]) -> bool:
    """Whether an entry of the file lost its `- id: x` line: the id it declared is gone
    from the text, so any id of its kind may be the one meant."""
    return any(p.code == LOST_FIRST_LINE and "`- id: …`" in p.message for p in problems)


class _Abort(Exception):
    """Stops composing after a problem that makes the rest of the tree meaningless."""


class _EventIter:
    def __init__(self, text: str) -> None:
        self._events = yaml.parse(text, Loader=_Loader)

    def __iter__(self) -> _EventIter:
        return self

    def __next__(self) -> yaml.Event:
        return next(self._events)


def syntax_error(text: str, path: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    """`exc`, raised reading `text` by another loader (mkdocs.yml's), placed and explained
    as in an annotation file: a missing colon at its line, not the one below."""
    return _syntax_error(_Where(path, text), exc)


def _syntax_error(where: _Where, exc: yaml.MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    hint = "check the indentation and quoting around this position"
    if "'\\t'" in problem or "\\t" in problem:
        problem, hint = "a tab character where YAML expects spaces", "replace tabs with spaces"
    if exc.context:
        problem = f"{problem} ({exc.context})"
        if exc.context_mark is not None and exc.context_mark is not mark:
            # The parser notices late (often a line below); name where the open part began.
            start = where.mark(exc.context_mark)
            hint = (f"the part that starts at line {start.line}, column {start.col} is not "
                    "closed or is broken here; " + hint)
    at = where.mark(mark)
    shown = at  # where the error is named, if no cause found below names another place
    line = _line(where.text, where.lines, at.line)
    flow = next((found for found in (
        _FLOW_VALUE.match(_line(where.text, where.lines, where.mark(m).line))
        for m in (mark, exc.context_mark) if m is not None) if found), None)
    if "mapping values are not allowed" in problem:
        hint = ("a value that holds a colon and a space (`: `) must be quoted: put the "
                'whole value in double quotes, `key: "like: this"`')
    elif flow is not None:
        hint = ("a value that starts with `[` is read by YAML as a list: to start a text "
                "with it, as with `[[entity:…]]`, put the whole value in double quotes")
    elif (early := _closed_early(line)) is not None:
        closer, col = early
        shown = Pos(at.path, at.line, col)  # (YAML stopped just after it)
        hint = (f"the {closer} inside this value ends it early: write the value in "
                + ("single quotes, or each inner \" as \\\"" if closer == '"' else
                   "double quotes, or each inner ' as ''"))
    hidden = _invisible_on_line(where.text, where.lines, at.line)
    if hidden is None and (curly := _typographic_close(where, at)) is not None:
        return curly
    if hidden is None and (glued := _glued_colon(where, exc, at)) is not None:
        return glued
    if hidden is None and (lost := _keyless(where, at)) is not None:
        return lost
    if hidden is None and (slipped := _shifted(where, at)) is not None:
        return slipped
    if hidden is None and (entry := _undashed(where, at)) is not None:
        return entry
    if hidden is None and (colonless := _missing_colon(where, exc, at)) is not None:
        return colonless
    if hidden is None and (shifted := _misindented_key(where, at, problem)) is not None:
        return shifted
    if hidden is not None:
        # A character no editor shows (a BOM left mid-file by joining two files, a
        # zero-width space) is the likeliest cause, and the one the user cannot see.
        col, char = hidden
        hint = (f"column {col} of this line holds {char_name(char)}, which most editors do "
                f"not show; delete it (otherwise, {hint})")
    return error(shown, "yaml-syntax", f"YAML syntax error: {problem}", hint)


def _undashed(where: _Where, at: Pos) -> Diagnostic | None:
    """The error at the entry missing its dash that broke the list, when one did: the
    parser notices only where the list stops making sense, often lines below."""
    lines = split_lines(where.text)
    found = undashed.undashed_entry(lines, at.line)
    if found is None:
        return None
    if (moved := _moved_onto_dashes(where, lines, found)) is not None:
        return moved
    stopped = "" if found.line == at.line else \
        f" (YAML stopped reading at line {at.line}, column {at.col})"
    return error(Pos(where.path, found.line, found.col), "yaml-syntax",
                 f"YAML syntax error: {undashed.MESSAGE}{stopped}",
                 undashed.fix(lines[found.line - 1], found.col, found.dash_col))


def _keyless(where: _Where, at: Pos) -> Diagnostic | None:
    """The error at the file's list of items whose key line was deleted, when one was."""
    key = where.list_key
    lines = split_lines(where.text)
    found = key and keyless.keyless_list(lines, at.line, key, _parses)
    if not key or not found:
        return None
    stopped = "" if found.line == at.line else \
        f" (YAML stopped reading at line {at.line}, column {at.col})"
    follows = "opens the file, and a key of the file follows it" if not found.after_line \
        else f"follows `{found.after}:` (line {found.after_line}), which holds a value of its own"
    return error(Pos(where.path, found.line, found.col), LOST_LIST_KEY,
                 f"this list of {key.items} has no key to hold it: it {follows}{stopped}",
                 keyless.hint(key, found.above))


def _lost_list_key(where: _Where, root: YNode) -> Diagnostic | None:
    """The file's list of items without its key line, where YAML reads on: as the whole
    file, or as more of a block of text above it (`summary: >-`)."""
    key = where.list_key
    if key is None or not isinstance(root, YSeq | YMap):
        return None
    lines = split_lines(where.text)
    if isinstance(root, YSeq):
        if not any(isinstance(i, YMap) and i.get(key.entry_key) for i in root.items):
            return None
        return error(root.pos, LOST_LIST_KEY, f"the file is a list of {key.items} with no "
                     f"key to hold it: its `{key.name}:` line is missing",
                     keyless.hint(key, keyless.above_comments(lines, root.pos.line)))
    if root.get(key.name) is not None:
        return None
    for (name, value), (after, _) in zip(root.items, (*root.items[1:], (None, None)),
                                         strict=True):
        if isinstance(value, YScalar) and value.style in ("|", ">"):
            last = after.pos.line - 1 if after is not None else len(lines)
            line = keyless.swallowed_entry(lines, value.pos.line + 1, last, key)
            if line is not None:
                return error(Pos(where.path, line, _indent(lines[line - 1]) + 1),
                             LOST_LIST_KEY, f"this list of {key.items} has no key to hold "
                             f"it, so YAML reads it as more of the text of `{name.value}:` "
                             f"(line {name.pos.line})",
                             keyless.hint(key, keyless.above_comments(lines, line)))
    return None


def _shifted(where: _Where, at: Pos) -> Diagnostic | None:
    """The error at the list entry whose dash slipped out of line, when one did."""
    found = shifted.shifted_entry(split_lines(where.text), at.line, _parses)
    if found is None:
        return None
    stopped = "" if found.line == at.line else \
        f" (YAML stopped reading at line {at.line}, column {at.col})"
    return error(Pos(where.path, found.line, found.col), "yaml-syntax",
                 f"YAML syntax error: {shifted.message(found)}{stopped}", shifted.hint(found))


def _parses(text: str) -> bool:
    try:
        for _ in yaml.parse(text, Loader=_Loader):
            pass
    except yaml.YAMLError:
        return False
    return True


def _moved_onto_dashes(where: _Where, lines: Sequence[str], found: undashed.Undashed
                       ) -> Diagnostic | None:
    """The error at a key that moved left into its list's dash column, which reads as an
    entry missing its dash: told apart by not being the key the list's entries open
    with (the entry above starts `- kind:`; this is `points:`), and by lining up with the
    keys above, where the whole file reads."""
    key = _KEY_OPENING.match(lines[found.line - 1])
    entry = next((text for _, text in _lines_above(where, found.line)
                  if _indent(text) < found.dash_col), "")
    if key is None or not entry.lstrip().startswith("- ") \
            or entry.lstrip(" -").startswith(f"{key[2]}:"):
        return None
    above = _key_above(where, found.line, len(key[1]))[1]
    if above is None or not _parses(_with_line(
            where, found.line, " " * len(above[1]) + lines[found.line - 1].lstrip(" "))):
        return None
    return _misindented_key(where, Pos(where.path, found.line, found.col), "")


# `key value` or `key` on a line of its own (after a list's dash, perhaps): `key: value`
# or `key:` was meant.
_COLONLESS = re.compile(
    r"^(\s*(?:-[ \t]+)?)([A-Za-z_][\w-]*)(?:[ \t]+([^\s#].*?))?(?:[ \t]+#.*)?[ \t]*$")
_KEY_BEFORE = re.compile(r"^(\s*(?:-[ \t]+)?)[\w-]+$")


def _missing_colon(where: _Where, exc: yaml.MarkedYAMLError, at: Pos) -> Diagnostic | None:
    """The error at a key written without its colon (`speaker jane-doe`). The parser
    notices on a line below: at the next key, or, when the line opens its mapping, at the
    next key's colon, which it then blames (or after a blank line, at the next key of
    the file's top). Named only when adding the colon lets the
    file be read past where the parser stopped."""
    problem = exc.problem or ""
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        number = where.mark(exc.context_mark).line
    elif "expected <document start>" in problem:
        number = _line_above(where, at.line)
    elif "mapping values are not allowed" in problem:
        # At the next key (`cites:` after `- text >-` and its text), or at a colon in the
        # text that ran on: the key line is above, at or left of where that line starts.
        text = _line(where.text, where.lines, at.line)
        key = _KEY_BEFORE.match(text[:at.col - 1])
        number = _key_line_above(where, at.line,
                                 len(key[1]) + 1 if key else _indent(text) + 1)
        if not number and key:
            number = _line_above(where, at.line)
    else:
        return None
    line = _line(where.text, where.lines, number)
    found = _COLONLESS.match(line)
    keyed = found and f"{found[2]}:" + (f" {found[3]}" if found[3] else "")
    if not found or not keyed or not _reads_past(where, number, found[1] + keyed, at.line):
        return None
    stopped = f" (YAML stopped reading at line {at.line}, column {at.col})"
    return error(Pos(where.path, number, len(found[1]) + len(found[2]) + 1), "yaml-syntax",
                 f"YAML syntax error: no colon after the key `{found[2]}`{stopped}",
                 f"write `{keyed}`, with a colon after the key; "
                 "if the line goes on with the value above it, put that whole value in "
                 "double quotes instead")


# `key:value`: a key whose colon has no space after it, which YAML reads as text.
GLUED = re.compile(r"^(\s*(?:-[ \t]+)?)([A-Za-z_][\w-]*):([^\s:].*)$")


def glued_hint(text: str) -> str | None:
    """How to write `text` (`id:acme`) as the key and value it was meant to be."""
    found = GLUED.match(text)
    return found and f"write `{found[2]}: {found[3]}`, with a space after the colon: " \
        "YAML reads a colon as the end of a key only when a space or the line's end follows"


def _glued_colon(where: _Where, exc: yaml.MarkedYAMLError, at: Pos) -> Diagnostic | None:
    """The error at a key glued to its value (`speaker:jane-doe`), read as one word of
    text: the parser stops at the next key, past any lines of text the glued value ran
    on with (`what:>-`), and blames the indentation. Looked for on the line where the
    broken part began, the stop's own and those above it back to a line indented no
    deeper; named only when the space lets the file read past the stop."""
    numbers = [at.line]
    if exc.context_mark is not None:
        numbers.insert(0, where.mark(exc.context_mark).line)
    stop = _indent(_line(where.text, where.lines, at.line))
    for number, line in itertools.islice(_lines_above(where, at.line), 50):
        numbers.append(number)
        if _indent(line) <= stop:
            break
    for number in dict.fromkeys(numbers):
        found = GLUED.match(_line(where.text, where.lines, number))
        fixed = found and f"{found[1]}{found[2]}: {found[3]}"
        if found and fixed and _reads_past(where, number, fixed, at.line):
            stopped = "" if number == at.line else \
                f" (YAML stopped reading at line {at.line}, column {at.col})"
            return error(Pos(where.path, number, len(found[1]) + len(found[2]) + 1),
                         "yaml-syntax", f"YAML syntax error: no space after the colon of "
                         f"`{found[2]}:`, so the line reads as text, not a key{stopped}",
                         glued_hint(found[0]) or "")
    return None


_KEY_OPENING = re.compile(r"^([ ]*)([\w-]+):(?:[ \t]|$)")
_OPENS_BLOCK = re.compile(r"^[ ]*(?:-[ ]+)?[\w-]+:[ \t]*(?:#.*)?$")
_KEY_ABOVE = re.compile(r"^([ ]*(?:-[ ]+)?)([\w-]+):(?:[ \t]|$)")


def _misindented_key(where: _Where, at: Pos, problem: str) -> Diagnostic | None:
    """The error at a key indented more or less than the key above it: the parser reads
    it as going on with that key's value, or as closing its mapping, and says so in its
    own terms. Named only when lining the key up lets the file be read past that line."""
    line = _line(where.text, where.lines, at.line)
    this = _KEY_OPENING.match(line)
    if this is None:
        return None
    number, above = _key_above(where, at.line, len(this[1]))
    if above is None or len(this[1]) == len(above[1]):
        return None
    if (odd := _odd_key_out(where, number, at.line)) is not None:
        return odd
    if _first_key_astray(where, number, above, len(this[1]), at.line):
        # The key above opened its mapping out of line: it is the one to move.
        return _out_of_line(where, number, (len(above[1]), above[2]),
                            (len(this[1]), this[2]), "below", problem)
    if not _reads_past(where, at.line, " " * len(above[1]) + line.lstrip(" "), at.line):
        return None
    return _out_of_line(where, at.line, (len(this[1]), this[2]), (len(above[1]), above[2]),
                        "above", problem)


def _out_of_line(where: _Where, number: int, key: tuple[int, str], other: tuple[int, str],
                 side: str, problem: str) -> Diagnostic:
    """The error at the key (its indentation and name) at line `number`, out of line with
    the `other` key of its entry, on the `side` of it."""
    column = other[0] + 1
    return error(Pos(where.path, number, key[0] + 1), "yaml-syntax",
                 f"YAML syntax error: `{key[1]}:` is indented to column {key[0] + 1}, "
                 f"and the key {side} it, `{other[1]}:`, to column {column}",
                 f"line up `{key[1]}:` with `{other[1]}:`, in column {column}: the keys of "
                 "one entry start in the same column" + (
                     "; if the line goes on with the value above it, put that whole value "
                     'in double quotes, `key: "like: this"`'
                     if "mapping values are not allowed" in problem else ""))


def _key_above(where: _Where, number: int, indent: int) -> tuple[int, re.Match[str] | None]:
    """The line of the key above the key at line `number`, indented `indent`, and its
    match: over the lines of text of its own value (`text: >-` and its lines), and over
    a list of plain values, to the key that holds the list (`headings:` above its
    `- "Summary"` lines)."""
    above = _line_above(where, number, text_deeper_than=indent)
    text = _line(where.text, where.lines, above)
    if _KEY_ABOVE.match(text) is None and text.lstrip().startswith("- "):
        above = next((n for n, line in _lines_above(where, number)
                      if _indent(line) < indent and not line.lstrip().startswith("- ")), 0)
    return above, _KEY_ABOVE.match(_line(where.text, where.lines, above))


def _odd_key_out(where: _Where, odd: int, second: int) -> Diagnostic | None:
    """The error at a key (line `odd`) out of line with the keys on either side of it,
    which line up with each other: the first key of its mapping and the two after it, or
    a key between two. The parser stops at the key after it (`second`), which is in line
    with the rest. Named only when lining the odd one up lets the whole file be read."""
    line = _line(where.text, where.lines, odd)
    key, below = _KEY_OPENING.match(line), _KEY_OPENING.match(
        _line(where.text, where.lines, second))
    if key is None or below is None:
        return None
    column = len(below[1])
    before = _KEY_ABOVE.match(_line(where.text, where.lines, _line_above(
        where, odd, text_deeper_than=column)))
    # The next line as little indented as the key after: a third key beside it?
    after = next((_KEY_OPENING.match(text) for _, text in _lines_below(where, second)
                  if _indent(text) <= column), None)
    if before is not None and len(before[1]) == column:
        neighbours = f"the keys around it, `{before[2]}:` and `{below[2]}:`"
    elif after is not None and len(after[1]) == column and _opens_mapping(where, odd):
        neighbours = f"the keys below it, `{below[2]}:` and `{after[2]}:`"
    else:
        return None
    if not _parses(_with_line(where, odd, " " * column + line.lstrip(" "))):
        return None
    return error(Pos(where.path, odd, len(key[1]) + 1), "yaml-syntax",
                 f"YAML syntax error: `{key[2]}:` is indented to column {len(key[1]) + 1}, "
                 f"and {neighbours}, to column {column + 1} (YAML stopped reading at line "
                 f"{second}, column {column + 1})",
                 f"line up `{key[2]}:` with {neighbours.partition(',')[0]}, in column "
                 f"{column + 1}: the keys of one entry start in the same column")


def _opens_mapping(where: _Where, number: int) -> bool:
    """Whether the key at line `number` is the first of its mapping: under the key that
    opens it, or moved left of it (`date:` in the column of `when:` above it)."""
    line = _line(where.text, where.lines, number)
    opening = _line(where.text, where.lines, _line_above(where, number))
    return _indent(opening) < _indent(line) or bool(_OPENS_BLOCK.match(opening))


def _first_key_astray(where: _Where, number: int, first: re.Match[str], column: int,
                      stopped: int) -> bool:
    """Whether the key at line `number` is the first of its mapping (the line above it is
    its parent's `key:`), indented unlike the nested mappings of the rest of the file,
    where the key below it, in `column` spaces, is indented as they are, and moving it
    there lets the file be read past line `stopped`, where the parser stopped. The parser
    sets a mapping's indentation by its first key, so it blames the next, which is in
    line."""
    parent = _line(where.text, where.lines, _line_above(where, number))
    if not parent.rstrip().endswith(":") or _KEY_ABOVE.match(parent) is None:
        return False
    step = column - _indent(parent)
    if step <= 0 or step == len(first[1]) - _indent(parent) or step != _usual_step(where, number):
        return False
    line = _line(where.text, where.lines, number)
    return _reads_past(where, number, " " * column + line.lstrip(" "), stopped)


def _usual_step(where: _Where, astray: int) -> int:
    """How many spaces deeper than a `key:` ending its line the file mostly indents the
    mapping under it (2 in a file with no other such mapping), but at line `astray`."""
    steps: Counter[int] = Counter()
    previous = ""
    for number in range(1, len(where.lines.starts) + 1):
        line = _line(where.text, where.lines, number)
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if previous.endswith(":") and _KEY_OPENING.match(line) and number != astray \
                and _indent(line) > _indent(previous):
            steps[_indent(line) - _indent(previous)] += 1
        previous = line.rstrip()
    return steps.most_common(1)[0][0] if steps else 2


def _key_line_above(where: _Where, number: int, column: int) -> int:
    """The nearest line above `number` with a key, without its colon, in `column` or left
    of it, over the lines of its value that ran on (more indented) and the other keys of
    its entry (`- text >-` and the lines of its text, above `cites:` at line `number`).
    0 once a line begins left of `column` without being one."""
    for above, line in _lines_above(where, number):
        if (found := _COLONLESS.match(line)) and len(found[1]) < column:
            return above
        if _indent(line) + 1 < column:
            return 0
    return 0


def _line_above(where: _Where, number: int, *, text_deeper_than: int | None = None) -> int:
    """The nearest line above `number` that holds more than spaces or a comment, and, with
    `text_deeper_than`, that is a key or indented no more than that many spaces (0: none)."""
    for above, line in _lines_above(where, number):
        if text_deeper_than is None or _KEY_ABOVE.match(line) \
                or _indent(line) <= text_deeper_than:
            return above
    return 0


def _lines_above(where: _Where, number: int) -> Iterator[tuple[int, str]]:
    """The lines above `number` with their numbers, nearest first, but those holding only
    spaces or a comment."""
    return _significant(where, range(number - 1, 0, -1))


def _lines_below(where: _Where, number: int) -> Iterator[tuple[int, str]]:
    """The lines below `number`, nearest first, as `_lines_above`."""
    return _significant(where, range(number + 1, len(where.lines.starts) + 1))


def _significant(where: _Where, numbers: range) -> Iterator[tuple[int, str]]:
    for number in numbers:
        line = _line(where.text, where.lines, number)
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield number, line


def _indent(line: str) -> int:
    """How many spaces `line` opens with."""
    return len(line) - len(line.lstrip(" "))


def _with_line(where: _Where, number: int, fixed: str) -> str:
    """The file's text with line `number` replaced by `fixed`."""
    start = where.lines.starts[number - 1]
    end = start + len(_line(where.text, where.lines, number))
    return where.text[:start] + fixed + where.text[end:]


def _reads_past(where: _Where, number: int, fixed: str, stopped: int) -> bool:
    """Whether the file with line `number` replaced by `fixed` parses past line
    `stopped`, where it stopped before."""
    try:
        for _ in yaml.parse(_with_line(where, number, fixed), Loader=_Loader):
            pass
    except yaml.MarkedYAMLError as again:
        mark = again.problem_mark or again.context_mark
        return mark is not None and mark.line + 1 > stopped
    return True


def _line(text: str, lines: Lines, number: int) -> str:
    if not 0 < number <= len(lines.starts):
        return ""
    end = lines.starts[number] if number < len(lines.starts) else len(text)
    return text[lines.starts[number - 1]:end].rstrip("\r\n")


# `key: "value" more` or `- "value" more`: a quoted value, then more than a comment.
_CLOSED_EARLY = re.compile(r"""^\s*(?:-\s+)?(?:[\w-]+:\s+)?"""  # `key: ` or `- `
                           r"""(["'])(?:\\.|(?!\1)[^\\])*(?P<end>\1)\s*[^\s#,\]}]""")


def _closed_early(line: str) -> tuple[str, int] | None:
    """The quotation mark that ends a quoted value before the line does (`text: "he said
    "no" today"`), when that is what broke the line, and its column."""
    match = _CLOSED_EARLY.match(line)
    if match is None or (match.group(1) == "'" and "''" in line):
        return None
    return match.group(1), match.start("end") + 1


# `key: "text…”`, `key: ["text…”]`: a value opened with YAML's straight
# quote that its line ends with a typographic one, which YAML reads as more of the text.
_TYPOGRAPHIC_CLOSE = re.compile(r"""^\s*(?:-\s+)?(?:[\w-]+:\s+)?(?:\[\s*)?(["'])"""
                                r"""(?:\\.|(?!\1)[^\\])*?([\u201c\u201d\u2018\u2019])\s*\]?\s*$""")


def _typographic_close(where: _Where, at: Pos) -> Diagnostic | None:
    """The error at a quoted value closed with a typographic quotation mark (`text: "the
    cost”`): YAML reads on to the next straight quote, often lines below, and stops
    there. Named only when a straight quote after it lets the file be read past where the
    parser stopped."""
    for number in range(at.line, 0, -1):
        line = _line(where.text, where.lines, number)
        found = _TYPOGRAPHIC_CLOSE.match(line)
        if found is None:
            continue
        fixed = line[:found.end(2)] + found[1] + line[found.end(2):]
        if not _reads_past(where, number, fixed, at.line):
            return None
        opened, closed = found.start(1) + 1, found.start(2) + 1
        stopped = "" if number == at.line else \
            f" (YAML stopped reading at line {at.line}, column {at.col})"
        return error(Pos(where.path, number, closed), "yaml-syntax",
                     f"YAML syntax error: the value opened with a straight quote ({found[1]}) "
                     f"at column {opened} ends with a typographic {found[2]}, which does not "
                     f"close it{stopped}",
                     f"end the value with a straight {found[1]}, as it starts: "
                     f"typographic quotation marks are read as part of the text")
    return None


def _invisible_on_line(text: str, lines: Lines, number: int) -> tuple[int, str] | None:
    if number <= 0:
        return None
    start = lines.starts[number - 1]
    end = lines.starts[number] if number < len(lines.starts) else len(text)
    for offset in range(start, end):
        if is_invisible(text[offset]):
            return offset - start + 1, text[offset]
    return None


_UNUSUAL = re.compile("[" + "".join(sorted(UNUSUAL_BREAKS)) + "]")


def _unusual_breaks(where: _Where) -> list[Diagnostic]:
    """U+2028 and U+2029 end a line for YAML but not in most editors, so every position
    after one would seem a line off; name each, where both agree it is."""
    return [warning(where.offset(index), "yaml-line-separator",
                    f"invisible line break {char_name(char)}: YAML starts a new line here, "
                    "so the lines below are numbered one more than most editors show",
                    "replace it with a space or an ordinary line break")
            for index, char in ((m.start(), m.group()) for m in _UNUSUAL.finditer(where.text))]


def parse_yaml(text: str, path: str, list_key: keyless.ListKey | None = None
               ) -> tuple[YNode | None, tuple[Diagnostic, ...]]:
    """Parse one YAML document; problems come back as diagnostics, never as exceptions.
    `list_key`: the list the file holds its items in, named if its key line is lost."""
    if len(text) > MAX_YAML_BYTES:
        return None, (
            error(Pos(path, 1, 1), "yaml-too-large",
                  f"the file is larger than {MAX_YAML_BYTES:,} characters",
                  "split it into several files (claims/ and entities/ may hold many)"),
        )
    where = _Where(path, text, list_key)
    problems = _check_indentation(text, path)
    if problems:  # (a tab or NBSP after a block scalar's indentation is its text)
        inside = _block_scalar_lines(where)
        problems = [p for p in problems if p.pos.line not in inside]
    if problems:
        return None, tuple(problems)
    notes = _unusual_breaks(where)
    composer = _Composer(path, where)
    events = _EventIter(text)
    root: YNode | None = None
    documents = 0
    try:
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    composer.problems.append(
                        error(where.mark(event.start_mark), "yaml-several-documents",
                              "the file holds more than one YAML document",
                              "remove the `---` separator: one file holds one document")
                    )
                    break
            elif isinstance(event, yaml.NodeEvent):
                root = composer._node(event, events, depth=1)
    except yaml.MarkedYAMLError as exc:
        composer.problems.append(_syntax_error(where, exc))
        root = None
    except yaml.reader.ReaderError as exc:
        # YAML's reader refuses characters the decoder lets through (U+FFFE, U+FFFF).
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        composer.problems.append(
            error(where.offset(exc.position), "text-control-char",
                  f"character {char_name(char)}, which YAML does not allow",
                  "remove it; text must be printable"))
        root = None
    except _Abort:
        root = None
    if root is None and not composer.problems:
        composer.problems.append(
            error(Pos(path, 1, 1), "yaml-empty", "the file holds no YAML value",
                  "add the annotation, or delete the file")
        )
    if root is not None and not composer.problems and \
            (lost := _lost_list_key(where, root)) is not None:
        composer.problems.append(lost)
    if composer.problems:
        return None, (*notes, *composer.problems, *composer.value_problems)
    return root, (*notes, *composer.value_problems)
