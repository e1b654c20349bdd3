"""Reprints (转载) in the window: the library list folds each story's copies into one row, and
the article's header names the other copies ("Also published by 虎嗅 · 腾讯科技"), each a link.

Stories are grouped off the GUI thread, after loading (``Library.prepare_reprints``); until the
loader says the library is indexed, the list and the header show every copy on its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.library.library import Library
from reader.library.reprints import copy_names

if TYPE_CHECKING:
    from reader.ui.window import MainWindow


class ReprintsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        window.session.library_changed.connect(self.on_library_changed)
        window.session.article_changed.connect(self.on_article_changed)

    def on_library_changed(self, library: Library) -> None:
        if library.stories_ready:  # a refined or corrected library keeps its stories
            self.w.library_panel.set_stories(library.stories_by_key(), library.newest_folded())

    def on_indexed(self, library: Library) -> None:
        """The loader grouped the library's stories (with its entity counts)."""
        if library is not self.w.library:
            return
        self.w.library_panel.set_stories(library.stories_by_key(), library.newest_folded())
        self.show_copies()
        self.w.notes.on_stories_grouped(library)  # notes made on the other copies appear on this one

    def on_article_changed(self, _key: str, _previous: str) -> None:
        self.show_copies()

    def on_copy_requested(self, key: str) -> None:
        """A copy named in the header was clicked."""
        self.w.open_article(key)

    def show_copies(self) -> None:
        library, key = self.w.library, self.w.current_key
        if library is None or not key or key not in library or not library.stories_ready:
            self.w.view.set_copies(key, [])
            return
        copies = [library.listed(k) for k in library.reprints_of(key)]
        self.w.view.set_copies(key, list(zip((a.key for a in copies), copy_names(copies))))
