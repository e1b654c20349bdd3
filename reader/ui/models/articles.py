"""The library list: one row per article, sorted and filtered by the model itself (10k rows
sort in a few milliseconds with ``sorted``; a proxy's Python ``lessThan`` would take a third of
a second, and its ``filterAcceptsRow`` is called for every row of every reset, filter or not:
50 ms at 100k). The view reads it through a plain proxy, whose row mapping is Qt's own: a view
on a Python model asks its ``rowCount`` once per row as it lays them out (150 ms at 100k)."""

from __future__ import annotations

import operator
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.analysis.pinyin import PinyinIndex
from reader.ingest.model import Article
from reader.library.order import NewestFirst, Rows, date_number, fold_stories, newest_key
from reader.ui.display import plain_tooltip
from reader.ui.models.article_filter import ArticleFilter

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
    """The library's articles as rows, sorted and filtered. Copies of one story (reprints) are
    one row — the first copy in the current order — until that story is expanded, which shows the
    other copies in the rows under it; ``articles()`` is what the rows show."""

    def __init__(self, parent: object | None = None, order: ArticleOrder = ArticleOrder.NEWEST) -> None:
        super().__init__(parent)
        self._given: tuple[Article, ...] = ()  # every article as last given, in library order
        self._all: tuple[Article, ...] = ()  # every article, sorted
        self._folded = Rows((), {})  # every row but the copies of a closed story, and each one's row
        self._articles: tuple[Article, ...] = ()  # the rows: _folded's the filter keeps
        self._filter = ArticleFilter()
        self._story: dict[str, tuple[str, ...]] = {}  # key → every key of its story (stories of 2+)
        self._expanded: set[str] = set()  # stories shown open, by their first key in library order
        self._place: dict[str, int] = {}  # key → its place in _all
        self._newest: NewestFirst | None = None  # the articles newest first, and their places, as given
        self._newest_folded: Rows | None = None  # _newest's rows with every story closed, as given
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
        self._newest_folded = None  # another library's: its own comes with its stories
        if self._story:  # the stories of another library's articles: those of these only
            keys = {a.key for a in self._all}
            self._story = {k: story for k, story in self._story.items() if k in keys}
        self._arrange()
        self._read = set(read)
        self._notes = dict(notes)
        self.endResetModel()

    def set_stories(self, stories: dict[str, tuple[str, ...]], newest: Rows | None = None) -> None:
        """Group the copies of each story into one row: ``stories`` maps each article of a story
        of two or more copies to every key of it, in library order (``Library.stories_by_key``);
        ``newest``, the rows of the articles newest first with every story closed, when the
        library has folded them already (``Library.newest_folded``, off the GUI thread)."""
        self.beginResetModel()
        if self._place.keys() >= stories.keys():
            self._story = stories  # the library's own, made off the GUI thread
            self._newest_folded = newest
        else:
            self._story = {k: story for k, story in stories.items() if k in self._place}
            self._newest_folded = None
        if self._expanded:
            self._expanded &= {story[0] for story in self._story.values()}
        self._arrange()
        self.endResetModel()

    def articles(self) -> tuple[Article, ...]:
        return self._articles

    def article_count(self) -> int:
        """Every article, the copies in closed stories included."""
        return len(self._all)

    def unfiltered_count(self) -> int:
        """The rows shown without a filter."""
        return len(self._folded.articles)

    def is_folded(self, key: str) -> bool:
        """Whether the article is a copy folded under its story's first row."""
        return key in self._place and key not in self._folded.places

    # -- the filter
    def set_needle(self, text: str) -> None:
        """Keep only the rows that hold ``text`` (see ``ArticleFilter``)."""
        needle = self._filter.needle
        self._filter.set_needle(text)
        if self._filter.needle != needle:
            self.beginResetModel()
            self._keep()
            self.endResetModel()

    def set_names(self, names: Callable[[], PinyinIndex] | None) -> None:
        """Where the library's names are read in pinyin, for a filter in Latin letters."""
        self._filter.set_names(names)
        if self._filter.active:  # without a filter every row is shown whatever the names
            self.beginResetModel()
            self._keep()
            self.endResetModel()

    def set_listings(self, listings: Callable[[], dict[str, str]] | None) -> None:
        """Where the library's articles' listings are folded for the filter (see ``ArticleFilter``)."""
        self._filter.set_listings(listings)

    def story_count(self) -> int:
        """Rows when every story is closed: each story once (counted by Python's dict, not a
        loop: the list asks at every change, of 100k articles)."""
        return len(self._all) - len(self._story) + len(dict.fromkeys(self._story.values()))

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
        lead = next((i for i, a in enumerate(self._articles) if a.key in story), None)
        if lead is None or self._filter.active:  # the filter decides which copies show: all rows again
            self.beginResetModel()
            self._arrange()
            self.endResetModel()
            return
        copies = len(self.copies(self._articles[lead].key))
        if expanded:
            self.beginInsertRows(QModelIndex(), lead + 1, lead + copies)
            self._arrange()
            self.endInsertRows()
        else:
            self.beginRemoveRows(QModelIndex(), lead + 1, lead + copies)
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
        folded = self._newest_folded
        if folded is not None and not self._expanded and self._newest is not None and self._newest.articles is self._all:
            self._folded = folded  # the library's, folded off the GUI thread
        else:
            self._folded = fold_stories(self._all, self._place, self._story, self._expanded)
        self._keep()

    def _keep(self) -> None:
        """The rows shown: the folded rows the filter keeps."""
        if not self._filter.active:
            self._articles, self._row_of = self._folded
            return
        self._articles = self._filter.keep(self._folded.articles, self._given, self._folded_copies)
        self._row_of = dict(zip([a.key for a in self._articles], range(len(self._articles))))

    def _folded_copies(self, rows: tuple[Article, ...]) -> dict[int, tuple[Article, ...]]:
        """The copies each row that stands for a closed story stands for, by row."""
        story = self._story
        return {
            i: copies for i, a in enumerate(rows)
            if a.key in story and not self.is_expanded(a.key) and (copies := self.copies(a.key))
        }

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
