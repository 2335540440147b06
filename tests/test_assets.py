"""The plugin's assets reach any theme; what the problems banner says is written to
problems.json for the pages' script, and a claim's structured data is offered to themes
that do not write it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from mkdocs.config.defaults import MkDocsConfig

from briefing.cli import main
from briefing.jsonld import with_structured_data
from briefing.pageassets import (
    ASSETS,
    PAGE_SCRIPTS,
    PAGE_STYLES,
    SCRIPTS,
    STYLES,
    PageAssets,
    asset_texts,
    page_assets,
)
from briefing.plugin.assets import add_assets
from briefing.problems import ProblemsSummary, problems_json
from briefing.wording import Wording, load_catalog


def _config(theme: str) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "extra_css": ["mine.css"], "theme": theme,
                      "extra_javascript": ["mine.js"]})
    assert not config.validate()[0]
    return config


def test_under_another_theme_the_assets_are_listed_first_and_once() -> None:
    config = _config("mkdocs")
    for _ in range(2):  # `mkdocs serve` may hand the same config over again
        add_assets(config)
    assert config.extra_css == ["assets/briefing/features.css",
                                "assets/briefing/all-pages.css", "mine.css"]
    assert [str(s) for s in config.extra_javascript] == [
        "assets/briefing/features.js",
        "assets/briefing/all-pages.js", "mine.js"]
    for name in (*STYLES, *SCRIPTS):
        assert (ASSETS / name).is_file()


def test_the_briefing_theme_links_each_pages_own_assets() -> None:
    config = _config("briefing")
    add_assets(config)
    assert config.extra_css == ["mine.css"]
    assert [str(s) for s in config.extra_javascript] == ["mine.js"]
    base = ("assets/briefing/features.css",), ("assets/briefing/features.js",)
    assert page_assets("briefs/b.md", generated=True).styles == (
        *base[0], "assets/briefing/pages/brief.css")
    assert page_assets("figures/m-x.md", generated=True).styles[-1] == \
        "assets/briefing/pages/figures.css"
    assert page_assets("briefs/index.md", generated=True) == PageAssets(*base)
    assert page_assets("timeline/page-2.md", generated=True) == PageAssets(*base)
    assert page_assets("", generated=False) == PageAssets(*base)  # 404.html
    # A hand-written page may use any feature.
    assert page_assets("briefs/b.md", generated=False) == PageAssets(
        (*base[0], "assets/briefing/all-pages.css"),
        (*base[1], "assets/briefing/all-pages.js"))


def test_each_page_type_named_has_its_file_and_each_file_is_named() -> None:
    for suffix, named in ((".css", PAGE_STYLES), (".js", PAGE_SCRIPTS)):
        assert sorted(path.stem for path in (ASSETS / "pages").glob(f"*{suffix}")) == \
            sorted(named)


def test_problems_json_says_what_the_banner_shows() -> None:
    assert json.loads(problems_json(None, "problems/")) == {"problems": None}
    summary = ProblemsSummary(errors=2, warnings=1, kept_last_good=True)
    assert json.loads(problems_json(summary, "problems.html"))["problems"] == {
        "errors": 2, "warnings": 1, "text": "2 errors, 1 warning", "kept_last_good": True,
        "href": "problems.html", "links": []}


def test_the_scripts_words_are_written_into_features_js_in_the_sites_language() -> None:
    """Only where the words are not English: an English site's scripts are as written."""
    written = asset_texts(own_palette=False)
    assert asset_texts(own_palette=False, words=Wording()) == written
    po = ('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
          'msgid "Citations"\nmsgstr "Références"\n').encode()
    french = asset_texts(own_palette=False, words=load_catalog("fr", po))
    script = "assets/briefing/features.js"
    assert {path for path in french if french[path] != written[path]} == {script}
    words = json.loads(re.search(r"var words=(\{.*?\});", french[script])[1])
    assert words["Citations"] == "Références"
    # Every word the scripts mark, the untranslated ones as written.
    assert words["%(quote)s is cited in: %(points)s"] == "%(quote)s is cited in: %(points)s"
    assert "var words=null;" in written[script]


def test_claim_pages_carry_their_structured_data_under_another_theme(tmp_path: Path) -> None:
    project = tmp_path / "project"
    assert CliRunner().invoke(main, ["init", str(project)]).exit_code == 0
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "theme:\n  name: briefing\n", "theme:\n  name: mkdocs\n"), encoding="utf-8")
    env = {**os.environ, "BRIEFING_SITE_URL": "https://example.org/b/"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                            cwd=project, env=env, capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "claims" / "sunday-opening-cost-40k" / "index.html").read_text(
        encoding="utf-8")
    (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ld = json.loads(data)
    assert ld["@type"] == "ClaimReview"
    assert ld["url"] == "https://example.org/b/claims/sunday-opening-cost-40k/"
    assert html.index("application/ld+json") < html.index("</head>")


def test_structured_data_the_theme_wrote_is_left_alone() -> None:
    html = '<head><script type="application/ld+json">{}</script></head>'
    assert with_structured_data(html, {"a": 1}, None) == html
    assert with_structured_data("<head></head>", {"b": "</script>", "a": 1}, None) == \
        '<head><script type="application/ld+json">{"a": 1, "b": "\\u003c/script\\u003e"}' \
        "</script>\n</head>"
