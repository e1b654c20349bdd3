"""The library load's thread: what closing the window does to it."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject

from reader.analysis.pipeline import Analysis
from reader.ui import loader


def test_closing_during_a_read_that_hangs_lets_the_thread_go(tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    """Issue 20, point 6: the window's close neither waits for a hung read nor destroys its
    running thread (Qt's "Destroyed while thread is still running" abort)."""
    inside, release = threading.Event(), threading.Event()

    class Hanging:
        version = "hang-1"

        def analyse(self, article):  # noqa: ANN001, ANN202
            inside.set()
            release.wait(30)  # a read on a mount that does not answer
            return Analysis()

    (tmp_path / "a.md").write_text("# 甲\n\n正文。\n", encoding="utf-8")
    owner = QObject()
    job = loader.LoadJob([tmp_path], None, Hanging(), owner)
    job.start()
    assert inside.wait(10)
    try:
        assert job.wait(200) is False  # not ten seconds: the close goes on
        assert job.parent() is None  # out of the window's tree: deleting the window is safe
        del owner
        assert loader.abandoned_threads()
    finally:
        release.set()
        job._thread.wait(10_000)  # noqa: SLF001 - let the test process end cleanly
    assert not loader.abandoned_threads()
