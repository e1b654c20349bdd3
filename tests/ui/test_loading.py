"""Loading in the window, on its own: which article --open means, what an empty library says,
the load job's hand-over to the status bar, and which article is shown first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.corrections import Corrections
from reader.analysis.pipeline import Analysis, Analyzer
from reader.ingest.model import Article
from reader.library.library import Library
from reader.library.load import load_library
from reader.library.store import Store
from reader.ui.loading import LoadingController, empty_library_message, match_article
from reader.ui.reading_state import ReadingState
from reader.ui.session import ReadingSession
from reader.ui.status import StatusBar
from reader.ui.view import ArticleView

LOAD_TIMEOUT_MS = 60_000


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "新闻"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text("---\ntitle: 甲\n---\n\n阿里巴巴发布财报。\n", encoding="utf-8")
    (folder / "sub" / "b.md").write_text("---\ntitle: 乙\n---\n\n字节跳动营收增长。\n", encoding="utf-8")
    (folder / "empty.md").write_text("", encoding="utf-8")
    return folder


@pytest.fixture
def library(tmp_path: Path, analyzer: Analyzer) -> Library:
    return load_library([_folder(tmp_path)], None, analyzer)


def test_match_article_by_key_path_or_file_name(library: Library, tmp_path: Path) -> None:
    key = next(a.key for a in library.articles if a.key.endswith("b.md"))
    assert match_article(library, key) == key
    assert match_article(library, str(tmp_path / "新闻" / "sub" / "b.md")) == key
    assert match_article(library, "elsewhere/b.md") == key  # the file name alone
    assert match_article(library, "c.md") == ""


def test_empty_library_message_says_why(library: Library, tmp_path: Path, analyzer: Analyzer) -> None:
    assert empty_library_message(library) == "Choose an article."
    missing = load_library([tmp_path / "nowhere", tmp_path / "gone"], None, analyzer)
    assert empty_library_message(missing) == f"{tmp_path / 'nowhere'}: not found. (and 1 more)"
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.md").write_text("", encoding="utf-8")
    assert empty_library_message(load_library([tmp_path / "bad"], None, analyzer)) == "No articles could be read here."


class Loading(QWidget):
    """What the window gives the loading controller: a session, the view and the status bar."""

    def __init__(self, analyzer: object, data_dir: Path, store: Store, dialogs: object) -> None:
        super().__init__()
        self.session = ReadingSession(self)
        self.view = ArticleView(self)
        self.status = StatusBar(self)
        self.state = ReadingState(store, self.status.say)
        self.loading = LoadingController(analyzer, data_dir, self.state, self.session, self.view, self.status, dialogs, self)  # type: ignore[arg-type]
        self.session.library_changed.connect(self.loading.report_loaded)


@pytest.fixture
def loading(qtbot: QtBot, analyzer: Analyzer, data_dir: Path, store: Store, dialogs_factory) -> Loading:  # noqa: ANN001
    widget = Loading(analyzer, data_dir, store, dialogs_factory())
    qtbot.add_widget(widget, before_close_func=lambda w: w.loading.wait())
    return widget


def test_a_load_reports_progress_and_hands_over_the_library_and_tools(qtbot: QtBot, loading: Loading, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with qtbot.waitSignal(loading.loading.loaded, timeout=LOAD_TIMEOUT_MS) as loaded:
        loading.loading.open([folder])
        assert loading.status.message() == "Opening 新闻…" and loading.view.placeholder.text() == "Opening 新闻…"
    library = loaded.args[0]
    assert len(library) == 2 and loading.loading.paths == [folder]
    assert loading.status.progress.isHidden()
    loading.session.set_library(library)
    assert loading.status.message() == f"2 articles — {folder}"
    assert loading.status.errors_button.text() == "1 file skipped"
    qtbot.waitUntil(lambda: loading.loading.tools.word_spans is not None, timeout=LOAD_TIMEOUT_MS)


def test_the_first_article_is_the_one_asked_for_then_the_last_read_then_the_first_listed(
    loading: Loading, library: Library
) -> None:
    keys = [a.key for a in library.articles]
    assert not loading.loading.knows_initial_article(library)  # the list decides: the window builds it first
    loading.loading.open_request = "sub/b.md"
    assert loading.loading.knows_initial_article(library)
    assert loading.loading.initial_article(library, keys) == next(k for k in keys if k.endswith("b.md"))
    assert loading.loading.open_request is None  # asked once
    loading.loading.open_request = "c.md"
    assert not loading.loading.knows_initial_article(library)
    assert loading.loading.initial_article(library, keys) == keys[0]
    assert loading.status.message() == "c.md: not in this library"
    loading.state.mark_read(library.root, keys[1], 0)
    assert loading.loading.knows_initial_article(library)
    assert loading.loading.initial_article(library, keys) == keys[1]
    assert loading.loading.initial_article(library, []) == keys[1]


class PlainAnalyzer:
    """An analyzer without the recognizer: it takes no corrections."""

    version = "plain-1"

    def analyse(self, article: Article) -> Analysis:
        return Analysis()


def test_corrections_need_the_real_analyzer(qtbot: QtBot, data_dir: Path, store: Store, dialogs_factory) -> None:  # noqa: ANN001
    widget = Loading(PlainAnalyzer(), data_dir, store, dialogs_factory())
    qtbot.add_widget(widget)
    assert widget.loading.reopen_with(Corrections().ignore("阿里巴巴")) is False
    assert widget.status.message() == "This analyzer takes no corrections."


def test_a_load_that_could_not_cache_says_why(loading: Loading, library: Library) -> None:
    """Issue 20, point 11: a full disk is said in the status bar, and the articles are there."""
    full = Library(library.root, library.articles, {}, library.errors, ("the disk is full (/data); reading on without the cache",))
    loading.session.set_library(full)
    assert "the disk is full (/data)" in loading.status.message()
    assert loading.status.message().startswith("2 articles")


def test_a_load_job_gives_its_worker_back_to_the_gui_thread_before_it_ends(qtbot: QtBot, tmp_path: Path, analyzer: Analyzer) -> None:
    """Deleted in its own thread as that thread ends, a worker's destructor can deadlock with the
    GUI thread (Qt's signal lock against the interpreter lock): it must end on the GUI thread."""
    from PySide6.QtCore import QThread  # noqa: PLC0415 - this test's alone

    from reader.ui.loader import LoadJob  # noqa: PLC0415

    job = LoadJob([_folder(tmp_path)], None, analyzer)
    threads: list[QThread] = []
    job._worker.finished.connect(lambda: threads.append(job._worker.thread()), Qt.ConnectionType.DirectConnection)
    job._worker.loaded.connect(lambda _library: job._taken.set(), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(job._thread.finished, timeout=LOAD_TIMEOUT_MS):
        job.start()
    assert threads == [QThread.currentThread()]
