"""Find in page, the view's part: occurrences by slicing, the current hit and match_changed."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reader.analysis.pipeline import Analysis
from reader.ingest.load import parse_article
from reader.ui.view import ArticleView
from reader.ui.view_find import occurrences

TEXT = "电商业务增长，电商是重点。Alibaba 和 ALIBABA。"


@pytest.mark.parametrize(
    ("text", "query", "found"),
    [
        ("电商业务增长，电商是重点", "电商", ["电商", "电商"]),
        ("Alibaba 和 ALIBABA", "alibaba", ["Alibaba", "ALIBABA"]),
        ("aaaa", "aa", ["aa", "aa"]),  # not overlapping
        ("😀电商😀电商", "电商", ["电商", "电商"]),  # code points, not UTF-16 units
        ("电商", "", []),
        ("İstanbul istanbul", "istanbul", ["istanbul"]),  # lower() would change the length: exact case
    ],
)
def test_occurrences_are_every_match_in_code_points(text: str, query: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in occurrences(text, query)] == found


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    view = ArticleView()
    qtbot.add_widget(view)
    view.set_article(parse_article(f"---\ntitle: t\n---\n\n{TEXT}\n".encode(), "a.md"), Analysis())
    return view


def test_find_moves_through_hits_and_says_where_it_is(qtbot: QtBot, view: ArticleView) -> None:
    text = view.text()
    with qtbot.waitSignal(view.find.match_changed, check_params_cb=lambda i, n: (i, n) == (0, 2)):
        assert view.find.find_all("电商") == 2
    with qtbot.waitSignal(view.find.match_changed, check_params_cb=lambda i, n: (i, n) == (1, 2)):
        view.find.find_next()
    span = view.selected_span()
    assert span is not None and text[span[0] : span[1]] == "电商"
    assert view.find.find_next() == (2, 2)
    assert view.find.find_next() == (1, 2)  # past the last: the first again
    assert view.find.find_next(backward=True) == (2, 2)


def test_find_paints_its_hits_and_a_new_article_clears_them(view: ArticleView) -> None:
    view.find.find_all("alibaba")
    assert [s.cursor.selectedText() for s in view.extraSelections()] == ["Alibaba", "ALIBABA"]
    view.set_article(view.article, Analysis())
    assert view.find.hits() == []


def test_find_without_hits_says_none(qtbot: QtBot, view: ArticleView) -> None:
    assert view.find.find_all("不在") == 0
    with qtbot.waitSignal(view.find.match_changed, check_params_cb=lambda i, n: (i, n) == (0, 0)):
        assert view.find.find_next() == (0, 0)
