"""The notice bar: notices add up while shown, and a dismissed bar starts afresh."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.ui.notice import NoticeBar


def test_notices_add_up_until_dismissed(qtbot: QtBot) -> None:
    bar = NoticeBar()
    qtbot.add_widget(bar)
    assert bar.isHidden()
    bar.show_notice("No Chinese font")
    bar.show_notice("The database was moved")
    assert bar.isVisible() and bar.label.text() == "No Chinese font<br/>The database was moved"
    bar.hide()  # what its ✕ does
    bar.show_notice("Again")
    assert bar.label.text() == "Again"
