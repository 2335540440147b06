"""Render stage: the linked corpus becomes Markdown pages through Jinja2 templates.

Output is a mapping from page path (relative to the docs folder, e.g. `briefs/x.md`) to
Markdown text. Every link is a relative `.md#anchor` link so MkDocs validates it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import jinja2
from markupsafe import Markup

from .dates import ContentDates, content_dates
from .fragments import original_links
from .graph import EDGE_WORDS, PLURALS, build_graph, edge_lists, svg
from .jsonld import claim_data, dumps
from .link import Anchor, Linked
from .markup import (
    attr,
    date_html,
    format_amount,
    format_date,
    humanise,
    link,
    md_escape,
    plural,
    relative,
)
from .model import Claim, Quote, Source
from .schema import Prose, ProseRef

# The site's sections, in reading order; the theme shows these instead of every page.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("Home", "index.md"),
    ("Briefs", "briefs/index.md"),
    ("Claims", "claims/index.md"),
    ("Figures", "figures.md"),
    ("Timeline", "timeline.md"),
    ("Coverage", "coverage.md"),
    ("Map", "map.md"),
    ("Sources", "sources/index.md"),
    ("Entities", "entities/index.md"),
)
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
        date=date_html,
        date_text=format_date,
        humanise=humanise,
        plural=plural,
        amount=format_figure,
        quote_source=_quote_source,
        entity_name=_entity_name,
    )
    env.globals.update(SECTION_TITLES=SECTION_TITLES, plain=plain)
    return env


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

    def href(self, target: str) -> str:
        return relative(self.page, target)

    def target(self, kind: str, ident: str) -> str:
        if kind == "quote":
            return f"sources/{self.linked.quote_source.get(ident, '')}.md#q-{ident}"
        if kind == "metric":
            return f"figures.md#m-{ident}"
        if kind == "event":
            return f"timeline.md#{ident}"
        folder = {"brief": "briefs", "claim": "claims", "source": "sources",
                  "entity": "entities"}[kind]
        return f"{folder}/{ident}.md"

    def to(self, kind: str, ident: str) -> str:
        return self.href(self.target(kind, ident))

    def label(self, kind: str, ident: str) -> str:
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
        return link(label if label is not None else self.label(kind, ident),
                    self.to(kind, ident), css)

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


def plain(prose: Prose | None, linked: Linked) -> str:
    """Prose with references replaced by their labels, for titles and tables."""
    if prose is None:
        return ""
    links = Links("index.md", linked)
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


def coverage_tables(linked: Linked) -> list[CoverageTable]:
    """Sources by claims, oldest source first, split into tables of a few sources each."""
    ordered = sorted(linked.corpus.sources,
                     key=lambda s: (s.published.sort_key if s.published else (9999,), s.id))
    labels = [(f"S{n}", s) for n, s in enumerate(ordered, start=1)]
    cells: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for claim_id, stances in linked.stances.items():
        for st in stances:
            # The first passage for each stance; the claim page lists them all.
            cells[claim_id][st.source_id].setdefault(st.stance, st.quote.id)
    tables = []
    for first in range(0, len(labels), COVERAGE_COLUMNS):
        columns = tuple(labels[first:first + COVERAGE_COLUMNS])
        ids = [s.id for _, s in columns]
        rows = []
        for claim in linked.corpus.claims:
            found = {sid: tuple(cells[claim.id][sid].items()) for sid in ids
                     if sid in cells.get(claim.id, {})}
            if found:
                rows.append(CoverageRow(claim, found))
        if rows:
            tables.append(CoverageTable(columns, tuple(rows)))
    return tables


def stance_cell(stance: str, href: str) -> Markup:
    """A stance as a symbol and a word (never colour alone), linked to the passage."""
    symbol = STANCE_SYMBOLS[stance]
    label = Markup(f'<span aria-hidden="true">{symbol}</span> {attr(stance)}')
    return Markup(f"[{label}]({href}){{.stance .stance-{attr(stance)}}}")


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
    return Markup(f"{{#{attr(ident)}}}")


def html_anchor(ident: str) -> Markup:
    return Markup(f'<span class="anchor" id="{attr(ident)}"></span>')


def external(label: str, url: str) -> Markup:
    """A link off the site (an article's original address, validated as http/https)."""
    return Markup(f'<a class="external" href="{attr(url)}">{attr(label)}</a>')


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
    "external": external,
    "stance_cell": stance_cell,
    "source_column": source_column,
    "STANCE_SYMBOLS": STANCE_SYMBOLS,
    "inference": lambda: Markup('<span class="inference">Curator\'s inference</span>'),
    "curator_note": lambda: Markup('<span class="note-label">Curator\'s note:</span>'),
}


def _helpers(linked: Linked) -> dict[str, Any]:
    """Queries over the linked corpus that several templates share."""
    subjects = claim_subjects(linked)
    by_claimant: dict[str, list[Claim]] = defaultdict(list)
    for claim in linked.corpus.claims:
        if claim.claimant:
            by_claimant[claim.claimant.id].append(claim)
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for source in linked.corpus.sources:
        for quote in source.quotes:
            if quote.speaker:
                by_speaker[quote.speaker.id].append(quote)
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

    def contested() -> list[tuple[Claim, int, int]]:
        """Claims the sources split on (some support, some doubt), or that the curator
        rates disputed or refuted: (claim, sources for, sources against)."""
        out = []
        for claim in linked.corpus.claims:
            stances = linked.stances.get(claim.id, ())
            pro = {s.source_id for s in stances if s.stance in ("asserts", "reports")}
            con = {s.source_id for s in stances if s.stance in ("doubts", "refutes")}
            if (pro and con) or claim.status in ("disputed", "refuted"):
                out.append((claim, len(pro), len(con)))
        out.sort(key=lambda row: (-min(row[1], row[2]), -(row[1] + row[2]), row[0].id))
        return out

    def source_briefs(source: Source) -> list[str]:
        return sorted({b for q in source.quotes for b in linked.quote_cited_in.get(q.id, ())})

    def source_claims(source: Source) -> list[str]:
        return sorted({ref.id for q in source.quotes for _, ref in q.stances()})

    return {
        **_STATIC_HELPERS,
        "subjects": subjects,
        "entity_claims": lambda eid: by_claimant.get(eid, []),
        "entity_quotes": lambda eid: by_speaker.get(eid, []),
        "entity_doubts": entity_doubts,
        "contested": contested(),
        "entity_contradicts": entity_contradicts,
        "entities_by_kind": sorted(kinds.items()),
        "sources_by_date": dated + undated,
        "latest": (dated + undated)[:5],
        "glance": events[-12:],
        "brief_quotes": lambda bid: brief_citations(linked, bid),
        "claim_briefs": lambda cid: linked.claim_cited_in.get(cid, ()),
        "source_briefs": source_briefs,
        "claim_entities": claim_entities,
        "source_claims": source_claims,
    }


def front_matter(meta: Mapping[str, Any]) -> str:
    """YAML front matter, each value written as JSON (a subset of YAML's flow style) with
    markup characters escaped, so no curator text can end the block or reach the page as
    HTML. MkDocs hands it to the theme as `page.meta`."""
    if not meta:
        return ""
    lines = "".join(f"{key}: {dumps(value)}\n" for key, value in meta.items())
    return f"---\n{lines}---\n\n"


def render(linked: Linked, *, site_title: str = "Briefing",
           dates: ContentDates | None = None) -> dict[str, str]:
    env = environment()
    helpers = _helpers(linked)
    pages: dict[str, str] = {}
    updated = (dates or content_dates(linked)).updated

    def page(path: str, template: str, meta: Mapping[str, Any] | None = None,
             **context: Any) -> None:
        # `updated`: the content date, which the theme's sitemap gives as `lastmod`.
        dated = {"updated": updated[path].isoformat()} if path in updated else {}
        pages[path] = front_matter({**(meta or {}), **dated}) + env.get_template(template).render(
            L=Links(path, linked), lk=linked, site_title=site_title, **helpers, **context)

    page("index.md", "home.md.j2")
    page("briefs/index.md", "briefs_index.md.j2")
    page("claims/index.md", "claims_index.md.j2")
    page("sources/index.md", "sources_index.md.j2")
    page("entities/index.md", "entities_index.md.j2")
    page("figures.md", "figures.md.j2")
    page("timeline.md", "timeline.md.j2")
    page("coverage.md", "coverage.md.j2", tables=coverage_tables(linked))
    graph = build_graph(linked, lambda prose: plain(prose, linked))
    page("map.md", "map.md.j2", graph=graph, edge_lists=edge_lists(graph),
         EDGE_WORDS=EDGE_WORDS, PLURALS=PLURALS,
         map_svg=svg(graph, lambda kind, ident: Links("map.md", linked).to(kind, ident)))
    for brief in linked.corpus.briefs:
        citations = brief_citations(linked, brief.id)
        claims = sorted({ref.id for s in brief.sections for p in s.points for ref in p.claims})
        page(f"briefs/{brief.id}.md", "brief.md.j2", brief=brief, citations=citations,
             citation_number={q.id: n for n, q in enumerate(citations, start=1)},
             brief_claims=claims)
    for claim in linked.corpus.claims:
        page(f"claims/{claim.id}.md", "claim.md.j2", claim=claim,
             meta={"description": plain(claim.statement, linked),
                   "jsonld": claim_data(linked, claim, site_title=site_title)})
    for source in linked.corpus.sources:
        page(f"sources/{source.id}.md", "source.md.j2", source=source,
             blocks=highlighted_blocks(linked, source),
             originals=original_links(linked, source.id))
    for entity in linked.corpus.entities:
        page(f"entities/{entity.id}.md", "entity.md.j2", entity=entity,
             about=helpers["subjects"].get(entity.id, []))
    return pages

