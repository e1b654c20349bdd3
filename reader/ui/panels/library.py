"""The library list: every article with title, source and date, unread in bold, a note count;
sortable and filterable. One model row per article and a delegate, never a widget per row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.pinyin import PinyinIndex
from reader.ingest.model import Article
from reader.ui.models.articles import (
    ARTICLE_ROLE,
    BYLINE_ROLE,
    KEY_ROLE,
    NOTES_ROLE,
    READ_ROLE,
    ArticleFilterProxy,
    ArticleListModel,
    ArticleOrder,
)
from reader.ui.panels.base import Panel

ORDERS = (
    ("Newest first", ArticleOrder.NEWEST),
    ("Oldest first", ArticleOrder.OLDEST),
    ("By source", ArticleOrder.SOURCE),
    ("By title", ArticleOrder.TITLE),
    ("Library order", ArticleOrder.LIBRARY),
)


class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article: the title (bold while unread) and "source · date", with an unread
    dot on the left and the note count on the right."""

    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        metrics = QFontMetrics(option.font)
        return QSize(200, int(metrics.height() * 2.6) + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        self.initStyleOption(option, index)
        option.text = ""
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        rect = option.rect.adjusted(self.PAD + 12, self.PAD, -self.PAD, -self.PAD)
        read = bool(index.data(READ_ROLE))
        notes = int(index.data(NOTES_ROLE) or 0)
        title_font = QFont(option.font)
        title_font.setBold(not read)
        title_metrics = QFontMetrics(title_font)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        small_metrics = QFontMetrics(small)
        if not read:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link))
            y = rect.top() + title_metrics.ascent() // 2 + 2
            painter.drawEllipse(option.rect.left() + self.PAD, y, 7, 7)
        badge = f"✎ {notes}" if notes else ""
        badge_width = small_metrics.horizontalAdvance(badge) + 6 if badge else 0
        painter.setFont(title_font)
        painter.setPen(text_color)
        title = title_metrics.elidedText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), title_metrics.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(small)
        painter.setPen(palette.color(muted))
        line2 = QRect(rect.left(), rect.top() + title_metrics.height() + 4, rect.width() - badge_width, small_metrics.height())
        byline = small_metrics.elidedText(str(index.data(BYLINE_ROLE) or ""), Qt.TextElideMode.ElideRight, line2.width())
        painter.drawText(line2, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, byline)
        if badge:
            painter.drawText(QRect(rect.right() - badge_width, line2.top(), badge_width, line2.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, badge)
        painter.restore()


class LibraryPanel(Panel):
    open_requested = Signal(str)  # article key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Library", "libraryPanel", parent)
        self.model = ArticleListModel(self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._library_order: tuple[Article, ...] = ()
        self._current = ""
        self.filter: QLineEdit | None = None
        self.list: QListView | None = None

    def build(self) -> QWidget:
        content = QWidget(self)
        self.filter = QLineEdit(content)
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText("Filter by title, source, tag, name in pinyin…  (Ctrl+L)")
        self.filter.setClearButtonEnabled(True)
        self.order = QComboBox(content)
        self.order.setObjectName("libraryOrder")
        for label, order in ORDERS:
            self.order.addItem(label, order.value)
        self.count = QLabel(content)
        self.count.setObjectName("libraryCount")
        self.list = QListView(content)
        self.list.setObjectName("libraryList")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(ArticleDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.order, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self.filter.textChanged.connect(self._on_filter_changed)
        self.order.currentIndexChanged.connect(self._on_order_changed)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.activated.connect(self._on_activated)
        return content

    def refresh(self) -> None:
        if self.list is None:
            return
        self._update_count()
        self._select(self._current)

    # -- content
    def set_articles(self, articles: tuple[Article, ...], read: set[str], notes: dict[str, int]) -> None:
        self._library_order = articles
        self.model.set_articles(articles, read, notes)
        self._update_count()

    def set_names(self, names: Callable[[], PinyinIndex] | None) -> None:
        """The library's names by pinyin, for a filter in Latin letters (zjtd: 字节跳动)."""
        self.proxy.set_names(names)
        self._update_count()

    def set_current(self, key: str) -> None:
        """Show ``key`` as the open article, without asking to open it again."""
        self._current = key
        self.model.set_read(key)
        self._select(key)

    def set_order(self, order: ArticleOrder) -> None:
        self.model.set_order(order, self._library_order)
        if self.list is not None:
            self.order.setCurrentIndex([o for _, o in ORDERS].index(order))
            self._select(self._current)

    def focus_filter(self) -> None:
        self.ensure_built()
        if self.filter is not None:
            self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.filter.selectAll()

    def neighbour(self, key: str, step: int) -> str | None:
        """The article ``step`` rows from ``key`` in the list as shown (sorted and filtered)."""
        source_row = self.model.row_of(key)
        rows = self.proxy.rowCount()
        if rows == 0:
            return None
        if source_row < 0:
            row = 0 if step > 0 else rows - 1
        else:
            proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not proxy_index.isValid():
                row = 0 if step > 0 else rows - 1
            else:
                row = proxy_index.row() + step
        if not 0 <= row < rows:
            return None
        return str(self.proxy.index(row, 0).data(KEY_ROLE))

    def visible_keys(self) -> list[str]:
        return [str(self.proxy.index(r, 0).data(KEY_ROLE)) for r in range(self.proxy.rowCount())]

    def _select(self, key: str) -> None:
        if self.list is None or not key:
            return
        proxy_index = self.proxy.mapFromSource(self.model.key_index(key))
        if proxy_index.isValid():
            with QSignalBlocker(self.list.selectionModel()):
                self.list.setCurrentIndex(proxy_index)
            self.list.viewport().update()
            self.list.scrollTo(proxy_index)

    def _update_count(self) -> None:
        if self.list is None:
            return
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} articles")

    # -- slots
    def _on_filter_changed(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._update_count()
        self._select(self._current)

    def _on_order_changed(self, row: int) -> None:
        self.model.set_order(ORDERS[row][1], self._library_order)
        self._select(self._current)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            key = str(current.data(KEY_ROLE))
            if key != self._current:
                self.open_requested.emit(key)

    def _on_activated(self, index: QModelIndex) -> None:
        article = index.data(ARTICLE_ROLE)
        if isinstance(article, Article):
            self.open_requested.emit(article.key)
