"""The article's figures as a table, optionally grouped by label or subject (a two-level tree)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from reader.analysis.model import Figure
from reader.ui.display import format_figure_amount, format_figure_value
from reader.ui.display import plain_tooltip

FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Figure (None on a group row)
FIGURE_INDEX_ROLE = Qt.ItemDataRole.UserRole + 2  # its index in Analysis.figures, -1 on a group row
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Figure", "Value", "Label", "Subject", "Period", "Kind", "Measure")
UNGROUPED = "—"


class Grouping(Enum):
    NONE = "none"
    LABEL = "label"  # by measure: the normalised label (营业收入 and 营收 are one group)
    SUBJECT = "subject"


def _cell(figure: Figure, column: int) -> str:
    if column == 0:
        return figure.surface
    if column == 1:
        return format_figure_amount(figure)
    if column == 2:
        return figure.label or ""
    if column == 3:
        return figure.subject or ""
    if column == 4:
        return figure.period or ""
    if column == 5:
        return figure.kind.value
    return figure.measure or figure.label or ""


def _sort_value(figure: Figure, column: int) -> tuple:
    if column == 1:
        return (figure.unit, figure.value)
    if column == 0:
        return (figure.start,)
    return (_cell(figure, column) or "\uffff", figure.start)


def figure_row_tsv(figure: Figure) -> str:
    return "\t".join(_cell(figure, c) for c in range(len(COLUMNS)))


class FigureModel(QAbstractItemModel):
    """Rows are figures (flat) or groups of figures. An index's internal id is 0 for a top-level
    row and ``group + 1`` for a figure inside a group."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._figures: tuple[Figure, ...] = ()
        self._grouping = Grouping.NONE
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._flat: list[int] = []  # figure indexes in display order (flat mode)
        self._groups: list[tuple[str, list[int]]] = []
        self._hovered = -1
        self._hover_color = QColor(255, 201, 77, 90)
        self._group_font = QFont()
        self._group_font.setBold(True)

    # -- content
    def set_figures_of_article(self, figures: tuple[Figure, ...]) -> None:
        self.beginResetModel()
        self._figures = figures
        self._hovered = -1
        self._arrange()
        self.endResetModel()

    def figures(self) -> tuple[Figure, ...]:
        return self._figures

    def grouping(self) -> Grouping:
        return self._grouping

    def set_grouping(self, grouping: Grouping) -> None:
        if grouping is self._grouping:
            return
        self.beginResetModel()
        self._grouping = grouping
        self._arrange()
        self.endResetModel()

    def set_hover_color(self, color: QColor) -> None:
        self._hover_color = color

    def set_hovered(self, figure_index: int) -> QModelIndex:
        """Mark the row of the figure under the mouse in the text; returns its index."""
        previous, self._hovered = self._hovered, figure_index
        for value in (previous, figure_index):
            index = self.index_of(value)
            if index.isValid():
                self.dataChanged.emit(index, self.index(index.row(), len(COLUMNS) - 1, index.parent()), [Qt.ItemDataRole.BackgroundRole])
        return self.index_of(figure_index)

    def index_of(self, figure_index: int) -> QModelIndex:
        if figure_index < 0:
            return QModelIndex()
        if self._grouping is Grouping.NONE:
            if figure_index in self._flat:
                return self.index(self._flat.index(figure_index), 0)
            return QModelIndex()
        for g, (_, members) in enumerate(self._groups):
            if figure_index in members:
                return self.index(members.index(figure_index), 0, self.index(g, 0))
        return QModelIndex()

    def _arrange(self) -> None:
        column, order = self._sort
        indexes = sorted(
            range(len(self._figures)),
            key=lambda i: _sort_value(self._figures[i], column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._flat = indexes
        self._groups = []
        if self._grouping is not Grouping.NONE:
            key: Callable[[Figure], str | None] = (
                (lambda m: m.measure or m.label) if self._grouping is Grouping.LABEL else (lambda m: m.subject)
            )
            groups: dict[str, list[int]] = {}
            for i in indexes:
                groups.setdefault(key(self._figures[i]) or UNGROUPED, []).append(i)
            # Biggest groups first, the ungrouped remainder last.
            self._groups = sorted(groups.items(), key=lambda kv: (kv[0] == UNGROUPED, -len(kv[1]), kv[0]))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        remembered = [(self.figure_index(i), i.column()) for i in old]
        self._sort = (column, order)
        self._arrange()
        new = []
        for figure_index, col in remembered:
            found = self.index_of(figure_index) if figure_index >= 0 else QModelIndex()
            new.append(self.index(found.row(), col, found.parent()) if found.isValid() else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def figure_index(self, index: Index) -> int:
        if not index.isValid():
            return -1
        group = index.internalId()
        if self._grouping is Grouping.NONE:
            return self._flat[index.row()] if index.row() < len(self._flat) else -1
        if group == 0:
            return -1
        members = self._groups[group - 1][1]
        return members[index.row()] if index.row() < len(members) else -1

    # -- Qt model
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, id=0)
        return self.createIndex(row, column, id=parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        group = index.internalId()
        if group == 0:
            return QModelIndex()
        return self.createIndex(group - 1, 0, id=0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if self._grouping is Grouping.NONE:
            return 0 if parent.isValid() else len(self._flat)
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        figure_index = self.figure_index(index)
        if figure_index < 0:  # a group row
            name, members = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{name}  ({len(members)})"
            if role == Qt.ItemDataRole.FontRole:
                return self._group_font
            if role == FIGURE_INDEX_ROLE:
                return -1
            return None
        figure = self._figures[figure_index]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(figure, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{figure.surface} → {format_figure_value(figure)} ({figure.value:g} {figure.unit})")
        if role == FIGURE_ROLE:
            return figure
        if role == FIGURE_INDEX_ROLE:
            return figure_index
        if role == SORT_ROLE:
            return str(_sort_value(figure, index.column()))
        if role == Qt.ItemDataRole.BackgroundRole and figure_index == self._hovered:
            return self._hover_color
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
