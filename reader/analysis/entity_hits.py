"""Hits: a name found at a span of the folded article text, before it becomes a ``Mention``.
The recogniser (``entities``) and the links it draws (``entity_links``) both make and choose
hits with these."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.folding import is_latin
from reader.analysis.model import EntityType


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    name: str  # canonical entity name
    type: EntityType
    ambiguous: bool = False
    rank: int = 0  # ties at the same span: lower wins (gazetteer before discovered)


def leftmost_longest(hits: Iterable[Hit]) -> list[Hit]:
    """The gold's counting rule: scan left to right, at each start take the longest match,
    skip whatever it overlaps. (``reader.spans.resolve_overlaps`` ranks longest-first over
    the whole text instead; the two differ only on chains like A-B / B-CD.)"""
    chosen: list[Hit] = []
    end = -1
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), h.rank)):
        if hit.start >= end:
            chosen.append(hit)
            end = hit.end
    return chosen


def occurrences(folded: str, names: dict[str, tuple[str, EntityType]], rank: int) -> list[Hit]:
    """Every occurrence of each surface in ``names`` (surface → entity name and type) in the
    article; a Latin surface only as a whole word."""
    n = len(folded)
    hits: list[Hit] = []
    for surface, (name, etype) in names.items():
        start = folded.find(surface)
        while start >= 0:
            end = start + len(surface)
            latin_ok = not (
                (is_latin(surface[0]) and start > 0 and is_latin(folded[start - 1]))
                or (is_latin(surface[-1]) and end < n and is_latin(folded[end]))
            )
            if latin_ok:
                hits.append(Hit(start, end, name, etype, rank=rank))
            start = folded.find(surface, start + 1)
    return hits
