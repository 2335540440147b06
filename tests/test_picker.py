"""The quote picker's data (what a source page carries for it) and where the plugin puts
it. The picker itself runs in the browser: tests/browser/test_quote_picker.py."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_helpers import SOURCE_YML, minimal_corpus, write_tree
from mkdocs.config.defaults import MkDocsConfig

from briefing.cli import main
from briefing.link import Linked
from briefing.picker import (
    DATA_ATTRIBUTE,
    PickerIndex,
    all_blocks,
    data_attribute,
    id_prefix,
    key_indent,
    page_data,
    taken,
    with_data,
)
from briefing.pipeline import build
from briefing.plugin.picker import QuotePicker
from briefing.text import normalise_text


def linked_for(tmp_path: Path, article: str) -> Linked:
    content = write_tree(tmp_path / "content", {**minimal_corpus(),
                                                "sources/acme-widget.txt": article})
    result = build(content)
    assert result.linked is not None and not result.failed(), result.diagnostics
    return result.linked


ARTICLE = ("Acme Corp says its widget costs $5 million. Critics disagree.\n\n"
           "\U0001F600 Jane Doe, an analyst, said \u201cthe widget is overpriced\u201d.\n")


def test_each_block_carries_its_exact_text_sentences_and_names(tmp_path: Path) -> None:
    linked = linked_for(tmp_path, ARTICLE)
    data = page_data(linked, PickerIndex.of(linked), "acme-widget")
    first, second = data["blocks"]
    assert first["text"] == "Acme Corp says its widget costs $5 million. Critics disagree."
    assert first["sentences"] == [0, first["text"].index("Critics")]
    assert first["names"] == [[0, 9, "acme"]]  # the longest name: "Acme Corp", not "Acme"
    # Offsets count as JavaScript does: the emoji before the name is two units.
    assert second["names"] == [[3, 11, "jane-doe"]]
    assert second["text"].encode("utf-16-le")[6:22].decode("utf-16-le") == "Jane Doe"
    # The page normalises as the matcher does, from the matcher's own tables.
    fold = data["fold"]
    assert normalise_text("\u201cx\u201d \u2014") == "".join(fold.get(c, c) for c in
                                                             "\u201cx\u201d \u2014")
    assert any(low <= 0x200B <= high for low, high in data["invisible"])


def test_the_ids_sent_are_those_the_suggested_id_could_clash_with(tmp_path: Path) -> None:
    linked = linked_for(tmp_path, ARTICLE)
    data = page_data(linked, PickerIndex.of(linked), "acme-widget")
    assert data["idPrefix"] == "acme-widget" and data["taken"] == []
    ids = ("acme", "acme-cost", "acme-z", "acme2", "acmea", "ab", "b-acme")
    assert taken(tuple(sorted(ids)), "acme") == ["acme", "acme-cost", "acme-z"]


@pytest.mark.parametrize(("source_language", "site_language", "german"), [
    ("", "en", False), ("", "de-AT", True), ("de", "en", True), ("fr", "de", False)])
def test_a_german_sources_page_says_its_ids_spell_umlauts(
        tmp_path: Path, source_language: str, site_language: str, german: bool) -> None:
    """As `briefing new` spells a German source's ids (`suggest.slugify`), so does the
    picker on its page: the source's language, else the site's, says which."""
    linked = linked_for(tmp_path, ARTICLE)
    if source_language:
        source = linked.sources["acme-widget"]
        linked = dataclasses.replace(linked, sources={
            **linked.sources, "acme-widget": dataclasses.replace(source,
                                                                 language=source_language)})
    data = page_data(linked, PickerIndex.of(linked), "acme-widget", site_language)
    assert data.get("german", False) is german
    assert ("german" in all_blocks(linked, site_language)["sources/acme-widget.md"]) is german


@pytest.mark.parametrize(("ids", "prefix"), [
    (["scrutiny-a", "scrutiny-b", "other-c"], "scrutiny"),
    (["q-00007-0", "q-00007-1", "q-00007-2"], "q-00007"),  # all share two words
    (["doe-say-a", "doe-say-b", "acme-x", "acme-y"], "doe-say"),  # ties: the first
    (["a-x", "b-y", "c-z"], "acme-widget"),  # no first word is most: the source id's
    ([], "acme-widget"),
    (["acme-cost", "doe-overpriced"], "acme-widget"),  # one id shares nothing
])
def test_the_id_prefix_follows_the_sources_quotes(ids: list[str], prefix: str) -> None:
    assert id_prefix("acme-widget-prices", ids) == prefix


def test_a_pasted_quote_is_indented_as_the_sources_quotes(tmp_path: Path) -> None:
    deeper = SOURCE_YML.replace("\n  ", "\n    ")  # "    - id: …", keys at column 7
    content = write_tree(tmp_path / "content", {**minimal_corpus(),
                                                "sources/acme-widget.yml": deeper})
    linked = build(content).linked
    assert linked is not None
    assert page_data(linked, PickerIndex.of(linked), "acme-widget")["indent"] == 6
    assert key_indent(0) == 4  # no quotes yet: as `briefing new` writes them


class Headings(HTMLParser):
    """Each <h2>'s attributes, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2":
            self.found.append(dict(attrs))


def headings(page: str) -> list[dict[str, str | None]]:
    parser = Headings()
    parser.feed(page)
    parser.close()
    return parser.found


def test_no_article_text_can_end_the_data_attribute() -> None:
    text = '</script>"><script>alert(1)</script> & \' \u2028'
    page = with_data('<h2 id="text">Text</h2><p>x</p>', data_attribute({"blocks": [
        {"text": text}]}))
    assert "<script>" not in page and page.count(">") == 4  # the h2 and p tags only
    (heading,) = headings(page)
    assert heading["id"] == "text"
    assert json.loads(heading[DATA_ATTRIBUTE] or "")["blocks"][0]["text"] == text


def test_the_data_goes_on_the_articles_heading_in_the_content() -> None:
    # In the content, which Material's instant navigation swaps, not at the end of <body>,
    # which it keeps: a page reached by a click carries its own data.
    page = ('<body><div class="md-container"><h2 id="about">About</h2>'
            '<h2 class="x" id="text">Text<a class="headerlink" href="#text">\u00b6</a></h2>'
            "<p>words</p></div></body>")
    placed = with_data(page, data_attribute({"source": "a"}))
    assert [h.get(DATA_ATTRIBUTE) for h in headings(placed)] == [None, '{"source": "a"}']
    assert placed.endswith("<p>words</p></div></body>")
    assert with_data("<h2 id=\"texts\">x</h2>", " data-x") == "<h2 id=\"texts\">x</h2>"


@pytest.mark.parametrize(("mode", "serving", "on"), [
    ("serve", True, True), ("serve", False, False), ("always", False, True),
    ("never", True, False)])
def test_the_picker_is_on_where_its_option_says(mode: str, serving: bool, on: bool) -> None:
    config = MkDocsConfig()
    config.load_dict({"site_name": "x"})
    assert not config.validate()[0]
    picker = QuotePicker(mode, serving=serving, language="en")
    picker.configure(config)
    assert ("assets/briefing/picker.js" in [str(s) for s in config.extra_javascript]) is on


def mkdocs_build(tmp_path: Path, options: str) -> Path:
    project = tmp_path / "project"
    assert CliRunner().invoke(main, ["init", "--bare", str(project)]).exit_code == 0
    write_tree(project / "content", minimal_corpus())
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(\n  - briefing:\n(?:      .*\n)*)", r"\1" + options, text),
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                            cwd=project, capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_build_has_the_picker_only_when_always_is_asked(tmp_path: Path) -> None:
    site = mkdocs_build(tmp_path / "default", "")
    page = (site / "sources" / "acme-widget" / "index.html").read_text(encoding="utf-8")
    assert DATA_ATTRIBUTE not in page and "picker.js" not in page
    assert not (site / "assets" / "briefing" / "picker.js").exists()

    site = mkdocs_build(tmp_path / "always", "      quote_picker: always\n")
    page = (site / "sources" / "acme-widget" / "index.html").read_text(encoding="utf-8")
    assert "picker.js" in page and (site / "assets" / "briefing" / "picker.js").is_file()
    (data,) = [h[DATA_ATTRIBUTE] for h in headings(page) if DATA_ATTRIBUTE in h]
    assert json.loads(data or "")["source"] == "acme-widget"
    assert re.search(f'<h2 id="text" {DATA_ATTRIBUTE}="', page)
    claims = (site / "claims" / "index.html").read_text(encoding="utf-8")
    assert DATA_ATTRIBUTE not in claims  # source pages only
