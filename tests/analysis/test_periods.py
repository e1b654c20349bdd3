"""Time expressions and their resolution against the article date."""

from __future__ import annotations

import pytest

from reader.analysis.periods import find_periods


@pytest.mark.parametrize(
    ("text", "date", "surface", "period"),
    [
        ("2020年，抖音", None, "2020年", "2020"),
        ("2020年底GMV达到", None, "2020年底", "2020"),
        ("2020年10月，太平鸟", None, "2020年10月", "2020年10月"),
        ("而2020财年阿里GMV", None, "2020财年", "2020财年"),
        ("2021年第一季度营收", None, "2021年第一季度", "2021年Q1"),
        ("2020年Q3", None, "2020年Q3", "2020年Q3"),
        ("今年上半年", "2021-10-11", "今年上半年", "2021年上半年"),
        ("截至今年1月份，", "2021-05-10", "今年1月份", "2021年1月"),
        ("今年7月，", "2021-10-11", "今年7月", "2021年7月"),
        ("去年7月，", "2021-04-13", "去年7月", "2020年7月"),
        ("明年", "2021-04-13", "明年", "2022"),
        ("今年", None, "今年", "今年"),  # no date: kept as written
        ("未来一年的目标", None, "未来一年", "未来一年"),
        ("从2020年9月至2021年1月底，", None, "2020年9月至2021年1月底", "2020年9月-2021年1月"),
        ("2020年9月至12月", None, "2020年9月至12月", "2020年9月-2020年12月"),
        ("二〇二〇年", None, "二〇二〇年", "2020"),
    ],
)
def test_find_periods_normalises(text: str, date: str | None, surface: str, period: str) -> None:
    (expr,) = find_periods(text, date)
    assert text[expr.start : expr.end] == surface
    assert expr.period == period


@pytest.mark.parametrize("text", ["5月10日消息", "1月4日至1月20日", "10月份", "85后", "3000万"])
def test_find_periods_ignores_dates_without_a_year(text: str) -> None:
    assert find_periods(text, "2021-05-10") == []


@pytest.mark.parametrize(
    ("text", "comparison"),
    [("比2019年翻了三倍多", True), ("与2019年的8.03万亿元相比", True), ("2019年，抖音", False)],
)
def test_find_periods_marks_a_base_of_comparison(text: str, comparison: bool) -> None:
    assert find_periods(text)[0].comparison is comparison
