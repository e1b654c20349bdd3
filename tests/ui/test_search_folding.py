"""Typing into the library and entity filters: traditional script finds simplified and back,
and pinyin (full, initials, spaced) finds names."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reader.analysis.model import EntityType
from reader.library.mention_index import EntitySummary
from reader.ui.models.articles import ArticleOrder
from reader.ui.panels.entities import EntitiesPanel
from reader.ui.window import MainWindow


def _titled(window: MainWindow, name: str) -> set[str]:
    assert window.library is not None
    return {a.key for a in window.library.articles if name in a.title}


@pytest.mark.parametrize("typed", ["zjtd", "zijie", "zi jie tiao dong", "ZiJieTiaoDong"])
def test_library_filter_pinyin_finds_titles_naming_the_entity(qtbot: QtBot, window: MainWindow, typed: str) -> None:
    assert window.library_panel.filter is not None
    expected = _titled(window, "字节跳动")
    assert len(expected) >= 2
    qtbot.keyClicks(window.library_panel.filter, typed)
    assert set(window.library_panel.visible_keys()) == expected


def test_library_filter_pinyin_survives_a_new_order(qtbot: QtBot, window: MainWindow) -> None:
    assert window.library_panel.filter is not None
    qtbot.keyClicks(window.library_panel.filter, "zjtd")
    for order in (ArticleOrder.TITLE, ArticleOrder.OLDEST):
        window.library_panel.set_order(order)
        assert set(window.library_panel.visible_keys()) == _titled(window, "字节跳动")


def test_library_filter_traditional_finds_simplified_titles(qtbot: QtBot, window: MainWindow) -> None:
    assert window.library_panel.filter is not None
    window.library_panel.filter.setText("字節跳動")  # as an input method would commit it
    assert set(window.library_panel.visible_keys()) == _titled(window, "字节跳动")
    window.library_panel.filter.setText("阿里巴巴")
    assert set(window.library_panel.visible_keys()) == _titled(window, "阿里巴巴")
    window.library_panel.filter.clear()
    qtbot.keyClicks(window.library_panel.filter, "albb")
    assert set(window.library_panel.visible_keys()) == _titled(window, "阿里巴巴")


def test_entity_filter_finds_library_names_by_pinyin_and_script(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.entities_panel
    qtbot.waitUntil(lambda: window.entities.counted)  # counted in the worker
    panel.set_library_scope(True)
    panel.ensure_built()
    qtbot.keyClicks(panel.filter, "zjtd")
    assert "字节跳动" in panel.visible_names()
    assert "阿里巴巴" not in panel.visible_names()
    panel.filter.setText("字節跳動")
    assert "字节跳动" in panel.visible_names()


def _summary(name: str, *aliases: str) -> EntitySummary:
    return EntitySummary(name, EntityType.ORG, (name, *aliases), 3, ("a.md",))


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("zijie", ["字节跳动"]),
        ("zjtd", ["字节跳动"]),
        ("zi jie tiao dong", ["字节跳动"]),
        ("chongqing", ["重庆"]),  # 重 read chóng in 重庆
        ("changan", ["长安汽车"]),  # 长 read cháng in 长安
        ("ALIBABA", ["阿里巴巴", "Alibaba Group"]),  # pinyin, and the Latin name in any case
        ("tx", ["腾讯"]),
    ],
)
def test_entity_filter_widget_typing_pinyin(qtbot: QtBot, typed: str, shown: list[str]) -> None:
    panel = EntitiesPanel()
    qtbot.add_widget(panel)
    panel.ensure_built()
    names = ["字节跳动", "重庆", "长安汽车", "阿里巴巴", "腾讯", "Alibaba Group"]
    panel.set_article_entities([_summary(n) for n in names])
    qtbot.keyClicks(panel.filter, typed)
    assert sorted(panel.visible_names()) == sorted(shown)


def test_entity_filter_widget_matches_traditional_aliases(qtbot: QtBot) -> None:
    panel = EntitiesPanel()
    qtbot.add_widget(panel)
    panel.ensure_built()
    panel.set_article_entities([_summary("腾讯", "騰訊控股"), _summary("字节跳动")])
    panel.filter.setText("騰訊")
    assert panel.visible_names() == ["腾讯"]
    panel.filter.setText("控股")
    assert panel.visible_names() == ["腾讯"]


def test_entity_filter_keeps_its_pinyin_when_the_list_changes(qtbot: QtBot) -> None:
    panel = EntitiesPanel()
    qtbot.add_widget(panel)
    panel.ensure_built()
    panel.set_article_entities([_summary("腾讯")])
    qtbot.keyClicks(panel.filter, "zjtd")
    assert panel.visible_names() == []
    panel.set_article_entities([_summary("腾讯"), _summary("字节跳动")])  # another article opened
    assert panel.visible_names() == ["字节跳动"]
