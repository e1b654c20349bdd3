"""Who said what, in the window on the seeds: the Quotes tab of the open article, and the quotes
on an entity's card across the library, each clicked to its place (issue 19, point 2)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.library.quotes import QuoteRef
from reader.ui.models.quotes import QUOTE_ROLE
from reader.ui.window import MainWindow

INTERVIEW = "002_eeb7fd4ff26557f6.txt"  # 康泽宇 interviewed by Tech星球
SPEAKER = "康泽宇"


def _click(qtbot: QtBot, table, row: int) -> None:
    table.scrollTo(table.model().index(row, 1))
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_quotes_tab_lists_who_said_what_and_a_click_shows_it_in_the_text(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article(INTERVIEW)
    panel = window.quotes_panel
    panel.activate()
    assert panel.table is not None and panel.isVisible()
    rows = panel.model.quotes()
    assert [r.quote for r in rows] == sorted(window.view.analysis.quotes, key=lambda q: q.start)
    said = [(r.speaker, r.words) for r in rows]
    assert (SPEAKER, "抖音电商不等于广告，它当然会有关联，但不是一个等号。") in said
    assert panel.summary is not None and panel.summary.text().startswith(f"{len(rows)} quotes by")
    row = next(i for i, r in enumerate(rows) if r.words.startswith("抖音电商不等于广告"))
    _click(qtbot, panel.table, row)
    assert window.current_key == INTERVIEW
    assert window.view.selected_span() == (rows[row].quote.start, rows[row].quote.end)
    assert window.view.textCursor().selectedText() == "抖音电商不等于广告，它当然会有关联，但不是一个等号。"


def test_quotes_tab_follows_the_open_article(window: MainWindow) -> None:
    window.quotes_panel.activate()
    window.open_article("003_d9a60fa3b91861a6.txt")
    rows = window.quotes_panel.model.quotes()
    assert [(r.speaker, r.words) for r in rows] == [(None, "字节跳动正在测试独立的出口电商平台，并计划于今年10月推出该平台")]
    window.open_article(INTERVIEW)
    assert all(r.article == INTERVIEW for r in window.quotes_panel.model.quotes())


def test_entity_card_lists_its_quotes_newest_first_and_opens_each_in_its_article(qtbot: QtBot, window: MainWindow) -> None:
    window.open_article(INTERVIEW)
    with qtbot.waitSignal(window.card_panel.details_shown, timeout=10_000):
        window.select_entity(SPEAKER)
    card = window.card_panel
    card.activate()
    rows = card.quotes_model.quotes()
    assert len(rows) >= 10 and all(r.speaker == SPEAKER for r in rows)
    assert {r.article for r in rows} >= {INTERVIEW, "000_92185e7afd4ccf9e.txt", "004_ccb7951fde3b98f9.txt"}
    dates = [r.date for r in rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates == dated + [None] * (len(dates) - len(dated))
    assert card.quotes_title.text() == f"QUOTES ({len(rows)}, newest first)"
    # a quote in another article: opened there, at the words, one step back in the history
    row = next(i for i, r in enumerate(rows) if r.article == "000_92185e7afd4ccf9e.txt")
    ref = card.quotes_model.index(row, 0).data(QUOTE_ROLE)
    assert isinstance(ref, QuoteRef)
    with qtbot.waitSignal(window.article_opened, check_params_cb=lambda key: key == ref.article):
        _click(qtbot, card.quotes, row)
    assert window.view.selected_span() == (ref.quote.start, ref.quote.end)
    assert window.view.textCursor().selectedText() == ref.words
    assert ref.words.startswith("这有点儿像在街上购物")
    window.act_back.trigger()
    assert window.current_key == INTERVIEW
