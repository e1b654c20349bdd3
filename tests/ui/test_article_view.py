"""The reading view on a literal article: layers land on the right characters, astral ones
included, and the mouse finds them again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.analysis.model import EntityType, Mention, Figure
from reader.analysis.pipeline import Analysis
from reader.ingest.model import Article, Block, BlockKind, Style, StyleKind
from reader.ui.document import ENTITY_PROPERTY, ENTITY_TYPE_PROPERTY, FIGURE_PROPERTY
from reader.ui.view import ArticleView

TEXT = "😀前言𠀀：阿里巴巴发布财报\n张一鸣说，营收达到6000亿元。\n电商业务增长，电商是重点。"


def _span(text: str, word: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def _article() -> Article:
    blocks, start = [], 0
    for i, line in enumerate(TEXT.split("\n")):
        kind = BlockKind.HEADING if i == 0 else BlockKind.PARAGRAPH
        blocks.append(Block(kind, start, start + len(line), level=2 if i == 0 else 0))
        start += len(line) + 1
    bold = _span(TEXT, "营收")
    return Article(key="a.md", file="a.md", title="标题", text=TEXT, blocks=tuple(blocks), styles=(Style(StyleKind.BOLD, *bold),), source="测试", date="2021-05-10")


def _analysis() -> Analysis:
    ali, zhang, figure = _span(TEXT, "阿里巴巴"), _span(TEXT, "张一鸣"), _span(TEXT, "6000亿元")
    return Analysis(
        mentions=(
            Mention(*ali, "阿里巴巴", EntityType.ORG, "阿里巴巴"),
            Mention(*zhang, "张一鸣", EntityType.PERSON, "张一鸣"),
        ),
        figures=(Figure(*figure, surface="6000亿元", value=6e11, unit="CNY", label="营收", subject="阿里巴巴"),),
    )


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    view = ArticleView()
    qtbot.add_widget(view)
    view.resize(900, 700)
    view.set_article(_article(), _analysis())
    view.show()
    qtbot.waitExposed(view)
    return view


def _format_at(view: ArticleView, offset: int):  # noqa: ANN202 - QTextCharFormat
    """The char format of the character at code-point ``offset``."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(offset + 1))  # a cursor reports the char before it
    return cursor.charFormat()




def test_view_text_is_the_article_text(view: ArticleView) -> None:
    assert view.text() == TEXT
    assert view.header.title.text() == "标题"


def test_view_mention_format_sits_on_the_mention_after_astral_characters(view: ArticleView) -> None:
    start, end = _span(TEXT, "阿里巴巴")
    for offset in range(start, end):
        fmt = _format_at(view, offset)
        assert fmt.property(ENTITY_PROPERTY) == "阿里巴巴"
        assert fmt.property(ENTITY_TYPE_PROPERTY) == EntityType.ORG.value
    assert _format_at(view, start - 1).property(ENTITY_PROPERTY) is None
    assert _format_at(view, end).property(ENTITY_PROPERTY) is None
    figure = _span(TEXT, "6000亿元")
    assert _format_at(view, figure[0]).property(FIGURE_PROPERTY) == 0
    assert _format_at(view, _span(TEXT, "营收")[0]).fontWeight() > 400


def test_view_hiding_a_type_removes_its_formats(view: ArticleView) -> None:
    zhang, ali = _span(TEXT, "张一鸣"), _span(TEXT, "阿里巴巴")
    view.set_hidden_types(frozenset({EntityType.PERSON}))
    assert all(_format_at(view, o).property(ENTITY_PROPERTY) is None for o in range(*zhang))
    assert _format_at(view, ali[0]).property(ENTITY_PROPERTY) == "阿里巴巴"
    assert view.text() == TEXT
    view.set_hidden_types(frozenset())
    assert _format_at(view, zhang[0]).property(ENTITY_PROPERTY) == "张一鸣"


def test_view_finds_the_mention_under_the_mouse(view: ArticleView, qtbot: QtBot, char_point) -> None:
    start, _ = _span(TEXT, "阿里巴巴")
    point = char_point(view, start + 1)
    assert view.offset_at(point) == start + 1
    view.set_describer({"阿里巴巴": "中国电商公司"}.get)
    assert "中国电商公司" in view.tooltip_at(point) and "Organisation" in view.tooltip_at(point)
    with qtbot.waitSignal(view.entity_activated, check_params_cb=lambda name: name == "阿里巴巴"):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_view_double_click_selects_the_segmenters_word(view: ArticleView, qtbot: QtBot, char_point) -> None:
    def words(line: str) -> list[tuple[int, int]]:
        # A stand-in for jieba: every "电商" is a word, and so is every other single character.
        spans, i = [], 0
        while i < len(line):
            size = 2 if line.startswith("电商", i) else 1
            spans.append((i, i + size))
            i += size
        return spans

    view.set_word_spans(words)
    start, end = _span(TEXT, "电商", 1)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, start + 1))
    assert view.selected_span() == (start, end)
    assert view.textCursor().selectedText() == "电商"


def test_view_find_in_page_matches_two_character_chinese(view: ArticleView) -> None:
    assert view.find_all("电商") == 2
    assert [TEXT[s:e] for s, e in view.find_hits()] == ["电商", "电商"]
    index, total = view.find_next()
    assert (index, total) == (1, 2)
    assert view.textCursor().selectedText() == "电商"


def test_view_go_to_selects_the_span_and_flashes(view: ArticleView) -> None:
    start, end = _span(TEXT, "6000亿元")
    view.go_to(start, end)
    assert view.selected_span() == (start, end)
    assert any(s.cursor.selectedText() == "6000亿元" for s in view.extraSelections())


def test_view_highlight_entity_marks_every_mention(view: ArticleView) -> None:
    assert view.highlight_entity("张一鸣") == 1
    assert [TEXT[s:e] for s, e in view.highlighted_entity_spans()] == ["张一鸣"]
    view.highlight_entity(None)
    assert view.highlighted_entity_spans() == []


def test_view_zoom_keeps_the_text(view: ArticleView) -> None:
    size = view.reading_font().pointSizeF()
    view.set_zoom(2)
    assert view.reading_font().pointSizeF() > size
    assert view.text() == TEXT


def test_view_paints_user_highlights_under_other_marks(view: ArticleView) -> None:
    from PySide6.QtGui import QColor

    start, end = _span(TEXT, "财报")
    view.set_highlights([(start, end, QColor("#fff3a0")), (5, 999, QColor("#fff3a0"))])  # the second is out of range
    marked = [s.cursor.selectedText() for s in view.extraSelections()]
    assert marked == ["财报"]


def test_paragraphs_with_latin_words_are_not_justified(qtbot: QtBot) -> None:
    """Justifying would widen the only spaces such a paragraph has ("To      B")."""
    from PySide6.QtCore import Qt

    from reader.analysis.pipeline import Analysis
    from reader.ingest.load import parse_article
    from reader.ui.view import ArticleView

    view = ArticleView()
    qtbot.add_widget(view)
    text = "这是一家做 To B 生意的公司，客户覆盖全国。\n\n这一段只有中文，没有任何拉丁字母之间的空格。"
    view.set_article(parse_article(f"---\ntitle: t\n---\n\n{text}\n".encode(), "a.md"), Analysis())
    doc = view.document()
    alignments = [doc.findBlockByNumber(i).blockFormat().alignment() for i in range(doc.blockCount())]
    assert Qt.AlignmentFlag.AlignLeft in alignments and Qt.AlignmentFlag.AlignJustify in alignments
