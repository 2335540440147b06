"""What the quote picker needs to know about a source page, as data for the browser.

Selecting words of an article on its source page (while `mkdocs serve` runs, or always
with `quote_picker: always`) offers a ready YAML quote (`assets/picker.js`). The quote
must be found by `briefing check`, which matches the cleaned text (`cleaning.py`), so the
page carries each cleaned block exactly, not the text the browser rendered from it; where
each sentence starts and which known entity each name in it stands for, for the speaker;
and the quote ids the suggested id could clash with: it starts with the longest prefix
most of the source's quote ids share (or, for a source without quotes, the words
`briefing new` takes from its id), so only the ids with that prefix are sent.

Pure data, no MkDocs: the plugin writes it into the page as JSON in an attribute of the
article's "Text" heading (`data_attribute`). Not in a `<script>` at the end of `<body>`:
Material's instant navigation swaps only the page's content, so a page reached by a click
kept the first page's data, and it runs again every `<script>` in that content, dropping
its `type` (a JSON block there would run as a script).
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from .chars import INVISIBLE_RANGES
from .language import primary
from .link import Linked, name_owner, names_pattern, sentence_starts
from .paths import page_path
from .text import FOLDED

DATA_ATTRIBUTE = "data-quote-picker"
# The article's heading on a source page (templates/source.md.j2), which picker.js reads
# the paragraphs after.
TEXT_HEADING = re.compile(r'<h2\b[^>]*\bid="text"')


@dataclass(frozen=True)
class PickerIndex:
    """One build's names (name or alias -> entity id, as mentions count them) and quote ids."""

    owner: Mapping[str, str]
    pattern: re.Pattern[str] | None
    quote_ids: tuple[str, ...]

    @classmethod
    def of(cls, linked: Linked) -> PickerIndex:
        owner = name_owner(linked.entities.values())
        return cls(owner, names_pattern(owner) if owner else None, tuple(sorted(linked.quotes)))


def page_data(linked: Linked, index: PickerIndex, source_id: str, site_language: str = ""
              ) -> dict[str, Any]:
    """The source's cleaned blocks, each with its sentence starts and the known names in
    it as [start, end, entity id], for the picker on that source's page; for a source in
    German, that its ids spell umlauts as `briefing new`'s do (`suggest.slugify`)."""
    blocks = []
    for block in linked.cleaned[source_id].blocks:
        at = _utf16(block.text)
        names = [] if index.pattern is None else [
            [at(m.start()), at(m.end()), index.owner[m.group(0)]]
            for m in index.pattern.finditer(block.text)]
        blocks.append({"text": block.text, "names": names,
                       "sentences": [at(start) for start in sentence_starts(block.text)]})
    quotes = linked.sources[source_id].quotes
    prefix = id_prefix(source_id, [q.id for q in quotes])
    german = primary(linked.sources[source_id].language or site_language) == "de"
    return {**({"german": True} if german else {}), "source": source_id, "blocks": blocks,
            "idPrefix": prefix,
            "indent": key_indent(quotes[0].pos.col if quotes else 0),
            "taken": taken(index.quote_ids, prefix),
            # The matcher's normalisation (text.py), which the picker repeats to count
            # where else the passage occurs.
            "fold": dict(FOLDED), "invisible": [list(pair) for pair in INVISIBLE_RANGES]}


def _utf16(text: str) -> Callable[[int], int]:
    """Offsets as JavaScript counts them: a character past U+FFFF is two units."""
    if text.isascii() or max(text) <= "\uffff":
        return lambda offset: offset
    return lambda offset: len(text[:offset].encode("utf-16-le")) // 2


def key_indent(column: int) -> int:
    """How far the keys of a pasted quote are indented: as the source's first quote (its
    keys start at `column`, counted from 1, after "- "), else as `briefing new` writes."""
    return column - 1 if column >= 3 else 4


def id_prefix(source_id: str, quote_ids: list[str]) -> str:
    """The longest run of leading words shared by half the source's quote ids, and by two
    at least (`scrutiny-…`, `q-00007-…`); else the first two words of the source's id, as
    `briefing new` names its suggested quotes. The longer the prefix, the fewer the ids
    the page must carry to keep the suggested id new."""
    prefix = ""
    for words in range(1, 1 + max((ident.count("-") for ident in quote_ids), default=0)):
        heads = Counter("-".join(ident.split("-")[:words]) for ident in quote_ids
                        if ident.count("-") >= words)
        if not heads:
            break
        head, count = heads.most_common(1)[0]
        if count < 2 or 2 * count < len(quote_ids):
            break
        prefix = head
    return prefix or "-".join(source_id.split("-")[:2])


def taken(quote_ids: tuple[str, ...], prefix: str) -> list[str]:
    """The ids in sorted `quote_ids` that are `prefix` or start with `prefix-`."""
    start = bisect.bisect_left(quote_ids, prefix)
    end = bisect.bisect_left(quote_ids, prefix + ".")  # "." sorts just after "-"
    return [ident for ident in quote_ids[start:end]
            if ident == prefix or ident.startswith(prefix + "-")]


def data_attribute(data: Mapping[str, Any]) -> str:
    """The data as an HTML attribute; `escape` turns <, >, &, ' and " into references, so
    no text of the article can end the attribute or the tag."""
    return f' {DATA_ATTRIBUTE}="{escape(json.dumps(data, sort_keys=True, ensure_ascii=False))}"'


def with_data(html: str, attribute: str) -> str:
    """The page's HTML with `attribute` on its article's heading; unchanged without one
    (the picker has no article to work on)."""
    found = TEXT_HEADING.search(html)
    return html if found is None else html[:found.end()] + attribute + html[found.end():]


def all_blocks(linked: Linked, site_language: str = "") -> dict[str, str]:
    """Every source page's data, by page path (kept with the build's results on
    disk)."""
    index = PickerIndex.of(linked)
    return {page_path("source", ident):
            data_attribute(page_data(linked, index, ident, site_language))
            for ident in linked.sources}


class PickerPages:
    """The data of the pages a session serves, from the last build without errors
    (which is also what the served pages show): made from its corpus as each page is
    written, or all read at once from the results store."""

    def __init__(self, site_language: str = "") -> None:
        self.site_language = site_language
        self.linked: Linked | None = None
        self.index: PickerIndex | None = None
        self.sources: dict[str, str] = {}  # source page path -> source id
        self.blocks: dict[str, str] = {}  # source page path -> its block, when read whole

    def built(self, linked: Linked | None, failed: bool) -> None:
        """Keep the corpus of a build without errors; after a failed one the served pages
        are the last good ones, and so is their data."""
        if linked is None or failed:
            return
        self.linked, self.index = linked, PickerIndex.of(linked)
        self.sources = {page_path("source", ident): ident for ident in linked.sources}
        self.blocks = {}

    def every(self, linked: Linked) -> dict[str, str]:
        """Every source page's data (`all_blocks`), in this site's language."""
        return all_blocks(linked, self.site_language)

    def restored(self, blocks: dict[str, str]) -> None:
        """The blocks of a build read from the results store (or just kept there): every
        source page's, so the corpus of an earlier build is needed no more."""
        if blocks:
            self.blocks, self.linked, self.index, self.sources = blocks, None, None, {}

    def block(self, path: str) -> str | None:
        """The data of the page at `path`, if it is a source's."""
        if path in self.blocks:
            return self.blocks[path]
        source_id = self.sources.get(path)
        if source_id is None or self.linked is None or self.index is None:
            return None
        return data_attribute(page_data(self.linked, self.index, source_id,
                                        self.site_language))
