"""`mkdocs serve` on a throwaway copy of the project, for the serve tests and the browser
tests of the Problems page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path

from corpus_helpers import seed_project


class StaticServer(ThreadingHTTPServer):
    """A built site over HTTP for the browser, quiet about a page the browser leaves before
    it has all of it (the next test's navigation drops the connection: not a fault)."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


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
def served(tmp_path: Path, *options: str, prepare: Callable[[Path], None] | None = None,
           ready: str = "/claims/", env: dict[str, str] | None = None,
           ) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    """`mkdocs serve` on a copy of the project (the tests edit its content/, and the
    repository's own must stay untouched): the copy, the base URL and the server.
    The copy is made unless tmp_path/project exists already; `prepare` may change it
    first; the server is up once `ready` is served."""
    project = tmp_path / "project"
    if not project.exists():
        seed_project(project)
    if prepare:
        prepare(project)
    port = free_port()
    # The log goes to a file: an unread pipe fills up and stalls the server.
    log = tmp_path / "mkdocs-serve.log"
    with log.open("w", encoding="utf-8") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *options, "-f",
             str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
            cwd=project, stdout=subprocess.DEVNULL, stderr=log_file, text=True,
            env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: fetch(f"{base}{ready}") is not None, 90), \
            "mkdocs serve did not come up:\n" + log.read_text(encoding="utf-8")[-3000:]
        yield project, base, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
