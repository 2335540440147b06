"""Markdown to HTML for `mkdocs serve --dirty`, piece by piece, reusing unchanged pieces.

An edit rarely changes a whole page: a new source title changes 46 pages at 1,000
sources, and in each of them one heading, table row or list item. Converting those
pages whole took 1 s of a 2 s reload. So a generated page is cut where Python-Markdown's
result cannot depend on what lies across the cut, each piece converts alone, and a piece
whose Markdown is unchanged since the page last converted is reused.

Where it may be cut: before an ATX heading that follows a blank line; around a long
table, and between its rows (the rows convert under a stand-in header and are joined
into one table); around a long bullet list no neighbouring block can join, and between
its items (joined into one list). A heading and a table always start a new element, and
a list cut out has no list beside it, so no block reaches across a cut, and the page's
HTML is its pieces' HTML joined as Python-Markdown joins top-level elements. The table of
contents, anchors, title and links to anchors are gathered from the pieces as MkDocs
gathers them from the whole page (`Page.render`). Pieces hold about `GROUP_CHARS`
characters (`grouped`).

What could make the pieces differ from the whole converts the page whole, as MkDocs does:
a Markdown extension not known to act locally, reference definitions (they reach across
the page), fenced code and block-level raw HTML (a cut could fall inside them), the
table-of-contents marker, and ids that two pieces both use (Python-Markdown makes a
heading's id unique within what it converts). A piece whose conversion logged a warning
is not kept, so the warning comes again whenever the page is rebuilt. The pieces are
forgotten when the settings, the theme or the hand-written pages change: a link's HTML
depends on them. A piece also records the files its links looked for, and is forgotten
when one of those comes or goes.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import PurePath
from typing import Any, cast

import markdown
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

try:  # MkDocs' private processors (docs/architecture.md, "Private MkDocs APIs")
    from mkdocs.structure.pages import (
        _ExtractAnchorsTreeprocessor,
        _ExtractTitleTreeprocessor,
        _RawHTMLPreprocessor,
        _RelativePathTreeprocessor,
    )
    PIECEWISE = True
except ImportError:  # a release without them: every page converts whole, as MkDocs does
    PIECEWISE = False

# Extensions whose output for a block depends on that block alone (MkDocs always adds
# toc, tables and fenced_code; a page with fenced code is not cut, see `cut_safely`).
LOCAL_EXTENSIONS = frozenset(
    name for short in ("toc", "tables", "fenced_code", "attr_list")
    for name in (short, f"markdown.extensions.{short}"))
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
# The program's loggers: under ProperDocs, `mkdocs.*` imports load `properdocs.*`, which
# logs as `properdocs`.
PAGES_LOG = logging.getLogger(Page.__module__)
PROGRAM_LOG = logging.getLogger(Page.__module__.partition(".")[0])


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


def cut_safely(markdown_text: str, config: MkDocsConfig, md: markdown.Markdown) -> bool:
    extensions = config.markdown_extensions
    if not all(isinstance(name, str) and name in LOCAL_EXTENSIONS for name in extensions):
        return False
    marker = (config.mdx_configs or {}).get("toc", {}).get("marker", "[TOC]")
    if marker and marker in markdown_text:
        return False
    if REFERENCE_DEFINITION.search(markdown_text) or FENCE.search(markdown_text):
        return False
    return not any(tag is None or md.is_block_level(tag.lstrip("/"))
                   for tag in (m.group(1) for m in HTML_LINE.finditer(markdown_text)))


def pieces(markdown_text: str) -> list[Piece]:
    """The page cut as the module's docstring says (only for pages `cut_safely` accepts)."""
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


class Conversions:
    """Each generated page's pieces as last converted, while they stay valid."""

    def __init__(self) -> None:
        self.pages: dict[str, dict[str, Converted]] = {}
        self.valid_for: object = None
        self.files: frozenset[str] = frozenset()
        # A page's canonical URL and absolute path, by the site's URL and the page's.
        self.canonical_urls: dict[tuple[str | None, str], tuple[str | None, str | None]] = {}
        # One Markdown instance for every page of a build, its page processors swapped per
        # page (`PieceConverter`): making one per page took 0.6 ms, 30 ms of a reload.
        self.markdown: tuple[MkDocsConfig, markdown.Markdown] | None = None

    def valid(self, settings: object, files: frozenset[str]) -> None:
        """Forget every piece when the settings changed, and the pieces whose links looked
        for a file that came or went since: their HTML may change with it. Forgetting them
        all whenever a file went away made the next rebuild convert its pages from
        nothing (2.6 s at 1,000 sources after a claim page went away)."""
        if settings != self.valid_for:
            self.pages, self.valid_for, self.canonical_urls = {}, settings, {}
        # (Not `files ^ self.files`: that keeps the table of a set of every file, and each
        # `isdisjoint` below walked it: 0.1 s a rebuild at 1,000 sources.)
        elif changed := (files - self.files) | (self.files - files):
            self.pages = {
                page: {text: converted for text, converted in kept.items()
                       if converted.looked_up.isdisjoint(changed)}
                for page, kept in self.pages.items() if page in files}
        self.files = files

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> bool:
        """Convert the page's Markdown piece by piece; False if it must convert whole."""
        assert page.markdown is not None
        if not PIECEWISE:
            return False
        if self.markdown is None or self.markdown[0] is not config:
            self.markdown = (config, markdown.Markdown(
                extensions=config.markdown_extensions,
                extension_configs=config.mdx_configs or {}))
        md = self.markdown[1]
        if not cut_safely(page.markdown, config, md):
            return False
        kept = self.pages.get(page.file.src_uri, {})
        now: dict[str, Converted] = {}
        converter = PieceConverter(md, page.file, files, config)
        converted = []
        for piece in pieces(page.markdown):
            result = kept.get(piece.markdown) or now.get(piece.markdown)
            if result is None:
                result, warned = converter.convert(piece.markdown)
                if not warned:
                    now[piece.markdown] = result
            else:
                now[piece.markdown] = result
            converted.append((piece, result))
        html = joined(converted)
        anchors = [result.anchors for _, result in converted]
        if html is None or len(frozenset().union(*anchors)) != sum(map(len, anchors)):
            self.pages.pop(page.file.src_uri, None)
            return False  # not a table after all, or ids that converting whole makes unique
        self.pages[page.file.src_uri] = now
        page.content = html
        headings: Any = [dict(heading) for _, result in converted for heading in result.headings]
        page.toc = get_toc(nest_toc_tokens(headings))
        # The title `Page.render` would find; one in front matter comes first, as there.
        title = next((result.title for _, result in converted if result.html), None)
        if title and "title" not in page.meta:
            page.title = title
        page.present_anchor_ids = set().union(*anchors)
        if PAGES_LOG.getEffectiveLevel() > logging.DEBUG:  # as `Page.render`
            links: dict[File, dict[str, str]] = {}
            for _, result in converted:
                for target, anchor, link in result.links_to_anchors:
                    file = page.file if target == page.file.src_uri \
                        else files.get_file_from_path(target)
                    if file is not None:
                        links.setdefault(file, {}).setdefault(anchor, link)
            page.links_to_anchors = links
        return True


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


class PieceConverter:
    """A Markdown instance with MkDocs' processors for one page (registered under their
    names, so they replace the last page's), reset for each piece."""

    def __init__(self, md: markdown.Markdown, file: File, files: Files,
                 config: MkDocsConfig) -> None:
        self.md, self.file = md, file
        self.raw_html = _RawHTMLPreprocessor()
        self.raw_html._register(md)
        self.anchors = _ExtractAnchorsTreeprocessor(file, files, config)
        self.anchors._register(md)
        self.lookups = RecordedLookups(files)
        self.links = _RelativePathTreeprocessor(file, cast(Files, self.lookups), config)
        self.links._register(md)
        self.title = _ExtractTitleTreeprocessor()
        self.title._register(md)

    def convert(self, text: str) -> tuple[Converted, bool]:
        """The piece converted, and whether converting it logged a warning."""
        self.md.reset()
        self.anchors.present_anchor_ids = set()
        self.links.links_to_anchors = {}
        self.title.title = None
        self.lookups.paths = set()
        with WarningsSeen() as seen:
            html = self.md.convert(text)
        tokens: list[dict[str, Any]] = getattr(self.md, "toc_tokens", [])
        return Converted(
            html=html,
            headings=tuple(flattened(tokens)),
            title=self.title.title,
            anchors=frozenset(self.anchors.present_anchor_ids
                              | self.raw_html.present_anchor_ids),
            links_to_anchors=tuple(
                (target.src_uri, anchor, link)
                for target, links in self.links.links_to_anchors.items()
                for anchor, link in links.items()),
            looked_up=frozenset(self.lookups.paths),
        ), seen.warned


class RecordedLookups:
    """The site's files as a piece's links see them, noting each path they look for."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self.paths: set[str] = set()

    def get_file_from_path(self, path: str) -> File | None:
        self.paths.add(PurePath(path).as_posix())  # the key `Files` itself looks up
        return self.files.get_file_from_path(path)


def flattened(tokens: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for token in tokens:
        yield {key: value for key, value in token.items() if key != "children"}
        yield from flattened(token.get("children", []))


class WarningsSeen(logging.Handler):
    """Notes whether MkDocs logged a warning (a broken link) while a piece converted, or a
    notice: a project may lower MkDocs' link checks to `info`."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.warned = False

    def emit(self, record: logging.LogRecord) -> None:
        self.warned = True

    def __enter__(self) -> WarningsSeen:
        PROGRAM_LOG.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        PROGRAM_LOG.removeHandler(self)


class ConvertedPage(Page):
    """A generated page that converts through `Conversions`, or whole when it must."""

    def __init__(self, file: File, config: MkDocsConfig, conversions: Conversions) -> None:
        self.conversions = conversions
        super().__init__(None, file, config)

    def _set_canonical_url(self, base: str | None) -> None:
        # Every page gets a new `Page` each build, and `mkdocs serve` sets the site's URL:
        # joining it with each of 3,262 pages' URLs took a fifth of a rebuild at 1,000
        # sources. The result depends on the two URLs alone.
        known = self.conversions.canonical_urls.get((base, self.url))
        if known is None:
            super()._set_canonical_url(base)
            self.conversions.canonical_urls[base, self.url] = (self.canonical_url,
                                                               self.abs_url)
        else:
            self.canonical_url, self.abs_url = known

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if not self.conversions.render(self, config, files):
            super().render(config, files)
