"""The article is what the window is for (issue 17, point 4): the window snaps to half a
screen, the article keeps half the width and most of the height, and panels grow with the
window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.window import MainWindow


def _settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


def test_the_window_can_be_as_narrow_as_half_a_small_screen(window: MainWindow, qtbot: QtBot) -> None:
    assert window.minimumSizeHint().width() <= 720
    window.resize(720, 600)
    _settle(qtbot)
    assert window.width() == 720
    assert window.view.width() >= 720 // 2


def test_the_article_keeps_half_the_width_however_wide_the_panels_were_dragged(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1200, 800)
    _settle(qtbot)
    window.resizeDocks([window.figures_panel], [900], Qt.Orientation.Horizontal)  # the user drags
    _settle(qtbot)
    window.resize(1000, 800)
    _settle(qtbot)
    assert window.view.width() >= 1000 // 2 - 10


def test_panels_grow_with_the_window(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1000, 700)
    _settle(qtbot)
    narrow = (window.library_panel.width(), window.figures_panel.width())
    window.resize(1900, 1000)
    _settle(qtbot)
    wide = (window.library_panel.width(), window.figures_panel.width())
    assert wide[0] > narrow[0] * 1.5 and wide[1] > narrow[1] * 1.5


def test_search_results_leave_the_article_most_of_a_low_window_and_show_rows_in_a_tall_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.resize(1440, 900)
    window.search_panel.activate()
    window.search_panel.search("字节")
    _settle(qtbot)
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 5, timeout=10_000)
    _settle(qtbot)
    results = window.search_panel.view
    assert results is not None
    row = results.sizeHintForRow(0) or 20
    assert results.viewport().height() >= 5 * row  # several results, not one
    window.resize(900, 420)
    _settle(qtbot)
    assert window.view.height() >= 0.5 * window.centralWidget().height() + 0  # the article, not a line
    assert window.view.height() >= 150
