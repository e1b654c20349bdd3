"""Time expressions a figure can refer to, resolved against the article's date.

``find_periods`` returns every stated time in a text as a ``TimeExpr`` whose ``period`` is written
the way the gold writes periods: ``2020``, ``2021年7月``, ``2021年上半年``, ``2021年Q1``, ``2020财年``,
ranges as ``2020年9月-2021年1月``.  Relative times (今年, 去年7月, 明年上半年) are resolved from the
article date; with no date they are kept as written.  Spans such as 未来一年 have no calendar
anchor and are kept as written too.  Days are dropped: a figure refers to a month at the finest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.numerals import parse_number
from reader.spans import check_span, resolve_overlaps

_CN_DIGIT = "〇零一二三四五六七八九"
_YEAR = rf"(?P<year>(?:19|20)\d{{2}}|[{_CN_DIGIT}]{{4}})"
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_QUARTER = r"(?:第(?P<quarter>[一二三四1-4])季度|[Qq](?P<q>[1-4]))"
_HALF = r"(?P<half>上半年|下半年)"
# What may follow a year (or a relative year word) inside one time expression.
_TAIL = (
    rf"(?:{_MONTH}月份?(?:\d{{1,2}}[日号])?(?:底|末|初|中旬|上旬|下旬)?"
    rf"|{_HALF}|{_QUARTER}|(?P<edge>底|末|初|全年))?"
)
_ABSOLUTE = rf"{_YEAR}(?:(?P<fiscal>财年|财政年度|年度?){_TAIL})"
_RELATIVE = rf"(?P<rel>今年|去年|明年|前年|后年|本年|当年|上一年|下一年)(?:{_TAIL})"
_SPAN = r"(?P<span>(?:未来|今后|接下来的?)(?:[一二两三四五六七八九十]|\d+)(?:年|个月|个季度))"

# Three patterns, not one alternation: they share the tail's group names.
_TIMES = (re.compile(_ABSOLUTE), re.compile(_RELATIVE), re.compile(_SPAN))
# A month after a range connector may leave its year out: 2020年9月至12月.
_BARE_MONTH = re.compile(rf"{_MONTH}月份?(?:底|末|初)?")
_RANGE = re.compile(r"\s*(?:至|到|-|—|–|~|～)\s*")
_COMPARISON = ("相较于", "相比", "较之", "与", "较", "比", "同比")

_RELATIVE_YEARS = {
    "今年": 0, "本年": 0, "当年": 0, "去年": -1, "上一年": -1, "前年": -2,
    "明年": 1, "下一年": 1, "后年": 2,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """``text[start:end]`` states the time ``period``; ``comparison`` marks a base of comparison
    (比2019年, 与2019年的…相比), which the figures after it do not refer to."""

    start: int
    end: int
    period: str
    comparison: bool = False

    def __post_init__(self) -> None:
        check_span(self.start, self.end, "time expression")

    @property
    def year(self) -> int | None:
        match = re.match(r"\d{4}", self.period)
        return int(match.group()) if match else None


def article_year(date: str | None) -> int | None:
    """The year of an ISO date string, or None."""
    if date and re.match(r"\d{4}", date):
        return int(date[:4])
    return None


def find_periods(text: str, date: str | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, ranges merged, in text order."""
    year0 = article_year(date)
    found: list[TimeExpr] = []
    for pattern in _TIMES:
        for match in pattern.finditer(text):
            period = _normalise(match, year0)
            comparison = _is_comparison(text, match.start())
            found.append(TimeExpr(match.start(), match.end(), period, comparison))
    return _merge_ranges(text, resolve_overlaps(found))


def _year_value(raw: str) -> int:
    if raw.isdigit():
        return int(raw)
    return int(parse_number(raw))


def _normalise(match: re.Match[str], year0: int | None) -> str:
    groups = match.groupdict()
    if groups.get("span"):
        return match.group("span")
    if groups.get("year"):
        year: int | None = _year_value(match.group("year"))
        if match.group("fiscal") and match.group("fiscal").startswith("财"):
            return f"{year}财年"
    else:
        offset = _RELATIVE_YEARS[match.group("rel")]
        if year0 is None:
            return match.group()  # no date to resolve against: keep what the text says
        year = year0 + offset
    return _with_tail(str(year), match)


def _with_tail(year: str, match: re.Match[str]) -> str:
    if match.group("month"):
        return f"{year}年{int(parse_number(match.group('month')))}月"
    if match.group("half"):
        return f"{year}年{match.group('half')}"
    quarter = match.group("quarter") or match.group("q")
    if quarter:
        return f"{year}年Q{int(parse_number(quarter))}"
    return year


def _is_comparison(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return any(before.endswith(word) for word in _COMPARISON)


def _merge_ranges(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    merged: list[TimeExpr] = []
    i = 0
    while i < len(found):
        expr = found[i]
        connector = _RANGE.match(text, expr.end)
        if connector and expr.year is not None:
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt is not None and nxt.start == connector.end() and nxt.year is not None:
                merged.append(TimeExpr(expr.start, nxt.end, f"{expr.period}-{nxt.period}", expr.comparison))
                i += 2
                continue
            bare = _BARE_MONTH.match(text, connector.end())
            if bare and "年" in expr.period and "月" in expr.period:
                month = int(parse_number(bare.group("month")))
                period = f"{expr.period}-{expr.year}年{month}月"
                merged.append(TimeExpr(expr.start, bare.end(), period, expr.comparison))
                i += 1
                continue
        merged.append(expr)
        i += 1
    return merged
