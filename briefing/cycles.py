"""Cycles in claim relations that must run one way.

A newer claim supersedes an older one, and a narrower one qualifies a broader one, so
neither relation may lead back to where it started (`contradicts` and `supports` may be
mutual). Each cycle is reported once, at the relation that leaves its smallest id, and
named in full. Linear in claims and relations: one strongly-connected-components pass
per relation kind (Tarjan's, without recursion), then one breadth-first search per cycle.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence

from .diagnostics import Diagnostic, Pos, error
from .model import Claim

ONE_WAY = ("supersedes", "qualifies")
MAX_SHOWN = 8


def relation_cycles(claims: Iterable[Claim]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    claims = list(claims)
    known = {c.id for c in claims}
    for kind in ONE_WAY:
        edges: dict[str, dict[str, Pos]] = {}
        for claim in claims:
            for ref in getattr(claim.relations, kind, ()) if claim.relations else ():
                if ref.id in known and ref.id != claim.id:  # unknown or self: reported apart
                    edges.setdefault(claim.id, {}).setdefault(ref.id, ref.pos)
        for component in _components(edges):
            cycle = _shortest_cycle(min(component), edges, set(component))
            shown = [repr(i) for i in (*cycle, cycle[0])]
            if len(shown) > MAX_SHOWN:  # a long ring: its start, and how long it is
                shown = [*shown[: MAX_SHOWN - 1], f"… ({len(cycle)} claims in all)"]
            path = f" {kind} ".join(shown)
            problems.append(error(edges[cycle[0]][cycle[1]], "relation-cycle",
                                  f"claims {kind} one another in a cycle: {path}",
                                  f"`{kind}` runs one way; remove the relation that points "
                                  "back"))
    return problems


def _components(edges: Mapping[str, Mapping[str, Pos]]) -> list[list[str]]:
    """Strongly connected components with more than one claim (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, Sequence[str], int]] = [(root, sorted(edges.get(root, {})), 0)]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets, at = work.pop()
            if at < len(targets):
                work.append((node, targets, at + 1))
                target = targets[at]
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, sorted(edges.get(target, {})), 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def _shortest_cycle(start: str, edges: Mapping[str, Mapping[str, Pos]],
                    members: set[str]) -> list[str]:
    """The shortest path from `start` back to itself inside one component."""
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in sorted(edges.get(node, {})):
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return path[::-1]
            if target in members and target not in previous:
                previous[target] = node
                queue.append(target)
    raise AssertionError("a strongly connected component always holds a cycle")
