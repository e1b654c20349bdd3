"""Half-open code-point spans over an article's canonical text, and the one overlap rule."""

from __future__ import annotations

import bisect

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar


def check_span(start: int, end: int, what: str = "span") -> None:
    """Raise ValueError naming the numbers when ``[start, end)`` is not a valid span."""
    if not (isinstance(start, int) and isinstance(end, int)):
        raise ValueError(f"{what} offsets must be ints, got start={start!r} end={end!r}")
    if start < 0 or end < start:
        raise ValueError(f"{what} [{start}, {end}) is not a valid half-open range")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` in code points."""

    start: int
    end: int

    def __post_init__(self) -> None:
        check_span(self.start, self.end)


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=HasSpan)


def resolve_overlaps(spans: Iterable[S]) -> list[S]:
    """Keep non-overlapping spans: longest wins, then earliest (spaCy's rule), in text order."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    # The kept spans never overlap, so sorted by start their ends are sorted too: a new span
    # overlaps one only if it overlaps a neighbour of its place (bisection, not a scan of all).
    starts: list[int] = []
    ends: list[int] = []
    kept: list[S] = []
    for span in ordered:
        if span.end <= span.start:
            continue
        i = bisect.bisect_right(starts, span.start)
        if i > 0 and ends[i - 1] > span.start:
            continue
        if i < len(starts) and starts[i] < span.end:
            continue
        starts.insert(i, span.start)
        ends.insert(i, span.end)
        kept.append(span)
    kept.sort(key=lambda s: (s.start, s.end))
    return kept
