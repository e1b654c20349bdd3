"""Moving between articles: opening one (at a span, at a remembered place, or where the reader
left it), back and forward through the history, the next and previous article of the list as
shown, and keeping the reading place of each in the store.

Opening sets the view and then the session; whatever follows the open article (its figures,
names, notes, find hits, the list's current row) listens to ``article_changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.library.library import Library
from reader.library.order import NewestFirst
from reader.ui.history import Place
from reader.ui.reading_state import ReadingState
from reader.ui.session import ReadingSession
from reader.ui.view import ArticleView

if TYPE_CHECKING:
    from reader.ui.panels.library import LibraryPanel

NoteCounts = Callable[[str], dict[str, int]]  # notes per article of a library


class NavigationController(QObject):
    article_opened = Signal(str)  # after every open, the same article at another place too

    def __init__(
        self,
        session: ReadingSession,
        view: ArticleView,
        library_panel: LibraryPanel | None,
        state: ReadingState,
        note_counts: NoteCounts,
        parent: QObject | None = None,
        say: Callable[[str], None] = lambda _text: None,
    ) -> None:
        super().__init__(parent)
        self._say = say  # the status line
        self._session = session
        self._view = view
        self._list = library_panel
        self._state = state
        self._note_counts = note_counts
        session.library_changed.connect(self._on_library_changed)

    def open_article(self, key: str, span: tuple[int, int] | None = None, record: bool = True, top: int | None = None) -> bool:
        """Show article ``key``; with ``span``, scroll to it, select and flash it; with ``top``,
        at that place; else where the reader left it. ``record`` adds the visit to the history."""
        library = self._session.library
        if library is None or key not in library:
            return False
        history = self._session.history
        if key != self._session.current_key:
            self.remember_place()
            self._view.set_article(library.article(key), library.analysis(key))
            self._session.set_article(key)
        elif record:
            history.update(self.place())
        if span is not None:
            self._view.go_to(*span)
        elif top is not None:
            self._view.set_top_offset(top)
        elif record:
            self._view.set_top_offset(self._state.read_positions(library.root).get(key, 0))
        if record:
            history.visit(self.place())
        self._state.mark_read(library.root, key, self._view.top_offset())
        self.article_opened.emit(key)
        return True

    def show_in(self, library_panel: LibraryPanel) -> None:
        """The library list, built after the first article was opened (the window's panels
        come once it is painted): it lists the library from the next announcement on."""
        self._list = library_panel

    def next_article(self) -> None:
        self._open_neighbour(+1)

    def previous_article(self) -> None:
        self._open_neighbour(-1)

    def _open_neighbour(self, step: int) -> None:
        key = self._list.neighbour(self._session.current_key, step) if self._list is not None else None
        if key:
            self.open_article(key)

    def has_neighbour(self, step: int) -> bool:
        return self._list is not None and self._list.neighbour(self._session.current_key, step) is not None

    def go_back(self) -> None:
        self._session.history.update(self.place())
        place = self._session.history.back()
        if place is not None:
            self._go_to_place(place, "Back to")

    def go_forward(self) -> None:
        self._session.history.update(self.place())
        place = self._session.history.forward()
        if place is not None:
            self._go_to_place(place, "Forward to")

    def go(self, step: int) -> None:
        """The mouse's back (-1) and forward (+1) buttons."""
        if step < 0:
            self.go_back()
        else:
            self.go_forward()

    def place(self) -> Place:
        """Where the reader is in the open article: the top of the view and the selection."""
        span = self._view.selected_span()
        start, end = span if span else (self._view.cursor_offset(), self._view.cursor_offset())
        return Place(self._session.current_key, self._view.top_offset(), start, end)

    def remember_place(self) -> None:
        """Keep where the reader is in the open article (in the history and the store)."""
        library = self._session.library
        if library is None or not self._session.current_key or self._view.article is None:
            return
        top = self._view.top_offset()
        self._session.history.update(self.place())
        self._state.mark_read(library.root, self._session.current_key, top)

    def _go_to_place(self, place: Place, how: str) -> None:
        self.open_article(place.article, record=False, top=place.top)
        if place.end > place.start:
            self._view.select_span(place.start, place.end, scroll=False)
        self._view.set_top_offset(place.top)
        library = self._session.library
        title = library.listed(place.article).title if library is not None and place.article in library else None
        self._say(f"{how} “{title or place.article}”")  # not the last step's "mention 6 of 27"

    def _on_library_changed(self, library: Library) -> None:
        if self._list is None:
            return
        read = self._state.read_positions(library.root)
        self._list.set_articles(library.articles, set(read), self._note_counts(library.root), NewestFirst(library.newest_first(), library.newest_rank()))
        self._list.set_names(library.pinyin_index)
        self._list.set_listings(library.listing_forms)
