"""Keyword in context: mentions (Library.mentions_of, a lazy sequence) or search hits, one row
each, built only for the rows the view shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.library.library import SearchHit
from reader.library.mention_index import MentionRef
from reader.ui.display import plain_tooltip

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the MentionRef or SearchHit
BEFORE_ROLE = Qt.ItemDataRole.UserRole + 2
MATCH_ROLE = Qt.ItemDataRole.UserRole + 3
AFTER_ROLE = Qt.ItemDataRole.UserRole + 4
ARTICLE_KEY_ROLE = Qt.ItemDataRole.UserRole + 5

Index = QModelIndex | QPersistentModelIndex
Hit = MentionRef | SearchHit

COLUMNS = ("Article", "Context")


def match_of(hit: Hit) -> str:
    return hit.match if isinstance(hit, SearchHit) else hit.surface


class KwicModel(QAbstractTableModel):
    def __init__(self, title_of: Callable[[str], str], parent: object | None = None) -> None:
        super().__init__(parent)
        self._hits: Sequence[Hit] = ()
        self._title_of = title_of

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def hits(self) -> Sequence[Hit]:
        return self._hits

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self._title_of(hit.article)
            return f"{hit.before}【{match_of(hit)}】{hit.after}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{self._title_of(hit.article)}\n…{hit.before}{match_of(hit)}{hit.after}…")
        if role == HIT_ROLE:
            return hit
        if role == BEFORE_ROLE:
            return hit.before
        if role == MATCH_ROLE:
            return match_of(hit)
        if role == AFTER_ROLE:
            return hit.after
        if role == ARTICLE_KEY_ROLE:
            return hit.article
        return None
