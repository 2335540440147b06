"""`date-future`: a source's publication date after the day the build runs. The core
reads no clock: the adapters hand it `today`, and the checks and kept results depend on
it as on any other input."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from corpus_helpers import minimal_corpus, write_tree

from briefing.buildcache import BuildCache
from briefing.pipeline import build

TODAY = datetime.date(2026, 3, 15)
PUBLISHED = '"2025-01-02"'  # as the minimal corpus writes it


def content(tmp_path: Path, published: str) -> Path:
    files = minimal_corpus()
    source = "sources/acme-widget.yml"
    text = files[source]
    assert isinstance(text, str) and PUBLISHED in text
    return write_tree(tmp_path / "content", {**files, source: text.replace(PUBLISHED,
                                                                          published)})


def future(content_dir: Path, today: datetime.date | None,
           cache: BuildCache | None = None) -> list[str]:
    result = build(content_dir, today=today, cache=cache)
    return [str(d.pos) for d in result.diagnostics if d.code == "date-future"]


# (the date as written, the column of the date reported, or None)
@pytest.mark.parametrize(("published", "col"), [
    ('"2026-03-15"', None),  # today
    ('"2026-03-16"', None),  # tomorrow: a time zone ahead may be there already
    ('"2026-03-17"', 12),
    ('"2026-03"', None),  # its first day has passed
    ('"2026-04"', 12),
    ('"2026"', None),
    ('"2027"', 12),
    ('{date: "2027-01", about: true}', 19),  # "about" does not reach back a year
    ('"unknown"', None),
])
def test_a_publication_date_after_today_is_reported_at_the_date(
        tmp_path: Path, published: str, col: int | None) -> None:
    content_dir = content(tmp_path, published)
    where = f"{content_dir}/sources/acme-widget.yml:2:{col}"
    assert future(content_dir, TODAY) == ([] if col is None else [where])


def test_without_today_no_date_is_checked_against_it(tmp_path: Path) -> None:
    assert future(content(tmp_path, '"2205-01-02"'), None) == []


def test_a_rebuild_on_another_day_checks_again(tmp_path: Path) -> None:
    """What `mkdocs serve` keeps between rebuilds was checked against a day: a session
    that runs past the date the source gives stops reporting it."""
    content_dir, cache = content(tmp_path, '"2026-03-20"'), BuildCache()
    assert len(future(content_dir, TODAY, cache)) == 1
    assert len(future(content_dir, TODAY, cache)) == 1  # (reused, still reported)
    assert future(content_dir, datetime.date(2026, 3, 20), cache) == []
    assert len(future(content_dir, TODAY, cache)) == 1
