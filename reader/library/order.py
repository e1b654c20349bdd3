"""The order a library's articles are read in by default: newest first, undated last, then by
key. A library sorts once (``Library.newest_first``), in the loader's thread, so that the list
and the entity cards do not sort 10k articles on the GUI thread."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from reader.ingest.model import Article


@lru_cache(maxsize=8192)  # a library's dates repeat: sorting 10k articles reads each date once
def date_number(date: str | None) -> int:
    """YYYY-MM-DD as a number, so "newest first" is one ascending sort; undated sort last."""
    if not date:
        return -1
    digits = "".join(ch for ch in date if ch.isdigit())[:8]
    return int(digits.ljust(8, "0")) if digits else -1


def newest_key(article: Article) -> tuple[int, str]:
    return (-date_number(article.date), article.key)


def newest_first(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    return tuple(sorted(articles, key=newest_key))


class NewestFirst(NamedTuple):
    """A library's articles newest first and each one's place in them, sorted and counted once
    off the GUI thread (``Library.newest_first``, ``Library.newest_rank``)."""

    articles: tuple[Article, ...]
    places: dict[str, int]

