"""A live preview's housekeeping that needs no MkDocs: what `mkdocs serve` keeps or does
between rebuilds so they stay fast, and a clean shutdown. The plugin's serve session
(`plugin/live.py`) holds them together, as a `Housekeeping`.

- The theme's compiled templates across rebuilds (`TemplateCache`).
- Garbage collection out of the way of rebuilds (`IdleCollector`).
- Pages taken whole from the disk cache cut into pieces while idle (`IdleCutter`).
- A clean shutdown on SIGTERM and SIGHUP as on Ctrl-C (`StopOnSignals`).
"""

from __future__ import annotations

import gc
import signal
import threading
from collections.abc import Callable
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from .conversion import Conversions


class TemplateCache(BytecodeCache):
    """The theme's compiled templates, kept in memory across `mkdocs serve` rebuilds.

    MkDocs makes a new template environment for every build, so the theme's templates
    were compiled anew each time (70 ms of a reload); Jinja checks each cached template
    against its source's checksum, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class IdleCollector:
    """Keeps Python's full garbage collections out of rebuilds.

    A full collection scans every object the server holds (at 1,000 sources about a million:
    the corpus, the caches, MkDocs' pages) and took 0.6 s; Python starts one whenever enough
    objects have survived, in about every other rebuild. So after each build the survivors
    are frozen (`gc.freeze`: out of the collector's sight, still freed by reference
    counting), collections during a rebuild scan only what it made, and the full collection
    runs once the server has been idle for a moment. A server that is never idle unfreezes
    after a few builds, so cyclic garbage cannot pile up.

    Rebuilds after the first run with the collector off: even collections of only what a
    rebuild makes took 0.09-0.19 s of a 1 s title edit at 1,000 sources, and that garbage
    is freed by reference counting or by the idle collection right after. The first build,
    the largest, and every build that unfreezes collect as Python would.
    """

    IDLE_SECONDS = 2.0
    MOST_BUILDS_WITHOUT_COLLECTING = 5

    def __init__(self) -> None:
        self.timer: threading.Timer | None = None
        self.builds = 0
        # Kept here rather than asked of `gc.get_freeze_count()`, which walks the list of
        # frozen objects: 0.11 s of every rebuild at 1,000 sources (a million of them).
        self.frozen = False

    def build_started(self) -> None:
        if self.timer:
            self.timer.cancel()
            self.timer = None
        self.builds += 1
        if self.builds > self.MOST_BUILDS_WITHOUT_COLLECTING:
            gc.unfreeze()
            self.frozen = False
            self.builds = 0
        elif self.frozen:
            gc.disable()

    def build_finished(self) -> None:
        gc.enable()
        gc.freeze()
        self.frozen = True
        self.timer = threading.Timer(self.IDLE_SECONDS, self.collect)
        self.timer.daemon = True
        self.timer.start()

    def collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.builds = 0

    def build_failed(self) -> None:
        gc.enable()

    def close(self) -> None:
        if self.timer:
            self.timer.cancel()
        gc.enable()
        gc.unfreeze()
        self.frozen = False


class IdleCutter:
    """Cuts into pieces, while the server is idle, the pages a `--dirty` session's first
    build took whole from the disk (`Conversions.cut_whole`).

    A one-shot `mkdocs build` keeps each page whole (cutting costs it about 15% more), so a
    session started after one would convert the whole of every page an edit changes, once
    per page. Cutting waits for the background fill of the session's cache (`ready`), and
    a build stops it before it starts (within a piece, a few milliseconds), so no build
    shares the conversions with it."""

    IDLE_SECONDS = 1.0

    def __init__(self, conversions: Conversions) -> None:
        self.conversions = conversions
        self.stop = threading.Event()
        self.stop.set()  # nothing to cut before a build has finished
        self.lock = threading.Lock()  # held while cutting
        self.timer: threading.Timer | None = None
        self.ready: Callable[[], object] = lambda: None

    def build_started(self) -> None:
        self.halt()

    def halt(self) -> None:
        """Stops cutting until the next build has finished; returns once a piece under way
        is done (before a build, and before the session ends or its cache is removed)."""
        self.stop.set()
        if self.timer:
            self.timer.cancel()
            self.timer = None
        with self.lock:
            pass

    def build_finished(self) -> None:
        self.stop.clear()
        self.timer = threading.Timer(self.IDLE_SECONDS, self.cut)
        self.timer.daemon = True
        self.timer.start()

    def cut(self) -> None:
        with self.lock:
            self.ready()
            if not self.stop.is_set():
                self.conversions.cut_whole(self.stop)

    def close(self) -> None:
        self.halt()  # no disk entry left half written by a session ending


class StopOnSignals:
    """Makes a server or a build stopped by SIGTERM or SIGHUP (a service manager, a closed
    terminal, a CI timeout) end as Ctrl-C does: MkDocs then ends the plugins and removes
    the site it served from a temporary folder, and a build removes its staging folder.
    Left to the default, those signals end the process at once and the folder stays
    behind (a served site: 30 MB at 1,000 sources). Handlers someone else has set are left
    alone. Also a context manager, restoring the handlers on leaving."""

    SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                    if hasattr(signal, name))

    def __init__(self) -> None:
        self.replaced: dict[int, Any] = {}
        if threading.current_thread() is not threading.main_thread():
            return
        for number in self.SIGNALS:
            if signal.getsignal(number) is signal.SIG_DFL:
                self.replaced[number] = signal.signal(number, self.stop)

    @staticmethod
    def stop(number: int, frame: object) -> None:
        raise KeyboardInterrupt

    def close(self) -> None:
        for number, handler in self.replaced.items():
            signal.signal(number, handler)
        self.replaced = {}

    def __enter__(self) -> StopOnSignals:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Housekeeping:
    """One serve session's housekeeping, told when each build starts and ends."""

    def __init__(self, conversions: Conversions, *, dirty: bool) -> None:
        self.templates = TemplateCache()
        self.collector = IdleCollector()
        # Only a `--dirty` session converts pages in pieces, so only it cuts them.
        self.cutter = IdleCutter(conversions) if dirty else None
        self.stop_on_signals = StopOnSignals()

    def build_started(self) -> None:
        self.collector.build_started()
        if self.cutter:
            self.cutter.build_started()

    def build_finished(self) -> None:
        self.collector.build_finished()
        if self.cutter:
            self.cutter.build_finished()

    def build_failed(self) -> None:
        self.collector.build_failed()

    def after_fill(self, filled: Callable[[], object]) -> None:
        """Cutting waits for `filled` to return (the session's cache being filled)."""
        if self.cutter:
            self.cutter.ready = filled

    def close(self) -> None:
        if self.cutter:
            self.cutter.close()
        self.collector.close()
        self.stop_on_signals.close()
