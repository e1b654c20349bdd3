"""Notes export and import on their own: a library, a repository, the session and view, and
fake dialogs that name the files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.pipeline import Analyzer
from reader.library.library import Library
from reader.library.load import load_library
from reader.library.store import Store
from reader.notes.model import Kind, Selector, new_annotation
from reader.notes.repository import AnnotationRepository
from reader.ui.notes_transfer import NotesTransfer
from reader.ui.session import ReadingSession
from reader.ui.view import ArticleView


@pytest.fixture
def library(tmp_path: Path, analyzer: Analyzer) -> Library:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: 甲\n---\n\n阿里巴巴发布财报，营收增长。\n", encoding="utf-8")
    (folder / "b.md").write_text("---\ntitle: 乙\n---\n\n字节跳动也很忙。\n", encoding="utf-8")
    return load_library([folder], None, analyzer)


class Transfer(QWidget):
    def __init__(self, store: Store, library: Library, dialogs: object) -> None:
        super().__init__()
        self.session = ReadingSession(self)
        self.session.set_library(library)
        self.view = ArticleView(self)
        self.repo = AnnotationRepository(store)
        self.reports: list[str] = []
        self.dialogs = dialogs
        self.transfer = NotesTransfer(self.repo, self.session, self.view, dialogs, self.reports.append, self)  # type: ignore[arg-type]

    def note(self, key: str, quote: str, note: str) -> None:
        article = self.session.library.article(key)
        start = article.text.index(quote)
        selector = Selector.from_text(article.text, start, start + len(quote))
        self.repo.add(new_annotation(self.session.library.root, key, Kind.HIGHLIGHT, selector=selector, note=note))


@pytest.fixture
def transfer(qtbot: QtBot, store: Store, library: Library, dialogs_factory) -> Transfer:  # noqa: ANN001
    widget = Transfer(store, library, dialogs_factory())
    qtbot.add_widget(widget)
    widget.note("a.md", "营收增长", "看好")
    widget.note("b.md", "字节跳动", "也看看")
    return widget


def test_export_the_open_articles_notes_as_markdown(transfer: Transfer, tmp_path: Path) -> None:
    transfer.transfer.export_article_notes()
    assert transfer.reports == ["Open an article first."]
    library = transfer.session.library
    transfer.view.set_article(library.article("a.md"), library.analysis("a.md"))
    transfer.dialogs.save_path = str(tmp_path / "a.md")
    transfer.transfer.export_article_notes()
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert "营收增长" in text and "看好" in text and "字节跳动" not in text
    assert transfer.reports[-1] == f"Exported 1 note to {tmp_path / 'a.md'}"
    assert transfer.dialogs.asked[-1][1] == "甲.md"  # the article's title names the file


def test_w3c_round_trip_imports_nothing_new_and_says_so(qtbot: QtBot, transfer: Transfer, tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    transfer.dialogs.save_path = str(path)
    transfer.transfer.export_w3c_annotations()
    assert transfer.reports[-1] == f"Exported 2 annotations to {path}"
    assert len(json.loads(path.read_text(encoding="utf-8"))["first"]["items"]) == 2
    transfer.dialogs.open_path = str(path)
    with qtbot.waitSignal(transfer.transfer.imported):
        transfer.transfer.import_w3c_annotations()
    assert transfer.reports[-1] == "Imported 0 new, 0 updated, 2 already present"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\xff\xfe not text", "not a UTF-8 file"),
        (b"{ not json", "not a JSON file"),
        (b"[" * 100_000 + b"]" * 100_000, "not an annotation file: its JSON is nested too deeply"),
        (b'{"type": "AnnotationPage", "items": 5}', "not a W3C annotation document: its 'items' is a number"),
        (b'{"type": "AnnotationPage", "items": [{"target": "a.md"}, 5]}', "nothing was imported: item 2 is a number"),
    ],
)
def test_a_bad_import_file_is_named_not_raised(qtbot: QtBot, transfer: Transfer, tmp_path: Path, content: bytes, said: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    transfer.dialogs.open_path = str(path)
    with qtbot.assertNotEmitted(transfer.transfer.imported):
        transfer.transfer.import_w3c_annotations()
    assert transfer.reports[-1].startswith(f"Could not import {path}: {said}")
    transfer.dialogs.open_path = str(tmp_path / "missing.json")
    transfer.transfer.import_w3c_annotations()
    assert transfer.reports[-1] == f"Could not import {tmp_path / 'missing.json'}: no such file"


def test_notes_of_a_reopened_library_export_anchored_and_import_as_present(
    qtbot: QtBot, store: Store, library: Library, analyzer: Analyzer, dialogs_factory, tmp_path: Path  # noqa: ANN001
) -> None:
    """A library reopened from the cache holds no texts: the export and the import read those of
    the notes' articles, and anchor them as the library read from its files does."""
    folder = Path(library.folders[0])
    load_library([folder], store, analyzer)
    reopened = load_library([folder], store, analyzer)
    assert reopened.listed("a.md").text == ""
    widget = Transfer(store, reopened, dialogs_factory())
    qtbot.add_widget(widget)
    widget.note("a.md", "营收增长", "看好")
    widget.note("b.md", "字节跳动", "也看看")
    widget.dialogs.save_path = str(tmp_path / "notes.md")
    widget.transfer.export_library_notes()
    exported = (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert "营收增长" in exported and "字节跳动" in exported
    assert "rphan" not in exported  # both placed in their articles
    path = tmp_path / "notes.json"
    widget.dialogs.save_path = str(path)
    widget.transfer.export_w3c_annotations()
    items = json.loads(path.read_text(encoding="utf-8"))["first"]["items"]
    positions = [s for item in items for s in item["target"]["selector"] if s["type"] == "TextPositionSelector"]
    assert len(positions) == 2
    widget.dialogs.open_path = str(path)
    with qtbot.waitSignal(widget.transfer.imported):
        widget.transfer.import_w3c_annotations()
    assert widget.reports[-1] == "Imported 0 new, 0 updated, 2 already present"
