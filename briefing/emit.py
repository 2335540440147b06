"""Writing the generated Markdown tree to a folder, atomically.

The tree is written into a temporary sibling folder and swapped in by rename, so a reader
of the output folder sees the old tree or the new one, never half of each; a failed
build leaves the last good output in place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from .diagnostics import Diagnostic, Pos, error


class UnsafeOutput(ValueError):
    """The output folder is one we must not replace."""


def check_output_dir(out: Path, content_dir: Path) -> None:
    out_r, content_r = out.resolve(), content_dir.resolve()
    if out_r == content_r or content_r.is_relative_to(out_r):
        raise UnsafeOutput(f"{out} contains the content folder; choose another output folder")
    if out_r.is_relative_to(content_r):
        raise UnsafeOutput(f"{out} is inside the content folder; choose a folder outside it")
    if (out_r / ".git").exists() or out_r == Path.home().resolve() or out_r == Path("/"):
        raise UnsafeOutput(f"{out} looks like a project or home folder; choose an empty "
                           "or dedicated output folder")
    if out_r.exists() and not out_r.is_dir():
        raise UnsafeOutput(f"{out} exists and is not a folder")


def write_tree(pages: Mapping[str, str], out: Path) -> None:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for rel, text in sorted(pages.items()):
            target = (staging / rel).resolve()
            if not target.is_relative_to(staging):  # ids are slugs; this is a last guard
                raise UnsafeOutput(f"page path {rel!r} would leave the output folder")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        old = None
        if out.exists():
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            os.replace(out, old)
        os.replace(staging, out)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def page_collisions(generated: Mapping[str, str], hand_written: Mapping[str, str],
                    pages_dir: str) -> list[Diagnostic]:
    """Hand-written pages whose output address is also a generated page's. Both maps go from
    output address to source path; addresses are compared case-folded and NFC-normalised,
    because macOS and Windows file systems store `Claims/` and `claims/` as one folder."""
    def key(address: str) -> str:
        return unicodedata.normalize("NFC", address).casefold()

    taken = {key(address): (address, page) for address, page in generated.items()}
    problems = []
    for address, page in sorted(hand_written.items()):
        if key(address) in taken:
            other_address, other_page = taken[key(address)]
            problems.append(error(
                Pos(f"{pages_dir}/{page}"), "page-collision",
                f"this page would be published at {address!r}, the address of the generated "
                f"page {other_page!r}" + ("" if address == other_address
                                          else " (the two differ only in case)"),
                "rename or move the hand-written page"))
    return problems
