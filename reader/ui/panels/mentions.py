"""Every mention of the selected entity across the library, in context. Clicking one opens
its article at that place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.library.mention_index import MentionList, MentionRef
from reader.ui.models.kwic import KwicModel
from reader.ui.panels.base import Panel
from reader.ui.panels.kwic import KwicView


class MentionsPanel(Panel):
    open_requested = Signal(MentionRef)

    def __init__(self, title_of: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__("Mentions", "mentionsPanel", parent)
        self.model = KwicModel(title_of, self)
        self.entity = ""
        self.articles = 0
        self.reading = False  # the library is still being read: the entity's mentions come after
        self.view: KwicView | None = None
        self.summary: QLabel | None = None

    def build(self) -> QWidget:
        content = QWidget(self)
        self.summary = QLabel(content)
        self.summary.setObjectName("panelHint")
        self.summary.setWordWrap(True)
        self.view = KwicView(self.model, content)
        self.view.setObjectName("mentionsList")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.view.hit_activated.connect(self._on_hit)
        return content

    def refresh(self) -> None:
        if self.summary is None:
            return
        n = len(self.model.hits())
        if not self.entity:
            self.summary.setText("Select a name — in the text, or in the Entities panel — to see every mention of it.")
        elif self.reading:
            self.summary.setText(f"{self.entity}: the library is still being read; its mentions across it are listed once it is in.")
        else:
            a = self.articles
            self.summary.setText(f"{self.entity}: {n} mention{'s' if n != 1 else ''} in {a} article{'s' if a != 1 else ''}")

    def set_mentions(self, entity: str, mentions: MentionList | list[MentionRef], articles: int) -> None:
        self.entity = entity
        self.articles = articles
        self.reading = False
        self.model.set_hits(mentions)
        self.refresh()

    def show_reading(self, entity: str) -> None:
        """``entity`` is selected while the library is still being read: no mention listed, and
        the panel says they come (not that there are none)."""
        self.set_mentions(entity, [], 0)
        self.reading = True
        self.refresh()

    def select_row(self, row: int) -> None:
        """Mark the row of the mention the view is on, and only that one (none when the view
        is on no mention of the name)."""
        if self.view is None:
            return
        selection = self.view.selectionModel()
        with QSignalBlocker(selection):
            if 0 <= row < self.model.rowCount():
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                selection.select(self.model.index(row, 0), flags)
                selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                selection.clearSelection()
        self.view.viewport().update()
        if 0 <= row < self.model.rowCount():
            self.view.scrollTo(self.model.index(row, 0))

    def _on_hit(self, hit: object) -> None:
        if isinstance(hit, MentionRef):
            self.open_requested.emit(hit)
