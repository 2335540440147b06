"""The published site's search index: Pagefind run over a finished site folder.

MkDocs' search plugin writes one index that every page loads whole before it can answer
(221 KB for four sources, 9 MB at 1,000). Pagefind splits its index into chunks and each
page's text into a fragment, so a query fetches only the chunks for its words and the
fragments of the results it shows. It runs over the written HTML, after every page is
written and before the site is swapped in (`emit.Staged`), so a failed index fails the
build and leaves the previous site in place. The pages are sent to Pagefind's service one
at a time (`_index`), not named to its command line, which parses every page at once.

What is indexed is marked in the pages (`role`, written by the theme): a brief page and a
hand-written page whole; a source's page by its title, its date and outlet and the
passages quoted from it, not its whole text, which is most of a large corpus's words and
what no claim rests on (Pagefind holds every indexed word in memory while it runs); a
claim's page by its own text, not the sources and passages of its evidence, which their
sources' pages hold (each passage is indexed once, where it is written);
an entity's or a metric's first page by its title only, since its listing repeats text
those pages hold; gathering pages (home, indexes, figures, timeline, coverage, map) not at
all. Within an indexed page, the repeated labels of tables and rows are left out
(`EXCLUDED`).
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import ctypes.util
import gzip
import hashlib
import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from . import cbor

# The folder the theme loads `pagefind.js` from, at the site's root.
FOLDER = "pagefind"

# Repeated on many pages and searched for by no one: table headers, the label of a
# source's kind under each row, "inferred" marks, status and stance tags (status is a
# filter instead), a claim's verdict panel (its status and counts), the pager's "Page 2
# of 5", navigation within the page (a brief's section list, heading permalinks), and
# whatever is hidden from screen readers as decoration (a table cell's column name), and
# a brief's citation numbers (its excerpts read "... Elon Musk. 1 2 Claims: ...").
EXCLUDED = ("thead", ".source-label", ".date-inferred", ".status", ".stance", ".verdict",
            ".pager", "nav", ".permalink", '[aria-hidden="true"]', "a.cite",
            # a page indexed by its title only (`Role.scope`), as the theme marks it
            '[data-search-scope="title"] > :not(h1)',
            # a source's page by its title, its line of date and outlet and its table of
            # quoted passages (`source.md.j2`): not its text, notes or list of briefs;
            # of the table, the passage and its speaker, not the claims and briefs that
            # cite it (their own pages hold those)
            '[data-search-scope="quotes"] > :not(h1):not(.meta):not(#quotes):not(table)',
            '[data-search-scope="quotes"] td:nth-child(n+3)',
            # a claim's page by its own text: not its evidence's sources and passages,
            # found on the sources' pages (a passage where it is written)
            '[data-search-scope="claim"] td > a[href*="sources/"]',
            '[data-search-scope="claim"] td > time')

# The kind of page each generated folder holds, as readers filter by it.
TYPES = (("briefs", "Brief"), ("claims", "Claim"), ("sources", "Source"),
         ("entities", "Entity"), ("figures", "Figure"), ("topics", "Topic"))
SCOPES = (("Brief", "page"), ("Claim", "claim"), ("Source", "quotes"))  # else "title"


@dataclass(frozen=True)
class Role:
    """How a page is indexed: `scope` "page" (its body), "title" (its first heading
    only), "quotes" (a source's title, date and quoted passages) or "claim" (a claim's
    page without its evidence's sources and passages), and its `type` filter value."""

    scope: str
    type: str


def role(src_uri: str, *, generated: bool) -> Role | None:
    """How the page at `src_uri` (relative to the docs folder) is indexed, or None when it
    is not: a later page of a paged listing, an index or a gathering page."""
    if not generated:
        return Role("page", "Page")
    parts = src_uri.split("/")
    if len(parts) != 2 or parts[1] == "index.md":
        return None
    kind = dict(TYPES).get(parts[0])
    if kind is None:
        return None
    return Role(dict(SCOPES).get(kind, "title"), kind)


class SearchIndexFault(Exception):
    """Pagefind could not index the site: the message says why and what to do."""


@dataclass(frozen=True)
class Indexed:
    """What a Pagefind run did: pages indexed, its seconds and its own process's peak
    resident memory in MB (None where the system does not say)."""

    pages: int
    seconds: float
    peak_mb: float | None


def binary() -> Path | None:
    """Pagefind's executable, or None. The extended one where `pagefind-bin-extended` is
    installed (it also splits Chinese and Japanese into words, for a site whose language
    is one of them: docs/reading.md, "The site's language"), else `pagefind-bin`'s. The
    extended one must be the version of `pagefind-bin`, which this version of Briefing
    holds to: the index's bytes follow the version."""
    try:
        from pagefind_bin_extended import (  # type: ignore[import-not-found,import-untyped,unused-ignore]
            get_executable as extended,
        )
    except ImportError:
        extended = None
    if extended is not None:
        wanted, found = _version("pagefind-bin"), _version("pagefind-bin-extended")
        if wanted != found:
            raise SearchIndexFault(
                f"pagefind-bin-extended {found} is installed beside pagefind-bin {wanted}: "
                f"install pagefind-bin-extended=={wanted}, or uninstall it")
        return _executable(extended)
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        return None
    return _executable(get_executable)


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _executable(get: Callable[[], object]) -> Path | None:
    try:
        return Path(str(get()))
    except FileNotFoundError:
        return None


def index_site(site: Path, executable: Path | None = None) -> Indexed:
    """Write Pagefind's index of the HTML under `site` to `site/pagefind`. It is written
    to a hidden folder first and renamed into place, so a failure leaves no half-written
    index (and no index of the site at all: the caller fails the build)."""
    executable = executable or binary()
    if executable is None:
        raise SearchIndexFault(
            "Pagefind is not installed, so the site cannot be given its search index: "
            "install the `pagefind-bin` package (it comes with mkdocs-briefing)")
    site = site.resolve()
    new = site / f".{FOLDER}.new-{os.getpid()}"
    start = time.perf_counter()
    try:
        pages, peak_mb = _index(executable, site, new)
        if not new.is_dir():
            raise SearchIndexFault(f"Pagefind wrote no index of {site}")
        settle(new)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    _replace(new, site / FOLDER)
    return Indexed(pages, time.perf_counter() - start, peak_mb)


# Pagefind's allocator (jemalloc, its settings read from this variable) keeps freed memory
# for up to ten seconds before handing it back, and one arena per thread: with both off,
# its peak at 10,000 sources fell from 1,616 to 1,293 MB while the build's process stays
# beside it, and the index is byte for byte the same. A setting of the caller's own wins.
ALLOCATOR = ("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0,narenas:1")

# The attribute the theme marks an indexed page's body with. Pagefind leaves out every
# page without it once any page has it, so only those pages need be sent.
_BODY = b"data-pagefind-body"
# The opening tag of the marked element.
_BODY_TAG = re.compile(rb"<(\w+)\s[^>]*\bdata-pagefind-body\b[^>]*>")


def _index(executable: Path, site: Path, out: Path) -> tuple[int, float | None]:
    """Index the site's pages through Pagefind's service, one page at a time: its command
    line parses every file of the site at once, and its memory grew with the number of
    pages (3 GB at 10,000 sources). One at a time also numbers the pages in the order
    sent, the order of their paths, so the same site gives the same index. Returns the
    pages indexed and the service's peak memory in MB."""
    return_free_memory()
    with tempfile.TemporaryFile() as err:
        try:
            process = subprocess.Popen([str(executable), "--service"], cwd=site,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=err, env={ALLOCATOR[0]: ALLOCATOR[1], **os.environ})
        except OSError as exc:
            raise SearchIndexFault(f"Pagefind could not be run ({executable}): {exc}") from exc
        service = _Service(process)
        try:
            pages = _send_site(service, site, out)
        except (OSError, _Ended) as exc:
            process.kill()
            status = process.wait()
            err.seek(0)
            said = err.read().decode("utf-8", errors="replace").strip().splitlines()[-12:]
            raise SearchIndexFault(f"Pagefind failed (exit status {status}) on {site}:\n"
                                   + "\n".join(said or [str(exc)])) from exc
        finally:
            service.close()
    return pages, service.peak or None


def _send_site(service: _Service, site: Path, out: Path) -> int:
    """Send every indexed page of the site, then ask for the index in `out`."""
    index = service.ask({"type": "NewIndex", "config": {"exclude_selectors": list(EXCLUDED)}})
    number = index["index_id"]
    unmarked, pages = [], 0
    for path in _pages(site):
        html = path.read_bytes()
        if _BODY not in html:
            unmarked.append(path)
            continue
        service.ask(_page(number, site, path, _sent(html)))
        pages += 1
    if not pages:  # no page marked: Pagefind indexes every page whole
        for path in unmarked:
            service.ask(_page(number, site, path, path.read_bytes()))
            pages += 1
    _save(service.ask({"type": "GetFiles", "index_id": number}), out)
    return pages


def _save(answer: dict[str, Any], out: Path) -> None:
    """Write the index files the service sent into `out`. The service is asked for them
    rather than told to write them: it answers that it wrote its files before they are
    all on disk, and a service that then exits leaves some empty."""
    for file in answer["files"]:
        path = (out / file["path"]).resolve()
        if not path.is_relative_to(out.resolve()):
            raise SearchIndexFault(f"Pagefind sent a file outside its folder: {file['path']}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(file["content"]))


def _pages(site: Path) -> list[Path]:
    """The site's HTML files in the order of their paths, outside hidden folders and the
    index itself."""
    return sorted((path for path in site.rglob("*.html")
                   if not any(part.startswith(".") or part == FOLDER
                              for part in path.relative_to(site).parts[:-1])),
                  key=lambda path: path.relative_to(site).as_posix())


def _sent(html: bytes) -> bytes:
    """What Pagefind is sent of a marked page: all of it, but for a page indexed by its
    title only (`Role.scope` "title"), whose body ends after its title. Pagefind indexes
    nothing after it, but holds every element there with an id as an anchor of the page:
    the headings of an entity's listing were 125,000 of the 240,000 anchors at 10,000
    sources, and its peak fell by 60 MB without them, the index finding the same. Sent
    whole if what follows the title holds what Pagefind reads outside the indexed text (its
    own attributes, an image)."""
    opening = _BODY_TAG.search(html)
    if opening is None or b'data-search-scope="title"' not in opening.group(0):
        return html
    title = html.find(b"</h1>", opening.end())
    body_end = html.rfind(b"</" + opening.group(1) + b">")
    if title < 0 or body_end < title:
        return html
    title_end = title + len(b"</h1>")
    rest = html[title_end:body_end]
    if b"data-pagefind-" in rest or b"<img" in rest:
        return html
    return html[:title_end] + html[body_end:]


def _page(index: int, site: Path, path: Path, html: bytes) -> dict[str, Any]:
    """A page for the service, at the address Pagefind's command line gives it: a
    folder's `index.html` by the folder's address."""
    url = "/" + path.relative_to(site).as_posix()
    if url.endswith("/index.html"):
        url = url.removesuffix("index.html")
    return {"type": "AddFile", "index_id": index, "file_path": None, "url": url,
            "file_contents": html.decode("utf-8", errors="replace")}


class _Ended(Exception):
    """Pagefind's service stopped answering (it exited)."""


class _Service:
    """Pagefind run as a service: requests are base64-encoded JSON, each ended by a comma,
    on its input, answered the same way on its output. A thread reads the answers, so the
    service never blocks writing one while this side writes a page. Its peak memory is
    sampled while each answer is awaited (`high_water`)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.asked = 0
        self.peak = 0.0
        threading.Thread(target=self._read, daemon=True).start()

    def ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.asked += 1
        message = json.dumps({"message_id": self.asked, "payload": payload})
        self.process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
        self.process.stdin.flush()
        while True:
            self.peak = max(self.peak, high_water(self.process.pid))
            try:
                answer = self.answers.get(timeout=0.1)
            except queue.Empty:
                continue
            if answer is None:
                raise _Ended("Pagefind's service ended without answering")
            said = answer.get("payload", {})
            if said.get("type") == "Error":
                raise SearchIndexFault(f"Pagefind could not index {payload.get('url', 'the site')}"
                                       f": {said.get('message')}")
            if answer.get("message_id") == self.asked:
                return dict(said)

    def _read(self) -> None:
        assert self.process.stdout is not None
        pending = b""
        try:
            while chunk := os.read(self.process.stdout.fileno(), 1 << 16):
                *answers, pending = (pending + chunk).split(b",")
                for answer in answers:
                    self.answers.put(json.loads(base64.b64decode(answer)))
        except ValueError as exc:  # not base64, or not JSON: the build must not wait on
            self.answers.put({"payload": {"type": "Error",  # an answer never coming
                                          "message": f"an answer it could not read ({exc})"}})
        finally:
            self.answers.put(None)

    def close(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            with contextlib.suppress(OSError):  # it has exited: its status is read below
                self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def return_free_memory() -> None:
    """Hand the heap this process has freed back to the system (glibc's `malloc_trim`;
    elsewhere nothing), as Pagefind is about to run beside it. The pages are written by
    then, but the C library keeps what they freed: at 10,000 sources the build's process
    held 1,833 MB, 1,024 MB once trimmed, while Pagefind peaked at 1,475 MB beside it."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return
    trim = getattr(libc, "malloc_trim", None)
    if trim is not None:
        trim(0)


def high_water(pid: int) -> float:
    """The peak resident memory in MB of a running process so far (Linux's VmHWM), or 0
    when it is not known (the process has ended, or no /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return 0.0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else 0.0


def _replace(new: Path, target: Path) -> None:
    old = target.with_name(f".{FOLDER}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


# Pagefind's index files: gzipped, a signature, then one CBOR item.
_SIGNATURE = b"pagefind_dcd"


def settle(out: Path) -> None:
    """Make Pagefind's output in `out` the same bytes for the same site. Pagefind writes
    each filter's values in the order of a hash map seeded at random on every run, and
    names the filter files, then the metadata file that lists them, by their content
    hashes: the values are sorted here, and those files renamed by the same rule (a hash
    of their content: the names are only addresses, which the entry file and the
    metadata give the script). Everything else Pagefind writes is already the same."""
    entry_file = out / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language, about in entry["languages"].items():
        meta_file = out / f"pagefind.{about['hash']}.pf_meta"
        meta = _read(meta_file)
        if not (isinstance(meta, list) and len(meta) > 3 and isinstance(meta[3], list)):
            raise _unknown(meta_file)
        filters = []
        for name, old in sorted(meta[3]):
            path = out / "filter" / f"{old}.pf_filter"
            values = _read(path)
            if not (isinstance(values, list) and len(values) == 2 and values[0] == name):
                raise _unknown(path)
            values[1].sort(key=lambda pair: pair[0])
            filters.append([name, _write(out / "filter", path, values, f"{language}_", 7)])
        meta[3] = filters
        about["hash"] = _write(out, meta_file, meta, f"{language}_", 10)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    body = raw[len(_SIGNATURE):]
    try:
        value = cbor.loads(body)
    except cbor.CborError as exc:
        raise _unknown(path) from exc
    if not raw.startswith(_SIGNATURE) or cbor.dumps(value) != body:
        raise _unknown(path)
    return value


def _write(folder: Path, old: Path, value: Any, prefix: str, digits: int) -> str:
    """Replace `old` with `value`, named by `prefix` and a hash of its content, kept in
    the name's form (`pagefind.en_0123456789.pf_meta`, `en_0123456.pf_filter`)."""
    body = cbor.dumps(value)
    name = prefix + hashlib.sha256(body).hexdigest()[:digits]
    before, _, after = old.name.partition(prefix)
    old.unlink()
    (folder / (before + name + after[digits:])).write_bytes(
        gzip.compress(_SIGNATURE + body, mtime=0))
    return name


def _unknown(path: Path) -> SearchIndexFault:
    return SearchIndexFault(f"Pagefind wrote {path.name} in a form this version of "
                            "Briefing does not know: install the Pagefind version "
                            "mkdocs-briefing requires (`pagefind-bin`)")
