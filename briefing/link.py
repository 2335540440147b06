"""Link stage: anchor every quote in its cleaned source, resolve every reference, and
derive what the pages show — backlinks, coverage, the figure ledger, the timeline and
entity mentions. Unresolved items come back as diagnostics, never as exceptions."""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from types import MappingProxyType
from typing import Any, NamedTuple

from .broken import ANY, NamedIds
from .chars import AFTER_WORD_START, WORD_END, char_name, is_invisible, visible
from .cleaning import Block, CleanedText, Removal, clean, paragraphs
from .cycles import relation_cycles
from .diagnostics import Diagnostic, Pos, error, warning
from .evidence import Evidence, all_evidence, status_check
from .identity import same_objects
from .markup import ABBREVIATION, ABBREVIATION_WINDOW
from .model import STANCES, Brief, Claim, Corpus, Entity, Event, Figure, Name, Quote, Source
from .schema import FuzzyDate, Prose, Ref, a_or_an
from .text import (
    Normalised,
    Passage,
    closest_beside,
    closest_passage,
    is_blank,
    normalise,
    normalise_text,
)
from .worddiff import Segment, passage_hint, word_diff

INVERSE_RELATIONS = MappingProxyType({
    "supersedes": "superseded by",
    "contradicts": "contradicted by",
    "qualifies": "qualified by",
    "supports": "supported by",
})


@dataclass(frozen=True)
class Anchor:
    quote: Quote
    source_id: str
    block: int
    start: int  # offsets in the cleaned block text
    end: int


@dataclass(frozen=True)
class Stance:
    """One passage taking a position on a claim."""

    claim_id: str
    stance: str
    quote: Quote
    source_id: str


@dataclass(frozen=True)
class Mention:
    entity_id: str
    source_id: str
    block: int
    sentence: str


@dataclass(frozen=True)
class LedgerValue:
    figure: Figure
    claim: Claim
    stances: tuple[Stance, ...]


@dataclass(frozen=True)
class Disagreement:
    subject_id: str | None
    kind: str  # "values" (different numbers for one subject) or "subjects" (one number, many)
    values: tuple[LedgerValue, ...]


@dataclass(frozen=True)
class MetricLedger:
    metric: str
    values: tuple[LedgerValue, ...]
    disagreements: tuple[Disagreement, ...]


@dataclass(frozen=True)
class TimelineEntry:
    when: FuzzyDate
    kind: str  # "event" or "published"
    event: Event | None
    claim: Claim | None
    # The published source's id, not the source: an edit of its quotes or title leaves
    # the entry, and the timeline pages showing it, as they were.
    source_id: str | None
    anchor: str


@dataclass(frozen=True)
class Linked:
    corpus: Corpus
    cleaned: Mapping[str, CleanedText]
    anchors: Mapping[str, Anchor]
    sources: Mapping[str, Source]
    claims: Mapping[str, Claim]
    entities: Mapping[str, Entity]
    briefs: Mapping[str, Brief]
    quotes: Mapping[str, Quote]
    quote_source: Mapping[str, str]
    stances: Mapping[str, tuple[Stance, ...]]  # by claim id
    quote_cited_in: Mapping[str, tuple[str, ...]]  # quote id -> brief ids
    claim_cited_in: Mapping[str, tuple[str, ...]]  # claim id -> brief ids
    relations_in: Mapping[str, tuple[tuple[str, str], ...]]  # claim id -> (inverse, from id)
    evidence: Mapping[str, Evidence]  # by claim id: the sources on each side
    mentions: Mapping[str, tuple[Mention, ...]]  # by entity id
    # Ids whose checks wait for a fix elsewhere: named by an item that failed to validate
    # (under the stance it names them with), or by an unknown reference (the id as written
    # and the one it looks like), or a quote not found. A check reading every quote on a
    # claim waits for `waiting.ids`; one reading some stances only, for `waiting.under`.
    waiting: NamedIds
    # Of those, the ids whose own words are not read yet: named by an item that failed, or
    # a quote not found in its article. A look-alike of a reference elsewhere is not one.
    unread: frozenset[str]
    ledger: tuple[MetricLedger, ...]
    timeline: tuple[TimelineEntry, ...]
    diagnostics: tuple[Diagnostic, ...]
    # The names the curator gives metrics and topics (`names.yml`), by slug: what the
    # site writes for them, in place of the slug's words.
    metric_names: Mapping[str, str] = field(default_factory=dict)
    topic_names: Mapping[str, str] = field(default_factory=dict)


@dataclass
class LinkStore:
    """What the last link made, kept for the rebuilds of `mkdocs serve` (`buildcache.py`):
    a rebuild makes again only what an edit changed, and what it did not change keeps its
    very objects, so the pages reading them find the very same values. Each entry holds
    the objects it was made from; reuse needs the very same objects (`is`), except where
    a comment says equality is enough."""

    # Each source's cleaned text and anchors, by source id (`_cleaned_and_anchored`).
    anchored: dict[str, _Anchored] = field(default_factory=dict)
    # Each source's stances with their sort keys, by source id, and each claim's stances
    # before and after sorting, by claim id.
    stances: dict[str, tuple[Source, _SourceStances]] = field(default_factory=dict)
    claim_stances: dict[str, tuple[list[Stance], tuple[Stance, ...]]] = field(
        default_factory=dict)
    # The references of each item, by the item's identity: the entry holds the item, so
    # its `id` cannot be reused by another object while the entry exists.
    refs: dict[int, tuple[object, tuple[Ref, ...]]] = field(default_factory=dict)
    # Mentions per source and per entity, for one set of names (compared by equality).
    mentions: _MentionMemo | None = None
    # The ledger values of each claim with figures, by claim id, with the claim and its
    # stances, and each metric's ledger with its values in claim order.
    values: dict[str, tuple[Claim, tuple[Stance, ...], tuple[LedgerValue, ...]]] = field(
        default_factory=dict)
    metrics: dict[str, tuple[list[LedgerValue], MetricLedger]] = field(default_factory=dict)
    # Each item's timeline entries, by the item's identity (held, as for `refs`), and the
    # last timeline with its entries in corpus order and the told order it was sorted by.
    entries: dict[int, tuple[object, tuple[TimelineEntry, ...]]] = field(
        default_factory=dict)
    timeline: tuple[list[TimelineEntry], tuple[TimelineEntry, ...],
                    dict[str, tuple[int, int, int]]] | None = None


def link(corpus: Corpus, store: LinkStore | None = None) -> Linked:
    """`store`, kept across rebuilds, lets the link redo only what an edit changed; left
    out, every result is made from nothing."""
    store = store if store is not None else LinkStore()
    problems: list[Diagnostic] = []
    sources = {s.id: s for s in corpus.sources}
    claims = {c.id: c for c in corpus.claims}
    entities = {e.id: e for e in corpus.entities}
    briefs = {b.id: b for b in corpus.briefs}
    quotes = {q.id: q for s in corpus.sources for q in s.quotes}
    quote_source = {q.id: s.id for s in corpus.sources for q in s.quotes}
    metrics = {f.metric for c in corpus.claims for f in c.figures}

    cleaned, anchors = _anchor_all(corpus, store, problems)
    known: dict[str, Iterable[str]] = {
        "source": sources, "claim": claims, "entity": entities, "brief": briefs,
        "quote": quotes, "metric": metrics,
    }
    unresolved, unknown = _unresolved((*_all_refs(corpus, store), *corpus.orphaned), known,
                                      corpus.declared, quotes, _copies(corpus))
    problems.extend(unresolved)
    # Checks of what a broken item or an unknown reference was about wait for the fix:
    # a mistyped id would otherwise also leave the claim it meant short of a source. So do
    # those of a quote not found: its words are not yet the article's.
    unfound = frozenset(q.id for s in corpus.sources for q in s.quotes if q.id not in anchors)
    waiting = corpus.broken | NamedIds(other=unknown | unfound)

    frozen_stances = _claim_stances(corpus, claims, store)
    quote_cited, claim_cited = _cited_in(corpus)
    relations_in = _relations_in(corpus, problems)
    evidence = all_evidence(corpus.claims, frozen_stances, relations_in,
                            {s.id: s.outlet for s in corpus.sources if s.outlet})
    problems.extend(_status_checks(corpus, waiting.ids, frozen_stances, relations_in, evidence))
    mentions, mention_problems = find_mentions(corpus, cleaned, store)
    problems.extend(mention_problems)
    problems.extend(_names_unused(corpus, metrics, waiting.ids))

    return Linked(
        corpus=corpus,
        cleaned=cleaned,
        anchors=anchors,
        sources=sources,
        claims=claims,
        entities=entities,
        briefs=briefs,
        quotes=quotes,
        quote_source=quote_source,
        stances=frozen_stances,
        quote_cited_in=quote_cited,
        claim_cited_in=claim_cited,
        relations_in={k: tuple(sorted(v)) for k, v in sorted(relations_in.items())},
        evidence=evidence,
        mentions=mentions,
        waiting=waiting,
        unread=corpus.broken.ids | unfound,
        ledger=build_ledger(corpus, frozen_stances, store),
        timeline=build_timeline(corpus, _told_order(corpus, frozen_stances, anchors), store),
        diagnostics=tuple(problems),
        metric_names=_names(corpus.metric_names), topic_names=_names(corpus.topic_names),
    )


def _names_unused(corpus: Corpus, metrics: set[str], waiting: frozenset[str]
                  ) -> list[Diagnostic]:
    """`name-unused` for each metric or topic `names.yml` names that no claim uses."""
    topics = {t for c in corpus.claims for t in c.topics}
    return [*_unused_names("metric", corpus.metric_names, metrics, topics, waiting),
            *_unused_names("topic", corpus.topic_names, topics, metrics, waiting)]


def _names(names: Iterable[Name]) -> dict[str, str]:
    """Each slug's name; a slug named twice (`duplicate-id`) keeps its first."""
    found: dict[str, str] = {}
    for name in names:
        found.setdefault(name.id, name.name)
    return found


# Where claims write the slugs names.yml names, for the hints.
_SLUG_PLACE = MappingProxyType({"metric": "a figure's `metric:`", "topic": "a claim's `topics:`"})


def _unused_names(kind: str, names: Iterable[Name], used: set[str], other: set[str],
                  waiting: frozenset[str]) -> list[Diagnostic]:
    """A name for a metric or topic no claim has: shown nowhere, it is most likely a slug
    misspelt, here or in the claims, or one of the `other` kind in the wrong list. A slug
    a broken claim may hold is not judged yet."""
    if ANY in waiting:
        return []
    problems = []
    for name in names:
        if name.id in used or name.id in waiting:
            continue
        close = difflib.get_close_matches(name.id, sorted(used), n=1, cutoff=0.7)
        moved = "topics" if kind == "metric" else "metrics"
        hint = (f"{name.id!r} is a {moved[:-1]} of the claims: move the entry under `{moved}:`"
                if name.id in other and not close else
                f"did you mean {close[0]!r}? write the slug as the claims do"
                if close else f"write the slug as {_SLUG_PLACE[kind]} does, or delete the "
                "entry")
        problems.append(warning(name.pos, "name-unused",
                                f"no claim has the {kind} {name.id!r}, so this name is "
                                "shown nowhere", hint))
    return problems


def _anchor_all(corpus: Corpus, store: LinkStore, problems: list[Diagnostic]
                ) -> tuple[dict[str, CleanedText], dict[str, Anchor]]:
    """Each source's cleaned text and its quotes' anchors, reusing a source's kept result
    while it is the very same object."""
    cleaned: dict[str, CleanedText] = {}
    anchors: dict[str, Anchor] = {}
    kept: dict[str, _Anchored] = {}
    for source in corpus.sources:
        kept[source.id] = done = _cleaned_and_anchored(source, store.anchored.get(source.id))
        view, notes, found, anchor_problems = done.result
        cleaned[source.id] = view
        problems.extend(notes)
        anchors.update(found)
        problems.extend(anchor_problems)
    store.anchored = kept
    return cleaned, anchors


def _cited_in(corpus: Corpus) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The briefs citing each quote and each claim."""
    quote_cited: dict[str, set[str]] = defaultdict(set)
    claim_cited: dict[str, set[str]] = defaultdict(set)
    for brief in corpus.briefs:
        for ref in _brief_refs(brief):
            if ref.kind == "quote":
                quote_cited[ref.id].add(brief.id)
            elif ref.kind == "claim":
                claim_cited[ref.id].add(brief.id)
    return ({k: tuple(sorted(v)) for k, v in sorted(quote_cited.items())},
            {k: tuple(sorted(v)) for k, v in sorted(claim_cited.items())})


def _relations_in(corpus: Corpus, problems: list[Diagnostic]
                  ) -> dict[str, list[tuple[str, str]]]:
    """Each claim's incoming relations, as the inverse relation and the claim it comes from;
    a claim related to itself and cycles are errors."""
    relations_in: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for claim in corpus.claims:
        if claim.relations:
            for kind, ref in claim.relations.pairs():
                relations_in[ref.id].append((INVERSE_RELATIONS[kind], claim.id))
                if ref.id == claim.id:
                    problems.append(error(ref.pos, "relation-self",
                                          f"claim {claim.id!r} {kind} itself",
                                          "point the relation at another claim"))
    problems.extend(relation_cycles(corpus.claims))
    return relations_in


def _published(source: Source) -> tuple[int, int, int, int]:
    return source.published.sort_key if source.published else FuzzyDate(None).sort_key


# --- quotes ---------------------------------------------------------------------------


_Result = tuple[CleanedText, tuple[Diagnostic, ...], dict[str, Anchor], list[Diagnostic]]


@dataclass(frozen=True)
class _Anchored:
    source: Source
    positions: tuple[tuple[tuple[str, Pos], ...], ...]
    result: _Result



def _positions(source: Source) -> tuple[tuple[tuple[str, Pos], ...], ...]:
    return tuple(tuple(q.positions.items()) for q in source.quotes)


def _cleaned_and_anchored(source: Source, last: _Anchored | None) -> _Anchored:
    """Cleaning and anchoring depend on the source alone: `last` is reused when it was
    made from this source, the very object or an equal one. (`positions`, which source
    equality ignores, must match too, because the diagnostics point at them.) Callers must
    not change the results."""
    if last is not None and last.source is source:
        return last
    positions = _positions(source)
    if last is not None and last.source == source and last.positions == positions:
        return _Anchored(source, positions, last.result)
    view, notes = clean(source)
    if is_blank(source.text):
        # The empty article is reported once (`source-text-empty`): every quote not found
        # and every cleaning rule matching nothing would only repeat it.
        return _Anchored(source, positions, (view, (), {}, []))
    found, problems = anchor_quotes(source, view)
    return _Anchored(source, positions, (view, notes, found, problems))


# How much looking for the closest passage (for the hints of quotes not found) may cost in
# one source, in quote characters times article characters: about a second. Past it,
# the hints go without a passage, so a long article with many broken quotes stays fast.
FUZZY_BUDGET = 40_000_000


# A source with more quotes than this has its text indexed by word: each quote of three
# words or more is then looked up by its rarest inner word instead of searched for through
# every block, so thousands of quotes on a long article do not cost quotes x article.
INDEX_QUOTES = 32

_WordIndex = dict[str, list[tuple[int, int]]]  # word -> (block, offset) of each place


def word_index(texts: Iterable[str]) -> _WordIndex:
    words: _WordIndex = defaultdict(list)
    for block, text in enumerate(texts):
        at = 0
        for word in text.split(" "):
            words[word].append((block, at))
            at += len(word) + 1
    return words


def occurrences(texts: list[str], needle: str, words: _WordIndex | None = None
                ) -> Iterator[tuple[int, int]]:
    """Every (block, start) of `needle` in `texts`, overlapping ones too, in order. With
    the texts' word index, a needle of three words or more is found through its rarest
    inner word: that word lies between two spaces in any occurrence, so it is a whole
    word of the text, and each of its places is a candidate to compare."""
    parts = needle.split(" ")
    if words is None or len(parts) < 3:
        for block, text in enumerate(texts):
            start = text.find(needle)
            while start >= 0:
                yield block, start
                start = text.find(needle, start + 1)
        return
    offsets = [0]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part) + 1)
    rarest = min(range(1, len(parts) - 1), key=lambda i: len(words.get(parts[i], ())))
    for block, at in words.get(parts[rarest], ()):
        start = at - offsets[rarest]
        if start >= 0 and texts[block].startswith(needle, start):
            yield block, start


def anchor_quotes(source: Source, view: CleanedText) -> tuple[dict[str, Anchor],
                                                               list[Diagnostic]]:
    """Exact match on normalised text, one source at a time (never every quote against
    every text), mapped back to offsets in the cleaned blocks."""
    blocks: list[Normalised] = [normalise(b.text) for b in view.blocks]
    texts = [block.text for block in blocks]
    words = word_index(texts) if len(source.quotes) > INDEX_QUOTES else None
    found: dict[str, Anchor] = {}
    problems: list[Diagnostic] = []
    fuzzy_budget = FUZZY_BUDGET
    misses: _Misses | None = None  # made on the first quote not found
    for quote in source.quotes:
        at = quote.positions.get("text", quote.pos)
        needle = normalise_text(quote.text)
        prefix = normalise_text(quote.prefix)
        suffix = normalise_text(quote.suffix)
        places: list[_Place] = []
        for index, start in occurrences(texts, needle, words):
            # Only the few characters prefix and suffix need are looked at, so a passage
            # found many times costs no more than the block's length: white space in
            # normalised text is one space, so one character of slack does.
            text, end = texts[index], start + len(needle)
            before = text[max(0, start - len(prefix) - 1):start].rstrip()
            after = text[end:end + len(suffix) + 1].lstrip()
            places.append(_Place(index, start, before.endswith(prefix), after.startswith(suffix)))
        hits = [(place.block, place.start) for place in places if place.prefix and place.suffix]
        if places and not hits:
            problems.extend(_wrong_context(quote, source.id, texts, places, len(needle)))
        elif len(hits) == 1:
            index, start = hits[0]
            begin, end = blocks[index].span_in_original(start, start + len(needle))
            found[quote.id] = Anchor(quote, source.id, index, begin, end)
        elif not hits:
            misses = misses or _Misses(source, view, texts)
            removed = misses.removed_by_cleaning(needle)
            if removed is not None:
                problems.append(_cleaned_away(at, quote, source.id, removed))
                continue
            # Looking across the breaks reads the article three times over; the closest
            # passage costs about the quote's length times the article's.
            across = None
            if fuzzy_budget >= 0:
                fuzzy_budget -= 3 * misses.length
                across = _across_breaks(at, quote, source.id, misses, view.blocks)
            if across is not None:
                problems.append(across)
                continue
            fuzzy_budget -= len(needle) * misses.length
            problems.append(_not_found(at, quote, source.id, view, blocks
                                       if fuzzy_budget >= 0 else None))
        else:
            problems.append(error(at, "quote-ambiguous",
                                  f"quote {quote.id!r} occurs {len(hits)} times in source "
                                  f"{source.id!r}",
                                  "add `prefix:` or `suffix:` with the words just before or "
                                  "after the occurrence you mean"))
    return found, problems


class _Place(NamedTuple):
    """Where a quote's text is in its article, and whether its prefix and its suffix fit
    there."""

    block: int
    start: int
    prefix: bool
    suffix: bool


# How many places of a quote's text the hint on a prefix that fits none of them reads.
_PLACES_READ = 50


def _wrong_context(quote: Quote, source_id: str, texts: list[str], places: list[_Place],
                   length: int) -> list[Diagnostic]:
    """The errors for a quote whose text is in the article but whose `prefix` or `suffix`
    is not beside it: one at each of the two that fits no place the other allows."""
    fit_before = [place for place in places if place.prefix]
    fit_after = [place for place in places if place.suffix]
    found = []
    if not fit_before or fit_after:  # (when both fit somewhere, the prefix is named)
        found.append(_context_error(quote, "prefix", source_id, texts, fit_after or places, 0))
    if not fit_after:
        found.append(_context_error(quote, "suffix", source_id, texts, fit_before or places,
                                    length))
    return found


def _context_error(quote: Quote, side: str, source_id: str, texts: list[str],
                   places: list[_Place], length: int) -> Diagnostic:
    """The `prefix` (or `suffix`) fits none of `places`: what the article has there
    instead, the closest of them, marked where it differs when it is close."""
    written = normalise_text(getattr(quote, side))
    before = side == "prefix"
    shown, ratio = max((closest_beside(written, texts[place.block], place.start + length,
                                       before=before) for place in places[:_PLACES_READ]),
                       key=lambda best: best[1])
    where = "just before" if before else "just after"
    at = quote.positions.get(side, quote.pos)
    message = (f"the {side} of quote {quote.id!r} is not what source {source_id!r} has "
               f"{where} the quote")
    if not shown:
        return error(at, "quote-context-not-found", message,
                     f"the quote {'starts' if before else 'ends'} its paragraph, so nothing is "
                     f"{where} it: remove `{side}:`")
    diff: tuple[Segment, ...] = ()
    hint = f"{where} the quote, the article has: '{shown}'"
    if ratio >= 0.5:
        diff = word_diff(written, shown)
        hint = passage_hint(diff, f"{where} the quote, the article has", f"the {side}")
    hint += (f": make `{side}:` the {'last' if before else 'first'} words of that, exactly, "
             "or remove it")
    return error(at, "quote-context-not-found", message, hint, diff)


class _Misses:
    """What explaining a quote not found in a source looks at, made once for the source,
    on its first quote not found: a source with many of them does not split, normalise
    or join its article again for each."""

    def __init__(self, source: Source, view: CleanedText, texts: list[str]) -> None:
        removals = [r for r in view.removals if r.kind in ("line", "snippet")]
        lines = source.text.split("\n") if removals else []
        # Each rule, the line it took from and, for a snippet, that line without it, all
        # normalised once, however many quotes are looked for there.
        self.removals = [(r, normalise_text(lines[r.line - 1]),
                          normalise_text(lines[r.line - 1].replace(r.text, " "))
                          if r.kind == "snippet" else "") for r in removals]
        # Hard-wrapped paragraphs, each read as one line; and each paragraph with the next.
        self.wrapped = [(b, normalise_text(b.text)) for b in paragraphs(view.blocks)
                        if b.last_line > b.line]
        self.texts = texts
        self.length = sum(map(len, texts))

    def removed_by_cleaning(self, needle: str) -> Removal | None:
        """The cleaning rule that took away the line holding the passage, or the words of
        it the passage needs (not the first rule on the line: the one that cuts it)."""
        for removal, line, cut in self.removals:
            if needle in line and (removal.kind == "line" or needle not in cut):
                return removal
        return None


def _cleaned_away(at: Pos, quote: Quote, source_id: str, removal: Removal) -> Diagnostic:
    rule = "drop_lines" if removal.kind == "line" else "remove"
    return error(at, "quote-not-found", f"quote {quote.id!r} is not in source {source_id!r}: "
                 f"it is on line {removal.line} of {source_id}.txt, which the cleaning rule "
                 f"`{rule}: {removal.text!r}` {'drops' if rule == 'drop_lines' else 'cuts'}",
                 f"quote the words as the cleaned article has them, or narrow the `{rule}` "
                 "rule if it takes away more than boilerplate")


def _across_breaks(at: Pos, quote: Quote, source_id: str, misses: _Misses,
                   blocks: Sequence[Block]) -> Diagnostic | None:
    """The error for a quote that runs across a line break of a hard-wrapped article, or
    across the break between two paragraphs; None when it does neither."""
    needle = normalise_text(quote.text)
    missing = f"quote {quote.id!r} is not in source {source_id!r}"
    texts = misses.texts
    lines = next((b for b, text in misses.wrapped if needle in text), None)
    if lines is not None:
        return error(at, "quote-not-found", f"{missing}: it runs across a line break, in the "
                     f"paragraph on lines {lines.line}-{lines.last_line} of {source_id}.txt",
                     "the article is hard-wrapped: add `join_wrapped_lines: true` under "
                     "`cleaning:` to read each paragraph's lines as one")
    for n in range(len(texts) - 1):
        first, second = texts[n], texts[n + 1]
        if needle in f"{first} {second}" and needle not in first and needle not in second:
            return error(at, "quote-not-found", f"{missing}: it runs from the paragraph on "
                         f"line {blocks[n].line} of {source_id}.txt into the next, on line "
                         f"{blocks[n + 1].line}", "a quote holds the words of one paragraph: "
                         "make it two quotes, one for each paragraph")
    return None


def _not_found(at: Pos, quote: Quote, source_id: str, view: CleanedText,
               blocks: list[Normalised] | None) -> Diagnostic:
    """The error for a quote not in its source; with the article's `blocks` (its view's,
    normalised), its hint shows the closest passage with the words that differ marked."""
    needle = normalise_text(quote.text)
    texts = [block.text for block in blocks] if blocks is not None else None
    best = closest_passage(needle, texts) if texts is not None else None
    hint = "copy the words exactly from the cleaned article"
    diff: tuple[Segment, ...] = ()
    if best and blocks is not None and best.ratio >= 0.5:
        diff = as_written(word_diff(needle, best.text), best, blocks[best.block],
                          view.blocks[best.block].text)
        hint = passage_hint(diff)
    if texts is not None and _only_quotation_marks_differ(needle, texts):
        hint = ("the article has quotation marks inside these words: keep them, and write "
                "the text between single quotes so that YAML keeps its double ones "
                "(as in text: 'would cost \"about $12 million\"')")
    if "..." in needle:  # (an ellipsis, folded to three points)
        hint += ("; an ellipsis cannot stand for words left out: a quote is the article's "
                 "words as they run, so quote each part on its own")
    return error(at, "quote-not-found", f"quote {quote.id!r} is not in source {source_id!r}",
                 hint, diff)


def as_written(segments: tuple[Segment, ...], passage: Passage, block: Normalised,
               written: str) -> tuple[Segment, ...]:
    """The passage's words in `segments` as the article writes them (`written`, the text
    `block` normalises): matching reads every quotation mark as `"` and every dash as `-`
    (`text._FOLD`), which the hint, showing the article, should not ("«Las cifras…»", not
    '"Las cifras…"'). The quote's own words, and any part that is not the passage's, stay
    as they are."""
    out: list[Segment] = []
    at = 0  # where the next of the passage's words start in it
    for op, words in segments:
        if op == "-" or not words or not passage.text.startswith(words, at):
            out.append((op, words))
            continue
        begin, end = block.span_in_original(passage.start + at, passage.start + at + len(words))
        out.append((op, _SPACE_RUN.sub(" ", written[begin:end])))
        at += len(words)
    return tuple(out)


_SPACE_RUN = re.compile(r"\s+")


def _only_quotation_marks_differ(needle: str, texts: list[str]) -> bool:
    """Whether the quote is in the article but for the article's double quotation marks
    (`cost "about $12 million"` quoted as `cost about $12 million`). Both are normalised,
    so every kind of double mark reads `"` (`text._FOLD`)."""
    bare = needle.replace('"', "")
    return bool(bare.strip()) and any(bare in text.replace('"', "") for text in texts)


# --- stances ---------------------------------------------------------------------------

_StanceKey = tuple[int, tuple[int, int, int, int], str, int]
_SourceStances = tuple[tuple[_StanceKey, Stance], ...]

# An unchanged source keeps its Stance objects, and a claim whose stances are the very
# same objects keeps its sorted tuple, so pages reading it find the very same value.
def _source_stances(source: Source, store: LinkStore) -> _SourceStances:
    last = store.stances.get(source.id)
    if last is not None and last[0] is source:
        return last[1]
    published = _published(source)
    # Support first, then doubt; within each, oldest source first, then the source's order.
    return tuple(((STANCES.index(stance), published, source.id, number),
                  Stance(ref.id, stance, quote, source.id))
                 for number, quote in enumerate(source.quotes)
                 for stance, ref in quote.stances())


def _claim_stances(corpus: Corpus, claims: Mapping[str, Claim], store: LinkStore
                   ) -> dict[str, tuple[Stance, ...]]:
    kept: dict[str, tuple[Source, _SourceStances]] = {}
    keyed: dict[str, list[tuple[_StanceKey, Stance]]] = defaultdict(list)
    for source in corpus.sources:
        found = _source_stances(source, store)
        kept[source.id] = (source, found)
        for key, stance in found:
            if stance.claim_id in claims:
                keyed[stance.claim_id].append((key, stance))
    store.stances = kept
    sorted_kept: dict[str, tuple[list[Stance], tuple[Stance, ...]]] = {}
    out: dict[str, tuple[Stance, ...]] = {}
    for claim_id in sorted(keyed):
        group = keyed[claim_id]
        members = [stance for _, stance in group]
        last = store.claim_stances.get(claim_id)
        if last is not None and same_objects(members, last[0]):
            ordered = last[1]
        else:
            group.sort(key=itemgetter(0))
            ordered = tuple(stance for _, stance in group)
        sorted_kept[claim_id] = (members, ordered)
        out[claim_id] = ordered
    store.claim_stances = sorted_kept
    return out


# --- references -----------------------------------------------------------------------


def _prose_refs(prose: Prose | None) -> tuple[Ref, ...]:
    return prose.refs if prose else ()


def _brief_refs(brief: Brief) -> Iterable[Ref]:
    yield from _prose_refs(brief.summary)
    for section in brief.sections:
        for point in section.points:
            yield from point.cites
            yield from point.claims
            yield from _prose_refs(point.text)
    if brief.related:
        yield from brief.related.briefs
        yield from brief.related.entities


def _source_refs(source: Source) -> Iterable[Ref]:
    yield from _prose_refs(source.note)
    for quote in source.quotes:
        if quote.speaker:
            yield quote.speaker
        for _, ref in quote.stances():
            yield ref
        yield from _prose_refs(quote.note)


def _claim_refs(claim: Claim) -> Iterable[Ref]:
    if claim.claimant:
        yield claim.claimant
    yield from _prose_refs(claim.statement)
    yield from _prose_refs(claim.note)
    if claim.relations:
        yield from (ref for _, ref in claim.relations.pairs())
    for figure in claim.figures:
        if figure.subject:
            yield figure.subject
    for event in claim.events:
        yield from _prose_refs(event.what)


def _entity_refs(entity: Entity) -> Iterable[Ref]:
    return _prose_refs(entity.description)


def _all_refs(corpus: Corpus, store: LinkStore) -> list[Ref]:
    """Every reference in the corpus. An unchanged item is the very same object on a
    rebuild, and walking every item's fields again cost more than checking the store."""
    found: list[Ref] = []
    kept: dict[int, tuple[object, tuple[Ref, ...]]] = {}
    walks: tuple[tuple[tuple[Any, ...], Any], ...] = (
        (corpus.sources, _source_refs), (corpus.claims, _claim_refs),
        (corpus.entities, _entity_refs), (corpus.briefs, _brief_refs))
    for items, refs_of in walks:
        for item in items:
            last = store.refs.get(id(item))
            refs = last[1] if last is not None and last[0] is item else tuple(refs_of(item))
            kept[id(item)] = (item, refs)
            found.extend(refs)
    store.refs = kept
    return found


def _copies(corpus: Corpus) -> dict[str, dict[str, Pos]]:
    """By kind, each id used twice and where its second use is (`duplicate-id`): most
    often an item copied to make another, its id not yet changed."""
    items: dict[str, Sequence[Quote | Claim | Entity]] = {
        "quote": [q for s in corpus.sources for q in s.quotes], "claim": corpus.claims,
        "entity": corpus.entities}
    copies: dict[str, dict[str, Pos]] = {}
    for kind, of_kind in items.items():
        seen: set[str] = set()
        for item in of_kind:
            if item.id in seen:
                copies.setdefault(kind, {}).setdefault(item.id, item.pos)
            seen.add(item.id)
    return copies


def _unresolved(refs: Iterable[Ref], known: Mapping[str, Iterable[str]],
                declared: Mapping[str, frozenset[str]], quotes: Mapping[str, Quote],
                copies: Mapping[str, Mapping[str, Pos]]
                ) -> tuple[list[Diagnostic], frozenset[str]]:
    """The unknown references, and the ids they name or look like. Of the ids an unknown
    one looks like, one that nothing refers to comes first: after an id is renamed, its
    old references look like the new id, which none names yet, and may look like another
    id still more (`r1-cost` renamed `r1-cost-6m` beside `r1-cost-5m`). Else, with an id
    of its kind used twice, the second use may be a copy meant to be the one referred
    to: it is named."""
    refs = list(refs)
    referenced = {(ref.kind, ref.id) for ref in refs}
    problems = []
    named: set[str] = set()
    for ref in refs:
        ids = known[ref.kind]
        maybe = declared.get(ref.kind, frozenset())
        if ref.id in ids or ref.id in maybe or ANY in maybe:
            continue
        other = next((kind for kind in _KIND_ORDER if kind != ref.kind
                      and ref.id in known.get(kind, ())), None)
        if other is not None:  # the right id in the wrong place: no look-alike is meant
            problems.append(_other_kind(ref, other, quotes))
            named.add(ref.id)
            continue
        # The ids of a file that failed to read are the curator's too: a look-alike.
        candidates = list(dict.fromkeys((*ids, *sorted(maybe - {ANY}))))
        close = difflib.get_close_matches(ref.id, candidates, n=3) \
            or _sharing_words(ref.id, candidates)
        unnamed = [c for c in close if (ref.kind, c) not in referenced]
        best = (unnamed or close)[:1]
        where = _DECLARED_IN.get(ref.kind)
        hint = f"define the {ref.kind} first{f' ({where})' if where else ''}, or fix the id"
        copied = copies.get(ref.kind, {})
        if unnamed:
            hint = f"did you mean {best[0]!r}, which nothing refers to yet?"
        elif copied:
            copy = max(copied, key=lambda i: difflib.SequenceMatcher(None, i, ref.id).ratio())
            hint = (f"{ref.kind} id {copy!r} is used twice, the second time at "
                    f"{copied[copy]}: if that is a copy meant to be this {ref.kind}, give it "
                    f"the id {ref.id!r}; else define the {ref.kind}, or fix the id")
        elif best:
            hint = f"did you mean {best[0]!r}?"
        problems.append(error(ref.pos, "ref-unknown", f"unknown {ref.kind} {ref.id!r}", hint))
        named.update((ref.id, *best))
    return problems, frozenset(named)


def _sharing_words(unknown: str, ids: list[str]) -> list[str]:
    """The one id that shares the most words with `unknown`, two at least, when no id is
    spelt like it: a source's id is often long ("2025-11-12-millbrook-council-approves-
    budget") and a curator writes it from memory ("millbrook-budget")."""
    words = {w for w in unknown.split("-") if not w.isdigit()}
    most, best = 1, []  # (two words at least)
    for candidate in ids:
        count = len(words.intersection(candidate.split("-")))
        if count > most:
            most, best = count, [candidate]
        elif count == most and best:
            best.append(candidate)
    return best if len(best) == 1 else []


# Which kind an id of the wrong kind is said to be, should two kinds share it.
_KIND_ORDER = ("claim", "quote", "entity", "source", "brief", "metric")
# Where the ids of each kind are declared, for a reference that names one of another kind.
_DECLARED_IN = MappingProxyType({
    "quote": "quotes are declared under `quotes:` in sources/<id>.yml",
    "claim": "claims are declared in claims.yml or claims/",
    "entity": "entities are declared in entities.yml or entities/",
    "source": "a source's id is its file name, sources/<id>.yml",
    "brief": "a brief's id is its file name, briefs/<id>.yml",
    "metric": "a metric is named by a claim's `figures:`",
})


def _other_kind(ref: Ref, other: str, quotes: Mapping[str, Quote]) -> Diagnostic:
    """An id of another kind than the reference takes: a claim's id under `cites:` or as
    a `speaker:`. "Define the quote first" would send the curator to make a second item."""
    message = f"unknown {ref.kind} {ref.id!r}: it is {a_or_an(other)} id, not " \
              f"{a_or_an(ref.kind)} id"
    if ref.in_prose:
        hint = f"link it as [[{other}:{ref.id}]], or name {a_or_an(ref.kind)} here"
    else:
        hint = f"write the id of {a_or_an(ref.kind)} here ({_DECLARED_IN[ref.kind]})"
    if ref.kind == "quote" and other == "claim" and not ref.in_prose:
        giving = sorted(q.id for q in quotes.values()
                        if any(r.id == ref.id for _, r in q.stances()))
        hint = ("cite a quote that speaks to the claim"
                + (f" ({', '.join(repr(g) for g in giving[:3])})" if giving else "")
                + " and list the claim itself under the point's `claims:`")
    return error(ref.pos, "ref-unknown", message, hint)


# --- consistency ----------------------------------------------------------------------


def _status_checks(corpus: Corpus, waiting: frozenset[str],
                   stances: Mapping[str, tuple[Stance, ...]],
                   relations_in: Mapping[str, list[tuple[str, str]]],
                   evidence: Mapping[str, Evidence]) -> list[Diagnostic]:
    """A claim no passage touches, a status the evidence does not fit (`evidence.py`),
    and a superseded claim nothing supersedes."""
    problems = []
    for claim in corpus.claims:
        if claim.id in waiting or ANY in waiting:
            continue  # its evidence may sit in an item already reported as broken
        if not stances.get(claim.id):
            problems.append(warning(claim.pos, "claim-unsourced",
                                    f"no quote asserts, reports, doubts or refutes claim "
                                    f"{claim.id!r}",
                                    "link a quote to it (asserts/reports/doubts/refutes), "
                                    "or delete the claim"))
        found = status_check(claim, evidence[claim.id])
        if found is not None:
            problems.append(found)
        incoming = [kind for kind, _ in relations_in.get(claim.id, [])]
        if claim.status == "superseded" and "superseded by" not in incoming:
            problems.append(warning(claim.pos, "status-unbacked",
                                    f"claim {claim.id!r} is marked superseded but no claim "
                                    "supersedes it",
                                    "add `relations: {supersedes: [...]}` to the newer claim"))
    return problems


# --- entity mentions ------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])['\"\u2019\u201d]?\s+")


def sentence_starts(text: str) -> list[int]:
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        # "U.S." or "Mr." before a space does not end a sentence.
        if not ABBREVIATION.search(text, max(0, end - ABBREVIATION_WINDOW), end):
            starts.append(match.end())
    return starts


def names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of `names` as a whole word, the longest name first.

    The names are laid out as a trie (`Acme(?: Corp)?`), so at each position the regex
    engine follows one branch instead of trying every name in turn: the cost grows with
    the text, not with the text times the number of names.
    """
    trie: dict[str, dict[str, Any]] = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def alternation(node: dict[str, Any], after_first: str = "") -> str:
        branches = [re.escape(char) + after_first + alternation(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        # Greedy `?`: a longer name is tried before the one ending here.
        return "(?:" + "|".join(branches) + (")?" if "" in node else ")")

    # Where a word starts is checked after the name's first character, so that the pattern
    # starts with a literal and the engine skips ahead to candidate characters.
    return re.compile(alternation(trie, AFTER_WORD_START) + WORD_END)


def name_owner(entities: Iterable[Entity]) -> dict[str, str]:
    """Each name and alias to the first entity that has it, read as the sources are read:
    without its invisible characters ("Ac\u200bme" is "Acme"), and in both Unicode forms
    an accent may be typed in ("Müller" as one character or as "u" and a combining mark),
    since a source keeps the form it was saved in. A name another entity had first is
    `entity-name-shared` (`find_mentions`)."""
    owner: dict[str, str] = {}
    for entity in entities:
        for name in entity.names:
            shown = visible(name)
            for form in dict.fromkeys((shown, unicodedata.normalize("NFC", shown),
                                       unicodedata.normalize("NFD", shown))):
                owner.setdefault(form, entity.id)
    return owner


def find_mentions(corpus: Corpus, cleaned: Mapping[str, CleanedText], store: LinkStore
                  ) -> tuple[dict[str, tuple[Mention, ...]], list[Diagnostic]]:
    """Every sentence naming an entity, found with one pattern over each block."""
    owner = name_owner(corpus.entities)
    problems = [_name_shared(entity, written, owner[visible(written)])
                for entity in corpus.entities for written in entity.names
                if owner[visible(written)] != entity.id]
    found: dict[str, list[Mention]] = defaultdict(list)
    if not owner:
        return {}, problems
    memo = _mention_memo(owner, store)
    kept: dict[str, tuple[tuple[Block, ...], list[Mention]]] = {}
    for source in corpus.sources:
        blocks = cleaned[source.id].blocks
        last = memo.by_source.get(source.id)
        # Unchanged sources keep their cleaned blocks, so this is mostly an identity check.
        mentions = last[1] if last is not None and (last[0] is blocks or last[0] == blocks) \
            else _mentions_in(source.id, blocks, memo.pattern, owner)
        kept[source.id] = (blocks, mentions)
        for mention in mentions:
            found[mention.entity_id].append(mention)
    memo.by_source = kept
    # An entity whose mentions are the very same objects keeps its tuple, so what reads
    # it (entity pages, content dates) finds the very same value.
    by_entity: dict[str, tuple[Mention, ...]] = {}
    for entity_id, mentioned in sorted(found.items()):
        before = memo.by_entity.get(entity_id)
        by_entity[entity_id] = before if before is not None \
            and same_objects(mentioned, before) else tuple(mentioned)
    memo.by_entity = by_entity
    return dict(by_entity), problems


@dataclass
class _MentionMemo:
    """Mentions per source for one set of names, kept between rebuilds (`mkdocs serve`)."""

    owner: dict[str, str]
    pattern: re.Pattern[str]
    by_source: dict[str, tuple[tuple[Block, ...], list[Mention]]]  # by source id
    by_entity: dict[str, tuple[Mention, ...]] = field(default_factory=dict)


def _name_shared(entity: Entity, written: str, first: str) -> Diagnostic:
    hidden = ", ".join(dict.fromkeys(char_name(c) for c in written if is_invisible(c)))
    return warning(entity.pos, "entity-name-shared",
                   f"{visible(written)!r} names both {first!r} and {entity.id!r}"
                   + (f" (written with the invisible {hidden})" if hidden else ""),
                   "give each entity names of its own")


def _mention_memo(owner: dict[str, str], store: LinkStore) -> _MentionMemo:
    if store.mentions is None or store.mentions.owner != owner:
        store.mentions = _MentionMemo(dict(owner), names_pattern(owner), {})
    return store.mentions


def _mentions_in(source_id: str, blocks: tuple[Block, ...], pattern: re.Pattern[str],
                 owner: Mapping[str, str]) -> list[Mention]:
    out = []
    for index, block in enumerate(blocks):
        starts = sentence_starts(block.text)
        seen: set[tuple[str, int]] = set()
        for match in pattern.finditer(block.text):
            entity_id = owner[match.group(0)]
            sentence_no = bisect.bisect_right(starts, match.start()) - 1
            if (entity_id, sentence_no) in seen:
                continue
            seen.add((entity_id, sentence_no))
            end = starts[sentence_no + 1] if sentence_no + 1 < len(starts) else None
            sentence = block.text[starts[sentence_no]:end].strip()
            out.append(Mention(entity_id, source_id, index, sentence))
    return out


# --- figures and timeline -------------------------------------------------------------


def build_ledger(corpus: Corpus, stances: Mapping[str, tuple[Stance, ...]], store: LinkStore
                 ) -> tuple[MetricLedger, ...]:
    """A claim's values are kept while the claim and its stances are the very same
    objects, a metric's ledger while its values are."""
    by_metric: dict[str, list[LedgerValue]] = defaultdict(list)
    kept: dict[str, tuple[Claim, tuple[Stance, ...], tuple[LedgerValue, ...]]] = {}
    for claim in corpus.claims:
        if not claim.figures:
            continue
        own = stances.get(claim.id, ())
        last = store.values.get(claim.id)
        made = last[2] if last is not None and last[0] is claim and last[1] is own \
            else tuple(LedgerValue(figure, claim, own) for figure in claim.figures)
        kept[claim.id] = (claim, own, made)
        for value in made:
            by_metric[value.figure.metric].append(value)
    store.values = kept
    ledgers = []
    metrics: dict[str, tuple[list[LedgerValue], MetricLedger]] = {}
    for metric, values in sorted(by_metric.items()):
        before = store.metrics.get(metric)
        if before is not None and same_objects(values, before[0]):
            ledger = before[1]
        else:
            ordered = sorted(values, key=lambda v: (_subject(v) or "", v.figure.value,
                                                    v.claim.id))
            ledger = MetricLedger(metric, tuple(ordered), _disagreements(ordered))
        metrics[metric] = (values, ledger)
        ledgers.append(ledger)
    store.metrics = metrics
    return tuple(ledgers)


def _subject(value: LedgerValue) -> str | None:
    return value.figure.subject.id if value.figure.subject else None


def _amount(value: LedgerValue) -> tuple[Decimal, Decimal, str]:
    return (*value.figure.value, value.figure.unit)


def _disagreements(values: list[LedgerValue]) -> tuple[Disagreement, ...]:
    found = []
    by_subject: dict[str | None, list[LedgerValue]] = defaultdict(list)
    by_amount: dict[tuple[Decimal, Decimal, str], list[LedgerValue]] = defaultdict(list)
    for value in values:
        by_subject[_subject(value)].append(value)
        by_amount[_amount(value)].append(value)
    for subject, group in sorted(by_subject.items(), key=lambda kv: kv[0] or ""):
        if len({_amount(v) for v in group}) > 1:
            found.append(Disagreement(subject, "values", tuple(group)))
    for _, group in sorted(by_amount.items()):
        if len({_subject(v) for v in group}) > 1:
            found.append(Disagreement(None, "subjects", tuple(group)))
    return tuple(found)


def _item_entries(item: Claim | Source) -> tuple[TimelineEntry, ...]:
    if isinstance(item, Claim):
        return tuple(TimelineEntry(event.when, "event", event, item, None,
                                   f"e-{item.id}-{number}")
                     for number, event in enumerate(item.events, start=1))
    if item.published and item.published.year is not None:
        return (TimelineEntry(item.published, "published", None, None, item.id,
                              f"p-{item.id}"),)
    return ()


def _told_order(corpus: Corpus, stances: Mapping[str, tuple[Stance, ...]],
                anchors: Mapping[str, Anchor]) -> dict[str, tuple[int, int, int]]:
    """Where each claim is first told: its earliest source (by publication, then id) and
    the place of the passage there. Events of one period keep this order, the order in
    which the sources tell them, never the order of their ids."""
    rank = {s.id: n for n, s in enumerate(sorted(corpus.sources,
                                                key=lambda s: (_published(s), s.id)))}
    told: dict[str, tuple[int, int, int]] = {}
    for claim_id, own in stances.items():
        places = [(rank.get(s.source_id, len(rank)), anchor.block, anchor.start)
                  for s in own if (anchor := anchors.get(s.quote.id)) is not None]
        if places:
            told[claim_id] = min(places)
    return told


def _timeline_key(entry: TimelineEntry, told: Mapping[str, tuple[int, int, int]]
                  ) -> tuple[object, ...]:
    if entry.event is None or entry.claim is None:
        return (entry.when.sort_key, entry.kind, (1, 0), (0, 0, 0), entry.anchor)
    stated = (0, entry.event.order) if entry.event.order is not None else (1, 0)
    return (entry.when.sort_key, entry.kind, stated,
            told.get(entry.claim.id, (1 << 30, 0, 0)), entry.anchor)


def build_timeline(corpus: Corpus, told: Mapping[str, tuple[int, int, int]],
                   store: LinkStore) -> tuple[TimelineEntry, ...]:
    """Entries by date; within one period by their stated `order:`, then in the order
    the sources tell them. A rebuild makes again only the entries of edited items, and
    sorts again only when an entry or the told order changed."""
    entries: list[TimelineEntry] = []
    kept: dict[int, tuple[object, tuple[TimelineEntry, ...]]] = {}
    items: tuple[Claim | Source, ...] = (*corpus.claims, *corpus.sources)
    for item in items:
        last = store.entries.get(id(item))
        made = last[1] if last is not None and last[0] is item else _item_entries(item)
        kept[id(item)] = (item, made)
        entries.extend(made)
    store.entries = kept
    last_timeline = store.timeline
    if last_timeline is not None and same_objects(entries, last_timeline[0]) \
            and last_timeline[2] == told:
        return last_timeline[1]
    ordered = tuple(sorted(entries, key=lambda e: _timeline_key(e, told)))
    store.timeline = (entries, ordered, dict(told))
    return ordered
