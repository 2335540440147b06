"""`briefing check` names the line of a misspelt Markdown extension or plugin in mkdocs.yml,
which `mkdocs build` refuses without a line; a name not installed here, and far from every
name that is, is left alone: the site may be built where it is installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_helpers import minimal_corpus, write_tree

from briefing import confignames
from briefing.cli import main
from briefing.confignames import (
    extension_slip,
    installed_plugins,
    known_extensions,
    plugin_slip,
    written_name_problems,
)

# (as listed, packages hidden as if not installed, the name meant; None: not reported)
EXTENSIONS = [
    ("tablez", (), "tables"),
    ("admonitions", (), "admonition"),
    ("attr_lists", (), "attr_list"),
    ("footnote", (), "footnotes"),
    ("tablez", ("pymdownx", "markdown"), "tables"),  # Markdown's own, known without it
    ("pymdownx.superfencs", (), "pymdownx.superfences"),
    ("superfences", (), "pymdownx.superfences"),
    ("markdown.extensions.tabels", (), "markdown.extensions.tables"),
    ("markdown.extensions.tabels:TableExtension", (), "markdown.extensions.tables"),
    # not installed here, and not a slip: the site may be built where it is
    ("pymdownx.superfences", ("pymdownx",), None),
    ("pymdownx.superfencs", ("pymdownx",), None),
    ("superfences", ("pymdownx",), None),
    ("tables", ("pymdownx", "markdown"), None),
    ("markdown.extensions.tables", ("markdown",), None),
    # right
    ("tables", (), None),
    ("toc", (), None),
    ("markdown.extensions.tables", (), None),
    ("markdown.extensions.toc:TocExtension", (), None),
    ("pymdownx.superfences", (), None),
    ("pymdownx.arithmatex", (), None),
    # third-party, far from every known name
    ("mdx_truly_sane_lists", (), None),
    ("markdown_include.include", (), None),
    ("neoteroi.timeline", (), None),
    ("footnotes_extended", (), None),
]


@pytest.mark.parametrize(("name", "hidden", "meant"), EXTENSIONS,
                         ids=[f"{e[0]}-{'-'.join(e[1]) or 'all'}" for e in EXTENSIONS])
def test_an_extension_is_reported_only_as_a_plain_slip(
        monkeypatch: pytest.MonkeyPatch, name: str, hidden: tuple[str, ...],
        meant: str | None) -> None:
    found = confignames.find_module
    monkeypatch.setattr(confignames, "find_module", lambda module, folders=(): None
                        if module.split(".")[0] in hidden else found(module, folders))
    real_names = confignames._entry_names
    monkeypatch.setattr(confignames, "_entry_names", lambda group: set()
                        if "markdown" in hidden else real_names(group))
    slip = extension_slip(name, known_extensions())
    assert (slip[1] if slip else None) == (f"did you mean `{meant}`?" if meant else None)
    if slip:
        assert repr(name) in slip[0] and "`mkdocs build` stops on it" in slip[0]


def test_a_module_of_the_projects_own_beside_mkdocs_yml_is_found(tmp_path: Path) -> None:
    (tmp_path / "tablez.py").write_text("def makeExtension(**kwargs): ...\n")
    assert extension_slip("tablez", known_extensions()) is not None
    assert extension_slip("tablez", known_extensions(), [tmp_path]) is None


def test_a_package_without_the_module_is_said_even_without_a_near_miss() -> None:
    slip = extension_slip("pymdownx.nothing_like_it", known_extensions())
    assert slip is not None
    assert slip[0].startswith("`pymdownx` has no module `nothing_like_it`")
    assert slip[1] == "correct the module's name"


BASE = frozenset({"search", "briefing"})
MATERIAL = BASE | {"material/search", "material/tags", "material/blog", "material/social"}
# (as listed, the theme, the plugins installed, the name meant; None: not reported)
PLUGINS = [
    ("serach", None, BASE, "search"),
    ("seach", "material", MATERIAL, "search"),
    ("/serach", "material", MATERIAL, "/search"),
    ("material/serach", "material", MATERIAL, "material/search"),
    ("tag", "material", MATERIAL, "tags"),
    ("blgo", "material", MATERIAL, "blog"),
    ("breifing", None, BASE, "briefing"),
    # not installed here, and not a slip
    ("tags", "material", BASE, None),
    ("material/tags", "material", BASE, None),
    ("macros", None, BASE, None),
    ("awesome-pages", "material", MATERIAL, None),
    ("git-revision-date-localized", None, BASE, None),
    # right, as MkDocs looks them up
    ("search", None, BASE, None),
    ("search", "material", MATERIAL, None),
    ("/search", "material", MATERIAL, None),
    ("tags", "material", MATERIAL, None),
    ("material/social", "readthedocs", MATERIAL, None),
]


@pytest.mark.parametrize(("name", "theme", "installed", "meant"), PLUGINS,
                         ids=[f"{p[0]}-{p[1]}-{len(p[2])}" for p in PLUGINS])
def test_a_plugin_is_reported_only_as_a_plain_slip(
        name: str, theme: str | None, installed: frozenset[str], meant: str | None) -> None:
    slip = plugin_slip(name, theme, installed)
    assert (slip[1] if slip else None) == (f"did you mean `{meant}`?" if meant else None)


def test_mkdocs_own_search_is_always_installed() -> None:
    assert {"search", "briefing"} <= installed_plugins()


def test_each_name_is_reported_at_its_line(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\ntheme: {name: mkdocs}\nmarkdown_extensions:\n  - attr_list\n"
        "  - tablez\n  - pymdownx.superfencs:\n      preserve_tabs: true\n"
        "plugins:\n  serach: {}\n  briefing: {}\n", encoding="utf-8")
    found = [(str(d.pos), d.code, d.hint) for d in written_name_problems(config)]
    where = config.as_posix()
    assert found == [
        (f"{where}:5:5", "config-extension-unknown", "did you mean `tables`?"),
        (f"{where}:6:5", "config-extension-unknown", "did you mean `pymdownx.superfences`?"),
        (f"{where}:9:3", "config-plugin-unknown", "did you mean `search`?")]


def test_check_says_what_mkdocs_build_stops_on_without_a_line(tmp_path: Path) -> None:
    """`mkdocs build` names the setting, not the line, and stops at the first: the plugin
    never runs to place it, so `briefing check` says both, each at its line."""
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - attr_list\n  - tablez\n"
        "plugins:\n  - serach\n  - briefing\n", encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path,
                           capture_output=True, text=True, check=False)
    assert built.returncode != 0
    assert "Failed to load extension 'tablez'" in built.stderr
    assert "serach" not in built.stderr and "mkdocs.yml:" not in built.stderr
    checked = CliRunner().invoke(main, ["check", "--config-file",
                                        str(tmp_path / "mkdocs.yml")])
    assert checked.exit_code == 1
    assert "mkdocs.yml:4:5: error: " in checked.output
    assert "mkdocs.yml:6:5: error: " in checked.output
