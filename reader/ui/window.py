"""The main window: the reading view in the middle, panels as docks around it, and the
features that work between them.

The window builds the widgets, the actions and the features, and wires them in one place
(``_connect_reading``, ``_connect_signals``); it holds no feature logic. The reading view and
what opens an article in it are built first; the panels, actions, menus and the features
between them (ui/workspace.py) are built by ``furnish``, which the app's window runs once its
first article is painted (issue 18, point 1: their modules load only then).

What is being read is the session's (ui/session.py), which announces ``library_changed``, ``article_changed(new, previous)`` and
``entity_selected``; each feature is a controller of its own file that listens to it:
loading (ui/loading.py), articles and history (ui/navigation.py), names and the card
(ui/entity_navigation.py), the mention menu (ui/mention_menu.py), find (ui/find_controller.py),
notes, corrections, the name model, theme and saved state.
"""

from __future__ import annotations

import importlib
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QVBoxLayout, QWidget

import reader
from reader.analysis.model import Mention
from reader.analysis.pipeline import Analyzer, ArticleAnalyzer
from reader.library.library import Library
from reader.library.quotes import quotes_in
from reader.library.links import Location
from reader.library.store import Store
from reader.notes.repository import AnnotationRepository
from reader.ui.after_paint import AfterPaint
from reader.ui.dialogs.ask import Dialogs
from reader.ui.findbar import FindBar
from reader.ui.fonts import INSTALL_HINT, has_cjk_font
from reader.ui.loading import LoadingController, empty_library_message
from reader.ui.locations import LocationOpener
from reader.ui.names_layer import NamesLayer
from reader.ui.navigation import NavigationController
from reader.ui.notice import NoticeBar
from reader.ui.reading_state import ReadingState
from reader.ui.saved_state import SavedState
from reader.ui.session import ReadingSession
from reader.ui.status import StatusBar
from reader.ui.theme_controller import ThemeController
from reader.ui.view import ArticleView

if TYPE_CHECKING:  # built by ui/workspace.py once the article is painted
    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QToolBar

    from reader.analysis.model import EntityType
    from reader.notes.undo import UndoStack
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
    from reader.ui.panels.notes import NotesDock, NotesPanel
    from reader.ui.panels.quotes import QuotesPanel
    from reader.ui.panels.search import SearchPanel
    from reader.ui.reprints_controller import ReprintsController
    from reader.ui.theme import ThemeChoice

SETTINGS_FILE = "window.ini"
# From this many articles a handed-over library is taken in one turn of the event loop and its
# article opened in the next (~5 ms of the GUI thread per 1000 articles, then ~50 ms of layout).
HAND_OVER_IN_TWO_TURNS = 2000
# The panels are built once the first article is painted, or after this long if the library is
# slow to come (a first index): its list and progress must not wait for it.
PANELS_AT_THE_LATEST_MS = 300


# The app's own modules the workspace imports, loaded one a turn of the event loop once the first
# article is painted, the workspace last (issue 18: loaded in the turn that builds the panels they
# were ~0.1 s of its ~0.25 s on a reopen of 10k articles). tests/ui keeps the list whole.
WORKSPACE_IMPORTS = (
    "reader.notes.undo", "reader.ui.actions", "reader.ui.correcting", "reader.ui.corrections",
    "reader.ui.dock_sizes", "reader.ui.entity_navigation", "reader.ui.find_controller",
    "reader.ui.library_watch", "reader.ui.mention_menu", "reader.ui.notes_controller",
    "reader.ui.notes_transfer", "reader.ui.panels.base", "reader.ui.panels.card",
    "reader.ui.panels.entities", "reader.ui.panels.figures", "reader.ui.panels.library",
    "reader.ui.panels.mentions", "reader.ui.panels.notes", "reader.ui.panels.quotes",
    "reader.ui.panels.search", "reader.ui.reprints_controller", "reader.ui.theme", "reader.ui.workspace",
)


@cache
def _workspace() -> ModuleType:
    """The panels, actions and features around the reading view (issue 18, point 1: loaded
    after the article is painted)."""
    from reader.ui import workspace

    return workspace


class MainWindow(QMainWindow):
    library_loaded = Signal(Library)  # a library is in and its article to read shown
    article_opened = Signal(str)  # article key
    ready = Signal()  # the first library is in, its first article shown, and the panels built
    # Built by ui/workspace.py (``furnish``): the panels, the actions (and every ``act_*``), the
    # features between them.
    library_panel: LibraryPanel
    entities_panel: EntitiesPanel
    figures_panel: FiguresPanel
    quotes_panel: QuotesPanel
    card_panel: EntityCardPanel
    mentions_panel: MentionsPanel
    search_panel: SearchPanel
    notes_dock: NotesDock
    notes_panel: NotesPanel | None
    panels: tuple[tuple[Panel, Qt.DockWidgetArea, str], ...]
    dock_sizes: DockSizes
    theme_group: QActionGroup
    theme_actions: dict[ThemeChoice, QAction]
    type_actions: dict[EntityType, QAction]
    bookmarks_menu: QMenu
    toolbar: QToolBar
    notes: NotesController
    undo: UndoStack | None
    notes_transfer: NotesTransfer
    entities: EntityNavigator
    reprints: ReprintsController
    find: FindController
    correcting: CorrectionApplier
    corrections: CorrectionsController
    mention_menus: MentionMenu
    library_watch: LibraryWatcher

    def __init__(
        self,
        store: Store | None,
        analyzer: ArticleAnalyzer,
        data_dir: Path | None,
        parent: QWidget | None = None,
        dialogs: Dialogs | None = None,
        panels_later: bool = False,
    ) -> None:
        """The reading view and what opens an article in it; the rest (``furnish``) at once, or
        with ``panels_later`` once the first article is painted (issue 18: the app's launch)."""
        super().__init__(parent)
        self.dialogs = dialogs if dialogs is not None else Dialogs(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Reader")
        self.store = store
        self.data_dir = data_dir
        self.settings = QSettings(str((data_dir or Path.home()) / SETTINGS_FILE), QSettings.Format.IniFormat)
        if isinstance(self.dialogs, Dialogs):
            self.dialogs.use_settings(self.settings)  # file dialogs start where the last one ended
        self.session = ReadingSession(self)
        self._ready = False
        self._library_to_open: Library | None = None  # handed over, its article not yet opened
        self._entity_to_keep = ""  # the name selected before it, selected again if it has it
        self._open_after_paint = AfterPaint(self._open_first_article, self)
        self.furnished = False  # the panels, actions and features around the view are built
        self._untold = False  # built, and not yet told the library and article shown before
        self._shown_unannounced: Library | None = None  # shown before the panels were built
        self._furnish_after_paint = AfterPaint(self._furnish_in_turns, self)
        self._layout_pending = True  # dock sizes are applied once the window has its size
        # Notes: one repository and one undo stack per store; none without a store.
        self.notes_repo = AnnotationRepository(store) if store is not None else None

        self._build_status_bar()
        self._build_central()
        # What opens an article in the view; each is given what it needs and listens to the session.
        reading_state = ReadingState(store, self.status.say)
        self.loading = LoadingController(analyzer, data_dir, reading_state, self.session, self.view, self.status, self.dialogs, self)
        self.navigation = NavigationController(self.session, self.view, None, reading_state, self._note_counts, self, self.status.say)
        self.names = NamesLayer(self)  # the statistical name layer, added after the fast layer has painted
        self.themes = ThemeController(self)
        self.saved_state = SavedState(self)
        self.locations = LocationOpener(self)  # reader:// links, files, --open
        self._connect_reading()
        self.saved_state.restore_view()
        if not has_cjk_font():
            self.notice.show_notice(INSTALL_HINT)
        if panels_later:
            QTimer.singleShot(PANELS_AT_THE_LATEST_MS, self._furnish_in_turns)
        else:
            self.furnish()

    def furnish(self) -> None:
        """Build the panels, actions, menus and toolbar and the features between them, restore
        their layout, and tell them what is being read (issue 18, point 1: the app's window
        paints its article first, these modules loaded only then)."""
        self._build_panels()
        self._tell_panels()

    def _build_panels(self) -> None:
        """The panels, actions and menus, laid out and shown, not yet told what is read."""
        if self.furnished:
            return
        self.furnished = True
        self._untold = True
        _workspace().build(self)
        self.navigation.show_in(self.library_panel)
        self.saved_state.restore_layout()
        self.themes.show_in_window()
        self._connect_signals()
        self.setAcceptDrops(True)  # folders and files dropped on the window join the library
        if self.isVisible():
            for panel, _, _ in self.panels:  # Qt shows a dock added to a shown window in a queued call:
                if not panel.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                    panel.show()  # now, so that a close in this turn saves it shown
            self._size_docks()

    def _tell_panels(self) -> None:
        """The library and article read, said to the panels built after they were shown."""
        if not self._untold:
            return
        self._untold = False
        self.session.announce()
        self._update_navigation()
        shown, self._shown_unannounced = self._shown_unannounced, None
        if shown is not None and shown is self.library:
            self._announce_shown(shown)

    def _furnish_in_turns(self) -> None:
        """Once the first article is painted: the workspace's modules one a turn, each after the
        paints asked before it, then the panels (built and shown in one turn, told what is read
        in the next: at 10k articles the two held the GUI thread over 100 ms together), so
        that no one turn holds the GUI thread for all of it."""
        if not self._untold and self.furnished:
            return
        pending = next((name for name in WORKSPACE_IMPORTS if name not in sys.modules), None)
        if pending is not None:
            importlib.import_module(pending)
        elif not self.furnished:
            self._build_panels()
        else:
            self._tell_panels()
            return
        self._furnish_after_paint.request()

    def _note_counts(self, root: str) -> dict[str, int]:
        return self.notes.note_counts(root)

    # ------------------------------------------------------------------ the session
    @property
    def library(self) -> Library | None:
        return self.session.library

    @property
    def current_key(self) -> str:
        return self.session.current_key

    @property
    def selected_entity(self) -> str:
        return self.session.selected_entity

    @property
    def open_file_request(self) -> str | None:
        """The article to show when the library is in (``--open``)."""
        return self.loading.open_request

    @open_file_request.setter
    def open_file_request(self, wanted: str | None) -> None:
        self.loading.open_request = wanted

    # ------------------------------------------------------------------ construction
    def _build_central(self) -> None:
        central = QWidget(self)
        central.setObjectName("readingArea")
        self.notice = NoticeBar(central)
        self.view = ArticleView(central)
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

    def _default_dock_sizes(self) -> None:
        self.resizeDocks([self.library_panel, self.entities_panel], [470, 330], Qt.Orientation.Vertical)
        self.dock_sizes.apply()

    def layout_restored(self) -> None:
        """The saved dock layout was applied: its panels' shares are the user's."""
        self._layout_pending = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.furnished:
            self._size_docks()

    def _size_docks(self) -> None:
        first = self._layout_pending
        self._layout_pending = False
        QTimer.singleShot(0, self._default_dock_sizes if first else self.dock_sizes.keep_current)

    def _build_status_bar(self) -> None:
        self.status = StatusBar(self)
        self.setStatusBar(self.status)

    def _connect_reading(self) -> None:
        """What the first article needs: the loader, the names layer and the status bar."""
        self.status.errors_requested.connect(self.loading.show_errors)
        self.status.cancel_requested.connect(self.loading.cancel)
        # loading: a new load stops the name model's pass over the old library; a loaded one
        # is shown first, then the model starts on it (the names layer hears of the library
        # before the window shows it, which may be at once or in the next turn)
        self.loading.started.connect(self.names.stop)
        self.loading.listed.connect(self.set_library)  # a large library's stored list, while it is read
        self.loading.loaded.connect(self.names.start)
        self.loading.loaded.connect(self.set_library)
        self.library_loaded.connect(self.names.on_library_shown)
        self.library_loaded.connect(self.loading.on_library_shown)  # then the loader warms up
        self.session.article_changed.connect(self._on_article_changed)
        self.navigation.article_opened.connect(self.article_opened)

    def _connect_signals(self) -> None:
        """The panels, actions and features around the view (``furnish``)."""
        # file
        self.act_open_folder.triggered.connect(self.loading.ask_folder)
        self.act_open_files.triggered.connect(self.loading.ask_files)
        self.act_paste_article.triggered.connect(  # the clipboard as a new article, under a title asked for
            lambda: self.library_watch.paste_clipboard(lambda line: self.dialogs.ask_text("Paste as New Article", "Title of the article:", line))
        )
        self.act_show_errors.triggered.connect(self.loading.show_errors)
        self.act_quit.triggered.connect(self.close)
        # loading and corrections
        self.correcting.started.connect(self.entities.stop_card_details)  # its library is going
        self.correcting.applied.connect(self._on_corrected)
        self.session.library_changed.connect(self.corrections.on_library_changed)
        self.session.library_changed.connect(self._on_library_changed)
        self.loading.indexed.connect(self.entities.show_library_entities)
        self.loading.indexed.connect(self.reprints.on_indexed)
        self.session.library_changed.connect(self.search_panel.set_library)
        self.session.library_changed.connect(self.loading.report_loaded)  # last: the status bar's last word
        # edit and find
        self.act_copy.triggered.connect(self.view.copy)
        self.act_find.triggered.connect(self.find.open)
        self.act_find_next.triggered.connect(self.find.find_next)
        self.act_find_previous.triggered.connect(self.find.find_previous)
        self.act_focus_filter.triggered.connect(self.library_panel.focus_filter)
        self.act_search.triggered.connect(self._on_search_action)
        # articles and history
        self.act_back.triggered.connect(self.navigation.go_back)
        self.act_forward.triggered.connect(self.navigation.go_forward)
        self.act_next_article.triggered.connect(self.navigation.next_article)
        self.act_previous_article.triggered.connect(self.navigation.previous_article)
        self.library_panel.open_requested.connect(self.navigation.open_article)
        self.view.history_requested.connect(self.navigation.go)
        self.session.article_changed.connect(self.library_panel.set_current)
        self.session.article_changed.connect(self._show_article_panels)
        self.navigation.article_opened.connect(self._update_navigation)
        self.view.header.copy_requested.connect(self.reprints.on_copy_requested)  # "Also published by …"
        # names: the text, the entities panel, the card, the mentions list and search results
        self.act_next_mention.triggered.connect(self.entities.next_mention)
        self.act_previous_mention.triggered.connect(self.entities.previous_mention)
        self.view.entity_activated.connect(self.entities.select)
        self.view.mention_menu_requested.connect(self.mention_menus.on_requested)
        self.entities_panel.entity_selected.connect(self.entities.select)
        self.card_panel.entity_requested.connect(self.entities.select)
        self.card_panel.article_requested.connect(self.entities.open_card_article)
        self.card_panel.figure_requested.connect(self.entities.open_card_figure)
        self.card_panel.quote_requested.connect(self.entities.open_card_quote)
        self.mentions_panel.open_requested.connect(self.entities.open_mention)
        self.search_panel.open_requested.connect(self.entities.open_search_hit)
        # figures: the text and the figures panel
        self.view.figure_activated.connect(self.figures_panel.select_figure)
        self.view.figure_hovered.connect(self.figures_panel.set_hovered)
        self.figures_panel.figure_selected.connect(self._on_figure_selected)
        # quotes: the quotes panel shows one in the text
        self.quotes_panel.quote_selected.connect(self.view.go_to)
        # view appearance
        self.act_zoom_in.triggered.connect(self._on_zoom_in)
        self.act_zoom_out.triggered.connect(self._on_zoom_out)
        self.act_zoom_reset.triggered.connect(self._on_zoom_reset)
        self.act_serif.toggled.connect(self.view.set_serif)
        self.theme_group.triggered.connect(self.themes.on_theme_action)
        for action in self.type_actions.values():
            action.toggled.connect(self._on_type_toggled)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.themes.on_color_scheme_changed)
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
        self.act_export_article.triggered.connect(self.notes_transfer.export_article_notes)
        self.act_export_library.triggered.connect(self.notes_transfer.export_library_notes)
        self.act_export_w3c.triggered.connect(self.notes_transfer.export_w3c_annotations)
        self.act_import_w3c.triggered.connect(self.notes_transfer.import_w3c_annotations)
        self.notes_transfer.imported.connect(self.notes.on_imported)
        if self.notes_panel is not None:
            self.notes_panel.open_requested.connect(self.notes.on_open_requested)
            self.notes_panel.edit_requested.connect(self.notes.edit_annotation)
            self.notes_panel.delete_requested.connect(self.notes.delete_annotation)
            self.notes_panel.reattach_requested.connect(self.notes.reattach_annotation)
            self.notes_panel.failed.connect(self.notes.on_failed)
        # help
        self.act_about.triggered.connect(self.show_about)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.furnished:
            self.library_watch.stop()  # no reload may start from here on
        self.navigation.remember_place()
        self.saved_state.save()
        self.loading.wait()
        self.names.wait()
        if self.furnished:
            self.correcting.wait()
            self.search_panel.runner.wait()
            self.entities.wait()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.library_watch.drop(event)

    # ------------------------------------------------------------------ the library
    def open_paths(self, paths: list[Path]) -> None:
        """Load a library in the background; the window stays usable meanwhile."""
        self.loading.open(paths)

    def open_location(self, location: Location) -> None:
        """Open a place (a reader:// link, a file, --open): its library, its article, its passage."""
        self.locations.open(location)

    def set_library(self, library: Library) -> None:
        """A library is in (loaded, corrected or refined by the name model): the features hear
        it from the session, then the article to read is opened (``_open_first_article``), the
        selected name kept, and ``library_loaded`` says so.

        Taking a library of 10k articles (the list, the panels: ~50 ms) and laying out its
        first article (~50 ms) held the GUI thread over 100 ms in one turn: a large library's
        article opens once the list is painted, input served in between (issue 18, point 3). A small one's opens at once: two turns would paint the window twice
        before its article shows."""
        self.navigation.remember_place()
        if self._library_to_open is None:  # a second library before the first was shown keeps the name
            self._entity_to_keep = self.selected_entity
        self._library_to_open = library
        self.session.set_library(library)  # the same article is shown afresh: its analysis may differ
        self.setWindowTitle(f"Reader — {library.name}")
        if len(library) >= HAND_OVER_IN_TWO_TURNS:
            self._open_after_paint.request()  # the list is painted, and input served, first
        else:
            self._open_first_article()

    def _open_first_article(self) -> None:
        """The handed-over library's article to read: the one asked for, else the last read,
        else the first of the list as shown (the list is built for it if it is not yet)."""
        library, self._library_to_open = self._library_to_open, None
        if library is None or library is not self.library:
            return  # another library came in meanwhile: its own turn opens its article
        previous_entity, self._entity_to_keep = self._entity_to_keep, ""
        if not self.loading.knows_initial_article(library):
            self.furnish()
        key = self.loading.initial_article(library, self.library_panel.visible_keys(limit=1) if self.furnished else [])
        if key:
            self.open_article(key)
            if previous_entity and library.entity(previous_entity) is not None:
                self.select_entity(previous_entity)
        else:
            self.view.show_message(empty_library_message(library))
        if self.furnished:
            self._announce_shown(library)
        else:  # the panels are built once the article is painted, and then it is said
            self._shown_unannounced = library
            self._furnish_after_paint.request()

    def _announce_shown(self, library: Library) -> None:
        """The library is shown with its article and the window is whole: the name model and the
        loader's warm-up go on (they would share the GIL with building the panels)."""
        self.library_loaded.emit(library)
        if not self._ready:
            self._ready = True
            self.ready.emit()

    def _on_corrected(self, library: Library, analyzer: Analyzer) -> None:
        """A correction applied over the library: show it at the article being read."""
        self.loading.analyzer = analyzer
        if self.current_key:
            self.open_file_request = self.current_key
        self.set_library(library)
        self.entities.show_library_entities(library)

    # ------------------------------------------------------------------ what the features share
    def open_article(self, key: str, span: tuple[int, int] | None = None, record: bool = True, top: int | None = None) -> bool:
        """Show article ``key``; with ``span``, scroll to it, select and flash it."""
        return self.navigation.open_article(key, span, record, top)

    def select_entity(self, name: str) -> None:
        self.entities.select(name)

    def mention_menu(self, mention: Mention) -> QMenu:
        return self.mention_menus.menu(mention)

    def popup(self, menu: QMenu, where: QPoint) -> None:
        """Menus open through here so tests can trigger their actions instead."""
        menu.exec(where)

    def title_of(self, key: str) -> str:
        if self.library is None or key not in self.library:
            return key
        article = self.library.listed(key)
        return f"{article.title}  ·  {article.date}" if article.date else article.title

    def refresh_note_counts(self) -> None:
        """Re-count notes per article for the library list (after the notes layer changed one)."""
        self.notes.refresh_note_counts()

    def status_message(self) -> str:
        return self.status.message()

    # ------------------------------------------------------------------ small slots
    def _on_article_changed(self, key: str, _previous: str) -> None:
        if self.library is not None and key in self.library:
            self.setWindowTitle(f"{self.library.listed(key).title} — Reader")

    def _on_library_changed(self, library: Library) -> None:
        self.act_show_errors.setEnabled(bool(library.errors))

    def _show_article_panels(self, key: str, _previous: str) -> None:
        article = self.library.article(key) if self.library is not None and key in self.library else None
        self.figures_panel.set_figures_of_article(self.view.analysis.figures)
        if article is not None:
            self.quotes_panel.set_quotes_of_article(quotes_in(article, self.view.analysis.quotes))

    def _update_navigation(self) -> None:
        self.act_back.setEnabled(self.session.history.can_go_back())
        self.act_forward.setEnabled(self.session.history.can_go_forward())
        self.act_next_article.setEnabled(self.navigation.has_neighbour(+1))
        self.act_previous_article.setEnabled(self.navigation.has_neighbour(-1))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.BackButton:
            self.navigation.go_back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.navigation.go_forward()
        else:
            super().mousePressEvent(event)

    def _on_search_action(self) -> None:
        _workspace().search_library(self)

    def _on_figure_selected(self, index: int) -> None:
        figures = self.view.analysis.figures
        if 0 <= index < len(figures):
            self.view.go_to(figures[index].start, figures[index].end)
            self.view.highlight_figure(index)

    def _on_zoom_in(self) -> None:
        self.view.set_zoom(self.view.zoom() + 1)

    def _on_zoom_out(self) -> None:
        self.view.set_zoom(self.view.zoom() - 1)

    def _on_zoom_reset(self) -> None:
        self.view.set_zoom(0)

    def _on_type_toggled(self, _checked: bool) -> None:
        self.view.set_hidden_types(frozenset(kind for kind, action in self.type_actions.items() if not action.isChecked()))

    def show_about(self) -> None:
        self.dialogs.message(
            "About Reader",
            f"<h3>Reader {reader.__version__}</h3>"
            "<p>A desktop reader for Chinese business and technology news that understands "
            "what it shows: who is named, which figures are given, and where else they appear.</p>",
        )
