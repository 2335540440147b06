"""Where every generated page lives: paths relative to the docs folder (`claims/x.md`) and
the link targets within them (`sources/s.md#q-x`). Made here only, so a page and the links
to it cannot disagree.

Ids are validated slugs (`^[a-z0-9][a-z0-9-]*$`, never `index` or a device name), so a
path built from one cannot leave its folder or meet another page's path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from types import MappingProxyType

from .wording import Wording

HOME = "index.md"
FIGURES = "figures.md"
TIMELINE = "timeline.md"
COVERAGE = "coverage.md"
MAP = "map.md"
PROBLEMS = "problems.md"  # only while `mkdocs serve` runs

# The folder of each kind of item that has a page of its own.
FOLDERS: Mapping[str, str] = MappingProxyType({
    "brief": "briefs", "claim": "claims", "source": "sources", "entity": "entities",
    "topic": "topics"})
_KINDS: Mapping[str, str] = MappingProxyType({folder: kind for kind, folder in FOLDERS.items()})


def index_path(kind: str) -> str:
    """The index page of a kind's folder (`claims/index.md`)."""
    return f"{FOLDERS[kind]}/index.md"


def sections(words: Wording) -> tuple[tuple[str, str], ...]:
    """The site's sections, in reading order, each its name in `words` and its page: the
    theme shows these instead of every page."""
    return (
        # Translators: the site's home page, in its navigation.
        (words.gettext("Home"), HOME),
        (words.gettext("Briefs"), index_path("brief")),
        (words.gettext("Claims"), index_path("claim")),
        (words.gettext("Topics"), index_path("topic")),
        (words.gettext("Figures"), FIGURES),
        (words.gettext("Timeline"), TIMELINE),
        (words.gettext("Coverage"), COVERAGE),
        # Translators: the site's map of claims and sources, in its navigation.
        (words.gettext("Map"), MAP),
        (words.gettext("Sources"), index_path("source")),
        (words.gettext("Entities"), index_path("entity")),
    )


# The sections in English (their pages are the same in every language).
SECTIONS: tuple[tuple[str, str], ...] = tuple(sections(Wording()))


def page_path(kind: str, ident: str) -> str:
    """The page of one item: a brief, claim, source or entity, a metric's figures page or
    a topic's page. Metrics and topics are slugs the curator writes, not ids checked
    against reserved names: the `m-` and `t-` prefixes keep one named `index` or `con`
    harmless."""
    if kind == "metric":
        return f"figures/m-{ident}.md"
    if kind == "topic":
        return f"topics/t-{ident}.md"
    return f"{FOLDERS[kind]}/{ident}.md"


def map_path(kind: str, ident: str) -> str:
    """The focused map of a brief (`map/b-<id>.md`) or an entity (`map/e-<id>.md`); the
    prefix keeps the two kinds, and an id such as `index`, apart."""
    return f"map/{kind[0]}-{ident}.md"


# The suffixes of the files MkDocs reads as Markdown pages (`utils.markdown_extensions`).
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def published_file(path: str, *, directory_urls: bool) -> str:
    """The file MkDocs writes a page to, relative to the site folder: `claims/x.md` to
    `claims/x/index.html`, or to `claims/x.html` without directory URLs (MkDocs'
    `use_directory_urls`); an `index.md` (or `README.md`) to `index.html` either way; a
    file that is not Markdown where it is. MkDocs' own rule (`File.dest_uri`), for the
    generated pages and the hand-written files of docs_dir alike; tests/test_paths.py
    holds the two together."""
    if not path.endswith(MARKDOWN_SUFFIXES):
        return path
    folder, _, name = path.rpartition("/")
    stem = posixpath.splitext(name)[0]
    stem = "index" if stem == "README" else stem
    written = f"{stem}.html" if stem == "index" or not directory_urls else f"{stem}/index.html"
    return f"{folder}/{written}" if folder else written


def published_url(path: str, *, directory_urls: bool) -> str:
    """A generated page's address relative to the site's root, as MkDocs gives it
    (`File.url`), but the home page's: empty rather than `./`."""
    written = published_file(path, directory_urls=directory_urls)
    return written.removesuffix("index.html") if directory_urls else written


def quote_target(source_id: str, quote_id: str) -> str:
    """A quote's highlighted passage on its source's page."""
    return f"{page_path('source', source_id)}#q-{quote_id}"


def point_anchor(section: str, number: int) -> str:
    """A brief point's anchor: its section and its place there (`point-yes-but-2`), which no
    heading's id takes (headings are the fixed section titles)."""
    return f"point-{section}-{number}"


def anchored(path: str, anchor: str) -> str:
    return f"{path}#{anchor}"


def paged_path(first: str, number: int) -> str:
    """Page 1 of a paged listing is `first` (`entities/x.md`); page n is `entities/x/page-n.md`
    (no id holds a `/`, so this never meets another page's path)."""
    return first if number == 1 else f"{first.removesuffix('.md')}/page-{number}.md"


def coverage_block_path(first: str, last: str) -> str:
    """The page of one block of the coverage matrix, by its first and last column labels."""
    return f"coverage/{first.lower()}-{last.lower()}.md"


def page_type(path: str) -> str:
    """What kind of page a generated page is, which decides the styles and scripts it
    loads: "home"; an item's page ("brief", "claim", "source", "entity", "topic"); "index" for any
    page of a kind's list; else the gathering page its folder or file names ("figures",
    "timeline", "coverage", "map", "problems"), a metric's or a focused map's page too."""
    folder, _, name = path.partition("/")
    if not name:
        return "home" if path == HOME else path.removesuffix(".md")
    kind = _KINDS.get(folder)
    if kind is None:
        return folder
    return "index" if name == "index.md" or name.startswith("index/") else kind


def holds_own_text(path: str) -> bool:
    """Whether a generated page's body is its own text (a source, a claim, a brief) rather
    than text gathered from those pages (indexes, coverage, figures, timeline, map, entity
    appearances). Search indexes the body of the first kind only, and the title and
    introduction of the second, so each passage is found where it is written."""
    folder, _, name = path.partition("/")
    return folder in ("sources", "claims", "briefs") and "/" not in name and name != "index.md"
