"""The plugin's styles and scripts (`pageassets.py`) as MkDocs' files and settings, and the
Briefing theme's own styles and scripts served minified (`minify.py`)."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..minify import is_minifiable, minified
from ..pageassets import PROBLEMS_JSON, THEME_FLAG, asset_texts, site_wide_assets
from ..paths import published_url
from ..problems import PROBLEMS_PAGE, ProblemsSummary, problems_json
from ..wording import Wording


def links_per_page(config: MkDocsConfig) -> bool:
    return bool(config.theme.get(THEME_FLAG))


def add_assets(config: MkDocsConfig) -> None:
    """For a theme that does not link them per page: the plugin's files listed first, so
    a site's own extra_css and extra_javascript can override them."""
    if links_per_page(config):
        return
    every = site_wide_assets()
    for uris, listed in ((every.styles, config.extra_css),
                         (every.scripts, config.extra_javascript)):
        for uri in reversed(uris):
            if uri not in listed:
                listed.insert(0, uri)


def asset_files(config: MkDocsConfig, words: Wording) -> list[File]:
    return [File.generated(config, path, content=text) for path, text
            in asset_texts(own_palette=links_per_page(config), words=words).items()]


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
    return File.generated(config, PROBLEMS_JSON,
                          content=problems_json(problems, problems_href(config)))


def problems_href(config: MkDocsConfig) -> str:
    return published_url(PROBLEMS_PAGE, directory_urls=config.use_directory_urls)
