"""Hand-written files of docs_dir published where the build writes one of its own: a page
(`content/pages/index.md` beside the home page), the feed (`feed.xml`), one of the
plugin's styles and scripts (`assets/briefing/…`), the search plugin's index
(`search/search_index.json`) or anything in a folder the build writes whole (Pagefind's
`pagefind/`), which would replace it without a word; and mkdocs.yml's `extra_templates`
written where a generated file or the search index is, reported at their entry there.

The plugin compares the files MkDocs lists with what it generates in each build; `briefing
check`, which runs without MkDocs, lists docs_dir itself as MkDocs does (`hand_written`),
so the two report the same collisions, at the same paths, in the same words.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, Pos, error
from .files import Entry, walk
from .pageassets import site_files
from .paths import MARKDOWN_SUFFIXES, published_file
from .safehtml import runnable_file
from .themefolders import ThemeFolders

# What MkDocs' search plugin (and Material's) writes after the pages, over whatever is there.
SEARCH_INDEX = "search/search_index.json"


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
                    theme: ThemeFolders | None = None, *, search: bool = False,
                    templates: Mapping[str, Pos] | None = None) -> list[Diagnostic]:
    """Hand-written files whose site path is also a generated file's, the search index's
    (`search`: a search plugin writes it) or one of the theme's files (its styles,
    scripts and images, which MkDocs lets a file of docs_dir replace), or lies in one of
    the `folders` the build writes whole, or is a folder another file needs written as a
    file, or the other way round (`_folder_clash`); and `templates` (mkdocs.yml's
    `extra_templates`, each at its entry there) written where a generated file or the
    index is (`_template_clashes`). Both maps go from site path to source path; paths are
    compared case-folded and NFC-normalised, because macOS and Windows file systems store
    `Claims/` and `claims/` as one folder."""
    taken = {_key(address): (address, page) for address, page in generated.items()}
    whole = {_key(f"{folder}/"): f"{folder}/" for folder in folders}
    index = {_key(SEARCH_INDEX)} if search else set()
    templates = templates or {}
    problems, outputs = _template_clashes(templates, taken, index, hand_written), None
    for address, page in sorted(hand_written.items()):
        what = "page" if page.endswith(MARKDOWN_SUFFIXES) else "file"
        inside = next((f for f in whole if _key(address).startswith(f)), None)
        if page in templates and _key(address) in taken.keys() | index \
                and not _left_out(address):
            continue  # at its entry in `extra_templates`
        if theme is not None and _key(address) not in taken and theme.publishes(address) \
                and not _left_out(address):
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
        elif _key(address) in taken:
            other_address, other_page = taken[_key(address)]
            other = "page" if other_page.endswith(".md") else "file"
            problems.append(error(
                Pos(f"{pages_dir}/{page}"), "page-collision",
                f"this {what} would be published at {address!r}, the address of the "
                f"generated {other} {other_page!r}" + ("" if address == other_address
                                                       else " (the two differ only in case)"),
                f"rename or move the hand-written {what}"))
        elif _key(address) in index:
            problems.append(error(
                Pos(f"{pages_dir}/{page}"), "page-collision",
                f"this {what} would be published at {address!r}, where the search plugin "
                "writes the site's search index after the pages, which replaces it",
                f"rename or move the hand-written {what}"))
        else:
            outputs = outputs or _Outputs.of(generated, hand_written, theme, search=search)
            problems.extend(_folder_clash(address, page, pages_dir, outputs, theme))
    return problems


def _key(address: str) -> str:
    return unicodedata.normalize("NFC", address).casefold()


def _template_clashes(templates: Mapping[str, Pos], taken: Mapping[str, tuple[str, str]],
                      index: set[str], hand_written: Mapping[str, str]) -> list[Diagnostic]:
    """The extra templates written at a generated file's address or the search index's:
    MkDocs renders each file of docs_dir that `extra_templates` names to its address,
    after the generated files that are not pages and before the pages and the index, so
    one of the two replaces the other. (A template docs_dir lacks is skipped, and MkDocs
    says so; one that could run a script is left out: `page-runnable-file`.)"""
    addresses = {page: address for address, page in hand_written.items()}
    problems = []
    for name, pos in sorted(templates.items()):
        address = addresses.get(name)
        if address is None or _left_out(address) or (
                _key(address) not in taken and _key(address) not in index):
            continue
        other = taken.get(_key(address))
        writer = "the search plugin's index of the site" if other is None else \
            f"the generated {'page' if other[1].endswith('.md') else 'file'} {other[1]!r}"
        problems.append(error(
            pos, "page-collision",
            f"the extra template {name!r} would be written at {address!r}, where the build "
            f"writes {writer}: one of the two would replace the other",
            f"rename {name!r} in docs_dir and in `extra_templates` alike, or take it out "
            "of `extra_templates`"))
    return problems


@dataclass(frozen=True)
class _Outputs:
    """What else the build writes, by case-folded site path: the files (and who writes
    each) and the folders holding the generated ones and the search index (and who
    writes a file in each)."""

    files: Mapping[str, str]
    folders: Mapping[str, str]

    @classmethod
    def of(cls, generated: Mapping[str, str], hand_written: Mapping[str, str],
           theme: ThemeFolders | None, *, search: bool) -> _Outputs:
        static = theme.static_outputs() if theme is not None else frozenset()
        writers = {a: f"the generated file {g!r}" for a, g in sorted(generated.items())} | (
            {SEARCH_INDEX: f"the search plugin's index {SEARCH_INDEX!r}"} if search else {})
        files = {_key(a): f"the hand-written file {h!r}" for a, h in hand_written.items()} \
            | {_key(a): f"the theme's page {a!r}" for a in static} \
            | {_key(a): writer for a, writer in writers.items()}
        folders: dict[str, str] = {}
        for address, writer in writers.items():  # the first file of each named
            for n in range(1, address.count("/") + 1):
                folders.setdefault(_key(address.rsplit("/", n)[0]), writer)
        return cls(files, folders)


def _folder_clash(address: str, page: str, pages_dir: str, outputs: _Outputs,
                  theme: ThemeFolders | None) -> list[Diagnostic]:
    """A hand-written file published inside a folder whose name the build writes a file
    at (a page `404.html.md` at `404.html/index.html`, beside the theme's `404.html`), or
    at a path the build needs as a folder (a file `claims` beside the generated
    `claims/index.html`): the site cannot hold both, and MkDocs stopped half-way through
    writing it."""
    what = "page" if page.endswith(MARKDOWN_SUFFIXES) else "file"
    parts = address.split("/")
    for depth in range(1, len(parts)):
        folder = "/".join(parts[:depth])
        writer = outputs.files.get(_key(folder)) or (
            f"the theme's file {folder!r}" if theme and theme.publishes(folder) else None)
        if writer is not None:
            return [error(
                Pos(f"{pages_dir}/{page}"), "page-collision",
                f"this {what} would be published at {address!r}, inside a folder "
                f"{folder!r}, the address at which the build writes {writer}",
                f"rename the hand-written page so that its address does not start with "
                f"{folder + '/'!r} (a page `404.html.md` as `not-found.md`, say)"
                if what == "page" else
                f"move the hand-written file out of the folder {folder!r}, or rename it")]
    writer = outputs.folders.get(_key(address)) or (
        "the theme's files" if theme is not None and theme.holds_folder(address) else None)
    if writer is None:
        return []
    return [error(Pos(f"{pages_dir}/{page}"), "page-collision",
                  f"this {what} would be published as a file at {address!r}, the folder "
                  f"the build writes {writer} into",
                  f"rename or move the hand-written {what}")]


def _left_out(address: str) -> bool:
    """Whether a file at `address` is one the build leaves out, putting the theme's back,
    as it could run a script (`page-runnable-file`); an SVG image is read for that, and
    is taken here as kept."""
    return not address.lower().endswith(".svg") and runnable_file(address, bytes) is not None
