"""``reader notes export LIB --flavour obsidian -o VAULT``: the vault parsed back — front matter,
figures tables, and every [[wikilink]] resolving to a note the export wrote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from reader.cli import main
from reader.library.identity import library_id
from reader.library.store import Store
from reader.notes.articles import load_articles
from reader.notes.model import Kind, Selector, new_annotation
from reader.notes.repository import AnnotationRepository

XIAOMI = """---
title: 小米汽车交付量创新高
date: 2026-03-01
source: 界面新闻
---

小米集团公布，小米汽车三月交付量超过三万辆。小米集团2025年营收达到3659亿元。

雷军表示，新工厂将在年内投产。
"""
MEITUAN = """---
title: "美团: 外卖 [快讯]"
date: 2026-03-02
---

美团发布财报，王兴表示将继续投入。
"""
_WIKILINK = re.compile(r"\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]")


@pytest.fixture
def library(tmp_path: Path, data_dir: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "xiaomi.md").write_text(XIAOMI, encoding="utf-8")
    (folder / "meituan.md").write_text(MEITUAN, encoding="utf-8")
    (folder / "untouched.md").write_text("# 没有笔记\n\n阿里巴巴发布财报。", encoding="utf-8")
    articles, _ = load_articles(folder)
    store = Store.open(data_dir)
    repo = AnnotationRepository(store)
    lib = library_id([folder])
    for key, quote, note in (("xiaomi.md", "小米集团公布，小米汽车三月交付量", "交付提速"), ("meituan.md", "王兴表示将继续投入", "")):
        text = articles[key].text
        start = text.index(quote)
        repo.add(new_annotation(lib, key, Kind.HIGHLIGHT, selector=Selector.from_text(text, start, start + len(quote)), note=note))
    repo.add(new_annotation(lib, "", Kind.ENTITY_NOTE, entity="雷军", note="小米创始人"))
    store.close()
    return folder


def _vault(library: Path, tmp_path: Path, *extra: str) -> dict[str, str]:
    vault = tmp_path / "vault"
    assert main(["notes", "export", str(library), "--flavour", "obsidian", "-o", str(vault), *extra]) == 0
    return {p.stem: p.read_text(encoding="utf-8") for p in vault.glob("*.md")}


def _front(note: str) -> dict:
    return yaml.safe_load(note.split("---\n")[1])


def test_obsidian_vault_links_all_resolve(library: Path, tmp_path: Path) -> None:
    notes = _vault(library, tmp_path)
    links = {target for text in notes.values() for target in _WIKILINK.findall(text)}
    assert links and links <= set(notes), f"dangling: {links - set(notes)}"
    # Both ways: an article links its names, and each of them links back to it.
    articles = [name for name, text in notes.items() if _front(text)["type"] == "article"]
    for article in articles:
        for entity in _WIKILINK.findall(notes[article]):
            assert article in _WIKILINK.findall(notes[entity]), (article, entity)


def test_obsidian_vault_has_a_note_per_article_and_per_annotated_name(library: Path, tmp_path: Path) -> None:
    notes = _vault(library, tmp_path)
    articles = {name for name, text in notes.items() if _front(text)["type"] == "article"}
    assert articles == {"小米汽车交付量创新高", "美团 外卖 快讯"}  # the title's [] and : are not note-name characters
    names = set(notes) - articles
    assert {"小米", "雷军", "王兴"} <= names  # named in a highlight, or noted
    assert "阿里巴巴" not in names  # only in an article without notes

    xiaomi = _front(notes["小米汽车交付量创新高"])
    assert xiaomi["source"] == "界面新闻" and xiaomi["date"] == "2026-03-01"
    assert "[[小米]]" in xiaomi["entities"]
    assert "交付提速" in notes["小米汽车交付量创新高"]


def test_obsidian_entity_note_has_front_matter_notes_and_figures(library: Path, tmp_path: Path) -> None:
    notes = _vault(library, tmp_path)
    leijun = _front(notes["雷军"])
    assert leijun["type"] == "person" and leijun["articles"] == []  # a note on him, made outside any article
    assert "小米创始人" in notes["雷军"]
    xiaomi = notes["小米"]
    front = _front(xiaomi)
    assert front["type"] == "org" and front["articles"] == ["[[小米汽车交付量创新高]]"]
    rows = [line for line in xiaomi.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0].startswith("| Figure | Value |")
    assert any("3659亿元" in row and "365,900,000,000 CNY" in row and "[[小米汽车交付量创新高]]" in row for row in rows[1:])
    assert "Named with: " in xiaomi and "雷军 (1)" in xiaomi  # as on the entity card (library.cards)


def test_obsidian_templates_are_replaceable(library: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.j2"
    article.write_text("---\ntype: article\n---\n{{ page.article.title }} → {{ page.entities | map('wikilink') | join(' ') }}\n", encoding="utf-8")
    entity = tmp_path / "entity.j2"
    entity.write_text("---\ntype: {{ entity.type | yaml }}\n---\n{{ entity.name }}: {{ entity.figures | length }} figures\n", encoding="utf-8")
    notes = _vault(library, tmp_path, "--template", str(article), "--entity-template", str(entity))
    assert notes["小米"].endswith("小米: 1 figures\n")
    assert "[[小米]]" in notes["小米汽车交付量创新高"]


@pytest.mark.parametrize("extra", [[], ["-o", "-"], ["-o", "x", "--format", "w3c"]])
def test_obsidian_needs_a_folder(library: Path, extra: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "export", str(library), "--flavour", "obsidian", *extra]) == 2
    assert "give -o FOLDER" in capsys.readouterr().err
