"""Views: exactly the data a page shows, as frozen values.

A page is rendered from its view alone (`render.py`), so two equal views give the same
Markdown, and a rebuild may reuse a page whose view is unchanged. A view therefore holds
what is shown, already in the form it is shown in: a link as its label and target, an
amount as its text (`Decimal("1.0") == Decimal("1.00")`, but they are written apart),
prose as text and links. `Queries` builds the pieces shared by every kind of view from
the linked corpus; each page kind's typed query functions live in `views_items.py`,
`views_lists.py` and `coverage.py`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import attrgetter
from types import MappingProxyType
from typing import Any, TypeVar, cast

from .hedges import Hedges
from .labels import Byline, byline
from .link import Linked
from .markup import curly_quoted, format_amount, humanise, name_spellings, topic_label
from .model import Claim, Figure, Quote, Source
from .paths import TIMELINE, anchored, page_path, quote_target
from .reuse import Entry, Reuse, changed_entries
from .schema import FuzzyDate, Prose, ProseRef
from .wording import Wording

T = TypeVar("T")


@dataclass(frozen=True)
class Ref:
    """A link to a page or a passage: what it says and where it leads (a docs-relative
    path, perhaps with an anchor)."""

    label: str
    target: str
    # The language of the label, when it is a source's words (its title, a quote) and the
    # source names it (`Source.language`): the browser and screen readers read it so.
    lang: str = ""


# Prose as text and links, in order.
ProseView = tuple[str | Ref, ...]


@dataclass(frozen=True)
class Pager:
    """Where one page of a paged listing sits among the others."""

    paths: tuple[str, ...]
    number: int  # 1-based

    @property
    def path(self) -> str:
        return self.paths[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.paths)

    def neighbours(self, words: Wording | None = None) -> list[tuple[str, str]]:
        """(label, path) of the first, previous, next and last pages that differ from this
        one, the labels in `words`' language (English without)."""
        words = words or Wording()  # (English: the messages as written)
        n, last = self.number, self.count
        wanted = [(words.gettext("first page"), 1), (words.gettext("previous page"), n - 1),
                  (words.gettext("next page"), n + 1), (words.gettext("last page"), last)]
        seen: set[int] = {n}
        out = []
        for label, number in wanted:
            if 1 <= number <= last and number not in seen:
                seen.add(number)
                out.append((label, self.paths[number - 1]))
        return out


@dataclass(frozen=True)
class Claimed:
    """A claim as a line of a list shows it: its link and status badge."""

    claim: Ref
    status: str


@dataclass(frozen=True)
class QuotedItem:
    """A quote as an entity's page lists it: the passage, its source and what it says of
    which claims."""

    quote: Ref
    source: Ref
    described: Byline | None
    stances: tuple[tuple[str, Ref], ...]


def newest(dates: Iterable[FuzzyDate | None]) -> FuzzyDate | None:
    """The latest of these dates as the evidence gives them (unknown ones skipped), with
    its precision and its *about* and *inferred* marks."""
    known = [d for d in dates if d is not None and d.year is not None]
    return max(known, key=attrgetter("sort_key"), default=None)


def dated_by(date: FuzzyDate | None, source: str, *, words: Wording | None = None
             ) -> FuzzyDate | None:
    """A source's date as a page shows it apart from the source (the newest date behind a
    brief, say): an inferred date's basis then names the source, as its "the text" would
    name none. The view holds the basis so, as the date's label shows it."""
    if date is None or not date.inferred or not date.basis:
        return date
    words = words or Wording()  # (English: the messages as written)
    # Translators: the reason given for an inferred date, shown apart from its source:
    # the source's title, then the curator's reasoning.
    return replace(date, basis=words.gettext("The date of \u201c%(source)s\u201d: %(basis)s",
                                             source=source, basis=date.basis))


def amount(figure: Figure, *, words: Wording | None = None) -> str:
    low, high = figure.value
    return format_amount(low, high, figure.unit, figure.qualifier, words=words)


def subject_tip(figure: Figure) -> str | None:
    """How a figure's subject is marked (`markup.subject_mark`): None when the source names
    it, else the curator's reading, its tip the basis ("" when none is given)."""
    subject = figure.subject
    return subject.basis if subject is not None and subject.inferred else None


LinkKey = tuple[str, str]  # (kind, id) of a link
# The linked tables whose entries decide a link's label or target, and its kind.
_LINK_TABLES = MappingProxyType({"entities": "entity", "claims": "claim", "sources": "source",
                                 "briefs": "brief", "quotes": "quote",
                                 "quote_source": "quote", "metric_names": "metric",
                                 "topic_names": "topic"})


def stance_key(linked: Linked, claim_id: str) -> tuple[tuple[str, str, str], ...]:
    """What a table row shows of a claim's stances: (source, stance, passage) of each. An
    edit of a source file makes each of its stances again, so every claim it takes a
    position on has new stances, mostly equal to the last build's: a claim whose key
    differs is marked changed as `("stances", claim)` (`Queries.begin`), which rows and
    tables showing its stances name among their links instead of holding its stances."""
    return tuple((st.source_id, st.stance, st.quote.id)
                 for st in linked.stances.get(claim_id, ()))


class Kept:
    """Results of one function kept from the last build with what they were made from:
    reused while `same` holds the very same objects (identity, not equality: `Decimal("1.0")
    == Decimal("1.00")`), `equal` equal values (plain text and numbers only) and none of
    the links the result shows (`links`, asked when the result is made) changed its label
    or target. Only what a build uses is kept for the next; a child (`child`), made of the
    parts of one result, is kept whole while that result is."""

    def __init__(self) -> None:
        self.last: dict[Any, tuple[tuple[Any, ...], Any, frozenset[LinkKey], Any]] = {}
        self.now: dict[Any, tuple[tuple[Any, ...], Any, frozenset[LinkKey], Any]] = {}
        self.children: dict[Any, Kept] = {}

    def get(self, key: Any, same: tuple[Any, ...], make: Callable[[], T], equal: Any = None,
            links: Callable[[], Iterable[LinkKey]] | None = None,
            changed: frozenset[LinkKey] | None = None) -> T:
        hit = self.last.get(key)
        if hit is None or len(hit[0]) != len(same) or hit[1] != equal \
                or (links is not None and (changed is None or not changed.isdisjoint(hit[2]))) \
                or not all(a is b for a, b in zip(hit[0], same, strict=True)):
            hit = (same, equal, frozenset(links()) if links else frozenset(), make())
        self.now[key] = hit
        return cast(T, hit[3])

    def child(self, key: Any) -> Kept:
        """The parts of the result kept as `key`: made again only with it, so they are
        kept as long as it is, though a build reusing it asks for none of them."""
        return self.children.setdefault(key, Kept())

    def next_build(self) -> None:
        self.last, self.now = self.now, {}
        self.children = {k: c for k, c in self.children.items() if k in self.last}
        for kept in self.children.values():
            if kept.now:  # its result was made again, asking for every part of it
                kept.next_build()


@dataclass
class PlanMemo:
    """What planning keeps between the builds of `mkdocs serve`: the pages of single items,
    each with the entries it was made from (`reuse.Reuse`); rows and tables with what they
    were made from (`Kept`); the links and what the last build was planned from."""

    claim_pages: Reuse = field(default_factory=Reuse)
    source_pages: Reuse = field(default_factory=Reuse)
    entity_pages: Reuse = field(default_factory=Reuse)
    highlights: Kept = field(default_factory=Kept)
    metrics: Kept = field(default_factory=Kept)
    coverage: Kept = field(default_factory=Kept)
    key_figures: Kept = field(default_factory=Kept)
    focus_maps: Kept = field(default_factory=Kept)
    rows: Kept = field(default_factory=Kept)  # of the claims and sources indexes
    mention_groups: Kept = field(default_factory=Kept)  # of an entity's pages
    # The links whose label or target differ from the last build's, or that came or went
    # (`Queries.compare_links`); None until compared.
    changed: frozenset[LinkKey] | None = None
    keep: bool = True  # False for a one-shot build's throwaway memo
    # Every link by (kind, id): a link whose label and target are unchanged stays the very
    # same value, so views holding it stay the same objects too.
    refs: dict[LinkKey, Ref] = field(default_factory=dict)
    # What the last build was planned from: its linked corpus, title and event pages.
    last: tuple[Linked, str, Mapping[str, str]] | None = None
    # Front matter by its values (`plan.front_matter`), this build's and the last one's.
    fronts: dict[Any, str] = field(default_factory=dict)
    fronts_now: dict[Any, str] = field(default_factory=dict)

    def reuses(self) -> tuple[Reuse, ...]:
        return (self.claim_pages, self.source_pages, self.entity_pages)

    def next_build(self, linked: Linked, site_title: str,
                   event_pages: Mapping[str, str]) -> None:
        for kept in (self.highlights, self.metrics, self.coverage,
                     self.mention_groups, self.key_figures,
                     self.focus_maps, self.rows):
            kept.next_build()
        for reuse in self.reuses():
            reuse.next_build()
        self.changed = None
        self.last = (linked, site_title, event_pages)
        self.fronts, self.fronts_now = self.fronts_now, {}


@dataclass
class Queries:
    """Typed lookups over one linked corpus, shared by the query functions of every page
    kind. Each answer is a value made from the corpus; labels are made once per build."""

    linked: Linked
    # Timeline anchor -> the timeline page that holds it, when the timeline is paged.
    event_pages: Mapping[str, str] = field(default_factory=dict)
    memo: PlanMemo = field(default_factory=PlanMemo)
    hedges: Hedges = field(default_factory=Hedges)  # what a map's cut claim label keeps
    words: Wording = field(default_factory=Wording)  # the pages' own words
    _labels: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def label(self, kind: str, ident: str) -> str:
        key = (kind, ident)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = self._label(kind, ident)
        return found

    def _label(self, kind: str, ident: str) -> str:
        lk = self.linked
        if kind == "entity":
            return lk.entities[ident].name
        if kind == "claim":
            return self.plain(lk.claims[ident].statement)
        if kind == "source":
            return lk.sources[ident].title
        if kind == "brief":
            return lk.briefs[ident].title
        if kind == "quote":
            return curly_quoted(lk.quotes[ident].text, words=self.words)
        if kind == "topic":
            return lk.topic_names.get(ident) or topic_label(ident, self.spellings)
        if kind == "metric":
            return lk.metric_names.get(ident) or humanise(ident)
        return humanise(ident)

    def target(self, kind: str, ident: str) -> str:
        if kind == "quote":
            return quote_target(self.linked.quote_source.get(ident, ""), ident)
        if kind == "event":
            return anchored(self.event_pages.get(ident, TIMELINE), ident)
        return page_path(kind, ident)

    def made_ref(self, kind: str, ident: str) -> Ref:
        return Ref(self.label(kind, ident), self.target(kind, ident),
                   self.language(kind, ident))

    def language(self, kind: str, ident: str) -> str:
        """The language of a source's and a quote's words, if the source names it."""
        lk = self.linked
        if kind == "quote":
            kind, ident = "source", lk.quote_source.get(ident, "")
        source = lk.sources.get(ident) if kind == "source" else None
        return source.language if source is not None else ""

    def ref(self, kind: str, ident: str) -> Ref:
        # One value per link: views then share it, and compare faster. A kept memo holds
        # only what `compare_links` brought up to date.
        key = (kind, ident)
        found = self.memo.refs.get(key)
        if found is None:
            found = self.made_ref(kind, ident)
            if not self.memo.keep:
                self.memo.refs[key] = found
        return found

    def begin(self, site_title: str) -> None:
        """Compare what this build plans from with the last build's (`reuse.py`): the
        links first, then mark stale whatever was made from a changed entry."""
        last = self.memo.last
        if last is None or last[1] != site_title:
            entries = None
        else:
            entries = changed_entries(last[0], self.linked)
        links = self.compare_links(entries, last[2] if last else {})
        self.memo.changed = frozenset(
            (*links, *(("stances", key) for table, key in entries or ()
                       if table == "stances" and last is not None
                       and stance_key(last[0], key) != stance_key(self.linked, key))))
        if entries is not None:
            entries.update(("link", *key) for key in links)
        for reuse in self.memo.reuses():
            reuse.begin(entries)

    def compare_links(self, entries: set[Entry] | None, event_pages: Mapping[str, str]
                      ) -> set[LinkKey]:
        """Bring every link up to date, and return those whose label or target differ from
        the last build's, or that came or went: all of them are made again when nothing is
        known of the last build, else those of the changed entries."""
        lk, memo = self.linked, self.memo
        if entries is None:
            keys = {*(("entity", i) for i in lk.entities), *(("claim", i) for i in lk.claims),
                    *(("source", i) for i in lk.sources), *(("brief", i) for i in lk.briefs),
                    *(("quote", i) for i in lk.quotes),
                    *(("metric", m.metric) for m in lk.ledger),
                    *(("event", e.anchor) for e in lk.timeline),
                    *(("topic", t) for t in self.topics)}
            return self._update(keys | memo.refs.keys())
        keys = {(_LINK_TABLES[t[0]], t[1]) for t in entries if t[0] in _LINK_TABLES}
        before = memo.last[0] if memo.last else lk
        # A quote's link is in its source's language (`language`).
        keys.update(("quote", quote.id) for kind, ident in tuple(keys) if kind == "source"
                    for corpus in (before, lk) if ident in corpus.sources
                    for quote in corpus.sources[ident].quotes)
        # An event's link is made from its anchor and the timeline page holding it.
        anchors = frozenset(e.anchor for e in before.timeline)
        keys.update(("event", a) for a in anchors ^ self.event_anchors)
        if event_pages != self.event_pages:
            keys.update(("event", a) for a in event_pages.keys() | self.event_pages.keys()
                        if event_pages.get(a) != self.event_pages.get(a))
        if before.ledger is not lk.ledger:
            keys.update(("metric", m.metric) for m in (*before.ledger, *lk.ledger))
        keys.update(self._topic_keys(entries, before))
        changed = self._update(keys)
        # A claim's label shows the labels of what its statement names.
        checked: set[LinkKey] = set()
        while True:
            named = {("claim", c.id) for c in lk.corpus.claims
                     if any((r.kind, r.id) in changed for r in c.statement.refs)} - checked
            if not named:
                return changed
            checked |= named
            changed |= self._update(named)

    def _topic_keys(self, entries: set[Entry], before: Linked) -> set[LinkKey]:
        """The topics whose link may differ from the last build's: those a changed claim
        has or had (a topic comes and goes with its claims) and, when an entity changed
        (or came or went), every one: a topic's words are spelled as the entities' names."""
        if any(table == "entities" for table, *_ in entries):
            return {*(("topic", t) for t in self.topics),
                    *(key for key in self.memo.refs if key[0] == "topic")}
        return {("topic", t) for table, *key in entries if table == "claims"
                for corpus in (before, self.linked) if key[0] in corpus.claims
                for t in corpus.claims[key[0]].topics}

    def _update(self, keys: Iterable[LinkKey]) -> set[LinkKey]:
        refs, changed = self.memo.refs, set()
        for key in keys:
            last = refs.get(key)
            if not self._exists(*key):
                if refs.pop(key, None) is not None:
                    changed.add(key)
                continue
            ref = self.made_ref(*key)
            if ref != last:
                refs[key] = ref
                changed.add(key)
        return changed

    def _exists(self, kind: str, ident: str) -> bool:
        lk = self.linked
        if kind == "metric":
            return any(m.metric == ident for m in lk.ledger)
        if kind == "event":
            return ident in self.event_anchors
        if kind == "topic":
            return ident in self.topics
        table = {"entity": lk.entities, "claim": lk.claims, "source": lk.sources,
                 "brief": lk.briefs, "quote": lk.quotes}.get(kind)
        return table is not None and ident in table

    @cached_property
    def topics(self) -> frozenset[str]:
        """Every topic a claim names."""
        return frozenset(t for claim in self.linked.corpus.claims for t in claim.topics)

    @cached_property
    def spellings(self) -> Mapping[str, str]:
        """How the entities' names spell their words, for the topics' labels (the
        entities are in the order of their ids)."""
        return name_spellings(e.name for e in self.linked.corpus.entities)

    @cached_property
    def event_anchors(self) -> frozenset[str]:
        return frozenset(e.anchor for e in self.linked.timeline)

    def reuse(self, reuse: Reuse, key: Any, make: Callable[[], T],
              entries: Callable[[], Iterable[Entry]]) -> T:
        if not self.memo.keep:  # a one-shot build: nothing is kept for a next one
            return make()
        return reuse.get(key, make, entries)

    def kept(self, kept: Kept, key: Any, same: tuple[Any, ...], make: Callable[[], T],
             equal: Any = None, links: Callable[[], Iterable[LinkKey]] | None = None) -> T:
        if not self.memo.keep:  # a one-shot build: nothing is kept for a next one
            return make()
        return kept.get(key, same, make, equal, links, self.memo.changed)

    def plain(self, prose: Prose | None) -> str:
        """Prose with references replaced by their labels, for titles and tables."""
        if prose is None:
            return ""
        return "".join(p if isinstance(p, str) else p.label for p in self.prose(prose))

    def prose(self, prose: Prose) -> ProseView:
        """References as their labels and targets. A claim's label is its statement, full
        stop and all, so the stop written after the reference is dropped (no "million..")."""
        parts: list[Ref | str] = []
        for p in prose.parts:
            if isinstance(p, ProseRef):
                parts.append(Ref(p.label or self.label(p.ref.kind, p.ref.id),
                                 self.target(p.ref.kind, p.ref.id)))
            elif parts and isinstance(parts[-1], Ref) and p.startswith(".") \
                    and parts[-1].label.endswith((".", "?", "!")) \
                    and not p.startswith(".."):
                parts.append(p[1:])
            else:
                parts.append(p)
        return tuple(parts)

    def maybe_prose(self, prose: Prose | None) -> ProseView | None:
        return None if prose is None else self.prose(prose)

    def claimed(self, claim_id: str) -> Claimed:
        return Claimed(self.ref("claim", claim_id), self.linked.claims[claim_id].status)

    def described(self, source_id: str) -> Byline | None:
        source = self.linked.sources.get(source_id)
        return byline(source) if source is not None else None

    def entity_name(self, entity_id: str) -> str:
        entity = self.linked.entities.get(entity_id)
        return entity.name if entity else entity_id

    def quoted(self, quote: Quote) -> QuotedItem:
        source_id = self.linked.quote_source.get(quote.id, "")
        return QuotedItem(self.ref("quote", quote.id), self.ref("source", source_id),
                          self.described(source_id),
                          tuple((st, self.ref("claim", r.id)) for st, r in quote.stances()))

    @cached_property
    def by_claimant(self) -> Mapping[str, list[Claim]]:
        claimants: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.linked.corpus.claims:
            if claim.claimant:
                claimants[claim.claimant.id].append(claim)
        return claimants

    @cached_property
    def by_speaker(self) -> Mapping[str, list[Quote]]:
        speakers: dict[str, list[Quote]] = defaultdict(list)
        for source in self.linked.corpus.sources:
            for quote in source.quotes:
                if quote.speaker:
                    speakers[quote.speaker.id].append(quote)
        return speakers

    @cached_property
    def subjects(self) -> Mapping[str, list[Claim]]:
        """Claims about each entity: figure subjects and entities named in the statement."""
        about: dict[str, dict[str, Claim]] = defaultdict(dict)
        for claim in self.linked.corpus.claims:
            for figure in claim.figures:
                if figure.subject:
                    about[figure.subject.id][claim.id] = claim
            for ref in claim.statement.refs:
                if ref.kind == "entity" and (claim.claimant is None
                                             or ref.id != claim.claimant.id):
                    about[ref.id][claim.id] = claim
        return {k: list(v.values()) for k, v in about.items()}

    @cached_property
    def sources_by_date(self) -> list[Source]:
        """Newest first; undated sources last."""
        sources = self.linked.corpus.sources
        undated = [s for s in sources if not (s.published and s.published.year)]
        dated = sorted((s for s in sources if s.published and s.published.year),
                       key=lambda s: (s.published.sort_key if s.published else (0,), s.id),
                       reverse=True)
        return dated + undated

    def brief_as_of(self, brief_id: str) -> FuzzyDate | None:
        """The newest publication date of the sources a brief cites."""
        lk = self.linked
        sources = dict.fromkeys(lk.quote_source[q.id] for q in self.brief_citations(brief_id))
        return newest(dated_by(lk.sources[sid].published, self.ref("source", sid).label,
                               words=self.words) for sid in sources)

    def brief_citations(self, brief_id: str) -> list[Quote]:
        """The quotes a brief cites, numbered in order of first citation."""
        lk = self.linked
        seen: dict[str, Quote] = {}
        for section in lk.briefs[brief_id].sections:
            for point in section.points:
                for ref in point.cites:
                    if ref.id in lk.quotes and ref.id not in seen:
                        seen[ref.id] = lk.quotes[ref.id]
        return list(seen.values())


def plain(prose: Prose | None, linked: Linked) -> str:
    """Prose with references replaced by their labels (the feed's titles and summaries)."""
    return Queries(linked).plain(prose)


def attribution(linked: Linked, claim: Claim, *, words: Wording | None = None) -> str:
    """Whose claim it is, in words, for text read apart from the claim page (the feed, the
    page's description): "Claimed by Alexandr Wang", or what the evidence shows when no
    claimant is named, so a relayed claim never reads as the site's own statement. In
    `words`' language (English without)."""
    words = words or Wording()  # (English: the messages as written)
    claimant = linked.entities.get(claim.claimant.id) if claim.claimant else None
    if claimant is not None:
        # Translators: whose claim it is, on the claim's page and before a colon and the claim in
        # the feed; the name may be a person's ("Dana Okafor") or an institution's ("Comune di
        # Valmora"); where a language gives an institution's name an article ("dal Comune di
        # Valmora"), put the name where it needs none, as after a label and a colon ("Autore
        # dell'affermazione: ...").
        return words.gettext("Claimed by %(name)s", name=claimant.name)
    return linked.evidence[claim.id].unattributed(words=words)
