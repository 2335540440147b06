"""Golden files: the generated Markdown compared with a committed copy.

Refresh after an intended change with `pytest tests/test_golden.py --update-golden`, then
review the diff of tests/golden/ like any other change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from corpus_helpers import SEED, minimal_corpus, write_tree

from briefing.pipeline import build
from briefing.wording import wording_for

GOLDEN = Path(__file__).parent / "golden"


def compare_with_golden(name: str, pages: dict[str, str], update: bool) -> None:
    folder = GOLDEN / name
    if update:
        shutil.rmtree(folder, ignore_errors=True)
        for rel, text in pages.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8", newline="\n")
        return
    expected = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(folder.rglob("*.md"))}
    assert sorted(pages) == sorted(expected), "pages added or removed; see --update-golden"
    for rel in sorted(pages):
        assert pages[rel] == expected[rel], f"{rel} differs from tests/golden/{name}/{rel}"


@pytest.fixture
def update(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def test_minimal_corpus_matches_golden(tmp_path: Path, update: bool) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    result = build(content, site_title="Widget briefing")
    assert not result.diagnostics
    compare_with_golden("minimal", result.pages, update)


def test_seed_corpus_matches_golden(update: bool) -> None:
    result = build(SEED, site_title="Briefing")
    assert not result.diagnostics, "\n".join(d.format() for d in result.diagnostics)
    compare_with_golden("seed", result.pages, update)


def test_seed_corpus_in_french_matches_golden(update: bool) -> None:
    """The pages' own words from the French catalog (`wording.py`): the corpus stays as
    written, in English."""
    result = build(SEED, site_title="Briefing", wording=wording_for("fr"))
    assert not result.diagnostics, "\n".join(d.format() for d in result.diagnostics)
    compare_with_golden("seed-fr", result.pages, update)
