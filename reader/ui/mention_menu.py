"""The menu on a name in the text: show its mentions, go to it in another article, open its
card, add a note on it, edit the highlight under it, and correct it ("Correct This Name")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.analysis.model import Mention
from reader.ui.theme import ENTITY_LABELS

if TYPE_CHECKING:
    from reader.ui.window import MainWindow


class MentionMenu(QObject):
    """``w`` is the window: the menu's items are carried out by its entity navigator, notes and
    corrections controllers."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def on_requested(self, mention: Mention, where: QPoint) -> None:
        menu = self.menu(mention)
        self.w.popup(menu, where)
        menu.deleteLater()

    def menu(self, mention: Mention) -> QMenu:
        menu = QMenu(self.w)
        name = mention.entity
        title = menu.addAction(f"{name} · {ENTITY_LABELS[mention.type]}")
        title.setEnabled(False)
        menu.addSeparator()
        for text, what in (("Show All Mentions", "show"), ("Go to Next in Another Article", "next"), ("Open Entity Card", "card")):
            menu.addAction(text).setData((what, name))
        if self.w.notes_repo is not None:
            menu.addAction(f"Add Note on {name}…").setData(("entity_note", name))
            self.w.notes.add_highlight_items(menu, mention.start)
        menu.addSeparator()
        self.w.corrections.add_correction_menu(menu, mention)
        menu.triggered.connect(self._on_action)
        return menu

    def _on_action(self, action: QAction) -> None:
        data = action.data()
        if not isinstance(data, tuple) or self.w.corrections.handle(action):
            return
        what, name = data[0], data[1]
        entities = self.w.entities
        if what == "show":
            entities.show_all_mentions(name)
        elif what == "next":
            entities.go_to_next_article_mentioning(name)
        elif what == "card":
            entities.show_card(name)
        elif what == "entity_note":
            self.w.notes.add_entity_note(name)
        elif what in ("edit", "delete"):
            self.w.notes.on_menu_action(action)
