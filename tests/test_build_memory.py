"""What a one-shot `mkdocs build` still holds when Pagefind runs beside it at its end
(`BriefingPlugin.release`, `sitesearch.ALLOCATOR`): the two processes together are what
must fit the machine."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from briefing import sitesearch
from briefing.sitesearch import ALLOCATOR, SearchIndexFault, index_site


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
