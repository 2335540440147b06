"""A title holding `&` is listed by MkDocs' own search as written, under `mkdocs build`,
`mkdocs serve` and `mkdocs serve --dirty`: MkDocs' search script escapes each title it
shows, so its index holds titles as text; Material's shows them as HTML, escaped once.

The pages' titles reach the index three ways: a hand-written page's front matter (which
the plugin escapes for themes that write it unescaped, `safehtml.themed_page`), a
heading (a page's first, or a section's), and the corpus (an entity's name)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus_helpers import REPO, minimal_corpus, write_tree
from serving import fetch, served
from site_builds import Builds

PAGES = {
    "qa.md": "---\ntitle: Q & A\n---\n\nWhat readers ask.\n\n## Ask & answer\n\nMore.\n",
    "fish.md": "# Fish & chips\n\nA heading's title.\n",
}
# Each title as a reader reads it, with the page it is on.
TITLES = {("Q & A", "qa/"), ("Ask & answer", "qa/#ask-answer"), ("Fish & chips", "fish/"),
          ("Acme & Co", "entities/acme/")}


def project(root: Path, theme: str) -> Path:
    corpus = minimal_corpus()
    corpus["entities.yml"] = str(corpus["entities.yml"]).replace(
        "name: Acme Corp", 'name: "Acme & Co"')
    write_tree(root / "content", corpus)
    write_tree(root / "content" / "pages", PAGES)
    shutil.copytree(REPO / "theme", root / "theme")
    # Briefing's theme as under `mkdocs serve`: MkDocs' search, not Pagefind's.
    shown = "briefing\n  pagefind: false" if theme == "briefing" else theme
    (root / "mkdocs.yml").write_text(
        f"site_name: Titles\ndocs_dir: content/pages\ntheme:\n  name: {shown}\n"
        "plugins:\n  - search\n  - briefing\nmarkdown_extensions: [attr_list, toc]\n",
        encoding="utf-8")
    return root


def titles(index: str | bytes) -> set[tuple[str, str]]:
    """The titles of the entries at the places of `TITLES`."""
    places = {place for _, place in TITLES}
    return {(doc["title"], doc["location"]) for doc in json.loads(index)["docs"]
            if doc["location"] in places}


@pytest.fixture(scope="module")
def builds() -> Iterator[Builds]:
    forks = Builds()
    yield forks
    forks.close()


@pytest.mark.parametrize("theme", ["briefing", "mkdocs", "readthedocs"])
def test_a_built_index_holds_titles_as_text(tmp_path: Path, builds: Builds,
                                            theme: str) -> None:
    site = builds(project(tmp_path / "project", theme), tmp_path / "site")
    assert titles(site["search/search_index.json"]) == TITLES


def test_materials_index_holds_titles_escaped_once(tmp_path: Path, builds: Builds) -> None:
    site = builds(project(tmp_path / "project", "material"), tmp_path / "site")
    assert titles(site["search/search_index.json"]) == {
        (title.replace("&", "&amp;"), page) for title, page in TITLES}


def test_a_dirty_serve_index_holds_titles_as_text(tmp_path: Path, builds: Builds) -> None:
    root = project(tmp_path / "project", "briefing")
    with builds.serve(root, tmp_path / "served") as session:
        assert titles(session.rebuild()["search/search_index.json"]) == TITLES
        # Only the edited page is built again: the others' entries are the ones kept.
        (root / "content" / "pages" / "fish.md").write_text("# Fish & chips\n\nEdited.\n",
                                                            encoding="utf-8")
        assert titles(session.rebuild()["search/search_index.json"]) == TITLES


def test_a_served_index_holds_titles_as_text(tmp_path: Path) -> None:
    def prepare(root: Path) -> None:
        project(root, "briefing")

    (tmp_path / "project").mkdir()
    with served(tmp_path, prepare=prepare, ready="/search/search_index.json") as (_, base, _s):
        assert titles(fetch(f"{base}/search/search_index.json") or "{}") == TITLES
