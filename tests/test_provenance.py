"""The prose provenance checks: each fires at the exact words on a broken corpus, and stays
silent on clean ones (the seed corpus and the benchmark's synthetic corpus)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_helpers import BRIEF_YML, SEED, minimal_corpus, snapshot, write_tree

from benchmarks.corpus import generate
from briefing import provenance
from briefing.buildcache import BuildCache
from briefing.cli import main
from briefing.diagnostics import Diagnostic, Pos
from briefing.hedges import Hedges, parse_hedges
from briefing.numbers import numbers
from briefing.pipeline import build
from briefing.provenance import quoted_spans
from briefing.settings import Policy

BRIEF = "briefs/widget.yml"
POINT = 'text: "Acme says the widget costs $5 million."'
HEDGED = (("sources/acme-widget.txt", "costs $5 million", "costs about $5 million"),
          ("sources/acme-widget.yml", "its widget costs $5 million",
           "its widget costs about $5 million"))
# The claim's figure keeps the hedge as its qualifier.
FIGURE_HEDGED = ("claims.yml", "        unit: USD\n",
                 "        unit: USD\n        qualifier: about\n")
SUMMARY = ("at $5 million;", "at about $5 million;")  # and the brief's summary

# (case, edits, code, where, words the message names)
CASES = [
    ("invented quotation", ((BRIEF, POINT, "text: 'Acme calls the widget \"a steal\".'"),),
     "prose-quote-unsourced", f"{BRIEF}:6:39", '"a steal"'),
    ("curly quotation", ((BRIEF, POINT, 'text: "Acme calls it \u201ca steal\u201d."'),),
     "prose-quote-unsourced", f"{BRIEF}:6:31", '"a steal"'),
    ("single quotation", ((BRIEF, POINT, "text: \"Acme calls it 'a steal'.\""),),
     "prose-quote-unsourced", f"{BRIEF}:6:31", '"a steal"'),
    ("guillemets", ((BRIEF, POINT, 'text: "Acme calls it \u00aba steal\u00bb."'),),
     "prose-quote-unsourced", f"{BRIEF}:6:31", '"a steal"'),
    ("curly single around an apostrophe",
     ((BRIEF, POINT, 'text: "Acme calls it \u2018Acme\u2019s steal\u2019."'),),
     "prose-quote-unsourced", f"{BRIEF}:6:31", "Acme\u2019s steal"),
    ("part of a word", ((BRIEF, POINT, 'text: "Acme says the \\"dget\\" costs $5 million."'),),
     "prose-quote-unsourced", f"{BRIEF}:6:32", '"dget"'),
    ("quotation in a brief title",
     ((BRIEF, "title: The widget price", "title: 'The \"bargain\" widget'"),),
     "prose-quote-unsourced", f"{BRIEF}:1:14", '"bargain"'),
    ("quotation in a figure's scope", (("claims.yml", "        unit: USD\n",
                                        "        unit: USD\n        scope: The article says "
                                        "'a bargain'\n"),),
     "prose-quote-unsourced", "claims.yml:12:34", '"a bargain"'),
    ("quotation in an event label",
     (("claims.yml", "announces the widget's price.", 'calls the price \\"fair\\".'),),
     "prose-quote-unsourced", "claims.yml:13:50", '"fair"'),
    ("quotation in an entity description",
     (("entities.yml", "    kind: person\n", '    kind: person\n    description: '
       '"Says the widget is \\"overpriced by half\\"."\n'),),
     "prose-quote-unsourced", "entities.yml:9:40", '"overpriced by half"'),
    ("number no quote gives", ((BRIEF, "costs $5 million.", "costs $7M."),),
     "prose-figure-unsourced", f"{BRIEF}:6:43", "$7M"),
    ("hedge dropped in a point", HEDGED, "prose-hedge-dropped", f"{BRIEF}:6:43", '"about"'),
    ("hedge dropped in a claim", HEDGED, "prose-hedge-dropped", "claims.yml:3:55", '"about"'),
    ("hedge dropped in a summary", HEDGED, "prose-hedge-dropped", f"{BRIEF}:2:48", '"about"'),
    ("hedge dropped in a figure", HEDGED, "prose-hedge-dropped", "claims.yml:10:9",
     "figure's qualifier is 'exactly'"),
    ("figure no quote gives", (("claims.yml", "value: 5000000", "value: 7000000"),),
     "prose-figure-unsourced", "claims.yml:10:9", "figure 7,000,000"),
    ("number in a claim no quote gives", (("claims.yml", "costs $5 million.", "costs $7M."),),
     "prose-figure-unsourced", "claims.yml:3:55", "$7M"),
    # A numeric hedge is kept next to its number, not anywhere in the text.
    ("hedge elsewhere in the point", (*HEDGED, (BRIEF, POINT,
      'text: "About the price: Acme says the widget costs $5 million."')),
     "prose-hedge-dropped", f"{BRIEF}:6:60", "of $5 million"),
    ("hearsay before a number dropped",
     (("sources/acme-widget.txt", "costs $5 million", "costs a reported $5 million"),
      ("sources/acme-widget.yml", "its widget costs $5 million",
       "its widget costs a reported $5 million")),
     "prose-hedge-dropped", f"{BRIEF}:6:16", '"a reported"'),
    ("modal hedge dropped",
     (("sources/acme-widget.txt", "Critics disagree.", "Critics say it may fail."),
      ("sources/acme-widget.yml", "text: \"the widget is overpriced\"",
       "text: \"Critics say it may fail\""),
      (BRIEF, "An analyst calls it overpriced.", "Critics say it fails.")),
     "prose-hedge-dropped", f"{BRIEF}:11:16", '"may"'),
    ("words given to one named with an affiliation",
     ((BRIEF, "Acme says the widget", "Jane Doe of Acme says the widget"),),
     "prose-attribution", f"{BRIEF}:6:16", "Jane Doe"),
    ("words given to another", ((BRIEF, "An analyst calls it", "Acme calls it"),),
     "prose-attribution", f"{BRIEF}:11:16", "Acme Corp"),
    ("words given to another by reference",
     ((BRIEF, "An analyst calls it", "According to [[entity:acme]], it is"),),
     "prose-attribution", f"{BRIEF}:11:29", "Acme Corp"),
]


def corpus(tmp_path: Path, edits: tuple[tuple[str, str, str], ...]) -> Path:
    files = dict(minimal_corpus())
    for name, old, new in edits:
        text = files[name]
        assert isinstance(text, str) and old in text, (name, old)
        files[name] = text.replace(old, new, 1)
    return write_tree(tmp_path / "content", files)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_check_fires_at_the_words(
        case: tuple[str, tuple[tuple[str, str, str], ...], str, str, str],
        tmp_path: Path) -> None:
    _, edits, code, where, named = case
    content = corpus(tmp_path, edits)
    found = [d for d in build(content).diagnostics if d.code == code]
    at = [str(d.pos).removeprefix(content.as_posix() + "/") for d in found]
    assert where in at, f"{code} at {at}, expected {where}"
    assert any(named in d.message for d in found), [d.message for d in found]
    assert all(d.hint for d in found)


def test_may_the_month_is_no_hedge(tmp_path: Path) -> None:
    """A quote saying the widget ships "in May" does not ask the point to say "may"."""
    content = corpus(tmp_path, (
        ("sources/acme-widget.txt", "Critics disagree.", "It ships in May, Acme said."),
        ("sources/acme-widget.yml", "    doubts: [widget-cost-5m]\n",
         '    doubts: [widget-cost-5m]\n  - id: acme-may\n    text: "It ships in May"\n'
         "    speaker: acme\n"),
        (BRIEF, "An analyst calls it overpriced.\"\n        cites: [doe-overpriced]",
         "An analyst calls it overpriced.\"\n        cites: [doe-overpriced]\n"
         "      - text: \"Acme says the widget ships this spring.\"\n"
         "        cites: [acme-may]")))
    assert [d.format() for d in build(content).diagnostics] == []
    hedged = content / "sources" / "acme-widget.txt"
    hedged.write_text(hedged.read_text().replace("It ships in May", "It may ship soon"))
    yml = content / "sources" / "acme-widget.yml"
    yml.write_text(yml.read_text().replace("It ships in May", "It may ship soon"))
    assert {d.code for d in build(content).diagnostics} == {"prose-hedge-dropped"}


def hedge_warned(tmp_path: Path, said: str, point: str) -> bool:
    """Whether a point saying `point`, citing a quote of the article's words `said`, is
    warned that it drops the quote's hedge."""
    content = corpus(tmp_path, (
        ("sources/acme-widget.txt", "Critics disagree.", f"{said}."),
        ("sources/acme-widget.yml", "    doubts: [widget-cost-5m]\n",
         f'    doubts: [widget-cost-5m]\n  - id: critics\n    text: "{said}"\n'),
        (BRIEF, "An analyst calls it overpriced.\"\n        cites: [doe-overpriced]",
         "An analyst calls it overpriced.\"\n        cites: [doe-overpriced]\n"
         f"      - text: \"{point}\"\n        cites: [critics]")))
    found = {d.code for d in build(content).diagnostics}
    assert found <= {"prose-hedge-dropped"}, found
    return bool(found)


@pytest.mark.parametrize(("said", "hedged"), [
    ("Critics doubt its claims", False), ("Critics doubt Acme's claims", False),
    ("Critics say Acme claims too much", True)])
def test_claims_the_noun_is_no_hedge(tmp_path: Path, said: str, hedged: bool) -> None:
    """"Acme's claims" names what Acme said; only "Acme claims" hedges what follows."""
    assert hedge_warned(tmp_path, said, "The widget is too dear.") == hedged


@pytest.mark.parametrize(("said", "hedged"), [
    ("Buyers could not afford it", False), ("Buyers could  not afford it", False),
    ("Buyers could soon not afford it", True), ("Buyers might not afford it", True)])
def test_could_not_is_no_hedge(tmp_path: Path, said: str, hedged: bool) -> None:
    """"could not" says what was not possible (reported speech for "cannot"); "might not"
    and "could soon not" still soften."""
    assert hedge_warned(tmp_path, said, "Buyers cannot afford the widget.") == hedged


@pytest.mark.parametrize(("edit", "where", "labelled"), [
    ((BRIEF, "costs $5 million.", "costs $5 million by 2030."), "point", "`inference: true`"),
    (("claims.yml", "costs $5 million.", "costs $5 million by 2030."), "claim statement",
     "claim's `note:`"),
    (("claims.yml", "announces the widget's price.", "will sell the widget until 2030."),
     "event label", "`inferred: true`"),
])
def test_a_year_no_quote_gives_is_told_where_a_reading_of_ones_own_goes(
        tmp_path: Path, edit: tuple[str, str, str], where: str, labelled: str) -> None:
    """A year alone is more often the curator's reading of the dates than arithmetic: the
    hint says how that kind of text labels it as the curator's."""
    content = corpus(tmp_path, (edit,))
    [found] = [d for d in build(content).diagnostics if d.code == "prose-figure-unsourced"]
    assert found.message.startswith("2030 is not a number") and where in found.message
    assert found.hint.startswith("correct the year") and labelled in found.hint


@pytest.mark.parametrize(("point", "warned"), [
    ("It is overpriced, says Acme.", True),
    ("\u201cOverpriced,\u201d said chief buyer Acme.", True),
    ("It is overpriced, says Jane Doe.", False),
    ("It is overpriced, says Acme rival Jane Doe.", False),
    ("It is overpriced, said Acme's critic Jane Doe.", False),
    ("Acme's price, says Jane Doe, is too high.", False),
])
def test_a_speaker_named_after_the_verb_is_read(tmp_path: Path, point: str, warned: bool
                                                ) -> None:
    """The press names the speaker after the verb ("…, says Jane Doe"): a point doing so
    gives the quote to the one it names, unless that name only qualifies the next."""
    content = corpus(tmp_path, ((BRIEF, "An analyst calls it overpriced.", point),))
    found = [d for d in build(content).diagnostics if d.code == "prose-attribution"]
    assert bool(found) == warned, [d.format() for d in found]
    if warned:
        assert "names Acme Corp as the one who said it" in found[0].message
        assert found[0].pos.line == 11 and found[0].pos.col == 15 + point.index("Acme") + 1


def test_the_minimal_corpus_is_clean(tmp_path: Path) -> None:
    assert not build(corpus(tmp_path, ())).diagnostics


def test_silent_on_the_benchmark_corpus(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", generate(60, seed=3))
    assert [d.format() for d in build(content).diagnostics] == []


def test_silent_on_the_seed_corpus() -> None:
    found = [d.format() for d in build(SEED).diagnostics]
    assert found == []


def test_inference_points_are_exempt_from_sourcing_not_from_quotation(tmp_path: Path) -> None:
    inferred = POINT + "\n        inference: true"
    content = corpus(tmp_path, ((BRIEF, POINT, inferred.replace("$5 million", "$50M")),))
    assert not [d for d in build(content).diagnostics]
    content = corpus(tmp_path / "b", ((BRIEF, POINT, inferred.replace(
        "the widget costs $5 million", 'it is \\"cheap\\"')),))
    assert [d.code for d in build(content).diagnostics] == ["prose-quote-unsourced"]


def test_model_terms_and_ellipses_are_not_invented_quotations(tmp_path: Path) -> None:
    content = corpus(tmp_path, ((BRIEF, POINT, 'text: "Acme says \\"its widget … $5 '
                                               'million\\", recorded as \\"disputed\\"."'),))
    assert not build(content).diagnostics


def test_a_kept_hedge_or_its_equivalent_is_silent(tmp_path: Path) -> None:
    content = corpus(tmp_path, (*HEDGED, (BRIEF, "costs $5 million", "costs around $5 million"),
                                ("claims.yml", "costs $5 million", "costs roughly $5 million"),
                                FIGURE_HEDGED, (BRIEF, *SUMMARY)))
    assert not build(content).diagnostics


@pytest.mark.parametrize(("point", "dropped"), [
    ("[[entity:jane-doe]] calls it overpriced.", False),  # names whom the hedge names
    ("Jane Doe calls it overpriced.", False),
    ("It is overpriced.", True),
    ("[[entity:acme]] calls it overpriced.", True),  # another
])
def test_according_to_is_kept_by_naming_whom_it_names(tmp_path: Path, point: str,
                                                       dropped: bool) -> None:
    """"according to Jane Doe" gives the words to Jane Doe: a point that does so itself
    keeps what the hedge is for."""
    said = "The widget is overpriced, according to Jane Doe"
    content = corpus(tmp_path, (
        ("sources/acme-widget.txt", "Jane Doe, an analyst, said \u201cthe widget is "
                                    "overpriced\u201d in a note.", said + "."),
        ("sources/acme-widget.yml", "text: \"the widget is overpriced\"", f"text: \"{said}\""),
        (BRIEF, "An analyst calls it overpriced.", point)))
    found = [d for d in build(content).diagnostics if d.code == "prose-hedge-dropped"]
    assert bool(found) == dropped, [d.format() for d in found]
    assert all('"according to"' in d.message for d in found)


def test_hedge_words_extend_from_the_settings(tmp_path: Path) -> None:
    edits = (*HEDGED, (BRIEF, "costs $5 million", "costs ballpark $5 million"),
             ("claims.yml", "costs $5 million", "costs ballpark $5 million"), FIGURE_HEDGED,
             (BRIEF, "at $5 million;", "at ballpark $5 million;"))
    content = corpus(tmp_path, edits)
    assert {d.code for d in build(content).diagnostics} == {"prose-hedge-dropped"}
    hedges, problems = parse_hedges({"approximate": ["ballpark"]}, lambda key: Pos("m"))
    assert not problems
    assert not build(content, hedges=hedges).diagnostics


def test_bad_hedge_settings_are_reported() -> None:
    where = lambda key: Pos("mkdocs.yml", 1 + key.count("."), 1)  # noqa: E731
    for value in (["maybe"], {"possibility": "maybe"}, {"possibility": []}):
        hedges, problems = parse_hedges(value, where)
        assert [p.code for p in problems] == ["config-hedges"]
        assert hedges == Hedges()


def test_severity_of_a_prose_warning_can_change(tmp_path: Path) -> None:
    content = corpus(tmp_path, ((BRIEF, "costs $5 million.", "costs $7M."),))
    found = build(content).diagnostics
    assert Policy({"prose-figure-unsourced": "ignore"}).apply(found) == ()
    raised = Policy({"prose-figure-unsourced": "error"}).apply(found)
    assert [str(d.severity) for d in raised] == ["error"]


@pytest.mark.parametrize("text", ["$6 million", "$6M", "6 million dollars", "US$6m",
                                  "6,000,000", "$6.0 million"])
def test_figures_are_normalised(text: str) -> None:
    assert [value for _, _, value in numbers(text)] == [Decimal(6_000_000)]


@pytest.mark.parametrize("text", ["H800", "GPT-4", "DeepSeek-R1", "2025-02-15", "o3",
                                  "first set for 3 March", "due on 7 April 2025",
                                  "on March 3rd, 2025", "in Sept. 2024", "the 2nd of June",
                                  "by summer 2025", "in Autumn 2024", "Q3 2025", "H1 2026"])
def test_names_and_dates_are_not_figures(text: str) -> None:
    assert numbers(text) == []


def test_a_written_date_hides_only_its_own_numbers() -> None:
    """The day and year of "7 April 2025" are not figures; the numbers beside it are, and
    a lower-case "may" is a verb, not a month."""
    text = "On 7 April 2025 it cost $5 million; in April 2025, 512 chips; it may 3 times"
    assert [w for _, w, _ in numbers(text)] == ["$5 million", "512", "3"]
    # A season's year likewise, but the verb "fall" and a season before a count are not.
    text = "400 bikes by summer 2025; sales fall 1500 units; summer 12000 riders"
    assert [w for _, w, _ in numbers(text)] == ["400", "1500", "12000"]


def test_apostrophes_do_not_open_quotations() -> None:
    spans = [w for _, w in quoted_spans("Musk's X and the investors' 'Sputnik moment' here")]
    assert spans == ["Sputnik moment"]


# --- duplicate sources -------------------------------------------------------------------

LONG_ARTICLE = " ".join(f"Sentence {n} says the widget line grew in region {n}." for n in
                        range(40)) + "\n"


def test_a_near_copy_is_a_duplicate_naming_both_files(tmp_path: Path) -> None:
    changed = LONG_ARTICLE.replace("region 7.", "region seven.") + "Share this.\n"
    files = {**minimal_corpus(), "sources/first.txt": LONG_ARTICLE,
             "sources/first.yml": 'title: "First"\n', "sources/second.txt": changed,
             "sources/second.yml": 'title: "Second"\n'}
    content = write_tree(tmp_path / "content", files)
    [found] = [d for d in build(content).diagnostics if d.code == "source-duplicate"]
    assert str(found.pos).endswith("content/sources/second.txt")
    assert "sources/first.txt" in found.message and "alike" in found.message


def test_different_articles_are_not_duplicates(tmp_path: Path) -> None:
    other = " ".join(f"Paragraph {n} reports that prices fell in market {n * 3}." for n in
                     range(40)) + "\n"
    files = {**minimal_corpus(), "sources/first.txt": LONG_ARTICLE,
             "sources/first.yml": 'title: "First"\n', "sources/second.txt": other,
             "sources/second.yml": 'title: "Second"\n'}
    assert not build(write_tree(tmp_path / "content", files)).diagnostics


def test_briefing_new_refuses_a_duplicate_and_writes_nothing(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    article = tmp_path / "again.txt"
    article.write_text(str(minimal_corpus()["sources/acme-widget.txt"]))
    before = snapshot(content)
    result = CliRunner().invoke(main, ["new", str(article), "--content", str(content)])
    assert result.exit_code == 1, result.output
    assert "source-duplicate" in result.output and "acme-widget.txt" in result.output
    assert snapshot(content) == before


# --- the timeline's order ------------------------------------------------------------------

DOUBT_EVENT = """\
  - id: a-doubt
    statement: "[[entity:jane-doe]] doubts the price."
    claimant: jane-doe
    status: reported
    events:
      - what: "[[entity:jane-doe]] doubts the price."
        when: {date: "2025-01", about: true, inferred: true, basis: "Before the article."}
"""


def timeline_ids(tmp_path: Path, extra: str, name: str) -> list[str]:
    files = dict(minimal_corpus())
    files["claims.yml"] = str(files["claims.yml"]) + extra
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        "doubts: [widget-cost-5m]", "doubts: [widget-cost-5m]\n    asserts: [a-doubt]")
    result = build(write_tree(tmp_path / name, files))
    assert result.linked is not None
    return [e.claim.id for e in result.linked.timeline if e.claim is not None]


def test_events_of_one_period_keep_the_order_the_source_tells_them(tmp_path: Path) -> None:
    # "a-doubt" sorts first by id, but the article tells the price first.
    assert timeline_ids(tmp_path, DOUBT_EVENT, "told") == ["widget-cost-5m", "a-doubt"]
    stated = DOUBT_EVENT.replace("      - what:", "      - order: 1\n        what:")
    assert timeline_ids(tmp_path, stated, "stated") == ["a-doubt", "widget-cost-5m"]


# --- source labels -------------------------------------------------------------------------


def test_labels_beside_citations_and_a_lone_weak_source_is_said(tmp_path: Path) -> None:
    files = dict(minimal_corpus())
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        'title: "Acme prices its widget"\n',
        'title: "Acme prices its widget"\nkind: ai-summary\n')
    files["briefs/widget.yml"] = str(files["briefs/widget.yml"]) + (
        "  - kind: by-the-numbers\n    points:\n"
        '      - text: "$5 million: the price."\n        cites: [acme-cost]\n')
    pages = build(write_tree(tmp_path / "content", files)).pages
    brief = pages["briefs/widget.md"]
    label = '<span class="source-label">AI-generated summary · no named outlet or author</span>'
    assert label in brief.split("## Quotes cited", 1)[1]
    assert "Rests on a single source (AI-generated summary" in brief
    assert label in pages["claims/widget-cost-5m.md"] and label in pages["sources/index.md"]
    files["sources/acme-widget.yml"] = str(files["sources/acme-widget.yml"]).replace(
        "kind: ai-summary\n", 'kind: news-report\noutlet: "Widget News"\nauthor: "Ann Lee"\n')
    pages = build(write_tree(tmp_path / "named", files)).pages
    assert "News report · Widget News, by Ann Lee" in pages["briefs/widget.md"]
    assert "Rests on a single source" not in pages["briefs/widget.md"]


def rebuilt(content: Path, cache: BuildCache) -> set[str]:
    """The finding codes of a rebuild over `cache`, which must be a fresh build's."""
    kept = sorted(str(d) for d in build(content, cache=cache).diagnostics)
    assert kept == sorted(str(d) for d in build(content).diagnostics)
    return {d.code for d in build(content).diagnostics}


def test_findings_follow_edits_between_rebuilds(tmp_path: Path) -> None:
    """`mkdocs serve` keeps each item's findings while its text, quotes and claims are the
    same objects: an edit of a quote, not of the point, must still change the finding."""
    content, cache = corpus(tmp_path, ()), BuildCache()
    assert not rebuilt(content, cache)
    source = content / "sources" / "acme-widget.yml"
    article = content / "sources" / "acme-widget.txt"
    article.write_text(article.read_text().replace("costs $5", "costs about $5"))
    source.write_text(source.read_text().replace("widget costs $5", "widget costs about $5"))
    assert rebuilt(content, cache) == {"prose-hedge-dropped"}
    brief = content / BRIEF
    brief.write_text(brief.read_text().replace("costs $5", "costs about $5").replace(*SUMMARY))
    claims = content / "claims.yml"
    claims.write_text(claims.read_text().replace("costs $5", "costs about $5"))
    assert rebuilt(content, cache) == {"prose-hedge-dropped"}  # figure
    claims.write_text(claims.read_text().replace(*FIGURE_HEDGED[1:]))
    assert not rebuilt(content, cache)


def test_title_and_scope_findings_are_kept_until_their_quotes_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A brief's title and a figure's scope are made into prose afresh on each rebuild;
    their findings are kept by the brief and the figure, and still follow the quotes."""
    content = corpus(tmp_path, ((BRIEF, "title: The widget price",
                                 "title: 'The \"overpriced\" widget'"),
                                ("claims.yml", "        unit: USD\n",
                                 "        unit: USD\n        scope: 'as \"overpriced\"'\n")))
    other = content / "briefs" / "other.yml"
    other.write_text(BRIEF_YML.replace("The widget price", "Another brief"))
    cache, checked = BuildCache(), []
    check = provenance._Checker.check

    def counted(self: provenance._Checker, item: provenance.Item) -> list[Diagnostic]:
        checked.append(item.what)
        return check(self, item)

    assert not rebuilt(content, cache)
    monkeypatch.setattr(provenance._Checker, "check", counted)
    other.write_text(other.read_text().replace("Another brief", "Another brief, edited"))
    assert not build(content, cache=cache).diagnostics
    assert checked.count("brief title") == 1  # the other brief's
    assert "figure's scope" not in checked
    source = content / "sources" / "acme-widget.yml"
    source.write_text(source.read_text().replace("is overpriced", "is costly"))
    article = content / "sources" / "acme-widget.txt"
    article.write_text(article.read_text().replace("is overpriced", "is costly"))
    codes = {d.code for d in build(content, cache=cache).diagnostics}
    assert "prose-quote-unsourced" in codes
    assert {"brief title", "figure's scope"} <= set(checked)
    assert "prose-quote-unsourced" in rebuilt(content, cache)
