"""Where the pipeline's cost per source goes as the corpus grows, stage by stage.

    .venv/bin/python -m benchmarks.stages --sizes 1000,10000

For each size it generates the benchmark corpus (benchmarks/corpus.py) and, in a fresh
child process per run, times the pipeline's stages one after the other (load, validate,
link, dates, render, feed) in milliseconds per source, once with Python's garbage
collector as it is and once with it off, with the full (generation 2) collections the
first one ran. A stage whose cost per source grows with N grows in both rows; what grows
only with the collector on is the collector walking a larger heap. `benchmarks.run`
measures the whole pipeline and build side by side with MkDocs; this splits the
pipeline's part.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
from pathlib import Path
from typing import Any

from .corpus import generate, write
from .run import PYTHON, machine

# The stages of `briefing.pipeline.build`, in its order, each timed on its own.
_STAGES = """
import gc, json, sys, time
from pathlib import Path
from briefing.dates import content_dates
from briefing.diagnostics import has_errors
from briefing.feed import Site, atom_feed
from briefing.link import link
from briefing.load import load
from briefing.render import render
from briefing.validate import validate

if sys.argv[2] == "off":
    gc.disable()
full = [0, 0.0, 0.0]  # collections, seconds, the last start

def collection(phase, info):
    if info["generation"] == 2:
        if phase == "start":
            full[2] = time.perf_counter()
        else:
            full[0] += 1
            full[1] += time.perf_counter() - full[2]

gc.callbacks.append(collection)
seconds = {}

def timed(name, make):
    start = time.perf_counter()
    made = make()
    seconds[name] = time.perf_counter() - start
    return made

loaded = timed("load", lambda: load(Path(sys.argv[1])))
validated = timed("validate", lambda: validate(loaded))
linked = timed("link", lambda: link(validated.corpus))
if has_errors([*loaded.diagnostics, *validated.diagnostics, *linked.diagnostics]):
    sys.exit("the generated corpus has errors: run `briefing check` on it")
dates = timed("dates", lambda: content_dates(linked))
timed("render", lambda: render(linked, dates=dates))
timed("feed", lambda: atom_feed(linked, dates, Site("Briefing")))
print(json.dumps({"seconds": seconds, "full_collections": full[0],
                  "full_collection_seconds": full[1]}))
"""

STAGES = ("load", "validate", "link", "dates", "render", "feed")


def child(code: str, *args: str, cwd: Path) -> Any:
    """What a fresh Python running `code` printed, as JSON."""
    done = subprocess.run([PYTHON, "-c", code, *args], cwd=cwd, capture_output=True,
                          text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr or done.stdout)
    return json.loads(done.stdout)


def measure(n: int, root: Path, seed: int, repeat: int) -> list[str]:
    """The table rows for a corpus of n sources: medians of `repeat` runs each."""
    shutil.rmtree(root / "content", ignore_errors=True)  # no file left from another seed
    write(root / "content", generate(n, seed))
    rows = []
    for collector in ("on", "off"):
        runs = [child(_STAGES, "content", collector, cwd=root) for _ in range(repeat)]
        per_source = {stage: statistics.median(run["seconds"][stage] for run in runs)
                      * 1000 / n for stage in STAGES}
        full = statistics.median(run["full_collections"] for run in runs)
        full_ms = statistics.median(run["full_collection_seconds"] for run in runs) * 1000 / n
        cells = " | ".join(f"{per_source[stage]:.2f}" for stage in STAGES)
        rows.append(f"| {n:,} | {collector} | {cells} | {sum(per_source.values()):.2f} "
                    f"| {full:.0f} ({full_ms:.2f}) |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated corpus sizes (sources)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/briefing-stages"))
    args = parser.parse_args(argv)
    print(machine(), flush=True)
    print("| sources | collector | " + " | ".join(f"{s} ms" for s in STAGES)
          + " | total ms | full collections (ms) |")
    print("|" + "---|" * (len(STAGES) + 4))
    for n in (int(s) for s in args.sizes.split(",")):
        for row in measure(n, args.workdir / str(n), args.seed, args.repeat):
            print(row, flush=True)
    print("(every figure per source; medians of the runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
