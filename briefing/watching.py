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

Neither follows a link to a folder: the inotify watches never did, and the poll here does
not either (MkDocs' own poll does), so a link to `/` or round a loop in the content folder
is not walked every half second. A linked file is still followed, and a folder linked
within the content folder is watched where it is.

Both kinds of watch end with the folder they watch. A content folder deleted and made
again (a backup restored, say) or another renamed into its place would go unwatched,
every later edit unnoticed; so every half second each scheduled folder's path is checked
to hold the folder being watched, and a new one there is watched afresh.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from watchdog.events import (
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileCreatedEvent,
    FileDeletedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserverVFS

# How long the server waits for a save's last event before rebuilding (MkDocs: 0.1 s, for
# its poll). Notifications report the events of one save (a write, or an editor's write
# to a new file and rename) within milliseconds of each other.
QUIET_SECONDS = 0.05

# Notifications also report files being opened and closed (as the build reads content
# files): only these kinds are changes, the kinds the polling observer reports.
CHANGES = frozenset({EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED,
                     EVENT_TYPE_MOVED})

# How often the scheduled folders are checked to be the ones watched (two `stat` calls).
GUARD_SECONDS = 0.5

Signature = tuple[int, int, int] | None
Identity = tuple[int, int] | None


def identity(path: str) -> Identity:
    """Which folder is at `path` (device and inode); None when there is none."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


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


def stat_not_into_linked_folders(path: str) -> os.stat_result:
    """`os.stat`, except that a link to a folder is the link itself, so the poll does not
    walk into it."""
    status = os.stat(path)
    if stat.S_ISDIR(status.st_mode) and os.path.islink(path):
        return os.lstat(path)
    return status


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
            # MkDocs ignores a folder's events; but a folder made, deleted or moved (to
            # the bin, say) takes its files with it, which notifications do not report
            # one by one: it is passed on as a change to a file of that name.
            if event.event_type in (EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MOVED):
                self.handler.dispatch(FileDeletedEvent(event.src_path))
            else:
                self.handler.dispatch(event)
            return
        if event.event_type not in CHANGES:
            return
        path = os.fsdecode(event.dest_path or event.src_path)
        now = signature(path)
        with self.lock:
            if event.event_type == EVENT_TYPE_MOVED:  # what a move leaves behind is gone
                self.seen[os.fsdecode(event.src_path)] = None
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


@dataclass(eq=False)
class Folder:
    """A scheduled folder, and the watches that cover the folder now at its path: the poll
    (until notifications arrive from it) and the change notifications."""

    path: str
    recursive: bool
    once: ReportedOnce  # the server's handler, each change passed on once
    identity: Identity = None
    polled: ObservedWatch | None = None
    notified: ObservedWatch | None = None


class NotifiedObserver:
    """The server's polling observer, plus change notifications for the folders
    scheduled from now on. Has the methods `LiveReloadServer` calls on its observer;
    says on `log` when it stops polling a folder, cannot be notified, or watches a folder
    afresh."""

    def __init__(self, server_observer: BaseObserver,
                 log: logging.Logger | logging.LoggerAdapter[logging.Logger] | None = None
                 ) -> None:
        # What the server watched before (mkdocs.yml, the theme) stays with its observer;
        # the folders scheduled here are polled as often, but not into linked folders.
        self.server_observer = server_observer
        self.polling: BaseObserver = PollingObserverVFS(
            stat_not_into_linked_folders, os.scandir,
            polling_interval=server_observer.timeout)
        self.log = log or logging.getLogger(__name__)
        self.notified: BaseObserver = Observer()
        self.notifying = True  # False once notifications turn out unavailable
        self.seen: dict[str, Signature] = {}
        self.lock = threading.Lock()
        self.folders: set[Folder] = set()
        self.stopping = threading.Event()
        self.guard = threading.Thread(target=self.guard_folders, daemon=True,
                                      name="briefing-folder-guard")

    def schedule(self, handler: FileSystemEventHandler, path: str, *,
                 recursive: bool = False) -> Folder:
        folder = Folder(path, recursive, ReportedOnce(handler, self.seen, self.lock))
        self.folders.add(folder)
        self.arm(folder)
        return folder

    def arm(self, folder: Folder) -> None:
        """Watches the folder now at the path, if there is one."""
        folder.identity = identity(folder.path)
        if folder.identity is None:
            return
        folder.polled = self.polling.schedule(folder.once, folder.path,
                                              recursive=folder.recursive)
        if not self.notifying:
            return
        try:
            folder.notified = self.notified.schedule(
                FirstNotice(folder.once, partial(self.notifications_arrive, folder)),
                folder.path, recursive=folder.recursive)
        except OSError as error:  # e.g. the system's limit of watched folders reached
            self.log.info(f"No change notifications from {folder.path} ({error}); "
                          "polling it for changes.")

    def disarm(self, folder: Folder) -> None:
        with self.lock:  # (a notification may be stopping the poll at the same time)
            polled, notified = folder.polled, folder.notified
            folder.polled = folder.notified = None
        self.end(self.polling, polled)
        self.end(self.notified, notified)

    @staticmethod
    def end(observer: BaseObserver, watch: ObservedWatch | None) -> None:
        if watch is not None:
            with contextlib.suppress(KeyError):  # the observer stopped: its watches ended
                observer.unschedule(watch)

    def notifications_arrive(self, folder: Folder) -> None:
        with self.lock:
            polled, folder.polled = folder.polled, None
        if polled is not None:
            self.end(self.polling, polled)
            self.log.debug(f"Change notifications arrive from {folder.path}; "
                           "no longer polling it.")

    def guard_folders(self) -> None:
        """Watches a folder afresh when another takes its path (see the module's text)."""
        while not self.stopping.wait(GUARD_SECONDS):
            for folder in list(self.folders):
                now = identity(folder.path)
                if now == folder.identity and not self.watches_ended(folder):
                    continue
                self.disarm(folder)
                self.arm(folder)
                there = folder.identity is not None
                self.log.info(f"{folder.path} was replaced; watching the new one." if there
                              else f"{folder.path} was removed; watching for it to return.")
                # What the new folder got before it was watched needs a rebuild too, and
                # the server rebuilds on a change to anything but a folder.
                folder.once.handler.dispatch((FileCreatedEvent if there else FileDeletedEvent)(
                    folder.path))

    def watches_ended(self, folder: Folder) -> bool:
        """Whether a watch of the folder stopped: both stop when the folder they watch is
        deleted (a new one at its path may even have the old one's inode number)."""
        return any(watch is not None and not any(
            emitter.watch == watch and emitter.is_alive()
            for emitter in list(observer.emitters))  # (a copy: the set changes meanwhile)
            for observer, watch in ((self.polling, folder.polled),
                                    (self.notified, folder.notified)))

    def unschedule(self, folder: Folder | ObservedWatch) -> None:
        if isinstance(folder, ObservedWatch):  # scheduled before, on the server's observer
            self.server_observer.unschedule(folder)
            return
        self.folders.discard(folder)
        self.disarm(folder)

    def start(self) -> None:
        self.server_observer.start()
        self.polling.start()
        try:
            self.notified.start()
        except OSError as error:  # e.g. the system's limit of watched folders reached
            self.log.info(f"Change notifications unavailable ({error}); polling for changes.")
            self.notified.stop()
            self.notifying = False
            for folder in self.folders:
                folder.notified = None
        self.guard.start()

    def stop(self) -> None:
        self.stopping.set()
        self.server_observer.stop()
        self.polling.stop()
        if self.notified.is_alive():
            self.notified.stop()

    def join(self, timeout: float | None = None) -> None:
        self.server_observer.join(timeout)
        self.polling.join(timeout)
        if self.notified.is_alive():
            self.notified.join(timeout)
        if self.guard.is_alive():
            self.guard.join(timeout)

    def __getattr__(self, name: str) -> Any:  # anything else: the server's observer's
        return getattr(self.server_observer, name)
