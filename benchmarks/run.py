"""Benchmark: Briefing against a plain MkDocs build of the same pages, side by side.

    .venv/bin/python -m benchmarks.run --sizes 100,1000,10000

For each corpus size N it generates a synthetic corpus (benchmarks/corpus.py), checks it
has no errors, then measures, each in a fresh child process and repeated (medians):

- pipeline: load, validate, link and render in Python (`briefing.pipeline.build`);
- build:    the whole `mkdocs build` with the Briefing plugin;
- baseline: `mkdocs build` of the same pages pre-written as Markdown, same theme, same
            Markdown extensions and search plugin, without the Briefing plugin;
- peak RSS of each child (from wait4's rusage);
- largest page: the largest generated Markdown page, which must not grow with N;
- reload:   `mkdocs serve --dirty`, time from writing one edited annotation to the
            rebuilt pages on disk (the source's page and a claim page it backs), file
            watcher included, for a source-title edit and a quote-stance edit;
- reference: a fixed loop of pure Python, timed before each size's builds, before its
            reloads and at its end. This machine's speed varies with its host's load
            (the loop took 0.65 s in steady hours and up to 1.8 s in slow spells); the
            loop shows the heavy spells, not every swing of the builds' speed, so the
            baseline of the same run stays the yardstick.

It prints a table (and, with --json, writes the raw results); docs/performance.md keeps the
results with the machine they were measured on.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import generate, write

REPO = Path(__file__).resolve().parent.parent
# Seconds between an undo's pages appearing and the next edit. The server collects garbage
# once idle for 2 s (`live.IdleCollector`), 0.6-0.9 s at 1,000 sources: an edit is timed
# from a server that has finished it, not one the collection still holds.
PAUSE_BETWEEN_EDITS = 4.0
PYTHON = sys.executable
_PIPELINE = """
import json, sys, time
from pathlib import Path
from briefing.pipeline import build
start = time.perf_counter()
result = build(Path(sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - start, "pages": len(result.pages),
                  "failed": result.failed()}))
"""

_REFERENCE = """
import time
start = time.perf_counter()
total = 0
for i in range(10_000_000):
    total += i
print(time.perf_counter() - start)
"""


@dataclass
class Row:
    n: int
    pages: int = 0
    pipeline: list[float] = field(default_factory=list)
    build: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    rss: dict[str, float] = field(default_factory=dict)  # MB, the largest seen per kind
    reload: dict[str, list[float]] = field(default_factory=dict)  # edit kind -> s
    largest: tuple[int, str] = (0, "")  # bytes and path of the largest generated page
    # s: before the builds, before the reloads (if measured), after the last measurement
    reference: list[float] = field(default_factory=list)


def reference_loop() -> float:
    """Seconds for ten million additions at a module's top level in a fresh Python, the
    best of three: how fast the machine runs Python right now (a slow spell shows as every
    try slow). The same loop has been timed on this machine since the first results."""
    return min(float(subprocess.run([PYTHON, "-c", _REFERENCE], capture_output=True,
                                    text=True, check=True).stdout) for _ in range(3))


def run_measured(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB (wait4 gives per-child rusage) and stdout of one
    child process; exits with its output if it fails."""
    out_path = cwd / ".bench-stdout"
    err_path = cwd / ".bench-stderr"
    with open(out_path, "w") as out, open(err_path, "w") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = out_path.read_text()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark step failed ({' '.join(args)}):\n{stdout}\n"
                         f"{err_path.read_text()[-4000:]}")
    return seconds, usage.ru_maxrss / 1024, stdout


def mkdocs_yml(docs_dir: str, *, plugin: bool) -> str:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {docs_dir}", text)
    if not plugin:
        text = re.sub(r"(?m)^  - briefing:\n(    .*\n)*", "", text)
    return text


def largest_page(docs: Path) -> tuple[int, str]:
    """The largest Markdown page in a folder: (bytes, path relative to it)."""
    return max(((p.stat().st_size, p.relative_to(docs).as_posix()) for p in docs.rglob("*.md")),
               default=(0, ""))


def prepare(root: Path, n: int, seed: int) -> tuple[Path, Path, int]:
    """The Briefing project and the baseline project for a corpus of n sources."""
    project, baseline = root / "project", root / "baseline"
    for folder in (project, baseline):
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(REPO / "theme", folder / "theme")
    write(project / "content", generate(n, seed))
    # The seed fixture's hand-written pages: the live content/ is the curator's to change.
    shutil.copytree(REPO / "tests" / "fixtures" / "seed-content" / "pages",
                    project / "content" / "pages")
    (project / "mkdocs.yml").write_text(mkdocs_yml("content/pages", plugin=True))

    check = subprocess.run([PYTHON, "-m", "briefing", "check", "--content", "content"],
                           cwd=project, capture_output=True, text=True)
    if check.returncode != 0:
        report = (check.stdout + check.stderr).splitlines()
        raise SystemExit(f"the generated corpus (N={n}) has problems:\n"
                         + "\n".join([*report[:20], "...", *report[-3:]]))
    # The baseline's pages: exactly the Markdown Briefing generates, written out, plus
    # the hand-written pages.
    subprocess.run([PYTHON, "-m", "briefing", "build", "--content", "content", "--out",
                    str(baseline / "docs")], cwd=project, check=True, capture_output=True)
    shutil.copytree(project / "content" / "pages", baseline / "docs", dirs_exist_ok=True)
    (baseline / "mkdocs.yml").write_text(mkdocs_yml("docs", plugin=False))
    pages = sum(1 for _ in (baseline / "docs").rglob("*.md"))
    return project, baseline, pages


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def edited(kind: str, text: str, edit: int) -> str:
    """One source annotation after an edit of this kind: `title` (the worst case: the title
    shows on the source's page, the claims it backs, the sources list, the timeline, coverage,
    figures and every entity page listing the source) or `stance` (one quote's stance on a
    claim: the source's page, the claim's page, coverage and figures)."""
    if kind == "title":
        return re.sub(r'(?m)^title: "', f'title: "Edited title {edit} ', text, count=1)
    stance = re.search(r"(asserts|reports|doubts): \[(claim-\d+)\]", text)
    assert stance is not None
    other = "doubts" if stance.group(1) != "doubts" else "reports"
    return text.replace(stance.group(0), f"{other}: [{stance.group(2)}]", 1)


def measure_reload(project: Path, edits: int, timeout: float) -> dict[str, list[float]]:
    """Seconds from writing an edited source annotation to the rebuilt pages on disk (the
    source's own page and the page of a claim one of its quotes backs), for each kind of
    edit (see `edited`). The pages are read from the folder the server builds into, found
    through a temporary folder of its own: asking the server for them many times a second
    would take time from the rebuild being measured."""
    port = free_port()
    scratch = Path(tempfile.mkdtemp(prefix="briefing-serve-"))
    server = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(scratch)})
    base = f"http://127.0.0.1:{port}"
    latencies: dict[str, list[float]] = {"title": [], "stance": []}

    def read(path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""

    def done(path: Path, before: str, changed: bool) -> bool:
        text = read(path)  # a page being written is incomplete: not done yet
        return (text != before) == changed and text.rstrip().endswith("</html>")

    def wait(watched: dict[Path, str], changed: bool, start: float) -> None:
        """Until every watched page differs from (or again equals) its text before."""
        while not all(done(path, before, changed) for path, before in watched.items()):
            if time.perf_counter() - start > timeout:
                raise SystemExit(f"the {'edit' if changed else 'undo'} did not show within "
                                 f"{timeout} s")
            time.sleep(0.005)

    try:
        deadline = time.monotonic() + timeout
        while not fetch(f"{base}/sources/"):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not come up")
            time.sleep(0.2)
        (site,) = scratch.glob("mkdocs_*")  # MkDocs serves from a temporary folder
        # The folder read is the one served: a page's head is the same in both (the
        # server adds its live-reload script at the end).
        served, written = fetch(f"{base}/sources/"), read(site / "sources" / "index.html")
        if not written or served[:2000] != written[:2000]:
            raise SystemExit(f"{site} does not hold the pages served")
        for edit in range(edits):
            for kind in latencies:
                source = f"source-{(edit * 7) % 50:05d}"
                path = project / "content" / "sources" / f"{source}.yml"
                text = path.read_text(encoding="utf-8")
                claim = re.search(r"(?:asserts|reports|doubts): \[(claim-\d+)\]", text)
                assert claim is not None
                pages = [site / "sources" / source / "index.html",
                         site / "claims" / claim.group(1) / "index.html"]
                # A person reads the result before the next edit: the server is idle
                # (the plugin collects garbage then), the watcher has settled and the
                # last rebuild has finished (it may still be writing other pages, such
                # as the problems banner into every page, when its watched pages are done).
                time.sleep(PAUSE_BETWEEN_EDITS)
                watched = {page: read(page) for page in pages}
                start = time.perf_counter()
                path.write_text(edited(kind, text, edit), encoding="utf-8")
                wait(watched, True, start)
                latencies[kind].append(time.perf_counter() - start)
                # Time the next edit from a quiet server: wait until the undo is built.
                path.write_text(text, encoding="utf-8")
                wait(watched, False, time.perf_counter())
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(scratch, ignore_errors=True)
    return latencies


def bench(n: int, root: Path, repeat: int, seed: int, reload_edits: int) -> Row:
    project, baseline, pages = prepare(root, n, seed)
    row = Row(n, pages, largest=largest_page(baseline / "docs"), reference=[reference_loop()])
    for _ in range(repeat):
        seconds, rss, out = run_measured([PYTHON, "-c", _PIPELINE, "content"], project)
        result = json.loads(out)
        if result["failed"]:
            raise SystemExit(f"the pipeline reported errors at N={n}")
        row.pipeline.append(result["seconds"])
        row.rss["pipeline"] = max(row.rss.get("pipeline", 0), rss)
        for kind, folder in (("build", project), ("baseline", baseline)):
            site = folder / "site"
            shutil.rmtree(site, ignore_errors=True)
            seconds, rss, _ = run_measured(
                [PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(site)], folder)
            getattr(row, kind).append(seconds)
            row.rss[kind] = max(row.rss.get(kind, 0), rss)
    if reload_edits:
        row.reference.append(reference_loop())
        row.reload = measure_reload(project, reload_edits, timeout=max(120, n / 10))
    row.reference.append(reference_loop())
    return row


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def table(rows: list[Row]) -> str:
    head = ("| sources | pages | pipeline s | `mkdocs build` s | baseline s | build / baseline"
            " | pipeline / baseline | build ms per source | peak RSS build MB"
            " | peak RSS baseline MB | reload s, title edit (median, max)"
            " | reload s, stance edit (median, max) | largest page KB"
            " | reference loop s (start, [reload,] end) |")
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for row in rows:
        pipe, build, base = median(row.pipeline), median(row.build), median(row.baseline)
        reload = " | ".join(
            f"{median(row.reload[kind]):.2f}, {max(row.reload[kind]):.2f}"
            if row.reload.get(kind) else "not measured" for kind in ("title", "stance"))
        lines.append(
            f"| {row.n:,} | {row.pages:,} | {pipe:.2f} | {build:.2f} | {base:.2f} "
            f"| {build / base:.2f} | {pipe / base:.2f} | {1000 * build / row.n:.2f} "
            f"| {row.rss.get('build', 0):.0f} | {row.rss.get('baseline', 0):.0f} "
            f"| {reload} | {row.largest[0] / 1024:,.0f} (`{row.largest[1]}`) "
            f"| {', '.join(f'{value:.2f}' for value in row.reference)} |")
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
        memory = f"{int(mem) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        memory = "unknown RAM"
    import mkdocs

    return (f"{cpu}, {os.cpu_count()} cores, {memory}; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; "
            f"MkDocs {mkdocs.__version__}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000",
                        help="comma-separated corpus sizes (sources)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--reload-edits", type=int, default=5,
                        help="edits of each kind timed under `mkdocs serve --dirty` (0 to skip)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/briefing-bench"))
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args(argv)
    rows = []
    print(machine(), flush=True)
    for n in (int(s) for s in args.sizes.split(",")):
        row = bench(n, args.workdir / str(n), args.repeat, args.seed, args.reload_edits)
        rows.append(row)
        print(table([row]).split("\n")[-1], flush=True)
    print()
    print(table(rows))
    for row in rows:  # each edit's reload, in the order made: which edits were slow
        for kind, seconds in row.reload.items():
            print(f"reload s at {row.n:,} sources, {kind} edits: "
                  + " ".join(f"{value:.2f}" for value in seconds))
    if args.json:
        args.json.write_text(json.dumps([row.__dict__ for row in rows], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
