"""The view's marks over the text: layers of transient highlights drawn as extra selections —
the user's highlights under everything, then the selected name, the hovered figure, find hits
and the flash that ends every navigation. A small part of ArticleView, like its header."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    from reader.ui.view import ArticleView

LAYERS = ("notes", "bookmarks", "entity", "figure", "find", "flash")  # bottom to top
FLASH_MS = 1600
HIGHLIGHT_SPAN_ALPHA = 0.38  # the selected name's mentions
FIGURE_ALPHA = 0.22
FLASH_ALPHA = 0.85
BOOKMARK_ALPHA = 0.12


class ViewMarks(QObject):
    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self._view = view
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._highlights: list[tuple[int, int, QColor]] = []  # the notes layer, kept across re-renders
        self._bookmarks: list[tuple[int, int, QColor]] = []  # the bookmarks layer, likewise
        self._flash_span: tuple[int, int] | None = None
        self._flash = QVariantAnimation(self)
        self._flash.setDuration(FLASH_MS)
        self._flash.setStartValue(1.0)
        self._flash.setEndValue(0.0)
        self._flash.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash.valueChanged.connect(self._on_flash_step)

    def clear(self) -> None:
        """Another article (or none): no marks, no flash."""
        self._layers.clear()
        self._highlights = []
        self._bookmarks = []
        self._flash.stop()
        self._flash_span = None

    def selection(self, start: int, end: int, background: QColor, outline: QColor | None = None) -> QTextEdit.ExtraSelection:
        """``[start, end)`` in code points, painted with ``background`` (and underlined)."""
        positions = self._view.positions
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(positions.to_qt(start))
        cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        if outline is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(outline)
        selection.format = fmt
        return selection

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        self._layers[name] = selections
        self._view.setExtraSelections([s for layer in LAYERS for s in self._layers.get(layer, [])])

    def spans(self, name: str) -> list[tuple[int, int]]:
        """A layer's marks as painted, in code points."""
        positions = self._view.positions
        return [
            (positions.to_offset(s.cursor.selectionStart()), positions.to_offset(s.cursor.selectionEnd()))
            for s in self._layers.get(name, [])
        ]

    # -- the user's highlights
    def set_highlights(self, spans: list[tuple[int, int, QColor]]) -> None:
        """The user's highlights (from the notes layer), under every other mark."""
        article = self._view.article
        if article is None:
            return
        n = len(article.text)
        self._highlights = [(s, e, QColor(color)) for s, e, color in spans if 0 <= s < e <= n]
        self.repaint_highlights()

    def repaint_highlights(self) -> None:
        """Rebuild the highlights from their spans: clearing the document collapsed their
        cursors, and a zoom or theme change must keep them."""
        self.set_layer("notes", [self.selection(s, e, color) for s, e, color in self._highlights])
        self.set_layer("bookmarks", [self._bookmark(s, e, color) for s, e, color in self._bookmarks])

    def set_bookmarks(self, spans: list[tuple[int, int, QColor]]) -> None:
        """The bookmarks' places, marked with a dashed underline in ``color`` (a bookmark at a
        point marks the character after it): a reader sees where they left a mark."""
        article = self._view.article
        if article is None:
            return
        n = len(article.text)
        self._bookmarks = [(s, max(e, min(s + 1, n)), QColor(c)) for s, e, c in spans if 0 <= s < n and e <= n]
        self.repaint_highlights()

    def _bookmark(self, start: int, end: int, color: QColor) -> QTextEdit.ExtraSelection:
        tint = QColor(color)
        tint.setAlphaF(BOOKMARK_ALPHA)
        selection = self.selection(start, end, tint, color)
        selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        return selection

    def highlights(self) -> list[tuple[int, int, QColor]]:
        """The user's highlights as painted: (start, end, colour) in code points."""
        colors = [s.format.background().color() for s in self._layers.get("notes", [])]
        return [(start, end, color) for (start, end), color in zip(self.spans("notes"), colors)]

    # -- the selected name and the hovered figure
    def highlight_entity(self, name: str | None) -> int:
        """Mark every mention of ``name`` strongly; returns how many there are."""
        if name is None or self._view.article is None:
            self.set_layer("entity", [])
            return 0
        theme = self._view.theme()
        mentions = [m for m in self._view.analysis.mentions if m.entity == name]
        self.set_layer(
            "entity",
            [self.selection(m.start, m.end, theme.entity_background(m.type, HIGHLIGHT_SPAN_ALPHA), theme.entity_text(m.type)) for m in mentions],
        )
        return len(mentions)

    def highlight_figure(self, index: int) -> None:
        figures = self._view.analysis.figures
        if index < 0 or index >= len(figures):
            self.set_layer("figure", [])
            return
        color = QColor(self._view.theme().figure)
        color.setAlphaF(FIGURE_ALPHA)
        self.set_layer("figure", [self.selection(figures[index].start, figures[index].end, color)])

    # -- the flash
    def flash(self, start: int, end: int) -> None:
        self._flash.stop()
        self._flash_span = (start, end)
        self._flash.start()
        self._on_flash_step(1.0)

    def _on_flash_step(self, value: float) -> None:
        if self._flash_span is None or self._view.article is None:
            return
        color = QColor(self._view.theme().flash)
        color.setAlphaF(max(0.0, float(value)) * FLASH_ALPHA)
        self.set_layer("flash", [self.selection(*self._flash_span, background=color)] if value > 0 else [])
