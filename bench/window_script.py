"""The start every benchmark script that opens the window in a child process shares: imports,
the GIL's switch interval as the app sets it, the application, the store and the window built as
the app builds it. Formatted with ``root`` (the checkout) and ``data`` (the data folder)."""

WINDOW_START = """
import json, random, resource, statistics, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from reader.ui.app import GIL_SWITCH_INTERVAL, build_window, open_store
sys.setswitchinterval(GIL_SWITCH_INTERVAL)
app = QApplication([])
store = open_store(Path({data!r}), quiet=True)
window = build_window(store, Path({data!r}))
"""
