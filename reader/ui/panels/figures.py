"""The figures of the open article: a sortable table, grouped by label or subject on demand.
Clicking a row shows the figure in the text; hovering a figure in the text marks its row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTreeView, QVBoxLayout, QWidget

from reader.analysis.model import Figure
from reader.ui.models.figures import FIGURE_INDEX_ROLE, Grouping, FigureModel, figure_row_tsv
from reader.ui.panels.base import Panel

GROUPINGS = (("No grouping", Grouping.NONE), ("Group by measure", Grouping.LABEL), ("Group by subject", Grouping.SUBJECT))


class FiguresPanel(Panel):
    figure_selected = Signal(int)  # index into the open article's Analysis.figures

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Figures", "metricsPanel", parent)  # the name saved layouts know it by
        self.model = FigureModel(self)
        self.table: QTreeView | None = None

    def build(self) -> QWidget:
        content = QWidget(self)
        self.grouping = QComboBox(content)
        self.grouping.setObjectName("metricsGrouping")
        for label, grouping in GROUPINGS:
            self.grouping.addItem(label, grouping.value)
        self.count = QLabel(content)
        self.table = QTreeView(content)
        self.table.setObjectName("metricsTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setRootIsDecorated(False)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.header().setStretchLastSection(True)
        for column, width in enumerate((96, 92, 72, 84, 72)):
            self.table.setColumnWidth(column, width)
        copy = QAction("Copy rows as TSV", self.table)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(copy)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.grouping, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        copy.triggered.connect(self.copy_selection)
        self.grouping.currentIndexChanged.connect(self._on_grouping_changed)
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        return content

    def refresh(self) -> None:
        self._after_reset()

    def set_figures_of_article(self, figures: tuple[Figure, ...]) -> None:
        self.model.set_figures_of_article(figures)
        self._after_reset()

    def set_grouping(self, grouping: Grouping) -> None:
        self.model.set_grouping(grouping)
        if self.table is not None:
            self.grouping.setCurrentIndex([g for _, g in GROUPINGS].index(grouping))
        self._after_reset()

    def _after_reset(self) -> None:
        if self.table is None:
            return
        grouped = self.model.grouping() is not Grouping.NONE
        self.table.setRootIsDecorated(grouped)
        if grouped:
            for row in range(self.model.rowCount()):
                self.table.setFirstColumnSpanned(row, QModelIndex(), True)
            self.table.expandAll()
        n = len(self.model.figures())
        self.count.setText(f"{n} figure{'s' if n != 1 else ''}")

    def set_hovered(self, figure_index: int) -> None:
        index = self.model.set_hovered(figure_index)
        if self.table is not None and index.isValid():
            self.table.scrollTo(index)

    def select_figure(self, figure_index: int) -> None:
        index = self.model.index_of(figure_index)
        if self.table is not None and index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def selected_tsv(self) -> str:
        if self.table is None:
            return ""
        rows = sorted(
            {(i.parent().row(), i.row()): i for i in self.table.selectionModel().selectedRows()}.items()
        )
        figures = self.model.figures()
        lines = []
        for _, index in rows:
            figure_index = self.model.figure_index(index)
            if figure_index >= 0:
                lines.append(figure_row_tsv(figures[figure_index]))
        return "\n".join(lines)

    def copy_selection(self) -> None:
        text = self.selected_tsv()
        if text:
            QGuiApplication.clipboard().setText(text + "\n")

    def _on_grouping_changed(self, row: int) -> None:
        self.model.set_grouping(GROUPINGS[row][1])
        self._after_reset()

    def _on_clicked(self, index: QModelIndex) -> None:
        figure_index = index.data(FIGURE_INDEX_ROLE)
        if isinstance(figure_index, int) and figure_index >= 0:
            self.figure_selected.emit(figure_index)
