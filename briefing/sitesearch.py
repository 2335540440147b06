"""The published site's search index: Pagefind run over a finished site folder.

MkDocs' search plugin writes one index that every page loads whole before it can answer
(221 KB for four sources, 9 MB at 1,000). Pagefind splits its index into chunks and each
page's text into a fragment, so a query fetches only the chunks for its words and the
fragments of the results it shows. It runs over the written HTML, after every page is
written and before the site is swapped in (`emit.Staged`), so a failed index fails the
build and leaves the previous site in place.

What is indexed is marked in the pages (`role`, written by the theme): a claim or brief
page and a hand-written page whole; a source's page by its title, its date and outlet and
the passages quoted from it, not its whole text, which is most of a large corpus's words
and what no claim rests on (Pagefind holds every indexed word in memory while it runs);
an entity's or a metric's first page by its title only, since its listing repeats text
those pages hold; gathering pages (home, indexes, figures, timeline, coverage, map) not at
all. Within an indexed page, the repeated labels of tables and rows are left out
(`EXCLUDED`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import cbor

# The folder the theme loads `pagefind.js` from, at the site's root.
FOLDER = "pagefind"

# Repeated on many pages and searched for by no one: table headers, the label of a
# source's kind under each row, "inferred" marks, status and stance tags (status is a
# filter instead), a claim's verdict panel (its status and counts), the pager's "Page 2
# of 5", navigation within the page (a brief's section list, heading permalinks), and
# whatever is hidden from screen readers as decoration (a table cell's column name).
EXCLUDED = ("thead", ".source-label", ".inferred", ".status", ".stance", ".verdict",
            ".pager", "nav", ".permalink", '[aria-hidden="true"]',
            # a page indexed by its title only (`Role.scope`), as the theme marks it
            '[data-search-scope="title"] > :not(h1)',
            # a source's page by its title, its line of date and outlet and its table of
            # quoted passages (`source.md.j2`): not its text, notes or list of briefs;
            # of the table, the passage and its speaker, not the claims and briefs that
            # cite it (their own pages hold those)
            '[data-search-scope="quotes"] > :not(h1):not(.meta):not(#quotes):not(table)',
            '[data-search-scope="quotes"] td:nth-child(n+3)')

# The kind of page each generated folder holds, as readers filter by it.
TYPES = (("briefs", "Brief"), ("claims", "Claim"), ("sources", "Source"),
         ("entities", "Entity"), ("figures", "Figure"))
SCOPES = (("Brief", "page"), ("Claim", "page"), ("Source", "quotes"))  # else "title"


@dataclass(frozen=True)
class Role:
    """How a page is indexed: `scope` "page" (its body), "title" (its first heading
    only) or "quotes" (a source's title, date and quoted passages), and its `type`
    filter value."""

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
    """Pagefind's executable, as the `pagefind-bin` package ships it, or None."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        return None
    try:
        return Path(get_executable())
    except FileNotFoundError:
        return None


_PAGES = re.compile(r"Indexed (\d+) pages?")


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
    command = [str(executable), "--site", str(site), "--output-path", str(new)]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    start = time.perf_counter()
    try:
        status, peak_mb, stdout, stderr = _run(command, site)
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise SearchIndexFault(f"Pagefind could not be run ({executable}): {exc}") from exc
    if status != 0 or not new.is_dir():
        shutil.rmtree(new, ignore_errors=True)
        said = (stderr.strip() or stdout.strip()).splitlines()[-12:]
        raise SearchIndexFault(f"Pagefind failed (exit status {status}) on "
                               f"{site}:\n" + "\n".join(said))
    try:
        settle(new)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    _replace(new, site / FOLDER)
    found = _PAGES.findall(stdout)
    return Indexed(int(found[-1]) if found else 0, time.perf_counter() - start, peak_mb)


def _run(command: list[str], cwd: Path) -> tuple[int, float | None, str, str]:
    """Exit status, peak resident memory in MB (None where the system does not say), stdout
    and stderr of one run. The peak is the process's high-water mark, read while it runs:
    its `ru_maxrss` would not do, since a process started from this one counts this one's
    memory at the start in it. The mark only grows, so only a rise in its last tenth of a
    second can be missed. Output goes to files, which cannot fill up and stall it."""
    peak = 0.0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        while (status := process.poll()) is None:
            peak = max(peak, high_water(process.pid))
            time.sleep(0.1)
        said = []
        for stream in (out, err):
            stream.seek(0)
            said.append(stream.read().decode("utf-8", errors="replace"))
    return status, peak or None, said[0], said[1]


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
