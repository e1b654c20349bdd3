"""The one place that builds the application: QApplication, the store, the window."""

from __future__ import annotations

import html
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import reader
from reader.analysis.pipeline import Analyzer
from reader.desktop.entry import DESKTOP_ID
from reader.errors import StoreUnavailable
from reader.library.corrections import stored_corrections
from reader.library.links import Location
from reader.library.store import Store
from reader.paths import data_dir as resolve_data_dir
from reader.paths import resource
from reader.ui.dialogs.ask import Dialogs
from reader.ui.theme import SANS_FAMILIES
from reader.ui.instance import Instance
from reader.ui.loader import abandoned_threads
from reader.ui.window import MainWindow

SCREENSHOT_TIMEOUT_MS = 180_000
SCREENSHOT_SETTLE_MS = 500  # let the layout and the first paint finish before grabbing
SCREENSHOT_SIZE = (1440, 900)
GIL_SWITCH_INTERVAL = 0.0001


def application_icon() -> QIcon:
    """Reader's own icon, the one the desktop launcher installs: the SVG and its PNG sizes (the
    toolbar's icons, ui/icons.py, are drawn once the toolbar is built)."""
    hicolor = resource("desktop", "hicolor")
    result = QIcon(str(hicolor / "scalable" / "apps" / "reader.svg"))
    for png in sorted(hicolor.glob("*x*/apps/reader.png")):
        result.addFile(str(png))
    return result


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


def _remembered_library(store: Store | None) -> list[Path]:
    """The last library opened, if it still exists."""
    last = store.setting("last_library") if store is not None else None
    remembered = [Path(p) for p in json.loads(last)] if last else []
    return remembered if remembered and all(p.exists() for p in remembered) else []


def _initial_paths(paths: list[Path] | None, store: Store | None, default: Path) -> list[Path]:
    """The paths asked for, else the last library opened (if it still exists), else ``default``."""
    if paths:
        return list(paths)
    return _remembered_library(store) or [default]


def initial_location(location: Location, store: Store | None, default: Path) -> Location:
    """What to open first: ``location`` with its library filled in (the last one, else
    ``default``). A single file inside the last library opens in that library, so "Open with
    Reader" on an article shows it among its neighbours, with its notes."""
    remembered = _remembered_library(store)
    if not location.paths:
        return replace(location, paths=tuple(remembered or [default]))
    if len(location.paths) == 1 and location.paths[0].is_file() and not location.article:
        file = location.paths[0].resolve()
        if any(folder.is_dir() and file.is_relative_to(folder.resolve()) for folder in remembered):
            return Location(tuple(remembered), str(file), location.start, location.end)
    return location


def run(location: Location, screenshot: Path | None, data_dir: str | None, default: Path) -> int:
    """Show ``location`` (its library may be empty: the last one, else ``default``) in a new
    window, or in the window already running on this data directory (then return at once)."""
    if screenshot is not None and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a screenshot needs no screen
    folder = resolve_data_dir(data_dir)
    # A screenshot renders and exits: it neither joins nor blocks a running window.
    instance = Instance(folder) if screenshot is None else None
    if instance is not None and not instance.claim():
        problem = instance.hand_over(location)
        if problem is not None:
            sys.stderr.write(f"reader: {problem}\n")
            return 1
        return 0
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
    app.setDesktopFileName(DESKTOP_ID)  # matches the launcher `reader desktop install` writes
    app.setWindowIcon(application_icon())
    # Chinese in the interface falls back to a Simplified Chinese face, not whichever CJK font
    # fontconfig finds first (often the Japanese one, with different glyph shapes).
    font = app.font()
    font.setFamilies([font.family(), *SANS_FAMILIES])
    app.setFont(font)

    store = open_store(folder, quiet=screenshot is not None)
    window = build_window(store, folder)
    if instance is not None:
        _serve(instance, window)
    taker = Screenshot(window, screenshot) if screenshot is not None else None
    window.show()
    window.open_location(initial_location(location, store, default))
    code = app.exec()
    if store is not None:
        store.close()
    if instance is not None:
        instance.release()
    code = taker.code if taker is not None else code
    if abandoned_threads():  # a read hung past the close: everything is saved, end now
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _serve(instance: Instance, window: MainWindow) -> None:
    """Take later Readers' requests; without a socket the window works on its own."""
    try:
        instance.serve(window)
    except OSError as error:
        sys.stderr.write(f"reader: {error}; a second Reader will open its own window\n")


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
    # The article is painted first, the panels around it built in a later turn (issue 18).
    window = MainWindow(store, Analyzer(stored_corrections(store)), folder, dialogs=dialogs, panels_later=True)
    window.open_file_request = open_file
    report = store.damage_report() if store is not None else None
    if report is not None:
        window.notice.show_notice(html.escape(report[0].upper() + report[1:] + "."))
    return window
