"""The reading session: the open library, the article being read, the selected name and the
back/forward history. The window's features listen to it instead of being pushed to one by
one: ``article_changed(new, previous)`` (Frescobaldi's currentDocumentChanged),
``entity_selected(name)``, ``library_changed(library)``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.library.library import Library
from reader.ui.history import History


class ReadingSession(QObject):
    library_changed = Signal(Library)
    article_changed = Signal(str, str)  # the article now shown, the one before ("" for none)
    entity_selected = Signal(str)  # "" when the selection is cleared

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.current_key = ""
        self.selected_entity = ""
        self.history = History()

    def set_library(self, library: Library) -> None:
        """A new library: no article is shown until one is opened, and the history keeps only
        the places in its articles."""
        self.library = library
        self.current_key = ""
        self.history.forget({a.key for a in library.articles})
        self.library_changed.emit(library)

    def announce(self) -> None:
        """Say again what is read, for features that began listening after it was said (the
        window's panels, built once its first article is painted)."""
        if self.library is not None:
            self.library_changed.emit(self.library)
            if self.current_key:
                self.article_changed.emit(self.current_key, "")

    def set_article(self, key: str) -> None:
        previous, self.current_key = self.current_key, key
        if key != previous:
            self.article_changed.emit(key, previous)

    def forget_article(self) -> None:
        """Show the current article afresh next time (its analysis may have changed)."""
        self.current_key = ""

    def select_entity(self, name: str) -> None:
        changed = name != self.selected_entity
        self.selected_entity = name
        if changed:
            self.entity_selected.emit(name)
