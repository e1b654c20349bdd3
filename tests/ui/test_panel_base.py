"""The panel base: content built once, on first show or activate(); activate() brings a
tabbed panel in front of the one it shares a place with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from reader.ui.panels.base import Panel


class CountingPanel(Panel):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, name, parent)
        self.builds = 0

    def build(self) -> QWidget:
        self.builds += 1
        return QLabel(self.objectName(), self)


def test_activate_builds_once_and_brings_the_panel_forward(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.add_widget(window)
    window.setCentralWidget(QLabel("text", window))
    first, second = CountingPanel("first", window), CountingPanel("second", window)
    for panel in (first, second):
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    window.tabifyDockWidget(first, second)
    second.hide()
    window.show()
    qtbot.waitExposed(window)
    assert second.builds == 0  # hidden: nothing built yet
    second.activate()
    qtbot.waitUntil(second.isVisible)
    assert second.builds == 1 and second.widget() is not None
    assert window.tabifiedDockWidgets(first) == [second]
    first.activate()
    second.activate()
    assert second.builds == 1 and not second.visibleRegion().isEmpty()
