"""Moving between articles, on its own: a session, the view, the library list and the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.pipeline import Analyzer
from reader.library.library import Library
from reader.library.load import load_library
from reader.library.store import Store
from reader.ui.models.articles import NOTES_ROLE
from reader.ui.navigation import NavigationController
from reader.ui.panels.library import LibraryPanel
from reader.ui.reading_state import ReadingState
from reader.ui.session import ReadingSession
from reader.ui.view import ArticleView

LONG = "\n\n".join(f"第{i}段，阿里巴巴发布财报，营收增长了百分之{i}。" * 4 for i in range(60))


@pytest.fixture
def library(tmp_path: Path, analyzer: Analyzer) -> Library:
    for name, title, date in (("a.md", "甲", "2021-03-01"), ("b.md", "乙", "2021-02-01"), ("c.md", "丙", "2021-01-01")):
        (tmp_path / name).write_text(f"---\ntitle: {title}\ndate: {date}\n---\n\n{LONG}\n", encoding="utf-8")
    return load_library([tmp_path], None, analyzer)


class Reading(QWidget):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.session = ReadingSession(self)
        self.view = ArticleView(self)
        self.view.resize(700, 400)
        self.list = LibraryPanel(self)
        self.reports: list[str] = []
        self.state = ReadingState(store, self.reports.append)
        self.navigation = NavigationController(self.session, self.view, self.list, self.state, lambda _root: {"b.md": 2}, self)


@pytest.fixture
def reading(qtbot: QtBot, store: Store, library: Library) -> Reading:
    reading = Reading(store)
    qtbot.add_widget(reading)
    reading.show()
    reading.session.set_library(library)
    return reading


def test_a_new_library_fills_the_list_with_read_marks_and_note_counts(qtbot: QtBot, store: Store, library: Library) -> None:
    store.mark_read(library.root, "c.md", 0)
    reading = Reading(store)
    qtbot.add_widget(reading)
    reading.session.set_library(library)
    model = reading.list.model
    assert reading.list.visible_keys() == ["a.md", "b.md", "c.md"]  # newest first
    assert [model.is_read(k) for k in ("a.md", "c.md")] == [False, True]
    assert model.index(model.row_of("b.md"), 0).data(NOTES_ROLE) == 2


def test_open_at_a_span_then_back_and_forward_keep_the_places(qtbot: QtBot, reading: Reading, store: Store, library: Library) -> None:
    nav, view = reading.navigation, reading.view
    with qtbot.waitSignal(nav.article_opened, check_params_cb=lambda key: key == "a.md"):
        assert nav.open_article("a.md")
    assert reading.session.current_key == "a.md" and view.text() == library.article("a.md").text
    start = library.article("b.md").text.index("第40段")
    nav.open_article("b.md", span=(start, start + 4))
    assert view.text()[slice(*view.selected_span())] == "第40段"
    b_top = view.top_offset()
    assert b_top > 0
    nav.go_back()
    assert reading.session.current_key == "a.md" and view.top_offset() == 0
    nav.go_forward()
    assert reading.session.current_key == "b.md" and view.top_offset() == b_top
    assert store.read_keys(library.root)["b.md"] == b_top
    assert store.setting(f"last_article:{library.root}") == "b.md"
    assert nav.open_article("nowhere.md") is False


def test_reopening_an_article_goes_where_the_reader_left_it(reading: Reading) -> None:
    nav, view = reading.navigation, reading.view
    nav.open_article("a.md")
    view.set_top_offset(view.text().index("第30段"))
    left = view.top_offset()
    nav.open_article("b.md")  # a.md's place is kept on leaving it
    nav.open_article("a.md")
    assert view.top_offset() == left


def test_next_and_previous_follow_the_list_as_shown(reading: Reading) -> None:
    nav = reading.navigation
    nav.open_article("a.md")
    assert not nav.has_neighbour(-1) and nav.has_neighbour(+1)
    nav.next_article()
    assert reading.session.current_key == "b.md"
    nav.next_article()
    nav.next_article()  # the last: stays
    assert reading.session.current_key == "c.md"
    nav.previous_article()
    assert reading.session.current_key == "b.md"
    nav.go(-1)  # the mouse's back button
    assert reading.session.current_key == "c.md"


def test_an_article_opens_before_the_list_is_built_and_the_list_shows_it_once_announced(
    qtbot: QtBot, store: Store, library: Library
) -> None:
    """The app's window opens its first article before its panels exist (issue 18, point 1):
    navigation works without the list, which lists the library at the session's next word."""
    reading = Reading(store)
    qtbot.add_widget(reading)
    navigation = NavigationController(reading.session, reading.view, None, reading.state, lambda _root: {}, reading)
    reading.session.set_library(library)
    assert navigation.open_article("b.md") and reading.view.text() == library.article("b.md").text
    assert not navigation.has_neighbour(+1)
    later = LibraryPanel(reading)
    navigation.show_in(later)
    reading.session.article_changed.connect(later.set_current)
    reading.session.announce()
    assert later.visible_keys() == ["a.md", "b.md", "c.md"]
    assert navigation.has_neighbour(+1) and navigation.has_neighbour(-1)
    navigation.next_article()
    assert reading.session.current_key == "c.md"
