"""The library list: every article with title, source and date, unread in bold, a note count;
sortable and filterable. One model row per article and a delegate, never a widget per row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSignalBlocker,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPalette
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
from reader.library.order import NewestFirst, Rows
from reader.ui.models.articles import (
    ARTICLE_ROLE,
    BYLINE_ROLE,
    COPIES_ROLE,
    COPY_ROW_ROLE,
    EXPANDED_ROLE,
    KEY_ROLE,
    NOTES_ROLE,
    READ_ROLE,
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
    dot on the left and the note count on the right. A story published more than once shows
    "▸ 2 转载" on its row (a click opens it: its other copies in the rows below, indented)."""

    PAD = 8
    COPY_INDENT = 16
    story_toggled = Signal(str)  # the row's "转载" badge was clicked: the article key

    @staticmethod
    def story_badge(index: QModelIndex | QPersistentModelIndex) -> str:
        copies = int(index.data(COPIES_ROLE) or 0)
        if not copies or index.data(COPY_ROW_ROLE):
            return ""
        return f"{'▾' if index.data(EXPANDED_ROLE) else '▸'} {copies} 转载"

    def _small_font(self, option: QStyleOptionViewItem) -> QFont:
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        return small

    def _line2(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QRect:
        rect = self._text_rect(option, index)
        title_font = QFont(option.font)
        title_font.setBold(True)
        return QRect(rect.left(), rect.top() + QFontMetrics(title_font).height() + 4, rect.width(), QFontMetrics(self._small_font(option)).height())

    def _text_rect(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QRect:
        indent = self.COPY_INDENT if index.data(COPY_ROW_ROLE) else 0
        return option.rect.adjusted(self.PAD + 12 + indent, self.PAD, -self.PAD, -self.PAD)

    def _badge_rect(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, notes_width: int) -> QRect:
        badge = self.story_badge(index)
        if not badge:
            return QRect()
        line2 = self._line2(option, index)
        width = QFontMetrics(self._small_font(option)).horizontalAdvance(badge) + 10
        return QRect(line2.right() - notes_width - width, line2.top(), width, line2.height())

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            if self._badge_rect(option, index, self._notes_width(option, index)).contains(event.position().toPoint()):
                self.story_toggled.emit(str(index.data(KEY_ROLE)))
                return True
        return super().editorEvent(event, model, option, index)

    def _notes_width(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
        notes = int(index.data(NOTES_ROLE) or 0)
        return QFontMetrics(self._small_font(option)).horizontalAdvance(f"✎ {notes}") + 6 if notes else 0

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
        rect = self._text_rect(option, index)
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
            painter.drawEllipse(rect.left() - 12, y, 7, 7)
        badge = f"✎ {notes}" if notes else ""
        badge_width = small_metrics.horizontalAdvance(badge) + 6 if badge else 0
        painter.setFont(title_font)
        painter.setPen(text_color)
        title = title_metrics.elidedText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), title_metrics.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(small)
        painter.setPen(palette.color(muted))
        story = self.story_badge(index)
        story_rect = self._badge_rect(option, index, badge_width)
        line2 = QRect(rect.left(), rect.top() + title_metrics.height() + 4, rect.width() - badge_width - story_rect.width(), small_metrics.height())
        byline = small_metrics.elidedText(str(index.data(BYLINE_ROLE) or ""), Qt.TextElideMode.ElideRight, line2.width())
        painter.drawText(line2, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, byline)
        if badge:
            painter.drawText(QRect(rect.right() - badge_width, line2.top(), badge_width, line2.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, badge)
        if story:
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link))
            painter.drawText(story_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, story)
        painter.restore()


class LibraryPanel(Panel):
    open_requested = Signal(str)  # article key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Library", "libraryPanel", parent)
        self.model = ArticleListModel(self)
        # What the view reads: the model's rows as they are (the model sorts and filters), held
        # by Qt, so that the view's layout of 100k rows does not call into Python once a row.
        self.proxy = QSortFilterProxyModel(self)
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
        delegate = ArticleDelegate(self.list)
        self.list.setItemDelegate(delegate)
        delegate.story_toggled.connect(self.toggle_story)
        self.list.installEventFilter(self)  # → and ← open and close a story's copies
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
    def set_articles(
        self, articles: tuple[Article, ...], read: set[str], notes: dict[str, int], newest: NewestFirst | None = None
    ) -> None:
        """``newest``: the same articles newest first, and their places, if already sorted (see
        the model's)."""
        self._library_order = articles
        self.model.set_articles(articles, read, notes, newest)
        self._update_count()

    def set_stories(self, stories: dict[str, tuple[str, ...]], newest: Rows | None = None) -> None:
        """Show each story published more than once as one row (``stories``: each copy's key →
        the keys of every copy of its story; ``newest``: see the model's)."""
        self.model.set_stories(stories, newest)
        self._update_count()
        self._reveal(self._current)
        self._select(self._current)

    def toggle_story(self, key: str) -> None:
        self.set_story_expanded(key, not self.model.is_expanded(key))

    def set_story_expanded(self, key: str, expanded: bool) -> None:
        """Open (or close) the story of ``key``; closing it over the open article selects the
        story's row, which stands for it."""
        # Rows vanish under the current one when a story closes: the list must not take its
        # new current row for a click (it would open another article).
        with QSignalBlocker(self.list.selectionModel() if self.list is not None else None):
            self.model.set_expanded(key, expanded)
        self._update_count()
        if self.model.row_of(self._current) >= 0:
            self._select(self._current)
        elif self.model.copies(self._current):
            lead = next(a.key for a in self.model.articles() if a in self.model.copies(self._current))
            self._select(lead)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = {Qt.Key.Key_Right: True, Qt.Key.Key_Left: False}.get(Qt.Key(event.key()))
            current = self.list.currentIndex() if self.list is not None else QModelIndex()
            if key is not None and current.isValid() and current.data(COPIES_ROLE):
                self.set_story_expanded(str(current.data(KEY_ROLE)), key)
                return True
        return super().eventFilter(watched, event)

    def _reveal(self, key: str) -> None:
        """A copy folded inside its story is shown: its story opens."""
        if key and self.model.is_folded(key):
            self.model.set_expanded(key, True)

    def set_names(self, names: Callable[[], PinyinIndex] | None) -> None:
        """The library's names by pinyin, for a filter in Latin letters (zjtd: 字节跳动)."""
        self.model.set_names(names)
        self._update_count()

    def set_listings(self, listings: Callable[[], dict[str, str]] | None) -> None:
        """The library's articles' listings in searching form, for the filter (folded by the
        loader, off the GUI thread: 0.3 s at 100k articles)."""
        self.model.set_listings(listings)

    def set_current(self, key: str) -> None:
        """Show ``key`` as the open article, without asking to open it again."""
        self._current = key
        self.model.set_read(key)
        self._reveal(key)
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

    def visible_keys(self, limit: int | None = None) -> list[str]:
        """The keys of the rows shown, in order (the first ``limit`` of them)."""
        rows = self.proxy.rowCount() if limit is None else min(limit, self.proxy.rowCount())
        return [str(self.proxy.index(r, 0).data(KEY_ROLE)) for r in range(rows)]

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
        shown, total = self.model.rowCount(), self.model.unfiltered_count()
        text = f"{shown} of {total}" if shown != total else f"{total} articles"
        if self.model.story_count() != self.model.article_count():  # reprints folded into their stories
            text = f"{shown} of {total}" if shown != total else f"{self.model.story_count()} stories"
            text += f" ({self.model.article_count()} articles)"
        self.count.setText(text)

    # -- slots
    def _on_filter_changed(self, text: str) -> None:
        self.model.set_needle(text)
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
