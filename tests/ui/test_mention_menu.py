"""The menu on a name in the text: its items, and what they do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.ui.window import MainWindow

ENTITY = "字节跳动"


def _texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _action(menu: QMenu, what: str) -> QAction:
    return next(a for a in menu.findChildren(QAction) if isinstance(a.data(), tuple) and a.data()[0] == what)


def test_mention_menu_names_the_entity_and_opens_its_card(window: MainWindow) -> None:
    mention = next(m for m in window.view.analysis.mentions if m.entity == ENTITY)
    menu = window.mention_menus.menu(mention)
    texts = _texts(menu)
    assert texts[0] == f"{ENTITY} · Organisation" and not menu.actions()[0].isEnabled()
    assert texts[1:4] == ["Show All Mentions", "Go to Next in Another Article", "Open Entity Card"]
    assert f"Add Note on {ENTITY}…" in texts and "Correct This Name" in texts
    window.card_panel.hide()
    _action(menu, "card").trigger()
    assert window.selected_entity == ENTITY and window.card_panel.isVisible()
    assert window.card_panel.card() is not None and window.card_panel.card().name == ENTITY


def test_mention_menu_without_a_store_offers_no_notes(make_window, seeds_dir: Path) -> None:  # noqa: ANN001
    window = make_window([seeds_dir], store=None)
    mention = window.view.analysis.mentions[0]
    texts = _texts(window.mention_menus.menu(mention))
    assert not any(t.startswith("Add Note on") for t in texts) and "Correct This Name" in texts
