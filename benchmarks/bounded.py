"""Bounded work: `briefing new` and `briefing check` on inputs 1, 10 and 100 times a seed.

    .venv/bin/python -m benchmarks.bounded --repeat 3

Six workloads, each grown by repeating its seed:

- new, article: `briefing new` (everything but writing the two files: reading, decoding,
  the suggestions over the seed corpus, the starter) on the seed corpus's four articles
  joined (13.5 kB at 1x);
- new, one line: the same text with every line break folded into a space, so sentence
  splitting and every window around a match work on one long line;
- check, citations: `briefing check` of the seed corpus plus a brief whose one point
  cites one quote 1,000 times at 1x;
- check, long article: `briefing check` of the seed corpus plus a source whose article is
  the seed text repeated, with a quote of a word found thousands of times that its
  `prefix` makes unique;
- check, many quotes: the same long article with a quote of each of its lines of three
  words or more (33 quotes at 1x, 3,300 at 100x), so quotes and article grow together;
- check, quotes not found: the same long article with 30 quotes it does not hold for each
  repetition (3,000 at 100x), each explained (across line and paragraph breaks, the
  closest passage) within a budget.

Each run is a fresh Python (no cache from the run before) that times only the command's
work, in CPU seconds of that process, so other programs on the machine move the figures
less than wall time would. The table gives the median and range of the runs per size,
and the growth from one size to the next: work in proportion to the input grows about
10x per step, less where a fixed cost (the seed corpus) still counts; a step that looks
at the rest of a text for each match grows 100x.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .run import PYTHON, machine

REPO = Path(__file__).resolve().parent.parent

_NEW = """
import json, sys, time
from pathlib import Path
from briefing import starter
article, content = Path(sys.argv[1]), Path(sys.argv[2])
start = time.process_time()
added = starter.prepare(starter.read_article(article), article.as_posix(), content,
                        content.parent, source_id="bench-new")
print(json.dumps({"seconds": time.process_time() - start, "bytes": len(added.article),
                  "starter": len(added.starter), "problems": 0}))
"""

_CHECK = """
import json, sys, time
from pathlib import Path
import markdown
from briefing.pipeline import build
start = time.process_time()
result = build(Path(sys.argv[2]))
checked = time.process_time()
page = result.pages.get(sys.argv[3], "")
markdown.markdown(page, extensions=["tables", "attr_list", "toc"])
print(json.dumps({"seconds": checked - start, "convert": time.process_time() - checked,
                  "bytes": 0, "starter": 0, "page": len(page),
                  "problems": len(result.diagnostics),
                  "codes": sorted({d.code for d in result.diagnostics})}))
"""


def seed_text() -> str:
    return "\n\n".join(path.read_text(encoding="utf-8")
                       for path in sorted((REPO / "content/sources").glob("*.txt")))


# Scale 0 is the base: what the command costs with none of the grown input (a one-line
# article for `new`, the seed corpus alone for `check`).
BASE_ARTICLE = "A short article about nothing much\n"


def _article(scale: int, root: Path) -> Path:
    path = root / "article.txt"
    path.write_text("\n\n".join([seed_text()] * scale) or BASE_ARTICLE, encoding="utf-8")
    return path


def _one_line(scale: int, root: Path) -> Path:
    path = root / "article.txt"
    text = " ".join("\n\n".join([seed_text()] * scale).split())
    path.write_text(text + "\n" if text else BASE_ARTICLE, encoding="utf-8")
    return path


def _citations(scale: int, root: Path) -> Path:
    if scale:
        cites = ", ".join(["market-moe"] * (1_000 * scale))
        (root / "content/briefs/bench-citations.yml").write_text(
            'title: "Repeated citations"\nsummary: "One quote, cited again and again."\n'
            "sections:\n  - kind: what-happened\n    points:\n"
            f'      - text: "Experts question the claims."\n        cites: [{cites}]\n',
            encoding="utf-8")
    return root / "content"


def _long_article(scale: int, root: Path) -> Path:
    if not scale:
        return root / "content"
    sources = root / "content/sources"
    (sources / "bench-long.txt").write_text(
        "\n\n".join([seed_text()] * scale) + "\n\nzz the end.\n", encoding="utf-8")
    (sources / "bench-long.yml").write_text(
        'title: "A long article"\nquotes:\n  - id: bench-the\n    text: "the"\n'
        '    prefix: "zz"\n', encoding="utf-8")
    return root / "content"


NOISE = 0.02


def _many_quotes(scale: int, root: Path) -> Path:
    if not scale:
        return root / "content"
    lines, quotes, n = [], [], 0
    for line in "\n\n".join([seed_text()] * scale).split("\n"):
        words = line.split()
        if len(words) >= 3:  # each line of three words or more opens with a unique mark
            n += 1
            line = f"Line {n}. {line}"
            quotes.append(f'  - id: line-{n}\n    text: "Line {n}. {words[0]} {words[1]}"\n')
        lines.append(line)
    sources = root / "content/sources"
    (sources / "bench-quotes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (sources / "bench-quotes.yml").write_text(
        'title: "A long article, much quoted"\nquotes:\n' + "".join(quotes),
        encoding="utf-8")
    return root / "content"


def _quotes_not_found(scale: int, root: Path) -> Path:
    if not scale:
        return root / "content"
    sources = root / "content/sources"
    (sources / "bench-missing.txt").write_text("\n\n".join([seed_text()] * scale) + "\n",
                                               encoding="utf-8")
    quotes = "".join(f'  - id: missing-{n}\n    text: "words the article never holds {n}"\n'
                     for n in range(30 * scale))
    (sources / "bench-missing.yml").write_text(
        'title: "A long article, misquoted"\nquotes:\n' + quotes, encoding="utf-8")
    return root / "content"


@dataclass(frozen=True)
class Workload:
    make: Callable[[int, Path], Path]  # writes the input at a scale; the path to pass
    code: str
    page: str = ""  # the generated page converted to HTML after the check


WORKLOADS = {
    "new, article": Workload(_article, _NEW),
    "new, one line": Workload(_one_line, _NEW),
    "check, citations": Workload(_citations, _CHECK, "briefs/bench-citations.md"),
    "check, long article": Workload(_long_article, _CHECK, "sources/bench-long.md"),
    "check, many quotes": Workload(_many_quotes, _CHECK, "sources/bench-quotes.md"),
    "check, quotes not found": Workload(_quotes_not_found, _CHECK),
}


def run_once(work: Workload, made: Path, root: Path) -> dict[str, Any]:
    done = subprocess.run([PYTHON, "-c", work.code, str(made), str(root / "content"),
                           work.page], cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr or done.stdout)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure(name: str, scale: int, workdir: Path, repeat: int) -> list[dict[str, Any]]:
    """The results of `repeat` fresh runs of one workload at one scale."""
    work = WORKLOADS[name]
    root = workdir / f"{name.replace(', ', '-').replace(' ', '-')}-{scale}"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    shutil.copytree(REPO / "content", root / "content")
    made = work.make(scale, root)
    runs = [run_once(work, made, root) for _ in range(repeat)]
    shutil.rmtree(root)
    return runs


def note(run: dict[str, Any]) -> str:
    if "convert" not in run:
        return f"{run['bytes']:,} B in, starter {run['starter']:,} chars"
    codes = f" ({', '.join(run['codes'])})" if run["codes"] else ""
    return f"{run['problems']} diagnostics{codes}; page {run['page']:,} chars"


class Growth:
    """One row per scale: the median and range, the part above the base (scale 0), and
    how much that part grew from the scale before."""

    def __init__(self, label: str):
        self.label = label
        self.base = 0.0
        self.before: tuple[int, float] | None = None

    def row(self, scale: int, seconds: list[float], described: str) -> str:
        middle = statistics.median(seconds)
        if scale == 0:
            self.base = middle
        above = middle - self.base
        # A part under NOISE seconds is within the runs' spread: no growth from it.
        growth = "" if self.before is None or self.before[1] < NOISE else \
            f"{above / self.before[1]:.1f}x for {scale / self.before[0]:g}x"
        if scale:
            self.before = (scale, above)
        return (f"| {self.label} | {scale}x | {middle:.3f} ({min(seconds):.3f}-"
                f"{max(seconds):.3f}) | {above:.3f} | {growth} | {described} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="0,1,10,100",
                        help="comma-separated multiples of each seed input (0: the base)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--only", default="", help="run only the workloads whose name "
                        "contains this text")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/briefing-bounded"))
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    print(machine(), flush=True)
    print("| workload | scale | CPU s, median (range) | above the base | growth above the "
          "base | input and output |")
    print("|---|---|---|---|---|---|")
    for name, work in WORKLOADS.items():
        if args.only not in name:
            continue
        timed, converted = Growth(name), Growth(f"{name}: page to HTML")
        later = []
        for scale in scales:
            runs = measure(name, scale, args.workdir, args.repeat)
            print(timed.row(scale, [r["seconds"] for r in runs], note(runs[-1])), flush=True)
            if work.page:
                later.append(converted.row(scale, [r["convert"] for r in runs], ""))
        for row in later:
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
