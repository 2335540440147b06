"""briefing.files: only regular files are read, and every fault is a value with a code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.files import Entry, FileFault, read_regular, walk


def test_a_fifo_is_refused_on_its_descriptor_without_blocking(tmp_path: Path) -> None:
    # Named as if it were listed as a file: the check on the open descriptor still holds.
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(FileFault) as caught:
        read_regular(str(fifo), 100)
    assert caught.value.code == "content-not-a-file"


def test_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileFault) as caught:
        read_regular("/dev/zero", 100)
    assert caught.value.code == "content-not-a-file"
    assert "device" in caught.value.message


def test_reading_stops_one_byte_past_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    assert read_regular(str(big), 10) == b"x" * 11
    assert read_regular(str(big), 10_000) == b"x" * 5000


def test_a_file_gone_after_listing_is_unreadable_not_a_broken_link(tmp_path: Path) -> None:
    with pytest.raises(FileFault) as caught:
        read_regular(str(tmp_path / "gone.txt"), 10)
    assert caught.value.code == "content-unreadable"
    assert "vanished" in caught.value.message


def test_walk_lists_folders_first_and_faults_in_place(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.yml").write_text("x: 1\n")
    (tmp_path / ".hidden").write_text("")
    (tmp_path / "dangling").symlink_to("nowhere")
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "to-a").symlink_to("a")  # a link to a folder: listed, not followed
    found = dict(walk(str(tmp_path)))
    assert set(found) == {("a",), ("a", "one.yml"), ("dangling",), ("loop",), ("to-a",)}
    dangling, loop, to_a = found["dangling",], found["loop",], found["to-a",]
    assert isinstance(dangling, FileFault) and dangling.code == "content-symlink-broken"
    assert isinstance(loop, FileFault) and loop.code == "content-symlink-loop"
    assert isinstance(to_a, Entry) and to_a.is_dir and to_a.is_link
    assert list(walk(str(tmp_path / "a"))) == [
        (("one.yml",), Entry(("one.yml",), str(tmp_path / "a" / "one.yml"), False, False))]


def test_a_folder_that_cannot_be_listed_is_a_fault(tmp_path: Path) -> None:
    [(parts, fault)] = list(walk(str(tmp_path / "missing")))
    assert parts == () and isinstance(fault, FileFault)
    assert fault.code == "content-unreadable"


def test_walk_follows_links_to_folders_if_asked_but_never_round_a_loop(tmp_path: Path) -> None:
    """As MkDocs lists docs_dir (`collisions.hand_written`): into a linked folder, but not
    back into a folder being listed, where MkDocs would go round until a path is too long."""
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "docs" / "sub" / "page.md").write_text("x")
    (tmp_path / "elsewhere" / "linked.md").write_text("x")
    (tmp_path / "docs" / "out").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "docs" / "sub" / "back").symlink_to(tmp_path / "docs")
    root = str(tmp_path / "docs")
    assert {parts for parts, _ in walk(root)} == {
        ("sub",), ("sub", "page.md"), ("out",), ("sub", "back")}
    assert {parts for parts, _ in walk(root, follow_links=True)} == {
        ("sub",), ("sub", "page.md"), ("out",), ("out", "linked.md"), ("sub", "back")}
