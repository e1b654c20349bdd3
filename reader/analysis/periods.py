"""Time expressions a figure can refer to, resolved against the article's date.

``find_periods`` returns every stated time in a text as a ``TimeExpr`` whose ``period`` is written
the way the gold writes periods, one form for each kind of time:

=====================  =========================================================
year                   ``2020``
fiscal year            ``2020财年``
month                  ``2021年7月``
half year              ``2021年上半年``, ``2024财年下半年`` (半年报: the first half's report)
quarter                ``2023年Q3`` (第三季度, 三季度, 三季报, Q3, 第三季, 2023 Q3, 3Q23); ``2024财年Q2`` (第二财季)
range                  ``2020年9月-2021年1月``: both ends written in full; within a year as
                       the article writes it, after the year: ``2023年1-5月``, ``2021年前三季度``
span                   ``未来一年``, ``过去一个季度``: kept as written, no calendar anchor
=====================  =========================================================

Relative years (今年, 去年7月, 明年上半年, 四年前) are resolved from the article date.  A time written
without a year (第三季度, 上半年, H1, 5月, 1-5月, 全年, 截至9月30日) takes the year of a time
written right before it (2023年1-5月), else of the last year stated earlier in its sentence,
else the article date's: the latest such period that starts no more than six months (two for a
month) after the article — an article of 2024-02-20 means 2023's 第四季度 but 2024's 第二季度, and
one of 2021-05-10 means 2020's 10月份.  Without an article
date it is kept as written.  本季度/当季 repeat the last quarter named.  Days are dropped — a
figure refers to a month at the finest — and a day without a year is an event's date (5月10日消息),
not a period, unless it is a cut-off (截至9月30日).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.analysis.numerals import parse_number
from reader.spans import check_span, resolve_overlaps

_CN_DIGIT = "〇零一二三四五六七八九"
_YEAR = rf"(?P<year>(?:19|20)\d{{2}}|[{_CN_DIGIT}]{{4}})"
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_QUARTER = r"(?:第(?P<quarter>[一二三四1-4])季度|[Qq](?P<q>[1-4])(?![0-9A-Za-z]))"
_HALF = r"(?P<half>上半年|下半年)"
# What may follow a year (or a relative year word) inside one time expression.
_TAIL = (
    rf"(?:{_MONTH}月份?(?:\d{{1,2}}[日号])?(?:底|末|初|中旬|上旬|下旬)?"
    rf"|{_HALF}|{_QUARTER}|(?P<edge>底|末|初|全年))?"
)
# A part of a year may follow the year with no 年: 2021Q3, 2021上半年, 2021前九个月.
# So may a word only a year's total stands before: 2021净增门店在60家以上, 2020整体规模超过2500亿元.
_BARE_YEAR_PART = r"(?=[Qq][1-4]|[上下]半年|前[一二两三1-3]个?季度|前(?:[一二两三四五六七八九十]{1,2}|\d{1,2})个?月|全年|整体|净增|新增)"
_ABSOLUTE = rf"{_YEAR}(?:(?P<fiscal>财年|财政年度|年度?|赛季|{_BARE_YEAR_PART}){_TAIL})"  # 2023赛季: the season that year starts
_FISCAL_ABBR = r"(?<![A-Za-z])FY\s?(?P<fy>(?:20)?\d{2})(?![0-9])"
_RELATIVE = rf"(?P<rel>今年|去年|明年|前年|后年|本年|当年|上一年|下一年)(?:{_TAIL})"
_SPAN = (
    r"(?P<span>(?:未来|今后|接下来的?|过去的?|近)(?:[一二两三四五六七八九十]|\d+)"
    r"(?:年|个月|个季度))"
)
# A whole number of years before the article's: 四年前冲击千亿美元 (not 年前, before the new year).
_AGO = r"(?<![0-9一二两三四五六七八九十几多])(?P<ago>[一二两三四五六七八九十]|[1-9][0-9]?)年前(?![后])"
# Three patterns, not one alternation: they share the tail's group names.
# A quarter as analysts' digests write it: 4Q20 is 2020年Q4.
_QUARTER_YY = r"(?<![0-9A-Za-z])(?P<cq>[1-4])Q(?P<cy>[0-9]{2})(?![0-9A-Za-z])"
_TIMES = (
    re.compile(_ABSOLUTE), re.compile(_FISCAL_ABBR), re.compile(_RELATIVE), re.compile(_SPAN), re.compile(_QUARTER_YY),
    re.compile(_AGO),
)

# Parts of a year written without one; each alternative names its own groups.
_M = r"(?:1[0-2]|0?[1-9])"
_CM = r"(?:十[一二]?|[一二三四五六七八九])"
# A day without a year is the time of a figure (3月13日触及6万美元, 至3月19日) unless it dates the
# news (5月10日消息) or an event, or opens a span of days (1月4日至1月20日).
_NOT_AN_EVENT = (
    r"(?!\s*(?:消息|讯|电|晚间|早间|晚|早|上午|下午|凌晨|宣布|发布|公告|披露|表示|称|召开|举行|"
    r"报道|起|开始|至|到|-|—|~|～))"
)
_PART_BODY = (
    r"(?P<firstq>前(?P<nq>[一二两三1-3])个?季度|(?<![之此以提])前(?![一1]个?月)(?P<nm>[一二两三四五六七八九十]{1,2}|\d{1,2})个?月(?!份))"
    r"|(?P<quarter>第(?P<qn>[一二三四1-4])(?P<fq>财)?季度?|(?P<qn2>[一二三四1-4])(?P<fq2>财)?季(?:度|报)|(?P<fq3>财)?(?<![A-Za-z])[Qq](?P<qn3>[1-4])(?![0-9A-Za-z]))"
    r"|(?P<half>(?P<hw>上|下)半(?P<fh>财)?年|(?<![A-Za-z])[Hh](?P<hn>[12])(?![0-9A-Za-z])|(?P<hr>半年报|半年度报告))"
    rf"|(?P<mrange>(?<![\d月])(?P<m1>{_M}|{_CM})(?:月份?)?\s*(?:-|—|–|~|～|至|到)\s*(?P<m2>{_M}|{_CM})月份?(?![\d一二三四五六七八九十]{{0,3}}[日号]))"
    rf"|(?P<cutoff>(?:截至|截止到?|截止至)\s*(?P<cm>{_M}|{_CM})月(?P<cd>\d{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]?)"
    rf"|(?P<day>(?<![\d年月.])(?<!日至)(?<!日到)(?<!日-)(?P<dm>{_M})月(?:\d{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]{_NOT_AN_EVENT})"
    rf"|(?P<month>(?<![\d年月.])(?P<mn>{_M})月份?(?!\d|[一二三四五六七八九十]{{1,3}}[日号]|[日号])|(?<![\d年月一二三四五六七八九十])(?P<mc>{_CM})月份(?![日号]))"
    r"|(?P<whole>全年度?)"
    r"|(?P<same>本季度|当季度?|该季度|同季度)"
    r"|(?P<then>当时|彼时|那时|同年|这一年|那一年|该年)"
)
# Every character an alternative of _PART_BODY can start with.  Ahead of the alternation it lets
# the regex engine skip to the next candidate instead of trying each alternative (and its
# lookbehinds) at every position: a tenth of the time.  test_periods checks it against the body.
_PART_FIRST = r"(?=[前第一二三四五六七八九十0-9财QqHh上下半截全本当该同彼那这])"
_PART = re.compile(_PART_FIRST + "(?:" + _PART_BODY + ")")
# A month after a range connector may leave its year out: 2020年9月至12月.
_BARE_MONTH = re.compile(rf"{_MONTH}月份?(?:底|末|初)?")
_RANGE = re.compile(r"\s*(?:至|到|-|—|–|~|～)\s*")
_COMPARISON = ("相较于", "相比", "较之", "与", "跟", "同", "较", "比", "同比", "环比")
_SENTENCE_ENDS = "。！？!?\n"
# A part of a year starting more than this many months after the article's month is last
# year's: forecasts name the coming quarters (预计第四季度), narratives name past months (她在10月份).
_AHEAD_MONTHS = 6
_AHEAD_MONTHS_FOR_A_MONTH = 2
_AHEAD_MONTHS_FOR_THE_YEAR = 8

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

    @property
    def fiscal(self) -> bool:
        return "财年" in self.period


def article_year(date: str | None) -> int | None:
    """The year of an ISO date string, or None."""
    if date and re.match(r"\d{4}", date):
        return int(date[:4])
    return None


def _article_month(date: str | None) -> int | None:
    match = re.match(r"\d{4}-(\d{1,2})", date or "")
    return int(match.group(1)) if match else None


# Relative to the article's date. (当季, 本季度, 当月 are the quarter or month the text is
# about, resolved from the context with the other parts of a year below.)
_RELATIVE_PART = re.compile(r"(?P<q>上个?季度|上一季度)|(?P<m>上个?月|上一个月|本月)")


def _relative_part(word: str, date: str | None) -> str | None:
    """上季度, 本月 … against the article's date: 2021年Q1, 2021年4月; None without a date."""
    year, month = article_year(date), _article_month(date)
    if year is None or month is None:
        return None
    if "季" in word:
        quarter = (month - 1) // 3 + 1
        if word.startswith("上"):
            year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
        return f"{year}年Q{quarter}"
    if word.startswith("上"):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{year}年{month}月"


def find_periods(text: str, date: str | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, ranges merged, in text order. Spaces typeset between
    a number and its 年/月 (2022 年, 23 年 5 月) are read through."""
    kept = [m.start() for m in _TYPESET_SPACE.finditer(text)]
    if not kept:
        return _find_periods(text, date)
    compact, where = _removed(text, _TYPESET_SPACE)
    return [
        replace(e, start=where[e.start], end=where[e.end - 1] + 1) for e in _find_periods(compact, date)
    ]


# A space between a number and the time word after it, between 年 and the month or quarter, or
# between a year and its quarter (2020 Q4).
_TYPESET_SPACE = re.compile(
    r"(?<=[0-9])[ \u00a0\u2009\u3000]{1,2}(?=[年月日号])|(?<=[年月])[ \u00a0\u2009\u3000]{1,2}(?=[0-9第一二三四上下Qq])"
    r"|(?<=(?<![0-9])(?:19|20)[0-9]{2})[ \u00a0\u2009\u3000]{1,2}(?=[Qq][1-4](?![0-9A-Za-z]))"
)


def _removed(text: str, pattern: re.Pattern[str]) -> tuple[str, list[int]]:
    """``text`` without the matches of ``pattern``, and where each kept character stood."""
    where: list[int] = []
    pieces: list[str] = []
    at = 0
    for m in pattern.finditer(text):
        pieces.append(text[at : m.start()])
        where.extend(range(at, m.start()))
        at = m.end()
    pieces.append(text[at:])
    where.extend(range(at, len(text)))
    return "".join(pieces), where


def _find_periods(text: str, date: str | None) -> list[TimeExpr]:
    year0 = article_year(date)
    found: list[TimeExpr] = []
    for match in _RELATIVE_PART.finditer(text):
        period = _relative_part(match.group(), date)
        if period is not None:
            found.append(TimeExpr(match.start(), match.end(), period, _is_comparison(text, match.start())))
    for pattern in _TIMES:
        for match in pattern.finditer(text):
            period = _normalise(match, year0)
            comparison = _is_comparison(text, match.start()) or _FOUNDED.match(text, match.end()) is not None
            found.append(TimeExpr(match.start(), match.end(), period, comparison))
    dated = _merge_ranges(text, resolve_overlaps(found))
    taken = [(e.start, e.end) for e in dated]
    parts = [
        m for m in _PART.finditer(text) if not any(m.start() < e and s < m.end() for s, e in taken)
    ]
    resolved = [_ended(text, e) for e in _resolve_parts(text, dated, parts, date)]
    return _that_year(text, _same_period_a_year_before(text, resolved))


def _that_year(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """当年 after a year told before it in its paragraph is that year (2020年，有赞…。其股价更是在当年
    一度涨至4.52港元 → 2020), as 同年 is; with none told, this year, as before."""
    out = list(found)
    for i, expr in enumerate(out):
        if not text.startswith("当年", expr.start):
            continue
        told = _told_last(out[:i], text.rfind("\n", 0, expr.start) + 1, expr.start, years=True)
        if told is not None:
            out[i] = replace(expr, period=str(told.year) + expr.period[4:])
    return out


def _same_period_a_year_before(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """去年同期 after a time told in its sentence is that time a year before (今年一季度营收…，去年同期
    → last year's first quarter; 去年净利润…，去年同期则为亏损 → the year before last), not last year."""
    out = list(found)
    for i, expr in enumerate(out):
        if text[expr.start : expr.end] != "去年" or not text.startswith("同期", expr.end) or i == 0:
            continue
        told = out[i - 1]
        if any(c in text[told.end : expr.start] for c in "。！？!?\n"):
            continue
        year = re.match(r"\d{4}", told.period)
        if year is not None and not told.comparison:
            out[i] = replace(expr, period=str(int(year.group()) - 1) + told.period[4:])
    return out


# A span of months ended on a date, as filings write it: 截至2021年3月31日止三个月 is the first
# quarter, 截至6月30日止六个月 the first half, 截至12月31日止年度 the year.
_ENDED = re.compile(
    r"\s*(?:(?:止|为止)的?\s*(?:(?P<q>三个月|3个月|季度|财季)|(?P<h>六|6)个月|(?P<y>十二个月|12个月|年度|财年))"
    r"|的\s*(?P<q2>季度|财季|三个月|3个月))"
)  # and 截至2021年12月31日的季度: the quarter it ends (but 截至…的年度活跃消费者 is a cut-off)
_DATED_MONTH = re.compile(r"(\d{4})年(\d{1,2})月")


def _ended(text: str, expr: TimeExpr) -> TimeExpr:
    """``expr`` read with the span it ends, when one follows it."""
    dated = _DATED_MONTH.fullmatch(expr.period)
    ended = _ENDED.match(text, expr.end) if dated is not None else None
    if dated is None or ended is None:
        return expr
    year, month = dated.group(1), int(dated.group(2))
    if (ended.group("q") or ended.group("q2")) and month % 3 == 0:
        period = f"{year}年Q{month // 3}"
    elif ended.group("h") and month in (6, 12):
        period = f"{year}年{'上半年' if month == 6 else '下半年'}"
    elif ended.group("y"):
        period = year
    else:
        return expr
    return replace(expr, end=ended.end(), period=period)


def _year_value(raw: str) -> int:
    if raw.isdigit():
        return int(raw)
    return int(parse_number(raw))


def _normalise(match: re.Match[str], year0: int | None) -> str:
    groups = match.groupdict()
    if groups.get("span"):
        return match.group("span")
    if groups.get("ago"):
        return str(year0 - _year_value(match.group("ago"))) if year0 is not None else match.group()
    if groups.get("cq"):
        return f"{2000 + int(match.group('cy'))}年Q{match.group('cq')}"
    if groups.get("fy"):
        fy = int(match.group("fy"))
        return f"{fy + 2000 if fy < 100 else fy}财年"
    if groups.get("year"):
        year = str(_year_value(match.group("year")))
        if match.group("fiscal") and match.group("fiscal").startswith("财"):
            year += "财年"
    else:
        offset = _RELATIVE_YEARS[match.group("rel")]
        if year0 is None:
            return match.group()  # no date to resolve against: keep what the text says
        year = str(year0 + offset)
    return _with_tail(year, match)


def _in_year(year: str, rest: str) -> str:
    """``2023`` + ``Q3`` → ``2023年Q3``; ``2024财年`` + ``Q2`` → ``2024财年Q2``."""
    return f"{year}{rest}" if year.endswith("财年") else f"{year}年{rest}"


def _with_tail(year: str, match: re.Match[str]) -> str:
    if match.group("month"):
        return _in_year(year, f"{int(parse_number(match.group('month')))}月")
    if match.group("half"):
        return _in_year(year, match.group("half"))
    quarter = match.group("quarter") or match.group("q")
    if quarter:
        return _in_year(year, f"Q{int(parse_number(quarter))}")
    return year


# A year something was founded in (自2010年成立以来, 2014年创立的): when it began, not the time of
# the figures after it, which it does not date.
_FOUNDED = re.compile(r"\s*(?:成立|创立|创办|创建|诞生|建立)")


def _is_comparison(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip()  # 跟 2020 年 Q4 相比
    if any(before.endswith(word) for word in _COMPARISON):
        return True
    # 是2019年的有效收并购事件27起的2.81倍: the base a multiple is of
    return before.endswith(("是", "为")) and _MULTIPLE_OF.match(text, start) is not None


_MULTIPLE_OF = re.compile(r"[^，,。；;！？\n]{2,30}?的\s*(?:[\d.]+|[一二两三四五六七八九十几数]+)\s*多?倍")


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


# --- times written without a year ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Part:
    """What a yearless time says: ``render(year)`` writes it in a year; ``first_month`` is
    where it starts (to place it around the article date); ``fiscal`` needs a fiscal year."""

    first_month: int
    fiscal: bool
    pieces: tuple[str, ...]  # one piece, or the two ends of a range; "" is the whole year
    ahead: int = _AHEAD_MONTHS

    def render(self, year: str) -> str:
        return "-".join(_in_year(year, piece) if piece else year for piece in self.pieces)


def _number(raw: str) -> int:
    return int(parse_number(raw))


def _read_part(match: re.Match[str]) -> _Part | None:
    g = match.groupdict()
    if g["firstq"]:  # 2021年前三季度, 2021年前九个月: as the article and an analyst write it
        # placed by the month it ends in: 前三季度 in an article of January is last year's
        last = 3 * _number(g["nq"]) if g["nq"] else _number(g["nm"])
        if not 1 <= last <= 12:
            return None
        return _Part(last, False, (_as_written(g["firstq"]).replace("个季度", "季度"),))  # 前三个季度 is 前三季度
    if g["quarter"]:
        n = _number(g["qn"] or g["qn2"] or g["qn3"])
        fiscal = bool(g["fq"] or g["fq2"] or g["fq3"])
        return _Part(3 * n - 2, fiscal, (f"Q{n}",))
    if g["half"]:
        first = g["hw"] == "上" or g["hn"] == "1" or bool(g["hr"])  # 2021年半年报: the first half's report
        return _Part(1 if first else 7, bool(g["fh"]), ("上半年" if first else "下半年",))
    if g["mrange"]:
        m1, m2 = _number(g["m1"]), _number(g["m2"])
        if not 1 <= m1 < m2 <= 12:
            return None
        return _Part(m1, False, (_as_written(g["mrange"]),), _AHEAD_MONTHS_FOR_A_MONTH)  # 2020年1~8月
    if g["cutoff"]:
        month = _number(g["cm"])
        return _Part(month, False, (f"{month}月",), _AHEAD_MONTHS_FOR_A_MONTH)
    if g["day"]:
        month = _number(g["dm"])
        return _Part(month, False, (f"{month}月",), _AHEAD_MONTHS_FOR_A_MONTH)
    if g["month"]:
        month = _number(g["mn"] or g["mc"])
        return _Part(month, False, (f"{month}月",), _AHEAD_MONTHS_FOR_A_MONTH)
    if g["whole"]:
        # placed by the month it ends in, as 前三季度 is: 全年 in an article of February or March
        # (the season of annual results) is last year's; from April on, this year's
        return _Part(12, False, ("",), _AHEAD_MONTHS_FOR_THE_YEAR)
    return None


def _as_written(part: str) -> str:
    return re.sub(r"\s+", "", part)


def _resolve_parts(
    text: str, dated: list[TimeExpr], parts: list[re.Match[str]], date: str | None
) -> list[TimeExpr]:
    year0, month0 = article_year(date), _article_month(date)
    out = list(dated)
    resolved: list[TimeExpr] = []
    for match in parts:
        if match.group("same"):
            quarters = [e for e in sorted(out + resolved, key=lambda e: e.start) if e.end <= match.start()]
            quarters = [e for e in quarters if re.search(r"Q\d$", e.period)]
            if quarters:
                resolved.append(TimeExpr(match.start(), match.end(), quarters[-1].period))
            continue
        if match.group("then"):
            told = _told_before(text, sorted(out + resolved, key=lambda e: e.start), match)
            if told is not None:
                resolved.append(TimeExpr(match.start(), match.end(), told))
            continue
        part = _read_part(match)
        if part is None:
            continue
        comparison = _is_comparison(text, match.start())
        anchor = _anchor(text, dated, match.start(), part.fiscal)
        if anchor is not None:
            start = match.start()
            adjacent = text[anchor.end : start].strip() in ("", "的")
            # the fiscal year of a fiscal time (2021财年, or 2021财年Q3 before 第三财季), else its year
            year = f"{anchor.year}财年" if anchor.fiscal and (part.fiscal or adjacent) else str(anchor.year)
            years = _YEARS.fullmatch(anchor.period)
            if adjacent:  # one expression: 2023年1-5月, FY24 Q2, 比2022年一季度
                comparison = comparison or anchor.comparison
                out.remove(anchor)
                start = anchor.start
            # 2019年~2021年前三季度: the years up to the last one's part of it
            period = f"{years.group(1)}-{part.render(years.group(2))}" if years and adjacent else part.render(year)
            resolved.append(TimeExpr(start, match.end(), period, comparison))
            continue
        if part.fiscal or year0 is None or month0 is None:
            resolved.append(TimeExpr(match.start(), match.end(), match.group(), comparison))
            continue
        year = year0 - 1 if part.first_month - month0 > part.ahead else year0
        resolved.append(TimeExpr(match.start(), match.end(), part.render(str(year)), comparison))
    return sorted(out + resolved, key=lambda e: (e.start, e.end))


def _told_before(text: str, told: list[TimeExpr], then: re.Match[str]) -> str | None:
    """The time 当时, 那时 or 同年 refers to: the last one told before it in its paragraph (ABC上次
    转播超级碗还是在2006年。当时，…250万美元 → 2006), its year for 同年; None when there is none.
    这一年 is the year told last before it, a paragraph or two back too (另外，在2020年疫情影响下…。
    这一年，有赞净亏损缩窄至2.95亿元 → 2020)."""
    a_year = then.group() in _THAT_YEAR
    paragraph = text.rfind("\n", 0, then.start()) + 1
    if then.group() in _THIS_YEAR:
        for _ in range(2):
            paragraph = text.rfind("\n", 0, max(0, paragraph - 1)) + 1
    last = _told_last(told, paragraph, then.start(), years=a_year)
    if last is None:
        return None
    return str(last.year) if a_year else last.period


def _told_last(told: list[TimeExpr], lo: int, hi: int, *, years: bool) -> TimeExpr | None:
    """The last time told between ``lo`` and ``hi`` that is no base of comparison (and, with
    ``years``, names a year): what 当时, 同年, 这一年 and 当年 refer back to."""
    return next(
        (e for e in reversed(told) if lo <= e.start and e.end <= hi and not e.comparison and (e.year or not years)),
        None,
    )


_THIS_YEAR = ("这一年", "那一年", "该年")  # a year told a paragraph or two back
_THAT_YEAR = ("同年", *_THIS_YEAR)


_YEARS = re.compile(r"(\d{4})-(\d{4})")  # a range of whole years


def _anchor(text: str, dated: list[TimeExpr], at: int, fiscal: bool) -> TimeExpr | None:
    """The year-bearing time a yearless one belongs to: the last one before it in its sentence,
    not a range nor a base of comparison unless written right before it (比2022年一季度).  A
    fiscal quarter looks back through the whole text for a fiscal year (2024财年…第二财季)."""
    sentence_start = max(text.rfind(c, 0, at) for c in _SENTENCE_ENDS) + 1
    for expr in reversed(dated):
        if expr.end > at or expr.year is None:
            continue
        if fiscal:
            if expr.fiscal:
                return expr
            continue
        if expr.start < sentence_start:
            return None
        written_before = text[expr.end : at].strip() in ("", "的")
        if ("-" in expr.period or expr.comparison) and not (written_before and (expr.comparison or _YEARS.fullmatch(expr.period))):
            continue
        return expr
    return None
