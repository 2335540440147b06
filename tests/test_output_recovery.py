"""`briefing build --out`: output paths that cannot be written are diagnostics, two builds
never write one output at once, and what a killed build leaves behind is repaired by the
next build, which restores the last good tree if the kill fell between the two renames."""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from corpus_helpers import minimal_corpus, snapshot, write_tree

from briefing import emit
from briefing.cli import main

DEAD = 4_194_304 + 1  # above Linux's largest process id: no such process

# A folder an earlier `briefing build --out` wrote (the mark lets the next replace it).
PREVIOUS_BUILD = {emit.OUTPUT_MARK: emit.output_mark(["index.md"]),
                  "index.md": "previous good build\n"}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "content", minimal_corpus())


def build(content: Path, out: Path) -> Result:
    return CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out)])


def broken(content: Path) -> Path:
    claims = content / "claims.yml"
    claims.write_text(claims.read_text().replace("status: disputed", "status: x"))
    return content


def lines_with(code: str, result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.endswith(f"[{code}]")]


def test_an_output_inside_a_file_is_a_diagnostic(content: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder\n")
    for out in (tmp_path / "file" / "out", tmp_path / "file"):
        result = build(content, out)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        [line] = lines_with("output-not-folder", result)
        assert line.startswith(f"{out.as_posix()}: error: ")
    assert (tmp_path / "file").read_text() == "not a folder\n"


@pytest.fixture
def refuse_writes_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Make a folder refuse new entries: `chmod a-w` for anyone but root, whom it does not
    stop (CI runs as root); for root, `os.open` and `os.mkdir` refuse as the kernel would."""
    def refuse(folder: Path) -> None:
        if os.geteuid() != 0:
            folder.chmod(0o555)
            return

        def refusing(real: Any) -> Any:
            def call(path: Any, *args: Any, **kwargs: Any) -> Any:
                if Path(path).parent == folder:
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
                return real(path, *args, **kwargs)
            return call

        monkeypatch.setattr(os, "open", refusing(os.open))
        monkeypatch.setattr(os, "mkdir", refusing(os.mkdir))

    folders: list[Path] = []
    yield lambda folder: (folders.append(folder), refuse(folder))
    for folder in folders:
        folder.chmod(0o755)


def test_an_unwritable_output_folder_is_a_diagnostic(content: Path, tmp_path: Path,
                                                      refuse_writes_in: Any) -> None:
    parent = tmp_path / "site"
    out = write_tree(parent / "out", PREVIOUS_BUILD)
    refuse_writes_in(parent)
    result = build(content, out)
    assert result.exit_code == 1, result.output
    [line] = lines_with("output-unwritable", result)
    assert line.startswith(f"{out.as_posix()}: error: ")
    assert "Traceback" not in result.output
    before = snapshot(out)
    assert snapshot(parent) == {f"out/{name}": digest for name, digest in before.items()}


def test_a_folder_the_build_did_not_write_is_not_replaced(content: Path,
                                                          tmp_path: Path) -> None:
    """The build replaces its output folder whole: pointed at MkDocs' docs_dir, or any
    folder of the user's, it would have deleted what is there."""
    docs = write_tree(tmp_path / "docs", {"about.md": "# About\nHand-written.\n"})
    before = snapshot(docs)
    result = build(content, docs)
    assert result.exit_code == 2, result.output
    assert "holds about.md, which `briefing build` did not write" in result.output
    assert snapshot(docs) == before
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build(content, empty).exit_code == 0
    assert build(content, empty).exit_code == 0  # its own output, marked, is replaced
    # A file put there since is not the build's to delete.
    (empty / "briefs" / "notes.md").write_text("mine\n")
    result = build(content, empty)
    assert result.exit_code == 2 and "holds briefs/notes.md" in result.output, result.output
    assert (empty / "briefs" / "notes.md").read_text() == "mine\n"


def test_a_concurrent_build_is_refused_and_changes_nothing(content: Path,
                                                            tmp_path: Path) -> None:
    out = write_tree(tmp_path / "out", PREVIOUS_BUILD)
    # flock locks belong to an open file: this second opening conflicts like another process.
    fd = os.open(tmp_path / ".out.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        result = build(content, out)
    finally:
        os.close(fd)
    assert result.exit_code == 1, result.output
    [line] = lines_with("output-busy", result)
    assert line.startswith(f"{out.as_posix()}: error: ")
    assert set(snapshot(out)) == set(PREVIOUS_BUILD)
    assert build(content, out).exit_code == 0  # once the other build is done
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]


def killed_between_renames(tmp_path: Path) -> None:
    """What a build killed after its first rename leaves: the last good tree moved aside,
    the new tree (perhaps incomplete) in staging, and no output folder."""
    write_tree(tmp_path / f".out.old-{DEAD}", PREVIOUS_BUILD)
    write_tree(tmp_path / f".out.new-{DEAD}-0a1b2c3d", {"index.md": "half"})


def test_a_failed_build_restores_the_tree_a_killed_build_moved_aside(
        content: Path, tmp_path: Path) -> None:
    killed_between_renames(tmp_path)
    result = build(broken(content), tmp_path / "out")
    assert result.exit_code == 1
    assert (tmp_path / "out" / "index.md").read_text() == "previous good build\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]


def test_a_good_build_after_a_kill_leaves_only_the_new_output(content: Path,
                                                              tmp_path: Path) -> None:
    killed_between_renames(tmp_path)
    result = build(content, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "previous good build" not in (tmp_path / "out" / "index.md").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]


def test_leftovers_beside_a_complete_output_are_deleted(content: Path, tmp_path: Path) -> None:
    write_tree(tmp_path / "out", PREVIOUS_BUILD)
    write_tree(tmp_path / f".out.old-{DEAD}", {"index.md": "older still\n"})
    write_tree(tmp_path / f".out.new-{DEAD}-0a1b2c3d", {"index.md": "half"})
    write_tree(tmp_path / ".outer", {"mine.md": "not the build's\n"})
    assert build(broken(content), tmp_path / "out").exit_code == 1
    assert (tmp_path / "out" / "index.md").read_text() == "previous good build\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".outer", "content", "out"]


def test_a_failure_between_the_renames_puts_the_old_tree_back(content: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    out = write_tree(tmp_path / "out", PREVIOUS_BUILD)
    real = os.replace
    calls: list[str] = []

    def second_fails(src: Any, dst: Any) -> None:
        calls.append(str(dst))
        if len(calls) == 2:
            raise OSError(errno.EIO, os.strerror(errno.EIO), src)
        real(src, dst)

    monkeypatch.setattr(emit.os, "replace", second_fails)
    result = build(content, out)
    assert result.exit_code == 1 and lines_with("output-unwritable", result), result.output
    assert (out / "index.md").read_text() == "previous good build\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]


def test_a_staged_build_is_swapped_in_whole_or_not_at_all(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "old.html").write_text("old", encoding="utf-8")
    (out / ".git").mkdir()
    staged = emit.Staged(out)
    (staged.folder / "new.html").write_text("new", encoding="utf-8")
    staged.abandon()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert sorted(p.name for p in out.iterdir()) == [".git", "old.html"]
    staged = emit.Staged(out)  # the lock was released
    (staged.folder / "new.html").write_text("new", encoding="utf-8")
    staged.finish(keep_hidden=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert sorted(p.name for p in out.iterdir()) == [".git", "new.html"]
