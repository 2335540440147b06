from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus_helpers import BRIEF_YML

from briefing.buildcache import BuildCache
from briefing.pipeline import build


def test_overlapping_quotes_each_get_an_anchor(make_content: Callable[..., Path]) -> None:
    article = "The widget costs five million dollars, say its makers.\n"
    yml = ('title: "T"\nquotes:\n'
           '  - id: outer\n    text: "widget costs five million dollars"\n'
           '  - id: inner\n    text: "five million"\n'
           '  - id: same-start\n    text: "widget costs"\n')
    result = build(make_content({"sources/s.txt": article, "sources/s.yml": yml}))
    assert not [d for d in result.diagnostics if d.severity.name == "ERROR"]
    page = result.pages["sources/s.md"]
    for quote_id in ("outer", "inner", "same-start"):
        assert page.count(f'id="q-{quote_id}"') == 1, quote_id
    text = page.split("## Text", 1)[1].split("\n\n")[1]
    assert text.startswith("The ") and text.endswith(", say its makers.")


def test_every_generated_link_is_relative_markdown(make_content: Callable[..., Path]) -> None:
    result = build(make_content())
    for path, markdown in result.pages.items():
        assert "](/" not in markdown and "](http" not in markdown, path


def test_stance_bar_counts_sources_in_words_and_draws_them_for_the_eye_only() -> None:
    from briefing.render import stance_bar

    bar = str(stance_bar((("reports", 2), ("doubts", 1))))
    assert bar.endswith(" 2 sources report · 1 doubts</span>"), bar
    track = bar.split('<span class="stance-bar-track" aria-hidden="true">', 1)[1]
    assert track.startswith('<span class="stance-reports" style="flex-grow:2"></span>'
                            '<span class="stance-doubts"></span></span>'), track
    assert str(stance_bar((("asserts", 1),))).endswith(" 1 source asserts</span>")


def test_cell_labels_are_hidden_from_screen_readers() -> None:
    from briefing.render import cell_label

    assert str(cell_label("Claimant", True)) == (
        '<span class="cell-label short" aria-hidden="true">Claimant</span> ')
    assert 'aria-hidden="true">a &lt;b&gt;</span>' in str(cell_label("a <b>"))


def test_a_claim_page_names_the_briefs_that_quote_its_evidence_without_it(
        make_content: Callable[..., Path]) -> None:
    """A brief citing a quote on a claim, but not the claim, is named on the claim's page
    apart from the briefs citing it, and so each rebuild says."""
    content = make_content()
    cache = BuildCache()
    page = build(content, cache=cache).pages["claims/widget-cost-5m.md"]
    assert "quoting its evidence" not in page
    brief = content / "briefs" / "widget.yml"
    brief.write_text(BRIEF_YML.replace("        claims: [widget-cost-5m]\n", ""),
                     encoding="utf-8")
    kept = build(content, cache=cache)
    page = kept.pages["claims/widget-cost-5m.md"]
    cited_in = page.split("## Cited in briefs", 1)[1]
    assert "No brief cites this claim yet." in cited_in
    assert "Briefs quoting its evidence without citing the claim:" in cited_in
    assert "The widget price](../briefs/widget.md)" in cited_in
    assert kept.pages == build(content).pages
