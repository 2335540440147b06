"""The generated views: structured data, coverage matrix, map, entity roles, home."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus_helpers import CLAIMS_YML, ENTITIES_YML, SOURCE_YML, minimal_corpus

from briefing.coverage import COVERAGE_COLUMNS
from briefing.focusmap import MAX_CLAIMS, MAX_SOURCES
from briefing.paging import COVERAGE_TABLES_PER_PAGE
from briefing.pipeline import BuildResult, build


def _with_claims(more: str) -> dict[str, str | bytes]:
    """The minimal corpus with `more` claims (YAML list entries) after its own."""
    files = dict(minimal_corpus())
    files["claims.yml"] = str(files["claims.yml"]) + more
    return files


def front_matter(page: str) -> dict[str, object]:
    assert page.startswith("---\n"), page[:80]
    block = page.split("---\n", 2)[1]
    return {key: json.loads(value) for key, _, value in
            (line.partition(": ") for line in block.splitlines())}


def test_rated_claim_gets_a_claim_review(make_content: Callable[..., Path]) -> None:
    result = build(make_content(), site_title="Widget briefing")
    meta = front_matter(result.pages["claims/widget-cost-5m.md"])
    # Read apart from the page, the description still says whose claim it is.
    assert meta["description"] == \
        "Claimed by Acme Corp: Acme Corp says its widget costs $5 million."
    data = meta["jsonld"]
    assert isinstance(data, dict)
    assert data["@context"] == "https://schema.org" and data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == "Acme Corp says its widget costs $5 million."
    assert data["reviewRating"] == {"@type": "Rating", "alternateName": "Disputed"}
    assert data["author"] == {"@type": "Organization", "name": "Widget briefing"}
    claim = data["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Organization", "name": "Acme Corp"}
    # The source states its date, so it is the first appearance and the claim's date.
    work = {"@type": "CreativeWork", "headline": "Acme prices its widget",
            "datePublished": "2025-01-02"}
    assert claim["appearance"] == [work] and claim["firstAppearance"] == work
    assert claim["datePublished"] == "2025-01-02"


def test_structured_data_names_what_its_note_refers_to_and_only_real_authors(
        make_content: Callable[..., Path]) -> None:
    """The rating's explanation reads as the page does: a claim referred to by its
    statement, not its id. A claimant that is no person or organisation (an unnamed
    group, a product) is no author."""
    claims = CLAIMS_YML.replace("claimant: acme", "claimant: anon") + (
        '    note: "Against [[claim:widget-cheap]] and [[source:acme-widget]]."\n'
        "  - id: widget-cheap\n"
        '    statement: "The widget costs under $1 million."\n'
        "    status: reported\n")
    entities = ENTITIES_YML + "  - id: anon\n    name: Unnamed critics\n    kind: other\n"
    result = build(make_content(changes={"claims.yml": claims, "entities.yml": entities}))
    data = front_matter(result.pages["claims/widget-cost-5m.md"])["jsonld"]
    assert isinstance(data, dict)
    assert data["reviewRating"]["ratingExplanation"] == \
        "Against The widget costs under $1 million. and Acme prices its widget."
    assert "author" not in data["itemReviewed"]


def test_unrated_claim_is_a_bare_claim_without_inferred_dates(
        make_content: Callable[..., Path]) -> None:
    source = SOURCE_YML.replace('published: "2025-01-02"',
                                'published: {date: "2025-01", inferred: true, basis: "x"}\n'
                                'url: "https://news.example/widget"\noutlet: "Widget News"')
    claims = CLAIMS_YML.replace("status: disputed", "status: reported").replace(
        "claimant: acme", "claimant: jane-doe")
    result = build(make_content(changes={"sources/acme-widget.yml": source,
                                         "claims.yml": claims}))
    data = front_matter(result.pages["claims/widget-cost-5m.md"])["jsonld"]
    assert isinstance(data, dict)
    assert data["@type"] == "Claim" and "reviewRating" not in data
    assert data["author"] == {"@type": "Person", "name": "Jane Doe"}
    assert data["appearance"] == [{
        "@type": "CreativeWork", "headline": "Acme prices its widget",
        "url": "https://news.example/widget",
        "publisher": {"@type": "Organization", "name": "Widget News"}}]
    # An inferred date is the curator's reading, not the source's: left out.
    assert "datePublished" not in data and "firstAppearance" not in data


def test_an_undated_source_leaves_the_first_appearance_unknown(
        make_content: Callable[..., Path]) -> None:
    """The dated source is not the first appearance when another carrying the claim has
    only an inferred date: that one may be the earlier."""
    undated = ('title: "Trade paper on widgets"\n'
               'published: {date: "2024-12", inferred: true, basis: "x"}\n'
               "quotes:\n  - id: trade-cost\n    text: \"its widget costs $5 million\"\n"
               "    asserts: [widget-cost-5m]\n")
    content = make_content(changes={
        "sources/trade-widget.txt": "Acme, a trade paper says, holds that its widget "
                                    "costs $5 million.\n",
        "sources/trade-widget.yml": undated})
    data = front_matter(build(content).pages["claims/widget-cost-5m.md"])["jsonld"]
    assert isinstance(data, dict)
    claim = data["itemReviewed"]
    assert len(claim["appearance"]) == 2
    assert "firstAppearance" not in claim and "datePublished" not in claim


@pytest.mark.parametrize(("claimant", "asserts", "words", "listed"), [
    ("claimant: acme", "asserts", "Claimed by Acme Corp", "[Acme Corp]"),
    ("", "asserts", "Stated by the source in its own voice", "the source"),
    ("", "reports", "Relayed by the source, which does not say whose claim it is",
     "not named"),
])
def test_a_claim_says_whose_it_is_wherever_it_is_read(
        make_content: Callable[..., Path], claimant: str, asserts: str, words: str,
        listed: str) -> None:
    """A claim only relayed, with no claimant, never reads as the sources' own statement:
    not on its page, in its description, in the feed or in the claims index. One source
    is one source."""
    claims = CLAIMS_YML.replace("claimant: acme", claimant)
    source = SOURCE_YML.replace("asserts: [widget-cost-5m]", f"{asserts}: [widget-cost-5m]")
    result = build(make_content(changes={"claims.yml": claims,
                                         "sources/acme-widget.yml": source}))
    page = result.pages["claims/widget-cost-5m.md"]
    statement = "Acme Corp says its widget costs $5 million."
    assert front_matter(page)["description"] == f"{words}: {statement}"
    assert words in re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", page.split("\n---\n", 1)[1])
    assert f">{words}: {statement} Status: disputed.</summary>" in \
        result.files["feed.xml"]
    row = next(line for line in result.pages["claims/index.md"].splitlines()
               if "widget-cost-5m" in line)
    assert f"Claimant</span> {listed}" in row, row


def test_structured_data_cannot_close_its_script(make_content: Callable[..., Path]) -> None:
    claims = CLAIMS_YML.replace(
        'statement: "[[entity:acme]] says its widget costs $5 million."',
        "statement: \"</script><script>alert(1)</script> & '---'\"")
    page = build(make_content(changes={"claims.yml": claims})).pages["claims/widget-cost-5m.md"]
    head = page.split("\n---\n", 1)[0]
    assert "<" not in head and ">" not in head and "&" not in head
    data = front_matter(page)["jsonld"]
    assert isinstance(data, dict)
    assert data["claimReviewed"] == "</script><script>alert(1)</script> & '---'"


def test_coverage_is_a_sources_by_claims_matrix(make_content: Callable[..., Path]) -> None:
    page = build(make_content()).pages["coverage.md"]
    header = next(line for line in page.splitlines() if line.startswith("| Claim |"))
    assert "[S1<span class=\"visually-hidden\">: Acme prices its widget</span>]" \
           "(sources/acme-widget.md)" in header
    row = next(line for line in page.splitlines() if line.startswith("| [Acme Corp says"))
    # One cell per source; both stances, each a symbol (hidden from screen readers) and
    # a word, linked to its passage.
    assert row.count(" |") == 2
    assert ('[<span aria-hidden="true">\u2713</span> asserts]'
            "(sources/acme-widget.md#q-acme-cost){.stance .stance-asserts}") in row
    assert ('[<span aria-hidden="true">?</span> doubts]'
            "(sources/acme-widget.md#q-doe-overpriced){.stance .stance-doubts}") in row


def many_sources(count: int) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    claims = ["claims:"]
    for n in range(count):
        files[f"sources/s{n:03d}.txt"] = f"Article {n} says the price is {n} dollars.\n"
        files[f"sources/s{n:03d}.yml"] = (
            f'title: "Article {n}"\npublished: "2024-{n % 12 + 1:02d}"\nquotes:\n'
            f'  - id: q{n}\n    text: "the price is {n} dollars"\n'
            f"    reports: [c{n % 70}]\n    speaker: e{n % 20}\n")
    for n in range(70):
        claims.append(f'  - id: c{n}\n    statement: "Claim {n}."\n    status: reported')
    files["claims.yml"] = "\n".join(claims) + "\n"
    files["entities.yml"] = "entities:\n" + "".join(
        f"  - id: e{n}\n    name: Person {n}\n    kind: person\n" for n in range(20))
    files["briefs/b.yml"] = ('title: B\nsummary: "S."\nsections:\n  - kind: what-happened\n'
                             "    points:\n" + "".join(
                                 f'      - text: "P{n}."\n        cites: [q{n}]\n'
                                 f"        claims: [c{n}]\n" for n in range(5)))
    return files


def test_coverage_splits_many_sources_into_narrow_tables(
        make_content: Callable[..., Path]) -> None:
    count = COVERAGE_COLUMNS * (COVERAGE_TABLES_PER_PAGE - 1) + 3  # still one page
    page = build(make_content(many_sources(count))).pages["coverage.md"]
    headers = [line for line in page.splitlines() if line.startswith("| Claim |")]
    assert len(headers) == COVERAGE_TABLES_PER_PAGE
    assert all(h.count("[S") <= COVERAGE_COLUMNS for h in headers)
    assert f"## Sources S1\u2013S{COVERAGE_COLUMNS}" in page


def test_focused_maps_link_every_node_and_say_it_in_words(
        make_content: Callable[..., Path]) -> None:
    pages = build(make_content()).pages
    page = pages["map/b-widget.md"]
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert "\n\n" not in svg and " \n" not in svg, "the SVG must stay one paragraph"
    nodes = re.findall(r"\]\(([^)]+)\)\{\.map-node \.map-(\w+)\}", svg)
    assert nodes == [("../claims/widget-cost-5m.md", "claim"),
                     ("../sources/acme-widget.md", "source")]
    assert svg.count('class="edge ') == 1 and 'class="edge edge-mixed" stroke-dasharray' in svg
    words = page.split("## In words", 1)[1]
    assert "- [Acme prices its widget](../sources/acme-widget.md) asserts or reports, and " \
        "also doubts: [Acme Corp says its widget costs $5 million.](../claims/widget-cost-5m.md)" \
        in words
    assert "[The widget price](../briefs/widget.md) rests on" in page
    assert "Not drawn" not in page
    # The entity's map: the claim it makes, and the claim its quote takes a position on.
    assert "(../claims/widget-cost-5m.md){.map-node .map-claim}" in pages["map/e-acme.md"]
    assert "(../claims/widget-cost-5m.md){.map-node .map-claim}" in pages["map/e-jane-doe.md"]
    # The map page lists every focused map; a brief and an entity link to their own.
    index = pages["map.md"]
    for path in ("map/b-widget.md", "map/e-acme.md", "map/e-jane-doe.md"):
        assert f"]({path})" in index
    assert "[Map](../map/b-widget.md)" in pages["briefs/widget.md"]
    assert "[Map](../map/e-acme.md)" in pages["entities/acme.md"]


def test_a_focused_map_of_many_claims_is_capped_and_says_what_it_leaves_out(
        make_content: Callable[..., Path]) -> None:
    files = many_sources(40)
    files["briefs/b.yml"] = ('title: B\nsummary: "S."\nsections:\n  - kind: what-happened\n'
                             "    points:\n" + "".join(
                                 f'      - text: "P{n}."\n        cites: [q{n}]\n'
                                 f"        claims: [c{n}]\n" for n in range(30)))
    content = make_content(files)
    first, second = (build(content).pages["map/b-b.md"] for _ in range(2))
    assert first == second, "the layout must be deterministic"
    svg = first[first.index("<svg"):first.index("</svg>")]
    assert svg.count("{.map-node .map-claim}") == MAX_CLAIMS
    assert svg.count("{.map-node .map-source}") == MAX_SOURCES
    # Claims c0-c9 have two sources each (q0 and q30...): the most connected are kept.
    for n in range(10):
        assert f"(../claims/c{n}.md){{.map-node" in svg
    left = 30 - MAX_CLAIMS
    assert f"Not drawn, to keep the map readable: {left} claims and " in first


def test_entity_page_groups_mentions_by_role(make_content: Callable[..., Path]) -> None:
    pages = build(make_content()).pages
    doe = pages["entities/jane-doe.md"]
    assert "Roles: [skeptic (1)](#skeptic) · [mentioned (1)](#mentions)" in doe
    skeptic = doe.split("## As skeptic", 1)[1].split("##", 1)[0]
    assert "q-doe-overpriced" in skeptic and "stance-doubts" in skeptic
    assert "## As speaker" not in doe
    assert "Jane Doe, an analyst, said \u201cthe widget is overpriced\u201d in a note." in doe
    acme = pages["entities/acme.md"]
    assert "[claimant (1)](#claimant) · [speaker (1)](#quoted) · [subject (1)](#subject)" in acme


def test_home_promises_only_what_every_page_keeps(make_content: Callable[..., Path]) -> None:
    """The lead promises a link to the quoted words for what always has one, a brief's
    point (`cites:` is required); a summary, a description or a note has none."""
    home = build(make_content()).pages["index.md"]
    lead = home.split("\n{: .lead }", 1)[0].rsplit("\n", 1)[-1]
    assert lead.endswith("Every point in a brief links to the exact words it rests on.")
    assert "Every statement" not in home


def test_figures_page_says_whose_numbers_it_gathers(
        make_content: Callable[..., Path]) -> None:
    """The ledger holds the figures recorded on claims, not every number in the articles
    (a number no claim records, or one no single qualifier can hedge, is left out)."""
    figures = build(make_content()).pages["figures.md"]
    assert ("Every figure recorded on a claim, grouped by what it measures; a number in a"
            " claim's wording with no figure recorded for it is not listed.") in figures
    assert "Every number the sources report" not in figures
    assert "Every number the claims state" not in figures


def test_home_shows_where_sources_disagree(make_content: Callable[..., Path]) -> None:
    home = build(make_content()).pages["index.md"]
    section = home.split("## Where accounts disagree", 1)[1].split("## ", 1)[0]
    assert "[Acme Corp says its widget costs $5 million.](claims/widget-cost-5m.md)" in section
    assert "asserted by 1 source · doubted by 1 source" in section


def test_home_lists_the_topics_and_has_no_topics_section_without_them(
        make_content: Callable[..., Path]) -> None:
    home = build(make_content()).pages["index.md"]
    section = home.split("\n## Topics\n", 1)[1].split("\n## ", 1)[0]
    assert "- [Cost](topics/t-cost.md): 1 claim · <span class=\"tally\"><span class=\"status " \
        "status-disputed\">disputed</span></span>\n" in section
    assert "more topic" not in section  # one topic: all shown, no link to the rest
    plain = build(make_content(changes={
        "claims.yml": CLAIMS_YML.replace("    topics: [cost]\n", "")})).pages
    assert "topics/index.md" in plain and "## Topics" not in plain["index.md"]
    assert "topics/t-" not in plain["index.md"]


def test_a_relay_is_not_counted_as_support(make_content: Callable[..., Path]) -> None:
    """Two sources relaying a claim and one doubting it: the claim page, the claims index
    and the home page all say so, and calling it corroborated is a warning that suggests
    `disputed`."""
    from corpus_helpers import minimal_corpus
    files = dict(minimal_corpus())
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        "asserts: [widget-cost-5m]", "reports: [widget-cost-5m]")
    files["sources/second.txt"] = "Acme Corp says its widget costs $5 million, Beta hears.\n"
    files["sources/second.yml"] = ('title: "Second"\nquotes:\n  - id: second-cost\n'
                                   '    text: "its widget costs $5 million"\n'
                                   "    reports: [widget-cost-5m]\n")
    files["claims.yml"] = str(files["claims.yml"]).replace("status: disputed",
                                                           "status: corroborated")
    result = build(make_content(files))
    said = "relayed by 2 sources · doubted by 1 source"
    assert said in result.pages["index.md"]
    assert said in result.pages["claims/index.md"]
    assert "Relayed by 2 sources · doubted by 1 source" in result.pages["claims/widget-cost-5m.md"]
    [warned] = [d for d in result.diagnostics if d.code == "status-evidence"]
    assert "none do (2 only relay it" in warned.message
    assert "`status: disputed`" in warned.hint


def test_an_entitys_claims_that_contradict_each_other_are_not_skepticism(
        make_content: Callable[..., Path]) -> None:
    """Acme's two claims contradicting each other (declared both ways) are one conflict
    among its claims, not Acme doubting someone; its claim against an unattributed one
    is listed as a claim contradicting another, and not as skepticism: Acme voiced no
    doubt of it."""
    from corpus_helpers import minimal_corpus
    files = dict(minimal_corpus())
    files["claims.yml"] = str(files["claims.yml"]).replace(
        "    topics: [cost]\n",
        "    topics: [cost]\n    relations:\n      contradicts: [widget-cost-9m]\n") + (
        "  - id: widget-cost-9m\n"
        '    statement: "[[entity:acme]] says its widget costs $9 million."\n'
        "    claimant: acme\n    status: disputed\n"
        "    relations:\n      contradicts: [widget-cost-5m, widget-free]\n"
        "  - id: widget-free\n"
        '    statement: "The widget is free."\n    status: disputed\n')
    acme = build(make_content(files)).pages["entities/acme.md"]
    assert "[conflicts among their claims (1)](#conflicts) · " \
        "[claims contradicting others (1)](#contradicts)" in acme
    assert "skeptic" not in acme
    conflicts = acme.split("## Conflicts among their claims", 1)[1].split("##", 1)[0]
    assert conflicts.count("\n- ") == 1
    assert "(../claims/widget-cost-5m.md) <span class=\"status status-disputed\">disputed" \
        "</span> **contradicts** [Acme Corp says its widget costs $9 million.]" in conflicts
    against = acme.split("## Their claims contradicting others", 1)[1].split("##", 1)[0]
    assert against.count("\n- ") == 1 and "widget-cost-5m" not in against
    assert "Their claim [Acme Corp says its widget costs $9 million.]" \
        "(../claims/widget-cost-9m.md) **contradicts** [The widget is free.]" in against
    assert "different people's" not in acme


def test_a_groups_conflicting_claims_may_be_different_peoples(
        make_content: Callable[..., Path]) -> None:
    """An entity of kind `group` stands for voices a source does not name one by one:
    where two of its claims conflict, its page says they may be different people's
    rather than show one voice contradicting itself."""
    from corpus_helpers import minimal_corpus
    files = dict(minimal_corpus())
    files["entities.yml"] = str(files["entities.yml"]).replace(
        "    kind: organisation", "    kind: group", 1)
    files["claims.yml"] = str(files["claims.yml"]).replace(
        "    topics: [cost]\n",
        "    topics: [cost]\n    relations:\n      contradicts: [widget-cost-9m]\n") + (
        "  - id: widget-cost-9m\n"
        '    statement: "[[entity:acme]] says its widget costs $9 million."\n'
        "    claimant: acme\n    status: disputed\n")
    result = build(make_content(files))
    assert not [d for d in result.diagnostics if d.severity.name == "ERROR"]
    acme = result.pages["entities/acme.md"]
    conflicts = acme.split("## Conflicts among their claims", 1)[1].split("##", 1)[0]
    assert "This entry gathers voices the sources do not name one by one: two of its " \
        "claims that conflict may be different people's." in conflicts
    assert "\nGroup · also written" in acme


@pytest.fixture(scope="module", params=["seed", "synthetic"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> BuildResult:
    """The seed and synthetic corpora, each built once for the tests that hold every page
    of a corpus to what its data says."""
    from property_corpora import CORPORA
    content = tmp_path_factory.mktemp(request.param) / "content"
    CORPORA[request.param](content)
    return build(content)


def test_an_entity_is_a_skeptic_only_in_its_own_words_of_doubt(corpus: BuildResult) -> None:
    """On every entity page of the seed and synthetic corpora, "As skeptic" lists exactly
    the passages the entity speaks that doubt or refute a claim, and nothing else: a
    contradiction recorded between claims is no doubt the entity voiced (the flagship's
    DeepSeek, whose early 2,000-chip claim is recorded as contradicting the later report
    of 512 chips, is no skeptic of its own disclosure)."""
    result = corpus
    assert result.linked is not None and result.pages
    lk = result.linked
    for entity_id in lk.entities:
        pages = [text for path, text in result.pages.items()
                 if path == f"entities/{entity_id}.md"
                 or path.startswith(f"entities/{entity_id}/page-")]
        listed = set()
        for page in pages:
            if "## As skeptic" not in page:
                continue
            section = page.split("## As skeptic", 1)[1].split("\n## ", 1)[0]
            lines = [line for line in section.splitlines() if line.startswith("- ")]
            for line in lines:
                anchor = re.search(r"\(\.\./sources/[^)#]+\.md#q-([^)]+)\)", line)
                assert anchor, f"{entity_id}: a skeptic line that is no quote: {line}"
                listed.add(anchor.group(1))
        doubting = {q.id for q in lk.quotes.values()
                    if q.speaker and q.speaker.id == entity_id
                    and any(stance in ("doubts", "refutes") for stance, _ in q.stances())}
        assert listed == doubting, entity_id


def test_claims_joined_by_semicolons_lose_their_full_stops(
        make_content: Callable[..., Path]) -> None:
    """A passage that doubts several claims lists them joined by "; ": no "million.;" on
    the entity page or the map, while the last keeps its stop and an abbreviation its
    own."""
    files = _with_claims(
        "  - id: widget-us\n"
        '    statement: "[[entity:acme]] sells its widget in the U.S."\n'
        "    claimant: acme\n    status: disputed\n"
        "  - id: widget-late\n"
        '    statement: "[[entity:acme]] ships its widget late."\n'
        "    claimant: acme\n    status: disputed\n"
        "  - id: widget-red\n"
        '    statement: "The widget is red."\n    status: disputed\n')
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        "doubts: [widget-cost-5m]", "doubts: [widget-cost-5m, widget-us, widget-late, "
        "widget-red]")
    pages = build(make_content(files)).pages
    doe = pages["entities/jane-doe.md"]
    assert "[Acme Corp says its widget costs $5 million](../claims/widget-cost-5m.md); " \
        in doe
    assert "[Acme Corp sells its widget in the U.S.](../claims/widget-us.md); " in doe
    assert "[The widget is red.](../claims/widget-red.md)\n" in doe
    # The map shortens long statements; a whole one keeps no stop before "; " either.
    words = pages["map/e-jane-doe.md"].split("## In words", 1)[1]
    assert "[Acme Corp ships its widget late](../claims/widget-late.md); " in words
    for page in (doe, words):
        assert not re.search(r"[a-z0-9]\.\]\([^)]*\); ", page)


def test_a_quote_with_quotation_marks_nests_them_when_shown(
        make_content: Callable[..., Path]) -> None:
    """A quote holding straight double quotes is checked against its source as written
    and shown with single curly ones inside the curly double ones, on every page that
    shows it."""
    from corpus_helpers import minimal_corpus
    files = dict(minimal_corpus())
    files["sources/acme-widget.txt"] = str(files["sources/acme-widget.txt"]) + (
        'Jane Doe called the figure "speculative" at best.\n')
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]) + (
        "  - id: doe-speculative\n"
        "    text: 'the figure \"speculative\" at best'\n"
        "    speaker: jane-doe\n    doubts: [widget-cost-5m]\n")
    files["briefs/widget.yml"] = str(files["briefs/widget.yml"]).replace(
        "cites: [doe-overpriced]", "cites: [doe-overpriced, doe-speculative]")
    result = build(make_content(files))
    assert not [d for d in result.diagnostics if d.code.startswith("quote")]
    shown = "\u201cthe figure \u2018speculative\u2019 at best\u201d"
    for path in ("sources/acme-widget.md", "entities/jane-doe.md",
                 "claims/widget-cost-5m.md", "briefs/widget.md"):
        page = result.pages[path]
        assert shown in page, path
        assert '\u201cthe figure "speculative' not in page, path
    # The source's own text is shown as it is.
    assert 'called <mark class="quote" id="q-doe-speculative" ' \
        'data-quotes="doe-speculative">the figure "speculative" at best</mark>' \
        in result.pages["sources/acme-widget.md"]


def test_a_quote_is_shown_between_the_site_languages_marks_on_every_page(
        make_content: Callable[..., Path]) -> None:
    """On an Italian site a quote stands between «…» wherever it is shown: in a brief's
    list of quotes and a source's, and as the link to it in a claim's evidence and an
    entity's quotes, not between the English marks in the last two."""
    from briefing.wording import wording_for
    result = build(make_content(minimal_corpus()), language="it", wording=wording_for("it"))
    shown = "\u00abthe widget is overpriced\u00bb"
    for path in ("sources/acme-widget.md", "entities/jane-doe.md",
                 "claims/widget-cost-5m.md", "briefs/widget.md"):
        page = result.pages[path]
        assert shown in page, path


def test_a_range_across_scale_words_repeats_its_currency(
        make_content: Callable[..., Path]) -> None:
    """£900 million to £1.1 billion is shown with the pound on both ends on the claim's
    page and the metric's ledger; £900 million to £950 million keeps one scale word."""
    from corpus_helpers import minimal_corpus
    files = dict(minimal_corpus())
    files["claims.yml"] = str(files["claims.yml"]).replace(
        "        value: 5000000\n        unit: USD\n",
        "        value: [900000000, 1100000000]\n        unit: GBP\n"
        "      - metric: widget-cost\n        subject: acme\n"
        "        value: [900000000, 950000000]\n        unit: GBP\n")
    pages = build(make_content(files)).pages
    for path in ("claims/widget-cost-5m.md", "figures/m-widget-cost.md"):
        assert "\u00a3900 million\u2013\u00a31.1 billion" in pages[path], path
        assert "\u00a3900\u2013950 million" in pages[path], path
        assert "million\u20131.1" not in pages[path], path


def test_a_topic_lists_its_claims_once_in_words_spelled_as_the_names(
        make_content: Callable[..., Path]) -> None:
    """A claim naming a topic twice is listed once; the topic's words take the spelling of
    the entities' names; its page, the topics index and the claim's page agree."""
    claims = CLAIMS_YML.replace("topics: [cost]", "topics: [acme-cost, acme-cost, cost]")
    pages = build(make_content(changes={"claims.yml": claims})).pages
    topic = pages["topics/t-acme-cost.md"]
    assert "\n# Acme cost\n" in topic
    assert "1 claim on this topic, <span class=\"status status-disputed\">disputed</span>." \
        in topic
    assert topic.count("../claims/widget-cost-5m.md") == 1
    # Its other topic, not itself, beside the claim.
    assert "[Cost](t-cost.md)" in topic and "(t-acme-cost.md)" not in topic
    assert front_matter(topic)["description"] == "Acme cost: 1 claim, disputed."
    index = pages["topics/index.md"]
    assert "| [Acme cost](t-acme-cost.md) |" in index and "| [Cost](t-cost.md) |" in index
    claim = pages["claims/widget-cost-5m.md"]
    assert "Topics: [Acme cost](../topics/t-acme-cost.md), [Cost](../topics/t-cost.md)" \
        in claim


def test_one_figure_for_two_subjects_is_not_counted_as_values_that_disagree(
        make_content: Callable[..., Path]) -> None:
    """$5 million for Acme's widget and $5 million for Jane Doe's: both may be right, so
    the home page does not answer "yes" to "Values disagree?" and no page counts it as a
    disagreement; it is flagged as the same figure attached to different subjects."""
    files = _with_claims(
        "  - id: doe-widget-5m\n"
        '    statement: "[[entity:jane-doe]]\'s widget costs $5 million."\n'
        "    status: reported\n"
        "    figures:\n"
        "      - {metric: widget-cost, subject: jane-doe, value: 5000000, unit: USD}\n")
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        "asserts: [widget-cost-5m]", "asserts: [widget-cost-5m, doe-widget-5m]")
    pages = build(make_content(files)).pages
    row = next(line for line in pages["index.md"].splitlines()
               if line.startswith("| [Widget cost]"))
    assert row.endswith("no · <span class=\"flag\">same figure, different subjects</span> |")
    assert 'description: "Widget cost: 2 values reported, 1 figure attached to different ' \
        'subjects."' in pages["figures/m-widget-cost.md"]
    assert "disagreement" not in pages["figures/m-widget-cost.md"].split("\n# ", 1)[1] \
        .split("{: .meta }", 1)[0]
    index_row = next(line for line in pages["figures.md"].splitlines() if "m-widget-cost" in line)
    assert "1 figure attached to different subjects" in index_row and "none" not in index_row
    assert "Same figure, different subjects</span> [Widget cost]" in pages["index.md"]


def test_values_disagree_only_where_values_for_one_subject_differ(
        corpus: BuildResult) -> None:
    """On the seed and synthetic corpora, every metric's "Values disagree?" on the home
    page, and the disagreements its page and its description count, are the
    values that differ for one subject, never a figure given for different subjects."""
    result = corpus
    assert result.linked is not None and result.pages
    home = result.pages["index.md"].split("## Key figures", 1)[1].split("\n## ", 1)[0]
    for ledger in result.linked.ledger:
        differ = sum(d.kind == "values" for d in ledger.disagreements)
        page = result.pages[f"figures/m-{ledger.metric}.md"]
        said = re.search(r'description: ".*?: \d+ values? reported(?:, (\d+) disagreements?)?',
                         page)
        assert said and int(said.group(1) or 0) == differ, ledger.metric
        row = [line for line in home.splitlines() if f"(figures/m-{ledger.metric}.md)" in line]
        if row:
            answer = row[0].split("Values disagree?</span> ", 1)[1]
            assert answer.startswith('<span class="flag">yes') == bool(differ), ledger.metric


def test_relations_between_claims_are_labelled_the_curators_reading(
        corpus: BuildResult) -> None:
    """No passage is quoted for a relation between claims ("contradicted by", "qualified
    by"): on the seed and synthetic corpora, every claim page that shows one,
    and every entity section listing contradictions, says it is the curator's reading."""
    result = corpus
    assert result.linked is not None and result.pages
    related = 0
    for path, page in result.pages.items():
        for heading in ("## Related claims", "## Conflicts among their claims",
                        "## Their claims contradicting others"):
            if heading in page:
                related += 1
                section = page.split(heading, 1)[1].split("\n## ", 1)[0]
                assert "is the curator's reading of the sources" in section, (path, heading)
    assert related


def test_a_claim_page_leads_back_to_each_point_that_shows_it(corpus: BuildResult) -> None:
    """A claim page's "Cited in briefs" names, under each brief, the points that show the
    claim (a chip) or name it, and only those: the reader who came from a point's chip
    finds the way back to it. On the seed and synthetic corpora."""
    pages = corpus.pages
    point_line = re.compile(r'^- <span class="anchor" id="(point-[^"]+)"></span>.*?'
                            r'(?=^- <span class="anchor"|^#|\Z)', re.M | re.S)
    shown_in: dict[str, set[str]] = {}  # claim page -> "briefs/b.md#point-…" showing it
    for path, page in pages.items():
        if path.startswith("briefs/") and path != "briefs/index.md":
            for point in point_line.finditer(page):
                for claim in re.findall(r"\]\(\.\./(claims/[^)#]+\.md)\)", point.group()):
                    shown_in.setdefault(claim, set()).add(f"{path}#{point.group(1)}")
    checked = 0
    for path, page in pages.items():
        if not path.startswith("claims/") or "## Cited in briefs" not in page:
            continue
        section = page.split("## Cited in briefs", 1)[1].split("\n## ", 1)[0]
        listed = {target for target in re.findall(r"\]\(\.\./(briefs/[^)]+#point-[^)]+)\)",
                                                  section)}
        assert listed == shown_in.get(path, set()), path
        checked += bool(listed)
    assert checked


@pytest.mark.parametrize(("second_outlet", "corroborated"),
                         [("Acme Times", False), ("acme times ", False),
                          ("Widget Weekly", True), ("", True)])
def test_two_articles_of_one_outlet_do_not_corroborate_a_claim(
        make_content: Callable[..., Path], second_outlet: str, corroborated: bool) -> None:
    """Two articles asserting a claim are two independent accounts only when they come
    from different outlets (a source naming none counts as one of its own): the same
    outlet twice is said as "asserted by 2 sources of 1 outlet", and a `corroborated`
    resting on it is warned of."""
    from corpus_helpers import minimal_corpus
    files = dict(minimal_corpus())
    files["sources/acme-widget.yml"] = 'outlet: "Acme Times"\n' + str(
        files["sources/acme-widget.yml"]).replace("    doubts: [widget-cost-5m]\n", "")
    files["sources/acme-again.txt"] = "Acme repeats that its widget costs $5 million.\n"
    files["sources/acme-again.yml"] = (
        'title: "Acme repeats the price"\npublished: "2025-01-03"\n'
        + (f'outlet: "{second_outlet}"\n' if second_outlet else "")
        + 'quotes:\n  - id: acme-again\n    text: "its widget costs $5 million"\n'
        "    asserts: [widget-cost-5m]\n")
    files["claims.yml"] = str(files["claims.yml"]).replace("status: disputed",
                                                           "status: corroborated")
    result = build(make_content(files))
    warned = [d for d in result.diagnostics if d.code == "status-evidence"]
    said = "asserted by 2 sources" + ("" if corroborated else " of 1 outlet")
    assert f"{said} |" in result.pages["claims/index.md"]
    if corroborated:
        assert not warned
    else:
        assert "independent sources" in warned[0].message
        assert "`status: reported`" in warned[0].hint


INFERRED_SUBJECT = (
    "  - id: widget-cost-9m\n"
    '    statement: "The widget costs $9 million."\n'
    "    status: reported\n"
    "    figures:\n"
    "      - metric: widget-cost\n"
    "        subject:\n"
    "          entity: acme\n"
    "          inferred: true\n"
    '          basis: "The text names no maker <b>; Acme is the one it quotes"\n'
    "        value: 9000000\n"
    "        unit: USD\n")
# The label after a subject the curator paired with a figure, its basis as the tip.
MARK = ('<span class="subject-inferred"> <span class="inferred" title="The text names no '
        'maker &lt;b&gt;; Acme is the one it quotes">inferred</span></span>')


def _inferred_subject_pages(make_content: Callable[..., Path], claim: str = INFERRED_SUBJECT,
                            **options: str) -> dict[str, str]:
    files = _with_claims(claim)
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        "asserts: [widget-cost-5m]", "asserts: [widget-cost-5m, widget-cost-9m]")
    result = build(make_content(files), **options)
    assert result.error is None
    return result.pages


def test_a_subject_the_curator_inferred_is_marked_wherever_the_figure_names_it(
        make_content: Callable[..., Path]) -> None:
    """The source gives $9 million without naming whose widget; the curator reads it as
    Acme's. Every place that pairs the figure with Acme says the pairing is inferred, with
    the basis as its tip, and so does the disagreement it makes with Acme's own $5
    million: the conflict is the curator's reading, not the sources'."""
    pages = _inferred_subject_pages(make_content)
    home, metric = pages["index.md"], pages["figures/m-widget-cost.md"]
    key_row = next(line for line in home.splitlines() if line.startswith("| [Widget cost]"))
    assert f"$9 million (Acme Corp{MARK})" in key_row
    assert "$5 million (Acme Corp);" in key_row  # the one the source names is not marked
    index_row = next(line for line in pages["figures.md"].splitlines()
                     if "m-widget-cost" in line)
    assert f"$9 million (Acme Corp{MARK})" in index_row
    # The disagreement rests on the reading: its subject is marked, the tip naming the
    # value whose subject is inferred.
    tip = ('<span class="subject-inferred"> <span class="inferred" title="$9 million: The '
           'text names no maker &lt;b&gt;; Acme is the one it quotes">inferred</span></span>')
    split = home.split("## Where accounts disagree", 1)[1].split("\n## ", 1)[0]
    assert f"for [Acme Corp](entities/acme.md){tip}" in split
    assert f"for [Acme Corp](../entities/acme.md){tip}: $5 million" in metric
    row = next(line for line in metric.splitlines() if line.startswith("| $9 million"))
    assert f"[Acme Corp](../entities/acme.md){MARK} |" in row
    assert "$9 million · Acme Corp (inferred)" in metric  # the chart's row
    assert "Acme Corp (inferred): values differ" in metric  # the chart's spread
    claim = pages["claims/widget-cost-9m.md"]
    assert f"[Acme Corp](../entities/acme.md){MARK} |" in claim
    assert "subject-inferred" not in pages["claims/widget-cost-5m.md"]
    # Acme's page lists the claim as about Acme only by that reading: so marked.
    about = pages["entities/acme.md"].split("## Subject of", 1)[1]
    assert f"[The widget costs $9 million.](../claims/widget-cost-9m.md){MARK} " in about


def test_an_inferred_subject_without_a_basis_says_whose_reading_it_is(
        make_content: Callable[..., Path]) -> None:
    claim = INFERRED_SUBJECT.replace(
        '          basis: "The text names no maker <b>; Acme is the one it quotes"\n', "")
    pages = _inferred_subject_pages(make_content, claim)
    assert ('(Acme Corp<span class="subject-inferred"> <span class="inferred" title="The '
            "curator&#x27;s reading: the source does not say what the figure is about\">"
            "inferred"
            "</span></span>)") in pages["index.md"]


def test_an_inferred_subject_is_marked_in_the_sites_language(
        make_content: Callable[..., Path]) -> None:
    """"Inferred" beside a subject agrees with it, not with a date ("déduite")."""
    pages = _inferred_subject_pages(make_content, language="fr")
    assert '<span class="inferred" title="The text names no maker &lt;b&gt;; Acme is the ' \
        'one it quotes">déduit</span>' in pages["index.md"]
    assert "Acme Corp (déduit)" in pages["figures/m-widget-cost.md"]
