"""Shared fixtures: content trees written into tmp_path from plain dicts."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import jinja2
import pytest
from corpus_helpers import minimal_corpus, write_tree
from hypothesis import HealthCheck, settings

from briefing import render
from briefing.render import environment as make_environment
from briefing.wording import Wording

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


# Compiled templates shared by the in-process builds of a test run, one environment per
# set of words, as `mkdocs serve` shares one between its rebuilds (`render.PageCache`):
# a one-shot build compiles its twenty-odd templates again, most of a small corpus's
# build, and the suite builds a corpus some two thousand times. The environment holds no
# build's data (the tests of serve's rebuilds hold it to that); builds through MkDocs
# and the command line, in their own processes, still compile their own.
@pytest.fixture(autouse=True, scope="session")
def shared_templates() -> Iterator[None]:
    made: dict[tuple[str, bytes], jinja2.Environment] = {}

    def environment(wording: Wording | None = None) -> jinja2.Environment:
        words = wording or Wording()
        key = (words.key, words.catalog)
        if key not in made:
            made[key] = make_environment(wording)
        return made[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "environment", environment)
        yield
