"""The results `mkdocs serve` keeps between rebuilds (read files, the linked corpus, its
dates, the feed, the pages and the views kept by planning): each rebuild equals a build
from nothing, whatever was edited, and a rebuild with no edit reuses them."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from corpus_helpers import SEED

from benchmarks.corpus import generate, write
from benchmarks.run import edited
from briefing import load as load_module
from briefing import paging
from briefing import render as render_module
from briefing.buildcache import BuildCache
from briefing.feed import FEED_PATH
from briefing.load import LoadStore, load
from briefing.pipeline import BuildResult, build


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(SEED, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


OPTIONS = {"site_title": "Caches", "site_url": "https://example.org/briefing/"}


def fresh(content: Path, **options: str) -> BuildResult:
    return build(content, **{**OPTIONS, **options})  # type: ignore[arg-type]


def assert_same(kept: BuildResult, clean: BuildResult) -> None:
    assert list(kept.pages) == list(clean.pages)
    stale = [path for path in clean.pages if kept.pages[path] != clean.pages[path]]
    assert not stale, f"stale pages: {stale}"
    assert kept.files == clean.files
    assert kept.diagnostics == clean.diagnostics


EDITS = {
    "source title": ("sources/deepseek-sputnik-market-downturn.yml", 'title: "',
                     'title: "Edited: '),
    "quote stance": ("sources/deepseek-sputnik-market-downturn.yml",
                     "asserts: [us-tech-stock-losses]", "reports: [us-tech-stock-losses]"),
    # Changes the kind of a drawn edge of the map (solid to dashed).
    "quote stance to doubt": ("sources/deepseek-sputnik-market-downturn.yml",
                              "asserts: [us-tech-stock-losses]",
                              "doubts: [us-tech-stock-losses]"),
    "quote speaker": ("sources/deepseek-sputnik-market-downturn.yml",
                      "speaker: marc-andreessen", "speaker: deepseek"),
    "source date": ("sources/deepseek-traction-musk-bid.yml", '"2025-02-15"', '"2025-03-01"'),
    "claim status": ("claims.yml", "status: disputed", "status: refuted"),
    "figure value": ("claims.yml", "value: 6000000", "value: 7000000"),
    "entity name": ("entities.yml", "name: DeepSeek\n", "name: DeepSeek AI\n"),
    "entity alias": ("entities.yml", 'aliases: ["DeepSeek R1", "R1"]',
                     'aliases: ["DeepSeek R1", "R1", "H800"]'),
    "brief title": ("briefs/musk-openai-bid.yml", "title: \"", "title: \"Edited: "),
    "an error": ("claims.yml", "status: disputed", "status: bogus"),
    # An edited item's references are checked again.
    "an unknown claim": ("sources/deepseek-sputnik-market-downturn.yml",
                         "asserts: [us-tech-stock-losses]", "asserts: [us-tech-stock-lossez]"),
    # The claim's only stance goes to another claim: the coverage page lists it as one no
    # source takes a position on.
    "a claim left without stances": ("sources/deepseek-sputnik-market-downturn.yml",
                                     "reports: [argue-against-open-sourcing]",
                                     "reports: [us-tech-stock-losses]"),
    # The entity keeps its number of mentions, one of them in another sentence.
    "a sentence naming an entity": ("sources/deepseek-nature-cost-disclosure.txt",
                                    "As China continues to advance",
                                    "As China keeps advancing"),
    # Microsoft, named before only in a January article, gets a September one: its page's
    # date moves.
    "an entity named in a later source": ("sources/deepseek-nature-cost-disclosure.txt",
                                          "As China continues to advance",
                                          "As Microsoft and China continue to advance"),
    # The ids a file declares, valid or not, are kept with its validation.
    "an invalid quote id": ("sources/deepseek-sputnik-market-downturn.yml",
                            "id: market-downturn\n", "id: Market_Downturn\n"),
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_each_rebuild_equals_a_build_from_nothing(content: Path, kind: str) -> None:
    cache = BuildCache()
    first = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    rel, old, new = EDITS[kind]
    edit(content / rel, old, new)
    edited = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    assert edited.pages != first.pages or edited.failed()
    assert_same(edited, fresh(content))
    edit(content / rel, new, old)
    undone = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    assert_same(undone, fresh(content))
    assert undone.pages == first.pages and undone.files == first.files


def test_edits_and_undos_in_turn_each_equal_a_build_from_nothing(content: Path) -> None:
    # Groups kept inside a reused group (an entity's pages) must stay valid for the edits
    # that come after.
    cache = BuildCache()
    build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    for kind in ("quote stance", "entity name", "source title", "figure value"):
        rel, old, new = EDITS[kind]
        for was, now in ((old, new), (new, old)):
            edit(content / rel, was, now)
            kept = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
            assert_same(kept, fresh(content))


def test_a_rebuild_with_no_edit_reuses_everything(content: Path) -> None:
    cache = BuildCache()
    first = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    again = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    assert again.linked is first.linked
    assert again.pages == first.pages and again.files == first.files
    assert_same(again, fresh(content))


def test_the_feed_follows_the_site_options(content: Path) -> None:
    cache = BuildCache()
    build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    moved = build(content, cache=cache, site_title="Caches",  # the corpus is reused
                  site_url="https://example.net/elsewhere/", site_author="Desk")
    assert "https://example.net/elsewhere/" in moved.files[FEED_PATH]
    assert_same(moved, fresh(content, site_url="https://example.net/elsewhere/",
                             site_author="Desk"))
    renamed = build(content, cache=cache, site_title="Renamed")
    assert_same(renamed, fresh(content, site_title="Renamed", site_url=""))


def test_a_file_rewritten_with_other_bytes_of_the_same_size_is_read_again(
        content: Path) -> None:
    path = content / "claims.yml"
    store = LoadStore()
    first = load(content, store)
    stat = path.stat()
    edit(path, "status: disputed", "status: reported")  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time
    assert path.stat().st_size == stat.st_size
    again = load(content, store)
    claims = next(d for d in again.yaml_docs if d.rel == "claims.yml")
    assert "status: reported" in claims.text
    # Untouched files keep their objects, which is what lets later stages skip work.
    assert sum(a is b for a, b in zip(again.yaml_docs, first.yaml_docs, strict=True)) \
        == len(first.yaml_docs) - 1


def later_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file looks written long before it is read, so its status is trusted."""
    real = load_module.time.time_ns
    monkeypatch.setattr(load_module.time, "time_ns", lambda: real() + 60_000_000_000)


def counting_opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []

    read_regular = load_module.read_regular

    def counting_read(path: str, limit: int) -> bytes:
        opened.append(path)
        return read_regular(path, limit)

    monkeypatch.setattr(load_module, "read_regular", counting_read)
    return opened


def test_a_settled_file_whose_status_is_unchanged_is_not_read_again(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    later_clock(monkeypatch)
    store = LoadStore()
    first = load(content, store)
    opened = counting_opens(monkeypatch)
    again = load(content, store)
    assert opened == []
    assert all(a is b for a, b in zip(again.yaml_docs, first.yaml_docs, strict=True))
    edit(content / "claims.yml", "status: disputed", "status: refuted")
    third = load(content, store)
    assert [Path(p).name for p in opened] == ["claims.yml"]
    claims = next(d for d in third.yaml_docs if d.rel == "claims.yml")
    assert "status: refuted" in claims.text


def test_a_file_written_just_before_it_was_read_is_read_again(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = LoadStore()
    load(content, store)  # every file was just written: none is settled
    opened = counting_opens(monkeypatch)
    load(content, store)
    assert len(opened) == len(store.reads)


def test_a_settled_file_rewritten_with_the_same_size_and_time_is_read_again(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    later_clock(monkeypatch)
    path = content / "claims.yml"
    store = LoadStore()
    load(content, store)
    stat = path.stat()
    time.sleep(0.05)  # past the file system's clock tick: the change time moves on
    edit(path, "status: disputed", "status: reported")  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time
    assert path.stat().st_size == stat.st_size
    claims = next(d for d in load(content, store).yaml_docs if d.rel == "claims.yml")
    assert "status: reported" in claims.text


# A generated corpus large enough that the map leaves nodes out, metrics span several
# pages and the coverage matrix has blocks: what is reused there must stay right too.
LARGE_SOURCES = 120


def stance(text: str) -> str:
    return edited("stance", text, 0)


def title(text: str) -> str:
    return edited("title", text, 0)


def figure_moved(text: str) -> str:  # one value leaves a metric for another
    return text.replace("metric: headcount", "metric: training-cost", 1)


def figure_changed(text: str) -> str:
    return text.replace("value: 506\n", "value: 999999\n", 1)


def source_date(text: str) -> str:  # the source moves in every date order it is in
    return re.sub(r'(?m)^published: "\d{4}', 'published: "1999', text, count=1)


def claim_added(text: str) -> str:  # a claim no source takes a position on
    return text.replace("claims:\n", "claims:\n  - id: claim-unquoted\n"
                        "    statement: \"A claim no source takes a position on.\"\n"
                        "    status: reported\n", 1)


LARGE_EDITS = {
    "quote stance": ("sources/source-00007.yml", stance),
    "another quote stance": ("sources/source-00100.yml", stance),
    "source title": ("sources/source-00007.yml", title),
    "figure to another metric": ("claims/part-000.yml", figure_moved),
    "figure value": ("claims/part-000.yml", figure_changed),
    # Reorders the stances of the claims its quotes take a position on.
    "source date": ("sources/source-00007.yml", source_date),
    "claim without stances": ("claims/part-000.yml", claim_added),
}


@pytest.fixture(scope="module")
def large_corpus() -> dict[str, str]:
    return generate(LARGE_SOURCES)


@pytest.mark.parametrize("kind", sorted(LARGE_EDITS))
def test_rebuilds_of_a_larger_corpus_equal_a_build_from_nothing(
        tmp_path: Path, large_corpus: dict[str, str], kind: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Small pages, so that every kind of paged listing has several pages.
    for limit, value in (("FIGURE_VALUES_PER_PAGE", 5), ("ENTITY_ITEMS_PER_PAGE", 10),
                         ("LISTING_ROWS_PER_PAGE", 20)):
        monkeypatch.setattr(paging, limit, value)
    content = write(tmp_path / "content", large_corpus)
    cache = BuildCache()
    first = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    rel, change = LARGE_EDITS[kind]
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert change(text) != text
    path.write_text(change(text), encoding="utf-8")
    edited_build = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    assert edited_build.pages != first.pages
    assert_same(edited_build, fresh(content))
    path.write_text(text, encoding="utf-8")
    undone = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    assert_same(undone, fresh(content))
    assert undone.pages == first.pages


def test_a_title_edit_renders_again_only_the_pages_that_show_the_title(
        tmp_path: Path, large_corpus: dict[str, str]) -> None:
    """A page is rendered again only when its view changed, and a source's new title
    changes the views of the pages that show it, and no others."""
    content = write(tmp_path / "content", large_corpus)
    cache = BuildCache()
    first = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    before = dict(cache.pages.pages)
    path = content / "sources" / "source-00007.yml"
    path.write_text(title(path.read_text(encoding="utf-8")), encoding="utf-8")
    edited_build = build(content, cache=cache, **OPTIONS)  # type: ignore[arg-type]
    again = {p for p, (_, _, body, _) in cache.pages.pages.items() if body is not before[p][2]}
    changed = {p for p, text in edited_build.pages.items() if first.pages.get(p) != text}
    assert again == changed
    assert all("Edited title 0" in edited_build.pages[p] for p in again)
    # (44 of 427 pages here: the source's own, and the claims, entities, figures and
    # entities' maps that name it; far from every page.)
    assert len(again) < len(edited_build.pages) / 8


def test_a_rebuild_with_nothing_changed_does_not_plan_again(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = BuildCache()
    first = build(content, cache=cache, **OPTIONS)

    def no_plan(*args: object, **kwargs: object) -> None:
        raise AssertionError("planned again though nothing changed")

    with monkeypatch.context() as patched:
        patched.setattr(render_module, "plan", no_plan)
        again = build(content, cache=cache, **OPTIONS)
    assert again.pages == first.pages
    # Another title is another input: every page is planned again, and shows it.
    retitled = build(content, cache=cache, **{**OPTIONS, "site_title": "Other"})
    assert retitled.pages == build(content, **{**OPTIONS, "site_title": "Other"}).pages
    assert retitled.pages != first.pages
