"""What of a hand-written page, or of a file among the pages, the site leaves out because
it could run a script, found before the build and placed at its line.

The plugin cleans every converted hand-written page (`safehtml.clean_page`) and leaves
out files a browser runs; this reads the page's Markdown as written, so that
`briefing check`, the Problems page and a `--strict` build name each thing at its line
and column, with the fix. Code blocks and code spans are Markdown's text, not markup,
and are not read; a line indented as code is not either (what this misses there, the
cleaning still removes, and the build log says so).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .diagnostics import Diagnostic, Pos, warning
from .safehtml import removals, runnable_file, safe_url

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_INDENTED = re.compile(r"^(?: {4}|\t)")
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
    shown = _markup_only(text)
    found = [(line, col, what) for what, line, col in removals(shown)
             if not _CONSUMED.match(what)]
    found += _unsafe_addresses(shown)
    return tuple(warning(Pos(display, line, col), "page-unsafe-markup",
                         f"{what} is left out of the published page", HINT)
                 for line, col, what in sorted(found))


def runnable(display: str, name: str, read: Callable[[], bytes]) -> Diagnostic | None:
    """A warning for a file among the pages that the site does not publish (`read`
    gives its bytes, read only for an SVG image)."""
    problem = runnable_file(name, read)
    if problem is None:
        return None
    return warning(Pos(display), "page-runnable-file", f"not published: {problem}",
                   "the pages' folder may hold images and other files that run nothing "
                   "when opened: publish the page as Markdown, or the file elsewhere")


def _markup_only(text: str) -> str:
    """`text` with its code blocks, indented lines and code spans blanked, line and
    column kept."""
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


def _unsafe_addresses(text: str) -> Iterator[tuple[int, int, str]]:
    """Link and image addresses, and attribute-list values, that lead to a script."""
    for number, line in enumerate(text.split("\n"), start=1):
        for pattern in (_LINK_TARGET, _REFERENCE):
            for match in pattern.finditer(line):
                if safe_url(match["url"]) is None:
                    yield number, match.start("url") + 1, f"the address {match['url']!r}"
        for block in _ATTR_LIST.finditer(line):
            for attribute in _ATTRIBUTE.finditer(block["attrs"]):
                name, value = attribute["name"].lower(), attribute["value"].strip("'\"")
                at = block.start("attrs") + attribute.start() + 1
                if name.startswith("on"):
                    yield number, at, f"the event handler `{name}`"
                elif name in ("href", "src") and safe_url(value) is None:
                    yield number, at, f"the address {value!r}"
                elif name == "style" or (name in ("id", "for") and re.search(
                        r"[\s\"'<>&`\\]", value)):
                    yield number, at, f"the attribute `{name}`"
