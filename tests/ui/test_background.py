"""Whole-library queries off the GUI thread: only the newest query's results are delivered,
and a query given in steps stops when a newer one is given."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

from pytestqt.qtbot import QtBot

from reader.ui.background import QueryRunner


def test_a_query_in_steps_delivers_each_step_and_stops_when_another_is_given(qtbot: QtBot) -> None:
    """Issue 18, point 2: the card of a name just corrected reads its articles again for most
    of a minute at 10k; a card asked for meanwhile must not wait behind it."""
    runner = QueryRunner()
    delivered: list[str] = []
    runner.finished.connect(lambda result: delivered.append(result[0]))
    saw_stop = threading.Event()

    def long(stopped: Callable[[], bool]) -> Iterator[list]:
        yield ["first look"]
        deadline = time.monotonic() + 10
        while not stopped() and time.monotonic() < deadline:
            time.sleep(0.01)  # reading article after article
        if stopped():
            saw_stop.set()
            return
        yield ["the whole of the long one"]

    def short(_stopped: Callable[[], bool]) -> Iterator[list]:
        yield ["the next card"]

    runner.submit_steps(long)
    qtbot.waitUntil(lambda: delivered == ["first look"], timeout=5_000)
    runner.submit_steps(short)
    qtbot.waitUntil(lambda: delivered == ["first look", "the next card"], timeout=5_000)
    assert saw_stop.is_set()
    assert runner.wait(5_000)


def test_a_query_in_steps_stops_when_cancelled(qtbot: QtBot) -> None:
    runner = QueryRunner()
    delivered: list[str] = []
    runner.finished.connect(lambda result: delivered.append(result[0]))
    saw_stop = threading.Event()

    def counting(stopped: Callable[[], bool]) -> Iterator[list]:
        deadline = time.monotonic() + 30
        n = 0
        while time.monotonic() < deadline:
            if stopped():
                saw_stop.set()
                return
            n += 1
            yield [str(n)]
            time.sleep(0.005)

    runner.submit_steps(counting)
    qtbot.waitUntil(lambda: len(delivered) >= 2, timeout=5_000)
    runner.cancel()
    assert runner.wait(5_000)
    assert saw_stop.is_set()
