"""The statistical name layer in the window: names the model finds, added after the fast layer
has painted, without blocking the GUI.

Once a library is in (analysed by the gazetteer and rules), a ``NameRefiner`` loads the model on
its own thread, analyses the open article with it first (its new names appear in well under a
second), then re-reads the whole library with the model — in worker processes on a first index,
from the cache afterwards, as the fast pass does — and hands the refined library back. If the
model cannot be loaded, it says so once and the window keeps the fast layer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from reader.analysis.pipeline import Analysis, Analyzer
from reader.analysis.statistical import NameModel, load_model
from reader.errors import ReaderError, StoreUnavailable
from reader.ingest.model import Article
from reader.library import collector
from reader.library.learned import link_learned
from reader.library.library import Library
from reader.library.load import analysis_workers, load_library
from reader.library.store import Store
from reader.ui.background import send_home
from reader.ui.loader import let_go

ModelLoader = Callable[[], tuple[NameModel | None, str | None]]


class _RefineWorker(QObject):
    unavailable = Signal(str)
    article_refined = Signal(str, Analysis)  # article key, its analysis with the model
    progressed = Signal(int, int)
    refined = Signal(Library, Analyzer)
    finished = Signal()

    def __init__(
        self,
        paths: list[Path],
        data_dir: Path | None,
        analyzer: Analyzer,
        first: Article | None,
        load: ModelLoader,
        cancelled: threading.Event,
        storing: threading.Event,
    ) -> None:
        super().__init__()
        self._storing = storing
        self._paths = paths
        self._data_dir = data_dir
        self._analyzer = analyzer
        self._first = first
        self._load = load
        self._cancelled = cancelled

    @Slot()
    def run(self) -> None:
        try:
            self._refine()
        finally:
            send_home(self)  # deleted on the GUI thread, never in this one as it ends
            self.finished.emit()

    def _refine(self) -> None:
        model, why = self._load()
        if model is None:
            self.unavailable.emit(why or "the name model cannot be loaded")
            return
        analyzer = self._analyzer.with_model(model)
        if self._first is not None and not self._cancelled.is_set():
            self.article_refined.emit(self._first.key, analyzer.analyse(self._first))
        store = None
        self._storing.set()  # from here the cache is written: a close waits for a chunk's end
        if self._data_dir is not None:
            try:
                store = Store.open(self._data_dir)
            except StoreUnavailable:
                store = None  # the fast pass already said so; refine without the cache
        try:
            library = load_library(
                self._paths, store, analyzer, self._progress, self._cancelled, workers=analysis_workers()
            )
        except ReaderError as error:
            self.unavailable.emit(f"names were not refined: {error}")
            return
        finally:
            if store is not None:
                store.close()
        if not self._cancelled.is_set():
            library = link_learned(library, analyzer)  # a name found in one article, in all
        if not self._cancelled.is_set():
            library.stories_by_key()  # grouped (carried over from the fast pass's library when it had them)
            library.entities()  # counted here, off the GUI thread, as the fast pass does
            library.prepare_cards()
            library.prepare_search()
            library.newest_rank()  # sorted (and ranked) here, not by the list on the GUI thread
            collector.keep()  # the refined library lives long: later full collections skip it
            self.refined.emit(library, analyzer)

    def _progress(self, done: int, total: int, _file: str) -> None:
        if done == total or done % 50 == 0:
            self.progressed.emit(done, total)


class NameRefiner(QObject):
    """One refinement of one library: owns its thread; cancelled when another load starts."""

    unavailable = Signal(str)
    article_refined = Signal(str, Analysis)
    progressed = Signal(int, int)
    refined = Signal(Library, Analyzer)

    def __init__(
        self,
        paths: list[Path],
        data_dir: Path | None,
        analyzer: Analyzer,
        first: Article | None,
        load: ModelLoader = load_model,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()
        self._storing = threading.Event()
        self._thread = QThread(self)
        self._thread.setObjectName("name-refiner")
        self._worker = _RefineWorker(paths, data_dir, analyzer, first, load, self._cancelled, self._storing)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self._worker.deleteLater)
        self._worker.unavailable.connect(self._on_unavailable)
        self._worker.article_refined.connect(self._on_article_refined)
        self._worker.progressed.connect(self._on_progressed)
        self._worker.refined.connect(self._on_refined)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancelled.set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 10000) -> bool:
        """Cancel and wait for the thread (at window close). Until it opens the store it only
        loads the model and reads the open article in memory, which cannot be interrupted
        (half a second): it is let go at once, so quitting never waits for that (issue 18).
        A thread that does not stop in time is let go too (see ``loader.let_go``)."""
        self._cancelled.set()
        if self._thread.wait(ms if self._storing.is_set() else 0):
            return True
        let_go(self)
        return False

    def _on_unavailable(self, message: str) -> None:
        if not self._cancelled.is_set():
            self.unavailable.emit(message)

    def _on_article_refined(self, key: str, analysis: Analysis) -> None:
        if not self._cancelled.is_set():
            self.article_refined.emit(key, analysis)

    def _on_progressed(self, done: int, total: int) -> None:
        if not self._cancelled.is_set():
            self.progressed.emit(done, total)

    def _on_refined(self, library: Library, analyzer: Analyzer) -> None:
        # Runs on the GUI thread: the worker has linked, counted and folded the library already.
        if not self._cancelled.is_set():
            self.refined.emit(library, analyzer)
