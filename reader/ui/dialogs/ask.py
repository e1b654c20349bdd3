"""The modal questions the window asks, in one object passed to it: tests pass a fake with
the same methods instead of patching the window."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from reader.notes.model import Annotation

if TYPE_CHECKING:
    from reader.ui.dialogs.annotation import AnnotationDialog


@cache
def _annotation_dialog() -> type[AnnotationDialog]:
    """The note dialog (its module loads the notes panel's colours: not before the first paint)."""
    from reader.ui.dialogs.annotation import AnnotationDialog

    return AnnotationDialog

ARTICLE_FILTER = "Articles (*.md *.markdown *.html *.htm *.txt);;All files (*)"


class Dialogs:
    """Qt's standard dialogs, parented to the window. File dialogs start in the folder last used
    for the same purpose (articles, exports, imports), remembered in ``settings`` across runs;
    the home folder only the first time."""

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        self.parent = parent
        self.settings = settings

    def use_settings(self, settings: QSettings) -> None:
        self.settings = settings

    def _start(self, purpose: str) -> Path:
        saved = self.settings.value(f"folders/{purpose}", "") if self.settings is not None else ""
        folder = Path(str(saved)) if saved else Path.home()
        return folder if folder.is_dir() else Path.home()

    def _used(self, purpose: str, path: str) -> str:
        """Remember where ``path`` (a file or a folder the user chose) is; return it."""
        if path and self.settings is not None:
            chosen = Path(path)
            self.settings.setValue(f"folders/{purpose}", str(chosen if chosen.is_dir() else chosen.parent))
        return path

    def ask_text(self, title: str, label: str, text: str) -> str:
        """A one-line answer, stripped; empty when cancelled."""
        answer, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return answer.strip() if ok else ""

    def ask_folder(self) -> str:
        folder = QFileDialog.getExistingDirectory(self.parent, "Open a folder of articles", str(self._start("articles")))
        return self._used("articles", folder)

    def ask_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self.parent, "Open articles", str(self._start("articles")), ARTICLE_FILTER)
        if files:
            self._used("articles", files[0])
        return files

    def ask_save_path(self, title: str, name: str, file_filter: str) -> str:
        """Where to write an export; empty when cancelled."""
        path, _ = QFileDialog.getSaveFileName(self.parent, title, str(self._start("exports") / name), file_filter)
        return self._used("exports", path)

    def ask_open_path(self, title: str, file_filter: str) -> str:
        """Which file to import; empty when cancelled."""
        path, _ = QFileDialog.getOpenFileName(self.parent, title, str(self._start("imports")), file_filter)
        return self._used("imports", path)

    def ask_annotation(self, annotation: Annotation) -> Annotation | None:
        """The note dialog; None when cancelled."""
        return _annotation_dialog().ask(annotation, self.parent)

    def show(self, dialog: QDialog) -> None:
        """A modal dialog the window built (the skipped-files list)."""
        dialog.exec()

    def message(self, title: str, html: str) -> None:
        QMessageBox.about(self.parent, title, html)
