"""The serve plugin's observer: change notifications beside MkDocs' polling, each change
passed on once."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from serving import wait_for
from watchdog.events import (
    DirDeletedEvent,
    DirModifiedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileOpenedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.polling import PollingObserver

from briefing.watching import (
    Folder,
    NotifiedObserver,
    ReportedOnce,
    Signature,
    stat_not_into_linked_folders,
)


class Recorder(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list[FileSystemEvent] = []
        self.arrived = threading.Event()

    def dispatch(self, event: FileSystemEvent) -> None:
        self.events.append(event)
        self.arrived.set()


def test_a_change_reported_by_both_observers_is_passed_on_once(tmp_path: Path) -> None:
    recorder, seen, lock = Recorder(), dict[str, Signature](), threading.Lock()
    notified, polled = ReportedOnce(recorder, seen, lock), ReportedOnce(recorder, seen, lock)
    path = tmp_path / "source.yml"
    path.write_text("title: one\n", encoding="utf-8")

    notified.dispatch(FileOpenedEvent(str(path)))  # the build reading it: not a change
    notified.dispatch(FileModifiedEvent(str(path)))
    notified.dispatch(FileClosedEvent(str(path)))
    polled.dispatch(FileModifiedEvent(str(path)))  # the next poll, same write
    assert [e.event_type for e in recorder.events] == ["modified"]

    path.write_text("title: a longer one\n", encoding="utf-8")
    polled.dispatch(FileModifiedEvent(str(path)))  # a filesystem that does not notify
    assert len(recorder.events) == 2

    path.unlink()
    notified.dispatch(FileDeletedEvent(str(path)))
    polled.dispatch(FileDeletedEvent(str(path)))
    assert [e.event_type for e in recorder.events] == ["modified", "modified", "deleted"]


def test_a_file_moved_away_and_back_is_passed_on_each_time(tmp_path: Path) -> None:
    # The move back finds the file as it was before the first: what the first move left
    # behind is gone, not the state last recorded there.
    recorder, seen, lock = Recorder(), dict[str, Signature](), threading.Lock()
    notified = ReportedOnce(recorder, seen, lock)
    path, moved = tmp_path / "bid.yml", tmp_path / "musk-bid.yml"
    path.write_text("title: one\n", encoding="utf-8")
    notified.dispatch(FileModifiedEvent(str(path)))
    path.rename(moved)
    notified.dispatch(FileMovedEvent(str(path), str(moved)))
    moved.rename(path)
    notified.dispatch(FileMovedEvent(str(moved), str(path)))
    assert [e.event_type for e in recorder.events] == ["modified", "moved", "moved"]


def test_a_folder_moved_or_deleted_is_passed_on_as_a_change(tmp_path: Path) -> None:
    # Notifications report a folder moved out of the content folder (to the bin) as that
    # folder alone, and MkDocs ignores a folder's events: its files went unnoticed.
    recorder, seen, lock = Recorder(), dict[str, Signature](), threading.Lock()
    notified = ReportedOnce(recorder, seen, lock)
    folder = tmp_path / "sources"
    notified.dispatch(DirMovedEvent(str(folder), str(tmp_path / "elsewhere")))
    notified.dispatch(DirDeletedEvent(str(folder)))
    notified.dispatch(DirModifiedEvent(str(tmp_path)))  # a file in it changed: reported too
    assert [(e.event_type, e.is_directory) for e in recorder.events] == \
        [("deleted", False), ("deleted", False), ("modified", True)]


def test_a_link_to_nothing_coming_and_going_is_passed_on(tmp_path: Path) -> None:
    # Its target's state is the same (none) before and after: the link's own state counts.
    recorder, seen, lock = Recorder(), dict[str, Signature](), threading.Lock()
    notified = ReportedOnce(recorder, seen, lock)
    link = tmp_path / "claims.yml"
    link.symlink_to(tmp_path / "missing.yml")
    notified.dispatch(FileCreatedEvent(str(link)))
    link.unlink()
    notified.dispatch(FileDeletedEvent(str(link)))
    assert [e.event_type for e in recorder.events] == ["created", "deleted"]


@contextmanager
def observing(folder: Path, *, poll: float
              ) -> Iterator[tuple[NotifiedObserver, Recorder, Folder]]:
    """A started observer of `folder` (polled every `poll` seconds until notifications
    arrive), what it passes on, and the folder's watch."""
    observer, recorder = NotifiedObserver(PollingObserver(timeout=poll)), Recorder()
    watch = observer.schedule(recorder, str(folder), recursive=True)
    observer.start()
    try:
        yield observer, recorder, watch
    finally:
        observer.stop()
        observer.join()


def reported(recorder: Recorder, path: Path) -> bool:
    return any(e.src_path == str(path) and not e.is_directory for e in recorder.events)


def watched_again(recorder: Recorder, folder: Path) -> bool:
    """Whether the folder made again at its path is watched: the guard says so by passing
    on its creation (the loss itself may come first, from the notifications)."""
    return any(e.src_path == str(folder) and e.event_type == "created"
               and not e.is_directory for e in recorder.events)


def test_an_edit_is_noticed_without_waiting_for_a_poll(tmp_path: Path) -> None:
    # A poll an hour away: whatever arrives came from the change notifications.
    path = tmp_path / "source.yml"
    path.write_text("title: one\n", encoding="utf-8")
    with observing(tmp_path, poll=3600) as (_, recorder, _):
        path.write_text("title: two\n", encoding="utf-8")
        assert recorder.arrived.wait(10), "no change reported"
        assert {e.src_path for e in recorder.events if not e.is_directory} == {str(path)}


def test_a_folder_is_no_longer_polled_once_notifications_arrive_from_it(
        tmp_path: Path) -> None:
    path = tmp_path / "source.yml"
    path.write_text("title: one\n", encoding="utf-8")
    with observing(tmp_path, poll=3600) as (observer, recorder, watch):
        assert len(observer.polling.emitters) == 1  # polled until notifications show up
        path.write_text("title: two\n", encoding="utf-8")
        assert recorder.arrived.wait(10), "no change reported"
        assert wait_for(lambda: not observer.polling.emitters, 10), "still polled"
        recorder.arrived.clear()
        path.write_text("title: three, a longer one\n", encoding="utf-8")
        assert recorder.arrived.wait(10), "a later change was not reported"
        observer.unschedule(watch)  # as the server does when it stops watching a folder
        assert not observer.notified.emitters


def test_a_folder_deleted_and_made_again_is_watched_again(tmp_path: Path) -> None:
    # Restoring a backup (the folder deleted, then copied back) replaces the content folder:
    # the change notifications of the old one end with it, and the poll had stopped.
    folder = tmp_path / "content"
    folder.mkdir()
    with observing(folder, poll=0.5) as (observer, recorder, _):
        (folder / "claims.yml").write_text("one\n", encoding="utf-8")
        assert wait_for(lambda: not observer.polling.emitters, 10), "still polled"
        shutil.rmtree(folder)
        folder.mkdir()
        assert wait_for(lambda: watched_again(recorder, folder), 10), "not watched again"
        (folder / "claims.yml").write_text("two\n", encoding="utf-8")
        assert wait_for(lambda: reported(recorder, folder / "claims.yml"), 10), \
            "an edit in the new folder was not reported"


def test_a_folder_renamed_into_its_place_is_watched(tmp_path: Path) -> None:
    folder, replacement = tmp_path / "content", tmp_path / "content.new"
    folder.mkdir()
    replacement.mkdir()
    with observing(folder, poll=0.5) as (observer, recorder, _):
        (folder / "claims.yml").write_text("one\n", encoding="utf-8")
        assert wait_for(lambda: not observer.polling.emitters, 10), "still polled"
        (replacement / "claims.yml").write_text("two\n", encoding="utf-8")
        folder.rename(tmp_path / "content.old")
        replacement.rename(folder)
        assert wait_for(lambda: reported(recorder, folder), 10), "the swap not reported"
        recorder.events.clear()
        (folder / "claims.yml").write_text("three, a longer one\n", encoding="utf-8")
        assert wait_for(lambda: reported(recorder, folder / "claims.yml"), 10), \
            "an edit in the folder now at the path was not reported"


def test_an_empty_folder_made_again_before_any_notice_is_watched(tmp_path: Path) -> None:
    # No file changed in it, so it is still polled (the poll an hour away) when its
    # notifications end: the ended watch is found all the same.
    folder = tmp_path / "content"
    folder.mkdir()
    with observing(folder, poll=3600) as (_, recorder, _):
        folder.rmdir()
        folder.mkdir()
        assert wait_for(lambda: watched_again(recorder, folder), 10), "not watched again"
        (folder / "claims.yml").write_text("one\n", encoding="utf-8")
        assert wait_for(lambda: reported(recorder, folder / "claims.yml"), 10), \
            "an edit in the folder made again was not reported"


def test_the_poll_does_not_walk_into_a_linked_folder(tmp_path: Path) -> None:
    # A link to `/`, or back round to the folder, would be walked every half second; a
    # linked file is still followed.
    folder, elsewhere = tmp_path / "content", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (elsewhere / "notes.yml").write_text("one\n", encoding="utf-8")
    (folder / "elsewhere").symlink_to(elsewhere)
    (folder / "round").symlink_to(folder)
    assert stat_not_into_linked_folders(str(folder / "round")) == os.lstat(folder / "round")
    assert stat_not_into_linked_folders(str(folder / "elsewhere" / "notes.yml")) == \
        os.stat(elsewhere / "notes.yml")
    with observing(folder, poll=0.2) as (observer, recorder, _):
        time.sleep(0.5)  # the first poll's listing taken
        (elsewhere / "notes.yml").write_text("two, longer\n", encoding="utf-8")
        time.sleep(1.5)
        assert observer.polling.emitters, "no longer polled: the test proves nothing"
        assert not [e for e in recorder.events if not e.is_directory], recorder.events
        (folder / "claims.yml").write_text("one\n", encoding="utf-8")
        assert wait_for(lambda: reported(recorder, folder / "claims.yml"), 10)
