"""A serve session's housekeeping (`session.Housekeeping`), without MkDocs: only a `--dirty`
session cuts pages into pieces, it cuts once idle after a build and after the cache's
background fill, a build stops it, and closing the session leaves the collector as Python
had it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from serving import wait_for

from briefing.conversion import Conversions
from briefing.session import Housekeeping, IdleCollector, IdleCutter


class CountedCuts(Conversions):
    def __init__(self) -> None:
        super().__init__(keep=True)
        self.cuts: list[bool] = []  # whether each cut was told to stop at once

    def cut_whole(self, stop: threading.Event) -> None:
        self.cuts.append(stop.is_set())


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(IdleCutter, "IDLE_SECONDS", 0.05)
    monkeypatch.setattr(IdleCollector, "IDLE_SECONDS", 3600.0)
    yield
    gc.enable()
    gc.unfreeze()


def test_a_session_without_dirty_cuts_nothing(quick: None) -> None:
    conversions = CountedCuts()
    housekeeping = Housekeeping(conversions, dirty=False)
    housekeeping.build_started()
    housekeeping.build_finished()
    housekeeping.after_fill(lambda: None)
    housekeeping.close()
    assert housekeeping.cutter is None and conversions.cuts == []


def test_a_dirty_session_cuts_once_idle_after_the_fill(quick: None) -> None:
    conversions = CountedCuts()
    housekeeping = Housekeeping(conversions, dirty=True)
    filled = threading.Event()
    housekeeping.after_fill(filled.wait)
    housekeeping.build_started()
    housekeeping.build_finished()
    assert not filled.wait(0.2) and conversions.cuts == []  # waiting on the fill
    filled.set()
    assert wait_for(lambda: conversions.cuts == [False], 5)
    housekeeping.close()
    assert gc.isenabled()


def test_a_build_stops_the_cutting_before_it_starts(quick: None) -> None:
    conversions = CountedCuts()
    housekeeping = Housekeeping(conversions, dirty=True)
    housekeeping.build_finished()
    housekeeping.build_started()  # within the idle wait: the timer is cancelled
    threading.Event().wait(0.2)
    assert conversions.cuts == []
    housekeeping.close()
