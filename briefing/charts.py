"""A metric's values drawn on one axis, as inline SVG made at build time.

Pure functions of a `Chart` (the values of one metric in one unit, as the page shows them):
the same chart gives the same text. A chart never mixes units: a metric reported in two
units gets two charts. The scale is logarithmic when the values span two orders of
magnitude or more (`LOG_SPAN`), and the axis says so.

The full chart is a row per value: its words in HTML, which wrap on a narrow screen
whatever the language or the subject's name, over a picture drawn in percentages of the
width, so it fills a phone's or a desktop's column. Each row is a Markdown link (as the
map's nodes are), so MkDocs resolves and checks it like any other link. A value keeps its
qualifier: "up to" and "under" are drawn as a bound open towards the low end, "over" and
"at least" towards the high end, "about" as a hollow mark, a range as a bar.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_compact_decimal, get_currency_name, is_currency
from markupsafe import Markup

from .markedwords import marked, marked_whole
from .markup import CURRENCY, attr, md_escape
from .wording import ENGLISH, Wording

LOG_SPAN = 100  # max / min from which the scale is logarithmic
# Layout of the full chart's pictures, in CSS pixels: their words are HTML, which wraps.
TRACK = 22  # a row's picture
MID = TRACK // 2
FONT = 13  # the axis's numbers
PAD = 3.0  # per cent of the width kept clear at each end, so end marks are whole
AXIS = 22
# The sparkline, in its own user units.
SPARK_W, SPARK_H = 96, 16
# The languages whose currency names CLDR capitalises as a list's entries ("Dólares
# americanos"), which a sentence writes in small letters.
LISTED_CAPITALISED = frozenset({"pt"})

LOW_OPEN = frozenset({"up-to", "under"})
HIGH_OPEN = frozenset({"over", "at-least"})
_SHORT = ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "B"), (Decimal(10) ** 6, "M"),
          (Decimal(10) ** 3, "k"))


@dataclass(frozen=True)
class ChartValue:
    """One value as the chart shows it: its amount as written (qualifier included), what
    it is about, its numbers and the claim it comes from."""

    label: str
    subject: str | None
    low: Decimal
    high: Decimal
    qualifier: str
    target: str  # docs-relative link target
    disputed: bool  # another value for the same subject differs


@dataclass(frozen=True)
class ChartSpread:
    """Values for one subject that disagree: their extremes, as written."""

    subject: str | None
    low_label: str
    high_label: str
    low: Decimal
    high: Decimal
    hedge: str = ""  # "up to ", "at least ", "about ": what the extremes' qualifiers make of
    # the factor between them (`views_lists.hedge`)


@dataclass(frozen=True)
class Chart:
    title: str  # the metric's name
    unit: str
    values: tuple[ChartValue, ...]
    spreads: tuple[ChartSpread, ...]


@dataclass(frozen=True)
class Scale:
    log: bool
    lo: float
    hi: float
    ticks: tuple[tuple[float, str], ...]  # (value, label)

    def at(self, value: float) -> float:
        """A value's place on the axis, 0 to 1."""
        if self.log:
            value = max(value, self.lo)
            pos = (math.log10(value) - math.log10(self.lo)) / \
                (math.log10(self.hi) - math.log10(self.lo))
        else:
            pos = (value - self.lo) / (self.hi - self.lo) if self.hi != self.lo else 0.5
        return min(max(pos, 0.0), 1.0)


def factor(spread: ChartSpread) -> str | None:
    """How many times the highest value is the lowest, rounded as a reader would say it,
    or None when the lowest is not above zero."""
    if spread.low <= 0:
        return None
    ratio = spread.high / spread.low
    if ratio >= 10:
        return f"{ratio.quantize(Decimal(1)):,}"
    return format(ratio.quantize(Decimal("0.1")).normalize(), "f")


def factor_words(times: str, words: Wording | None = None) -> str:
    """A factor as `factor` writes it ("1,234", "3.9"), written as the language writes
    numbers ("1 234", "3,9")."""
    if words is None or words.english:
        return times
    return words.number(Decimal(times.replace(",", "")))


def short_number(value: Decimal, unit: str, *, words: Wording | None = None) -> str:
    """A tick label: 100k, $1M, 2.5B; in another language, the number as CLDR abbreviates
    it ("2,5 Md", "2,5 Mrd."; in the site's region where it abbreviates otherwise, "2,5 G"
    in Quebec, `Wording.ticks`), with no currency: the axis's title names the unit, and a
    currency's sign made the labels of a phone's axis run into each other. Where CLDR has no
    short form (German thousands), the number is written whole, grouped ("100.000")."""
    if words is not None and words.locale is not None:
        short = format_compact_decimal(value, format_type="short",
                                       locale=words.ticks or words.locale, fraction_digits=3)
        return words.number(value) if short.lstrip("-").isdigit() else short
    number = format(value.normalize(), "f")
    for size, word in _SHORT:
        if abs(value) >= size:
            number = format((value / size).normalize(), "f") + word
            break
    symbol = CURRENCY.get(unit.upper())
    return f"{symbol}{number}" if symbol else number


def _nice_step(span: Decimal) -> Decimal:
    """A step of 1, 2 or 5 times a power of ten giving at most five intervals."""
    exponent = Decimal(10) ** (max(span, Decimal("1e-12")).adjusted() - 1)
    for mantissa in (1, 2, 5, 10, 20, 50, 100):
        if span / (exponent * mantissa) <= 5:
            return exponent * mantissa
    return exponent * 100


def scale(chart: Chart, *, words: Wording | None = None) -> Scale:
    lows = [v.low for v in chart.values] or [Decimal(0)]
    highs = [v.high for v in chart.values] or [Decimal(1)]
    low, high = min(lows), max(highs)
    if low > 0 and high / low >= LOG_SPAN:
        first, last = math.floor(low.log10()), math.ceil(high.log10())
        if first == last:
            last += 1
        step = max(1, math.ceil((last - first) / 5))
        ticks = tuple((float(Decimal(10) ** e),
                       short_number(Decimal(10) ** e, chart.unit, words=words))
                      for e in range(first, last + 1, step))
        return Scale(True, float(Decimal(10) ** first), float(Decimal(10) ** last), ticks)
    start = min(low, Decimal(0))
    end = max(high, Decimal(0))
    if start == end:
        end = start + 1
    tick = _nice_step(end - start)
    start = (start / tick).to_integral_value(rounding="ROUND_FLOOR") * tick
    end = (end / tick).to_integral_value(rounding="ROUND_CEILING") * tick
    count = int((end - start) / tick)
    ticks = tuple((float(start + n * tick),
                   short_number(start + n * tick, chart.unit, words=words))
                  for n in range(count + 1))
    return Scale(False, float(start), float(end), ticks)


def _x(pos: float) -> str:
    return f"{PAD + (100 - 2 * PAD) * pos:.2f}%"


def _mark(value: ChartValue, sc: Scale, y: int) -> str:
    """The shapes of one value on its track at height `y`."""
    low, high = sc.at(float(value.low)), sc.at(float(value.high))
    css = "fig-mark fig-disputed" if value.disputed else "fig-mark"
    out = []
    if value.qualifier in LOW_OPEN:
        out.append(f'<line class="fig-bound" x1="{_x(0)}" x2="{_x(high)}" y1="{y}" '
                   f'y2="{y}"></line>')
    elif value.qualifier in HIGH_OPEN:
        out.append(f'<line class="fig-bound" x1="{_x(low)}" x2="{_x(1)}" y1="{y}" '
                   f'y2="{y}"></line>')
    if value.high != value.low:
        # Square-cornered: a range narrow on a phone stays a bar, unlike a value's dot.
        left = PAD + (100 - 2 * PAD) * low
        width = max((100 - 2 * PAD) * (high - low), 0.5)
        out.append(f'<rect class="{css}" x="{left:.2f}%" y="{y - 5}" width="{width:.2f}%" '
                   f'height="10" rx="2"></rect>')
    else:
        hollow = " fig-about" if value.qualifier == "about" else ""
        where = high if value.qualifier in LOW_OPEN else low
        out.append(f'<circle class="{css}{hollow}" cx="{_x(where)}" cy="{y}" r="6"></circle>')
    return "".join(out)


def _row_label(value: ChartValue, words: Wording) -> str:
    """The value in Briefing's words (marked where they are not the site's language),
    then its subject's name."""
    label = marked_whole(md_escape(value.label, line_start=False), foreign=words.foreign)
    return f"{label} \u00b7 {md_escape(value.subject, line_start=False)}" if value.subject \
        else label


def _picture(shapes: str) -> str:
    """A row's picture, under its words. A picture only: the words say what it shows."""
    return (f'<svg class="fig-row" width="100%" height="{TRACK}" aria-hidden="true" '
            f'focusable="false">{shapes}</svg>')


def _value_row(value: ChartValue, sc: Scale, href: Callable[[str], str], words: Wording
               ) -> str:
    label = _row_label(value, words)
    track = (f'<line class="fig-track" x1="{_x(0)}" x2="{_x(1)}" y1="{MID}" y2="{MID}">'
             f"</line>{_mark(value, sc, MID)}")
    return (f'[<span class="fig-label">{label}</span>{_picture(track)}]'
            f"({href(value.target)}){{.fig-value}}")


def _spread_row(spread: ChartSpread, sc: Scale, words: Wording) -> str:
    low, high = _x(sc.at(float(spread.low))), _x(sc.at(float(spread.high)))
    bracket = (f'<line class="fig-bracket" x1="{low}" x2="{high}" y1="{MID}" y2="{MID}">'
               f'</line><line class="fig-bracket" x1="{low}" x2="{low}" y1="{MID - 6}" '
               f'y2="{MID + 6}"></line><line class="fig-bracket" x1="{high}" x2="{high}" '
               f'y1="{MID - 6}" y2="{MID + 6}"></line>')
    text = spread_html(spread, words)
    return (f'<span class="fig-spread"><span class="fig-label">{text}</span>'
            f"{_picture(bracket)}</span>")


def _axis(sc: Scale, chart: Chart, words: Wording) -> list[str]:
    """The axis's ticks, drawn (their numbers are short), then its title in words."""
    ticks = [f'<line class="fig-axis" x1="{_x(0)}" x2="{_x(1)}" y1="1" y2="1"></line>']
    for n, (value, label) in enumerate(sc.ticks):
        x = _x(sc.at(value))
        anchor = "start" if n == 0 else "end" if n == len(sc.ticks) - 1 else "middle"
        ticks.append(f'<line class="fig-tick" x1="{x}" x2="{x}" y1="1" y2="6"></line>'
                     f'<text class="fig-tick-label" x="{x}" y="{AXIS - 4}" '
                     f'text-anchor="{anchor}">{md_escape(label, line_start=False)}</text>')
    title = marked_whole(md_escape(axis_title(chart, sc, words=words), line_start=False),
                         foreign=words.foreign)
    return [f'<svg class="fig-ticks" width="100%" height="{AXIS}" aria-hidden="true" '
            f'focusable="false" font-size="{FONT}">',
            *ticks, "</svg>", f'<span class="fig-axis-title">{title}</span>']


def axis_title(chart: Chart, sc: Scale, *, words: Wording | None = None) -> str:
    """The axis's unit, as the page's amounts write it where the site's region has a dollar
    of its own ("$" for CAD and "$ US" for USD on a `fr-CA` site, whose amounts read "2,3
    milliards $"); elsewhere its code ("USD", "CAD"), as the ticks carry no sign."""
    words = words or Wording()
    unit = words.signs.get(chart.unit.upper()) or chart.unit
    if sc.log:
        # Translators: a chart's axis, in this unit on a logarithmic scale.
        return words.gettext("%(unit)s, log scale: each step is 10 times the one before",
                             unit=unit)
    return unit


def unit_words(unit: str, words: Wording) -> str:
    """A chart's unit as a screen reader says it in its title: a currency's code as its
    name in the site's language, as CLDR writes it ("US dollars", "francs suisses", "dólares
    americanos"), where a code read letter by letter ("U S D") tells a listener little; any
    other unit as written ("GPUs")."""
    if len(unit) != 3 or not unit.isalpha() or not unit.isupper() or not is_currency(unit):
        return unit
    locale = words.region or words.locale
    name = get_currency_name(unit, 2, locale=locale or ENGLISH)
    if locale is not None and locale.language in LISTED_CAPITALISED:
        return name[:1].lower() + name[1:]
    return name


def chart_title(chart: Chart, sc: Scale, words: Wording) -> str:
    """What a chart shows: "Training cost in US dollars: 3 values, log scale"."""
    count = len(chart.values)
    unit = unit_words(chart.unit, words)
    if sc.log:
        # Translators: a chart's title: a metric's values in a unit, drawn on a
        # logarithmic scale. The unit is a word or a currency's name ("US dollars").
        return words.ngettext("%(metric)s in %(unit)s: %(num)d value, log scale",
                              "%(metric)s in %(unit)s: %(num)d values, log scale", count,
                              metric=chart.title, unit=unit)
    # Translators: a chart's title: a metric's values in a unit. The unit is a word or a
    # currency's name ("US dollars").
    return words.ngettext("%(metric)s in %(unit)s: %(num)d value",
                          "%(metric)s in %(unit)s: %(num)d values", count,
                          metric=chart.title, unit=unit)


def chart_html(chart: Chart, href: Callable[[str], str], *, words: Wording | None = None
               ) -> Markup:
    """The chart in Markdown: a group of rows, one per value, its words (which wrap on a
    narrow screen) over its picture, linked to its claim; a row per disagreement naming
    the factor between its extremes; then the axis. One paragraph (no blank line), as
    Python-Markdown needs for inline HTML, so each value's link is checked as any other."""
    words = words or Wording()
    sc = scale(chart, words=words)
    title = chart_title(chart, sc, words)
    description = _described_html(chart, sc, words)
    lines = [f'<span class="fig-chart" role="group" aria-label="{attr(title)}">'
             f'<span class="visually-hidden">{description}</span>']
    lines.extend(_value_row(value, sc, href, words) for value in chart.values)
    lines.extend(_spread_row(spread, sc, words) for spread in chart.spreads)
    lines.extend(_axis(sc, chart, words))
    lines.append("</span>")
    return Markup("\n".join(lines))


def spread_text(spread: ChartSpread, *, words: Wording | None = None) -> str:
    """A disagreement in words, under its subject's name if it has one."""
    words = words or Wording()
    text = _difference(spread, words)
    if not spread.subject:
        return text
    # Translators: a disagreement between values about one subject: "DeepSeek-R1: values
    # differ by a factor of 20".
    return words.gettext("%(subject)s: %(difference)s", subject=spread.subject,
                         difference=text)


def spread_html(spread: ChartSpread, words: Wording) -> str:
    """`spread_text` as a page shows it: escaped, and Briefing's words marked English
    where they are not the site's language, its subject's name apart."""
    text = marked_whole(md_escape(_difference(spread, words), line_start=False),
                        foreign=words.foreign)
    if not spread.subject:
        return text
    return marked(words.gettext("%(subject)s: %(difference)s"),
                  {"subject": md_escape(spread.subject, line_start=False), "difference": text},
                  foreign=words.foreign)


def _difference(spread: ChartSpread, words: Wording) -> str:
    times = factor(spread)
    if times is None:
        # Translators: values of a metric that disagree, from the lowest to the highest.
        return words.gettext("values disagree, %(low)s to %(high)s", low=spread.low_label,
                             high=spread.high_label)
    return _differ(spread.hedge, factor_words(times, words), words)


def _differ(hedge: str, times: str, words: Wording) -> str:
    """How many times the highest value is the lowest, hedged as the values' qualifiers
    make it (`views_lists.hedge`)."""
    if hedge == "up to ":
        # Translators: how far apart the values of a metric lie, keeping the hedge: "values
        # differ by up to 20 times".
        return words.gettext("values differ by up to %(times)s times", times=times)
    if hedge == "at least ":
        # Translators: as "up to 20 times", at least so many times.
        return words.gettext("values differ by at least %(times)s times", times=times)
    if hedge == "about ":
        # Translators: as "up to 20 times", about so many times.
        return words.gettext("values differ by about %(times)s times", times=times)
    # Translators: how far apart the values of a metric lie: "values differ by a factor of
    # 20".
    return words.gettext("values differ by a factor of %(times)s", times=hedge + times)


def describe(chart: Chart, sc: Scale, *, words: Wording | None = None) -> str:
    """The chart in a sentence, for a screen reader: the table after it lists every
    value."""
    words = words or Wording()
    text = _range_sentence(chart, sc, words)
    for spread in chart.spreads:
        # Translators: a disagreement in a chart's description, then its lowest and
        # highest values: "values differ by a factor of 20 ($300,000 to $6 million)."
        text += " " + words.gettext("%(difference)s (%(low)s to %(high)s).",
                                    difference=spread_text(spread, words=words),
                                    low=spread.low_label, high=spread.high_label)
    return text


def _described_html(chart: Chart, sc: Scale, words: Wording) -> str:
    """`describe` as a page shows it: escaped, and Briefing's words marked English where
    they are not the site's language, the subjects' names apart."""
    def amount(label: str) -> str:
        return marked_whole(md_escape(label, line_start=False), foreign=words.foreign)

    sentences = [amount(_range_sentence(chart, sc, words))]
    sentences.extend(marked(words.gettext("%(difference)s (%(low)s to %(high)s)."),
                            {"difference": spread_html(spread, words),
                             "low": amount(spread.low_label),
                             "high": amount(spread.high_label)}, foreign=words.foreign)
                     for spread in chart.spreads)
    return " ".join(sentences)


def _range_sentence(chart: Chart, sc: Scale, words: Wording) -> str:
    """The chart's values, from the lowest to the highest."""
    if not chart.values:
        # Translators: a chart's description when it has no values.
        return words.gettext("No values.")
    lowest = min(chart.values, key=lambda v: (v.low, v.high))
    highest = max(chart.values, key=lambda v: (v.high, v.low))
    if len(chart.values) == 1:
        # Translators: a chart's description: its only value.
        text = words.gettext("One value: %(value)s.", value=lowest.label)
    elif sc.log:
        # Translators: a chart's description: its lowest and highest values.
        text = words.gettext("From %(low)s to %(high)s on a log scale.", low=lowest.label,
                             high=highest.label)
    else:
        text = words.gettext("From %(low)s to %(high)s.", low=lowest.label,
                             high=highest.label)
    return text


def sparkline(chart: Chart, *, words: Wording | None = None) -> Markup:
    """A small picture of the chart for the figures index: a dot per value (a bar per
    range), those that disagree set apart. An image: its words say what it shows, and
    the metric's link beside it leads to the full chart."""
    words = words or Wording()
    sc = scale(chart, words=words)
    marks = []
    seen: set[tuple[int, int, bool]] = set()
    for value in chart.values:
        low = round(sc.at(float(value.low)) * (SPARK_W - 8)) + 4
        high = round(sc.at(float(value.high)) * (SPARK_W - 8)) + 4
        key = (low, high, value.disputed)
        if key in seen:  # a thousand values make at most SPARK_W marks
            continue
        seen.add(key)
        css = "fig-mark fig-disputed" if value.disputed else "fig-mark"
        if high > low:
            marks.append(f'<rect class="{css}" x="{low}" y="5" width="{high - low}" '
                         f'height="6" rx="3"></rect>')
        else:
            marks.append(f'<circle class="{css}" cx="{low}" cy="8" r="3.5"></circle>')
    # Translators: a small chart's words: its unit (a word or a currency's name, "US
    # dollars"), then the chart in a sentence.
    said = words.gettext("%(unit)s: %(description)s", unit=unit_words(chart.unit, words),
                         description=describe(chart, sc, words=words))
    return Markup(
        f'<svg class="fig-spark" width="{SPARK_W}" height="{SPARK_H}" '
        f'viewBox="0 0 {SPARK_W} {SPARK_H}" role="img" aria-label="{attr(said)}">'
        f'<title>{md_escape(said, line_start=False)}</title>'
        f'<line class="fig-track" x1="2" x2="{SPARK_W - 2}" y1="8" y2="8"></line>'
        f'{"".join(marks)}</svg>')
