"""The plugin's own styles and scripts, for any theme.

Citations and their previews, quoted passages, status and stance badges, inferred dates,
the map and the problems banner are features of the generated pages, not of a theme: the
plugin adds the files in `briefing/assets/` to the site as generated files (never into
`docs_dir`), so they work under MkDocs' own theme and Material as under Briefing's.

A page loads what it uses: `features.css`/`.js` on every page, and the styles and
scripts only one type of page uses (a brief's citations and chips, a claim's verdict,
a source's passages, the charts, the maps) from `pages/<type>.css`/`.js`, on that type
of page only. A theme that links each page's own files says so in its
`mkdocs_theme.yml` (`briefing_page_assets: true`, as Briefing's does) and asks
`page_assets` for them; it also sets the palette the features read. Any other theme
gets the features with the default palette and every type's files in one (`all-pages`),
listed first in `extra_css`/`extra_javascript`. A hand-written page may use any of them,
so it gets the one file too.

The problems banner is drawn by features.js from `problems.json`, which every build
writes beside it: the pages' HTML is the same whether or not there are problems. Both
these and the Briefing theme's own styles and scripts are served minified
(`briefing/minify.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..minify import is_minifiable, minified
from ..paths import page_type
from ..problems import PROBLEMS_PAGE, ProblemsSummary, problems_json

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SITE_FOLDER = "assets/briefing"
STYLES, SCRIPTS = ("features.css",), ("features.js",)
PALETTE = "palette.css"  # the default colours, for a theme that sets none
ALL_PAGES = "all-pages"  # every page type's styles (and scripts) in one file
THEME_FLAG = "briefing_page_assets"  # in mkdocs_theme.yml: the theme links them per page
PROBLEMS_JSON = f"{SITE_FOLDER}/problems.json"  # read by features.js
# The page types (`paths.page_type`) with a file of their own in assets/pages/.
PAGE_STYLES = ("brief", "claim", "coverage", "figures", "home", "map", "problems", "source")
PAGE_SCRIPTS = ("brief", "source")
OWN_FILES = {".css": PAGE_STYLES, ".js": PAGE_SCRIPTS}


@dataclass(frozen=True)
class PageAssets:
    """The plugin's styles and scripts one page loads, in order, as site paths."""
    styles: tuple[str, ...]
    scripts: tuple[str, ...]


def links_per_page(config: MkDocsConfig) -> bool:
    return bool(config.theme.get(THEME_FLAG))


def page_assets(src_uri: str, *, generated: bool) -> PageAssets:
    """What the page at `src_uri` (relative to the docs folder; "" for a page of the
    theme's own, such as 404.html) loads of the plugin's files, for a theme that links
    them per page: the features, then its type's files, or every type's for a
    hand-written page."""
    own = page_type(src_uri) if generated else ALL_PAGES if src_uri else None

    def listed(names: tuple[str, ...], suffix: str) -> tuple[str, ...]:
        extra = (f"{ALL_PAGES}{suffix}",) if own == ALL_PAGES else \
            (f"pages/{own}{suffix}",) if own in OWN_FILES[suffix] else ()
        return tuple(f"{SITE_FOLDER}/{name}" for name in (*names, *extra))

    return PageAssets(listed(STYLES, ".css"), listed(SCRIPTS, ".js"))


def add_assets(config: MkDocsConfig) -> None:
    """For a theme that does not link them per page: the features and every page type's
    files, listed first, so a site's own extra_css and extra_javascript can override
    them."""
    if links_per_page(config):
        return
    for names, suffix, listed in ((STYLES, ".css", config.extra_css),
                                  (SCRIPTS, ".js", config.extra_javascript)):
        for name in reversed((*names, f"{ALL_PAGES}{suffix}")):
            uri = f"{SITE_FOLDER}/{name}"
            if uri not in listed:
                listed.insert(0, uri)


def asset_files(config: MkDocsConfig) -> list[File]:
    """The features (with the default palette first, unless the theme sets its own), each
    page type's files, and every type's in one file."""
    def read(name: str) -> str:
        return (ASSETS / name).read_text("utf-8")

    def generated(name: str, text: str) -> File:
        return File.generated(config, f"{SITE_FOLDER}/{name}", content=minified(name, text))

    palette = "" if links_per_page(config) else read(PALETTE) + "\n"
    files = [generated(name, (palette if name.endswith(".css") else "") + read(name))
             for name in (*STYLES, *SCRIPTS)]
    for suffix, kinds in OWN_FILES.items():
        files += [generated(f"pages/{kind}{suffix}", read(f"pages/{kind}{suffix}"))
                  for kind in kinds]
        files.append(generated(f"{ALL_PAGES}{suffix}", "\n".join(
            read(f"pages/{kind}{suffix}") for kind in kinds)))
    return files


def minify_theme_assets(files: Files, config: MkDocsConfig) -> None:
    """The Briefing theme's styles and scripts, minified in place of the files as written.
    Another theme's files, and a site's own in docs_dir, are left as they are."""
    spec = find_spec("briefing.theme")  # the repository's theme/ when installed editable
    if spec is None or spec.origin is None:
        return
    ours = Path(spec.origin).resolve().parent
    for file in list(files):
        source = file.abs_src_path
        if file.generated_by is not None or source is None or not is_minifiable(source):
            continue
        if not Path(source).resolve().is_relative_to(ours):
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=minified(
            source, Path(source).read_text("utf-8"))))


def problems_file(config: MkDocsConfig, problems: ProblemsSummary | None) -> File:
    """`problems.json`, next to the script that reads it. The pages never change with the
    problems, so `mkdocs serve --dirty` rebuilds none of them when a warning comes or
    goes."""
    href = File(PROBLEMS_PAGE, src_dir=None, dest_dir="",
                use_directory_urls=config.use_directory_urls).url
    return File.generated(config, PROBLEMS_JSON, content=problems_json(problems, href))
