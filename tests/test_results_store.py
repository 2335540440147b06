"""The pipeline's results kept on disk (briefing/results.py, briefing/diskstore.py): a
build of unchanged content and options reads them and gives the very same result; an
entry cut short, corrupt, of another format or for another key is ignored; any change to
the content or the options misses; a store that cannot be written changes nothing but
the time; a content folder holding what the loader would not read keeps nothing."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus_helpers import SEED, minimal_corpus, minimal_site, write_tree
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from briefing import results
from briefing.feed import FEED_PATH
from briefing.hedges import Hedges
from briefing.picker import DATA_ATTRIBUTE
from briefing.pipeline import BuildResult, build
from briefing.plugin import BriefingPlugin
from briefing.results import FORMAT, ResultStore


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    # A stray file: a warning, so the diagnostics go through the store too.
    return write_tree(tmp_path / "content", {**minimal_corpus(), "notes.txt": "to do\n"})


def outputs(result: BuildResult) -> tuple[object, ...]:
    return (result.pages, dict(result.files), result.diagnostics)


def stored(content: Path, store: ResultStore, **options: str) -> BuildResult:
    result = build(content, store=store, **options)  # type: ignore[arg-type]
    assert result.error is None
    return result


def test_a_second_build_reads_the_first_ones_results(content: Path, tmp_path: Path) -> None:
    store = ResultStore(tmp_path / "results")
    first = stored(content, store)
    assert not store.hit and first.linked is not None and first.diagnostics
    assert len(list((tmp_path / "results").iterdir())) == 1
    second = stored(content, ResultStore(tmp_path / "results"))
    assert second.linked is None  # (not made: read)
    assert outputs(second) == outputs(first) == outputs(build(content))


def test_the_seed_corpus_comes_back_the_same(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = ResultStore(tmp_path / "results")
    first = stored(SEED, store)
    again = ResultStore(tmp_path / "results")
    assert outputs(stored(SEED, again)) == outputs(first) and again.hit


def cut_short(entry: Path, other: Path) -> None:
    entry.write_bytes(entry.read_bytes()[:-40])


def flipped(entry: Path, other: Path) -> None:
    data = bytearray(entry.read_bytes())
    data[data.index(b"#", data.index(b"\n")) + 1] ^= 1  # still JSON, other Markdown
    entry.write_bytes(bytes(data))


def old_format(entry: Path, other: Path) -> None:
    entry.write_bytes(entry.read_bytes().replace(FORMAT, b"briefing-results 0", 1))


def another_key(entry: Path, other: Path) -> None:
    entry.write_bytes(other.read_bytes())  # whole, but another build's


@pytest.mark.parametrize("damage", [cut_short, flipped, old_format, another_key],
                         ids=lambda f: f.__name__)
def test_an_entry_not_whole_or_not_this_builds_is_ignored(
        content: Path, tmp_path: Path, damage: Callable[[Path, Path], None]) -> None:
    folder = tmp_path / "results"
    first = stored(content, ResultStore(folder), site_title="One")
    (entry,) = folder.iterdir()
    stored(content, ResultStore(folder), site_title="Two")
    (other,) = set(folder.iterdir()) - {entry}
    damage(entry, other)
    store = ResultStore(folder)
    again = stored(content, store, site_title="One")
    assert not store.hit and outputs(again) == outputs(first)
    # Written again, whole: the next build reads it.
    store = ResultStore(folder)
    assert outputs(stored(content, store, site_title="One")) == outputs(first) and store.hit


def test_an_edited_content_file_or_another_option_misses(content: Path,
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "results"
    stored(content, ResultStore(folder))
    for options in ({"site_title": "Other"}, {"hedges": Hedges().extended({"x": ("y",)})},
                    {"hedges": Hedges().extended({"x": {"nl": ("y",)}})}):
        store = ResultStore(folder)
        assert outputs(stored(content, store, **options)) == outputs(build(content, **options))  # type: ignore[arg-type]
        assert not store.hit
    claims = content / "claims.yml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("$5 million", "$6 million"),
                      encoding="utf-8")
    store = ResultStore(folder)
    edited = stored(content, store)
    assert not store.hit and "$6 million" in "".join(edited.pages.values())
    assert outputs(edited) == outputs(build(content))
    assert len(list(folder.iterdir())) <= 3  # the one in use and the two last others


@pytest.mark.parametrize("site", [
    {"site_url": "https://example.org/a/", "site_author": "Ann"},
    {"site_url": "http://127.0.0.1:8123/", "directory_urls": False}])
def test_the_feed_is_made_for_the_site_that_reads_the_results(
        content: Path, tmp_path: Path, site: dict[str, object]) -> None:
    # Only the feed depends on the site's address, author and URL style (`mkdocs serve`
    # sets the address it serves at): the entry serves every site.
    stored(content, ResultStore(tmp_path / "results"))
    store = ResultStore(tmp_path / "results")
    result = stored(content, store, **site)  # type: ignore[arg-type]
    assert store.hit and outputs(result) == outputs(build(content, **site))  # type: ignore[arg-type]
    assert str(site["site_url"]) in result.files[FEED_PATH]


def test_a_store_that_cannot_be_written_changes_nothing_but_the_time(
        content: Path, tmp_path: Path) -> None:
    folder = tmp_path / "results"
    folder.write_text("not a folder", encoding="utf-8")
    for _ in range(2):
        store = ResultStore(folder)
        assert outputs(stored(content, store)) == outputs(build(content))
        assert not store.hit and not store.disk.writable


def test_content_the_loader_would_not_read_keeps_nothing(content: Path,
                                                         tmp_path: Path) -> None:
    os.symlink(content / "claims.yml", content / "claims-link.yml")
    store = ResultStore(tmp_path / "results")
    assert store.key(content, {}) is None
    # A hidden link among the pages: the loader passes it over, MkDocs follows it.
    os.remove(content / "claims-link.yml")
    (content / "pages").mkdir()
    os.symlink("..", content / "pages" / ".back")
    assert store.key(content, {}) is None
    assert outputs(stored(content, store)) == outputs(build(content))
    assert not (tmp_path / "results").exists()


class Session:
    """The plugin as `mkdocs serve` (with or without `--dirty`) drives it: one instance, a
    fresh config per rebuild, every build into one site folder."""

    def __init__(self, project: Path, site: str, *, dirty: bool) -> None:
        self.project, self.site, self.dirty = project, project / site, dirty
        self.first = self.config()
        self.first.plugins.on_startup(command="serve", dirty=dirty)
        self.plugin = self.first.plugins["briefing"]
        assert isinstance(self.plugin, BriefingPlugin)

    def config(self) -> MkDocsConfig:
        return load_config(config_file=str(self.project / "mkdocs.yml"),
                           site_dir=str(self.site))

    def rebuild(self) -> None:
        mkdocs_build(self.config(), dirty=self.dirty)

    def files(self) -> dict[str, bytes]:
        return {p.relative_to(self.site).as_posix(): p.read_bytes()
                for p in sorted(self.site.rglob("*")) if p.is_file()}

    def close(self) -> None:
        self.first.plugins.on_shutdown()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    project = minimal_site(tmp_path)
    monkeypatch.chdir(project)
    return project


def session(project: Path, site: str, *, dirty: bool) -> dict[str, bytes]:
    """The site a whole serve session's first build writes."""
    served = Session(project, site, dirty=dirty)
    try:
        served.rebuild()
        return served.files()
    finally:
        served.close()


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "dirty"])
def test_a_warm_serve_start_serves_the_cold_ones_site_and_its_first_edit_the_clean_one(
        project: Path, dirty: bool) -> None:
    # (The quote picker is on, so source pages carry data the results store kept.)
    cold = session(project, "cold", dirty=dirty)
    assert any(DATA_ATTRIBUTE.encode() in data for data in cold.values())
    warm = Session(project, "warm", dirty=dirty)
    try:
        warm.rebuild()
        assert warm.plugin.store is not None and warm.plugin.store.hit
        assert warm.files() == cold
        disk = warm.plugin.disk  # conversions from disk, `--dirty` too
        assert disk is not None and disk.misses == 0 and disk.hits > 10
        live = warm.plugin.live
        assert live is not None
        # A `--dirty` session has its pages' pieces, so an edit converts only its own.
        assert (len(live.conversions.pages) > 10) is dirty
        claims = project / "content" / "claims.yml"
        claims.write_text(claims.read_text(encoding="utf-8").replace(
            "$5 million", "$6 million"), encoding="utf-8")
        warm.rebuild()  # after the cache was filled in the background
        assert warm.plugin.store is None and warm.plugin.warming is None
        assert live.cache.linked is not None
        edited = warm.files()
    finally:
        warm.close()
    (project / ".cache").rename(project / "old-cache")  # nothing from before the edit
    assert edited == session(project, "clean", dirty=dirty)


def made_in(linked: object) -> dict[str, str]:
    """Derived data naming the process it is made in (a function of the module, so that a
    process started anew can be sent it)."""
    return {"made in": str(os.getpid())}


def test_a_build_apart_is_made_in_a_process_of_its_own_and_read_here(
        content: Path, tmp_path: Path) -> None:
    store = ResultStore(tmp_path / "results", made_in)
    result = build(content, store=store, apart=True)
    assert store.hit and result.linked is None  # read from the store, not made here
    assert store.derived["made in"] != str(os.getpid())
    assert outputs(result) == outputs(build(content))


def test_a_build_apart_whose_process_fails_is_made_here(content: Path,
                                                        tmp_path: Path) -> None:
    here = os.getpid()

    def derive(linked: object) -> dict[str, str]:
        if os.getpid() != here:
            os._exit(3)  # the other process ends before it keeps anything
        return {}

    store = ResultStore(tmp_path / "results", derive)
    result = build(content, store=store, apart=True)
    assert not store.hit and result.linked is not None
    assert outputs(result) == outputs(build(content))


def test_a_build_apart_already_in_the_store_starts_no_process(
        content: Path, tmp_path: Path) -> None:
    stored(content, ResultStore(tmp_path / "results", lambda linked: {}))
    store = ResultStore(tmp_path / "results", made_in)
    build(content, store=store, apart=True)
    assert store.hit and "made in" not in store.derived


def test_a_build_apart_works_where_new_processes_start_afresh(
        content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (macOS and Windows start a process anew, sending it the build, rather than forking)
    spawning = multiprocessing.get_context("spawn")
    monkeypatch.setattr(multiprocessing, "get_context", lambda: spawning)
    store = ResultStore(tmp_path / "results", made_in)
    result = build(content, store=store, apart=True)
    assert store.hit and store.derived["made in"] != str(os.getpid())
    assert outputs(result) == outputs(build(content))


def test_the_code_digest_ignores_compiled_files(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Python writes `.pyc` files as modules are first imported: a new one must not change
    the key of every stored result."""
    write_tree(tmp_path, {"module.py": "x = 1\n", "templates/page.md.j2": "# {{ t }}\n"})
    monkeypatch.setattr(results, "CODE", tmp_path)
    before = results.code_digest()
    write_tree(tmp_path, {"__pycache__/module.cpython-311.pyc": "compiled",
                          "templates/__pycache__/x.pyc": "compiled"})
    assert results.code_digest() == before
    write_tree(tmp_path, {"module.py": "x = 2\n"})
    assert results.code_digest() != before
