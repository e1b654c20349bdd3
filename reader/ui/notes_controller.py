"""Notes in the window: one controller for every highlight, note and bookmark action."""


from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from functools import partial

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QMenu,
)

from reader.errors import StoreUnavailable
from reader.library.library import Library
from reader.library.reprints import copy_names
from reader.notes.anchor import anchor, anchor_all, anchor_copies
from reader.notes.model import Anchored, Annotation, Color, Kind, Selector, new_annotation
from reader.notes.repository import AnnotationFilter
from reader.ui.panels.search import SEARCH_SELECTION_CHARS
from reader.ui.panels.notes import COLOR_HEX

if TYPE_CHECKING:
    from reader.ui.window import MainWindow

BOOKMARK_NAME_CHARS = 24  # a bookmark's default name: the start of its passage
DARK_HIGHLIGHT_ALPHA = 0.38  # the pastel palette over a dark page, so light text stays readable


def excerpt(text: str, length: int = 24) -> str:
    """The start of a passage on one line, for status messages and default names."""
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


class NotesController(QObject):
    """Highlights, notes and bookmarks in the window: painting them over the open article,
    the actions that add, edit, delete and undo them, the text's context menu, the bookmarks
    menu (export and import are ui/notes_transfer.py's). It reads and writes through the window's
    notes repository and undo stack; ``w`` is the window it serves (its view, panels, actions,
    dialogs and status bar)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._anchored: list[Anchored] = []  # the open article's annotations, anchored in its text
        # Notes made on the other copies of its story (reprints), placed in its text: the same
        # notes, linked — clicking one edits the note on its own copy; its selector is not moved.
        self._from_copies: list[Anchored] = []
        window.session.library_changed.connect(self.on_library_changed)
        window.session.article_changed.connect(self.on_article_changed)

    def on_library_changed(self, library: Library) -> None:
        if self.w.notes_panel is not None:
            self.w.notes_panel.set_library(library.root, library.articles, library.text)
            self.on_stories_grouped(library)

    def on_stories_grouped(self, library: Library) -> None:
        """The library's reprints are known (or not yet: none): notes made on one copy of a
        story are listed and painted on the others."""
        if library is not self.w.library:
            return
        if self.w.notes_panel is not None:
            copies: dict[str, tuple[str, ...]] = {}
            names: dict[str, str] = {}
            for story in library.stories() if library.stories_ready else ():
                articles = [library.listed(k) for k in story]
                names.update(zip(story, copy_names(articles)))
                copies.update((k, tuple(c for c in story if c != k)) for k in story)
            self.w.notes_panel.set_reprints(copies, names)
        self.paint()

    def on_article_changed(self, key: str, _previous: str) -> None:
        """Another article is shown: its notes are re-anchored against the text as it is now
        (an edited file moves or orphans them), listed and painted."""
        if self.w.notes_panel is not None:
            self.w.notes_panel.show_article(key)
        self.paint()
        self.update_actions()

    def update_actions(self) -> None:
        usable = self.w.undo is not None and self.w.view.article is not None
        for action in (self.w.act_add_note, self.w.act_add_highlight, self.w.act_add_bookmark):
            action.setEnabled(usable)
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        undo = self.w.undo
        self.w.act_undo.setEnabled(undo is not None and undo.can_undo)
        self.w.act_redo.setEnabled(undo is not None and undo.can_redo)
        self.w.act_undo.setText(f"&Undo {undo.undo_text}" if undo is not None and undo.can_undo else "&Undo")
        self.w.act_redo.setText(f"&Redo {undo.redo_text}" if undo is not None and undo.can_redo else "&Redo")

    def _note_color(self, color: Color) -> QColor:
        painted = QColor(COLOR_HEX[color])
        if self.w.themes.theme().dark:
            painted.setAlphaF(DARK_HIGHLIGHT_ALPHA)
        return painted

    def _bookmark_color(self) -> QColor:
        return QColor(self.w.themes.theme().accent)

    def paint(self) -> None:
        """Anchor the open article's annotations in its text and paint its highlights and the
        marks of its bookmarks."""
        self._anchored = []
        self._from_copies = []
        article = self.w.view.article
        library = self.w.library
        if self.w.notes_repo is None or library is None or article is None or article.key != self.w.current_key:
            return
        copies = library.reprints_of(article.key) if library.stories_ready and article.key in library else ()
        try:
            annotations = self.w.notes_repo.for_article(library.root, article.key)
            borrowed = [a for key in copies for a in self.w.notes_repo.for_article(library.root, key)]
        except StoreUnavailable as error:
            self.on_failed(str(error))
            return
        self._anchored = anchor_all(article.text, annotations)
        self._store_moved_anchors(annotations)
        self._from_copies = anchor_copies(article.text, borrowed)
        placed = [item for item in self._anchored if not item.anchor.orphaned] + self._from_copies
        self.w.view.set_highlights(
            [(i.anchor.start, i.anchor.end, self._note_color(i.annotation.color)) for i in placed if i.annotation.kind is Kind.HIGHLIGHT]
        )
        self.w.view.set_bookmarks(
            [(i.anchor.start, i.anchor.end, self._bookmark_color()) for i in placed if i.annotation.kind is Kind.BOOKMARK]
        )

    def _store_moved_anchors(self, stored: list[Annotation]) -> None:
        """Write back where notes anchor in the article as it is now, so the store (and every
        export) holds the current positions. Not an undoable edit: it follows the article, not
        the user."""
        before = {a.id: a for a in stored}
        moved = [item.annotation for item in self._anchored if item.annotation != before[item.annotation.id]]
        if moved and self.w.notes_repo is not None:
            try:
                self.w.notes_repo.write_many(put=moved)
            except StoreUnavailable as error:
                self.on_failed(str(error))

    def highlight_at(self, offset: int) -> Annotation | None:
        """The highlight drawn over ``offset`` (the shortest, when they overlap)."""
        found = [
            item
            for item in self._anchored + self._from_copies
            if item.annotation.kind is Kind.HIGHLIGHT and not item.anchor.orphaned and item.anchor.start <= offset < item.anchor.end
        ]
        if not found:
            return None
        return min(found, key=lambda item: item.anchor.end - item.anchor.start).annotation

    def from_copies(self) -> list[Anchored]:
        """The notes of the story's other copies placed in the open article."""
        return list(self._from_copies)

    def annotation_changed(self, annotation: Annotation) -> None:
        """The undo stack wrote ``annotation`` (added, edited, deleted, or one of those undone)."""
        if self.w.notes_panel is not None:
            self.w.notes_panel.refresh()
            self.w.notes_panel.select(annotation.id)
        self.paint()
        self.refresh_note_counts()
        if annotation.entity and annotation.entity == self.w.selected_entity:
            self.w.card_panel.set_notes(self.w.entities.entity_notes(annotation.entity))

    def note_counts(self, library: str) -> dict[str, int]:
        """Annotations per article of ``library``, for the library list."""
        if self.w.notes_repo is None:
            return {}
        try:
            return dict(self.w.notes_repo.counts(library))
        except StoreUnavailable as error:
            self.w.status.say(f"Could not count the notes: {error}")
            return {}

    def refresh_note_counts(self) -> None:
        """Re-count notes per article for the library list (after one was added or removed)."""
        if self.w.library is not None:
            self.w.library_panel.model.set_note_counts(self.note_counts(self.w.library.root))

    def on_failed(self, message: str) -> None:
        self.w.status.say(f"Notes could not be read or saved: {message}")

    def _record(self, what: str, change: Callable[[], object]) -> bool:
        """Run one undo-stack operation; a store failure goes to the status bar."""
        try:
            change()
        except StoreUnavailable as error:
            self.w.status.say(f"Could not {what}: {error}")
            return False
        finally:
            self._update_undo_actions()
        return True

    def _selection_annotation(self, kind: Kind) -> Annotation | None:
        """A new annotation of the selected passage; None (and a hint) without a selection."""
        article = self.w.view.article
        span = self.w.view.selected_span()
        if self.w.library is None or article is None or self.w.undo is None:
            return None
        if span is None or span[0] == span[1]:
            self.w.status.say("Select some text in the article first.")
            return None
        return new_annotation(self.w.library.root, article.key, kind, selector=Selector.from_text(article.text, *span))

    def _show_notes(self) -> None:
        """Bring the notes dock forward: the reader sees what was just written."""
        self.w.notes_dock.activate()

    def add_highlight(self) -> None:
        """Highlight the selection in the default colour, no questions asked."""
        annotation = self._selection_annotation(Kind.HIGHLIGHT)
        if annotation is not None and self.w.undo is not None and self._record("save the highlight", partial(self.w.undo.add, annotation)):
            self._show_notes()
            self.w.status.say(f"Highlighted “{excerpt(annotation.quote)}” — Ctrl+Z to undo")

    def add_note(self) -> None:
        """Highlight the selection with a note, colour and tags from the note dialog."""
        annotation = self._selection_annotation(Kind.HIGHLIGHT)
        if annotation is None or self.w.undo is None:
            return
        written = self.w.dialogs.ask_annotation(annotation)
        if written is not None and self._record("save the note", partial(self.w.undo.add, written)):
            self._show_notes()
            self.w.status.say(f"Note added on “{excerpt(written.quote)}”")

    def add_bookmark(self) -> None:
        """Bookmark the selection, or the cursor's place when nothing is selected."""
        article = self.w.view.article
        if self.w.library is None or article is None or self.w.undo is None:
            return
        span = self.w.view.selected_span() or (self.w.view.cursor_offset(), self.w.view.cursor_offset())
        start = span[0]
        default = excerpt(article.text[start : start + BOOKMARK_NAME_CHARS].split("\n", 1)[0].strip()) or article.title
        name = self.w.dialogs.ask_text("Bookmark", "Name of the bookmark:", default)
        if not name:
            return
        bookmark = new_annotation(
            self.w.library.root, article.key, Kind.BOOKMARK, selector=Selector.from_text(article.text, *span), name=name
        )
        if self._record("save the bookmark", partial(self.w.undo.add, bookmark)):
            self.w.status.say(f"Bookmarked “{name}” — Notes ▸ Bookmarks opens it again")

    def add_entity_note(self, name: str) -> None:
        """A note on an entity: it shows on the entity's card and in the notes panel."""
        if self.w.library is None or self.w.undo is None:
            return
        note = new_annotation(self.w.library.root, self.w.current_key, Kind.ENTITY_NOTE, entity=name)
        written = self.w.dialogs.ask_annotation(note)
        if written is None:
            return
        if not written.note.strip():
            self.w.status.say(f"An empty note on {name} was not kept.")
            return
        if self._record("save the note", partial(self.w.undo.add, written)):
            self.w.status.say(f"Note on {name} added; it shows on the entity card")

    def edit_annotation(self, annotation_id: str) -> None:
        if self.w.notes_repo is None or self.w.undo is None:
            return
        current = self._annotation(annotation_id)
        if current is None:
            return
        edited = self.w.dialogs.ask_annotation(current)
        if edited is not None and edited is not current:
            self._record("save the change", partial(self.w.undo.edit, edited))

    def delete_annotation(self, annotation_id: str) -> None:
        if self.w.undo is None or self._annotation(annotation_id) is None:
            return
        if self._record("delete it", partial(self.w.undo.delete, annotation_id)):
            self.w.status.say("Deleted — Ctrl+Z to bring it back")

    def reattach_annotation(self, annotation_id: str) -> None:
        """Attach an orphaned note to the text selected now in its article."""
        article = self.w.view.article
        current = self._annotation(annotation_id)
        if current is None or article is None or self.w.undo is None:
            return
        span = self.w.view.selected_span()
        if current.article_key != article.key:
            self.w.status.say("Open the note's article and select the words it belongs to, then Re-attach.")
            return
        if span is None or span[0] == span[1]:
            self.w.status.say("Select the words the note belongs to, then Re-attach.")
            return
        moved = current.edited(selector=Selector.from_text(article.text, *span))
        if self._record("re-attach the note", partial(self.w.undo.edit, moved)):
            self.w.status.say(f"Re-attached to “{excerpt(moved.quote)}”")

    def _annotation(self, annotation_id: str) -> Annotation | None:
        if self.w.notes_repo is None:
            return None
        try:
            found = self.w.notes_repo.get(annotation_id)
        except StoreUnavailable as error:
            self.on_failed(str(error))
            return None
        if found is None:
            self.w.status.say("That note is no longer there.")
        return found

    def undo_note_change(self) -> None:
        if self.w.undo is None:
            return
        text = self.w.undo.undo_text
        if self._record(f"undo {text}", self.w.undo.undo):
            self.w.status.say(f"Undone: {text}")

    def redo_note_change(self) -> None:
        if self.w.undo is None:
            return
        text = self.w.undo.redo_text
        if self._record(f"redo {text}", self.w.undo.redo):
            self.w.status.say(f"Redone: {text}")

    def open_annotation(self, annotation: Annotation) -> bool:
        """Open the annotation's article at the place its selector anchors to now."""
        if self.w.library is None or annotation.article_key not in self.w.library:
            self.w.status.say("The article of that note is not in this library.")
            return False
        article = self.w.library.article(annotation.article_key)
        if annotation.selector is None:
            return self.w.open_article(article.key)
        where = anchor(article.text, annotation.selector)
        if where.orphaned:
            opened = self.w.open_article(article.key)
            self.w.status.say("Those words are no longer in the article: select new text and Re-attach the note.")
            return opened
        return self.w.open_article(article.key, span=(where.start, where.end))

    def on_open_requested(self, key: str, offset: int) -> None:
        current = self.w.notes_panel.current_annotation() if self.w.notes_panel is not None else None
        if current is not None and current.article_key == key:
            self.open_annotation(current)
        else:
            self.w.open_article(key, span=(offset, offset))

    # the text's context menu, clicks on highlights, bookmarks
    def on_text_menu(self, offset: int, where: QPoint) -> None:
        menu = self.text_menu(offset)
        self.w.popup(menu, where)
        menu.deleteLater()

    def text_menu(self, offset: int) -> QMenu:
        """Right-click outside a name: copy, mark the selection as a name, the notes actions,
        and the highlight's own."""
        menu = self.w.view.createStandardContextMenu()
        menu.setParent(self.w, menu.windowFlags())
        span = self.w.view.selected_span()
        if span and 0 < span[1] - span[0] <= SEARCH_SELECTION_CHARS:
            words = self.w.view.text()[span[0] : span[1]]
            search = menu.addAction(f"Search the Library for “{excerpt(words)}”")
            search.triggered.connect(self.w.act_search.trigger)  # searches the selection
        self.w.corrections.add_mark_items(menu)
        if self.w.notes_repo is not None and self.w.view.article is not None:
            menu.addSeparator()
            menu.addActions([self.w.act_add_highlight, self.w.act_add_note, self.w.act_add_bookmark])
            if offset >= 0:
                self.add_highlight_items(menu, offset)
        menu.triggered.connect(self.on_menu_action)
        return menu

    def add_highlight_items(self, menu: QMenu, offset: int) -> None:
        highlight = self.highlight_at(offset)
        if highlight is None:
            return
        menu.addSeparator()
        edit = menu.addAction("Edit Note…" if highlight.note else "Add Note to Highlight…")
        edit.setData(("edit", highlight.id))
        delete = menu.addAction("Delete Highlight")
        delete.setData(("delete", highlight.id))

    def on_menu_action(self, action: QAction) -> None:
        data = action.data()
        if not isinstance(data, tuple):
            return
        if self.w.corrections.handle(action):
            return
        if data[0] == "edit":
            self.edit_annotation(data[1])
        elif data[0] == "delete":
            self.delete_annotation(data[1])

    def on_text_clicked(self, offset: int) -> None:
        """A click on a highlight selects it in the notes panel and says what it holds."""
        highlight = self.highlight_at(offset)
        if highlight is None:
            return
        if self.w.notes_panel is not None:
            self.w.notes_panel.select(highlight.id)
        note = highlight.note.strip().split("\n", 1)[0] if highlight.note.strip() else ""
        library = self.w.library
        where = ""
        if highlight.article_key != self.w.current_key and library is not None and highlight.article_key in library:
            where = f" (made on the {copy_names([library.listed(highlight.article_key)])[0]} copy)"
        self.w.status.say(
            f"Highlight “{excerpt(highlight.quote)}”" + (f": {excerpt(note)}" if note else "") + where + " — right-click to edit or delete it"
        )

    def bookmarks(self) -> list[Annotation]:
        if self.w.notes_repo is None or self.w.library is None:
            return []
        return self.w.notes_repo.for_library(self.w.library.root, AnnotationFilter(kind=Kind.BOOKMARK))

    def fill_bookmarks_menu(self) -> None:
        self.w.bookmarks_menu.clear()
        try:
            marks = self.bookmarks()
        except StoreUnavailable as error:
            self.on_failed(str(error))
            marks = []
        for mark in marks:
            action = self.w.bookmarks_menu.addAction(f"{mark.name or excerpt(mark.quote)}  ·  {self.w.title_of(mark.article_key)}")
            action.setData(("bookmark", mark.id))
        if not marks:
            empty = self.w.bookmarks_menu.addAction("No bookmarks yet (Ctrl+D)")
            empty.setEnabled(False)

    def on_bookmark_chosen(self, action: QAction) -> None:
        data = action.data()
        if isinstance(data, tuple) and data[0] == "bookmark":
            self.open_bookmark(data[1])

    def open_bookmark(self, annotation_id: str) -> bool:
        found = self._annotation(annotation_id)
        return found is not None and self.open_annotation(found)

    def on_imported(self) -> None:
        """Annotations came in from a file: list, paint and count them."""
        if self.w.notes_panel is not None:
            self.w.notes_panel.refresh()
        self.paint()
        self.refresh_note_counts()
        self._update_undo_actions()  # the import is one undoable step
