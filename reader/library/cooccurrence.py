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
        found, first = np.unique(named, return_index=True)
        times = np.bincount(named)[found]
        order = np.lexsort((first, -times))
        out = ((self._names[found[k]], int(times[k])) for k in order)
        return [pair for pair in out if pair[0] != leave_out][:limit]


def first_copies(articles: np.ndarray, story_first: np.ndarray | None) -> np.ndarray:
    """``articles`` (ascending) with each story counted once: its first copy among them."""
    if story_first is None:
        return articles
    _, keep = np.unique(story_first[articles], return_index=True)
    return articles[np.sort(keep)]


def story_firsts(count: int, story_of: dict[int, tuple[int, ...]]) -> np.ndarray:
    """For each of ``count`` articles, the first copy of its story (itself when it has none)."""
    firsts = np.arange(count, dtype=np.int64)
    for i, members in story_of.items():
        firsts[i] = members[0]
    return firsts
