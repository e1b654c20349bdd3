"""Next/previous mention across articles, and the next article that names the entity."""

from __future__ import annotations

from dataclasses import dataclass

from reader.ui.stepping import locate, next_in_another_article, step


@dataclass(frozen=True)
class Ref:
    article: str
    start: int


REFS = [Ref("a", 3), Ref("a", 40), Ref("c", 0), Ref("c", 9), Ref("d", 5)]
ORDER = {"a": 0, "b": 1, "c": 2, "d": 3}.__getitem__


def test_step_forward_and_back_cross_articles_and_wrap() -> None:
    assert step(REFS, ORDER, (0, 3), forward=True) == 1
    assert step(REFS, ORDER, (0, 40), forward=True) == 2
    assert step(REFS, ORDER, (1, 0), forward=True) == 2  # from an article without mentions
    assert step(REFS, ORDER, (3, 5), forward=True) == 0  # wraps
    assert step(REFS, ORDER, (3, 5), forward=True, wrap=False) is None
    assert step(REFS, ORDER, (2, 0), forward=False) == 1
    assert step(REFS, ORDER, (0, 3), forward=False) == 4  # wraps
    assert step([], ORDER, (0, 0), forward=True) is None


def test_locate_and_next_in_another_article() -> None:
    assert locate(REFS, ORDER, "c", 9) == 3
    assert locate(REFS, ORDER, "c", 8) == -1
    assert next_in_another_article(REFS, ORDER, "a") == 2
    assert next_in_another_article(REFS, ORDER, "d") == 0
    assert next_in_another_article([Ref("a", 1)], ORDER, "a") is None
