"""The window around the reading view: the panels (docks), the actions with their menus and
toolbar, and the features that work between them (notes, names, reprints, find, corrections,
the library's watcher).

Issue 18, point 1: the window paints the article first and builds these in a later turn of the
event loop (``MainWindow.furnish``), so their modules load only then: this module is reached
through a cached accessor in ui/window.py. The window wires their signals (``_connect_signals``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar, QToolButton

from reader.analysis.model import EntityType
from reader.notes.undo import UndoStack
from reader.ui.actions import add_actions, make_action, make_toggle
from reader.ui.correcting import CorrectionApplier
from reader.ui.corrections import CorrectionsController
from reader.ui.dock_sizes import DockSizes
from reader.ui.entity_navigation import EntityNavigator
from reader.ui.find_controller import FindController
from reader.ui.library_watch import LibraryWatcher
from reader.ui.mention_menu import MentionMenu
from reader.ui.notes_controller import NotesController
from reader.ui.notes_transfer import NotesTransfer
from reader.ui.panels.base import Panel
from reader.ui.panels.card import EntityCardPanel
from reader.ui.panels.entities import EntitiesPanel
from reader.ui.panels.figures import FiguresPanel
from reader.ui.panels.library import LibraryPanel
from reader.ui.panels.mentions import MentionsPanel
from reader.ui.panels.notes import NotesDock
from reader.ui.panels.quotes import QuotesPanel
from reader.ui.panels.search import SEARCH_SELECTION_CHARS, SearchPanel
from reader.ui.reprints_controller import ReprintsController
from reader.ui.theme import ENTITY_LABELS, ThemeChoice

if TYPE_CHECKING:
    from reader.ui.window import MainWindow


def build(w: MainWindow) -> None:
    """Build everything of ``w`` but its reading view, in the order the features need each
    other; its signals are wired by the window."""
    _build_panels(w)
    _build_actions(w)
    w.notes = NotesController(w)
    w.undo = UndoStack(w.notes_repo, on_change=w.notes.annotation_changed) if w.notes_repo is not None else None
    w.notes_transfer = NotesTransfer(w.notes_repo, w.session, w.view, w.dialogs, w.status.say, w, w.undo)
    w.entities = EntityNavigator(w)
    w.reprints = ReprintsController(w)
    w.find = FindController(w.view, w.find_bar, w.session, w)
    def settling() -> bool:  # no settled library to correct yet: a correction waits for it
        return w.loading.counting or w.names.refining

    w.correcting = CorrectionApplier(w.data_dir, settling, w)
    w.corrections = CorrectionsController(
        w.view, w.dialogs, w.store, w.loading.reopen_with, w.status.say, w,
        apply=lambda new, every: w.correcting.apply(w.library, w.loading.analyzer, new, every),
        settling=settling,
        under=lambda: getattr(w.loading.analyzer, "corrections", None),
    )
    w.mention_menus = MentionMenu(w)
    w.library_watch = LibraryWatcher(w.session, w.loading.reload, w.status.say, w)
    _build_menus(w)
    _build_toolbar(w)


def search_library(w: MainWindow) -> None:
    """Ctrl+Shift+F: the search panel, with a short selection as its query."""
    w.search_panel.activate()
    span = w.view.selected_span()
    if span and 0 < span[1] - span[0] <= SEARCH_SELECTION_CHARS:
        w.search_panel.search(w.view.text()[span[0] : span[1]])
    w.search_panel.focus_query()


def _build_panels(w: MainWindow) -> None:
    w.library_panel = LibraryPanel(w)
    w.entities_panel = EntitiesPanel(w)
    w.figures_panel = FiguresPanel(w)
    w.quotes_panel = QuotesPanel(w)
    w.card_panel = EntityCardPanel(w)
    w.mentions_panel = MentionsPanel(w.title_of, w)
    w.search_panel = SearchPanel(w.title_of, w)
    w.notes_dock = NotesDock(w.notes_repo, w)
    w.notes_panel = w.notes_dock.notes  # None without a store
    # The one table of panels: dock area and the shortcut that toggles it.
    w.panels: tuple[tuple[Panel, Qt.DockWidgetArea, str], ...] = (
        (w.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea, "Ctrl+1"),
        (w.entities_panel, Qt.DockWidgetArea.LeftDockWidgetArea, "Ctrl+2"),
        (w.figures_panel, Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+3"),
        (w.card_panel, Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+4"),
        (w.mentions_panel, Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+5"),
        (w.search_panel, Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+6"),
        (w.notes_dock, Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+7"),
        (w.quotes_panel, Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+8"),
    )
    for panel, area, _ in w.panels:
        w.addDockWidget(area, panel)
    # Default layout: library over entities on the left; figures, quotes, the entity card and
    # notes as tabs on the right; mentions and search results as tabs along the bottom.
    w.splitDockWidget(w.library_panel, w.entities_panel, Qt.Orientation.Vertical)
    w.tabifyDockWidget(w.figures_panel, w.quotes_panel)
    w.tabifyDockWidget(w.quotes_panel, w.card_panel)
    w.tabifyDockWidget(w.card_panel, w.notes_dock)
    w.tabifyDockWidget(w.mentions_panel, w.search_panel)
    w.figures_panel.raise_()
    w.mentions_panel.raise_()
    # Mentions and search results appear when asked for (selecting a name, Ctrl+Shift+F),
    # leaving the text its full height until then.
    w.mentions_panel.hide()
    w.search_panel.hide()
    w.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
    w.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    w.dock_sizes = DockSizes(
        w, w.view,
        left=(w.library_panel, w.entities_panel),
        right=(w.figures_panel, w.quotes_panel, w.card_panel, w.notes_dock),
        bottom=(w.mentions_panel, w.search_panel),
    )


def _build_actions(w: MainWindow) -> None:
    # File
    w.act_open_folder = make_action(w, "&Open Folder…", (QKeySequence.StandardKey.Open,), "open")
    w.act_open_files = make_action(w, "Open &Files…", ("Ctrl+Shift+O",))
    w.act_paste_article = make_action(w, "&Paste as New Article…", ("Ctrl+Shift+V",))
    w.act_show_errors = make_action(w, "Show &Skipped Files…")
    w.act_show_errors.setEnabled(False)
    w.act_quit = make_action(w, "&Quit", (QKeySequence.StandardKey.Quit,))
    # Edit
    w.act_copy = make_action(w, "&Copy", (QKeySequence.StandardKey.Copy,))
    w.act_copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the view's own Ctrl+C
    w.act_find = make_action(w, "&Find in Article…", (QKeySequence.StandardKey.Find,), "find")
    # F3 belongs to mention stepping; find next/previous keep Ctrl+G and Enter in the bar.
    w.act_find_next = make_action(w, "Find &Next", ("Ctrl+G",))
    w.act_find_previous = make_action(w, "Find Pre&vious", ("Ctrl+Shift+G",))
    w.act_focus_filter = make_action(w, "Filter &Library", ("Ctrl+L",))
    w.act_search = make_action(w, "&Search Library…", ("Ctrl+Shift+F",), "search")
    # Go
    w.act_back = make_action(w, "&Back", ("Alt+Left", QKeySequence.StandardKey.Back), "back")
    w.act_forward = make_action(w, "&Forward", ("Alt+Right", QKeySequence.StandardKey.Forward), "forward")
    w.act_next_article = make_action(w, "&Next Article", ("Ctrl+PgDown", "J"), "next-article")
    w.act_previous_article = make_action(w, "&Previous Article", ("Ctrl+PgUp", "K"), "previous-article")
    w.act_next_mention = make_action(w, "Next &Mention", ("F3",), "next-mention", tip="Next mention of the selected name, across articles")
    w.act_previous_mention = make_action(w, "Previous M&ention", ("Shift+F3",), "previous-mention", tip="Previous mention of the selected name")
    # View
    w.act_zoom_in = make_action(w, "Zoom &In", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), "zoom-in")
    w.act_zoom_out = make_action(w, "Zoom &Out", (QKeySequence.StandardKey.ZoomOut,), "zoom-out")
    w.act_zoom_reset = make_action(w, "&Actual Size", ("Ctrl+0",))
    w.act_serif = make_toggle(w, "&Serif Type", checked=True)
    w.theme_group = QActionGroup(w)
    w.theme_actions: dict[ThemeChoice, QAction] = {
        choice: make_toggle(w, label, choice is ThemeChoice.SYSTEM, choice.value)
        for choice, label in ((ThemeChoice.SYSTEM, "Follow &System"), (ThemeChoice.LIGHT, "&Light"), (ThemeChoice.DARK, "&Dark"))
    }
    for action in w.theme_actions.values():
        w.theme_group.addAction(action)
    # The legend: one toggle per entity type, drawn in the type's colour.
    w.type_actions: dict[EntityType, QAction] = {
        kind: make_toggle(w, ENTITY_LABELS[kind], True, kind.value, (f"Alt+{n}",), f"Show {ENTITY_LABELS[kind].lower()} names")
        for n, kind in enumerate(EntityType, start=1)
    }
    # Notes: enabled once an article is open and the store is there to keep them.
    w.act_add_note = make_action(w, "Add &Note…", ("Ctrl+Shift+N",), "note")
    w.act_add_highlight = make_action(w, "&Highlight Selection", ("Ctrl+Shift+H", "Ctrl+H"), "highlight")
    w.act_add_bookmark = make_action(w, "&Bookmark Here", ("Ctrl+D",), "bookmark")
    for action in (w.act_add_note, w.act_add_highlight, w.act_add_bookmark):
        action.setEnabled(False)
    # The view is read-only, so Ctrl+Z is free for the notes' undo.
    w.act_undo = make_action(w, "&Undo", ("Ctrl+Z",))
    w.act_redo = make_action(w, "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"))
    w.act_undo.setEnabled(False)
    w.act_redo.setEnabled(False)
    w.act_export_article = make_action(w, "Export Notes on This &Article (Markdown)…")
    w.act_export_library = make_action(w, "Export All &Notes (Markdown)…")
    w.act_export_w3c = make_action(w, "Export Annotations (&W3C JSON)…")
    w.act_import_w3c = make_action(w, "&Import Annotations (W3C JSON)…")
    for action in (w.act_export_article, w.act_export_library, w.act_export_w3c, w.act_import_w3c):
        action.setEnabled(w.notes_repo is not None)
    # Help
    w.act_about = make_action(w, "&About Reader")


def _build_menus(w: MainWindow) -> None:
    bar = w.menuBar()
    add_actions(bar.addMenu("&File"), (
        w.act_open_folder, w.act_open_files, w.act_paste_article, None, w.act_show_errors, None,
        w.act_export_article, w.act_export_library, w.act_export_w3c, w.act_import_w3c, None, w.act_quit,
    ))
    add_actions(bar.addMenu("&Edit"), (
        w.act_undo, w.act_redo, w.corrections.act_undo, w.corrections.act_redo, None, w.act_copy, None,
        w.act_find, w.act_find_next, w.act_find_previous, None, w.act_focus_filter, w.act_search,
    ))
    view_menu = bar.addMenu("&View")
    panels_menu = view_menu.addMenu("&Panels")
    for panel, _, shortcut in w.panels:
        toggle = panel.toggleViewAction()
        toggle.setShortcut(QKeySequence(shortcut))
        panels_menu.addAction(toggle)
    add_actions(view_menu.addMenu("&Entity Colours"), w.type_actions.values())
    add_actions(view_menu, (None, w.act_zoom_in, w.act_zoom_out, w.act_zoom_reset, None, w.act_serif))
    add_actions(view_menu.addMenu("&Theme"), w.theme_actions.values())
    add_actions(bar.addMenu("&Go"), (
        w.act_back, w.act_forward, None, w.act_previous_article, w.act_next_article, None,
        w.act_previous_mention, w.act_next_mention,
    ))
    notes_menu = bar.addMenu("&Notes")
    add_actions(notes_menu, (w.act_add_highlight, w.act_add_note, w.act_add_bookmark, None))
    w.bookmarks_menu = notes_menu.addMenu("Book&marks")
    add_actions(bar.addMenu("&Help"), (w.act_about,))


def _build_toolbar(w: MainWindow) -> None:
    w.toolbar = QToolBar("Toolbar", w)
    w.toolbar.setObjectName("mainToolbar")
    w.toolbar.setMovable(False)
    w.toolbar.setIconSize(QSize(20, 20))
    w.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, w.toolbar)
    add_actions(w.toolbar, (
        w.act_back, w.act_forward, None, w.act_previous_article, w.act_next_article, None,
        w.act_previous_mention, w.act_next_mention, None, w.act_zoom_out, w.act_zoom_in, w.act_find, w.act_search, None,
    ))
    w.toolbar.addWidget(QLabel("  Names:", w.toolbar))
    for action in w.type_actions.values():
        w.toolbar.addAction(action)
        button = w.toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
