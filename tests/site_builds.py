"""The two ways the site-level property test builds a project, each in a process of its
own, as a person runs them: `mkdocs build`, and a `mkdocs serve --dirty` session that
rebuilds when told to.

Each is a process forked from one worker that has imported MkDocs and Briefing but built
nothing: it starts as a new `mkdocs` process does (a plugin of its own, nothing kept but
what is on disk), less the half second of imports. A serve session in its own process
also keeps its plugin instance, which MkDocs shares between all configurations loaded in
one process, from the test process and from the other sessions."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from corpus_helpers import hang_guard
from mkdocs.__main__ import cli
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from briefing.problems import PROBLEMS_PAGE

TESTS = Path(__file__).resolve().parent
# `mkdocs serve` makes the address it serves at the site's URL; the project's mkdocs.yml
# names the same address, so a `mkdocs build` is configured alike and no byte of the two
# sites need be set aside.
SERVE_URL = "http://127.0.0.1:8000/"

_WORKER = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
import site_builds
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        os._exit(site_builds.forked(json.loads(line)))
    print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
"""


class DirtyServe:
    """The plugin as `mkdocs serve --dirty` drives it: one instance for the session (MkDocs
    keeps a plugin that has `on_startup`), a fresh configuration per rebuild, dirty builds
    into one site folder."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site
        self.config().plugins.on_startup(command="serve", dirty=True)

    def config(self) -> MkDocsConfig:
        config = load_config(config_file=str(self.project / "mkdocs.yml"),
                             site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def rebuild(self) -> None:
        mkdocs_build(self.config(), serve_url=SERVE_URL, dirty=True)

    def halt(self) -> None:
        """Stops the session's idle work on the disk cache (cutting pages), as a build
        does, so the test may build from the cache or remove it."""
        cutter = self.config().plugins["briefing"].live.housekeeping.cutter  # type: ignore[attr-defined]
        if cutter is not None:  # (a session without `--dirty` cuts nothing)
            cutter.halt()

    def close(self) -> None:
        self.config().plugins.on_shutdown()


def forked(request: dict[str, Any]) -> int:
    """In a process forked from the worker: the build or the serve session asked for;
    its exit status."""
    answers = os.fdopen(os.dup(1), "w")
    log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["project"])
    if request["plant"]:
        import planted_leak
        planted_leak.PLANTS[request["plant"]](setattr)
    try:
        if request["serve"]:
            serve(DirtyServe(Path(request["project"]), Path(request["site"])), answers)
        else:
            cli(["build", "-q", "-d", request["site"]], standalone_mode=False)
        return 0
    except BaseException:
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def serve(session: DirtyServe, answers: TextIO) -> None:
    """Answers `started`, then rebuilds for each line `rebuild` read, answering `ok` or
    `failed`, and stops its idle work for each `halt`, answering `ok`, until another line
    comes. (The test sends a line only once the last is answered, so the worker, which
    read the request, has read nothing past it.)"""
    answers.write("started\n")
    answers.flush()
    try:
        while (line := sys.stdin.readline()) in ("rebuild\n", "halt\n"):
            try:
                session.rebuild() if line == "rebuild\n" else session.halt()
                answers.write("ok\n")
            except Exception:
                traceback.print_exc()
                answers.write("failed\n")
            answers.flush()
    finally:
        session.close()


class Worker:
    """The worker process; it answers each request when the process it forked ends."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", _WORKER, str(TESTS)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)

    def send(self, line: str) -> str:
        assert self.process.stdin and self.process.stdout
        with hang_guard(600):  # far above a build's few seconds
            self.process.stdin.write(line + "\n")
            self.process.stdin.flush()
            return self.process.stdout.readline()

    def start(self, project: Path, site: Path, *, serve: bool, plant: str | None) -> Path:
        shutil.rmtree(site, ignore_errors=True)
        log = site.with_name(site.name + ".log")
        request = {"project": str(project), "site": str(site), "serve": serve,
                   "plant": plant, "env": dict(os.environ), "log": str(log)}
        answer = self.send(json.dumps(request))
        assert answer == ("started\n" if serve else "0\n"), log.read_text(encoding="utf-8")
        return log

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


class Builds:
    """Builds and serve sessions of projects, each in a process of its own (forked by two
    workers: a serve session holds its worker until it ends)."""

    def __init__(self) -> None:
        self.builds, self.sessions = Worker(), Worker()

    def __call__(self, project: Path, site: Path, *, plant: str | None = None
                 ) -> dict[str, bytes]:
        """`mkdocs build` of the project into `site` (`plant`: a fault of
        tests/planted_leak.py to plant in it)."""
        self.builds.start(project, site, serve=False, plant=plant)
        return site_files(site)

    @contextlib.contextmanager
    def serve(self, project: Path, site: Path, *, plant: str | None = None
              ) -> Iterator[Served]:
        """A `mkdocs serve --dirty` session writing into `site`."""
        log = self.sessions.start(project, site, serve=True, plant=plant)
        served = Served(self.sessions, site, log)
        try:
            yield served
        finally:
            if not served.ended:
                assert self.sessions.send("stop") == "0\n", log.read_text(encoding="utf-8")

    def close(self) -> None:
        self.builds.close()
        self.sessions.close()


class Served:
    def __init__(self, worker: Worker, site: Path, log: Path) -> None:
        self.worker, self.site, self.log = worker, site, log
        self.ended = False  # the session's process ended (the worker gave its status)

    def rebuild(self) -> dict[str, bytes]:
        answer = self.worker.send("rebuild")
        self.ended = answer not in ("ok\n", "failed\n")
        assert answer == "ok\n", self.log.read_text(encoding="utf-8")
        return served_files(self.site)

    def halt(self) -> None:
        """Stops the session's idle work on the disk cache until its next rebuild."""
        assert self.worker.send("halt") == "ok\n", self.log.read_text(encoding="utf-8")


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


# The Problems page, which a served site always has and a built one never (`LastGood`).
SERVE_ONLY = frozenset({"problems/index.html", "problems.html"})


def served_files(site: Path) -> dict[str, bytes]:
    """A served site's files, less the Problems page: those a clean build also writes."""
    return {name: data for name, data in site_files(site).items() if name not in SERVE_ONLY}


def changed_files(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return [name for name in sorted(set(one) | set(other)) if one.get(name) != other.get(name)]


class Serving:
    """The plugins as `mkdocs serve --dirty` drives them: one instance each for the session,
    a fresh config per rebuild, dirty builds into one site folder."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.site = project / "served"
        self.first = self.config()
        self.first.plugins.on_startup(command="serve", dirty=True)

    def config(self) -> MkDocsConfig:
        return load_config(config_file=str(self.project / "mkdocs.yml"),
                           site_dir=str(self.site))

    def rebuild(self) -> None:
        mkdocs_build(self.config(), dirty=True)

    def pages(self) -> dict[str, str]:
        """The generated pages the last rebuild served."""
        plugin = self.first.plugins["briefing"]
        return {path: file.content_string for path, file in  # type: ignore[attr-defined]
                plugin.live.stored.items() if path != PROBLEMS_PAGE}

    def close(self) -> None:
        self.first.plugins.on_shutdown()
