"""What an annotation that failed to parse or validate still tells us.

A file that is not valid YAML, or an item with one bad field, is reported once. Without
more, everything it declared would be missing, and every reference to it reported as
unknown, every claim it backs as unsourced: one mistake, hundreds of messages. So a
broken file still declares the ids a tolerant scan of its `id:` lines finds, and the ids
a broken item names are marked, so that warnings about them wait for the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

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


def named_in_text(text: str) -> frozenset[str]:
    """Every word of a file YAML could not read that could be an id."""
    return frozenset(_WORD.findall(text))


def named_in(node: YNode) -> frozenset[str]:
    """Every id-like word in the values of a tree (ids, lists of ids, `[[kind:id]]`), and
    the ids a value that is not a valid one may have meant (`meant_ids`)."""
    return frozenset(word for scalar in _scalars(node)
                     for word in (*_WORD.findall(scalar.value), *meant_ids(scalar.value)))


def named_in_all(nodes: Iterable[YNode]) -> frozenset[str]:
    """Every id-like word in the values of each tree: what items dropped, or kept without
    a bad field (`schema.Obj`), name."""
    return frozenset(word for node in nodes for word in named_in(node))


def _scalars(node: YNode) -> Iterator[YScalar]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, YScalar):
            yield item
        elif isinstance(item, YSeq):
            stack.extend(item.items)
        elif isinstance(item, YMap):
            stack.extend(value for _, value in item.items)


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
