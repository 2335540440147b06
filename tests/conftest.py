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



# The longest files, run first. The tests run a file to a worker (`--dist loadfile`), taken
# in collection order, which is by name: the longest ones came last (test_views_property,
# test_yamlnodes), and one worker ran them alone while the other had finished. The order
# of the tests within a file is kept; a file missing from the list only runs later.
LONGEST_FIRST = ("test_views_property.py", "test_serve_faults.py", "test_rebuild_caches.py",
                 "test_serve.py", "test_siteconfig.py", "test_hostile.py",
                 "test_yamlnodes.py", "test_incremental.py", "test_convert.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
