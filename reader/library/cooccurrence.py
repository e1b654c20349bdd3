"""Which entities are named together: each article's names as one array of ids, so that an
entity card counts the names of the articles naming its entity with numpy, not with a Counter
updated once per article (the card of a name in every article of 100k: ~0.1 s of Python)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class NamedTogether:
    """The names of each article (``article_entities``, in library order) as ids."""

    def __init__(self, article_entities: Sequence[tuple[str, ...]]) -> None:
        ids: dict[str, int] = {}
        flat = [ids.setdefault(name, len(ids)) for names in article_entities for name in names]
        self._names = list(ids)
        self._ids = np.array(flat, dtype=np.int32)
        lengths = np.fromiter(map(len, article_entities), dtype=np.int64, count=len(article_entities))
        self._starts = np.concatenate(([0], np.cumsum(lengths)))

    def counts(self, articles: np.ndarray, leave_out: str, limit: int) -> list[tuple[str, int]]:
        """The names of ``articles`` (indexes, in the order they are counted) but ``leave_out``,
        by the number of those articles naming each, most first; ties in the order the names
        first appear — as ``Counter.most_common`` orders them."""
        if not len(articles):
            return []
        starts, ends = self._starts[articles], self._starts[articles + 1]
        lengths = ends - starts
        # the positions of every name of those articles, one article after another
        offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
        named = self._ids[np.arange(int(lengths.sum()), dtype=np.int64) + offsets]
        # counted and placed without sorting them (np.unique's sort was most of a card's time)
        times = np.bincount(named, minlength=len(self._names))
        found = np.flatnonzero(times)
        first = _first_positions(named, len(self._names))[found]
        order = np.lexsort((first, -times[found]))
        out = ((self._names[found[k]], int(times[found[k]])) for k in order)
        return [pair for pair in out if pair[0] != leave_out][:limit]


def _first_positions(values: np.ndarray, size: int) -> np.ndarray:
    """For each value below ``size``, where it first occurs in ``values`` (len(values) if never)."""
    first = np.full(size, len(values), dtype=np.int64)
    np.minimum.at(first, values, np.arange(len(values), dtype=np.int64))
    return first


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct values of ``values``, which are in ascending order."""
    if not len(values):
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def first_copies(articles: np.ndarray, story_first: np.ndarray | None) -> np.ndarray:
    """``articles`` (ascending) with each story counted once: its first copy among them."""
    if story_first is None or not len(articles):
        return articles
    stories = story_first[articles]
    first = _first_positions(stories, len(story_first))
    return articles[first[stories] == np.arange(len(articles))]


def story_firsts(count: int, story_of: dict[int, tuple[int, ...]]) -> np.ndarray:
    """For each of ``count`` articles, the first copy of its story (itself when it has none)."""
    firsts = np.arange(count, dtype=np.int64)
    for i, members in story_of.items():
        firsts[i] = members[0]
    return firsts
