"""The two ways the site-level property test builds a project: `mkdocs serve --dirty` as
MkDocs drives the plugin, in this process, and `mkdocs build` in a process of its own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

TESTS = Path(__file__).resolve().parent
# `mkdocs serve` makes the address it serves at the site's URL; the project's mkdocs.yml
# names the same address, so a `mkdocs build` is configured alike and no byte of the two
# sites need be set aside.
SERVE_URL = "http://127.0.0.1:8000/"


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

    def rebuild(self) -> dict[str, bytes]:
        mkdocs_build(self.config(), serve_url=SERVE_URL, dirty=True)
        return site_files(self.site)

    def close(self) -> None:
        self.config().plugins.on_shutdown()


# Started once; each build is a process forked from it, which has imported MkDocs and
# Briefing but built nothing, so it starts as a new `mkdocs build` process does (less the
# half second of imports).
_FORKING_BUILDER = """
import json, os, sys, traceback
sys.path.insert(0, sys.argv[1])
from mkdocs.__main__ import cli
import briefing.plugin, planted_leak
for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        if request["leak"]:
            planted_leak.plant()
        try:
            cli(request["args"], standalone_mode=False)
            code = 0
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
"""


class Builds:
    """`mkdocs build` of a project, each in a new process: a plugin of its own, nothing
    kept but what is on disk."""

    def __init__(self) -> None:
        self.server = subprocess.Popen(
            [sys.executable, "-c", _FORKING_BUILDER, str(TESTS)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True)

    def __call__(self, project: Path, site: Path, *, leak: bool = False
                 ) -> dict[str, bytes]:
        """The site built into `site` (with `leak`, the planted leak is in the build)."""
        shutil.rmtree(site, ignore_errors=True)
        log = site.with_name(site.name + ".log")
        request = {"args": ["build", "-q", "-d", str(site)], "cwd": str(project),
                   "env": dict(os.environ), "leak": leak, "log": str(log)}
        assert self.server.stdin and self.server.stdout
        self.server.stdin.write(json.dumps(request) + "\n")
        self.server.stdin.flush()
        assert self.server.stdout.readline() == "0\n", log.read_text(encoding="utf-8")
        return site_files(site)

    def close(self) -> None:
        assert self.server.stdin
        self.server.stdin.close()
        self.server.wait(timeout=60)


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def changed_files(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return [name for name in sorted(set(one) | set(other)) if one.get(name) != other.get(name)]
