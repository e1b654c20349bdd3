"""Opening a library in the window: the load job off the GUI thread with its progress and
Cancel in the status bar, the view's word and name tools handed over once the worker has
warmed them, the files it skipped, and which article to show first.

The controller owns what a load needs — the paths and the analyzer (which corrections and the
statistical layer replace) — and says ``loaded`` when the fast layer is in and ``indexed`` when
the library's names are counted.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from reader.analysis.corrections import Corrections
from reader.analysis.pipeline import Analyzer, ArticleAnalyzer
from reader.library.corpus import NOT_FOUND
from reader.library.identity import library_id
from reader.library.library import Library
from reader.library.preview import being_read
from reader.ui.dialogs.ask import Dialogs
from reader.ui.loader import LoadJob, Tools
from reader.ui.reading_state import ReadingState
from reader.ui.session import ReadingSession
from reader.ui.status import StatusBar
from reader.ui.view import ArticleView

if TYPE_CHECKING:
    from reader.ui.dialogs.errors import LoadErrorsDialog


# From this many articles, a reopen shows the library's stored list (and the article to read)
# before the library is read: below it, reading the library is about as quick (~1 s at 10k).
LIST_FIRST = 2000


@cache
def _errors_dialog() -> type[LoadErrorsDialog]:
    """The skipped files' dialog, loaded when it is first shown."""
    from reader.ui.dialogs.errors import LoadErrorsDialog

    return LoadErrorsDialog


def match_article(library: Library, wanted: str) -> str:
    """The article ``--open`` asks for: by key, by path as given, or by file name alone."""
    if wanted in library:
        return wanted
    name = Path(wanted).name
    for article in library.articles:
        if article.file == wanted or Path(article.key).name == name or (article.path and Path(article.path) == Path(wanted).resolve()):
            return article.key
    return ""


def empty_library_message(library: Library) -> str:
    """What the view says when there is no article to show."""
    if library.articles:
        return "Choose an article."
    missing = [e.file for e in library.errors if e.message == NOT_FOUND]
    if missing and len(missing) == len(library.errors):
        return f"{missing[0]}: not found." + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
    return "No articles could be read here."


class LoadingController(QObject):
    started = Signal()  # a new load began: work on the previous library should stop
    listed = Signal(Library)  # its stored list, shown while it is read (a reopen of a large one)
    loaded = Signal(Library)  # the fast layer is in
    indexed = Signal(Library)  # and the library's names are counted

    def __init__(
        self,
        analyzer: ArticleAnalyzer,
        data_dir: Path | None,
        state: ReadingState,
        session: ReadingSession,
        view: ArticleView,
        status: StatusBar,
        dialogs: Dialogs,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.analyzer = analyzer
        self.paths: list[Path] = []  # the folders and files the library is opened from
        self.open_request: str | None = None  # the article to show when the library is in (--open)
        self.tools = Tools(None, None)
        self._data_dir = data_dir
        self._state = state
        self._session = session
        self._view = view
        self._status = status
        self._dialogs = dialogs
        self._parent = parent
        self._job: LoadJob | None = None

    def open(self, paths: list[Path]) -> None:
        """Load a library in the background; the window stays usable meanwhile."""
        self.started.emit()
        if self._job is not None:
            self._job.cancel()
            self._job.loaded.disconnect(self._on_loaded)
        self.paths = list(paths)
        shown = self._session.library
        # A library the window shows already stays until it is read again (a reload, a
        # correction); another is listed first if it is large and its list is stored.
        list_first = LIST_FIRST if shown is None or shown.root != library_id(paths) else None
        job = LoadJob(paths, self._data_dir, self.analyzer, self, list_first)
        job.progressed.connect(self._status.show_progress)
        job.listed.connect(self.listed)
        job.loaded.connect(self._on_loaded)
        job.indexed.connect(self.indexed)
        job.failed.connect(self._status.say)
        job.warmed.connect(self._on_warmed)
        self._job = job
        names = ", ".join(p.name or str(p) for p in paths)
        self._status.say(f"Opening {names}…")
        self._status.show_busy()
        if self._session.library is None:
            self._view.show_message(f"Opening {names}…")
        job.start()

    def reload(self, paths: list[Path]) -> None:
        """Load ``paths`` again at the article being read (files arrived, changed or were
        dropped): the store skips every unchanged file."""
        self.open_request = self._session.current_key
        self.open(paths)

    @property
    def busy(self) -> bool:
        """Whether a load is still at work."""
        return self._job is not None and self._job.is_running()

    @property
    def counting(self) -> bool:
        """Whether a load still reads the library or counts its names: until then there is
        no settled library to correct; its warm-up after that holds nothing back."""
        return self._job is not None and self._job.is_counting()

    def reopen_with(self, corrections: Corrections) -> bool:
        """Load the same paths again with the analyzer under ``corrections``, at the article
        being read."""
        if not isinstance(self.analyzer, Analyzer):
            self._status.say("This analyzer takes no corrections.")
            return False
        self.analyzer = self.analyzer.with_corrections(corrections)
        self.open_request = self._session.current_key
        self.open(self.paths)
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._status.say("Stopping…")

    def wait(self) -> None:
        """Stop the load and wait for its thread (at window close)."""
        if self._job is not None:
            self._job.wait()

    def ask_folder(self) -> None:
        folder = self._dialogs.ask_folder()
        if folder:
            self.open([Path(folder)])

    def ask_files(self) -> None:
        files = self._dialogs.ask_files()
        if files:
            self.open([Path(f) for f in files])

    def show_errors(self) -> None:
        library = self._session.library
        if library is not None and library.errors:
            self._dialogs.show(_errors_dialog()(library.errors, self._parent))

    def knows_initial_article(self, library: Library) -> bool:
        """Whether the article to show first is known without the list: one asked for that is
        in ``library``, or the last one read in it."""
        if self.open_request and match_article(library, self.open_request):
            return True
        last = self._state.last_article(library.root)
        return bool(last) and last in library

    def initial_article(self, library: Library, listed: list[str]) -> str:
        """The article to show first: the one asked for (``open_request``, then forgotten),
        else the last one read in this library, else the first of the list as shown
        (``listed``); "" when none."""
        wanted, self.open_request = self.open_request, None
        if wanted:
            key = match_article(library, wanted)
            if key:
                return key
            self._status.say(f"{wanted}: not in this library")
        last = self._state.last_article(library.root)
        if last and last in library:
            return last
        return listed[0] if listed else ""

    def _on_loaded(self, library: Library) -> None:
        self._status.hide_busy()
        self.loaded.emit(library)

    def on_library_shown(self, _library: Library) -> None:
        """The window shows a library, its article laid out: the loader warms up once that is
        painted."""
        if self._job is not None:
            self._job.release_after_paint()

    def _on_warmed(self, tools: Tools) -> None:
        self.tools = tools
        self._view.set_word_spans(tools.word_spans)
        self._view.set_describer(tools.describe)

    def report_loaded(self, library: Library) -> None:
        """Say what came in (the last word on a new library, after every other feature's):
        the count, whether the load was stopped early, the skipped files; and remember it. The
        stored list of a library still being read says only that."""
        if being_read(library):
            self._status.say(f"{len(library)} articles listed — reading the library…")
            return
        self._state.remember_library(library.folders)
        self._status.show_skipped(library.errors)
        cancelled = self._job is not None and self._job.cancelled
        folder = library.folders[0] if library.folders else ""
        said = f"{len(library)} articles" + (" (stopped early)" if cancelled else "") + f" — {folder}"
        self._status.say(" · ".join([said, *library.notices]))  # the disk is full: not cached
