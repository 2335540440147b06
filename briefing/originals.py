"""Does each source's text still correspond to the web page or PDF it was extracted from?

`briefing new` records the extractor and its version under `extracted:` and keeps the
original beside the text (`extract.py`). Here the original is extracted again, only for
sources that have one kept: with the version recorded, the text must come out the same
(an edited or replaced `.txt` is an error); with another version installed, the result is
a warning either way, since a new version may extract differently and the text is never
replaced without the curator's say. Each original is read and extracted once, so the
work grows with their total size; nothing is kept between builds.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterable, Mapping, Sequence
from itertools import zip_longest
from pathlib import Path

from .diagnostics import Diagnostic, Pos, error, warning
from .extract import (
    KIND_OF_EXTRACTOR,
    MAX_ORIGINAL_BYTES,
    SUFFIXES,
    Extracted,
    NotAnArticle,
    installed_version,
)
from .extractapart import Extractor, OverLimit
from .files import FileFault, read_regular
from .link import Linked
from .load import SourceText, display_root
from .model import Source
from .positions import Lines

RESTORE = ("the text must stay as extracted (leave boilerplate out with `cleaning:` "
           "rules instead): restore it, for example with `git checkout`, or, if the "
           "original was replaced, add the new one with `briefing new`")

REPLACE = ("replace it with the page saved again from the browser (or the PDF downloaded "
           "again), or delete it: the text is then not checked against it; a change that "
           "adds such a file is not to be taken")


def check_originals(content_dir: Path, sources: Iterable[Source],
                    texts: Iterable[SourceText]) -> tuple[Diagnostic, ...]:
    by_id: Mapping[str, SourceText] = {text.id: text for text in texts}
    shown = display_root(content_dir)
    found: list[Diagnostic] = []
    with Extractor() as extractor:  # (its process starts with the first original)
        for source in sources:
            text = by_id.get(source.id)
            if source.extracted is None or text is None:
                continue
            kind = KIND_OF_EXTRACTOR[source.extracted.by]
            name = f"sources/{source.id}{SUFFIXES[kind]}"
            path = os.path.join(content_dir, name)
            if not os.path.lexists(path):
                continue  # the original is not kept (it may not be ours to publish)
            try:
                data = read_regular(path, MAX_ORIGINAL_BYTES)
            except FileFault as fault:
                found.append(fault.diagnostic(f"{shown}/{name}"))
                continue
            found.extend(_compare(source, text, kind, data, f"{shown}/{name}", extractor))
    return tuple(found)


def _compare(source: Source, text: SourceText, kind: str, data: bytes, original: str,
             extractor_process: Extractor) -> list[Diagnostic]:
    assert source.extracted is not None
    recorded = source.extracted
    extractor, installed = recorded.by, installed_version(recorded.by)
    try:
        again: Extracted | None = extractor_process.extract(kind, data)
    except OverLimit as exc:
        return [error(Pos(original), "source-original-limit",
                      f"{exc} (it is kept beside {text.display})", REPLACE)]
    except NotAnArticle as exc:
        if installed == recorded.version:
            return [error(Pos(original), "source-text-changed",
                          f"{extractor} {installed} no longer finds the text of "
                          f"{text.display} in this file: "
                          f"{str(exc).removesuffix('; nothing was written')}", RESTORE)]
        again = None
    differs = _first_difference(text.text, again.text if again is not None else "")
    pages_differ = again is not None and differs is None and again.pages != recorded.pages
    if installed != recorded.version:
        result = ("gives the same text, so the text was checked"
                  if differs is None and not pages_differ else
                  "extracts a different text from it; the text was kept as it was")
        hint = (f'write `version: "{installed}"` to record the version it was checked with'
                if differs is None and not pages_differ else
                f"to check the text, install {extractor} {recorded.version} (`pip install "
                f"{extractor}=={recorded.version}`); to take the new text, add {original} "
                "again with `briefing new` and move the quotes to it")
        return [warning(recorded.pos, "source-extractor-version",
                        f"{text.display} was extracted from {original} by {extractor} "
                        f"{recorded.version}; {extractor} {installed} is installed and "
                        f"{result}", hint)]
    if differs is not None:
        where = Lines.of(text.text).pos(text.display, differs)
        theirs = again.text if again is not None else ""
        return [error(where, "source-text-changed",
                      f"the text differs here from what {extractor} {installed} extracts "
                      f"from {original}: {_excerpt(text.text, differs)} here, "
                      f"{_excerpt(theirs, _same_place(text.text, theirs, differs))} there",
                      RESTORE)]
    if pages_differ:
        assert again is not None
        return [error(recorded.pos, "source-text-changed",
                      f"the pages recorded for {text.display} are not where {extractor} "
                      f"{installed} finds them in {original} (lines "
                      f"{', '.join(map(str, again.pages))})",
                      "write the lines `briefing new` wrote under `pages:`")]
    return []


def _first_difference(mine: str, extracted: str) -> int | None:
    """The offset in `mine` where it first differs from `extracted`, or None."""
    if mine == extracted:
        return None
    offset = 0
    for a, b in zip_longest(mine.split("\n"), extracted.split("\n"), fillvalue=""):
        if a != b:
            col = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                       min(len(a), len(b)))
            return min(offset + col, max(0, len(mine) - 1))
        offset += len(a) + 1
    return max(0, len(mine) - 1)  # pragma: no cover - unequal texts differ in a line


def _same_place(mine: str, theirs: str, offset: int) -> int:
    """The offset in `theirs` of the character at `offset` of `mine`, up to which the
    two texts are the same."""
    return offset if mine[:offset] == theirs[:offset] else len(theirs)


def _excerpt(text: str, offset: int) -> str:
    """The words from `offset` to the end of their line, cut at 40 characters."""
    rest = text[offset:].split("\n", 1)[0]
    if not rest:
        return "the end of the line" if offset < len(text) else "the end of the text"
    return repr(rest if len(rest) <= 40 else rest[:40] + "…")


# --- pages of a PDF, for readers -----------------------------------------------------------

def page_of_line(pages: Sequence[int], line: int) -> int:
    """The page (from 1) that line `line` of the text is on, given where pages start."""
    return max(1, bisect.bisect_right(pages, line))


def quote_pages(linked: Linked, source_id: str) -> dict[str, int]:
    """Quote id → the page of the PDF it is on, for a source extracted from a PDF."""
    source = linked.sources[source_id]
    if source.extracted is None or not source.extracted.pages:
        return {}
    blocks = linked.cleaned[source_id].blocks
    found = {}
    for quote in source.quotes:
        anchor = linked.anchors.get(quote.id)
        if anchor is not None:
            found[quote.id] = page_of_line(source.extracted.pages, blocks[anchor.block].line)
    return found


def page_starts(linked: Linked, source_id: str) -> dict[int, int]:
    """Block index → page number, at the first shown block of each page of a PDF."""
    source = linked.sources[source_id]
    if source.extracted is None or not source.extracted.pages:
        return {}
    starts, last = {}, 0
    for index, block in enumerate(linked.cleaned[source_id].blocks):
        page = page_of_line(source.extracted.pages, block.line)
        if page != last:
            starts[index], last = page, page
    return starts
