"""A keyword-in-context list: the match centred and highlighted, context elided on both sides.
Shared by the mentions and search panels."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from reader.ui.models.kwic import AFTER_ROLE, BEFORE_ROLE, HIT_ROLE, MATCH_ROLE, Hit, KwicModel


class KwicDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.match_color = QColor("#1b5fb4")
        self.match_background = QColor(27, 95, 180, 40)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        rect = option.rect.adjusted(6, 0, -6, 0)
        font = QFont(option.font)
        bold = QFont(font)
        bold.setBold(True)
        metrics, bold_metrics = QFontMetrics(font), QFontMetrics(bold)
        match = str(index.data(MATCH_ROLE) or "")
        match_width = bold_metrics.horizontalAdvance(match) + 8
        # The match sits a little left of the middle: Chinese context after a name tends to
        # say more (the verb) than the context before it.
        centre = rect.left() + int(rect.width() * 0.42)
        match_rect = QRect(centre - match_width // 2, rect.top(), match_width, rect.height())
        left_rect = QRect(rect.left(), rect.top(), match_rect.left() - rect.left() - 2, rect.height())
        right_rect = QRect(match_rect.right() + 3, rect.top(), rect.right() - match_rect.right() - 3, rect.height())
        before = metrics.elidedText(str(index.data(BEFORE_ROLE) or ""), Qt.TextElideMode.ElideLeft, max(0, left_rect.width()))
        after = metrics.elidedText(str(index.data(AFTER_ROLE) or ""), Qt.TextElideMode.ElideRight, max(0, right_rect.width()))
        painter.setFont(font)
        painter.setPen(text_color)
        painter.drawText(left_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, before)
        painter.drawText(right_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, after)
        if not selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.match_background)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawRoundedRect(match_rect.adjusted(0, 3, 0, -3), 3, 3)
        painter.setFont(bold)
        painter.setPen(text_color if selected else self.match_color)
        painter.drawText(match_rect, Qt.AlignmentFlag.AlignCenter, match)
        painter.restore()


class KwicView(QTableView):
    """Rows of (article, context); ``hit_activated`` on click or Enter."""

    hit_activated = Signal(object)  # MentionRef | SearchHit: two concrete types, one signal

    def __init__(self, model: KwicModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.kwic_delegate = KwicDelegate(self)
        self.setItemDelegateForColumn(1, self.kwic_delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(QFontMetrics(self.font()).height() + 10)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().resizeSection(0, 200)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMinimumHeight(60)
        self.clicked.connect(self._on_activated)
        self.activated.connect(self._on_activated)

    def _on_activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)

    def activate_row(self, row: int) -> None:
        """As a click on ``row`` would."""
        index = self.model().index(row, 1)
        self.setCurrentIndex(index)
        self._on_activated(index)

    def set_match_colors(self, text: QColor, background: QColor) -> None:
        self.kwic_delegate.match_color = text
        self.kwic_delegate.match_background = background
        self.viewport().update()


def hit_span(hit: Hit) -> tuple[int, int]:
    return hit.start, hit.end
