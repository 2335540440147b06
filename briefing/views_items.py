"""The views of the pages of single items: a brief, a claim, a source, an entity's pages."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter, itemgetter
from typing import Any

from markupsafe import Markup

from . import paging
from .cleaning import Removal
from .fragments import original_links
from .labels import Byline, byline, weakly_attributed
from .link import Anchor, Stance
from .markup import md_escape
from .model import STANCES, Claim, Point, Quote
from .originals import page_starts, quote_pages
from .paths import anchored, map_path, page_path, point_anchor
from .reuse import Entry
from .schema import FuzzyDate
from .views import Claimed, Pager, ProseView, Queries, Ref, amount, dated_by, newest, subject_tip
from .wording import Wording

# --- claims --------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceRow:
    source: Ref
    published: FuzzyDate | None
    described: Byline | None
    stance: str
    quote: Ref
    speaker: Ref | None


@dataclass(frozen=True)
class FigureRow:
    metric: Ref
    amount: str
    subject: Ref | None
    scope: str
    subject_tip: str | None  # the subject is the curator's reading (`views.subject_tip`)


@dataclass(frozen=True)
class EventLine:
    when: FuzzyDate
    what: ProseView
    target: str


@dataclass(frozen=True)
class Tally:
    """One stance in a claim's verdict panel: how many passages take it, from how many
    distinct sources."""

    stance: str
    passages: int
    sources: int


@dataclass(frozen=True)
class ClaimView:
    title: str
    status: str
    tally: tuple[Tally, ...]  # the stances taken, in STANCES order
    source_total: int  # distinct sources taking any position
    claimant: Ref | None
    unattributed: str  # whose words it is when no claimant is named (`Evidence.unattributed`)
    topics: tuple[Ref, ...]
    named: tuple[Ref, ...]
    note: ProseView | None
    summary: str
    contradicted_by: tuple[Ref, ...]
    evidence: tuple[EvidenceRow, ...]
    relations: tuple[tuple[str, Claimed], ...]
    relations_in: tuple[tuple[str, Claimed], ...]
    figures: tuple[FigureRow, ...]
    events: tuple[EventLine, ...]
    # each brief citing it, with the points whose claims it is: a reader who came from a
    # point's chip finds the way back to that point, as a source page's passages give it
    briefs: tuple[tuple[Ref, tuple[CitingPoint, ...]], ...]
    # Briefs that cite a quote taking a stance on the claim, but not the claim itself.
    quoting: tuple[Ref, ...]


def claim_entities(q: Queries, claim: Claim) -> list[str]:
    """Entities a claim is about, besides its claimant, in order of first mention."""
    named = [r.id for r in claim.statement.refs if r.kind == "entity"]
    named += [f.subject.id for f in claim.figures if f.subject]
    claimant = claim.claimant.id if claim.claimant else None
    return [e for e in dict.fromkeys(named) if e != claimant and e in q.linked.entities]


def claim_entries(q: Queries, claim_id: str) -> list[Entry]:
    """What a claim's page (`claim_view`, and its metadata) is made from: the claim, its
    stances and their sources, its evidence, citations and relations, the claims it
    relates to, the entities it names, and the links it shows."""
    lk = q.linked
    claim = lk.claims[claim_id]
    stances = lk.stances.get(claim_id, ())
    pairs = claim.relations.pairs() if claim.relations else ()
    related = [r.id for _, r in pairs] + [o for _, o in lk.relations_in.get(claim_id, ())]
    named = [*(r.id for prose in (claim.statement, claim.note) if prose for r in prose.refs
               if r.kind == "entity"),
             *(f.subject.id for f in claim.figures if f.subject),
             *((claim.claimant.id,) if claim.claimant else ())]
    return [*(("claims", c) for c in (claim_id, *related)),
            *((table, claim_id) for table in ("stances", "evidence", "relations_in",
                                              "claim_cited_in")),
            *(("quote_cited_in", s.quote.id) for s in stances),
            *(("sources", s.source_id) for s in stances), *(("entities", e) for e in named),
            # the citing briefs' points, numbered as the briefs stand (`claiming_points`)
            *(("briefs", b) for b in lk.claim_cited_in.get(claim_id, ())),
            *(("link", *key) for key in _claim_links(q, claim_id, related))]


def _claim_links(q: Queries, claim_id: str, related: list[str]) -> list[tuple[str, str]]:
    lk = q.linked
    claim = lk.claims[claim_id]
    stances = lk.stances.get(claim_id, ())
    return [
        *(("source", s.source_id) for s in stances), *(("quote", s.quote.id) for s in stances),
        *(("entity", s.quote.speaker.id) for s in stances if s.quote.speaker),
        *(("claim", c) for c in (*related, *lk.evidence[claim_id].contradicted_by)),
        *(("brief", b) for b in lk.claim_cited_in.get(claim_id, ())),
        *(("brief", b) for b in quoting_briefs(q, claim_id)),
        *(("metric", f.metric) for f in claim.figures),
        *(("entity", f.subject.id) for f in claim.figures if f.subject),
        *(("event", f"e-{claim_id}-{n}") for n in range(1, len(claim.events) + 1)),
        *((r.kind, r.id) for prose in (claim.statement, claim.note,
                                       *(e.what for e in claim.events))
          if prose for r in prose.refs),
        *((("entity", claim.claimant.id),) if claim.claimant else ()),
        *(("topic", t) for t in claim.topics)]


def topic_refs(q: Queries, claim: Claim) -> tuple[Ref, ...]:
    """A claim's topics as links to their pages, each once."""
    return tuple(q.ref("topic", t) for t in dict.fromkeys(claim.topics))


def tally(stances: Iterable[Stance]) -> tuple[Tally, ...]:
    passages: Counter[str] = Counter()
    sources: dict[str, set[str]] = defaultdict(set)
    for s in stances:
        passages[s.stance] += 1
        sources[s.stance].add(s.source_id)
    return tuple(Tally(st, passages[st], len(sources[st])) for st in STANCES
                 if passages[st])


def claim_view(q: Queries, claim_id: str) -> ClaimView:
    """The claim's page, made from what `claim_entries` names (`plan` keeps it so)."""
    return _claim_view(q, claim_id)


def _claim_view(q: Queries, claim_id: str) -> ClaimView:
    lk = q.linked
    claim = lk.claims[claim_id]
    ev = lk.evidence[claim_id]
    evidence = tuple(
        EvidenceRow(q.ref("source", s.source_id), lk.sources[s.source_id].published,
                    q.described(s.source_id), s.stance, q.ref("quote", s.quote.id),
                    q.ref("entity", s.quote.speaker.id) if s.quote.speaker else None)
        for s in lk.stances.get(claim_id, ()))
    figures = tuple(FigureRow(q.ref("metric", f.metric), amount(f, words=q.words),
                              q.ref("entity", f.subject.id) if f.subject else None, f.scope,
                              subject_tip(f))
                    for f in claim.figures)
    events = tuple(EventLine(e.when, q.prose(e.what), q.ref("event", f"e-{claim_id}-{n}").target)
                   for n, e in enumerate(claim.events, start=1))
    pairs = claim.relations.pairs() if claim.relations else ()
    # A contradiction both claims declare is said once, as this claim's own.
    said_both_ways = {("contradicted by", r.id) for kind, r in pairs if kind == "contradicts"}
    stances = lk.stances.get(claim_id, ())
    return ClaimView(
        q.plain(claim.statement), claim.status, tally(stances),
        len({s.source_id for s in stances}),
        q.ref("entity", claim.claimant.id) if claim.claimant else None,
        "" if claim.claimant else ev.unattributed(words=q.words), topic_refs(q, claim),
        tuple(q.ref("entity", e) for e in claim_entities(q, claim)),
        q.maybe_prose(claim.note), ev.summary(words=q.words),
        tuple(q.ref("claim", other) for other in ev.contradicted_by), evidence,
        tuple((kind, q.claimed(ref.id)) for kind, ref in pairs),
        tuple((kind, q.claimed(other)) for kind, other in lk.relations_in.get(claim_id, ())
              if (kind, other) not in said_both_ways),
        figures, events, tuple((q.ref("brief", b), claiming_points(q, b, claim_id))
                               for b in lk.claim_cited_in.get(claim_id, ())),
        tuple(q.ref("brief", b) for b in quoting_briefs(q, claim_id)))


def quoting_briefs(q: Queries, claim_id: str) -> list[str]:
    """The briefs citing a quote on the claim that do not cite the claim, in id order."""
    citing = set(q.linked.claim_cited_in.get(claim_id, ()))
    return sorted({b for s in q.linked.stances.get(claim_id, ())
                   for b in q.linked.quote_cited_in.get(s.quote.id, ()) if b not in citing})


# --- briefs --------------------------------------------------------------------------


@dataclass(frozen=True)
class PointView:
    anchor: str  # paths.point_anchor: where a source's passage links back to
    inference: bool
    # By the numbers: the number as the curator wrote it before the first colon, with its
    # qualifier ("Up to 16,000 or more"), set large; `text` is then the rest, its label.
    figure: str | None
    text: ProseView
    cites: tuple[tuple[int, str], ...]  # (citation number, the passage's target)
    lone: Byline | None  # the one weak source a key figure rests on
    claims: tuple[Claimed, ...]
    sources: tuple[Ref, ...]  # by the numbers: the sources its citations come from


@dataclass(frozen=True)
class CitedQuote:
    number: int
    text: str
    target: str
    speaker: str | None


@dataclass(frozen=True)
class CitedSource:
    """A source in "Quotes cited": named once, its quotes under it."""

    source: Ref
    published: FuzzyDate | None
    described: Byline | None
    quotes: tuple[CitedQuote, ...]


@dataclass(frozen=True)
class BriefView:
    title: str
    summary: ProseView
    quote_count: int
    source_count: int
    claim_count: int
    as_of: FuzzyDate | None  # the newest publication date of the sources it cites
    sections: tuple[tuple[str, tuple[PointView, ...]], ...]
    related_briefs: tuple[Ref, ...]
    related_entities: tuple[Ref, ...]
    cited: tuple[CitedSource, ...]  # in order of each source's first citation
    map: str | None  # its focused map, when it rests on claims


def brief_map_claims(q: Queries, brief_id: str) -> list[str]:
    """The claims a brief rests on, in reading order: each point's claims and the claims
    its text names."""
    lk = q.linked
    seen: dict[str, None] = {}
    for section in lk.briefs[brief_id].sections:
        for point in section.points:
            for ref in (*point.claims, *point.text.refs):
                if ref.kind == "claim" and ref.id in lk.claims:
                    seen.setdefault(ref.id)
    return list(seen)


def entity_map_claims(q: Queries, entity_id: str) -> list[str]:
    """The claims an entity makes, is the subject of or takes a position on when quoted."""
    seen: dict[str, None] = {}
    for claim in (*q.by_claimant.get(entity_id, []), *q.subjects.get(entity_id, [])):
        seen.setdefault(claim.id)
    for quote in q.by_speaker.get(entity_id, []):
        for _, ref in quote.stances():
            if ref.id in q.linked.claims:
                seen.setdefault(ref.id)
    return list(seen)


def lone_source(q: Queries, point: Point) -> Byline | None:
    """A key figure that rests on one AI-generated or unattributed source: that source."""
    ids = {q.linked.quote_source.get(ref.id) for ref in point.cites}
    source = q.linked.sources.get(ids.pop() or "") if len(ids) == 1 else None
    if source is None or not weakly_attributed(source):
        return None
    return byline(source)


# The longest lead before a colon still read as a number: "$6 million or under against
# $294,000" is one; a sentence that happens to hold a colon is not.
_FIGURE_LEAD = 60


def split_figure(text: ProseView) -> tuple[str | None, ProseView]:
    """A "By the numbers" point as (its number, its label): the plain text before the
    first ": " when it is short and holds a digit, kept whole with any qualifier; else
    (None, the text)."""
    first = text[0] if text else None
    if not isinstance(first, str):
        return None, text
    lead, colon, rest = first.partition(": ")
    if not colon or len(lead) > _FIGURE_LEAD or not any(c.isdigit() for c in lead):
        return None, text
    return lead.strip(), ((rest,) if rest else ()) + text[1:]


def _point(q: Queries, kind: str, place: int, point: Point, number: dict[str, int]
           ) -> PointView:
    figure, text = None, q.prose(point.text)
    sources: tuple[Ref, ...] = ()
    if kind == "by-the-numbers":
        figure, text = split_figure(text)
        ids = dict.fromkeys(q.linked.quote_source[r.id] for r in point.cites)
        sources = tuple(q.ref("source", s) for s in ids)
    return PointView(point_anchor(kind, place), point.inference, figure, text,
                     tuple((number[r.id], q.target("quote", r.id)) for r in point.cites),
                     lone_source(q, point) if kind == "by-the-numbers" else None,
                     tuple(q.claimed(r.id) for r in point.claims), sources)


def _cited(q: Queries, citations: list[Quote]) -> tuple[CitedSource, ...]:
    by_source: dict[str, list[CitedQuote]] = {}
    for n, quote in enumerate(citations, start=1):
        by_source.setdefault(q.linked.quote_source[quote.id], []).append(CitedQuote(
            n, quote.text, q.target("quote", quote.id),
            q.entity_name(quote.speaker.id) if quote.speaker else None))
    return tuple(CitedSource(q.ref("source", sid), q.linked.sources[sid].published,
                             q.described(sid), tuple(quotes))
                 for sid, quotes in by_source.items())


def brief_view(q: Queries, brief_id: str) -> BriefView:
    brief = q.linked.briefs[brief_id]
    citations = q.brief_citations(brief_id)
    number = {quote.id: n for n, quote in enumerate(citations, start=1)}
    sections = tuple((section.kind, tuple(_point(q, section.kind, n, p, number)
                                          for n, p in enumerate(section.points, start=1)))
                     for section in brief.sections)
    related = brief.related
    cited = _cited(q, citations)
    return BriefView(
        brief.title, q.prose(brief.summary), len(citations), len(cited),
        len({ref.id for s in brief.sections for p in s.points for ref in p.claims}),
        newest(dated_by(c.published, c.source.label, words=q.words) for c in cited),
        sections, tuple(q.ref("brief", r.id) for r in related.briefs) if related else (),
        tuple(q.ref("entity", r.id) for r in related.entities) if related else (), cited,
        map_path("brief", brief_id) if brief_map_claims(q, brief_id) else None)


# --- sources -------------------------------------------------------------------------


@dataclass(frozen=True)
class CitingPoint:
    """A brief point that cites a passage: its section, its place there, its address."""

    section: str
    number: int
    target: str


@dataclass(frozen=True)
class QuoteRow:
    id: str
    text: str
    page: int | None  # of the PDF the source was extracted from
    speaker: Ref | None
    stances: tuple[tuple[str, Ref], ...]
    briefs: tuple[tuple[Ref, tuple[CitingPoint, ...]], ...]  # each citing brief, its points
    original: str | None


@dataclass(frozen=True)
class SourceView:
    title: str
    described: Byline
    published: FuzzyDate | None
    url: str
    note: ProseView | None
    blocks: tuple[tuple[str, Markup], ...]
    page_starts: tuple[tuple[int, int], ...]  # (block index, PDF page) where a page begins
    quotes: tuple[QuoteRow, ...]
    originals: bool
    briefs: tuple[Ref, ...]
    removals: tuple[Removal, ...]
    lang: str  # the text's language, when the source names it (`Source.language`)


def highlighted_blocks(q: Queries, source_id: str) -> tuple[tuple[str, Markup], ...]:
    """The cleaned text with every anchored quote wrapped in `<mark id="q-…">`."""
    anchors = [q.linked.anchors.get(quote.id) for quote in q.linked.sources[source_id].quotes]
    blocks = q.linked.cleaned[source_id].blocks

    def make() -> tuple[tuple[str, Markup], ...]:
        by_block: dict[int, list[Anchor]] = defaultdict(list)
        for anchor in anchors:
            if anchor:
                by_block[anchor.block].append(anchor)
        return tuple((block.kind, _highlight(block.text, by_block.get(index, [])))
                     for index, block in enumerate(blocks))

    return q.kept(q.memo.highlights, source_id, (blocks, *anchors), make)


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


def source_view(q: Queries, source_id: str) -> SourceView:
    """The source's page, kept while what it is made from is unchanged: the source (its
    text and quotes), its cleaned text, where its quotes are anchored, the briefs citing
    them and the links it shows."""
    return q.reuse(q.memo.source_pages, source_id, lambda: _source_view(q, source_id),
                   lambda: _source_entries(q, source_id))


def _source_entries(q: Queries, source_id: str) -> list[Entry]:
    source = q.linked.sources[source_id]
    cited = [b for qt in source.quotes for b in q.linked.quote_cited_in.get(qt.id, ())]
    links = [*(("entity", qt.speaker.id) for qt in source.quotes if qt.speaker),
             *(("claim", r.id) for qt in source.quotes for _, r in qt.stances()),
             *(("brief", b) for b in cited),
             *((r.kind, r.id) for r in (source.note.refs if source.note else ()))]
    # A citing brief's points (where each passage links back to) are read too.
    return [("sources", source_id), ("cleaned", source_id),
            *((table, qt.id) for qt in source.quotes
              for table in ("anchors", "quote_cited_in")),
            *(("briefs", b) for b in dict.fromkeys(cited)),
            *(("link", *key) for key in links)]


def citing_points(q: Queries, brief_id: str, quote_id: str) -> tuple[CitingPoint, ...]:
    """The points of a brief that cite a quote, in the brief's order."""
    return _points(q, brief_id, lambda point: any(ref.id == quote_id for ref in point.cites))


def claiming_points(q: Queries, brief_id: str, claim_id: str) -> tuple[CitingPoint, ...]:
    """The points of a brief that show a claim under them or name it in their text, in
    the brief's order (none when only the summary names it)."""
    return _points(q, brief_id, lambda point: any(
        ref.kind == "claim" and ref.id == claim_id for ref in (*point.claims, *point.text.refs)))


def _points(q: Queries, brief_id: str, chosen: Callable[[Point], bool],
            ) -> tuple[CitingPoint, ...]:
    return tuple(
        CitingPoint(section.kind, n,
                    anchored(page_path("brief", brief_id), point_anchor(section.kind, n)))
        for section in q.linked.briefs[brief_id].sections
        for n, point in enumerate(section.points, start=1)
        if chosen(point))


def _source_view(q: Queries, source_id: str) -> SourceView:
    lk = q.linked
    source = lk.sources[source_id]
    originals = original_links(lk, source_id)
    pages = quote_pages(lk, source_id)
    quotes = tuple(
        QuoteRow(qt.id, qt.text, pages.get(qt.id),
                 q.ref("entity", qt.speaker.id) if qt.speaker else None,
                 tuple((st, q.ref("claim", r.id)) for st, r in qt.stances()),
                 tuple((q.ref("brief", b), citing_points(q, b, qt.id))
                       for b in lk.quote_cited_in.get(qt.id, ())),
                 originals.get(qt.id))
        for qt in source.quotes)
    briefs = sorted({b for qt in source.quotes for b in lk.quote_cited_in.get(qt.id, ())})
    return SourceView(source.title, byline(source), source.published,
                      source.url,
                      q.maybe_prose(source.note),
                      highlighted_blocks(q, source_id),
                      tuple(page_starts(lk, source_id).items()), quotes, bool(originals),
                      tuple(q.ref("brief", b) for b in briefs),
                      lk.cleaned[source_id].removals, source.language)


# --- entities: appearances by role, paged ----------------------------------------------


@dataclass(frozen=True)
class Contradiction:
    claim: Ref
    other: Claimed


@dataclass(frozen=True)
class Conflict:
    """Two of an entity's own claims, one declaring it contradicts the other."""

    claim: Claimed
    other: Claimed


@dataclass(frozen=True)
class RoleSection:
    anchor: str  # the heading's id: claimant, conflicts, contradicts, skeptic, quoted, …
    items: tuple[Any, ...]
    continued: bool  # the section began on an earlier page


@dataclass(frozen=True)
class EntityView:
    name: str
    kind: str
    aliases: tuple[str, ...]
    description: ProseView | None  # on the first page only
    pager: Pager
    sections: tuple[RoleSection, ...]
    roles: tuple[tuple[str, str, int, str], ...]  # (anchor, word, count, page it starts on)
    unmentioned: bool  # the last page says no source names the entity
    map: str | None  # its focused map, when it has claims


ROLE_WORDS = (("claimant", "claimant"), ("conflicts", "conflicts among their claims"),
              ("contradicts", "claims contradicting others"), ("skeptic", "skeptic"),
              ("quoted", "speaker"), ("subject", "subject"), ("mentions", "mentioned"))


def role_words(words: Wording) -> dict[str, str]:
    """`ROLE_WORDS`' words in `words`' language, by role."""
    # Translators: the roles an entity has in the corpus, each linked to its list on the
    # entity's page: "Roles: claimant (3) · speaker (2) · mentioned (10)".
    return {"claimant": words.gettext("claimant"),
            "conflicts": words.gettext("conflicts among their claims"),
            "contradicts": words.gettext("claims contradicting others"),
            "skeptic": words.gettext("skeptic"), "quoted": words.gettext("speaker"),
            "subject": words.gettext("subject"), "mentions": words.gettext("mentioned")}


def _roles(q: Queries, entity_id: str) -> dict[str, list[Any]]:
    """The entity's appearances by role, each item as its line shows it."""
    doubting = [(quote, [(st, ref) for st, ref in quote.stances()
                         if st in ("doubts", "refutes")])
                for quote in q.by_speaker.get(entity_id, [])]
    doubts = [quote for quote, against in doubting if against]
    own, against_others = _contradictions(q, entity_id)
    doubt_ids = {quote.id for quote in doubts}
    mentions = q.linked.mentions.get(entity_id, ())
    return {
        "claimant": [q.claimed(c.id) for c in q.by_claimant.get(entity_id, [])],
        "conflicts": own,
        "contradicts": against_others,
        # Only its own words that doubt or refute: a contradiction between claims is the
        # corpus's record (often the curator's reading), not a doubt the entity voiced.
        "skeptic": [q.quoted(quote) for quote in doubts],
        "quoted": [q.quoted(quote) for quote in q.by_speaker.get(entity_id, [])
                   if quote.id not in doubt_ids],
        "subject": [(q.claimed(c.id), read_as_about(c, entity_id))
                    for c in q.subjects.get(entity_id, [])],
        "mentions": list(mentions),
    }


def read_as_about(claim: Claim, entity_id: str) -> str | None:
    """The tip of a claim listed as about the entity only because the curator read its
    figures as the entity's (`views.subject_tip`: their bases, "" when none is given);
    None when its statement or a figure the source gives for it names the entity."""
    figures = [f for f in claim.figures if f.subject and f.subject.id == entity_id]
    named = any(ref.kind == "entity" and ref.id == entity_id for ref in claim.statement.refs)
    if named or not figures or any(subject_tip(f) is None for f in figures):
        return None
    return " ".join(tip for f in figures if (tip := subject_tip(f)))


def _contradictions(q: Queries, entity_id: str
                    ) -> tuple[list[Conflict], list[Contradiction]]:
    """The contradictions the entity's claims declare: those between two of its own
    claims, and those against a claim someone else (or no one named) makes. Only the
    second set it against another: a claim of its own that its other claim contradicts is
    not a position it takes against another. A conflict both of its claims declare is said
    once, as the claim page says it."""
    claims = q.by_claimant.get(entity_id, [])
    own_ids = {c.id for c in claims}
    pairs = [(c.id, ref.id) for c in claims if c.relations
             for kind, ref in c.relations.pairs() if kind == "contradicts"]
    own: list[Conflict] = []
    said: set[frozenset[str]] = set()
    against_others: list[Contradiction] = []
    for claim, other in pairs:
        if other not in own_ids:
            against_others.append(Contradiction(q.ref("claim", claim), q.claimed(other)))
        elif frozenset((claim, other)) not in said:
            said.add(frozenset((claim, other)))
            own.append(Conflict(q.claimed(claim), q.claimed(other)))
    return own, against_others


def _mention_groups(q: Queries, page: tuple[str, int], items: tuple[Any, ...]
                    ) -> tuple[Any, ...]:
    """A page's mentions grouped by source, in order of source id: kept while they are
    the very same mentions and their sources' links are unchanged."""
    key = attrgetter("source_id")
    return q.kept(q.memo.mention_groups, page, items, lambda: tuple(
        (q.ref("source", sid), tuple(m.sentence for m in group))
        for sid, group in itertools.groupby(sorted(items, key=key), key)),
        None, lambda: {("source", m.source_id) for m in items})


def entity_views(q: Queries, entity_id: str) -> list[EntityView]:
    """The entity's pages, kept while what they are made from is unchanged: the entity,
    its mentions, the claims it makes or is the subject of, the quotes it speaks, their
    sources and the claims they contradict, and the links they show. Which claims and
    quotes name the entity changes only with one of them (`reuse.changed_entries`)."""
    return q.reuse(q.memo.entity_pages, entity_id, lambda: _entity_views(q, entity_id),
                   lambda: _entity_entries(q, entity_id))


def _entity_entries(q: Queries, entity_id: str) -> list[Entry]:
    lk = q.linked
    claims = [*q.by_claimant.get(entity_id, []), *q.subjects.get(entity_id, [])]
    quotes = q.by_speaker.get(entity_id, [])
    mentions = lk.mentions.get(entity_id, ())
    contradicted = [ref.id for c in q.by_claimant.get(entity_id, []) if c.relations
                    for kind, ref in c.relations.pairs() if kind == "contradicts"]
    homes = [lk.quote_source.get(quote.id, "") for quote in quotes]
    entity = lk.entities[entity_id]
    links = [*(("claim", c.id) for c in claims), *(("claim", c) for c in contradicted),
             *(("quote", quote.id) for quote in quotes), *(("source", s) for s in homes),
             *(("claim", r.id) for quote in quotes for _, r in quote.stances()),
             *{("source", m.source_id) for m in mentions},
             *((r.kind, r.id) for r in (entity.description.refs
                                        if entity.description else ()))]
    return [("entities", entity_id), ("mentions", entity_id), ("about", entity_id),
            *(("claims", c) for c in (*(c.id for c in claims), *contradicted)),
            *((table, quote.id) for quote in quotes for table in ("quotes", "quote_source")),
            *(("sources", s) for s in homes), *(("link", *key) for key in links)]


def _entity_views(q: Queries, entity_id: str) -> list[EntityView]:
    """An entity's appearances in role order, ENTITY_ITEMS_PER_PAGE to a page: a heavily
    mentioned entity gets `entities/<id>/page-2.md`… instead of one page as big as the
    corpus."""
    entity = q.linked.entities[entity_id]
    by_role = _roles(q, entity_id)
    flat = [(role, item) for role, _ in ROLE_WORDS for item in by_role[role]]
    pieces = paging.chunks(flat, paging.ENTITY_ITEMS_PER_PAGE)
    pagers = paging.pagers(page_path("entity", entity_id), len(pieces))
    starts: dict[str, int] = {}
    for n, piece in enumerate(pieces, start=1):
        for role, _ in piece:
            starts.setdefault(role, n)
    worded = role_words(q.words)
    roles = tuple((role, worded[role], len(by_role[role]), pagers[starts[role] - 1].path)
                  for role, _ in ROLE_WORDS if by_role[role])
    description = q.maybe_prose(entity.description)
    views = []
    map_link = map_path("entity", entity_id) if entity_map_claims(q, entity_id) else None
    for pager, piece in zip(pagers, pieces, strict=True):
        sections = []
        # A piece of `flat` holds its roles in ROLE_WORDS order, each role's items together.
        for role, group in itertools.groupby(piece, key=itemgetter(0)):
            items = tuple(item for _, item in group)
            shown = items if role != "mentions" \
                else _mention_groups(q, (entity_id, pager.number), items)
            sections.append(RoleSection(role, shown, starts[role] < pager.number))
        views.append(EntityView(
            entity.name, entity.kind, entity.aliases,
            description if pager.number == 1 else None, pager, tuple(sections), roles,
            pager.number == pager.count and not by_role["mentions"], map_link))
    return views
