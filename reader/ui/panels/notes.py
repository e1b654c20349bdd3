"""The notes panel: an article's highlights, bookmarks and entity notes in text order, or the
whole library's filtered by tag, colour, source and entity. Orphans are listed, marked, last.

The panel only shows and asks; the window does the changes, through the undo stack, so that
Ctrl+Z undoes what the panel asked for. How the window wires it::

    repository = AnnotationRepository(store)
    self.undo = UndoStack(repository, on_change=self._on_annotation_changed)
    self.notes_panel = NotesPanel(repository, parent)       # inside a dock; objectName "notesPanel"

    # when a library has loaded / an article is opened
    self.notes_panel.set_library(library.root, library.articles, library.text)
    self.notes_panel.show_article(article.key)

    # _connect_signals(), "notes" group
    self.notes_panel.open_requested.connect(self._open_at)            # (article key, offset)
    self.notes_panel.edit_requested.connect(self._edit_annotation)    # id → AnnotationDialog.ask
    self.notes_panel.delete_requested.connect(self._delete_annotation)  # id → self.undo.delete
    self.notes_panel.reattach_requested.connect(self._reattach)       # id → selection → self.undo.edit

    def _on_annotation_changed(self, annotation): self.notes_panel.refresh(); <repaint highlights>

The offsets in ``open_requested`` are code points; convert them with ``reader.ui.positions``.
Anchoring runs here (pure and fast: an unchanged article is one slice comparison per note).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import Enum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.errors import StoreUnavailable
from reader.ingest.model import Article
from reader.notes.anchor import anchor, anchor_all, anchor_copies
from reader.notes.model import ORPHAN, Anchored, Annotation, Color, Kind
from reader.notes.repository import AnnotationFilter, AnnotationRepository
from reader.ui.panels.base import Panel
from reader.ui.display import plain_tooltip

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1  # the Annotation
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 2  # the Anchor (where it is in the current text)
ORPHANED_ROLE = Qt.ItemDataRole.UserRole + 3  # bool
ARTICLE_TITLE_ROLE = Qt.ItemDataRole.UserRole + 4  # str

# Highlight colours as drawn (the article view paints with the same table).
COLOR_HEX: dict[Color, str] = {
    Color.YELLOW: "#fff3a0",
    Color.GREEN: "#c8f0c0",
    Color.BLUE: "#c4dcff",
    Color.PINK: "#ffc8dc",
    Color.PURPLE: "#e0ccff",
}
COLOR_NAMES: dict[Color, str] = {
    Color.YELLOW: "Yellow",
    Color.GREEN: "Green",
    Color.BLUE: "Blue",
    Color.PINK: "Pink",
    Color.PURPLE: "Purple",
}
_QUOTE_CHARS = 80
_KIND_LABELS = {Kind.HIGHLIGHT: "Highlight", Kind.BOOKMARK: "Bookmark", Kind.ENTITY_NOTE: "Note on"}

Index = QModelIndex | QPersistentModelIndex


class NotesScope(Enum):
    ARTICLE = "article"
    LIBRARY = "library"


def _summary(item: Anchored, title: str) -> str:
    """Two lines: what is marked, then the note's first line."""
    a = item.annotation
    if a.kind is Kind.ENTITY_NOTE:
        head = f"{_KIND_LABELS[a.kind]} {a.entity}"
    elif a.kind is Kind.BOOKMARK:
        # Words, not 🔖: the emoji has no glyph without a colour-emoji font (a box on most Linux desktops).
        head = f"Bookmark: {a.name or 'unnamed'}" + (f" — {_short(a.quote)}" if a.quote else "")
    else:
        head = _short(a.quote)
    if item.anchor.orphaned and a.selector is not None:
        head = f"⚠ Orphaned: {head}"
    if title:
        head = f"{title} · {head}"
    note = a.note.strip().split("\n", 1)[0] if a.note.strip() else ""
    tags = " ".join(f"#{t}" for t in a.tags)
    second = "  ".join(part for part in (note, tags) if part)
    return f"{head}\n{second}" if second else head


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _QUOTE_CHARS else flat[: _QUOTE_CHARS - 1] + "…"


class NotesModel(QAbstractListModel):
    """Anchored annotations, one per row, in the order given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Anchored, ...] = ()
        self._titles: Mapping[str, str] = {}
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_rows(self, rows: Iterable[Anchored], titles: Mapping[str, str] | None = None) -> None:
        """``titles`` (article key → title) prefixes each row with its article: the library view."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._titles = dict(titles or {})
        self.endResetModel()

    def rows(self) -> tuple[Anchored, ...]:
        return self._rows

    def row_of(self, annotation_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.annotation.id == annotation_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        a = item.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            return _summary(item, self._titles.get(a.article_key, "") if self._titles else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [a.quote, a.note]
            if item.anchor.orphaned and a.selector is not None:
                parts.append("These words are no longer in the article: select new text and choose Re-attach, or delete the note.")
            return plain_tooltip("\n\n".join(p for p in parts if p))
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(COLOR_HEX[a.color])
        if role == Qt.ItemDataRole.FontRole and item.anchor.orphaned and a.selector is not None:
            return self._italic
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _summary(item, "").replace("\n", ". ")
        if role == ANNOTATION_ROLE:
            return a
        if role == ANCHOR_ROLE:
            return item.anchor
        if role == ORPHANED_ROLE:
            return item.anchor.orphaned and a.selector is not None
        if role == ARTICLE_TITLE_ROLE:
            return self._titles.get(a.article_key, a.article_key)
        return None


_ANY = "__any__"


class NotesPanel(QWidget):
    """Lists annotations; asks the window to open, edit, delete or re-attach them."""

    open_requested = Signal(str, int)  # article key, code-point offset
    edit_requested = Signal(str)  # annotation id
    delete_requested = Signal(str)  # annotation id
    reattach_requested = Signal(str)  # annotation id of an orphan: attach it to the selection
    failed = Signal(str)  # the store could not be read; the window shows it in the status bar

    def __init__(self, repository: AnnotationRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self._repository = repository
        self._library = ""
        self._articles: dict[str, Article] = {}
        self._text_of: Callable[[str], str] = self._own_text
        self._sources: list[str] = []  # the library's sources, sorted
        self._copies: dict[str, tuple[str, ...]] = {}  # reprints: a copy → the story's other copies
        self._copy_names: dict[str, str] = {}
        self._article_key: str | None = None
        self._scope = NotesScope.ARTICLE
        self._selected_id = ""  # kept while its row is gone, so an undone delete is selected again

        self.scope_box = QComboBox(self)
        self.scope_box.addItem("This article", NotesScope.ARTICLE.value)
        self.scope_box.addItem("Whole library", NotesScope.LIBRARY.value)
        self.tag_box = QComboBox(self)
        self.color_box = QComboBox(self)
        self.source_box = QComboBox(self)
        self.entity_box = QComboBox(self)
        for box, name in ((self.tag_box, "tag"), (self.color_box, "colour"), (self.source_box, "source"), (self.entity_box, "entity")):
            box.setAccessibleName(f"Filter by {name}")
            box.setToolTip(f"Show only notes with this {name}")
        self.filters = QWidget(self)
        filter_row = QHBoxLayout(self.filters)
        filter_row.setContentsMargins(0, 0, 0, 0)
        for box in (self.tag_box, self.color_box, self.source_box, self.entity_box):
            filter_row.addWidget(box, 1)
        self.filters.setVisible(False)

        self.model = NotesModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName("Notes")
        self.empty = QLabel("No notes yet. Select text in the article and press Ctrl+Shift+H to highlight it.", self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.open_button = QPushButton("Open", self)
        self.edit_button = QPushButton("Edit…", self)
        self.delete_button = QPushButton("Delete", self)
        self.reattach_button = QPushButton("Re-attach to Selection", self)
        self.reattach_button.setToolTip("Attach this orphaned note to the text selected in the article")
        buttons = QHBoxLayout()
        for button in (self.open_button, self.edit_button, self.delete_button, self.reattach_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.scope_box)
        layout.addWidget(self.filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self._fill_filters()
        self._connect_signals()
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.scope_box.currentIndexChanged.connect(self._on_scope_changed)
        for box in (self.tag_box, self.color_box, self.source_box, self.entity_box):
            box.currentIndexChanged.connect(self._on_filter_changed)
        self.list.activated.connect(self._on_activated)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._update_buttons)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.reattach_button.clicked.connect(self._on_reattach_clicked)

    # -- what the window calls
    def set_library(self, library: str, articles: Iterable[Article], text_of: Callable[[str], str] | None = None) -> None:
        """A library was opened: its id (``Library.root``), its articles (for titles and
        sources) and how to read an article's text by key (``Library.text``: a reopened
        library holds none; None: the articles' own)."""
        self._library = library
        self._articles = {a.key: a for a in articles}
        self._text_of = text_of or self._own_text
        self._sources = sorted({a.source for a in self._articles.values() if a.source})  # once, not per refresh
        self._article_key = None
        self.refresh()

    def _own_text(self, key: str) -> str:
        return self._articles[key].text

    def set_reprints(self, copies: Mapping[str, tuple[str, ...]], names: Mapping[str, str]) -> None:
        """The library's reprints: each copy's key → the other copies of its story, and what to
        call each copy. The article view lists the notes made on the other copies too, placed in
        this copy's text."""
        self._copies = dict(copies)
        self._copy_names = dict(names)
        if self._scope is NotesScope.ARTICLE:
            self.refresh()

    def show_article(self, key: str | None) -> None:
        """The article now open (None: none)."""
        self._article_key = key
        if self._scope is NotesScope.ARTICLE:
            self.refresh()

    def article_key(self) -> str | None:
        """The article whose notes the panel lists in its article scope."""
        return self._article_key

    def set_scope(self, scope: NotesScope) -> None:
        self.scope_box.setCurrentIndex(self.scope_box.findData(scope.value))

    def scope(self) -> NotesScope:
        return self._scope

    def set_filter(self, where: AnnotationFilter) -> None:
        """Set the library view's tag, colour and entity filters (a source is picked in its box)."""
        with QSignalBlocker(self.tag_box), QSignalBlocker(self.color_box), QSignalBlocker(self.entity_box):
            for box, value in ((self.tag_box, where.tag), (self.color_box, where.color.value if where.color else None), (self.entity_box, where.entity)):
                found = box.findData(value if value is not None else _ANY)
                box.setCurrentIndex(max(found, 0))
        self.refresh()

    def current_filter(self) -> AnnotationFilter:
        tag, color, source, entity = (box.currentData() for box in (self.tag_box, self.color_box, self.source_box, self.entity_box))
        articles = None
        if source not in (None, _ANY):
            articles = frozenset(k for k, a in self._articles.items() if (a.source or "") == source)
        return AnnotationFilter(
            tag=None if tag in (None, _ANY) else tag,
            color=None if color in (None, _ANY) else Color(color),
            entity=None if entity in (None, _ANY) else entity,
            articles=articles,
        )

    def refresh(self) -> None:
        """Re-read the annotations (after any change) and keep the selection where it was."""
        try:
            rows, titles = self._load()
        except StoreUnavailable as error:
            self.failed.emit(str(error))
            return
        self._fill_filters()
        self.model.set_rows(rows, titles)
        has_rows = bool(rows)
        self.list.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if self._selected_id:
            self.select(self._selected_id)

    def select(self, annotation_id: str) -> bool:
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        self.list.setCurrentIndex(self.model.index(row))
        return True

    def current_annotation(self) -> Annotation | None:
        index = self.list.currentIndex()
        return index.data(ANNOTATION_ROLE) if index.isValid() else None

    # -- loading
    def _load(self) -> tuple[list[Anchored], dict[str, str] | None]:
        if not self._library:
            return [], None
        if self._scope is NotesScope.ARTICLE:
            if self._article_key is None:
                return [], None
            article = self._articles.get(self._article_key)
            annotations = self._repository.for_article(self._library, self._article_key)
            if article is None:
                return [Anchored(a, ORPHAN) for a in annotations], None
            text = self._text_of(article.key)
            own = anchor_all(text, annotations)
            copies = self._copies.get(self._article_key, ())
            borrowed = anchor_copies(text, [a for key in copies for a in self._repository.for_article(self._library, key)])
            if not borrowed:
                return own, None
            # Made on another copy: in text order among this copy's notes, prefixed "on 36氪".
            placed = sorted((r for r in own if not r.anchor.orphaned), key=lambda r: (r.anchor.start, r.anchor.end, r.annotation.created))
            rows = sorted([*placed, *borrowed], key=lambda r: (r.anchor.start, r.anchor.end, r.annotation.created))
            rows += [r for r in own if r.anchor.orphaned]
            return rows, {key: f"on {self._copy_names.get(key, key)}" for key in copies}
        rows = []
        for a in self._repository.for_library(self._library, self.current_filter()):
            article = self._articles.get(a.article_key)
            placed = anchor(self._text_of(article.key), a.selector) if a.selector is not None and article is not None else ORPHAN
            rows.append(Anchored(a, placed))
        # Library order of articles, then text order, orphans after the placed notes of an article.
        order = {key: i for i, key in enumerate(self._articles)}
        rows.sort(key=lambda r: (order.get(r.annotation.article_key, len(order)), r.annotation.article_key, r.anchor.orphaned, r.anchor.start, r.annotation.created))
        titles = {key: a.title for key, a in self._articles.items()}
        return rows, titles

    def _fill_filters(self) -> None:
        """The filter choices from what the library has; the current choice is kept."""
        if not self._library:
            tags: list[str] = []
            entities: list[str] = []
        else:
            tags = self._repository.tags(self._library)
            entities = sorted(self._repository.entities_with_notes(self._library))
        sources = self._sources
        choices = (
            (self.tag_box, "Any tag", [(f"#{t}", t) for t in tags]),
            (self.color_box, "Any colour", [(COLOR_NAMES[c], c.value) for c in Color]),
            (self.source_box, "Any source", [(s, s) for s in sources]),
            (self.entity_box, "Any entity", [(e, e) for e in entities]),
        )
        for box, anything, items in choices:
            current = box.currentData()
            with QSignalBlocker(box):
                box.clear()
                box.addItem(anything, _ANY)
                for label, value in items:
                    box.addItem(label, value)
                    if box is self.color_box:
                        box.setItemData(box.count() - 1, QColor(COLOR_HEX[Color(value)]), Qt.ItemDataRole.DecorationRole)
                box.setCurrentIndex(max(box.findData(current), 0) if current is not None else 0)

    # -- slots
    def _on_scope_changed(self, row: int) -> None:
        self._scope = NotesScope(self.scope_box.itemData(row))
        self.filters.setVisible(self._scope is NotesScope.LIBRARY)
        self.refresh()

    def _on_filter_changed(self, _row: int) -> None:
        if self._scope is NotesScope.LIBRARY:
            self.refresh()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._selected_id = current.data(ANNOTATION_ROLE).id
        self._update_buttons()

    def _on_activated(self, index: QModelIndex) -> None:
        self._request_open(index)

    def _on_open_clicked(self) -> None:
        self._request_open(self.list.currentIndex())

    def _on_edit_clicked(self) -> None:
        annotation = self.current_annotation()
        if annotation is not None:
            self.edit_requested.emit(annotation.id)

    def _on_delete_clicked(self) -> None:
        annotation = self.current_annotation()
        if annotation is not None:
            self.delete_requested.emit(annotation.id)

    def _on_reattach_clicked(self) -> None:
        annotation = self.current_annotation()
        if annotation is not None:
            self.reattach_requested.emit(annotation.id)

    def _request_open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        annotation: Annotation = index.data(ANNOTATION_ROLE)
        placed = index.data(ANCHOR_ROLE)
        if self._scope is NotesScope.ARTICLE and self._article_key and annotation.article_key in self._copies.get(self._article_key, ()):
            self.open_requested.emit(self._article_key, placed.start)  # made on another copy: shown here, opened here
        elif annotation.article_key and annotation.article_key in self._articles:
            self.open_requested.emit(annotation.article_key, placed.start)

    def _update_buttons(self) -> None:
        index = self.list.currentIndex()
        selected = index.isValid()
        annotation: Annotation | None = index.data(ANNOTATION_ROLE) if selected else None
        self.open_button.setEnabled(bool(annotation and annotation.article_key in self._articles))
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.reattach_button.setVisible(bool(selected and index.data(ORPHANED_ROLE)))


class NotesDock(Panel):
    """The notes panel as a dock of the main window. The panel inside is made at once (the
    window tells it about every article opened) and shown on the dock's first show; without a
    store there is nothing to list, and the dock says so."""

    def __init__(self, repository: AnnotationRepository | None, parent: QWidget | None = None) -> None:
        super().__init__("Notes", "notesDock", parent)
        self.notes: NotesPanel | None = NotesPanel(repository, self) if repository is not None else None

    def build(self) -> QWidget:
        if self.notes is not None:
            return self.notes
        label = QLabel("Notes need the database, which could not be opened (see the message at start-up).", self)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label
