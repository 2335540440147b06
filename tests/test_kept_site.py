"""`mkdocs build` keeps the previous site whole unless the new build succeeds: it builds
into a staging folder beside `site_dir` and swaps it in only at the end (plugin/kept.py).
A strict build failed by a warning MkDocs raises only after `on_post_build`, so these
tests run the real `mkdocs build` and fail if MkDocs changes that order or where it
writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_helpers import minimal_corpus, seed_project, snapshot, write_tree

from benchmarks.run import answers_ctrl_c

BROKEN_LINK = "# Notes\n\nSee [the plan](no-such-page.md).\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return seed_project(tmp_path / "project",
                        write_tree(tmp_path / "corpus", minimal_corpus()))


def mkdocs_build(project: Path, site: Path, *options: str, program: str = "mkdocs"
                 ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", program, "build", *options, "-d", str(site)],
        cwd=project, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1735689600"})


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site"))


def staging(folder: Path) -> list[str]:
    return [name for name in leftovers(folder) if name.startswith(".site.new-")]


@pytest.mark.parametrize("program", ["mkdocs", "properdocs"])
def test_a_strict_failure_after_every_page_is_written_keeps_the_old_site(
        project: Path, tmp_path: Path, program: str) -> None:
    """Also under ProperDocs, which logs its warnings as `properdocs`, not `mkdocs`."""
    site = tmp_path / "site"
    first = mkdocs_build(project, site, "--strict", program=program)
    assert first.returncode == 0, first.stderr
    # The log names the folder the user chose, not the staging folder it swaps in.
    assert f"Building documentation to directory: {site}\n" in first.stderr, first.stderr
    assert ".site.new-" not in first.stderr
    (site / ".git").mkdir()  # a pages checkout: MkDocs leaves hidden entries alone
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    before = snapshot(site)

    write_tree(project / "content" / "pages", {"notes.md": BROKEN_LINK})
    failed = mkdocs_build(project, site, "--strict", program=program)
    assert failed.returncode != 0
    assert "no-such-page.md" in failed.stderr and "Aborted with" in failed.stdout
    # MkDocs names the page; the plugin adds where in it the link is.
    assert "content/pages/notes.md:3:16: Doc file 'notes.md' contains a link " \
        "'no-such-page.md'" in failed.stderr, failed.stderr
    assert snapshot(site) == before
    assert leftovers(tmp_path) == []

    # The same warning, not strict: the site changes.
    lenient = mkdocs_build(project, site, program=program)
    assert lenient.returncode == 0, lenient.stderr
    assert (site / "notes" / "index.html").is_file()
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert leftovers(tmp_path) == []


def test_a_build_after_a_killed_one_restores_and_cleans_up(project: Path,
                                                          tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = snapshot(site)
    # What a build killed between its two renames leaves: the old site moved aside.
    os.replace(site, tmp_path / ".site.old-4194305")
    write_tree(tmp_path / ".site.new-4194305-0a1b2c3d", {"index.html": "half"})
    write_tree(project / "content" / "pages", {"notes.md": BROKEN_LINK})
    assert mkdocs_build(project, site, "--strict").returncode != 0
    assert snapshot(site) == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_a_build_stopped_midway_leaves_the_old_site_and_no_staging_folder(
        tmp_path: Path, stop: signal.Signals) -> None:
    """Stopped by a service manager or a CI timeout (SIGTERM) as by Ctrl-C: the staging
    folder was left beside the site until the next build."""
    project, site = seed_project(tmp_path / "project"), tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = snapshot(site)
    # Held at its first page until stopped: the same content builds again from the
    # results kept on disk, quickly enough to end before the signal came (seen in CI).
    (project / "hold.py").write_text(
        "import time\n\n\ndef on_post_page(output, **kwargs):\n    time.sleep(120)\n"
        "    return output\n", encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - hold.py\n")
    building = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
                                cwd=project, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, preexec_fn=answers_ctrl_c)
    deadline = time.monotonic() + 60
    while not staging(tmp_path) and building.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert staging(tmp_path), "the build made no staging folder"
    building.send_signal(stop)
    _, stderr = building.communicate(timeout=60)
    assert building.returncode != 0, "the build ended before it was stopped"
    assert leftovers(tmp_path) == [], stderr
    assert snapshot(site) == before


@pytest.mark.parametrize("stopped_in", ["making the folder", "recording it"])
def test_a_build_stopped_as_its_staging_folder_is_made_leaves_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stopped_in: str) -> None:
    """The signal can land between making the staging folder and recording it, where
    nothing could name it to delete it: seen once in a run of the test above. The build's
    close (MkDocs' `on_shutdown`, in its `finally`) deletes what this process made."""
    from mkdocs.config.defaults import MkDocsConfig

    from briefing import emit
    from briefing.plugin import kept

    made = emit.staging_for

    def interrupted(out: Path) -> Path:
        folder = made(out)
        if stopped_in == "making the folder":
            raise KeyboardInterrupt
        return folder

    def recorded_too_late(out: Path) -> emit.Staged:
        emit.Staged(out)
        raise KeyboardInterrupt

    monkeypatch.setattr(emit, "staging_for", interrupted)
    if stopped_in == "recording it":
        monkeypatch.setattr(kept, "Staged", recorded_too_late)
    config = MkDocsConfig()
    config.site_dir = str(tmp_path / "site")
    site = kept.KeptSite()
    try:
        with pytest.raises(KeyboardInterrupt):
            site.redirect(config)
        assert staging(tmp_path) != [] or stopped_in == "making the folder"
    finally:
        site.close()
    assert leftovers(tmp_path) == []


def test_a_page_mkdocs_could_not_read_is_a_diagnostic_before_anything_is_written(
        project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = snapshot(site)
    pages = project / "content" / "pages"
    write_tree(pages, {"notes.md": b"# Notes\ncaf\xe9\n"})
    os.mkfifo(pages / "pipe.md")  # MkDocs would wait on it for ever
    failed = mkdocs_build(project, site, "--strict")
    assert failed.returncode != 0
    assert "Traceback" not in failed.stderr
    assert "content/pages/notes.md:2:4: error: " in failed.stderr
    assert "content/pages/pipe.md: error: " in failed.stderr
    assert snapshot(site) == before
