"""Shared fixtures. Qt runs offscreen and every test gets its own data directory."""

from __future__ import annotations

import faulthandler
import gc
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests import sqlite_leaks

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Property tests check what holds, never how fast: a loaded CI machine must not fail an example
# for taking more than hypothesis's default 200 ms (timing lives in bench/).
settings.register_profile("reader", deadline=None)
settings.load_profile("reader")
sqlite_leaks.install()  # an SQLite connection left open fails the run, as Python 3.13 warns of it


# A test that hangs (a deadlock between Qt's locks and the interpreter's) would hold CI until
# its time runs out and say nothing. Past HANG_S, faulthandler's own thread (which needs no
# interpreter lock) writes where every thread stands to HANG_LOG and ends the run; .ci/run
# prints that file. No test takes a minute even on a loaded machine.
HANG_S = float(os.environ.get("READER_TEST_HANG_S", "600"))
HANG_LOG = os.environ.get("READER_TEST_HANG_LOG", os.path.join(tempfile.gettempdir(), "reader-test-hang.log"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    with open(HANG_LOG, "w", encoding="utf-8") as log:
        log.write(f"{item.nodeid} did not end within {HANG_S:.0f} s; every thread then:\n")
        log.flush()
        faulthandler.dump_traceback_later(HANG_S, exit=True, file=log)
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()
    os.remove(HANG_LOG)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if sqlite_leaks.leaks:
        found = "; ".join(f"{n}× opened at {where}" for where, n in sqlite_leaks.leaks.most_common(5))
        session.config.get_terminal_writer().line(f"SQLite connections never closed: {found}", red=True)
        session.exitstatus = 1
    _FINISHED.append(session)


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """The process ends here, with the session's exit status, once the summary is printed: before
    any other plugin's unconfigure, and with no interpreter shutdown. A run aborted now and then
    (free(): invalid pointer) after every test had passed, in a last full collection of the UI
    tests' thousands of dead Qt wrappers at once, in no order: this conftest's own once, and
    pytest's (its unraisable-exception plugin collects in its unconfigure, to report what a
    finalizer raised). Each test's garbage is collected as the tests run (each ends with the
    loader's frozen objects back in the collector's reach, ``_unfreeze``), so a connection
    dropped unclosed, or a finalizer that raises, is seen then. An interrupted run ends as
    pytest ends it (its terminal reports the interruption in its unconfigure)."""
    if _FINISHED and _FINISHED[-1].exitstatus != pytest.ExitCode.INTERRUPTED:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(int(_FINISHED[-1].exitstatus))


_FINISHED: list[pytest.Session] = []  # the session, once it has finished (pytest_sessionfinish)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture(autouse=True)
def _unfreeze() -> Iterator[None]:
    """A loader freezes what it built (reader.library.collector); each test ends with it back in
    the collector's reach, so that a cycle a test leaves (an unclosed connection's) is still
    collected and seen."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh READER_DATA_DIR for each test: no test touches a real home."""
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("READER_DATA_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD


@pytest.fixture
def char_point():  # noqa: ANN201 - returns a function over Qt types, imported lazily
    """A function giving the middle of the character at a code-point ``offset`` of an article
    view, in viewport coordinates: where a user clicks or hovers on that character."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    def point(view, offset: int) -> QPoint:  # noqa: ANN001 - reader.ui.view.ArticleView
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_qt(offset))
        left = view.cursorRect(cursor)
        cursor.setPosition(view.positions.to_qt(offset + 1))
        right = view.cursorRect(cursor)
        return QPoint((left.left() + right.left()) // 2, left.center().y())

    return point


class FakeDialogs:
    """The window's questions answered by the test: set ``text``, ``save_path``, ``open_path``
    (a value, or a function of the question's arguments); ``shown`` and ``messages`` record
    what the window showed. The note dialog is the real one, driven by its own tests' fakes."""

    def __init__(self) -> None:
        self.text: object = ""
        self.save_path: object = ""
        self.open_path: object = ""
        self.folder = ""
        self.files: list[str] = []
        self.asked: list[tuple[str, ...]] = []
        self.shown: list[object] = []
        self.messages: list[tuple[str, str]] = []

    @staticmethod
    def _answer(answer: object, *args: str) -> str:
        return str(answer(*args)) if callable(answer) else str(answer)

    def ask_text(self, title: str, label: str, text: str) -> str:
        self.asked.append((title, label, text))
        return self._answer(self.text, title, label, text)

    def ask_folder(self) -> str:
        return self.folder

    def ask_files(self) -> list[str]:
        return list(self.files)

    def ask_save_path(self, title: str, name: str, file_filter: str) -> str:
        self.asked.append((title, name, file_filter))
        return self._answer(self.save_path, title, name, file_filter)

    def ask_open_path(self, title: str, file_filter: str) -> str:
        self.asked.append((title, file_filter))
        return self._answer(self.open_path, title, file_filter)

    def ask_annotation(self, annotation):  # noqa: ANN001, ANN201 - the real dialog, faked by its tests
        from reader.ui.dialogs.annotation import AnnotationDialog  # noqa: PLC0415 - Qt only here

        return AnnotationDialog.ask(annotation, None)

    def show(self, dialog: object) -> None:
        self.shown.append(dialog)

    def message(self, title: str, html: str) -> None:
        self.messages.append((title, html))


@pytest.fixture
def dialogs_factory() -> type[FakeDialogs]:
    """Makes the fake dialogs a window is given in tests (one per window)."""
    return FakeDialogs


REAL = ROOT / "tests" / "data" / "real" / "articles"


@pytest.fixture(scope="session")
def reprints_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library where one real story (36氪's ShowMeBug funding post) is published three times —
    as it came, re-headed and re-footed by 虎嗅, and cut and lightly edited by 腾讯科技 — next to
    two unrelated real posts from the same site and day."""
    from reader.ingest.load import load_file  # noqa: PLC0415 - the package under test

    folder = tmp_path_factory.mktemp("reprints")
    original = REAL / "003.md"
    (folder / "36kr.md").write_bytes(original.read_bytes())
    for other in ("001.md", "002.md"):
        (folder / f"other_{other}").write_bytes((REAL / other).read_bytes())
    article = load_file(original, original.parent)
    paragraphs = article.text.split("\n")
    front = "---\ntitle: '{title}'\nsource: {source}\ndate: 2021-03-23\n---\n\n"
    (folder / "huxiu.md").write_text(
        front.format(title=article.title, source="虎嗅")
        + "本文来自36氪，虎嗅经授权发布。\n\n"
        + "\n\n".join(paragraphs)
        + "\n\n本文由虎嗅原创出品，未经许可，任何渠道、平台请勿转载。\n\n责任编辑：王佳\n",
        encoding="utf-8",
    )
    cut = paragraphs[: len(paragraphs) * 2 // 3]
    edited = [p.replace("，", ",", 3).replace("36氪获悉", "据悉").replace("「ShowMeBug」", "ShowMeBug") for p in cut]
    (folder / "tencent.md").write_text(
        front.format(title="ShowMeBug获真格数千万元Pre-A轮融资", source="腾讯科技")
        + "\n\n".join(edited)
        + "\n",
        encoding="utf-8",
    )
    return folder
