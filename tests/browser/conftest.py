"""Fixtures for the browser tests: build the site once, serve it under a sub-path, drive
Debian's Chromium through Playwright, and record everything that goes wrong on a page.

These tests never skip: a missing browser or a failed build is a failure, because a green
run must mean the site was really looked at.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from corpus_helpers import seed_project
from serving import StaticServer
from sitecheck import EXPECTED_PAGE_TYPES, page_types

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "tests" / "artifacts" / "screenshots"
# The site is mounted below a prefix, as on GitHub Pages, so any link or asset that
# assumes the site root is "/" fails the tests.
SUB_PATH = "/briefing/"
CHROMIUM = os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium phones home at start-up, and on a
# closed network those connections fail noisily.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOST = "127.0.0.1"

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # reported as a failure by the `browser` fixture, not a skip
    sync_playwright = None


_SITE_KEY = pytest.StashKey[Path]()


def _build_site(config: pytest.Config) -> Path:
    """Build the site once per session with `mkdocs build --strict`; fail with its output.

    The site is the repository's, over the fixed seed corpus; BRIEFING_MKDOCS_CONFIG points
    at another mkdocs.yml (e.g. a throwaway theme sample).
    """
    if _SITE_KEY in config.stash:
        return config.stash[_SITE_KEY]
    work = Path(tempfile.mkdtemp(prefix="briefing-site-"))
    config.add_cleanup(functools.partial(shutil.rmtree, work, ignore_errors=True))
    out = work / "site"
    configured = os.environ.get("BRIEFING_MKDOCS_CONFIG")
    mkdocs_yml = (Path(configured) if configured
                  else seed_project(work / "project") / "mkdocs.yml")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(mkdocs_yml),
         "-d", str(out)],
        cwd=mkdocs_yml.parent,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict -f {mkdocs_yml} failed (exit {proc.returncode}):\n"
            f"{proc.stdout}\n{proc.stderr}",
            pytrace=False,
        )
    config.stash[_SITE_KEY] = out
    return out


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # `page_kind` runs a test once per page type of the built site. If the build fails
    # here, the expected types are used, and the `built_site` fixture reports the failure.
    if "page_kind" not in metafunc.fixturenames:
        return
    try:
        kinds = sorted(page_types(_build_site(metafunc.config)))
    except pytest.fail.Exception:
        kinds = sorted(EXPECTED_PAGE_TYPES)
    metafunc.parametrize("page_kind", kinds)


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Path:
    """The whole site, built with `mkdocs build --strict` into a temporary folder."""
    return _build_site(request.config)


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the built site at SUB_PATH only; everything outside it is a 404."""

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(SUB_PATH):
            return str(Path(self.directory) / ".no-such-file")
        return super().translate_path("/" + url_path[len(SUB_PATH) :])

    def end_headers(self) -> None:
        # Every run must see the files of this build, never a cached copy.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep pytest output readable; failures are recorded in the browser


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the served site, e.g. http://127.0.0.1:43123/briefing/."""
    handler = functools.partial(_SubPathHandler, directory=str(built_site))
    server = StaticServer((LOCAL_HOST, 0), handler)  # port 0: any free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_pages(built_site: Path, site_url: str) -> dict[str, str]:
    """Page type -> absolute URL of one page of that type."""
    return {kind: site_url + path for kind, path in page_types(built_site).items()}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if sync_playwright is None:
        pytest.fail("Playwright is not installed: pip install -e '.[test]'", pytrace=False)
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package "
            "or set BRIEFING_CHROMIUM to the browser's path",
            pytrace=False,
        )
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
        except Exception as exc:  # any launch problem is a failure with its reason
            pytest.fail(f"Chromium at {CHROMIUM} could not be launched: {exc}", pytrace=False)
        yield browser
        browser.close()


@dataclass
class Problems:
    """What went wrong while a page was open: console errors, uncaught exceptions,
    failed or 4xx/5xx requests, and requests to any host but the local server."""

    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    offsite_requests: list[str] = field(default_factory=list)

    def assert_none(self, where: str = "") -> None:
        found = [
            *(f"console error: {m}" for m in self.console_errors),
            *(f"failed request: {m}" for m in self.failed_requests),
            *(f"off-site request: {m}" for m in self.offsite_requests),
        ]
        assert not found, f"problems on {where or 'the page'}:\n  " + "\n  ".join(found)

    def clear(self) -> None:
        self.console_errors.clear()
        self.failed_requests.clear()
        self.offsite_requests.clear()


def _is_offsite(url: str) -> bool:
    parts = urlsplit(url)
    # data:, blob: and about: URLs never leave the page.
    return parts.scheme not in ("data", "blob", "about") and parts.hostname != LOCAL_HOST


@pytest.fixture(scope="session")
def _recorded() -> Problems:
    """Everything the shared tab has seen go wrong since the current test began."""
    return Problems()


@pytest.fixture(scope="session")
def _shared_tab(browser: Browser, _recorded: Problems) -> Iterator[Page]:
    """One tab for the whole session: a new context per test would cost more than the
    checks themselves. The `page` fixture resets what a test may have changed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")

    def guard(route):  # answer nothing off-site: the test must not depend on the network
        if _is_offsite(route.request.url):
            _recorded.offsite_requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    tab = context.new_page()

    def on_console(msg):
        if msg.type == "error":
            _recorded.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})")

    def on_request_failed(req):
        # Off-site ones are already recorded by guard(). A request cut off because the test
        # left the page (the favicon comes after the load event) is the test's doing; a
        # file that is not there answers 404, recorded by on_response.
        if not _is_offsite(req.url) and req.failure != "net::ERR_ABORTED":
            _recorded.failed_requests.append(f"{req.url}: {req.failure}")

    def on_response(res):
        if res.status >= 400:
            _recorded.failed_requests.append(f"{res.url}: HTTP {res.status}")

    tab.on("console", on_console)
    tab.on("pageerror", lambda exc: _recorded.console_errors.append(f"uncaught: {exc}"))
    tab.on("requestfailed", on_request_failed)
    tab.on("response", on_response)
    yield tab
    context.close()


@pytest.fixture
def problems(_recorded: Problems) -> Problems:
    """What went wrong in the shared tab during this test."""
    return _recorded


@pytest.fixture
def page(_shared_tab: Page, _recorded: Problems) -> Iterator[Page]:
    """The session's tab, blank, at 1280x900 on screen in the light scheme, recording its
    problems afresh."""
    _shared_tab.goto("about:blank")
    _shared_tab.set_viewport_size({"width": 1280, "height": 900})
    _shared_tab.emulate_media(media="screen", color_scheme="light")
    _shared_tab.mouse.move(0, 0)
    _recorded.clear()
    yield _shared_tab


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# ---- Screenshots for docs/ --------------------------------------------------------------

# BRIEFING_DOCS_SCREENSHOTS=1 makes the page-type tests also write the screenshots that
# docs/reading.md shows into docs/screenshots/ (see that page for the command).
DOCS_SCREENSHOTS = REPO / "docs" / "screenshots"


@pytest.fixture(scope="session")
def docs_screenshots() -> Path | None:
    """docs/screenshots/ when asked to refresh it, else None."""
    if os.environ.get("BRIEFING_DOCS_SCREENSHOTS", "") in ("", "0"):
        return None
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return DOCS_SCREENSHOTS
