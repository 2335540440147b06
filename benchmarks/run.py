"""Benchmark: Briefing against a plain MkDocs build of the same pages, side by side.

    .venv/bin/python -m benchmarks.run --sizes 100,1000,10000

For each corpus size N it generates a synthetic corpus (benchmarks/corpus.py), checks it
has no errors, then measures, each in a fresh child process and repeated (medians):

- pipeline: load, validate, link and render in Python (`briefing.pipeline.build`);
- build:    the whole `mkdocs build` with the Briefing plugin, from no cache (`.cache/`
            beside mkdocs.yml removed first);
- second build: the same `mkdocs build` again right after, the corpus unchanged and the
            cache the first left kept, as a person building twice would;
- baseline: `mkdocs build` of the same pages pre-written as Markdown, same theme, same
            Markdown extensions and search plugin, without the Briefing plugin;
- serve start: a cold `mkdocs serve` (a new process) from its start to its first page
            served, without a cache and then with the cache the first start left;
- peak RSS of each child (from wait4's rusage: the largest of the child's own and any of
            its children's, so a build's is Pagefind's when Pagefind's is larger), and of
            the `mkdocs build` process on its own (its VmHWM, read every half second);
- Pagefind: the seconds and peak RSS of the build's Pagefind pass, as the plugin logs
            them (its own process's high-water mark, read while it runs: its rusage
            would count the memory of the build that started it);
- largest page: the largest generated Markdown page, which must not grow with N;
- reload:   `mkdocs serve --dirty`, time from writing one edited annotation to the
            rebuilt pages on disk (the source's page and a claim page it backs), file
            watcher included, for a source-title edit and a quote-stance edit;
- reference: a fixed loop of pure Python, timed before each size's builds, before its
            reloads and at its end. This machine's speed varies with its host's load
            (the loop took 0.65 s in steady hours and up to 1.8 s in slow spells); the
            loop shows the heavy spells, not every swing of the builds' speed, so the
            baseline of the same run stays the yardstick.

Each run of a pair being compared is made next to the other (first build, second build,
baseline; serve start without and with the cache), so a drift in the machine's speed
falls on both; the ratios are taken per pair and given as their median and range.

Each size's build rows are printed (and written to --json) before its reloads start, the
waits for the server are sized from the builds just measured, and a measurement of the
server that fails is reported as failed without losing the rows already measured. It
prints tables at the end; docs/performance.md keeps the results with the machine they
were measured on.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing.sitesearch import high_water

from .corpus import generate, write

REPO = Path(__file__).resolve().parent.parent
# Seconds between an undo's pages appearing and the next edit. The server collects garbage
# once idle for 2 s (`session.IdleCollector`), 0.6-0.9 s at 1,000 sources: an edit is timed
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


# The folder beside mkdocs.yml where the plugin keeps what a later build may reuse.
CACHE = ".cache"


class Failed(Exception):
    """A measurement of the server that did not finish: reported, the run goes on."""


@dataclass
class Row:
    n: int
    pages: int = 0
    pipeline: list[float] = field(default_factory=list)
    build: list[float] = field(default_factory=list)  # the first build, from no cache
    rebuild: list[float] = field(default_factory=list)  # the second, unchanged corpus
    baseline: list[float] = field(default_factory=list)
    serve_cold: list[float] = field(default_factory=list)  # serve start, no cache
    serve_warm: list[float] = field(default_factory=list)  # serve start, cache kept
    rss: dict[str, float] = field(default_factory=dict)  # MB, the largest seen per kind
    pagefind: list[float] = field(default_factory=list)  # s, the first build's Pagefind pass
    reload: dict[str, list[float]] = field(default_factory=dict)  # edit kind -> s
    largest: tuple[int, str] = (0, "")  # bytes and path of the largest generated page
    # s: before the builds, before the reloads (if measured), after the last measurement
    reference: list[float] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # measurement -> why it failed

    def server_wait(self) -> float:
        """Seconds to wait for the server to serve, or for a rebuild to show: a first
        serve build is a whole build, so the time is sized from the slowest build of this
        size just measured, with room for a machine slowing down meanwhile."""
        return 60 + 3 * max([*self.build, *self.rebuild, *self.baseline], default=60)


def reference_loop() -> float:
    """Seconds for ten million additions at a module's top level in a fresh Python, the
    best of three: how fast the machine runs Python right now (a slow spell shows as every
    try slow). The same loop has been timed on this machine since the first results."""
    return min(float(subprocess.run([PYTHON, "-c", _REFERENCE], capture_output=True,
                                    text=True, check=True).stdout) for _ in range(3))


@dataclass(frozen=True)
class Measured:
    """One child process: wall seconds, peak RSS in MB from wait4 (the largest of its own
    and its children's), its own peak as last read from /proc (VmHWM), and its output."""

    seconds: float
    rss: float
    own_rss: float
    stdout: str
    stderr: str


def run_measured(args: list[str], cwd: Path) -> Measured:
    """Run one child process and measure it (`Measured`); exits with its output if it
    fails. Its own peak is read every half second while it runs: the high-water mark only
    grows, so only a rise in its last half second can be missed."""
    out_path = cwd / ".bench-stdout"
    err_path = cwd / ".bench-stderr"
    own = 0.0
    with open(out_path, "w") as out, open(err_path, "w") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=err)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            own = max(own, high_water(proc.pid))
            time.sleep(0.5)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = out_path.read_text(), err_path.read_text()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark step failed ({' '.join(args)}):\n{stdout}\n"
                         f"{stderr[-4000:]}")
    return Measured(seconds, usage.ru_maxrss / 1024, own, stdout, stderr)


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


def answers_ctrl_c() -> None:
    """In the child, before it runs: Ctrl-C (SIGINT) stops it. A shell without job control
    starts a command run in the background (`cmd &`, as a CI runner may run this) with
    SIGINT ignored, and its children inherit that: each server then ran out the 30 s wait
    below before it was killed."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextlib.contextmanager
def server(project: Path, args: list[str], timeout: float) -> Iterator[tuple[str, Path]]:
    """A `mkdocs serve` started in a temporary folder of its own, once it serves a page:
    its base URL and the folder it builds into. Fails (not exits) if it does not come up
    within `timeout` seconds; stopped with Ctrl-C, as a person stops it."""
    port = free_port()
    scratch = Path(tempfile.mkdtemp(prefix="briefing-serve-"))
    process = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", *args, "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(scratch)}, preexec_fn=answers_ctrl_c)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while not fetch(f"{base}/sources/"):
            if process.poll() is not None:
                raise Failed(f"mkdocs serve exited with {process.returncode}")
            if time.monotonic() > deadline:
                raise Failed(f"mkdocs serve did not come up within {timeout:.0f} s")
            time.sleep(0.02)
        (site,) = scratch.glob("mkdocs_*")  # MkDocs serves from a temporary folder
        yield base, site
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(scratch, ignore_errors=True)


def serve_start(project: Path, timeout: float) -> float:
    """Seconds from starting a new `mkdocs serve` to its first page served: its first
    build, whole, plus starting Python and MkDocs."""
    start = time.perf_counter()
    with server(project, [], timeout):
        return time.perf_counter() - start


def measure_reload(project: Path, edits: int, timeout: float, settle: float = 0.0
                   ) -> dict[str, list[float]]:
    """Seconds from writing an edited source annotation to the rebuilt pages on disk (the
    source's own page and the page of a claim one of its quotes backs), for each kind of
    edit (see `edited`), the first edit `settle` seconds after the server came up. The
    pages are read from the folder the server builds into, found through a temporary
    folder of its own: asking the server for them many times a second would take time
    from the rebuild being measured."""
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
                raise Failed(f"the {'edit' if changed else 'undo'} did not show within "
                             f"{timeout:.0f} s")
            time.sleep(0.005)

    with server(project, ["--dirty"], timeout) as (base, site):
        # The folder read is the one served: a page's head is the same in both (the
        # server adds its live-reload script at the end).
        served, written = fetch(f"{base}/sources/"), read(site / "sources" / "index.html")
        if not written or served[:2000] != written[:2000]:
            raise Failed(f"{site} does not hold the pages served")
        # A session over a `mkdocs build`'s cache cuts the pages it took whole while idle
        # (`session.IdleCutter`); given time, the edits meet a session that has.
        time.sleep(settle)
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
                # last rebuild has finished (it may still be writing other pages when
                # its watched pages are done).
                time.sleep(PAUSE_BETWEEN_EDITS)
                watched = {page: read(page) for page in pages}
                start = time.perf_counter()
                path.write_text(edited(kind, text, edit), encoding="utf-8")
                try:
                    wait(watched, True, start)
                    latencies[kind].append(time.perf_counter() - start)
                finally:  # the corpus is left as it was, even when the wait fails
                    path.write_text(text, encoding="utf-8")
                # Time the next edit from a quiet server: wait until the undo is built.
                wait(watched, False, time.perf_counter())
    return latencies


def clear_cache(project: Path) -> None:
    shutil.rmtree(project / CACHE, ignore_errors=True)


# The plugin's line after Pagefind's pass (`mkdocs build` logs it at INFO).
PAGEFIND_LOGGED = re.compile(r"Pagefind indexed \d+ pages for search in ([\d.]+) s, "
                             r"peak memory (\d+) MB")


def mkdocs_build(row: Row, kind: str, folder: Path) -> None:
    """One `mkdocs build`, not quiet: its INFO lines (a handful) carry the Pagefind pass."""
    site = folder / "site"
    shutil.rmtree(site, ignore_errors=True)
    done = run_measured([PYTHON, "-m", "mkdocs", "build", "-d", str(site)], folder)
    getattr(row, kind).append(done.seconds)
    row.rss[kind] = max(row.rss.get(kind, 0), done.rss)
    row.rss[f"{kind} own"] = max(row.rss.get(f"{kind} own", 0), done.own_rss)
    found = PAGEFIND_LOGGED.search(done.stderr)
    if found:
        if kind == "build":
            row.pagefind.append(float(found.group(1)))
        row.rss["pagefind"] = max(row.rss.get("pagefind", 0), float(found.group(2)))


def measure_builds(row: Row, project: Path, baseline: Path, serve_starts: bool) -> None:
    """One run of each build, next to each other: the pipeline, the first build from no
    cache, the second with its cache, the baseline; then two serve starts, without and
    with a cache."""
    done = run_measured([PYTHON, "-c", _PIPELINE, "content"], project)
    result = json.loads(done.stdout)
    if result["failed"]:
        raise SystemExit(f"the pipeline reported errors at N={row.n}")
    row.pipeline.append(result["seconds"])
    row.rss["pipeline"] = max(row.rss.get("pipeline", 0), done.rss)
    clear_cache(project)
    mkdocs_build(row, "build", project)
    mkdocs_build(row, "rebuild", project)
    mkdocs_build(row, "baseline", baseline)
    if serve_starts and "serve start" not in row.failed:
        try:
            clear_cache(project)
            cold = serve_start(project, row.server_wait())
            warm = serve_start(project, row.server_wait())
        except Failed as failure:
            row.failed["serve start"] = str(failure)
        else:
            row.serve_cold.append(cold)
            row.serve_warm.append(warm)


def bench(n: int, root: Path, options: argparse.Namespace, report: Callable[[Row, str], None]
          ) -> Row:
    project, baseline, pages = prepare(root, n, options.seed)
    row = Row(n, pages, largest=largest_page(baseline / "docs"), reference=[reference_loop()])
    for _ in range(options.repeat):
        measure_builds(row, project, baseline, not options.no_serve_start)
    report(row, "the builds")  # out before the reloads start
    if options.reload_edits:
        row.reference.append(reference_loop())
        try:
            row.reload = measure_reload(project, options.reload_edits, row.server_wait(),
                                        options.settle)
        except Failed as failure:
            row.failed["reload"] = str(failure)
    row.reference.append(reference_loop())
    return row


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def table(rows: list[Row]) -> str:
    head = ("| sources | pages | pipeline s | `mkdocs build` s | baseline s | build / baseline"
            " | pipeline / baseline | build ms per source | peak RSS build MB"
            " | peak RSS baseline MB | reload s, title edit (median, max)"
            " | reload s, stance edit (median, max) | largest page KB"
            " | reference loop s (start, [reload,] end) | peak RSS mkdocs process alone MB"
            " | Pagefind s | peak RSS Pagefind MB |")
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for row in rows:
        pipe, build, base = median(row.pipeline), median(row.build), median(row.baseline)
        reload = " | ".join(
            f"{median(row.reload[kind]):.2f}, {max(row.reload[kind]):.2f}"
            if row.reload.get(kind) else "failed" if "reload" in row.failed
            else "not measured" for kind in ("title", "stance"))
        lines.append(
            f"| {row.n:,} | {row.pages:,} | {pipe:.2f} | {build:.2f} | {base:.2f} "
            f"| {build / base:.2f} | {pipe / base:.2f} | {1000 * build / row.n:.2f} "
            f"| {row.rss.get('build', 0):.0f} | {row.rss.get('baseline', 0):.0f} "
            f"| {reload} | {row.largest[0] / 1024:,.0f} (`{row.largest[1]}`) "
            f"| {', '.join(f'{value:.2f}' for value in row.reference)} "
            f"| {row.rss.get('build own', 0):.0f} | {timing(row.pagefind)} "
            f"| {row.rss.get('pagefind', 0):.0f} |")
    return "\n".join(lines)


def spread(numerators: list[float], denominators: list[float]) -> str:
    """The ratios of runs made side by side: their median and range."""
    ratios = [a / b for a, b in zip(numerators, denominators, strict=True)]
    if not ratios:
        return "not measured"
    return f"{median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"


def timing(values: list[float]) -> str:
    return (f"{median(values):.2f} ({min(values):.2f}-{max(values):.2f})" if values
            else "not measured")


def ratios(rows: list[Row]) -> str:
    """The targets as ratios of runs made side by side, each the median (range) of the
    per-run ratios."""
    head = ("| sources | build / plain MkDocs (target ≤ 1.25) | second build / first"
            " (target ≤ 0.30) | serve start with cache / without (target ≤ 0.30)"
            " | first build s | second build s | serve start s, no cache"
            " | serve start s, with cache | Pagefind's share of the first build |")
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for row in rows:
        serve = (spread(row.serve_warm, row.serve_cold) if "serve start" not in row.failed
                 else f"failed: {row.failed['serve start']}")
        # a build that logged no Pagefind pass (a theme without it) has no share
        share = (spread(row.pagefind, row.build) if len(row.pagefind) == len(row.build)
                 else "not measured")
        lines.append(
            f"| {row.n:,} | {spread(row.build, row.baseline)} "
            f"| {spread(row.rebuild, row.build)} | {serve} | {timing(row.build)} "
            f"| {timing(row.rebuild)} | {timing(row.serve_cold)} "
            f"| {timing(row.serve_warm)} | {share} |")
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
    parser.add_argument("--settle", type=float, default=0.0,
                        help="seconds the `mkdocs serve --dirty` session is left idle "
                             "before the reload edits (it cuts the pages the builds' "
                             "cache holds whole meanwhile; 0: edits start at once)")
    parser.add_argument("--no-serve-start", action="store_true",
                        help="do not time cold `mkdocs serve` starts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/briefing-bench"))
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    options = parser.parse_args(argv)
    rows: list[Row] = []

    def report(row: Row, stage: str) -> None:
        """Print a size's rows as soon as they are measured, and save every result so far:
        a run that fails later keeps them."""
        print(f"\n{row.n:,} sources, {stage}:")
        print(table([row]), ratios([row]), sep="\n\n", flush=True)
        if options.json:
            done = [r for r in rows if r is not row]
            options.json.write_text(json.dumps([r.__dict__ for r in [*done, row]], indent=1))

    print(machine(), flush=True)
    for n in (int(s) for s in options.sizes.split(",")):
        rows.append(bench(n, options.workdir / str(n), options, report))
        report(rows[-1], "all measured")
    print()
    print(table(rows))
    print()
    print(ratios(rows))
    for row in rows:  # each edit's reload, in the order made: which edits were slow
        for kind, values in row.reload.items():
            print(f"reload s at {row.n:,} sources, {kind} edits"
                  f"{f' (after {options.settle:.0f} s idle)' if options.settle else ''}: "
                  + " ".join(f"{value:.2f}" for value in values))
        for measurement, why in row.failed.items():
            print(f"{measurement} at {row.n:,} sources failed: {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
