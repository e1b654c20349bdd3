from __future__ import annotations

import json
import os
import re
import shutil
import stat
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from reader.cli import main
from reader.library.identity import library_id
from reader.library.store import Store
from reader.notes.model import Kind, Selector, new_annotation
from reader.notes.repository import AnnotationRepository

ARTICLE = """---
title: 小米汽车交付量创新高
date: 2026-03-01
source: 界面新闻
tags: [汽车]
---

小米集团公布，小米汽车三月交付量超过三万辆。

雷军表示，*新工厂* 将在年内投产。
"""


@pytest.fixture
def library(tmp_path: Path, data_dir: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "汽车").mkdir(parents=True)
    (folder / "汽车" / "xiaomi.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "other.md").write_text("# 另一篇\n\n没有笔记的文章。", encoding="utf-8")
    from reader.notes.articles import load_articles

    articles, errors = load_articles(folder)
    assert not errors
    text = articles["汽车/xiaomi.md"].text
    start = text.index("小米汽车三月")
    store = Store.open(data_dir)
    repo = AnnotationRepository(store)
    lib = library_id([folder])
    repo.add(new_annotation(lib, "汽车/xiaomi.md", Kind.HIGHLIGHT, selector=Selector.from_text(text, start, start + 12), note="交付 *提速*", tags=("汽车",)))
    repo.add(new_annotation(lib, "", Kind.ENTITY_NOTE, entity="雷军", note="创始人"))
    store.close()
    return folder


def test_cli_export_markdown_library(library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "notes.md"
    assert main(["notes", "export", str(library), "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    assert yaml.safe_load(written.split("---\n")[1])["title"] == "articles notes"
    assert "## 小米汽车交付量创新高" in written
    assert "> 小米汽车三月交付量超过三\n" in written and "交付 *提速*" in written
    assert "### 雷军" in written
    assert "wrote 2 annotations" in capsys.readouterr().err


def test_cli_export_markdown_one_article_into_folder(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "vault"
    out.mkdir()
    article = library / "汽车" / "xiaomi.md"
    assert main(["notes", "export", str(library), "--article", str(article), "-o", str(out)]) == 0
    (written,) = out.iterdir()
    assert written.name == "小米汽车交付量创新高.md"
    front = yaml.safe_load(written.read_text(encoding="utf-8").split("---\n")[1])
    assert front["source"] == "界面新闻" and front["date"] == "2026-03-01" and front["tags"] == ["汽车"]
    assert "[File](../articles/%E6%B1%BD%E8%BD%A6/xiaomi.md)" in written.read_text(encoding="utf-8")


def test_cli_export_w3c_and_import_into_fresh_database(library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "backup.json"
    assert main(["notes", "export", str(library), "--format", "w3c", "-o", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["type"] == "AnnotationCollection" and document["total"] == 2
    assert {item["target"]["source"] for item in document["first"]["items"]} >= {(library / "汽车" / "xiaomi.md").resolve().as_uri()}

    fresh = tmp_path / "fresh-data"
    assert main(["notes", "import", str(out), "--library", str(library), "--data-dir", str(fresh)]) == 0
    assert "imported 2 new" in capsys.readouterr().err
    assert main(["notes", "import", str(out), "--library", str(library), "--data-dir", str(fresh)]) == 0
    assert "imported 0 new, 0 updated, 2 already present" in capsys.readouterr().err
    store = Store.open(fresh)
    assert len(AnnotationRepository(store).for_library(library_id([library]))) == 2
    store.close()


def test_cli_import_of_a_backup_into_a_copy_of_the_library_leaves_the_original_alone(
    library: Path, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup.json"
    assert main(["notes", "export", str(library), "--format", "w3c", "-o", str(backup)]) == 0
    document = json.loads(backup.read_text(encoding="utf-8"))
    for item in document["first"]["items"]:
        item["modified"] = "2999-01-01T00:00:00+00:00"  # newer than the original's: still no move
    backup.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    copy = tmp_path / "copy"
    shutil.copytree(library, copy)
    store = Store.open(data_dir)
    before = AnnotationRepository(store).for_library(library_id([library]))
    store.close()

    assert main(["notes", "import", str(backup), "--library", str(copy)]) == 0
    assert "imported 2 new" in capsys.readouterr().err
    store = Store.open(data_dir)
    repo = AnnotationRepository(store)
    assert repo.for_library(library_id([library])) == before
    assert sorted(a.note for a in repo.for_library(library_id([copy]))) == sorted(a.note for a in before)
    store.close()


def test_cli_export_to_stdout(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "export", str(library), "--format", "w3c", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 2


@pytest.mark.parametrize("format_", ["markdown", "w3c"])
def test_cli_export_to_a_named_pipe_streams_into_it(library: Path, tmp_path: Path, format_: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    assert main(["notes", "export", str(library), "--format", format_, "-o", str(fifo)]) == 0
    reader.join(timeout=10)
    assert "小米汽车三月交付量超过三" in received[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cli_export_to_a_link_to_standard_output_writes_there_and_keeps_the_link(
    library: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """What `-o /dev/stdout` does, without risking the machine's /dev/stdout should it fail."""
    link = tmp_path / "out.json"
    link.symlink_to("/dev/stdout")
    assert main(["notes", "export", str(library), "--format", "w3c", "-o", str(link)]) == 0
    assert json.loads(capfd.readouterr().out)["total"] == 2
    assert link.is_symlink()


def test_cli_export_removes_a_killed_exports_temporary_file(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    leftover = out / ".articles notes.md.x1y2z3_4.tmp"
    leftover.write_text("half an export", encoding="utf-8")
    os.utime(leftover, (0, 0))
    assert main(["notes", "export", str(library), "-o", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["articles notes.md"]


def test_cli_export_with_template(library: Path, tmp_path: Path) -> None:
    template = tmp_path / "t.j2"
    template.write_text("{{ doc.articles | length }} articles\n", encoding="utf-8")
    out = tmp_path / "n.md"
    assert main(["notes", "export", str(library), "--template", str(template), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "1 articles\n"


def test_cli_errors_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "export", str(tmp_path / "nowhere")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["notes", "import", str(bad), "--library", str(tmp_path)]) == 2
    assert "not a JSON file" in capsys.readouterr().err
    assert main(["notes", "export", str(tmp_path), "-o", str(tmp_path / "missing" / "x.md")]) == 1
    assert "no such folder" in capsys.readouterr().err


def _file_link(markdown: str) -> str:
    found = re.search(r"\[File\]\(([^)]+)\)", markdown)
    assert found is not None, markdown
    return found[1]


def test_cli_export_without_output_writes_markdown_to_stdout(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "export", str(library)]) == 0
    out, err = capsys.readouterr()
    assert yaml.safe_load(out.split("---\n")[1])["title"] == "articles notes"
    assert "wrote" not in err
    # No file to be relative to: the link is an absolute file:// URI.
    link = _file_link(out)
    assert link.startswith("file:///") and Path(unquote(urlsplit(link).path)) == (library / "汽车" / "xiaomi.md").resolve()


def test_cli_export_file_links_are_relative_to_the_output_not_the_current_folder(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    (tmp_path / "vault" / "reading").mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    assert main(["notes", "export", str(library), "-o", "../../vault/reading/notes.md"]) == 0
    written = tmp_path / "vault" / "reading" / "notes.md"
    link = _file_link(written.read_text(encoding="utf-8"))
    assert not link.startswith(("/", "file:"))
    assert (written.parent / unquote(link)).resolve() == (library / "汽车" / "xiaomi.md").resolve()


def test_cli_export_w3c_after_the_article_changed_points_at_its_words_now(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = library / "汽车" / "xiaomi.md"
    article.write_text(ARTICLE.replace("小米集团公布，", "【快讯】据多家媒体报道，小米集团正式公布，"), encoding="utf-8")
    assert main(["notes", "export", str(library), "--format", "w3c"]) == 0
    from reader.notes.articles import load_articles

    text = load_articles(library)[0]["汽车/xiaomi.md"].text
    (item,) = [i for i in json.loads(capsys.readouterr().out)["first"]["items"] if i["target"]["source"].endswith("/xiaomi.md")]
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    position = selectors["TextPositionSelector"]
    assert text[position["start"] : position["end"]] == selectors["TextQuoteSelector"]["exact"] == "小米汽车三月交付量超过三"
