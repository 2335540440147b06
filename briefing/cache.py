"""Generated pages kept as files whose modification time moves only when they change.

`mkdocs serve --dirty` rebuilds a page only when its source file is newer than the HTML
it last wrote. Pages held in memory always count as changed, so for dirty builds the
plugin keeps each generated page in this store, a folder outside docs_dir (writing into
docs_dir would make `mkdocs serve` rebuild forever), and rewrites a file only when its
Markdown differs from the previous build. Whatever else every page's HTML depends on
(the configuration, the theme, the hand-written pages that make up the section list) is
summed up in a fingerprint; when it changes, every page is marked changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StoreUpdate:
    changed: frozenset[str]  # pages written (new or different Markdown)
    removed: frozenset[str]  # pages of the previous build that are gone
    everything: bool  # the site-wide fingerprint changed: every page must be rebuilt


class PageStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder_name = str(folder)
        self._pages: dict[str, str] = {}
        self._fingerprint = ""

    def path(self, page: str) -> Path:
        return self.folder / page

    def location(self, page: str) -> str:
        """`path` as a string, made without `Path` (a serve rebuild asks for every page)."""
        return os.path.join(self.folder_name, *page.split("/"))

    def update(self, pages: Mapping[str, str], fingerprint: str) -> StoreUpdate:
        everything = fingerprint != self._fingerprint
        changed = set()
        for page, markdown in pages.items():
            if everything or self._pages.get(page) != markdown:
                target = self.path(page)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(markdown, encoding="utf-8", newline="\n")
                changed.add(page)
        removed = set(self._pages) - set(pages)
        for page in removed:
            self.path(page).unlink(missing_ok=True)
        self._pages = dict(pages)
        self._fingerprint = fingerprint
        return StoreUpdate(frozenset(changed), frozenset(removed), everything)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def fingerprint(files: Iterable[Path], folders: Iterable[Path]) -> str:
    """Paths, sizes and modification times of the files and of everything in the folders."""
    digest = hashlib.sha256()
    paths = [*files, *(p for folder in folders for p in sorted(folder.rglob("*")))]
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode(errors="replace"))
    return digest.hexdigest()


def remove_outputs(paths: Iterable[str]) -> None:
    """Delete built files of pages that no longer exist (a dirty build leaves them)."""
    for path in paths:
        if os.path.isfile(path):
            os.remove(path)
            folder = os.path.dirname(path)
            if not os.listdir(folder):  # `x/index.html` of a directory URL
                os.rmdir(folder)
