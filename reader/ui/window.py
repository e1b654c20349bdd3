"""The main window: the reading view in the middle, panels as docks around it.

The window owns the navigation state (library, open article, history) and is the only place
that wires panels to the view: every connection is in ``_connect_signals``.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QShowEvent, QGuiApplication, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import reader
from reader.analysis.corrections import Corrections
from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analyzer, ArticleAnalyzer
from reader.errors import StoreUnavailable
from reader.library.library import EntitySummary, Library, MentionRef, SearchHit
from reader.library.cards import Card, CardDetails, article_entities, build_card, card_details
from reader.library.corpus import NOT_FOUND
from reader.library.links import Location
from reader.library.store import Store
from reader.notes.repository import AnnotationRepository
from reader.notes.undo import UndoStack
from reader.ui.dialogs.errors import LoadErrorsDialog
from reader.ui.findbar import FindBar
from reader.ui.fonts import INSTALL_HINT, has_cjk_font
from reader.ui.history import History, Place
from reader.ui.corrections import CorrectionsController
from reader.ui.names_layer import NamesLayer
from reader.ui.saved_state import SavedState
from reader.ui.session import ReadingSession
from reader.ui.theme_controller import ThemeController
from reader.ui.notes_controller import NotesController
from reader.ui.dialogs.ask import Dialogs
from reader.ui.display import plain_tooltip
from reader.ui.loader import LoadJob, Tools
from reader.ui.locations import LocationOpener
from reader.ui.models.articles import newest_first
from reader.ui.panels.base import Panel
from reader.ui.background import QueryRunner
from reader.ui.panels.card import EntityCardPanel
from reader.ui.panels.entities import EntitiesPanel
from reader.ui.panels.library import LibraryPanel
from reader.ui.panels.mentions import MentionsPanel
from reader.ui.panels.metrics import MetricsPanel
from reader.ui.panels.notes import NotesDock
from reader.ui.panels.search import SearchPanel
from reader.ui.stepping import locate, next_in_another_article, step
from reader.ui.theme import ENTITY_LABELS, ThemeChoice
from reader.ui.view import ArticleView

SETTINGS_FILE = "window.ini"
CARD_ARTICLES = 200  # the newest on the card; the mentions panel lists every one


def _card_details_job(library: Library, name: str) -> list[CardDetails]:
    return [card_details(library, name)]


def _distinct_keys(shortcuts: tuple[str | QKeySequence.StandardKey, ...]) -> list[QKeySequence]:
    """The key sequences of ``shortcuts``, standard keys expanded for this platform, each once:
    on Linux the standard Back key *is* Alt+Left, and a key given twice to one action makes Qt
    call it ambiguous and fire nothing (issue 17)."""
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        bound = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey) else [QKeySequence(shortcut)]
        for key in bound:
            if not key.isEmpty() and key not in keys:
                keys.append(key)
    return keys


class NoticeBar(QWidget):
    """A dismissable message across the top of the reading area (missing font, moved database)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        close.clicked.connect(self.hide)
        self.hide()

    def show_notice(self, html: str) -> None:
        current = self.label.text() if self.isVisible() else ""
        self.label.setText(f"{current}<br/>{html}" if current else html)
        self.show()


class MainWindow(QMainWindow):
    library_loaded = Signal(Library)
    article_opened = Signal(str)  # article key
    ready = Signal()  # the first library is in and its first article shown

    def __init__(
        self,
        store: Store | None,
        analyzer: ArticleAnalyzer,
        data_dir: Path | None,
        parent: QWidget | None = None,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self.dialogs = dialogs if dialogs is not None else Dialogs(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Reader")
        self.store = store
        self.analyzer = analyzer
        self.data_dir = data_dir
        self.settings = QSettings(str((data_dir or Path.home()) / SETTINGS_FILE), QSettings.Format.IniFormat)
        self.session = ReadingSession(self)
        self._summaries: dict[str, EntitySummary] = {}  # the library's, once counted
        self._newest_rank: dict[str, int] = {}
        self._paths: list[Path] = []
        self._card_runner = QueryRunner(self)
        self.open_file_request: str | None = None  # --open, applied when the library is in
        self._job: LoadJob | None = None
        # The statistical name layer, added after the fast layer has painted.
        self.names = NamesLayer(self)
        self._tools = Tools(None, None)
        self._ready = False
        self.themes = ThemeController(self)
        self.saved_state = SavedState(self)
        # Notes: one repository and one undo stack per store; none without a store.
        self.notes_repo = AnnotationRepository(store) if store is not None else None
        self.notes = NotesController(self)
        self.undo = UndoStack(self.notes_repo, on_change=self.notes.annotation_changed) if self.notes_repo is not None else None
        self.locations = LocationOpener(self)

        self._build_central()
        # Features with their own file: each owns its actions and is given what it needs.
        self.corrections = CorrectionsController(self.view, self.dialogs, store, self._reanalyse, self._report, self)
        self._build_panels()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect_signals()
        self.saved_state.restore()
        if not has_cjk_font():
            self.notice.show_notice(INSTALL_HINT)

    # ------------------------------------------------------------------ the session
    @property
    def library(self) -> Library | None:
        return self.session.library

    @property
    def current_key(self) -> str:
        return self.session.current_key

    @current_key.setter
    def current_key(self, key: str) -> None:
        self.session.current_key = key

    @property
    def selected_entity(self) -> str:
        return self.session.selected_entity

    @selected_entity.setter
    def selected_entity(self, name: str) -> None:
        self.session.select_entity(name)

    @property
    def paths(self) -> list[Path]:
        """The folders and files the library was opened from."""
        return list(self._paths)

    @property
    def history(self) -> History:
        return self.session.history

    # ------------------------------------------------------------------ construction
    def _build_central(self) -> None:
        central = QWidget(self)
        central.setObjectName("readingArea")
        self.notice = NoticeBar(central)
        self.view = ArticleView(central)
        self.view.setMinimumWidth(420)  # a narrow window shrinks the panels, not the text
        self.find_bar = FindBar(central)
        self.find_bar.hide()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.view.show_message("Opening library…")

    def _build_panels(self) -> None:
        self.library_panel = LibraryPanel(self)
        self.entities_panel = EntitiesPanel(self)
        self.metrics_panel = MetricsPanel(self)
        self.card_panel = EntityCardPanel(self)
        self.mentions_panel = MentionsPanel(self.title_of, self)
        self.search_panel = SearchPanel(self.title_of, self)
        self.notes_dock = NotesDock(self.notes_repo, self)
        self.notes_panel = self.notes_dock.notes  # None without a store
        # The one table of panels: dock area and the shortcut that toggles it.
        self.panels: tuple[tuple[Panel, Qt.DockWidgetArea, str], ...] = (
            (self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea, "Ctrl+1"),
            (self.entities_panel, Qt.DockWidgetArea.LeftDockWidgetArea, "Ctrl+2"),
            (self.metrics_panel, Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+3"),
            (self.card_panel, Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+4"),
            (self.mentions_panel, Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+5"),
            (self.search_panel, Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+6"),
            (self.notes_dock, Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+7"),
        )
        for panel, area, _ in self.panels:
            self.addDockWidget(area, panel)
        # Default layout: library over entities on the left; figures, the entity card and notes
        # as tabs on the right; mentions and search results as tabs along the bottom.
        self.splitDockWidget(self.library_panel, self.entities_panel, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.metrics_panel, self.card_panel)
        self.tabifyDockWidget(self.card_panel, self.notes_dock)
        self.tabifyDockWidget(self.mentions_panel, self.search_panel)
        self.metrics_panel.raise_()
        self.mentions_panel.raise_()
        # Mentions and search results appear when asked for (selecting a name, Ctrl+Shift+F),
        # leaving the text its full height until then.
        self.mentions_panel.hide()
        self.search_panel.hide()
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._layout_pending = True  # dock sizes are applied once the window has its size

    def _default_dock_sizes(self) -> None:
        self.resizeDocks([self.library_panel, self.metrics_panel], [310, 420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.library_panel, self.entities_panel], [470, 330], Qt.Orientation.Vertical)
        self.resizeDocks([self.mentions_panel], [170], Qt.Orientation.Vertical)

    def layout_restored(self) -> None:
        """The saved dock layout was applied: no default sizes on first show."""
        self._layout_pending = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._layout_pending:
            self._layout_pending = False
            QTimer.singleShot(0, self._default_dock_sizes)

    def _action(self, text: str, shortcuts: tuple[str | QKeySequence.StandardKey, ...] = (), icon_name: str = "", tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(_distinct_keys(shortcuts))
        if icon_name:
            action.setData(icon_name)
        if tip or shortcuts:
            keys = QKeySequence(shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText) if shortcuts else ""
            action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')}" + (f"  ({keys})" if keys else ""))
        self.addAction(action)  # shortcuts work with the menu bar hidden, too
        return action

    def _build_actions(self) -> None:
        # File
        self.act_open_folder = self._action("&Open Folder…", (QKeySequence.StandardKey.Open,), "open")
        self.act_open_files = self._action("Open &Files…", ("Ctrl+Shift+O",))
        self.act_show_errors = self._action("Show &Skipped Files…")
        self.act_show_errors.setEnabled(False)
        self.act_quit = self._action("&Quit", (QKeySequence.StandardKey.Quit,))
        # Edit
        self.act_copy = self._action("&Copy", (QKeySequence.StandardKey.Copy,))
        self.act_copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the view's own Ctrl+C
        self.act_find = self._action("&Find in Article…", (QKeySequence.StandardKey.Find,), "find")
        # F3 belongs to mention stepping; find next/previous keep Ctrl+G and Enter in the bar.
        self.act_find_next = self._action("Find &Next", ("Ctrl+G",))
        self.act_find_previous = self._action("Find Pre&vious", ("Ctrl+Shift+G",))
        self.act_focus_filter = self._action("Filter &Library", ("Ctrl+L",))
        self.act_search = self._action("&Search Library…", ("Ctrl+Shift+F",), "search")
        # Go
        self.act_back = self._action("&Back", ("Alt+Left", QKeySequence.StandardKey.Back), "back")
        self.act_forward = self._action("&Forward", ("Alt+Right", QKeySequence.StandardKey.Forward), "forward")
        self.act_next_article = self._action("&Next Article", ("Ctrl+PgDown", "J"), "next-article")
        self.act_previous_article = self._action("&Previous Article", ("Ctrl+PgUp", "K"), "previous-article")
        self.act_next_mention = self._action("Next &Mention", ("F3",), "next-mention", tip="Next mention of the selected name, across articles")
        self.act_previous_mention = self._action("Previous M&ention", ("Shift+F3",), "previous-mention", tip="Previous mention of the selected name")
        # View
        self.act_zoom_in = self._action("Zoom &In", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), "zoom-in")
        self.act_zoom_out = self._action("Zoom &Out", (QKeySequence.StandardKey.ZoomOut,), "zoom-out")
        self.act_zoom_reset = self._action("&Actual Size", ("Ctrl+0",))
        self.act_serif = self._action("&Serif Type")
        self.act_serif.setCheckable(True)
        self.act_serif.setChecked(True)
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[ThemeChoice, QAction] = {}
        for choice, label in ((ThemeChoice.SYSTEM, "Follow &System"), (ThemeChoice.LIGHT, "&Light"), (ThemeChoice.DARK, "&Dark")):
            action = self._action(label)
            action.setCheckable(True)
            action.setData(choice.value)
            self.theme_group.addAction(action)
            self.theme_actions[choice] = action
        self.theme_actions[ThemeChoice.SYSTEM].setChecked(True)
        # The legend: one toggle per entity type, drawn in the type's colour.
        self.type_actions: dict[EntityType, QAction] = {}
        for number, kind in enumerate(EntityType, start=1):
            action = self._action(ENTITY_LABELS[kind], (f"Alt+{number}",), tip=f"Show {ENTITY_LABELS[kind].lower()} names")
            action.setCheckable(True)
            action.setChecked(True)
            action.setData(kind.value)
            self.type_actions[kind] = action
        # Notes: enabled once an article is open and the store is there to keep them.
        self.act_add_note = self._action("Add &Note…", ("Ctrl+Shift+N",), "note")
        self.act_add_highlight = self._action("&Highlight Selection", ("Ctrl+Shift+H", "Ctrl+H"), "highlight")
        self.act_add_bookmark = self._action("&Bookmark Here", ("Ctrl+D",), "bookmark")
        for action in (self.act_add_note, self.act_add_highlight, self.act_add_bookmark):
            action.setEnabled(False)
        # The view is read-only, so Ctrl+Z is free for the notes' undo.
        self.act_undo = self._action("&Undo", ("Ctrl+Z",))
        self.act_redo = self._action("&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"))
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.act_export_article = self._action("Export Notes on This &Article (Markdown)…")
        self.act_export_library = self._action("Export All &Notes (Markdown)…")
        self.act_export_w3c = self._action("Export Annotations (&W3C JSON)…")
        self.act_import_w3c = self._action("&Import Annotations (W3C JSON)…")
        for action in (self.act_export_article, self.act_export_library, self.act_export_w3c, self.act_import_w3c):
            action.setEnabled(self.notes_repo is not None)
        # Help
        self.act_about = self._action("&About Reader")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.act_open_folder, self.act_open_files])
        file_menu.addSeparator()
        file_menu.addAction(self.act_show_errors)
        file_menu.addSeparator()
        file_menu.addActions([self.act_export_article, self.act_export_library, self.act_export_w3c])
        file_menu.addAction(self.act_import_w3c)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addActions([self.corrections.act_undo, self.corrections.act_redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_copy)
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_find, self.act_find_next, self.act_find_previous])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_focus_filter, self.act_search])
        view_menu = bar.addMenu("&View")
        panels_menu = view_menu.addMenu("&Panels")
        for panel, _, shortcut in self.panels:
            toggle = panel.toggleViewAction()
            toggle.setShortcut(QKeySequence(shortcut))
            panels_menu.addAction(toggle)
        self.toolbar_toggle_menu = panels_menu
        entity_menu = view_menu.addMenu("&Entity Colours")
        entity_menu.addActions(list(self.type_actions.values()))
        view_menu.addSeparator()
        view_menu.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset])
        view_menu.addSeparator()
        view_menu.addAction(self.act_serif)
        theme_menu = view_menu.addMenu("&Theme")
        theme_menu.addActions(list(self.theme_actions.values()))
        go_menu = bar.addMenu("&Go")
        go_menu.addActions([self.act_back, self.act_forward])
        go_menu.addSeparator()
        go_menu.addActions([self.act_previous_article, self.act_next_article])
        go_menu.addSeparator()
        go_menu.addActions([self.act_previous_mention, self.act_next_mention])
        self.go_menu = go_menu
        notes_menu = bar.addMenu("&Notes")
        notes_menu.addActions([self.act_add_highlight, self.act_add_note, self.act_add_bookmark])
        notes_menu.addSeparator()
        self.bookmarks_menu = notes_menu.addMenu("Book&marks")
        self.notes_menu = notes_menu
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Toolbar", self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.addActions([self.act_back, self.act_forward])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_previous_article, self.act_next_article])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_previous_mention, self.act_next_mention])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_zoom_out, self.act_zoom_in, self.act_find, self.act_search])
        self.toolbar.addSeparator()
        self.legend_label = QLabel("  Names:", self.toolbar)
        self.toolbar.addWidget(self.legend_label)
        for action in self.type_actions.values():
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.themes.paint_icons()

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.status_text = QLabel(status)
        self.progress = QProgressBar(status)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton(status)
        self.cancel_button.setText("Cancel")
        self.cancel_button.hide()
        self.errors_button = QToolButton(status)
        self.errors_button.setObjectName("statusErrors")
        self.errors_button.setAutoRaise(True)
        self.errors_button.hide()
        status.addWidget(self.status_text, 1)
        status.addPermanentWidget(self.errors_button)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)

    def _connect_signals(self) -> None:
        # file
        self.act_open_folder.triggered.connect(self._on_open_folder)
        self.act_open_files.triggered.connect(self._on_open_files)
        self.act_show_errors.triggered.connect(self.show_errors)
        self.errors_button.clicked.connect(self.show_errors)
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.act_quit.triggered.connect(self.close)
        # edit and find
        self.act_copy.triggered.connect(self.view.copy)
        self.act_find.triggered.connect(self._on_find)
        self.act_find_next.triggered.connect(self._on_find_next)
        self.act_find_previous.triggered.connect(self._on_find_previous)
        self.find_bar.query_changed.connect(self._on_find_query)
        self.find_bar.next_requested.connect(self._on_find_step)
        self.find_bar.closed.connect(self._on_find_closed)
        self.act_focus_filter.triggered.connect(self.library_panel.focus_filter)
        self.act_search.triggered.connect(self._on_search_action)
        # navigation
        self.act_back.triggered.connect(self.go_back)
        self.act_forward.triggered.connect(self.go_forward)
        self.act_next_article.triggered.connect(self.next_article)
        self.act_previous_article.triggered.connect(self.previous_article)
        self.library_panel.open_requested.connect(self._on_open_requested)
        self.act_next_mention.triggered.connect(self.next_mention)
        self.act_previous_mention.triggered.connect(self.previous_mention)
        # entities: the text, the entities panel, the card and the mentions list
        self.view.mention_menu_requested.connect(self._on_mention_menu)
        self.entities_panel.entity_selected.connect(self.select_entity)
        self.card_panel.entity_requested.connect(self.select_entity)
        self.card_panel.article_requested.connect(self._on_card_article)
        self.card_panel.figure_requested.connect(self._on_card_figure)
        self._card_runner.finished.connect(self._on_card_details)
        self.mentions_panel.open_requested.connect(self._on_mention_ref)
        self.search_panel.open_requested.connect(self._on_search_hit)
        # view appearance
        self.act_zoom_in.triggered.connect(self._on_zoom_in)
        self.act_zoom_out.triggered.connect(self._on_zoom_out)
        self.act_zoom_reset.triggered.connect(self._on_zoom_reset)
        self.act_serif.toggled.connect(self.view.set_serif)
        self.theme_group.triggered.connect(self.themes.on_theme_action)
        for action in self.type_actions.values():
            action.toggled.connect(self._on_type_toggled)
        style_hints = QGuiApplication.styleHints()
        style_hints.colorSchemeChanged.connect(self.themes.on_color_scheme_changed)
        # view ↔ panels
        self.view.entity_activated.connect(self.select_entity)
        self.view.metric_activated.connect(self.metrics_panel.select_metric)
        self.view.metric_hovered.connect(self._on_metric_hovered)
        self.metrics_panel.metric_selected.connect(self._on_metric_selected)
        self.view.history_requested.connect(self._on_history_requested)
        # notes: the view, the actions and the notes panel; every change goes through self.undo
        self.view.text_menu_requested.connect(self.notes.on_text_menu)
        self.view.text_clicked.connect(self.notes.on_text_clicked)
        self.act_add_highlight.triggered.connect(self.notes.add_highlight)
        self.act_add_note.triggered.connect(self.notes.add_note)
        self.act_add_bookmark.triggered.connect(self.notes.add_bookmark)
        self.act_undo.triggered.connect(self.notes.undo_note_change)
        self.act_redo.triggered.connect(self.notes.redo_note_change)
        self.bookmarks_menu.aboutToShow.connect(self.notes.fill_bookmarks_menu)
        self.bookmarks_menu.triggered.connect(self.notes.on_bookmark_chosen)
        self.act_export_article.triggered.connect(self.notes.export_article_notes)
        self.act_export_library.triggered.connect(self.notes.export_library_notes)
        self.act_export_w3c.triggered.connect(self.notes.export_w3c_annotations)
        self.act_import_w3c.triggered.connect(self.notes.import_w3c_annotations)
        if self.notes_panel is not None:
            self.notes_panel.open_requested.connect(self.notes.on_open_requested)
            self.notes_panel.edit_requested.connect(self.notes.edit_annotation)
            self.notes_panel.delete_requested.connect(self.notes.delete_annotation)
            self.notes_panel.reattach_requested.connect(self.notes.reattach_annotation)
            self.notes_panel.failed.connect(self.notes.on_failed)
        # help
        self.act_about.triggered.connect(self.show_about)

    # ------------------------------------------------------------------ state
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._remember_place()
        self.saved_state.save()
        if self._job is not None:
            self._job.wait()
        self.names.wait()
        self.search_panel.runner.wait()
        self._card_runner.wait()
        super().closeEvent(event)

    # ------------------------------------------------------------------ theme
    # ------------------------------------------------------------------ library
    def open_paths(self, paths: list[Path]) -> None:
        """Load a library in the background; the window stays usable meanwhile."""
        self.names.stop()
        if self._job is not None:
            self._job.cancel()
            self._job.loaded.disconnect(self._on_library_loaded)
        self._paths = list(paths)
        job = LoadJob(paths, self.data_dir, self.analyzer, self)
        job.progressed.connect(self._on_load_progress)
        job.loaded.connect(self._on_library_loaded)
        job.indexed.connect(self.show_library_entities)
        job.failed.connect(self._on_load_failed)
        job.warmed.connect(self._on_tools_warmed)
        self._job = job
        names = ", ".join(p.name or str(p) for p in paths)
        self.status_text.setText(f"Opening {names}…")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        if self.library is None:
            self.view.show_message(f"Opening {names}…")
        job.start()

    def open_location(self, location: Location) -> None:
        """Open a place (a reader:// link, a file, --open): its library, its article, its passage."""
        self.locations.open(location)

    def cancel_loading(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status_text.setText("Stopping…")

    def _on_load_progress(self, done: int, total: int, file: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total}")
        self.status_text.setText(f"Reading {file}")

    def _on_load_failed(self, message: str) -> None:
        self.status_text.setText(message)

    def _on_library_loaded(self, library: Library) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.set_library(library)
        self.names.start(library)

    def _on_tools_warmed(self, tools: Tools) -> None:
        self._tools = tools
        self.view.set_word_spans(tools.word_spans)
        self.view.set_describer(tools.describe)

    def set_library(self, library: Library) -> None:
        self._remember_place()
        self.session.set_library(library)  # the same article is shown afresh: its analysis may differ
        self._summaries = {}
        self._newest_rank = {a.key: i for i, a in enumerate(newest_first(library.articles))}
        previous_entity, self.selected_entity = self.selected_entity, ""
        self.view.highlight_entity(None)
        self.entities_panel.set_library_entities(None)
        self.search_panel.set_library(library)
        if self.notes_panel is not None:
            self.notes_panel.set_library(library.root, library.articles)
        self.card_panel.show_card(None)
        self.mentions_panel.set_mentions("", [], 0)
        read = self._read_positions()
        self.library_panel.set_articles(library.articles, set(read), self._note_counts(library.root))
        self.history.forget({a.key for a in library.articles})
        self._remember_library(library)
        self._show_errors_summary(library)
        cancelled = self._job is not None and self._job.cancelled
        self.status_text.setText(
            f"{len(library)} articles" + (" (stopped early)" if cancelled else "") + f" — {library.folders[0] if library.folders else ''}"
        )
        self.setWindowTitle(f"Reader — {library.name}")
        self.library_loaded.emit(library)
        key = self._initial_article(library)
        if key:
            self.open_article(key)
            if previous_entity and library.entity(previous_entity) is not None:
                self.select_entity(previous_entity)
        else:
            self.view.show_message(self._empty_library_message(library))
        if not self._ready:
            self._ready = True
            self.ready.emit()

    @staticmethod
    def _empty_library_message(library: Library) -> str:
        if library.articles:
            return "Choose an article."
        missing = [e.file for e in library.errors if e.message == NOT_FOUND]
        if missing and len(missing) == len(library.errors):
            return f"{missing[0]}: not found." + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
        return "No articles could be read here."

    def _initial_article(self, library: Library) -> str:
        wanted = self.open_file_request
        self.open_file_request = None
        if wanted:
            key = self._match_article(library, wanted)
            if key:
                return key
            self.status_text.setText(f"{wanted}: not in this library")
        last = self._setting(f"last_article:{library.root}")
        if last and last in library:
            return last
        keys = self.library_panel.visible_keys()
        return keys[0] if keys else ""

    @staticmethod
    def _match_article(library: Library, wanted: str) -> str:
        """``--open`` accepts the key, the path as given, or just the file name."""
        if wanted in library:
            return wanted
        name = Path(wanted).name
        for article in library.articles:
            if article.file == wanted or Path(article.key).name == name or (article.path and Path(article.path) == Path(wanted).resolve()):
                return article.key
        return ""

    def _show_errors_summary(self, library: Library) -> None:
        count = len(library.errors)
        self.act_show_errors.setEnabled(count > 0)
        self.errors_button.setVisible(count > 0)
        if count:
            first = library.errors[0]
            self.errors_button.setText(f"{count} file{'s' if count != 1 else ''} skipped")
            self.errors_button.setToolTip(
                plain_tooltip(f"{first.file}: {first.message}" + (f"\n… and {count - 1} more" if count > 1 else ""))
            )

    def show_errors(self) -> None:
        if self.library is not None and self.library.errors:
            self.dialogs.show(LoadErrorsDialog(self.library.errors, self))

    def _on_open_folder(self) -> None:
        folder = self.dialogs.ask_folder()
        if folder:
            self.open_paths([Path(folder)])

    def _on_open_files(self) -> None:
        files = self.dialogs.ask_files()
        if files:
            self.open_paths([Path(f) for f in files])

    # ------------------------------------------------------------------ store access
    def _setting(self, key: str) -> str | None:
        if self.store is None:
            return None
        return self.store.setting(key)

    def _note_counts(self, library: str) -> dict[str, int]:
        """Annotations per article, from the notes layer."""
        if self.notes_repo is None:
            return {}
        try:
            return dict(self.notes_repo.counts(library))
        except StoreUnavailable as error:
            self.status_text.setText(f"Could not count the notes: {error}")
            return {}

    def refresh_note_counts(self) -> None:
        """Re-count notes per article for the library list (after the notes layer changed one)."""
        if self.library is not None:
            self.library_panel.model.set_note_counts(self._note_counts(self.library.root))

    def _store_write(self, method: str, *args: object) -> None:
        """A store write triggered by the user's reading; failures go to the status bar."""
        if self.store is None:
            return
        try:
            getattr(self.store, method)(*args)
        except StoreUnavailable as error:
            self.status_text.setText(f"Could not save reading state: {error}")

    def _read_positions(self) -> dict[str, int]:
        if self.store is None or self.library is None:
            return {}
        return self.store.read_keys(self.library.root)

    def _remember_library(self, library: Library) -> None:
        paths = [str(p) for p in library.folders]
        self._store_write("set_setting", "last_library", json.dumps(paths, ensure_ascii=False))

    def _remember_place(self) -> None:
        """Save where the reader is in the open article (reading position, last article)."""
        if self.library is None or not self.current_key or self.view.article is None:
            return
        top = self.view.top_offset()
        self.history.update(self._place())
        self._store_write("mark_read", self.library.root, self.current_key, top)
        self._store_write("set_setting", f"last_article:{self.library.root}", self.current_key)

    def _place(self) -> Place:
        span = self.view.selected_span()
        start, end = span if span else (self.view.cursor_offset(), self.view.cursor_offset())
        return Place(self.current_key, self.view.top_offset(), start, end)

    # ------------------------------------------------------------------ articles
    def open_article(self, key: str, span: tuple[int, int] | None = None, record: bool = True, top: int | None = None) -> bool:
        """Show article ``key``; with ``span``, scroll to it, select and flash it."""
        if self.library is None or key not in self.library:
            return False
        if key != self.current_key:
            self._remember_place()
            article = self.library.article(key)
            self.view.set_article(article, self.library.analysis(key))
            self.session.set_article(key)
            self.metrics_panel.set_metrics(self.view.analysis.metrics)
            self.entities_panel.set_article_entities(self.article_entities_here())
            self.library_panel.set_current(key)
            if self.selected_entity:
                self.view.highlight_entity(self.selected_entity)
            self.setWindowTitle(f"{article.title} — Reader")
            if self.find_bar.isVisible() and self.find_bar.edit.text():
                self._on_find_query(self.find_bar.edit.text())
        elif record:
            self.history.update(self._place())
        if span is not None:
            self.view.go_to(*span)
        elif top is not None:
            self.view.set_top_offset(top)
        elif record:
            self.view.set_top_offset(self._read_positions().get(key, 0))
        if record:
            self.history.visit(self._place())
        self._mark_mention_row()
        self._store_write("mark_read", self.library.root, key, self.view.top_offset())
        self._store_write("set_setting", f"last_article:{self.library.root}", key)
        self._update_navigation()
        self.article_opened.emit(key)
        return True

    def _on_open_requested(self, key: str) -> None:
        self.open_article(key)

    def next_article(self) -> None:
        key = self.library_panel.neighbour(self.current_key, +1)
        if key:
            self.open_article(key)

    def previous_article(self) -> None:
        key = self.library_panel.neighbour(self.current_key, -1)
        if key:
            self.open_article(key)

    def go_back(self) -> None:
        self.history.update(self._place())
        place = self.history.back()
        if place is not None:
            self._go_to_place(place)

    def go_forward(self) -> None:
        self.history.update(self._place())
        place = self.history.forward()
        if place is not None:
            self._go_to_place(place)

    def _go_to_place(self, place: Place) -> None:
        self.open_article(place.article, record=False, top=place.top)
        if place.end > place.start:
            self.view.select_span(place.start, place.end, scroll=False)
        self.view.set_top_offset(place.top)
        self._update_navigation()

    def _on_history_requested(self, step: int) -> None:
        if step < 0:
            self.go_back()
        else:
            self.go_forward()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.BackButton:
            self.go_back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.go_forward()
        else:
            super().mousePressEvent(event)

    def _update_navigation(self) -> None:
        self.act_back.setEnabled(self.history.can_go_back())
        self.act_forward.setEnabled(self.history.can_go_forward())
        self.act_next_article.setEnabled(self.library_panel.neighbour(self.current_key, +1) is not None)
        self.act_previous_article.setEnabled(self.library_panel.neighbour(self.current_key, -1) is not None)

    # ------------------------------------------------------------------ view slots
    def _on_zoom_in(self) -> None:
        self.view.set_zoom(self.view.zoom() + 1)

    def _on_zoom_out(self) -> None:
        self.view.set_zoom(self.view.zoom() - 1)

    def _on_zoom_reset(self) -> None:
        self.view.set_zoom(0)

    def _on_type_toggled(self, checked: bool) -> None:
        hidden = frozenset(kind for kind, action in self.type_actions.items() if not action.isChecked())
        self.view.set_hidden_types(hidden)

    # ------------------------------------------------------------------ entities
    def select_entity(self, name: str) -> None:
        """Make ``name`` the selected entity: its mentions marked in the text, its card and its
        mentions across the library shown, F3 stepping through them."""
        if self.library is None or not name:
            return
        self.selected_entity = name
        count = self.view.highlight_entity(name)
        mentions = self.library.mentions_of(name)
        card = self._card(name)
        self.mentions_panel.set_mentions(name, mentions, card.article_count if card is not None else 0)
        self.entities_panel.select(name)
        self.card_panel.show_card(card)
        self._card_runner.submit(partial(_card_details_job, self.library, name))
        self.card_panel.raise_()  # in front of the figures tab it shares
        if self.mentions_panel.isHidden():
            self.mentions_panel.show()
        self.mentions_panel.raise_()
        self._mark_mention_row()
        self.act_next_mention.setEnabled(len(mentions) > 0)
        self.act_previous_mention.setEnabled(len(mentions) > 0)
        self.status_text.setText(f"{name}: {count} here, {len(mentions)} in the library — F3 for the next")

    def _card(self, name: str) -> Card | None:
        assert self.library is not None
        summary = self._summaries.get(name) or self.library.entity(name)
        if summary is None:
            return None
        description = self._tools.describe(name) if self._tools.describe is not None else ""
        ready = self._tools.describe is not None and isinstance(self.analyzer, Analyzer)
        known = self.analyzer.recognizer.entity(name) if ready else None
        return build_card(
            self.library, summary, known, description, self._newest_rank, self.entity_notes(name), CARD_ARTICLES
        )

    def entity_notes(self, name: str) -> tuple[str, ...]:
        """The user's notes on the entity, for its card."""
        if self.notes_repo is None or self.library is None:
            return ()
        try:
            notes = self.notes_repo.for_entity(self.library.root, name)
        except StoreUnavailable as error:
            self.status_text.setText(f"Could not read the notes on {name}: {error}")
            return ()
        return tuple(n.note for n in notes if n.note)

    def article_entities_here(self) -> list[EntitySummary]:
        """The open article's names, with their mentions here and their articles library-wide."""
        return article_entities(self.view.analysis.mentions, self._summaries, self.current_key)

    def show_library_entities(self, library: Library) -> None:
        if library is not self.library:
            return
        summaries = library.entities()
        self._summaries = {s.name: s for s in summaries}
        self.entities_panel.set_library_entities(summaries)
        self.entities_panel.set_article_entities(self.article_entities_here())

    def _here(self) -> tuple[int, int]:
        """Where the reader is, for stepping: (article position, offset)."""
        assert self.library is not None
        span = self.view.selected_span()
        offset = span[0] if span else self.view.cursor_offset()
        return self.library.position(self.current_key), offset

    def next_mention(self) -> None:
        self._step_mention(forward=True)

    def previous_mention(self) -> None:
        self._step_mention(forward=False)

    def _step_mention(self, forward: bool) -> None:
        if self.library is None:
            return
        if not self.selected_entity:
            if self.find_bar.isVisible():  # F3 without a selected name: find next, as usual
                self._on_find_step(not forward)
            else:
                self.status_text.setText("Select a name first (click it in the text), then F3 steps through its mentions.")
            return
        refs = self.library.mentions_of(self.selected_entity)
        index = step(refs, self.library.position, self._here(), forward)
        if index is None:
            return
        ref = refs[index]
        wrapped = (self.library.position(ref.article), ref.start) <= self._here() if forward else (self.library.position(ref.article), ref.start) >= self._here()
        self.open_article(ref.article, span=(ref.start, ref.end))
        self.mentions_panel.select_row(index)
        self.status_text.setText(
            f"{self.selected_entity}: mention {index + 1} of {len(refs)}" + (" (wrapped around)" if wrapped else "")
        )

    def _mark_mention_row(self) -> None:
        if self.library is None or not self.selected_entity:
            return
        span = self.view.selected_span()
        if span is not None:
            row = locate(self.library.mentions_of(self.selected_entity), self.library.position, self.current_key, span[0])
            self.mentions_panel.select_row(row)

    def _on_mention_ref(self, ref: MentionRef) -> None:
        self.open_article(ref.article, span=(ref.start, ref.end))

    def _on_search_hit(self, hit: SearchHit) -> None:
        self.open_article(hit.article, span=(hit.start, hit.end))

    def _on_card_article(self, key: str) -> None:
        """Open an article from the card at the entity's first mention in it."""
        if self.library is None:
            return
        refs = self.library.mentions_of(self.selected_entity)
        index = step(refs, self.library.position, (self.library.position(key), -1), forward=True, wrap=False)
        if index is not None and refs[index].article == key:
            self.open_article(key, span=(refs[index].start, refs[index].end))
        else:
            self.open_article(key)

    def _on_card_details(self, result: list) -> None:
        self.card_panel.show_details(result[0])

    def _on_card_figure(self, key: str, start: int, end: int) -> None:
        self.open_article(key, span=(start, end))

    def _on_search_action(self) -> None:
        self.search_panel.show()
        self.search_panel.raise_()
        span = self.view.selected_span()
        if span and 0 < span[1] - span[0] <= 20:
            self.search_panel.search(self.view.text()[span[0] : span[1]])
        self.search_panel.focus_query()

    def go_to_next_article_mentioning(self, name: str) -> None:
        """The first mention of ``name`` in the next article (library order) that has one."""
        if self.library is None:
            return
        refs = self.library.mentions_of(name)
        index = next_in_another_article(refs, self.library.position, self.current_key)
        if index is None:
            self.status_text.setText(f"No other article names {name}.")
            return
        self.selected_entity = name
        self.open_article(refs[index].article, span=(refs[index].start, refs[index].end))
        self.select_entity(name)

    def show_all_mentions(self, name: str) -> None:
        self.select_entity(name)
        self.mentions_panel.show()
        self.mentions_panel.raise_()

    # mention context menu and corrections
    def _on_mention_menu(self, mention: Mention, where: QPoint) -> None:
        menu = self.mention_menu(mention)
        self.popup(menu, where)
        menu.deleteLater()

    def popup(self, menu: QMenu, where: QPoint) -> None:
        """Menus open through here so tests can trigger their actions instead."""
        menu.exec(where)

    def mention_menu(self, mention: Mention) -> QMenu:
        menu = QMenu(self)
        name = mention.entity
        title = menu.addAction(f"{name} · {ENTITY_LABELS[mention.type]}")
        title.setEnabled(False)
        menu.addSeparator()
        show = menu.addAction("Show All Mentions")
        show.setData(("show", name))
        next_elsewhere = menu.addAction("Go to Next in Another Article")
        next_elsewhere.setData(("next", name))
        card = menu.addAction("Open Entity Card")
        card.setData(("card", name))
        if self.notes_repo is not None:
            note = menu.addAction(f"Add Note on {name}…")
            note.setData(("entity_note", name))
            self.notes.add_highlight_items(menu, mention.start)
        menu.addSeparator()
        self.corrections.add_correction_menu(menu, mention)
        menu.triggered.connect(self._on_mention_menu_action)
        return menu

    def _on_mention_menu_action(self, action: QAction) -> None:
        data = action.data()
        if not isinstance(data, tuple):
            return
        if self.corrections.handle(action):
            return
        what, name = data[0], data[1]
        if what == "show":
            self.show_all_mentions(name)
        elif what == "next":
            self.go_to_next_article_mentioning(name)
        elif what == "card":
            self.select_entity(name)
            self.card_panel.show()
            self.card_panel.raise_()
        elif what == "entity_note":
            self.notes.add_entity_note(name)
        elif what in ("edit", "delete"):
            self.notes.on_menu_action(action)

    def _reanalyse(self, corrections: Corrections) -> bool:
        """Open the library again with the analyzer under ``corrections``, at the same article."""
        if not isinstance(self.analyzer, Analyzer):
            self.status_text.setText("This analyzer takes no corrections.")
            return False
        self.analyzer = self.analyzer.with_corrections(corrections)
        self.open_file_request = self.current_key
        self.open_paths(self._paths)
        return True

    def _on_metric_hovered(self, index: int) -> None:
        self.metrics_panel.set_hovered(index)

    def _on_metric_selected(self, index: int) -> None:
        metrics = self.view.analysis.metrics
        if 0 <= index < len(metrics):
            self.view.go_to(metrics[index].start, metrics[index].end)
            self.view.highlight_metric(index)

    # find in page
    def _on_find(self) -> None:
        span = self.view.selected_span()
        selected = self.view.text()[span[0] : span[1]] if span and span[1] - span[0] < 40 else ""
        self.find_bar.open(selected)
        self._on_find_query(self.find_bar.edit.text())

    def _on_find_query(self, query: str) -> None:
        total = self.view.find_all(query)
        index = 0
        if total:
            index, total = self.view.find_next()
        self.find_bar.show_count(index, total)

    def _on_find_step(self, backward: bool) -> None:
        index, total = self.view.find_next(backward)
        self.find_bar.show_count(index, total)

    def _on_find_next(self) -> None:
        if not self.find_bar.isVisible():
            self._on_find()
        else:
            self._on_find_step(False)

    def _on_find_previous(self) -> None:
        if self.find_bar.isVisible():
            self._on_find_step(True)

    def _on_find_closed(self) -> None:
        self.view.find_all("")
        self.view.setFocus()

    # ------------------------------------------------------------------ help
    def show_about(self) -> None:
        self.dialogs.message(
            "About Reader",
            f"<h3>Reader {reader.__version__}</h3>"
            "<p>A desktop reader for Chinese business and technology news that understands "
            "what it shows: who is named, which figures are given, and where else they appear.</p>",
        )

    def title_of(self, key: str) -> str:
        if self.library is None or key not in self.library:
            return key
        article = self.library.article(key)
        return f"{article.title}  ·  {article.date}" if article.date else article.title

    def _report(self, message: str) -> None:
        self.status_text.setText(message)

    def status_message(self) -> str:
        return self.status_text.text()

    def menus(self) -> list[QMenu]:
        return [a.menu() for a in self.menuBar().actions() if a.menu() is not None]
