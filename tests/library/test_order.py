"""The default order of a library's articles: newest first, undated last, then by key."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.pipeline import Analysis
from reader.ingest.model import Article
from reader.library.library import Library
from reader.library import order
from reader.library.order import date_number, fold_stories, newest_first, newest_key


@pytest.mark.parametrize(
    ("date", "number"),
    [("2024-03-05", 20240305), ("2024-03", 20240300), ("2024", 20240000), ("", -1), (None, -1), ("undated", -1)],
)
def test_date_number_reads_the_date_as_a_sortable_number(date: str | None, number: int) -> None:
    assert date_number(date) == number


def _article(key: str, date: str | None) -> Article:
    return Article(key=key, file=key, title=key, text="正文", date=date)


def test_library_lists_newest_first_undated_last_and_keeps_the_order_when_updated() -> None:
    articles = [_article("b.md", "2024-01-02"), _article("a.md", None), _article("c.md", "2024-05-01"), _article("d.md", "2024-01-02")]
    library = Library("root", articles, {})
    assert [a.key for a in library.newest_first()] == ["c.md", "b.md", "d.md", "a.md"]
    updated = library.with_analyses({"b.md": Analysis()})
    assert updated.newest_first() is library.newest_first()  # sorted once, shared


def _walked(ordered: tuple[Article, ...], stories: dict[str, tuple[str, ...]], expanded: set[str]) -> list[str]:
    """The list's rows as the model walked every article to place them (before fold_stories)."""
    place = {a.key: i for i, a in enumerate(ordered)}
    rows: list[str] = []
    placed: set[tuple[str, ...]] = set()
    for article in ordered:
        story = stories.get(article.key)
        if story is None:
            rows.append(article.key)
        elif story not in placed:
            placed.add(story)
            rows.append(article.key)
            if story[0] in expanded:
                rows.extend(sorted((k for k in story if k != article.key and k in place), key=place.__getitem__))
    return rows


@settings(max_examples=200, deadline=None)
@given(
    order=st.permutations(range(12)),
    groups=st.lists(st.integers(0, 5), min_size=12, max_size=12),  # each article's story (0: none)
    opened=st.sets(st.integers(1, 5)),
)
def test_fold_stories_shows_each_story_once_at_its_first_copy_and_opens_it_in_place(
    order: list[int], groups: list[int], opened: set[int]
) -> None:
    articles = [_article(f"{i:02d}.md", None) for i in range(12)]
    stories: dict[str, tuple[str, ...]] = {}
    for group in set(groups) - {0}:
        story = tuple(a.key for a, g in zip(articles, groups) if g == group)  # in library order
        if len(story) > 1:
            stories.update(dict.fromkeys(story, story))
    expanded = {story[0] for story in stories.values() if groups[int(story[0][:2])] in opened}
    ordered = tuple(articles[i] for i in order)
    places = {a.key: i for i, a in enumerate(ordered)}
    rows = fold_stories(ordered, places, stories, expanded)
    assert [a.key for a in rows.articles] == _walked(ordered, stories, expanded)
    assert rows.places == {a.key: i for i, a in enumerate(rows.articles)}


def test_library_folds_its_list_newest_first_once_and_keeps_it_when_updated() -> None:
    articles = [_article("b.md", "2024-01-02"), _article("a.md", None), _article("c.md", "2024-05-01")]
    library = Library("root", articles, {})
    library._story_of = {0: (0, 2), 2: (0, 2)}  # b.md and c.md: one story
    assert [a.key for a in library.newest_folded().articles] == ["c.md", "a.md"]
    assert library.with_analyses({"b.md": Analysis()}).newest_folded() is library.newest_folded()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20_000), st.sampled_from(["2024-03-05", "2024-03", "2023-12-31", "", None, "2024"])), max_size=60))
def test_newest_first_a_date_at_a_time_is_one_sort_by_date_then_key(items: list[tuple[int, str | None]]) -> None:
    articles = tuple(_article(f"{n:05d}.md", date) for n, date in dict(items).items())
    assert newest_first(articles) == tuple(sorted(articles, key=newest_key))


def test_newest_first_merges_the_sorted_pieces_of_a_date_with_many_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(order, "_SORTED_AT_ONCE", 3)
    articles = tuple(_article(f"{n:02d}.md", "2024-01-01" if n % 4 else None) for n in (9, 3, 14, 1, 7, 12, 0, 5, 11, 2))
    assert order.newest_first(articles) == tuple(sorted(articles, key=newest_key))


def test_the_library_folds_every_listing_once_for_the_list_filter() -> None:
    from reader.library.listing import listing_form  # noqa: PLC0415

    articles = [_article("b.md", "2024-01-02"), _article("a.md", None)]
    library = Library("root", articles, {})
    library.prepare_search()
    forms = library.listing_forms()
    assert forms == {a.key: listing_form(a) for a in articles}
    assert library.with_analyses({"b.md": Analysis()}).listing_forms() is forms
