"""Entities named in the open article or in the whole library, by type, with mention and
article counts. Selecting one highlights its mentions and opens its card."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QButtonGroup, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QRadioButton, QTableView, QVBoxLayout, QWidget

from reader.analysis.model import EntityType
from reader.library.mention_index import EntitySummary
from reader.ui.models.entities import NAME_ROLE, EntityFilterProxy, EntityTableModel
from reader.ui.panels.base import Panel
from reader.ui.theme import ENTITY_LABELS


class EntitiesPanel(Panel):
    entity_selected = Signal(str)
    scope_changed = Signal(bool)  # True: the whole library

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Entities", "entitiesPanel", parent)
        self.model = EntityTableModel(self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._library_scope = False
        self._article: list[EntitySummary] = []
        self._library: list[EntitySummary] | None = None
        self._selected = ""
        self.table: QTableView | None = None

    def build(self) -> QWidget:
        content = QWidget(self)
        self.article_button = QRadioButton("This article", content)
        self.library_button = QRadioButton("Library", content)
        self.article_button.setChecked(not self._library_scope)
        self.library_button.setChecked(self._library_scope)
        group = QButtonGroup(content)
        group.addButton(self.article_button)
        group.addButton(self.library_button)
        self.type_filter = QComboBox(content)
        self.type_filter.addItem("All types", "")
        for kind in EntityType:
            self.type_filter.addItem(ENTITY_LABELS[kind], kind.value)
        self.filter = QLineEdit(content)
        self.filter.setPlaceholderText("Filter names (either script, or pinyin: zjtd)")
        self.filter.setClearButtonEnabled(True)
        self.hint = QLabel(content)
        self.hint.setObjectName("panelHint")
        self.hint.setWordWrap(True)
        self.table = QTableView(content)
        self.table.setObjectName("entitiesTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # the widths of the rows in view (the longest counts come first): by default Qt reads
        # 1000 rows' every cell to size them, 25k calls into the model at each reset
        header.setResizeContentsPrecision(0)
        scope = QHBoxLayout()
        scope.setContentsMargins(0, 0, 0, 0)
        scope.addWidget(self.article_button)
        scope.addWidget(self.library_button)
        scope.addStretch(1)
        scope.addWidget(self.type_filter)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(scope)
        layout.addWidget(self.filter)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.library_button.toggled.connect(self._on_scope_toggled)
        self.type_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.filter.textChanged.connect(self._on_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.clicked.connect(self._on_clicked)
        return content

    def refresh(self) -> None:
        self._show()

    # -- content
    def set_article_entities(self, entities: list[EntitySummary]) -> None:
        self._article = entities
        if not self._library_scope:
            self._show()

    def set_library_entities(self, entities: list[EntitySummary] | None) -> None:
        """None while the library's names are still being counted."""
        self._library = entities
        if self._library_scope:
            self._show()

    def library_scope(self) -> bool:
        return self._library_scope

    def set_library_scope(self, library: bool) -> None:
        if library == self._library_scope:
            return
        self._library_scope = library
        if self.table is not None:
            with QSignalBlocker(self.library_button), QSignalBlocker(self.article_button):
                self.library_button.setChecked(library)
                self.article_button.setChecked(not library)
        self._show()
        self.scope_changed.emit(library)

    def set_colors(self, colors: dict[EntityType, QColor]) -> None:
        self.model.set_colors(colors)

    def select(self, name: str) -> None:
        """Show ``name`` as selected without asking for it again."""
        self._selected = name
        if self.table is None:
            return
        row = self.model.row_of(name)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        with QSignalBlocker(self.table.selectionModel()):
            if index.isValid():
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
            else:
                self.table.clearSelection()

    def visible_names(self) -> list[str]:
        return [str(self.proxy.index(r, 0).data(NAME_ROLE)) for r in range(self.proxy.rowCount())]

    def _show(self) -> None:
        entities = self._library if self._library_scope else self._article
        if self._library_scope and entities is None:
            self.model.set_entities([])
            if self.table is not None:
                self.hint.setText("Counting names across the library…")
            return
        self.model.set_entities(entities or [])
        self.model.set_mentions_header("Mentions" if self._library_scope else "Here")
        if self.table is not None:
            n = len(entities or [])
            where = "in the library" if self._library_scope else "in this article"
            self.hint.setText(f"{n} name{'s' if n != 1 else ''} {where}")
            self.select(self._selected)

    # -- slots
    def _on_scope_toggled(self, library: bool) -> None:
        self.set_library_scope(library)

    def _on_filter_changed(self) -> None:
        value = self.type_filter.currentData()
        types = frozenset(EntityType) if not value else frozenset({EntityType(value)})
        self.proxy.set_filter(self.filter.text(), types)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self._emit(current)

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.data(NAME_ROLE) != self._selected:  # else currentRowChanged already told
            self._emit(index)

    def _emit(self, index: QModelIndex) -> None:
        name = index.data(NAME_ROLE)
        if isinstance(name, str) and name:
            self._selected = name
            self.entity_selected.emit(name)
