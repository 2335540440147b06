"""Noticing an edit as soon as it is saved, for `mkdocs serve`.

MkDocs polls the watched folders every 0.5 s, so a saved edit waited 0.25 s on average
(and up to 0.5 s) before its rebuild started. `NotifiedObserver` stands in for the
server's observer: the folders scheduled on it (the content folder, through
`config.watch`) are also watched through the system's change notifications (inotify on
Linux, FSEvents on macOS), which report a write at once. The polling stays until a
change notification arrives from the folder: some filesystems (network shares, folders
mounted into containers or virtual machines) never notify, and there the poll still
catches every edit. Once notifications have shown they work there, the folder is no
longer polled: a poll of 1,000 sources' content folder takes 13 ms of every 0.5 s, a
tenth of a second at 10,000, and it competes with the rebuilds. Each change is passed on
once, whichever observer reports it first, so it is not rebuilt twice.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from watchdog.events import (
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

# How long the server waits for a save's last event before rebuilding (MkDocs: 0.1 s, for
# its poll). Notifications report the events of one save (a write, or an editor's write
# to a new file and rename) within milliseconds of each other.
QUIET_SECONDS = 0.05

# Notifications also report files being opened and closed (as the build reads content
# files): only these kinds are changes, the kinds the polling observer reports.
CHANGES = frozenset({EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED,
                     EVENT_TYPE_MOVED})

Signature = tuple[int, int, int] | None


def signature(path: str) -> Signature:
    """The state of what is at `path`; None when nothing is. A link to nothing (or a loop)
    has the link's own state, so that removing it is a change too."""
    try:
        status = os.stat(path)
    except OSError:
        try:
            status = os.lstat(path)
        except OSError:
            return None
    return status.st_mtime_ns, status.st_size, status.st_ino


class ReportedOnce(FileSystemEventHandler):
    """Passes a change on to `handler` unless it was already passed on: a file's state
    (modification time, size, inode) after a change is recorded, and a later report that
    finds the file in the recorded state (the other observer seeing the same write) is
    dropped."""

    def __init__(self, handler: FileSystemEventHandler,
                 seen: dict[str, Signature], lock: threading.Lock) -> None:
        self.handler, self.seen, self.lock = handler, seen, lock

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            self.handler.dispatch(event)  # MkDocs ignores these; passed on as they came
            return
        if event.event_type not in CHANGES:
            return
        path = os.fsdecode(event.dest_path or event.src_path)
        now = signature(path)
        with self.lock:
            if path in self.seen and self.seen[path] == now:
                return
            self.seen[path] = now
        self.handler.dispatch(event)


class FirstNotice(FileSystemEventHandler):
    """Passes events on, and calls `noticed` when the first change arrives."""

    def __init__(self, handler: FileSystemEventHandler, noticed: Callable[[], None]) -> None:
        self.handler, self.noticed = handler, noticed
        self.arrived = False

    def dispatch(self, event: FileSystemEvent) -> None:
        if not self.arrived and not event.is_directory and event.event_type in CHANGES:
            self.arrived = True
            self.noticed()
        self.handler.dispatch(event)


class NotifiedObserver:
    """The server's polling observer, plus change notifications for the folders
    scheduled from now on. Has the methods `LiveReloadServer` calls on its observer;
    says on `log` when it stops polling a folder or cannot be notified."""

    def __init__(self, polling: BaseObserver,
                 log: logging.Logger | logging.LoggerAdapter[logging.Logger] | None = None
                 ) -> None:
        self.polling = polling
        self.log = log or logging.getLogger(__name__)
        self.notified: BaseObserver = Observer()
        self.seen: dict[str, Signature] = {}
        self.lock = threading.Lock()
        self.pairs: dict[ObservedWatch, ObservedWatch] = {}
        self.polled: set[ObservedWatch] = set()  # watches the poll still covers

    def schedule(self, handler: FileSystemEventHandler, path: str, *,
                 recursive: bool = False) -> ObservedWatch:
        once = ReportedOnce(handler, self.seen, self.lock)
        watch = self.polling.schedule(once, path, recursive=recursive)
        self.polled.add(watch)
        self.pairs[watch] = self.notified.schedule(
            FirstNotice(once, partial(self.notifications_arrive, watch)), path,
            recursive=recursive)
        return watch

    def stop_polling(self, watch: ObservedWatch) -> None:
        with self.lock:
            if watch not in self.polled:
                return
            self.polled.discard(watch)
        self.polling.unschedule(watch)

    def notifications_arrive(self, watch: ObservedWatch) -> None:
        self.stop_polling(watch)
        self.log.debug(f"Change notifications arrive from {watch.path}; no longer polling it.")

    def unschedule(self, watch: ObservedWatch) -> None:
        self.stop_polling(watch)
        if watch in self.pairs:
            self.notified.unschedule(self.pairs.pop(watch))

    def start(self) -> None:
        self.polling.start()
        try:
            self.notified.start()
        except OSError as error:  # e.g. the system's limit of watched folders reached
            self.log.info(f"Change notifications unavailable ({error}); polling for changes.")
            self.notified.stop()

    def stop(self) -> None:
        self.polling.stop()
        if self.notified.is_alive():
            self.notified.stop()

    def join(self, timeout: float | None = None) -> None:
        self.polling.join(timeout)
        if self.notified.is_alive():
            self.notified.join(timeout)

    def __getattr__(self, name: str) -> Any:  # anything else: the polling observer's
        return getattr(self.polling, name)
