"""Hand-written files of docs_dir published where the build writes one of its own: a page
(`content/pages/index.md` beside the home page), the feed (`feed.xml`), one of the
plugin's styles and scripts (`assets/briefing/…`) or anything in a folder the build
writes whole (Pagefind's `pagefind/`), which would replace it without a word.

The plugin compares the files MkDocs lists with what it generates in each build; `briefing
check`, which runs without MkDocs, lists docs_dir itself as MkDocs does (`hand_written`),
so the two report the same collisions, at the same paths, in the same words.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from .diagnostics import Diagnostic, Pos, error
from .files import Entry, walk
from .pageassets import site_files
from .paths import MARKDOWN_SUFFIXES, published_file
from .safehtml import runnable_file


def generated_files(pages: Iterable[str], files: Iterable[str], *, directory_urls: bool,
                    picker: bool) -> dict[str, str]:
    """Where each file the build adds to the site is published (site path -> its path
    among the generated files): the pages, the build's files (the feed) and the plugin's
    own (`pageassets.site_files`)."""
    published = {published_file(page, directory_urls=directory_urls): page for page in pages}
    return published | {path: path for path in (*files, *site_files(picker=picker))}


def hand_written(docs_dir: Path, *, directory_urls: bool) -> dict[str, str]:
    """The files of docs_dir as MkDocs lists them (`structure.files.get_files`), site path
    -> path in docs_dir: following links to folders, the folders in turn, an index or
    README first among a folder's files, the last of two files for one site path kept.
    Hidden files are left out: no generated file has a hidden name."""
    listed, folders = [], set()
    for parts, entry in walk(os.fspath(docs_dir), follow_links=True):
        if isinstance(entry, Entry) and entry.is_dir:
            folders.add(parts)
        elif parts and parts not in folders:  # MkDocs lists a name it cannot read too
            listed.append(parts)
    listed.sort(key=lambda parts: (parts[:-1], os.path.splitext(parts[-1])[0]
                                   not in ("index", "README"), parts[-1]))
    return {published_file("/".join(parts), directory_urls=directory_urls): "/".join(parts)
            for parts in listed}


def page_collisions(generated: Mapping[str, str], hand_written: Mapping[str, str],
                    pages_dir: str, folders: Iterable[str] = (),
                    theme_files: Iterable[str] = ()) -> list[Diagnostic]:
    """Hand-written files whose site path is also a generated file's or one of the
    theme's `theme_files` (its styles, scripts and images, which MkDocs lets a file of
    docs_dir replace), or lies in one of the `folders` the build writes whole. Both maps
    go from site path to source path; paths are compared case-folded and NFC-normalised,
    because macOS and Windows file systems store `Claims/` and `claims/` as one folder."""
    def key(address: str) -> str:
        return unicodedata.normalize("NFC", address).casefold()

    taken = {key(address): (address, page) for address, page in generated.items()}
    whole = {key(f"{folder}/"): f"{folder}/" for folder in folders}
    theme = {key(address): address for address in theme_files}
    problems = []
    for address, page in sorted(hand_written.items()):
        what = "page" if page.endswith(MARKDOWN_SUFFIXES) else "file"
        inside = next((f for f in whole if key(address).startswith(f)), None)
        if key(address) in theme and key(address) not in taken and not _left_out(address):
            problems.append(error(
                Pos(f"{pages_dir}/{page}"), "page-collision",
                f"this {what} would be published at {address!r} in place of the theme's "
                "own file, and restyle or change every page that loads it",
                f"rename or move the hand-written {what}; the site's own styles go in "
                "mkdocs.yml's `extra_css`"))
            continue
        if inside is not None:
            problems.append(error(
                Pos(f"{pages_dir}/{page}"), "page-collision",
                f"this {what} would be published at {address!r}, inside the folder "
                f"{whole[inside]!r} the build writes whole (the site's search index), "
                "which replaces it", f"rename or move the hand-written {what}'s folder"))
        elif key(address) in taken:
            other_address, other_page = taken[key(address)]
            other = "page" if other_page.endswith(".md") else "file"
            problems.append(error(
                Pos(f"{pages_dir}/{page}"), "page-collision",
                f"this {what} would be published at {address!r}, the address of the "
                f"generated {other} {other_page!r}" + ("" if address == other_address
                                                       else " (the two differ only in case)"),
                f"rename or move the hand-written {what}"))
    return problems


def _left_out(address: str) -> bool:
    """Whether a file at `address` is one the build leaves out, putting the theme's back,
    as it could run a script (`page-runnable-file`); an SVG image is read for that, and
    is taken here as kept."""
    return not address.lower().endswith(".svg") and runnable_file(address, bytes) is not None
