"""Generated pages' Markdown-to-HTML conversions kept on disk between builds.

Converting Markdown is most of a build (69% of a 1,000-source `mkdocs build`), and a
second build of an unchanged corpus converts the same Markdown again. So a generated
page's conversion (its HTML, table of contents, title, anchors and links to anchors) is
kept in `.cache/briefing/conversions/` beside mkdocs.yml, one file per page, named by a
hash of everything it depends on: the page's Markdown and path, the Markdown extensions
and their settings, MkDocs' link settings and URL style, the versions of Python-Markdown,
MkDocs, Briefing and the extensions' packages, and this module's format. A link's HTML
also depends on the page it points to, so an entry records the address each of its links
found (or that none was found), and is used only if every one is the same now; MkDocs
still checks every link to an anchor after the build, from what the entry restores.

An entry is trusted only whole (`briefing/diskstore.py`): one that is cut short, corrupt,
of another format or for another key is ignored and converted again. A page whose
conversion logged anything (a broken link) is not kept, so the message comes again on the
next build. After a build, entries it did not use are removed, so the folder holds one
build's pages. A cache that cannot be written is not used; the build is the same.

The first build of a `mkdocs serve --dirty` session keeps the pieces of each page it
converts in pieces (`convert.py`) in `.cache/briefing/pieces/`, under the same key, and
takes them from there first (`PiecedPage`): the session's later rebuilds then convert
only the pieces an edit changed, which a whole page from disk does not let them do.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .. import results
from ..diskstore import DiskStore, stable
from ..pieces import Converted, decoded, encoded
from .convert import Conversions, WarningsSeen

FORMAT = b"briefing-conversion 1"  # changes whenever an entry's content changes meaning
FOLDER = Path(".cache") / "briefing" / "conversions"
PIECES = "pieces"  # beside FOLDER: the pieces of pages a `--dirty` session cut
PIECES_FORMAT = b"briefing-pieces 1"
PAGES_LOG = logging.getLogger("mkdocs.structure.pages")


def versions(extensions: list[Any]) -> dict[str, str]:
    """Python-Markdown's, MkDocs' (or ProperDocs'), Briefing's and the extensions'
    packages' versions."""
    modules = {name.split(".")[0] for name in extensions if isinstance(name, str)}
    return results.versions((), {"markdown", "mkdocs", Page.__module__.split(".")[0],
                                 "briefing", *modules})


def settings_key(config: MkDocsConfig) -> str:
    """Everything besides a page's own Markdown and path that its HTML depends on."""
    settings = {
        "format": FORMAT.decode(),
        "versions": versions(list(config.markdown_extensions)),
        "extensions": stable(list(config.markdown_extensions)),
        "extension_configs": stable(dict(config.mdx_configs or {})),
        "validation": stable(dict(config.validation)),
        "directory_urls": bool(config.use_directory_urls),
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()


class DiskConversions(DiskStore):
    """The conversions folder of one project, for one build's settings."""

    def __init__(self, folder: Path, config: MkDocsConfig) -> None:
        super().__init__(folder, FORMAT)
        self.settings = settings_key(config)
        self.hits = self.misses = 0
        self.pieces: DiskStore | None = None  # a `--dirty` session's first build's pieces
        # The address each path a link looked for has in this build (its files are set
        # before any page converts): pages link to the same few thousand pages.
        self.addresses: dict[str, str | None] = {}

    def address(self, files: Files, path: str) -> str | None:
        if path not in self.addresses:
            self.addresses[path] = address(files.get_file_from_path(path))
        return self.addresses[path]

    def key(self, page: Page) -> str:
        assert page.markdown is not None
        digest = hashlib.sha256(f"{self.settings}\0{page.file.src_uri}\0".encode())
        digest.update(page.markdown.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


class RecordedFiles:
    """The site's files as a page's links see them, noting the address each one found."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self.found: dict[str, str | None] = {}

    def get_file_from_path(self, path: str) -> File | None:
        file = self.files.get_file_from_path(path)
        self.found[PurePath(path).as_posix()] = address(file)
        return file

    def __getattr__(self, name: str) -> Any:
        return getattr(self.files, name)


def address(file: File | None) -> str | None:
    excluded = file is None or file.inclusion.is_excluded()  # type: ignore[no-untyped-call]
    return None if excluded or file is None else file.url


def toc_tokens(items: Any) -> list[dict[str, Any]]:
    return [{"level": item.level, "id": item.id, "name": item.title,
             "children": toc_tokens(item.children)} for item in items]


class CachedPage(Page):
    """A generated page whose conversion comes from the disk when it can."""

    def __init__(self, file: File, config: MkDocsConfig, disk: DiskConversions) -> None:
        self.disk = disk
        super().__init__(None, file, config)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        key = self.disk.key(self)
        if not self.from_disk(key, files):
            self.convert(key, config, files)

    def from_disk(self, key: str, files: Files) -> bool:
        entry = self.disk.load(key)
        if entry is not None and self.restored(entry, files):
            self.disk.hits += 1
            return True
        return False

    def convert(self, key: str, config: MkDocsConfig, files: Files) -> None:
        self.disk.misses += 1
        recorded = RecordedFiles(files)
        with WarningsSeen() as seen:
            super().render(config, cast(Files, recorded))
        # (At MkDocs' debug level `render` does not gather the links to anchors, which an
        # entry must hold for MkDocs to check them when a later build restores it.)
        if not seen.warned and PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            self.disk.save(key, self.entry(recorded))

    def entry(self, recorded: RecordedFiles) -> dict[str, Any]:
        return {
            "html": self.content, "toc": toc_tokens(self.toc),
            "title": self._title_from_render,  # (MkDocs' own: docs/architecture.md)
            "anchors": sorted(self.present_anchor_ids or ()),
            "links": [[target.src_uri, anchor, link]
                      for target, links in (self.links_to_anchors or {}).items()
                      for anchor, link in links.items()],
            "found": recorded.found,
        }

    def restored(self, entry: dict[str, Any], files: Files) -> bool:
        """Sets what `Page.render` sets, from the entry; False (nothing set) if a link
        target is no longer where it was or the entry is not as written."""
        try:
            found: dict[str, str | None] = entry["found"]
            if any(self.disk.address(files, path) != url for path, url in found.items()):
                return False
            html, title = entry["html"], entry["title"]
            toc = get_toc(entry["toc"])
            anchors = set(entry["anchors"])
            links: dict[File, dict[str, str]] = {}
            for target, anchor, link in entry["links"]:
                file = self.file if target == self.file.src_uri \
                    else files.get_file_from_path(target)
                if file is None:
                    return False
                links.setdefault(file, {})[anchor] = link
            if not isinstance(html, str) or not isinstance(title, (str, type(None))):
                return False
        except (KeyError, TypeError, ValueError, AttributeError):
            return False
        self.content, self.toc, self._title_from_render = html, toc, title
        self.present_anchor_ids = anchors
        if PAGES_LOG.getEffectiveLevel() > logging.DEBUG:  # as `Page.render`
            self.links_to_anchors = links
        return True


class PiecedPage(CachedPage):
    """A generated page of a `--dirty` session's first build: its pieces as converted
    (`convert.py`) come from the disk when they can, so the session's first edit of the
    page converts only the pieces it changed; else the whole page does (one a `mkdocs
    build` kept); else it converts in pieces, which are kept (or whole, if it cannot be
    cut)."""

    def __init__(self, file: File, config: MkDocsConfig, disk: DiskConversions,
                 pieces: DiskStore, conversions: Conversions) -> None:
        self.pieces, self.conversions = pieces, conversions
        super().__init__(file, config, disk)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        key, uri = self.disk.key(self), self.file.src_uri
        kept = self.kept(self.pieces.load(key), files)
        if kept is not None:
            self.conversions.pages[uri] = kept
        elif self.from_disk(key, files):  # (its first edit converts all its pieces)
            return
        if not self.conversions.render(self, config, files):
            self.convert(key, config, files)
            return
        self.disk.hits += kept is not None
        self.disk.misses += kept is None
        if kept is None and PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            converted = self.conversions.pages.get(uri, {})
            looked_up = set().union(*(piece.looked_up for piece in converted.values()))
            self.pieces.save(key, {
                "pieces": [[text, *encoded(piece)] for text, piece in converted.items()],
                "found": {path: self.disk.address(files, path) for path in looked_up}})

    def kept(self, entry: dict[str, Any] | None, files: Files) -> dict[str, Converted] | None:
        """The entry's pieces; None if a link target is no longer where it was or the
        entry is not as written."""
        if entry is None:
            return None
        try:
            found: dict[str, str | None] = entry["found"]
            if any(self.disk.address(files, path) != url for path, url in found.items()):
                return None
            return {text: decoded(*fields) for text, *fields in entry["pieces"]}
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


def disk_conversions(config: MkDocsConfig) -> DiskConversions | None:
    """The project's conversions folder, beside mkdocs.yml (never in docs_dir)."""
    if not config.config_file_path:
        return None
    return DiskConversions(Path(config.config_file_path).parent / FOLDER, config)


def attach(files: list[File], config: MkDocsConfig, disk: DiskConversions,
           skip: Callable[[str], bool], conversions: Conversions | None = None) -> None:
    """Each generated page converts through the disk cache (`skip`: pages left to
    MkDocs, such as those the `nav` setting names, which it titles itself); with the
    `conversions` of a `--dirty` session, by its pieces (`PiecedPage`)."""
    pieces = DiskStore(disk.folder.parent / PIECES, PIECES_FORMAT) if conversions else None
    disk.pieces = pieces
    for file in files:
        if skip(file.src_uri):
            continue
        if pieces is not None and conversions is not None:
            PiecedPage(file, config, disk, pieces, conversions)
        else:
            CachedPage(file, config, disk)
