"""The map: how briefs, claims, sources and entities connect, laid out at build time.

Four columns, left to right: briefs → the claims they rest on → the sources that take a
position on those claims → the entities quoted in those sources. Order within a column
follows the column before it (the mean position of a node's neighbours), so edges mostly
run straight; ties break on ids, so the same corpus always gives the same picture.

A map of a large corpus would be a hairball, so each column is capped: the most connected
nodes are shown and the rest are counted, and the page says what was left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType

from markupsafe import Markup

from .link import Linked, Stance
from .markup import md_escape

KINDS = ("brief", "claim", "source", "entity")
PLURALS = MappingProxyType({
    "brief": "briefs", "claim": "claims", "source": "sources", "entity": "entities"})
COLUMN_TITLES = MappingProxyType({"brief": "Briefs", "claim": "Claims", "source": "Sources",
                                  "entity": "Entities quoted"})
LIMITS = MappingProxyType({"brief": 30, "claim": 60, "source": 30, "entity": 12})
# Layout, in SVG user units.
COLUMN_WIDTH = MappingProxyType({"brief": 210, "claim": 290, "source": 220, "entity": 150})
LABEL_CHARS = MappingProxyType({"brief": 32, "claim": 44, "source": 34, "entity": 22})
GAP = 70
ROW = 26
NODE_HEIGHT = 20
TOP = 34


@dataclass(frozen=True)
class Node:
    kind: str
    id: str
    label: str
    x: int
    y: int
    width: int


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    kind: str  # "rests-on", "supports", "doubts", "mixed", "quotes"


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    left_out: Mapping[str, int]  # kind -> how many nodes of that kind are not shown
    width: int
    height: int


# A claim's edges to its sources, with the stances they came from.
ClaimEdges = dict[str, tuple[tuple[Stance, ...], tuple[tuple[str, str], ...]]]


def connections(linked: Linked, memo: ClaimEdges | None = None
                ) -> dict[tuple[str, str], dict[str, str]]:
    """Edges between neighbouring columns: (from kind, to kind) -> {"from>to": edge kind}.
    `memo` (the last call's edges of each claim, by claim id) is reused for a claim whose
    stances are the very same tuple, and updated."""
    out: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for claim_id, brief_ids in linked.claim_cited_in.items():
        for brief_id in brief_ids:
            out["brief", "claim"][f"{brief_id}>{claim_id}"] = "rests-on"
    last = memo if memo is not None else {}
    kept: ClaimEdges = {}
    to_sources = out["claim", "source"]
    for claim_id, stances in linked.stances.items():
        before = last.get(claim_id)
        if before is None or before[0] is not stances:
            sides: dict[str, set[str]] = defaultdict(set)
            for st in stances:
                sides[st.source_id].add("supports" if st.stance in ("asserts", "reports")
                                        else "doubts")
            before = (stances, tuple(
                (f"{claim_id}>{source_id}", kinds.pop() if len(kinds) == 1 else "mixed")
                for source_id, kinds in sides.items()))
        kept[claim_id] = before
        to_sources.update(before[1])
    if memo is not None:
        memo.clear()
        memo.update(kept)
    for source in linked.corpus.sources:
        for quote in source.quotes:
            if quote.speaker and quote.speaker.id in linked.entities:
                out["source", "entity"][f"{source.id}>{quote.speaker.id}"] = "quotes"
    return out


def _ends(key: str) -> tuple[str, str]:
    a, _, b = key.partition(">")
    return a, b


def _links_from(pairs: Iterable[tuple[str, str]], shown: set[str]) -> dict[str, int]:
    """How many links each right-hand node has from the shown left-hand nodes."""
    counts: dict[str, int] = defaultdict(int)
    for left, right in pairs:
        if left in shown:
            counts[right] += 1
    return counts


def _pick(candidates: Iterable[str], degree: Mapping[str, int], limit: int) -> list[str]:
    ranked = sorted(set(candidates), key=lambda i: (-degree.get(i, 0), i))
    return ranked[:limit]


@dataclass(frozen=True)
class MapInputs:
    """What the map's choice and layout of nodes depend on: every id of each column and
    which nodes connect. The kind of each connection (supports, doubts…) shows only on
    the edges drawn, so it is looked up per drawn edge (`build_graph`'s `kinds`): a
    rebuild then finds the map unchanged when a stance the map does not draw changes."""

    ids: Mapping[str, tuple[str, ...]]  # kind -> every id, in corpus order
    pairs: Mapping[tuple[str, str], tuple[str, ...]]  # (left, right) -> sorted "a>b" keys


def map_inputs(linked: Linked, memo: ClaimEdges | None = None
               ) -> tuple[MapInputs, dict[tuple[str, str], dict[str, str]]]:
    """The map's inputs, and the kind of every connection by column pair and key."""
    links = connections(linked, memo)
    corpus = linked.corpus
    ids = {"brief": tuple(b.id for b in corpus.briefs),
           "claim": tuple(c.id for c in corpus.claims),
           "source": tuple(s.id for s in corpus.sources),
           "entity": tuple(e.id for e in corpus.entities)}
    kinds = {pair: links.get(pair, {}) for pair in pairwise(KINDS)}
    return MapInputs(ids, {pair: tuple(sorted(v)) for pair, v in kinds.items()}), kinds


def build_graph(inputs: MapInputs, kinds: Mapping[tuple[str, str], Mapping[str, str]],
                label: Callable[[str, str], str]) -> Graph:
    """`kinds` (from `map_inputs`) and `label` are asked only about the nodes and edges
    shown."""
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {
        key: [_ends(k) for k in v] for key, v in inputs.pairs.items()}
    chosen = _choose(inputs, pairs)
    totals = {kind: len(inputs.ids[kind]) for kind in KINDS}
    left_out = {k: totals[k] - len(chosen[k]) for k in KINDS if totals[k] > len(chosen[k])}
    order = _order(chosen, pairs)
    ys = _heights(order, pairs)
    nodes: dict[tuple[str, str], Node] = {}
    x = 0
    for kind in KINDS:
        for ident in order[kind]:
            nodes[kind, ident] = Node(kind, ident, label(kind, ident), x, ys[kind, ident],
                                      COLUMN_WIDTH[kind])
        x += COLUMN_WIDTH[kind] + GAP
    edges = []
    for left, right in pairwise(KINDS):
        for key in inputs.pairs[left, right]:
            a, b = _ends(key)
            if (left, a) in nodes and (right, b) in nodes:
                edges.append(Edge(nodes[left, a], nodes[right, b], kinds[left, right][key]))
    bottom = max((n.y for n in nodes.values()), default=TOP) + ROW
    return Graph(tuple(nodes.values()), tuple(edges), left_out, x - GAP, bottom + 8)


_Pairs = Mapping[tuple[str, str], list[tuple[str, str]]]


def _choose(inputs: MapInputs, pairs: _Pairs) -> dict[str, list[str]]:
    """What to show, left to right, preferring what connects to what is shown."""
    degree: dict[str, dict[str, int]] = {k: defaultdict(int) for k in KINDS}
    for (left, right), ends in pairs.items():
        for a, b in ends:
            degree[left][a] += 1
            degree[right][b] += 1
    briefs = _pick(inputs.ids["brief"], degree["brief"], LIMITS["brief"])
    shown_briefs = set(briefs)
    # Claims a shown brief rests on come first, then the most connected.
    claim_rank = dict(degree["claim"])
    for a, b in pairs.get(("brief", "claim"), []):
        if a in shown_briefs:
            claim_rank[b] = claim_rank.get(b, 0) + 1000
    claims = _pick(inputs.ids["claim"], claim_rank, LIMITS["claim"])
    source_links = _links_from(pairs.get(("claim", "source"), []), set(claims))
    sources = _pick(inputs.ids["source"], source_links, LIMITS["source"])
    entity_links = _links_from(pairs.get(("source", "entity"), []), set(sources))
    quoted = [e for e in entity_links if entity_links[e] > 0]
    entities = _pick(quoted, entity_links, LIMITS["entity"])
    return {"brief": briefs, "claim": claims, "source": sources, "entity": entities}


def _order(chosen: dict[str, list[str]], pairs: _Pairs) -> dict[str, list[str]]:
    """Each column ordered by the mean position of its neighbours in the column before."""
    order: dict[str, list[str]] = {"brief": sorted(chosen["brief"])}
    for left, right in pairwise(KINDS):
        place = {ident: n for n, ident in enumerate(order[left])}
        near: dict[str, list[int]] = defaultdict(list)
        for a, b in pairs.get((left, right), []):
            if a in place:
                near[b].append(place[a])
        order[right] = sorted(chosen[right], key=lambda i: (
            0 if near[i] else 1, sum(near[i]) / len(near[i]) if near[i] else 0.0, i))
    return order


def _heights(order: dict[str, list[str]], pairs: _Pairs) -> dict[tuple[str, str], int]:
    """The claims column sits compact; every other column follows its neighbours, each
    node at the mean height of the nodes it links to, pushed down to avoid overlaps."""
    ys: dict[tuple[str, str], int] = {
        ("claim", ident): TOP + n * ROW for n, ident in enumerate(order["claim"])}
    for kind, near_kind in (("brief", "claim"), ("source", "claim"), ("entity", "source")):
        linked_to: dict[str, list[int]] = defaultdict(list)
        for (left, right), ends in pairs.items():
            for a, b in ends:
                if (left, right) == (kind, near_kind) and (near_kind, b) in ys:
                    linked_to[a].append(ys[near_kind, b])
                elif (left, right) == (near_kind, kind) and (near_kind, a) in ys:
                    linked_to[b].append(ys[near_kind, a])
        floor = TOP
        for ident in order[kind]:
            near_ys = linked_to.get(ident)
            wanted = sum(near_ys) // len(near_ys) if near_ys else floor
            ys[kind, ident] = max(wanted, floor)
            floor = ys[kind, ident] + ROW
    return ys


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def svg(graph: Graph, href: Callable[[str, str], str]) -> Markup:
    """The map as inline SVG in Markdown. Each node is a Markdown link around SVG shapes:
    MkDocs then resolves, checks and rewrites the link like any other, so it works under
    a sub-path and with or without directory URLs. Everything stays in one paragraph
    (no blank lines, no trailing spaces), as Python-Markdown needs for inline HTML."""
    lines = [
        f'<svg class="map" viewBox="0 0 {graph.width} {graph.height}" '
        f'width="{graph.width}" height="{graph.height}" role="group" '
        f'aria-label="Map of briefs, claims, sources and entities" '
        f'font-family="sans-serif" font-size="12">',
    ]
    x = 0
    for kind in KINDS:
        lines.append(f'<text class="map-heading" x="{x}" y="16" font-weight="bold">'
                     f'{COLUMN_TITLES[kind]}</text>')
        x += COLUMN_WIDTH[kind] + GAP
    lines.append('<g class="map-edges" fill="none" stroke="#8a8f98" stroke-width="1">')
    for edge in graph.edges:
        x1, y1 = edge.source.x + edge.source.width, edge.source.y + NODE_HEIGHT // 2
        x2, y2 = edge.target.x, edge.target.y + NODE_HEIGHT // 2
        mid = (x1 + x2) // 2
        dash = ' stroke-dasharray="4 3"' if edge.kind in ("doubts", "mixed") else ""
        lines.append(f'<path class="edge edge-{edge.kind}"{dash} '
                     f'd="M{x1} {y1}C{mid} {y1} {mid} {y2} {x2} {y2}"></path>')
    lines.append("</g>")
    for node in graph.nodes:
        label = md_escape(_short(node.label, LABEL_CHARS[node.kind]), line_start=False)
        title = md_escape(node.label, line_start=False)
        shape = (f'<title>{title}</title>'
                 f'<rect x="{node.x}" y="{node.y}" width="{node.width}" '
                 f'height="{NODE_HEIGHT}" rx="4" fill="#ffffff" stroke="#5b6270"></rect>'
                 f'<text x="{node.x + 6}" y="{node.y + 14}" fill="#1b1f24">{label}</text>')
        lines.append(f"[{shape}]({href(node.kind, node.id)})"
                     f"{{.map-node .map-{node.kind}}}")
    lines.append("</svg>")
    return Markup("\n".join(lines))


EDGE_WORDS = MappingProxyType({"rests-on": "", "supports": "asserts or reports",
                               "doubts": "doubts or refutes", "mixed": "both supports and doubts",
                               "quotes": ""})
LIST_TITLES = MappingProxyType({"brief": "Briefs and the claims they rest on",
                                "claim": "Claims and the sources that take a position on them",
                                "source": "Sources and who they quote"})


def edge_lists(graph: Graph) -> list[tuple[str, list[tuple[Node, list[Edge]]]]]:
    """The same edges as the picture, as nested lists: the text alternative."""
    grouped: dict[str, dict[str, list[Edge]]] = {k: {} for k in KINDS[:-1]}
    for edge in graph.edges:
        grouped[edge.source.kind].setdefault(edge.source.id, []).append(edge)
    out = []
    for kind in KINDS[:-1]:
        rows = [(node, grouped[kind][node.id]) for node in graph.nodes
                if node.kind == kind and node.id in grouped[kind]]
        if rows:
            out.append((LIST_TITLES[kind], rows))
    return out
