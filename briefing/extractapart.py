"""Extraction of web pages and PDFs in a process of its own, with a limit on its time and
memory.

A pull request can commit the original kept beside a source, and `briefing check`
extracts it again (`originals.py`). The work of pypdf and trafilatura is not bounded by
the file's size: a PDF of a few kilobytes whose thousand pages draw one compressed
stream of text, or one page drawing twenty megabytes of it, keeps pypdf busy for hours
and fills the memory; a page of a few megabytes of small elements takes lxml gigabytes.
No option of theirs bounds that, so each original is extracted by a worker process that
the system stops at `SECONDS` of computing or `MEMORY` bytes of address space, and the
original is then reported at its path. `briefing new` extracts in the same way, so the
two give the same text. lxml's HTML parser, which trafilatura uses, expands no entities
and loads nothing from the network or the disk (a page's `<!DOCTYPE>` and `&name;`
stay text), so neither can read a file of the machine.

One worker serves a whole check (a new process per original would import the
extractors again for each); after a failure it is replaced, since a process that ran
out of memory is not to be trusted with the next original. Where the system has no such
limits (Windows), the original is extracted in this process, as before.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import select
import signal
import subprocess
import sys
import tempfile
from types import TracebackType
from typing import IO, Any

from .extract import EXTRACTORS, Extracted, NotAnArticle, PageFacts, extract
from .load import MAX_TEXT_BYTES
from .markup import plural

# CPU seconds for one original: an article's page takes well under one, a PDF of some
# hundred pages some tens.
SECONDS = 120
# The worker's address space: the interpreter and the extractors take about 60 MB, a
# page of some megabytes some hundreds more.
MEMORY = 2_000_000_000
# The worker is also stopped when it has given no answer this many times the CPU
# limit later (it could be waiting on something rather than computing).
WALL_FACTOR = 5

OVER_LIMIT_HINT = ("save the page again from the browser (or download the PDF again), or "
                   "copy the article's text into a .txt file and add that")


class OverLimit(NotAnArticle):
    """Extraction stopped at a limit: the file is built to exhaust the machine, or is not
    an article."""

    def __init__(self, message: str) -> None:
        super().__init__(message, OVER_LIMIT_HINT)


class Extractor:
    """Extracts originals one after another in a worker process (`with Extractor() as
    extractor: extractor.extract(kind, data)`)."""

    def __init__(self, seconds: int | None = None, memory: int | None = None,
                 text_bytes: int = MAX_TEXT_BYTES) -> None:
        # (The module's limits read when made, so that a test can lower them.)
        self.seconds = SECONDS if seconds is None else seconds
        self.memory = MEMORY if memory is None else memory
        self.text_bytes = text_bytes
        self.worker: subprocess.Popen[bytes] | None = None
        self.errors: IO[bytes] | None = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop()

    def extract(self, kind: str, data: bytes) -> Extracted:
        """As `extract.extract`, but raises `OverLimit` where the worker was stopped."""
        if os.name != "posix":  # pragma: no cover - no limits to set
            return extract(kind, data)
        worker = self._worker()
        assert worker.stdin is not None and worker.stdout is not None
        line, waited = b"", False
        try:
            worker.stdin.write(b"%s %d\n" % (kind.encode("ascii"), len(data)) + data)
            worker.stdin.flush()
            ready, _, _ = select.select([worker.stdout], [], [],
                                        self.seconds * WALL_FACTOR)
            waited = not ready
            line = worker.stdout.readline() if ready else b""
        except OSError:  # the worker ended while being given the file
            pass
        if not line.endswith(b"\n"):  # no answer, or cut short
            raise self._failed(kind, waited)
        answer = json.loads(line)
        if answer.get("limit"):
            self._stop()  # a process that ran out of memory is not to be trusted again
        return _answer(kind, answer)

    def _worker(self) -> subprocess.Popen[bytes]:
        if self.worker is None:
            self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed by _stop
            # -P: no folder of the project (where the check runs) is put on the import
            # path, so a committed `pypdf.py` there is not what the worker imports; the
            # folder holding this package is, should it not be installed.
            package_home = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
            path = os.pathsep.join(filter(None, (package_home, os.environ.get("PYTHONPATH"))))
            self.worker = subprocess.Popen(
                [sys.executable, "-P", "-m", "briefing.extractapart", str(self.seconds),
                 str(self.memory), str(self.text_bytes)], env={**os.environ, "PYTHONPATH": path},
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors)
        return self.worker

    def _failed(self, kind: str, timed_out: bool) -> OverLimit:
        """The worker gave no answer: stopped at a limit, or a bug (its last words)."""
        worker, errors = self.worker, self.errors
        assert worker is not None and errors is not None
        worker.kill()
        status = worker.wait()
        errors.seek(0)
        last = (errors.read().decode("utf-8", "replace").strip().splitlines() or [""])[-1]
        self._stop()
        extractor = EXTRACTORS[kind]
        if "MemoryError" in last:
            return OverLimit(_memory_message(extractor, self.memory))
        if timed_out or status == -signal.SIGXCPU:
            return OverLimit(f"{extractor} needs more than {plural(self.seconds, 'second')} to "
                             "extract this file, the limit: no article needs that long; "
                             "the file may be built to keep the extractor working without end")
        return OverLimit(f"{extractor} stopped while extracting this file"
                         f"{f' ({last})' if last else f' (status {status})'}")

    def _stop(self) -> None:
        if self.worker is not None:
            for pipe in (self.worker.stdin, self.worker.stdout):
                if pipe is not None:
                    pipe.close()
            self.worker.kill()
            self.worker.wait()
            self.worker = None
        if self.errors is not None:
            self.errors.close()
            self.errors = None


def extract_apart(kind: str, data: bytes) -> Extracted:
    """One original, in a worker of its own."""
    with Extractor() as extractor:
        return extractor.extract(kind, data)


def _memory_message(extractor: str, memory: int) -> str:
    return (f"{extractor} needs more than {memory:,} bytes of memory to extract this file, "
            "the limit: no article needs that much; the file may be built to exhaust the "
            "machine")


def _answer(kind: str, answer: dict[str, Any]) -> Extracted:
    if "refused" in answer:
        raise (OverLimit(answer["refused"]) if answer.get("limit")
               else NotAnArticle(answer["refused"], answer["hint"]))
    found = answer["extracted"]
    return Extracted(kind, found["text"], found["extractor"], found["version"],
                     PageFacts(**found["facts"]), tuple(found["pages"]))


# --- the worker ----------------------------------------------------------------------------

def serve(seconds: int, memory: int, text_bytes: int) -> None:
    """Reads `<kind> <size>\\n<bytes>` from stdin and answers each with a line of JSON;
    stopped by the system past `seconds` of CPU time for one file or `memory` bytes. A
    text longer than `text_bytes` is refused."""
    import resource

    _lower_limit(resource.RLIMIT_AS, memory)
    # The answers go to the real stdout; anything an extractor prints, to stderr.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    requests = sys.stdin.buffer
    while header := requests.readline():
        kind, size = header.decode("ascii").split()
        data = requests.read(int(size))
        _allow_cpu(seconds)
        answer = _extracted(kind, data, text_bytes, memory)
        answers.write(json.dumps(answer).encode("utf-8") + b"\n")
        answers.flush()


def _allow_cpu(seconds: int) -> None:
    """Lets the process compute `seconds` more, from now."""
    import resource

    used = resource.getrusage(resource.RUSAGE_SELF)
    _lower_limit(resource.RLIMIT_CPU, math.ceil(used.ru_utime + used.ru_stime) + seconds)


def _lower_limit(which: int, soft: int) -> None:
    """Sets the soft limit, never above the hard one (a CI runner may set its own)."""
    import resource

    hard = resource.getrlimit(which)[1]
    resource.setrlimit(which, (soft if hard == resource.RLIM_INFINITY else min(soft, hard),
                               hard))


def _extracted(kind: str, data: bytes, text_bytes: int, memory: int) -> dict[str, Any]:
    try:
        found = extract(kind, data)
    except (NotAnArticle, MemoryError) as exc:
        # The extractors report a fault as the file's, and lxml an allocation that
        # failed as "unknown error": near the limit, it is taken to be the limit's.
        if isinstance(exc, MemoryError) or isinstance(exc.__cause__, MemoryError) \
                or _peak_memory() > 0.75 * memory:
            return {"refused": _memory_message(EXTRACTORS[kind], memory), "limit": True}
        return {"refused": str(exc), "hint": exc.hint}
    if len(found.text.encode("utf-8")) > text_bytes:
        return {"refused": f"{found.extractor} extracts a text larger than "
                f"{text_bytes:,} bytes from this file, more than a source may hold: it "
                "is no article's", "limit": True}
    return {"extracted": dataclasses.asdict(found)}


def _peak_memory() -> int:
    """The most address space the process has held, in bytes (0 where not known)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            found = [line.split()[1] for line in status if line.startswith("VmPeak:")]
    except OSError:  # pragma: no cover - no /proc
        return 0
    return int(found[0]) * 1024 if found else 0


if __name__ == "__main__":
    serve(*map(int, sys.argv[1:4]))
