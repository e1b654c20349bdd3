"""Who said what in the open article: one row per quote, its speaker and its words, in reading
order. Clicking a row shows the quote in the text (as clicking a figure does)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.library.quotes import QuoteRef
from reader.ui.models.quotes import QUOTE_ROLE, QuoteModel
from reader.ui.panels.base import Panel


class QuotesPanel(Panel):
    quote_selected = Signal(int, int)  # start and end of the quoted words in the open article

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Quotes", "quotesPanel", parent)  # the name saved layouts know it by
        self.model = QuoteModel(self)
        self.table: QTableView | None = None
        self.summary: QLabel | None = None

    def build(self) -> QWidget:
        content = QWidget(self)
        self.summary = QLabel(content)
        self.summary.setObjectName("panelHint")
        self.summary.setWordWrap(True)
        self.table = QTableView(content)
        self.table.setObjectName("quotesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 96)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.table.clicked.connect(self._on_clicked)
        self.table.horizontalHeader().sectionResized.connect(self._fit_rows)
        self.table.activated.connect(self._on_clicked)
        return content

    def refresh(self) -> None:
        if self.summary is None or self.table is None:
            return
        quotes = self.model.quotes()
        speakers = {q.speaker for q in quotes if q.speaker}
        n = len(quotes)
        self.summary.setText(
            f"{n} quote{'s' if n != 1 else ''} by {len(speakers)} named speaker{'s' if len(speakers) != 1 else ''}"
            if n else "Nobody is quoted in this article."
        )
        self._fit_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_rows)  # once the quote column has its new width

    def _fit_rows(self, *_section: int) -> None:
        """Rows as tall as their wrapped words (a news article has a few dozen quotes)."""
        if self.table is not None:
            self.table.resizeRowsToContents()

    def set_quotes_of_article(self, quotes: tuple[QuoteRef, ...]) -> None:
        self.model.set_quotes(quotes)
        self.refresh()

    def select_row(self, row: int) -> None:
        if self.table is not None and 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self._on_clicked(self.model.index(row, 1))

    def _on_clicked(self, index: QModelIndex) -> None:
        ref = index.data(QUOTE_ROLE)
        if isinstance(ref, QuoteRef):
            self.quote_selected.emit(ref.quote.start, ref.quote.end)
