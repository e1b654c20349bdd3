"""The status bar on its own: messages, the loading progress and the skipped-files button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.library.corpus import LoadError
from reader.ui.status import StatusBar


def test_status_bar_says_and_shows_progress_while_busy(qtbot: QtBot) -> None:
    bar = StatusBar()
    qtbot.add_widget(bar)
    bar.show()
    bar.say("Opening seeds…")
    assert bar.message() == "Opening seeds…"
    bar.show_busy()
    assert bar.progress.isVisible() and bar.cancel_button.isVisible()
    bar.show_progress(3, 10, "a.md")
    assert (bar.progress.value(), bar.progress.maximum(), bar.progress.text()) == (3, 10, "3 / 10")
    assert bar.message() == "Reading a.md"
    with qtbot.waitSignal(bar.cancel_requested):
        qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    bar.hide_busy()
    assert not bar.progress.isVisible() and not bar.cancel_button.isVisible()


def test_status_bar_counts_skipped_files_and_names_the_first(qtbot: QtBot) -> None:
    bar = StatusBar()
    qtbot.add_widget(bar)
    bar.show()
    bar.show_skipped(())
    assert not bar.errors_button.isVisible()
    bar.show_skipped((LoadError("<b>a.md</b>", "the file is empty"), LoadError("b.md", "not UTF-8")))
    assert bar.errors_button.isVisible() and bar.errors_button.text() == "2 files skipped"
    tip = bar.errors_button.toolTip()
    assert "&lt;b&gt;a.md&lt;/b&gt;: the file is empty" in tip and "1 more" in tip
    with qtbot.waitSignal(bar.errors_requested):
        qtbot.mouseClick(bar.errors_button, Qt.MouseButton.LeftButton)
