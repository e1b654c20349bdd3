"""The one place that builds the application: QApplication, the store, the window."""

from __future__ import annotations

import html
import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import reader
from reader.analysis.pipeline import Analyzer
from reader.errors import StoreUnavailable
from reader.library.corrections import stored_corrections
from reader.library.store import Store
from reader.paths import data_dir as resolve_data_dir
from reader.ui.dialogs.ask import Dialogs
from reader.ui.theme import SANS_FAMILIES
from reader.ui.window import MainWindow

SCREENSHOT_TIMEOUT_MS = 180_000
SCREENSHOT_SETTLE_MS = 500  # let the layout and the first paint finish before grabbing
SCREENSHOT_SIZE = (1440, 900)
GIL_SWITCH_INTERVAL = 0.0001


def show_error(message: str) -> None:
    """A blocking error box; tests replace it."""
    QMessageBox.critical(None, "Reader", message)


class Screenshot(QObject):
    """Renders the window to a PNG once the library is in and the article shown, then quits."""

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self.window = window
        self.path = path
        self.code = 1
        # A fixed size, whatever the saved geometry: screenshots are compared across runs.
        window.resize(*SCREENSHOT_SIZE)
        window.ready.connect(self._on_ready)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, self._on_timeout)

    def _on_ready(self) -> None:
        QTimer.singleShot(SCREENSHOT_SETTLE_MS, self._take)

    def _take(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        saved = self.window.grab().save(str(self.path), "PNG")
        if not saved:
            sys.stderr.write(f"reader: could not write {self.path}\n")
        self.code = 0 if saved else 1
        self.window.close()
        QApplication.exit(self.code)

    def _on_timeout(self) -> None:
        sys.stderr.write("reader: the library did not finish loading in time; no screenshot\n")
        self.window.close()
        QApplication.exit(1)


def _initial_paths(paths: list[Path] | None, store: Store | None, default: Path) -> list[Path]:
    """The paths asked for, else the last library opened (if it still exists), else ``default``."""
    if paths:
        return list(paths)
    if store is not None:
        last = store.setting("last_library")
        if last:
            remembered = [Path(p) for p in json.loads(last)]
            if remembered and all(p.exists() for p in remembered):
                return remembered
    return [default]


def run(
    paths: list[Path] | None,
    open_file: str | None,
    screenshot: Path | None,
    data_dir: str | None,
    default: Path,
) -> int:
    if screenshot is not None and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a screenshot needs no screen
    # Loading, card details and search run in Python threads. Every call from Qt into Python
    # (a paint, a model's data(), an event handler) takes the interpreter lock, and with the
    # default 5 ms switch interval each can wait that long while a worker computes: showing an
    # entity card took 700 ms instead of 60 ms with its figures being gathered alongside.
    # At 0.1 ms it takes 57 ms (measured on 10k articles, bench/ui_speed.py).
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "reader"])
    assert isinstance(app, QApplication)
    app.setApplicationName("Reader")
    app.setOrganizationName("Reader")
    app.setApplicationVersion(reader.__version__)
    app.setDesktopFileName("reader")
    # Chinese in the interface falls back to a Simplified Chinese face, not whichever CJK font
    # fontconfig finds first (often the Japanese one, with different glyph shapes).
    font = app.font()
    font.setFamilies([font.family(), *SANS_FAMILIES])
    app.setFont(font)

    folder = resolve_data_dir(data_dir)
    store = open_store(folder, quiet=screenshot is not None)
    window = build_window(store, folder, open_file)
    taker = Screenshot(window, screenshot) if screenshot is not None else None
    window.show()
    window.open_paths(_initial_paths(paths, store, default))
    code = app.exec()
    if store is not None:
        store.close()
    return taker.code if taker is not None else code


def open_store(folder: Path, quiet: bool = False) -> Store | None:
    """The store in ``folder``, or None (and a message) when it cannot be used; ``quiet`` writes
    the message to stderr instead of a dialog (screenshots run unattended)."""
    try:
        return Store.open(folder)
    except StoreUnavailable as error:  # StoreTooNew included: the file was left untouched
        message = f"{error}\n\nReader will open without saving reading state or notes."
        if quiet:
            sys.stderr.write(f"reader: {message}\n")
        else:
            show_error(message)
        return None


def build_window(
    store: Store | None, folder: Path, open_file: str | None = None, dialogs: Dialogs | None = None
) -> MainWindow:
    """The main window wired to ``store`` and an analyzer with the user's corrections: what
    ``run`` shows, and what the end-to-end test drives."""
    window = MainWindow(store, Analyzer(stored_corrections(store)), folder, dialogs=dialogs)
    window.open_file_request = open_file
    report = store.damage_report() if store is not None else None
    if report is not None:
        window.notice.show_notice(html.escape(report[0].upper() + report[1:] + "."))
    return window
