"""Quotes as a table: who said what, in one article (Quotes panel) or across the library with
the article each is in (the entity card)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.library.quotes import QuoteRef
from reader.ui.display import plain_tooltip

QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1  # the QuoteRef

Index = QModelIndex | QPersistentModelIndex

UNNAMED = "(unnamed)"
TITLE_CHARS = 14  # the card is narrow: the title's start, the whole in the tooltip


class QuoteModel(QAbstractTableModel):
    """Rows of QuoteRef. ``with_article``: an Article column first (the card lists quotes from
    many articles); else Speaker and Quote (one article's)."""

    def __init__(self, parent: object | None = None, *, with_article: bool = False) -> None:
        super().__init__(parent)
        self._rows: tuple[QuoteRef, ...] = ()
        self._columns = ("Article", "Quote") if with_article else ("Speaker", "Quote")

    def set_quotes(self, rows: tuple[QuoteRef, ...]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def quotes(self) -> tuple[QuoteRef, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return self._columns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._columns):
            return None
        ref = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "Speaker":
                return ref.speaker or UNNAMED
            if column == "Article":
                title = ref.title if len(ref.title) <= TITLE_CHARS else ref.title[: TITLE_CHARS - 1] + "…"
                return f"{ref.date}\n{title}" if ref.date else title
            return f"“{ref.short}”"
        if role == Qt.ItemDataRole.ToolTipRole:
            where = f"{ref.title}  ·  {ref.date}" if ref.date else ref.title
            return plain_tooltip(f"{ref.speaker or UNNAMED}:\n“{ref.words}”\n\n{where}")
        if role == QUOTE_ROLE:
            return ref
        return None
