"""The plugin's own styles and scripts, for any theme.

Citations and their previews, quoted passages, status and stance badges, inferred dates,
the map and the problems banner are features of the generated pages, not of a theme: the
plugin lists `briefing/assets/` in `extra_css` / `extra_javascript` and adds the files to
the site as generated files (never into `docs_dir`), so they work under MkDocs' own theme
and Material as under Briefing's. The problems banner is drawn by features.js from
`problems.json`, which every build writes beside it: the pages' HTML is the same whether
or not there are problems. Both these and the Briefing theme's own styles and scripts are
served minified (`briefing/minify.py`).
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..minify import is_minifiable, minified
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
    return [File.generated(config, f"{SITE_FOLDER}/{name}",
                           content=minified(name, (ASSETS / name).read_text("utf-8")))
            for name in (*STYLES, *SCRIPTS)]


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
