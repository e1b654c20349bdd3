"""The reading view: one article, its entity and figure layers, and positions on screen.

Everything the outside world says to the view is in code-point offsets over ``Article.text``;
the view converts at its boundary with its PositionMap. Its small parts have their own files:
the header (article_header.py), the marks over the text (view_marks.py), find in page
(view_find.py), double-click words (view_words.py) and tooltips (tooltips.py).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextFrameFormat,
    QTextLine,
)
from PySide6.QtWidgets import QFrame, QLabel, QTextEdit, QToolTip, QWidget

from reader.analysis.model import Analysis, EntityType, Mention
from reader.ingest.model import Article
from reader.ui.document import Layers, build_document, document_text, reveal
from reader.ui.positions import PositionMap
from reader.ui.article_header import ArticleHeader
from reader.ui.theme import LIGHT, Theme, reading_font
from reader.ui.tooltips import mention_tooltip, figure_tooltip
from reader.ui.view_find import ViewFind
from reader.ui.view_marks import ViewMarks
from reader.ui.view_words import ParagraphWords, WordSpans
from reader.text import is_cjk

Describer = Callable[[str], str]

MEASURE_EM = 40  # comfortable line length for Chinese: ~40 characters
SIDE_PADDING = 28
TOP_PADDING = 36
BASE_POINT_SIZE = 13.0
ZOOM_STEP = 1.1
ZOOM_RANGE = (-5, 10)


class ArticleView(QTextEdit):
    """A read-only QTextEdit showing one article with coloured entity mentions and figures."""

    entity_activated = Signal(str)  # a mention was clicked: the canonical name
    figure_activated = Signal(int)  # a figure was clicked: its index in the analysis
    figure_hovered = Signal(int)  # the figure under the mouse, -1 when none
    mention_menu_requested = Signal(Mention, QPoint)  # right-click on a mention, global position
    text_menu_requested = Signal(int, QPoint)  # right-click elsewhere: code-point offset (-1: none), global position
    text_clicked = Signal(int)  # a click without a selection: the code-point offset under it
    zoom_changed = Signal(int)
    history_requested = Signal(int)  # the mouse's back (-1) or forward (+1) button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setUndoRedoEnabled(False)
        self.viewport().setMouseTracking(True)
        self.header = ArticleHeader(self.viewport())
        self.placeholder = QLabel(self.viewport())
        self.placeholder.setObjectName("viewPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._article: Article | None = None
        self._analysis = Analysis()
        self._positions = PositionMap("")
        self._mention_starts: list[int] = []
        self._figure_order: list[int] = []  # figure indexes sorted by start
        self._figure_starts: list[int] = []
        self._hidden: frozenset[EntityType] = frozenset()
        self._theme = LIGHT
        self._serif = True
        self._zoom = 0
        self._words = ParagraphWords()
        self._describe: Describer | None = None
        self._hovered_figure = -1
        self._press = QPoint()
        self.marks = ViewMarks(self)
        self.find = ViewFind(self, self.marks)
        self._apply_theme()
        self.show_message("")

    # -- collaborators
    def set_word_spans(self, words: WordSpans | None) -> None:
        """Where double-click gets word boundaries (jieba); None falls back to Qt's rules."""
        self._words.set_word_spans(words)

    def set_describer(self, describe: Describer | None) -> None:
        self._describe = describe

    # -- content
    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def analysis(self) -> Analysis:
        return self._analysis

    @property
    def positions(self) -> PositionMap:
        return self._positions

    def set_article(self, article: Article, analysis: Analysis) -> None:
        self._article = article
        self._analysis = analysis
        mentions = sorted(analysis.mentions, key=lambda m: m.start)
        self._analysis = dataclasses.replace(analysis, mentions=tuple(mentions))
        self._mention_starts = [m.start for m in mentions]
        self._figure_order = sorted(range(len(analysis.figures)), key=lambda i: analysis.figures[i].start)
        self._figure_starts = [analysis.figures[i].start for i in self._figure_order]
        self.marks.clear()
        self._words.set_text(article.text)
        self.find.clear()
        self._hovered_figure = -1
        self.placeholder.hide()
        self._render()
        self.verticalScrollBar().setValue(0)

    def show_message(self, message: str) -> None:
        """No article: a centred message instead ("Loading…", "Choose an article")."""
        self._article = None
        self._analysis = Analysis()
        self._positions = PositionMap("")
        self._mention_starts = []
        self._figure_order = []
        self._figure_starts = []
        self.marks.clear()
        self.document().clear()
        self.header.set_article(None, self.font(), self._theme)
        self.placeholder.setText(message)
        self.placeholder.setVisible(bool(message))
        self._relayout()

    def text(self) -> str:
        """What the view shows, as text: equal to ``Article.text``."""
        return document_text(self.document())

    # -- appearance
    def set_hidden_types(self, hidden: frozenset[EntityType]) -> None:
        if hidden != self._hidden:
            self._hidden = hidden
            self._rerender()

    def hidden_types(self) -> frozenset[EntityType]:
        return self._hidden

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._apply_theme()
        self._rerender()

    def theme(self) -> Theme:
        return self._theme

    def set_copies(self, key: str, copies: list[tuple[str, str]]) -> None:
        """Name the other copies of article ``key``'s story in the header, (key, name) each."""
        self.header.set_copies(key, copies, self._theme)
        if self._article is not None:
            self._relayout(force=True)

    def serif(self) -> bool:
        return self._serif

    def set_serif(self, serif: bool) -> None:
        if serif != self._serif:
            self._serif = serif
            self._rerender()

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], steps))
        if steps != self._zoom:
            self._zoom = steps
            self._rerender()
            self.zoom_changed.emit(steps)

    def reading_font(self) -> QFont:
        return reading_font(self._serif, BASE_POINT_SIZE * ZOOM_STEP**self._zoom)

    def _apply_theme(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, self._theme.page)
        palette.setColor(QPalette.ColorRole.Text, self._theme.text)
        self.setPalette(palette)
        self.viewport().setPalette(palette)
        self.placeholder.setStyleSheet(f"color: {self._theme.muted.name()}; font-size: 14pt;")

    def _render(self) -> None:
        if self._article is None:
            return
        font = self.reading_font()
        self._positions = build_document(
            self.document(),
            self._article,
            Layers(self._analysis.mentions, self._analysis.figures, self._hidden),
            self._theme,
            font,
        )
        self.header.set_article(self._article, font, self._theme)
        self._relayout(force=True)
        self.marks.repaint_highlights()

    def _rerender(self) -> None:
        """Rebuild the document keeping the reading place (the first visible character)."""
        if self._article is None:
            return
        top = self.top_offset()
        selection = self.selected_span()
        self._render()
        if selection is not None:
            self.select_span(*selection, scroll=False)
        self.set_top_offset(top)

    # -- layout: a centred measure and the header above the text
    def _relayout(self, force: bool = False) -> None:
        width = self.viewport().width()
        figures = QFontMetricsF(self.reading_font())
        measure = MEASURE_EM * figures.horizontalAdvance("中")
        margin = max(SIDE_PADDING, (width - measure) / 2)
        header_width = max(100, int(width - 2 * margin))
        header_height = 0
        if self._article is not None:
            self.header.setFixedWidth(header_width)
            header_height = self.header.heightForWidth(header_width)
            if header_height <= 0:
                header_height = self.header.sizeHint().height()
            self.header.setFixedHeight(header_height)
            self.header.show()
        else:
            self.header.hide()
        frame = self.document().rootFrame()
        fmt: QTextFrameFormat = frame.frameFormat()
        top = TOP_PADDING + (header_height + 22 if header_height else 0)
        wanted = (margin, margin, top, 96.0)
        current = (fmt.leftMargin(), fmt.rightMargin(), fmt.topMargin(), fmt.bottomMargin())
        if force or any(abs(a - b) > 0.5 for a, b in zip(wanted, current)):
            fmt.setLeftMargin(margin)
            fmt.setRightMargin(margin)
            fmt.setTopMargin(top)
            fmt.setBottomMargin(96.0)
            frame.setFrameFormat(fmt)
        self._place_overlays()

    def _place_overlays(self) -> None:
        fmt = self.document().rootFrame().frameFormat()
        self.header.move(int(fmt.leftMargin()), TOP_PADDING - self.verticalScrollBar().value())
        self.placeholder.setGeometry(0, 0, self.viewport().width(), self.viewport().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._relayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt override
        super().scrollContentsBy(dx, dy)
        self._place_overlays()

    # -- positions on screen
    def _doc_point(self, point: QPoint) -> QPointF:
        return QPointF(point.x() + self.horizontalScrollBar().value(), point.y() + self.verticalScrollBar().value())

    def offset_at(self, point: QPoint) -> int | None:
        """The code-point offset of the character under ``point`` (viewport coordinates)."""
        if self._article is None:
            return None
        doc_point = self._doc_point(point)
        layout = self.document().documentLayout()
        position = layout.hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        block = self.document().findBlock(position)
        block_layout = block.layout()
        origin = layout.blockBoundingRect(block).topLeft()
        y = doc_point.y() - origin.y()
        for i in range(block_layout.lineCount()):
            line = block_layout.lineAt(i)
            if line.y() <= y < line.y() + line.height():
                index = line.xToCursor(doc_point.x() - origin.x(), QTextLine.CursorPosition.CursorOnCharacter)
                if not line.textStart() <= index < line.textStart() + line.textLength():
                    return None
                qt = block.position() + index
                if qt >= self._positions.qt_length:
                    return None
                return self._positions.to_offset(qt)
        return None

    def _y_of(self, offset: int) -> tuple[float, float]:
        """Top and bottom, in document coordinates, of the line holding ``offset``."""
        qt = self._positions.to_qt(offset)
        block = self.document().findBlock(qt)
        rect = self.document().documentLayout().blockBoundingRect(block)
        line = block.layout().lineForTextPosition(qt - block.position())
        if not line.isValid():
            return rect.top(), rect.bottom()
        return rect.top() + line.y(), rect.top() + line.y() + line.height()

    def top_offset(self) -> int:
        """The first character at the top of the viewport (the reading place)."""
        if self._article is None or not self._article.text:
            return 0
        fmt = self.document().rootFrame().frameFormat()
        cursor = self.cursorForPosition(QPoint(int(fmt.leftMargin()) + 2, 4))
        return self._positions.to_offset(min(cursor.position(), self._positions.qt_length))

    def set_top_offset(self, offset: int) -> None:
        if self._article is None:
            return
        offset = max(0, min(offset, len(self._article.text)))
        if offset == 0:
            self.verticalScrollBar().setValue(0)
            return
        top, _ = self._y_of(offset)
        self.verticalScrollBar().setValue(int(top) - 2)

    def scroll_to_span(self, start: int, end: int) -> None:
        """Bring ``[start, end)`` to the middle of the viewport."""
        if self._article is None:
            return
        top, _ = self._y_of(start)
        _, bottom = self._y_of(end)
        middle = (top + bottom) / 2
        self.verticalScrollBar().setValue(int(middle - self.viewport().height() / 2))

    # -- selection
    def select_span(self, start: int, end: int, scroll: bool = True) -> None:
        if reveal(self.document(), self._positions.to_qt(start)):
            self.document().documentLayout().documentSize()  # lay the shown line out before scrolling
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if scroll:
            self.scroll_to_span(start, end)

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection() or self._article is None:
            return None
        return (
            self._positions.to_offset(cursor.selectionStart()),
            self._positions.to_offset(cursor.selectionEnd()),
        )

    def cursor_offset(self) -> int:
        return self._positions.to_offset(min(self.textCursor().position(), self._positions.qt_length))

    def go_to(self, start: int, end: int, flash: bool = True) -> None:
        """Scroll to a span, put the cursor on it and flash it: the end of every navigation."""
        self.select_span(start, end)
        if flash:
            self.marks.flash(start, end)

    # -- the parts' faces: what the window and the notes ask of the view
    def set_highlights(self, spans: list[tuple[int, int, QColor]]) -> None:
        self.marks.set_highlights(spans)

    def set_bookmarks(self, spans: list[tuple[int, int, QColor]]) -> None:
        self.marks.set_bookmarks(spans)

    def highlights(self) -> list[tuple[int, int, QColor]]:
        return self.marks.highlights()

    def highlight_entity(self, name: str | None) -> int:
        return self.marks.highlight_entity(name)

    def highlighted_entity_spans(self) -> list[tuple[int, int]]:
        return self.marks.spans("entity")

    def highlight_figure(self, index: int) -> None:
        self.marks.highlight_figure(index)

    def find_all(self, query: str) -> int:
        return self.find.find_all(query)

    def find_next(self, backward: bool = False) -> tuple[int, int]:
        return self.find.find_next(backward)

    def find_hits(self) -> list[tuple[int, int]]:
        return self.find.hits()

    # -- what is under the mouse
    def mention_at(self, offset: int) -> Mention | None:
        k = bisect_right(self._mention_starts, offset) - 1
        if k >= 0:
            mention = self._analysis.mentions[k]
            if mention.start <= offset < mention.end and mention.type not in self._hidden:
                return mention
        return None

    def figure_at(self, offset: int) -> int:
        k = bisect_right(self._figure_starts, offset) - 1
        if k >= 0:
            index = self._figure_order[k]
            figure = self._analysis.figures[index]
            if figure.start <= offset < figure.end:
                return index
        return -1

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        offset = self.offset_at(event.position().toPoint())
        figure = self.figure_at(offset) if offset is not None else -1
        over_mention = offset is not None and self.mention_at(offset) is not None
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if over_mention or figure >= 0 else Qt.CursorShape.IBeamCursor
        )
        if figure != self._hovered_figure:
            self._hovered_figure = figure
            self.figure_hovered.emit(figure)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().leaveEvent(event)
        if self._hovered_figure != -1:
            self._hovered_figure = -1
            self.figure_hovered.emit(-1)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() in (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton):
            self.history_requested.emit(-1 if event.button() == Qt.MouseButton.BackButton else 1)
            event.accept()
            return
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        if (event.position().toPoint() - self._press).manhattanLength() > 4:
            return
        self.activate_at(event.position().toPoint())

    def activate_at(self, point: QPoint) -> None:
        """A click: a mention selects its entity, a figure selects its row."""
        offset = self.offset_at(point)
        if offset is None:
            return
        self.text_clicked.emit(offset)
        mention = self.mention_at(offset)
        if mention is not None:
            self.entity_activated.emit(mention.entity)
        figure = self.figure_at(offset)
        if figure >= 0:
            self.figure_activated.emit(figure)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.select_word_at(event.position().toPoint()):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def select_word_at(self, point: QPoint) -> bool:
        """Select the segmenter's word under ``point``. False when the character is not Chinese
        (Qt's own rules are right for Latin words) or there is no segmenter yet."""
        offset = self.offset_at(point)
        if offset is None or self._article is None or not self._words.ready:
            return False
        if not is_cjk(self._article.text[offset]):
            return False
        span = self._words.word_at(offset)
        if span is None:
            return False
        self.select_span(*span, scroll=False)
        return True

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        offset = self.offset_at(point)
        if offset is None:
            return ""
        mention = self.mention_at(offset)
        if mention is not None:
            description = self._describe(mention.entity) if self._describe is not None else ""
            return mention_tooltip(mention, description, self._theme.entity_text(mention.type).name())
        index = self.figure_at(offset)
        return figure_tooltip(self._analysis.figures[index]) if index >= 0 else ""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        offset = self.offset_at(event.pos())
        mention = self.mention_at(offset) if offset is not None else None
        if mention is not None:
            self.mention_menu_requested.emit(mention, event.globalPos())
            return
        self.text_menu_requested.emit(-1 if offset is None else offset, event.globalPos())
