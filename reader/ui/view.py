"""The reading view: one article, its header, its entity and figure layers.

Everything the outside world says to the view is in code-point offsets over ``Article.text``;
the view converts at its boundary with its PositionMap.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QEasingCurve, QEvent, QPoint, QPointF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLine,
)
from PySide6.QtWidgets import QFrame, QLabel, QTextEdit, QToolTip, QWidget

from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analysis
from reader.ingest.model import Article
from reader.ui.display import format_metric_value
from reader.ui.document import Layers, build_document, document_text
from reader.ui.positions import PositionMap
from reader.ui.article_header import ArticleHeader
from reader.ui.theme import ENTITY_LABELS, LIGHT, Theme, reading_font
from reader.text import is_cjk

WordSpans = Callable[[str], Sequence[tuple[int, int]]]
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
    metric_activated = Signal(int)  # a figure was clicked: its index in the analysis
    metric_hovered = Signal(int)  # the figure under the mouse, -1 when none
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
        self._metric_order: list[int] = []  # metric indexes sorted by start
        self._metric_starts: list[int] = []
        self._hidden: frozenset[EntityType] = frozenset()
        self._theme = LIGHT
        self._serif = True
        self._zoom = 0
        self._words: WordSpans | None = None
        self._word_cache: dict[int, Sequence[tuple[int, int]]] = {}  # line start → word spans
        self._describe: Describer | None = None
        self._hovered_metric = -1
        self._press = QPoint()
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._find: list[tuple[int, int]] = []
        self._find_current = -1
        self._highlights: list[tuple[int, int, QColor]] = []  # the notes layer, kept across re-renders
        self._flash_span: tuple[int, int] | None = None
        self._flash = QVariantAnimation(self)
        self._flash.setDuration(1600)
        self._flash.setStartValue(1.0)
        self._flash.setEndValue(0.0)
        self._flash.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash.valueChanged.connect(self._on_flash_step)
        self._apply_theme()
        self.show_message("")

    # -- collaborators
    def set_word_spans(self, words: WordSpans | None) -> None:
        """Where double-click gets word boundaries (jieba); None falls back to Qt's rules."""
        self._words = words
        self._word_cache = {}

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
        self._analysis = Analysis(tuple(mentions), analysis.metrics)
        self._mention_starts = [m.start for m in mentions]
        self._metric_order = sorted(range(len(analysis.metrics)), key=lambda i: analysis.metrics[i].start)
        self._metric_starts = [analysis.metrics[i].start for i in self._metric_order]
        self._layers.clear()
        self._highlights = []
        self._word_cache = {}
        self._find = []
        self._find_current = -1
        self._flash.stop()
        self._flash_span = None
        self._hovered_metric = -1
        self.placeholder.hide()
        self._render()
        self.verticalScrollBar().setValue(0)

    def show_message(self, message: str) -> None:
        """No article: a centred message instead ("Loading…", "Choose an article")."""
        self._article = None
        self._analysis = Analysis()
        self._positions = PositionMap("")
        self._mention_starts = []
        self._metric_order = []
        self._metric_starts = []
        self._layers.clear()
        self._highlights = []
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
            Layers(self._analysis.mentions, self._analysis.metrics, self._hidden),
            self._theme,
            font,
        )
        self.header.set_article(self._article, font, self._theme)
        self._relayout(force=True)
        # Clearing the document collapsed every layer's cursors; the user's highlights are
        # rebuilt from their spans so a zoom or theme change keeps them.
        self._layers["notes"] = self._highlight_selections()
        self._refresh_extra()

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
        metrics = QFontMetricsF(self.reading_font())
        measure = MEASURE_EM * metrics.horizontalAdvance("中")
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
            self.flash(start, end)

    def flash(self, start: int, end: int) -> None:
        self._flash.stop()
        self._flash_span = (start, end)
        self._flash.start()
        self._on_flash_step(1.0)

    def _on_flash_step(self, value: float) -> None:
        if self._flash_span is None or self._article is None:
            return
        color = QColor(self._theme.flash)
        color.setAlphaF(max(0.0, float(value)) * 0.85)
        self._set_layer("flash", [self._selection(*self._flash_span, background=color)] if value > 0 else [])

    # -- layers of transient highlights (find hits, the selected entity, the flash)
    def _selection(self, start: int, end: int, background: QColor, outline: QColor | None = None) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        if outline is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(outline)
        selection.format = fmt
        return selection

    def _set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        self._layers[name] = selections
        self._refresh_extra()

    def set_highlights(self, spans: list[tuple[int, int, QColor]]) -> None:
        """The user's highlights (from the notes layer), under every other mark."""
        if self._article is None:
            return
        n = len(self._article.text)
        self._highlights = [(s, e, QColor(color)) for s, e, color in spans if 0 <= s < e <= n]
        self._set_layer("notes", self._highlight_selections())

    def highlights(self) -> list[tuple[int, int, QColor]]:
        """The user's highlights as painted: (start, end, colour) in code points."""
        return [
            (self._positions.to_offset(s.cursor.selectionStart()), self._positions.to_offset(s.cursor.selectionEnd()), s.format.background().color())
            for s in self._layers.get("notes", [])
        ]

    def _highlight_selections(self) -> list[QTextEdit.ExtraSelection]:
        return [self._selection(s, e, color) for s, e, color in self._highlights]

    def _refresh_extra(self) -> None:
        ordered = [s for name in ("notes", "entity", "metric", "find", "flash") for s in self._layers.get(name, [])]
        self.setExtraSelections(ordered)

    def highlight_entity(self, name: str | None) -> int:
        """Mark every mention of ``name`` strongly; returns how many there are."""
        if name is None or self._article is None:
            self._set_layer("entity", [])
            return 0
        spans = [m for m in self._analysis.mentions if m.entity == name]
        self._set_layer(
            "entity",
            [self._selection(m.start, m.end, self._theme.entity_background(m.type, 0.38), self._theme.entity_text(m.type)) for m in spans],
        )
        return len(spans)

    def highlighted_entity_spans(self) -> list[tuple[int, int]]:
        return [
            (self._positions.to_offset(s.cursor.selectionStart()), self._positions.to_offset(s.cursor.selectionEnd()))
            for s in self._layers.get("entity", [])
        ]

    def highlight_metric(self, index: int) -> None:
        if index < 0 or index >= len(self._analysis.metrics):
            self._set_layer("metric", [])
            return
        metric = self._analysis.metrics[index]
        color = QColor(self._theme.figure)
        color.setAlphaF(0.22)
        self._set_layer("metric", [self._selection(metric.start, metric.end, color)])

    # -- find in page
    def find_all(self, query: str) -> int:
        """Highlight every occurrence of ``query`` (any length, Chinese included, case-insensitive
        for Latin letters); returns the count. The cursor moves with find_next."""
        self._find = []
        self._find_current = -1
        if query and self._article is not None:
            text = self._article.text
            folded, needle = text.lower(), query.lower()
            if len(folded) != len(text) or len(needle) != len(query):  # lower() changed lengths
                folded, needle = text, query
            start = folded.find(needle)
            while start != -1:
                self._find.append((start, start + len(needle)))
                start = folded.find(needle, start + len(needle))
        self._paint_find()
        return len(self._find)

    def find_next(self, backward: bool = False) -> tuple[int, int]:
        """Move to the next (previous) hit after the cursor; returns (1-based index, count)."""
        if not self._find:
            return 0, 0
        here = self.cursor_offset()
        if backward:
            before = [i for i, (s, _) in enumerate(self._find) if s < (self.selected_span() or (here, here))[0]]
            self._find_current = before[-1] if before else len(self._find) - 1
        else:
            after = [i for i, (s, _) in enumerate(self._find) if s >= here]
            self._find_current = after[0] if after else 0
        start, end = self._find[self._find_current]
        self.select_span(start, end)
        self._paint_find()
        return self._find_current + 1, len(self._find)

    def _paint_find(self) -> None:
        accent = QColor(self._theme.flash)
        self._set_layer(
            "find",
            [
                self._selection(s, e, accent if i == self._find_current else self._theme.find)
                for i, (s, e) in enumerate(self._find)
            ],
        )

    def find_hits(self) -> list[tuple[int, int]]:
        return list(self._find)

    # -- what is under the mouse
    def mention_at(self, offset: int) -> Mention | None:
        k = bisect_right(self._mention_starts, offset) - 1
        if k >= 0:
            mention = self._analysis.mentions[k]
            if mention.start <= offset < mention.end and mention.type not in self._hidden:
                return mention
        return None

    def metric_at(self, offset: int) -> int:
        k = bisect_right(self._metric_starts, offset) - 1
        if k >= 0:
            index = self._metric_order[k]
            metric = self._analysis.metrics[index]
            if metric.start <= offset < metric.end:
                return index
        return -1

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        offset = self.offset_at(event.position().toPoint())
        metric = self.metric_at(offset) if offset is not None else -1
        over_mention = offset is not None and self.mention_at(offset) is not None
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if over_mention or metric >= 0 else Qt.CursorShape.IBeamCursor
        )
        if metric != self._hovered_metric:
            self._hovered_metric = metric
            self.metric_hovered.emit(metric)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().leaveEvent(event)
        if self._hovered_metric != -1:
            self._hovered_metric = -1
            self.metric_hovered.emit(-1)

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
        metric = self.metric_at(offset)
        if metric >= 0:
            self.metric_activated.emit(metric)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.select_word_at(event.position().toPoint()):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def select_word_at(self, point: QPoint) -> bool:
        """Select the jieba word under ``point``: Qt alone would take the whole run of Chinese
        characters (it has no dictionary). False when the character is not Chinese."""
        offset = self.offset_at(point)
        if offset is None or self._article is None or self._words is None:
            return False
        text = self._article.text
        if not is_cjk(text[offset]):
            return False
        span = self.word_at(offset)
        if span is None:
            return False
        self.select_span(*span, scroll=False)
        return True

    def word_at(self, offset: int) -> tuple[int, int] | None:
        if self._article is None or self._words is None:
            return None
        text = self._article.text
        line_start = text.rfind("\n", 0, offset) + 1
        words = self._word_cache.get(line_start)
        if words is None:
            # One paragraph at a time, on demand: a few milliseconds once jieba is warm.
            line_end = text.find("\n", offset)
            line_end = len(text) if line_end == -1 else line_end
            words = self._word_cache[line_start] = self._words(text[line_start:line_end])
        for start, end in words:
            if start + line_start <= offset < end + line_start:
                return start + line_start, end + line_start
        return offset, offset + 1

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
            color = self._theme.entity_text(mention.type).name()
            tip = f"<b>{escape(mention.entity)}</b> <span style='color:{color}'>{ENTITY_LABELS[mention.type]}</span>"
            if mention.surface != mention.entity:
                tip += f"<br/><i>“{escape(mention.surface)}”</i>"
            if description:
                tip += f"<br/>{escape(description)}"
            return f"<qt>{tip}</qt>"
        index = self.metric_at(offset)
        if index >= 0:
            metric = self._analysis.metrics[index]
            parts = [f"<b>{escape(format_metric_value(metric))}</b>"]
            for name, value in (("label", metric.label), ("subject", metric.subject), ("period", metric.period)):
                if value:
                    parts.append(f"{name}: {escape(value)}")
            if metric.kind.value != "actual":
                parts.append(metric.kind.value)
            return "<qt>" + "<br/>".join(parts) + "</qt>"
        return ""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        offset = self.offset_at(event.pos())
        mention = self.mention_at(offset) if offset is not None else None
        if mention is not None:
            self.mention_menu_requested.emit(mention, event.globalPos())
            return
        self.text_menu_requested.emit(-1 if offset is None else offset, event.globalPos())
