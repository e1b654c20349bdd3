"""Find in page in the window: Ctrl+F opens the bar under the text with the selected words,
typing searches the open article (the view's find part), Enter and Ctrl+G step through the
hits, and another article is searched again while the bar is open."""

from __future__ import annotations

from PySide6.QtCore import QObject

from reader.ui.findbar import FindBar
from reader.ui.session import ReadingSession
from reader.ui.view import ArticleView

SELECTION_QUERY_CHARS = 40  # a longer selection is no search term: the bar opens empty


class FindController(QObject):
    def __init__(self, view: ArticleView, bar: FindBar, session: ReadingSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._bar = bar
        view.find.match_changed.connect(bar.show_count)
        bar.query_changed.connect(self.search)
        bar.next_requested.connect(self.step)
        bar.closed.connect(self._on_closed)
        session.article_changed.connect(self._on_article_changed)

    @property
    def active(self) -> bool:
        """Whether the bar is open (F3 without a selected name then steps through its hits)."""
        return self._bar.isVisible()

    def open(self) -> None:
        span = self._view.selected_span()
        short = span is not None and span[1] - span[0] < SELECTION_QUERY_CHARS
        self._bar.open(self._view.text()[span[0] : span[1]] if span is not None and short else "")
        self.search(self._bar.edit.text())

    def search(self, query: str) -> None:
        """Mark every hit of ``query`` and go to the first after the cursor."""
        if self._view.find.find_all(query):
            self._view.find.find_next()

    def step(self, backward: bool) -> None:
        self._view.find.find_next(backward)

    def find_next(self) -> None:
        if self.active:
            self.step(False)
        else:
            self.open()

    def find_previous(self) -> None:
        if self.active:
            self.step(True)

    def _on_closed(self) -> None:
        self._view.find.find_all("")
        self._view.setFocus()

    def _on_article_changed(self, _key: str, _previous: str) -> None:
        if self.active and self._bar.edit.text():
            self.search(self._bar.edit.text())
