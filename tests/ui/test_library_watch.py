"""A library that grows while you read (issue 19, point 4): files that appear, vanish or change
in the library's folder show up without a restart, at the article being read; folders dropped
on the window join the library."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from reader.ui.window import MainWindow

WAIT_MS = 20_000


def _article(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    return path


def _keys(window: MainWindow) -> set[str]:
    return {a.key for a in window.library.articles} if window.library is not None else set()


def test_new_changed_and_removed_files_show_without_a_restart(make_window, tmp_path: Path, qtbot: QtBot) -> None:  # noqa: ANN001
    folder = tmp_path / "news"
    folder.mkdir()
    _article(folder, "a.md", "甲", "阿里巴巴发布财报。")
    second = _article(folder, "b.md", "乙", "腾讯发布财报。")
    window = make_window([folder], "b.md")
    assert window.current_key == "b.md" and str(folder) in window.library_watch.watched

    _article(folder, "c.md", "丙", "字节跳动营收增长。")
    qtbot.waitUntil(lambda: "c.md" in _keys(window), timeout=WAIT_MS)
    assert window.current_key == "b.md"  # still reading the same article

    second.write_text("# 乙\n\n腾讯与美团发布财报。\n", encoding="utf-8")  # the open article changes
    qtbot.waitUntil(lambda: "美团" in window.view.text(), timeout=WAIT_MS)

    (folder / "a.md").unlink()
    qtbot.waitUntil(lambda: _keys(window) == {"b.md", "c.md"}, timeout=WAIT_MS)


def test_a_folder_dropped_on_the_window_joins_the_library(make_window, tmp_path: Path, qtbot: QtBot) -> None:  # noqa: ANN001
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    _article(first, "a.md", "甲", "阿里巴巴发布财报。")
    _article(second, "b.md", "乙", "腾讯发布财报。")
    window = make_window([first])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: len(_keys(window)) == 2, timeout=WAIT_MS)
    assert window.library is not None and set(window.library.folders) == {first, second}


def test_a_pasted_page_becomes_an_article_of_the_library(make_window, tmp_path: Path, qtbot: QtBot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QGuiApplication

    folder = tmp_path / "news"
    folder.mkdir()
    _article(folder, "a.md", "甲", "阿里巴巴发布财报。")
    window = make_window([folder])
    mime = QMimeData()
    mime.setHtml("<p>美团发布财报，营收增长<b>20%</b>。</p>")
    mime.setText("美团发布财报，营收增长20%。")
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(mime)
    try:
        window.dialogs.text = "美团财报"
        window.act_paste_article.trigger()
        assert (folder / "美团财报.html").is_file()
        qtbot.waitUntil(lambda: "美团财报.html" in _keys(window), timeout=WAIT_MS)
        assert window.library.article("美团财报.html").title == "美团财报"
        window.act_paste_article.trigger()  # the same title again: a second file, nothing overwritten
        assert (folder / "美团财报-2.html").is_file()
    finally:
        # Left on the clipboard, the Python-made QMimeData would be destroyed by Qt's own
        # clean-up after Python has ended: the test process crashed at exit (SIGSEGV).
        clipboard.clear()
