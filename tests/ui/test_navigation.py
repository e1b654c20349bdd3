"""Cross-article navigation on the seeds: mentions, stepping, history, search, the entity card
and corrections, driven through the window as a reader would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.analysis.corrections import Corrections, Ignore
from reader.library.store import DB_NAME, Store
from reader.ui.models.kwic import HIT_ROLE
from reader.library.corrections import stored_corrections
from reader.ui.window import MainWindow

FIRST = "000_92185e7afd4ccf9e.txt"
ENTITY = "字节跳动"


def _click_mention(qtbot: QtBot, window: MainWindow, name: str, char_point) -> tuple[int, int]:  # noqa: ANN001
    mention = next(m for m in window.view.analysis.mentions if m.entity == name)
    window.view.scroll_to_span(mention.start, mention.end)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(window.view, mention.start + 1))
    return mention.start, mention.end


def _menu_action(menu: QMenu, kind: str) -> QAction:
    for action in menu.findChildren(QAction):
        data = action.data()
        if isinstance(data, tuple) and data[0] == kind:
            return action
    raise AssertionError(f"no {kind} action")


@pytest.fixture
def opened(window: MainWindow) -> MainWindow:
    window.open_article(FIRST)
    return window


def test_mention_click_then_occurrence_in_another_article_and_back(qtbot: QtBot, opened: MainWindow, char_point) -> None:
    window = opened
    assert window.library is not None
    _click_mention(qtbot, window, ENTITY, char_point)
    assert window.selected_entity == ENTITY
    first_top = window.view.top_offset()
    panel = window.mentions_panel
    assert panel.isVisible() and panel.view is not None
    rows = [panel.model.index(r, 0).data(HIT_ROLE) for r in range(panel.model.rowCount())]
    assert [r.article for r in rows] == [r.article for r in window.library.mentions_of(ENTITY)]
    row = next(i for i, r in enumerate(rows) if r.article != FIRST)
    target = rows[row]
    rect = panel.view.visualRect(panel.model.index(row, 1))
    with qtbot.waitSignal(window.article_opened, check_params_cb=lambda key: key == target.article):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_key == target.article
    assert window.view.selected_span() == (target.start, target.end)
    assert window.view.textCursor().selectedText() == target.surface
    window.act_back.trigger()
    assert window.current_key == FIRST
    assert window.view.top_offset() == first_top
    window.act_forward.trigger()
    assert window.current_key == target.article
    assert window.view.selected_span() == (target.start, target.end)


def test_f3_steps_through_every_mention_across_articles_in_order(qtbot: QtBot, opened: MainWindow) -> None:
    window = opened
    assert window.library is not None
    refs = list(window.library.mentions_of(ENTITY))
    first = refs[0]
    window.open_article(first.article, span=(first.start, first.end))
    window.select_entity(ENTITY)
    seen = [(window.current_key, window.view.selected_span())]
    for _ in range(len(refs) - 1):
        qtbot.keyClick(window.view, Qt.Key.Key_F3)
        seen.append((window.current_key, window.view.selected_span()))
    assert seen == [(r.article, (r.start, r.end)) for r in refs]
    assert len({key for key, _ in seen}) == 5  # every seed names ByteDance
    qtbot.keyClick(window.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert (window.current_key, window.view.selected_span()) == (refs[-2].article, (refs[-2].start, refs[-2].end))
    qtbot.keyClick(window.view, Qt.Key.Key_F3)
    qtbot.keyClick(window.view, Qt.Key.Key_F3)  # past the last: wraps to the first
    assert (window.current_key, window.view.selected_span()) == (first.article, (first.start, first.end))


def test_search_finds_a_two_character_word_and_opens_a_hit(qtbot: QtBot, opened: MainWindow) -> None:
    window = opened
    window.act_search.trigger()
    panel = window.search_panel
    with qtbot.waitSignal(panel.searched, timeout=10_000) as blocker:
        panel.search("电商")
    assert blocker.args[0] > 10
    hits = [panel.model.hit(r) for r in range(panel.model.rowCount())]
    assert all(h.match == "电商" for h in hits)
    assert len({h.article for h in hits}) == 5
    target = next(h for h in hits if h.article != window.current_key)
    assert panel.view is not None
    row = hits.index(target)
    with qtbot.waitSignal(window.article_opened):
        panel.view.activate_row(row)
    assert window.current_key == target.article
    assert window.view.textCursor().selectedText() == "电商"


def test_search_says_so_when_the_texts_cannot_be_read(qtbot: QtBot, opened: MainWindow, data_dir: Path) -> None:
    """A library reopened from the cache reads its texts from the store when a search wants
    them: with that file gone, the search says so in the panel (it failed in its thread)."""
    window = opened
    qtbot.waitUntil(lambda: not window.loading.busy, timeout=60_000)  # the loader reads texts too
    assert window.library is not None and window.library.listed(FIRST).text == ""
    (data_dir / DB_NAME).rename(data_dir / "moved-away.sqlite3")
    window.act_search.trigger()
    panel = window.search_panel
    with qtbot.waitSignal(panel.searched, timeout=10_000) as blocker:
        panel.search("电商")
    assert blocker.args == [0]
    assert panel.status.text().startswith("Could not search: ")


def test_search_filters_by_source_and_entity(qtbot: QtBot, opened: MainWindow) -> None:
    panel = opened.search_panel
    opened.act_search.trigger()
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.search("电商", source="晚点团队")
    assert {panel.model.hit(r).article for r in range(panel.model.rowCount())} == {"001_ab46896dce5387b1.txt"}
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.search("电商", source="", date_from="2021-01-01", date_to="2021")
    keys = {panel.model.hit(r).article for r in range(panel.model.rowCount())}
    assert keys and "001_ab46896dce5387b1.txt" not in keys


def test_entities_panel_library_scope_selects_and_highlights(qtbot: QtBot, opened: MainWindow) -> None:
    window = opened
    panel = window.entities_panel
    qtbot.waitUntil(lambda: window.entities.counted)  # counted in the worker
    panel.set_library_scope(True)
    names = panel.visible_names()
    assert names[0] == "抖音"  # the most mentioned name in the seeds
    assert panel.table is not None
    index = panel.proxy.index(names.index(ENTITY), 0)
    panel.table.setCurrentIndex(index)
    assert window.selected_entity == ENTITY
    spans = window.view.highlighted_entity_spans()
    assert spans and all(window.view.text()[s:e] in ("字节跳动", "字节", "北京字节跳动", "字节跳动公司") for s, e in spans)


def test_entity_card_shows_articles_newest_first_and_a_chart(qtbot: QtBot, opened: MainWindow) -> None:
    window = opened
    qtbot.waitUntil(lambda: window.loading.tools.describe is not None, timeout=30_000)
    with qtbot.waitSignal(window.card_panel.details_shown, timeout=10_000):
        window.select_entity("抖音")
    card, details = window.card_panel.card(), window.card_panel.details()
    assert card is not None and card.name == "抖音" and details is not None
    dates = [a.date or "" for a in window.card_panel.articles_model.articles()]
    assert [d for d in dates if d] == sorted((d for d in dates if d), reverse=True)
    assert card.description  # from the gazetteer
    assert any(name == "字节跳动" for name, _ in details.cooccurring)
    assert details.figures and all(m.subject == "抖音" for _, m in details.figures)
    window.card_panel.show()
    window.card_panel.raise_()
    assert window.card_panel.chart.series() is not None
    assert len(window.card_panel.chart.series().points) >= 2


def test_mention_menu_shows_all_mentions_and_goes_to_another_article(qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window = opened
    mention = next(m for m in window.view.analysis.mentions if m.entity == ENTITY)
    menu = window.mention_menu(mention)
    _menu_action(menu, "show").trigger()
    assert window.mentions_panel.entity == ENTITY and window.mentions_panel.isVisible()
    menu = window.mention_menu(mention)
    _menu_action(menu, "next").trigger()
    assert window.current_key != FIRST
    assert window.view.textCursor().selectedText() in ("字节跳动", "字节", "北京字节跳动")


def test_mention_menu_ignore_is_stored_and_reanalyses(qtbot: QtBot, opened: MainWindow, store: Store) -> None:
    window = opened
    mention = next(m for m in window.view.analysis.mentions if m.entity == "雷军")
    menu = window.mention_menu(mention)
    with qtbot.waitSignal(window.library_loaded, timeout=60_000):
        _menu_action(menu, "ignore").trigger()
    assert Ignore("雷军") in stored_corrections(store).items
    assert window.current_key == FIRST
    assert all(m.entity != "雷军" for m in window.view.analysis.mentions)
    # confirmed, with the way back (issue 17, point 7), after the load's own report
    qtbot.waitUntil(lambda: window.status_message().startswith("“雷军” will not be highlighted again"), timeout=5_000)
    assert "Undo Name Correction" in window.status_message()


def test_mention_menu_rename_asks_for_the_name(qtbot: QtBot, opened: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    window = opened
    window.dialogs.text = "ByteDance字节"
    mention = next(m for m in window.view.analysis.mentions if m.entity == ENTITY)
    with qtbot.waitSignal(window.library_loaded, timeout=60_000):
        _menu_action(window.mention_menu(mention), "rename").trigger()
    assert stored_corrections(store) == Corrections().rename(ENTITY, "ByteDance字节")
    assert any(m.entity == "ByteDance字节" for m in window.view.analysis.mentions)


def test_back_and_forward_say_where_they_went_and_leave_one_mention_row_marked(qtbot: QtBot, opened: MainWindow) -> None:
    """Issue 17, point 7: not "mention 6 of 27" after Back; not two rows marked after Forward."""
    window = opened
    assert window.library is not None
    refs = list(window.library.mentions_of(ENTITY))
    window.open_article(refs[0].article, span=(refs[0].start, refs[0].end))
    window.select_entity(ENTITY)
    window.mentions_panel.activate()
    for _ in range(6):
        qtbot.keyClick(window.view, Qt.Key.Key_F3)
    assert window.status_message().startswith(f"{ENTITY}: mention 7 of")
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.status_message().startswith("Back to “")
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.status_message().startswith("Forward to “")
    view = window.mentions_panel.view
    assert view is not None
    assert len(view.selectionModel().selectedRows()) <= 1
