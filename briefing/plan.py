"""Plan stage: every page of the site as a path, a template and a view, from the linked
corpus alone. Pure: the same linked corpus, title and dates give equal plans, and the
render (`render.py`) makes each page from its template and view only.

Pages are planned as the render asks for them, not all first: a one-shot build then
holds one page's view at a time, not every view of the site (about 330 MB at 10,000
sources). `mkdocs serve` keeps the views anyway, to reuse equal pages (`PageCache`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .coverage import coverage_views
from .dates import ContentDates, content_dates, written
from .hedges import Hedges
from .jsonld import claim_data, dumps
from .labels import describe
from .link import Linked
from .model import Claim
from .paths import FIGURES, HOME, MAP, index_path, map_path, page_path
from .views import PlanMemo, Queries, attribution
from .views_items import (
    ClaimView,
    brief_view,
    claim_entries,
    claim_view,
    entity_views,
    source_view,
)
from .views_lists import (
    FiguresView,
    Listing,
    TopicView,
    briefs_index_view,
    claim_listings,
    claim_rows,
    entities_index_view,
    event_pages,
    focus_map_view,
    home_view,
    key_figure,
    map_claims,
    map_index_view,
    metric_views,
    source_listings,
    timeline_listings,
    topic_views,
    topics_index_view,
)
from .wording import Wording


@dataclass(frozen=True)
class PlannedPage:
    path: str
    template: str
    view: Any  # a frozen view dataclass (`views*.py`, `coverage.py`)
    front: str  # the page's front matter: metadata for the theme, not for the template


class Dumped(str):
    """A value already written as front matter JSON (`jsonld.dumps`)."""


# `page(path, template, view, dated_as=None, **meta)`: a planned page, dated.
PageMaker = Callable[..., PlannedPage]


def front_matter(meta: Mapping[str, Any]) -> str:
    """YAML front matter, each value written as JSON (a subset of YAML's flow style) with
    markup characters escaped, so no curator text can end the block or reach the page as
    HTML. MkDocs hands it to the theme as `page.meta`."""
    if not meta:
        return ""
    lines = "".join(f"{key}: {value if isinstance(value, Dumped) else dumps(value)}\n"
                    for key, value in meta.items())
    return f"---\n{lines}---\n\n"


def plan(linked: Linked, *, site_title: str = "Briefing", dates: ContentDates | None = None,
         memo: PlanMemo | None = None, hedges: Hedges | None = None,
         wording: Wording | None = None) -> Iterator[PlannedPage]:
    """Every page, in a stable order: the sections first, then each item's pages, each
    planned when asked for. `memo`, kept across the rebuilds of `mkdocs serve`, spares
    work on what did not change; it is ready for the next build once every page was
    asked for. `hedges`: the site's hedge words, which a map's cut claim label keeps.
    `wording`: the pages' own words (English without one); a `memo` keeps pages in one
    language only (`render.PageCache`)."""
    q = Queries(linked, event_pages(list(linked.timeline)), memo or PlanMemo(keep=False),
                hedges or Hedges(), wording or Wording())
    if q.memo.keep:
        q.begin(site_title)
    days = dict((dates or content_dates(linked)).updated)
    # Most pages share their front matter; a claim's stays while its values do.
    fronts, fronts_now = q.memo.fronts, q.memo.fronts_now

    def page(path: str, template: str, view: Any, dated_as: str | None = None,
             **meta: Any) -> PlannedPage:
        # `updated`: the content date, which the theme's sitemap gives as `lastmod`, as
        # written ("2025-09" is not "2025-09-01"). A later page of a paged listing is
        # dated as its first page (`dated_as`).
        day = days.get(dated_as or path)
        key = (*meta.items(), *((("updated", written(day)),) if day else ()))
        front = fronts_now.get(key)
        if front is None:
            front = fronts.get(key) or front_matter(dict(key))
            fronts_now[key] = front
        return PlannedPage(path, template, view, front)

    yield from _sections(q, page, days, site_title)
    yield from _items(q, page, site_title)
    q.memo.next_build(linked, site_title, q.event_pages)


def _sections(q: Queries, page: PageMaker, days: dict[str, Any], site_title: str
              ) -> Iterator[PlannedPage]:
    figures = tuple(key_figure(q, ledger) for ledger in q.linked.ledger)
    # The home page shows the first of the topics index's rows.
    rows = claim_rows(q)
    topics = topic_views(q, rows)
    index = topics_index_view(topics)
    yield page(HOME, "home.md.j2", home_view(q, site_title, days, figures, index.rows))
    yield page(index_path("brief"), "briefs_index.md.j2", briefs_index_view(q))
    yield from _listing(page, "claims_index.md.j2", claim_listings(rows))
    yield page(index_path("topic"), "topics_index.md.j2", index)
    yield from _topics(q, page, topics)
    yield from _listing(page, "sources_index.md.j2", source_listings(q))
    yield page(index_path("entity"), "entities_index.md.j2", entities_index_view(q))
    metrics = [metric_views(q, ledger) for ledger in q.linked.ledger]
    yield page(FIGURES, "figures.md.j2", FiguresView(tuple(
        (figure, len(views)) for figure, views in zip(figures, metrics, strict=True))))
    for views in metrics:
        for view in views:
            # Translators: a metric's page described: its name, then its values counted.
            yield page(view.pager.path, "metric.md.j2", view, dated_as=view.pager.paths[0],
                       description=q.words.gettext("%(metric)s: %(counted)s.",
                                                   metric=view.title, counted=view.counted))
    yield from _listing(page, "timeline.md.j2", timeline_listings(q))
    for path, coverage, source_ids in coverage_views(q):
        # A block is dated by the newest of its sources: they are what its tables show.
        shown = [days[p] for p in (page_path("source", s) for s in source_ids) if p in days]
        if shown:
            days[path] = max(shown)
        yield page(path, "coverage.md.j2", coverage)
    claims = map_claims(q)
    yield page(MAP, "map.md.j2", map_index_view(q, claims))
    for (kind, ident), claim_ids in claims.items():
        focus = focus_map_view(q, kind, ident, claim_ids)
        yield page(map_path(kind, ident), "focus_map.md.j2", focus,
                   description=f"{focus.label}.")


def _topics(q: Queries, page: PageMaker, topics: list[list[TopicView]]
            ) -> Iterator[PlannedPage]:
    for views in topics:
        first = views[0]
        # Translators: a topic's page described: the topic, then its claims by status.
        described = q.words.gettext("%(topic)s: %(standing)s.", topic=first.topic.label,
                                    standing=standing(first, words=q.words))
        for view in views:
            yield page(view.pager.path, "topic.md.j2", view, dated_as=first.pager.path,
                       description=described)


def standing(view: TopicView, *, words: Wording | None = None) -> str:
    """A topic's claims counted by status, in words: "10 claims, all reported"."""
    words = words or Wording()  # (English: the messages as written)
    counted = words.ngettext("%(num)d claim", "%(num)d claims", view.total)
    if len(view.statuses) == 1:
        return all_of_status(words, view.total, counted).get(view.statuses[0][0], counted)
    by_status = ", ".join(status_count(words, n).get(status, f"{n} {status}")
                          for status, n in view.statuses)
    # Translators: a topic's claims counted, then by status: "10 claims (3 disputed, …)".
    return words.gettext("%(claims)s (%(statuses)s)", claims=counted, statuses=by_status)


def all_of_status(words: Wording, total: int, counted: str) -> dict[str, str]:
    """"1 claim, reported", "10 claims, all reported" (`counted`: the claims counted), by
    the status they all have."""
    # Translators: a topic's claims, all of one status: "1 claim, reported", "10 claims,
    # all reported"; "%(claims)s" is "%(num)d claims", the status agrees with claims.
    return {
        "reported": words.ngettext("%(claims)s, reported", "%(claims)s, all reported",
                                   total, claims=counted),
        "corroborated": words.ngettext("%(claims)s, corroborated",
                                       "%(claims)s, all corroborated", total, claims=counted),
        "disputed": words.ngettext("%(claims)s, disputed", "%(claims)s, all disputed",
                                   total, claims=counted),
        "refuted": words.ngettext("%(claims)s, refuted", "%(claims)s, all refuted",
                                  total, claims=counted),
        "superseded": words.ngettext("%(claims)s, superseded", "%(claims)s, all superseded",
                                     total, claims=counted)}


def status_count(words: Wording, n: int) -> dict[str, str]:
    """"3 disputed": how many of a topic's claims have each status."""
    # Translators: how many claims have a status: "3 disputed" (claims).
    return {"reported": words.ngettext("%(num)d reported", "%(num)d reported", n),
            "corroborated": words.ngettext("%(num)d corroborated", "%(num)d corroborated", n),
            "disputed": words.ngettext("%(num)d disputed", "%(num)d disputed", n),
            "refuted": words.ngettext("%(num)d refuted", "%(num)d refuted", n),
            "superseded": words.ngettext("%(num)d superseded", "%(num)d superseded", n)}


def _listing(page: PageMaker, template: str, parts: list[Listing]) -> Iterator[PlannedPage]:
    for part in parts:
        yield page(part.pager.path, template, part, dated_as=part.pager.paths[0])


def _items(q: Queries, page: PageMaker, site_title: str) -> Iterator[PlannedPage]:
    corpus = q.linked.corpus
    # `description`: the page's own summary, which the theme gives as the description and
    # the og:/twitter: sharing tags (no page gets a summary the corpus does not hold; a
    # source, a metric and a map are described by what their pages count).
    for brief in corpus.briefs:
        yield page(page_path("brief", brief.id), "brief.md.j2", brief_view(q, brief.id),
                   description=q.plain(brief.summary))
    for claim in corpus.claims:
        shown, description, jsonld = _claim_page(q, claim, site_title)
        # `status`: the theme's search filter (`sitesearch.py`).
        yield page(page_path("claim", claim.id), "claim.md.j2", shown,
                   description=description, status=claim.status, jsonld=jsonld)
    for source in corpus.sources:
        passages = q.words.ngettext("%(num)d quoted passage", "%(num)d quoted passages",
                                    len(source.quotes))
        yield page(page_path("source", source.id), "source.md.j2", source_view(q, source.id),
                   description=f"{describe(source, words=q.words)} · {passages}.")
    for entity in corpus.entities:
        about = {"description": q.plain(entity.description)} if entity.description else {}
        for view in entity_views(q, entity.id):
            yield page(view.pager.path, "entity.md.j2", view,
                       dated_as=page_path("entity", entity.id), **about)


def _claim_page(q: Queries, claim: Claim, site_title: str
                ) -> tuple[ClaimView, str, Dumped]:
    """The claim's view and metadata (`jsonld.claim_data` reads the claim, its stances,
    their sources and the entities it names: a part of what its view is made from)."""
    def make() -> tuple[ClaimView, str, Dumped]:
        return (claim_view(q, claim.id),
                # Translators: a claim's page described: whose claim it is ("Claimed by
                # Jane Doe", which may itself be written as a label and a colon), then the
                # claim.
                q.words.gettext("%(who)s: %(claim)s",
                                who=attribution(q.linked, claim, words=q.words),
                                claim=q.plain(claim.statement)),
                Dumped(dumps(claim_data(q.linked, claim, site_title=site_title,
                                        plain=q.plain))))

    return q.reuse(q.memo.claim_pages, claim.id, make, lambda: claim_entries(q, claim.id))
