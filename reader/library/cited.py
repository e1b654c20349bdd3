"""What the articles naming an entity cite of it — their figures about it and quotes by it — as
the store's rows for that name (``cited``, written with each listing), for an entity card across
the library: no payload read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from reader.library.codec import RawAnalysis
from reader.library.payloads import Payloads


def cited_rows(
    payloads: Payloads, name: str, wanting: Sequence[tuple[str, RawAnalysis]], stopped: Callable[[], bool] = lambda: False
) -> tuple[dict[str, list[tuple[str, str]]], set[str]] | None:
    """For the analyses ``wanting`` — (content hash, analysis) of articles whose figures and
    quotes are not held — the store's (figures, quotes) rows of ``name`` by content hash, one
    pair for each name it went by in the cache (an entity renamed since is cited there under its
    old name), and which of them have a listing of this version at all (those without one —
    dropped since — must be read from their payloads). None once ``stopped()`` says so.
    Raises StoreUnavailable."""
    by_cached_name: dict[str, list[str]] = defaultdict(list)
    for content_hash, raw in wanting:
        for cached in raw.cached_names(name):
            by_cached_name[cached].append(content_hash)
    rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
    listed: set[str] = set()
    for cached, hashes in by_cached_name.items():
        cited = payloads.cited(cached, list(dict.fromkeys(hashes)), stopped)
        if cited is None:
            return None
        found, listed_now = cited
        listed |= listed_now
        for content_hash, pair in found.items():
            rows[content_hash].append(pair)
    return rows, listed
