"""The hostile input set: every file opens clean or is reported by name; nothing is fetched."""

from __future__ import annotations

import importlib.util
import socket
from pathlib import Path

import pytest

from reader.analysis.pipeline import Analysis
from reader.cli import main
from reader.ingest.model import Article
from reader.library.identity import library_id
from reader.library.load import load_library
from reader.library.store import Store
from reader.notes.repository import AnnotationRepository

_spec = importlib.util.spec_from_file_location("hostile", Path(__file__).parents[1] / "data" / "hostile" / "make.py")
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)  # type: ignore[union-attr]


class NoAnalysis:
    version = "none"

    def analyse(self, article: Article) -> Analysis:
        return Analysis()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_hostile_set_loads_or_reports_every_file(tmp_path: Path, no_network: None) -> None:
    expected = hostile.make(tmp_path / "hostile")
    library = load_library([tmp_path / "hostile"], None, NoAnalysis())
    loaded = {a.key for a in library.articles}
    errors = {e.file: e.message for e in library.errors}
    for name, expectation in expected.items():
        if expectation == "ok":
            assert name in loaded, (name, errors.get(name))
        else:
            assert name in errors and errors[name], name
    assert not loaded & set(errors)
    for article in library.articles:
        for bad in ("<", "javascript", "alert(", "evil.example", "file://", "\x00", "\u202e", "\u200b"):
            assert bad not in article.text, (article.key, bad)
    assert "too large" in errors["huge-50mb.md"]
    assert library.article("good.md").title == "正常的文章"
    assert "一万亿元" in library.article("gbk-as-utf8.html").text
    assert "微信月活躍用戶" in library.article("big5-as-utf8.txt").text
    assert "阿里巴巴" in library.article("rtl-zero-width.md").text


def test_hostile_annotation_files_import_or_are_refused_by_name(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader notes import` of each hostile W3C file: imported, or refused with exit 2 and the
    problem named, never a traceback, and a refused file imports nothing."""
    library = tmp_path / "library"
    library.mkdir()
    (library / "good.md").write_bytes(hostile.GOOD.encode())
    expected = hostile.make_annotations(tmp_path / "annotations")
    store = Store.open(data_dir)
    repo = AnnotationRepository(store)
    lib = library_id([library])
    for name, expectation in expected.items():
        before = repo.for_library(lib)
        status = main(["notes", "import", str(tmp_path / "annotations" / name), "--library", str(library)])
        err = capsys.readouterr().err
        if expectation == "ok":
            assert status == 0 and "imported" in err, (name, err)
        else:
            assert status == 2 and f"{name}: " in err and "Traceback" not in err, (name, err)
            assert repo.for_library(lib) == before, name
    assert sorted(a.note for a in repo.for_library(lib)) == ["带 BOM 的文件", "第一条", "第二条"]
    store.close()
