"""Figures across articles: groups, conflicts and time series."""

from __future__ import annotations

import pytest

from reader.analysis.model import Figure, FigureKind
from reader.library.figures import conflicts, group_figures, period_order, series


def figure(
    value: float,
    *,
    subject: str | None = "抖音",
    label: str | None = "GMV",
    period: str | None = "2020",
    unit: str = "CNY",
    kind: FigureKind = FigureKind.ACTUAL,
) -> Figure:
    surface = f"{value:g}"
    return Figure(0, len(surface), surface, value, unit, label=label, subject=subject, period=period, kind=kind)


def test_group_figures_by_subject_label_and_period() -> None:
    items = [
        ("a", figure(5e11)),
        ("b", figure(5e11)),
        ("b", figure(8e11, period="2021")),
        ("c", figure(6e8, label="日活", unit="users")),
    ]
    groups = group_figures(items)
    assert [(g.key.label, g.key.period, g.articles) for g in groups] == [
        ("GMV", "2020", ("a", "b")),
        ("GMV", "2021", ("b",)),
        ("日活", "2020", ("c",)),
    ]


def test_group_figures_leaves_out_figures_without_subject_or_label() -> None:
    assert group_figures([("a", figure(1, subject=None)), ("b", figure(1, label=None))]) == []


def test_conflicts_finds_two_articles_disagreeing() -> None:
    items = [("a", figure(5e11)), ("b", figure(4e11)), ("c", figure(5e11))]
    (conflict,) = conflicts(items)
    assert conflict.values == (4e11, 5e11)
    assert {r.article for r in conflict.reports} == {"a", "b", "c"}


@pytest.mark.parametrize(
    "items",
    [
        [("a", figure(2.6e10)), ("b", figure(2.58e10))],  # within tolerance: 约260亿 vs 258亿
        [("a", figure(5e11)), ("a", figure(4e11))],  # one article: not a disagreement between sources
        [("a", figure(5e11)), ("b", figure(6e11, kind=FigureKind.FORECAST))],  # actual vs forecast
        [("a", figure(26e9, unit="USD")), ("b", figure(180e9, unit="CNY"))],  # different currencies
        [("a", figure(6e8, period=None)), ("b", figure(3e8, period=None))],  # no period: different times
    ],
)
def test_conflicts_ignores_what_is_not_a_disagreement(items: list[tuple[str, Figure]]) -> None:
    assert conflicts(items) == []


def test_conflicts_can_compare_figures_without_a_period() -> None:
    items = [("a", figure(6e8, period=None)), ("b", figure(3e8, period=None))]
    assert len(conflicts(items, require_period=False)) == 1


def test_series_orders_periods_in_time() -> None:
    items = [
        ("a", figure(1.2e12, period="2022", kind=FigureKind.FORECAST)),
        ("b", figure(5e11, period="2020")),
        ("c", figure(6e11, period="2021", kind=FigureKind.FORECAST)),
        ("d", figure(2e11, period="2019年7月")),
        ("d", figure(9e9, period="未来一年")),  # not on the calendar
    ]
    (line,) = series(items)
    assert (line.subject, line.label, line.unit) == ("抖音", "GMV", "CNY")
    assert [(p.period, p.value, p.kind) for p in line.points] == [
        ("2019年7月", 2e11, FigureKind.ACTUAL),
        ("2020", 5e11, FigureKind.ACTUAL),
        ("2021", 6e11, FigureKind.FORECAST),
        ("2022", 1.2e12, FigureKind.FORECAST),
    ]


def test_series_needs_two_periods_and_one_unit() -> None:
    items = [("a", figure(5e11)), ("b", figure(7e10, period="2021", unit="USD"))]
    assert series(items) == []


def test_series_point_takes_the_value_most_reports_give() -> None:
    items = [("a", figure(5e11)), ("b", figure(5e11)), ("c", figure(4e11)), ("d", figure(8e11, period="2021"))]
    (line,) = series(items)
    assert line.points[0].value == 5e11
    assert len(line.points[0].reports) == 3


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2020", "2020年1月"),
        ("2020年Q1", "2020年4月"),
        ("2020年上半年", "2020年下半年"),
        ("2020年9月-2021年1月", "2020年10月"),
        ("2019财年", "2020"),
    ],
)
def test_period_order(earlier: str, later: str) -> None:
    assert period_order(earlier) < period_order(later)  # type: ignore[operator]


def test_period_order_is_none_off_the_calendar() -> None:
    assert period_order("未来一年") is None
