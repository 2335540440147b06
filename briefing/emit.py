"""Writing the generated Markdown tree to a folder, atomically.

The tree is written into a sibling staging folder and swapped in by rename, so a reader
of the output folder sees the old tree or the new one, never half of each; a failed
build leaves the last good output in place. A lock file beside the output keeps two
builds from writing it at once, and the build holding the lock first repairs what a
killed build left behind: with the lock held, every staging or old tree beside the output
belongs to a process that is gone.

`Unwritable` says, for the other commands that write into a folder the user names
(`init`, `schema`, `new`), what stopped them and what to do, instead of a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from .diagnostics import Diagnostic, Pos, error


class UnsafeOutput(ValueError):
    """The output folder is one we must not replace."""


class OutputFault(Exception):
    """The output folder cannot be written; `status` is the command's exit status."""

    def __init__(self, diagnostic: Diagnostic, status: int = 1) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic, self.status = diagnostic, status


# Written into each `briefing build --out` folder, listing the files written: the next
# build may replace the folder if it holds no others.
OUTPUT_MARK = ".briefing-output"
OUTPUT_MARK_TEXT = ("Written by `briefing build`, which replaces this folder whole on each "
                    "build; the files it wrote:\n")


def check_output_dir(out: Path, content_dir: Path) -> None:
    out_r, content_r = out.resolve(), content_dir.resolve()
    if out_r == content_r or content_r.is_relative_to(out_r):
        raise UnsafeOutput(f"{out} contains the content folder; choose another output folder")
    if out_r.is_relative_to(content_r):
        raise UnsafeOutput(f"{out} is inside the content folder; choose a folder outside it")
    if (out_r / ".git").exists() or out_r == Path.home().resolve() or out_r == Path("/"):
        raise UnsafeOutput(f"{out} looks like a project or home folder; choose an empty "
                           "or dedicated output folder")
    existing = file_in_the_way(out_r)
    if existing is not None:
        raise OutputFault(error(
            Pos(out.as_posix()), "output-not-folder",
            "this exists and is not a folder" if existing == out_r else
            f"{existing.as_posix()} is a file, so no folder can be made inside it",
            "choose an output path whose parents are all folders"), status=2)
    try:
        stranger = _not_written_here(out_r)
    except OSError as exc:
        raise _unwritable(out, exc) from exc
    if stranger is not None:
        raise UnsafeOutput(f"{out} holds {stranger}, which `briefing build` did not write "
                           "and would delete with the folder it replaces; move it out, or "
                           "choose a new or empty folder")


def output_mark(paths: Iterable[str]) -> str:
    """The mark a build leaves in its output folder: every file it wrote there."""
    return OUTPUT_MARK_TEXT + "".join(f"{path}\n" for path in sorted(paths))


def _not_written_here(out: Path) -> str | None:
    """A file in the output folder that its mark does not list (any file, when there is
    no mark), or None: the build replaces the folder whole, so it may replace only what
    it wrote."""
    if not out.is_dir():
        return None
    mark = out / OUTPUT_MARK
    listed = set(mark.read_text("utf-8").splitlines()[1:]) if mark.is_file() else set()
    for place, _, files in os.walk(out, onerror=_raise):
        for name in files:
            rel = Path(place, name).relative_to(out).as_posix()
            if rel != OUTPUT_MARK and rel not in listed:
                return rel
    return None


def _raise(exc: OSError) -> None:
    raise exc


def file_in_the_way(folder: Path) -> Path | None:
    """What stands at `folder`, or at the nearest of its parents that exists, when that is
    not a folder: no folder can be made there."""
    existing = next((p for p in (folder, *folder.parents) if os.path.lexists(p)), None)
    return None if existing is None or os.path.isdir(existing) else existing


class Unwritable(Exception):
    """Files cannot be written into a folder the user named (`briefing init`, `schema`,
    `new`), and none were left there: `str(self)` is a `path: error: …` line, `hint` says
    what to do, `status` is the command's exit status (2 when a file stands where the
    folder should be: the path was given wrongly, as `build --out` through a file)."""

    def __init__(self, path: Path, message: str, hint: str, status: int = 1) -> None:
        super().__init__(f"{path.as_posix()}: error: {message}")
        self.path, self.message, self.hint, self.status = path, message, hint, status


def cannot_write(folder: Path, exc: OSError) -> Unwritable:
    """`exc`, raised writing into `folder`, as what is wrong and how to put it right. The
    file in the way is named when there is one: the error itself names only the path
    that could not be made ("File exists", "Not a directory")."""
    blocker = file_in_the_way(folder)
    if blocker is not None:
        return Unwritable(folder, "this is a file, not a folder; nothing was written"
                          if blocker == folder else f"{blocker.as_posix()} is a file, so no "
                          "folder can be made inside it; nothing was written",
                          "move the file away, or choose a path whose parents are all "
                          "folders", status=2)
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return Unwritable(folder, f"cannot be written: {reason}; nothing was written",
                          "free some space on the disk, then run the command again")
    nearest = next((p for p in (folder, *folder.parents) if os.path.isdir(p)), folder)
    return Unwritable(folder, f"cannot be written: {reason}; nothing was written",
                      "give the user running the command write access to "
                      f"{nearest.as_posix()}, or choose a folder elsewhere")


def _unwritable(out: Path, exc: OSError) -> OutputFault:
    """`out` as the user named it."""
    return OutputFault(error(Pos(out.as_posix()), "output-unwritable",
                             f"the output cannot be written: {exc.strerror or exc}",
                             "give the user running the build write access to the folder "
                             f"{out.parent.as_posix()}, or choose another "
                             "output folder"))


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold `.NAME.lock` beside the output for the whole build, or fail with
    `output-busy`. The file is removed when released; a locker that opened it before
    that finds it is no longer the file at the path, and tries again."""
    shown, out = out, out.resolve()
    lock = out.parent / f".{out.name}.lock"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(100):
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
            if not _try_lock(fd):
                os.close(fd)
                raise OutputFault(error(Pos(shown.as_posix()), "output-busy",
                                        "another build is writing this output folder",
                                        "wait for it to finish, then build again")) from None
            if _same_file(fd, lock):
                break
            os.close(fd)
        else:  # pragma: no cover - the lock file replaced a hundred times in a row
            raise OutputFault(error(Pos(shown.as_posix()), "output-busy",
                                    "the output folder's lock keeps changing",
                                    "wait for other builds to finish, then build again"))
    except OSError as exc:
        raise _unwritable(shown, exc) from exc
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()
        os.close(fd)


def _try_lock(fd: int) -> bool:
    """Take the lock on `fd` without waiting: False if another process holds it."""
    if sys.platform == "win32":
        import msvcrt
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    here = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (here.st_dev, here.st_ino)


def recover(out: Path) -> None:
    """Repair what a killed build left beside the output; call with the lock held. Killed
    between its two renames, a build leaves the last good tree only in `.NAME.old-PID`:
    it goes back in place. Staging folders and old trees already replaced are deleted."""
    shown, out = out, out.resolve()
    try:
        left = sorted((p for p in out.parent.iterdir()
                       if p.name.startswith((f".{out.name}.new-", f".{out.name}.old-"))),
                      key=lambda p: p.lstat().st_mtime_ns)
        old = [p for p in left if p.name.startswith(f".{out.name}.old-")]
        if old and not os.path.lexists(out):
            os.replace(old[-1], out)  # the newest: the last tree that was in place
            left.remove(old[-1])
        for path in left:
            shutil.rmtree(path)
    except OSError as exc:
        raise _unwritable(shown, exc) from exc


def staging_for(out: Path) -> Path:
    """A new, empty staging folder beside `out` (resolved); `OutputFault` if it cannot be
    made. Call with `output_lock(out)` held."""
    out = out.resolve()
    staging = out.parent / f".{out.name}.new-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        os.mkdir(staging)
    except OSError as exc:
        raise _unwritable(out, exc) from exc
    return staging


def discard_staging(out: Path) -> None:
    """Delete the staging folders this process made beside `out`: a build stopped (Ctrl-C,
    SIGTERM) between making one and recording it could not name it to delete it."""
    out = out.resolve()
    for path in out.parent.glob(f".{glob.escape(out.name)}.new-{os.getpid()}-*"):
        shutil.rmtree(path, ignore_errors=True)


def swap_in(staging: Path, out: Path, *, keep_hidden: bool = False) -> None:
    """Put the finished `staging` tree in place of `out` by two renames. `keep_hidden`
    carries the old tree's hidden entries (a `.git` of a pages checkout) over first, as
    MkDocs' own cleaning of the site folder leaves them. On failure the old tree is put
    back and the staging folder deleted."""
    shown, out = out, out.resolve()
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    try:
        if keep_hidden:
            _carry_hidden(out, staging)
        if os.path.lexists(out):
            os.replace(out, old)
        os.replace(staging, out)
    except BaseException as exc:
        if os.path.lexists(old) and not os.path.lexists(out):
            os.replace(old, out)
        if keep_hidden:
            _carry_hidden(staging, out)  # back where they were
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _unwritable(shown, exc) from exc
        raise
    shutil.rmtree(old, ignore_errors=True)  # what stays is deleted by the next build


class Staged:
    """A build written into a staging folder beside `out`, holding `out`'s lock from the
    start, with a killed build's leftovers repaired first: `finish` swaps the folder in,
    `abandon` deletes it; either releases the lock. `OutputFault` when a step cannot be
    done. (`mkdocs build` through the plugin; `write_tree` is the CLI's.)"""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.lock = contextlib.ExitStack()
        try:
            self.lock.enter_context(output_lock(out))
            recover(out)
            self.folder = staging_for(out)
        except BaseException:
            discard_staging(out)
            self.lock.close()
            raise

    def finish(self, *, keep_hidden: bool = False) -> None:
        try:
            swap_in(self.folder, self.out, keep_hidden=keep_hidden)
        finally:
            self.lock.close()

    def abandon(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.lock.close()


def _carry_hidden(source: Path, target: Path) -> None:
    if source.is_dir() and target.is_dir():
        for name in os.listdir(source):
            if name.startswith(".") and not os.path.lexists(target / name):
                os.replace(source / name, target / name)


def write_tree(pages: Mapping[str, str], out: Path) -> None:
    """Write `pages` as the new output tree; call with `output_lock(out)` held."""
    staging = staging_for(out)
    try:
        for rel, text in sorted(pages.items()):
            target = (staging / rel).resolve()
            if not target.is_relative_to(staging):  # ids are slugs; this is a last guard
                raise UnsafeOutput(f"page path {rel!r} would leave the output folder")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _unwritable(out, exc) from exc
        raise
    swap_in(staging, out)

