"""The views of the pages that gather items: home, indexes, figures, timeline and map."""

from __future__ import annotations

import datetime
import itertools
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter, itemgetter
from types import MappingProxyType
from typing import Any

from . import paging
from .charts import Chart, ChartSpread, ChartValue, factor, factor_words
from .coverage import stance_words
from .dates import first_day, precision
from .evidence import Evidence
from .focusmap import FocusMap, MapEdge, MapNode, edge_words, pick, short
from .labels import Byline
from .link import Disagreement, LedgerValue, MetricLedger, TimelineEntry
from .markup import in_sentence, qualified, subject_text
from .model import Brief, Claim, Source
from .paths import TIMELINE, index_path, map_path, page_path
from .schema import FuzzyDate
from .views import (
    Claimed,
    Kept,
    Pager,
    ProseView,
    Queries,
    Ref,
    amount,
    dated_by,
    newest,
    subject_tip,
)
from .views_items import brief_map_claims, entity_map_claims, topic_refs
from .wording import Wording


@dataclass(frozen=True)
class Listing:
    """One page of a long list (the claims index, the sources index, the timeline)."""

    pager: Pager
    items: tuple[Any, ...]
    first: int  # 1-based position of its first item in the whole list
    total: int


def listings(first: str, items: list[Any]) -> list[Listing]:
    return [Listing(pager, tuple(piece), start, len(items))
            for pager, piece, start in paging.listing_pieces(first, items)]


# --- figures -------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFigure:
    """A metric's line in the key figures (home, figures index)."""

    metric: str
    ref: Ref
    # (amount, the subject's name, its tip when the curator's reading: `views.subject_tip`)
    shown: tuple[tuple[str, str | None, str | None], ...]
    more: int
    disagreements: int  # values that differ for one subject
    same_figures: int  # one value given for different subjects: no conflict by itself
    charts: tuple[Chart, ...]  # every value, one chart per unit (drawn small)


def drawn(ledger: MetricLedger) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """What a metric's charts, key figure and disagreement lines are made from: each
    value's figure and claim, the very same objects while its claim file is unchanged, and
    the disagreements as positions among the values. A stance edit makes the values of its
    claim again (they hold its stances) but changes neither."""
    at = {id(v): n for n, v in enumerate(ledger.values)}
    return (tuple(x for v in ledger.values for x in (v.figure, v.claim)),
            tuple((d.kind, d.subject_id, tuple(at[id(v)] for v in d.values))
                  for d in ledger.disagreements))


def _drawn_links(ledger: MetricLedger) -> list[tuple[str, str]]:
    return [("metric", ledger.metric),
            *(link for v in ledger.values for link in (
                ("claim", v.claim.id),
                *((("entity", v.figure.subject.id),) if v.figure.subject else ()))),
            *(("entity", d.subject_id) for d in ledger.disagreements if d.subject_id)]


def key_figure(q: Queries, ledger: MetricLedger) -> KeyFigure:
    """A metric's key figure, kept while what it is drawn from (`drawn`) is the very same
    and the names and links it shows are unchanged: its charts draw every value."""
    same, shape = drawn(ledger)
    return q.kept(q.memo.key_figures, ledger.metric, same, lambda: _key_figure(q, ledger),
                  (paging.HOME_VALUES_SHOWN, shape), lambda: _drawn_links(ledger))


def _key_figure(q: Queries, ledger: MetricLedger) -> KeyFigure:
    shown = ledger.values[:paging.HOME_VALUES_SHOWN]
    return KeyFigure(ledger.metric, q.ref("metric", ledger.metric), tuple(
        (amount(v.figure, words=q.words),
         q.entity_name(v.figure.subject.id) if v.figure.subject else None,
         subject_tip(v.figure))
        for v in shown), len(ledger.values) - len(shown), *kinds(ledger),
        charts(q, ledger, ledger.values))


def kinds(ledger: MetricLedger) -> tuple[int, int]:
    """How many of a metric's disagreements are values differing for one subject, and how
    many one figure attached to different subjects: two sources may both be right there,
    so it is never counted, or answered, as values that disagree."""
    values = sum(d.kind == "values" for d in ledger.disagreements)
    return values, len(ledger.disagreements) - values


def counted(value_count: int, disagreements: int, same_figures: int, *,
            words: Wording | None = None) -> str:
    """"3 values reported, 1 disagreement, 1 figure attached to different subjects", in
    `words`' language (English without)."""
    words = words or Wording()  # (English: the messages as written)
    return ", ".join((
        words.ngettext("%(num)d value reported", "%(num)d values reported", value_count),
        *((words.ngettext("%(num)d disagreement", "%(num)d disagreements", disagreements),)
          if disagreements else ()),
        *((words.ngettext("%(num)d figure attached to different subjects",
                          "%(num)d figures attached to different subjects", same_figures),)
          if same_figures else ())))


def charts(q: Queries, ledger: MetricLedger, values: tuple[LedgerValue, ...]
           ) -> tuple[Chart, ...]:
    """`values` of a metric drawn on one axis per unit, in the order the units first
    appear. A value is linked to its claim; the values of one subject that disagree are
    marked, and their extremes (among `values`) make a spread."""
    disputed = {id(v): d for d in ledger.disagreements if d.kind == "values"
                for v in d.values}
    units: dict[str, list[LedgerValue]] = {}
    for value in values:
        units.setdefault(value.figure.unit, []).append(value)
    out = []
    for unit, group in units.items():
        shown = tuple(ChartValue(
            amount(v.figure, words=q.words),
            subject_text(q.entity_name(v.figure.subject.id), subject_tip(v.figure),
                         words=q.words) if v.figure.subject else None,
            *v.figure.value, v.figure.qualifier, q.target("claim", v.claim.id),
            id(v) in disputed) for v in group)
        spreads = []
        for d in ledger.disagreements:
            among = [v for v in group if disputed.get(id(v)) is d]
            if d.kind == "values" and len({v.figure.value for v in among}) > 1:
                spreads.append(_spread(q, d, among))
        out.append(Chart(q.label("metric", ledger.metric), unit, shown, tuple(spreads)))
    return tuple(out)


def _spread(q: Queries, d: Disagreement, among: list[LedgerValue]) -> ChartSpread:
    low = min(among, key=lambda v: v.figure.value)
    high = max(among, key=lambda v: (v.figure.value[1], v.figure.value[0]))
    name = subject_text(q.entity_name(d.subject_id), resting_on(d.values, q.words),
                        words=q.words) if d.subject_id else None
    return ChartSpread(name,
                       amount(low.figure, words=q.words), amount(high.figure, words=q.words),
                       low.figure.value[0], high.figure.value[1], hedge(low, high))


def hedge(low: LedgerValue, high: LedgerValue) -> str:
    """What the qualifiers of the lowest and highest values make of the factor between
    them: "up to $6 million" against "$294,000" is up to 20 times it, never exactly. One
    of "", "up to ", "at least ", "about ": the charts and the render word it in the
    site's language (`charts._differ`, `render.spread_factor`, `hedged_factor`)."""
    lo, hi = low.figure.qualifier, high.figure.qualifier
    up = hi in ("up-to", "under") or lo in ("over", "at-least")
    down = lo in ("up-to", "under") or hi in ("over", "at-least")
    # The amounts' own qualifiers, put before the factor ("up to 20 times the lowest").
    if (up and down) or (not up and not down and "about" in (lo, hi)):
        return "about "
    return ("up to " if up else "at least ") if up or down else ""


_HEDGE_QUALIFIERS = MappingProxyType({"up to ": "up-to", "at least ": "at-least",
                                      "about ": "about"})


def hedged_factor(hedge_words: str, times: str, words: Wording) -> str:
    """A factor with its hedge (`hedge`), as an amount's qualifier is written: "up to
    20", "jusqu'à 20"."""
    return qualified(_HEDGE_QUALIFIERS[hedge_words], times, words) if hedge_words else times


@dataclass(frozen=True)
class ShownValue:
    amount: str
    claim: Ref
    subject: Ref | None
    subject_tip: str | None  # the subject is the curator's reading (`views.subject_tip`)


def _shown(q: Queries, value: LedgerValue) -> ShownValue:
    subject = value.figure.subject
    return ShownValue(amount(value.figure, words=q.words), q.ref("claim", value.claim.id),
                      q.ref("entity", subject.id) if subject else None,
                      subject_tip(value.figure))


def resting_on(values: tuple[LedgerValue, ...] | list[LedgerValue], words: Wording
               ) -> str | None:
    """A disagreement's subject is the curator's reading when any of its values' is: the
    conflict is then theirs, not the sources'. The tip gives each such value's basis
    ("512 chips: the article says ..."); None when the sources name the subject."""
    inferred = [v for v in values if subject_tip(v.figure) is not None]
    if not inferred:
        return None
    return " ".join(words.gettext("%(label)s: %(text)s", label=amount(v.figure, words=words),
                                  text=subject_tip(v.figure))
                    for v in inferred if subject_tip(v.figure))


@dataclass(frozen=True)
class DisagreementLine:
    kind: str  # "values" or "subjects" (`link.Disagreement`)
    subject: Ref | None
    subject_tip: str | None  # the subject is the curator's reading (`resting_on`)
    shown: tuple[ShownValue, ...]
    more: int
    on: tuple[int, ...]  # the page numbers holding its values
    factor: str | None  # highest over lowest, hedged ("up to 20"); None unless one unit, > 0


@dataclass(frozen=True)
class MetricRow:
    amount: str
    subject: Ref | None
    subject_tip: str | None  # the subject is the curator's reading (`views.subject_tip`)
    scope: str
    claim: Claimed
    by_source: tuple[tuple[Ref, tuple[tuple[str, str], ...]], ...]  # (stance, passage)


@dataclass(frozen=True)
class MetricView:
    """One page of a metric's values, with the metric's counts."""

    title: str
    value_count: int
    counted: str  # "3 values reported, 1 disagreement, …" (`counted`)
    pager: Pager
    disagreements: tuple[DisagreementLine, ...]  # those whose first value is on this page
    rows: tuple[MetricRow, ...]
    charts: tuple[Chart, ...]  # this page's values, one chart per unit


def _metric_row(q: Queries, rows: Kept, value: LedgerValue) -> MetricRow:
    """A value's row (`rows`: those of its metric), kept while its figure and claim are
    the very same, what it shows of the claim's stances equal (`views.stance_key`) and the
    links it shows unchanged."""

    def links() -> list[tuple[str, str]]:
        return [("claim", value.claim.id), ("stances", value.claim.id),
                *((("entity", value.figure.subject.id),) if value.figure.subject else ()),
                *(("source", s.source_id) for s in value.stances),
                *(("quote", s.quote.id) for s in value.stances)]

    return q.kept(rows, id(value.figure), (value.figure, value.claim),
                  lambda: _make_metric_row(q, value), None, links)


def _make_metric_row(q: Queries, value: LedgerValue) -> MetricRow:
    key = attrgetter("source_id")
    by_source = tuple(
        (q.ref("source", sid), _numbered_stances(
            [(s.stance, q.target("quote", s.quote.id)) for s in group], q.words))
        for sid, group in itertools.groupby(sorted(value.stances, key=key), key))
    subject = value.figure.subject
    return MetricRow(amount(value.figure, words=q.words),
                     q.ref("entity", subject.id) if subject else None,
                     subject_tip(value.figure), value.figure.scope, q.claimed(value.claim.id),
                     by_source)


def _numbered_stances(passages: list[tuple[str, str]], words: Wording
                      ) -> tuple[tuple[str, str], ...]:
    """Each passage's link words: its stance, numbered where a source takes one stance in
    several passages ("asserts (1)", "asserts (2)"), so no two links read alike."""
    taken = Counter(stance for stance, _ in passages)
    seen: Counter[str] = Counter()
    numbered = []
    worded = stance_words(words)
    for stance, target in passages:
        seen[stance] += 1
        word = worded.get(stance, stance)
        numbered.append((f"{word} ({seen[stance]})" if taken[stance] > 1 else word, target))
    return tuple(numbered)


def _disagreement(q: Queries, d: Disagreement, on: tuple[int, ...]) -> DisagreementLine:
    shown = d.values[:paging.DISAGREEMENT_VALUES_SHOWN]
    times = None
    if d.kind == "values" and len({v.figure.unit for v in d.values}) == 1:
        extremes = _spread(q, d, list(d.values))
        times = factor(extremes)
        times = hedged_factor(extremes.hedge, factor_words(times, q.words), q.words) \
            if times else None
    return DisagreementLine(d.kind, q.ref("entity", d.subject_id) if d.subject_id else None,
                            resting_on(d.values, q.words), tuple(_shown(q, v) for v in shown),
                            len(d.values) - len(shown), on,
                            times)


def metric_views(q: Queries, ledger: MetricLedger) -> list[MetricView]:
    """A metric's pages, kept while its ledger is the very same value (its values, their
    claims and stances) and the links they show are unchanged."""

    def links() -> list[tuple[str, str]]:
        return [("metric", ledger.metric),
                *(link for v in ledger.values for link in (
                    ("claim", v.claim.id),
                    *((("entity", v.figure.subject.id),) if v.figure.subject else ()),
                    *(("source", s.source_id) for s in v.stances),
                    *(("quote", s.quote.id) for s in v.stances))),
                *(("entity", d.subject_id) for d in ledger.disagreements if d.subject_id)]

    limits = (paging.FIGURE_VALUES_PER_PAGE, paging.DISAGREEMENT_VALUES_SHOWN)
    return q.kept(q.memo.metrics, ledger.metric, (ledger,),
                  lambda: _metric_views(q, ledger), limits, links)


def _metric_views(q: Queries, ledger: MetricLedger) -> list[MetricView]:
    # A metric's rows and drawings, kept as long as its pages are: a stance edit remakes
    # the pages of a metric whose values its claim holds, not their every row and chart.
    parts = q.memo.metrics.child(ledger.metric)
    pieces = paging.chunks(list(ledger.values), paging.FIGURE_VALUES_PER_PAGE)
    said = counted(len(ledger.values), *kinds(ledger), words=q.words)
    return [MetricView(q.label("metric", ledger.metric), len(ledger.values), said, pager, lines,
                       tuple(_metric_row(q, parts, v) for v in piece), shown)
            for (pager, lines, shown), piece in zip(_drawn_pages(q, parts, ledger), pieces,
                                                    strict=True)]


def _drawn_pages(q: Queries, parts: Kept, ledger: MetricLedger
                 ) -> list[tuple[Pager, tuple[DisagreementLine, ...], tuple[Chart, ...]]]:
    """Each page's pager, disagreement lines and charts, kept while what they are drawn
    from (`drawn`) is the very same: a stance edit remakes only its value's rows."""
    same, shape = drawn(ledger)
    limits = (paging.FIGURE_VALUES_PER_PAGE, paging.DISAGREEMENT_VALUES_SHOWN)
    return q.kept(parts, "drawn", same,
                  lambda: _make_drawn_pages(q, ledger), (limits, shape),
                  lambda: _drawn_links(ledger))


def _make_drawn_pages(q: Queries, ledger: MetricLedger
                      ) -> list[tuple[Pager, tuple[DisagreementLine, ...], tuple[Chart, ...]]]:
    pieces = paging.chunks(list(ledger.values), paging.FIGURE_VALUES_PER_PAGE)
    pagers = paging.pagers(page_path("metric", ledger.metric), len(pieces))
    where = {id(v): n for n, piece in enumerate(pieces, start=1) for v in piece}
    placed: dict[int, list[DisagreementLine]] = defaultdict(list)
    for d in ledger.disagreements:
        on = tuple(sorted({where[id(v)] for v in d.values}))
        placed[where[id(d.values[0])]].append(_disagreement(q, d, on))
    return [(pager, tuple(placed.get(pager.number, ())), charts(q, ledger, tuple(piece)))
            for pager, piece in zip(pagers, pieces, strict=True)]


@dataclass(frozen=True)
class FiguresView:
    metrics: tuple[tuple[KeyFigure, int], ...]  # each metric with how many pages it has


# --- home ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """How far apart a disagreement's values lie: its lowest and highest amounts as shown
    (qualifiers kept) and the highest number over the lowest, as stated in the corpus."""

    low: str
    high: str
    factor: str  # "20", "3.9"
    hedge: str  # "up to ", "at least ", "about ": what the amounts' qualifiers make of it


def spread(values: tuple[LedgerValue, ...], *, words: Wording | None = None
           ) -> Spread | None:
    """The spread of values in one unit whose lowest is above zero; None otherwise, or when
    they lie within 5% of each other."""
    if len({v.figure.unit.casefold() for v in values}) != 1:
        return None
    low = min(values, key=lambda v: v.figure.value[0])
    high = max(values, key=lambda v: v.figure.value[1])
    if low.figure.value[0] <= 0:
        return None
    if high.figure.value[1] / low.figure.value[0] < Decimal("1.05"):
        return None
    lowest, highest = amount(low.figure, words=words), amount(high.figure, words=words)
    times = factor(ChartSpread(None, lowest, highest, low.figure.value[0],
                               high.figure.value[1]))
    if times is None:
        return None
    return Spread(lowest, highest, times, hedge(low, high))


@dataclass(frozen=True)
class SplitLine:
    kind: str
    subject: Ref | None
    subject_tip: str | None  # the subject is the curator's reading (`resting_on`)
    shown: tuple[tuple[str, Ref | None, str | None], ...]  # (amount, subject, its tip)
    more: int
    spread: Spread | None  # of the values, for a disagreement on values


@dataclass(frozen=True)
class MetricSplits:
    metric: Ref
    name: str  # the metric in lower case, for "2 more disagreements on …"
    lines: tuple[SplitLine, ...]
    more: int


@dataclass(frozen=True)
class GlanceLine:
    when: FuzzyDate
    what: ProseView | None
    source: Ref | None
    target: str


@dataclass(frozen=True)
class LatestRow:
    published: FuzzyDate | None
    source: Ref
    described: Byline | None
    quotes: int


@dataclass(frozen=True)
class Changed:
    """A brief or claim among the most recently dated (the feed's dating, `dates.py`)."""

    when: FuzzyDate  # the newest source behind it, or the curator's `updated:` day
    revised: bool  # dated by the curator's `updated:` day rather than by a source
    kind: str  # "brief" or "claim"
    item: Ref
    status: str | None  # a claim's


@dataclass(frozen=True)
class HomeView:
    site_title: str
    as_of: FuzzyDate | None  # the newest source's publication date
    briefs: tuple[tuple[Ref, ProseView, FuzzyDate | None], ...]  # newest sources first
    changed: tuple[Changed, ...]
    claim_count: int
    quote_count: int
    source_count: int
    key_figures: tuple[KeyFigure, ...]
    splits: tuple[MetricSplits, ...]
    contested: tuple[tuple[Claimed, str], ...]  # the most split, with their evidence
    contested_count: int
    topics: tuple[TopicRow, ...]  # the first of the topics index's rows
    topic_count: int
    latest: tuple[LatestRow, ...]
    glance: tuple[GlanceLine, ...]
    timeline_count: int


def contested(q: Queries) -> list[tuple[Claim, Evidence]]:
    """Claims the corpus splits on (some sources assert or relay them, something stands
    against them), or that the curator rates disputed or refuted, most split first."""
    out = []
    for claim in q.linked.corpus.claims:
        ev = q.linked.evidence[claim.id]
        if ((ev.asserting or ev.relaying) and ev.against) \
                or claim.status in ("disputed", "refuted"):
            out.append((claim, ev))

    def order(row: tuple[Claim, Evidence]) -> tuple[int, int, str]:
        ev = row[1]
        pro = len(ev.asserting) + len(ev.relaying)
        con = len(ev.doubting) + len(ev.refuting) + len(ev.contradicted_by)
        return (-min(pro, con), -(pro + con), row[0].id)

    out.sort(key=order)
    return out


def _splits(q: Queries, ledger: MetricLedger) -> MetricSplits:
    lines = []
    for d in ledger.disagreements[:paging.HOME_DISAGREEMENTS_SHOWN]:
        shown = d.values[:paging.HOME_VALUES_SHOWN]
        lines.append(SplitLine(
            d.kind, q.ref("entity", d.subject_id) if d.subject_id else None,
            resting_on(d.values, q.words),
            tuple((amount(v.figure, words=q.words), q.ref("entity", v.figure.subject.id)
                   if v.figure.subject else None, subject_tip(v.figure)) for v in shown),
            len(d.values) - len(shown),
            spread(d.values, words=q.words) if d.kind == "values" else None))
    return MetricSplits(q.ref("metric", ledger.metric),
                        in_sentence(q.label("metric", ledger.metric)),
                        tuple(lines), len(ledger.disagreements) - len(lines))


def _glance(q: Queries, entry: TimelineEntry) -> GlanceLine:
    return GlanceLine(entry.when, q.prose(entry.event.what) if entry.event else None,
                      q.ref("source", entry.source_id) if entry.source_id else None,
                      q.target("event", entry.anchor))


def briefs_by_date(q: Queries) -> list[tuple[Brief, FuzzyDate | None]]:
    """Briefs with their newest cited source, newest first (undated last), then by title."""
    dated = [(b, q.brief_as_of(b.id)) for b in q.linked.corpus.briefs]
    dated.sort(key=lambda row: (row[0].title.casefold(), row[0].id))
    dated.sort(key=lambda row: row[1].sort_key if row[1] else (0, 0, 0, 0), reverse=True)
    return dated


def _day(day: datetime.date) -> FuzzyDate:
    known = precision(day)
    return FuzzyDate(day.year, None if known == "year" else day.month,
                     day.day if known == "day" else None)


def recently_changed(q: Queries, days: Mapping[str, datetime.date]) -> list[Changed]:
    """The most recently dated briefs and claims, as the feed orders them (newest first,
    then by path); each shown with the date of the newest source behind it, *about* and
    *inferred* kept, or the curator's `updated:` day when that dated it."""
    lk = q.linked
    items = [("brief", b.id, q.brief_as_of(b.id)) for b in lk.corpus.briefs]
    items += [("claim", c.id, newest(dated_by(lk.sources[s.source_id].published,
                                              q.ref("source", s.source_id).label,
                                              words=q.words)
                                     for s in lk.stances.get(c.id, ())))
              for c in lk.corpus.claims]
    dated = [(days[path], path, kind, ident, source) for kind, ident, source in items
             if (path := page_path(kind, ident)) in days]
    dated.sort(key=itemgetter(1))
    dated.sort(key=itemgetter(0), reverse=True)
    out = []
    for day, _, kind, ident, source in dated[:paging.HOME_CHANGED_SHOWN]:
        # The day is its newest source's first day unless the curator's `updated:` is later.
        when = source if source is not None and first_day(source) == day else _day(day)
        out.append(Changed(when, when is not source, kind, q.ref(kind, ident),
                           lk.claims[ident].status if kind == "claim" else None))
    return out


def home_view(q: Queries, site_title: str, days: Mapping[str, datetime.date],
              figures: tuple[KeyFigure, ...], topics: tuple[TopicRow, ...]) -> HomeView:
    """`figures`: each metric's key figure, as the figures index shows them too; `topics`:
    the topics index's rows, of which the home page shows the first."""
    lk = q.linked
    split = contested(q)
    events = [e for e in lk.timeline if e.kind == "event"]
    latest = tuple(LatestRow(s.published, q.ref("source", s.id), q.described(s.id),
                             len(s.quotes)) for s in q.sources_by_date[:5])
    return HomeView(
        site_title, newest(dated_by(s.published, q.ref("source", s.id).label, words=q.words)
                           for s in q.sources_by_date[:1]),
        tuple((q.ref("brief", b.id), q.prose(b.summary), as_of)
              for b, as_of in briefs_by_date(q)),
        tuple(recently_changed(q, days)),
        len(lk.corpus.claims), len(lk.quotes), len(lk.corpus.sources),
        figures,
        tuple(_splits(q, m) for m in lk.ledger if m.disagreements),
        tuple((q.claimed(c.id), ev.summary(words=q.words)) for c, ev in split[:8]), len(split),
        topics[:paging.HOME_TOPICS_SHOWN], len(topics), latest,
        tuple(_glance(q, e) for e in events[-12:]), len(lk.timeline))


# --- indexes -------------------------------------------------------------------------


@dataclass(frozen=True)
class BriefsIndexView:
    # (brief, summary, newest source's date, quotes, sources)
    rows: tuple[tuple[Ref, ProseView, FuzzyDate | None, int, int], ...]


def briefs_index_view(q: Queries) -> BriefsIndexView:
    """The briefs as the home page orders them: newest sources first."""
    rows = []
    for brief, as_of in briefs_by_date(q):
        cites = q.brief_citations(brief.id)
        rows.append((q.ref("brief", brief.id), q.prose(brief.summary), as_of, len(cites),
                     len({q.linked.quote_source[c.id] for c in cites})))
    return BriefsIndexView(tuple(rows))


@dataclass(frozen=True)
class ClaimRow:
    claim: Claimed
    claimant: Ref | None
    voice: str  # whose claim it is when no claimant is named (`Evidence.voice`)
    topics: tuple[Ref, ...]
    summary: str


def claim_rows(q: Queries) -> list[tuple[Claim, ClaimRow]]:
    """Each claim with its row, in the claims index's order (`claims_in_order`); a row is
    kept while its claim is the very same, its evidence equal and its links unchanged.
    The claims index and the topics' pages show the same rows."""
    def row(c: Claim) -> ClaimRow:
        ev = q.linked.evidence[c.id]
        return q.kept(q.memo.rows, ("claim", c.id), (c,), lambda: ClaimRow(
            q.claimed(c.id), q.ref("entity", c.claimant.id) if c.claimant else None,
            "" if c.claimant else ev.voice(words=q.words), topic_refs(q, c),
            ev.summary(words=q.words)), ev, lambda: [
                ("claim", c.id), *((("entity", c.claimant.id),) if c.claimant else ()),
                *(("topic", t) for t in c.topics)])

    return [(c, row(c)) for c in claims_in_order(q)]


def claim_listings(rows: list[tuple[Claim, ClaimRow]]) -> list[Listing]:
    """The claims index: every row (`claim_rows`), paged."""
    return listings(index_path("claim"), [row for _, row in rows])


# Where the corpus splits first, then what it supports, what it only reports, and what
# another claim has replaced.
STATUS_ORDER = MappingProxyType({"disputed": 0, "refuted": 1, "corroborated": 2,
                                 "reported": 3, "superseded": 4})


def claims_in_order(q: Queries) -> list[Claim]:
    """Claims by status (`STATUS_ORDER`), then the most sources taking a position on them
    first, then by statement and id."""
    def key(c: Claim) -> tuple[int, int, str, str]:
        ev = q.linked.evidence[c.id]
        sources = {*ev.asserting, *ev.relaying, *ev.doubting, *ev.refuting}
        return (STATUS_ORDER.get(c.status, len(STATUS_ORDER)), -len(sources),
                q.label("claim", c.id).casefold(), c.id)

    return sorted(q.linked.corpus.claims, key=key)


# --- topics --------------------------------------------------------------------------

StatusCounts = tuple[tuple[str, int], ...]  # (status, claims), in STATUS_ORDER
TopicRow = tuple[Ref, int, StatusCounts]  # (topic, claims, statuses)


@dataclass(frozen=True)
class TopicView:
    """One page of a topic's claims, in the claims index's order, with how many of them
    stand at each status."""

    topic: Ref
    statuses: StatusCounts
    pager: Pager
    items: tuple[ClaimRow, ...]
    first: int  # 1-based position of its first row among the topic's claims
    total: int


@dataclass(frozen=True)
class TopicsIndexView:
    rows: tuple[TopicRow, ...]


def status_counts(rows: list[ClaimRow]) -> StatusCounts:
    counted = Counter(row.claim.status for row in rows)
    return tuple((status, counted[status]) for status in STATUS_ORDER if counted[status])


def topic_views(q: Queries, rows: list[tuple[Claim, ClaimRow]]) -> list[list[TopicView]]:
    """Each topic's pages, the topics with most claims first, then by their words."""
    held: dict[str, list[ClaimRow]] = defaultdict(list)
    for claim, row in rows:
        for topic in dict.fromkeys(claim.topics):
            held[topic].append(row)
    ranked = sorted(held, key=lambda t: (-len(held[t]), q.label("topic", t).casefold(), t))
    out = []
    for topic in ranked:
        ref, statuses = q.ref("topic", topic), status_counts(held[topic])
        out.append([TopicView(ref, statuses, part.pager, part.items, part.first, part.total)
                    for part in listings(page_path("topic", topic), held[topic])])
    return out


def topics_index_view(topics: list[list[TopicView]]) -> TopicsIndexView:
    """Every topic, as `topic_views` orders them, with its claims counted."""
    return TopicsIndexView(tuple((pages[0].topic, pages[0].total, pages[0].statuses)
                                 for pages in topics))


@dataclass(frozen=True)
class SourceRow:
    published: FuzzyDate | None
    source: Ref
    described: Byline | None
    quotes: int
    claims: int


def source_listings(q: Queries) -> list[Listing]:
    """The sources index, each row kept while its source is the very same and its link
    unchanged."""
    def row(s: Source) -> SourceRow:
        return q.kept(q.memo.rows, ("source", s.id), (s,), lambda: SourceRow(
            s.published, q.ref("source", s.id), q.described(s.id), len(s.quotes),
            len({ref.id for qt in s.quotes for _, ref in qt.stances()})), None,
            lambda: [("source", s.id)])

    return listings(index_path("source"), [row(s) for s in q.sources_by_date])


@dataclass(frozen=True)
class EntitiesIndexView:
    # (kind, rows of (entity, claims, quoted, mentions)), by kind
    kinds: tuple[tuple[str, tuple[tuple[Ref, int, int, int], ...]], ...]


def entities_index_view(q: Queries) -> EntitiesIndexView:
    kinds: dict[str, list[tuple[Ref, int, int, int]]] = defaultdict(list)
    for e in q.linked.corpus.entities:
        kinds[e.kind].append((q.ref("entity", e.id), len(q.by_claimant.get(e.id, [])),
                              len(q.by_speaker.get(e.id, [])),
                              len(q.linked.mentions.get(e.id, ()))))
    # Within a kind, the most mentioned first, then by name.
    return EntitiesIndexView(tuple(
        (kind, tuple(sorted(rows, key=lambda r: (-r[3], r[0].label.casefold(), r[0].target))))
        for kind, rows in sorted(kinds.items())))


# --- timeline ------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineLine:
    anchor: str
    when: FuzzyDate
    what: ProseView | None  # an event, or else a source's publication
    claim: Ref | None
    sources: tuple[Ref, ...]  # the sources on the event's claim
    source: Ref | None


def timeline_listings(q: Queries) -> list[Listing]:
    """The timeline, each line kept while its entry and its claim's stances are the very
    same and the links it shows unchanged."""
    lk = q.linked

    def line(e: TimelineEntry) -> TimelineLine:
        stances = lk.stances.get(e.claim.id, ()) if e.kind == "event" and e.claim else ()

        def make() -> TimelineLine:
            sources = sorted({s.source_id for s in stances})
            return TimelineLine(
                e.anchor, e.when, q.prose(e.event.what) if e.event else None,
                q.ref("claim", e.claim.id) if e.claim else None,
                tuple(q.ref("source", sid) for sid in sources),
                q.ref("source", e.source_id) if e.source_id else None)

        def links() -> list[tuple[str, str]]:
            return [*((("claim", e.claim.id),) if e.claim else ()),
                    *(("source", s.source_id) for s in stances),
                    *((("source", e.source_id),) if e.source_id else ()),
                    *((r.kind, r.id) for r in (e.event.what.refs if e.event else ()))]

        return q.kept(q.memo.rows, ("timeline", e.anchor), (e, stances), make, None, links)

    return listings(TIMELINE, [line(e) for e in lk.timeline])


def event_pages(timeline: list[TimelineEntry]) -> dict[str, str]:
    """Timeline anchor -> the timeline page holding it, for the entries past page 1."""
    return {entry.anchor: pager.path
            for pager, piece, _ in paging.listing_pieces(TIMELINE, timeline)[1:]
            for entry in piece}


# --- maps ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FocusMapView:
    """The map of one brief or entity: its claims and the sources taking a position on
    them, as a picture and, shorter, in words (per source, the claims it supports and
    those it doubts)."""

    kind: str  # "brief" or "entity"
    about: Ref
    picture: FocusMap
    label: str  # what the picture shows, for screen readers
    by_source: tuple[tuple[Ref, tuple[tuple[str, tuple[Ref, ...]], ...]], ...]
    unsourced: tuple[Ref, ...]  # drawn claims no drawn source takes a position on
    left_out: tuple[int, int]  # claims and sources not drawn


def _positions(q: Queries, claim_ids: list[str]) -> dict[str, dict[str, str]]:
    """Claim -> {source: "supports", "doubts" or "mixed"}."""
    out: dict[str, dict[str, str]] = {}
    for claim_id in claim_ids:
        sides: dict[str, set[str]] = defaultdict(set)
        for st in q.linked.stances.get(claim_id, ()):
            sides[st.source_id].add("supports" if st.stance in ("asserts", "reports")
                                    else "doubts")
        out[claim_id] = {s: kinds.pop() if len(kinds) == 1 else "mixed"
                         for s, kinds in sorted(sides.items())}
    return out


def focus_map_view(q: Queries, kind: str, ident: str, claim_ids: list[str]) -> FocusMapView:
    """The map of a brief or entity, kept while its claims and their stances are the very
    same and the links it shows unchanged (209 maps at 1,000 sources, each made again on
    every rebuild before)."""
    stances = tuple(q.linked.stances.get(c, ()) for c in claim_ids)

    def links() -> list[tuple[str, str]]:
        return [(kind, ident), *(("claim", c) for c in claim_ids),
                *(("source", st.source_id) for sts in stances for st in sts)]

    return q.kept(q.memo.focus_maps, (kind, ident), stances,
                  lambda: _focus_map_view(q, kind, ident, claim_ids),
                  (tuple(claim_ids), q.hedges), links)


def _focus_map_view(q: Queries, kind: str, ident: str, claim_ids: list[str]
                    ) -> FocusMapView:
    positions = _positions(q, claim_ids)
    claims, sources, left_out = pick(positions, claim_ids)
    at = {s: n for n, s in enumerate(sources)}
    edges = tuple(MapEdge(n, at[s], k) for n, c in enumerate(claims)
                  for s, k in positions[c].items() if s in at)
    picture = FocusMap(
        tuple(MapNode(q.label("claim", c), q.target("claim", c)) for c in claims),
        tuple(MapNode(q.label("source", s), q.target("source", s)) for s in sources),
        edges, left_out, q.hedges)
    worded = edge_words(q.words)
    words: dict[str, dict[str, list[Ref]]] = {s: defaultdict(list) for s in sources}
    for edge in edges:
        claim = claims[edge.claim]
        words[sources[edge.source]][edge.kind].append(
            Ref(short(q.label("claim", claim), keep=q.hedges), q.target("claim", claim)))
    by_source = tuple((q.ref("source", s), tuple(
        (worded[k], tuple(words[s][k])) for k in ("supports", "doubts", "mixed")
        if words[s][k])) for s in sources)
    linked_claims = {e.claim for e in edges}
    unsourced = tuple(Ref(short(q.label("claim", c), keep=q.hedges), q.target("claim", c))
                      for n, c in enumerate(claims) if n not in linked_claims)
    about = q.ref(kind, ident)
    sourced = q.words.ngettext("%(num)d source", "%(num)d sources", len(sources))
    # Translators: what a map's picture shows, read by screen readers; "%(sources)s" is "%(num)d
    # sources"; %(about)s is an entity's name or a brief's title: where a language gives an
    # institution's name an article ("dal Comune di Valmora"), put the name where it needs none, as
    # after a label and a colon.
    label = q.words.ngettext(
        "Map of %(about)s: %(num)d claim and %(sources)s taking a position on it",
        "Map of %(about)s: %(num)d claims and %(sources)s taking a position on them",
        len(claims), about=about.label, sources=sourced)
    return FocusMapView(kind, about, picture, label, by_source, unsourced, left_out)


@dataclass(frozen=True)
class MapIndexView:
    briefs: tuple[tuple[Ref, str, int], ...]  # (brief, its map, claims)
    entities: tuple[tuple[Ref, str, int], ...]  # the entities with most claims first


def map_claims(q: Queries) -> dict[tuple[str, str], list[str]]:
    """(kind, id) -> the claims of its focused map, for each brief and entity that has
    one."""
    out: dict[tuple[str, str], list[str]] = {}
    for brief in q.linked.corpus.briefs:
        if found := brief_map_claims(q, brief.id):
            out["brief", brief.id] = found
    for entity in q.linked.corpus.entities:
        if found := entity_map_claims(q, entity.id):
            out["entity", entity.id] = found
    return out


def map_index_view(q: Queries, claims: dict[tuple[str, str], list[str]]) -> MapIndexView:
    """The focused maps: each brief's, then each entity's, those with most claims first.
    `claims`: (kind, id) -> the claims of each map."""
    briefs = tuple((q.ref("brief", i), map_path("brief", i), len(c))
                   for (kind, i), c in claims.items() if kind == "brief")
    ranked = sorted(((i, len(c)) for (kind, i), c in claims.items() if kind == "entity"),
                    key=lambda row: (-row[1], row[0]))
    entities = tuple((q.ref("entity", i), map_path("entity", i), n) for i, n in ranked)
    return MapIndexView(briefs, entities)
