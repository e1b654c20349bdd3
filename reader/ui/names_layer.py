"""The statistical name layer in the window: once a library is in, ask ``NameRefiner`` for the
model's names — the open article first, then the library — and show them as they arrive; say
once when the model cannot be loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.analysis.pipeline import Analysis, Analyzer
from reader.analysis.statistical import load_model
from reader.library.library import Library
from reader.ui.refine import ModelLoader, NameRefiner

if TYPE_CHECKING:
    from reader.ui.window import MainWindow


class NamesLayer(QObject):
    article_refined = Signal(str)  # the open article now shows the model's names too
    library_refined = Signal(Library)  # every article has them

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.model_loader: ModelLoader = load_model  # tests give a fake or a shared model
        self._refiner: NameRefiner | None = None
        self._model_missing_said = False
        self._to_start: Library | None = None  # loaded, its article not yet shown: then the pass starts
        self._refined: Library | None = None  # refined and handed to the window, its article not yet shown

    def wait(self) -> None:
        """Stop and wait for the refinement thread (at window close)."""
        if self._refiner is not None:
            self._refiner.wait()

    def start(self, library: Library) -> None:
        """Names from the statistical model, after the fast layer's: once the window shows the
        library's article (``on_library_shown``), that article first."""
        self._to_start = library

    def on_library_shown(self, library: Library) -> None:
        """The window shows a library with its article: a loaded one starts the model's pass;
        the refined one ends it."""
        if library is self._to_start:
            self._to_start = None
            self._start(library)
        elif library is self._refined:
            self._refined = None
            self._refiner = None
            self.w.status.say(f"{len(library)} articles — names refined by the statistical model")
            self.library_refined.emit(library)

    def _start(self, library: Library) -> None:
        analyzer = self.w.loading.analyzer
        if not isinstance(analyzer, Analyzer) or analyzer.model is not None or not library.articles:
            return
        first = self.w.library.article(self.w.current_key) if self.w.library and self.w.current_key else None
        refiner = NameRefiner(self.w.loading.paths, self.w.data_dir, analyzer, first, self.model_loader, self)
        refiner.unavailable.connect(self._on_model_unavailable)
        refiner.article_refined.connect(self._on_article_refined)
        refiner.progressed.connect(self._on_refine_progress)
        refiner.refined.connect(self._on_library_refined)
        self._refiner = refiner
        refiner.start()

    @property
    def refining(self) -> bool:
        """Whether the statistical layer is still at work on this library, or about to start on
        it (loaded, its article not yet shown): a correction in that turn applied over the
        library would be undone by the pass that starts after it."""
        return self._refiner is not None or self._to_start is not None

    def stop(self) -> None:
        self._to_start = self._refined = None
        if self._refiner is not None:
            self._refiner.cancel()
            self._refiner = None

    def _on_model_unavailable(self, message: str) -> None:
        self._refiner = None
        if not self._model_missing_said:
            self._model_missing_said = True
            self.w.status.say(f"{message} — names come from the gazetteer and rules only")

    def _on_article_refined(self, key: str, analysis: Analysis) -> None:
        """The open article with the model's names, before the rest of the library has them."""
        if self.w.library is None or key != self.w.current_key or key not in self.w.library:
            return
        top = self.w.view.top_offset()
        self.w.view.set_article(self.w.library.article(key), analysis)
        self.w.view.set_top_offset(top)
        self.w.figures_panel.set_figures_of_article(self.w.view.analysis.figures)
        self.w.entities.show_article_entities()
        self.w.notes.paint()
        self.article_refined.emit(key)

    def _on_refine_progress(self, done: int, total: int) -> None:
        self.w.status.say(f"Finding more names… {done} / {total}")

    def _on_library_refined(self, library: Library, analyzer: Analyzer) -> None:
        self.w.loading.analyzer = analyzer
        if self.w.current_key:
            self.w.open_file_request = self.w.current_key
        self._refined = library
        self.w.set_library(library)  # its article opens in the next turn: still refining until then
        self.w.entities.show_library_entities(library)

