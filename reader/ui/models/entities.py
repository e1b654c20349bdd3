"""Entities as a table: name, type, mentions, articles. The model sorts and filters itself (by
name or alias, and by type), in Python once for all rows: a proxy's ``filterAcceptsRow``
written in Python is called once per row at every reset (30k names of a large library: 0.3 s
on the GUI thread). The view reads it through a proxy that only holds Qt's row mapping."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from reader.analysis.folding import search_form
from reader.analysis.model import EntityType
from reader.analysis.pinyin import PinyinIndex, pinyin_query
from reader.library.mention_index import EntitySummary
from reader.ui.theme import ENTITY_LABELS
from reader.ui.display import plain_tooltip

ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1  # the EntitySummary
NAME_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Name", "Type", "Mentions", "Articles")
SHORT_TYPES = {EntityType.PERSON: "Person", EntityType.ORG: "Org", EntityType.PRODUCT: "Product", EntityType.PLACE: "Place"}


class EntityTableModel(QAbstractTableModel):
    """Keeps the entities of the chosen types whose name or an alias contains the filter text,
    in their searching form (字節跳動 finds 字节跳动 and back); a filter in Latin letters also
    keeps the names it spells in pinyin (zijie, zjtd, zi jie tiao dong: 字节跳动)."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._all: list[EntitySummary] = []  # every entity given, sorted
        self._rows: list[EntitySummary] = []  # those the filter keeps
        self._sort: tuple[int, Qt.SortOrder] = (2, Qt.SortOrder.DescendingOrder)
        self._colors: dict[EntityType, QColor] = {}
        self._headers = list(COLUMNS)
        self._needle = ""
        self._types: frozenset[EntityType] = frozenset(EntityType)
        self._folded: dict[str, str] = {}  # name → name and aliases in searching form, one a line
        self._pinyin: PinyinIndex | None = None  # the names given, read when a filter first spells

    def set_mentions_header(self, text: str) -> None:
        """"Here" for one article's names, "Mentions" for the library's."""
        if self._headers[2] != text:
            self._headers[2] = text
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 2, 2)

    def set_entities(self, entities: list[EntitySummary]) -> None:
        self.beginResetModel()
        self._all = self._sorted(list(entities))
        self._folded, self._pinyin = {}, None
        self._rows = self._kept(self._all)
        self.endResetModel()

    def set_filter(self, needle: str, types: frozenset[EntityType]) -> None:
        self.beginResetModel()
        self._needle = search_form(needle.strip())
        self._types = types
        self._rows = self._kept(self._all)
        self.endResetModel()

    def _kept(self, rows: list[EntitySummary]) -> list[EntitySummary]:
        if not self._needle and len(self._types) == len(EntityType):
            return list(rows)
        types = self._types
        rows = [s for s in rows if s.type in types]
        if not self._needle:
            return rows
        needle, haystack, spelled = self._needle, self._haystack, self._spelled()
        return [s for s in rows if needle in haystack(s) or s.name in spelled]

    def _spelled(self) -> frozenset[str]:
        """The names the filter spells in pinyin."""
        letters = pinyin_query(self._needle)
        if not letters:
            return frozenset()
        if self._pinyin is None:
            self._pinyin = PinyinIndex(s.name for s in self._all)
        return self._pinyin.matching(letters)

    def _haystack(self, summary: EntitySummary) -> str:
        folded = self._folded.get(summary.name)
        if folded is None:
            folded = self._folded[summary.name] = search_form("\n".join((summary.name, *summary.aliases)))
        return folded

    def set_colors(self, colors: dict[EntityType, QColor]) -> None:
        self._colors = dict(colors)
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, 1), [Qt.ItemDataRole.ForegroundRole])

    def row_of(self, name: str) -> int:
        for row, summary in enumerate(self._rows):
            if summary.name == name:
                return row
        return -1

    def _sorted(self, rows: list[EntitySummary]) -> list[EntitySummary]:
        column, order = self._sort
        keys = {
            0: lambda s: (s.name,),
            1: lambda s: (s.type.value, -s.mentions),
            2: lambda s: (s.mentions, article_count(s)),
            3: lambda s: (article_count(s), s.mentions),
        }
        return sorted(rows, key=keys.get(column, keys[2]), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        names = [self._rows[i.row()].name for i in old]
        self._sort = (column, order)
        self._all = self._sorted(self._all)
        self._rows = self._kept(self._all)
        rows = {s.name: r for r, s in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(rows[n], i.column()) for n, i in zip(names, old)])
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            articles = article_count(summary)
            return (summary.name, SHORT_TYPES[summary.type], str(summary.mentions), str(articles) if articles else UNCOUNTED)[column]
        if role == ENTITY_ROLE:
            return summary
        if role == NAME_ROLE:
            return summary.name
        if role == Qt.ItemDataRole.ForegroundRole and column in (0, 1) and summary.type in self._colors:
            return self._colors[summary.type]
        if role == Qt.ItemDataRole.ToolTipRole:
            aliases = "、".join(a for a in summary.aliases if a != summary.name)
            return plain_tooltip(f"{summary.name} · {ENTITY_LABELS[summary.type]}" + (f"\n{aliases}" if aliases else ""))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class EntityFilterProxy(QSortFilterProxyModel):
    """What the view reads: the model's rows as they are, held by Qt (a view on a Python model
    asks its ``rowCount`` once per row as it lays them out). Sorting and filtering are passed
    to the model, which does them for all rows at once."""

    def set_filter(self, needle: str, types: frozenset[EntityType]) -> None:
        model = self.sourceModel()
        if isinstance(model, EntityTableModel):
            model.set_filter(needle, types)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source sorts itself (numbers as numbers, in one ``sorted``)."""
        model = self.sourceModel()
        if isinstance(model, EntityTableModel):
            model.sort(column, order)


UNCOUNTED = "…"  # an article's name while the library is still being read: its articles are not counted yet


def article_count(summary: EntitySummary) -> int:
    """The entity's articles, each story's reprints counted once when the stories are known."""
    return summary.stories or len(summary.articles)
