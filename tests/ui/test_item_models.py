"""The panels' item models, checked by Qt's model tester and driven like the panels drive them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.analysis.model import Figure, FigureKind
from reader.ingest.model import Article
from reader.ui.models.articles import (
    ARTICLE_ROLE,
    COPIES_ROLE,
    COPY_ROW_ROLE,
    NOTES_ROLE,
    READ_ROLE,
    ArticleListModel,
    ArticleOrder,
)
from reader.ui.models.figures import (
    FIGURE_INDEX_ROLE,
    FIGURE_ROLE,
    FigureModel,
    Grouping,
)


def _articles() -> tuple[Article, ...]:
    return (
        Article(key="a.md", file="a.md", title="抖音电商", text="x", source="36kr", date="2021-05-10", tags=("电商",)),
        Article(key="b.md", file="b.md", title="阿里财报", text="x", source="晚点", date="2020-06-30"),
        Article(key="c.md", file="c.md", title="无日期", text="x"),
    )


def test_article_list_model_given_the_same_articles_again_keeps_its_rows(qtmodeltester) -> None:  # noqa: ANN001
    """The library read after its stored list was shown holds the same articles: the rows stay
    (100k of them are not arranged again), what is read and noted is updated; other articles
    reset the model."""
    articles = _articles()
    model = ArticleListModel(order=ArticleOrder.TITLE)
    model.set_articles(articles, set(), {})
    rows = model.articles()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda lo, hi, _roles: changed.append((lo.row(), hi.row())))
    model.set_articles(articles, {"b.md"}, {"c.md": 2})
    assert resets == []
    # only the rows read or noted since are said to change (every row of 100k cost 50 ms)
    assert sorted(changed) == sorted([(model.row_of("b.md"),) * 2, (model.row_of("c.md"),) * 2])
    assert model.index(model.row_of("b.md"), 0).data(READ_ROLE) is True
    assert model.index(model.row_of("c.md"), 0).data(NOTES_ROLE) == 2
    assert model.articles() == rows  # by title, as before
    model.set_articles(articles[:2], set(), {})
    assert resets == [1] and model.rowCount() == 2
    qtmodeltester.check(model)


def _figures() -> tuple[Figure, ...]:
    return (
        Figure(0, 4, "260亿", 2.6e10, "USD", label="销售额", subject="字节跳动", period="2020"),
        Figure(5, 8, "47%", 47, "%", label="占比", subject="抖音"),
        Figure(9, 14, "1850亿", 1.85e11, "USD", label="销售额", subject="字节跳动", period="2022", kind=FigureKind.FORECAST),
    )


def test_article_model_passes_the_model_tester(qtmodeltester) -> None:  # noqa: ANN001
    model = ArticleListModel()
    model.set_articles(_articles(), read={"b.md"}, notes={"a.md": 2})
    qtmodeltester.check(model)
    model.set_needle("电商")
    qtmodeltester.check(model)


def _story_model() -> ArticleListModel:
    """a.md and c.md are copies of one story (c.md undated, so it sorts last)."""
    model = ArticleListModel()
    model.set_articles(_articles(), read=set(), notes={})
    model.set_stories({"a.md": ("a.md", "c.md"), "c.md": ("a.md", "c.md")})
    return model


def test_article_model_folds_a_story_and_opens_it_under_the_model_tester(qtmodeltester) -> None:  # noqa: ANN001
    model = _story_model()
    qtmodeltester.check(model)
    assert [a.key for a in model.articles()] == ["a.md", "b.md"]
    assert (model.article_count(), model.story_count()) == (3, 2)
    assert model.index(0, 0).data(COPIES_ROLE) == 1 and model.index(1, 0).data(COPIES_ROLE) == 0
    model.set_expanded("a.md", True)
    assert [a.key for a in model.articles()] == ["a.md", "c.md", "b.md"]
    assert [model.index(r, 0).data(COPY_ROW_ROLE) for r in range(3)] == [False, True, False]
    qtmodeltester.check(model)
    model.set_expanded("c.md", False)  # any copy closes its story
    assert [a.key for a in model.articles()] == ["a.md", "b.md"]


def test_article_model_leads_a_story_with_its_first_copy_in_the_order() -> None:
    model = _story_model()
    model.set_order(ArticleOrder.TITLE)  # 抖音电商 (a), 无日期 (c), 阿里财报 (b) by code point
    assert [a.key for a in model.articles()] == sorted(["a.md", "b.md"], key=lambda k: {"a.md": "抖音电商", "b.md": "阿里财报"}[k])
    assert model.row_of("c.md") == -1  # folded under a.md


def test_article_filter_keeps_a_story_when_a_folded_copy_matches() -> None:
    articles = (*_articles()[:2], Article(key="c.md", file="c.md", title="无日期", text="x", source="虎嗅"))
    model = ArticleListModel()
    model.set_articles(articles, read=set(), notes={})
    model.set_stories({"a.md": ("a.md", "c.md"), "c.md": ("a.md", "c.md")})
    model.set_needle("虎嗅")
    assert [model.index(r, 0).data(ARTICLE_ROLE).key for r in range(model.rowCount())] == ["a.md"]
    assert not model.is_folded("a.md") and model.is_folded("c.md") and model.row_of("c.md") == -1
    model.set_expanded("a.md", True)  # open, the copy has its own row: only it matches
    assert [model.index(r, 0).data(ARTICLE_ROLE).key for r in range(model.rowCount())] == ["c.md"]
    assert not model.is_folded("a.md") and model.row_of("a.md") == -1  # filtered out, not folded
    model.set_needle("")
    assert [a.key for a in model.articles()] == ["a.md", "c.md", "b.md"]


def test_article_model_sorts_newest_first_and_by_title() -> None:
    model = ArticleListModel()
    model.set_articles(_articles(), read={"b.md"}, notes={})
    assert [a.key for a in model.articles()] == ["a.md", "b.md", "c.md"]
    model.set_order(ArticleOrder.OLDEST)
    assert [a.key for a in model.articles()] == ["b.md", "a.md", "c.md"]
    model.set_order(ArticleOrder.SOURCE)
    assert [a.source for a in model.articles()] == ["36kr", "晚点", None]
    assert model.index(model.row_of("b.md"), 0).data(READ_ROLE) is True
    assert model.index(model.row_of("a.md"), 0).data(Qt.ItemDataRole.FontRole).bold()


def test_article_proxy_filters_on_title_source_and_tags() -> None:
    model = ArticleListModel()
    model.set_articles(_articles(), read=set(), notes={})
    for needle, keys in (("电商", ["a.md"]), ("晚点", ["b.md"]), ("36KR", ["a.md"]), ("", ["a.md", "b.md", "c.md"])):
        model.set_needle(needle)
        assert [model.index(r, 0).data(ARTICLE_ROLE).key for r in range(model.rowCount())] == keys
        assert model.unfiltered_count() == 3


@pytest.mark.parametrize("grouping", list(Grouping))
def test_figure_model_passes_the_model_tester(qtmodeltester, grouping: Grouping) -> None:  # noqa: ANN001
    model = FigureModel()
    model.set_figures_of_article(_figures())
    model.set_grouping(grouping)
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_figure_model_groups_by_subject_and_finds_rows() -> None:
    model = FigureModel()
    model.set_figures_of_article(_figures())
    model.set_grouping(Grouping.SUBJECT)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["字节跳动  (2)", "抖音  (1)"]
    first = model.index(0, 0)
    assert [model.index(r, 0, first).data(FIGURE_ROLE).surface for r in range(model.rowCount(first))] == ["260亿", "1850亿"]
    found = model.index_of(2)
    assert found.data(FIGURE_INDEX_ROLE) == 2 and found.parent() == first
    assert model.index(0, 1, first).data() == "260亿美元"


def test_entity_proxy_sorting_sorts_counts_as_numbers(qtmodeltester) -> None:  # noqa: ANN001
    from reader.analysis.model import EntityType
    from reader.library.mention_index import EntitySummary
    from reader.ui.models.entities import NAME_ROLE, EntityFilterProxy, EntityTableModel

    model = EntityTableModel()
    model.set_entities([
        EntitySummary("甲", EntityType.ORG, ("甲",), 7, ("a",)),
        EntitySummary("乙", EntityType.PERSON, ("乙",), 25, ("a", "b")),
        EntitySummary("丙", EntityType.PLACE, ("丙",), 3, ("b",)),
    ])
    proxy = EntityFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(NAME_ROLE) for r in range(3)] == ["乙", "甲", "丙"]
    proxy.set_filter("", frozenset({EntityType.ORG, EntityType.PLACE}))
    assert [proxy.index(r, 0).data(NAME_ROLE) for r in range(proxy.rowCount())] == ["甲", "丙"]


# -- the other models, over a real library: the seeds ------------------------------------


@pytest.fixture(scope="module")
def seeds_library(seeds_dir, analyzer):  # noqa: ANN001, ANN201
    from reader.library.load import load_library

    return load_library([seeds_dir], None, analyzer)


def test_entity_table_and_its_filter_pass_the_model_tester(qtmodeltester, seeds_library) -> None:  # noqa: ANN001
    from reader.analysis.model import EntityType
    from reader.ui.models.entities import EntityFilterProxy, EntityTableModel

    model = EntityTableModel()
    model.set_entities(seeds_library.entities())
    qtmodeltester.check(model)
    proxy = EntityFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter("字节", frozenset({EntityType.ORG}))
    qtmodeltester.check(proxy)
    assert proxy.rowCount() >= 1


def test_keyword_in_context_model_passes_the_model_tester(qtmodeltester, seeds_library) -> None:  # noqa: ANN001
    from reader.ui.models.kwic import KwicModel

    model = KwicModel(lambda key: seeds_library.article(key).title or key)
    model.set_hits(list(seeds_library.mentions_of("字节跳动")))
    qtmodeltester.check(model)
    assert model.rowCount() > 10
    model.set_hits(seeds_library.search("电商"))
    qtmodeltester.check(model)


def test_entity_card_figures_pass_the_model_tester(qtmodeltester, seeds_library) -> None:  # noqa: ANN001
    from reader.ui.panels.card import FigureTableModel

    model = FigureTableModel()
    rows = tuple(seeds_library.figures_about("抖音"))
    model.set_figures(rows, {a.key: a.title or a.key for a in seeds_library.articles}, set())
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) > 0


def test_notes_model_passes_the_model_tester(qtmodeltester) -> None:  # noqa: ANN001
    from reader.notes.anchor import anchor
    from reader.notes.model import Anchored, Kind, Selector, new_annotation
    from reader.ui.panels.notes import NotesModel

    text = "比亚迪公布销量，新能源汽车销量同比增长。王传福表示海外市场是重点。"
    rows = []
    for quote in ("销量", "海外市场", "王传福"):
        start = text.index(quote)
        selector = Selector.from_text(text, start, start + len(quote))
        note = new_annotation("/lib", "a.md", Kind.HIGHLIGHT, selector=selector, note=quote)
        rows.append(Anchored(note, anchor(text, selector)))
    model = NotesModel()
    model.set_rows(rows, {"a.md": "比亚迪"})
    qtmodeltester.check(model)
    assert model.rowCount() == 3


@pytest.mark.parametrize("with_article", [False, True], ids=["article's quotes", "card's quotes"])
def test_quote_model_passes_the_model_tester(qtmodeltester, seeds_library, with_article: bool) -> None:  # noqa: ANN001
    from reader.library.quotes import quotes_by, quotes_in
    from reader.ui.models.quotes import QUOTE_ROLE, UNNAMED, QuoteModel

    model = QuoteModel(with_article=with_article)
    if with_article:
        rows = quotes_by(seeds_library, "康泽宇")
    else:
        article = seeds_library.article("001_ab46896dce5387b1.txt")
        rows = quotes_in(article, seeds_library.analysis(article.key).quotes)
    model.set_quotes(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) > 3
    first = model.index(0, 0)
    assert first.data(QUOTE_ROLE) == rows[0]
    if with_article:
        assert first.data().startswith(rows[0].date or "")
    else:
        assert first.data() == UNNAMED  # 一位内部人士告诉记者
    assert model.index(0, 1).data() == f"“{rows[0].short}”"
    model.set_quotes(())
    qtmodeltester.check(model)


def test_a_companys_rises_and_falls_are_one_group_by_measure() -> None:
    """Grouped by measure, 营收同比增长22% and 营收同比下降4.2% are one series (a fall is a negative
    change: README), shown with its sign."""
    from reader.analysis.figures import extract_figures  # noqa: PLC0415

    figures = extract_figures("2023年第二季度营收同比下降4.2%。2023年第三季度营收同比增长22%。", date="2023-11-28")
    model = FigureModel()
    model.set_figures_of_article(figures)
    model.set_grouping(Grouping.LABEL)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["同比增长  (2)"]
    first = model.index(0, 0)
    assert [model.index(r, 1, first).data() for r in range(model.rowCount(first))] == ["-4.2%", "22%"]
