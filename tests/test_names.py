"""names.yml: the curator's names of metrics and topics, shown wherever the site writes
one in place of the words of its slug."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_helpers import minimal_corpus, write_tree

from briefing.buildcache import BuildCache
from briefing.cli import main
from briefing.markup import in_sentence
from briefing.pipeline import build

NAMES = ('metrics:\n  - id: widget-cost\n    name: "Coût du widget"\n'
         'topics:\n  - id: cost\n    name: "Coûts"\n')


def test_the_names_head_the_metric_and_topic_pages_and_label_every_link(
        tmp_path: Path) -> None:
    files = {**minimal_corpus(), "names.yml": NAMES}
    files["briefs/widget.yml"] = str(files["briefs/widget.yml"]).replace(
        "Acme says the widget costs $5 million.",
        "Acme says the widget costs $5 million ([[metric:widget-cost]]).")
    result = build(write_tree(tmp_path / "content", files), site_title="T")
    assert not result.diagnostics, [d.format() for d in result.diagnostics]
    pages = result.pages
    metric, topic = pages["figures/m-widget-cost.md"], pages["topics/t-cost.md"]
    assert "\n# Coût du widget\n" in metric and 'aria-label="Coût du widget in US dollars' in metric
    assert 'description: "Co\\u00fbt du widget: 1 value reported."' in metric
    assert "\n# Coûts\n" in topic
    assert "[Coûts](t-cost.md)" in pages["topics/index.md"]
    assert "[Coûts](topics/t-cost.md)" in pages["index.md"]
    assert "[Coût du widget](figures/m-widget-cost.md)" in pages["index.md"]
    assert "[Coût du widget](figures/m-widget-cost.md)" in pages["figures.md"]
    claim = pages["claims/widget-cost-5m.md"]
    assert "[Coûts](../topics/t-cost.md)" in claim
    assert "[Coût du widget](../figures/m-widget-cost.md)" in claim
    assert "[Coût du widget](../figures/m-widget-cost.md)" in pages["briefs/widget.md"]
    # Nowhere the slugs' words.
    assert not any("Widget cost" in text or "[Cost]" in text for text in pages.values())


def test_without_names_the_slugs_words_are_shown(tmp_path: Path) -> None:
    result = build(write_tree(tmp_path / "content", minimal_corpus()), site_title="T")
    assert "\n# Widget cost\n" in result.pages["figures/m-widget-cost.md"]
    assert "\n# Cost\n" in result.pages["topics/t-cost.md"]


@pytest.mark.parametrize("edit", [
    lambda text: text.replace("Coûts", "Coûts édités"),
    lambda text: text.replace("Coût du widget", "Prix du widget"),
    lambda text: text.replace("id: cost", "id: costs"),  # no longer names the topic
    None,  # the file deleted
])
def test_an_edited_name_rebuilds_the_pages_that_show_it(tmp_path: Path, edit: object) -> None:
    content = write_tree(tmp_path / "content", {**minimal_corpus(), "names.yml": NAMES})
    cache = BuildCache()
    first = build(content, cache=cache, site_title="T")
    path = content / "names.yml"
    if edit is None:
        path.unlink()
    else:
        path.write_text(edit(NAMES), encoding="utf-8")  # type: ignore[operator]
    kept, clean = build(content, cache=cache, site_title="T"), build(content, site_title="T")
    assert kept.pages != first.pages
    assert kept.pages == clean.pages
    assert kept.diagnostics == clean.diagnostics
    # And back: the first build's pages again.
    path.write_text(NAMES, encoding="utf-8")
    assert build(content, cache=cache, site_title="T").pages == first.pages


def test_a_yaml_error_in_names_hides_no_other_problem(tmp_path: Path) -> None:
    files = {**minimal_corpus(), "names.yml": NAMES.replace('name: "Coûts"', 'name: "Coûts')}
    files["claims.yml"] = str(files["claims.yml"]).replace("status: disputed",
                                                           "status: disputd")
    content = write_tree(tmp_path / "content", files)
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    assert "names.yml:7:1: error: YAML syntax error" in result.output, result.output
    assert "claims.yml:5:13: error: 'disputd'" in result.output, result.output


def test_names_read_in_a_sentence() -> None:
    assert in_sentence("Training cost") == "training cost"
    assert in_sentence("Subsídio anual") == "subsídio anual"
    assert in_sentence("GPU hours") == "GPU hours"
    assert in_sentence("DeepSeek efficiency") == "DeepSeek efficiency"
    assert in_sentence("H800 count") == "h800 count"


def test_names_yml_as_a_bare_list_is_named(tmp_path: Path) -> None:
    """Its `metrics:` line lost, a names.yml of metrics alone is the list: named so."""
    names = 'metrics:\n  - id: widget-cost\n    name: "Coût du widget"\n'
    content = write_tree(tmp_path / "content", {
        **minimal_corpus(), "names.yml": "# names\n" + names.split("\n", 1)[1]})
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert "[yaml-missing-list-key]" in result.output, result.output
    assert "write `metrics:`" in result.output, result.output
