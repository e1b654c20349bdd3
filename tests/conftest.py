"""Shared fixtures. Qt runs offscreen and every test gets its own data directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold"


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
