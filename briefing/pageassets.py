"""The plugin's own styles and scripts, for any theme: which files there are, what each
holds, and which a page loads.

Citations and their previews, quoted passages, status and stance badges, inferred dates,
the map and the problems banner are features of the generated pages, not of a theme: the
files in `briefing/assets/` are added to the site as generated files (never into
`docs_dir`), so they work under MkDocs' own theme and Material as under Briefing's.

A page loads what it uses: `features.css`/`.js` on every page, and the styles and
scripts only one type of page uses (a brief's citations and chips, a claim's verdict,
a source's passages, the charts, the maps) from `pages/<type>.css`/`.js`, on that type
of page only. A theme that links each page's own files says so in its
`mkdocs_theme.yml` (`briefing_page_assets: true`, as Briefing's does) and asks
`page_assets` for them; it also sets the palette the features read. Any other theme
gets the features with the default palette and every type's files in one (`all-pages`),
listed first among the site's styles and scripts. A hand-written page may use any of
them, so it gets the one file too.

The problems banner is drawn by features.js from `problems.json`, which every build
writes beside it: the pages' HTML is the same whether or not there are problems. All
these files are served minified (`minify.py`). The MkDocs adapter is `plugin/assets.py`.

The scripts' own words for readers (`t("…")` in them) are written in English. On a site
whose language Briefing has words for (`wording.py`), the build writes their translations
into the served features.js, which hands them to the page types' scripts: no request
more, and an English site's files are the scripts as written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from babel.messages.extract import extract

from .minify import minified
from .paths import page_type
from .wording import Wording

ASSETS = Path(__file__).resolve().parent / "assets"
SITE_FOLDER = "assets/briefing"
STYLES, SCRIPTS = ("features.css",), ("features.js",)
PALETTE = "palette.css"  # the default colours, for a theme that sets none
ALL_PAGES = "all-pages"  # every page type's styles (and scripts) in one file
THEME_FLAG = "briefing_page_assets"  # in mkdocs_theme.yml: the theme links them per page
PROBLEMS_JSON = f"{SITE_FOLDER}/problems.json"  # read by features.js
PICKER_SCRIPT = f"{SITE_FOLDER}/picker.js"  # when the quote picker is on (`quote_picker`)
# The page types (`paths.page_type`) with a file of their own in assets/pages/.
PAGE_STYLES = ("brief", "claim", "coverage", "figures", "home", "map", "problems", "source")
PAGE_SCRIPTS = ("brief", "problems", "source")
OWN_FILES = MappingProxyType({".css": PAGE_STYLES, ".js": PAGE_SCRIPTS})
# Where features.js holds the scripts' words in the site's language (none as written).
WORDS_SLOT = "var words = null;"


@dataclass(frozen=True)
class PageAssets:
    """The plugin's styles and scripts one page loads, in order, as site paths."""
    styles: tuple[str, ...]
    scripts: tuple[str, ...]


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


def site_wide_assets() -> PageAssets:
    """For a theme that does not link them per page, what every page loads: the features
    and every page type's files."""
    return PageAssets(*(tuple(f"{SITE_FOLDER}/{name}" for name in (*names, f"{ALL_PAGES}{suffix}"))
                        for names, suffix in ((STYLES, ".css"), (SCRIPTS, ".js"))))


def _made_of() -> dict[str, tuple[str, ...]]:
    """Each of the files (by its name under `SITE_FOLDER`) and the files of assets/ it is
    made of: the features, each page type's files, and every type's in one file."""
    made: dict[str, tuple[str, ...]] = {name: (name,) for name in (*STYLES, *SCRIPTS)}
    for suffix, kinds in OWN_FILES.items():
        made |= {f"pages/{kind}{suffix}": (f"pages/{kind}{suffix}",) for kind in kinds}
        made[f"{ALL_PAGES}{suffix}"] = tuple(f"pages/{kind}{suffix}" for kind in kinds)
    return made


def asset_texts(*, own_palette: bool, words: Wording | None = None) -> dict[str, str]:
    """Each file's site path and minified text, the features' styles with the default
    palette first unless the theme sets its own, the features' script with the scripts'
    words in `words` unless they are English."""
    def read(name: str) -> str:
        text = (ASSETS / name).read_text("utf-8")
        if name in SCRIPTS and words is not None and not words.english:
            if text.count(WORDS_SLOT) != 1:
                raise ValueError(f"{name}: no {WORDS_SLOT!r} to hold the scripts' words")
            return text.replace(WORDS_SLOT, f"var words = {script_words(words)};")
        return text

    palette = "" if own_palette else read(PALETTE) + "\n"
    return {f"{SITE_FOLDER}/{name}": minified(name, (
        palette if name in STYLES else "") + "\n".join(read(part) for part in parts))
        for name, parts in _made_of().items()}


def script_words(words: Wording) -> str:
    """The messages the scripts mark (`t("…")`), each with its translation in `words`, as
    a JavaScript object."""
    found: dict[str, str] = {}
    for name in (*SCRIPTS, *(f"pages/{kind}.js" for kind in PAGE_SCRIPTS)):
        with (ASSETS / name).open("rb") as file:
            for _line, message, _comments, _context in extract(
                    "javascript", file, keywords={"t": None}):
                if isinstance(message, str):
                    found[message] = words.gettext(message)
    return json.dumps(found, ensure_ascii=False, sort_keys=True)


def site_files(*, picker: bool) -> tuple[str, ...]:
    """The site paths of every file the plugin adds to the site besides the pages and the
    build's own files (the feed): its styles and scripts, `problems.json`, and the quote
    picker's script when the picker is on. A hand-written file at one of these paths would
    be replaced (`collisions.py`)."""
    return (*(f"{SITE_FOLDER}/{name}" for name in _made_of()), PROBLEMS_JSON,
            *((PICKER_SCRIPT,) if picker else ()))
