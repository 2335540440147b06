"""Generated Markdown cut into pieces that convert alone, and the pieces kept converted.

An edit rarely changes a whole page: a new source title changes 46 pages at 1,000
sources, and in each of them one heading, table row or list item. Converting those
pages whole took 1 s of a 2 s reload. So a generated page is cut where Python-Markdown's
result cannot depend on what lies across the cut, each piece converts alone, and a piece
whose Markdown is unchanged since the page last converted is reused (`PieceMemo`; the
conversion itself is in `conversion.py`).

Where it may be cut: before an ATX heading that follows a blank line; around a long
table, and between its rows (the rows convert under a stand-in header and are joined
into one table); around a long bullet list no neighbouring block can join, and between
its items (joined into one list). A heading and a table always start a new element, and
a list cut out has no list beside it, so no block reaches across a cut, and the page's
HTML is its pieces' HTML joined as Python-Markdown joins top-level elements (`joined`).
Pieces hold about `GROUP_CHARS` characters (`grouped`). A page is not cut when a cut
could fall inside something or a block could reach across one (`cuttable`): reference
definitions, fenced code, block-level raw HTML, the table-of-contents marker.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from .diskstore import ROOT, DiskStore, stable

FORMAT = b"briefing-pieces 3"  # changes whenever an entry's content changes meaning
FOLDER = ROOT / "conversions"  # beside mkdocs.yml
GROUP_CHARS = 1000  # an edited part converts with its group: small, but not tiny

HEADING_CUT = re.compile(r"\n\n(?=#)")
TABLE_SEPARATOR = re.compile(r"^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.M)
FENCE = re.compile(r"^ *(```|~~~)", re.M)
HTML_LINE = re.compile(r"^ {0,3}<(/?[A-Za-z][\w-]*)?", re.M)
END_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|$")  # as Python-Markdown's tables find it
LIST_ITEM = re.compile(r"[-*+] ")  # a bullet at the margin: always a new item
LIST_START = re.compile(r" {0,3}([-*+]|\d+\.)[ \t]")
# Lines Python-Markdown could take out of a list block: headings, rules, table separators.
LIST_BREAK = re.compile(r" {0,3}#|[-=_* ]+$|" + TABLE_SEPARATOR.pattern.lstrip("^"))
TABLE_BODY_START, TABLE_END = "<tbody>\n", "\n</tbody>\n</table>"
LIST_START_TAG, LIST_END = "<ul>\n", "\n</ul>"


@dataclass(frozen=True)
class Piece:
    markdown: str
    # The pieces of one table or list share a number; a table's first piece is its head.
    group: int | None = None
    kind: str = "text"  # "text", "head" (a table's header), "rows", "items"


@dataclass(frozen=True)
class Converted:
    html: str
    headings: tuple[dict[str, Any], ...]  # toc tokens in document order, not nested
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: tuple[tuple[str, str, str], ...]  # (target page, anchor, link)
    looked_up: frozenset[str]  # the files its links looked for, found or not


def encoded(piece: Converted) -> list[Any]:
    """The piece as JSON data (`decoded` reads it back)."""
    return [piece.html, list(piece.headings), piece.title, sorted(piece.anchors),
            [list(link) for link in piece.links_to_anchors], sorted(piece.looked_up)]


def decoded(html: str, headings: list[dict[str, Any]], title: str | None,
            anchors: list[str], links: list[list[str]], looked_up: list[str]) -> Converted:
    """Raises TypeError or ValueError on data `encoded` did not write."""
    if not isinstance(html, str) or not all(isinstance(h, dict) for h in headings):
        raise TypeError(html)
    return Converted(html, tuple(headings), title, frozenset(anchors),
                     tuple((target, anchor, link) for target, anchor, link in links),
                     frozenset(looked_up))



def cuttable(markdown_text: str, marker: str, is_block_level: Callable[[str], bool]) -> bool:
    """Whether the page may be cut: no table-of-contents `marker`, reference definition,
    fenced code or block-level raw HTML (`is_block_level`: Python-Markdown's test)."""
    if marker and marker in markdown_text:
        return False
    if REFERENCE_DEFINITION.search(markdown_text) or FENCE.search(markdown_text):
        return False
    return not any(tag is None or is_block_level(tag.lstrip("/"))
                   for tag in (m.group(1) for m in HTML_LINE.finditer(markdown_text)))



def pieces(markdown_text: str) -> list[Piece]:
    """The page cut as the module's docstring says (only for pages `cuttable` accepts)."""
    result: list[Piece] = []
    sections: list[str] = []  # text between the tables and lists, in sections
    groups = 0
    for section in HEADING_CUT.split(markdown_text):
        text: list[str] = []
        blocks = section.split("\n\n")
        for at, block in enumerate(blocks):
            lines = block.split("\n")  # (a table or list shorter than a group stays whole)
            cut = None if len(block) < 2 * GROUP_CHARS else table_pieces(lines) \
                if is_table(lines) else list_pieces(lines) if is_separate_list(blocks, at) else None
            if cut is None:
                text.append(block)
                continue
            if text:
                sections.append("\n\n".join(text))
                text = []
            result.extend(map(Piece, grouped(sections, "\n\n")))
            sections = []
            groups += 1
            result.extend(Piece(markdown, groups, kind) for markdown, kind in cut)
        if text:
            sections.append("\n\n".join(text))
    result.extend(map(Piece, grouped(sections, "\n\n")))
    return result


def is_table(lines: list[str]) -> bool:
    return len(lines) > 2 and lines[0].startswith("|") and bool(TABLE_SEPARATOR.match(lines[1]))


def table_pieces(lines: list[str]) -> list[tuple[str, str]]:
    """The header, then groups of rows under a stand-in header: a body row's HTML depends
    only on the number of columns, their alignment and the header's outer pipes (a cut
    table's header starts with one), so a changed header leaves the rows' pieces as
    they were."""
    header, separator = lines[:2]
    right = bool(END_PIPE.search(header.strip(" ")))
    cells = separator.strip(" ").removeprefix("|")
    columns = (cells[:-1] if right and cells.endswith("|") else cells).count("|") + 1
    stand_in = header if columns < 2 else "|" + "|".join(["."] * columns) + ("|" if right else "")
    return [(f"{header}\n{separator}", "head"),
            *((f"{stand_in}\n{separator}\n{rows}", "rows")
              for rows in grouped(rows_of(lines)))]


def rows_of(table: list[str]) -> list[str]:
    """The body rows; a table that ends the page ends with its line break."""
    rows = table[2:]
    while rows and not rows[-1].strip():
        rows.pop()
    return rows


def is_separate_list(blocks: list[str], at: int) -> bool:
    """A bullet list no neighbouring block can join: Python-Markdown makes a list and a list
    (or indented text) after a blank line one list, so only lists after a lone heading
    line (or first in their section), followed by a block that starts at the margin and
    is no list, are cut out."""
    lines = blocks[at].split("\n")
    if not LIST_ITEM.match(lines[0]) or any(LIST_BREAK.match(line) for line in lines):
        return False
    # (Python-Markdown passes over extra blank lines: a block may start with them.)
    before = "\n\n".join(blocks[:at]).rstrip("\n")
    last = before[before.rfind("\n\n") + 2:].lstrip("\n") if "\n\n" in before else before
    after = "\n\n".join(blocks[at + 1:]).lstrip("\n")
    return (not before or (last.startswith("#") and "\n" not in last)) \
        and not (after[:1].isspace() or LIST_START.match(after))


def list_pieces(lines: list[str]) -> list[tuple[str, str]]:
    items: list[str] = []
    for line in lines:
        if LIST_ITEM.match(line) or not items:
            items.append(line)
        else:
            items[-1] += "\n" + line
    return [(group, "items") for group in grouped(items)]


def grouped(parts: list[str], joiner: str = "\n") -> Iterator[str]:
    """Consecutive parts joined, about `GROUP_CHARS` to a group. Whether a group ends after
    a part depends on that part alone (a part ends it with a chance proportional to its
    length, as its checksum decides), so an edit moves no group boundary but its own: a
    running total would move every boundary after an edited part, and every later group
    would convert again."""
    group: list[str] = []
    for part in parts:
        group.append(part)
        if zlib.crc32(part.encode()) % GROUP_CHARS < len(part):
            yield joiner.join(group)
            group = []
    if group:
        yield joiner.join(group)



class PieceStore(DiskStore):
    """Pages' pieces as converted, on disk (`diskstore.py`): one entry a page, named by a
    hash of its path and Markdown and of the `settings` it converted with (the Markdown
    extensions and their settings, the link settings, the packages' versions: whatever
    else its HTML depends on). A link's HTML also depends on the page it points to, so an
    entry records the address each path its links looked for had (`address`: None for
    none), and is used only if every one is the same now. A page with a link MkDocs must
    check is never converted here, so MkDocs reports it in every build."""

    def __init__(self, folder: Path, settings: Mapping[str, Any]) -> None:
        super().__init__(folder, FORMAT)
        self.settings = hashlib.sha256(json.dumps(
            {"format": FORMAT.decode(), **stable(dict(settings))}, sort_keys=True
        ).encode()).hexdigest()
        self.hits = self.misses = 0  # pages taken whole from the disk, and the others

    def key(self, path: str, markdown_text: str) -> str:
        digest = hashlib.sha256(f"{self.settings}\0{path}\0".encode())
        digest.update(markdown_text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def kept(self, key: str, address: Callable[[str], str | None]
             ) -> dict[str, Converted] | None:
        """The entry's pieces by their Markdown; None if there is none, a path its links
        looked for is no longer at the address it had, or it is not as written."""
        entry = self.load(key)
        if entry is None:
            return None
        try:
            found: dict[str, str | None] = entry["found"]
            if any(address(path) != url for path, url in found.items()):
                return None
            return {text: decoded(*fields) for text, *fields in entry["pieces"]}
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def keep(self, key: str, kept: Mapping[str, Converted],
             address: Callable[[str], str | None]) -> None:
        looked_up = sorted(set().union(*(piece.looked_up for piece in kept.values())))
        self.save(key, {"pieces": [[text, *encoded(piece)] for text, piece in kept.items()],
                        "found": {path: address(path) for path in looked_up}})


class PieceMemo:
    """Each generated page's pieces as last converted, while they stay valid.

    Every piece is forgotten when the settings change (the theme, the hand-written pages:
    a link's HTML depends on them); a piece also records the files its links looked for,
    and is forgotten when one of those comes or goes."""

    def __init__(self) -> None:
        self.pages: dict[str, dict[str, Converted]] = {}
        self.valid_for: object = None
        self.files: frozenset[str] = frozenset()

    def valid(self, settings: object, files: frozenset[str]) -> None:
        """Forget every piece when the settings changed, and the pieces whose links looked
        for a file that came or went since: their HTML may change with it. Forgetting them
        all whenever a file went away made the next rebuild convert its pages from
        nothing (2.6 s at 1,000 sources after a claim page went away)."""
        if settings != self.valid_for:
            self.pages, self.valid_for = {}, settings
        # (Not `files ^ self.files`: that keeps the table of a set of every file, and each
        # `isdisjoint` below walked it: 0.1 s a rebuild at 1,000 sources.)
        elif changed := (files - self.files) | (self.files - files):
            self.pages = {
                page: {text: converted for text, converted in kept.items()
                       if converted.looked_up.isdisjoint(changed)}
                for page, kept in self.pages.items() if page in files}
        self.files = files

    def converted(self, path: str, markdown_text: str,
                  convert: Callable[[str], Converted], *, whole: bool = False,
                  recut: bool = False) -> tuple[str, list[tuple[Piece, Converted]]] | None:
        """The page's HTML and its pieces, converted by `convert` unless unchanged since the
        page last converted (`convert` may raise: nothing is kept then); `whole`: as one
        piece, as is a page that last converted whole and is unchanged, unless `recut`.
        None, the page's pieces forgotten, when it must convert whole: its pieces do not
        join into one table or list each, or two pieces use the same id (converting whole
        makes ids unique)."""
        kept = self.pages.get(path, {})
        whole = whole or (markdown_text in kept and not recut)
        now: dict[str, Converted] = {}
        converted = []
        for piece in [Piece(markdown_text)] if whole else pieces(markdown_text):
            result = kept.get(piece.markdown) or now.get(piece.markdown)
            if result is None:
                result = convert(piece.markdown)
            now[piece.markdown] = result
            converted.append((piece, result))
        html = joined(converted)
        anchors = [result.anchors for _, result in converted]
        if html is None or len(frozenset().union(*anchors)) != sum(map(len, anchors)):
            self.pages.pop(path, None)
            return None
        self.pages[path] = now
        return html, converted


def joined(converted: Sequence[tuple[Piece, Converted]]) -> str | None:
    """The page's HTML from its pieces'; None if a table's or list's pieces did not make
    one table or list each."""
    parts: list[str] = []
    for group, members in groupby(converted, key=lambda item: item[0].group):
        if group is None:
            parts.extend(result.html for _, result in members if result.html)
            continue
        cut = list(members)
        table = cut[0][0].kind == "head"
        start, end = (TABLE_BODY_START, TABLE_END) if table else (LIST_START_TAG, LIST_END)
        inner = []
        for _, result in cut:
            html = result.html
            if not html.startswith("<table>" if table else start) or not html.endswith(end) \
                    or (table and html.count(TABLE_BODY_START) != 1):
                return None
            inner.append(html[html.find(start) + len(start):-len(end)])
        if table:  # the header's piece holds the head, and an empty row to drop
            head = cut[0][1].html
            parts.append(head[:head.find(start) + len(start)] + "\n".join(inner[1:]) + end)
        else:
            parts.append(start + "\n".join(inner) + end)
    return "\n".join(parts)



def flattened(tokens: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for token in tokens:
        yield {key: value for key, value in token.items() if key != "children"}
        yield from flattened(token.get("children", []))

