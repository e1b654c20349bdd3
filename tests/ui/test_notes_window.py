"""Notes in the main window: highlight, note, bookmark, entity note, undo, export, restart."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QTextCursor
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.library.store import Store
from reader.notes.model import Color, Kind, Selector, new_annotation
from reader.notes.repository import AnnotationRepository
from reader.ui.dialogs.annotation import AnnotationDialog
from reader.ui.models.articles import NOTES_ROLE
from reader.ui.panels.notes import COLOR_HEX
from reader.ui.window import MainWindow


ARTICLE = "001_ab46896dce5387b1.txt"
OTHER = "000_92185e7afd4ccf9e.txt"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _passage(window: MainWindow, length: int = 12, skip: int = 2) -> tuple[int, int]:
    """A span of ``length`` characters at the start of a long line (the ``skip``-th one)."""
    text = window.view.text()
    start = 0
    for line in text.split("\n"):
        if len(line) > length * 2:
            if skip == 0:
                return start, start + length
            skip -= 1
        start += len(line) + 1
    raise AssertionError("no line long enough")


def _select(window: MainWindow, start: int, end: int) -> None:
    """Select through a QTextCursor, as the mouse would, converting at the Qt boundary."""
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(start))
    cursor.setPosition(view.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def _key(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, key, modifiers)


def _painted(window: MainWindow) -> list[str]:
    text = window.view.text()
    return [text[s:e] for s, e, _ in window.view.highlights()]


def _note_count(window: MainWindow) -> int:
    model = window.library_panel.model
    return int(model.key_index(ARTICLE).data(NOTES_ROLE) or 0)


def _action(menu: QMenu, text: str) -> QAction:
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")


@pytest.fixture
def article_window(make_window: Callable[..., MainWindow], seeds_dir: Path) -> MainWindow:
    window = make_window([seeds_dir], open_file=ARTICLE)
    assert window.current_key == ARTICLE
    return window


@pytest.fixture
def dialog_says(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The note dialog, filled in and saved without showing it."""
    answer: dict[str, object] = {"note": "值得关注", "color": Color.GREEN, "tags": "电商, 抖音"}

    def run_modal(dialog: AnnotationDialog) -> bool:
        dialog.note_edit.setPlainText(str(answer["note"]))
        dialog.set_color(answer["color"])  # type: ignore[arg-type]
        dialog.tags_edit.setText(str(answer["tags"]))
        return True

    monkeypatch.setattr(AnnotationDialog, "run_modal", run_modal)
    return answer


def test_notes_highlight_is_stored_painted_undone_and_survives_restart(
    qtbot: QtBot, article_window: MainWindow, make_window: Callable[..., MainWindow], seeds_dir: Path, store: Store
) -> None:
    window = article_window
    start, end = _passage(window)
    passage = window.view.text()[start:end]
    _select(window, start, end)
    _key(qtbot, window, Qt.Key.Key_H, CTRL_SHIFT)

    stored = AnnotationRepository(store).for_article(window.library.root, ARTICLE)
    assert [(a.kind, a.quote) for a in stored] == [(Kind.HIGHLIGHT, passage)]
    assert _painted(window) == [passage]
    assert window.view.highlights()[0][2] == QColor(COLOR_HEX[Color.YELLOW])
    assert _note_count(window) == 1
    assert window.notes_panel is not None and window.notes_panel.model.rowCount() == 1

    _key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert AnnotationRepository(store).for_article(window.library.root, ARTICLE) == []
    assert _painted(window) == []
    assert _note_count(window) == 0
    _key(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _painted(window) == [passage]

    window.close()
    again = make_window([seeds_dir], open_file=ARTICLE)
    assert again.current_key == ARTICLE
    assert _painted(again) == [passage]
    assert again.notes_panel is not None and again.notes_panel.model.rowCount() == 1
    again.close()
    later = make_window([seeds_dir], open_file=ARTICLE, panels_later=True)  # the app's: panels after the article
    assert later.current_key == ARTICLE
    assert _painted(later) == [passage]
    assert later.notes_panel is not None and later.notes_panel.model.rowCount() == 1


def test_notes_highlight_survives_zoom(qtbot: QtBot, article_window: MainWindow) -> None:
    start, end = _passage(article_window)
    _select(article_window, start, end)
    article_window.notes.add_highlight()
    article_window.act_zoom_in.trigger()
    assert _painted(article_window) == [article_window.view.text()[start:end]]


def test_notes_add_note_asks_the_dialog_and_menu_edits_and_deletes(
    qtbot: QtBot, article_window: MainWindow, store: Store, dialog_says: dict[str, object]
) -> None:
    window = article_window
    start, end = _passage(window, skip=3)
    _select(window, start, end)
    window.act_add_note.trigger()
    (note,) = AnnotationRepository(store).for_article(window.library.root, ARTICLE)
    assert (note.note, note.color, note.tags) == ("值得关注", Color.GREEN, ("电商", "抖音"))
    assert window.view.highlights() == [(start, end, QColor(COLOR_HEX[Color.GREEN]))]

    # A click on the highlight selects its row; its context menu edits and deletes it.
    window.view.setTextCursor(QTextCursor(window.view.document()))
    window.view.text_clicked.emit(start + 1)
    assert window.notes_panel is not None and window.notes_panel.current_annotation() == note
    dialog_says["note"] = "改过的笔记"
    _action(window.notes.text_menu(start + 1), "Edit Note…").trigger()
    assert AnnotationRepository(store).get(note.id).note == "改过的笔记"
    _action(window.notes.text_menu(start + 1), "Delete Highlight").trigger()
    assert AnnotationRepository(store).get(note.id) is None
    assert window.view.highlights() == []
    assert window.act_undo.text() == "&Undo delete note"  # it had words of the user's
    window.act_undo.trigger()
    assert AnnotationRepository(store).get(note.id).note == "改过的笔记"
    window.act_undo.trigger()
    assert AnnotationRepository(store).get(note.id).note == "值得关注"
    assert "Delete Highlight" not in [a.text() for a in window.notes.text_menu(end + 5).actions()]


def test_notes_highlight_without_selection_only_hints(article_window: MainWindow, store: Store) -> None:
    article_window.view.setTextCursor(QTextCursor(article_window.view.document()))
    article_window.notes.add_highlight()
    assert AnnotationRepository(store).for_article(article_window.library.root, ARTICLE) == []
    assert "Select some text" in article_window.status_message()


def test_notes_bookmark_with_ctrl_d_reopens_there(
    qtbot: QtBot, article_window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = article_window
    start, _ = _passage(window, skip=4)
    asked: list[str] = []

    def ask(title: str, label: str, text: str) -> str:
        asked.append(text)
        return "看这里"

    window.dialogs.text = ask
    _select(window, start, start)  # a place, no passage
    _key(qtbot, window, Qt.Key.Key_D, CTRL)
    assert asked and window.view.text()[start:].startswith(asked[0])
    (mark,) = AnnotationRepository(store).for_article(window.library.root, ARTICLE)
    assert (mark.kind, mark.name, mark.selector.start) == (Kind.BOOKMARK, "看这里", start)
    assert window.view.marks.spans("bookmarks") == [(start, start + 1)]  # the place is marked in the text

    window.open_article(OTHER)
    window.notes.fill_bookmarks_menu()  # what aboutToShow does
    _action(window.bookmarks_menu, f"看这里  ·  {window.title_of(ARTICLE)}").trigger()
    assert window.current_key == ARTICLE
    assert window.view.cursor_offset() == start


def test_notes_export_markdown_holds_quote_and_note(
    article_window: MainWindow, tmp_path: Path, dialog_says: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = article_window
    start, end = _passage(window)
    _select(window, start, end)
    window.act_add_note.trigger()
    target = tmp_path / "notes.md"
    window.dialogs.save_path = str(target)
    window.act_export_article.trigger()
    exported = target.read_text(encoding="utf-8")
    assert window.view.text()[start:end] in exported
    assert "值得关注" in exported
    assert str(target) in window.status_message()

    # An export that cannot be written says why in the window.
    window.dialogs.save_path = str(tmp_path / "missing" / "notes.md")
    window.act_export_library.trigger()
    assert window.status_message().startswith("Could not export the notes")


def test_notes_w3c_round_trip(article_window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = article_window
    start, end = _passage(window)
    _select(window, start, end)
    window.notes.add_highlight()
    target = tmp_path / "notes.json"
    window.dialogs.save_path = str(target)
    window.act_export_w3c.trigger()
    assert json.loads(target.read_text(encoding="utf-8"))
    window.act_undo.trigger()
    assert window.view.highlights() == []
    window.dialogs.open_path = str(target)
    window.act_import_w3c.trigger()
    assert _painted(window) == [window.view.text()[start:end]]
    assert window.status_message().startswith("Imported 1 new")

    target.write_text("{not json", encoding="utf-8")
    window.act_import_w3c.trigger()
    assert "not a JSON file" in window.status_message()


def test_notes_entity_note_shows_on_card_and_panel(
    article_window: MainWindow, store: Store, dialog_says: dict[str, object]
) -> None:
    window = article_window
    mention = window.view.analysis.mentions[0]
    window.select_entity(mention.entity)
    dialog_says["note"] = "关键公司"
    _action(window.mention_menu(mention), f"Add Note on {mention.entity}…").trigger()
    (note,) = AnnotationRepository(store).for_entity(window.library.root, mention.entity)
    assert note.kind is Kind.ENTITY_NOTE and note.note == "关键公司"
    card = window.card_panel.card()
    assert card is not None and card.notes == ("关键公司",)
    assert window.notes_panel is not None
    assert note.id in [r.annotation.id for r in window.notes_panel.model.rows()]


def test_notes_orphan_reattaches_to_the_selection(
    make_window: Callable[..., MainWindow], seeds_dir: Path, store: Store, tmp_path: Path
) -> None:
    window = make_window([seeds_dir], open_file=ARTICLE)
    root = window.library.root
    gone = Selector("这几个字不在文章里", "", "", 0, 9)
    orphan = AnnotationRepository(store).add(new_annotation(root, ARTICLE, Kind.HIGHLIGHT, selector=gone, note="旧笔记"))
    window.open_article(OTHER)
    window.open_article(ARTICLE)
    assert window.notes_panel is not None
    rows = window.notes_panel.model.rows()
    assert [(r.annotation.id, r.anchor.orphaned) for r in rows] == [(orphan.id, True)]
    assert window.view.highlights() == []

    start, end = _passage(window)
    _select(window, start, end)
    window.notes_panel.select(orphan.id)
    window.notes_panel.reattach_button.click()
    assert _painted(window) == [window.view.text()[start:end]]
    assert AnnotationRepository(store).get(orphan.id).note == "旧笔记"
    window.act_undo.trigger()
    assert window.view.highlights() == []


def test_right_click_on_a_selection_searches_the_library_for_it(qtbot: QtBot, article_window: MainWindow) -> None:
    """Issue 17, point 7."""
    window = article_window
    text = window.view.text()
    start = text.index("抖音")
    _select(window, start, start + 2)
    menu = window.notes.text_menu(start)
    with qtbot.waitSignal(window.search_panel.searched, timeout=10_000) as searched:
        _action(menu, "Search the Library for “抖音”").trigger()
    assert searched.args[0] > 0 and window.search_panel.isVisible()
    assert window.search_panel.query is not None and window.search_panel.query.text() == "抖音"
