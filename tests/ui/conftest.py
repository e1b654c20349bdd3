"""Qt fixtures: the real analyzer once per session, and a main window on the seeds."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest
from pytestqt.qtbot import QtBot

from reader.analysis.pipeline import Analyzer
from reader.analysis.statistical import load_model
from reader.library.load import load_library
from reader.library.store import DB_NAME, Store
from reader.paths import SEEDS
from reader.ui.panels.base import Panel
from reader.ui.refine import ModelLoader
from reader.ui.window import MainWindow

LOAD_TIMEOUT_MS = 60_000


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """One Analyzer for the session: jieba and the gazetteer load once."""
    return Analyzer()


@pytest.fixture(scope="session")
def model_loader() -> ModelLoader:
    """The statistical name model, loaded once for the session (as each window would)."""
    loaded = load_model()
    return lambda: loaded


@pytest.fixture(scope="session")
def seeds_cache(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer, model_loader: ModelLoader) -> Path:
    """A database whose analysis cache holds the seeds, by the fast layer and with the model:
    each window test starts from a copy instead of analysing the seeds again (~0.7 s each)."""
    folder = tmp_path_factory.mktemp("seeds-cache")
    store = Store.open(folder)
    try:
        load_library([SEEDS], store, analyzer)
        model, _ = model_loader()
        if model is not None:
            load_library([SEEDS], store, analyzer.with_model(model))
    finally:
        store.close()
    return folder / DB_NAME


@pytest.fixture
def store(data_dir: Path, seeds_cache: Path) -> Iterator[Store]:
    shutil.copyfile(seeds_cache, data_dir / DB_NAME)  # the seeds' analyses, nothing the user made
    store = Store.open(data_dir)
    yield store
    store.close()


class WindowFactory(Protocol):
    def __call__(self, paths: list[Path], open_file: str | None = None, store: Store | None = ..., panels_later: bool = False) -> MainWindow: ...


class PanelShower(Protocol):
    def __call__(self, panel: Panel, width: int, height: int) -> Panel: ...


@pytest.fixture
def show_panel(qtbot: QtBot) -> PanelShower:
    """Builds a panel on its own, shows it at a size and waits until it is on screen."""

    def show(panel: Panel, width: int, height: int) -> Panel:
        qtbot.addWidget(panel)
        panel.ensure_built()
        panel.resize(width, height)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return show


@pytest.fixture
def make_window(
    qtbot: QtBot, store: Store, analyzer: Analyzer, data_dir: Path, model_loader: ModelLoader, dialogs_factory
) -> WindowFactory:
    """Builds the main window the way the app does and waits until its library is shown and
    the statistical layer has added its names (so tests see the window's settled state)."""

    def make(paths: list[Path], open_file: str | None = None, store: Store | None = store, panels_later: bool = False) -> MainWindow:
        window = MainWindow(store, analyzer, data_dir, dialogs=dialogs_factory(), panels_later=panels_later)
        window.names.model_loader = model_loader
        qtbot.add_widget(window, before_close_func=_finish)
        window.open_file_request = open_file
        window.show()
        with qtbot.waitSignal(window.ready, timeout=LOAD_TIMEOUT_MS):
            window.open_paths(paths)
        qtbot.waitUntil(lambda: not window.names.refining, timeout=LOAD_TIMEOUT_MS)
        return window

    return make


def _finish(window: MainWindow) -> None:
    window.close()  # saves state and waits for the loader thread


@pytest.fixture
def window(make_window: WindowFactory, seeds_dir: Path) -> MainWindow:
    return make_window([seeds_dir])


UI_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says so whenever a main window with docks sets its size limits;
    # a real platform does not, so it is no sign of a problem in Reader.
    for item in items:
        if UI_TESTS in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))
