"""The modal questions the window asks, in one object passed to it: tests pass a fake with
the same methods instead of patching the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from reader.notes.model import Annotation
from reader.ui.dialogs.annotation import AnnotationDialog

ARTICLE_FILTER = "Articles (*.md *.markdown *.html *.htm *.txt);;All files (*)"


class Dialogs:
    """Qt's standard dialogs, parented to the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_text(self, title: str, label: str, text: str) -> str:
        """A one-line answer, stripped; empty when cancelled."""
        answer, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return answer.strip() if ok else ""

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self.parent, "Open a folder of articles")

    def ask_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self.parent, "Open articles", "", ARTICLE_FILTER)
        return files

    def ask_save_path(self, title: str, name: str, file_filter: str) -> str:
        """Where to write an export; empty when cancelled."""
        path, _ = QFileDialog.getSaveFileName(self.parent, title, str(Path.home() / name), file_filter)
        return path

    def ask_open_path(self, title: str, file_filter: str) -> str:
        """Which file to import; empty when cancelled."""
        path, _ = QFileDialog.getOpenFileName(self.parent, title, str(Path.home()), file_filter)
        return path

    def ask_annotation(self, annotation: Annotation) -> Annotation | None:
        """The note dialog; None when cancelled."""
        return AnnotationDialog.ask(annotation, self.parent)

    def show(self, dialog: QDialog) -> None:
        """A modal dialog the window built (the skipped-files list)."""
        dialog.exec()

    def message(self, title: str, html: str) -> None:
        QMessageBox.about(self.parent, title, html)
