"""The package as installed: its name, version, theme and schemas (the wheel itself is
built and installed in a fresh environment by .ci/from-wheel)."""

from __future__ import annotations

import fnmatch
import importlib.metadata
import tomllib
from pathlib import Path

from click.testing import CliRunner
from corpus_helpers import REPO

from briefing.cli import main

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_version_is_the_distributions() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"briefing, version {importlib.metadata.version('mkdocs-briefing')}\n"
    assert PYPROJECT["project"]["version"] in result.output


def test_the_theme_registered_with_mkdocs_is_the_theme_folder() -> None:
    (entry,) = [ep for ep in importlib.metadata.entry_points(group="mkdocs.themes")
                if ep.name == "briefing"]
    assert Path(entry.load().__file__).parent.resolve() == (REPO / "theme").resolve()


def test_every_file_of_the_theme_schemas_and_scaffold_is_package_data() -> None:
    data = PYPROJECT["tool"]["setuptools"]["package-data"]
    dirs = PYPROJECT["tool"]["setuptools"]["package-dir"]
    for package in ("briefing.theme", "briefing.schemas", "briefing.scaffold"):
        folder = REPO / dirs.get(package, package.replace(".", "/"))
        files = [p.relative_to(folder).as_posix() for p in folder.rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"]
        assert files, package
        for rel in files:
            # setuptools' `*` does not cross folders (fnmatch's would); `**` does.
            assert any(fnmatch.fnmatch(rel, pattern)
                       and ("**" in pattern or rel.count("/") == pattern.count("/"))
                       for pattern in data[package]), rel


def test_every_template_and_asset_of_the_plugin_is_package_data() -> None:
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["briefing"]
    folder = REPO / "briefing"
    files = [p.relative_to(folder).as_posix() for name in ("templates", "assets")
             for p in (folder / name).rglob("*") if p.is_file()]
    assert "assets/pages/brief.css" in files
    for rel in files:
        assert any(fnmatch.fnmatch(rel, pattern) and rel.count("/") == pattern.count("/")
                   for pattern in patterns), rel


def test_the_license_is_the_one_declared() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
