"""The benchmark's bookkeeping (benchmarks/run.py), with its measurements replaced: a
server that fails after the builds were measured loses none of their rows, and the ratios
are taken per pair of runs made side by side. Nothing here is timed."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import corpus, prose, run, together


def fake_builds(row: run.Row, project: Path, baseline: Path, serve_starts: bool) -> None:
    row.pipeline.append(1.0)
    row.build.append(40.0)
    row.rebuild.append(10.0)
    row.baseline.append(32.0)
    if serve_starts:
        row.serve_cold.append(45.0)
        row.serve_warm.append(9.0)


def test_rows_survive_a_server_that_does_not_come_up(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    waits: list[float] = []

    def failing_reload(project: Path, edits: int, timeout: float, settle: float
                       ) -> dict[str, list[float]]:
        assert settle == 30.0
        waits.append(timeout)
        raise run.Failed(f"mkdocs serve did not come up within {timeout:.0f} s")

    monkeypatch.setattr(run, "prepare", lambda root, n, seed: (root, root, 7))
    monkeypatch.setattr(run, "largest_page", lambda docs: (2048, "map.md"))
    monkeypatch.setattr(run, "reference_loop", lambda: 0.7)
    monkeypatch.setattr(run, "measure_builds", fake_builds)
    monkeypatch.setattr(run, "measure_reload", failing_reload)
    out = tmp_path / "rows.json"
    assert run.main(["--sizes", "100,200", "--repeat", "2", "--workdir", str(tmp_path),
                     "--json", str(out), "--settle", "30"]) == 0

    printed = capsys.readouterr().out
    # Each size's build rows are printed before its reloads are tried.
    assert printed.index("100 sources, the builds:") < printed.index(
        "100 sources, all measured:")
    assert "reload at 200 sources failed: mkdocs serve did not come up within 180 s" in printed
    assert "| 200 | 1.25 (1.25-1.25) | 0.25 (0.25-0.25) | 0.20 (0.20-0.20) |" in printed
    # The wait is sized from the slowest build just measured, not fixed.
    assert waits == [60 + 3 * 40.0] * 2
    saved = json.loads(out.read_text())
    assert [row["n"] for row in saved] == [100, 200]
    assert saved[1]["build"] == [40.0, 40.0] and saved[1]["failed"] == {
        "reload": "mkdocs serve did not come up within 180 s"}


def test_ratios_are_per_pair_with_their_range() -> None:
    assert run.spread([2.0, 3.0, 9.0], [1.0, 2.0, 3.0]) == "2.00 (1.50-3.00)"
    assert run.spread([], []) == "not measured"
    row = run.Row(1000, serve_cold=[], serve_warm=[], failed={"serve start": "exited with 1"})
    assert "failed: exited with 1" in run.ratios([row])


def test_server_wait_grows_with_the_builds() -> None:
    assert run.Row(10).server_wait() == 240
    assert run.Row(10, build=[100.0], baseline=[90.0]).server_wait() == 360


def test_options_skip_serve_starts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(run, "prepare", lambda root, n, seed: (root, root, 7))
    monkeypatch.setattr(run, "largest_page", lambda docs: (1, "a.md"))
    monkeypatch.setattr(run, "reference_loop", lambda: 0.7)
    monkeypatch.setattr(run, "measure_builds",
                        lambda row, project, baseline, serve: calls.append(serve))
    options = argparse.Namespace(seed=1, repeat=2, no_serve_start=True, reload_edits=0)
    run.bench(10, tmp_path, options, lambda row, stage: None)
    assert calls == [False, False]


def test_a_build_reports_its_pagefind_pass_apart(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    logged = ("INFO    -  Building documentation\nINFO    -  briefing: Pagefind "
              "indexed 2768 pages for search in 31.5 s, peak memory 416 MB\n")
    runs = iter([run.Measured(400.0, 900.0, 700.0, "", logged),
                 run.Measured(90.0, 850.0, 650.0, "", logged.replace("31.5", "29.0"))])
    monkeypatch.setattr(run, "run_measured", lambda args, cwd: next(runs))
    row = run.Row(1000, baseline=[320.0])
    run.mkdocs_build(row, "build", tmp_path)
    run.mkdocs_build(row, "rebuild", tmp_path)
    assert row.pagefind == [31.5]  # the first build's pass
    assert row.rss == {"build": 900.0, "build own": 700.0, "rebuild": 850.0,
                       "rebuild own": 650.0, "pagefind": 416.0}
    printed = run.table([row])
    assert printed.endswith("| 700 | 31.50 (31.50-31.50) | 416 |")
    assert run.ratios([row]).endswith("| 0.08 (0.08-0.08) |")


def test_memory_together_reads_a_process_and_its_children() -> None:
    assert together.status(os.getpid(), "VmRSS") > 0
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert child.pid in together.children(os.getpid())
        assert together.kind(child.pid) == "pipeline"  # (any child but Pagefind)
    finally:
        child.kill()
        child.wait()
    assert together.status(child.pid, "VmRSS") == 0.0  # ended: nothing to read
    assert together.kind(child.pid) == "gone"


def test_the_prose_benchmark_times_and_profiles_the_checks(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = corpus.write(tmp_path / "content", corpus.generate(20))
    prose.measure(content, [sys.executable], repeat=1)
    out = capsys.readouterr().out
    assert "% of the pipeline; profiled:" in out
    profiled = json.loads(out.rsplit("profiled: ", 1)[1])
    assert profiled["calls"] > 0 and profiled["shares %"]["provenance.py:figures"] > 0
