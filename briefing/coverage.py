"""The coverage matrix's views: sources by claims, in tables of a few sources, and pages of
a few tables once the matrix outgrows one page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from . import paging
from .link import Stance
from .model import Source
from .paths import COVERAGE, coverage_block_path
from .schema import FuzzyDate
from .views import Claimed, Kept, Pager, Queries, Ref
from .wording import Wording

# At most this many source columns per table, so a large corpus gives several narrow
# tables (each with only the claims those sources cover), not one wide one.
COVERAGE_COLUMNS = 8
STANCE_SYMBOLS: Mapping[str, str] = MappingProxyType(
    {"asserts": "\u2713", "reports": "\u2192", "doubts": "?", "refutes": "\u2717"})


def stance_words(words: Wording) -> Mapping[str, str]:
    """The word shown for each stance (beside its symbol, in a badge): the stances stay
    English in CSS classes and the data, only their words are translated."""
    return MappingProxyType({
        # Translators: a source's stance on a claim: "the source asserts it".
        "asserts": words.gettext("asserts"),
        # Translators: a source's stance on a claim: "the source reports it" (relays it
        # without taking it as its own).
        "reports": words.gettext("reports"),
        # Translators: a source's stance on a claim: "the source doubts it".
        "doubts": words.gettext("doubts"),
        # Translators: a source's stance on a claim: "the source refutes it".
        "refutes": words.gettext("refutes"),
    })


def column_label(number: int, words: Wording) -> str:
    """A source's column in the coverage matrix, by its place in order of publication:
    "S1" for the oldest. The pages' paths keep the English label (`coverage_block_path`)."""
    # Translators: a source's short column label in the coverage matrix, S for source:
    # S1 is the oldest source, S2 the next.
    return words.gettext("S%(num)d", num=number)


@dataclass(frozen=True)
class Column:
    label: str  # "S1" for the oldest source, in the pages' words (`column_label`)
    source: Ref
    published: FuzzyDate | None
    number: int  # its place in order of publication, 1 for the oldest


@dataclass(frozen=True)
class CoverageRow:
    claim: Claimed
    cells: tuple[tuple[tuple[str, str], ...], ...]  # per column: ((stance, passage), …)
    # How many sources take each stance on the claim, over every source, not only this
    # table's (in STANCE_SYMBOLS order, stances no source takes left out): its stance bar.
    tally: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class CoverageTable:
    columns: tuple[Column, ...]
    rows: tuple[CoverageRow, ...]


@dataclass(frozen=True)
class BlockPart:
    """A block page's own range and counts."""

    pager: Pager
    first: str
    last: str
    source_count: int
    claim_count: int


@dataclass(frozen=True)
class CoverageBlock:
    """What the coverage page says of one block."""

    path: str
    first: str
    last: str
    source_count: int
    since: FuzzyDate | None  # published dates of its first and last sources
    until: FuzzyDate | None
    claims: int


@dataclass(frozen=True)
class CoverageView:
    part: BlockPart | None  # a block's page, or else the coverage page
    blocks: tuple[CoverageBlock, ...]
    tables: tuple[CoverageTable, ...]
    silent: tuple[Claimed, ...]  # claims no source takes a position on


def coverage_tables(q: Queries) -> list[tuple[CoverageTable, tuple[str, ...]]]:
    """Sources by claims, oldest source first, split into tables of a few sources each;
    each table with its sources' ids."""
    lk = q.linked
    ordered = sorted(lk.corpus.sources,
                     key=lambda s: (s.published.sort_key if s.published else (9999,), s.id))
    covered: dict[str, set[str]] = defaultdict(set)  # source id -> claim ids
    for claim_id, stances in lk.stances.items():
        for st in stances:
            covered[st.source_id].add(claim_id)
    tables = []
    for first in range(0, len(ordered), COVERAGE_COLUMNS):
        sources = ordered[first:first + COVERAGE_COLUMNS]
        ids = tuple(s.id for s in sources)
        # Only the claims these sources cover: the table's size stays local to them.
        claim_ids = tuple(sorted({c for sid in ids for c in covered.get(sid, ())}))
        if claim_ids:
            tables.append((_table(q, first, sources, claim_ids), ids))
    return tables


def _table(q: Queries, first: int, sources: list[Source], claim_ids: tuple[str, ...]
           ) -> CoverageTable:
    """One table, kept while its sources, its claims and their stances are the very same
    and the links it shows unchanged."""
    lk = q.linked
    stances = [lk.stances[c] for c in claim_ids]
    same = (*sources, *(lk.claims[c] for c in claim_ids))
    key = tuple(s.id for s in sources)

    def links() -> list[tuple[str, str]]:
        return [*(("source", s.id) for s in sources), *(("claim", c) for c in claim_ids),
                *(("stances", c) for c in claim_ids),
                *(("quote", st.quote.id) for sts in stances for st in sts)]

    def make() -> CoverageTable:
        ids, rows = key, q.memo.coverage.child(key)
        columns = tuple(Column(column_label(first + n, q.words), q.ref("source", s.id),
                               s.published, first + n)
                        for n, s in enumerate(sources, start=1))
        return CoverageTable(columns, tuple(
            _row(q, rows, ids, claim_id, claim_stances)
            for claim_id, claim_stances in zip(claim_ids, stances, strict=True)))

    return q.kept(q.memo.coverage, key, same, make, (first, claim_ids), links)


def _row(q: Queries, rows: Kept, ids: tuple[str, ...], claim_id: str,
         stances: tuple[Stance, ...]) -> CoverageRow:
    """A claim's row under these sources (`rows`: those of their table), kept while the
    claim is the very same, what it shows of its stances equal (`views.stance_key`) and
    the links it shows unchanged: a stance edit remakes its claim's rows, not every row
    its source's claims sit in."""
    def make() -> CoverageRow:
        # The first passage for each stance; the claim page lists them all.
        found: dict[str, dict[str, str]] = defaultdict(dict)
        for st in stances:
            found[st.source_id].setdefault(st.stance, st.quote.id)
        by_stance = {stance: {st.source_id for st in stances if st.stance == stance}
                     for stance in STANCE_SYMBOLS}
        return CoverageRow(q.claimed(claim_id), tuple(
            tuple((stance, q.target("quote", qid)) for stance, qid in found[sid].items())
            if sid in found else () for sid in ids),
            tuple((stance, len(sids)) for stance, sids in by_stance.items() if sids))

    return q.kept(rows, claim_id, (q.linked.claims[claim_id],), make, None,
                  lambda: [("claim", claim_id), ("stances", claim_id),
                                       *(("quote", st.quote.id) for st in stances)])


def coverage_views(q: Queries) -> list[tuple[str, CoverageView, tuple[str, ...]]]:
    """(path, view, the ids of the sources it shows) of the coverage page and of each block
    page: the tables are grouped into pages of COVERAGE_TABLES_PER_PAGE, and the coverage
    page lists the blocks, unless the tables fit on it (the seed's 4 sources)."""
    tables = coverage_tables(q)
    silent = tuple(q.claimed(c.id) for c in q.linked.corpus.claims
                   if c.id not in q.linked.stances)
    size = paging.COVERAGE_TABLES_PER_PAGE
    if len(tables) <= size:
        return [(COVERAGE, CoverageView(None, (), tuple(t for t, _ in tables), silent), ())]
    groups = [tables[first:first + size] for first in range(0, len(tables), size)]
    ranges = [(g[0][0].columns[0], g[-1][0].columns[-1]) for g in groups]
    # The paths are English, whatever the words: "coverage/s1-s8.md".
    paths = tuple(coverage_block_path(f"S{low.number}", f"S{high.number}")
                  for low, high in ranges)
    blocks, pages = [], []
    for n, (group, (low, high)) in enumerate(zip(groups, ranges, strict=True), start=1):
        columns = [c for t, _ in group for c in t.columns]
        claims = len({row.claim.claim.target for t, _ in group for row in t.rows})
        blocks.append(CoverageBlock(paths[n - 1], low.label, high.label, len(columns),
                                    columns[0].published, columns[-1].published, claims))
        part = BlockPart(Pager(paths, n), low.label, high.label, len(columns), claims)
        pages.append((paths[n - 1], CoverageView(part, (), tuple(t for t, _ in group), ()),
                      tuple(sid for _, ids in group for sid in ids)))
    return [(COVERAGE, CoverageView(None, tuple(blocks), (), silent), ()), *pages]
