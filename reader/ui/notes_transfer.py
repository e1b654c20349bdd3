"""Notes in and out of the window: the open article's or the whole library's notes as Markdown,
every annotation as W3C Web Annotation JSON, and a W3C file's annotations imported into the
library. The user picks the file (through the injected dialogs); what went wrong is said in
the status bar by the file's name, never raised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.errors import AnnotationFileError, ExportError, StoreUnavailable
from reader.notes.markdown import export_markdown
from reader.notes.output import safe_filename
from reader.notes.repository import AnnotationRepository
from reader.notes.undo import UndoStack
from reader.notes.w3c import export_w3c, plan_import, read_w3c
from reader.ui.dialogs.ask import Dialogs
from reader.ui.session import ReadingSession
from reader.ui.view import ArticleView

Report = Callable[[str], None]
MARKDOWN_FILES = "Markdown (*.md);;All files (*)"
W3C_FILES = "W3C annotations (*.json *.jsonld);;All files (*)"


class NotesTransfer(QObject):
    imported = Signal()  # annotations came in from a file: lists, highlights and counts follow

    def __init__(
        self,
        repo: AnnotationRepository | None,
        session: ReadingSession,
        view: ArticleView,
        dialogs: Dialogs,
        report: Report,
        parent: QObject | None = None,
        undo: UndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self._repo = repo
        self._undo = undo
        self._session = session
        self._view = view
        self._dialogs = dialogs
        self._report = report

    def export_article_notes(self) -> None:
        article = self._view.article
        if article is None:
            self._report("Open an article first.")
            return
        self._export_markdown(article.key, article.title)

    def export_library_notes(self) -> None:
        if self._session.library is not None:
            self._export_markdown(None, f"{self._session.library.name} notes")

    def _export_markdown(self, key: str | None, base: str) -> None:
        library = self._session.library
        if library is None or self._repo is None:
            return
        path = self._dialogs.ask_save_path("Export notes as Markdown", safe_filename(base, ".md"), MARKDOWN_FILES)
        if not path:
            return
        try:
            annotations = self._repo.for_library(library.root)
            if key is not None:
                annotations = [a for a in annotations if a.article_key == key]
            articles = library.with_text_by_key()  # a reopened library's texts read as notes want them
            export_markdown(Path(path), library.root, annotations, articles, title=f"{library.name} notes", single_article=key)
        except (ExportError, StoreUnavailable) as error:
            self._report(f"Could not export the notes: {error}")
            return
        self._report(f"Exported {len(annotations)} note{'s' if len(annotations) != 1 else ''} to {path}")

    def export_w3c_annotations(self) -> None:
        library = self._session.library
        if library is None or self._repo is None:
            return
        base = f"{library.name} annotations"
        path = self._dialogs.ask_save_path("Export annotations (W3C JSON)", safe_filename(base, ".json"), W3C_FILES)
        if not path:
            return
        try:
            annotations = self._repo.for_library(library.root)
            articles = library.with_text_by_key()  # a reopened library's texts read as notes want them
            export_w3c(Path(path), annotations, articles, label=f"Reader annotations: {base}")
        except (ExportError, StoreUnavailable) as error:
            self._report(f"Could not export the annotations: {error}")
            return
        self._report(f"Exported {len(annotations)} annotations to {path}")

    def import_w3c_annotations(self) -> None:
        """Add a W3C annotation file's notes to this library: one undoable step."""
        library = self._session.library
        if library is None or self._repo is None:
            return
        path = self._dialogs.ask_open_path("Import annotations (W3C JSON)", W3C_FILES)
        if not path:
            return
        try:
            document = read_w3c(Path(path))
            articles = library.with_text_by_key()  # a reopened library's texts read as notes want them
            result = plan_import(document, library.root, self._repo, articles)
            if self._undo is not None:
                n = len(result.changes)
                self._undo.add_batch(result.changes, f"import {n} annotation{'s' if n != 1 else ''}")
        except AnnotationFileError as error:
            self._report(f"Could not import {path}: {error}")
            return
        except StoreUnavailable as error:
            self._report(f"Could not import the annotations: {error}")
            return
        self.imported.emit()
        self._report(f"Imported {result.summary(library.name)}" + (" — Ctrl+Z to undo" if result.changes else ""))
