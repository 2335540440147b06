"""The serving process's garbage collection: survivors of a build are frozen, so collections
during the next rebuild do not rescan them, and cyclic garbage is still collected once the
server is idle, or after a few rebuilds without a pause."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest

from briefing.session import IdleCollector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def cycle() -> weakref.ref[Node]:
    """A reference cycle with no other owner: only the cyclic collector can free it."""
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


@pytest.fixture
def collector(monkeypatch: pytest.MonkeyPatch) -> Iterator[IdleCollector]:
    # Long enough that a loaded machine does not reach the idle collection between two
    # lines of a test (at 0.2 s it did, freeing the cycle before it was looked at).
    monkeypatch.setattr(IdleCollector, "IDLE_SECONDS", 1.0)
    made = IdleCollector()
    yield made
    made.close()
    assert gc.get_freeze_count() == 0


def test_garbage_frozen_by_a_build_is_collected_once_idle(collector: IdleCollector) -> None:
    collector.build_started()
    garbage = cycle()
    collector.build_finished()
    assert gc.get_freeze_count() > 0
    gc.collect()  # what Python does on its own during the next rebuild
    assert garbage() is not None, "frozen objects are out of the collector's sight"
    deadline = time.monotonic() + 10
    while (garbage() is not None or not gc.get_freeze_count()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert garbage() is None, "the idle collection did not free the cycle"
    assert gc.get_freeze_count() > 0, "the survivors are frozen again"


def test_a_rebuild_before_the_pause_ends_postpones_the_collection(
        collector: IdleCollector) -> None:
    collector.build_started()
    garbage = cycle()
    collector.build_finished()
    collector.build_started()  # the next edit arrives within the pause
    time.sleep(3 * IdleCollector.IDLE_SECONDS)
    assert garbage() is not None


def test_a_server_never_idle_unfreezes_after_a_few_rebuilds(collector: IdleCollector) -> None:
    collector.build_started()
    garbage = cycle()
    collector.build_finished()
    builds = 1
    while True:
        collector.build_started()
        builds += 1
        if not gc.get_freeze_count():
            assert gc.isenabled(), "the rebuild that unfreezes collects"
            break
        collector.build_finished()
        assert builds <= IdleCollector.MOST_BUILDS_WITHOUT_COLLECTING + 1
    gc.collect()  # Python's own collection during that rebuild
    assert garbage() is None


def test_rebuilds_run_without_collections_and_turn_them_back_on(
        collector: IdleCollector) -> None:
    collector.build_started()
    assert gc.isenabled(), "the first build collects as Python would"
    collector.build_finished()
    collector.build_started()
    assert not gc.isenabled(), "a rebuild runs without collections"
    collector.build_finished()
    assert gc.isenabled()
    collector.build_started()
    collector.build_failed()
    assert gc.isenabled(), "a failed build turns them back on"


def test_a_rebuild_does_not_count_the_frozen_objects(
        collector: IdleCollector, monkeypatch: pytest.MonkeyPatch) -> None:
    # Counting them walks the list of every frozen object: a tenth of a second of every
    # rebuild at 1,000 sources.
    collector.build_started()
    collector.build_finished()

    def walk() -> int:
        raise AssertionError("gc.get_freeze_count() walks every frozen object")

    with monkeypatch.context() as patched:
        patched.setattr(gc, "get_freeze_count", walk)
        for _ in range(IdleCollector.MOST_BUILDS_WITHOUT_COLLECTING + 2):
            collector.build_started()
            collector.build_finished()
