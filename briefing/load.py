"""Load stage: find the content files, read them strictly, parse YAML into positioned nodes.

Nothing here writes; the content folder is only ever read.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .diagnostics import Diagnostic, Pos, error, warning
from .files import Entry, FileFault, read_regular, walk
from .keyless import ListKey
from .pagesafety import HINT, runnable, unsafe_markup
from .paths import MARKDOWN_SUFFIXES
from .safehtml import safe_url
from .text import bidi_in_name, decode_source, is_blank, readable
from .yamlnodes import YMap, YNode, YScalar, lost_an_id, parse_yaml

MAX_TEXT_BYTES = 5_000_000
# Top-level names the content model defines; everything else is reported or ignored.
KNOWN_DIRS = ("sources", "claims", "entities", "briefs", "pages")
KNOWN_FILES = ("claims.yml", "entities.yml", "names.yml")


@dataclass(frozen=True)
class YamlDoc:
    rel: str  # posix path relative to the content folder
    display: str  # how diagnostics name the file
    text: str
    root: YNode


@dataclass(frozen=True)
class Unparsed:
    """A content file that could not be read, decoded or parsed: reported already, it
    still declares its own id and, for an annotation, the ids its text shows
    (`broken.py`), so nothing that refers to it is reported again."""

    rel: str
    display: str
    text: str  # undecodable bytes replaced
    unread: bool = False  # not read, or holding nothing (empty): it may declare any id
    lost_id: bool = False  # an entry lost its `- id:` line: it may declare any id of its kind


@dataclass(frozen=True)
class SourceText:
    id: str
    display: str
    text: str


@dataclass(frozen=True)
class Loaded:
    yaml_docs: tuple[YamlDoc, ...]
    texts: tuple[SourceText, ...]
    diagnostics: tuple[Diagnostic, ...]
    unparsed: tuple[Unparsed, ...] = ()


def display_root(content_dir: Path) -> str:
    """How diagnostics name the content folder: relative to where the user runs us."""
    try:
        rel = os.path.relpath(content_dir, Path.cwd())
    except ValueError:  # pragma: no cover - another drive on Windows
        return content_dir.as_posix()
    return content_dir.as_posix() if rel.startswith("..") else Path(rel).as_posix()


def discover(content_dir: Path) -> tuple[list[str], list[Diagnostic], list[str]]:
    """The files the content model reads (posix paths relative to the content folder), in
    a stable order, plus notes on strays and the faults of files and folders that cannot
    be read (`files.walk`). Hand-written pages are listed too: their folder is MkDocs',
    but a page MkDocs cannot read would stop the site build with a traceback. Last, the
    files and folders of the content model that could not be read at all."""
    shown = display_root(content_dir)
    if content_dir.is_symlink():  # (the walk below checks links against where it leads)
        return [], [error(Pos(shown), "content-symlink-outside",
                          "the content folder is a link: what it leads to would be read and "
                          "its pages/ published, wherever it is",
                          "make it a folder, or name the folder the link leads to as "
                          "`content_dir` (and `docs_dir`) in mkdocs.yml")], []
    root = content_dir.resolve()
    problems: list[Diagnostic] = []
    wanted: list[str] = []
    unread: list[str] = []
    rels_listed: list[tuple[str, ...]] = []  # the files listed outside pages/
    # Sorted by path components, as pathlib sorts the paths: "a/b" before "a-b".
    listing = sorted(walk(os.fspath(content_dir)), key=lambda item: item[0])
    textless = _textless_sources(listing)
    for parts, entry in listing:
        rel = "/".join(parts)
        display = f"{shown}/{rel}" if rel else shown
        if isinstance(entry, FileFault):
            problems.append(entry.diagnostic(display))
            if rel and parts[0] != "pages":
                unread.append(rel)
            continue
        # Checked in pages/ too: MkDocs follows a link there and publishes what it points
        # at, which could be any file of the machine that builds the site.
        if entry.is_link and not Path(entry.path).resolve().is_relative_to(root):
            problems.append(linked_out(display))
            continue
        if parts[0] == "pages":  # MkDocs' docs_dir
            if not entry.is_dir and parts[-1].endswith(".md"):
                wanted.append(rel)
            elif not entry.is_dir and (found := _runnable_page_file(entry.path, display)):
                problems.append(found)
            continue
        if entry.is_dir:
            if len(parts) == 1 and rel not in KNOWN_DIRS:
                problems.append(warning(Pos(display), "content-unknown-folder",
                                        "this folder is not part of the content model; ignored",
                                        f"known folders: {', '.join(KNOWN_DIRS)}"))
            continue
        problems.extend(_stray(parts, display, textless))
        rels_listed.append(parts)
        if _is_content_file(list(parts)):
            wanted.append(rel)
    problems.extend(_lone_originals(rels_listed, set(wanted), shown))
    problems.extend(_pages_link_loops(content_dir / "pages", root, shown))
    return wanted, problems, unread


# Faults after which MkDocs must not list docs_dir: it follows links there.
UNLISTABLE = frozenset({"content-symlink-outside", "content-symlink-loop"})


def linked_out(display: str, folder: str = "content") -> Diagnostic:
    """A link out of the content folder, or out of `folder` (a docs_dir beside it)."""
    where = "the content folder" if folder == "content" else f"the pages folder '{folder}/'"
    return error(Pos(display), "content-symlink-outside",
                 f"this link points outside {where}",
                 f"copy the file into {folder}/ instead of linking to it")


def _pages_link_loops(pages: Path, root: Path, shown: str) -> list[Diagnostic]:
    """MkDocs lists docs_dir (pages/) following links to folders: a link back to a folder
    the listing is in, directly or through other links, sends it round in circles until
    a path is too long, and the build ends in a traceback. Each loop is reported at its
    first link. It lists hidden names too, which the walk passes over and MkDocs does
    not: a hidden link out of the content folder is reported here."""
    found: list[Diagnostic] = []
    explored: set[Path] = set()

    def explore(listing: tuple[tuple[Path, Path], ...]) -> None:
        """`listing`: each folder being listed (resolved) and the path that led to it."""
        folder = listing[-1][0]
        explored.add(folder)
        try:
            with os.scandir(folder) as listed:
                entries = sorted(listed, key=lambda entry: entry.name)
        except OSError:
            return  # (reported by the walk)
        for entry in entries:
            via = folder / entry.name
            try:
                is_dir, target = entry.is_dir(), via.resolve()
            except (OSError, RuntimeError):  # a link to nothing, or round a loop of links
                continue  # (reported by the walk)
            if not target.is_relative_to(root):
                if entry.name.startswith(".") and entry.is_symlink():
                    found.append(linked_out(f"{shown}/{via.relative_to(root).as_posix()}"))
                continue  # any other is reported by the walk
            if not is_dir:
                continue
            folders = [held for held, _ in listing]
            if target in folders:
                loop = [path for _, path in listing[folders.index(target) + 1:]] + [via]
                link = next((path for path in loop if path.is_symlink()), via)
                found.append(error(
                    Pos(f"{shown}/{link.relative_to(root).as_posix()}"), "content-symlink-loop",
                    "this link leads back to a folder that holds it: MkDocs, which "
                    "follows links in pages/, would list it round and round",
                    "link to a folder that does not hold the link, or copy the pages in"))
            elif target not in explored:
                explore((*listing, (target, via)))

    try:
        start = pages.resolve()
    except (OSError, RuntimeError):  # pages/ a link round a loop: reported by the walk
        return found
    if start.is_dir() and start.is_relative_to(root):
        explore(((start, pages),))
    return found


# What `briefing new` keeps beside a source text it extracted (extract.SUFFIXES).
ORIGINAL_SUFFIXES = (".html", ".pdf")


def _lone_originals(listed: list[tuple[str, ...]], wanted: set[str], shown: str
                    ) -> list[Diagnostic]:
    """A web page or PDF in sources/ with no annotation of its name: put there by hand,
    it would be silently unused, since only `briefing new` turns one into a source. One
    with an annotation but an upper-case extension is never found to be checked."""
    found = []
    for parts in listed:
        name = parts[-1]
        suffix = _suffix(name)
        stem, lowered = name[:-len(suffix)], suffix.lower()
        if len(parts) != 2 or parts[0] != "sources" or lowered not in ORIGINAL_SUFFIXES:
            continue
        what = "PDF" if lowered == ".pdf" else "web page"
        if f"sources/{stem}.yml" not in wanted:
            found.append(warning(
                Pos(f"{shown}/{'/'.join(parts)}"), "content-unknown-file",
                f"this {what} is not read: no annotation sources/{stem}.yml goes with it",
                f"move it out of content/, then add it with `briefing new PATH/{name}`: "
                "that extracts its text into sources/<id>.txt and keeps a copy here under "
                "the same id"))
        elif suffix != lowered:
            found.append(_upper_case(f"{shown}/{'/'.join(parts)}", suffix, stem + lowered))
    return found


def _textless_sources(listing: list[tuple[tuple[str, ...], Entry | FileFault]]) -> set[str]:
    """The ids of the annotations in sources/ with no <id>.txt beside them."""
    names = {parts[1] for parts, _ in listing if len(parts) == 2 and parts[0] == "sources"}
    return {name[:-4] for name in names
            if name.endswith(".yml") and f"{name[:-4]}.txt" not in names}


def _stray(parts: tuple[str, ...], display: str, textless: set[str]) -> list[Diagnostic]:
    """Any file outside pages/ the content model does not read: left unsaid, a page or
    brief put in the wrong place would just be missing from the site. Files in an unknown
    folder are covered by that folder's warning; kept originals by `_lone_originals`.
    `textless`: the sources whose article is missing, which a file saved without its
    .txt (or as .text) would be."""
    name = parts[-1]
    suffix = _suffix(name)
    lowered = suffix.lower()
    stem = name[:len(name) - len(suffix)]
    if parts[0] == "sources" and len(parts) == 2 and lowered in ("", ".text") \
            and stem in textless:
        return [warning(Pos(display), "content-unknown-file",
                        "this file is not read: an article's text is read from <id>.txt",
                        f"rename it to {stem}.txt: sources/{stem}.yml has no article beside it")]
    if _is_content_file(list(parts)) or _is_clutter(name) or not (
            parts[0] in KNOWN_DIRS or len(parts) == 1):
        return []
    if len(parts) == 2 and parts[0] == "sources" and lowered in ORIGINAL_SUFFIXES:
        return []
    if lowered in (".yml", ".yaml", ".txt"):
        renamed = name[:-len(suffix)] + (".yml" if lowered == ".yaml" else lowered)
        if _is_content_file([*parts[:-1], renamed]):
            return [_upper_case(display, suffix, renamed) if suffix != lowered else warning(
                Pos(display), "content-unknown-file", "this file is not read",
                f"rename it to {renamed}: annotation files end in .yml")]
    return [warning(Pos(display), "content-unknown-file",
                    f"this file is not read: {_unread_because(parts, lowered)}",
                    _where_it_belongs(parts, lowered))]


# Files an editor, a file manager or git leaves beside the ones it works on; hidden names
# (.DS_Store, .gitkeep, vim's .name.swp) are never listed at all (`files.walk`).
_CLUTTER_SUFFIXES = ("~", ".swp", ".swo", ".bak", ".orig")
_CLUTTER_NAMES = frozenset({"thumbs.db", "desktop.ini"})


def _is_clutter(name: str) -> bool:
    return (name.endswith(_CLUTTER_SUFFIXES) or name.lower() in _CLUTTER_NAMES
            or (len(name) > 1 and name.startswith("#") and name.endswith("#")))


def _unread_because(parts: tuple[str, ...], lowered: str) -> str:
    """What the content model reads where the file is, so the message says why not it."""
    if len(parts) == 1:
        return "at the top of content/ only claims.yml, entities.yml and names.yml are read"
    where = f"{parts[0]}/"
    if len(parts) > 2 and parts[0] in ("sources", "briefs"):
        return f"files in folders inside {where} are not read"
    read = {"sources": "<id>.txt and <id>.yml files", "briefs": "<id>.yml files"}
    return f"only {read.get(parts[0], '.yml files')} are read in {where}" + (
        f", not {lowered} files" if lowered else "")


def _where_it_belongs(parts: tuple[str, ...], lowered: str) -> str:
    """Where a file of this kind goes, from its extension: a page written outside pages/
    is the likeliest mistake, then an annotation written in another format."""
    if lowered in MARKDOWN_SUFFIXES:
        return (f"a hand-written page goes in content/pages/: move it to "
                f"content/pages/{parts[-1]}, where MkDocs publishes it")
    if lowered in (".json", ".toml"):
        return ("briefs, claims, entities and source annotations are YAML files ending in "
                ".yml (sources/<id>.yml, briefs/<id>.yml, claims.yml or claims/*.yml, "
                "entities.yml or entities/*.yml, names.yml): write it as one, or move it out of "
                "content/")
    if lowered in (".html", ".htm", ".pdf"):
        return (f"move it out of content/, then add it with `briefing new PATH/{parts[-1]}`: "
                "that extracts its text into sources/<id>.txt and keeps a copy in sources/")
    if lowered in (".text", ".txt", ".rtf", ".doc", ".docx", ""):
        return ("an article's text goes in sources/<id>.txt (plain UTF-8), beside its "
                "annotation sources/<id>.yml; keep notes to yourself outside content/, "
                "or make them a page in content/pages/")
    if lowered in (".yml", ".yaml"):
        return ("sources go in sources/ as <id>.txt and <id>.yml; claims and entities in "
                "claims.yml / entities.yml or under claims/ and entities/; briefs as "
                "briefs/<id>.yml; the names of metrics and topics in names.yml")
    return (f"images and other files the site shows go in content/pages/ (as "
            f"content/pages/{parts[-1]}, linked from a page); anything else belongs "
            "outside content/")


def _upper_case(display: str, suffix: str, renamed: str) -> Diagnostic:
    """A content file but for the case of its extension: extensions are matched as
    written, on every file system, so what it holds would surface only as references to
    unknown ids."""
    return warning(Pos(display), "content-unknown-file",
                   f"this file is not read: its extension {suffix} is not in lower case",
                   f"rename it to {renamed}")


def _suffix(name: str) -> str:
    """The extension as pathlib gives it (`PurePath.suffix`)."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _is_content_file(parts: list[str]) -> bool:
    if len(parts) == 1:
        return parts[0] in KNOWN_FILES
    top, name = parts[0], parts[-1]
    if top == "sources":
        return len(parts) == 2 and name.endswith((".txt", ".yml"))
    if top == "briefs":
        return len(parts) == 2 and name.endswith(".yml")
    return top in ("claims", "entities") and name.endswith(".yml")


@dataclass(frozen=True)
class _Read:
    """What one file gives: its article or parsed annotation, and its problems."""

    item: YamlDoc | SourceText | Unparsed | None
    problems: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class _Kept:
    """A file's last reading, with a digest of its bytes and, when it can be trusted, the
    file's status when it was read."""

    digest: bytes
    read: _Read
    stat: tuple[int, ...] | None


@dataclass
class LoadStore:
    """The last reading of each file, by path and display path (what a reading depends on
    besides the bytes): a rebuild of `mkdocs serve` reuses the objects of every unchanged
    file, so the later stages find them identical (`is`) and skip their work. Entries of
    files no longer read are dropped."""

    reads: dict[tuple[str, str], _Kept] = field(default_factory=dict)

# A file whose status (size, inode, modification and change times) is what it was when it
# was read is not read again. Writing a file sets its change time (which nothing can set
# back), but file systems keep that time coarsely, so a file written just before or while
# it was read could be written again with no visible change: its status is trusted only
# when its times were this much older than the clock when it was read. Otherwise, and
# whenever the status differs, the digest of the bytes decides.
SETTLED_NS = 2_000_000_000


def _status(path: str) -> tuple[int, ...] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_ino, st.st_dev, st.st_mtime_ns, st.st_ctime_ns)


def load(content_dir: Path, store: LoadStore | None = None) -> Loaded:
    """`store`, kept across rebuilds, lets unchanged files keep their objects."""
    kept = store.reads if store is not None else {}
    problems: list[Diagnostic] = []
    missing = not_a_folder(content_dir)
    if missing is not None:
        return Loaded((), (), (missing,))
    rels, notes, faults = discover(content_dir)
    problems.extend(notes)
    shown = display_root(content_dir)
    folder = os.fspath(content_dir)
    docs: list[YamlDoc] = []
    texts: list[SourceText] = []
    # What could not even be listed or opened may declare anything (broken.py).
    unparsed = [Unparsed(rel, f"{shown}/{rel}", "", unread=True) for rel in faults]
    used: dict[tuple[str, str], _Kept] = {}
    for rel in rels:
        display = f"{shown}/{rel}"
        path = os.path.join(folder, rel)
        last = kept.get((rel, display))
        now = time.time_ns()  # before the status: a write after it is later than this
        status = _status(path)
        if last is None or last.stat is None or last.stat != status:
            try:
                data = read_regular(path, MAX_TEXT_BYTES)
            except FileFault as fault:
                problems.append(fault.diagnostic(display))
                unparsed.append(Unparsed(rel, display, "", unread=True))  # (broken.py)
                continue
            digest = hashlib.blake2b(data, digest_size=20).digest()
            read = last.read if last is not None and last.digest == digest \
                else _read(rel, display, data)
            settled = status is not None and now - max(status[3:]) > SETTLED_NS
            last = _Kept(digest, read, status if settled else None)
        used[rel, display] = last
        read = last.read
        problems.extend(read.problems)
        if isinstance(read.item, SourceText):
            texts.append(read.item)
        elif isinstance(read.item, Unparsed):
            unparsed.append(read.item)
        elif read.item is not None:
            docs.append(read.item)
    if store is not None:
        store.reads = used
    return Loaded(tuple(docs), tuple(texts), tuple(problems), tuple(unparsed))


def not_a_folder(content_dir: Path) -> Diagnostic | None:
    """`content-missing` when there is no folder at `content_dir`; None when there is one,
    or when only listing it can tell (the walk reports a folder it cannot read)."""
    try:
        mode = os.stat(content_dir).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return error(Pos(display_root(content_dir)), "content-missing",
                     "the content folder does not exist",
                     "create it, or point the plugin's `content_dir` option at it")
    except OSError:
        return None
    if stat.S_ISDIR(mode):
        return None
    return error(Pos(display_root(content_dir)), "content-missing",
                 f"the content folder is {'a' if stat.S_ISREG(mode) else 'a special'} file, "
                 "not a folder",
                 "point the plugin's `content_dir` option (or `--content`) at the folder "
                 "that holds sources/, claims.yml and briefs/")


# The list each kind of annotation file (by its folder, or name) holds its items in, and
# a key its entries have: named when its key line is lost (`keyless.py`).
ITEM_LISTS = MappingProxyType({"sources": ListKey("quotes", "id", "quotes"),
                               "claims": ListKey("claims", "id", "claims"),
                               "entities": ListKey("entities", "id", "entities"),
                               "briefs": ListKey("sections", "kind", "sections"),
                               # (the first of its two lists: `topics:` lost would merge
                               # the topics into the metrics, each then named unused)
                               "names": ListKey("metrics", "id", "metric names")})


def item_list(rel: str) -> ListKey | None:
    """The list the annotation file at `rel` holds its items in, if its kind has one."""
    return ITEM_LISTS.get(rel.split("/", 1)[0].split(".", 1)[0])


def _read(rel: str, display: str, data: bytes) -> _Read:
    if rel.startswith("pages/"):
        return _page(rel, display, data)
    if len(data) > MAX_TEXT_BYTES:
        return _Read(Unparsed(rel, display, ""), (error(Pos(display), "content-too-large",
                                  f"the file is larger than {MAX_TEXT_BYTES:,} bytes",
                                  "split it; a single article or annotation is far smaller"),))
    text, text_problems = decode_source(data, display)
    if text is None:
        # Still there to be named: an article so, an annotation with the ids it shows.
        shown = "" if rel.endswith(".txt") else readable(data)
        return _Read(Unparsed(rel, display, shown), text_problems)
    if rel.endswith(".txt"):
        source_id = rel.rsplit("/", 1)[-1].removesuffix(".txt")
        if is_blank(text):
            text_problems = (*text_problems, _empty_text(display, source_id, len(data)))
        return _Read(SourceText(source_id, display, text), text_problems)
    node, yaml_problems = parse_yaml(text, display, item_list(rel))
    # A file that holds nothing (often a save caught half-written) may have declared any
    # id: what refers to them waits for it, as for a file not read at all, rather than
    # burying its one error under an `unknown claim` at every reference.
    empty = any(p.code == "yaml-empty" for p in yaml_problems)
    return _Read(YamlDoc(rel, display, text, node) if node is not None
                 else Unparsed(rel, display, text, unread=empty,
                               lost_id=lost_an_id(yaml_problems)),
                 (*text_problems, *yaml_problems))


def _empty_text(display: str, source_id: str, size: int) -> Diagnostic:
    """Said once here, at the article: otherwise each of its quotes would only be
    `quote-not-found`, and nothing would say the text itself is missing."""
    what = "the file is empty" if size == 0 else "the file holds nothing but white space"
    return error(Pos(display, 1, 1), "source-text-empty",
                 f"the article of source {source_id!r} has no text: {what}",
                 f"put the article into sources/{source_id}.txt, its text exactly as "
                 "received: the quotes are found in it")


def _runnable_page_file(path: str, display: str) -> Diagnostic | None:
    """A file among the pages that the site leaves out, as it could run a script."""
    def read() -> bytes:
        with open(path, "rb") as file:
            return file.read(MAX_TEXT_BYTES + 1)
    try:
        return runnable(display, path.rpartition("/")[2], read)
    except OSError:  # gone since it was listed, or unreadable: MkDocs' to report
        return None


def _page(rel: str, display: str, data: bytes) -> _Read:
    """A hand-written page is MkDocs' to read; only what would stop MkDocs with a
    traceback is reported, bytes that are not UTF-8 (in pages under the size cap), and
    front matter MkDocs would publish as text; and a name shown in another order."""
    named = bidi_in_name(rel, display)
    if len(data) > MAX_TEXT_BYTES:
        return _Read(None, named)
    text, problems = decode_source(data, display)
    found = tuple(p for p in problems if p.code == "text-not-utf8")
    if text is None:
        return _Read(None, (*named, *found))
    block = _FRONT_MATTER.match(text)
    body = text if block is None else "\n" * block.group(0).count("\n") + text[block.end():]
    return _Read(None, (*named, *found, *_front_matter(text, display),
                        *unsafe_markup(body, display)))


# MkDocs' front matter: between a first line `---` and the next `---` or `...` line.
_FRONT_MATTER = re.compile(r"-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def front_matter(text: str, display: str) -> YMap | None:
    """A page's front matter as MkDocs reads it, when it is a mapping (its positions
    counted from the block's first line, the page's second)."""
    block = _FRONT_MATTER.match(text)
    node = parse_yaml(block.group(1), display)[0] if block is not None else None
    return node if isinstance(node, YMap) else None


def _front_matter(text: str, display: str) -> tuple[Diagnostic, ...]:
    """Front matter that is not YAML, or not a mapping, which MkDocs then leaves in the
    page: `title: "About` (unclosed) was published as a rule and a heading; and what of
    it the published page leaves out."""
    block = _FRONT_MATTER.match(text)
    if block is None:
        return ()
    node, problems = parse_yaml(block.group(1), display)
    hint = ("fix the YAML between the `---` lines (quote a value holding `: `, close "
            "every quote), or remove them; MkDocs would publish them as the page's text")
    syntax = [p for p in problems if p.code == "yaml-syntax"]
    if syntax:  # (read from the page's second line)
        at = syntax[0].pos
        return (error(Pos(display, (at.line or 1) + 1, at.col), "page-front-matter",
                      f"the page's front matter is not valid YAML: "
                      f"{syntax[0].message.removeprefix('YAML syntax error: ')}", hint),)
    if node is not None and not isinstance(node, YMap):
        return (error(Pos(display, 2, 1), "page-front-matter",
                      "the page's front matter is not a mapping of keys to values", hint),)
    return _left_out(node, display) if isinstance(node, YMap) else ()


def _left_out(front: YMap, display: str) -> tuple[Diagnostic, ...]:
    """What of a page's front matter the published page leaves out: structured data
    written by hand, and an address Material's redirecting page would go to that runs a
    script (`safehtml.themed_page`). At their lines, the front matter's first being the
    page's second."""
    found = []
    data = next((key for key, _ in front.items if key.value == "jsonld"), None)
    if data is not None:
        found.append(warning(
            Pos(display, (data.pos.line or 1) + 1, data.pos.col), "page-structured-data",
            "structured data written by hand is left out of the published page",
            "remove `jsonld:`: search engines are shown a claim's review only as its "
            "annotation backs it, on its claim page"))
    away = front.get("location")
    if isinstance(away, YScalar) and safe_url(away.value) is None:
        found.append(warning(Pos(display, (away.pos.line or 1) + 1, away.pos.col),
                             "page-unsafe-markup",
                             f"the address {away.value!r} is left out of the published page",
                             HINT))
    return tuple(found)

