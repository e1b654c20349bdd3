"""The few ratios every scorer reports, one way: a share of nothing is 1.0 (nothing to get wrong)."""

from __future__ import annotations


def ratio(part: int, whole: int) -> float:
    """``part / whole``; 1.0 when ``whole`` is 0."""
    return part / whole if whole else 1.0


def f1(hits: int, gold: int, predicted: int) -> float:
    """The harmonic mean of precision (hits of predicted) and recall (hits of gold)."""
    return ratio(2 * hits, gold + predicted)
