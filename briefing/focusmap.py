"""Focused maps: the claims of one brief or one entity and the sources that take a position
on them, drawn at build time as inline SVG.

Two columns, claims on the left and sources on the right, a line for each source's
position on a claim (solid: asserts or reports; dashed: doubts or refutes, or both). A
map of one brief or entity stays small enough to read, and is capped (`MAX_CLAIMS`,
`MAX_SOURCES`, the most connected first) so that a hub entity's map does too.

Like the figure charts (`charts.py`), the picture is laid out in per cent of its width
with text at a fixed size and no `viewBox`, so its labels are as large on a phone as on a
desktop. Labels are wrapped at word boundaries for the narrowest column a phone gives them
and, past `LINES` lines, cut at a word boundary with an ellipsis; the full text is the
node's `<title>`. Each node is a Markdown link around SVG shapes, as MkDocs validates it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

from markupsafe import Markup

from .markup import attr, md_escape

MAX_CLAIMS = 24
MAX_SOURCES = 12
FONT = 13
LINE = 16  # px between lines of a label
LINES = 3  # at most, then cut with an ellipsis
# Per cent of the width: the claims column, the gap the lines cross, the sources column.
CLAIMS_RIGHT, SOURCES_LEFT = 56.0, 65.0
# Characters per line that fit each column at FONT px on a 375 px phone.
CLAIM_CHARS, SOURCE_CHARS = 22, 14
WORDS_CHARS = 36  # a claim's label in the map in words
PAD = 8  # px of box around a label
GAP = 10  # px between boxes
TOP = 26  # px below the column titles
_NUMBER = re.compile(r"^\W?\d")  # a word that is a number: "2,000", "$6", "(5"
EDGE_WORDS = MappingProxyType({"supports": "asserts or reports", "doubts": "doubts or refutes",
                               "mixed": "asserts or reports, and also doubts"})


@dataclass(frozen=True)
class MapNode:
    label: str
    target: str  # docs-relative link target


@dataclass(frozen=True)
class MapEdge:
    claim: int  # index into `FocusMap.claims`
    source: int  # index into `FocusMap.sources`
    kind: str  # "supports", "doubts" or "mixed"


@dataclass(frozen=True)
class FocusMap:
    claims: tuple[MapNode, ...]
    sources: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    left_out: tuple[int, int]  # claims and sources not drawn


def pick(claims: dict[str, dict[str, str]], order: list[str]
         ) -> tuple[list[str], list[str], tuple[int, int]]:
    """Which claims and sources to draw: `claims` maps a claim id to {source id: edge kind},
    `order` is the claims in their reading order. Past the caps, the most connected are
    kept (ties in reading order), and drawn in reading order."""
    rank = {c: n for n, c in enumerate(order)}
    kept = sorted(order, key=lambda c: (-len(claims.get(c, {})), rank[c]))[:MAX_CLAIMS]
    kept.sort(key=rank.__getitem__)
    degree: dict[str, int] = defaultdict(int)
    for c in kept:
        for s in claims.get(c, {}):
            degree[s] += 1
    every = {s for c in order for s in claims.get(c, {})}
    sources = sorted(degree, key=lambda s: (-degree[s], s))[:MAX_SOURCES]
    return kept, sources, (len(order) - len(kept), len(every) - len(sources))


def wrap(text: str, width: int, lines: int = LINES) -> tuple[tuple[str, ...], bool]:
    """Words in lines of at most `width` characters (a longer word has a line of its
    own), at most `lines` of them; whether the text was cut."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) <= lines:
        return tuple(out), False
    kept = out[:lines]
    last = kept[-1]
    # Room for the ellipsis; and a number is never left without what follows it
    # ("$5…" of "$5 million" would read as five dollars).
    while " " in last and (len(last) + 1 > width or _NUMBER.search(last.rsplit(" ", 1)[1])):
        last = last.rsplit(" ", 1)[0]
    kept[-1] = last.rstrip(",;:") + "\u2026"
    return tuple(kept), True


def short(text: str, width: int = WORDS_CHARS) -> str:
    """One line of at most about `width` characters, cut at a word boundary: a claim as
    the map in words names it, shorter than in the picture so the words take less room
    than the picture does."""
    lines, _ = wrap(text, width, 1)
    return lines[0] if lines else ""


def _box(node: MapNode, x: str, width: str, y: int, chars: int, css: str,
         href: Callable[[str], str]) -> tuple[str, int]:
    lines, _ = wrap(node.label, chars)
    height = len(lines) * LINE + PAD
    text = "".join(
        f'<tspan x="{x}" dx="6" dy="{LINE if n else FONT + 2}">'
        f"{md_escape(line, line_start=False)}</tspan>" for n, line in enumerate(lines))
    shape = (f"<title>{md_escape(node.label, line_start=False)}</title>"
             f'<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="4"></rect>'
             f'<text x="{x}" y="{y}">{text}</text>')
    return f"[{shape}]({href(node.target)}){{.map-node .map-{css}}}", height


def svg(focus: FocusMap, label: str, href: Callable[[str], str]) -> Markup:
    """The map as inline SVG in Markdown, one paragraph (no blank line). Sources sit at
    the mean height of the claims they take a position on, pushed down to not overlap,
    so most lines run level."""
    claim_parts, middles, y = [], [], TOP
    for node in focus.claims:
        part, height = _box(node, "0%", f"{CLAIMS_RIGHT}%", y, CLAIM_CHARS, "claim", href)
        claim_parts.append(part)
        middles.append(y + height // 2)
        y += height + GAP
    near: dict[int, list[int]] = defaultdict(list)
    for edge in focus.edges:
        near[edge.source].append(middles[edge.claim])
    source_parts, source_middles, floor = [], [], TOP
    for n, node in enumerate(focus.sources):
        height = len(wrap(node.label, SOURCE_CHARS)[0]) * LINE + PAD
        wanted = sum(near[n]) // len(near[n]) - height // 2 if near[n] else floor
        top = max(wanted, floor)
        part, height = _box(node, f"{SOURCES_LEFT}%", f"{100 - SOURCES_LEFT}%", top,
                            SOURCE_CHARS, "source", href)
        source_parts.append(part)
        source_middles.append(top + height // 2)
        floor = top + height + GAP
    bottom = max(y, floor)
    lines = [f'<svg class="map focus-map" width="100%" height="{bottom}" role="group" '
             f'aria-label="{attr(label)}" font-size="{FONT}">',
             f"<title>{md_escape(label, line_start=False)}</title>",
             '<text class="map-heading" x="0" y="14">Claims</text>',
             f'<text class="map-heading" x="{SOURCES_LEFT}%" y="14">Sources</text>',
             '<g class="map-edges" fill="none">']
    for edge in focus.edges:
        dash = ' stroke-dasharray="5 4"' if edge.kind != "supports" else ""
        lines.append(f'<line class="edge edge-{edge.kind}"{dash} x1="{CLAIMS_RIGHT}%" '
                     f'y1="{middles[edge.claim]}" x2="{SOURCES_LEFT}%" '
                     f'y2="{source_middles[edge.source]}"></line>')
    lines.append("</g>")
    lines.extend(claim_parts)
    lines.extend(source_parts)
    lines.append("</svg>")
    return Markup("\n".join(lines))
