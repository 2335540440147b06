"""Links to a quoted passage in the original article, with a text fragment
(`#:~:text=`) so a browser that supports it scrolls to and highlights the words.

The words come from the article file as written, never from the normalised text used for
matching: a fragment with straightened quotes or a repaired space would find nothing on
the publisher's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from .cleaning import join_lines
from .link import Linked

# Above this many words a passage is addressed by its first and last words
# (textStart,textEnd): the link stays short and survives small edits in the middle.
LONG_PASSAGE_WORDS = 10
EDGE_WORDS = 4
PREFIX_WORDS = 3


@dataclass(frozen=True)
class TextTarget:
    """A passage as the Text Fragments spec addresses it."""

    start: str
    end: str = ""
    prefix: str = ""


def encode_term(text: str) -> str:
    """Percent-encode one term of a text directive. Besides what a URL fragment cannot
    hold, the spec reserves `&` (directive separator), `,` (term separator) and `-`
    (prefix/suffix marker); `quote` leaves `-` alone, so it is encoded by hand."""
    return quote(" ".join(text.split()), safe="").replace("-", "%2D")


def text_directive(target: TextTarget) -> str:
    terms = [encode_term(target.start)]
    if target.end:
        terms.append(encode_term(target.end))
    if target.prefix:
        terms.insert(0, encode_term(target.prefix) + "-")
    return "text=" + ",".join(terms)


def fragment_url(url: str, target: TextTarget) -> str:
    # A fragment directive follows any existing fragment after `:~:`.
    joiner = ":~:" if "#" in url else "#:~:"
    return f"{url}{joiner}{text_directive(target)}"


def _nth(haystack: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n + 1):
        at = haystack.find(needle, at + 1)
        if at < 0:
            return -1
    return at


def target_in_original(original: str, line: str, passage: str, occurrence: int = 0
                       ) -> TextTarget | None:
    """Address `passage` (as it reads in the cleaned view of `line`) in the article text
    `original`, where `line` is the article line the passage comes from. `occurrence`
    says which occurrence within the line is meant. None when the words cannot be found
    as written (cleaning changed too much of the passage)."""
    words = passage.split()
    if not words:
        return None
    at = _nth(line, passage, occurrence)
    if at >= 0:
        long = len(words) > LONG_PASSAGE_WORDS
        target = (TextTarget(" ".join(words[:EDGE_WORDS]), " ".join(words[-EDGE_WORDS:]))
                  if long else TextTarget(passage))
    else:
        # Cleaning changed something inside the passage (a removed snippet, a repaired
        # space): address it by the first and last words that read the same in the line.
        start = _edge(words, line, from_start=True)
        end = _edge(words, line, from_start=False)
        if start is None or end is None:
            return None
        at = line.find(start)
        if line.find(end, at + len(start)) < 0:
            return None
        target = TextTarget(start, end)
    # A passage that occurs more than once in the article gets the words before it.
    if original.count(target.start) > 1:
        before = line[:at].split()[-PREFIX_WORDS:]
        if before:
            return TextTarget(target.start, target.end, " ".join(before))
    return target


def _edge(words: list[str], line: str, *, from_start: bool) -> str | None:
    for size in range(min(EDGE_WORDS, len(words) // 2 or 1), 0, -1):
        piece = " ".join(words[:size] if from_start else words[-size:])
        if piece in line:
            return piece
    return None


def original_links(linked: Linked, source_id: str) -> dict[str, str]:
    """Quote id → link to the passage in the original article, for a source with a URL."""
    source = linked.sources[source_id]
    if not source.url:
        return {}
    lines = source.text.split("\n")
    blocks = linked.cleaned[source_id].blocks
    links: dict[str, str] = {}
    for q in source.quotes:
        anchor = linked.anchors.get(q.id)
        if anchor is None:
            continue
        block = blocks[anchor.block]
        passage = block.text[anchor.start:anchor.end]
        occurrence = block.text[:anchor.start].count(passage)
        # The article's line, or a hard-wrapped paragraph's lines read as one.
        line = join_lines(lines[block.line - 1:block.last_line])
        target = target_in_original(source.text, line, passage, occurrence)
        if target is not None:
            links[q.id] = fragment_url(source.url, target)
    return links
