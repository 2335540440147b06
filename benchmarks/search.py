"""Search at scale: Pagefind (the published site's search) against MkDocs' search (lunr).

For each corpus size, the benchmark corpus is built twice with `mkdocs build`: as
published (Pagefind), and with the theme's `pagefind: false` (MkDocs' search, as before).
Measured: the build's wall time and peak memory, Pagefind's own indexing time (from the
plugin's log), the size of each index on disk; then, in headless Chromium with an empty
cache, on a brief page: the bytes fetched for search (every response under `pagefind/` or
`search/`, as sent over the network, from Chrome's own count), and the time from the start
of navigation to the first result for a typical query, typed as soon as the box shows. The
query is the name of the corpus's first chip, like "H800" in the seed corpus.

    .venv/bin/python -m benchmarks.search --sizes 100,1000 --workdir /tmp/search-bench

(`--sizes 10000 --engines pagefind` for the largest corpus: MkDocs' search there needs a
90 MB index in the browser.)

Results go to docs/performance.md (Search) by hand; the machine is described there.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from .corpus import generate, write

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CHROMIUM = os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium")
LOGGED = re.compile(r"Pagefind indexed (\d+) pages for search in ([\d.]+) s")


def project(root: Path, n: int, *, pagefind: bool) -> Path:
    """The benchmark corpus of `n` sources as a project; the same content either way."""
    folder = root / ("pagefind" if pagefind else "lunr")
    shutil.rmtree(folder, ignore_errors=True)
    write(folder / "content", generate(n))
    shutil.copytree(REPO / "tests" / "fixtures" / "seed-content" / "pages",
                    folder / "content" / "pages")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if not pagefind:
        text = text.replace("theme:\n  name: briefing\n",
                            "theme:\n  name: briefing\n  pagefind: false\n")
        assert "pagefind: false" in text, "the repository's mkdocs.yml names its theme otherwise"
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    return folder


def build(folder: Path) -> dict[str, float]:
    """`mkdocs build` from no cache: wall seconds, peak memory (MB, the build and Pagefind,
    which it waits for), and Pagefind's indexing time and page count when it ran."""
    log = folder / ".build-log"
    with open(log, "w") as err_file:
        start = time.perf_counter()
        proc = subprocess.Popen([PYTHON, "-m", "mkdocs", "build", "-d", "site"], cwd=folder,
                                stdout=subprocess.DEVNULL, stderr=err_file)
        _, status, usage = os.wait4(proc.pid, 0)  # its own rusage, Pagefind's included
        seconds = time.perf_counter() - start
    err = log.read_text(encoding="utf-8")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"mkdocs build failed in {folder}:\n{err[-4000:]}")
    peak = usage.ru_maxrss / 1024
    found = LOGGED.search(err)
    return {"build_s": seconds, "peak_mb": peak,
            "index_s": float(found.group(2)) if found else 0.0,
            "indexed": float(found.group(1)) if found else 0.0}


def pagefind_alone(site: Path) -> dict[str, float]:
    """Pagefind run again on the built site, as the plugin runs it (it rewrites the same
    index): its seconds and its own process's peak memory (MB)."""
    from briefing.sitesearch import index_site
    done = index_site(site)
    return {"pagefind_alone_s": done.seconds, "pagefind_peak_mb": done.peak_mb or 0.0}


def size(path: Path) -> tuple[int, int]:
    """Bytes and files under `path` (or of the file)."""
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    return sum(p.stat().st_size for p in files), len(files)


def chip_name(folder: Path) -> str:
    first = sorted((folder / "content" / "entities").glob("*.yml"))[0]
    entities = yaml.safe_load(first.read_text("utf-8"))
    return str(next(e["name"] for e in entities["entities"] if e["kind"] == "chip"))


class Counted(SimpleHTTPRequestHandler):
    """Serves the site and records each file sent with its size: the browser's own count
    misses what a page's workers fetch (both searches fetch their index from one)."""

    sent: list[tuple[str, int]] = []  # noqa: RUF012 - one server at a time

    def do_GET(self) -> None:
        super().do_GET()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            Counted.sent.append((self.path, path.stat().st_size))

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(Counted, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def query(browser: object, url: str, words: str, results: str) -> dict[str, float]:
    """Open `url` with an empty cache, type `words` once the box shows, wait for the first
    result; the bytes fetched for search (under `pagefind/` or `search/`), all bytes, and
    the seconds from navigation to that result."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    Counted.sent = []
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    box = page.locator("input[type=search]")
    box.wait_for(state="visible", timeout=600_000)
    box.fill(words)
    page.locator(results).first.wait_for(state="visible", timeout=600_000)
    first = time.perf_counter() - start
    page.wait_for_load_state("networkidle", timeout=600_000)
    search = sum(n for path, n in Counted.sent if re.match(r"/(pagefind|search)/", path))
    heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
    context.close()
    return {"first_result_s": first, "search_bytes": search,
            "all_bytes": sum(n for _, n in Counted.sent), "js_heap_mb": heap / 2**20}


def brief_url(site: Path, base: str) -> str:
    brief = sorted((site / "briefs").glob("*/index.html"))[0].parent.name
    return f"{base}briefs/{brief}/"


def bench(n: int, root: Path, browser: object, engines: list[str]
          ) -> dict[str, dict[str, float]]:
    row: dict[str, dict[str, float]] = {}
    for pagefind in (engine == "pagefind" for engine in engines):
        folder = project(root / str(n), n, pagefind=pagefind)
        measured = build(folder)
        site = folder / "site"
        index = site / "pagefind" if pagefind else site / "search" / "search_index.json"
        measured["index_bytes"], measured["index_files"] = size(index)
        if pagefind:
            measured.update(pagefind_alone(site))
        words = chip_name(folder)
        with served(site) as base:
            measured.update(query(browser, brief_url(site, base), words,
                                  "#search-results article" if pagefind
                                  else "#mkdocs-search-results article"))
        row["pagefind" if pagefind else "lunr"] = measured
        print(f"N={n} {'pagefind' if pagefind else 'lunr'} query={words!r}: "
              + ", ".join(f"{k}={v:,.2f}" for k, v in measured.items()), flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated")
    parser.add_argument("--workdir", type=Path, required=True, help="a scratch folder")
    parser.add_argument("--engines", default="pagefind,lunr",
                        help="which searches to build and measure (pagefind, lunr)")
    options = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu",
                                          "--enable-precise-memory-info"])
        for n in (int(s) for s in options.sizes.split(",")):
            bench(n, options.workdir, browser, options.engines.split(","))
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
