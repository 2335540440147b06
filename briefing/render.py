"""Render stage: each planned page's template applied to its view, and nothing else.

The template sees its view's fields, the page's `L` (links made relative to the page) and
the environment's pure helpers; any other name is an error (`StrictUndefined`). So a
page's Markdown is a function of its path, template and view, and `PageCache` reuses a
page whose view is unchanged. Every link is a relative `.md#anchor` link so MkDocs
validates it.
"""

from __future__ import annotations

import functools
import itertools
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

import jinja2
from markupsafe import Markup

from .charts import chart_html, factor_words, sparkline
from .coverage import COVERAGE_COLUMNS, STANCE_SYMBOLS, stance_words
from .dates import ContentDates
from .focusmap import svg as focus_svg
from .hedges import Hedges
from .labels import Byline, describe_html
from .language import direction
from .link import Linked
from .markedwords import marked, unmarked
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
    relative,
    subject_mark,
    unstopped,
)
from .plan import PlannedPage, plan
from .views import PlanMemo, ProseView, Ref
from .views_items import CitingPoint
from .wording import Wording


def section_titles(words: Wording) -> Mapping[str, str]:
    """A brief's sections' headings, by the section's kind (which stays English in the
    anchors)."""
    return MappingProxyType({
        # Translators: a brief's section heading: the events it tells of.
        "what-happened": words.gettext("What happened"),
        # Translators: a brief's section heading: why the events are important.
        "why-it-matters": words.gettext("Why it matters"),
        # Translators: a brief's section heading: its key figures.
        "by-the-numbers": words.gettext("By the numbers"),
        # Translators: a brief's section heading: the caveats and the other side.
        "yes-but": words.gettext("Yes, but"),
        # Translators: a brief's section heading: what is expected to happen next.
        "whats-next": words.gettext("What's next"),
    })


SECTION_TITLES: Mapping[str, str] = MappingProxyType(dict(section_titles(Wording())))


def status_words(words: Wording) -> Mapping[str, str]:
    """The word shown for each claim status (in its badge): the statuses stay English in
    CSS classes and the data, only their words are translated."""
    return MappingProxyType({
        # Translators: a claim's status: one or more sources report it, none confirms it
        # independently (an adjective of "claim").
        "reported": words.gettext("reported"),
        # Translators: a claim's status: independent sources assert it (an adjective of
        # "claim").
        "corroborated": words.gettext("corroborated"),
        # Translators: a claim's status: sources disagree on it (an adjective of "claim").
        "disputed": words.gettext("disputed"),
        # Translators: a claim's status: shown to be false (an adjective of "claim").
        "refuted": words.gettext("refuted"),
        # Translators: a claim's status: replaced by a newer claim (an adjective of
        # "claim").
        "superseded": words.gettext("superseded"),
    })


def counted_status_words(words: Wording, count: int) -> Mapping[str, str]:
    """As `status_words`, beside a count of claims with the status ("2 disputed"), in the
    form that agrees with it ("2 contestées")."""
    # (Each context written out: the catalogs are extracted from literal calls only.)
    return MappingProxyType({
        # Translators: a claim status beside a count of claims with it ("2 reported"),
        # agreeing with the count.
        "reported": words.npgettext("counted", "reported", "reported", count),
        "corroborated": words.npgettext("counted", "corroborated", "corroborated", count),
        "disputed": words.npgettext("counted", "disputed", "disputed", count),
        "refuted": words.npgettext("counted", "refuted", "refuted", count),
        "superseded": words.npgettext("counted", "superseded", "superseded", count),
    })


def _shown(table: Mapping[str, str], value: str) -> str:
    """A value's shown words, or the value itself where the table has none."""
    return table.get(value, value)


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
                       kind_heading=lambda k: kind_heading(k, words=wording), by_year=by_year)
    words = wording or Wording()
    # A line of several messages, marked English once as a whole (`markedwords.py`).
    env.filters["english"] = lambda text: marked(str(text), {}, foreign=words.foreign)
    # A value that is Briefing's words alone (a status's summary, a heading), escaped.
    env.filters["english_text"] = lambda text: marked(_finalize(text), {},
                                                      foreign=words.foreign)
    env.globals.update(SECTION_TITLES=section_titles(words), **helpers(words),
                       **template_words(words))
    return env


def template_words(wording: Wording) -> dict[str, Any]:
    """`_(message, **values)` and `ngettext(singular, plural, count, **values)` for the
    templates: a message is Markdown, as the template's own text is; the values put into
    it are escaped as any value the template shows (`_finalize`), a count is a number."""
    def escaped(values: Mapping[str, Any]) -> dict[str, Any]:
        return {name: value if isinstance(value, int) else _finalize(value)
                for name, value in values.items()}

    def translated(message: str, **values: Any) -> Markup:
        return marked(wording.message(message), escaped(values), foreign=wording.foreign)

    def counted(singular: str, plural: str, count: int, **values: Any) -> Markup:
        return marked(wording.form(singular, plural, count),
                      {"num": count, **escaped(values)}, foreign=wording.foreign)

    return {"_": translated, "gettext": translated, "ngettext": counted}


@dataclass(frozen=True)
class Links:
    """Links as seen from one page: a link depends only on the page's folder and its
    target, so `memo`, shared by the pages of one render, makes each once."""

    page: str
    memo: dict[tuple[str, ...], Markup] = field(default_factory=dict, compare=False,
                                                repr=False)
    words: Wording | None = field(default=None, compare=False, repr=False)  # None: English

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
        words = self.words or Wording()
        titles = section_titles(words)
        return Markup(" · ").join(
            # Translators: a point of a brief, by its section and number: "What happened,
            # point 3".
            link(marked(md_escape(words.gettext("%(section)s, point %(num)d",
                                                section=titles[p.section], num=p.number)),
                        {}, foreign=words.foreign), self.href(p.target))
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


def stance_cell(stance: str, href: str, *, words: Wording | None = None) -> Markup:
    """A stance as a symbol and a word (never colour alone), linked to the passage."""
    symbol, wording = STANCE_SYMBOLS[stance], words or Wording()
    shown = _shown(stance_words(wording), stance)
    label = Markup(f'<span aria-hidden="true">{symbol}</span> '
                   f'{marked(attr(shown), {}, foreign=wording.foreign)}')
    return link(label, href, f"stance stance-{stance}")


def source_column(label: str, title: str, href: str, lang: str = "") -> Markup:
    """A short column label that screen readers announce with the source's title (in
    the source's language, `lang`, when it declares one)."""
    marks = f' lang="{attr(lang)}" dir="{direction(lang)}"' if lang else ""
    hidden = Markup(f'<span class="visually-hidden"{marks}>: ') + md_escape(title) + \
        Markup("</span>")
    return link(Markup(attr(label)) + hidden, href)


def stance_count(stance: str, count: int, first: bool, words: Wording) -> str:
    """How many sources take a stance, in words that agree with the count: the first of
    a stance bar's counts names the sources ("2 sources assert"), the next ones only
    their stance ("1 doubts")."""
    if first:
        return {
            # Translators: the first count of a claim's stance bar, "2 sources assert · 1
            # doubts": how many sources take this stance on the claim.
            "asserts": words.ngettext("%(num)d source asserts", "%(num)d sources assert",
                                      count),
            "reports": words.ngettext("%(num)d source reports", "%(num)d sources report",
                                      count),
            "doubts": words.ngettext("%(num)d source doubts", "%(num)d sources doubt",
                                     count),
            "refutes": words.ngettext("%(num)d source refutes", "%(num)d sources refute",
                                      count),
        }[stance]
    return {
        # Translators: after "2 sources assert · ", how many more sources take this stance
        # on the claim: "1 asserts", "3 assert".
        "asserts": words.ngettext("%(num)d asserts", "%(num)d assert", count),
        # Translators: after "2 sources assert · ", how many more sources take this stance
        # on the claim: "1 reports", "3 report".
        "reports": words.ngettext("%(num)d reports", "%(num)d report", count),
        # Translators: after "2 sources assert · ", how many more sources take this stance
        # on the claim: "1 doubts", "3 doubt".
        "doubts": words.ngettext("%(num)d doubts", "%(num)d doubt", count),
        # Translators: after "2 sources assert · ", how many more sources take this stance
        # on the claim: "1 refutes", "3 refute".
        "refutes": words.ngettext("%(num)d refutes", "%(num)d refute", count),
    }[stance]


def stance_bar(tally: tuple[tuple[str, int], ...], *, words: Wording | None = None
               ) -> Markup:
    """How many sources take each stance on a claim: a bar of one segment per stance,
    as wide as its count, drawn for the eye only, and the counts in words."""
    # A segment grows by 1 unless the stylesheet is told otherwise.
    segments = "".join(f'<span class="stance-{attr(st)}"'
                       + (f' style="flex-grow:{n}"' if n > 1 else "") + "></span>"
                       for st, n in tally)
    # "2 sources assert · 1 doubts": each stance word agrees with its count.
    wording = words or Wording()
    counts = marked(" · ".join(attr(stance_count(st, n, i == 0, wording))
                               for i, (st, n) in enumerate(tally)), {},
                    foreign=wording.foreign)
    return Markup(f'<span class="stance-bar"><span class="stance-bar-track" aria-hidden="true">'
                  f'{segments}</span> {counts}</span>')


def source_label(described: Byline | None, *, words: Wording | None = None) -> Markup:
    """The source's kind, outlet and author (`labels.describe`), beside its citations."""
    if described is None:
        return Markup("")
    return Markup(f'<span class="source-label">{describe_html(described, words=words)}</span>')


def lone_source(described: Byline | None, *, words: Wording | None = None) -> Markup:
    """A note on a key figure that rests on one AI-generated or unattributed source."""
    if described is None:
        return Markup("")
    wording = words or Wording()
    # Translators: beside a key figure of a brief; the source is described by its kind,
    # outlet and author: "Rests on a single source (AI-generated text)".
    note = marked(wording.gettext("Rests on a single source (%(source)s)"),
                  {"source": describe_html(described, capital=False, words=wording)},
                  foreign=wording.foreign)
    return Markup(f'<span class="lone-source">{note}</span>')


def figure_lead(text: str) -> Markup:
    """The number a "By the numbers" point leads with, qualifier and all, set large."""
    # The colon the curator wrote stays for reading without styles, hidden by them.
    return Markup('<strong class="figure-lead">') + md_escape(text, line_start=False) + \
        Markup('</strong><span class="visually-hidden">:</span>')


def claim_chip(status: str, title: str, *, words: Wording | None = None) -> Markup:
    """A claim as a chip's label: its status word, then its statement (cut short by the
    stylesheet, never in the page, so the whole statement is still there to read). The
    statement is the link's own text, with no element of its own: a brief repeats its
    chips, and each element would be repeated with them."""
    return badge(status, words=words) + Markup(" ") + md_escape(title, line_start=False)


def cell_label(text: str, short: bool = False) -> Markup:
    """A table cell's column name, shown inside the cell where a phone lays the table's
    rows out as cards (the theme's CSS; hidden otherwise). Screen readers skip it: they
    announce the column header. `short`: the cell's value is short, so on a phone it
    shares a line with the other short cells of its row."""
    css = "cell-label short" if short else "cell-label"
    words, marks = unmarked(text)
    return Markup(f'<span class="{css}" aria-hidden="true"{marks}>{attr(words)}</span> ')


def flag(text: str) -> Markup:
    """A warning word in a table ("yes", "2 disagreements")."""
    words, marks = unmarked(text)
    return Markup(f'<span class="flag"{marks}>{attr(words)}</span>')


def spread_factor(hedge: str, times: str, words: Wording) -> tuple[str, str]:
    """How many times a disagreement's highest amount is its lowest, hedged as the
    amounts' qualifiers make it (`views_lists.hedge`: "", "up to ", "at least ",
    "about "): shown (a multiplication sign and 20, after "up to") and read out ("(the
    highest is up to 20 times the lowest)")."""
    shown = {"": f"\u00d7{times}",
             # Translators: how many times the highest amount is the lowest, drawn
             # beside a bar: "up to", a multiplication sign and the number.
             "up to ": words.gettext("up to \u00d7%(times)s", times=times),
             # Translators: as "up to" and a multiplication sign: at least so many times.
             "at least ": words.gettext("at least \u00d7%(times)s", times=times),
             # Translators: as "up to" and a multiplication sign: about so many times.
             "about ": words.gettext("about \u00d7%(times)s", times=times)}
    read = {
        # Translators: read out after a disagreement's lowest and highest amounts.
        "": words.gettext("(the highest is %(times)s times the lowest)", times=times),
        "up to ": words.gettext("(the highest is up to %(times)s times the lowest)",
                                times=times),
        "at least ": words.gettext("(the highest is at least %(times)s times the lowest)",
                                   times=times),
        "about ": words.gettext("(the highest is about %(times)s times the lowest)",
                                times=times)}
    if hedge not in shown:  # (a hedge of other words: shown as it is)
        return (f"{hedge}\u00d7{times}",
                words.gettext("(the highest is %(times)s times the lowest)",
                              times=hedge + times))
    return shown[hedge], read[hedge]


def spread_bar(spread: Any, *, words: Wording | None = None) -> Markup:
    """A disagreement's lowest and highest amounts (qualifiers kept) on either side of a
    bar, and how many times the one the other is (`views_lists.Spread`)."""
    def part(css: str, text: str) -> Markup:
        return Markup(f'<span class="{css}" aria-hidden="true">') + \
            md_escape(text, line_start=False) + Markup("</span>")

    wording = words or Wording()
    shown, read = spread_factor(spread.hedge, attr(factor_words(spread.factor, wording)),
                                wording)
    # Read out as one phrase, so that a language can word it around a hedged amount
    # ("zwischen 294.000 $ und bis zu 6 Millionen $", not "bis bis zu").
    # Translators: read out for a disagreement's lowest and highest amounts, which may
    # carry their qualifiers: "$294,000 to up to $6 million".
    between = wording.gettext("%(low)s to %(high)s", low=attr(spread.low),
                              high=attr(spread.high))
    # All of it is Briefing's words: amounts and the factor between them.
    return (Markup(f'<span class="spread"{wording.marks}>') + part("spread-low", spread.low)
            + Markup('<span class="spread-bar" aria-hidden="true"></span>')
            + part("spread-high", spread.high)
            + Markup(f'<span class="visually-hidden">{between}</span>'
                     f' <span class="spread-factor"><span aria-hidden="true">{shown}'
                     f'</span><span class="visually-hidden">{read}'
                     '</span></span></span>'))


def removal_html(removal: Any, *, words: Wording | None = None) -> Markup:
    """One change the cleaning of a source's text made, with the text it removed."""
    wording = words or Wording()
    text = Markup(f"<code>{attr(removal.text)}</code>")
    what = {
        # Translators: a change the cleaning of a source's text made; %(text)s is the
        # text removed.
        "snippet": wording.gettext("line %(line)d, removed text: %(text)s",
                                   line=removal.line, text=text),
        # Translators: a change the cleaning of a source's text made; %(text)s is the
        # line dropped.
        "line": wording.gettext("line %(line)d, dropped line: %(text)s",
                                line=removal.line, text=text),
        # Translators: a change the cleaning of a source's text made; %(text)s is where a
        # missing space was put back.
        "repair": wording.gettext("line %(line)d, added a space: %(text)s",
                                  line=removal.line, text=text)}[removal.kind]
    return Markup(what)


def badge(status: str, *, words: Wording | None = None, count: int | None = None
          ) -> Markup:
    """A claim's status, as a badge: its class the status, its word translated (agreeing
    with `count`, when it stands beside a count of claims)."""
    words = words or Wording()
    table = status_words(words) if count is None else counted_status_words(words, count)
    shown = _shown(table, status)
    return Markup(f'<span class="status status-{attr(status)}"{words.marks}>{attr(shown)}</span>')


def cite(number: int, href: str, *, words: Wording | None = None) -> Markup:
    """A point's citation: its number in the "Quotes cited" list, named "Quote 3" for a
    screen reader, which would otherwise announce a bare "3"."""
    wording = words or Wording()
    # Translators: read out before a citation's number in a brief: "Quote 3".
    quote = attr(wording.gettext("Quote"))
    return link(Markup(f'<span class="visually-hidden"{wording.marks}>{quote} </span>')
                + str(number), href, "cite")


def tallies(statuses: tuple[tuple[str, int], ...], total: int, *, all_of_one: bool = True,
            words: Wording | None = None) -> Markup:
    """Claims counted by status, each count and its badge wrapping as one (`.tally`):
    "3 Disputed, 8 Reported"; with `all_of_one`, a single status reads "all Reported"."""
    wording = words or Wording()
    if all_of_one and len(statuses) == 1:
        (status, _), = statuses
        shown = badge(status, words=wording, count=total)
        if total > 1:
            # Translators: every claim of a topic has this status; %(status)s is the
            # status's badge: "all disputed".
            shown = Markup(wording.gettext("all %(status)s", status=shown))
        return Markup('<span class="tally">{}</span>').format(shown)
    return Markup(" ").join(
        Markup('<span class="tally">{} {}{}</span>').format(
            n, badge(status, words=wording, count=n), "," if k < len(statuses) - 1 else "")
        for k, (status, n) in enumerate(statuses))


def stance_badge(stance: str, *, words: Wording | None = None) -> Markup:
    """A source's stance on a claim: its class the stance, its word translated."""
    wording = words or Wording()
    shown = _shown(stance_words(wording), stance)
    return Markup(f'<span class="stance stance-{attr(stance)}"{wording.marks}>{attr(shown)}'
                  '</span>')


def helpers(words: Wording) -> dict[str, Any]:
    """The templates' helpers, those that show words giving them in `words`."""
    def inference() -> Markup:
        # Translators: a label before a brief's point that the curator inferred from the
        # sources, rather than found in them: it must still say it is an inference.
        label = words.gettext("Curator's inference")
        return Markup(f'<span class="inference"{words.marks}>{label}</span>')

    def curator_note() -> Markup:
        # Translators: a label before a note the site's curator wrote on a claim or a
        # source.
        label = words.gettext("Curator's note:")
        return Markup(f'<span class="note-label"{words.marks}>{label}</span>')

    worded = {name: functools.partial(helper, words=words)
              for name, helper in _WORDED.items()}
    # The words shown for a stance and a status, by value, for a template's own markup.
    return {**_HELPERS, **worded, "inference": inference, "curator_note": curator_note,
            "STANCE_WORDS": stance_words(words), "STATUS_WORDS": status_words(words)}


# The helpers that show words of their own, given the environment's (`helpers`).
_WORDED: Mapping[str, Any] = MappingProxyType({
    "badge": badge,
    "tallies": tallies,
    "stance": stance_badge,
    "removal": removal_html,
    "cite": cite,
    "chart": chart_html,
    "sparkline": sparkline,
    "focus_map": focus_svg,
    "subject_mark": subject_mark,
    "stance_cell": stance_cell,
    "stance_bar": stance_bar,
    "lone_source": lone_source,
    "source_label": source_label,
    "claim_chip": claim_chip,
    "spread_bar": spread_bar,
    "curly_quoted": curly_quoted,
})
_HELPERS: Mapping[str, Any] = MappingProxyType({
    "flag": flag,
    "hid": lambda ident: Markup(f"{{#{attr_token(ident)}}}"),
    "anchor": lambda ident: Markup(f'<span class="anchor" id="{attr(ident)}"></span>'),
    "label": cell_label,
    "link": link,
    "unstopped": unstopped,
    "attrs": attributes,
    "external": external_link,
    "source_column": source_column,
    "figure_lead": figure_lead,
    "STANCE_SYMBOLS": STANCE_SYMBOLS,
    "COVERAGE_COLUMNS": COVERAGE_COLUMNS,
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
        return {page.path: page.front + render_page(page, Links(page.path, memo, wording),
                                                    env)
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
            body = render_page(page, Links(page.path, memo, page_cache.wording),
                               page_cache.env)
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
    if wording is not None and wording.key != page_cache.wording.key:
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
