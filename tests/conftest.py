"""Shared fixtures: content trees written into tmp_path from plain dicts."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from corpus_helpers import minimal_corpus, write_tree
from hypothesis import HealthCheck, settings

# Property tests draw the same examples on every run, so a run cannot fail by chance and a
# failure reproduces; HYPOTHESIS_PROFILE=explore draws new examples each time. Neither
# times an example: on a shared, noisy machine a deadline fails a correct test (speed is
# measured in benchmarks/, not here).
UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("repeatable", derandomize=True, **UNTIMED)
settings.register_profile("explore", derandomize=False, **UNTIMED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture
def make_content(tmp_path: Path) -> Callable[..., Path]:
    def make(files: Mapping[str, str | bytes] | None = None,
             changes: Mapping[str, str | bytes] | None = None) -> Path:
        """Write `files` (default: the minimal corpus) updated with `changes`."""
        tree = dict(minimal_corpus() if files is None else files)
        tree.update(changes or {})
        return write_tree(tmp_path / "content", tree)

    return make


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output instead of comparing")

