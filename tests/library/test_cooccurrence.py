"""An entity card's names named with it, counted by arrays: the same counts and the same order
as counting each article's names with a Counter (the code this replaced, kept here as the
reference)."""

from __future__ import annotations

from collections import Counter

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from reader.library.cooccurrence import NamedTogether, first_copies, sorted_unique, story_firsts

_NAMES = st.sampled_from(["抖音", "阿里巴巴", "字节跳动", "美团", "京东", "拼多多", "小米"])


def _reference(
    article_entities: list[tuple[str, ...]], naming: list[int], story_of: dict[int, tuple[int, ...]] | None, name: str, limit: int
) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    seen: set[int] = set()
    for i in naming:
        first = (story_of or {}).get(i, (i,))[0]
        if first in seen:
            continue
        seen.add(first)
        counts.update(article_entities[i])
    counts.pop(name, None)
    return counts.most_common(limit)


@given(
    articles=st.lists(st.lists(_NAMES, unique=True, max_size=5).map(tuple), min_size=1, max_size=30),
    name=_NAMES,
    stories=st.lists(st.integers(0, 6), max_size=30),
    grouped=st.booleans(),
    limit=st.integers(1, 8),
)
def test_named_together_counts_as_a_counter_does(
    articles: list[tuple[str, ...]], name: str, stories: list[int], grouped: bool, limit: int
) -> None:
    # articles with the same story number (where one is given) are copies of one story
    by_story: dict[int, list[int]] = {}
    for i, story in enumerate(stories[: len(articles)]):
        by_story.setdefault(story, []).append(i)
    story_of = {i: tuple(members) for members in by_story.values() if len(members) > 1 for i in members} if grouped else None
    naming = [i for i, names in enumerate(articles) if name in names]
    firsts = story_firsts(len(articles), story_of) if story_of is not None else None
    counted = NamedTogether(articles).counts(first_copies(np.array(naming, dtype=np.int64), firsts), name, limit)
    assert counted == _reference(articles, naming, story_of, name, limit)


@given(st.lists(st.integers(0, 50), max_size=60))
def test_sorted_unique_is_numpys_unique(values: list[int]) -> None:
    ordered = np.array(sorted(values), dtype=np.int64)
    assert sorted_unique(ordered).tolist() == np.unique(ordered).tolist()
