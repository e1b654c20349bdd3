"""The entity card: what a name is, where the library mentions it, who else is named with it,
what it said across the library (newest first), the figures given about it (charted when there
is a series), and the user's notes on it."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QListView,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.model import EntityType, Figure
from reader.library.cards import Card, CardDetails
from reader.library.quotes import QuoteRef
from reader.ui.chart import FigureChart
from reader.ui.display import format_value
from reader.ui.models.articles import KEY_ROLE, ArticleListModel, ArticleOrder
from reader.ui.models.quotes import QUOTE_ROLE, QuoteModel
from reader.ui.panels.base import Panel
from reader.ui.panels.library import ArticleDelegate
from reader.ui.theme import ENTITY_LABELS
from reader.ui.display import plain_tooltip

FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1  # (article key, Figure)
_HINT = "Click a highlighted name in the text, or pick one in the Entities panel."
Index = QModelIndex | QPersistentModelIndex


class FigureTableModel(QAbstractTableModel):
    """The entity's figures across the library: value, label, period, article."""

    COLUMNS = ("Value", "Label", "Period", "Article")

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[tuple[str, Figure], ...] = ()
        self._titles: dict[str, str] = {}
        self._conflicted: set[tuple[str | None, str | None]] = set()

    def set_figures(self, rows: tuple[tuple[str, Figure], ...], titles: dict[str, str], conflicted: set[tuple[str | None, str | None]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._titles = titles
        self._conflicted = conflicted
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key, figure = self._rows[index.row()]
        conflicted = (figure.label, figure.period) in self._conflicted
        if role == Qt.ItemDataRole.DisplayRole:
            value = format_value(figure.value, figure.unit) + (" ≠" if conflicted else "")
            return (value, figure.label or "", figure.period or "", self._titles.get(key, key))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            note = "\nArticles disagree on this figure." if conflicted else ""
            return plain_tooltip(f"“{figure.surface}” in {self._titles.get(key, key)}{note}")
        if role == Qt.ItemDataRole.ForegroundRole and conflicted and index.column() == 0:
            return QColor("#c62828")
        if role == FIGURE_ROLE:
            return (key, figure)
        return None


class EntityCardPanel(Panel):
    article_requested = Signal(str)  # open this article at the entity's first mention in it
    figure_requested = Signal(str, int, int)  # article key, start, end
    quote_requested = Signal(str, int, int)  # article key, start, end of a quote it said
    entity_requested = Signal(str)  # a co-occurring name was clicked
    details_shown = Signal(str)  # the figures and co-occurring names of this entity are in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Entity", "entityCardPanel", parent)
        self.articles_model = ArticleListModel(self, ArticleOrder.LIBRARY)  # given newest first
        self.figures_model = FigureTableModel(self)
        self.quotes_model = QuoteModel(self, with_article=True)
        self._card: Card | None = None
        self._details: CardDetails | None = None
        self._reading = ""  # the name whose card waits for the library to be read
        self._colors: dict[EntityType, QColor] = {}
        self.name: QLabel | None = None

    def build(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(scroll)
        content.setObjectName("entityCard")
        self.empty = QLabel(_HINT, content)
        self.empty.setObjectName("panelHint")
        self.empty.setWordWrap(True)
        self.name = QLabel(content)
        self.name.setObjectName("cardName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.kind = QLabel(content)
        self.kind.setObjectName("cardType")
        self.description = QLabel(content)
        self.description.setWordWrap(True)
        self.aliases = QLabel(content)
        self.aliases.setObjectName("panelHint")
        self.aliases.setWordWrap(True)
        self.articles_title = self._section("Articles", content)
        self.articles = QListView(content)
        self.articles.setObjectName("cardArticles")
        self.articles.setModel(self.articles_model)
        self.articles.setItemDelegate(ArticleDelegate(self.articles))
        self.articles.setUniformItemSizes(True)
        self.articles.setMinimumHeight(150)
        self.articles.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.related_title = self._section("Named with", content)
        self.related = QLabel(content)
        self.related.setObjectName("cardRelated")
        self.related.setWordWrap(True)
        self.related.setTextFormat(Qt.TextFormat.RichText)
        self.quotes_title = self._section("Quotes", content)
        self.quotes = QTableView(content)
        self.quotes.setObjectName("cardQuotes")
        self.quotes.setModel(self.quotes_model)
        self.quotes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quotes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.quotes.verticalHeader().hide()
        self.quotes.setShowGrid(False)
        self.quotes.setWordWrap(True)
        self.quotes.setAlternatingRowColors(True)
        self.quotes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.quotes.horizontalHeader().setStretchLastSection(True)
        self.quotes.setColumnWidth(0, 120)
        self.quotes.setMinimumHeight(220)
        self.figures_title = self._section("Figures", content)
        self.series_choice = QComboBox(content)
        self.chart = FigureChart(content)
        self.figures = QTableView(content)
        self.figures.setObjectName("cardFigures")
        self.figures.setModel(self.figures_model)
        self.figures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.figures.verticalHeader().hide()
        self.figures.verticalHeader().setDefaultSectionSize(self.figures.fontMetrics().height() + 8)
        self.figures.setShowGrid(False)
        self.figures.setAlternatingRowColors(True)
        self.figures.horizontalHeader().setStretchLastSection(True)
        # Fixed widths: ResizeToContents would ask every one of 25k rows for its text.
        self.figures.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((110, 80, 80)):
            self.figures.setColumnWidth(column, width)
        self.figures.setMinimumHeight(140)
        self.notes_title = self._section("Notes", content)
        self.notes = QLabel(content)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        for widget in (
            self.empty, self.name, self.kind, self.description, self.aliases,
            self.articles_title, self.articles, self.related_title, self.related,
            self.quotes_title, self.quotes, self.figures_title, self.series_choice, self.chart, self.figures,
            self.notes_title, self.notes,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll.setWidget(content)
        self.articles.clicked.connect(self._on_article_clicked)
        self.articles.activated.connect(self._on_article_clicked)
        self.related.linkActivated.connect(self.entity_requested)
        self.figures.clicked.connect(self._on_figure_clicked)
        self.quotes.clicked.connect(self._on_quote_clicked)
        self.quotes.horizontalHeader().sectionResized.connect(self._fit_quote_rows)
        self.quotes.activated.connect(self._on_quote_clicked)
        self.series_choice.currentIndexChanged.connect(self._on_series_chosen)
        return scroll

    @staticmethod
    def _section(title: str, parent: QWidget) -> QLabel:
        label = QLabel(title.upper(), parent)
        label.setObjectName("cardSection")
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        label.setFont(font)
        label.setContentsMargins(0, 10, 0, 0)
        return label

    def set_colors(self, colors: dict[EntityType, QColor]) -> None:
        self._colors = dict(colors)
        self.refresh()

    def card(self) -> Card | None:
        return self._card

    def details(self) -> CardDetails | None:
        return self._details

    def show_card(self, card: Card | None) -> None:
        """The fast part at once; the details follow with show_details."""
        self._card = card
        self._details = None
        self._reading = ""
        # All drawn as read: bold here would say nothing about this entity.
        self.articles_model.set_articles(card.articles if card else (), read={a.key for a in card.articles} if card else set(), notes={})
        self.figures_model.set_figures((), {}, set())
        self.quotes_model.set_quotes(())
        self.refresh()

    def show_reading(self, name: str) -> None:
        """``name`` is selected while the library is still being read: no card yet, and the
        panel says it comes (its counts across the library are not known)."""
        self.show_card(None)
        self._reading = name
        self.refresh()

    def set_notes(self, notes: tuple[str, ...]) -> None:
        """The user's notes on the entity changed: show them without recomputing the card."""
        if self._card is not None:
            self._card = replace(self._card, notes=notes)
            self.refresh()

    def show_details(self, details: CardDetails) -> None:
        if self._card is None or details.name != self._card.name:
            return  # an older entity's details, arriving late
        self._details = details
        titles = {key: title for key, title in details.titles}
        self.figures_model.set_figures(details.figures, titles, set(details.clashing))
        self.quotes_model.set_quotes(details.quotes)
        self.refresh()
        self.details_shown.emit(details.name)

    def refresh(self) -> None:
        if self.name is None:
            return
        card = self._card
        has = card is not None
        self.empty.setVisible(not has)
        self.empty.setText(f"{self._reading}: the library is still being read; its card comes once it is in." if self._reading else _HINT)
        for widget in (self.name, self.kind, self.articles_title, self.articles, self.related_title, self.related):
            widget.setVisible(has)
        if card is None:
            for widget in (self.description, self.aliases, self.quotes_title, self.quotes, self.figures_title, self.series_choice, self.chart, self.figures, self.notes_title, self.notes):
                widget.hide()
            return
        color = self._colors.get(card.type, QColor("#555555")).name()
        self.name.setText(card.name)
        self.kind.setText(f"<span style='color:{color}; font-weight:600'>● {ENTITY_LABELS[card.type]}</span>"
                          f"  ·  {card.mentions} mention{'s' if card.mentions != 1 else ''} in {card.article_count} article{'s' if card.article_count != 1 else ''}"
                          + (f" (+{card.copies - card.article_count} reprinted)" if card.copies > card.article_count else ""))
        self.description.setText(card.description)
        self.description.setVisible(bool(card.description))
        others = [a for a in card.aliases if a != card.name]
        self.aliases.setText("Also: " + "、".join(others) if others else "")
        self.aliases.setVisible(bool(others))
        shown = len(card.articles)
        self.articles_title.setText(
            f"ARTICLES ({card.article_count}, newest first)" if shown == card.article_count
            else f"ARTICLES (newest {shown} of {card.article_count}; all in Mentions)"
        )
        details = self._details
        if details is None:
            self.related.setText("<span style='color:gray'>…</span>")
        else:
            links = [f"<a href='{escape(name)}' style='text-decoration:none'>{escape(name)}</a> <span style='color:gray'>{count}</span>" for name, count in details.cooccurring]
            self.related.setText("  ".join(links) if links else "<span style='color:gray'>—</span>")
        quotes = details.quotes if details is not None else ()
        # after a correction, the articles still being read again are not counted yet: say so
        unread = details.unread if details is not None else 0
        so_far = f"; {unread} article{'s' if unread != 1 else ''} still being read again" if unread else ""
        self.quotes_title.setVisible(bool(quotes))
        self.quotes_title.setText(f"QUOTES ({len(quotes)}, newest first{so_far})")
        self.quotes.setVisible(bool(quotes))
        if quotes:
            self._fit_quote_rows()
        figures = details.figures if details is not None else ()
        lines = details.series if details is not None else ()
        self.figures_title.setVisible(bool(figures) or bool(unread))
        self.figures_title.setText(f"FIGURES ({len(figures)}{so_far})")
        self.figures.setVisible(bool(figures))
        with QSignalBlocker(self.series_choice):
            self.series_choice.clear()
            for line in lines:
                self.series_choice.addItem(f"{line.label} ({len(line.points)} periods)")
        self.series_choice.setVisible(len(lines) > 1)
        self.chart.setVisible(bool(lines))
        self._on_series_chosen(0)
        self.notes_title.setVisible(bool(card.notes))
        self.notes.setVisible(bool(card.notes))
        self.notes.setText("\n\n".join(card.notes))

    def _on_series_chosen(self, row: int) -> None:
        details = self._details
        if details is not None and 0 <= row < len(details.series):
            line = details.series[row]
            self.chart.set_series(line, details.conflicted.get((line.label, line.unit), frozenset()))
        else:
            self.chart.set_series(None)

    def _on_article_clicked(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if isinstance(key, str):
            self.article_requested.emit(key)

    def _fit_quote_rows(self, *_section: int) -> None:
        self.quotes.resizeRowsToContents()  # rows as tall as their wrapped words

    def _on_quote_clicked(self, index: QModelIndex) -> None:
        ref = index.data(QUOTE_ROLE)
        if isinstance(ref, QuoteRef):
            self.quote_requested.emit(ref.article, ref.quote.start, ref.quote.end)

    def _on_figure_clicked(self, index: QModelIndex) -> None:
        figure = index.data(FIGURE_ROLE)
        if figure is not None:
            key, figure = figure
            self.figure_requested.emit(key, figure.start, figure.end)

