"""What the articles naming an entity cite of it — their figures about it and quotes by it — as
the store's rows for that name (``cited``, written with each listing), for an entity card across
the library: no payload read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from reader.library.codec import RawAnalysis
from reader.library.payloads import Payloads


def cited_rows(
    payloads: Payloads, name: str, wanting: Sequence[tuple[str, RawAnalysis]]
) -> tuple[dict[str, list[tuple[str, str]]], set[str]]:
    """For the analyses ``wanting`` — (content hash, analysis) of articles whose figures and
    quotes are not held — the store's (figures, quotes) rows of ``name`` by content hash, one
    pair for each name it went by in the cache (an entity renamed since is cited there under its
    old name), and which of them have a listing of this version at all (those without one —
    dropped since — must be read from their payloads). Raises StoreUnavailable."""
    by_cached_name: dict[str, list[str]] = defaultdict(list)
    for content_hash, raw in wanting:
        for cached in raw.cached_names(name):
            by_cached_name[cached].append(content_hash)
    rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
    listed: set[str] = set()
    for cached, hashes in by_cached_name.items():
        found, listed_now = payloads.cited(cached, list(dict.fromkeys(hashes)))
        listed |= listed_now
        for content_hash, pair in found.items():
            rows[content_hash].append(pair)
    return rows, listed
