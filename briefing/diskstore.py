"""A folder of entries named by the hash of what they depend on, trusted only whole.

Results kept between builds (the pipeline's pages, the generated pages' conversions) live
in folders under `.cache/briefing/` beside mkdocs.yml. The caller names each entry by a
key, a SHA-256 of everything the entry depends on, so an entry found is the right one or
none at all. An entry is a JSON object written as one line: its format and a SHA-256 of
the rest, then the object (which holds its key again). It is written to a temporary file
and renamed into place, so a reader sees a whole entry or none; one cut short (a full
disk, a kill), corrupt, of another format or for another key is ignored, and the caller
makes the result again. A folder that cannot be written is not used: the build is the
same, only slower.

An entry may be as large as every page of a site (about 260 MB at 10,000 sources), so
it is encoded and hashed piece by piece as it is written, and read with one copy of its
text at a time: a whole copy of it as JSON text, then as bytes, is what a build must not
hold beside its pages.

JSON, not pickle: an entry is data, so reading one cannot run code, and a damaged or
foreign entry fails to parse or to match rather than producing odd objects.

The folder sits in the project, where a pull request can put files too, and every part
of a key can be worked out from the repository. So the hash in an entry's head is an
HMAC under this user's secret (`SECRET`, made on first use, outside the project): an
entry is read only if Briefing wrote it on this machine, and a planted one is made again.
A cache folder (or `.cache/briefing`) that is a symbolic link is not used, and an entry
is read only if it is a regular file: Briefing neither writes nor prunes outside the
project's cache, nor reads a device or a pipe as an entry.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import IO, Any

CHUNK = 1 << 20  # characters of JSON encoded, hashed and written at once
ROOT = Path(".cache") / "briefing"  # beside mkdocs.yml; each store is a folder in it
SECRET = Path("briefing") / "cache-secret"  # in the user's cache folder
SECRET_SIZE = 32
ENTRY_NAME = re.compile(r"[0-9a-f]{64}|\.partial-.*")  # what `prune` may remove


def user_cache() -> Path:
    """Where per-user caches go (XDG's rule; `~/.cache` without it)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def machine_secret(project: Path) -> bytes | None:
    """This user's key for the entries' HMAC, made at random on first use; None if it
    cannot be read or made, or lies in the project (where a contributor could put one):
    then no entry is read or written."""
    try:
        path = user_cache() / SECRET
        if path.resolve().is_relative_to(project.resolve()):
            return None
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret-")
            try:
                with os.fdopen(descriptor, "wb") as out:  # (mkstemp: only the user reads it)
                    out.write(os.urandom(SECRET_SIZE))
                os.link(temporary, path)  # whole, and never over another process's
            except FileExistsError:
                pass
            finally:
                Path(temporary).unlink(missing_ok=True)
        secret = regular_bytes(path)
    except (OSError, RuntimeError):  # (RuntimeError: no home folder)
        return None
    return secret if len(secret) == SECRET_SIZE else None


def regular_bytes(path: Path) -> bytes:
    """A regular file's bytes, not following a link: never a device's or a pipe's."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        with os.fdopen(os.dup(fd), "rb") as file:
            return file.read()
    finally:
        os.close(fd)


def linked(folder: Path) -> bool:
    """Whether the store's folder or a folder of `ROOT` above it is a symbolic link."""
    return any(part.is_symlink() for part in (folder, *folder.parents[:len(ROOT.parts)]))


def stable(value: Any) -> Any:
    """Settings as JSON that is the same in every process, for a key (a function by its
    name; an object by its `repr`, which, holding an address, never matches: safe)."""
    if isinstance(value, dict):
        return {str(key): stable(item) for key, item in sorted(value.items(), key=str)}
    if isinstance(value, (list, tuple)):
        return [stable(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    return repr(value)


class DiskStore:
    """One folder of entries of one format (`format`: changes whenever an entry's content
    changes meaning; `folder`: a folder in the project's `ROOT`). `used` holds the keys
    this build looked up, for `prune`."""

    def __init__(self, folder: Path, format: bytes) -> None:
        self.folder = folder = folder.absolute()
        self.format = format
        self.used: set[str] = set()
        self.fault: OSError | None = None  # why it stopped writing, for the adapter's log
        self.secret = None if linked(folder) else machine_secret(folder.parents[len(ROOT.parts)])
        self.writable = self.secret is not None

    def load(self, key: str) -> dict[str, Any] | None:
        """The entry, or None if it is missing or cannot be trusted whole."""
        self.used.add(key)
        if self.secret is None:
            return None
        try:
            data = regular_bytes(self.folder / key)
        except OSError:
            return None
        start = data.find(b"\n") + 1
        body = memoryview(data)[start:]  # (not a copy)
        if not hmac.compare_digest(data[:start], self.head(self.digest(body).hexdigest())):
            return None
        try:
            text = str(body, "utf-8", "surrogatepass")
            body.release()
            del data  # the text is parsed without the bytes beside it
            entry = json.loads(text)
        except ValueError:
            return None
        return entry if isinstance(entry, dict) and entry.get("key") == key else None

    def head(self, digest: str) -> bytes:
        return self.format + b" " + digest.encode() + b"\n"

    def digest(self, body: bytes | memoryview = b"") -> Any:
        """The HMAC of an entry's body under this user's secret (`secret`: not None)."""
        return hmac.new(self.secret or b"", body, hashlib.sha256)

    def save(self, key: str, entry: dict[str, Any]) -> None:
        self.used.add(key)
        if not self.writable:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self.folder, prefix=".partial-")
            try:
                with os.fdopen(descriptor, "wb") as out:
                    self.write(out, {**entry, "key": key})
                os.replace(temporary, self.folder / key)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            self.writable, self.fault = False, error  # read-only or full: do without

    def write(self, out: IO[bytes], entry: dict[str, Any]) -> None:
        """The entry's head and body, the body encoded a piece at a time. The head's hash
        is known only at the end: a head of its length goes first and is then replaced."""
        digest = self.digest()
        out.write(self.head("0" * digest.digest_size * 2))
        pieces: list[str] = []
        size = 0
        for piece in json.JSONEncoder(ensure_ascii=False).iterencode(entry):
            pieces.append(piece)
            size += len(piece)
            if size >= CHUNK:
                size = self.flush(out, digest, pieces)
        self.flush(out, digest, pieces)
        out.seek(0)
        out.write(self.head(digest.hexdigest()))

    @staticmethod
    def flush(out: IO[bytes], digest: Any, pieces: list[str]) -> int:
        data = "".join(pieces).encode("utf-8", "surrogatepass")
        digest.update(data)
        out.write(data)
        pieces.clear()
        return 0

    def prune(self, keep: int = 0) -> None:
        """Remove the entries this build did not use (and partial writes a kill left),
        but the `keep` most recently written of them. Only what is named as an entry is
        removed, and nothing if the folder is a link (`writable` is then False)."""
        if not self.writable:
            return
        try:
            unused = [entry for entry in os.scandir(self.folder)
                      if entry.name not in self.used and ENTRY_NAME.fullmatch(entry.name)]
            kept = {entry.name for entry in sorted(
                (entry for entry in unused if not entry.name.startswith(".")),
                key=lambda entry: entry.stat().st_mtime_ns, reverse=True)[:keep]}
        except OSError:
            return
        for entry in unused:
            if entry.name not in kept:
                Path(entry.path).unlink(missing_ok=True)
