"""Find in page wired on its own: a view, the bar and a session, as the window has them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.pipeline import Analysis
from reader.ingest.load import parse_article
from reader.ui.find_controller import FindController
from reader.ui.findbar import FindBar
from reader.ui.session import ReadingSession
from reader.ui.view import ArticleView

FIRST = "电商业务增长，电商是重点，电商很忙。"
SECOND = "另一篇文章也谈电商。"


class Reading(QWidget):
    """The reading area: the view over the find bar, and the controller between them."""

    def __init__(self) -> None:
        super().__init__()
        self.view = ArticleView(self)
        self.bar = FindBar(self)
        self.bar.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.bar)
        self.session = ReadingSession(self)
        self.find = FindController(self.view, self.bar, self.session, self)

    def open(self, key: str, text: str) -> None:
        self.view.set_article(parse_article(f"---\ntitle: t\n---\n\n{text}\n".encode(), key), Analysis())
        self.session.set_article(key)


@pytest.fixture
def reading(qtbot: QtBot) -> Reading:
    reading = Reading()
    qtbot.add_widget(reading)
    reading.resize(800, 600)
    reading.show()
    reading.open("a.md", FIRST)
    return reading


def _selected(reading: Reading) -> str:
    return reading.view.textCursor().selectedText()


def test_find_opens_with_the_selection_and_counts(reading: Reading) -> None:
    text = reading.view.text()
    start = text.index("电商")
    reading.view.select_span(start, start + 2)
    reading.find.open()
    assert reading.find.active and reading.bar.edit.text() == "电商"
    assert reading.bar.count.text().endswith("of 3") and _selected(reading) == "电商"


def test_typing_searches_and_enter_steps_through_the_hits(qtbot: QtBot, reading: Reading) -> None:
    reading.find.open()
    reading.bar.edit.setText("电商")
    assert reading.bar.count.text() == "1 of 3"
    qtbot.keyClick(reading.bar.edit, Qt.Key.Key_Return)
    assert reading.bar.count.text() == "2 of 3"
    reading.find.find_previous()
    assert reading.bar.count.text() == "1 of 3"
    reading.bar.edit.setText("没有")
    assert reading.bar.count.text() == "no matches"


def test_another_article_is_searched_again_and_closing_clears(qtbot: QtBot, reading: Reading) -> None:
    reading.find.find_next()  # Ctrl+G with the bar closed opens it
    reading.bar.edit.setText("电商")
    reading.open("b.md", SECOND)
    assert reading.view.find.hits() and reading.bar.count.text() == "1 of 1" and _selected(reading) == "电商"
    qtbot.keyClick(reading.bar.edit, Qt.Key.Key_Escape)
    assert not reading.find.active and reading.view.find.hits() == []
    assert reading.view.extraSelections() == []
