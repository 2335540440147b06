"""The render stage's CPU time: a one-shot render, and the render inside a rebuild with a kept
`BuildCache` after a title or stance edit (the collector off, as under `mkdocs serve`).

    .venv/bin/python -m benchmarks.render --sources 1000 --runs 3 [--tree OTHER_CHECKOUT]

With `--tree`, each run also measures the `briefing` package of another checkout (an
earlier commit, say), alternating the two in fresh processes, so both rows come from one
run of the machine (docs/performance.md, "Plan, then render").
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from .corpus import generate, write
from .run import PYTHON, REPO

# Run in a fresh process with the checkout to measure first on the path.
_CHILD = """
import gc, json, re, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import briefing.pipeline as P
from briefing import render as R
from briefing.buildcache import BuildCache
from briefing.dates import content_dates
content, rounds = Path(sys.argv[2]), int(sys.argv[3])
linked = P.build(content).linked
dates = content_dates(linked)
start = time.process_time()
R.render(linked, dates=dates)
seconds = {"one-shot": [time.process_time() - start], "title": [], "stance": []}
spent = []
def timed(*args, **kwargs):
    begun = time.process_time()
    pages = R.render(*args, **kwargs)
    spent.append(time.process_time() - begun)
    return pages
P.render = timed
cache = BuildCache()
P.build(content, cache=cache)
source = content / "sources" / "source-00007.yml"
text = source.read_text(encoding="utf-8")
sys.path.insert(1, sys.argv[4])
from benchmarks.run import edited
gc.disable()
for n in range(rounds):
    for kind in ("title", "stance"):
        source.write_text(edited(kind, text, n), encoding="utf-8")
        P.build(content, cache=cache)
        seconds[kind].append(spent[-1])
        source.write_text(text, encoding="utf-8")
        P.build(content, cache=cache)
print(json.dumps(seconds))
"""


def measure(tree: Path, corpus: Path, rounds: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as scratch:
        content = Path(scratch) / "content"
        shutil.copytree(corpus, content)
        done = subprocess.run([PYTHON, "-c", _CHILD, str(tree), str(content), str(rounds),
                               str(REPO)], capture_output=True, text=True, check=True)
    result: dict[str, list[float]] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3, help="edits of each kind per run")
    parser.add_argument("--tree", type=Path, help="another checkout to measure alongside")
    args = parser.parse_args(argv)
    trees = {"this": REPO, **({"other": args.tree.resolve()} if args.tree else {})}
    times: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    with tempfile.TemporaryDirectory() as scratch:
        corpus = write(Path(scratch) / "corpus", generate(args.sources))
        for _ in range(args.runs):
            for name, tree in trees.items():
                for kind, values in measure(tree, corpus, args.rounds).items():
                    times[name].setdefault(kind, []).extend(values)
    print(f"render stage at {args.sources} sources, CPU seconds: median (range)")
    for kind in ("one-shot", "title", "stance"):
        cells = [f"{name} {statistics.median(t[kind]):.3f} "
                 f"({min(t[kind]):.3f}-{max(t[kind]):.3f})" for name, t in times.items()]
        print(f"{kind:9} | " + " | ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
