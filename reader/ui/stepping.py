"""Stepping through an entity's mentions across articles (F3 / Shift+F3), without Qt.

Mentions come in library order — article position, then offset — so the next one is found by
bisection over the lazy sequence: a handful of reads even with 100k mentions."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Protocol


class Located(Protocol):
    @property
    def article(self) -> str: ...

    @property
    def start(self) -> int: ...


def step(
    refs: Sequence[Located],
    position_of: Callable[[str], int],
    here: tuple[int, int],
    forward: bool,
    wrap: bool = True,
) -> int | None:
    """The index of the mention after (before) ``here`` = (article position, offset); wraps
    around the library's ends unless ``wrap`` is False. None when there are no mentions."""
    if not refs:
        return None

    def key(ref: Located) -> tuple[int, int]:
        return position_of(ref.article), ref.start

    if forward:
        index = bisect_right(refs, here, key=key)
        if index < len(refs):
            return index
        return 0 if wrap else None
    index = bisect_left(refs, here, key=key) - 1
    if index >= 0:
        return index
    return len(refs) - 1 if wrap else None


def locate(refs: Sequence[Located], position_of: Callable[[str], int], article: str, start: int) -> int:
    """The index of the mention at (article, start), or -1."""
    here = (position_of(article), start)
    index = bisect_left(refs, here, key=lambda r: (position_of(r.article), r.start))
    if index < len(refs) and refs[index].article == article and refs[index].start == start:
        return index
    return -1


def next_in_another_article(
    refs: Sequence[Located], position_of: Callable[[str], int], article: str
) -> int | None:
    """The first mention in the next article (library order, wrapping) that is not ``article``."""
    if not refs:
        return None
    index = bisect_right(refs, (position_of(article), 1 << 62), key=lambda r: (position_of(r.article), r.start))
    if index < len(refs):
        return index
    first = refs[0]
    return 0 if first.article != article else None
