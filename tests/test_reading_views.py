"""What the reading pages show, checked against the corpus they are made from: a brief's
claim chips, its quotes grouped by source, its numbers set large with their qualifiers,
its "as of" date; a claim's verdict panel; the home page's order, dates, spreads and
topics; the orders of the briefs, claims and entities indexes."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from corpus_helpers import SEED, minimal_corpus, write_tree

from briefing import paging
from briefing.dates import content_dates
from briefing.diagnostics import Pos
from briefing.feed import entries
from briefing.link import LedgerValue, Linked
from briefing.markup import format_date
from briefing.model import Figure
from briefing.pipeline import BuildResult, build
from briefing.views import newest
from briefing.views_items import split_figure
from briefing.views_lists import Spread, spread


@pytest.fixture(scope="module")
def seed() -> BuildResult:
    result = build(SEED)
    assert result.linked is not None and result.pages
    return result


def _linked(seed: BuildResult) -> Linked:
    assert seed.linked is not None
    return seed.linked


def _section(page: str, heading: str) -> str:
    """The Markdown of one `## heading` section of a page."""
    after = re.split(f"\n## {re.escape(heading)}[ \n]", page, maxsplit=1)[1]
    return after.split("\n## ", 1)[0]


def test_quotes_cited_names_each_source_once_with_its_quotes_under_it(
        seed: BuildResult) -> None:
    lk = _linked(seed)
    for brief in lk.corpus.briefs:
        page = seed.pages[f"briefs/{brief.id}.md"]
        cited = _section(page, "Quotes cited")
        cites = dict.fromkeys(r.id for s in brief.sections for p in s.points for r in p.cites)
        sources = dict.fromkeys(lk.quote_source[q] for q in cites)
        for source_id in sources:
            link = f"[{lk.sources[source_id].title}](../sources/{source_id}.md)"
            assert cited.count(link) == 1, (brief.id, source_id)
        # Every quote once, numbered as the citations in the text, under its own source.
        numbers = re.findall(r'<span class="cite-number">(\d+)</span> \[“[^”]*”\]'
                             r"\(\.\./sources/([a-z0-9-]+)\.md#q-([a-z0-9-]+)\)", cited)
        assert sorted(int(n) for n, _, _ in numbers) == list(range(1, len(cites) + 1))
        order = list(cites)
        for n, source_id, quote_id in numbers:
            assert order[int(n) - 1] == quote_id and lk.quote_source[quote_id] == source_id
        blocks = cited.split("\n- ")[1:]
        assert [b.split("](", 1)[0].lstrip("[") for b in blocks] == \
            [lk.sources[s].title for s in sources]


def test_a_points_claims_are_chips_with_their_status(seed: BuildResult) -> None:
    lk = _linked(seed)
    page = seed.pages["briefs/deepseek-skepticism.md"]
    assert "Claims:</span> [" in page and "point-claims-label" not in page
    chips = re.findall(r'\[<span class="status status-([a-z]+)">\1</span> '
                       r'[^<\]]+\]\(\.\./claims/([a-z0-9-]+)\.md\)'
                       r"\{\.claim-chip\}", page)
    expected = [r.id for s in lk.briefs["deepseek-skepticism"].sections for p in s.points
                for r in p.claims]
    assert [claim for _, claim in chips] == expected
    assert all(lk.claims[claim].status == status for status, claim in chips)


def test_a_number_keeps_its_qualifier_and_names_its_sources(seed: BuildResult) -> None:
    page = _section(seed.pages["briefs/deepseek-efficiency-claims.md"], "By the numbers")
    assert '<strong class="figure-lead">Up to 16,000 or more</strong>' in page
    assert '<strong class="figure-lead">$80 million to $100 million</strong>' in page
    skepticism = seed.pages["briefs/deepseek-skepticism.md"]
    numbers = _section(skepticism, "By the numbers")
    lead = numbers.split("\n- ", 2)[1]
    assert '<strong class="figure-lead">$6 million or under against $294,000</strong>' in lead
    lk = _linked(seed)
    point = lk.briefs["deepseek-skepticism"].sections[2].points[0]
    named = re.findall(r"\]\(\.\./sources/([a-z0-9-]+)\.md\)\{\.figure-source\}", lead)
    assert named == list(dict.fromkeys(lk.quote_source[r.id] for r in point.cites))


@pytest.mark.parametrize(("text", "figure", "rest"), [
    ("Up to 16,000 or more: chips.", "Up to 16,000 or more", "chips."),
    ("$6 million or under against $294,000: costs", "$6 million or under against $294,000",
     "costs"),
    ("No number here: just words.", None, "No number here: just words."),
    ("2018 was the year: " + "x" * 80, "2018 was the year", "x" * 80),
    ("A very long sentence that happens to hold the year 2018 somewhere in it and: a colon",
     None, "A very long sentence that happens to hold the year 2018 somewhere in it and: "
     "a colon"),
])
def test_split_figure(text: str, figure: str | None, rest: str) -> None:
    got_figure, got_rest = split_figure((text,))
    assert got_figure == figure and "".join(str(p) for p in got_rest) == rest


def test_a_brief_is_as_of_its_newest_cited_source(seed: BuildResult) -> None:
    lk = _linked(seed)
    for brief in lk.corpus.briefs:
        dates = [lk.sources[lk.quote_source[r.id]].published
                 for s in brief.sections for p in s.points for r in p.cites]
        latest = newest(dates)
        assert latest is not None
        assert all(d is None or d.sort_key <= latest.sort_key for d in dates)
        meta = seed.pages[f"briefs/{brief.id}.md"].split("\n{: .meta }", 1)[0]
        assert f'Sources up to <time datetime="{latest.iso}">{format_date(latest)}</time>' \
            in meta.rsplit("\n", 1)[1]
    meta = seed.pages["briefs/deepseek-skepticism.md"]
    assert 'Sources up to <time datetime="2025-09">about Sep 2025</time>' \
        '<span class="date-inferred"> <span class="inferred"' in meta


def test_a_claims_verdict_panel_counts_its_evidence(seed: BuildResult) -> None:
    lk = _linked(seed)
    for claim in lk.corpus.claims:
        page = seed.pages[f"claims/{claim.id}.md"]
        head = page.split("\n{: .verdict }", 1)[0]
        assert f'<span class="verdict-status status status-{claim.status}">{claim.status}' \
            in head
        stances = lk.stances.get(claim.id, ())
        passages = Counter(s.stance for s in stances)
        for stance, n in passages.items():
            sources = len({s.source_id for s in stances if s.stance == stance})
            assert (f'<span class="stance stance-{stance}">{stance}</span> '
                    f"{n} passage{'s' * (n != 1)}, {sources} source{'s' * (sources != 1)}"
                    ) in head
        total, distinct = sum(passages.values()), len({s.source_id for s in stances})
        if stances:
            assert f"{total} passage{'s' * (total != 1)} from {distinct} source" in head
        else:
            assert "no passage of the sources takes a position on it yet" in head
    head = seed.pages["claims/r1-training-cost-6m.md"].split("\n{: .verdict }", 1)[0]
    assert "5 passages from 2 sources" in head and "contradicted by 2 claims" in head


# --- home and the orders of the lists ----------------------------------------------------


def _value(low: str, high: str, unit: str = "USD", qualifier: str = "exactly") -> LedgerValue:
    figure = Figure(metric="cost", value=(Decimal(low), Decimal(high)), unit=unit,
                    qualifier=qualifier, pos=Pos("claims.yml"))
    return LedgerValue(figure, None, ())  # type: ignore[arg-type]  # spread reads figures


@pytest.mark.parametrize(("values", "expected"), [
    ((_value("294000", "294000"), _value("6000000", "6000000", qualifier="up-to")),
     Spread("$294,000", "up to $6 million", "20", "up to ")),
    ((_value("2000", "2000", "chips"), _value("512", "512", "chips")),
     Spread("512 chips", "2,000 chips", "3.9", "")),
    ((_value("80000000", "100000000"), _value("6000000", "6000000", qualifier="about")),
     Spread("about $6 million", "$80\u2013100 million", "17", "about ")),
    ((_value("100", "100", qualifier="under"), _value("300", "300", qualifier="over")),
     Spread("under $100", "over $300", "3", "at least ")),
    ((_value("100", "100", qualifier="under"), _value("300", "300", qualifier="under")),
     Spread("under $100", "under $300", "3", "about ")),  # bounded neither way
    ((_value("100", "100", qualifier="over"), _value("300", "300")),
     Spread("over $100", "$300", "3", "up to ")),
    ((_value("100", "100", qualifier="under"), _value("300", "300")),
     Spread("under $100", "$300", "3", "at least ")),
    ((_value("100", "100"), _value("103", "103")), None),  # within 5%
    ((_value("100", "100"), _value("300", "300", "EUR")), None),  # two units
    ((_value("0", "0"), _value("300", "300")), None),  # no factor of nothing
])
def test_spread_of_disagreeing_values(values: tuple[LedgerValue, ...],
                                      expected: Spread | None) -> None:
    assert spread(values) == expected


def test_home_orders_briefs_by_their_newest_source_and_says_what_changed(
        seed: BuildResult) -> None:
    lk = _linked(seed)
    home = seed.pages["index.md"]
    assert 'Sources up to <time datetime="2025-09">about Sep 2025</time>' in \
        home.split("## Briefs", 1)[0]
    briefs = _section(home, "Briefs")
    listed = re.findall(r"^- \*\*\[[^\]]*\]\(briefs/([a-z0-9-]+)\.md\)\*\*", briefs, re.M)
    assert sorted(listed) == sorted(b.id for b in lk.corpus.briefs)

    def newest_source(brief_id: str) -> tuple[int, ...]:
        brief = lk.briefs[brief_id]
        return max(lk.sources[lk.quote_source[r.id]].published.sort_key  # type: ignore[union-attr]
                   for s in brief.sections for p in s.points for r in p.cites)

    keys = [newest_source(b) for b in listed]
    assert keys == sorted(keys, reverse=True) and keys[0] > keys[-1]
    assert listed[:3] == ["deepseek-efficiency-claims", "deepseek-markets-open-source",
                          "deepseek-skepticism"]  # a tie in date goes by title
    # What changed recently: the feed's newest entries, in the feed's order.
    changed = _section(home, "What changed recently")
    paths = re.findall(r"\]\(((?:briefs|claims)/[a-z0-9-]+\.md)\)", changed)
    feed = entries(lk, content_dates(lk))
    assert paths == [e.path for e in feed[:len(paths)]] and len(paths) == 6
    assert changed.count('<time datetime="2025-09">about Sep 2025</time>') == 6
    # The figures that disagree, lowest to highest with the factor, qualifiers kept.
    disagree = _section(home, "Where accounts disagree")
    assert '<span class="spread-low" aria-hidden="true">$294,000</span>' in disagree
    assert '<span class="spread-high" aria-hidden="true">up to $6 million</span>' in disagree
    # Read out as one phrase, in which a language can word the hedged amount.
    assert '<span class="visually-hidden">$294,000 to up to $6 million</span>' in disagree
    assert "up to \u00d720</span>" in disagree and "\u00d73.9</span>" in disagree


def test_home_lists_the_topics_index_first_rows(seed: BuildResult) -> None:
    """The home page's topics are the topics index's first rows, in its order (most
    claims first, then by name) and with its counts, and link to the index for the rest."""
    index = re.findall(r"^\| \[([^\]]*)\]\(t-([a-z0-9-]+)\.md\) \| [^|]*</span> (\d+) \|",
                       seed.pages["topics/index.md"], re.M)
    topics = _section(seed.pages["index.md"], "Topics")
    home = re.findall(r"^- \[([^\]]*)\]\(topics/t-([a-z0-9-]+)\.md\): (\d+) claims? · ",
                      topics, re.M)
    shown = paging.HOME_TOPICS_SHOWN
    assert len(index) > shown and home == index[:shown]
    counts = [int(count) for _, _, count in home]
    assert counts == sorted(counts, reverse=True)
    assert f"- [{len(index) - shown} more topics](topics/index.md)\n" in topics
    assert "[Musk vs. OpenAI](topics/t-musk-openai.md): 10 claims · <span class=\"tally\">all " \
        '<span class="status status-reported">reported</span></span>\n' in topics
    assert "[Training chips](topics/t-training-chips.md): 11 claims · <span class=\"tally\">" \
        '2 <span class="status status-disputed">disputed</span>,</span> <span class="tally">' \
        '9 <span class="status status-reported">reported</span></span>\n' in topics


def test_briefs_index_follows_the_home_page(seed: BuildResult) -> None:
    home = re.findall(r"^- \*\*\[[^\]]*\]\(briefs/([a-z0-9-]+)\.md\)", seed.pages["index.md"],
                      re.M)
    index = re.findall(r"^\| \[[^\]]*\]\(([a-z0-9-]+)\.md\)", seed.pages["briefs/index.md"],
                       re.M)
    assert index == home and "Sources up to" in seed.pages["briefs/index.md"]


def test_claims_are_listed_by_status_then_evidence(seed: BuildResult) -> None:
    lk = _linked(seed)
    listed = re.findall(r"^\| \[[^\]]*\]\(([a-z0-9-]+)\.md\)", seed.pages["claims/index.md"],
                        re.M)
    assert sorted(listed) == sorted(c.id for c in lk.corpus.claims)
    order = ("disputed", "refuted", "corroborated", "reported", "superseded")

    def key(claim_id: str) -> tuple[int, int]:
        ev = lk.evidence[claim_id]
        sources = {*ev.asserting, *ev.relaying, *ev.doubting, *ev.refuting}
        return order.index(lk.claims[claim_id].status), -len(sources)

    keys = [key(c) for c in listed]
    assert keys == sorted(keys) and keys[0] < keys[-1]


def test_entities_are_listed_by_mentions_then_name(seed: BuildResult) -> None:
    lk = _linked(seed)
    page = seed.pages["entities/index.md"]
    for block in page.split("\n## ")[1:]:
        rows = re.findall(r"^\| \[([^\]]*)\]\(([a-z0-9-]+)\.md\) \|", block, re.M)
        keys = [(-len(lk.mentions.get(ident, ())), name.casefold()) for name, ident in rows]
        assert rows and keys == sorted(keys)


def test_what_changed_says_when_the_curator_revised_an_item(tmp_path: Path) -> None:
    files = dict(minimal_corpus())
    files["briefs/widget.yml"] = 'updated: "2025-03-01"\n' + str(files["briefs/widget.yml"])
    result = build(write_tree(tmp_path / "content", files))
    assert result.pages, result.diagnostics
    changed = _section(result.pages["index.md"], "What changed recently")
    lines = [line for line in changed.splitlines() if line.startswith("- ")]
    # The brief is dated by its revision, later than its source, so it comes first.
    assert lines[0] == ('- <time datetime="2025-03-01">1 Mar 2025</time> (revised) · Brief: '
                        "[The widget price](briefs/widget.md)")
    assert lines[1].startswith('- <time datetime="2025-01-02">2 Jan 2025</time> · Claim: ')
    # The brief's own "as of" is still its newest source, not the revision.
    assert 'Sources up to <time datetime="2025-01-02">' in result.pages["briefs/widget.md"]
