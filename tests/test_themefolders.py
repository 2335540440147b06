"""The theme's folders answer as MkDocs' Jinja loader does (`themefolders.py`)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from corpus_helpers import write_tree

from briefing.themefolders import ThemeFolders

NAMES = ["main.html", "./main.html", "page//notes.html", "page/./notes.html", "../main.html",
         "page/../main.html", "", "/", "main.html/", "page", "page/", "Main.html",
         "nothere.html", "page/notes.html", "base.html"]


@pytest.mark.parametrize("name", NAMES)
def test_a_template_is_found_where_jinja_finds_it(tmp_path: Path, name: str) -> None:
    write_tree(tmp_path / "custom", {"page/notes.html": "x"})
    write_tree(tmp_path / "theme", {"main.html": "x", "base.html": "x"})
    dirs = (str(tmp_path / "custom"), str(tmp_path / "theme"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(dirs))
    try:
        env.get_template(name)
        found = True
    except jinja2.TemplateNotFound:
        found = False
    assert ThemeFolders(dirs).has_template(name) == found


def test_the_static_templates_are_written_where_the_theme_has_them(tmp_path: Path) -> None:
    write_tree(tmp_path / "theme", {"404.html": "x", "sitemap.xml": "x", "css/a.css": "x",
                                    "main.html": "x", "partials/nav.html": "x"})
    theme = ThemeFolders((str(tmp_path / "theme"),), ("404.html", "sitemap.xml", "gone.xml"))
    assert theme.static_outputs() == {"404.html", "sitemap.xml", "sitemap.xml.gz"}
    assert theme.page_templates() == ["404.html", "main.html"]
    assert theme.publishes("css/a.css") and not theme.publishes("main.html")
    assert theme.holds_folder("css") and not theme.holds_folder("partials")
