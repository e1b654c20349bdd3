"""File dialogs start in the folder last used for the same purpose (issue 17, point 7)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
import pytest

from reader.ui.dialogs.ask import Dialogs


def test_file_dialogs_start_where_the_last_one_of_their_kind_ended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = QSettings(str(tmp_path / "reader.ini"), QSettings.Format.IniFormat)
    exports, articles = tmp_path / "vault", tmp_path / "news"
    exports.mkdir()
    articles.mkdir()
    started: list[str] = []

    def save(_parent, _title, start, _filter):  # noqa: ANN001, ANN202
        started.append(start)
        return str(exports / "notes.md"), ""

    def folder(_parent, _title, start):  # noqa: ANN001, ANN202
        started.append(start)
        return str(articles)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    dialogs = Dialogs(None, settings)
    dialogs.ask_save_path("Export", "notes.md", "*.md")
    dialogs.ask_folder()
    # a new run: the settings are read back
    again = Dialogs(None, QSettings(str(tmp_path / "reader.ini"), QSettings.Format.IniFormat))
    again.ask_save_path("Export", "more.md", "*.md")
    again.ask_folder()
    assert started[0] == str(Path.home() / "notes.md") and started[1] == str(Path.home())
    assert started[2] == str(exports / "more.md") and started[3] == str(articles)
