"""The figure charts (`charts.py`): scale, links, qualifiers, units, escaping."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from corpus_helpers import CLAIMS_YML

from briefing.charts import Chart, ChartSpread, ChartValue, chart_html, factor, scale, sparkline
from briefing.pipeline import build


def value(label: str, low: str, high: str | None = None, qualifier: str = "exactly",
          subject: str | None = "DeepSeek-R1", target: str = "claims/c.md",
          disputed: bool = False) -> ChartValue:
    return ChartValue(label, subject, Decimal(low), Decimal(high or low), qualifier, target,
                      disputed)


def chart(*values: ChartValue, spreads: tuple[ChartSpread, ...] = ()) -> Chart:
    return Chart("Training cost", "USD", values, spreads)


def href(target: str) -> str:
    return f"../{target}"


COSTS = chart(value("$294,000", "294000", target="claims/a.md", disputed=True),
              value("up to $6 million", "6000000", qualifier="up-to", target="claims/b.md",
                    disputed=True),
              value("about $6 million", "6000000", qualifier="about", subject="DeepSeek-V3",
                    target="claims/c.md"),
              value("$80\u2013100 million", "80000000", "100000000", subject="GPT-4",
                    target="claims/d.md"),
              spreads=(ChartSpread("DeepSeek-R1", "$294,000", "up to $6 million",
                                   Decimal(294000), Decimal(6000000)),))


def test_the_scale_is_logarithmic_from_two_orders_of_magnitude() -> None:
    assert scale(chart(value("1", "1"), value("100", "100"))).log
    assert not scale(chart(value("1", "1"), value("99", "99"))).log
    # A zero or a negative value has no logarithm: the scale stays linear.
    assert not scale(chart(value("0", "0"), value("1000", "1000"))).log
    sc = scale(COSTS)
    assert sc.log and [label for _, label in sc.ticks] == ["$100k", "$1M", "$10M", "$100M"]
    picture = chart_html(COSTS, href)
    assert "log scale" in picture and "USD, log scale" in picture
    assert "log scale" not in chart_html(chart(value("1", "1"), value("2", "2")), href)


def test_a_linear_scale_starts_at_zero_in_round_steps() -> None:
    sc = scale(chart(value("$5 million", "5000000")))
    assert [label for _, label in sc.ticks] == ["$0", "$1M", "$2M", "$3M", "$4M", "$5M"]
    assert sc.at(5000000.0) == 1.0 and sc.at(0.0) == 0.0


def test_every_value_is_a_link_to_its_claim() -> None:
    picture = chart_html(COSTS, href)
    links = re.findall(r"\]\(([^)]+)\)\{\.fig-value\}", picture)
    assert links == ["../claims/a.md", "../claims/b.md", "../claims/c.md", "../claims/d.md"]
    # Each link holds its value's own words.
    for label in ("$294,000 \u00b7 DeepSeek-R1", "up to $6 million \u00b7 DeepSeek-R1",
                  "about $6 million \u00b7 DeepSeek-V3", "$80\u2013100 million \u00b7 GPT-4"):
        assert f'<span class="fig-label">{label}</span><svg' in picture


def test_qualifiers_are_kept_and_drawn() -> None:
    picture = chart_html(COSTS, href)
    rows = [r for r in picture.split("\n") if "{.fig-value}" in r]
    bound = next(r for r in rows if "up to $6 million" in r)
    assert 'class="fig-bound" x1="3.00%"' in bound  # open towards the low end
    assert "fig-about" in next(r for r in rows if "about $6 million" in r)
    assert "<rect class=\"fig-mark\"" in next(r for r in rows if "GPT-4" in r)  # a range
    over = chart_html(chart(value("at least 5", "5", qualifier="at-least"),
                           value("9", "9")), href)
    assert 'x2="97.00%"' in next(r for r in over.split("\n") if "fig-bound" in r)


def test_disagreements_are_marked_with_their_factor() -> None:
    picture = chart_html(COSTS, href)
    assert picture.count("fig-disputed") == 2
    assert ">DeepSeek-R1: values differ by a factor of 20</span>" in picture
    assert factor(ChartSpread(None, "512", "2,000", Decimal(512), Decimal(2000))) == "3.9"
    assert factor(ChartSpread(None, "0", "5", Decimal(0), Decimal(5))) is None


def test_the_chart_is_deterministic_and_has_a_text_alternative() -> None:
    assert chart_html(COSTS, href) == chart_html(COSTS, href)
    assert sparkline(COSTS) == sparkline(COSTS)
    picture = chart_html(COSTS, href)
    assert 'role="group" aria-label="Training cost in US dollars: 4 values, log scale"' \
        in picture
    assert '<span class="visually-hidden">From $294,000 to $80\u2013100 million on a log ' \
        "scale." in picture
    # The pictures are only pictures: the words beside them say what they show.
    assert picture.count("<svg") == picture.count('aria-hidden="true"') == 6
    assert "\n\n" not in picture  # one Markdown paragraph
    small = sparkline(COSTS)
    assert 'role="img"' in small and "<title>US dollars: From $294,000" in small


def test_curator_text_is_escaped() -> None:
    hostile = chart(value("<b>5</b> *x*", "5", subject="[a](http://evil) <script>"))
    picture = chart_html(hostile, href) + sparkline(hostile)
    assert "<script>" not in picture and "<b>" not in picture
    assert "](http://evil)" not in picture.replace("\\](http://evil)", "")
    assert "\\[a\\](http://evil) &lt;script&gt;" in picture


def test_a_metric_in_two_units_gets_a_chart_per_unit(make_content: Callable[..., Path]
                                                     ) -> None:
    claims = CLAIMS_YML + """\
  - id: widget-cost-eur
    statement: "[[entity:acme]] says its widget costs 4 million euros."
    status: reported
    figures:
      - metric: widget-cost
        subject: acme
        value: 4000000
        unit: EUR
        qualifier: up-to
"""
    page = build(make_content(changes={"claims.yml": claims})).pages[
        "figures/m-widget-cost.md"]
    assert page.count('<span class="fig-chart"') == 2
    assert "Widget cost in US dollars: 1 value" in page \
        and "Widget cost in euros: 1 value" in page
    assert ">up to \u20ac4 million \u00b7 Acme Corp</span><svg" in page
    index = build(make_content(changes={"claims.yml": claims})).pages["figures.md"]
    assert index.count('<svg class="fig-spark"') == 2


def test_a_factor_between_a_bound_and_a_value_keeps_the_bounds_hedge() -> None:
    from briefing.charts import spread_text

    bound = ChartSpread("DeepSeek-R1", "$294,000", "up to $6 million", Decimal(294000),
                        Decimal(6000000), "up to ")
    assert spread_text(bound) == "DeepSeek-R1: values differ by up to 20 times"


def test_an_axis_number_without_a_short_form_is_grouped_as_its_language_groups() -> None:
    """CLDR has no short form for German thousands: the tick is the whole number, grouped
    as German groups it, not a run of digits ("100000")."""
    from briefing.charts import short_number
    from briefing.wording import wording_for

    german, french = wording_for("de"), wording_for("fr")
    ticks = [short_number(Decimal(v), "USD", words=german)
             for v in (0, 20000, 100000, 1000000, 2500000000)]
    assert ticks == ["0", "20.000", "100.000", "1\u00a0Mio.", "2,5\u00a0Mrd."]
    assert short_number(Decimal(100000), "USD", words=french) == "100\u00a0k"
    assert short_number(Decimal(100000), "USD") == "$100k"


def quebec_chart(unit: str, *amounts: str) -> Chart:
    return Chart("Budget", unit, tuple(value(a, a, subject=None) for a in amounts), ())


def axis(picture: str) -> tuple[list[str], str]:
    ticks = re.findall(r'<text class="fig-tick-label"[^>]*>([^<]*)</text>', picture)
    title = re.search(r'<span class="fig-axis-title">([^<]*)</span>', picture)
    assert title is not None
    return ticks, title.group(1)


def test_a_quebec_axis_writes_its_dollar_and_its_numbers_as_its_amounts_do() -> None:
    """A `fr-CA` site writes "2,3 milliards $" for CAD and "$ US" for USD: its axis read
    "CAD" under France's "1 Md" ticks. It names the currency as the amounts do, and its
    ticks take Quebec's short forms (CLDR's fr_CA: "1 G"; France's "1 Md" read as nothing
    there); a site in France is unchanged."""
    from briefing.wording import wording_for

    quebec, france = wording_for("fr-CA"), wording_for("fr")
    cad = quebec_chart("CAD", "1000000000", "2300000000")
    ticks, title = axis(chart_html(cad, href, words=quebec))
    assert title == "$"
    assert "2\u00a0G" in ticks and not [t for t in ticks if "Md" in t]
    assert axis(chart_html(quebec_chart("USD", "2000000000"), href, words=quebec))[1] == \
        "$\u00a0US"
    logged = quebec_chart("CAD", "1000000", "2000000000")
    ticks, title = axis(chart_html(logged, href, words=quebec))
    assert ticks == ["1\u00a0M", "10\u00a0M", "100\u00a0M", "1\u00a0G", "10\u00a0G"]
    assert title.startswith("$, ")
    # France: France's short forms, and the currency by its code (its amounts write CAD so).
    ticks, title = axis(chart_html(cad, href, words=france))
    assert title == "CAD" and "2\u00a0Md" in ticks


def test_a_regions_short_forms_are_taken_only_where_they_differ_and_read_alike() -> None:
    """Portugal abbreviates a thousand millions "mM" (its "bi" would be a "bilião", a
    million millions); Mexico writes "1.5 M" and Switzerland "2.5 Mrd." with a point, as
    their amounts do ("1.5 millones"); Austria's German and English in Canada: as their
    language writes them."""
    from briefing.charts import short_number
    from briefing.wording import wording_for

    def tick(tag: str, amount: int) -> str:
        return short_number(Decimal(amount), "USD", words=wording_for(tag))

    assert tick("pt-PT", 2_500_000_000) == "2,5\u00a0mM"
    assert tick("pt-BR", 2_500_000_000) == tick("pt", 2_500_000_000) == "2,5\u00a0bi"
    assert tick("es-MX", 1_500_000) == "1.5\u00a0M" and tick("es", 1_500_000) == "1,5\u00a0M"
    assert tick("de-CH", 2_500_000_000) == "2.5\u00a0Mrd."
    assert tick("de-AT", 2_500_000_000) == tick("de", 2_500_000_000) == "2,5\u00a0Mrd."
    # A number CLDR does not abbreviate is grouped with the region's sign, as its amounts.
    assert tick("de-CH", 150_000) == "150'000" and tick("de-AT", 150_000) == "150.000"
    assert wording_for("de-AT").ticks is None and wording_for("de-LU").ticks is None
    canada = quebec_chart("CAD", "1000000000", "2300000000")
    assert axis(chart_html(canada, href, words=wording_for("en-CA"))) == \
        axis(chart_html(canada, href)) == (["0", "500M", "1B", "1.5B", "2B", "2.5B"], "CAD")
    assert short_number(Decimal(10) ** 9, "USD") == "$1B"


def test_a_charts_title_says_its_currency_by_name_in_the_sites_language() -> None:
    """A screen reader read a chart's title "Budget in U S D": the title and the small
    chart's words name the currency as a listener understands it, in the site's language
    (CLDR's names, in small letters within a sentence: Brazil's are listed capitalised);
    a unit that is no currency's code is written as it is."""
    from briefing.charts import unit_words
    from briefing.wording import wording_for

    said = {tag: unit_words("CHF", wording_for(tag)) for tag in ("en", "fr", "de", "pt")}
    assert said == {"en": "Swiss francs", "fr": "francs suisses", "de": "Schweizer Franken",
                    "pt": "francos suíços"}
    assert unit_words("USD", wording_for("pt-PT")) == "dólares dos Estados Unidos"
    for unit in ("GPUs", "GWh", "tonnes", "usd", "ALL-"):
        assert unit_words(unit, wording_for("fr")) == unit
    chart = quebec_chart("EUR", "40000")
    assert 'aria-label="Budget en euros\u202f: 1 valeur"' in chart_html(
        chart, href, words=wording_for("fr"))
    spark = sparkline(chart, words=wording_for("de"))
    assert 'aria-label="Euro: Ein einziger Wert' in spark
    assert 'aria-label="Budget in US dollars: 1 value"' in chart_html(
        quebec_chart("USD", "40000"), href)
