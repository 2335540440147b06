"""Render stage: each planned page's template applied to its view, and nothing else.

The template sees its view's fields, the page's `L` (links made relative to the page) and
the environment's pure helpers; any other name is an error (`StrictUndefined`). So a
page's Markdown is a function of its path, template and view, and `PageCache` reuses a
page whose view is unchanged. Every link is a relative `.md#anchor` link so MkDocs
validates it.
"""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

import jinja2
from markupsafe import Markup

from .charts import chart_svg, sparkline
from .coverage import COVERAGE_COLUMNS, STANCE_SYMBOLS
from .dates import ContentDates
from .focusmap import svg as focus_svg
from .hedges import Hedges
from .link import Linked
from .markup import (
    attr,
    attr_token,
    attributes,
    curly_quoted,
    date_html,
    external_link,
    format_date,
    humanise,
    kind_heading,
    link,
    md_escape,
    plural,
    relative,
    unstopped,
)
from .plan import PlannedPage, plan
from .views import PlanMemo, ProseView, Ref
from .views_items import CitingPoint
from .wording import Wording

SECTION_TITLES: Mapping[str, str] = MappingProxyType({
    "what-happened": "What happened",
    "why-it-matters": "Why it matters",
    "by-the-numbers": "By the numbers",
    "yes-but": "Yes, but",
    "whats-next": "What's next",
})


def _finalize(value: Any) -> Any:
    # Escape by default: only Markup (built by the helpers below) passes through as is.
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return md_escape(str(value), line_start=False)


def by_year(entries: Iterable[Any]) -> list[tuple[int | None, list[Any]]]:
    """Timeline entries, in the order given, grouped by year: Jinja's `groupby` sorts by
    the year, and an unknown one (None, sorted last by the timeline) cannot be compared
    with a number."""
    return [(year, list(group))
            for year, group in itertools.groupby(entries, key=lambda e: e.when.year)]


def environment(wording: Wording | None = None) -> jinja2.Environment:
    """A template environment, its words in `wording`'s language (English without one).
    Its helpers are pure, and what it keeps (compiled templates) depends only on the
    templates shipped in the package and the words; it is made per render, or kept in the
    render's store (`PageCache`) by `mkdocs serve`, never held by the module."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("briefing", "templates"),
        finalize=_finalize,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(date=lambda d: date_html(d, words=wording),
                       date_text=lambda d: format_date(d, words=wording), humanise=humanise,
                       kind_heading=lambda k: kind_heading(k, words=wording), by_year=by_year,
                       plural=plural)
    env.globals.update(SECTION_TITLES=SECTION_TITLES, **_HELPERS,
                       **template_words(wording or Wording()))
    return env


def template_words(wording: Wording) -> dict[str, Any]:
    """`_(message, **values)` and `ngettext(singular, plural, count, **values)` for the
    templates: a message is Markdown, as the template's own text is; the values put into
    it are escaped as any value the template shows (`_finalize`), a count is a number."""
    def escaped(values: Mapping[str, Any]) -> dict[str, Any]:
        return {name: value if isinstance(value, int) else _finalize(value)
                for name, value in values.items()}

    def translated(message: str, **values: Any) -> Markup:
        text = wording.translations.gettext(message)
        return Markup(text % escaped(values) if values else text)

    def counted(singular: str, plural: str, count: int, **values: Any) -> Markup:
        text = wording.translations.ngettext(singular, plural, count)
        return Markup(text % {"num": count, **escaped(values)})

    return {"_": translated, "gettext": translated, "ngettext": counted}


@dataclass(frozen=True)
class Links:
    """Links as seen from one page: a link depends only on the page's folder and its
    target, so `memo`, shared by the pages of one render, makes each once."""

    page: str
    memo: dict[tuple[str, ...], Markup] = field(default_factory=dict, compare=False,
                                                repr=False)

    def href(self, target: str) -> str:
        return relative(self.page, target)

    def a(self, ref: Ref, label: str | None = None, css: str = "") -> Markup:
        key = (posixpath.dirname(self.page), ref.target, ref.label if label is None
               else label, css, ref.lang)
        made = self.memo.get(key)
        if made is None:
            made = self.memo[key] = link(key[2], self.href(ref.target), css, ref.lang)
        return made

    def points(self, points: Iterable[CitingPoint]) -> Markup:
        """Brief points as links, "What happened, point 3 · Yes, but, point 1": where a
        source's passage or a claim is shown in a brief."""
        return Markup(" · ").join(
            link(f"{SECTION_TITLES[p.section]}, point {p.number}", self.href(p.target))
            for p in points)

    def prose(self, prose: ProseView | None) -> Markup:
        if prose is None:
            return Markup("")
        out = []
        for index, part in enumerate(prose):
            if isinstance(part, Ref):
                out.append(self.a(part))
            else:
                out.append(md_escape(part, line_start=index == 0))
        return Markup("".join(out))


def stance_cell(stance: str, href: str) -> Markup:
    """A stance as a symbol and a word (never colour alone), linked to the passage."""
    symbol = STANCE_SYMBOLS[stance]
    label = Markup(f'<span aria-hidden="true">{symbol}</span> {attr(stance)}')
    return link(label, href, f"stance stance-{stance}")


def source_column(label: str, title: str, href: str) -> Markup:
    """A short column label that screen readers announce with the source's title."""
    hidden = Markup('<span class="visually-hidden">: ') + md_escape(title) + \
        Markup("</span>")
    return link(Markup(attr(label)) + hidden, href)


def stance_bar(tally: tuple[tuple[str, int], ...]) -> Markup:
    """How many sources take each stance on a claim: a bar of one segment per stance,
    as wide as its count, drawn for the eye only, and the counts in words."""
    # A segment grows by 1 unless the stylesheet is told otherwise.
    segments = "".join(f'<span class="stance-{attr(st)}"'
                       + (f' style="flex-grow:{n}"' if n > 1 else "") + "></span>"
                       for st, n in tally)
    # "2 sources assert · 1 doubts": each stance word agrees with its count.
    words = " · ".join(f"{n}{(' source' if n == 1 else ' sources') if i == 0 else ''} "
                       f"{attr(st if n == 1 else st[:-1])}" for i, (st, n) in enumerate(tally))
    return Markup(f'<span class="stance-bar"><span class="stance-bar-track" aria-hidden="true">'
                  f'{segments}</span> {words}</span>')


def source_label(described: str | None) -> Markup:
    """The source's kind, outlet and author (`labels.describe`), beside its citations."""
    if described is None:
        return Markup("")
    return Markup(f'<span class="source-label">{md_escape(described)}</span>')


def lone_source(described: str | None) -> Markup:
    """A note on a key figure that rests on one AI-generated or unattributed source."""
    if described is None:
        return Markup("")
    return Markup(f'<span class="lone-source">Rests on a single source ({md_escape(described)})'
                  "</span>")


def figure_lead(text: str) -> Markup:
    """The number a "By the numbers" point leads with, qualifier and all, set large."""
    # The colon the curator wrote stays for reading without styles, hidden by them.
    return Markup('<strong class="figure-lead">') + md_escape(text, line_start=False) + \
        Markup('</strong><span class="visually-hidden">:</span>')


def claim_chip(status: str, title: str) -> Markup:
    """A claim as a chip's label: its status word, then its statement (cut short by the
    stylesheet, never in the page, so the whole statement is still there to read). The
    statement is the link's own text, with no element of its own: a brief repeats its
    chips, and each element would be repeated with them."""
    return Markup(f'<span class="status status-{attr(status)}">{attr(status)}</span> ') + \
        md_escape(title, line_start=False)


def cell_label(text: str, short: bool = False) -> Markup:
    """A table cell's column name, shown inside the cell where a phone lays the table's
    rows out as cards (the theme's CSS; hidden otherwise). Screen readers skip it: they
    announce the column header. `short`: the cell's value is short, so on a phone it
    shares a line with the other short cells of its row."""
    css = "cell-label short" if short else "cell-label"
    return Markup(f'<span class="{css}" aria-hidden="true">{attr(text)}</span> ')


def spread_bar(spread: Any) -> Markup:
    """A disagreement's lowest and highest amounts (qualifiers kept) on either side of a
    bar, and how many times the one the other is (`views_lists.Spread`)."""
    def part(css: str, text: str) -> Markup:
        return Markup(f'<span class="{css}">') + md_escape(text, line_start=False) + \
            Markup("</span>")

    return (Markup('<span class="spread">') + part("spread-low", spread.low)
            + Markup('<span class="spread-bar" aria-hidden="true"></span>'
                     '<span class="visually-hidden"> to </span>')
            + part("spread-high", spread.high)
            + Markup(f' <span class="spread-factor"><span aria-hidden="true">{spread.hedge}'
                     f'\u00d7{attr(spread.factor)}</span><span class="visually-hidden">(the '
                     f'highest is {spread.hedge}{attr(spread.factor)} times the lowest)'
                     '</span></span></span>'))


def removal_html(removal: Any) -> Markup:
    what = {"snippet": "removed text", "line": "dropped line",
            "repair": "added a space"}[removal.kind]
    return Markup(f"line {removal.line}, {what}: <code>{attr(removal.text)}</code>")


def badge(status: str) -> Markup:
    return Markup(f'<span class="status status-{attr(status)}">{attr(status)}</span>')


def cite(number: int, href: str) -> Markup:
    """A point's citation: its number in the "Quotes cited" list, named "Quote 3" for a
    screen reader, which would otherwise announce a bare "3"."""
    return link(Markup('<span class="visually-hidden">Quote </span>') + str(number), href,
                "cite")


def tallies(statuses: tuple[tuple[str, int], ...], total: int, *, all_of_one: bool = True
            ) -> Markup:
    """Claims counted by status, each count and its badge wrapping as one (`.tally`):
    "3 Disputed, 8 Reported"; with `all_of_one`, a single status reads "all Reported"."""
    if all_of_one and len(statuses) == 1:
        (status, _), = statuses
        return Markup('<span class="tally">{}{}</span>').format(
            "all " if total > 1 else "", badge(status))
    return Markup(" ").join(
        Markup('<span class="tally">{} {}{}</span>').format(
            n, badge(status), "," if k < len(statuses) - 1 else "")
        for k, (status, n) in enumerate(statuses))


_HELPERS: Mapping[str, Any] = MappingProxyType({
    "badge": badge,
    "tallies": tallies,
    "stance": lambda st: Markup(f'<span class="stance stance-{attr(st)}">{attr(st)}</span>'),
    "flag": lambda text: Markup(f'<span class="flag">{attr(text)}</span>'),
    "hid": lambda ident: Markup(f"{{#{attr_token(ident)}}}"),
    "anchor": lambda ident: Markup(f'<span class="anchor" id="{attr(ident)}"></span>'),
    "removal": removal_html,
    "label": cell_label,
    "link": link,
    "cite": cite,
    "unstopped": unstopped,
    "curly_quoted": curly_quoted,
    "attrs": attributes,
    "chart": chart_svg,
    "sparkline": sparkline,
    "focus_map": focus_svg,
    "external": external_link,
    "stance_cell": stance_cell,
    "stance_bar": stance_bar,
    "source_column": source_column,
    "source_label": source_label,
    "lone_source": lone_source,
    "figure_lead": figure_lead,
    "claim_chip": claim_chip,
    "spread_bar": spread_bar,
    "STANCE_SYMBOLS": STANCE_SYMBOLS,
    "COVERAGE_COLUMNS": COVERAGE_COLUMNS,
    "inference": lambda: Markup('<span class="inference">Curator\'s inference</span>'),
    "curator_note": lambda: Markup('<span class="note-label">Curator\'s note:</span>'),
})


@dataclass
class PageCache:
    """The last render's pages, each with its template and view: kept by `mkdocs serve`,
    so a rebuild renders again only the pages whose views changed. Only the last render's
    pages are kept, so it does not grow with edits."""

    # The words of every page it keeps: a site that changes its language starts a new
    # cache (`pipeline.py`).
    wording: Wording = field(default_factory=Wording)
    # path -> (template, view, body, front matter and body)
    pages: dict[str, tuple[str, Any, str, str]] = field(default_factory=dict)
    memo: PlanMemo = field(default_factory=PlanMemo)
    # Compiles each template once, for as long as the cache lives (a failed build's
    # `BuildCache.reset` starts a new one).
    env: jinja2.Environment = field(init=False)

    def __post_init__(self) -> None:
        self.env = environment(self.wording)
    # The last render's inputs and output: the same linked corpus (frozen, compared by
    # identity), title and dates give the same pages, as plan and render are pure.
    last: tuple[Linked, str, ContentDates | None, dict[str, str], Hedges] | None = None


def render_page(page: PlannedPage, links: Links, env: jinja2.Environment) -> str:
    """The page's body: its template applied to its view's fields, and `L`."""
    view = page.view
    context = {f.name: getattr(view, f.name) for f in fields(view)}
    return env.get_template(page.template).render(L=links, **context)


def render_planned(pages: Iterable[PlannedPage], page_cache: PageCache | None = None,
                   wording: Wording | None = None) -> dict[str, str]:
    """Each page's Markdown, front matter and body, rendered as it is planned. Only
    `mkdocs serve` (`page_cache`) keeps the views and bodies, for its next render; a
    one-shot build lets each go once its page is made. The words are `page_cache`'s, or
    else `wording`'s."""
    memo: dict[tuple[str, ...], Markup] = {}
    if page_cache is None:
        env = environment(wording)
        return {page.path: page.front + render_page(page, Links(page.path, memo), env)
                for page in pages}
    last = page_cache.pages
    kept: dict[str, tuple[str, Any, str, str]] = {}
    out: dict[str, str] = {}
    for page in pages:
        before = last.get(page.path)
        # A page is its template applied to its view: an equal view, an equal page.
        if before is not None and before[0] == page.template \
                and (before[1] is page.view or before[1] == page.view):
            body, whole = before[2], before[3]
            if not whole.startswith(page.front) or len(whole) != len(page.front) + len(body):
                whole = page.front + body
        else:
            body = render_page(page, Links(page.path, memo), page_cache.env)
            whole = page.front + body
        kept[page.path] = (page.template, page.view, body, whole)
        out[page.path] = whole
    page_cache.pages = kept
    return out


def render(linked: Linked, *, site_title: str = "Briefing",
           dates: ContentDates | None = None, page_cache: PageCache | None = None,
           hedges: Hedges | None = None, wording: Wording | None = None) -> dict[str, str]:
    """Every page's Markdown. Its words are `wording`'s, or `page_cache`'s when it is
    given (the two must then agree: a new language needs a new cache)."""
    hedges = hedges or Hedges()
    if page_cache is None:
        return render_planned(plan(linked, site_title=site_title, dates=dates, hedges=hedges,
                                   wording=wording), wording=wording)
    if wording is not None and wording.language != page_cache.wording.language:
        raise ValueError("the page cache holds pages in another language")
    last = page_cache.last
    if last is not None and last[0] is linked and last[1] == site_title and last[2] is dates \
            and last[4] == hedges:
        return dict(last[3])  # nothing any page shows changed (an idle or no-op rebuild)
    page_cache.last = None  # a render that stops midway leaves nothing to reuse
    pages = render_planned(plan(linked, site_title=site_title, dates=dates,
                                memo=page_cache.memo, hedges=hedges,
                                wording=page_cache.wording), page_cache)
    page_cache.last = (linked, site_title, dates, dict(pages), hedges)
    return pages
