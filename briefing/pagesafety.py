"""What of a hand-written page, or of a file among the pages, the site leaves out because
it could run a script, found before the build and placed at its line.

The plugin cleans every converted hand-written page (`safehtml.clean_page`) and leaves
out files a browser runs; this reads the page's Markdown as written, so that
`briefing check`, the Problems page and a `--strict` build name each thing at its line
and column, with the fix. Code blocks and code spans are Markdown's text, not markup:
whether a finding is in one is asked of Python-Markdown itself, with the extensions MkDocs
always adds, as a list item's indented lines, an unclosed fence or a code span over two
lines are easily misread. (A site's own extensions may show more as code, such as
pymdownx.superfences' fences inside lists: what is shown there is still named.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import markdown

from .diagnostics import Diagnostic, Pos, warning
from .safehtml import removals, runnable_file, safe_url

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_CODE = re.compile(r"<code[^>]*>(.*?)</code>", re.DOTALL)
_OPENER = "<!--"  # a comment's opening, found to see whether Markdown shows it as text
_TAG_NAME = re.compile(r"</?[A-Za-z][^\s/>]*")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)  # to the end if unclosed
# Markdown's link and image destinations, reference definitions and attribute lists.
_LINK_TARGET = re.compile(r"\]\(\s*<?(?P<url>(?:[^\s()<>]|\([^\s()]*\))+)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(?P<url>[^\s>]+)")
_ATTR_LIST = re.compile(r"\{:?(?P<attrs>[^{}\n]*)\}")
_ATTRIBUTE = re.compile(r"""(?P<name>[A-Za-z_:][\w:.-]*)\s*=\s*(?P<value>"[^"]*"|'[^']*'|\S+)""")
# Attributes a converter consumes: `markdown` (md_in_html) is never written out.
_CONSUMED = re.compile(r"^markdown on <")
HINT = ("a hand-written page may hold text, links to http(s), mailto or relative addresses "
        "and images, but no scripts, event handlers, styles or embedded pages: remove it, "
        "or link to where it is published")


def unsafe_markup(text: str, display: str) -> tuple[Diagnostic, ...]:
    """A warning at each thing the published page leaves out, in order."""
    # Read as HTML three ways (as written, code spans blanked, what looks like code
    # blanked), so a line misread as code is still read; Markdown then says which
    # findings are live.
    found = {finding for reading in (text, _spans_blanked(text), _markup_only(text))
             for finding in _findings(reading)}
    openers = {(line, col, _OPENER, "tag") for line, col in _at(text, _OPENER)}
    live = set(_live(text, found | openers))
    # A `<style>` or `<!--` Markdown shows as text hid what follows it from those
    # readings: read again without them.
    hiding = {(line, col) for line, col, _, how in (found | openers) - live if how == "tag"}
    if hiding:
        more = set(_findings(_without(text, hiding))) - found
        live |= set(_live(text, more))
    return tuple(warning(Pos(display, line, col), "page-unsafe-markup",
                         f"{what} is left out of the published page", HINT)
                 for line, col, what, _ in sorted(live - openers))


def _at(text: str, needle: str) -> Iterator[tuple[int, int]]:
    """The line and column of each `needle` in `text`."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield from ((number, match.start() + 1) for match in re.finditer(re.escape(needle),
                                                                          line))


def _without(text: str, places: set[tuple[int, int]]) -> str:
    """`text` with the `<` at each place blanked, line and column kept."""
    lines = text.split("\n")
    for line, col in places:
        row = lines[line - 1]
        lines[line - 1] = row[:col - 1] + " " + row[col:]
    return "\n".join(lines)


# A finding: line, column, what it is, and how it would be live: "tag" (raw HTML, at its
# `<`), "link" (Markdown's link syntax, at the address) or "attributes" (an attribute
# list, live wherever it is not shown as code).
_Finding = tuple[int, int, str, str]


def _findings(text: str) -> Iterator[_Finding]:
    for what, line, col in removals(text):
        if not _CONSUMED.match(what):
            yield line, col, what, "tag"
    yield from _unsafe_addresses(text)


def _live(text: str, found: set[_Finding]) -> Iterator[_Finding]:
    """The findings that reach the page as markup: a word is written at each one, where
    it leaves Markdown's reading of the page as it was, and the page converted, to see how
    each word comes out."""
    if not found:
        return
    lines = text.split("\n")
    places = sorted({(line, col) for line, col, _, _ in found})
    marks = {place: _Mark.at(lines[place[0] - 1], place[1], n) for n, place in
             enumerate(places)}
    for (line, _), mark in sorted(marks.items(), reverse=True):
        row = lines[line - 1]
        lines[line - 1] = row[:mark.offset] + mark.written + row[mark.offset:]
    html = markdown.markdown("\n".join(lines), extensions=["tables", "fenced_code"])
    uncommented = _HTML_COMMENT.sub("", html)
    code = " ".join(_CODE.findall(uncommented))
    for finding in found:
        mark = marks[finding[0], finding[1]]
        if finding[2] == _OPENER:
            live = mark.live in html
        elif finding[3] == "tag":
            live = mark.live in uncommented  # Markdown writes a `<` shown as text `&lt;`
        elif finding[3] == "link":
            live = re.search(f'(?:href|src)="[^"]*{mark.word}', uncommented) is not None
        else:
            live = mark.word not in code
        if live:
            yield finding


@dataclass(frozen=True)
class _Mark:
    """A word written into a line: where, as written, and what the converted page holds
    where the markup there is live. In a tag it goes after the tag's name, as an
    attribute, so an HTML block stays one (Markdown knows one by its first tag's name)."""

    offset: int
    word: str
    written: str
    live: str

    @classmethod
    def at(cls, row: str, col: int, n: int) -> _Mark:
        word, start = f"briefingfinding{n}x", col - 1
        if row.startswith("<!--", start):
            return cls(start + 4, word, word, "<!--" + word)
        tag = _TAG_NAME.match(row, start)
        if tag:
            return cls(tag.end(), word, f" {word} ", f"{tag.group(0)} {word} ")
        return cls(start, word, word, word)


def runnable(display: str, name: str, read: Callable[[], bytes]) -> Diagnostic | None:
    """A warning for a file among the pages that the site does not publish (`read`
    gives its bytes, read only for an SVG image)."""
    problem = runnable_file(name, read)
    if problem is None:
        return None
    return warning(Pos(display), "page-runnable-file", f"not published: {problem}",
                   "the pages' folder may hold images and other files that run nothing "
                   "when opened: publish the page as Markdown, or the file elsewhere")


def _spans_blanked(text: str) -> str:
    """`text` with the code spans of each line blanked, line and column kept."""
    return "\n".join(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
                     for line in text.split("\n"))


def _markup_only(text: str) -> str:
    """`text` with what looks like code blocks, indented lines and code spans blanked,
    line and column kept."""
    lines, fence = [], ""
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and \
                    len(opening.group(1)) >= len(fence):
                fence = ""
            lines.append("")
        elif opening:
            fence = opening.group(1)
            lines.append("")
        elif _INDENTED.match(line):
            lines.append("")
        else:
            lines.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(lines)


def _unsafe_addresses(text: str) -> Iterator[_Finding]:
    """Link and image addresses, and attribute-list values, that lead to a script."""
    for number, line in enumerate(text.split("\n"), start=1):
        for pattern in (_LINK_TARGET, _REFERENCE):
            for match in pattern.finditer(line):
                if safe_url(match["url"]) is None:
                    yield (number, match.start("url") + 1, f"the address {match['url']!r}",
                           "link")
        for block in _ATTR_LIST.finditer(line):
            for attribute in _ATTRIBUTE.finditer(block["attrs"]):
                name, value = attribute["name"].lower(), attribute["value"].strip("'\"")
                at = block.start("attrs") + attribute.start() + 1
                if name.startswith("on"):
                    yield number, at, f"the event handler `{name}`", "attributes"
                elif name in ("href", "src") and safe_url(value) is None:
                    yield number, at, f"the address {value!r}", "attributes"
                elif name == "style" or (name in ("id", "for") and re.search(
                        r"[\s\"'<>&`\\]", value)):
                    yield number, at, f"the attribute `{name}`", "attributes"
