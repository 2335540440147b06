"""Where a `mkdocs serve --dirty` rebuild spends its time, without the file watcher.

    .venv/bin/python -m benchmarks.rebuild --size 1000

Builds the benchmark corpus of the given size once as `mkdocs serve --dirty` does (one
plugin instance, dirty builds into one site folder, the served address as the site's
URL), then times rebuilds in-process: with no edit, after changing one quote's stance
(and undoing it), after changing one source's title (and undoing it), and after adding a
claim no source takes a position on (a warning: the problems banner comes to every page)
and removing it. Each line gives the whole rebuild, the Briefing pipeline inside it,
how many generated pages had different Markdown (and how much), and the full garbage
collections Python ran during it (the serve plugin defers them to idle time).
`benchmarks.run` measures the stance and title edits end to end, file watcher and server
included. Like it, each rebuild follows a pause of a few seconds, as when a person reads
the result before the next edit.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

import briefing.plugin as plugin

from .run import PAUSE_BETWEEN_EDITS, edited, prepare

# `mkdocs serve` builds with the address it serves at as the site's URL.
SERVE_URL = "http://127.0.0.1:8000/"

UNSOURCED_CLAIM = """\
  - id: claim-unsourced-benchmark
    statement: "A claim no source takes a position on."
    status: reported
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="sources in the corpus")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/briefing-rebuild"))
    args = parser.parse_args(argv)
    root = args.workdir / str(args.size)
    project, _, _ = prepare(root, args.size, args.seed)
    os.chdir(project)

    timings: dict[str, float] = {}
    pages: dict[str, dict[str, str]] = {}
    build = plugin.build

    def timed_build(*positional: Any, **options: Any) -> Any:
        start = time.perf_counter()
        result = build(*positional, **options)
        timings["pipeline"] = time.perf_counter() - start
        pages["previous"], pages["now"] = pages.get("now", {}), dict(result.pages)
        return result

    plugin.build = timed_build  # type: ignore[assignment]

    def config() -> Any:
        config = load_config(config_file=str(project / "mkdocs.yml"),
                             site_dir=str(root / "site"))
        config.site_url = SERVE_URL  # as `mkdocs serve` sets it: pages get canonical URLs
        return config

    config().plugins.on_startup(command="serve", dirty=True)  # one instance, as serve keeps

    # Python's full (generation 2) collections during a rebuild, and how long each took.
    full_collections: list[float] = []
    began = [0.0]

    def collection(phase: str, info: dict[str, Any]) -> None:
        if info["generation"] == 2:
            if phase == "start":
                began[0] = time.perf_counter()
            else:
                full_collections.append(time.perf_counter() - began[0])

    gc.callbacks.append(collection)
    start = time.perf_counter()
    mkdocs_build(config(), serve_url=SERVE_URL, dirty=True)
    print(f"first build: {time.perf_counter() - start:.2f} s", flush=True)

    def rebuild(label: str) -> None:
        time.sleep(PAUSE_BETWEEN_EDITS)  # as a person does; the plugin collects garbage then
        full_collections.clear()
        start = time.perf_counter()
        mkdocs_build(config(), serve_url=SERVE_URL, dirty=True)
        total = time.perf_counter() - start
        changed = [text for path, text in pages["now"].items()
                   if pages["previous"].get(path) != text]
        print(f"{label}: {total:.2f} s, pipeline {timings['pipeline']:.2f} s, "
              f"{len(changed)} pages changed ({sum(map(len, changed)) / 1024:.0f} KB of "
              f"Markdown), {len(full_collections)} full garbage collections "
              f"({sum(full_collections):.2f} s)", flush=True)

    rebuild("no edit")
    rebuild("no edit")
    path = project / "content" / "sources" / "source-00007.yml"
    text = path.read_text(encoding="utf-8")
    for kind in ("stance", "title"):
        path.write_text(edited(kind, text, 0), encoding="utf-8")
        rebuild(f"{kind} edit")
        path.write_text(text, encoding="utf-8")
        rebuild(f"{kind} edit undone")
    # A warning coming and going: the problems banner changes on every page.
    claims = sorted((project / "content" / "claims").glob("*.yml"))[-1]
    text = claims.read_text(encoding="utf-8")
    try:
        claims.write_text(text + UNSOURCED_CLAIM, encoding="utf-8")
        rebuild("warning added (a claim no source takes a position on)")
    finally:
        claims.write_text(text, encoding="utf-8")
    rebuild("warning removed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
