"""The plugin's own styles and scripts, for any theme.

Citations and their previews, quoted passages, status and stance badges, inferred dates,
the map and the problems banner are features of the generated pages, not of a theme: the
plugin lists `briefing/assets/` in `extra_css` / `extra_javascript` and adds the files to
the site as generated files (never into `docs_dir`), so they work under MkDocs' own theme
and Material as under Briefing's. Briefing's theme draws the problems banner itself; for
any other theme it is left in a `<template>` that features.js shows at the top of the
content.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from ..problems import PROBLEMS_PAGE, ProblemsSummary

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SITE_FOLDER = "assets/briefing"
STYLES, SCRIPTS = ("features.css",), ("features.js",)
BANNER_PARTIAL = "partials/problems-banner.html"  # a theme with it draws the banner


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


def theme_draws_banner(config: MkDocsConfig) -> bool:
    return any((Path(folder) / BANNER_PARTIAL).is_file() for folder in config.theme.dirs)


def banner_template(problems: ProblemsSummary, page: Page, config: MkDocsConfig) -> str:
    """The banner of Briefing's theme (partials/problems-banner.html), as a template."""
    problems_url = File(PROBLEMS_PAGE, src_dir=None, dest_dir="",
                        use_directory_urls=config.use_directory_urls).url
    href = escape(normalize_url(problems_url, page=page))
    kept = " The pages show the last build without errors." \
        if problems.errors and problems.kept_last_good else ""
    has_errors = " has-errors" if problems.errors else ""
    return (f'<template id="briefing-problems-banner"><aside class="problems-banner'
            f'{has_errors}" aria-label="Content problems"><p><strong>The content has '
            f"{escape(problems.text)}.</strong>{kept} "
            f'<a href="{href}">See the problems</a></p></aside></template>')


def with_banner(html: str, banner: str) -> str:
    at = html.rfind("</body>")
    return html[:at] + banner + html[at:] if at >= 0 else html + banner


def with_structured_data(html: str, data: Mapping[str, Any], url: str | None) -> str:
    """The page's schema.org data in its head, as Briefing's theme writes it (`tojson`
    escapes <, >, & and ', so no text can end the tag), unless the theme has."""
    if "application/ld+json" in html:
        return html
    at = html.find("</head>")
    if at < 0:
        return html
    ld = dict(data, url=url) if url else dict(data)
    data_json = htmlsafe_json_dumps(ld, sort_keys=True)
    script = f'<script type="application/ld+json">{data_json}</script>\n'
    return html[:at] + script + html[at:]
