"""What a one-shot `mkdocs build` still holds when Pagefind runs beside it at its end
(`pipeline.build(apart=True)`, `BriefingPlugin.release`, `sitesearch.ALLOCATOR`): the two
processes together are what must fit the machine."""

from __future__ import annotations

import os
import subprocess
import weakref
from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import minimal_site
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import Files

import briefing.pipeline
import briefing.plugin
from briefing import sitesearch
from briefing.plugin import BriefingPlugin
from briefing.sitesearch import ALLOCATOR, SearchIndexFault, index_site


def test_generated_pages_are_freed_before_pagefind_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = minimal_site(tmp_path)
    (project / "content" / "pages" / "notes.md").write_text("# Notes\n\nHand-written.\n")
    seen: dict[str, Any] = {}
    on_files = BriefingPlugin.on_files

    def noting_files(plugin: BriefingPlugin, files: Files, **kwargs: Any) -> Files:
        files = on_files(plugin, files, **kwargs)
        seen["files"] = files
        seen["generated"] = {f.src_uri: weakref.ref(f.page) for f in files.documentation_pages()
                             if f.src_uri in plugin.generated and f.page is not None}
        return files

    def noting_index(site: Path) -> sitesearch.Indexed:
        files: Files = seen["files"]
        seen["kept"] = {f.src_uri for f in files.documentation_pages() if f.page is not None}
        seen["alive"] = [uri for uri, page in seen["generated"].items() if page() is not None]
        return index_site(site)

    monkeypatch.setattr(BriefingPlugin, "on_files", noting_files)
    monkeypatch.setattr(briefing.plugin, "index_site", noting_index)
    config = load_config(config_file=str(project / "mkdocs.yml"),
                         site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    plugin = config.plugins["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    in_nav = {page.file.src_uri for page in plugin.nav.pages}
    assert len(set(seen["generated"]) - in_nav) >= 5, (seen["generated"], in_nav)
    # Not only detached from their files: gone, with all they held, but for the few the
    # navigation holds (the sections' first pages).
    assert set(seen["alive"]) == in_nav & set(seen["generated"]), seen["alive"]
    assert seen["kept"] == {"about.md", "notes.md"}  # hand-written pages stay MkDocs'
    assert (tmp_path / "site" / "notes" / "index.html").is_file()
    assert (tmp_path / "site" / sitesearch.FOLDER / "pagefind-entry.json").is_file()


def test_a_build_pagefind_follows_runs_its_pipeline_in_a_process_of_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = minimal_site(tmp_path)
    made_in: list[int] = []
    render = briefing.pipeline.render

    def noting_render(*args: Any, **kwargs: Any) -> dict[str, str]:
        made_in.append(os.getpid())
        return render(*args, **kwargs)

    monkeypatch.setattr(briefing.pipeline, "render", noting_render)
    for command in ("build", "serve"):
        config = load_config(config_file=str(project / "mkdocs.yml"),
                             site_dir=str(tmp_path / command))
        config.plugins.on_startup(command=command, dirty=False)
        mkdocs_build(config)
        config.plugins.on_shutdown()
    # `mkdocs build` made its pages elsewhere (and read them from the results store), the
    # `mkdocs serve` build, which has no Pagefind, here.
    assert len(made_in) == 1 and made_in[0] == os.getpid()
    assert (tmp_path / "build" / "claims" / "index.html").is_file()
    assert (tmp_path / "serve" / "claims" / "index.html").is_file()


def fake_pagefind(tmp_path: Path, script: str) -> Path:
    exe = tmp_path / "pagefind"
    exe.write_text(f"#!/bin/sh\n{script}\n")
    exe.chmod(0o755)
    return exe


def test_pagefind_runs_with_its_allocator_set_unless_the_caller_set_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "site").mkdir()
    said = tmp_path / "said"
    telling = fake_pagefind(tmp_path, f'echo "${ALLOCATOR[0]}" > {said}; exit 3')
    monkeypatch.delenv(ALLOCATOR[0], raising=False)
    with pytest.raises(SearchIndexFault):
        index_site(tmp_path / "site", telling)
    assert said.read_text().strip() == ALLOCATOR[1]
    monkeypatch.setenv(ALLOCATOR[0], "narenas:2")
    with pytest.raises(SearchIndexFault):
        index_site(tmp_path / "site", telling)
    assert said.read_text().strip() == "narenas:2"


def test_the_pagefind_shipped_reads_the_allocator_setting_and_takes_it() -> None:
    executable = sitesearch.binary()
    assert executable is not None

    def complaint(setting: str) -> str:
        return subprocess.run([str(executable), "--version"], capture_output=True, text=True,
                              env={ALLOCATOR[0]: setting}, check=True, timeout=30).stderr

    # It reads the variable (a setting it does not know is named), and knows ours.
    assert "no_such_setting" in complaint("no_such_setting:1")
    assert complaint(ALLOCATOR[1]) == ""
