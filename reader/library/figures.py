"""Figures across articles: the same thing reported twice, and one thing over time.

Pure functions over ``(article_key, Figure)`` pairs, for the UI to list and plot:

- ``group_figures`` — figures about the same subject, label and period;
- ``conflicts`` — a group where articles give different values for the same thing (same unit
  and kind; a forecast and an actual for one year are two things, not a conflict);
- ``series`` — one subject and label over several periods, in time order.

Figures without a subject or a label say too little to be compared and are left out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.model import Figure, FigureKind

DEFAULT_TOLERANCE = 0.05  # relative: 约260亿 and 258亿 are the same report


@dataclass(frozen=True, slots=True)
class Report:
    """One article's telling of a figure."""

    article: str
    figure: Figure


@dataclass(frozen=True, slots=True)
class FigureKey:
    subject: str
    label: str
    period: str | None


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Every report of one subject's label in one period, in input order."""

    key: FigureKey
    reports: tuple[Report, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.article for r in self.reports))


@dataclass(frozen=True, slots=True)
class Conflict:
    """Articles disagree on one figure: ``reports`` hold at least two values in ``unit``."""

    key: FigureKey
    unit: str
    kind: FigureKind
    reports: tuple[Report, ...]

    @property
    def values(self) -> tuple[float, ...]:
        return tuple(sorted({r.figure.value for r in self.reports}))


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    period: str
    kind: FigureKind
    value: float  # the value most reports give (the first one given on a tie)
    reports: tuple[Report, ...]


@dataclass(frozen=True, slots=True)
class Series:
    """One subject's label over time, in one unit: points in period order."""

    subject: str
    label: str
    unit: str
    points: tuple[SeriesPoint, ...]


def _reports(items: Iterable[tuple[str, Figure]]) -> list[Report]:
    return [
        Report(article, figure)
        for article, figure in items
        if figure.subject is not None and figure.label is not None
    ]


def group_figures(items: Iterable[tuple[str, Figure]]) -> list[FigureGroup]:
    """Reports grouped by subject + label + period, groups in order of first appearance."""
    groups: dict[FigureKey, list[Report]] = defaultdict(list)
    for report in _reports(items):
        m = report.figure
        groups[FigureKey(m.subject, m.measure or m.label, m.period)].append(report)  # type: ignore[arg-type]
    return [FigureGroup(key, tuple(reports)) for key, reports in groups.items()]


def _differ(a: float, b: float, tolerance: float) -> bool:
    scale = max(abs(a), abs(b))
    return scale > 0 and abs(a - b) / scale > tolerance


def conflicts(
    items: Iterable[tuple[str, Figure]],
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    require_period: bool = True,
) -> list[Conflict]:
    """Groups where two different articles give values further apart than ``tolerance``.

    Without a period, "日活6亿" in 2021 and "日活3亿" in 2020 are both right, so by default
    only figures with a stated period are compared."""
    found = []
    for group in group_figures(items):
        if require_period and group.key.period is None:
            continue
        parts: dict[tuple[str, FigureKind], list[Report]] = defaultdict(list)
        for report in group.reports:
            parts[(report.figure.unit, report.figure.kind)].append(report)
        for (unit, kind), reports in parts.items():
            clash = any(
                a.article != b.article and _differ(a.figure.value, b.figure.value, tolerance)
                for i, a in enumerate(reports)
                for b in reports[i + 1 :]
            )
            if clash:
                found.append(Conflict(group.key, unit, kind, tuple(reports)))
    return found


_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"年(\d{1,2})月")
_QUARTER = re.compile(r"Q([1-4])")
_HALF = {"上半年": 1, "下半年": 7}


def period_order(period: str) -> tuple[int, float] | None:
    """A sort key for a resolved period (2020, 2020年7月, 2020年Q3, 2020年上半年, 2020财年;
    a range sorts by its start), or None when the period is not on the calendar (未来一年)."""
    start = period.split("-")[0]
    year = _YEAR.match(start)
    if year is None:
        return None
    month = _MONTH.search(start)
    if month:
        return int(year.group(1)), int(month.group(1))
    quarter = _QUARTER.search(start)
    if quarter:
        return int(year.group(1)), (int(quarter.group(1)) - 1) * 3 + 1.5
    for half, first_month in _HALF.items():
        if half in start:
            return int(year.group(1)), first_month + 0.25
    return int(year.group(1)), 0


def series(items: Iterable[tuple[str, Figure]], *, min_periods: int = 2) -> list[Series]:
    """For each subject + label + unit reported in at least ``min_periods`` calendar periods,
    the points in time order (an actual before a forecast for the same period)."""
    by_line: dict[tuple[str, str, str], list[Report]] = defaultdict(list)
    for report in _reports(items):
        m = report.figure
        if m.period is None or period_order(m.period) is None:
            continue
        by_line[(m.subject, m.measure or m.label, m.unit)].append(report)  # type: ignore[index]
    kind_order = {kind: i for i, kind in enumerate(FigureKind)}
    out = []
    for (subject, label, unit), reports in by_line.items():
        points: dict[tuple[str, FigureKind], list[Report]] = defaultdict(list)
        for report in reports:
            points[(report.figure.period, report.figure.kind)].append(report)  # type: ignore[index]
        if len({period for period, _ in points}) < min_periods:
            continue
        ordered = sorted(points, key=lambda pk: (period_order(pk[0]), kind_order[pk[1]]))
        out.append(
            Series(
                subject,
                label,
                unit,
                tuple(
                    SeriesPoint(period, kind, _usual_value(points[(period, kind)]), tuple(points[(period, kind)]))
                    for period, kind in ordered
                ),
            )
        )
    return out


def _usual_value(reports: list[Report]) -> float:
    counts = Counter(r.figure.value for r in reports)
    best = max(counts.values())
    return next(r.figure.value for r in reports if counts[r.figure.value] == best)
