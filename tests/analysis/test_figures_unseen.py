"""The metrics layer on articles it was not written against, through the real pipeline.

``tests/data/unseen/`` holds eleven short articles in the style of 36氪, 晚点, 虎嗅, 财新, 界面 and a
Hong Kong paper: quarterly results, a fiscal-year report, funding rounds, EV deliveries, battery
installations, user numbers and national statistics.  01-08 were written first and the layer
fixed against them; 09-11 were written after, as a check, and fixed in turn.  The table states, for the figures that matter in each, what a
reader would write down — in the conventions of ``tests/data/gold/README.md`` and
``reader/analysis/periods.py`` (2023年Q3, 2024财年Q2, 2023年前三季度; declines as written,
labelled 同比下降).  Entities come from the real recogniser, so a subject the recogniser cannot
name is marked as its limitation, not the metric layer's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.entities import EntityRecognizer
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.figures import extract_figures
from reader.analysis.model import Figure
from reader.ingest.load import load_file
from reader.ingest.model import Article

UNSEEN = Path(__file__).resolve().parent.parent / "data" / "unseen"


@pytest.fixture(scope="module")
def analysed() -> dict[str, tuple[Article, tuple[Figure, ...]]]:
    recognizer = EntityRecognizer(Gazetteer.load())
    out = {}
    for path in sorted(UNSEEN.glob("*.md")):
        article = load_file(path, UNSEEN)
        mentions = recognizer.recognise(article.text)
        out[path.stem] = (article, extract_figures(article.text, mentions, article.date))
    return out


def _entity_miss(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=f"entity recogniser: {reason}", strict=True)


# file, surface, nth occurrence, value, unit, label, subject, period, kind
CASES = [
    # 36氪, 美团 Q3: quarters from the article date, segments stay the company's, a CEO speaks for it
    ("01_meituan_q3", "765亿元", 0, 7.65e10, "CNY", "营收", "美团", "2023年Q3", "actual"),
    ("01_meituan_q3", "22.1%", 0, 22.1, "%", "同比增长", "美团", "2023年Q3", "actual"),
    ("01_meituan_q3", "61.2亿元", 0, 6.12e9, "CNY", "净利润", "美团", "2023年Q3", "actual"),
    ("01_meituan_q3", "561亿元", 0, 5.61e10, "CNY", "营收", "美团", None, "actual"),
    ("01_meituan_q3", "4.4亿元", 0, 4.4e8, "CNY", "经营亏损", "美团", None, "actual"),
    ("01_meituan_q3", "70亿笔", 0, 7e9, "other", "订单量", "美团", "2023年Q3", "actual"),
    ("01_meituan_q3", "930万家", 0, 9.3e6, "stores", "商家数", "美团", None, "actual"),
    ("01_meituan_q3", "1393亿元", 0, 1.393e11, "CNY", "现金储备", "美团", "2023年9月", "actual"),
    ("01_meituan_q3", "2029亿元", 0, 2.029e11, "CNY", "营收", "美团", "2023年前三季度", "actual"),
    ("01_meituan_q3", "20%", 0, 20, "%", "同比增长", "美团", "2023年Q4", "forecast"),
    # 界面, 小米 Q2: 二季度, declines, percentage points, 上半年, a multi-year target
    ("02_xiaomi_shipments", "677亿元", 0, 6.77e10, "CNY", "营收", "小米", "2023年Q2", "actual"),
    ("02_xiaomi_shipments", "4.2%", 0, -4.2, "%", "同比增长", "小米", "2023年Q2", "actual"),
    ("02_xiaomi_shipments", "3300万台", 0, 3.3e7, "items", "销量", "小米", "2023年Q2", "actual"),
    ("02_xiaomi_shipments", "1.8%", 0, -1.8, "%", "环比增长", "小米", "2023年Q2", "actual"),
    ("02_xiaomi_shipments", "13%", 0, 13, "%", "市场份额", "小米", None, "actual"),
    ("02_xiaomi_shipments", "15.4%", 0, 15.4, "%", "毛利率", "小米", None, "actual"),
    ("02_xiaomi_shipments", "6.1个百分点", 0, 6.1, "pp", "环比增长", "小米", None, "actual"),
    ("02_xiaomi_shipments", "91亿元", 0, 9.1e9, "CNY", "研发投入", "小米", "2023年上半年", "actual"),
    ("02_xiaomi_shipments", "1000亿元", 0, 1e11, "CNY", "研发投入", "小米", "未来五年", "target"),
    ("02_xiaomi_shipments", "200亿元", 0, 2e10, "CNY", "营收", "小米", None, "actual"),
    ("02_xiaomi_shipments", "6.06亿", 0, 6.06e8, "users", "月活", "MIUI", "2023年6月", "actual"),
    # 晚点, a funding round: the outlet that reports it is nobody's subject
    ("03_ai_funding", "10亿美元", 0, 1e9, "USD", "融资", "月之暗面", None, "actual"),
    ("03_ai_funding", "25亿美元", 0, 2.5e9, "USD", "估值", "月之暗面", None, "actual"),
    ("03_ai_funding", "8亿美元", 0, 8e8, "USD", "投资", "阿里巴巴", None, "actual"),
    ("03_ai_funding", "3亿美元", 0, 3e8, "USD", "研发投入", "月之暗面", "2024", "forecast"),
    ("03_ai_funding", "25亿元人民币", 0, 2.5e9, "CNY", "融资", "智谱", "2023", "actual"),
    ("03_ai_funding", "100万", 0, 1e6, "users", "日活", "Kimi", None, "actual"),
    # 虎嗅, EV deliveries: bare months and month ranges, a target
    ("04_ev_deliveries", "28277辆", 0, 28277, "items", "销量", "理想汽车", "2023年5月", "actual"),
    ("04_ev_deliveries", "10.4万辆", 0, 1.04e5, "items", "销量", "理想汽车", "2023年1-5月", "actual"),
    ("04_ev_deliveries", "12.4%", 0, -12.4, "%", "同比增长", "蔚来", "2023年5月", "actual"),
    ("04_ev_deliveries", "13.2%", 0, -13.2, "%", "环比增长", "蔚来", "2023年5月", "actual"),
    ("04_ev_deliveries", "32.7%", 0, 32.7, "%", "渗透率", "中国", "2023年5月", "actual"),
    ("04_ev_deliveries", "7.2个百分点", 0, 7.2, "pp", "同比增长", "中国", "2023年5月", "actual"),
    ("04_ev_deliveries", "35%", 0, 35, "%", "市场份额", "比亚迪", "2023年5月", "actual"),
    ("04_ev_deliveries", "300万辆", 0, 3e6, "items", "销量", "比亚迪", "2023", "target"),
    # 财新, 阿里巴巴 fiscal quarter: 2024财年 is current in 2023, 当季 repeats the quarter
    ("05_alibaba_fiscal", "2247.9亿元", 0, 2.2479e11, "CNY", "营收", "阿里巴巴", "2024财年Q2", "actual"),
    ("05_alibaba_fiscal", "277.1亿元", 0, 2.771e10, "CNY", "净利润", "阿里巴巴", "2024财年Q2", "actual"),
    ("05_alibaba_fiscal", "976.5亿元", 0, 9.765e10, "CNY", "营收", "淘天集团", "2024财年Q2", "actual"),
    ("05_alibaba_fiscal", "50%", 0, 50, "%", "环比增长", "速卖通", None, "actual"),
    ("05_alibaba_fiscal", "25亿美元", 0, 2.5e9, "USD", "回购", "阿里巴巴", "过去一个季度", "actual"),
    ("05_alibaba_fiscal", "4585亿元", 0, 4.585e11, "CNY", "现金储备", "阿里巴巴", "2023年9月", "actual"),
    ("05_alibaba_fiscal", "250.3亿元", 0, 2.503e10, "CNY", "营收", "菜鸟", None, "actual"),
    # 36氪, 快手 Q2: Q2, H1, a founder's forecast is the company's
    ("06_kuaishou_users", "3.76亿", 0, 3.76e8, "users", "日活", "快手", "2023年Q2", "actual"),
    ("06_kuaishou_users", "6.73亿", 0, 6.73e8, "users", "月活", "快手", "2023年Q2", "actual"),
    ("06_kuaishou_users", "2623亿元", 0, 2.623e11, "CNY", "GMV", "快手", "2023年Q2", "actual"),
    ("06_kuaishou_users", "1.1亿", 0, 1.1e8, "users", "买家数", "快手", None, "actual"),
    ("06_kuaishou_users", "20%", 0, 20, "%", "增长率", "快手", "2023", "forecast"),
    ("06_kuaishou_users", "531.9亿元", 0, 5.319e10, "CNY", "营收", "快手", "2023年上半年", "actual"),
    # 香港經濟日報, 騰訊 Q3 in traditional characters
    ("07_hk_traditional", "1546億元人民幣", 0, 1.546e11, "CNY", "营收", "腾讯", "2023年Q3", "actual"),
    ("07_hk_traditional", "449億元", 0, 4.49e10, "CNY", "净利润", "腾讯", "2023年Q3", "actual"),
    ("07_hk_traditional", "13.36億", 0, 1.336e9, "users", "月活", "微信", None, "actual"),
    ("07_hk_traditional", "400億港元", 0, 4e10, "HKD", "回购", "腾讯", "2023", "actual"),
    ("07_hk_traditional", "1000億港元", 0, 1e11, "HKD", "回购", "腾讯", "2024", "target"),
    ("07_hk_traditional", "3840億美元", 0, 3.84e11, "USD", "市值", "腾讯", None, "actual"),
    # 界面, national statistics: 前三季度, 9月份, GDP of a place, a forecast market size
    ("08_retail_market", "34.22万亿元", 0, 3.422e13, "CNY", "零售额", "中国", "2023年前三季度", "actual"),
    ("08_retail_market", "26.4%", 0, 26.4, "%", "占比", None, None, "actual"),
    ("08_retail_market", "3.98万亿元", 0, 3.98e12, "CNY", "零售额", None, "2023年9月", "actual"),
    ("08_retail_market", "91.3万亿元", 0, 9.13e13, "CNY", "GDP", "中国", "2023年前三季度", "actual"),
    ("08_retail_market", "4.9%", 0, 4.9, "%", "同比增长", "中国", "2023年Q3", "actual"),
    ("08_retail_market", "1.2万亿元", 0, 1.2e12, "CNY", "市场规模", "中国", "2025", "forecast"),
    ("08_retail_market", "翻番", 0, 2, "times", "增长倍数", None, "2023年上半年", "actual"),
    # written after the fixes above, then fixed in turn: a company it overtook is not the subject
    ("09_pdd_q3", "94.4亿美元", 0, 9.44e9, "USD", "营收", "拼多多", "2023年Q3", "actual"),
    ("09_pdd_q3", "632亿元", 0, 6.32e10, "CNY", "营收", "拼多多", "2023年Q3", "forecast"),
    ("09_pdd_q3", "330.1亿元", 0, 3.301e10, "CNY", "营收", "拼多多", None, "actual"),
    ("09_pdd_q3", "2174亿元", 0, 2.174e11, "CNY", "现金储备", "拼多多", "2023年Q3", "actual"),
    ("09_pdd_q3", "15%", 0, 15, "%", "增长率", "拼多多", None, "actual"),
    ("09_pdd_q3", "1900亿美元", 0, 1.9e11, "USD", "市值", "拼多多", None, "actual"),
    # 36氪, battery installations in GWh (kWh, the base unit), 前三季度 and 三季报
    ("10_battery_share", "302.3GWh", 0, 3.023e8, "kWh", "装机量", "中国", "2023年1-10月", "actual"),
    ("10_battery_share", "130.5GWh", 0, 1.305e8, "kWh", "装机量", "宁德时代", "2023年1-10月", "actual"),  # 其中: the 1-10月 the sentence before counted
    ("10_battery_share", "43.2%", 0, 43.2, "%", "市场份额", "宁德时代", "2023年1-10月", "actual"),
    ("10_battery_share", "27.2%", 0, 27.2, "%", "市场份额", "比亚迪", "2023年1-10月", "actual"),
    ("10_battery_share", "36.5GWh", 0, 3.65e7, "kWh", "装机量", None, "2023年10月", "actual"),
    ("10_battery_share", "311.46亿元", 0, 3.1146e10, "CNY", "净利润", "宁德时代", "2023年前三季度", "actual"),
    ("10_battery_share", "一倍", 0, 1, "times", "增长倍数", "宁德时代", "2023年Q3", "actual"),  # the stated factor
    # 36氪, a funding round: the lead investor and the research firm are not subjects
    ("11_robotics_funding", "10亿美元", 0, 1e9, "USD", "估值", "银河通用", None, "actual"),
    ("11_robotics_funding", "200人", 0, 200, "people", "员工数", "银河通用", None, "actual"),
    ("11_robotics_funding", "八成", 0, 80, "%", "占比", "银河通用", None, "actual"),
    ("11_robotics_funding", "5000万元", 0, 5e7, "CNY", "营收", "银河通用", "2024", "forecast"),
    ("11_robotics_funding", "20亿美元", 0, 2e9, "USD", "市场规模", None, "2027", "forecast"),
    ("11_robotics_funding", "20家", 0, 20, "stores", "企业数", "中国", None, "actual"),
    ("11_robotics_funding", "50万元", 0, 5e5, "CNY", "价格", "中国", None, "actual"),
]


@pytest.mark.parametrize(
    ("stem", "surface", "nth", "value", "unit", "label", "subject", "period", "kind"), CASES
)
def test_extract_figures_on_unseen_articles(
    analysed: dict[str, tuple[Article, tuple[Figure, ...]]],
    stem: str,
    surface: str,
    nth: int,
    value: float,
    unit: str,
    label: str | None,
    subject: str | None,
    period: str | None,
    kind: str,
) -> None:
    article, figures = analysed[stem]
    found = [m for m in figures if article.text[m.start : m.end] == surface]
    assert len(found) > nth, f"{surface} not found; got {[m.surface for m in figures]}"
    m = found[nth]
    got = (m.value, m.unit, m.measure, m.subject, m.period, m.kind.value)
    assert got == (pytest.approx(value), unit, label, subject, period, kind)


def test_extract_figures_labels_every_figure_in_unseen_articles(
    analysed: dict[str, tuple[Article, tuple[Figure, ...]]],
) -> None:
    unlabelled = [(stem, m.surface) for stem, (_, ms) in analysed.items() for m in ms if m.measure is None]
    assert unlabelled == []


@pytest.mark.parametrize(
    ("stem", "not_a_figure"),
    [
        ("01_meituan_q3", "11月28日"),
        ("06_kuaishou_users", "118分钟"),  # a duration
        ("03_ai_funding", "2023年3月"),
        ("08_retail_market", "10月18日"),
        ("11_robotics_funding", "数亿元"),  # a vague amount
        ("11_robotics_funding", "不到一年"),
    ],
)
def test_extract_figures_leaves_dates_and_durations_alone_in_unseen_articles(
    analysed: dict[str, tuple[Article, tuple[Figure, ...]]], stem: str, not_a_figure: str
) -> None:
    article, figures = analysed[stem]
    at = article.text.index(not_a_figure)
    assert not [m for m in figures if m.start < at + len(not_a_figure) and at < m.end]
