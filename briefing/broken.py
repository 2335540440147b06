"""What an annotation that failed to parse or validate still tells us.

A file that is not valid YAML, or an item with one bad field, is reported once. Without
more, everything it declared would be missing, and every reference to it reported as
unknown, every claim it backs as unsourced: one mistake, hundreds of messages. So a
broken file still declares the ids a tolerant scan of its `id:` lines finds, and the ids
a broken item names are marked, so that warnings about them wait for the fix. Each is
marked with the stance it is named under (`NamedIds`): a check that reads only the quotes
asserting a claim need not wait for a broken quote that doubts it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .chars import to_ascii_lookalike
from .yamlnodes import YMap, YNode, YScalar, YSeq

# What a file that could not be read at all declares and names: any id, since its ids
# are unknown (no id can be `*`).
ANY = "*"

# `id: x`, `- id: "x"`, `{id: x, …}`, as written, in a file YAML could not read.
_ID_LINE = re.compile(r"""(?<![\w-])id[ \t]*:[ \t]*["']?([a-z0-9][a-z0-9-]*)""")
_WORD = re.compile(r"(?<![\w-])[a-z0-9][a-z0-9-]*(?![\w-])")


def meant_ids(value: str) -> frozenset[str]:
    """The valid ids a value that is not one may have been meant as: with look-alike
    letters taken for the ASCII ones, in lower case, and with the characters an id cannot
    hold left out or made hyphens (`tr`action` for `traction`, `leads|` for `leads`), so
    that an id written wrongly is reported once, not again at every reference to the id
    it meant."""
    if _SLUG.fullmatch(value):
        return frozenset()
    folded = to_ascii_lookalike(value).lower()
    readings = {re.sub(r"[^a-z0-9-]+", "", folded), re.sub(r"[^a-z0-9-]+", "-", folded)}
    return frozenset(r.strip("-") for r in readings if _WORD.fullmatch(r.strip("-")))


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def scan_ids(text: str) -> frozenset[str]:
    """The ids a file declares, read from its text alone (it need not be valid YAML)."""
    return frozenset(_ID_LINE.findall(text))


@dataclass(frozen=True)
class NamedIds:
    """The ids that items which failed to parse or validate name, by how each is named:
    under one of a quote's stances on a claim (`asserts: [x]`…), or `other`wise: an
    item's own id, a reference of another kind, a word of a file not read as YAML (whose
    stance cannot be known), an id used twice. An id named in several ways is in each."""

    asserts: frozenset[str] = frozenset()
    reports: frozenset[str] = frozenset()
    doubts: frozenset[str] = frozenset()
    refutes: frozenset[str] = frozenset()
    other: frozenset[str] = frozenset()

    def by_stance(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """Each stance (in `model.STANCES` order) with the ids named under it."""
        return (("asserts", self.asserts), ("reports", self.reports),
                ("doubts", self.doubts), ("refutes", self.refutes))

    @property
    def ids(self) -> frozenset[str]:
        """Every id named, however: what a check reading every quote on a claim waits for."""
        return self.other.union(*(ids for _, ids in self.by_stance()))

    def under(self, stances: Iterable[str]) -> frozenset[str]:
        """The ids a check that reads only the quotes taking one of `stances` on a claim
        waits for: those named under one of them, and those named otherwise, which may
        be under any."""
        wanted = frozenset(stances)
        if not wanted <= STANCE_KEYS:
            raise ValueError(f"not stances: {sorted(wanted - STANCE_KEYS)}")
        return self.other.union(*(ids for stance, ids in self.by_stance()
                                  if stance in wanted))

    def __or__(self, more: NamedIds) -> NamedIds:
        return NamedIds(self.asserts | more.asserts, self.reports | more.reports,
                        self.doubts | more.doubts, self.refutes | more.refutes,
                        self.other | more.other)


# The keys a quote names claims under, one for each stance (`model.Quote`).
STANCE_KEYS = frozenset(stance for stance, _ in NamedIds().by_stance())


# The keys whose values are the curator's or a source's words, never an id: a word of
# one names nothing, but for a reference in it (`[[kind:id]]`). A brief's id written in a
# claim's statement ("the transfer works") is no reference to the brief. (The model's
# text fields, tests/test_broken.py; a misspelt key's words may be ids.)
PROSE_KEYS = frozenset((
    "aliases", "author", "basis", "description", "name", "note", "outlet", "prefix",
    "scope", "statement", "suffix", "summary", "text", "title", "unit", "version", "what"))
_REFERENCE = re.compile(r"\[\[([^\]|]*)")
# A `key:` line, as written in a file YAML could not read (after any list dashes), and a
# prose key's quoted value inside a line (`{date: 2025-01, basis: "…"}`).
_KEY_LINE = re.compile(r"([ \t]*(?:-[ \t]+)*)([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)")
_INLINE_PROSE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(PROSE_KEYS))
                           + r""")[ \t]*:[ \t]*(?:"(?:[^"\\]|\\.)*"|'[^']*')""")


def referenced(words: str) -> frozenset[str]:
    """The ids of the references in prose (`[[kind:id]]`, `[[kind:id|label]]`), also
    written wrongly (`[[entity:Acme]]` may mean `acme`)."""
    found: set[str] = set()
    for inside in _REFERENCE.findall(words):
        written = inside.partition(":")[2] or inside
        found.update(_WORD.findall(written), meant_ids(written.strip()))
    return frozenset(found)


def named_in_text(text: str) -> NamedIds:
    """Every word of a file YAML could not read that could be an id, under no stance
    known; but of a prose key's value (`PROSE_KEYS`: its line, and the lines below it
    indented deeper that are no `key:` line), only the references."""
    found: set[str] = set()
    prose_col: int | None = None  # where the prose key whose value goes on starts
    for line in text.splitlines():
        key = _KEY_LINE.match(line)
        indent = len(line) - len(line.lstrip())
        if key is None and prose_col is not None and (indent > prose_col or not line.strip()):
            found |= referenced(line)
            continue
        prose_col = None
        if key is not None and key.group(2) in PROSE_KEYS:
            prose_col = len(key.group(1))
            found |= referenced(line[key.end():])
        else:
            rest = _INLINE_PROSE.sub(lambda m: " ".join(referenced(m.group(0))), line)
            found.update(_WORD.findall(rest))
    return NamedIds(other=frozenset(found))


def named_in(node: YNode) -> NamedIds:
    """Every id-like word in the values of a tree (ids, lists of ids), and the ids a
    value that is not a valid one may have meant (`meant_ids`), each under the stance
    whose key it is written under, if any; of a prose key's value, only the references
    (`PROSE_KEYS`)."""
    found: dict[str, set[str]] = {}
    for scalar, stance, prose in _scalars(node):
        found.setdefault(stance, set()).update(
            referenced(scalar.value) if prose
            else (*_WORD.findall(scalar.value), *meant_ids(scalar.value)))
    return NamedIds(**{key: frozenset(ids) for key, ids in found.items()})


def named_in_all(nodes: Iterable[YNode]) -> NamedIds:
    """Every id-like word in the values of each tree: what items dropped, or kept without
    a bad field (`schema.Obj`), name."""
    named = NamedIds()
    for node in nodes:
        named |= named_in(node)
    return named


def declared_by(values: Iterable[str]) -> NamedIds:
    """The ids items declare, from the values of their `id:` (each id-like word in one,
    and the ids one that is not valid may have meant), named `other`wise: all that an
    entity names for the checks of others. Its name, aliases and kind are read only with
    the corpus's names (`provenance`), and the ids its description mentions, only by the
    checks of the description; none of them is another item's check's, so the words of
    a broken entity (a brief's id written in its description) hold nothing back."""
    found: set[str] = set()
    for value in values:
        if value != ANY:
            found.update(_WORD.findall(value), meant_ids(value))
    return NamedIds(other=frozenset(found))


def holding(items: Iterable[YNode], flawed: Iterable[YNode]) -> list[YNode]:
    """The `items` that are, or hold, one of the `flawed` nodes (an entity kept without
    its bad alias)."""
    marked = {id(node) for node in flawed}
    return [item for item in items if marked and any(
        id(node) in marked for node in _nodes(item))]


def _nodes(node: YNode) -> Iterator[YNode]:
    """The node and every node under it."""
    stack: list[YNode] = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, YSeq):
            stack.extend(item.items)
        elif isinstance(item, YMap):
            stack.extend(value for _, value in item.items)


def _scalars(node: YNode) -> Iterator[tuple[YScalar, str, bool]]:
    """Each scalar of the tree, with the stance key it is under, or "other", and whether
    it is under a prose key."""
    stack: list[tuple[YNode, str, bool]] = [(node, "other", False)]
    while stack:
        item, stance, prose = stack.pop()
        if isinstance(item, YScalar):
            yield item, stance, prose
        elif isinstance(item, YSeq):
            stack.extend((child, stance, prose) for child in item.items)
        elif isinstance(item, YMap):
            stack.extend((value, key.value if key.value in STANCE_KEYS else stance,
                          prose or key.value in PROSE_KEYS) for key, value in item.items)


def dropped_items(root: YNode, key: str, kept: set[str]) -> list[YNode]:
    """The items of the list under `key` that validation dropped (their id is not among
    `kept`, or they have none)."""
    dropped = []
    for item in entries(root.get(key) if isinstance(root, YMap) else None):
        node_id = item.get("id") if isinstance(item, YMap) else None
        if not isinstance(node_id, YScalar) or node_id.value not in kept:
            dropped.append(item)
    return dropped


def entries(node: YNode | None) -> tuple[YNode, ...]:
    """The items of a list of entries; a mapping in its place is its one entry written
    without its `- `, as the schema reads it (`schema.ListOf`)."""
    if isinstance(node, YSeq):
        return node.items
    return (node,) if isinstance(node, YMap) else ()
