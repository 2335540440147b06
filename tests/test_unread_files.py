"""Files the content model does not read are each named, with where they belong; what
editors, file managers and `briefing new` leave beside the content is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import minimal_corpus, write_tree

from briefing.load import discover


def unread(tmp_path: Path, extra: dict[str, str | bytes]) -> dict[str, str]:
    """The `content-unknown-file` warnings of the minimal corpus plus `extra`, as the
    hint by each file's path below content/."""
    content = write_tree(tmp_path / "content", {**minimal_corpus(), **extra})
    _, problems, _ = discover(content)
    return {p.pos.path.split("content/", 1)[1]: p.hint for p in problems
            if p.code == "content-unknown-file"}


@pytest.mark.parametrize(("rel", "belongs"), [
    ("about.md", "content/pages/about.md"),
    ("briefs/draft.md", "content/pages/draft.md"),
    ("claims/notes.markdown", "content/pages/notes.markdown"),
    ("briefs/x.json", "ending in .yml"),
    ("sources/notes.text", "sources/<id>.txt"),
    ("sources/old/acme.txt", "sources/<id>.txt"),
    ("entities/photo.jpg", "content/pages/photo.jpg"),
    ("briefs/paper.pdf", "briefing new PATH/paper.pdf"),
    ("sources/saved.htm", "briefing new PATH/saved.htm"),
])
def test_each_misplaced_file_is_named_with_where_it_belongs(
        tmp_path: Path, rel: str, belongs: str) -> None:
    found = unread(tmp_path, {rel: "x\n"})
    assert list(found) == [rel]
    assert belongs in found[rel]


@pytest.mark.parametrize("rel", [
    ".DS_Store", "sources/.gitkeep", "briefs/.widget.yml.swp", "briefs/widget.yml~",
    "claims.yml.bak", "claims.yml.orig", "sources/#acme-widget.yml#", "entities/Thumbs.db",
    "desktop.ini",
])
def test_what_tools_leave_beside_the_content_is_not_reported(tmp_path: Path, rel: str) -> None:
    assert unread(tmp_path, {rel: "x\n"}) == {}


def test_a_kept_original_beside_its_source_is_not_reported(tmp_path: Path) -> None:
    assert unread(tmp_path, {"sources/acme-widget.html": "<html></html>\n",
                             "sources/acme-widget.pdf": b"%PDF-1.4\n"}) == {}


def test_files_in_an_unknown_folder_are_left_to_the_folder_warning(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", {**minimal_corpus(), "drafts/a.md": "# A\n",
                                                "drafts/b.json": "{}\n"})
    _, problems, _ = discover(content)
    assert [p.code for p in problems] == ["content-unknown-folder"]


def test_hand_written_pages_and_their_files_are_mkdocs_business(tmp_path: Path) -> None:
    assert unread(tmp_path, {"pages/about.md": "# About\n", "pages/logo.png": b"\x89PNG",
                             "pages/notes.json": "{}\n"}) == {}
