"""The published site's search index: Pagefind run over a finished site folder.

MkDocs' search plugin writes one index that every page loads whole before it can answer
(221 KB for four sources, 9 MB at 1,000). Pagefind splits its index into chunks and each
page's text into a fragment, so a query fetches only the chunks for its words and the
fragments of the results it shows. It runs over the written HTML, after every page is
written and before the site is swapped in (`emit.Staged`), so a failed index fails the
build and leaves the previous site in place.

What is indexed is marked in the pages (`role`, written by the theme): a source, claim or
brief page and a hand-written page whole; an entity's or a metric's first page by its
title only, since its listing repeats text those pages hold; gathering pages (home,
indexes, figures, timeline, coverage, map) not at all. Within an indexed page, the
repeated labels of tables and rows are left out (`EXCLUDED`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
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
            "[data-search-title-only] > :not(h1)")

# The kind of page each generated folder holds, as readers filter by it.
TYPES = (("briefs", "Brief"), ("claims", "Claim"), ("sources", "Source"),
         ("entities", "Entity"), ("figures", "Figure"))
WHOLE = frozenset({"Brief", "Claim", "Source"})


@dataclass(frozen=True)
class Role:
    """How a page is indexed: `scope` "page" (its body) or "title" (its first heading
    only), and its `type` filter value."""

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
    return Role("page" if kind in WHOLE else "title", kind)


class SearchIndexFault(Exception):
    """Pagefind could not index the site: the message says why and what to do."""


@dataclass(frozen=True)
class Indexed:
    pages: int
    seconds: float


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
        done = subprocess.run(command, cwd=site, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", check=False)
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise SearchIndexFault(f"Pagefind could not be run ({executable}): {exc}") from exc
    if done.returncode != 0 or not new.is_dir():
        shutil.rmtree(new, ignore_errors=True)
        said = (done.stderr.strip() or done.stdout.strip()).splitlines()[-12:]
        raise SearchIndexFault(f"Pagefind failed (exit status {done.returncode}) on "
                               f"{site}:\n" + "\n".join(said))
    try:
        settle(new)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    _replace(new, site / FOLDER)
    found = _PAGES.findall(done.stdout)
    return Indexed(int(found[-1]) if found else 0, time.perf_counter() - start)


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
