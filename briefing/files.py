"""The one way the build lists folders and reads files under the content folder.

Only regular files are ever read: a FIFO would block the build forever, a device could
feed it without end. Each entry is classified by its status before anything is opened,
and a file is opened without blocking and checked again on its descriptor, so a file
swapped for a FIFO in between is still refused. Links are followed; a dangling link, a
link loop, an unreadable file or folder and anything that is not a regular file or a
folder is a `FileFault`, which the caller reports as a diagnostic with the path.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass

from .diagnostics import Diagnostic, Pos, error


class FileFault(Exception):
    """A file or folder the build cannot read, as a diagnostic's code, message and hint."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint

    def diagnostic(self, display: str) -> Diagnostic:
        return error(Pos(display), self.code, self.message, self.hint)


@dataclass(frozen=True)
class Entry:
    """A listed name whose target is a regular file or a folder."""

    parts: tuple[str, ...]  # path components below the listed root
    path: str
    is_dir: bool
    is_link: bool


def _fault(exc: OSError, what: str) -> FileFault:
    """`what` is "link", "file" or "folder": what the path was listed as."""
    if exc.errno == errno.ELOOP:
        return FileFault("content-symlink-loop",
                         "this link is part of a loop of links and leads to no file",
                         "point the link at a real file, or replace it with the file")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        if what != "link":
            return FileFault("content-unreadable",
                             f"this {what} vanished while the content was read",
                             "build again once it is in place")
        return FileFault("content-symlink-broken",
                         "this link points at something that does not exist",
                         "point the link at an existing file, or delete the link")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return FileFault("content-unreadable", f"this {what} cannot be read: permission "
                         "denied", f"give the user running the build read access "
                         f"(`chmod u+r{'x' if what == 'folder' else ''}`), or move it out "
                         "of the content folder")
    if exc.errno == errno.ENAMETOOLONG:
        return FileFault("content-unreadable", "the file system refuses this name: too long",
                         "rename it with a shorter name")
    return FileFault("content-unreadable", f"this {what} cannot be read: "
                     f"{exc.strerror or exc}", "check the file system, then build again")


def _not_a_file(mode: int) -> FileFault:
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else
            "a socket" if stat.S_ISSOCK(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return FileFault("content-not-a-file", f"this is {kind}, not a file; it is never read",
                     "replace it with a regular file, or move it out of the content folder")


def classify(path: str, *, is_link: bool) -> bool:
    """True for a folder, False for a regular file; a `FileFault` for anything else.
    `stat` follows links, so a dangling link or a loop shows here, before any open."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise _fault(exc, "link" if is_link else "file") from exc
    if stat.S_ISDIR(mode):
        return True
    if stat.S_ISREG(mode):
        return False
    raise _not_a_file(mode)


def walk(root: str, skip: tuple[tuple[str, ...], ...] = (), *, follow_links: bool = False
         ) -> Iterator[tuple[tuple[str, ...], Entry | FileFault]]:
    """Every entry under `root` but hidden ones and the paths in `skip`, folders before
    their contents, with a fault in place of any entry (or folder listing) that cannot be
    used. Links to folders are listed but not followed, so the walk cannot loop; with
    `follow_links` (as MkDocs lists docs_dir) they are followed too, but for a link back
    to a folder being listed."""
    chain = frozenset({os.path.realpath(root)}) if follow_links else None
    yield from _walk(root, (), skip, chain)


def _walk(folder: str, parents: tuple[str, ...], skip: tuple[tuple[str, ...], ...],
          chain: frozenset[str] | None
          ) -> Iterator[tuple[tuple[str, ...], Entry | FileFault]]:
    """`chain`: the folders being listed, resolved, when links are followed."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as exc:
        yield parents, _fault(exc, "folder")
        return
    for entry in entries:
        parts = (*parents, entry.name)
        if entry.name.startswith(".") or parts in skip:
            continue
        try:
            is_link = entry.is_symlink()
            is_dir = _listed_kind(entry, is_link)
        except FileFault as fault:
            yield parts, fault
            continue
        except OSError as exc:
            yield parts, _fault(exc, "file")
            continue
        yield parts, Entry(parts, entry.path, is_dir, is_link)
        if not is_dir:
            continue
        if chain is None:
            if not is_link:
                yield from _walk(entry.path, parts, skip, None)
        elif (real := os.path.realpath(entry.path)) not in chain:
            yield from _walk(entry.path, parts, skip, chain | {real})


def _listed_kind(entry: os.DirEntry[str], is_link: bool) -> bool:
    """`classify`, from the type the listing gives (no system call on most file systems)
    for a plain file or folder; links and anything else are looked at with `stat`."""
    if not is_link:
        if entry.is_dir(follow_symlinks=False):
            return True
        if entry.is_file(follow_symlinks=False):
            return False
    return classify(entry.path, is_link=is_link)


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit + 1` of them (so a caller can tell the
    file is over `limit` without reading all of it). Refuses anything else, even if it
    was swapped in after the folder was listed."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _fault(exc, "file") from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _not_a_file(mode)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise _fault(exc, "file") from exc
    finally:
        os.close(fd)
