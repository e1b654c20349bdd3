"""A new name correction applied over the library the window holds (issue 18, point 2): the
articles it touches are corrected in memory off the GUI thread and the library handed over,
then the cache is rewritten under the corrected analysis version, so the next launch reads it
without analysing anything again. No file is read.

While a load or the statistical layer's pass is still at work there is no settled library to
correct; then, as for an undo, the library is opened again under the corrections.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.analysis.corrections import Corrections
from reader.analysis.pipeline import Analyzer
from reader.errors import StoreUnavailable
from reader.ingest.model import Article
from reader.library import collector
from reader.library.corrected import corrected_library, recache, types_of
from reader.library.library import Library
from reader.library.store import Store
from reader.ui.after_paint import AfterPaint
from reader.ui.background import QueryRunner
from reader.ui.loader import CLOSE_WAIT_MS, let_go

Busy = Callable[[], bool]


class CorrectionApplier(QObject):
    started = Signal()  # a correction is being applied over the library
    applied = Signal(Library, Analyzer)  # the corrected library, and the analyzer that matches it
    recached = Signal(int)  # how many cached analyses the correction changed

    def __init__(self, data_dir: Path | None, busy: Busy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._busy = busy
        self._runner = QueryRunner(self)
        self._runner.finished.connect(self._on_corrected)
        self._cache = QueryRunner(self)
        self._cache.finished.connect(lambda result: self.recached.emit(result[0]))
        self._pending: tuple[Corrections, Analyzer, Analyzer] | None = None
        # rewrites of the cache waiting for the corrected library to be painted: started
        # sooner, one's first transactions held the file while the window marked the open
        # article read (seconds at 10k), and its reading held the interpreter from the panels
        self._rewrites: list[Callable[[], list]] = []
        self._after_paint = AfterPaint(self._start_rewrites, self)

    def apply(self, library: Library | None, analyzer: object, new: Corrections, every: Corrections) -> bool:
        """Start correcting ``library`` with ``new`` (``every`` is all the stored corrections,
        ``new`` among them); False when it cannot be done over this library."""
        if library is None or not isinstance(analyzer, Analyzer) or self._busy() or self._runner.busy():
            return False
        self._pending = (new, analyzer, analyzer.with_corrections(every))
        # the types before the correction, which the cache's rewrite corrects from
        self._runner.submit(lambda: _corrected(library, new))
        self.started.emit()
        return True

    def applying(self) -> bool:
        """Whether a correction is being applied (its library not yet handed over)."""
        return self._pending is not None

    def is_running(self) -> bool:
        return self._runner.busy() or self._cache.busy() or bool(self._rewrites)

    def wait(self, ms: int = CLOSE_WAIT_MS) -> bool:
        """Wait a moment for the cache to be written (at window close), then let it go: the
        correction is stored already, so a cache left unwritten only costs the next launch an
        analysis pass, and quitting never waits for it (issue 17, point 3)."""
        self._runner.cancel()
        self._start_rewrites()
        if self._cache.wait(ms) and self._runner.wait(0):
            return True
        let_go(self)
        return False

    def _on_corrected(self, result: list) -> None:
        library, touched, types = result
        if self._pending is None:
            return
        new, before, after = self._pending
        self._pending = None
        self.applied.emit(library, after)
        if self._data_dir is not None:
            data_dir = self._data_dir
            versions = [(before.with_model(None).version, after.with_model(None).version)]
            if before.model is not None:
                versions.append((before.version, after.version))
            self._rewrites.append(lambda: [_recache(data_dir, touched, new, versions, types, library)])
            self._after_paint.request()

    def _start_rewrites(self) -> None:
        # after the rewrites still to run: each copies the version the one before it wrote
        for rewrite in self._rewrites:
            self._cache.enqueue(rewrite)
        self._rewrites.clear()


def _corrected(library: Library, new: Corrections) -> list:  # type: ignore[type-arg]
    """The library corrected, the articles it touched and the types before, with no full
    collection meanwhile (a correction of a name in every article of 10k makes ~100k objects:
    a full one, walking everything made since the load, came during one in two and doubled
    it, 0.37 → 0.55 s), and what it made frozen after (reader.library.collector)."""
    with collector.full_collections_held():
        return [*corrected_library(library, new.items), types_of(library)]


def _recache(data_dir: Path, touched: list[Article], new: Corrections, versions: list, types: dict, held: Library) -> int:  # type: ignore[type-arg]
    try:
        store = Store.open(data_dir)
    except StoreUnavailable:
        return 0
    try:
        return recache(store, touched, new.items, versions, types, held)
    except StoreUnavailable:
        return 0
    finally:
        store.close()
