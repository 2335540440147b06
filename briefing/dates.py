"""Content dates: when each generated page last changed, read from the annotations.

The sitemap's `lastmod` and the feed's `updated` come from here, never from the clock, so
two builds of the same content are byte for byte the same. A page's date is the latest
publication date of the sources it rests on (a claim: the sources taking a stance on it;
a brief: the sources it cites), or the curator's `updated:` day when that is later. Index
pages take the latest date of their members; a metric's figures page, the claims it lists.
A page split into several (a long entity page, a block of the coverage matrix) is dated in
`render.py`, which decides the split: later pages as the first, a coverage block by its
sources.

Source dates have the precision the evidence gives. For ordering, a month or a year counts
as its first day: the earliest day the evidence allows, so a page is never dated later than
its sources support (nor, for the current month, in the future), and a month sorts before
its own days as it does everywhere else on the site. The day keeps its precision (`Dated`),
so a page's metadata and the sitemap say "2025-09", never a 1 September the sources do
not give; only the Atom feed, whose format needs a full timestamp, writes the first day. Approximate
and inferred dates count (they are the curator's best reading); unknown dates are skipped,
and a page with no dated source has no date at all.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter

from .link import Linked, Mention
from .paths import COVERAGE, FIGURES, HOME, MAP, TIMELINE, index_path, page_path
from .schema import FuzzyDate

Day = datetime.date

_source_id = attrgetter("source_id")


class Dated(datetime.date):
    """The first day a date allows, and whether it is known to the year, month or day."""

    precision: str

    def __new__(cls, year: int, month: int = 1, day: int = 1, precision: str = "day"
                ) -> Dated:
        made = super().__new__(cls, year, month, day)
        made.precision = precision
        return made

    def __reduce__(self) -> tuple[object, ...]:
        return (Dated, (self.year, self.month, self.day, self.precision))


def precision(day: object) -> str:
    return getattr(day, "precision", "day")


def written(day: Day) -> str:
    """The day as its evidence allows: "2025", "2025-09" or "2025-09-15"."""
    return day.isoformat()[:{"year": 4, "month": 7}.get(precision(day), 10)]


def file_date(updated: str) -> str:
    """The date a page stamps the sitemap with, from its `updated` front matter: a month
    or a year (a date known no better) stamps it with its first day, as a file time needs
    a full date; an undated page the epoch, so it stays out of the latest."""
    return updated + "-01-01"[len(updated) - 4:] \
        if re.fullmatch(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", updated) else "1970-01-01"


def first_day(date: FuzzyDate | None) -> Day | None:
    """The first day a fuzzy date allows, with its precision; None when it is unknown."""
    if date is None or date.year is None:
        return None
    known = "day" if date.day else "month" if date.month else "year"
    return Dated(date.year, date.month or 1, date.day or 1, known)


def rfc3339(day: Day) -> str:
    """A day as an RFC 3339 date-time (Atom needs a time), at midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"


# A day is never false, so `filter(None, …)` drops exactly the unknown ones, at C speed:
# these run over every page and every mention's source on each rebuild.
def _latest(days: Iterable[Day | None]) -> Day | None:
    return max(filter(None, days), default=None)


def _earliest(days: Iterable[Day | None]) -> Day | None:
    return min(filter(None, days), default=None)


@dataclass(frozen=True)
class ContentDates:
    updated: Mapping[str, Day]  # page path (`claims/x.md`) -> when it last changed
    first: Mapping[str, Day]  # claim pages -> the earliest source taking a stance on it


@dataclass
class DatesStore:
    """The sources each entity is mentioned in, by entity id, with the mentions they came
    from: the link stage keeps an entity's tuple of mentions while they are the very same
    objects, so a rebuild gathers the sources again only for the entities an edit
    touched (the tuple is held here, so its identity is not reused)."""

    mentioned_in: dict[str, tuple[tuple[Mention, ...], frozenset[str]]] = field(
        default_factory=dict)


def _entity_days(linked: Linked, published: dict[str, Day | None],
                 mentioned_in: dict[str, tuple[tuple[Mention, ...], frozenset[str]]],
                 updated: dict[str, Day | None]
                 ) -> dict[str, tuple[tuple[Mention, ...], frozenset[str]]]:
    """Each entity page's day, the newest of the sources naming or quoting the entity,
    into `updated`; returns each entity's mentioning sources, kept for the next build."""
    # Who speaks where, gathered once: scanning every quote for each entity grows with
    # sources times entities.
    spoken_in: dict[str, set[str]] = defaultdict(set)
    for source in linked.corpus.sources:
        for quote in source.quotes:
            if quote.speaker:
                spoken_in[quote.speaker.id].add(source.id)
    kept: dict[str, tuple[tuple[Mention, ...], frozenset[str]]] = {}
    for entity in linked.corpus.entities:
        mentions = linked.mentions.get(entity.id, ())
        last = mentioned_in.get(entity.id)
        if last is None or last[0] is not mentions:
            last = (mentions, frozenset(map(_source_id, mentions)))
        kept[entity.id] = last
        sources = last[1] | spoken_in.get(entity.id, set())
        updated[page_path("entity", entity.id)] = _latest(map(published.__getitem__, sources))
    return kept


def content_dates(linked: Linked, store: DatesStore | None = None) -> ContentDates:
    mentioned_in = store.mentioned_in if store is not None else {}
    published = {s.id: first_day(s.published) for s in linked.corpus.sources}
    updated: dict[str, Day | None] = {}
    first: dict[str, Day | None] = {}
    # The pages of each folder, for its index page.
    folders: dict[str, list[Day | None]] = {folder: [] for folder in (
        "sources/", "claims/", "briefs/", "entities/")}

    for source in linked.corpus.sources:
        updated[page_path("source", source.id)] = published[source.id]
    folders["sources/"].extend(published.values())
    for claim in linked.corpus.claims:
        stated = [published[s.source_id] for s in linked.stances.get(claim.id, ())]
        updated[page_path("claim", claim.id)] = day = _latest([*stated, claim.updated])
        folders["claims/"].append(day)
        first[page_path("claim", claim.id)] = _earliest(stated)
    for brief in linked.corpus.briefs:
        cited = [published[linked.quote_source[ref.id]]
                 for section in brief.sections for point in section.points
                 for ref in point.cites if ref.id in linked.quote_source]
        updated[page_path("brief", brief.id)] = day = _latest([*cited, brief.updated])
        folders["briefs/"].append(day)
    kept = _entity_days(linked, published, mentioned_in, updated)
    folders["entities/"].extend(updated[page_path("entity", e.id)]
                                for e in linked.corpus.entities)

    updated.update(_gathering_days(linked, published, folders, updated))
    updated[HOME] = _latest(updated.values())
    if store is not None:
        store.mentioned_in = kept
    return ContentDates(
        updated={path: day for path, day in sorted(updated.items()) if day is not None},
        first={path: day for path, day in sorted(first.items()) if day is not None})


def _gathering_days(linked: Linked, published: Mapping[str, Day | None],
                    folders: Mapping[str, list[Day | None]],
                    updated: Mapping[str, Day | None]) -> dict[str, Day | None]:
    """The days of the pages that gather others (indexes, figures, timeline, coverage,
    map, metrics, topics), from the days of the pages they list (`updated`)."""
    def section(folder: str) -> Day | None:
        return _latest(folders[folder])

    def claims(ids: Iterable[str]) -> Day | None:
        return _latest(updated[page_path("claim", cid)] for cid in ids)

    sources_day = section("sources/")
    days = {
        index_path("brief"): section("briefs/"),
        index_path("claim"): section("claims/"),
        index_path("source"): sources_day,
        index_path("entity"): section("entities/"),
        FIGURES: claims(c.id for c in linked.corpus.claims if c.figures),
        TIMELINE: _latest([sources_day, claims(c.id for c in linked.corpus.claims
                                                    if c.events)]),
        COVERAGE: _latest(map(published.__getitem__, map(
            _source_id, chain.from_iterable(linked.stances.values())))),
        MAP: _latest([section("briefs/"), section("claims/"), sources_day]),
    }
    # A metric's page (`figures/m-<metric>.md`, and its later pages): the claims it lists.
    for ledger in linked.ledger:
        days[page_path("metric", ledger.metric)] = claims(dict.fromkeys(
            v.claim.id for v in ledger.values))
    # A topic's page (and its later pages) and the topics index: the claims they list.
    topics: dict[str, list[str]] = defaultdict(list)
    for claim in linked.corpus.claims:
        for topic in dict.fromkeys(claim.topics):
            topics[topic].append(claim.id)
    for topic, ids in topics.items():
        days[page_path("topic", topic)] = claims(ids)
    days[index_path("topic")] = claims(dict.fromkeys(chain.from_iterable(topics.values())))
    return days
