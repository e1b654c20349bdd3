"""The view's marks: layers stacked in their order, spans read back in code points, the user's
highlights kept across a re-render, and the flash fading out."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from reader.analysis.model import EntityType, Mention, Figure
from reader.analysis.pipeline import Analysis
from reader.ingest.load import parse_article
from reader.ui.view import ArticleView

TEXT = "😀𠀀阿里巴巴发布财报，营收达到6000亿元，阿里巴巴很忙。"


def _span(word: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    view = ArticleView()
    qtbot.add_widget(view)
    article = parse_article(f"---\ntitle: t\n---\n\n{TEXT}\n".encode(), "a.md")
    mentions = tuple(Mention(*_span("阿里巴巴", i), "阿里巴巴", EntityType.ORG, "阿里巴巴") for i in (0, 1))
    figure = Figure(*_span("6000亿元"), surface="6000亿元", value=6e11, unit="CNY", label="营收")
    view.set_article(article, Analysis(mentions, (figure,)))
    return view


def _marked(view: ArticleView) -> list[str]:
    return [s.cursor.selectedText() for s in view.extraSelections()]


def test_marks_read_back_by_slicing_after_astral_characters(view: ArticleView) -> None:
    text = view.text()
    assert view.marks.highlight_entity("阿里巴巴") == 2
    assert [text[s:e] for s, e in view.marks.spans("entity")] == ["阿里巴巴", "阿里巴巴"]


def test_marks_stack_notes_under_the_selected_name_and_figure(view: ArticleView) -> None:
    view.marks.highlight_figure(0)
    view.marks.highlight_entity("阿里巴巴")
    view.marks.set_highlights([(*_span("财报"), QColor("#fff3a0"))])
    assert _marked(view) == ["财报", "阿里巴巴", "阿里巴巴", "6000亿元"]
    view.marks.highlight_figure(-1)
    view.marks.highlight_entity(None)
    assert _marked(view) == ["财报"]


def test_user_highlights_survive_a_re_render_and_go_with_the_article(view: ArticleView) -> None:
    start, end = _span("财报")
    view.marks.set_highlights([(start, end, QColor("#fff3a0")), (3, 999, QColor("#fff3a0"))])  # the second is out of range
    view.set_zoom(2)  # re-renders the document
    assert view.marks.highlights() == [(start, end, QColor("#fff3a0"))]
    view.set_article(view.article, view.analysis)
    assert view.marks.highlights() == []


def test_flash_marks_the_span_then_fades(qtbot: QtBot, view: ArticleView) -> None:
    start, end = _span("营收")
    view.marks.flash(start, end)
    assert [view.text()[s:e] for s, e in view.marks.spans("flash")] == ["营收"]
    qtbot.waitUntil(lambda: view.marks.spans("flash") == [], timeout=3000)
