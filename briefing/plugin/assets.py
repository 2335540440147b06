"""The plugin's own styles and scripts, for any theme.

Citations and their previews, quoted passages, status and stance badges, inferred dates,
the map and the problems banner are features of the generated pages, not of a theme: the
plugin lists `briefing/assets/` in `extra_css` / `extra_javascript` and adds the files to
the site as generated files (never into `docs_dir`), so they work under MkDocs' own theme
and Material as under Briefing's. The problems banner is drawn by features.js from
`problems.json`, which every build writes beside it: the pages' HTML is the same whether
or not there are problems.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..problems import PROBLEMS_PAGE, ProblemsSummary, problems_json

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SITE_FOLDER = "assets/briefing"
STYLES, SCRIPTS = ("features.css",), ("features.js",)
PROBLEMS_JSON = f"{SITE_FOLDER}/problems.json"  # read by features.js


def add_assets(config: MkDocsConfig) -> None:
    """List the assets first, so a site's own extra_css and extra_javascript can override
    them."""
    for names, listed in ((STYLES, config.extra_css), (SCRIPTS, config.extra_javascript)):
        for name in reversed(names):
            uri = f"{SITE_FOLDER}/{name}"
            if uri not in listed:
                listed.insert(0, uri)


def asset_files(config: MkDocsConfig) -> list[File]:
    return [File.generated(config, f"{SITE_FOLDER}/{name}", abs_src_path=str(ASSETS / name))
            for name in (*STYLES, *SCRIPTS)]


def problems_file(config: MkDocsConfig, problems: ProblemsSummary | None) -> File:
    """`problems.json`, next to the script that reads it. The pages never change with the
    problems, so `mkdocs serve --dirty` rebuilds none of them when a warning comes or
    goes."""
    href = File(PROBLEMS_PAGE, src_dir=None, dest_dir="",
                use_directory_urls=config.use_directory_urls).url
    return File.generated(config, PROBLEMS_JSON, content=problems_json(problems, href))
