"""What the search index keeps of Briefing's pages, as text and data (the search plugin's
entries are MkDocs 1.6's `SearchIndex` entries; `plugin/search.py` hands them over).

The search plugin indexes every page twice over, once whole and once per section, and the
gathering pages (indexes, coverage, figures, timeline, map, entity appearances) repeat text
that sources, claims and briefs already hold: at 10,000 sources the index was 355 MB, more
than the pages themselves, and all of it stayed in memory until the end of the build. Each
generated page begins with its `h1`, so its sections hold all of its text: the whole-page
entry keeps the title and loses the repeated text, and a gathering page keeps the text of
its title section only, cut to its introduction (`introduction`), and no section under a
heading that is only a link (an entity page's heading for each source naming it repeats
the source's title). Hand-written pages are indexed as MkDocs does.

The search plugin parses a page's whole HTML to make those entries, 4 ms a page, mostly for
text that is then dropped: a gathering page is shown to it cut down to what is kept (its
title section, then the bare headings of the sections kept, for their ids) and given back
its HTML once indexed. Whatever precedes a page's first heading feeds only the whole-page
entry, whose text is dropped, but a generated page begins with its `h1`, so there is none
to cut; a page holding its own text keeps every section's text, so it is parsed whole.
"""

from __future__ import annotations

import json
import re
from functools import partial
from html import unescape
from typing import Any


def trim(entries: list[dict[str, Any]], *, own_text: bool, url: str,
         title_anchor: str | None, html: str) -> list[dict[str, Any]]:
    """The entries of a generated page at `url` without the text it repeats (see the
    module's docstring), and without a gathering page's sections under a heading that is
    only a link. `own_text`: whether the page holds its own text (`paths.holds_own_text`);
    `title_anchor`: its first heading's link (`#id`); `html`: its HTML."""
    if not entries:
        return entries
    entries[0]["text"] = ""
    if own_text:
        return entries
    title = url + title_anchor if title_anchor else None
    for entry in entries[1:]:
        if entry["location"] != title:
            entry["text"] = ""
    links = {url + "#" + anchor for anchor in link_heading_ids(html)}
    return [entry for entry in entries if entry["location"] not in links]


# A heading element as the search plugin's parser sees one: it starts a section at any h1-h6
# start tag and takes the section's id from it. The HTML is Markdown's output for Briefing's
# generated Markdown, where the text's `<` are escaped, so a pattern finds the same tags.
_HEADING = re.compile(r"<(h[1-6])(?=[\s/>])[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


# A heading that is nothing but a link, as an entity page's heading for each source that
# mentions it: it repeats the title of the page it links to, where that title is found.
# Indexed, a source's title was found again on every entity page its source names.
_LINK_HEADING = re.compile(
    r"<(h[1-6])(?=[\s/>])[^>]*>\s*<a\s[^>]*>(?:(?!</?a[\s>]).)*</a>\s*</\1\s*>",
    re.IGNORECASE | re.DOTALL)
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def link_heading_ids(html: str) -> list[str]:
    ids = []
    for heading in _LINK_HEADING.finditer(html):
        element = heading.group()
        found = _ID.search(element[:element.index(">")])  # in its start tag
        if found:
            ids.append(next(value for value in found.groups() if value is not None))
    return ids


# A block that ends a gathering page's introduction: its listing (lists, tables, the map,
# an inline SVG that Markdown puts in a paragraph).
_LISTING = re.compile(
    r"\n(?:<p>)?<(table|ul|ol|dl|div|details|figure|svg|pre|blockquote|hr)[\s>]")


def introduction(html: str) -> str:
    """A gathering page's HTML with its title section cut to its introduction: the
    paragraphs before its first list, table or figure. Most listing pages have no further
    heading, and their title section was the whole listing: each of its lines again, in
    the index."""
    headings = _HEADING.finditer(html)
    next(headings, None)
    second = next(headings, None)
    end = second.start() if second else len(html)
    listing = _LISTING.search(html, 0, end)
    return html if listing is None else html[:listing.start()] + html[end:]


def reduced(html: str) -> str:
    """A gathering page's HTML as far as `trim` keeps it: the title section as it is, then
    each further heading element without the section under it, but for headings that
    are only a link. The search plugin takes each section's title and location from the
    page's table of contents by the heading's id, so it makes the same entries, their
    text empty as `trim` leaves them."""
    headings = _HEADING.finditer(html)
    if next(headings, None) is None or (second := next(headings, None)) is None:
        return html
    return html[:second.start()] + "".join(
        h.group() for h in (second, *headings) if not _LINK_HEADING.fullmatch(h.group()))


def titles_as_text(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`entries` with their titles as text, changed in place: MkDocs' search script
    escapes the title of each result it shows, and is given HTML (a section's title, a
    page's from its heading, and since `safehtml.themed_page` one from its front matter
    too), so a page "Q & A" was listed as "Q &amp; A". (Material's search shows titles as
    HTML: its index keeps them so.)"""
    for entry in entries:
        if isinstance(entry.get("title"), str):
            entry["title"] = unescape(entry["title"])
    return entries


# As the search plugin serialises its index (MkDocs 1.6, `generate_search_index`).
_dumps = partial(json.dumps, sort_keys=True, separators=(",", ":"), default=str)


class IndexText:
    """`search_index.json` as the search plugin writes it, from each page's entries
    serialised once: a serve rebuild serialises only the pages it rebuilt, where the search
    plugin serialises the whole index every time (0.1 s at 1,000 sources)."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[list[dict[str, Any]], str]] = {}

    def text(self, config: dict[str, Any],
             pages: list[tuple[str, list[dict[str, Any]]]]) -> str:
        kept, self.pages = self.pages, {}
        parts = []
        for path, entries in pages:
            last = kept.get(path)
            part = last[1] if last and last[0] is entries else _dumps(entries)[1:-1]
            self.pages[path] = (entries, part)
            if part:
                parts.append(part)
        return '{"config":' + _dumps(config) + ',"docs":[' + ",".join(parts) + "]}"
