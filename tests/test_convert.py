"""The core's conversion of generated pages (`briefing/conversion.py`, through the adapter
`briefing/plugin/convert.py`): every page converted piece by piece, and again after an
edit with the unchanged pieces reused, equals MkDocs' conversion of the whole page
(`Page.render`): the HTML, the table of contents, the title, the anchors and the links to
anchors."""

from __future__ import annotations

import importlib
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import SEED, seed_project
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc
from test_pagelinks import LEFT_TO_MKDOCS, LINK_FORMS

from benchmarks.corpus import generate, write
from benchmarks.run import edited
from briefing import conversion
from briefing.pieces import pieces
from briefing.pipeline import build
from briefing.plugin.convert import ConvertedPage, SiteFiles, settings
from briefing.plugin.convert import PageConversions as Conversions
from briefing.siteconfig import nav_paths


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def config(project: Path) -> MkDocsConfig:
    loaded = load_config(config_file=str(project / "mkdocs.yml"))
    loaded.plugins._current_plugin = None  # as MkDocs sets it while running plugins
    return loaded


def site_files(config: MkDocsConfig, pages: dict[str, str]) -> Files:
    files = get_files(config)
    for path, markdown in sorted(pages.items()):
        files.append(File.generated(config, path, content=markdown))
    return files


def contents(toc: TableOfContents) -> list[Any]:
    return [(item.title, item.url, item.level, contents(item.children)) for item in toc]


def rendered(page: Page, config: MkDocsConfig, files: Files) -> dict[str, Any]:
    page.read_source(config)
    page.render(config, files)
    return {
        "html": page.content,
        "toc": contents(page.toc),
        "title": page.title,
        "anchors": page.present_anchor_ids,
        "links": {file.src_uri: links for file, links in (page.links_to_anchors or {}).items()},
    }


def whole(path: str, config: MkDocsConfig, files: Files) -> dict[str, Any]:
    file = files.get_file_from_path(path)
    assert file is not None
    return rendered(Page(None, file, config), config, files)


def piecewise(path: str, config: MkDocsConfig, files: Files,
              conversions: Conversions) -> dict[str, Any]:
    file = files.get_file_from_path(path)
    assert file is not None
    return rendered(ConvertedPage(file, config, conversions), config, files)


class Counted:
    """How many pieces converted, how many pages converted whole, and how many pages the
    core left to MkDocs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pieces = self.wholes = self.left = 0
        convert_piece = conversion.PieceConverter.convert
        converted = conversion.Conversions.converted
        render = conversion.Conversions.render

        def counted_render(conversions: Any, *args: Any) -> Any:
            done = render(conversions, *args)
            self.left += done is None
            return done

        def counted_convert(converter: Any, text: str) -> Any:
            self.pieces += 1
            return convert_piece(converter, text)

        def counted_converted(conversions: Any, *args: Any, whole: bool = False) -> Any:
            self.wholes += whole
            return converted(conversions, *args, whole=whole)

        monkeypatch.setattr(conversion.PieceConverter, "convert", counted_convert)
        monkeypatch.setattr(conversion.Conversions, "converted", counted_converted)
        monkeypatch.setattr(conversion.Conversions, "render", counted_render)


def synthetic(tmp_path: Path) -> Path:
    return write(tmp_path / "content", generate(60, seed=3))


def test_every_page_of_a_corpus_converts_as_a_whole(
        tmp_path: Path, config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    counted = Counted(monkeypatch)
    total = 0
    for content in (SEED, synthetic(tmp_path)):
        result = build(content)
        pages = result.pages
        files = site_files(config, {**result.files, **pages})
        conversions = Conversions()
        for path in sorted(pages):
            assert piecewise(path, config, files, conversions) == whole(path, config, files), \
                path
        total += len(pages)
    # Most pages were cut, into many pieces: the comparison tested the cutting. (Source
    # pages convert whole: they hold a block of raw HTML, the cleaning notes.)
    assert counted.wholes < total / 3
    assert counted.pieces > 2 * total
    assert counted.left == 0  # (the pages link only to the site's files)


def test_an_edit_reuses_unchanged_pieces_and_equals_a_whole_conversion(
        tmp_path: Path, config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    content = synthetic(tmp_path)
    before = build(content).pages
    conversions = Conversions()
    files = site_files(config, before)
    for path in before:
        piecewise(path, config, files, conversions)

    source = sorted((content / "sources").glob("*.yml"))[7]
    source.write_text(edited("title", source.read_text(encoding="utf-8"), 1),
                      encoding="utf-8")
    after = build(content).pages
    changed = sorted(path for path in after if after[path] != before.get(path))
    assert len(changed) > 5
    files = site_files(config, after)
    counted = Counted(monkeypatch)
    cut = 0
    for path in changed:
        assert piecewise(path, config, files, conversions) == whole(path, config, files), path
        cut += len(pieces(after[path].split("---\n", 2)[-1]))
    assert counted.wholes < len(changed) / 2
    assert 0 < counted.pieces < cut / 4  # most pieces were reused


def page_of(markdown: str, config: MkDocsConfig) -> tuple[dict[str, Any], dict[str, Any]]:
    pages = {"page.md": markdown, "other.md": "# Other\n\n## Part {#part}\n"}
    files = site_files(config, pages)
    return piecewise("page.md", config, files, Conversions()), whole("page.md", config, files)


TABLE = "| A | B |\n|---|:-:|\n" + "".join(f"| [{n}](other.md#part) | `{n}` |\n"
                                        for n in range(200))

LIST = "# T\n\n## List\n\n" + "".join(
    f"- item {n} with [a link](other.md#part)\n  continued\n" for n in range(200))

CASES = {
    "sections and a long table": f"# Title\n\nIntro.\n\n## One\n\n{TABLE}\nAfter.\n\n## Two\n",
    "a heading repeated across pieces": "# T\n\n## Same\n\ntext\n\n## Same\n\nmore\n",
    "an explicit id another piece makes": "# T\n\n## Part\n\n## Other {#part}\n",
    "a reference definition": "# T\n\n## A\n\n[link][r]\n\n## B\n\n[r]: other.md\n",
    "fenced code with a heading inside": "# T\n\n```\ncode\n\n# not a heading\n```\n",
    "block-level raw HTML": "# T\n\n<div markdown>\n\n## Inside\n\n</div>\n",
    "an HTML comment": "# T\n\n<!-- note\n\n# not a heading -->\n",
    "inline HTML at a line's start": "# T\n\n<span>s</span> text\n{: .meta }\n\n## B\n",
    "the table of contents marker": "# T\n\n[TOC]\n\n## A\n\n## B\n",
    "a table followed by a list": f"# T\n\n{TABLE}\n- one\n- two\n\n## After\n",
    "a list split by a table": "# T\n\n- one\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- two\n",
    "blockquotes around a heading": "# T\n\n> one\n\n## H\n\n> two\n",
    "a one-column table missing a pipe": "# T\n\n| A |\n|---|\n| 1 |\n2\n| 3 |\n",
    "no h1 first": "Intro first.\n\n# Title\n\n## A\n",
    "blank lines before the first heading": "\n\n\n# Title\n\n\n\n## A\n",
    "a long table ending the page": f"# T\n\n{TABLE}",
    "a long table ending the page with blank lines": f"# T\n\n{TABLE}\n\n\n",
    "a heading in a table cell position": "| A | B |\n|---|---|\n| 1 | 2 |\n# row? |\n",
    "a table without outer pipes": "# T\n\n| A | B\n---|---\n" + "1 | 2\n" * 200,
    "rows with outer pipes under a header without":
        "# T\n\n| A | B\n---|---\n" + "| 1 | 2 | 3 |\n" * 200,
    "a one-column table": "# T\n\n| A |\n|---|\n" + "| 1 |\n" * 400,
    "a table header with a right pipe only": "# T\n\n| A | B |\n---|---\n" + "1 | 2 |\n" * 200,
    "a table with an escaped pipe": "# T\n\n| A | B \\|\n|---|---|\n" + "| 1 | 2 |\n" * 200,
    "a table with too few cells": "# T\n\n| A | B |\n|---|\n" + "| 1 | 2 |\n" * 200,
    "a long list after a heading": LIST,
    "a long list with a rule inside": LIST.replace("- item 30", "- - -\n- item 30"),
    "a long list with a heading line inside": LIST.replace("- item 30", "# x\n- item 30"),
    "a long list then a list": LIST + "\n- another list\n",
    "a long list then indented text": LIST + "\n    indented\n",
    "a long list then a paragraph": LIST + "\nA paragraph.\n",
    "a long list, blank lines, a paragraph": LIST + "\n\n\nA paragraph.\n",
    "a long list, blank lines, a list": LIST + "\n\n\n- another\n",
    "a long list, blank lines, indented text": LIST + "\n\n\n    indented\n",
    "a list, blank lines, a long list": "# T\n\n- first\n\n\n" + LIST.split("\n\n", 2)[2],
    "a long list with nested items": LIST.replace("  continued", "    - nested\n    - more"),
    "a long list with mixed bullets": LIST.replace("- item 3", "* item 3"),
    "a link to a missing page": "# T\n\n## A\n\n[gone](missing.md)\n",
}


@pytest.mark.parametrize("markdown", CASES.values(), ids=CASES.keys())
def test_tricky_pages_convert_as_a_whole(markdown: str, config: MkDocsConfig) -> None:
    cut, entire = page_of(markdown, config)
    assert cut == entire


def test_the_tricky_pages_include_cut_tables_and_lists() -> None:
    kinds = {kind for markdown in CASES.values() for kind in map(
        lambda piece: piece.kind, pieces(markdown))}
    assert {"head", "rows", "items"} <= kinds
    after_blank_lines = pieces(CASES["a long list, blank lines, a paragraph"])
    assert "items" in {piece.kind for piece in after_blank_lines}


def test_a_warning_is_logged_again_when_the_page_converts_again(
        config: MkDocsConfig, caplog: pytest.LogCaptureFixture) -> None:
    pages = {"page.md": "# T\n\n## A\n\n[gone](missing.md)\n\n## B\n\ntext\n"}
    files = site_files(config, pages)
    conversions = Conversions()
    for _ in range(2):
        caplog.clear()
        piecewise("page.md", config, files, conversions)
        assert re.search(r"missing\.md", caplog.text)


def test_pages_the_nav_setting_names_are_left_to_mkdocs() -> None:
    # MkDocs gives a page it makes the title the `nav` setting gives it; a page the plugin
    # made keeps its own, so the plugin makes only pages the setting does not name.
    nav = [{"Home": "index.md"}, "about.md", {"More": [{"Claims": "claims/index.md"},
                                                       "sources/index.md"]}]
    assert nav_paths(nav) == {"index.md", "about.md", "claims/index.md", "sources/index.md"}
    assert nav_paths(None) == set()


def test_a_file_going_away_leaves_the_pages_linking_to_it_to_mkdocs(
        config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    long = "word " * 300  # each section its own piece
    pages = {"a.md": f"# A\n\n## One\n\nSee [b](b.md#top).\n\n{long}\n\n"
                     f"## Two\n\n{long}\n\n## Three\n\nSee [c](a/c%20d.md).\n\n{long}\n",
             "b.md": "# B\n", "a/c d.md": "# C\n"}
    conversions = Conversions()
    files = site_files(config, pages)
    conversions.valid("settings", frozenset(file.src_uri for file in files))
    piecewise("a.md", config, files, conversions)
    assert [sorted(piece.looked_up) for piece in conversions.pages["a.md"].values()] == [
        ["b.md"], [], ["a/c d.md"]]  # (the title joins the first section)

    del pages["b.md"]
    files = site_files(config, pages)
    conversions.valid("settings", frozenset(file.src_uri for file in files))
    counted = Counted(monkeypatch)
    caplog.clear()
    assert piecewise("a.md", config, files, conversions) == whole("a.md", config, files)
    # Only the piece that linked to it converted again, and found the link broken.
    assert (counted.pieces, counted.left) == (1, 1)
    assert "b.md" in caplog.text


@pytest.mark.parametrize("path", ["index.md", "sources/source-00007.md", "claims/ça va.md",
                                  "entities/entity-00001/page-3.md"])
def test_a_converted_page_has_the_canonical_url_mkdocs_gives(path: str, project: Path) -> None:
    conversions = Conversions()
    for site_url in (None, "", "http://127.0.0.1:8000/", "https://example.org/briefing",
                     "http://h/a b/"):
        config = load_config(config_file=str(project / "mkdocs.yml"), site_url=site_url)
        config.plugins._current_plugin = None
        file = File.generated(config, path, content="# A page\n")
        expected = Page(None, file, config)
        for _ in range(2):  # worked out, then remembered
            page = ConvertedPage(file, config, conversions)
            assert (page.canonical_url, page.abs_url) == (expected.canonical_url,
                                                          expected.abs_url)
    assert len(conversions.canonical_urls) == 5


def test_with_an_extension_not_known_to_act_locally_a_page_converts_whole_as_mkdocs_does(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(config_file=str(project / "mkdocs.yml"),
                         markdown_extensions=["toc", "tables", "attr_list", "footnotes"])
    config.plugins._current_plugin = None
    pages = {"page.md": "# T\n\n## A\n\nText[^1] and [a link](other.md#part).\n\n"
                        "[^1]: A note.\n\n## B\n\nMore[^2].\n\n[^2]: Another.\n",
             "other.md": "# Other\n\n## Part {#part}\n"}
    files = site_files(config, pages)
    conversions = Conversions()
    counted = Counted(monkeypatch)
    for _ in range(2):  # converted, then from memory
        assert piecewise("page.md", config, files, conversions) == whole(
            "page.md", config, files)
    assert (counted.pieces, counted.wholes) == (1, 2)
    assert list(conversions.pages["page.md"]) == [pages["page.md"]]


PROGRAMS = ("mkdocs", "properdocs")


def program_site(program: str, tmp_path: Path, settings: str) -> tuple[Any, Any]:
    """A small site loaded by `program` (MkDocs, or ProperDocs' separate copy of it) with
    these `settings`: its configuration and files."""
    docs = tmp_path / "docs"
    for path in ("sub/page.md", "sub/other.md", "index.md", "sub/two words.md"):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("# A\n", encoding="utf-8")
    (docs / "img").mkdir()
    (docs / "img" / "a.png").write_bytes(b"")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\ntheme: briefing\n{settings}", encoding="utf-8")
    loaded = importlib.import_module(f"{program}.config").load_config(
        config_file=str(tmp_path / "mkdocs.yml"))
    loaded.plugins._current_plugin = None
    return loaded, importlib.import_module(f"{program}.structure.files").get_files(loaded)


SETTINGS = {
    "the project's": "markdown_extensions: [tables, attr_list, toc]\n",
    "permalinks, footnotes, no directory URLs": (
        "use_directory_urls: false\n"
        "markdown_extensions: [tables, attr_list, {toc: {permalink: true}}, footnotes]\n"),
}


@pytest.mark.parametrize("settings_text", SETTINGS.values(), ids=SETTINGS.keys())
@pytest.mark.parametrize("program", PROGRAMS)
def test_the_core_converts_each_link_form_as_mkdocs_and_properdocs_do(
        program: str, settings_text: str, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    """The core's results (`briefing/conversion.py`, no MkDocs in it) against `Page.render`
    of the program: equal where the core converts, and left to it, which reports the link,
    where it does not."""
    caplog.set_level(logging.INFO, logger=program)  # (some links are only noted, at info)
    loaded, files = program_site(program, tmp_path, settings_text)
    page_class = importlib.import_module(f"{program}.structure.pages").Page
    file = files.get_file_from_path("sub/page.md")
    documents = [f"# T\n\nText {markdown}.\n" for markdown, _, _ in LINK_FORMS.values()]
    documents.append('# The *title* ![logo](../img/a.png) `x`\n\nText <a id="raw"></a>.\n\n'
                     '## Two {#two}\n\n[a](#two){: name="n" } [b](other.md#c)\n')
    if "footnotes" in settings_text:
        documents.append("# A title[^1] ![](../img/a.png)\n\nText[^2].\n\n"
                         "[^1]: A note.\n[^2]: Another.\n")
    for markdown in [*documents, *(m for m in LEFT_TO_MKDOCS.values() if "[bad" not in m)]:
        core = Conversions().render("sub/page.md", file.url, markdown, settings(loaded),
                                    SiteFiles(files))
        page = page_class(None, file, loaded)
        page.markdown, page.meta = markdown, {}
        caplog.clear()
        page.render(loaded, files)
        if core is None:
            assert markdown not in documents and "sub/page.md" in caplog.text, markdown
            continue
        assert (core.html, core.title, core.anchors) == (
            page.content, page.title if core.title else None, page.present_anchor_ids), markdown
        assert core.title or page.title == "Page"  # (from the file name)
        assert contents(get_toc(list(core.toc))) == contents(page.toc)
        assert sorted(core.links_to_anchors) == sorted(
            (target.src_uri, anchor, link)
            for target, links in page.links_to_anchors.items()
            for anchor, link in links.items())
