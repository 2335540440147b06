"""Render stage: the linked corpus becomes Markdown pages through Jinja2 templates.

Output is a mapping from page path (relative to the docs folder, e.g. `briefs/x.md`) to
Markdown text. Every link is a relative `.md#anchor` link so MkDocs validates it.
"""

from __future__ import annotations

import itertools
import posixpath
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cache, cached_property, partial
from itertools import pairwise
from operator import attrgetter
from typing import Any, cast

import jinja2
from markupsafe import Markup

from .dates import ContentDates, content_dates, written
from .evidence import Evidence
from .fragments import original_links
from .graph import EDGE_WORDS, PLURALS, ClaimEdges, build_graph, edge_lists, map_inputs, svg
from .identity import same_objects
from .jsonld import claim_data, dumps
from .labels import describe, weakly_attributed
from .link import Anchor, Disagreement, LedgerValue, Linked, MetricLedger
from .markup import (
    attr,
    attr_token,
    date_html,
    external_link,
    format_amount,
    format_date,
    humanise,
    link,
    md_escape,
    plural,
    relative,
)
from .model import Claim, Point, Quote, Source
from .originals import page_starts, quote_pages
from .paths import (
    COVERAGE,
    FIGURES,
    HOME,
    MAP,
    TIMELINE,
    anchored,
    coverage_block_path,
    index_path,
    page_path,
    paged_path,
    quote_target,
)
from .reads import LinkedView, ReadKeys, Reads, Recorder, keys_read
from .schema import FuzzyDate, Prose, ProseRef

SECTION_TITLES = {
    "what-happened": "What happened",
    "why-it-matters": "Why it matters",
    "by-the-numbers": "By the numbers",
    "yes-but": "Yes, but",
    "whats-next": "What's next",
}


def _finalize(value: Any) -> Any:
    # Escape by default: only Markup (built by the helpers below) passes through as is.
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return md_escape(str(value), line_start=False)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("briefing", "templates"),
        finalize=_finalize,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        by_id=group_by_id,
        date=date_html,
        date_text=format_date,
        humanise=humanise,
        plural=plural,
        amount=format_figure,
        quote_source=_quote_source,
        entity_name=_entity_name,
        source_label=source_label,
    )
    env.globals.update(SECTION_TITLES=SECTION_TITLES, plain=plain, **_STATIC_HELPERS)
    return env


def group_by_id(items: Iterable[Any], attribute: str) -> list[tuple[str, list[Any]]]:
    """Jinja's `groupby` for an id attribute (ids are lower-case slugs, so its case folding
    changes nothing): the same groups in the same order, without Jinja's subscript-first
    lookup, which raises and catches an exception for every item of a dataclass."""
    key = attrgetter(attribute)
    return [(ident, list(group)) for ident, group in itertools.groupby(sorted(items, key=key),
                                                                        key)]


def format_figure(value: Any) -> str:
    figure = value.figure if hasattr(value, "figure") else value
    low, high = figure.value
    return format_amount(low, high, figure.unit, figure.qualifier)


@jinja2.pass_context
def _quote_source(ctx: jinja2.runtime.Context, quote_id: str) -> str:
    linked: Linked = ctx["lk"]
    return linked.quote_source.get(quote_id, "")


@jinja2.pass_context
def _entity_name(ctx: jinja2.runtime.Context, entity_id: str) -> str:
    linked: Linked = ctx["lk"]
    entity = linked.entities.get(entity_id)
    return entity.name if entity else entity_id


@dataclass(frozen=True)
class Links:
    """Links and labels as seen from one page."""

    page: str
    linked: Linked
    # Timeline anchor -> the timeline page that holds it, when the timeline is paged.
    event_pages: Mapping[str, str] = field(default_factory=dict)
    # Shared by every page of one render: a link depends only on the page's folder and
    # its target, and a label only on its target, so each is made once per build. With
    # a recorder, an entry keeps the reads that made it, and a page that reuses it notes
    # them as its own.
    memo: dict[tuple[str, ...], tuple[str, Reads | None]] = field(
        default_factory=dict, compare=False, repr=False)
    recorder: Recorder | None = field(default=None, compare=False, repr=False)
    # What labels are made of, by kind and id (`label_inputs`): a page that shows a
    # source's title then depends on the title, not on the whole source and its quotes.
    labels: Mapping[str, Mapping[str, Any]] | None = field(default=None, compare=False,
                                                           repr=False)

    def _memo(self, key: tuple[str, ...], make: Callable[[], str]) -> str:
        hit = self.memo.get(key)
        if hit is not None:
            if hit[1] and self.recorder:
                self.recorder.replay(hit[1])
            return hit[0]
        if self.recorder is None:
            value = make()
            self.memo[key] = (value, None)
            return value
        with self.recorder.recording() as reads:
            value = make()
        self.memo[key] = (value, reads)
        return value

    @cached_property
    def folder(self) -> str:
        return posixpath.dirname(self.page)

    def href(self, target: str) -> str:
        return relative(self.page, target)

    def target(self, kind: str, ident: str) -> str:
        if kind == "quote":
            return quote_target(self.linked.quote_source.get(ident, ""), ident)
        if kind == "event":
            return anchored(self.event_pages.get(ident, TIMELINE), ident)
        return page_path(kind, ident)

    def to(self, kind: str, ident: str) -> str:
        return self.href(self.target(kind, ident))

    def label(self, kind: str, ident: str) -> str:
        return self._memo(("label", kind, ident), lambda: self._label(kind, ident))

    def _label(self, kind: str, ident: str) -> str:
        if self.labels is not None and kind in self.labels:
            value = self.labels[kind][ident]
            if kind == "claim":
                return "".join((p.label or self.label(p.ref.kind, p.ref.id))
                               if isinstance(p, ProseRef) else p for p in value.parts)
            return f"\u201c{value}\u201d" if kind == "quote" else str(value)
        lk = self.linked
        if kind == "entity":
            return lk.entities[ident].name
        if kind == "claim":
            return plain(lk.claims[ident].statement, lk)
        if kind == "source":
            return lk.sources[ident].title
        if kind == "brief":
            return lk.briefs[ident].title
        if kind == "quote":
            return f"\u201c{lk.quotes[ident].text}\u201d"
        return humanise(ident)

    def a(self, kind: str, ident: str, label: str | None = None, css: str = "") -> Markup:
        # `label` is a str or Markup; the two escape differently, so the type is in the key.
        key = ("a", self.folder, kind, ident, type(label).__name__, label or "", css)
        return Markup(self._memo(key, lambda: link(
            label if label is not None else self.label(kind, ident), self.to(kind, ident),
            css)))

    def prose(self, prose: Prose | None) -> Markup:
        if prose is None:
            return Markup("")
        out = []
        for index, part in enumerate(prose.parts):
            if isinstance(part, ProseRef):
                out.append(self.a(part.ref.kind, part.ref.id, part.label))
            else:
                out.append(md_escape(part, line_start=index == 0))
        return Markup("".join(out))


def label_inputs(linked: Linked) -> dict[str, dict[str, Any]]:
    """What each kind of label is made of: names, titles, statements, quote texts."""
    corpus = linked.corpus
    return {
        "entity": {e.id: e.name for e in corpus.entities},
        "claim": {c.id: c.statement for c in corpus.claims},
        "source": {s.id: s.title for s in corpus.sources},
        "brief": {b.id: b.title for b in corpus.briefs},
        "quote": {q.id: q.text for s in corpus.sources for q in s.quotes},
    }


def plain(prose: Prose | None, linked: Linked) -> str:
    """Prose with references replaced by their labels, for titles and tables."""
    if prose is None:
        return ""
    links = Links(HOME, linked)
    return "".join(
        (p.label or links.label(p.ref.kind, p.ref.id)) if isinstance(p, ProseRef) else p
        for p in prose.parts
    )


# --- page-specific shaping ------------------------------------------------------------


def highlighted_blocks(linked: Linked, source: Source) -> list[tuple[str, Markup]]:
    """The cleaned text with every anchored quote wrapped in `<mark id="q-…">`."""
    by_block: dict[int, list[Anchor]] = defaultdict(list)
    for quote in source.quotes:
        anchor = linked.anchors.get(quote.id)
        if anchor:
            by_block[anchor.block].append(anchor)
    out = []
    for index, block in enumerate(linked.cleaned[source.id].blocks):
        out.append((block.kind, _highlight(block.text, by_block.get(index, []))))
    return out


def _highlight(text: str, anchors: list[Anchor]) -> Markup:
    if not anchors:
        return md_escape(text)
    cuts = sorted({0, len(text), *(a.start for a in anchors), *(a.end for a in anchors)})
    parts: list[str] = []
    for begin, end in pairwise(cuts):
        piece = md_escape(text[begin:end], line_start=begin == 0)
        covering = sorted((a for a in anchors if a.start <= begin and end <= a.end),
                          key=lambda a: (a.start, a.quote.id))
        if not covering:
            parts.append(piece)
            continue
        starting = [a for a in covering if a.start == begin]
        # Extra quotes starting at the same place get an empty anchor of their own.
        extra = "".join(f'<span class="quote-anchor" id="q-{a.quote.id}"></span>'
                        for a in starting[1:])
        ident = f' id="q-{starting[0].quote.id}"' if starting else ""
        ids = " ".join(a.quote.id for a in covering)
        parts.append(f'{extra}<mark class="quote"{ident} data-quotes="{ids}">{piece}</mark>')
    return Markup("".join(parts))


def brief_citations(linked: Linked, brief_id: str) -> list[Quote]:
    """The quotes a brief cites, numbered in order of first citation."""
    seen: dict[str, Quote] = {}
    for section in linked.briefs[brief_id].sections:
        for point in section.points:
            for ref in point.cites:
                if ref.id in linked.quotes and ref.id not in seen:
                    seen[ref.id] = linked.quotes[ref.id]
    return list(seen.values())


def claim_subjects(linked: Linked) -> Mapping[str, list[Claim]]:
    """Claims about each entity: figure subjects and entities named in the statement."""
    about: dict[str, dict[str, Claim]] = defaultdict(dict)
    for claim in linked.corpus.claims:
        for figure in claim.figures:
            if figure.subject:
                about[figure.subject.id][claim.id] = claim
        for ref in claim.statement.refs:
            if ref.kind == "entity" and (claim.claimant is None or ref.id != claim.claimant.id):
                about[ref.id][claim.id] = claim
    return {k: list(v.values()) for k, v in about.items()}


# --- paging: pages of a bounded size -------------------------------------------------

# Page size bounds (docs/performance.md, "Page size bound"): pages that would grow with the
# corpus are split so that each holds at most this much. The bounds also bound the work of
# a live reload, since every page showing an edited item is converted again: an edit of
# one source re-renders its coverage block, its figures' pages, its timeline and index
# pages and the pages of every entity it names. Coverage: tables of 8 sources, so a page
# covers 16 sources and the claims they take a position on; a corpus of 16 sources or
# fewer keeps the single coverage page.
COVERAGE_TABLES_PER_PAGE = 2
FIGURE_VALUES_PER_PAGE = 25  # rows of a metric's table per page
DISAGREEMENT_VALUES_SHOWN = 10  # values named in one "values disagree" line; all are in the table
ENTITY_ITEMS_PER_PAGE = 100  # claims, quotes and mentions of an entity per page
HOME_VALUES_SHOWN = 6  # values per metric in the key figures (home, figures index)
HOME_DISAGREEMENTS_SHOWN = 3  # figure disagreements per metric on the home page
# Rows of the claims and sources indexes and entries of the timeline per page: an index is
# one line per item, so beyond this it continues on `claims/index/page-2.md`…
LISTING_ROWS_PER_PAGE = 100


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


def chunks(items: list[Any], size: int) -> list[list[Any]]:
    """`items` in consecutive pieces of at most `size`; one empty piece when there are none."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


@dataclass(frozen=True)
class ListingPart:
    """One page of a long list (the claims index, the sources index, the timeline)."""

    pager: Pager
    items: tuple[Any, ...]
    first: int  # 1-based position of its first item in the whole list
    total: int


def listing_parts(first_path: str, items: list[Any]) -> list[ListingPart]:
    pieces = chunks(items, LISTING_ROWS_PER_PAGE)
    paths = tuple(paged_path(first_path, n) for n in range(1, len(pieces) + 1))
    return [ListingPart(Pager(paths, n), tuple(piece), 1 + (n - 1) * LISTING_ROWS_PER_PAGE,
                        len(items))
            for n, piece in enumerate(pieces, start=1)]


@dataclass(frozen=True)
class SourceRow:
    """A source as the sources index shows it: an edit of its quotes that keeps their
    number and the claims they are on leaves its row, and the index page, as they were."""

    id: str
    published: FuzzyDate | None
    quotes: int
    claims: int


def source_rows(sources: list[Source], kept: dict[str, tuple[Source, SourceRow]] | None
                ) -> list[SourceRow]:
    """`kept` (the last render's rows, by source id) is reused for the very same sources
    and updated."""
    last = dict(kept or {})
    rows = []
    for source in sources:
        before = last.get(source.id)
        if before is None or before[0] is not source:
            before = (source, SourceRow(source.id, source.published, len(source.quotes), len(
                {ref.id for q in source.quotes for _, ref in q.stances()})))
        last[source.id] = before
        rows.append(before[1])
    if kept is not None:
        kept.clear()
        kept.update((row.id, last[row.id]) for row in rows)
    return rows


# --- coverage ---------------------------------------------------------------------------

# Coverage matrix: at most this many source columns per table, so a large corpus gives
# several narrow tables (each with only the claims those sources cover), not one wide one.
COVERAGE_COLUMNS = 8
STANCE_SYMBOLS = {"asserts": "\u2713", "reports": "\u2192", "doubts": "?", "refutes": "\u2717"}


@dataclass(frozen=True)
class CoverageRow:
    claim: Claim
    cells: Mapping[str, tuple[tuple[str, str], ...]]  # source id -> ((stance, quote id), …)


@dataclass(frozen=True)
class CoverageTable:
    columns: tuple[tuple[str, Source], ...]  # (short label, source)
    rows: tuple[CoverageRow, ...]


_Cells = Mapping[str, tuple[tuple[str, str], ...]]  # source id -> ((stance, quote id), …)


@dataclass
class CoverageMemo:
    """The last coverage matrix's pieces, for the rebuilds of `mkdocs serve`: each claim's
    cells, kept while its stances are the very same tuple, and each table, kept while its
    labels are equal and its sources, claims and their cells are the very same objects.
    A reused table is the very same value, so the pages showing it compare at once."""

    cells: dict[str, tuple[tuple[Any, ...], _Cells]] = field(default_factory=dict)
    tables: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[Any, ...], CoverageTable]] \
        = field(default_factory=dict)


def coverage_tables(linked: Linked, memo: CoverageMemo | None = None) -> list[CoverageTable]:
    """Sources by claims, oldest source first, split into tables of a few sources each."""
    ordered = sorted(linked.corpus.sources,
                     key=lambda s: (s.published.sort_key if s.published else (9999,), s.id))
    labels = [(f"S{n}", s) for n, s in enumerate(ordered, start=1)]
    last_cells = memo.cells if memo is not None else {}
    kept_cells: dict[str, tuple[tuple[Any, ...], _Cells]] = {}
    cells: dict[str, _Cells] = {}  # claim id -> its cells, for the sources on it
    covered: dict[str, list[str]] = defaultdict(list)  # source id -> claim ids
    for claim_id, stances in linked.stances.items():
        last = last_cells.get(claim_id)
        if last is not None and last[0] is stances:
            own = last[1]
        else:
            # The first passage for each stance; the claim page lists them all.
            found: dict[str, dict[str, str]] = defaultdict(dict)
            for st in stances:
                found[st.source_id].setdefault(st.stance, st.quote.id)
            own = {sid: tuple(by_stance.items()) for sid, by_stance in found.items()}
        kept_cells[claim_id] = (stances, own)
        cells[claim_id] = own
        for sid in own:
            covered[sid].append(claim_id)
    last_tables = memo.tables if memo is not None else {}
    kept_tables: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[Any, ...],
                                             CoverageTable]] = {}
    tables = []
    for first in range(0, len(labels), COVERAGE_COLUMNS):
        columns = tuple(labels[first:first + COVERAGE_COLUMNS])
        ids = tuple(s.id for _, s in columns)
        # Only the claims these sources cover: the table's size stays local to them.
        claim_ids = sorted({c for sid in ids for c in covered.get(sid, ())})
        if not claim_ids:
            continue
        names = tuple(label for label, _ in columns)
        objects = (*(s for _, s in columns), *(linked.claims[c] for c in claim_ids),
                   *(cells[c] for c in claim_ids))
        last_table = last_tables.get(ids)
        if last_table is not None and last_table[0] == names \
                and same_objects(objects, last_table[1]):
            table = last_table[2]
        else:
            table = CoverageTable(columns, tuple(
                CoverageRow(linked.claims[c], {sid: cells[c][sid] for sid in ids
                                               if sid in cells[c]})
                for c in claim_ids))
        kept_tables[ids] = (names, objects, table)
        tables.append(table)
    if memo is not None:
        memo.cells, memo.tables = kept_cells, kept_tables
    return tables


@dataclass(frozen=True)
class CoveragePart:
    """One page of the coverage matrix: the tables of a block of consecutive sources."""

    pager: Pager
    first: str  # label of its first and last source ("S1", "S32")
    last: str
    tables: tuple[CoverageTable, ...]

    @property
    def path(self) -> str:
        return self.pager.path

    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(s for t in self.tables for _, s in t.columns)

    @property
    def claims(self) -> int:
        return len({row.claim.id for t in self.tables for row in t.rows})


def coverage_parts(tables: list[CoverageTable]) -> list[CoveragePart]:
    """The tables grouped into pages of COVERAGE_TABLES_PER_PAGE; none when they fit on the
    one coverage page (at most that many tables, e.g. the seed's 4 sources)."""
    if len(tables) <= COVERAGE_TABLES_PER_PAGE:
        return []
    blocks = [tuple(tables[first:first + COVERAGE_TABLES_PER_PAGE])
              for first in range(0, len(tables), COVERAGE_TABLES_PER_PAGE)]
    labels = [(block[0].columns[0][0], block[-1].columns[-1][0]) for block in blocks]
    paths = tuple(coverage_block_path(low, high) for low, high in labels)
    return [CoveragePart(Pager(paths, n), low, high, block)
            for n, ((low, high), block) in enumerate(zip(labels, blocks, strict=True), start=1)]


@dataclass(frozen=True)
class CoverageBlock:
    """What the coverage page says of one block: a rebuild re-renders that page only when
    a block's range, size or dates change, not whenever a cell of it does."""

    path: str
    first: str
    last: str
    source_count: int
    since: FuzzyDate | None  # published dates of its first and last sources
    until: FuzzyDate | None
    claims: int


def coverage_blocks(parts: list[CoveragePart]) -> tuple[CoverageBlock, ...]:
    return tuple(CoverageBlock(p.path, p.first, p.last, len(p.sources), p.sources[0].published,
                               p.sources[-1].published, p.claims) for p in parts)


# --- figures: a page per metric, paged --------------------------------------------------


@dataclass(frozen=True)
class MetricPart:
    """One page of a metric's values. It holds its own values and the metric's counts, not
    the whole ledger: a rebuild re-renders the pages whose values changed, not every page
    of the metric."""

    metric: str
    value_count: int  # of the whole metric
    disagreement_count: int
    pager: Pager
    values: tuple[LedgerValue, ...]
    # Disagreements whose first value is on this page, each with the values shown, how
    # many more there are and the page numbers that hold all of its values.
    disagreements: tuple[tuple[Disagreement, tuple[LedgerValue, ...], int, tuple[int, ...]],
                         ...]


def metric_parts(ledger: MetricLedger) -> list[MetricPart]:
    pieces = chunks(list(ledger.values), FIGURE_VALUES_PER_PAGE)
    first = page_path("metric", ledger.metric)
    paths = tuple(paged_path(first, n) for n in range(1, len(pieces) + 1))
    where = {id(v): n for n, piece in enumerate(pieces, start=1) for v in piece}
    placed: dict[int, list[tuple[Disagreement, tuple[LedgerValue, ...], int,
                                 tuple[int, ...]]]] = defaultdict(list)
    for d in ledger.disagreements:
        on = tuple(sorted({where[id(v)] for v in d.values}))
        shown = d.values[:DISAGREEMENT_VALUES_SHOWN]
        placed[where[id(d.values[0])]].append((d, shown, len(d.values) - len(shown), on))
    return [MetricPart(ledger.metric, len(ledger.values), len(ledger.disagreements),
                       Pager(paths, n), tuple(piece), tuple(placed.get(n, ())))
            for n, piece in enumerate(pieces, start=1)]


# --- entities: appearances by role, paged -----------------------------------------------


@dataclass(frozen=True)
class RoleSection:
    anchor: str  # the heading's id: claimant, skeptic, quoted, subject, mentions
    items: tuple[Any, ...]
    continued: bool  # the section began on an earlier page


@dataclass(frozen=True)
class EntityPart:
    pager: Pager
    sections: tuple[RoleSection, ...]
    roles: tuple[tuple[str, str, int, str], ...]  # (anchor, word, count, page it starts on)


ROLE_WORDS = (("claimant", "claimant"), ("skeptic", "skeptic"), ("quoted", "quoted"),
              ("subject", "subject"), ("mentions", "mentioned"))


def entity_parts(entity_id: str, helpers: Mapping[str, Any], linked: Linked,
                 about: list[Claim]) -> list[EntityPart]:
    """An entity's appearances in role order, ENTITY_ITEMS_PER_PAGE to a page: a heavily
    mentioned entity gets `entities/<id>/page-2.md`… instead of one page as big as the corpus."""
    doubts = helpers["entity_doubts"](entity_id)
    doubting = {q.id for q, _ in doubts}
    by_role: dict[str, list[Any]] = {
        "claimant": list(helpers["entity_claims"](entity_id)),
        "skeptic": [("doubts", q, d) for q, d in doubts]
        + [("contradicts", c, ref) for c, ref in helpers["entity_contradicts"](entity_id)],
        "quoted": [q for q in helpers["entity_quotes"](entity_id) if q.id not in doubting],
        "subject": list(about),
        "mentions": list(linked.mentions.get(entity_id, ())),
    }
    flat = [(role, item) for role, _ in ROLE_WORDS for item in by_role[role]]
    pieces = chunks(flat, ENTITY_ITEMS_PER_PAGE)
    paths = tuple(paged_path(page_path("entity", entity_id), n) for n in range(1, len(pieces) + 1))
    starts: dict[str, int] = {}
    for n, piece in enumerate(pieces, start=1):
        for role, _ in piece:
            starts.setdefault(role, n)
    roles = tuple((role, word, len(by_role[role]), paths[starts[role] - 1])
                  for role, word in ROLE_WORDS if by_role[role])
    parts = []
    for n, piece in enumerate(pieces, start=1):
        sections = []
        for role, _ in ROLE_WORDS:
            items = tuple(item for r, item in piece if r == role)
            if items:
                sections.append(RoleSection(role, items, starts[role] < n))
        parts.append(EntityPart(Pager(paths, n), tuple(sections), roles))
    return parts


def stance_cell(stance: str, href: str) -> Markup:
    """A stance as a symbol and a word (never colour alone), linked to the passage."""
    symbol = STANCE_SYMBOLS[stance]
    label = Markup(f'<span aria-hidden="true">{symbol}</span> {attr(stance)}')
    return link(label, href, f"stance stance-{stance}")


def source_column(label: str, source: Source, href: str) -> Markup:
    """A short column label that screen readers announce with the source's title."""
    hidden = Markup('<span class="visually-hidden">: ') + md_escape(source.title) + \
        Markup("</span>")
    return link(Markup(attr(label)) + hidden, href)


# --- rendering ------------------------------------------------------------------------


def badge(status: str) -> Markup:
    return Markup(f'<span class="status status-{attr(status)}">{attr(status)}</span>')


def stance_badge(stance: str) -> Markup:
    return Markup(f'<span class="stance stance-{attr(stance)}">{attr(stance)}</span>')


def flag(text: str) -> Markup:
    return Markup(f'<span class="flag">{attr(text)}</span>')


def heading_id(ident: str) -> Markup:
    return Markup(f"{{#{attr_token(ident)}}}")


def html_anchor(ident: str) -> Markup:
    return Markup(f'<span class="anchor" id="{attr(ident)}"></span>')


def removal_html(removal: Any) -> Markup:
    what = {"snippet": "removed text", "line": "dropped line",
            "repair": "added a space"}[removal.kind]
    return Markup(f"line {removal.line}, {what}: <code>{attr(removal.text)}</code>")


_STATIC_HELPERS = {
    "badge": badge,
    "stance": stance_badge,
    "flag": flag,
    "hid": heading_id,
    "anchor": html_anchor,
    "removal": removal_html,
    "link": link,
    "external": external_link,
    "stance_cell": stance_cell,
    "source_column": source_column,
    "STANCE_SYMBOLS": STANCE_SYMBOLS,
    "COVERAGE_COLUMNS": COVERAGE_COLUMNS,
    "inference": lambda: Markup('<span class="inference">Curator\'s inference</span>'),
    "curator_note": lambda: Markup('<span class="note-label">Curator\'s note:</span>'),
}


def source_label(source: Source | None) -> Markup:
    """The source's kind, outlet and author, shown beside its citations."""
    if source is None:
        return Markup("")
    return Markup(f'<span class="source-label">{md_escape(describe(source))}</span>')


def lone_source(linked: Linked, point: Point) -> Markup:
    """A note on a key figure that rests on one AI-generated or unattributed source."""
    ids = {linked.quote_source.get(ref.id) for ref in point.cites}
    source = linked.sources.get(ids.pop() or "") if len(ids) == 1 else None
    if source is None or not weakly_attributed(source):
        return Markup("")
    return Markup('<span class="lone-source">Rests on a single source '
                  f"({md_escape(describe(source, capital=False))})</span>")


def _helpers(linked: Linked, recorder: Recorder | None = None) -> dict[str, Any]:
    """Queries over the linked corpus that several templates share. With a recorder, what
    is computed here for the whole corpus is handed out through recording views, so a
    page's reads of it are noted like its reads of the corpus."""

    def mapping(name: str, data: Mapping[str, Any]) -> Mapping[str, Any]:
        return recorder.mapping(f"helpers.{name}", data) if recorder else data

    def sequence(name: str, data: list[Any]) -> Sequence[Any]:
        return recorder.sequence(f"helpers.{name}", data) if recorder else data

    subjects = mapping("subjects", claim_subjects(linked))
    claimants: dict[str, list[Claim]] = defaultdict(list)
    for claim in linked.corpus.claims:
        if claim.claimant:
            claimants[claim.claimant.id].append(claim)
    speakers: dict[str, list[Quote]] = defaultdict(list)
    for source in linked.corpus.sources:
        for quote in source.quotes:
            if quote.speaker:
                speakers[quote.speaker.id].append(quote)
    by_claimant = mapping("by_claimant", dict(claimants))
    by_speaker = mapping("by_speaker", dict(speakers))
    kinds: dict[str, list[Any]] = defaultdict(list)
    for entity in linked.corpus.entities:
        kinds[entity.kind].append(entity)
    undated = [s for s in linked.corpus.sources if not (s.published and s.published.year)]
    dated = sorted((s for s in linked.corpus.sources if s.published and s.published.year),
                   key=lambda s: (s.published.sort_key if s.published else (0,), s.id),
                   reverse=True)
    events = [e for e in linked.timeline if e.kind == "event"]

    def claim_entities(claim: Claim) -> list[str]:
        """Entities a claim is about, besides its claimant, in order of first mention."""
        named = [r.id for r in claim.statement.refs if r.kind == "entity"]
        named += [f.subject.id for f in claim.figures if f.subject]
        claimant = claim.claimant.id if claim.claimant else None
        return [e for e in dict.fromkeys(named) if e != claimant and e in linked.entities]

    def entity_doubts(entity_id: str) -> list[tuple[Quote, list[tuple[str, Any]]]]:
        """The entity's quoted words that doubt or refute a claim."""
        return [(q, doubting) for q in by_speaker.get(entity_id, [])
                if (doubting := [(st, ref) for st, ref in q.stances()
                                 if st in ("doubts", "refutes")])]

    def entity_contradicts(entity_id: str) -> list[tuple[Claim, Any]]:
        """Claims by the entity that contradict another claim."""
        return [(c, ref) for c in by_claimant.get(entity_id, []) if c.relations
                for kind, ref in c.relations.pairs() if kind == "contradicts"]

    def contested() -> list[tuple[Claim, Evidence]]:
        """Claims the corpus splits on (some sources assert or relay them, something stands
        against them), or that the curator rates disputed or refuted, most split first."""
        out = []
        for claim in linked.corpus.claims:
            ev = linked.evidence[claim.id]
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

    def source_briefs(source: Source) -> list[str]:
        return sorted({b for q in source.quotes for b in linked.quote_cited_in.get(q.id, ())})

    def source_claims(source: Source) -> list[str]:
        return sorted({ref.id for q in source.quotes for _, ref in q.stances()})

    # The sources on each claim, apart from their stances: the claims index counts them
    # and the timeline names them, and neither changes when a stance changes kind.
    claim_sources = {claim_id: tuple(sorted({s.source_id for s in stances}))
                     for claim_id, stances in linked.stances.items()}

    return {
        "subjects": subjects,
        "entity_claims": lambda eid: by_claimant.get(eid, []),
        "entity_quotes": lambda eid: by_speaker.get(eid, []),
        "entity_doubts": entity_doubts,
        "contested": sequence("contested", contested()),
        "entity_contradicts": entity_contradicts,
        "entities_by_kind": sequence("entities_by_kind", sorted(kinds.items())),
        "sources_by_date": sequence("sources_by_date", dated + undated),
        "latest": sequence("latest", (dated + undated)[:5]),
        "glance": sequence("glance", events[-12:]),
        "brief_quotes": lambda bid: brief_citations(linked, bid),
        "claim_briefs": lambda cid: linked.claim_cited_in.get(cid, ()),
        "source_briefs": source_briefs,
        "claim_entities": claim_entities,
        "source_claims": source_claims,
        "claim_sources": mapping("claim_sources", claim_sources),
        "lone_source": partial(lone_source, linked),
    }


def front_matter(meta: Mapping[str, Any]) -> str:
    """YAML front matter, each value written as JSON (a subset of YAML's flow style) with
    markup characters escaped, so no curator text can end the block or reach the page as
    HTML. MkDocs hands it to the theme as `page.meta`."""
    if not meta:
        return ""
    lines = "".join(f"{key}: {dumps(value)}\n" for key, value in meta.items())
    return f"---\n{lines}---\n\n"


@dataclass(frozen=True)
class _Kept:
    """A part of a page as a rebuild may reuse it (`kept.md.j2`)."""

    inputs: tuple[Any, ...]  # the part's arguments
    reads: Reads
    keys: ReadKeys
    text: Markup


@dataclass(frozen=True)
class _Rendered:
    inputs: tuple[Any, ...]  # what the render loop handed the pages
    reads: Reads  # what they read from the corpus, with the values they got
    pages: Mapping[str, str]
    keys: ReadKeys  # the same reads by collection, for `Recorder.unchanged`
    # The groups rendered or reused inside this one: when this one is reused they are not
    # visited, yet they stay valid (their reads are among this one's), so they are kept.
    inner: Mapping[str, _Rendered] = field(default_factory=dict)


@dataclass
class PageCache:
    """The pages of the last render, by group, with what each group read: kept by
    `mkdocs serve` so a rebuild renders only the pages an edit can change
    (`briefing.reads`)."""

    site_title: str | None = None
    groups: dict[str, _Rendered] = field(default_factory=dict)
    # The collections the groups' reads came from (`Recorder.sources`), and the last
    # render's inputs and pages: the very same linked corpus and dates give the same pages.
    sources: dict[str, Any] = field(default_factory=dict)
    linked: Linked | None = None
    dates: ContentDates | None = None
    pages: dict[str, str] = field(default_factory=dict)
    coverage: CoverageMemo = field(default_factory=CoverageMemo)
    source_rows: dict[str, tuple[Source, SourceRow]] = field(default_factory=dict)
    claim_edges: ClaimEdges = field(default_factory=dict)
    # Each page's kept parts, by macro, key and count of that key on the page.
    parts: dict[str, dict[tuple[str, Hashable, int], _Kept]] = field(default_factory=dict)

    def forget(self) -> None:
        """Drop everything kept: after a render stopped midway, none of it is trusted."""
        fresh = PageCache()
        for kept in fields(self):
            setattr(self, kept.name, getattr(fresh, kept.name))


def render(linked: Linked, *, site_title: str = "Briefing",
           dates: ContentDates | None = None, page_cache: PageCache | None = None
           ) -> dict[str, str]:
    if page_cache is not None and dates is not None and page_cache.linked is linked \
            and page_cache.dates is dates and page_cache.site_title == site_title:
        return dict(page_cache.pages)
    env = environment()
    recorder = Recorder(page_cache.sources) if page_cache is not None else None
    # Everything below reads the corpus through `lk`: with a cache, a view that notes it.
    lk = cast(Linked, LinkedView(linked, recorder)) if recorder else linked
    helpers = _helpers(lk, recorder)
    pages: dict[str, str] = {}
    updated = dict((dates or content_dates(linked)).updated)
    tables = coverage_tables(linked, page_cache.coverage if page_cache is not None else None)
    coverage = coverage_parts(tables)
    for coverage_part in coverage:
        # Dated by the newest of its sources: they are what its tables show. Done before any
        # page is rendered: the recorder's collections must not change once groups start.
        days = [updated[page_path("source", s.id)] for s in coverage_part.sources
                if page_path("source", s.id) in updated]
        if days:
            updated[coverage_part.path] = max(days)
    # Compared as written ("2025-09" is not "2025-09-01", though both are 1 September).
    as_written = {path: written(day) for path, day in updated.items() if day}
    page_dates: Mapping[str, Any] = recorder.mapping("dates", as_written) if recorder \
        else as_written

    timeline = listing_parts(TIMELINE, list(linked.timeline))
    event_pages: Mapping[str, str] = {entry.anchor: part.pager.path for part in timeline[1:]
                                      for entry in part.items}
    if recorder:
        event_pages = recorder.mapping("event_pages", event_pages)
    memo: dict[tuple[str, ...], tuple[str, Reads | None]] = {}
    labels: Mapping[str, Mapping[str, Any]] = {
        kind: recorder.mapping(f"labels.{kind}", data) if recorder else data
        for kind, data in label_inputs(linked).items()}
    # The map's layout is an input of its group; the kinds of its edges are read per edge
    # drawn, so a change to an edge not drawn leaves the map as it was.
    graph_inputs, all_edge_kinds = map_inputs(
        linked, page_cache.claim_edges if page_cache is not None else None)
    edge_kinds: Mapping[tuple[str, str], Mapping[str, str]] = {
        pair: recorder.mapping(f"map.{pair[0]}>{pair[1]}", kinds) if recorder else kinds
        for pair, kinds in all_edge_kinds.items()}
    if page_cache is not None and page_cache.site_title != site_title:
        page_cache.site_title, page_cache.groups = site_title, {}
    used: dict[str, _Rendered] = {}
    parts_before = page_cache.parts if page_cache is not None else {}
    parts_now: dict[str, dict[tuple[str, Hashable, int], _Kept]] = {}
    made: list[dict[str, str]] = [pages]
    inside: list[dict[str, _Rendered]] = []  # the groups of each group being rendered

    def keep(key: str, rendered: _Rendered) -> None:
        for kept in (used, *inside[-1:]):
            kept[key] = rendered
            kept.update(rendered.inner)

    def reused(last: _Rendered | _Kept | None, inputs: tuple[Any, ...]) -> bool:
        """Whether what the last render made may stand: its inputs are equal and every
        read it made gives the same value. If so, its reads count as the open recording's."""
        assert recorder is not None
        if last is None or last.inputs != inputs or not recorder.unchanged(last.keys):
            return False
        recorder.replay(last.reads)
        return True

    def kept_parts(path: str, links: Links) -> Callable[..., Markup]:
        """`kept(macro, key, *args)` for the page at `path`: the macro's Markdown, reused
        when its arguments are equal and its reads unchanged, as `group` reuses pages. A
        row costs a tenth of a millisecond or more; an edit changes a few rows of a page.
        `key` names the part among the page's (an id: a part found by its place would
        miss once an earlier one went away); a key repeated on the page is counted."""
        if recorder is None:
            return lambda macro, key, *args: Markup(macro(links, *args))
        before, now = parts_before.get(path, {}), parts_now.setdefault(path, {})
        calls: dict[tuple[str, Hashable], int] = {}

        def kept(macro: jinja2.runtime.Macro, key: Hashable, *args: Any) -> Markup:
            seen = calls[macro.name, key] = calls.get((macro.name, key), 0) + 1
            place = (macro.name, key, seen)
            last = before.get(place)
            if last is not None and reused(last, args):
                now[place] = last
                return last.text
            with recorder.recording() as reads:
                text = Markup(macro(links, *args))
            now[place] = _Kept(args, reads, keys_read(reads), text)
            return text

        return kept

    def page(path: str, template: str, meta: Mapping[str, Any] | None = None,
             dated_as: str | None = None, **context: Any) -> None:
        # `updated`: the content date, which the theme's sitemap gives as `lastmod`. A later
        # page of a paged listing is dated as its first page (`dated_as`).
        day = page_dates.get(dated_as or path)
        dated = {"updated": day} if day else {}
        links = Links(path, lk, event_pages, memo, recorder, labels)
        made[-1][path] = front_matter({**(meta or {}), **dated}) + env.get_template(
            template).render(L=links, lk=lk, site_title=site_title,
                             kept=kept_parts(path, links), **helpers, **context)

    def group(key: str, make: Callable[[], None], *inputs: Any) -> None:
        """The pages `make` renders; reused as they were when `inputs` are equal and every
        read they made gives the same value. Groups nest: a reused inner group's reads
        count as the outer group's."""
        if page_cache is None or recorder is None:
            make()
            return
        last = page_cache.groups.get(key)
        if last is not None and reused(last, inputs):
            made[-1].update(last.pages)
            keep(key, last)
            for path in last.pages:  # its pages' parts stay valid with them
                if path in parts_before:
                    parts_now[path] = parts_before[path]
            return
        made.append({})
        inside.append({})
        try:
            with recorder.recording() as reads:
                make()
        finally:
            produced = made.pop()
            inner = inside.pop()
        made[-1].update(produced)
        keep(key, _Rendered(inputs, reads, produced, keys_read(reads), inner))

    def listing(first_path: str, template: str, items: Sequence[Any]) -> None:
        for part in listing_parts(first_path, list(items)):
            group(part.pager.path, partial(page, part.pager.path, template,
                                           dated_as=first_path, part=part), part)

    group(HOME, lambda: page(HOME, "home.md.j2", VALUES_SHOWN=HOME_VALUES_SHOWN,
                                   DISAGREEMENTS_SHOWN=HOME_DISAGREEMENTS_SHOWN))
    group(index_path("brief"), lambda: page(index_path("brief"), "briefs_index.md.j2"))
    listing(index_path("claim"), "claims_index.md.j2", linked.corpus.claims)
    listing(index_path("source"), "sources_index.md.j2", source_rows(
        list(helpers["sources_by_date"]), page_cache.source_rows if page_cache else None))
    group(index_path("entity"), lambda: page(index_path("entity"), "entities_index.md.j2"))
    metrics = [metric_parts(ledger) for ledger in linked.ledger]
    # Each metric with how many pages it has.
    ledgers = [(ledger, len(parts)) for ledger, parts in zip(linked.ledger, metrics,
                                                             strict=True)]
    group(FIGURES, lambda: page(FIGURES, "figures.md.j2", metrics=ledgers,
                                     VALUES_SHOWN=HOME_VALUES_SHOWN), ledgers)
    for parts in metrics:
        for metric_part in parts:
            group(metric_part.pager.path, partial(
                page, metric_part.pager.path, "metric.md.j2",
                dated_as=metric_part.pager.paths[0], part=metric_part), metric_part)
    for timeline_part in timeline:
        group(timeline_part.pager.path, partial(
            page, timeline_part.pager.path, "timeline.md.j2", dated_as=TIMELINE,
            part=timeline_part), timeline_part)
    # The coverage page shows the tables only when they fit on it, else a line per block;
    # and the claims no source takes a position on. Those are its inputs, so it need not
    # read every claim and the stances.
    blocks = coverage_blocks(coverage)
    shown = () if coverage else tuple(tables)
    silent = tuple(c for c in linked.corpus.claims if c.id not in linked.stances)
    group(COVERAGE, lambda: page(COVERAGE, "coverage.md.j2", tables=shown,
                                      parts=blocks, part=None, silent=silent),
          shown, blocks, silent)
    for coverage_part in coverage:
        # A block's page names only its own block (its pager holds the others' paths).
        group(coverage_part.path, partial(
            page, coverage_part.path, "coverage.md.j2", tables=list(coverage_part.tables),
            parts=(), part=coverage_part, silent=()), coverage_part)

    def map_page() -> None:
        labels_seen = Links(MAP, lk, event_pages, memo, recorder, labels)
        graph = build_graph(graph_inputs, edge_kinds, labels_seen.label)
        page(MAP, "map.md.j2", graph=graph, edge_lists=edge_lists(graph),
             EDGE_WORDS=EDGE_WORDS, PLURALS=PLURALS,
             map_svg=svg(graph, lambda kind, ident: Links(MAP, lk, event_pages).to(
                 kind, ident)))

    group(MAP, map_page, graph_inputs)

    def brief_page(brief_id: str) -> None:
        brief = lk.briefs[brief_id]
        citations = brief_citations(lk, brief_id)
        claims = sorted({ref.id for s in brief.sections for p in s.points for ref in p.claims})
        page(page_path("brief", brief_id), "brief.md.j2", brief=brief, citations=citations,
             citation_number={q.id: n for n, q in enumerate(citations, start=1)},
             brief_claims=claims)

    def claim_page(claim_id: str) -> None:
        claim = lk.claims[claim_id]
        page(page_path("claim", claim_id), "claim.md.j2", claim=claim,
             meta={"description": plain(claim.statement, lk),
                   "jsonld": claim_data(lk, claim, site_title=site_title)})

    def source_page(source_id: str) -> None:
        source = lk.sources[source_id]
        page(page_path("source", source_id), "source.md.j2", source=source,
             blocks=highlighted_blocks(lk, source), originals=original_links(lk, source_id),
             pages=quote_pages(lk, source_id), page_starts=page_starts(lk, source_id))

    def entity_pages(entity_id: str) -> None:
        entity = lk.entities[entity_id]
        # A much-mentioned entity has many pages: each is a group of its own, so an edit
        # re-renders only the pages whose items or labels it changes.
        for entity_part in entity_parts(entity_id, helpers, lk,
                                        helpers["subjects"].get(entity_id, [])):
            group(entity_part.pager.path, partial(
                page, entity_part.pager.path, "entity.md.j2",
                dated_as=page_path("entity", entity_id), entity=entity, part=entity_part),
                entity, entity_part)

    for kind, folder, make_pages in (("briefs", "briefs", brief_page),
                                     ("claims", "claims", claim_page),
                                     ("sources", "sources", source_page),
                                     ("entities", "entities", entity_pages)):
        for item in getattr(linked.corpus, kind):
            # Keyed apart from the pages' own paths, which name the entities' inner groups.
            group(f"{folder}/{item.id}", partial(make_pages, item.id))
    if page_cache is not None and recorder is not None:
        page_cache.groups, page_cache.sources = used, recorder.sources
        page_cache.linked, page_cache.dates, page_cache.pages = linked, dates, dict(pages)
        page_cache.parts = parts_now
    return pages

