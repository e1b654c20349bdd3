"""Find in page, the view's part (qutebrowser's ``tab.search``): every occurrence of a query in
the article's text, the current one moved to with the cursor, and ``match_changed`` saying
where it is. The find bar and its actions are wired to it by the window's find controller."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

if TYPE_CHECKING:
    from reader.ui.view import ArticleView
    from reader.ui.view_marks import ViewMarks


def occurrences(text: str, query: str) -> list[tuple[int, int]]:
    """Every ``[start, end)`` of ``query`` in ``text``, not overlapping, case-insensitive for
    Latin letters (unless lowering would change lengths, which would shift the spans)."""
    if not query:
        return []
    folded, needle = text.lower(), query.lower()
    if len(folded) != len(text) or len(needle) != len(query):
        folded, needle = text, query
    found = []
    start = folded.find(needle)
    while start != -1:
        found.append((start, start + len(needle)))
        start = folded.find(needle, start + len(needle))
    return found


class ViewFind(QObject):
    match_changed = Signal(int, int)  # the current hit, 1-based (0: none yet), and how many there are

    def __init__(self, view: ArticleView, marks: ViewMarks) -> None:
        super().__init__(view)
        self._view = view
        self._marks = marks
        self._hits: list[tuple[int, int]] = []
        self._current = -1

    def clear(self) -> None:
        """Another article: its text has not been searched yet."""
        self._hits = []
        self._current = -1

    def find_all(self, query: str) -> int:
        """Mark every occurrence of ``query`` (any length, Chinese included); returns the count.
        The cursor moves with find_next."""
        article = self._view.article
        self._hits = occurrences(article.text, query) if article is not None else []
        self._current = -1
        self._paint()
        self.match_changed.emit(0, len(self._hits))
        return len(self._hits)

    def find_next(self, backward: bool = False) -> tuple[int, int]:
        """Move to the next (previous) hit after the cursor; returns (1-based index, count)."""
        if not self._hits:
            self.match_changed.emit(0, 0)
            return 0, 0
        here = self._view.cursor_offset()
        if backward:
            before_here = (self._view.selected_span() or (here, here))[0]
            before = [i for i, (s, _) in enumerate(self._hits) if s < before_here]
            self._current = before[-1] if before else len(self._hits) - 1
        else:
            after = [i for i, (s, _) in enumerate(self._hits) if s >= here]
            self._current = after[0] if after else 0
        self._view.select_span(*self._hits[self._current])
        self._paint()
        self.match_changed.emit(self._current + 1, len(self._hits))
        return self._current + 1, len(self._hits)

    def hits(self) -> list[tuple[int, int]]:
        return list(self._hits)

    def _paint(self) -> None:
        theme = self._view.theme()
        accent = QColor(theme.flash)
        self._marks.set_layer(
            "find",
            [self._marks.selection(s, e, accent if i == self._current else theme.find) for i, (s, e) in enumerate(self._hits)],
        )
