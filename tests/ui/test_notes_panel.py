from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.ingest.model import Article
from reader.library.store import Store
from reader.notes.model import Annotation, Color, Kind, Selector, new_annotation
from reader.notes.repository import AnnotationFilter, AnnotationRepository
from reader.notes.undo import UndoStack
from reader.ui.dialogs.annotation import AnnotationDialog
from reader.ui.panels.notes import ANCHOR_ROLE, ANNOTATION_ROLE, ORPHANED_ROLE, NotesPanel, NotesScope

LIB = "/lib"
TEXT_A = "比亚迪公布销量😀，新能源汽车销量同比增长。\n王传福表示海外市场是重点。"
TEXT_B = "宁德时代发布新电池，能量密度提升。"
A = Article(key="a.md", file="a.md", title="比亚迪销量", text=TEXT_A, source="财新")
B = Article(key="b.md", file="b.md", title="宁德时代", text=TEXT_B, source="36氪")


def _at(text: str, quote: str) -> Selector:
    start = text.index(quote)
    return Selector.from_text(text, start, start + len(quote))


@pytest.fixture
def repo(data_dir: Path) -> Iterator[AnnotationRepository]:
    store = Store.open(data_dir)
    yield AnnotationRepository(store)
    store.close()


@pytest.fixture
def notes(repo: AnnotationRepository) -> dict[str, Annotation]:
    made = {
        "late": new_annotation(LIB, "a.md", Kind.HIGHLIGHT, selector=_at(TEXT_A, "海外市场"), note="出海", tags=("出海",), color=Color.GREEN),
        "early": new_annotation(LIB, "a.md", Kind.HIGHLIGHT, selector=_at(TEXT_A, "新能源汽车销量"), tags=("销量",)),
        "orphan": new_annotation(LIB, "a.md", Kind.HIGHLIGHT, selector=Selector("被删除的句子", "", "", 2, 8), note="旧"),
        "entity": new_annotation(LIB, "", Kind.ENTITY_NOTE, entity="王传福", note="创始人"),
        "other": new_annotation(LIB, "b.md", Kind.HIGHLIGHT, selector=_at(TEXT_B, "新电池"), tags=("销量",), color=Color.BLUE),
    }
    for annotation in made.values():
        repo.add(annotation)
    return made


@pytest.fixture
def panel(qtbot: QtBot, repo: AnnotationRepository) -> NotesPanel:
    widget = NotesPanel(repo)
    qtbot.add_widget(widget)
    widget.set_library(LIB, (A, B))
    return widget


def _listed(panel: NotesPanel) -> list[Annotation]:
    return [panel.model.index(r).data(ANNOTATION_ROLE) for r in range(panel.model.rowCount())]


def test_notes_model_passes_qtmodeltester(qtmodeltester, panel: NotesPanel, notes: dict[str, Annotation]) -> None:  # noqa: ANN001
    panel.show_article("a.md")
    assert panel.model.rowCount() == 3
    qtmodeltester.check(panel.model)


def test_notes_panel_lists_article_in_text_order_orphans_last(panel: NotesPanel, notes: dict[str, Annotation]) -> None:
    panel.show_article("a.md")
    assert _listed(panel) == [notes["early"], notes["late"], notes["orphan"]]
    first = panel.model.index(0)
    placed = first.data(ANCHOR_ROLE)
    assert TEXT_A[placed.start : placed.end] == "新能源汽车销量"
    orphan = panel.model.index(2)
    assert orphan.data(ORPHANED_ROLE) is True
    assert "Orphaned" in orphan.data(Qt.ItemDataRole.DisplayRole)
    assert "被删除的句子" in orphan.data(Qt.ItemDataRole.DisplayRole)


def test_notes_panel_open_edit_delete_signals(qtbot: QtBot, panel: NotesPanel, notes: dict[str, Annotation]) -> None:
    panel.show_article("a.md")
    panel.list.setCurrentIndex(panel.model.index(1))
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.open_button.click()
    assert opened.args == ["a.md", TEXT_A.index("海外市场")]
    with qtbot.waitSignal(panel.edit_requested) as edit:
        panel.edit_button.click()
    assert edit.args == [notes["late"].id]
    with qtbot.waitSignal(panel.delete_requested) as delete:
        panel.delete_button.click()
    assert delete.args == [notes["late"].id]
    assert panel.reattach_button.isHidden()
    panel.list.setCurrentIndex(panel.model.index(2))
    assert not panel.reattach_button.isHidden()
    with qtbot.waitSignal(panel.reattach_requested) as reattach:
        panel.reattach_button.click()
    assert reattach.args == [notes["orphan"].id]


def test_notes_panel_activating_a_row_opens_it(qtbot: QtBot, panel: NotesPanel, notes: dict[str, Annotation]) -> None:
    panel.show_article("a.md")
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.list.activated.emit(panel.model.index(0))
    assert opened.args == ["a.md", TEXT_A.index("新能源")]


def test_notes_panel_library_view_filters(panel: NotesPanel, notes: dict[str, Annotation]) -> None:
    panel.set_scope(NotesScope.LIBRARY)
    assert not panel.filters.isHidden()
    assert set(_listed(panel)) == set(notes.values())
    panel.tag_box.setCurrentIndex(panel.tag_box.findData("销量"))
    assert _listed(panel) == [notes["early"], notes["other"]]
    panel.source_box.setCurrentIndex(panel.source_box.findData("36氪"))
    assert _listed(panel) == [notes["other"]]
    panel.set_filter(AnnotationFilter(color=Color.GREEN))
    panel.source_box.setCurrentIndex(0)
    assert _listed(panel) == [notes["late"]]
    panel.set_filter(AnnotationFilter(entity="王传福"))
    assert _listed(panel) == [notes["entity"]]
    assert panel.model.index(0).data(ORPHANED_ROLE) is False  # an entity note is not an orphan


def test_notes_panel_anchors_notes_of_articles_listed_without_their_text(
    qtbot: QtBot, repo: AnnotationRepository, notes: dict[str, Annotation]
) -> None:
    """A reopened library lists its articles without their texts (read when wanted): the panel
    anchors each note against the text it is given for the article, in both scopes."""
    widget = NotesPanel(repo)
    qtbot.add_widget(widget)
    listed = [Article(key=a.key, file=a.file, title=a.title, text="", source=a.source) for a in (A, B)]
    texts = {"a.md": TEXT_A, "b.md": TEXT_B}
    read: list[str] = []

    def text_of(key: str) -> str:
        read.append(key)
        return texts[key]

    widget.set_library(LIB, listed, text_of)
    widget.show_article("a.md")
    assert _listed(widget) == [notes["early"], notes["late"], notes["orphan"]]
    placed = widget.model.index(0).data(ANCHOR_ROLE)
    assert TEXT_A[placed.start : placed.end] == "新能源汽车销量"
    widget.set_scope(NotesScope.LIBRARY)
    orphaned = {a.id for a in _listed(widget) if widget.model.index(_listed(widget).index(a)).data(ORPHANED_ROLE)}
    assert orphaned == {notes["orphan"].id}
    assert set(read) == {"a.md", "b.md"}


def test_notes_panel_refresh_follows_undo(panel: NotesPanel, repo: AnnotationRepository, notes: dict[str, Annotation]) -> None:
    stack = UndoStack(repo, on_change=lambda _a: panel.refresh())
    panel.show_article("a.md")
    panel.select(notes["late"].id)
    stack.delete(notes["late"].id)
    assert notes["late"] not in _listed(panel)
    stack.undo()
    assert notes["late"] in _listed(panel)
    assert panel.current_annotation() == notes["late"]  # the selection is kept across refreshes


def test_notes_panel_empty_state(panel: NotesPanel) -> None:
    panel.show_article("b.md")
    assert panel.list.isHidden() and not panel.empty.isHidden()


def test_annotation_dialog_edits_fields(qtbot: QtBot) -> None:
    original = new_annotation(LIB, "a.md", Kind.BOOKMARK, selector=_at(TEXT_A, "王传福"), name="")
    dialog = AnnotationDialog(original)
    qtbot.add_widget(dialog)
    dialog.show()
    assert dialog.name_edit.isVisible()  # a bookmark has a name
    highlight = AnnotationDialog(new_annotation(LIB, "a.md", Kind.HIGHLIGHT, selector=_at(TEXT_A, "销量")))
    qtbot.add_widget(highlight)
    highlight.show()
    assert not highlight.name_edit.isVisible()  # a highlight has none
    assert dialog.result_annotation() is original  # nothing changed
    dialog.name_edit.setText(" 重点 ")
    dialog.note_edit.setPlainText("**看好**海外")
    dialog.tags_edit.setText("#出海, 汽车 汽车")
    dialog.set_color(Color.PURPLE)
    edited = dialog.result_annotation()
    assert (edited.name, edited.note, edited.tags, edited.color) == ("重点", "**看好**海外", ("出海", "汽车"), Color.PURPLE)
    assert edited.id == original.id and edited.modified >= original.modified


def test_annotation_dialog_ask_behind_run_modal(monkeypatch: pytest.MonkeyPatch) -> None:
    original = new_annotation(LIB, "a.md", Kind.HIGHLIGHT, selector=_at(TEXT_A, "销量"))

    def save(dialog: AnnotationDialog) -> bool:
        dialog.note_edit.setPlainText("笔记")
        return True

    monkeypatch.setattr(AnnotationDialog, "run_modal", save)
    assert AnnotationDialog.ask(original).note == "笔记"  # type: ignore[union-attr]
    monkeypatch.setattr(AnnotationDialog, "run_modal", lambda dialog: False)
    assert AnnotationDialog.ask(original) is None


def test_annotation_dialog_shows_quote_as_plain_text(qtbot: QtBot) -> None:
    text = "<b>不是粗体</b>"
    dialog = AnnotationDialog(new_annotation(LIB, "a.md", Kind.HIGHLIGHT, selector=Selector.from_text(text, 0, len(text))))
    qtbot.add_widget(dialog)
    assert dialog.quote_label.text() == text
    assert dialog.quote_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.name_edit.isHidden()
