"""The library load's thread: what closing the window does to it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from reader.analysis.pipeline import Analysis
from reader.library.library import Library
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


def test_closing_while_the_loader_warms_up_does_not_wait_for_it(
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """Issue 18, point 1: once the library is loaded the thread only warms up what lives in
    memory (jieba takes a second); the close lets it go instead of waiting."""
    warming, release = threading.Event(), threading.Event()

    def slow_prepare(self: Library) -> None:
        warming.set()
        release.wait(30)

    monkeypatch.setattr(Library, "prepare_search", slow_prepare)

    class Plain:
        version = "plain-1"

        def analyse(self, article):  # noqa: ANN001, ANN202
            return Analysis()

    (tmp_path / "a.md").write_text("# 甲\n\n正文。\n", encoding="utf-8")
    owner = QObject()
    job = loader.LoadJob([tmp_path], None, Plain(), owner)
    job.start()
    assert warming.wait(10)
    try:
        assert job.wait(60_000) is False  # waiting would take until the warm-up ends (30 s)
        assert job.parent() is None and loader.abandoned_threads()
    finally:
        release.set()
        job._thread.wait(10_000)  # noqa: SLF001 - let the test process end cleanly
    assert not loader.abandoned_threads()


def test_the_loader_warms_up_the_figure_grammar(tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """Issue 18, point 2: a correction reads the open article's figures again on the GUI thread
    as it hands the library over; the first one imported the figure grammar and the quote
    finder there (~0.1 s, more on a busy machine), and the gazetteer's list of those that
    report others' figures. The loader's warm-up reads some first, about a name."""
    from reader.analysis import figure_sources, pipeline
    from reader.analysis.pipeline import Analyzer

    figure_sources._reporters.cache_clear()  # noqa: SLF001 - as in a process that read no figure yet

    read: list[str] = []
    real = pipeline.read_over
    monkeypatch.setattr(pipeline, "read_over", lambda text, *rest, **named: (read.append(text), real(text, *rest, **named))[1])
    monkeypatch.setattr(Analyzer, "analyse", lambda self, article: Analysis())  # the load reads no figures
    (tmp_path / "a.md").write_text("# 甲\n\n正文。\n", encoding="utf-8")
    owner = QObject()
    job = loader.LoadJob([tmp_path], None, Analyzer(), owner)
    with qtbot.waitSignal(job.warmed, timeout=60_000):
        job.start()
    assert read and figure_sources._reporters.cache_info().currsize == 1  # noqa: SLF001
    job._thread.wait(10_000)  # noqa: SLF001 - let the test process end cleanly


def test_the_loader_reads_on_after_its_counted_library_is_painted(tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    """Issue 18, point 3: the stories and names handed over for a 10k library are 40 ms of
    Python on the GUI thread and then a paint; the worker's next step (the search texts) in
    the same while shared the GIL with both and held the GUI thread over 100 ms."""

    class Plain:
        version = "plain-1"

        def analyse(self, article):  # noqa: ANN001, ANN202
            return Analysis()

    owner = QObject()
    job = loader.LoadJob([tmp_path], None, Plain(), owner)
    taken: list[Library] = []
    job.indexed.connect(taken.append)
    library = Library(str(tmp_path), [], {})
    job._on_indexed(library)  # noqa: SLF001 - as the worker's queued signal calls it
    assert taken == [library]
    assert not job._taken.is_set()  # noqa: SLF001 - the worker still waits
    qtbot.waitUntil(job._taken.is_set, timeout=5_000)  # noqa: SLF001
    # the worker, moved to a thread that never ran, is let run (an empty folder) and end, so
    # that it is deleted in its thread's time and not by the collector after the thread is gone
    job.start()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=30_000)
    job._thread.wait(10_000)  # noqa: SLF001
