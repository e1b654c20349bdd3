"""The window keeps notes anchored to the article as it is now, and imports as one undo step."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from reader.library.store import Store
from reader.notes.model import Kind, Selector, new_annotation
from reader.notes.repository import AnnotationRepository
from reader.notes.w3c import to_w3c
from reader.ui.window import MainWindow

OLD = "# 小米\n\n小米集团公布，小米汽车三月交付量超过三万辆。\n\n雷军表示，新工厂将在年内投产。"
NEW = "# 小米\n\n【快讯】据报道，小米集团公布，小米汽车三月交付量超过三万辆。\n\n雷军表示，新工厂将在年内投产。"


def test_window_writes_moved_positions_back_to_the_store(
    make_window: Callable[..., MainWindow], store: Store, tmp_path: Path
) -> None:
    (tmp_path / "xiaomi.md").write_text(OLD, encoding="utf-8")
    window = make_window([tmp_path])
    assert window.library is not None
    text = window.library.article("xiaomi.md").text
    start = text.index("小米汽车")
    repo = AnnotationRepository(store)
    note = repo.add(new_annotation(window.library.root, "xiaomi.md", Kind.HIGHLIGHT, selector=Selector.from_text(text, start, start + 4)))
    window.close()

    (tmp_path / "xiaomi.md").write_text(NEW, encoding="utf-8")
    window = make_window([tmp_path])
    assert window.library is not None
    new_text = window.library.article("xiaomi.md").text
    stored = repo.get(note.id)
    assert stored is not None and stored.selector is not None
    assert new_text[stored.selector.start : stored.selector.end] == "小米汽车"
    assert stored.selector.start != note.selector.start  # type: ignore[union-attr]
    assert stored.modified == note.modified  # re-anchoring is not the user's edit


def test_window_import_is_undone_in_one_step(make_window: Callable[..., MainWindow], store: Store, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "xiaomi.md").write_text(OLD, encoding="utf-8")
    window = make_window([library])
    assert window.library is not None and window.undo is not None
    article = window.library.article("xiaomi.md")
    notes = [
        new_annotation(window.library.root, "xiaomi.md", Kind.HIGHLIGHT, selector=Selector.from_text(article.text, s, s + 2))
        for s in (article.text.index("小米汽车"), article.text.index("雷军"), article.text.index("新工厂"))
    ]
    exported = tmp_path / "notes.json"
    exported.write_text(json.dumps(to_w3c(notes, {article.key: article}), ensure_ascii=False), encoding="utf-8")
    window.dialogs.open_path = str(exported)
    window.act_import_w3c.trigger()
    repo = AnnotationRepository(store)
    assert len(repo.for_library(window.library.root)) == 3
    assert len(window.view.highlights()) == 3
    assert "Ctrl+Z to undo" in window.status_message()
    assert window.act_undo.text() == "&Undo import 3 annotations"

    window.act_undo.trigger()
    assert repo.for_library(window.library.root) == []
    assert window.view.highlights() == []
    window.act_redo.trigger()
    assert len(repo.for_library(window.library.root)) == 3
