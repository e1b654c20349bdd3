"""The library list: one row per article, sorted by the model itself (10k rows sort in a few
milliseconds with ``sorted``; a proxy's Python ``lessThan`` would take a third of a second) and
filtered by a proxy over a precomputed haystack in searching form."""

from __future__ import annotations

import operator
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
from reader.library.order import NewestFirst, date_number, newest_key
from reader.ui.display import plain_tooltip

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Article
READ_ROLE = Qt.ItemDataRole.UserRole + 2  # bool
NOTES_ROLE = Qt.ItemDataRole.UserRole + 3  # int: annotations on the article
BYLINE_ROLE = Qt.ItemDataRole.UserRole + 4  # "source · date"
KEY_ROLE = Qt.ItemDataRole.UserRole + 5  # the article key
COPIES_ROLE = Qt.ItemDataRole.UserRole + 6  # int: the other copies of the row's story (转载), 0 when none
COPY_ROW_ROLE = Qt.ItemDataRole.UserRole + 7  # bool: a copy shown under its story's first row
EXPANDED_ROLE = Qt.ItemDataRole.UserRole + 8  # bool: the row's story shows all its copies

Index = QModelIndex | QPersistentModelIndex


_FEW_ROWS = 50  # rows changed one signal each; more, one signal from the first to the last


class ArticleOrder(Enum):
    NEWEST = "newest"
    OLDEST = "oldest"
    SOURCE = "source"
    TITLE = "title"
    LIBRARY = "library"  # file order, as the library holds them


def _sort_key(order: ArticleOrder):  # noqa: ANN202 - a key function for sorted()
    if order is ArticleOrder.SOURCE:
        return lambda a: (a.source or "\uffff", -date_number(a.date), a.title)
    if order is ArticleOrder.TITLE:
        return lambda a: (a.title, a.key)
    if order is ArticleOrder.OLDEST:
        return lambda a: (a.date or "9999", a.key)
    return newest_key


class ArticleListModel(QAbstractListModel):
    """The library's articles as rows, sorted. Copies of one story (reprints) are one row — the
    first copy in the current order — until that story is expanded, which shows the other copies
    in the rows under it; ``articles()`` is what the rows show."""

    def __init__(self, parent: object | None = None, order: ArticleOrder = ArticleOrder.NEWEST) -> None:
        super().__init__(parent)
        self._given: tuple[Article, ...] = ()  # every article as last given, in library order
        self._all: tuple[Article, ...] = ()  # every article, sorted
        self._articles: tuple[Article, ...] = ()  # the rows: copies of a closed story left out
        self._story: dict[str, tuple[str, ...]] = {}  # key → every key of its story (stories of 2+)
        self._expanded: set[str] = set()  # stories shown open, by their first key in library order
        self._place: dict[str, int] = {}  # key → its place in _all
        self._newest: NewestFirst | None = None  # the articles newest first, and their places, as given
        self._row_of: dict[str, int] = {}
        self._read: set[str] = set()
        self._notes: dict[str, int] = {}
        self._order = order
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content
    def set_articles(
        self, articles: tuple[Article, ...], read: set[str], notes: dict[str, int], newest: NewestFirst | None = None
    ) -> None:
        """``newest``: the same articles newest first, and each one's place in them, when the
        library has sorted them already (``Library.newest_first``, ``Library.newest_rank``: off
        the GUI thread, not counted again here). The same articles as last time, in the
        same order (a library read after its stored list was shown: 100k rows), are not
        arranged again: only what is read and noted may have changed."""
        if self._given and len(articles) == len(self._given) and all(map(operator.is_, articles, self._given)):
            changed = (self._read ^ set(read)) | {k for k in self._notes.keys() | notes.keys() if self._notes.get(k) != notes.get(k)}
            self._read = set(read)
            self._notes = dict(notes)
            # only the rows read or noted since: a signal over 100k rows had the filter model
            # look at every one of them (50 ms on the GUI thread)
            rows = sorted(self._row_of[k] for k in changed if k in self._row_of)
            spans = [(rows[0], rows[-1])] if len(rows) > _FEW_ROWS else [(row, row) for row in rows]
            for lo, hi in spans:
                self.dataChanged.emit(self.index(lo, 0), self.index(hi, 0), [READ_ROLE, NOTES_ROLE, Qt.ItemDataRole.FontRole])
            return
        self._given = tuple(articles)
        self.beginResetModel()
        if self._order is ArticleOrder.LIBRARY:
            self._all = tuple(articles)
        elif self._order is ArticleOrder.NEWEST and newest is not None:
            self._all = newest.articles
        else:
            self._all = tuple(sorted(articles, key=_sort_key(self._order)))
        self._newest = newest
        if self._story:  # the stories of another library's articles: those of these only
            keys = {a.key for a in self._all}
            self._story = {k: story for k, story in self._story.items() if k in keys}
        self._arrange()
        self._read = set(read)
        self._notes = dict(notes)
        self.endResetModel()

    def set_stories(self, stories: dict[str, tuple[str, ...]]) -> None:
        """Group the copies of each story into one row: ``stories`` maps each article of a story
        of two or more copies to every key of it, in library order (``Library.stories_by_key``)."""
        self.beginResetModel()
        if self._place.keys() >= stories.keys():
            self._story = stories  # the library's own, made off the GUI thread
        else:
            self._story = {k: story for k, story in stories.items() if k in self._place}
        if self._expanded:
            self._expanded &= {story[0] for story in self._story.values()}
        self._arrange()
        self.endResetModel()

    def articles(self) -> tuple[Article, ...]:
        return self._articles

    def article_count(self) -> int:
        """Every article, the copies in closed stories included."""
        return len(self._all)

    def story_count(self) -> int:
        """Rows when every story is closed: each story once."""
        return len(self._all) - sum(len(story) - 1 for story in dict.fromkeys(self._story.values()))

    def copies(self, key: str) -> tuple[Article, ...]:
        """The other copies of the article's story, in the current order."""
        story = self._story.get(key)
        if not story:
            return ()
        return tuple(self._all[i] for i in sorted(self._place[k] for k in story if k != key and k in self._place))

    def is_expanded(self, key: str) -> bool:
        story = self._story.get(key)
        return story is not None and story[0] in self._expanded

    def set_expanded(self, key: str, expanded: bool) -> None:
        """Show (or fold back under its first row) every copy of the article's story."""
        story = self._story.get(key)
        if story is None or (story[0] in self._expanded) == expanded:
            return
        (self._expanded.add if expanded else self._expanded.discard)(story[0])
        lead = next(i for i, a in enumerate(self._articles) if a.key in story)
        if expanded:
            self.beginInsertRows(QModelIndex(), lead + 1, lead + len(story) - 1)
            self._arrange()
            self.endInsertRows()
        else:
            self.beginRemoveRows(QModelIndex(), lead + 1, lead + len(story) - 1)
            self._arrange()
            self.endRemoveRows()
        self.dataChanged.emit(self.index(lead, 0), self.index(lead, 0), [EXPANDED_ROLE])

    def _arrange(self) -> None:
        """The rows from the sorted articles: a story at its first copy, the others under it
        when it is open."""
        if self._newest is not None and self._newest.articles is self._all:
            self._place = self._newest.places  # newest first, placed off the GUI thread
        else:
            self._place = dict(zip([a.key for a in self._all], range(len(self._all))))
        if not self._story:  # no story grouped (yet): every article is a row
            self._articles = self._all
            self._row_of = self._place
            return
        rows: list[Article] = []
        placed: set[tuple[str, ...]] = set()
        for article in self._all:
            story = self._story.get(article.key)
            if story is None:
                rows.append(article)
            elif story not in placed:
                placed.add(story)
                rows.append(article)
                if story[0] in self._expanded:
                    rows.extend(self.copies(article.key))
        self._articles = tuple(rows)
        self._row_of = dict(zip([a.key for a in self._articles], range(len(self._articles))))

    def order(self) -> ArticleOrder:
        return self._order

    def set_order(self, order: ArticleOrder, library_order: tuple[Article, ...] = ()) -> None:
        """Re-sort; ``library_order`` is the library's own order, needed for LIBRARY."""
        self._order = order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keys = [self._articles[i.row()].key for i in old]
        if order is ArticleOrder.LIBRARY:
            self._all = tuple(library_order) if library_order else self._all
        else:
            self._all = tuple(sorted(self._all, key=_sort_key(order)))
        self._arrange()
        # A story's first row may now be another copy: a row that was shown and now is not
        # (folded under the new first copy) is dropped, as a removed row would be.
        self.changePersistentIndexList(old, [self.key_index(k) for k in keys])
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
        if role == COPIES_ROLE:
            story = self._story.get(article.key)
            return len(story) - 1 if story else 0
        if role == COPY_ROW_ROLE:
            story = self._story.get(article.key)
            return bool(story) and index.row() > 0 and self._articles[index.row() - 1].key in story
        if role == EXPANDED_ROLE:
            return self.is_expanded(article.key)
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
        model.rowsAboutToBeInserted.connect(self._mark_stale)  # a story opened or closed
        model.rowsAboutToBeRemoved.connect(self._mark_stale)
        self._mark_stale()

    def set_names(self, names: Callable[[], PinyinIndex] | None) -> None:
        """Where the library's names are read in pinyin: asked only when a filter in Latin
        letters comes (the loader has read them by then, off the GUI thread)."""
        self._names = names
        self._mark_stale()
        if self._needle:  # without a filter every row is shown whatever the names: no pass over 10k rows
            self.beginFilterChange()
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
                search_form(
                    "\n".join((a.title, a.source or "", a.author or "", a.date or "", " ".join(a.tags), a.file))
                    # a closed story's row is kept when any copy matches (虎嗅 finds the 36氪 row)
                    + "".join(f"\n{c.title}\n{c.source or ''}\n{c.author or ''}\n{c.file}" for c in _folded_copies(model, a))
                )
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


def _folded_copies(model: object, article: Article) -> tuple[Article, ...]:
    """The copies a closed story's row stands for (none for an open one: they have rows)."""
    if not isinstance(model, ArticleListModel) or model.is_expanded(article.key):
        return ()
    return model.copies(article.key)
