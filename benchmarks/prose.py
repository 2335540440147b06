"""What the prose checks (`provenance.check_prose`) cost within the pipeline.

    .venv/bin/python -m benchmarks.prose --sources 1000 --repeat 3
    .venv/bin/python -m benchmarks.prose --sources 1000 --repeat 3 \\
        --against ../old/.venv/bin/python      # another checkout's code, run by turns

Each run is a fresh child process that builds the generated corpus as `briefing check`
does and reports the CPU time of the whole pipeline and of the prose checks in it; then
one more child per interpreter profiles the prose checks (cProfile: its call count, which
does not depend on the machine's load, and each check's cumulative share). With
`--against`, the runs alternate between the two interpreters (each with its own
`briefing` installed), and the ratios are taken per pair.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from .corpus import generate, write
from .run import PYTHON

# One run: the pipeline as `briefing check` builds, the prose checks timed inside it.
_TIMED = """
import datetime, json, sys, time
from pathlib import Path
import briefing.pipeline as pipeline
spent = []
check_prose = pipeline.check_prose
def timed(*args, **kwargs):
    start = time.process_time()
    try:
        return check_prose(*args, **kwargs)
    finally:
        spent.append(time.process_time() - start)
pipeline.check_prose = timed
start = time.process_time()
pipeline.build(Path(sys.argv[1]), originals=True, today=datetime.date(2026, 12, 8))
print(json.dumps({"pipeline": time.process_time() - start, "prose": spent[0]}))
"""

# The prose checks under cProfile: calls, and the share of each check (cumulative).
_PROFILED = """
import cProfile, datetime, json, pstats, sys
from pathlib import Path
from briefing.hedges import Hedges
from briefing.link import link
from briefing.load import load
from briefing.provenance import check_prose
from briefing.validate import validate
loaded = load(Path(sys.argv[1]), None)
linked = link(validate(loaded, None, datetime.date(2026, 12, 8)).corpus)
files = {d.display: d.text for d in loaded.yaml_docs}
profile = cProfile.Profile()
profile.runcall(check_prose, linked, Hedges(), files)
stats = pstats.Stats(profile).stats
def cumulative(file, name):
    return sum(v[3] for k, v in stats.items() if k[0].endswith(file) and k[2] == name)
whole = cumulative("provenance.py", "check_prose")
parts = {f"{file}:{name}": round(100 * cumulative(file, name) / whole, 1) for file, name in (
    ("provenance.py", "figures"), ("provenance.py", "claim_figures"),
    ("provenance.py", "copied"), ("provenance.py", "dropped_hedges"),
    ("provenance.py", "dates"), ("provenance.py", "overstated"),
    ("provenance.py", "source_counts"), ("numbers.py", "numbers"),
    ("re/__init__.py", "_compile"))}
print(json.dumps({"calls": sum(v[1] for v in stats.values()), "shares %": parts}))
"""


def _child(python: str, code: str, content: Path) -> dict[str, Any]:
    # (-I: not the `briefing` of the folder it runs in, but the one `python` has installed)
    done = subprocess.run([python, "-I", "-c", code, str(content)], capture_output=True,
                          text=True, check=True)
    return dict(json.loads(done.stdout.splitlines()[-1]))


def measure(content: Path, pythons: list[str], repeat: int) -> None:
    runs: dict[str, list[dict[str, float]]] = {p: [] for p in pythons}
    for _ in range(repeat):
        for python in pythons:  # (by turns: the machine's speed drifts)
            found = _child(python, _TIMED, content)
            runs[python].append({k: float(v) for k, v in found.items()})
            print(python, json.dumps({k: round(v, 2) for k, v in runs[python][-1].items()}),
                  flush=True)
    for python in pythons:
        prose = [r["prose"] for r in runs[python]]
        share = [r["prose"] / r["pipeline"] for r in runs[python]]
        print(f"{python}: prose checks {statistics.median(prose):.2f} s CPU "
              f"({min(prose):.2f}-{max(prose):.2f}), {100 * statistics.median(share):.1f}% "
              f"of the pipeline; profiled: {json.dumps(_child(python, _PROFILED, content))}")
    if len(pythons) == 2:
        ratios = sorted(a["prose"] / b["prose"] for a, b in zip(*runs.values(), strict=True))
        print(f"prose checks, first / second: {statistics.median(ratios):.2f} "
              f"({ratios[0]:.2f}-{ratios[-1]:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--content", type=Path, help="a content folder rather than the "
                        "generated corpus")
    parser.add_argument("--against", help="another Python, with another checkout's "
                        "briefing installed, to run by turns with this one")
    args = parser.parse_args()
    pythons = [PYTHON, *([args.against] if args.against else [])]
    if args.content is not None:
        measure(args.content.resolve(), pythons, args.repeat)
        return
    with tempfile.TemporaryDirectory(prefix="briefing-prose-") as root:
        content = write(Path(root) / "content", generate(args.sources, args.seed))
        measure(content, pythons, args.repeat)


if __name__ == "__main__":
    main()
