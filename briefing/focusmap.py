"""Focused maps: the claims of one brief or one entity and the sources that take a position
on them, drawn at build time as inline SVG.

Two columns, claims on the left and sources on the right, a line for each source's
position on a claim (solid: asserts or reports; dashed: doubts or refutes, or both). A
map of one brief or entity stays small enough to read, and is capped (`MAX_CLAIMS`,
`MAX_SOURCES`, the most connected first) so that a hub entity's map does too.

Each map is drawn twice, and the stylesheet shows one. `NARROW`, like the figure charts
(`charts.py`), is laid out in per cent of its width with text at a fixed size and no
`viewBox`, so its labels are as large on a phone as on a desktop, wrapped for the
narrowest column a phone gives them. `WIDE` is drawn for a desktop's column at its full
width, its boxes holding two or three times the text; it has a `viewBox`, so paper can
scale it down to fit one page. Labels are wrapped at word boundaries (in Chinese and
Japanese, between characters) and, past `LINES` lines, cut with an ellipsis; the full
text is the node's `<title>`. Each node is a Markdown link around SVG shapes, as MkDocs
validates it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from markupsafe import Markup

from .hedges import Hedges
from .markup import attr, md_escape
from .wording import Wording

MAX_CLAIMS = 24
MAX_SOURCES = 12
FONT = 13
LINE = 16  # px between lines of a label
LINES = 3  # at most, then cut with an ellipsis
WORDS_CHARS = 52  # a claim's label in the map in words: enough to tell like claims apart
PAD = 8  # px of box around a label
GAP = 10  # px between boxes
TOP = 26  # px below the column titles
_NUMBER = re.compile(r"^\W?\d")  # a word that is a number: "2,000", "$6", "(5"
# Scripts written without spaces between words, whose lines break between characters:
# Chinese characters, kana, their punctuation and full-width forms (not Hangul: Korean
# is written with spaces; not Thai and its neighbours, which need a dictionary). Not
# `chars.UNSPACED_CLASS`, where words may begin: that one has Thai and no punctuation.
_UNSPACED = re.compile("[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u312f\u31a0-\u31ff"
                       "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
                       "\uff00-\uffef\U00020000-\U0003ffff]")
# No line starts with these (closing punctuation, small kana, the long vowel mark) and
# none ends with those (opening punctuation): Japanese kinsoku, which Chinese shares.
_NO_LINE_START = frozenset("\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09"
                           "\u3015\uff3d\uff5d\u3009\u300b\u300d\u300f\u3011\u3019"
                           "\u3017\u301f\u2019\u201d\uff60\u00bb\u30fc\u2026\u2025"
                           "\u30fb\u3005\u3041\u3043\u3045\u3047\u3049\u3063\u3083"
                           "\u3085\u3087\u308e\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3"
                           "\u30e3\u30e5\u30e7\u30ee\u30f5\u30f6,.;:!?)]}%")
_NO_LINE_END = frozenset("\uff08\u3014\uff3b\uff5b\u3008\u300a\u300c\u300e\u3010"
                         "\u3018\u3016\u301d\u2018\u201c\uff5f\u00ab([{")
NO_HEDGES = Hedges(())  # a label with nothing it must keep (a source's title)


def edge_words(words: Wording) -> Mapping[str, str]:
    """What each kind of line of a map says of a source's position on a claim, in words
    (the kinds stay English in CSS classes)."""
    return MappingProxyType({
        # Translators: a source's position on a claim, in a map's words.
        "supports": words.gettext("asserts or reports"),
        # Translators: a source's position on a claim, in a map's words.
        "doubts": words.gettext("doubts or refutes"),
        # Translators: a source's position on a claim, in a map's words: some of its
        # passages assert or report the claim, others doubt it.
        "mixed": words.gettext("asserts or reports, and also doubts"),
    })


@dataclass(frozen=True)
class Layout:
    """Where a drawing's columns are and how many characters a line of each holds."""
    width: int  # px the drawing is laid out at; 0: in per cent of the column's width
    claims_right: float  # where the claims column ends and the lines start
    sources_left: float  # where the lines end and the sources column starts
    claim_chars: int
    source_chars: int
    css: str

    def x(self, at: float) -> str:
        return f"{at}%" if self.width == 0 else f"{at:g}"


# Per cent of a 375 px phone's column, and the characters a line of each column holds at
# FONT px there (about 8.7 px each, with the box's padding).
NARROW = Layout(0, 56.0, 65.0, 22, 14, "map-narrow")
# A desktop's column (46 rem) in px: 420 px of claims hold 52 characters, 236 of sources 28
# (about 7.9 px each: a desktop's fonts are no wider than a phone's, this leaves less spare).
WIDE = Layout(736, 420.0, 500.0, 52, 28, "map-wide")


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
    # The hedges a claim's label keeps when cut (`wrap`): the site's, with its `hedges:`.
    hedges: Hedges = field(default_factory=Hedges)


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


def wrap(text: str, width: int, lines: int = LINES, keep: Hedges = NO_HEDGES
         ) -> tuple[tuple[str, ...], bool]:
    """Words in lines of at most `width` columns (`columns`: a Chinese or Japanese
    character takes two), at most `lines` of them; whether the text was cut. Lines break
    at spaces, and in Chinese and Japanese, which leave none, between two characters
    (`_pieces`); a piece longer than a line has a line of its own. A cut never drops a
    hedge (a word `keep` finds: "reportedly", "up to", "or more"): the label runs to
    more lines until every hedge of the text is shown, else is shown whole."""
    shown, cut = _wrapped(text, width, lines, keep)
    return tuple(_joined(line) for line in shown), cut


def _wrapped(text: str, width: int, lines: int, keep: Hedges
             ) -> tuple[list[list[tuple[str, str]]], bool]:
    """The lines as pieces, each with what joined it to the piece before (a line's first
    too, so the lines can be made one again)."""
    out: list[list[tuple[str, str]]] = []
    used = 0  # the last line's columns, kept as it grows rather than measured whole
    for joint, piece in _pieces(text):  # again for every piece
        wide = columns(piece)
        if out and used + len(joint or "") + wide <= width:
            out[-1].append((joint or "", piece))
            used += len(joint or "") + wide
        else:
            out.append([(joint or "", piece)])
            used = wide
    hedges = keep.in_claim(text)
    for count in range(lines, len(out)):
        shown = _cut(out, count, width)
        if hedges <= keep.in_claim(_flat(shown)):
            return shown, True
    return out, False


def _cut(out: list[list[tuple[str, str]]], lines: int, width: int
         ) -> list[list[tuple[str, str]]]:
    last = out[lines - 1]
    # Room for the ellipsis; and a number is never left without what follows it
    # ("$5…" of "$5 million" would read as five dollars).
    while len(last) > 1 and (columns(_joined(last)) + 1 > width
                             or _NUMBER.search(last[-1][1])):
        last = last[:-1]
    joint, piece = last[-1]
    tail = (joint, piece.rstrip(",;:\u3001\uff0c\uff1a\uff1b") + "\u2026")
    return [*out[:lines - 1], [*last[:-1], tail]]


def _flat(lines: list[list[tuple[str, str]]]) -> str:
    """The lines made one line again, as the text had them."""
    return "".join(joint + piece for line in lines for joint, piece in line).lstrip()


def columns(text: str) -> int:
    """How wide `text` is in columns: two for a character East Asian typography sets
    full width (a Chinese character, kana, full-width punctuation), one for any other."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _joined(line: list[tuple[str, str]]) -> str:
    return line[0][1] + "".join(joint + piece for joint, piece in line[1:])


def _pieces(text: str) -> Iterator[tuple[str | None, str]]:
    """The pieces a line may break between, each with what joins it to the one before
    (a space, or nothing inside a word; None for the first). A word breaks only next to
    a Chinese or Japanese character, so a Latin word or a number stays whole ("R1",
    "600"), never before closing punctuation or after opening punctuation."""
    for word in text.split():
        if word.isascii():  # (no Chinese or Japanese in it: the word stays whole)
            yield " ", word
            continue
        start = 0
        for at in range(1, len(word)):
            before, after = word[at - 1], word[at]
            if (_UNSPACED.match(before) or _UNSPACED.match(after)) \
                    and after not in _NO_LINE_START and before not in _NO_LINE_END:
                yield (" " if start == 0 else ""), word[start:at]
                start = at
        yield (" " if start == 0 else ""), word[start:]


def short(text: str, width: int = WORDS_CHARS, keep: Hedges = NO_HEDGES) -> str:
    """One line of at most about `width` characters, cut at a word boundary: a claim as
    the map in words names it, long enough that claims alike in their first words
    ("DeepSeek trained DeepSeek-R1 for…", "… using…") still read apart; longer when
    that is what keeps its hedges: then cut just past the last of them (and the number
    a qualifier such as "around" goes with, and the word after that number)."""
    shown = _wrapped(text, width, 1, keep)[0]
    return _flat(shown) if len(shown) == 1 else _past_the_hedges(text, keep)


def _past_the_hedges(text: str, keep: Hedges) -> str:
    """The shortest start of `text` that holds every hedge of it and does not end on a
    number, with an ellipsis where it is cut."""
    pieces = [(joint or "", piece) for joint, piece in _pieces(text)]
    hedges = keep.in_claim(text)
    for end in range(1, len(pieces)):
        start = pieces[:end]
        if not _NUMBER.search(start[-1][1]) and hedges <= keep.in_claim(_flat([start])):
            joint, piece = start[-1]
            return _flat([[*start[:-1], (joint, piece.rstrip(",;:\u3001\uff0c\uff1a\uff1b")
                                          + "\u2026")]])
    return text


def _box(node: MapNode, x: str, width: str, y: int, chars: int, css: str,
         href: Callable[[str], str], keep: Hedges = NO_HEDGES) -> tuple[str, int]:
    lines, _ = wrap(node.label, chars, keep=keep)
    height = len(lines) * LINE + PAD
    text = "".join(
        f'<tspan x="{x}" dx="6" dy="{LINE if n else FONT + 2}">'
        f"{md_escape(line, line_start=False)}</tspan>" for n, line in enumerate(lines))
    shape = (f"<title>{md_escape(node.label, line_start=False)}</title>"
             f'<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="4"></rect>'
             f'<text x="{x}" y="{y}">{text}</text>')
    return f"[{shape}]({href(node.target)}){{.map-node .map-{css}}}", height


def svg(focus: FocusMap, label: str, href: Callable[[str], str], *,
        words: Wording | None = None) -> Markup:
    """The map as inline SVG in Markdown, drawn for a phone and for a desktop, one
    paragraph (no blank line)."""
    words = words or Wording()
    # Translators: the heading of a map's column of claims.
    claims = md_escape(words.gettext("Claims"), line_start=False)
    # Translators: the heading of a map's column of sources.
    sources = md_escape(words.gettext("Sources"), line_start=False)
    return Markup("\n".join(_drawing(focus, label, href, layout, (claims, sources))
                            for layout in (NARROW, WIDE)))


def _drawing(focus: FocusMap, label: str, href: Callable[[str], str], layout: Layout,
             headings: tuple[str, str]) -> str:
    """One drawing of the map. Sources sit at the mean height of the claims they take a
    position on, pushed down to not overlap, so most lines run level."""
    right = layout.width or 100
    claim_parts, middles, y = [], [], TOP
    for node in focus.claims:
        part, height = _box(node, layout.x(0), layout.x(layout.claims_right), y,
                            layout.claim_chars, "claim", href, focus.hedges)
        claim_parts.append(part)
        middles.append(y + height // 2)
        y += height + GAP
    near: dict[int, list[int]] = defaultdict(list)
    for edge in focus.edges:
        near[edge.source].append(middles[edge.claim])
    source_parts, source_middles, floor = [], [], TOP
    for n, node in enumerate(focus.sources):
        height = len(wrap(node.label, layout.source_chars)[0]) * LINE + PAD
        wanted = sum(near[n]) // len(near[n]) - height // 2 if near[n] else floor
        top = max(wanted, floor)
        part, height = _box(node, layout.x(layout.sources_left),
                            layout.x(right - layout.sources_left), top,
                            layout.source_chars, "source", href)
        source_parts.append(part)
        source_middles.append(top + height // 2)
        floor = top + height + GAP
    bottom = max(y, floor)
    # Drawn at a width in px, the drawing scales (on paper, to fit a page); in per cent, not.
    size = (f'width="100%" height="{bottom}"' if layout.width == 0 else
            f'width="{right}" height="{bottom}" viewBox="0 0 {right} {bottom}"')
    lines = [f'<svg class="map focus-map {layout.css}" {size} role="group" '
             f'aria-label="{attr(label)}" font-size="{FONT}">',
             f"<title>{md_escape(label, line_start=False)}</title>",
             f'<text class="map-heading" x="0" y="14">{headings[0]}</text>',
             f'<text class="map-heading" x="{layout.x(layout.sources_left)}" y="14">'
             f"{headings[1]}</text>",
             '<g class="map-edges" fill="none">']
    for edge in focus.edges:
        dash = ' stroke-dasharray="5 4"' if edge.kind != "supports" else ""
        lines.append(f'<line class="edge edge-{edge.kind}"{dash} '
                     f'x1="{layout.x(layout.claims_right)}" y1="{middles[edge.claim]}" '
                     f'x2="{layout.x(layout.sources_left)}" '
                     f'y2="{source_middles[edge.source]}"></line>')
    lines.append("</g>")
    lines.extend(claim_parts)
    lines.extend(source_parts)
    lines.append("</svg>")
    return "\n".join(lines)
