"""AfterPaint: work that waits until what was asked to paint is painted."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.ui.after_paint import AfterPaint


class Painted(QWidget):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self.events.append("paint")

    def note_after(self) -> None:
        self.events.append("after")

    def note_timer(self) -> None:
        self.events.append("zero timer")


def _painted(qtbot: QtBot, events: list[str]) -> Painted:
    """A widget shown and painted once, its events cleared."""
    widget = Painted(events)
    qtbot.add_widget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: "paint" in events)
    events.clear()
    return widget


def test_the_call_comes_after_the_paint_asked_for_and_once(qtbot: QtBot) -> None:
    events: list[str] = []
    widget = _painted(qtbot, events)
    after = AfterPaint(widget.note_after, widget)
    widget.update()
    after.request()
    after.request()
    QTimer.singleShot(0, widget, widget.note_timer)  # a zero timer, posted later, runs before the paint
    qtbot.waitUntil(lambda: "after" in events)
    qtbot.wait(20)
    assert events == ["zero timer", "paint", "after"]


def test_two_rounds_wait_for_the_paint_a_layout_asks_for_after_the_request(qtbot: QtBot) -> None:
    """Panels shown in a window: their layout runs in a posted event, and asks for their paint
    only then, behind a request made with them; ``rounds=2`` comes after that paint too."""
    events: list[str] = []
    widget = _painted(qtbot, events)
    once = AfterPaint(lambda: events.append("one round"), widget)
    twice = AfterPaint(widget.note_after, widget, rounds=2)
    QTimer.singleShot(0, widget, widget.update)  # the layout, posted before, asks for a paint
    once.request()
    twice.request()
    twice.request()
    qtbot.waitUntil(lambda: "after" in events)
    qtbot.wait(20)
    assert events == ["one round", "paint", "after"]
