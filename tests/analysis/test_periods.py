"""Time expressions and their resolution against the article date."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.periods import _PART, _PART_BODY, find_periods


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
        ("2023Q3", None, "2023Q3", "2023年Q3"),
        ("2024财年第二财季业绩", None, "2024财年第二财季", "2024财年Q2"),
        ("FY24 Q2", None, "FY24 Q2", "2024财年Q2"),
        ("快手2023年H1的营收", None, "2023年H1", "2023年上半年"),
        ("2023年1-5月，理想", None, "2023年1-5月", "2023年1-5月"),
        ("2024财年上半财年", None, "2024财年上半财年", "2024财年上半年"),
        ("从2023赛季开始，每年将支付", None, "2023赛季", "2023"),  # a season, by the year it starts
        ("四年前冲击千亿美元时", "2021-03-20", "四年前", "2017"),  # whole years before the article's
        ("10年前的今天", "2021-03-20", "10年前", "2011"),
        # a report by the part of the year it reports
        ("爱奇艺2022年一季报揭晓", None, "2022年一季报", "2022年Q1"),
        ("根据2021年三季报，", None, "2021年三季报", "2021年Q3"),
        ("公司2021年半年报显示", None, "2021年半年报", "2021年上半年"),
    ],
)
def test_find_periods_normalises(text: str, date: str | None, surface: str, period: str) -> None:
    (expr,) = find_periods(text, date)
    assert text[expr.start : expr.end] == surface
    assert expr.period == period


@pytest.mark.parametrize(
    ("text", "date", "surface", "period"),
    [
        # written without a year: the article's year, or last year's when it starts more
        # than six months (a month: two) after the article
        ("第三季度美团实现营收", "2023-11-28", "第三季度", "2023年Q3"),
        ("三季度营收", "2023-11-28", "三季度", "2023年Q3"),
        ("一季度营收", "2023-11-28", "一季度", "2023年Q1"),
        ("Q2电商GMV", "2023-08-22", "Q2", "2023年Q2"),
        ("第三季業績", "2023-11-15", "第三季", "2023年Q3"),
        ("第四季度收入", "2024-02-20", "第四季度", "2023年Q4"),
        ("预计第二季度收入", "2024-02-20", "第二季度", "2024年Q2"),
        ("前三季度，全国", "2023-10-18", "前三季度", "2023年前三季度"),
        ("上半年，小米", "2023-08-21", "上半年", "2023年上半年"),
        ("下半年的增长", "2023-08-22", "下半年", "2023年下半年"),
        ("H1营收", "2023-08-22", "H1", "2023年上半年"),
        ("预计全年广告收入", "2023-08-22", "全年", "2023"),
        ("特体装全年开关店比达1.76", "2022-02-24", "全年", "2021"),  # the season of annual results
        ("茶餐厅全年开关店比达2.1", "2022-04-10", "全年", "2022"),
        ("截至9月30日，美团", "2023-11-28", "截至9月30日", "2023年9月"),
        ("1-5月，理想", "2023-06-02", "1-5月", "2023年1-5月"),
        ("5月交付新车", "2023-06-02", "5月", "2023年5月"),
        ("9月份，社会消费品", "2023-10-18", "9月份", "2023年9月"),
        ("她在10月份绕过", "2021-05-10", "10月份", "2020年10月"),
        ("十二月份", "2024-01-10", "十二月份", "2023年12月"),
        # the year stated earlier in the sentence wins over the article's
        ("2020年电商销售的估算，预计在线支出占全年零售总额", "2021-10-11", "全年", "2020"),
        ("2022年业绩回顾：第四季度营收", "2023-04-01", "第四季度", "2022年Q4"),
        # no date: kept as written
        ("第三季度营收", None, "第三季度", "第三季度"),
        ("第二财季", "2023-11-16", "第二财季", "第二财季"),  # a fiscal quarter needs a fiscal year
    ],
)
def test_find_periods_resolves_a_time_without_a_year(
    text: str, date: str | None, surface: str, period: str
) -> None:
    expr = find_periods(text, date)[-1]
    assert text[expr.start : expr.end] == surface
    assert expr.period == period


def test_find_periods_this_quarter_repeats_the_last_quarter_named() -> None:
    text = "阿里巴巴公布2024财年第二财季业绩。当季营收为2247.9亿元，本季度回购了股份。"
    periods = [(text[e.start : e.end], e.period) for e in find_periods(text, "2023-11-16")]
    assert periods == [("2024财年第二财季", "2024财年Q2"), ("当季", "2024财年Q2"), ("本季度", "2024财年Q2")]


def test_find_periods_then_is_the_time_told_before_it_in_its_paragraph() -> None:
    """当时, 那时, 彼时 are the last time told before them in their paragraph; 同年 is its year. In
    a paragraph that told none, they are no time."""
    text = "ABC上次转播超级碗还是在2006年。当时，一条30秒广告的价格为250万美元。2019年第三季度小米营收2000亿元。同年，华为营收8500亿元。\n那时的价格是多少？"
    periods = [(text[e.start : e.end], e.period) for e in find_periods(text, "2021-09-01")]
    assert periods == [("2006年", "2006"), ("当时", "2006"), ("2019年第三季度", "2019年Q3"), ("同年", "2019")]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("今年一季度营收100亿元，去年同期为80亿元。", "2021年Q1"),  # the quarter, a year before
        ("拼多多去年净利润达到77.69亿元，去年同期则为亏损71.8亿元。", "2020"),  # the year before last
        ("2021年第四季度营收100亿元，去年同期为80亿元。", "2020年Q4"),
        ("去年同期营收为80亿元。", "2021"),  # guard: nothing told before it
    ],
)
def test_find_periods_last_years_same_period_is_the_time_told_a_year_before(text: str, period: str) -> None:
    same = [e for e in find_periods(text, "2022-03-22") if text.startswith("同期", e.end)]
    assert [e.period for e in same] == [period]


def test_find_periods_that_year_is_the_year_told_before_it_in_its_paragraph() -> None:
    text = "2020年，有赞净亏损缩窄至2.95亿元。其股价更是在当年一度涨至4.52港元/股。"
    assert [e.period for e in find_periods(text, "2022-03-01")] == ["2020", "2020"]
    assert [e.period for e in find_periods("当年营收增长20%。", "2022-03-01")] == ["2022"]  # none told
    # 这一年: the year told last before it, a paragraph or two back too
    text = "另外，在2020年疫情影响下，商家开始尝试线上。\n受此影响，有赞搭上了直播电商的快车。\n这一年，有赞净亏损缩窄至2.95亿元。"
    assert [e.period for e in find_periods(text, "2022-03-01")] == ["2020", "2020"]
    assert find_periods("这一年，公司营收增长。", "2022-03-01") == []


def test_find_periods_a_fiscal_quarter_takes_the_fiscal_year_named_before() -> None:
    text = "阿里巴巴2024财年营收增长。其中第二财季营收为2247.9亿元。"
    assert find_periods(text, "2023-11-16")[-1].period == "2024财年Q2"
    # after a fiscal quarter, its fiscal year (not 2021财年Q3年Q3)
    text = "新东方2021财年第三季度营收为10亿美元。截至2021年2月28日的第三财季，好未来营收为12亿美元。"
    assert find_periods(text, "2021-04-26")[-1].period == "2021财年Q3"


@pytest.mark.parametrize(
    "text", ["5月10日消息", "春节年前就回家了", "十几年前", "1月4日至1月20日", "85后", "3000万", "三个月后", "本季度", "10-20%", "第3名"]
)
def test_find_periods_ignores_dates_without_a_year(text: str) -> None:
    assert find_periods(text, "2021-05-10") == []


@pytest.mark.parametrize(
    ("text", "comparison"),
    [
        ("比2019年翻了三倍多", True),
        ("与2019年的8.03万亿元相比", True),
        ("2019年，抖音", False),
        ("比2022年一季度增长", True),  # the quarter is part of the compared time
        ("是2019年的有效收并购事件27起的2.81倍", True),  # the base a multiple is of
        ("营收为2019年的3倍", True),
        ("是2019年最大的一笔交易", False),  # guard: no multiple
    ],
)
def test_find_periods_marks_a_base_of_comparison(text: str, comparison: bool) -> None:
    assert find_periods(text)[0].comparison is comparison


# Pieces of every kind of yearless time, and characters around them, to build texts from.
_PART_PIECES = [
    "前三季度", "前两个季度", "前九个月", "前9月", "第二季度", "第3季", "三季度", "第二财季", "财Q4", "Q1", "q2",
    "上半年", "下半财年", "H1", "h2", "1-5月", "九至十二月份", "截至9月30日", "截止到六月三十日",
    "10月份", "5月", "七月份", "全年", "全年度", "本季度", "当季", "当季度", "该季度", "同季度",
    *"前第一二三四五六七八九十两0123456789财季度QqHh上下半年月份截至止到日号全本当该同个-—~ 的A",
]


@given(st.lists(st.sampled_from(_PART_PIECES), max_size=12).map("".join))
def test_periods_part_lookahead_changes_no_match(text: str) -> None:
    """The first-character lookahead in _PART is a speed-up only: every alternative it would
    rule out must be one that cannot start there anyway."""
    plain = re.compile(_PART_BODY)
    assert [(m.span(), m.lastgroup) for m in _PART.finditer(text)] == [
        (m.span(), m.lastgroup) for m in plain.finditer(text)
    ]


@pytest.mark.parametrize(
    ("text", "date", "period"),
    [
        ("上季度营收为10亿元。", "2021-01-10", "2020年Q4"),
        ("上季度营收为10亿元。", "2021-08-10", "2021年Q2"),
        ("上个月销量为3万辆。", "2021-01-10", "2020年12月"),
        ("本月销量为3万辆。", "2021-05-10", "2021年5月"),
    ],
)
def test_relative_quarters_and_months_resolve_against_the_article_date(text: str, date: str, period: str) -> None:
    from reader.analysis.figures import extract_figures

    (m,) = extract_figures(text, date=date)
    assert m.period == period


@pytest.mark.parametrize(
    ("text", "period", "written"),
    [
        ("2022 年我国电商市场规模达 47.57 万亿元", "2022", "2022 年"),
        ("2021 年第四季度营收增长", "2021年Q4", "2021 年第四季度"),
        ("2023 年 5 月消费者信心指数", "2023年5月", "2023 年 5 月"),
        ("2021年 第四季度", "2021年Q4", "2021年 第四季度"),
    ],
)
def test_spaces_typeset_between_a_number_and_its_time_word(text: str, period: str, written: str) -> None:
    (expr,) = find_periods(text, "2023-11-20")
    assert (expr.period, text[expr.start : expr.end]) == (period, written)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("截至 2021 年 3 月 31 日止三个月", "2021年Q1"),  # as filings write a quarter
        ("截至2020年6月30日止六个月", "2020年上半年"),
        ("截至2020年12月31日止年度", "2020"),
        ("截至2021年3月31日，公司", "2021年3月"),  # a cut-off, no span
    ],
)
def test_a_span_ended_on_a_date_is_that_quarter_half_or_year(text: str, period: str) -> None:
    assert [e.period for e in find_periods(text, "2021-07-03")] == [period]


@pytest.mark.parametrize(
    ("text", "date", "periods"),
    [
        # a range of years up to the last one's part, as prospectuses write it
        ("2019年~2021年前三季度，研发费用分别为", "2022-01-10", ["2019-2021年前三季度"]),
        ("2019年~2021上半年，销售单价分别为", "2022-01-10", ["2019-2021年上半年"]),
        # a part right after a year written without 年
        ("2021上半年营收", None, ["2021年上半年"]),
        ("2018-2021前九个月，该公司分别实现", "2022-01-10", ["2021年前九个月"]),
        # a year written without 年 before what only a year's total is
        ("任天堂Switch异军突起，2021净增门店在60家以上", "2022-01-10", ["2021"]),
        ("便利店增长最快，2020整体规模超过2500亿元", "2022-01-10", ["2020"]),
        ("共2021新用户", "2022-01-10", []),  # not every number before a noun
        # the first months of a year, as written, placed by the month they end in
        ("今年前9月营收", "2021-11-10", ["2021年前9月"]),
        ("前九个月营收", "2022-01-10", ["2021年前九个月"]),
        ("前三季度营收", "2022-01-10", ["2021年前三季度"]),  # January: last year's
        ("前两个月销量", "2021-03-10", ["2021年前两个月"]),
        # the month or months before now, not the first of a year
        ("之前一个月能拿到1.4万工资", "2021-12-10", []),
        ("此前三个月的订单", "2021-12-10", []),
    ],
)
def test_a_range_of_years_ending_in_a_part_and_the_first_months_of_a_year(text: str, date: str | None, periods: list[str]) -> None:
    assert [t.period for t in find_periods(text, date)] == periods


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("截至 2021 年12月 31 日的季度里面，公司一共创造了", [("2021年Q4", False)]),  # the quarter it ends
        ("其截至 2021 年 9 月 30 日的年度活跃消费者已超过", [("2021年9月", False)]),  # a cut-off, not a year
        ("2021 年 Q4 数据跟 2020 年 Q4 相比，降低了", [("2021年Q4", False), ("2020年Q4", True)]),
        ("同2020年相比", [("2020", True)]),
        ("2021 年前三个季度，硬件毛利", [("2021年前三季度", False)]),  # one way to write it
    ],
)
def test_quarters_ended_compared_and_written_out(text: str, periods: list[tuple[str, bool]]) -> None:
    assert [(t.period, t.comparison) for t in find_periods(text, "2022-02-10")] == periods


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("云服务市场首家盈利厂商阿里云，其2020 Q4营收161亿元", ["2020年Q4"]),  # a space between year and quarter
        ("Bumble：4Q20营收1.66亿美元同比增长31.1%", ["2020年Q4"]),  # an analyst's digest
        ("京东：1Q21净收入为2032亿元", ["2021年Q1"]),
    ],
)
def test_a_quarter_typeset_with_a_space_or_written_as_a_digest_does(text: str, periods: list[str]) -> None:
    assert [t.period for t in find_periods(text, "2021-12-20")] == periods


def test_a_model_number_is_no_quarter() -> None:
    assert find_periods("型号A4Q20X的销量", "2021-12-20") == []


def test_the_year_a_company_was_founded_dates_nothing_after_it() -> None:
    text = "这是自2010年成立以来，爱奇艺首次实现季度盈利，截至5月26日收盘，报3.910美元/股。"
    periods = find_periods(text, "2022-05-30")
    assert [t.period for t in periods if not t.comparison] == ["2022年5月"]
