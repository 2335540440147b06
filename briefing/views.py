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
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, cast

from .graph import ClaimEdges
from .labels import describe
from .link import Linked
from .markup import format_amount, humanise
from .model import Claim, Figure, Quote, Source
from .paths import TIMELINE, anchored, page_path, quote_target
from .schema import Prose, ProseRef

T = TypeVar("T")


@dataclass(frozen=True)
class Ref:
    """A link to a page or a passage: what it says and where it leads (a docs-relative
    path, perhaps with an anchor)."""

    label: str
    target: str


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

    def neighbours(self) -> list[tuple[str, str]]:
        """(label, path) of the first, previous, next and last pages that differ from this one."""
        n, last = self.number, self.count
        wanted = [("first page", 1), ("previous page", n - 1), ("next page", n + 1),
                  ("last page", last)]
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
    described: str | None
    stances: tuple[tuple[str, Ref], ...]


def amount(figure: Figure) -> str:
    low, high = figure.value
    return format_amount(low, high, figure.unit, figure.qualifier)


LinkKey = tuple[str, str]  # (kind, id) of a link


class Kept:
    """Results of one function kept from the last build with what they were made from:
    reused while `same` holds the very same objects (identity, not equality: `Decimal("1.0")
    == Decimal("1.00")`), `equal` equal values (plain text and numbers only) and none of
    the links the result shows (`links`, asked when the result is made) changed its label
    or target. Only what a build uses is kept for the next."""

    def __init__(self) -> None:
        self.last: dict[Any, tuple[tuple[Any, ...], Any, frozenset[LinkKey], Any]] = {}
        self.now: dict[Any, tuple[tuple[Any, ...], Any, frozenset[LinkKey], Any]] = {}

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

    def next_build(self) -> None:
        self.last, self.now = self.now, {}


@dataclass
class PlanMemo:
    """What planning keeps between the builds of `mkdocs serve` (`Kept`): views, rows and
    tables, each with what it was made from, and the links of the last build."""

    highlights: Kept = field(default_factory=Kept)
    claim_data: Kept = field(default_factory=Kept)
    claims: Kept = field(default_factory=Kept)
    sources: Kept = field(default_factory=Kept)
    entities: Kept = field(default_factory=Kept)
    metrics: Kept = field(default_factory=Kept)
    coverage: Kept = field(default_factory=Kept)
    metric_rows: Kept = field(default_factory=Kept)
    rows: Kept = field(default_factory=Kept)  # of the claims and sources indexes
    # The map's edges of each claim (`graph.connections`).
    claim_edges: ClaimEdges = field(default_factory=dict)
    # The links whose label or target differ from the last build's, or that came or went
    # (`Queries.compare_links`); None until compared.
    changed: frozenset[LinkKey] | None = None
    keep: bool = True  # False for a one-shot build's throwaway memo
    # The last build's links by (kind, id): a link whose label and target are unchanged
    # is the very same value, so views holding it stay the same objects too.
    refs: dict[tuple[str, str], Ref] = field(default_factory=dict)
    refs_now: dict[tuple[str, str], Ref] = field(default_factory=dict)

    def next_build(self) -> None:
        for kept in (self.highlights, self.claim_data, self.claims, self.sources,
                     self.entities, self.metrics, self.coverage, self.metric_rows,
                     self.rows):
            kept.next_build()
        self.changed = None
        self.refs, self.refs_now = self.refs_now, {}


@dataclass
class Queries:
    """Typed lookups over one linked corpus, shared by the query functions of every page
    kind. Each answer is a value made from the corpus; labels are made once per build."""

    linked: Linked
    # Timeline anchor -> the timeline page that holds it, when the timeline is paged.
    event_pages: Mapping[str, str] = field(default_factory=dict)
    memo: PlanMemo = field(default_factory=PlanMemo)
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
            return f"\u201c{lk.quotes[ident].text}\u201d"
        return humanise(ident)

    def target(self, kind: str, ident: str) -> str:
        if kind == "quote":
            return quote_target(self.linked.quote_source.get(ident, ""), ident)
        if kind == "event":
            return anchored(self.event_pages.get(ident, TIMELINE), ident)
        return page_path(kind, ident)

    def ref(self, kind: str, ident: str) -> Ref:
        # One value per item and build: views then share it, and compare faster.
        key = (kind, ident)
        found = self.memo.refs_now.get(key)
        if found is None:
            label, target = self.label(kind, ident), self.target(kind, ident)
            last = self.memo.refs.get(key)
            found = last if last is not None and last.label == label \
                and last.target == target else Ref(label, target)
            self.memo.refs_now[key] = found
        return found

    def compare_links(self) -> None:
        """Make the link to every item, and note which differ from the last build's: a
        kept result is checked against those, not against every link it shows."""
        lk, memo = self.linked, self.memo
        keys = [*(("entity", i) for i in lk.entities), *(("claim", i) for i in lk.claims),
                *(("source", i) for i in lk.sources), *(("brief", i) for i in lk.briefs),
                *(("quote", i) for i in lk.quotes), *(("metric", m.metric) for m in lk.ledger),
                *(("event", e.anchor) for e in lk.timeline)]
        now = {key: self.ref(*key) for key in keys}
        last = memo.refs
        memo.changed = frozenset({k for k, ref in now.items() if last.get(k) is not ref}
                                 | (last.keys() - now.keys()))

    def kept(self, kept: Kept, key: Any, same: tuple[Any, ...], make: Callable[[], T],
             equal: Any = None, links: Callable[[], Iterable[LinkKey]] | None = None) -> T:
        if not self.memo.keep:  # a one-shot build: nothing is kept for a next one
            return make()
        return kept.get(key, same, make, equal, links, self.memo.changed)

    def plain(self, prose: Prose | None) -> str:
        """Prose with references replaced by their labels, for titles and tables."""
        if prose is None:
            return ""
        return "".join((p.label or self.label(p.ref.kind, p.ref.id))
                       if isinstance(p, ProseRef) else p for p in prose.parts)

    def prose(self, prose: Prose) -> ProseView:
        return tuple(Ref(p.label or self.label(p.ref.kind, p.ref.id),
                         self.target(p.ref.kind, p.ref.id))
                     if isinstance(p, ProseRef) else p for p in prose.parts)

    def maybe_prose(self, prose: Prose | None) -> ProseView | None:
        return None if prose is None else self.prose(prose)

    def claimed(self, claim_id: str) -> Claimed:
        return Claimed(self.ref("claim", claim_id), self.linked.claims[claim_id].status)

    def described(self, source_id: str) -> str | None:
        source = self.linked.sources.get(source_id)
        return describe(source) if source is not None else None

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
