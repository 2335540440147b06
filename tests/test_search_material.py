"""Material for MkDocs' search, which `- search` names under `theme: material` (its key is
`material/search`, its index its own): Briefing's pages are indexed once there too, and
`mkdocs serve --dirty` serves the index a clean build writes, however many pages each
rebuild skips."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import REPO, SEED, minimal_corpus, write_tree
from site_builds import Serving

pytest.importorskip("material")

MATERIAL = "theme:\n  name: material\n"


def material_project(project: Path, content: Path | None = None) -> Path:
    """The repository's site over the minimal corpus (or `content`), themed by Material,
    with `- search` as the repository's mkdocs.yml has it."""
    if content is None:
        write_tree(project / "content", minimal_corpus())
    else:
        shutil.copytree(content, project / "content")
    if not (project / "content" / "pages").exists():
        shutil.copytree(SEED / "pages", project / "content" / "pages")
    settings = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "theme:\n  name: briefing\n" in settings and "  - search\n" in settings
    settings = settings.replace("theme:\n  name: briefing\n", MATERIAL, 1)
    # The quote picker (on under serve only) adds to source pages what a clean build does
    # not have.
    settings = settings.replace("      content_dir: content\n",
                                "      content_dir: content\n      quote_picker: never\n", 1)
    (project / "mkdocs.yml").write_text(settings, encoding="utf-8")
    return project


def index(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return data


def clean_index(project: Path) -> dict[str, Any]:
    site = project / "clean"
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                   cwd=project, check=True)
    return index(site)


@pytest.fixture
def serving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Serving]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    project = material_project(tmp_path / "project")
    monkeypatch.chdir(project)
    session = Serving(project)
    assert "material/search" in session.first.plugins, "Material names `- search` its own"
    session.rebuild()
    yield session
    session.first.plugins.on_shutdown()
    # MkDocs keeps Material's search for the process (a plugin with `on_startup`), with
    # the last index it would merge into the next build's.
    material = session.first.plugins["material/search"]
    material.on_startup(command="build", dirty=False)
    material.search_index_prev = None  # type: ignore[attr-defined]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Each changes several pages at once (a dirty rebuild of more than one page), and the
# title edit removes words from the index that a stale entry would still hold.
EDITS = [
    ("sources/acme-widget.yml", 'title: "Acme prices its widget"',
     'title: "Zebrafish pricing notes"'),
    ("entities.yml", "name: Jane Doe", "name: Jane Q. Doe"),
    ("sources/acme-widget.yml", "doubts: [widget-cost-5m]", "refutes: [widget-cost-5m]"),
    ("briefs/widget.yml", "title: The widget price", "title: What the widget costs"),
    ("sources/acme-widget.yml", 'title: "Zebrafish pricing notes"',
     'title: "Acme prices its widget"'),
]


def test_the_dirty_index_after_several_edits_is_a_clean_build_s(serving: Serving) -> None:
    assert index(serving.site) == clean_index(serving.project)
    content = serving.project / "content"
    for rel, old, new in EDITS:
        edit(content / rel, old, new)
        serving.rebuild()
        served, clean = index(serving.site), clean_index(serving.project)
        assert served["config"] == clean["config"]
        assert served["docs"] == clean["docs"], f"stale after {new!r}"
    assert "Zebrafish" not in json.dumps(index(serving.site))


def test_a_gathering_page_is_indexed_by_its_title_section_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As under MkDocs' search (test_search_reduced.py): each passage is found on the page
    that holds it, not again on every index, coverage, figure or entity page."""
    monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    project = material_project(tmp_path / "project", SEED)
    monkeypatch.chdir(project)
    docs = clean_index(project)["docs"]
    own = ("sources/", "claims/", "briefs/")
    gathering = [doc for doc in docs if "#" in doc["location"] and doc["location"] != "#"
                 and not (doc["location"].startswith(own)
                          and doc["location"].split("/")[1] not in ("", "page"))
                 and not doc["location"].startswith(("about/", "problems/"))]
    assert gathering, "gathering pages have sections"
    assert [doc["location"] for doc in gathering if doc["text"]] == []
    # The claims index is found by its introduction, not by each claim of its table.
    claims = next(doc for doc in docs if doc["location"] == "claims/")
    assert claims["text"].startswith("<p>Every claim") and "<table" not in claims["text"] \
        and "Claimant" not in claims["text"]
    # A source's title is found on its page, not again on each entity page it names.
    titles = {doc["title"] for doc in docs
              if doc["location"].startswith("sources/") and doc["location"].count("/") == 2
              and doc["location"].endswith("/")}
    assert titles and not [doc for doc in docs if doc["location"].startswith("entities/")
                           and doc["title"] in titles]
