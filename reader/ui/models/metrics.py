"""The article's figures as a table, optionally grouped by label or subject (a two-level tree)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from reader.analysis.model import Metric
from reader.ui.display import format_metric_value, format_value
from reader.ui.display import plain_tooltip

METRIC_ROLE = Qt.ItemDataRole.UserRole + 1  # the Metric (None on a group row)
METRIC_INDEX_ROLE = Qt.ItemDataRole.UserRole + 2  # its index in Analysis.metrics, -1 on a group row
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Figure", "Value", "Label", "Subject", "Period", "Kind", "Measure")
UNGROUPED = "—"


class Grouping(Enum):
    NONE = "none"
    LABEL = "label"  # by measure: the normalised label (营业收入 and 营收 are one group)
    SUBJECT = "subject"


def _cell(metric: Metric, column: int) -> str:
    if column == 0:
        return metric.surface
    if column == 1:
        return format_value(metric.value, metric.unit)
    if column == 2:
        return metric.label or ""
    if column == 3:
        return metric.subject or ""
    if column == 4:
        return metric.period or ""
    if column == 5:
        return metric.kind.value
    return metric.measure or metric.label or ""


def _sort_value(metric: Metric, column: int) -> tuple:
    if column == 1:
        return (metric.unit, metric.value)
    if column == 0:
        return (metric.start,)
    return (_cell(metric, column) or "\uffff", metric.start)


def metric_row_tsv(metric: Metric) -> str:
    return "\t".join(_cell(metric, c) for c in range(len(COLUMNS)))


class MetricModel(QAbstractItemModel):
    """Rows are figures (flat) or groups of figures. An index's internal id is 0 for a top-level
    row and ``group + 1`` for a figure inside a group."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._metrics: tuple[Metric, ...] = ()
        self._grouping = Grouping.NONE
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._flat: list[int] = []  # metric indexes in display order (flat mode)
        self._groups: list[tuple[str, list[int]]] = []
        self._hovered = -1
        self._hover_color = QColor(255, 201, 77, 90)
        self._group_font = QFont()
        self._group_font.setBold(True)

    # -- content
    def set_metrics(self, metrics: tuple[Metric, ...]) -> None:
        self.beginResetModel()
        self._metrics = metrics
        self._hovered = -1
        self._arrange()
        self.endResetModel()

    def metrics(self) -> tuple[Metric, ...]:
        return self._metrics

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

    def set_hovered(self, metric_index: int) -> QModelIndex:
        """Mark the row of the figure under the mouse in the text; returns its index."""
        previous, self._hovered = self._hovered, metric_index
        for value in (previous, metric_index):
            index = self.index_of(value)
            if index.isValid():
                self.dataChanged.emit(index, self.index(index.row(), len(COLUMNS) - 1, index.parent()), [Qt.ItemDataRole.BackgroundRole])
        return self.index_of(metric_index)

    def index_of(self, metric_index: int) -> QModelIndex:
        if metric_index < 0:
            return QModelIndex()
        if self._grouping is Grouping.NONE:
            if metric_index in self._flat:
                return self.index(self._flat.index(metric_index), 0)
            return QModelIndex()
        for g, (_, members) in enumerate(self._groups):
            if metric_index in members:
                return self.index(members.index(metric_index), 0, self.index(g, 0))
        return QModelIndex()

    def _arrange(self) -> None:
        column, order = self._sort
        indexes = sorted(
            range(len(self._metrics)),
            key=lambda i: _sort_value(self._metrics[i], column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._flat = indexes
        self._groups = []
        if self._grouping is not Grouping.NONE:
            key: Callable[[Metric], str | None] = (
                (lambda m: m.measure or m.label) if self._grouping is Grouping.LABEL else (lambda m: m.subject)
            )
            groups: dict[str, list[int]] = {}
            for i in indexes:
                groups.setdefault(key(self._metrics[i]) or UNGROUPED, []).append(i)
            # Biggest groups first, the ungrouped remainder last.
            self._groups = sorted(groups.items(), key=lambda kv: (kv[0] == UNGROUPED, -len(kv[1]), kv[0]))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        remembered = [(self.metric_index(i), i.column()) for i in old]
        self._sort = (column, order)
        self._arrange()
        new = []
        for metric_index, col in remembered:
            found = self.index_of(metric_index) if metric_index >= 0 else QModelIndex()
            new.append(self.index(found.row(), col, found.parent()) if found.isValid() else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def metric_index(self, index: Index) -> int:
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
        metric_index = self.metric_index(index)
        if metric_index < 0:  # a group row
            name, members = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{name}  ({len(members)})"
            if role == Qt.ItemDataRole.FontRole:
                return self._group_font
            if role == METRIC_INDEX_ROLE:
                return -1
            return None
        metric = self._metrics[metric_index]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(metric, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{metric.surface} → {format_metric_value(metric)} ({metric.value:g} {metric.unit})")
        if role == METRIC_ROLE:
            return metric
        if role == METRIC_INDEX_ROLE:
            return metric_index
        if role == SORT_ROLE:
            return str(_sort_value(metric, index.column()))
        if role == Qt.ItemDataRole.BackgroundRole and metric_index == self._hovered:
            return self._hover_color
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
