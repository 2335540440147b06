"""The search plugin is shown a gathering page cut down to what Briefing keeps of it
(`searchindex.reduced`): the search index must be byte for byte the one it makes
from the whole page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from corpus_helpers import seed_project, served_search
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.contrib.search.search_index import ContentParser
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink, TableOfContents

import briefing.plugin
from benchmarks.corpus import generate, write
from briefing.plugin.search import trimmed
from briefing.searchindex import introduction, link_heading_ids, reduced

PAGE = (
    '<h1 id="acme">Acme <em>Corp</em></h1>\n'
    '<p class="meta">Organisation</p>\n<p>The maker of the widget.</p>\n'
    '<h2 id="claimant">As claimant</h2>\n<ul>\n<li><a href="x/">A claim</a></li>\n</ul>\n'
    '<h3 id="cost">Cost <code>5m</code></h3>\n<p>Five million.</p>\n'
    '<H4 ID="deep">Deep</H4><table><tr><td>cell</td></tr></table>\n'
    '<header>not a heading</header><h6>No id</h6>\n<p>tail</p>\n'
    '<h2 id="mentions">Mentioned</h2>\n<p>Many times.</p>\n'
)


def sections(html: str) -> list[tuple[str | None, str]]:
    """(id, text) of each section as the search plugin parses them."""
    parser = ContentParser()
    parser.feed(html)
    parser.close()
    return [(s.id, " ".join(s.text)) for s in parser.data]


def test_a_gathering_page_keeps_its_title_section_and_its_headings() -> None:
    assert reduced(PAGE) == (
        '<h1 id="acme">Acme <em>Corp</em></h1>\n'
        '<p class="meta">Organisation</p>\n<p>The maker of the widget.</p>\n'
        '<h2 id="claimant">As claimant</h2>'
        '<h3 id="cost">Cost <code>5m</code></h3>'
        '<H4 ID="deep">Deep</H4>'
        '<h6>No id</h6>'
        '<h2 id="mentions">Mentioned</h2>')
    whole, cut = sections(PAGE), sections(reduced(PAGE))
    assert [i for i, _ in cut] == [i for i, _ in whole] == [
        "acme", "claimant", "cost", "deep", None, "mentions"]
    assert cut[0] == whole[0] and "The maker of the widget." in cut[0][1]
    assert all(text == "" for _, text in cut[1:])


def test_a_gathering_page_is_found_by_its_introduction_not_its_listing() -> None:
    listing = ('<h1 id="sources">Sources</h1>\n<p>All 40 sources.</p>\n'
               '<p class="meta pager">Page 1 of 2</p>\n'
               '<table>\n<tr><td>Report 7</td></tr>\n</table>\n<p>After the table.</p>')
    assert introduction(listing) == (
        '<h1 id="sources">Sources</h1>\n<p>All 40 sources.</p>\n'
        '<p class="meta pager">Page 1 of 2</p>')
    assert [(i, text.split()) for i, text in sections(introduction(listing))] == [
        ("sources", ["All", "40", "sources.", "Page", "1", "of", "2"])]
    inline_svg = '<h1 id="m">Map</h1>\n<p>Boxes.</p>\n<p><svg><text>Claim</text></svg></p>'
    assert introduction(inline_svg) == '<h1 id="m">Map</h1>\n<p>Boxes.</p>'
    # Further sections stay for `reduced`; a page whose introduction is all it has is whole.
    assert introduction(PAGE) == PAGE
    assert introduction(PAGE.replace("<p>The maker", "<ul><li>x</li></ul>\n<p>The maker")) \
        == PAGE[:PAGE.index("\n<p>The maker")] + PAGE[PAGE.index("<h2 id=\"claimant"):]


LINKED = (
    '<h1 id="acme">Acme</h1>\n<p>The maker.</p>\n'
    '<h2 id="mentions">Mentions in sources</h2>\n'
    '<h3 id="report-7"><a href="../../sources/s7/">Report 7</a></h3>\n<ul><li>A</li></ul>\n'
    "<H3 ID='r8'>\n<a class=\"x\" href=\"../s8/\">Report <em>8</em></a> </H3>\n"
    '<h3 id="two"><a href="a/">A</a> and <a href="b/">B</a></h3>\n'
    '<h3 id="more">About <a href="c/">C</a></h3>\n'
    '<h3><a href="d/">No id</a></h3>\n')


def test_a_heading_that_is_only_a_link_is_not_indexed_on_a_gathering_page() -> None:
    assert link_heading_ids(LINKED) == ["report-7", "r8"]
    assert reduced(LINKED) == (
        '<h1 id="acme">Acme</h1>\n<p>The maker.</p>\n'
        '<h2 id="mentions">Mentions in sources</h2>'
        '<h3 id="two"><a href="a/">A</a> and <a href="b/">B</a></h3>'
        '<h3 id="more">About <a href="c/">C</a></h3>')

    class Page:
        url = "entities/acme/"
        content = LINKED
        toc = TableOfContents([AnchorLink("Acme", "acme", 1)])
        file = File("entities/acme.md", None, "", use_directory_urls=True)

    def entry(anchor: str) -> dict[str, str]:
        return {"title": anchor, "text": "words", "location": f"entities/acme/{anchor}"}

    entries = [entry(anchor) for anchor in ("", "#acme", "#mentions", "#report-7", "#r8",
                                            "#two", "#more")]
    kept = trimmed(entries, Page())  # type: ignore[arg-type]
    assert [(e["location"], e["text"]) for e in kept] == [
        ("entities/acme/", ""), ("entities/acme/#acme", "words"),
        ("entities/acme/#mentions", ""), ("entities/acme/#two", ""),
        ("entities/acme/#more", "")]
    Page.file = File("sources/acme.md", None, "", use_directory_urls=True)
    assert len(trimmed([entry(""), entry("#report-7")], Page())) == 2  # type: ignore[arg-type]


@pytest.mark.parametrize("html", ["", "<p>No heading</p>", '<h1 id="a">A</h1>\n<p>Only</p>'])
def test_a_page_of_one_section_is_left_whole(html: str) -> None:
    assert reduced(html) == html


def project_with(tmp_path: Path, content: Path | None) -> Path:
    """The repository's site (mkdocs.yml, theme, pages) over the seed or a given corpus,
    with MkDocs' search, whose index this tests."""
    return served_search(seed_project(tmp_path / "project", content))


def search_index(project: Path, site: str) -> bytes:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / site))
    # As `mkdocs build` does: MkDocs keeps the plugin's instance for the whole process, and
    # an earlier test may have served with it.
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    config.plugins.on_shutdown()
    return (project / site / "search" / "search_index.json").read_bytes()


@pytest.mark.parametrize("corpus", ["seed", "synthetic"])
def test_the_search_index_is_the_one_the_whole_pages_give(
        corpus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    content = None if corpus == "seed" else write(tmp_path / "synthetic", generate(40))
    project = project_with(tmp_path, content)
    monkeypatch.chdir(project)

    cut: list[str] = []

    def counted(html: str) -> str:
        out = reduced(html)
        if out != html:
            cut.append(out)
        return out

    monkeypatch.setattr(briefing.plugin, "reduced", counted)
    reduced_index = search_index(project, "reduced")
    assert len(cut) >= 5, "gathering pages of several sections were shown cut down"

    monkeypatch.setattr(briefing.plugin, "reduced", lambda html: html)
    assert search_index(project, "whole") == reduced_index
    # A source's title is found on its page, not again on each entity page it names.
    docs = json.loads(reduced_index)["docs"]
    titles = {doc["title"] for doc in docs if re.fullmatch(r"sources/[^/]+/", doc["location"])}
    assert titles and not [doc for doc in docs if doc["location"].startswith("entities/")
                           and doc["title"] in titles]
    # The real HTML was given back before the pages were written.
    whole, cut_site = site_files(project / "whole"), site_files(project / "reduced")
    assert cut_site.keys() == whole.keys()
    assert [path for path, data in cut_site.items() if whole[path] != data] == []


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}
