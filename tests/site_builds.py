"""The two ways the site-level property test builds a project: `mkdocs serve --dirty` as
MkDocs drives the plugin, in this process, and `mkdocs build` in a process of its own."""

from __future__ import annotations

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


def built(project: Path, site: Path, *, leak: bool = False) -> dict[str, bytes]:
    """`mkdocs build` of the project into `site`, in a new process: a plugin of its own,
    nothing kept but what is on disk (with `leak`, the planted leak is in it too)."""
    shutil.rmtree(site, ignore_errors=True)
    code = "from mkdocs.__main__ import cli; cli()"
    if leak:
        code = f"import sys; sys.path.insert(0, {str(TESTS)!r}); import planted_leak; " \
            f"planted_leak.plant(); {code}"
    done = subprocess.run([sys.executable, "-c", code, "build", "-q", "-d", str(site)],
                          cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return site_files(site)


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def changed_files(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return [name for name in sorted(set(one) | set(other)) if one.get(name) != other.get(name)]
