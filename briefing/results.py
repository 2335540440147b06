"""The pipeline's results kept on disk, so a build of an unchanged content folder skips it.

A build's results (its pages' Markdown, its diagnostics, its feed's entries) depend only
on the content folder, the site title, the hedge words and Briefing itself. So they are
kept in an entry (`diskstore.py`) named by a SHA-256 of exactly that: every file's path
and bytes and every folder's path under the content folder (hidden names left out, as the
loader leaves them), how diagnostics name the folder (relative to where the build runs),
the options of `pipeline.build` the pages depend on, the bytes of Briefing's own code and
templates (so an edited checkout is never served an old result), the versions of Python
and of the packages the pipeline uses, and this module's format. The site's address,
author and URL style shape only the feed, which is made from the kept entries for the
site that reads them (`mkdocs serve` sets the address it serves at, a new one each time
its port changes).

Anything the loader would report instead of reading (a link, a file that cannot be read,
a FIFO) means no key: such a build runs the pipeline and keeps nothing. The key is taken
again after the pipeline ran and the result is kept only if the content did not change
meanwhile. A build that stopped on an unexpected error is never kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from .dates import Day
from .diagnostics import Diagnostic, Pos, Severity
from .diskstore import ROOT, DiskStore
from .feed import Entry
from .files import FileFault, read_regular, walk
from .link import Linked
from .load import display_root

FORMAT = b"briefing-results 3"  # changes whenever an entry's content changes meaning
FOLDER = ROOT / "results"  # beside mkdocs.yml
KEEP = 2  # entries kept besides the one in use (a serve keeps the quote picker's data too)
# Babel: CLDR's numbers and dates, in the prose checks and in the pages' own words.
PACKAGES = ("Jinja2", "MarkupSafe", "PyYAML", "babel")
CODE = Path(__file__).resolve().parent
LARGEST_FILE = 1 << 40


@dataclass(frozen=True)
class Outputs:
    pages: dict[str, str]
    files: dict[str, str]  # but the feed
    diagnostics: tuple[Diagnostic, ...]
    feed: list[Entry] | None  # the feed's entries; None if the build has no feed


def code_digest() -> str:
    """Briefing's own files: its modules, templates and assets."""
    digest = hashlib.sha256()
    # Walked as it goes, so that pruning `names` skips the compiled files, which Python
    # writes as modules are first imported and would change the digest with them.
    for folder, names, files in os.walk(CODE):
        names[:] = sorted(name for name in names if name != "__pycache__")
        for name in sorted(files):
            path = os.path.join(folder, name)
            digest.update(os.fsencode(os.path.relpath(path, CODE)) + b"\0")
            digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def versions(packages: Iterable[str] = PACKAGES, modules: Iterable[str] = ()
             ) -> dict[str, str]:
    """Python's and its Unicode data's versions, the `packages`' (distribution names), and
    those of the distributions that install the top-level `modules`."""
    found = {"python": sys.version, "unicode": unicodedata.unidata_version}
    owners = metadata.packages_distributions() if modules else {}
    names = [*packages, *(dist for module in sorted(set(modules))
                          for dist in owners.get(module, []))]
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "none"
    return found


def content_digest(content_dir: Path, digest: Any) -> bool:
    """Adds every folder's path and every file's path and bytes to `digest`; False if
    anything is not a plain file or folder that can be read, or if a hidden name among
    the hand-written pages is a link (the walk passes it over; MkDocs follows it)."""
    if _hidden_link(os.path.join(content_dir, "pages")):
        return False
    for parts, entry in sorted(walk(os.fspath(content_dir)), key=lambda item: item[0]):
        if isinstance(entry, FileFault) or entry.is_link:
            return False
        name = os.fsencode("/".join(parts))
        if entry.is_dir:
            digest.update(b"folder\0" + name + b"\0")
            continue
        try:
            data = read_regular(entry.path, LARGEST_FILE)
        except FileFault:
            return False
        digest.update(b"file\0" + name + b"\0" + str(len(data)).encode() + b"\0" + data)
    return True


def _hidden_link(folder: str) -> bool:
    return any(name.startswith(".") and os.path.islink(os.path.join(place, name))
               for place, folders, files in os.walk(folder) for name in (*folders, *files))


def encoded(outputs: Outputs) -> dict[str, Any]:
    feed = None if outputs.feed is None else [
        [e.path, e.title, e.summary, e.updated.isoformat(),
         e.published.isoformat() if e.published else None, e.category] for e in outputs.feed]
    return {"pages": outputs.pages, "files": outputs.files, "feed": feed, "diagnostics": [
        [int(d.severity), d.pos.path, d.pos.line, d.pos.col, d.code, d.message, d.hint,
         [list(part) for part in d.diff]] for d in outputs.diagnostics]}


def decoded_feed(feed: list[list[str]] | None) -> list[Entry] | None:
    return None if feed is None else [
        Entry(path, title, summary, Day.fromisoformat(updated),
              Day.fromisoformat(published) if published is not None else None, category)
        for path, title, summary, updated, published, category in feed]


def decoded(entry: Mapping[str, Any]) -> Outputs | None:
    """The outputs an entry holds, or None if it does not hold them as written."""
    try:
        pages, files = dict(entry["pages"]), dict(entry["files"])
        diagnostics = tuple(
            Diagnostic(Severity(severity), Pos(path, line, col), code, message, hint,
                       tuple((kind, text) for kind, text in diff))
            for severity, path, line, col, code, message, hint, diff in entry["diagnostics"])
        feed = decoded_feed(entry["feed"])
    except (KeyError, TypeError, ValueError):
        return None
    texts = [*pages, *pages.values(), *files, *files.values()]
    if not all(isinstance(text, str) for text in texts):
        return None
    return Outputs(pages, files, diagnostics, feed)


def texts(value: object) -> dict[str, str] | None:
    """`value` if it maps strings to strings."""
    if not isinstance(value, dict) or not all(
            isinstance(text, str) for text in (*value, *value.values())):
        return None
    return value


class ResultStore:
    """The results folder of one project (`folder`: where entries go). `derive` makes
    more text from a build's linked corpus, which the store does not keep, for an adapter
    that needs it (the quote picker's data for each source page): kept with the results,
    it is `derived` after a build without errors, read or made."""

    def __init__(self, folder: Path, derive: Callable[[Linked], dict[str, str]] | None = None
                 ) -> None:
        self.disk = DiskStore(folder, FORMAT)
        self.derive = derive
        self.hit = False  # whether the last build came from the store
        self.derived: dict[str, str] = {}

    def key(self, content_dir: Path, options: Mapping[str, Any]) -> str | None:
        """The hash of everything a build of `content_dir` with `options` depends on, or
        None if the folder holds something the loader would not read as it is."""
        try:
            digest = hashlib.sha256(json.dumps({
                "format": FORMAT.decode(), "code": code_digest(), "versions": versions(),
                "shown": display_root(content_dir), "options": options,
                "derived": self.derive is not None,
            }, sort_keys=True).encode())
            return digest.hexdigest() if content_digest(content_dir, digest) else None
        except OSError:  # (Briefing's own files, unreadable: never seen, never trusted)
            return None

    def load(self, key: str) -> Outputs | None:
        entry = self.disk.load(key)
        outputs = decoded(entry) if entry is not None else None
        derived = texts(entry.get("derived")) if entry is not None else None
        if outputs is None or derived is None:
            return None
        self.hit, self.derived = True, derived
        return outputs

    def save(self, key: str, outputs: Outputs, linked: Linked | None) -> None:
        """`linked`: the build's linked corpus, None if it has errors."""
        self.derived = self.derive(linked) if self.derive and linked is not None else {}
        self.disk.save(key, {**encoded(outputs), "derived": self.derived})
        self.disk.prune(keep=KEEP)
