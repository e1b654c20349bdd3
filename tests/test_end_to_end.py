"""The one end-to-end test: the real main window, built the way ``reader`` builds it, on a
temporary data directory and a copy of the seeds — open an article, follow a name into another
article, write a note there, export the notes, and come back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.ui import app
from reader.ui.dialogs.annotation import AnnotationDialog

ENTITY = "抖音电商"
LOAD_TIMEOUT_MS = 60_000
NOTE = "抖音电商的核心指标，回头对比"




@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_end_to_end_follow_a_name_note_it_export_and_come_back(
    qtbot: QtBot,
    data_dir: Path,
    seeds_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    char_point,  # noqa: ANN001
    dialogs_factory,  # noqa: ANN001
) -> None:
    library = tmp_path / "seeds"
    shutil.copytree(seeds_dir, library)
    store = app.open_store(data_dir)
    assert store is not None
    dialogs = dialogs_factory()
    window = app.build_window(store, data_dir, dialogs=dialogs)
    try:
        qtbot.add_widget(window)
        window.show()
        with qtbot.waitSignal(window.ready, timeout=LOAD_TIMEOUT_MS):
            window.open_paths(app._initial_paths([library], store, library))  # noqa: SLF001 - what run() does
        qtbot.waitUntil(lambda: not window.names.refining, timeout=LOAD_TIMEOUT_MS)  # the model's names are in
        assert window.library is not None and len(window.library) == 5

        # Open the first article (in the library list's order) that names 抖音电商, and click the name.
        refs = window.library.mentions_of(ENTITY)
        articles = list(dict.fromkeys(ref.article for ref in refs))
        assert len(articles) >= 2, "the seeds name 抖音电商 in several articles"
        first = articles[0]
        window.open_article(first)
        mention = next(m for m in window.view.analysis.mentions if m.entity == ENTITY)
        window.view.scroll_to_span(mention.start, mention.end)
        with qtbot.waitSignal(window.view.entity_activated, check_params_cb=lambda name: name == ENTITY):
            qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(window.view, mention.start))
        assert window.selected_entity == ENTITY
        assert window.mentions_panel.isVisible() and window.mentions_panel.entity == ENTITY

        # Follow it into another article through the mentions panel.
        row = next(i for i, ref in enumerate(refs) if ref.article != first)
        target = refs[row]
        view = window.mentions_panel.view
        assert view is not None
        with qtbot.waitSignal(window.article_opened, check_params_cb=lambda key: key == target.article):
            view.activate_row(row)
        assert window.current_key == target.article
        assert window.view.text()[slice(*window.view.selected_span())] == window.view.text()[target.start : target.end]

        # Note the passage around the name there, through the note dialog.
        text = window.view.text()
        start, end = target.start, min(len(text), target.end + 10)
        cursor = QTextCursor(window.view.document())
        cursor.setPosition(window.view.positions.to_qt(start))
        cursor.setPosition(window.view.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        window.view.setTextCursor(cursor)

        def save_note(dialog: AnnotationDialog) -> bool:
            dialog.note_edit.setPlainText(NOTE)
            return True

        monkeypatch.setattr(AnnotationDialog, "run_modal", save_note)
        window.act_add_note.trigger()
        assert [text[s:e] for s, e, _ in window.view.highlights()] == [text[start:end]]

        # Export the library's notes as Markdown.
        exported = tmp_path / "export" / "notes.md"
        exported.parent.mkdir()
        dialogs.save_path = str(exported)
        window.act_export_library.trigger()
        markdown = exported.read_text(encoding="utf-8")
        assert text[start:end] in markdown
        assert NOTE in markdown
        assert window.library.article(target.article).title in markdown

        # Back returns to the first article.
        window.act_back.trigger()
        assert window.current_key == first
        assert window.view.text() == window.library.article(first).text
    finally:
        window.close()  # saves its state while the store is still open
        store.close()
