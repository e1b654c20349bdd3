"""Loading a library off the GUI thread: a worker QObject in a QThread, with progress and
cancellation (a threading.Event that load_library checks between chunks).

After the library is in, the worker warms up what the view needs later — jieba for
double-click word selection, the recognizer for entity descriptions, the figure grammar for an
article read again after a correction — so the GUI thread never pays their start-up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QThread, Signal, SignalInstance, Slot

from reader.analysis import pipeline
from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analyzer, ArticleAnalyzer
from reader.errors import ReaderError, StoreUnavailable
from reader.ingest.model import Article
from reader.library import catalogue, collector
from reader.library.identity import library_id
from reader.library.library import Library
from reader.library.load import analysis_workers, cache_version, load_library
from reader.library.payloads import Payloads
from reader.library.preview import ListedLibrary
from reader.library.store import Store
from reader.ui.after_paint import AfterPaint
from reader.ui.background import send_home

PROGRESS_INTERVAL = 0.05  # seconds between progress signals: 10k files must not flood the GUI
# How long the loader waits for the GUI thread to take a library before it warms up on (the
# GUI may be busy elsewhere: the warm-up must still come).
HAND_OVER_WAIT = 2.0


@dataclass(frozen=True, slots=True)
class Tools:
    """What the worker prepared for the view once the library was in."""

    word_spans: Callable[[str], Sequence[tuple[int, int]]] | None
    describe: Callable[[str], str] | None


class LibraryWorker(QObject):
    progressed = Signal(int, int, str)  # done, total, file
    listed = Signal(Library)  # its stored list, shown while it is read (reader.library.preview)
    loaded = Signal(Library)
    indexed = Signal(Library)  # its entity summaries are counted (a second on 10k articles)
    failed = Signal(str)
    warmed = Signal(Tools)
    finished = Signal()

    def __init__(
        self,
        paths: list[Path],
        data_dir: Path | None,
        analyzer: ArticleAnalyzer,
        cancelled: threading.Event,
        loaded_at: threading.Event | None = None,
        taken: threading.Event | None = None,
        list_first: int | None = None,
    ) -> None:
        """``list_first``: from how many articles the library's stored list is handed over
        before the library is read (None: never, as for a library the window shows already)."""
        super().__init__()
        self._list_first = list_first
        self._paths = paths
        self._data_dir = data_dir
        self._analyzer = analyzer
        self._cancelled = cancelled
        self._loaded_at = loaded_at if loaded_at is not None else threading.Event()
        self._taken = taken if taken is not None else threading.Event()
        self._last_progress = 0.0

    @Slot()
    def run(self) -> None:
        try:
            library = self._load()
            # From here on the worker only warms up what lives in memory (the entity summaries,
            # the search texts, jieba): its store is closed, nothing is left to save.
            self._loaded_at.set()
            if library is not None:
                library.newest_rank()  # sorted (and ranked) here, not by the list on the GUI thread
                collector.give_back()
                self._hand_over(self.loaded, library)
                if not self._cancelled.is_set():
                    library.stories_by_key()  # stories grouped (cards count each once), for the list
                    library.newest_folded()  # and the list's rows with them, not folded on the GUI thread
                    library.entities()  # computed once and kept by the library
                    library.prepare_cards()
                    collector.keep()
                    collector.give_back()  # the stories' and the summaries' arrays
                    self._hand_over(self.indexed, library)
                if not self._cancelled.is_set():
                    library.prepare_search()  # texts folded, names read in pinyin: kept by the library
                    collector.keep()
                if not self._cancelled.is_set():
                    self.warmed.emit(self._warm_up())
                    collector.keep()  # jieba's dictionary
        finally:
            send_home(self)  # deleted on the GUI thread, never in this one as it ends
            self.finished.emit()

    def _hand_over(self, signal: SignalInstance, library: Library) -> None:
        """Give the library to the GUI thread and wait until it has taken it (or the load is
        cancelled, or HAND_OVER_WAIT has passed). Taking a 10k library is 0.1 s of Python on
        the GUI thread; with this thread at work meanwhile, the two share the GIL and the GUI's
        share took two to four times as long."""
        self._taken.clear()
        if self._cancelled.is_set():
            return
        signal.emit(library)
        self._taken.wait(HAND_OVER_WAIT)  # the job sets it when taken, and when cancelled

    def _load(self) -> Library | None:
        # The worker has its own connection: sqlite3 connections must not be shared across
        # threads mid-transaction, and WAL lets this one write the cache while the GUI reads.
        store = None
        if self._data_dir is not None:
            try:
                store = Store.open(self._data_dir)
            except StoreUnavailable as error:
                self.failed.emit(f"analysis cache unavailable, loading without it: {error}")
        try:
            shown = self._show_list(store) if store is not None else ()
            return load_library(
                self._paths, store, self._analyzer, self._progress, self._cancelled, workers=analysis_workers(), shown=shown
            )
        except ReaderError as error:
            self.failed.emit(str(error))
            return None
        finally:
            if store is not None:
                store.close()

    def _show_list(self, store: Store) -> tuple[Article, ...]:
        """Hand the GUI thread the library as its stored list shows it (reader.library.catalogue),
        when it lists at least ``list_first`` articles, and return its articles (the load takes
        the unchanged ones from it); () when there is none to show. Reading 100k listings takes
        seconds; the list and the article to read, from its payload, well under one."""
        if self._list_first is None:
            return ()
        root, version = library_id(self._paths), cache_version(self._analyzer)
        try:
            articles = catalogue.read(store, root, version)
        except StoreUnavailable:
            return ()  # the load reads on without the cache, and says why
        if articles is None or len(articles) < self._list_first or self._cancelled.is_set():
            return ()
        library = ListedLibrary(root, articles, Payloads(store.path, version))
        library.newest_rank()  # sorted (and ranked) here, as a loaded library is
        collector.give_back()  # the list's text
        self._hand_over(self.listed, library)
        return articles

    def _progress(self, done: int, total: int, file: str) -> None:
        now = time.monotonic()
        if done == total or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.progressed.emit(done, total, file)

    def _warm_up(self) -> Tools:
        if not isinstance(self._analyzer, Analyzer):
            return Tools(None, None)  # another analyzer (tests' fakes) has no words or names
        recognizer = self._analyzer.recognizer
        segmenter = recognizer.segmenter
        segmenter.spans("预热分词")  # builds jieba's prefix dictionary here, not on a double-click
        # The figure grammar and the quote finder, imported and their patterns built here: a
        # correction reads the open article's figures again on the GUI thread as it hands the
        # library over, and the first one paid ~0.1 s for them there (issue 18, point 2); a
        # name among them reads the gazetteer's sources (whose figures are others') here too.
        text = "预热：甲公司营收达到100亿元，同比增长10%。"
        pipeline.read_over(text, (Mention(3, 6, "甲公司", EntityType.ORG, "甲公司"),), None)

        def describe(name: str) -> str:
            entity = recognizer.entity(name)
            return entity.description if entity is not None else ""

        return Tools(segmenter.spans, describe)


# At window close a load gets this long to notice it was cancelled (it checks between files).
CLOSE_WAIT_MS = 1500
_ABANDONED: list[Abandonable] = []


def abandoned_threads() -> bool:
    """Whether a load was let go at close while still running: the process must then end
    without running destructors (``os._exit``), or Qt aborts destroying the running thread."""
    return any(job.is_running() for job in _ABANDONED)


class Abandonable(Protocol):
    """A job with threads of its own: a load, the name model's pass, a correction's cache."""

    def setParent(self, parent: QObject | None) -> None: ...  # noqa: N802 - Qt's name

    def is_running(self) -> bool: ...


def let_go(job: Abandonable) -> None:
    """Take a job whose thread still runs out of the window's object tree, so that closing the
    window does not destroy the running QThread, and have the process end without it."""
    job.setParent(None)
    _ABANDONED.append(job)


class LoadJob(QObject):
    """One library load: owns the thread and the worker, forwards their signals."""

    progressed = Signal(int, int, str)
    listed = Signal(Library)
    loaded = Signal(Library)
    indexed = Signal(Library)
    failed = Signal(str)
    warmed = Signal(Tools)

    def __init__(
        self,
        paths: list[Path],
        data_dir: Path | None,
        analyzer: ArticleAnalyzer,
        parent: QObject | None = None,
        list_first: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._cancelled = threading.Event()
        self._warming = threading.Event()  # the load is done; only in-memory warm-up remains
        self._taken = threading.Event()  # the GUI thread took what the worker handed over
        self._counted = False  # the GUI thread took the library with its names counted
        # the window's panels are laid out and painted after it shows the library: both rounds
        self._after_paint = AfterPaint(self._release, self, rounds=2)
        self._thread = QThread(self)
        self._thread.setObjectName("library-loader")
        self._worker = LibraryWorker(paths, data_dir, analyzer, self._cancelled, self._warming, self._taken, list_first)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        # Direct: quit() is thread-safe, and a queued call would wait for the GUI thread, which
        # may itself be waiting for this thread at window close.
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self._worker.deleteLater)
        self._worker.progressed.connect(self.progressed)
        self._worker.listed.connect(self._on_listed)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.failed.connect(self.failed)
        self._worker.warmed.connect(self._on_warmed)
        self._worker.indexed.connect(self._on_indexed)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancelled.set()
        self._taken.set()  # a worker waiting for a hand-over goes on (and stops)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def is_counting(self) -> bool:
        """Whether the worker still reads the library or counts its names and groups its
        stories; after that it only warms up what the view needs later (the search texts,
        jieba: a second or more), which nothing done over the library waits for."""
        return self.is_running() and not self._counted

    def wait(self, ms: int = CLOSE_WAIT_MS) -> bool:
        """Cancel and wait for the thread (at window close). A thread still in a read that does
        not return (a hung network mount) is let go: it leaves the window's object tree, so
        closing the window does not destroy a running QThread (Qt aborts the process then), and
        the process ends without waiting for it (``abandoned_threads``). A thread that has
        finished loading and only warms up (jieba's dictionary: about a second, which cannot be
        interrupted) is let go at once: quitting never waits for warm-up work (issue 18)."""
        self.cancel()
        if self._thread.wait(0 if self._warming.is_set() else ms):
            return True
        let_go(self)
        return False

    def _on_loaded(self, library: Library) -> None:
        if self._cancelled.is_set():
            self._taken.set()
            return
        # The worker's warm-up (jieba's dictionary, and pypinyin's for names never read before: a
        # second holding the GIL) would share the GIL with the first layout and paint of what it
        # handed over: it goes on when the window has shown and painted it
        # (``release_after_paint``), or after HAND_OVER_WAIT.
        self.loaded.emit(library)

    def _on_listed(self, library: Library) -> None:
        """The library's stored list: shown, then painted, before the worker reads the library
        (``release_after_paint``), as a loaded library is before it warms up."""
        if self._cancelled.is_set():
            self._taken.set()
            return
        self.listed.emit(library)

    def release_after_paint(self) -> None:
        """The window has shown the library handed over: the worker warms up on once the
        window is painted."""
        self._after_paint.request()

    def _release(self) -> None:
        self._taken.set()

    def _on_indexed(self, library: Library) -> None:
        if self._cancelled.is_set():
            self._taken.set()
            return
        try:
            self._counted = True
            self.indexed.emit(library)
        finally:
            self._after_paint.request()

    def _on_warmed(self, tools: Tools) -> None:
        if not self._cancelled.is_set():
            self.warmed.emit(tools)
