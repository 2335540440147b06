"""`mkdocs serve` rebuilds when a file under content/ changes; with `--dirty`, only what
changed, without stale pages or a partial search index."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from corpus_helpers import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(predicate: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


@contextmanager
def served(tmp_path: Path, *options: str) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    """`mkdocs serve` on a copy of the project (the tests edit its content/, and the
    repository's own must stay untouched): the copy, the base URL and the server."""
    project = tmp_path / "project"
    for name in ("content", "theme"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *options, "-f", str(project / "mkdocs.yml"),
         "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: fetch(f"{base}/claims/") is not None, 90), \
            "mkdocs serve did not come up"
        yield project, base, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_editing_content_rebuilds_the_served_site(tmp_path: Path) -> None:
    with served(tmp_path) as (project, base, server):
        url = f"{base}/claims/"
        claims = project / "content" / "claims.yml"
        text = claims.read_text(encoding="utf-8")
        marker = "Statement edited while serving"
        edited = text.replace("statement: \"", f"statement: \"{marker}: ", 1)
        assert edited != text
        claims.write_text(edited, encoding="utf-8")
        assert wait_for(lambda: marker in (fetch(url) or ""), 60), "no rebuild after the edit"

        # A bad edit must not kill the server; fixing it brings the pages back.
        claims.write_text(edited.replace("status: ", "status: bogus-", 1), encoding="utf-8")
        time.sleep(3)
        assert server.poll() is None, "mkdocs serve exited after a bad edit"
        fixed = edited.replace(marker, "Fixed after a bad edit")
        claims.write_text(fixed, encoding="utf-8")
        assert wait_for(lambda: "Fixed after a bad edit" in (fetch(url) or ""), 60), \
            "no recovery after fixing the bad edit"


def test_dirty_serve_rebuilds_what_changed_and_keeps_search_whole(tmp_path: Path) -> None:
    with served(tmp_path, "--dirty") as (project, base, _):
        index_before = fetch(f"{base}/search/search_index.json")
        assert index_before is not None
        claims = project / "content" / "claims.yml"
        text = claims.read_text(encoding="utf-8")
        marker = "Statement edited under dirty serve"
        claims.write_text(text.replace("statement: \"", f"statement: \"{marker}: ", 1),
                          encoding="utf-8")
        assert wait_for(lambda: marker in (fetch(f"{base}/claims/") or ""), 60), \
            "no rebuild after the edit"
        # The index is written just after the pages.
        assert wait_for(lambda: marker in (fetch(f"{base}/search/search_index.json") or ""),
                        30), "the search index missed the edit"
        index_after = fetch(f"{base}/search/search_index.json")
        assert index_after is not None
        # Pages the dirty rebuild skipped are still in the search index.
        assert index_after.count('"location"') == index_before.count('"location"')
        assert "about/" in index_after
