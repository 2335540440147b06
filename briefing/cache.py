"""What `mkdocs serve --dirty` checks on disk: whatever every page's HTML depends on
besides its own Markdown (the configuration, the theme, the hand-written pages that make
up the section list), summed up in a fingerprint; when it changes, every page is
rebuilt. And the removal of the built files of pages that are gone.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path


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
