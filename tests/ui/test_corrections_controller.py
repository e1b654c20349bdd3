"""The corrections controller on its own: a view, a store, fake dialogs, and a recorder in
place of the window's re-analysis."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.analysis.corrections import AddEntity, Corrections, Ignore, Rename
from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analysis
from reader.ingest.load import parse_article
from reader.library.corrections import stored_corrections
from reader.errors import StoreUnavailable
from reader.library.store import Store
from reader.ui.corrections import CorrectionsController, markable
from reader.ui.view import ArticleView

TEXT = "星河跃迁今天发布新品，字节跳动也在场。"


@pytest.fixture
def controller(qtbot: QtBot, store: Store, dialogs_factory) -> tuple[CorrectionsController, list, list]:  # noqa: ANN001
    view = ArticleView()
    qtbot.add_widget(view)
    article = parse_article(f"---\ntitle: 甲\n---\n\n{TEXT}\n".encode(), "a.md")
    view.set_article(article, Analysis((Mention(11, 15, "字节跳动", EntityType.ORG, "字节跳动"),)))
    reanalysed: list[Corrections] = []
    reports: list[str] = []

    def reanalyse(corrections: Corrections) -> bool:
        reanalysed.append(corrections)
        return True

    c = CorrectionsController(view, dialogs_factory(), store, reanalyse, reports.append)
    return c, reanalysed, reports


def _trigger(menu: QMenu, text: str) -> None:
    actions = [a for a in menu.actions()] + [a for m in menu.findChildren(QMenu) for a in m.actions()]
    next(a for a in actions if a.text() == text).trigger()


@pytest.mark.parametrize(("surface", "ok"), [("星河跃迁", True), ("星", False), ("星河\n跃迁", False), ("长" * 31, False)])
def test_markable_selections(surface: str, ok: bool) -> None:
    assert markable(surface) == ok


def test_mark_selection_stores_and_reanalyses_then_undoes(controller, store: Store) -> None:  # noqa: ANN001
    c, reanalysed, _reports = controller
    text = c.view.text()
    start = text.index("星河跃迁")
    c.view.select_span(start, start + 4)
    menu = QMenu()
    c.add_mark_items(menu)
    menu.triggered.connect(c.handle)
    _trigger(menu, "Mark “星河跃迁” as Organisation")
    assert AddEntity("星河跃迁", EntityType.ORG, ()) in stored_corrections(store).items
    assert reanalysed and c.act_undo.isEnabled() and not c.act_redo.isEnabled()
    c.act_undo.trigger()
    assert stored_corrections(store) == Corrections()
    assert c.act_redo.isEnabled()
    c.act_redo.trigger()
    assert AddEntity("星河跃迁", EntityType.ORG, ()) in stored_corrections(store).items


def test_correction_menu_renames_and_ignores(controller, store: Store) -> None:  # noqa: ANN001
    c, reanalysed, _reports = controller
    mention = Mention(11, 15, "字节跳动", EntityType.ORG, "字节跳动")
    c.dialogs.text = "ByteDance"
    menu = QMenu()
    c.add_correction_menu(menu, mention)
    menu.triggered.connect(c.handle)  # a submenu's actions reach the top menu's signal too
    _trigger(menu, "Rename…")
    _trigger(menu, "Never Highlight “字节跳动”")
    items = stored_corrections(store).items
    assert Rename("字节跳动", "ByteDance") in items and Ignore("字节跳动") in items
    assert len(reanalysed) == 2


class FullStore:
    """A store whose disk is full: reading works, writing fails as the real one says."""

    def corrections(self) -> list[str]:
        return []

    def add_correction(self, data: str) -> None:
        raise StoreUnavailable("database or disk is full")


def test_a_store_failure_is_reported_not_raised(qtbot: QtBot, dialogs_factory) -> None:  # noqa: ANN001
    view = ArticleView()
    qtbot.add_widget(view)
    reanalysed: list[Corrections] = []
    reports: list[str] = []
    c = CorrectionsController(view, dialogs_factory(), FullStore(), reanalysed.append, reports.append)  # type: ignore[arg-type]
    c.correct(Corrections().ignore("字节跳动"))
    assert reports and reports[-1].startswith("Could not save the correction")
    assert reanalysed == []
