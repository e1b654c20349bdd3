"""The library list: one row per article, sorted by the model itself (10k rows sort in a few
milliseconds with ``sorted``; a proxy's Python ``lessThan`` would take a third of a second) and
filtered by a proxy over a precomputed haystack in searching form."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from enum import Enum
from itertools import accumulate

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from reader.analysis.folding import search_form
from reader.analysis.pinyin import PinyinIndex, pinyin_query
from reader.ingest.model import Article
from reader.ui.display import plain_tooltip

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Article
READ_ROLE = Qt.ItemDataRole.UserRole + 2  # bool
NOTES_ROLE = Qt.ItemDataRole.UserRole + 3  # int: annotations on the article
BYLINE_ROLE = Qt.ItemDataRole.UserRole + 4  # "source · date"
KEY_ROLE = Qt.ItemDataRole.UserRole + 5  # the article key

Index = QModelIndex | QPersistentModelIndex


class ArticleOrder(Enum):
    NEWEST = "newest"
    OLDEST = "oldest"
    SOURCE = "source"
    TITLE = "title"
    LIBRARY = "library"  # file order, as the library holds them


def _sort_key(order: ArticleOrder):  # noqa: ANN202 - a key function for sorted()
    if order is ArticleOrder.SOURCE:
        return lambda a: (a.source or "\uffff", -_date_number(a.date), a.title)
    if order is ArticleOrder.TITLE:
        return lambda a: (a.title, a.key)
    if order is ArticleOrder.OLDEST:
        return lambda a: (a.date or "9999", a.key)
    return lambda a: (-_date_number(a.date), a.key)


def newest_first(articles: tuple[Article, ...]) -> list[Article]:
    return sorted(articles, key=_sort_key(ArticleOrder.NEWEST))


def _date_number(date: str | None) -> int:
    """YYYY-MM-DD as a number, so "newest first" is one ascending sort; undated sort last."""
    if not date:
        return -1
    digits = "".join(ch for ch in date if ch.isdigit())[:8]
    return int(digits.ljust(8, "0")) if digits else -1


class ArticleListModel(QAbstractListModel):
    def __init__(self, parent: object | None = None, order: ArticleOrder = ArticleOrder.NEWEST) -> None:
        super().__init__(parent)
        self._articles: tuple[Article, ...] = ()
        self._row_of: dict[str, int] = {}
        self._read: set[str] = set()
        self._notes: dict[str, int] = {}
        self._order = order
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content
    def set_articles(self, articles: tuple[Article, ...], read: set[str], notes: dict[str, int]) -> None:
        self.beginResetModel()
        self._articles = tuple(sorted(articles, key=_sort_key(self._order))) if self._order is not ArticleOrder.LIBRARY else tuple(articles)
        self._row_of = {a.key: i for i, a in enumerate(self._articles)}
        self._read = set(read)
        self._notes = dict(notes)
        self.endResetModel()

    def articles(self) -> tuple[Article, ...]:
        return self._articles

    def order(self) -> ArticleOrder:
        return self._order

    def set_order(self, order: ArticleOrder, library_order: tuple[Article, ...] = ()) -> None:
        """Re-sort; ``library_order`` is the library's own order, needed for LIBRARY."""
        self._order = order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keys = [self._articles[i.row()].key for i in old]
        if order is ArticleOrder.LIBRARY:
            self._articles = tuple(library_order) if library_order else self._articles
        else:
            self._articles = tuple(sorted(self._articles, key=_sort_key(order)))
        self._row_of = {a.key: i for i, a in enumerate(self._articles)}
        self.changePersistentIndexList(old, [self.index(self._row_of[k], 0) for k in keys])
        self.layoutChanged.emit()

    def row_of(self, key: str) -> int:
        return self._row_of.get(key, -1)

    def key_index(self, key: str) -> QModelIndex:
        row = self._row_of.get(key, -1)
        return self.index(row, 0) if row >= 0 else QModelIndex()

    def set_read(self, key: str, read: bool = True) -> None:
        if (key in self._read) == read:
            return
        (self._read.add if read else self._read.discard)(key)
        index = self.key_index(key)
        if index.isValid():
            self.dataChanged.emit(index, index, [READ_ROLE, Qt.ItemDataRole.FontRole])

    def is_read(self, key: str) -> bool:
        return key in self._read

    def set_note_counts(self, notes: dict[str, int]) -> None:
        self._notes = dict(notes)
        if self._articles:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._articles) - 1, 0), [NOTES_ROLE])

    # -- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        article = self._articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return article.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{article.title}\n{article.file}")
        if role == ARTICLE_ROLE:
            return article
        if role == KEY_ROLE:
            return article.key
        if role == READ_ROLE:
            return article.key in self._read
        if role == NOTES_ROLE:
            return self._notes.get(article.key, 0)
        if role == BYLINE_ROLE:
            return "  ·  ".join(p for p in (article.source, article.date) if p)
        if role == Qt.ItemDataRole.FontRole and article.key not in self._read:
            return self._bold
        return None


class ArticleFilterProxy(QSortFilterProxyModel):
    """Keeps the articles whose title, source, author, tags or file contain the filter text, in
    their searching form (字節 finds 字节 and back, any Latin case); a filter in Latin letters
    also keeps the articles whose title names an entity it spells in pinyin (zjtd: 字节跳动)."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._haystack: list[str] = []
        self._titles = ""  # every title's searching form, one a line
        self._title_starts: list[int] = []
        self._names: Callable[[], PinyinIndex] | None = None
        self._pinyin_rows: frozenset[int] = frozenset()
        self._haystack_of: object = None  # the articles the haystack was made from
        self._stale = True

    def setSourceModel(self, model: ArticleListModel) -> None:  # noqa: N802 - Qt API
        super().setSourceModel(model)
        # Marked stale before a change and rebuilt when next read: the proxy filters the new
        # rows in its own slot, which runs before any connected here.
        model.modelAboutToBeReset.connect(self._mark_stale)
        model.layoutAboutToBeChanged.connect(self._mark_stale)
        self._mark_stale()

    def set_names(self, names: Callable[[], PinyinIndex] | None) -> None:
        """Where the library's names are read in pinyin: asked only when a filter in Latin
        letters comes (the loader has read them by then, off the GUI thread)."""
        self.beginFilterChange()
        self._names = names
        self._mark_stale()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = search_form(text.strip())
        self._mark_stale()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _mark_stale(self, *_: object) -> None:
        self._stale = True

    def _rebuild(self) -> None:
        self._stale = False
        model = self.sourceModel()
        articles = model.articles() if isinstance(model, ArticleListModel) else ()
        if self._haystack_of is not articles:  # a sort or a new library: a new tuple
            self._haystack = [
                search_form("\n".join((a.title, a.source or "", a.author or "", a.date or "", " ".join(a.tags), a.file)))
                for a in articles
            ]
            self._haystack_of = articles
            titles = [h.partition("\n")[0] for h in self._haystack]
            self._titles = "\n".join(titles)
            self._title_starts = list(accumulate((len(t) + 1 for t in titles[:-1]), initial=0)) if titles else []
        self._pinyin_rows = self._rows_naming(pinyin_query(self._needle))

    def _rows_naming(self, letters: str | None) -> frozenset[int]:
        """The rows whose title holds a name ``letters`` spell in pinyin."""
        rows: set[int] = set()
        if letters and self._names is not None:
            for name in self._names().matching(letters):
                folded = search_form(name)
                at = self._titles.find(folded)
                while at != -1:
                    rows.add(bisect_right(self._title_starts, at) - 1)
                    at = self._titles.find(folded, at + len(folded))
        return frozenset(rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802 - Qt API
        if not self._needle:
            return True
        if self._stale:
            self._rebuild()
        return row < len(self._haystack) and (self._needle in self._haystack[row] or row in self._pinyin_rows)
