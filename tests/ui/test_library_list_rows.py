"""The library list over many rows (issue 18, point 4): a new library, its stories and a filter
are arranged in Python once for all rows, never by a Qt callback into Python for each row (a
proxy's ``filterAcceptsRow``, a view asking a Python model's ``rowCount``): at 100k rows each
such pass held the GUI thread 50–150 ms."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.ingest.model import Article
from reader.library.order import NewestFirst, fold_stories, newest_first
from reader.ui.panels.library import LibraryPanel
from tests.python_calls import python_calls


def _articles(n: int) -> tuple[Article, ...]:
    return tuple(
        Article(key=f"{i:06d}.md", file=f"{i:06d}.md", title=f"第{i}篇", text="x", source="36氪" if i % 3 else "虎嗅", date=f"2021-{i % 12 + 1:02d}-01")
        for i in range(n)
    )


def _stories(articles: tuple[Article, ...]) -> dict[str, tuple[str, ...]]:
    """Every tenth article and the one after it: copies of one story."""
    stories: dict[str, tuple[str, ...]] = {}
    for i in range(0, len(articles) - 1, 10):
        story = (articles[i].key, articles[i + 1].key)
        stories.update(dict.fromkeys(story, story))
    return stories


def _calls_to_show(show_panel, n: int) -> int:  # noqa: ANN001
    """Python calls made to show a library of ``n`` articles in the list, then its stories,
    each painted."""
    panel = show_panel(LibraryPanel(), 320, 600)
    articles = _articles(n)
    newest = newest_first(articles)
    places = {a.key: i for i, a in enumerate(newest)}
    stories = _stories(articles)
    folded = fold_stories(newest, places, stories)  # the library's, made by the loader

    def show() -> None:
        panel.set_articles(articles, set(), {}, NewestFirst(newest, places))
        panel.list.viewport().repaint()
        panel.set_stories(stories, folded)
        panel.list.viewport().repaint()

    calls = python_calls(show)
    assert panel.model.rowCount() == n - len(stories) // 2
    assert panel.count.text() == f"{n - len(stories) // 2} stories ({n} articles)"
    return calls


def test_showing_a_library_and_its_stories_calls_python_no_more_for_more_rows(show_panel) -> None:  # noqa: ANN001
    _calls_to_show(show_panel, 100)  # what is done once (first paint, first use of a code path)
    few, many = _calls_to_show(show_panel, 2000), _calls_to_show(show_panel, 6000)
    assert many - few < 200, (few, many)


def test_the_filter_keeps_rows_and_counts_them_over_many_rows(qtbot: QtBot) -> None:
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.ensure_built()
    articles = _articles(3000)
    newest = newest_first(articles)
    places = {a.key: i for i, a in enumerate(newest)}
    panel.set_articles(articles, set(), {}, NewestFirst(newest, places))
    panel.set_stories(_stories(articles))
    assert panel.filter is not None
    qtbot.keyClicks(panel.filter, "2999")
    assert panel.visible_keys() == ["002999.md"]
    assert panel.count.text() == "1 of 2700 (3000 articles)"
    panel.filter.setText("虎嗅")  # every third article's source, and the stories led by one of them
    shown = set(panel.visible_keys())
    by_key = {a.key: a for a in articles}
    folded = {k for k in _stories(articles) if panel.model.is_folded(k)}
    expected = {
        a.key for a in articles
        if a.key not in folded and any(by_key[k].source == "虎嗅" for k in _stories(articles).get(a.key, (a.key,)))
    }
    assert shown == expected
    panel.filter.clear()
    assert panel.model.rowCount() == 2700 and panel.count.text() == "2700 stories (3000 articles)"


def _calls_to_type_on(qtbot: QtBot, n: int) -> int:
    """Python calls made by the second and third letters typed in the filter of ``n`` articles
    (the first one reads every article's searching form once)."""
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.ensure_built()
    articles = _articles(n)
    newest = newest_first(articles)
    places = {a.key: i for i, a in enumerate(newest)}
    panel.set_articles(articles, set(), {}, NewestFirst(newest, places))
    panel.set_stories(_stories(articles), fold_stories(newest, places, _stories(articles)))
    assert panel.filter is not None
    panel.filter.setText("第1")
    calls = python_calls(lambda: (panel.filter.setText("第19"), panel.filter.setText("第199")))
    # every row shown holds 第199 (第199, 第1990–第1999) itself or in a copy folded under it, and
    # every article that holds it is shown or folded under a row shown
    by_key = {a.key: a for a in articles}
    shown = {key: (by_key[key], *panel.model.copies(key)) for key in panel.visible_keys()}
    assert all(any("第199" in a.title for a in story) for story in shown.values())
    assert {a.key for story in shown.values() for a in story if "第199" in a.title} == {a.key for a in articles if "第199" in a.title}
    return calls


def test_typing_in_the_filter_calls_python_no_more_for_more_rows(qtbot: QtBot) -> None:
    _calls_to_type_on(qtbot, 100)
    few, many = _calls_to_type_on(qtbot, 2000), _calls_to_type_on(qtbot, 6000)
    assert many - few < 200, (few, many)


def test_the_filter_reads_every_articles_form_at_once_and_one_by_one_when_a_field_holds_the_separator() -> None:
    from reader.ui.models.article_filter import ArticleFilter  # noqa: PLC0415

    articles = (*_articles(5), Article(key="x.md", file="x.md", title="字節\x1f跳動", text="x"))
    for every in (articles[:5], articles):  # the second: a title holds the separator
        kept = ArticleFilter()
        kept.set_needle("字节")
        assert [a.key for a in kept.keep(every, every, lambda rows: {})] == (["x.md"] if len(every) == 6 else [])
        kept.set_needle("36氪")
        assert [a.key for a in kept.keep(every, every, lambda rows: {})] == [a.key for a in every if a.source == "36氪"]


def test_the_filter_reads_the_listings_the_library_folded() -> None:
    """The loader folds every listing off the GUI thread (Library.listing_forms); the filter
    reads those, and folds only an article they miss."""
    from reader.ui.models.article_filter import ArticleFilter  # noqa: PLC0415

    articles = _articles(4)
    folded = {a.key: f"第{a.key}篇" for a in articles[:3]}  # as the library gave them
    folded[articles[0].key] += "\n标记"
    kept = ArticleFilter()
    kept.set_listings(lambda: folded)
    kept.set_needle("标记")
    assert [a.key for a in kept.keep(articles, articles, lambda rows: {})] == [articles[0].key]
    kept.set_needle("虎嗅")  # the fourth's source (and the first's): the fourth is folded here
    assert [a.key for a in kept.keep(articles, articles, lambda rows: {})] == [articles[3].key]
    assert articles[3].key not in folded  # the library's forms are not written to
