"""Opening a place — a ``reader://`` link, a file, ``--open`` — in the window.

A place in the open library is shown at once; another library is loaded first, and the place
is shown when its article opens (the window opens the asked-for article first, through
``open_file_request``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.ingest.model import Article
from reader.library.identity import library_id
from reader.library.links import Location
from reader.ui.loading import match_article

if TYPE_CHECKING:
    from reader.ui.window import MainWindow


def passage(article: Article, location: Location) -> tuple[int, int] | None:
    """The span to flash for ``location`` in ``article``: ``[start, end)`` when the link gives
    both, else the paragraph at ``start``; None without a start. Clamped to the text, which may
    have changed since the link was made."""
    if location.start is None:
        return None
    length = len(article.text)
    start = min(location.start, length)
    if location.end is not None:
        return start, min(location.end, length)
    for block in article.blocks:
        if block.start <= start < block.end:
            return block.start, block.end
    return start, start


class LocationOpener(QObject):
    """Opens :class:`Location`\\ s in ``window``, loading their library when it is not open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._pending: Location | None = None
        window.article_opened.connect(self._on_article_opened)

    def open(self, location: Location) -> None:
        """Show ``location``; one without paths is in the open library (nothing to do without
        one: a second ``reader`` without arguments only raises the window)."""
        library = self.w.library
        if not location.paths:
            if library is None or not location.article:
                return
            location = replace(location, paths=library.folders)
        if library is not None and library.root == library_id(location.paths):
            self._pending = None
            key = match_article(library, location.article) if location.article else self.w.current_key
            if not key:
                self.w.status.say(f"{location.article}: not in this library")
                return
            self._show(key, location)
            return
        self._pending = location if location.start is not None else None
        self.w.open_file_request = location.article or None
        self.w.open_paths(list(location.paths))

    def _on_article_opened(self, key: str) -> None:
        """The library asked for is in and its article shown: go to the passage."""
        location, library = self._pending, self.w.library
        if location is None or library is None or library.root != library_id(location.paths):
            return  # not yet the library the location is in
        self._pending = None
        if location.article and match_article(library, location.article) != key:
            return  # the article is not in the library: the window said so
        self._show(key, location)

    def _show(self, key: str, location: Location) -> None:
        """Open ``key`` with the cursor at the location (the passage selected when the link
        names its end) and flash the passage."""
        assert self.w.library is not None
        article = self.w.library.article(key)
        flash = passage(article, location)
        if flash is None or location.start is None:
            self.w.open_article(key)
            return
        at = min(location.start, len(article.text))
        self.w.open_article(key, span=flash if location.end is not None else (at, at))
        self.w.view.marks.flash(*flash)
