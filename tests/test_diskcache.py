"""Generated pages' conversions kept on disk in pieces (briefing/pieces.py `PieceStore`,
briefing/conversion.py): a second `mkdocs build` of an unchanged corpus reuses them
and builds the same site, byte for byte; an entry that is cut short, corrupt, of another
format or another page's is ignored and converted again; a cache that cannot be written
changes nothing but the time."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import shutil
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import REPO, minimal_site, seed_project, served_search
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from site_builds import DirtyServe

from briefing.conversion import PieceConverter
from briefing.diskstore import SECRET
from briefing.pieces import FOLDER, FORMAT, Converted, PieceStore
from briefing.plugin import BriefingPlugin
from briefing.plugin.convert import SiteFiles
from briefing.results import FOLDER as RESULTS
from briefing.session import IdleCutter

ROOT_FILES = ("sitemap.xml.gz",)  # (compressed with the build's time in its header)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    project = minimal_site(tmp_path)
    monkeypatch.chdir(project)
    return project


def built(project: Path, site: str) -> BriefingPlugin:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / site))
    # As `mkdocs build` does: MkDocs keeps a plugin that has on_startup between loads of the
    # configuration, so an earlier test's `serve` session would otherwise carry over.
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    plugin = config.plugins["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    return plugin


def build(project: Path, site: str) -> PieceStore:
    disk = built(project, site).disk
    assert isinstance(disk, PieceStore)
    return disk


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name not in ROOT_FILES}


def test_a_second_build_reuses_every_conversion_and_builds_the_same_site(
        project: Path) -> None:
    first = build(project, "first")
    entries = sorted((project / FOLDER).iterdir())
    assert first.hits == 0 and first.misses == len(entries) > 10
    plugin = built(project, "second")
    second = plugin.disk
    assert second is not None and second.hits == len(entries) and second.misses == 0
    assert site_files(project / "second") == site_files(project / "first")
    # The pipeline's results came from the disk too.
    assert plugin.store is not None and plugin.store.hit
    assert len(list((project / RESULTS).iterdir())) == 1
    # Beside mkdocs.yml, never in docs_dir.
    assert not list((project / "content").rglob(".cache"))


def test_an_entry_not_whole_is_ignored_and_converted_again(project: Path) -> None:
    build(project, "first")
    entries = sorted((project / FOLDER).iterdir())
    cut, flipped, old, moved = entries[:4]
    cut.write_bytes(cut.read_bytes()[:-40])  # a write a crash cut short
    data = bytearray(flipped.read_bytes())
    data[data.index(b"<", data.index(b"\n")) + 1] ^= 1  # still JSON, other HTML
    flipped.write_bytes(bytes(data))
    old.write_bytes(old.read_bytes().replace(FORMAT, b"briefing-pieces 1", 1))
    moved.write_bytes(entries[4].read_bytes())  # whole, but another page's
    second = build(project, "second")
    assert second.misses == 4 and second.hits == len(entries) - 4
    assert site_files(project / "second") == site_files(project / "first")
    # Written again, whole: the next build uses them all.
    assert build(project, "third").misses == 0


def test_only_what_the_last_build_used_is_kept(project: Path) -> None:
    build(project, "first")
    folder = project / FOLDER
    (folder / ".partial-left-by-a-kill").write_bytes(b"briefing-conv")
    (folder / ("0" * 64)).write_bytes(b"an old page")
    count = len(list(folder.iterdir()))
    build(project, "second")
    assert len(list(folder.iterdir())) == count - 2


def test_a_cache_that_cannot_be_written_changes_nothing_but_the_time(project: Path) -> None:
    build(project, "first")
    shutil.rmtree(project / FOLDER)
    (project / FOLDER).write_text("not a folder", encoding="utf-8")
    second = build(project, "second")
    assert second.hits == 0 and not second.writable
    assert site_files(project / "second") == site_files(project / "first")


def test_pieces_whose_link_target_moved_are_not_used(tmp_path: Path) -> None:
    # A link's HTML depends on the address of the page it points to.
    config = load_config(config_file=str(seed_project(tmp_path / "p") / "mkdocs.yml"))
    target = File("b.md", src_dir=None, dest_dir="", use_directory_urls=True)
    piece = ["x", "<p>x</p>", [{"level": 2, "id": "x", "name": "X"}], None, ["x"],
             [["b.md", "y", "b.md#y"]], ["b.md"]]
    entry = {"pieces": [piece], "found": {"b.md": "b/"}}

    def kept(entry: dict[str, object], files: list[File]) -> object:
        disk = PieceStore(tmp_path / "pieces", {})
        disk.save("k", entry)
        return disk.kept("k", SiteFiles(Files(files)))

    assert kept(entry, [target]) == {"x": Converted(
        "<p>x</p>", ({"level": 2, "id": "x", "name": "X"},), None, frozenset({"x"}),
        (("b.md", "y", "b.md#y"),), frozenset({"b.md"}))}
    moved = File("b.md", src_dir=None, dest_dir="", use_directory_urls=False)
    assert kept(entry, [moved]) is None
    assert kept(entry, []) is None
    assert kept({**entry, "pieces": [piece[:3]]}, [target]) is None
    assert kept({**entry, "pieces": [[*piece[:2], "headings?", *piece[3:]]]}, [target]) is None
    assert kept({**entry, "found": "b.md"}, [target]) is None
    assert config.use_directory_urls


def test_the_cache_is_ignored_by_git_in_a_new_project_and_here() -> None:
    for ignore in (REPO / "briefing" / "scaffold" / "project" / "dot-gitignore",
                   REPO / ".gitignore"):
        assert ".cache/" in ignore.read_text(encoding="utf-8").splitlines()


def test_a_verbose_build_keeps_what_a_quiet_one_keeps(project: Path) -> None:
    # `mkdocs build -v`: `Page.render` gathers no links to anchors at MkDocs' debug level,
    # but the core always does, so the entries hold them for a later build.
    build(project, "quiet")
    quiet = {path.name: path.read_bytes() for path in (project / FOLDER).iterdir()}
    shutil.rmtree(project / FOLDER)
    pages = logging.getLogger("mkdocs.structure.pages")
    level = pages.level
    pages.setLevel(logging.DEBUG)
    try:
        verbose = build(project, "verbose")
    finally:
        pages.setLevel(level)
    assert verbose.misses > 10
    assert {path.name: path.read_bytes() for path in (project / FOLDER).iterdir()} == quiet
    assert any(b'.md#' in data for data in quiet.values())  # links to anchors among them


def test_with_an_extension_not_known_to_act_locally_each_page_is_kept_as_one_piece(
        project: Path) -> None:
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "markdown_extensions:\n", "markdown_extensions:\n  - footnotes\n"), encoding="utf-8")
    first = build(project, "first")
    entries = [json.loads(path.read_bytes().partition(b"\n")[2])
               for path in (project / FOLDER).iterdir()]
    assert first.misses == len(entries) > 10
    assert all(len(entry["pieces"]) == 1 for entry in entries)
    second = build(project, "second")
    assert second.hits == len(entries) and second.misses == 0
    assert site_files(project / "second") == site_files(project / "first")


def test_a_dirty_session_after_a_build_cuts_the_pages_it_took_whole_while_idle(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-shot build keeps each page whole; a `--dirty` session that starts over its
    cache cuts those pages into pieces while idle (`IdleCutter`), so an edit converts only
    the pieces it changed, and serves the site a session started without the disk does."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = seed_project(tmp_path / "project")
    served_search(project)
    monkeypatch.chdir(project)
    built(project, "built")
    monkeypatch.setattr(IdleCutter, "IDLE_SECONDS", 3600.0)  # cut below, not by the timer
    session = DirtyServe(project, tmp_path / "served")
    try:
        session.rebuild()
        live = session.config().plugins["briefing"].live
        conversions = live.conversions
        whole = dict(conversions.uncut)
        assert len(whole) > 20
        assert all(list(conversions.pages[path]) == [text]
                   for path, (text, _, _) in whole.items())
        stopped = threading.Event()
        stopped.set()  # a build is starting: nothing is cut
        conversions.cut_whole(stopped)
        assert conversions.uncut == whole
        live.housekeeping.cutter.cut()  # as the timer does once the server is idle
        assert not conversions.uncut
        cut = [path for path in whole if len(conversions.pages[path]) > 1]
        assert len(cut) > 10

        converted: Counter[str] = Counter()  # page -> characters converted
        convert = PieceConverter.convert

        def counted(self: PieceConverter, text: str) -> Any:
            converted[self.links.page] += len(text)
            return convert(self, text)

        monkeypatch.setattr(PieceConverter, "convert", counted)
        source = project / "content" / "sources" / "deepseek-claims-under-scrutiny.yml"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace('title: "', 'title: "Edited: ', 1), encoding="utf-8")
        before = dict(live.markdown)
        session.rebuild()
        # The pages of many pieces the edit changed (briefs, coverage, an entity) converted
        # a few of them; taken whole, each would have converted all its Markdown again.
        many = [path for path, page in live.markdown.items()
                if before.get(path) != page and path in cut and len(conversions.pages[path]) > 10]
        assert len(many) >= 4
        # (At most half: a row naming the edited source carries the reasoning of its
        # inferred date, a few hundred characters converted with the row.)
        assert all(0 < converted[path] * 2 < len(live.markdown[path]) for path in many), \
            [(path, converted[path], len(live.markdown[path])) for path in many]
    finally:
        session.close()
    shutil.rmtree(project / ".cache")
    cold = DirtyServe(project, tmp_path / "cold")
    try:
        cold.rebuild()
    finally:
        cold.close()
    assert site_files(tmp_path / "served") == site_files(tmp_path / "cold")


def planted(entry: Path, secret: Path | None) -> None:
    """What a contributor can commit in a `.cache/` folder: an entry of their own build's,
    its HTML made to run script, its head hashed as Briefing would on their machine."""
    head, _, body = entry.read_bytes().partition(b"\n")
    for end in (b"</h1>", b"\\n\\n## "):  # (HTML, and the pipeline's Markdown)
        body = body.replace(end, b"<script>alert('planted')</script>" + end)
    mac = hmac.new(secret.read_bytes(), body, hashlib.sha256) if secret else hashlib.sha256(body)
    entry.write_bytes(head.rsplit(b" ", 1)[0] + b" " + mac.hexdigest().encode() + b"\n" + body)


@pytest.mark.parametrize("signed", [True, False], ids=["their-secret", "plain-hash"])
def test_an_entry_planted_in_the_project_reaches_no_page(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signed: bool) -> None:
    # Every part of a key can be worked out from the repository, so a pull request can hold
    # an entry under the very key an honest build looks up. Only this machine's are read.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "theirs"))
    build(project, "theirs")
    entries = [*(project / FOLDER).iterdir(), *(project / RESULTS).iterdir()]
    for entry in entries:
        planted(entry, tmp_path / "theirs" / SECRET if signed else None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "ours"))
    plugin = built(project, "ours")
    assert plugin.disk is not None and plugin.disk.hits == 0
    assert not any(b"planted" in data for data in site_files(project / "ours").values())
    assert site_files(project / "ours") == site_files(project / "theirs")
    # Made again, under this machine's secret: the next build uses them.
    assert build(project, "again").misses == 0


def test_a_secret_in_the_project_is_not_used(project: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(project / ".cache"))
    disk = build(project, "site")
    assert disk.secret is None and not (project / FOLDER).exists()


@pytest.mark.parametrize("link", [FOLDER, FOLDER.parent, FOLDER.parent.parent])
def test_a_cache_folder_that_is_a_link_is_not_used(project: Path, tmp_path: Path,
                                                   link: Path) -> None:
    # A pull request can commit `.cache/briefing/conversions` as a link to any folder of
    # the user's: the build must neither write entries there nor prune its files.
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / FOLDER.relative_to(link)).mkdir(parents=True)
    (elsewhere / FOLDER.relative_to(link) / ("0" * 64)).write_text("mine", encoding="utf-8")
    (elsewhere / "notes.txt").write_text("mine", encoding="utf-8")
    before = site_files(elsewhere)
    (project / link).parent.mkdir(parents=True, exist_ok=True)
    (project / link).symlink_to(elsewhere, target_is_directory=True)
    disk = build(project, "first")
    assert disk.hits == 0 and not disk.writable
    build(project, "second")
    assert site_files(elsewhere) == before


def test_an_entry_that_is_a_link_is_not_followed(project: Path, tmp_path: Path) -> None:
    # Not to a device, a pipe or a file outside the project; an honest entry stands in.
    build(project, "first")
    entries = sorted((project / FOLDER).iterdir())
    honest = tmp_path / "honest"
    honest.write_bytes(entries[0].read_bytes())
    entries[0].unlink()
    entries[0].symlink_to(honest)
    assert build(project, "second").misses == 1
    assert honest.read_bytes() == entries[0].read_bytes()
