"""Numbers as typeset in real articles: spaces, separators, widths, signs, count nouns, and
labels quoted from the article with the normalised measure beside them."""

from __future__ import annotations

import re

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.figures import extract_figures, find_quantities, subject_as_written
from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analyzer
from reader.ingest.model import Article


def named(text: str, *names: str, kind: EntityType = EntityType.ORG) -> list[Mention]:
    """Every occurrence of ``names`` in ``text`` as mentions of that name, in text order."""
    return sorted(
        (Mention(m.start(), m.end(), n, kind, n) for n in names for m in re.finditer(re.escape(n), text)),
        key=lambda m: m.start,
    )


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("营收5210 亿元，同比增长。", "5210 亿元", 5.21e11, "CNY"),
        ("用户规模达2.4 亿人。", "2.4 亿人", 2.4e8, "people"),
        ("员工9500 万人", "9500 万人", 9.5e7, "people"),
        ("增长 10 %", "10 %", 10, "%"),
        ("经营现金流为-37.5亿元。", "-37.5亿元", -3.75e9, "CNY"),
        ("净利润−3.2亿元", "−3.2亿元", -3.2e8, "CNY"),
        ("惠及800万农户。", "800万", 8e6, "people"),  # a count noun is never money
        ("NT$500亿", "NT$500亿", 5e10, "TWD"),
        ("新台币300亿元", "300亿元", 3e10, "TWD"),
        ("1,234.5万元", "1,234.5万元", 1.2345e7, "CNY"),
        # an amount in two sections, as financial reports write it
        ("逾千家门店", "千家", 1000, "stores"),  # 千 alone is a word, hedged and counted an amount
        ("日元100亿", "100亿", 1e10, "JPY"),  # a currency named before
        ("营业收入为63亿元人民币(8亿8600万美元)", "8亿8600万美元", 8.86e8, "USD"),
        ("收入为7亿5600万元人民币", "7亿5600万元人民币", 7.56e8, "CNY"),
        ("(1亿600万美元)", "1亿600万美元", 1.06e8, "USD"),
        ("融资3亿5千万元", "3亿5千万元", 3.5e8, "CNY"),
        ("全球电动汽车实现装机33.7Gwh", "33.7Gwh", 3.37e7, "kWh"),  # a unit in the case news sites write
        ("期內銷售晶圓達239.02萬片", "239.02萬片", 2.3902e6, "items"),  # wafers are counted, never money
        ("銷售收入約在6.2億至6.4億美元之間", "6.2億", 6.2e8, "USD"),  # a range's low end in its high end's unit
        ("6亿至8亿用户", "6亿", 6e8, "users"),
        # amounts as people say them
        ("拼多多的iPhone 13只要9块9。", "9块9", 9.9, "CNY"),
        ("手握七个亿的网民，总不能整天靠纸巾变现吧。", "七个亿", 7e8, "users"),
        ("公司拿了三个亿的融资。", "三个亿", 3e8, "CNY"),
        ("另一个人有10万块，每天增长系数是1。", "10万块", 1e5, "CNY"),
        # a plus after a number is a hedge, and the counter after it still counts
        ("相关的笔记已经超过1100+篇。", "1100", 1100, "items"),
        ("国产咖啡新贵的开店数量均在30+家。", "30", 30, "stores"),
        # a price per square metre with no 元; a ratio named before a bare number
        ("销售均价分别为22537/㎡、19545/㎡。", "22537/㎡", 22537, "CNY"),
        ("服装整体开关店比0.94，低于零售业态整体水平。", "0.94", 0.94, "times"),
        ("公司市盈率为23.5，市净率仅0.8。", "0.8", 0.8, "times"),
        # square metres as property news writes them; but not the 平 of 平台 or 平均
        ("金地以76.06万平获得销售面积第一。", "76.06万平", 7.606e5, "other"),
        ("入驻5万平台商家。", "5万", 5e4, "stores"),
        # a bare amount a fund's size or a sales target names is money
        ("挑战者资本的资金规模已经达到了80亿。", "80亿", 8e9, "CNY"),
        ("要完成2021年75亿的销售目标恐怕有难度。", "75亿", 7.5e9, "CNY"),
    ],
)
def test_figures_as_typeset(text: str, surface: str, value: float, unit: str) -> None:
    (figure,) = [f for f in extract_figures(text) if f.surface == surface]
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", ["2021-03-22", "10%-15%", "A-1轮", "2020 年营收增长"])
def test_a_dash_between_numbers_is_no_sign(text: str) -> None:
    assert all(f.value >= 0 for f in find_quantities(text))


_WIDE = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


@given(
    whole=st.integers(min_value=1, max_value=99_999),
    tenths=st.integers(min_value=0, max_value=9),
    magnitude=st.sampled_from(["万", "亿"]),
    unit=st.sampled_from(["元", "美元", "人", "%"]),
    space=st.sampled_from(["", " ", "\u2009", "\u00a0"]),
    grouped=st.booleans(),
    wide=st.booleans(),
)
def test_any_typesetting_of_a_number_parses_to_one_value(
    whole: int, tenths: int, magnitude: str, unit: str, space: str, grouped: bool, wide: bool
) -> None:
    digits = f"{whole:,}" if grouped else str(whole)
    number = f"{digits}.{tenths}"
    if wide:
        number = number.translate(_WIDE).replace("，", ",")
    if unit == "%":
        text, expected = f"占比为{number}{space}%。", whole + tenths / 10
    else:
        scale = 1e4 if magnitude == "万" else 1e8
        text, expected = f"规模为{number}{space}{magnitude}{space}{unit}。", (whole + tenths / 10) * scale
    figures = find_quantities(text)
    assert len(figures) == 1, (text, figures)
    assert figures[0].value == pytest.approx(expected)
    assert text[figures[0].start : figures[0].end] == figures[0].surface


@pytest.mark.parametrize(
    ("text", "surface", "label", "measure"),
    [
        ("2020年，快狗打车的内地抽佣率分别为9.8%、12.0%。", "9.8%", "内地抽佣率", None),
        ("研发费用占营收比重为16.8%。", "16.8%", "研发费用占营收比重", "占比"),
        ("公司2021年第一季度营业收入为52亿元。", "52亿元", "营业收入", "营收"),
        ("淘宝直播的总成交额超过4000亿元。", "4000亿元", "总成交额", "GMV"),
        ("其第一场直播售出1700万美元商品。", "1700万美元", "销售额", "销售额"),  # a verb is no label
        # the money measures of any report: owed, owned, spent, fined, paid out
        ("将“欠122亿”放到了App开屏。", "122亿", "负债", "负债"),  # a bare 亿 owed is money
        ("截至年底，公司总负债达2.1万亿元。", "2.1万亿元", "总负债", "负债"),
        ("对乐视网的罚款为2.4亿元。", "2.4亿元", "罚款", "罚款"),
        ("公司去年营销费用为12亿元。", "12亿元", "营销费用", "成本"),
        ("发行价为每股20美元。", "20美元", "发行价", "价格"),
        # a chain's outlets are not a platform's merchants; a margin is no market share
        ("截至2025年底，全球总门店数达到31048家。", "31048家", "全球总门店数", "门店数"),
        ("在2017年达巅峰：市场份额42%、门店超3000家、利润率超26%。", "26%", "利润率", "利润率"),
        # a one-character lead (共, 其) is not cut off the word it begins
        ("2016年共享单车市场规模达到12.3亿元。", "12.3亿元", "共享单车市场规模", "市场规模"),
        # the time's 时 is no part of the label
        ("2015年底时微信用户数为6.97亿。", "6.97亿", "微信用户数", "用户数"),
        # a verb inside the phrase is dropped, a comparison or conjunction ends what came before
        ("毛绒产品实现营收61.4亿元。", "61.4亿元", "毛绒产品营收", "营收"),
        ("收入增速为25.8%，略低于业务量增速27.5%。", "27.5%", "业务量增速", None),
        ("美洲营收22.6亿元；欧洲及其他地区营收4.8亿元。", "4.8亿元", "欧洲及其他地区营收", "营收"),
    ],
)
def test_label_is_the_measure_as_the_article_names_it(text: str, surface: str, label: str, measure: str | None) -> None:
    (m,) = [m for m in extract_figures(text) if m.surface == surface]
    assert m.label == label
    if measure is not None:
        assert m.measure == measure


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("2018-2021年，快狗打车取得收入分别为4.53亿元，5.48亿元，5.30亿元，6.61亿元。", ["2018", "2019", "2020", "2021"]),
        ("其中，2019年、2020年、2021年分别同比增长21.03%，-3.29%，24.59%。", ["2019", "2020", "2021"]),
        (
            "2022年至2024年及2025年上半年，公司营业收入分别为3.59亿元、4.51亿元、4.25亿元、2.52亿元。",
            ["2022", "2023", "2024", "2025年上半年"],
        ),
    ],
)
def test_figures_listed_after_respectively_take_one_year_each(text: str, periods: list[str]) -> None:
    assert [m.period for m in extract_figures(text, date="2022-06-01")] == periods


def _mentions(text: str, *names: str):  # noqa: ANN202
    from reader.analysis.model import EntityType, Mention

    found = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            found.append(Mention(at, at + len(name), name, EntityType.ORG, name))
            at = text.find(name, at + 1)
    return sorted(found, key=lambda m: m.start)


def test_a_companys_own_filing_makes_it_the_subject() -> None:
    text = "据快狗打车招股书显示，截至2021年12月31日，已有约8590万名注册托运人。"
    (m,) = extract_figures(text, _mentions(text, "快狗打车"))
    assert m.subject == "快狗打车"


def test_a_figure_with_no_subject_falls_back_to_the_article_company_but_not_a_market() -> None:
    text = (
        "快狗打车递交招股书。快狗打车成立于2014年。快狗打车的对手是货拉拉。\n"
        "2021年内地抽佣率为12.0%。\n"
        "目前，国内已有超过20家公司推出同类产品。"
    )
    figures = {m.surface: m for m in extract_figures(text, _mentions(text, "快狗打车", "货拉拉"))}
    assert figures["12.0%"].subject == "快狗打车"
    assert figures["20家"].subject == "中国"  # the country's market, not the article's company


def test_a_market_word_inside_a_name_does_not_make_the_sentence_market_wide() -> None:
    """"国内" inside 中国内地 is not "国内": the sentence is still about the article's company."""
    text = (
        "快狗打车递交招股书。快狗打车成立于2014年。快狗打车的对手是货拉拉。\n"
        "中国内地平台服务月活跃用户数由2018年的69.11万人降至2021年的45.62万人。"
    )
    found = _mentions(text, "快狗打车", "货拉拉")
    found.append(Mention(text.index("中国内地"), text.index("中国内地") + 2, "中国", EntityType.PLACE, "中国"))
    figures = {m.surface: m for m in extract_figures(text, sorted(found, key=lambda m: m.start))}
    assert figures["69.11万人"].subject == "快狗打车"


def test_a_company_unit_named_for_a_place_is_the_companys() -> None:
    text = "阿里巴巴发布的财报显示，该季度，阿里巴巴总营收2425.80亿元，其中中国商务分部营收1722.26亿元。"
    found = _mentions(text, "阿里巴巴")
    at = text.index("中国商务")
    found.append(Mention(at, at + 2, "中国", EntityType.PLACE, "中国"))
    figures = {m.surface: m for m in extract_figures(text, sorted(found, key=lambda m: m.start), "2022-03-01")}
    assert figures["1722.26亿元"].subject == "阿里巴巴"  # its China commerce segment, not China's


def test_a_pronoun_after_a_preposition_is_the_object_not_the_owner() -> None:
    """腾讯对该公司的总投资额: 该公司 (快手) receives the investment; the amount is 腾讯's."""
    text = "快手今天上市。自2017年以来，腾讯曾多次买入快手股权，腾讯对该公司的总投资额超过了28亿美元。"
    (m,) = extract_figures(text, _mentions(text, "腾讯", "快手"))
    assert m.subject == "腾讯"


def test_a_digests_source_is_not_the_article_company() -> None:
    """A digest of reports names its sources at each line's start ("协会：…"); named most
    often, the source is still not what the figures are about."""
    text = (
        "中国汽车流通协会：2021年2月汽车经销商库存预警指数为52.2%\n"
        "中国汽车流通协会：2021年1月汽车皮卡市场分析\n"
        "凯达研究院：2021年1月汽车市场脉搏报告\n"
        "中国汽车流通协会：2020年豪华车零售346万辆"
    )
    figures = {m.surface: m for m in extract_figures(text, _mentions(text, "中国汽车流通协会", "凯达研究院"))}
    assert figures["346万辆"].subject is None


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("净资产为负143.29亿元", "负143.29亿元", -1.4329e10, "CNY"),
        ("拟转让30万股", "30万股", 3e5, "items"),
        ("有效收购事件共76起", "76起", 76, "other"),
        ("股价翻了一倍", "翻了一倍", 2, "times"),
        # fractions with a slash, a half, and the yuan's tenths and hundredths
        ("人均饮奶量不足世界人均的1/3", "1/3", 33.33, "%"),
        ("体量达到Shopify的1/10", "1/10", 10, "%"),
        ("有一半收入来自海外", "一半", 50, "%"),
        ("制作成本最低仅需7分钱", "7分钱", 0.07, "CNY"),
        ("每张卡牌收益最低也能有2毛钱", "2毛钱", 0.2, "CNY"),
        ("申通则将单票价格降到了9毛", "9毛", 0.9, "CNY"),
        ("3毛钱一张", "3毛钱", 0.3, "CNY"),
        # counters of homes, plots, rooms and bottles
        ("深圳二手住宅成交量为2043套", "2043套", 2043, "other"),
        ("无锡38宗地块入市", "38宗", 38, "other"),
        ("绿茶餐厅总数由107间增至180间", "180间", 180, "other"),
        ("一箱（15瓶）", "15瓶", 15, "items"),
        ("3年完成2次并购和8轮融资", "8轮", 8, "other"),  # rounds of funding
    ],
)
def test_more_ways_figures_are_written(text: str, surface: str, value: float, unit: str) -> None:
    (figure,) = [f for f in find_quantities(text) if f.surface == surface]
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


def test_a_round_that_is_no_count_is_no_figure() -> None:
    assert [f.surface for f in find_quantities("公司完成新一轮融资，这是第二轮，此前第一轮由红杉领投。")] == []


def test_a_loss_word_names_a_loss() -> None:
    (m,) = extract_figures("快狗打车4年累亏27亿元。")
    assert m.measure == "净亏损"


@pytest.mark.parametrize(
    ("text", "values", "label"),
    [
        ("扣非后净利润预计亏损60.87亿到65.87亿元。", [-6.087e9, -6.587e9], "净利润"),
        ("该公司归母净利润亏损3.2亿元。", [-3.2e8], "归母净利润"),
        ("2021年净亏损8.73亿元。", [8.73e8], "净亏损"),  # a loss named alone stays a positive loss
        ("经营亏损收窄至4.4亿元。", [4.4e8], "经营亏损"),
    ],
)
def test_a_profit_told_as_a_loss_is_a_negative_profit(text: str, values: list[float], label: str) -> None:
    figures = extract_figures(text)
    assert [f.value for f in figures] == [pytest.approx(v) for v in values]
    assert all(f.label == label for f in figures)


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("公司以15亿元总对价收购宁波市雅太酒店物业服务有限公司。", "15亿元", "总对价"),
        ("2018-2021年快狗打车流动负债净额分别为2.87亿元，3.49亿元。", "3.49亿元", "流动负债净额"),
        ("2018-2021年快狗打车流动负债净额分别为2.87亿元，3.49亿元。", "2.87亿元", "流动负债净额"),
        ("NBA签订了一份9年240亿美元的转播合同。", "240亿美元", "转播合同"),  # what a deal is worth
        # the same measure moving on in the next clause
        ("2020年抽佣率上升至9.8%和8.2%，并在2021年进一步上升至12.0%和9.2%。", "12.0%", "抽佣率"),
        ("2020年抽佣率上升至9.8%和8.2%，并在2021年进一步上升至12.0%和9.2%。", "9.2%", "抽佣率"),
        ("毛利率为30.2%，而净利率只有5.1%。", "5.1%", "净利率"),  # another measure named: its own
        # an adverb after the figure opens the next clause, no noun to name it by: the verb
        # before it does (约裁70%: of the staff let go)
        ("核心部门大约裁50%，非核心部门约裁70%甚至整个业务线都会被砍掉。", "70%", "裁员比例"),
        ("国内的奶牛，70%都由小规模的散户饲养。", "70%", "占比"),
        ("截至三季度末，其MAU（月活跃用户）数量达5.73亿。", "5.73亿", "MAU"),  # a gloss and a bare 数量
    ],
)
def test_label_from_after_the_figure_or_the_figure_before(text: str, surface: str, label: str) -> None:
    (m,) = [m for m in extract_figures(text, _mentions(text, "快狗打车")) if m.surface == surface]
    assert m.label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2020年Q4全球智能手机销量下降5%", "全球智能手机销量增长"),
        ("英国汽车产量下降27.3%", "英国汽车产量增长"),
        ("销量同比下滑21.9%", "销量同比增长"),
        ("营收同比下降4.2%", "营收同比增长"),
    ],
)
def test_a_fall_is_a_negative_change_of_its_measure(text: str, label: str) -> None:
    """The documented convention (README): a fall is a negative value of the measure's change, so
    that a measure's rises and falls read and chart as one series, as changes in points do."""
    (m,) = extract_figures(text)
    assert m.value < 0 and m.label == label and m.measure in ("同比增长", "环比增长", "增长率")


@pytest.mark.parametrize(
    ("text", "surface", "value", "label"),
    [
        ("门槛值为44亿元，与去年同期54亿元相比下降10亿元。", "10亿元", -1e9, "门槛值"),
        ("境内外债券融资共发行62笔、较上月减少27笔。", "27笔", -27, None),
        ("客单价只有40元，相比2020年还下降了9元。", "9元", -9, "客单价"),
        ("营业收入53.4亿元，比2019年增加了42亿元。", "42亿元", 4.2e9, "营业收入"),  # a rise by an amount
    ],
)
def test_an_amount_a_measure_changed_by_is_signed_and_no_level_of_it(text: str, surface: str, value: float, label: str | None) -> None:
    """A fall by an amount is negative, as a fall in percent is; and, neither the level nor a rate,
    it has no measure to be grouped or charted with the levels under."""
    figures = {m.surface: m for m in extract_figures(text)}
    m = figures[surface]
    assert (m.value, m.label, m.measure) == (pytest.approx(value), label, None)
    level = extract_figures("营收较2020年增长至50亿元。")[0]  # a level reached is no change
    assert (level.value, level.measure) == (5e9, "营收")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("保险板块年内跌幅达37%。", "保险板块年内跌幅"),
        ("以老三板5%的涨跌限制来看。", "涨跌限制"),
        ("股价刷新了新低，自高位回撤达80%。", "降幅"),  # a drawdown is a fall, its size
    ],
)
def test_the_size_of_a_fall_named_so_and_a_limit_both_ways_stay_positive(text: str, label: str) -> None:
    (m,) = extract_figures(text)
    assert m.value > 0 and m.label == label


@pytest.mark.parametrize(
    ("text", "surface", "label", "measure"),
    [
        ("其股价已从退市时的0.18元上涨至0.35元。", "0.35元", "股价", "价格"),
        ("研发费用从2018年的0.76亿元缩减至2021年的0.35亿元。", "0.76亿元", "研发费用", None),
        ("其自播单场gmv近500万元。", "500万元", "自播单场GMV", "GMV"),
    ],
)
def test_label_keeps_the_articles_word_and_the_vocabularys_spelling(
    text: str, surface: str, label: str, measure: str | None
) -> None:
    (m,) = [m for m in extract_figures(text, date="2021-03-22") if m.surface == surface]
    assert m.label == label
    if measure is not None:
        assert m.measure == measure


def test_the_far_end_of_a_change_measures_what_the_near_end_does() -> None:
    text = "非业主增值服务收入16.73亿元，从2019年收入占比55.6%，缩减至36.2%。占营收比重从115.7%缩减至50.7%。"
    figures = {m.surface: m for m in extract_figures(text, date="2021-03-22")}
    assert figures["36.2%"].label == figures["55.6%"].label
    assert figures["36.2%"].measure == "占比"  # a level it fell to, not a fall
    assert figures["50.7%"].label == "占营收比重"


def test_a_change_told_without_years_takes_the_years_of_the_change_before() -> None:
    text = "托运订单数亦由2018年的0.26亿单降至2021年的0.22亿单，交易总额由24.81亿元降至17.53亿元。"
    periods = {m.surface: m.period for m in extract_figures(text, date="2022-06-09")}
    assert (periods["24.81亿元"], periods["17.53亿元"]) == ("2018", "2021")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("3月13日触及6万美元大关。", "2021年3月"),
        ("至3月19日，其股价已上涨至0.35元。", "2021年3月"),
        ("3月18日消息，全球矿工收入为6400万美元。", None),  # the news's date, not the figure's
    ],
)
def test_a_day_is_the_figures_time_unless_it_dates_the_news(text: str, period: str | None) -> None:
    (m,) = [m for m in extract_figures(text, date="2021-03-22") if m.unit == "USD" or m.label == "股价"]
    assert m.period == period


def test_the_agent_of_a_passive_is_not_the_subject() -> None:
    text = "乐视网被深交所暂停交易时股价不过0.18元。"
    (m,) = extract_figures(text, _mentions(text, "乐视网", "深交所"))
    assert m.subject == "乐视网"


def test_a_companys_own_report_is_no_outside_source() -> None:
    text = "宁德时代此前公布的三季报显示，前三季度公司实现营业收入2946.77亿元。"
    (m,) = extract_figures(text, _mentions(text, "宁德时代"), date="2023-11-01")
    assert m.subject == "宁德时代"


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("2020年抽佣率上升至9.8%和8.2%。", "9.8%", "抽佣率"),  # a level, not a growth rate
        ("已有约8590万名注册托运人以及约1370万名注册司机。", "8590万名", "注册托运人"),
        ("2021年，快狗打车的营收为6.61亿元，同比增加24.59%。", "24.59%", "营收同比增长"),
    ],
)
def test_label_of_levels_lists_and_changes(text: str, surface: str, label: str) -> None:
    (m,) = [m for m in extract_figures(text, _mentions(text, "快狗打车")) if m.surface == surface]
    assert m.label == label


def test_a_section_heading_names_whose_figures_follow() -> None:
    text = "3. 特斯拉\n一季度营收187.56亿美元，同比增长81%。\n4. 大众汽车\n一季度营收625亿欧元。"
    figures = {m.surface: m for m in extract_figures(text, _mentions(text, "特斯拉", "大众汽车"))}
    assert figures["187.56亿美元"].subject == "特斯拉"
    assert figures["625亿欧元"].subject == "大众汽车"


def test_the_investor_of_a_round_is_not_its_subject() -> None:
    text = "ShowMeBug获真格基金3000万元Pre-A轮融资。"
    (m,) = extract_figures(text, _mentions(text, "ShowMeBug", "真格基金"))
    assert m.subject == "ShowMeBug"


def test_the_subject_as_the_article_writes_it() -> None:
    from reader.analysis.figures import subject_as_written
    from reader.analysis.model import EntityType, Mention

    text = "苏宁易购公告称，拟以48亿元收购家乐福中国。"
    mention = Mention(0, 4, "苏宁", EntityType.ORG, "苏宁易购")
    (m,) = [m for m in extract_figures(text, [mention]) if m.surface == "48亿元"]
    assert (m.subject, subject_as_written(m, [mention])) == ("苏宁", "苏宁易购")


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("当总量达到1050万时，区块奖励减半为25个。", "25个", "区块奖励"),  # a verb of change before the level
        ("乐视网股价一度跌至0.18元。", "0.18元", "股价"),
        ("2020年上市物业公司有效收购事件共76起。", "76起", "上市物业公司有效收购事件"),
        ("Qualtrics（2018年被SAP以80亿美元收购）", "80亿美元", "收购"),  # the deal a price is paid in
        ("知乎发行5500万份ADS，筹资不超6.325亿美元。", "6.325亿美元", "筹资"),  # a bound between measure and figure
    ],
)
def test_the_label_is_the_measure_before_a_verb_of_change_or_a_count(text: str, surface: str, label: str) -> None:
    (m,) = [f for f in extract_figures(text) if f.surface == surface]
    assert m.label == label


def test_a_change_since_a_base_is_the_later_periods() -> None:
    """较2019年末增加106.86亿元: the change is told in 2020, not in the base year."""
    text = "融创服务2020年完成对开元物业管理的股权收购，资产价值较2019年末增加106.86亿元至129.5亿元。"
    figures = {f.surface: f for f in extract_figures(text, date="2021-04-01")}
    assert figures["106.86亿元"].period == "2020"
    assert extract_figures("与2019年的8.03万亿元相比，增长明显。")[0].period == "2019"  # the base's own amount


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("腾讯的投资组合中还包括多家独角兽企业，也就是估值超过10亿美元的私营企业。", "10亿美元", None),
        ("腾讯去年营收5000亿元，年营收过亿的公司并不多。", "5000亿元", "腾讯"),
    ],
)
def test_a_figure_describing_a_kind_of_company_has_no_subject(text: str, surface: str, subject: str | None) -> None:
    (m,) = [f for f in extract_figures(text, _mentions(text, "腾讯")) if f.surface == surface]
    assert m.subject == subject


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("2020年，世茂服务的毛利率为31.4%，较之2019年的33.7%降了2.3个百分点。", "2.3个百分点", -2.3),
        ("归母净利增速同比下降51.05个百分点。", "51.05个百分点", -51.05),
        ("市场份额提升了3.2个百分点。", "3.2个百分点", 3.2),
        ("毛利率下降7.8%。", "7.8%", 7.8),  # a rate that fell stays positive under its falling label
    ],
)
def test_a_change_in_points_has_a_sign(text: str, surface: str, value: float) -> None:
    (m,) = [f for f in extract_figures(text) if f.surface == surface]
    assert m.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("每个月能赚五六千块钱", [("五", 5000, "CNY"), ("六千块钱", 6000, "CNY")]),
        ("用户规模达三四百万", [("三", 3e6, None), ("四百万", 4e6, None)]),
        ("营收二三十亿元", [("二", 2e9, "CNY"), ("三十亿元", 3e9, "CNY")]),
        ("两个时辰会有四五单", []),  # a few: no 45
        ("03 单凭扩产难赶超", []),  # a section's number
    ],
)
def test_two_neighbouring_digits_are_a_rough_range_and_a_zero_led_number_a_section(text: str, figures: list) -> None:
    assert [(f.surface, f.value, f.unit) for f in find_quantities(text)] == [(s, pytest.approx(v), u) for s, v, u in figures]


@pytest.mark.parametrize("text", ["2021/3/5发布", "定于3/20日上线", "我和另一半", "实现5亿毛利", "当年的3毛利率"])
def test_a_date_a_partner_or_a_gross_profit_is_no_fraction_nor_tenth(text: str) -> None:
    assert not [f for f in find_quantities(text) if f.unit == "%" or f.value < 1]


def test_a_dash_between_two_amounts_is_a_range_not_a_sign() -> None:
    figures = extract_figures("根据业绩预期，预计归母净利润为116亿-123亿元。")
    assert [f.value for f in figures] == [pytest.approx(1.16e10), pytest.approx(1.23e10)]


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("净利润却实现了11.39%的同比增长，达到30.23亿元。", "11.39%", "同比增长"),  # the change after it
        ("长安汽车净利润依然实现了16.81%的增长。", "16.81%", "增长率"),
        # a verb of change of its own clause, not the fall of the clause before
        ("尽管营收同比下降27.91%，但其净利润却激增240%。", "240%", "增长率"),
        ("第一季度营收微降1.55%至1408.6亿元。", "1.55%", "增长率"),
        # a verb of another clause says nothing of a share; a share typeset with spaces is one
        ("很多人尝试减少自己盯着屏幕看的时间，大约 40% 的受访者称自己盯着手机太久。", "40%", "占比"),
        ("还有 63% 的受访者试图限制自己的使用时间。", "63%", "占比"),
    ],
)
def test_a_rate_takes_the_measure_its_own_words_tell(text: str, surface: str, measure: str) -> None:
    (m,) = [m for m in extract_figures(text) if m.surface == surface]
    assert m.measure == measure


def test_a_conjunction_or_a_cause_is_no_part_of_a_label() -> None:
    labels = {f.surface: f.label for f in extract_figures("尽管营收同比下降27.91%，虽然销量为70.38万辆。")}
    assert labels == {"27.91%": "营收同比增长", "70.38万辆": "销量"}
    (margin,) = extract_figures("问界系列的热销，不仅推动了毛利率跃升至27.62%。")
    assert margin.label == "毛利率"


def test_a_market_paragraph_is_nobodys_though_the_article_is_about_a_company() -> None:
    text = (
        "比亚迪一季度营收1703.6亿元。比亚迪销量大增。比亚迪海外扩张。\n"
        "今年4月，我国汽车产销分别完成261.9万辆和259万辆。1—4月，汽车产销分别完成1017.5万辆。\n"
        "A股21家上市车企营业收入达5074.69亿元。"
    )
    subjects = {f.surface: f.subject for f in extract_figures(text, named(text, "比亚迪"))}
    assert subjects["1703.6亿元"] == "比亚迪"
    assert subjects["261.9万辆"] == "中国" and subjects["1017.5万辆"] in (None, "中国")  # the country's, never 比亚迪's
    assert subjects["5074.69亿元"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb after an amount does not name it: both ends are levels of the measure before
        ("抖音月活从4.3亿增长到6.7亿，同比增长53.4%。", {"4.3亿": "月活", "6.7亿": "月活", "53.4%": "同比增长"}),
        # a rate after a pair is not the pair's far end
        ("日活从2200万涨到4700万，增幅达到113%。", {"2200万": "日活", "4700万": "日活", "113%": "增长率"}),
    ],
)
def test_the_two_ends_of_a_change_and_the_rate_after_them(text: str, expected: dict) -> None:
    figures = extract_figures(text)
    assert {f.surface: f.measure for f in figures} == expected
    assert all(f.unit != "%" for f in figures if f.measure != "同比增长" and f.measure != "增长率")


def test_a_pronoun_refers_to_its_own_sentences_topic_before_the_sentence_before() -> None:
    text = "长安汽车净利润增长16.81%。赛力斯的财报数据尤为引人注目，尽管营收同比下降27.91%，但其净利润却激增240%。"
    subjects = {f.surface: f.subject for f in extract_figures(text, named(text, "长安汽车", "赛力斯"))}
    assert subjects["240%"] == "赛力斯"
    assert subjects["16.81%"] == "长安汽车"


def test_a_bracketed_figure_is_the_name_its_bracket_follows() -> None:
    # the names layer's own mentions: 亚马逊AWS is one mention of AWS, after 仅次于
    text = "阿里云在全球公有云市场的份额约为8.5%，位居第三，仅次于亚马逊AWS(31.2%)和微软Azure（20.8%）。"
    analysis = Analyzer().analyse(Article("a.md", "a.md", "云", text))
    assert {f.surface: f.subject for f in analysis.figures} == {"8.5%": "阿里云", "31.2%": "AWS", "20.8%": "Azure"}


def test_a_companys_own_data_is_its_own_not_a_source() -> None:
    text = "先看网易。Q2总营收279亿元。\n相比之下，腾讯的数据看起来更有冲击力。整个游戏业务收入高达592亿元。"
    subjects = {f.surface: f.subject for f in extract_figures(text, named(text, "网易", "腾讯"))}
    assert subjects["592亿元"] == "腾讯"


def test_a_source_after_cankao_and_a_per_share_sign() -> None:
    text = "蜜雪集团门店很多。\n参考灼识咨询，2025年现制茶饮市场规模约3109亿元。\n古茗收盘报9.30港元/股。"
    figures = {f.surface: f for f in extract_figures(text, named(text, "蜜雪集团", "灼识咨询", "古茗"))}
    assert figures["3109亿元"].subject == "中国"  # the market's, of the country, never the source's
    assert figures["9.30港元"].label != "/股"


def test_a_round_between_an_amount_and_its_funding_and_whose_round_it_is() -> None:
    text = "8月15日，红芯宣布完成2.5亿C轮系列融资。2013年12月，天创资本、虎童基金对红芯进行了千万人民币的A轮融资。"
    mentions = named(text, "红芯", "天创资本", "虎童基金")
    figures = {f.surface: f for f in extract_figures(text, mentions)}
    assert (figures["2.5亿"].unit, figures["2.5亿"].measure) == ("CNY", "融资")
    assert figures["千万人民币"].subject == "红芯"


def test_a_companys_own_report_with_a_time_between_and_no_person_for_its_revenue() -> None:
    text = ("黄仁勋回应道，人工智能正逐步渗透各行各业。\n"
            "从英伟达本季度的财报来看，公司业绩表现强劲。第一财季营收达到440.62亿美元，同比大幅增长69%。")
    mentions = sorted(
        named(text, "黄仁勋", kind=EntityType.PERSON) + named(text, "英伟达"), key=lambda m: m.start
    )
    subjects = {f.surface: f.subject for f in extract_figures(text, mentions)}
    assert subjects["440.62亿美元"] == "英伟达"


def test_a_subject_is_written_by_its_name_not_its_ticker() -> None:
    text = "英伟达 (NVDA.O) 发布财报：营收端季度实现 59.3 亿美元。"
    mentions = [Mention(0, 3, "英伟达", EntityType.ORG, "英伟达"), Mention(5, 11, "英伟达", EntityType.ORG, "NVDA.O")]
    (figure,) = extract_figures(text, mentions)
    assert subject_as_written(figure, mentions) == "英伟达"


def test_a_subject_is_written_by_its_name_not_its_stock_code() -> None:
    text = "京东集团(纳斯达克股票代码:JD)发布业绩，三季度净收入为2435亿元。"
    at = text.index("JD")
    mentions = [Mention(0, 4, "京东", EntityType.ORG, "京东集团"), Mention(at, at + 2, "京东", EntityType.ORG, "JD")]
    (figure,) = extract_figures(text, mentions)
    assert subject_as_written(figure, mentions) == "京东集团"


def test_a_bracketed_aside_and_a_tables_unit() -> None:
    (users, growth) = extract_figures("QQ最高同时在线账户数(季度)达到2.50亿，同比增长5%。")
    assert users.label == "QQ最高同时在线账户数"
    assert not [f for f in extract_figures("营收（亿元）为30，单位：万元。") if f.surface in ("亿元", "万元")]
    assert [f.surface for f in extract_figures("市场规模达万亿元。")] == ["万亿元"]


def test_an_aside_and_a_means_name_no_owner() -> None:
    text = "Meta(含Facebook、Instagram)合计1310亿美元。微软Bing借助ChatGPT整合，份额从3.1%升至6.4%。"
    names = {"Meta": "Meta", "Facebook": "Facebook", "Instagram": "Instagram", "Bing": "Bing", "ChatGPT": "ChatGPT"}
    mentions = named(text, *names)
    subjects = {f.surface: f.subject for f in extract_figures(text, mentions)}
    assert subjects["1310亿美元"] == "Meta"
    assert subjects["3.1%"] == "Bing"


def test_a_pictures_credit_is_not_whose_a_figure_is() -> None:
    text = "快狗打车持续亏损。\n▲图源:pinterest\n累亏27亿，流血冲刺IPO。"
    mentions = sorted(
        named(text, "快狗打车") + named(text, "pinterest", kind=EntityType.PRODUCT), key=lambda m: m.start
    )
    (loss,) = extract_figures(text, mentions)
    assert loss.subject != "pinterest"


def test_a_share_named_after_the_percentage() -> None:
    (share,) = extract_figures("Shein保持9%的份额，表现稳健。")
    assert share.measure == "市场份额"
    (people,) = extract_figures("大约40%的受访者称自己盯着手机太久。")
    assert people.measure == "占比"


def test_the_base_of_a_comparison_is_not_whose_the_multiple_is() -> None:
    text = "根据最新估值计算，小红书约是微博市值的11倍，哔哩哔哩的3倍，知乎的75倍。"
    mentions = named(text, "小红书", "微博", "哔哩哔哩", "知乎")
    assert {f.subject for f in extract_figures(text, mentions)} == {"小红书"}


def test_a_group_in_brackets_and_its_paragraph_are_nobodys() -> None:
    text = "上半年A股5家上市公司(顺丰、韵达、申通、圆通及德邦)合计收入773亿元，同比增长29.9%。其中Q2收入增速27.5%。"
    names = ("顺丰", "韵达", "申通", "圆通", "德邦")
    mentions = named(text, *names)
    assert {f.surface: f.subject for f in extract_figures(text, mentions)} == {
        "5家": None, "773亿元": None, "29.9%": None, "27.5%": None,
    }


def test_a_change_right_after_a_level_is_whoever_the_level_is_of() -> None:
    text = "泡泡玛特发布半年报。\n分区域来看：中国营收82.8亿元，同比增长135.2%；亚太营收28.5亿元，同比增长257.8%。"
    mentions = sorted(
        named(text, "泡泡玛特") + named(text, "中国", kind=EntityType.PLACE), key=lambda m: m.start
    )
    subjects = {f.surface: f.subject for f in extract_figures(text, mentions)}
    assert subjects["135.2%"] == subjects["82.8亿元"]
    assert subjects["257.8%"] == subjects["28.5亿元"]


def test_a_change_in_points_names_the_rate_it_changes() -> None:
    (_, points) = extract_figures("2025年上半年，毛利率为70.3%，同比提升6.3个百分点。")
    assert points.label.startswith("毛利率")


@pytest.mark.parametrize(
    ("text", "names", "subjects"),
    [
        ("OPPO(包括OnePlus)和 vivo分别以10%和8%的份额位列前五。", ("OPPO", "OnePlus", "vivo"), ["OPPO", "vivo"]),
        ("OPPO和vivo均跻身前五，市场份额分别占比10%和8%。", ("OPPO", "vivo"), ["OPPO", "vivo"]),
        ("腾讯、阿里与京东的营收分别为1000亿元、2000亿元、3000亿元。", ("腾讯", "阿里", "京东"), ["腾讯", "阿里", "京东"]),
        # as many figures as names only: two names, three figures say nothing of who is whose
        ("腾讯和阿里的营收分别为1000亿元、2000亿元、3000亿元。", ("腾讯", "阿里"), ["阿里", "阿里", "阿里"]),
        # listed with 、 and no 分别, as many figures as names
        ("京东、抖音集团用户量同比增长了13%、12%。", ("京东", "抖音集团"), ["京东", "抖音集团"]),
        ("拼多多、百度集团同比增长为0.2%、1.3%，美团同比则下降了0.7%。", ("拼多多", "百度集团", "美团"), ["拼多多", "百度集团", "美团"]),
    ],
)
def test_figures_listed_after_respectively_take_one_name_each(text: str, names: tuple[str, ...], subjects: list[str]) -> None:
    assert [m.subject for m in extract_figures(text, _mentions(text, *names))] == subjects


def test_places_listed_after_a_company_are_where_its_figures_are_not_whose() -> None:
    text = "目前，Shake Shack在上海及北京的门店数量分别为7家及4家。北京、上海的GDP分别为3万亿元和4万亿元。"
    found = sorted(
        _mentions(text, "Shake Shack") + [replace(m, type=EntityType.PLACE) for m in _mentions(text, "上海", "北京")],
        key=lambda m: m.start,
    )
    # the company's stores in two cities; the cities' own GDP
    assert [m.subject for m in extract_figures(text, found)] == ["Shake Shack", "Shake Shack", "北京", "上海"]


def test_a_customer_an_income_came_from_is_not_whose_it_is() -> None:
    text = "中创新航的营收为10亿元。其中，来自最大客户广汽埃安的收入占比为39.6%。"
    assert [m.subject for m in extract_figures(text, _mentions(text, "中创新航", "广汽埃安"))] == ["中创新航", "中创新航"]
    text = "广汽埃安的收入占比为39.6%。"  # the name itself, with nothing it came from
    assert [m.subject for m in extract_figures(text, _mentions(text, "广汽埃安"))] == ["广汽埃安"]


def test_a_report_the_company_published_makes_it_the_subject() -> None:
    text = "根据麦当劳发布的2022年一季度财报显示，品牌目前运营的全球门店数为382家。"
    assert [m.subject for m in extract_figures(text, _mentions(text, "麦当劳"))] == ["麦当劳"]


def test_a_research_firms_forecast_of_a_market_is_not_the_firms() -> None:
    text = "灼识咨询预计，社交媒体广告所占比重将由2020年的18.2%提升至2025年的26.1%。"
    assert [m.subject for m in extract_figures(text, _mentions(text, "灼识咨询"))] == [None, None]
    text = "美团预计，第四季度收入将同比增长20%。"  # a company's forecast of its own
    assert [m.subject for m in extract_figures(text, _mentions(text, "美团"))] == ["美团"]


@pytest.mark.parametrize("title", ["副总编辑", "副总经理", "执行总裁", "行长"])
def test_a_person_titled_in_a_company_spends_its_money(title: str) -> None:
    from reader.analysis.model import EntityType, Mention

    text = f"早在2018年，网易传媒{title}田华就曾宣布将重金投入15亿元。"
    person = text.index("田华")
    found = [*_mentions(text, "网易传媒"), Mention(person, person + 2, "田华", EntityType.PERSON, "田华")]
    assert [m.subject for m in extract_figures(text, sorted(found, key=lambda m: m.start))] == ["网易传媒"]


def test_the_company_a_title_names_is_the_article_company_when_the_text_says_公司() -> None:
    text = "携程发布财报。\n公司第三季度净营业收入为183亿元，同比上升16%。美团的收入也在增长。"
    found = _mentions(text, "携程", "美团")
    assert {m.subject for m in extract_figures(text, found, "2025-11-18", title="携程第三季度收入183亿元")} == {"携程"}
    # no title, or one naming both: 携程 and 美团 are named as often, but the report told just
    # above is 携程's (携程发布财报), and so are the figures after it
    assert {m.subject for m in extract_figures(text, found, "2025-11-18")} == {"携程"}
    assert {m.subject for m in extract_figures(text, found, "2025-11-18", title="携程与美团的收入")} == {"携程"}
    # no report told: 公司 opening the sentence is still the company the passage opens with
    text = "携程的股价上涨。\n公司第三季度净营业收入为183亿元，同比上升16%。美团的收入也在增长。"
    assert {m.subject for m in extract_figures(text, _mentions(text, "携程", "美团"), "2025-11-18")} == {"携程"}
    text = "携程的股价上涨。\n第三季度净营业收入为183亿元，同比上升16%。美团的收入也在增长。"
    assert {m.subject for m in extract_figures(text, _mentions(text, "携程", "美团"), "2025-11-18")} == {None}


def test_a_companys_accounts_and_their_changes_carry_the_period_of_their_paragraph() -> None:
    text = (
        "2025年第三季度，携程净营业收入为183亿元，同比上升16%。净营业收入环比上升24%。住宿预订营业收入为80亿元。\n"
        "抖音的日活达到6亿。"
    )
    figures = {m.surface: m for m in extract_figures(text, _mentions(text, "携程", "抖音"), "2025-11-18")}
    assert [figures[s].period for s in ("183亿元", "16%", "24%", "80亿元")] == ["2025年Q3"] * 4
    assert figures["6亿"].period is None  # another paragraph


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        # nothing the vocabulary knows names it: what the article writes before it
        ("2020年燃料消耗量负积分达666万，新能源正积分为328万分。", "666万", "燃料消耗量负积分"),
        ("2020年燃料消耗量负积分达666万，新能源正积分为328万分。", "328万", "新能源正积分"),
        ("其中沃尔玛关店数量最多，闭店12家，占比约25%。", "12家", "闭店"),
        ("统计期内，影院均有闭店，共闭店7家。", "7家", "闭店"),
        # else the noun its clause ends in after it
        ("吉利集团排名第一，共有-134万的积分缺口。", "-134万", "积分缺口"),
        ("你是否抢过社区团购平台上10元10斤的洗衣液？", "10元", "洗衣液"),
        # but not a clause that names nothing: a person, an adverb, a pointing word, a threshold
        ("百度顺利突破千亿美元大关。", "千亿美元", None),
        ("2000套是历史较高水平，而6000套则是成交低位。", "6000套", None),
        ("我花14万买了一辆车。", "14万", "花费"),  # not 我花: a person's money by its verb
        ("后来行业没落，三个人赔了70多万。", "70多万", "亏损"),
        ("没想到一个月只赚了五六千块钱。", "六千块钱", "收入"),
        ("那我赚不到两万五。", "两万五", "收入"),
        ("一碗面动辄40~50元。", "50元", None),
        ("潇洒女老板怒摔打工人手机和霸气男总裁教人9块9抢iPhone 13。", "9块9", None),  # two clauses joined
        ("左上角数字一般都在百万以上。", "百万", None),
        # a word that ends in a hedge is none (违约, not 约 "about"); a hedge or an adverb before
        # the phrase is no part of it; 超级 is a word, not 超 "more than"
        ("8月信用债违约16笔，其中地产相关违约事件7笔。", "16笔", "信用债违约"),
        ("1-8月1000亿以上超级阵营达到24家。", "24家", "超级阵营"),
        ("上榜城市中，仅前三甲城市收金超过120亿元。", "120亿元", "前三甲城市收金"),
        # a clause is no label, whichever step read it: its measure, if one was read, else none
        ("拿义乌工业园区举例，有上百辆车在等着抢一个单。", "上百辆", None),
        ("蔚小理已经纷纷逼近10万大关。", "10万", None),
        ("今年7月，该应用成为了第一个全球下载量达到30亿的应用。", "30亿", "下载量"),
        ("前面 2 个数据都是比较好理解的。", "2 个", None),
    ],
)
def test_a_figure_nothing_else_labels_takes_the_phrase_before_it(text: str, surface: str, label: str | None) -> None:
    figures = {m.surface: m for m in extract_figures(text, (), "2021-06-01")}
    assert figures[surface].label == label


def test_approaching_is_a_hedge() -> None:
    (figure,) = extract_figures("蔚小理已经纷纷逼近10万大关。", (), "2021-06-01")
    assert (figure.surface, figure.qualifier) == ("10万", "逼近")


@pytest.mark.parametrize("text", ["8月信用债违约16笔。", "双方已签约16家门店。", "审核通过16笔。"])
def test_a_word_ending_in_a_hedge_is_no_hedge(text: str) -> None:
    (figure,) = extract_figures(text, (), "2021-06-01")
    assert (figure.surface, figure.qualifier) == ("16" + text[text.index("16") + 2], None)
    (figure,) = extract_figures(text.replace("16", "约16"), (), "2021-06-01")
    assert figure.qualifier == "约"


def test_a_study_cited_with_no_name_tells_a_markets_figures_not_the_name_befores() -> None:
    text = "此外，喜茶的高单价确实阻碍了大批客源。《2020-2021中式新茶饮报告》显示，消费者群体占比为57%。"
    assert [m.subject for m in extract_figures(text, _mentions(text, "喜茶"), "2021-12-01")] == [None]
    # nor the article's company: 阅文 is the topic, but a study counts the market's
    text = "阅文集团的营收增长。\n阅文的IP改编成绩好。《网络文学IP影视剧改编潜力评估报告》显示，2019年共309部热播影视剧中，由网络文学IP改编的作品有65部。"
    found = extract_figures(text, _mentions(text, "阅文集团", "阅文"), "2021-12-01", title="阅文的IP")
    assert {m.surface: m.subject for m in found}["65部"] is None
    # a name in the sentence still owns its figure
    text = "阅文的IP改编成绩好。《2021年度报告》显示，乐视网营收为60万元。"
    assert [m.subject for m in extract_figures(text, _mentions(text, "阅文", "乐视网"), "2021-12-01")] == ["乐视网"]


def test_a_research_firm_glossed_in_brackets_is_still_a_source() -> None:
    text = "NCBD（餐宝典）发布的《2021年中国餐饮行业全景发展报告》显示，连锁化率从2018年的12.8%提升至15%。"
    assert {m.subject for m in extract_figures(text, _mentions(text, "NCBD", "餐宝典"), "2021-12-01")} == {None}


def test_an_exchange_or_a_research_firm_is_no_pronouns_antecedent() -> None:
    text = "何为老三板，即全国中小企业股份转让系统，上面的公司主要是退市股。其市场交易主要以集合竞价为主，涨跌停限制在5%。"
    assert [m.subject for m in extract_figures(text, _mentions(text, "全国中小企业股份转让系统"), "2021-12-01")] == [None]


def test_a_pronoun_stands_for_the_name_its_sentence_opens_with() -> None:
    text = "大众集团的股票单日暴涨25%。蔚来更是通过发布首款轿车ET7的举动，助推其市值跃入千亿美元。"
    found = {m.surface: m.subject for m in extract_figures(text, _mentions(text, "大众集团", "蔚来", "ET7"), "2021-03-20")}
    assert found["千亿美元"] == "蔚来"
    # what kind of company the topic is may come before its name
    text = "阿里巴巴的AAC为8.82亿。特卖电商唯品会也守住了基本盘，从财报数据看，其全年活跃用户为9390万。"
    found = {m.surface: m.subject for m in extract_figures(text, _mentions(text, "阿里巴巴", "唯品会"), "2022-03-20")}
    assert found["9390万"] == "唯品会"
    # but not across the opening of a quote: the pronoun is the quote's
    text = "NFL的版权很贵。CBS的主席针对与NFL达成的协议表示：「这份合同的长周期，使其高额的价格（1100亿）变得更合理。」"
    found = {m.surface: m.subject for m in extract_figures(text, _mentions(text, "NFL", "CBS"), "2021-03-20")}
    assert found["1100亿"] != "CBS"


def test_a_pronoun_after_a_name_and_a_sources_aside_is_that_name() -> None:
    text = "叶罗丽的卡牌产品热销。如国内头部的球星卡交易平台卡淘，据了解，其去年GMV超过6亿元。"
    assert [m.subject for m in extract_figures(text, _mentions(text, "叶罗丽", "卡淘"), "2021-12-01")] == ["卡淘"]


def test_a_sentence_opening_with_qizhong_breaks_down_the_count_before_it_in_its_time() -> None:
    text = (
        "截至4月底，餐饮业共计21个品牌闭店。其中新式茶饮品牌闭店最多，共有7个，占比33%。\n"
        "其中火锅品牌3个。\n"
        "2019至2021年，有赞收入分别为4亿元、5亿元和6亿元。其中，微商城贡献分别为2.63亿元、4.44亿元和6.34亿元。"
    )
    figures = {m.surface: m for m in extract_figures(text, _mentions(text, "有赞"), "2022-05-10")}
    assert [figures[s].period for s in ("21个", "7个", "33%")] == ["2022年4月"] * 3
    assert figures["3个"].period is None  # another paragraph: nothing to break down
    # 分别 in the sentence: each its own year, as the list before it
    assert [figures[s].period for s in ("2.63亿元", "4.44亿元", "6.34亿元")] == ["2019", "2020", "2021"]


def test_a_figure_told_after_another_in_its_sentence_is_of_its_time_unless_compared_with_it() -> None:
    text = (
        "2020年，物业管理服务收入达人民币27.2亿元。社区增值服务收入达人民币16.006亿元，占公司总收入31.8%，员工约1.2万人。\n"
        "2021年门槛值为44亿元，与去年同期54亿元相比下降10亿元，占全部的54.8%。"
    )
    figures = {m.surface: m for m in extract_figures(text, date="2022-05-10")}
    assert [figures[s].period for s in ("16.006亿元", "31.8%", "1.2万人")] == ["2020"] * 3
    assert [figures[s].period for s in ("44亿元", "54亿元")] == ["2021", "2020"]
    assert figures["10亿元"].period != "2020" and figures["54.8%"].period != "2020"  # after the base, not its time


def test_a_figure_whose_passage_names_no_time_is_of_the_time_its_heading_names() -> None:
    text = (
        "8月深圳新房网签显著回升\n"
        "从成交面积绝对值来看，上海成交面积超100万平方米。\n"
        "其中深圳升幅较大，为122.82%。\n"
        "业内人士的看法\n"
        "一位开发商表示，项目去化率仅有30%。"
    )
    figures = {m.surface: m for m in extract_figures(text, date="2021-09-03")}
    assert [figures[s].period for s in ("100万平方米", "122.82%")] == ["2021年8月"] * 2
    assert figures["30%"].period is None  # a heading of its own, with no time


@pytest.mark.parametrize(
    ("text", "surface", "label", "measure"),
    [
        # a comparison with a verb of falling after it is a fall, whatever names the comparison
        ("营收42.77亿元，同比微降0.81%。", "0.81%", "营收同比增长", "同比增长"),
        ("出货量较去年同期下降15%。", "15%", "出货量同比增长", "同比增长"),
        ("出货量较上季度减少8%，较去年下降15%。", "8%", "出货量环比增长", "环比增长"),
        ("利润同比小幅下降3%。", "3%", "利润同比增长", "同比增长"),
        # Hong Kong's 按年 is 同比; a change is named by its one name, after what changed
        ("收入674亿元，按年减少2.8%。", "2.8%", "收入同比增长", "同比增长"),
        ("收入954.9亿元，按年增长2%。", "2%", "收入同比增长", "同比增长"),
        ("GDP同增6.3%。", "6.3%", "GDP同比增长", "同比增长"),
        ("成交面积环增121.3%，网签套数环降82%。", "121.3%", "成交面积环比增长", "环比增长"),  # 环增, 环降
        ("成交面积环增121.3%，网签套数环降82%。", "82%", "网签套数环比增长", "环比增长"),
        ("净营业收入环比上升24%。", "24%", "净营业收入环比增长", "环比增长"),
        ("小米相比去年同期增长19%。", "19%", "同比增长", "同比增长"),
        ("毛利率20.4%，按年上升6.5個百分點，按季就下跌2.1個百分點。", "2.1個百分點", "毛利率环比增长", "环比增长"),
        ("公司总收入达到925亿元，与去年同期相比增长了30.5%。", "30.5%", "同比增长", "同比增长"),
        # a loss narrows (falls) and widens (grows)
        ("经营亏损同比收窄12%。", "12%", "经营亏损同比增长", "同比增长"),
        ("新业务经营亏损录13亿元，略为扩大4.2%。", "4.2%", "增长率", "增长率"),
        ("净营业收入为183亿元人民币(26亿美元)，同比上升16%。", "16%", "营业收入同比增长", "同比增长"),
    ],
)
def test_a_change_says_which_way_and_what_changed(text: str, surface: str, label: str, measure: str) -> None:
    (m,) = [f for f in extract_figures(text, date="2025-01-01") if f.surface == surface]
    assert (m.label, m.measure) == (label, measure)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("OPPO和vivo分别以10%和8%的份额位列前五。", ["市场份额", "市场份额"]),
        ("三家分别以30%、20%、10%的市场份额领先。", ["市场份额"] * 3),
        ("OPPO和vivo均跻身前五，市场份额分别占比10%和8%。", ["市场份额", "市场份额"]),
    ],
)
def test_shares_listed_before_their_noun_or_after_respectively_are_that_share(text: str, labels: list[str]) -> None:
    assert [m.label for m in extract_figures(text)] == labels


def test_a_titled_person_of_no_named_company_speaks_for_the_articles_company() -> None:
    from reader.analysis.model import EntityType, Mention

    text = (
        "B站发布财报。B站的用户在增长，B站很高兴。\n"
        "主席兼首席执行官陈睿表示，第四季用户将稳中有升。他续说，上季月均付费用户为2390万。\n"
        "网友王五说，他上月收入为2万元。"
    )
    found = _mentions(text, "B站")
    for name in ("陈睿", "王五"):
        at = text.index(name)
        found.append(Mention(at, at + 2, name, EntityType.PERSON, name))
    figures = {m.surface: m.subject for m in extract_figures(text, sorted(found, key=lambda m: m.start))}
    assert figures["2390万"] == "B站"
    assert figures["2万元"] == "王五"  # no title: he speaks for himself


@pytest.mark.parametrize(
    "text",
    [
        "排名前3位", "位列3位", "在榜单中名列10位",
        "得出了销量前二十名的榜单。", "在前20家企业和集团中", "在车企榜单中可以排到17名", "销量低于20名的厂商",
    ],
)
def test_a_rank_is_no_count(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["所以下文主要会分 3 个部分", "从2个方面来看", "主要划分为了5种类型平台"])
def test_a_small_count_of_how_the_text_is_arranged_is_no_figure(text: str) -> None:
    assert find_quantities(text) == []


def test_a_small_count_of_things_is_still_a_figure() -> None:
    assert [q.surface for q in find_quantities("公司在5个城市开设了门店，12个部分品牌参与")] == ["5个", "12个"]


@pytest.mark.parametrize(("text", "surface"), [("此前20家门店关闭", "20家"), ("目前有20名员工", "20名"), ("日前5位高管离职", "5位")])
def test_a_count_after_a_time_ending_in_qian_is_still_a_count(text: str, surface: str) -> None:
    assert [q.surface for q in find_quantities(text)] == [surface]


def test_up_masters_are_creators() -> None:
    (m,) = extract_figures("多品类高质量内容蓬勃发展，168万UP主在B站获得收入。")
    assert (m.value, m.measure) == (1.68e6, "创作者数")


def test_an_installation_names_its_measure() -> None:
    (m,) = extract_figures("5月，全球电动汽车实现装机33.7GWh。")
    assert (m.label, m.measure) == ("装机量", "装机量")


@pytest.mark.parametrize(
    ("text", "label", "measure"),
    [
        ("受惠推进商业化进程，增值服务收入升95%至约19.1亿元。", "增值服务收入增长", "增长率"),
        ("股价上涨了5.3%。", "股价涨幅", "增长率"),  # a price's move by the trade's noun
        ("马拉松数字控股公司股价已将上涨800%。", "股价涨幅", "增长率"),  # adverbs between go
        ("收入跌3%。", "收入增长", "增长率"),
        ("第一场直播售出3000件。", "销量", "销量"),  # the action names no measure; things sold are a volume
    ],
)
def test_a_measure_and_its_verb_of_change_name_the_change(text: str, label: str | None, measure: str | None) -> None:
    m = extract_figures(text)[0]
    assert (m.label, m.measure) == (label, measure)


def test_a_pronoun_goes_to_the_name_opening_its_clause_after_a_lead() -> None:
    text = "比亚迪与LG新能源均装机4.2GWh。值得注意的是，LG新能源虽列第三，但其相较去年同期，同比下滑24.8%。"
    figures = {m.surface: m.subject for m in extract_figures(text, _mentions(text, "比亚迪", "LG新能源"))}
    assert figures["24.8%"] == "LG新能源"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("LG能源解決方案、SK ON、三星SDI裝機量分別同比增長7.9%、131.6%和32.5%。", ["LG新能源", "SK On", "三星SDI"]),
        ("中航鋰電(CALB)裝機量同比增長154.3%。", ["中创新航"]),
    ],
)
def test_battery_makers_are_known(text: str, names: list[str]) -> None:
    from reader.analysis.entities import EntityRecognizer
    from reader.analysis.gazetteer import Gazetteer

    found = [m.entity for m in EntityRecognizer(Gazetteer.load()).recognise(text)]
    assert all(name in found for name in names)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("仅2020年，就收购9家物业管理公司，包括广州。", "物业管理公司数"),
        ("已有约8590万名注册托运人以及约1370万名注册司机。", "注册司机数"),
        ("腾讯已经获得了大约880家公司的股权。", "公司数"),
        ("目前已经有45家物业企业上市。", "物业企业数"),
        ("上线了20家门店。", "门店数"),  # a count the vocabulary names keeps its name
        # who trades or makes things on a platform, counted before the figure
        ("累计发布7万+SKU，活跃供应商达400家。", "活跃供应商数"),
        ("累计发布7万+SKU，活跃供应商达400家，活跃分销商超2000家。", "活跃分销商数"),
        ("其海外门户已拥有超10万名创作者，创作网文作品超16万部。", "创作网文作品数"),
    ],
)
def test_a_count_is_labelled_by_what_it_counts(text: str, label: str) -> None:
    assert [m.label for m in extract_figures(text)][-1] == label


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("2018 年、2019 年共 309 部热播影视剧中，由网络文学IP改编的作品有65部。", ["热播影视剧数", "作品数"]),
        ("美国本土最受欢迎的100个电视节目中，有71个都是比赛。", ["电视节目数", None]),
    ],
)
def test_a_count_of_the_whole_a_part_is_taken_from_is_labelled_by_it(text: str, labels: list[str | None]) -> None:
    assert [m.label for m in extract_figures(text)] == labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("联合创始人拥有22项美国专利授权和18项中国专利授权。", "美国专利"),
        ("腾讯已经获得了大约30家美国公司的股权。", "美国公司数"),
    ],
)
def test_a_place_opening_what_a_count_counts_is_part_of_its_name(text: str, label: str) -> None:
    from reader.analysis.model import EntityType, Mention

    at = text.find("美国")
    place = Mention(at, at + 2, "美国", EntityType.PLACE, "美国")
    assert [m.label for m in extract_figures(text, [place])][0] == label  # the place says which, it is no object


def test_a_market_share_cut_short_is_written_out_and_where_it_is_held_opens_no_name() -> None:
    from reader.analysis.model import EntityType, Mention

    text = "快狗打车2021年的市占有率为3.2%，其在中国内地市占率为3.2%。"
    at = text.find("中国")
    found = [*_mentions(text, "快狗打车"), Mention(at, at + 2, "中国", EntityType.PLACE, "中国")]
    figures = extract_figures(text, sorted(found, key=lambda m: m.start))
    assert [(m.label, m.measure) for m in figures] == [("市场占有率", "市场份额"), ("内地市场占有率", "市场份额")]


def test_an_accumulated_loss_cut_short_is_written_out() -> None:
    assert [(m.label, m.measure) for m in extract_figures("公司累亏超过50亿元。")] == [("累计亏损", "净亏损")]


def test_the_close_of_a_time_is_no_part_of_a_measures_name() -> None:
    text = "華虹半導體截至6月底止第二季股東應佔利潤795.2萬美元。"  # 截至…止, as Hong Kong reports write it
    (m,) = extract_figures(text, _mentions(text, "華虹半導體"))
    assert m.label == "股東應佔利潤"  # and 第二季, the time, neither


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("截止2020年末，全球注册应用已经超27.2万。", "全球注册应用"),
        ("平台用户目前达到3亿。", "平台用户"),
    ],
)
def test_adverbs_between_a_measure_and_its_figure_are_no_part_of_its_name(text: str, label: str) -> None:
    assert [m.label for m in extract_figures(text)] == [label]


def test_the_examples_of_a_list_are_not_whose_the_figure_after_it_is() -> None:
    text = "2020年世茂服务收购了多家公司，包括广州粤泰、浙大新宇、福晟生活服务等，在管建面1.461亿平方米。"
    found = _mentions(text, "世茂服务", "广州粤泰", "浙大新宇", "福晟生活服务")
    (m,) = extract_figures(text, found)
    assert m.subject == "世茂服务"


def test_a_byline_is_no_heading_whose_company_the_section_is_about() -> None:
    text = "经济观察报 记者 陈月芹\n小红书创投出手频频。小红书很猛。小红书还在投。\n猛，首先体现在半年内参投了近 10 家初创公司。"
    (m,) = extract_figures(text, _mentions(text, "经济观察报", "小红书"))
    assert m.subject == "小红书"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("已於近日完成約5000萬美元的天使輪融資。", "天使輪融資"),
        ("红芯宣布完成2.5亿元C轮系列融资。", "C轮系列融资"),
    ],
)
def test_a_round_after_an_amount_makes_it_that_rounds_funding(text: str, label: str) -> None:
    (m,) = extract_figures(text)
    assert (m.label, m.measure) == (label, "融资")


def test_a_companys_official_account_is_a_channel_not_whose_the_round_is() -> None:
    text = "罗永浩的新公司Thin Red Line通过官方微博正式官宣，已于近日完成约5000万美元的天使轮融资。"
    (m,) = extract_figures(text, _mentions(text, "Thin Red Line", "微博"))
    assert m.subject == "Thin Red Line"


def test_this_number_at_another_time_is_the_same_measure() -> None:
    text = "2023年全球互联网广告支出已突破6,620亿美元，占整体广告预算的68.9%。这一数字在2018年仅为3,330亿美元。"
    figures = {m.surface: m for m in extract_figures(text, date="2024-01-01")}
    assert (figures["3,330亿美元"].label, figures["3,330亿美元"].period) == ("全球互联网广告支出", "2018")


@pytest.mark.parametrize(
    ("text", "label", "measure"),
    [
        ("產能利用率為92.5%，按季增長2.9個百分點。", "產能利用率", "产能利用率"),
        ("智能手機ASP下降3.6%，至1,062.8元。", "ASP", "价格"),
        ("在2020年到2023年分别获得了17.7%、15%、9.9%增长的网易游戏。", "增长率", "增长率"),
    ],
)
def test_rates_and_prices_reports_name(text: str, label: str, measure: str) -> None:
    m = [f for f in extract_figures(text) if f.unit != "pp"][-1]
    assert (m.label, m.measure) == (label, measure)


def test_where_a_filing_was_published_is_not_whose_the_figures_are() -> None:
    text = "根据小米集团发布的港交所公告，2024年第三季度，公司总收入达到925亿元。"
    (m,) = extract_figures(text, _mentions(text, "小米集团", "港交所"))
    assert m.subject != "港交所"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("配送费用同比增长175%至17亿元。", "配送费用"),
        ("本土市场游戏收入增长10%至1397亿元。", "本土市场游戏收入"),
        ("月均交易客戶數按年增長40.6%達1.12億。", "月均交易客戶數"),
        ("受惠推进商业化进程，增值服务收入升95%至约19.1亿元。", "增值服务收入"),  # a hedge before the level
    ],
)
def test_the_level_a_change_reached_is_what_changed(text: str, label: str) -> None:
    assert extract_figures(text)[-1].label == label


def test_a_companys_global_store_count_is_the_companys() -> None:
    text = "瑞幸咖啡公布业绩。瑞幸咖啡很好。瑞幸咖啡很强。\n截止2025年三季度末，全球门店总数达29214家，其中自营门店18882家。\n全球智能手机出货量为3亿部。"
    figures = {m.surface: m.subject for m in extract_figures(text, _mentions(text, "瑞幸咖啡"))}
    assert (figures["29214家"], figures["18882家"]) == ("瑞幸咖啡", "瑞幸咖啡")
    assert figures["3亿部"] is None  # a market's


def test_a_numeral_inside_a_name_is_no_figure() -> None:
    text = "阿里此前已投资过百川智能和零一万物，万科也在其中。"
    assert extract_figures(text, _mentions(text, "百川智能", "零一万物", "万科")) == ()


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("2024 年刚开启 1 个多月，", []),  # a duration
        ("月之暗面近期完成了超 10 亿美元 B 轮融资。", ["10 亿美元"]),
    ],
)
def test_typeset_durations_and_rounds(text: str, surfaces: list[str]) -> None:
    assert [m.surface for m in extract_figures(text)] == surfaces


def test_a_round_typeset_with_spaces_names_the_funding() -> None:
    (m,) = extract_figures("月之暗面近期完成了超 10 亿美元 B 轮融资。")
    assert (m.label, m.measure) == ("B 轮融资", "融资")


def test_a_means_in_the_sentence_before_is_no_antecedent() -> None:
    text = "凭借着清华大学的技术底蕴，智谱成为了国内AI大模型的头部公司。最新一轮B6轮融资后，其投后估值达到约244亿元。"
    (m,) = extract_figures(text, _mentions(text, "清华大学", "智谱"))
    assert m.subject == "智谱"


def test_the_investors_a_round_came_from_are_not_whose_the_valuation_is() -> None:
    text = "2023年下半年，智谱AI已经凭借着来自阿里云、美团、蚂蚁、高瓴等互联网战投和VC的融资，估值突破100亿元大关。"
    (m,) = extract_figures(text, _mentions(text, "智谱AI", "阿里云", "美团", "蚂蚁", "高瓴"))
    assert m.subject == "智谱AI"


def test_the_owners_listed_before_a_measure_are_no_part_of_its_name() -> None:
    text = "美团和饿了么在战前日订单量分别约为6000万和2000万单。"
    figures = extract_figures(text, _mentions(text, "美团", "饿了么"))
    assert [(m.label, m.subject) for m in figures] == [("战前日订单量", "美团"), ("战前日订单量", "饿了么")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("乐视网被判向柠檬影视支付3655万元。", "支付金额"),
        ("公司出资约2亿元设立基金。", "出资金额"),
        ("共花费金额107亿元。", "花费金额"),
        ("第一场直播售出3000件。", "销量"),  # an action names no measure: things sold are a volume
    ],
)
def test_an_amount_paid_is_named_by_the_paying(text: str, label: str | None) -> None:
    assert [m.label for m in extract_figures(text)] == [label]


def test_an_amount_per_share_is_a_share_price() -> None:
    (m, _) = extract_figures("特斯拉在2025年可能达到每股4000美元，悲观情况是1500美元。", date="2021-03-08")
    assert (m.label, m.measure) == ("股价", "价格")


@pytest.mark.parametrize(
    ("text", "label", "measure"),
    [
        ("一季度，上汽集团销售整车94.5万辆。", "销量", "销量"),  # things sold: a volume, not money
        ("截至当日收盘，报9.30港元/股。", "股价", "价格"),
        ("行业订单峰值从一天1亿单大幅提升至2.5亿单。", "订单量", "订单量"),
        ("去年的数据是平均每天 47 次。", "次数", None),
    ],
)
def test_what_a_figure_counts_when_nothing_names_it(text: str, label: str, measure: str) -> None:
    m = extract_figures(text)[0]
    assert (m.label, m.measure) == (label, measure)


def test_a_reserve_after_an_amount_names_it() -> None:
    (m,) = extract_figures("公司本季度计提7.02 亿美元库存准备金。")
    assert m.label == "库存准备金"


def test_who_collected_the_analysts_targets_is_a_source() -> None:
    text = "当特斯拉股价在2月出现回调时，她买进了更多。彭博收集到的分析师最高目标价为1200美元。"
    (m,) = extract_figures(text, _mentions(text, "特斯拉", "彭博"))
    assert m.subject == "特斯拉"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("当总量达到1050万时，区块奖励减半为25个。", "总量"),  # 当…时: when, no part of the name
        ("此前苏宁向恒大投资了200亿。", "苏宁向恒大投资"),
        ("当期营收为100亿元。", "当期营收"),  # 当期 is a word
        ("2020年度营业亏损30.54亿。", "营业亏损"),  # 年度, a year
        ("同时对乐视网责处以募集资金百分之五即2.4亿元罚款。", "募集资金"),  # a penalty's verb
    ],
)
def test_leads_of_time_are_no_part_of_a_measures_name(text: str, label: str) -> None:
    assert extract_figures(text, date="2021-03-08")[0].label == label


@pytest.mark.parametrize(
    ("text", "names", "labels"),
    [
        ("继今年一季度增持74.75万股之后，章建平第三季度继续增持寒武纪32.02万股。", ("章建平", "寒武纪"), ["增持股数", "增持股数"]),
        ("一位股民称，他抄底买入了30万股。", (), ["买入股数"]),
        ("存货攀升至37.29亿元，应收账款5.67亿元。", (), ["存货", "应收账款"]),
        ("人形机器人贡献收入5.95亿元，占主营业务收入的51.53%。而在2024年，这个比例只有27.60%。", (), ["人形机器人贡献收入", *["人形机器人贡献收入占主营业务收入"] * 2]),  # 这个比例: that one
    ],
)
def test_shares_traded_stocks_and_this_ratio(text: str, names: tuple[str, ...], labels: list[str]) -> None:
    assert [m.label for m in extract_figures(text, _mentions(text, *names), "2025-10-18")] == labels


def test_a_companys_global_share_leaves_its_sentence_the_companys() -> None:
    text = "宇树科技冲刺科创板。宇树科技营收大增。宇树科技很强。\n四足机器人报告期内累计销量超3万台，全球市场份额连续多年第一。"
    (m,) = extract_figures(text, _mentions(text, "宇树科技"))
    assert m.subject == "宇树科技"


@pytest.mark.parametrize("text", ["走进千家万户", "千方百计", "百家争鸣", "千里之外"])
def test_idioms_with_numerals_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "label", "measure"),
    [
        ("前三季度经营性现金流净流出仅0.29亿元。", -2.9e7, "经营性现金流", "经营现金流"),  # an outflow is negative
        ("自由现金流为258亿元。", 2.58e10, "自由现金流", "自由现金流"),
        ("基本每股收益3.85元。", 3.85, "基本每股收益", "每股收益"),
        ("加权平均净资产收益率25.21%。", 25.21, "加权平均净资产收益率", "净资产收益率"),
        ("现金储备达367亿元。", 3.67e10, "现金储备", "现金储备"),  # a stock of cash, not a flow
    ],
)
def test_cash_flows_earnings_per_share_and_returns_are_measures_of_their_own(
    text: str, value: float, label: str, measure: str
) -> None:
    (m,) = extract_figures(text)
    assert (m.value, m.label, m.measure) == (pytest.approx(value), label, measure)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a clause parallel to a named one: the same measure
        ("具体来看，蔚来品牌贡献3.69万台，乐道品牌交付1.2万台。", ["交付量", "交付量"]),  # the verb names the measure (销量)
        # after a count, what it counts is no part of the next figure's name
        ("395个品牌月成交额破百万元，66个品牌破千万元。", ["品牌数", "月成交额", "品牌数", "成交额"]),
        ("折合8吋标准逻辑的月产能为99.1万片。", ["月产能"]),  # capacity and capital are measures
        ("一家注册资本仅为10万元人民币的初创公司。", ["注册资本"]),
    ],
)
def test_figures_named_by_a_parallel_clause_or_after_a_count(text: str, labels: list[str]) -> None:
    assert [m.label for m in extract_figures(text)] == labels


def test_clauses_of_only_whose_and_how_many_break_down_the_count_before_them() -> None:
    text = "此次主体评级被下调的10家银行，从地域分布上来看，辽宁省有4家，吉林省2家。"
    assert [m.label for m in extract_figures(text, _mentions(text, "辽宁省", "吉林省"))] == ["银行数"] * 3
    text = "此次被下调的10家银行，从地域上来看，辽宁省有400名员工。"  # another unit: another measure
    assert [m.label for m in extract_figures(text, _mentions(text, "辽宁省"))][1] != "银行数"


def test_a_filings_list_of_years_reaches_each_figure_its_conversion_and_the_next_list() -> None:
    text = (
        "在 2018 年、2019 年和 2020 年以及截至 2021 年 3 月 31 日止三个月，净亏损分别为人民币 5.912 亿元、"
        "人民币 6.156 亿元、人民币 6.147 亿元(9,380 万美元)和人民币 1.439 亿元(2,200 万美元)。"
        "此外，经营现金流净额分别为人民币 3.435 亿元、人民币 3.517 亿元、人民币 5.064 亿元和人民币 1.151 亿元。"
    )
    periods = [m.period for m in extract_figures(text, date="2021-07-03")]
    assert periods == ["2018", "2019", "2020", "2020", "2021年Q1", "2021年Q1", "2018", "2019", "2020", "2021年Q1"]
    # 同期 points at the years listed before, over the last year the figure before would lend
    text = "招股书显示，2019年、2020年及2021年，捞王的营收分别为12.8亿元、11.97亿元和16.22亿元。同期净利润分别为8300万元、-3200万元和3800万元。"
    periods = [m.period for m in extract_figures(text, date="2022-03-22")]
    assert periods == ["2019", "2020", "2021"] * 2


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        ("该公司的资产负债率也持续攀升,自2020年的165.26%升至310.07%。", ["资产负债率", "资产负债率"]),
        ("2022-2024年销售费用率高达55.08%、53.50%、54.90%。", ["费用率"] * 3),
        ("会员复购率达到45%。", ["复购率"]),
        ("银行不良贷款率为1.2%。", ["不良率"]),
        ("公司目前市盈率约为25倍。", ["市盈率"]),
    ],
)
def test_the_ratios_of_accounts_and_operations_are_measures_of_their_own(text: str, measures: list[str]) -> None:
    assert [m.measure for m in extract_figures(text, date="2024-04-10")] == measures


def test_an_estimate_a_report_gives_is_not_its_authors() -> None:
    text = "根据毕马威和阿里研究院联合发布的研究报告估算,2020年直播电商整体规模突破1万亿元。"
    (m,) = extract_figures(text, _mentions(text, "毕马威", "阿里"), "2021-06-01")
    assert (m.subject, m.label) == (None, "直播电商整体规模")


def test_a_then_is_no_part_of_a_measures_name() -> None:
    text = "彼时商汤已投资了6个项目。"
    assert "彼时" not in (extract_figures(text, _mentions(text, "商汤"), "2018-09-23")[0].label or "")


@pytest.mark.parametrize(
    ("text", "names", "label", "measure"),
    [
        ("公司毛利率下降1.29%，因单票收入下降1.29%。", (), "单票收入增长", "增长率"),  # a reason's word
        ("彼時商湯已投資了6個項目。", ("商湯",), "投資", "投资"),  # traditional: the measure by its simplified word
    ],
)
def test_reasons_and_aspects_lead_no_name_and_traditional_labels_have_their_measure(
    text: str, names: tuple[str, ...], label: str, measure: str
) -> None:
    m = extract_figures(text, _mentions(text, *names), "2018-09-23")[-1]
    assert (m.label, m.measure) == (label, measure)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # what changed is named before 从; the far end of the change, dated by its quarter, the same
        (
            "新闻资讯移动端月均独立设备从2019年一季度的782万台增长至2020年三季度861万台。",
            ["新闻资讯移动端月均独立设备", "新闻资讯移动端月均独立设备"],
        ),
        ("腾讯在线文娱业务收入达1480.4亿元。", ["在线文娱业务收入"]),  # after its owner, 在线 is a word, not 在
        ("营销SaaS服务客户（包含微信公众号）为40890个。", ["营销SaaS服务客户"]),  # a longer aside
        ("电商营销收入增长了6倍之多。", ["增长倍数"]),  # 之多 is a hedge, not a noun
        # a long phrase is cut where a measure word starts it (2023年Q3日均活跃用户数 → 日均活跃用户数)
        ("B站的高品质内容持续推动用户增长。本季度日均活跃用户数同比增长14%达1.03亿。", ["日均活跃用户数同比增长", "日均活跃用户数"]),
    ],
)
def test_names_before_a_change_and_long_names(text: str, labels: list[str]) -> None:
    assert [m.label for m in extract_figures(text, _mentions(text, "腾讯"), date="2021-03-22")] == labels


def test_the_banks_a_deal_names_are_not_whose_its_figures_are() -> None:
    text = (
        "物联网云端平台涂鸦智能周四正式在纽交所挂牌上市，此次IPO经办投行为摩根士丹利、美国银行和中金公司，"
        "IPO发行价为每股21美元，融资规模为9.15亿美元。"
    )
    figures = extract_figures(text, _mentions(text, "涂鸦智能", "纽交所", "摩根士丹利", "美国银行", "中金公司"), "2021-03-22")
    assert [m.subject for m in figures] == ["涂鸦智能", "涂鸦智能"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a group named by its code, and a threshold, are measures' names
        ("其中，TOP3房企门槛值为4439.7亿元，较上年增长1.2%。", ["TOP3房企门槛值", "TOP3房企门槛值同比增长"]),
        ("TOP100企业拿地总额18883亿元，门槛值为44亿元。", ["TOP100企业拿地总额", "门槛值"]),
        ("拼多多Q4营收为265.477亿元。", ["营收"]),  # Q4 is a time, no part of the name
        ("集团预计第三季销售收入为6.2亿美元。", ["销售收入"]),  # a forecast's cue and its time go
        # a forecast's cue after the name, and a figure compared with it, measured alike
        ("其2025年潜在市场总额预期为14581亿元，超过新能源汽车的11829亿元。", ["潜在市场总额", "潜在市场总额"]),
        ("用于支持中小银行的新增专项债券额度2000亿元。", ["新增专项债券额度"]),
        ("宁德时代向其索赔1.88亿元。", ["索赔金额"]),
        # a time typeset with spaces, and 年内, are when, no part of the name
        ("截至 11 月底， 2021 年年内全国百城卖地金额为 4.05 万亿元。", ["全国百城卖地金额"]),
        ("2020 年新能源汽车正积分 328 万分。", ["新能源汽车正积分"]),
    ],
)
def test_codes_thresholds_quotas_and_claims_name_their_figures(text: str, labels: list[str]) -> None:
    assert [m.label for m in extract_figures(text, date="2021-09-01")] == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # two figures joined by 和 before one name: the name is both figures'
        ("有赞又在2019年获得近10亿港元和3000万美元两轮融资。", ["融资", "融资"]),
        ("该公司获得1亿元和2亿元的融资。", ["融资", "融资"]),
        # a measure after 和 is the next figure's, and the 和 no part of its name
        ("公司实现营收10亿元和净利润2亿元。", ["营收", "净利润"]),
    ],
)
def test_figures_joined_by_和_share_the_name_after_them_but_not_the_next_figures(text: str, labels: list[str]) -> None:
    figures = extract_figures(text, date="2021-09-01")
    assert [m.label for m in figures] == labels
    assert [m.measure for m in figures] == labels


def test_a_heading_names_whose_a_figure_is_unless_its_sentence_is_about_a_market() -> None:
    text = "微博的增长放缓\n微博面临抖音的分流。\n根据极光大数据，短视频行业人均日使用时长不断提升，同比增长20.5%。"
    assert [m.subject for m in extract_figures(text, _mentions(text, "微博", "抖音", "极光大数据"), "2021-11-20")] == [None]
    # a market's word inside a work's title says nothing of the sentence
    text = (
        "乐视内忧外患\n股民们对乐视网前景盲目的乐观情绪之下，并不能掩盖乐视网当下内忧外患的窘境。\n"
        "去年9月，中国证监会出具的《行政处罚及市场禁入事先告知书》中显示，对乐视网责令改正、给予警告并处以60万元罚款。"
    )
    figures = extract_figures(text, _mentions(text, "乐视网", "中国证监会", "乐视"), "2021-11-20")
    assert [m.subject for m in figures] == ["乐视"]


def test_a_banks_ratios_are_measures_of_their_own_and_该行_is_the_bank() -> None:
    text = (
        "延边农商行的情况也不容乐观，2018至2020年该行拨备覆盖率逐年下滑，分别为203.65 %、169.80 %、147.84%。"
        "榆次农商行资本充足率为-0.07%。"
    )
    figures = extract_figures(text, _mentions(text, "延边农商行", "榆次农商行"), "2021-09-01")
    assert [(m.measure, m.subject) for m in figures] == [
        ("拨备覆盖率", "延边农商行"), ("拨备覆盖率", "延边农商行"), ("拨备覆盖率", "延边农商行"), ("资本充足率", "榆次农商行"),
    ]


def test_figures_a_regulator_publishes_are_not_the_regulators() -> None:
    text = "中国银保监会公布的2020年商业银行主要监管指标来看，2020年年末，商业银行的拨备覆盖率为184.47%。"
    (m,) = extract_figures(text, _mentions(text, "中国银保监会"), "2021-09-01")
    assert m.subject != "中国银保监会"


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # what a count or a span of months covers is no part of the measure's name
        ("2021年1-8月，全国300城市土地出让金总额为34507亿元。", ["土地出让金总额"]),
        ("但境内1-8月累计发债规模约4904亿元。", ["累计发债规模"]),
        ("与1-7月相比下降1.5个百分点。", ["降幅"]),  # a base of comparison stays out of it
        # a sentence that opens with the measure it looks at names its figures
        ("从额度来看，山西（153亿元）、黑龙江（123亿元）。", ["额度", "额度"]),
    ],
)
def test_scopes_and_perspectives_name_figures(text: str, labels: list[str]) -> None:
    assert [m.label for m in extract_figures(text, date="2021-09-01")] == labels


@pytest.mark.parametrize(
    ("text", "labels", "measures"),
    [
        ("公司营收和净利润分别为10亿元和2亿元。", ["营收", "净利润"], ["营收", "净利润"]),
        (
            "2020年营业收入、净利润分别为5亿元、1亿元，同比增长20%、30%。",
            ["营业收入", "净利润", "营业收入同比增长", "净利润同比增长"],
            ["营收", "净利润", "同比增长", "同比增长"],
        ),
        ("拥有最多的AI专利数量以及AI专利申请数量，分别为2682件和9364件。", ["AI专利数量", "AI专利申请数量"], [None, None]),
        ("耐看娱乐的存货、网剧及电影版权分别为1.18亿元、1.89亿元。", ["存货", "网剧及电影版权"], [None, None]),
    ],
)
def test_the_measures_listed_before_分别_go_one_to_each_figure(text: str, labels: list[str], measures: list[str | None]) -> None:
    figures = extract_figures(text, date="2021-03-22")
    assert ([m.label for m in figures], [m.measure for m in figures]) == (labels, measures)


def test_a_count_is_named_by_what_it_counts_before_it_and_a_list_keeps_its_unit() -> None:
    text = "截至2021年12月31日，A股上市公司共4685家，46%集中在北京、上海。新增A股上市公司524家。"
    assert [m.label for m in extract_figures(text, date="2022-01-05")] == ["A股上市公司数", "占比", "新增A股上市公司数"]


def test_the_examples_of_an_aside_are_not_whose_the_figure_is() -> None:
    text = "过去一年，新增A股上市公司（包括主板、创业板、科创板、北证，下同）524家，刷新A股市场纪录。"
    (m,) = extract_figures(text, _mentions(text, "北证"), "2022-01-05")
    assert m.subject is None


def test_a_fund_managers_aum_is_its_own_measure_and_no_name() -> None:
    text = "截止2021年底，KKR的AUM近4710亿美元，同比增长近87%；凯雷的AUM为3010亿美元，同比增长近22%。"
    figures = Analyzer().analyse(Article("a.md", "a.md", "史上最有钱PE来了", text, date="2022-01-10")).figures
    assert [(m.label, m.measure, m.subject) for m in figures] == [
        ("AUM", "资产管理规模", "KKR"), ("AUM同比增长", "同比增长", "KKR"),
        ("AUM", "资产管理规模", "凯雷"), ("AUM同比增长", "同比增长", "凯雷"),
    ]


def test_a_figure_in_a_passage_about_one_of_several_companies_is_that_companys() -> None:
    text = (
        "Peloton的股价下跌了。Peloton裁员，Peloton的订阅数也在下滑。\n"
        "Peloton还在亏损。\n"
        "再看Keep。Keep的招股书显示，Keep的收入增长。\n"
        "在2020年，MAU是2973万，同比增长了36.56%。\n"
    )
    figures = {m.surface: m.subject for m in extract_figures(text, _mentions(text, "Peloton", "Keep"))}
    assert figures["2973万"] == "Keep"  # named most in the passage above, though not in its sentence
    text = "抖音的GMV增长。抖音、快手等短视频平台到年万亿GMV规模，才可能盈利。"
    (m,) = extract_figures(text, _mentions(text, "抖音", "快手"))
    assert m.subject is None  # a sentence naming a group says the figure is nobody's


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("快手的社交平台托管了3810亿元的交易，是抖音的两倍多。", "倍数"),  # how many times another
        ("低温奶的价格贵了两到三倍。", "价格倍数"),
        ("未来的增长率也是欧美市场的2倍。", "增长率倍数"),
        ("营收同比增长了3倍。", "营收同比增长"),  # a growth stays one
        ("市盈率约为25倍。", "市盈率"),
    ],
)
def test_a_multiple_that_compares_two_things_is_no_growth(text: str, label: str) -> None:
    assert [m.label for m in extract_figures(text) if m.unit == "times"] == [label]


@pytest.mark.parametrize(
    ("text", "label", "measure"),
    [
        ("卡淘完成A轮融资，腾讯持股约38%。", "持股", "持股比例"),  # a stake, no generic share
        ("第一是增值服务业务19.1亿元，第二是游戏业务收入14.0亿元。", "增值服务业务", None),  # a list's ordinal opens no name
    ],
)
def test_a_stake_and_a_listed_business_are_named(text: str, label: str, measure: str | None) -> None:
    m = extract_figures(text, _mentions(text, "腾讯"))[0]
    assert (m.label, m.measure) == (label, measure)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("2019年，我国冷藏车总量为21.4万辆。", "中国"),  # the country the article writes as its own
        ("常温奶的销售额占全国液态奶市场的70%以上。", "中国"),
        ("国内外的奶牛场很多，伊利的奶牛有70%来自牧场。", "伊利"),  # a company named is still whose
        # a market's size that names no one and no place: the article's own country's
        ("据艾瑞咨询数据，2015年生鲜电商行业的市场规模为497亿元，同比增速高达81.1%。", "中国"),
        ("报告显示，2021年剧本杀市场规模将达到154.2亿元。", "中国"),
        ("报告显示，2021年全球剧本杀市场规模将达到154.2亿元。", None),  # the world's is not China's
        ("海外剧本杀的市场规模将达到154.2亿元。", None),
    ],
)
def test_a_market_wide_figure_of_the_articles_own_country_is_chinas(text: str, subject: str | None) -> None:
    assert [m.subject for m in extract_figures(text, _mentions(text, "伊利"))][-1] == subject


def test_a_section_about_one_company_and_a_pronoun_after_another_find_whose_figures_they_are() -> None:
    text = (
        "所以财报出来后，外界看衰B站。还有人问B站是否没钱了。但其实B站的亏损是布局。\n"
        "1. 运营成本增加\n"
        "销售和营销支出为16.333亿元。\n"
        "总务和行政支出4.749亿元，与上年同期相比增长87%。\n"
        "知乎也在亏损，知乎的收入增长。\n"
    )
    figures = {m.surface: m.subject for m in extract_figures(text, _mentions(text, "B站", "知乎"))}
    assert figures["4.749亿元"] == "B站"  # four paragraphs below the passage about it
    text = (
        "榆次农商行的资本充足率下滑。榆次农商行净利润连年走低，榆次农商行和阜新银行评级下调，阜新银行也是。\n"
        "而延边农商行的情况也不容乐观。\n"
        "此外，近年来盈利能力也一路直下。2017年至2020年，该行净利润分别为12亿元、9.74亿元。\n"
    )
    figures = {m.surface: m.subject for m in extract_figures(text, _mentions(text, "榆次农商行", "延边农商行", "阜新银行"))}
    assert figures["12亿元"] == "延边农商行"  # 该行: the bank named last, not the one named most


def test_amounts_listed_with_their_currency_written_once_are_all_in_it() -> None:
    text = "该公司分别实现收益1.23亿、2.27亿、10.12亿、以及12.15亿港元；对应净利润分别为1414.5万、9877.5万及1.38亿港元。"
    figures = extract_figures(text)
    assert [m.unit for m in figures] == ["HKD"] * 7
    assert [m.label for m in figures[:4]] == ["收益"] * 4  # 以及 joins the last as 、 does
    text = "美国和中国市场分别贡献了64.14亿和31.13亿美元收入。用户达1亿，收入10亿美元。"
    assert [m.unit for m in extract_figures(text)] == ["USD", "USD", "users", "USD"]  # a count stays one


def test_a_bare_amount_compared_with_or_repeating_one_in_a_currency_is_in_it() -> None:
    text = "他们每年将向NFL支付约21亿美元的费用，与之前的10亿相比上涨了110%。合同总价值高达1100亿美元。这份合同的总价值，将超过1100亿。"
    units = {m.surface: m.unit for m in extract_figures(text)}
    assert (units["10亿"], units["1100亿"]) == ("USD", "USD")
    text = "黑石以30亿美元估值收购了它。\n这从募资情况来看也有体现。\n其他话题。\n2016年，达晨募资30亿。"
    assert [m.unit for m in extract_figures(text)][-1] == "CNY"  # the same number paragraphs away is another figure


@pytest.mark.parametrize(
    ("text", "label", "measure"),
    [
        ("带来了 16% 左右的 MAU 增长，52% 的订阅用户增长。", "MAU 增长", "增长率"),
        ("综合导致 2020 年同期 35.3% 的硬件毛利率，过了一年只剩下了 6.4%。", "硬件毛利率", "毛利率"),
        ("营收以36.4%的复合年增长率增长。", "复合年增长率", "增长率"),
        ("营收为6.61亿元，实现了11.39%的同比增长。", "营收同比增长", "同比增长"),  # the change alone adds nothing
    ],
)
def test_a_percentage_is_named_by_the_rate_or_change_written_after_it(text: str, label: str, measure: str) -> None:
    m = [f for f in extract_figures(text) if f.unit == "%"][0]
    assert (m.label, m.measure) == (label, measure)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("便利店里，3元一包的常温牛奶已经下架。", "价格"),  # per thing, written after
        ("三元有机鲜牛奶每瓶8.4元（240ml）。", "价格"),  # or before
        ("起步价50元，每公里4元。", "价格"),
        ("房租每月300块钱。", "房租"),  # per month: a rent, no price of a thing
        ("每股4000美元。", "股价"),
    ],
)
def test_an_amount_per_thing_is_its_price(text: str, label: str | None) -> None:
    assert [m.label for m in extract_figures(text)][-1] == label


def test_a_figure_after_a_paragraph_about_a_companys_own_report_is_that_companys() -> None:
    text = (
        "腾讯投资像PE，阿里投资更像实业。腾讯和阿里的基因不同，阿里更激进。\n"
        "概括一下腾讯官方发布的Q3财报：一份不出色，但是很正确的财报。\n"
        "营收1423.68亿元，同比增长13%。\n"
    )
    figures = {m.surface: m.subject for m in extract_figures(text, _mentions(text, "腾讯", "阿里"))}
    assert figures["1423.68亿元"] == "腾讯"  # named as often as 阿里, but its report is the one told


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("本季度阿里云实现营收200.07亿元，yoy+33%，连续四个季度盈利。", "营收同比增长"),  # yoy, and 本季度 is a time
        ("每天除去油钱和车贷，就能赚200多块钱。", "收入"),  # what a person earns
        ("作为第一大业务的增值服务在Q4创收18.9亿元。", "收入"),  # what a business brings in
        ("喜茶将裁员30%，登上微博热搜。", "裁员比例"),  # a share of the staff, not of a market
        ("其中，核心部门大约裁50%。", "裁员比例"),
        ("目前Manner在北京已经有了17家店。", "门店数"),  # 店 alone after the count
        ("蜜雪冰城门店突破万店。", "门店数"),
    ],
)
def test_a_change_written_yoy_and_an_amount_earned_are_named(text: str, label: str) -> None:
    assert [m.label for m in extract_figures(text, _mentions(text, "阿里云"))][-1] == label


def test_a_word_that_begins_with_a_counted_noun_names_no_count() -> None:
    """万店掌 is a company's name: 万 before 店 in it is no count of stores."""
    text = "名创优品被立案调查：安装央视315晚会曝光的万店掌摄像头。"
    assert [m.surface for m in extract_figures(text, _mentions(text, "名创优品"))] == []


REPORT_TOLD = (
    "概括一下腾讯官方发布的Q3财报：一份不出色，但是很正确的财报。深化和银联云闪付的合作。\n"
    "营收1423.68亿元，同比增长13%；净利润318亿元，同比下滑2%。\n"
    "增值服务业务收入同比增长8%至752亿元。媒体广告收入同比下降4%至35亿元。\n"
)


def test_the_paragraphs_after_a_companys_report_is_told_are_its_figures() -> None:
    """Two paragraphs of results after 概括一下腾讯官方发布的Q3财报 name nobody: still 腾讯's
    (the partner its summary names, 银联云闪付, is not whose they are)."""
    figures = extract_figures(REPORT_TOLD, _mentions(REPORT_TOLD, "腾讯", "银联云闪付"))
    assert {f.surface: f.subject for f in figures}["35亿元"] == "腾讯"
    assert {f.surface: f.subject for f in figures}["752亿元"] == "腾讯"


def test_a_company_named_in_a_paragraph_after_the_report_ends_it() -> None:
    text = REPORT_TOLD.replace("增值服务业务", "阿里和京东也在发力。\n增值服务业务")
    figures = extract_figures(text, _mentions(text, "腾讯", "银联云闪付", "阿里", "京东"))
    assert {f.surface: f.subject for f in figures}["752亿元"] != "腾讯"


def test_the_exchange_a_company_listed_on_is_not_whose_figures_follow() -> None:
    text = "知乎第三季度营收8.235亿元，同比增长115.1%。这是自今年3月26日登陆纽交所后，连续三个财季保持同比增长都在110%以上。MAU达到1.01亿。"
    figures = {f.surface: f.subject for f in extract_figures(text, _mentions(text, "知乎", "纽交所"))}
    assert figures["110%"] == figures["1.01亿"] == "知乎"


COMPANY_PRONOUN = (
    "卡游的卡牌卖得很好，卡游是行业龙头。\n"
    "另一卡牌公司云涌控股于今年1月披露其已向港交所递交招股书。\n"
    "云涌控股主要做的是批发业务，持有宝可梦、游戏王等著名集换式卡牌游戏IP。其在亚太地区分销方面排名第一。\n"
    "营收方面，2018-2020年，该公司分别实现收益1.23亿、2.27亿及10.12亿港元。\n"
)


def test_a_company_pronoun_is_the_company_named_last_not_a_product_nor_the_articles_topic() -> None:
    """该公司 stands for a company: not 游戏王, the product named last, nor 卡游, the company the
    article (its title) is about, but 云涌控股."""
    from reader.analysis.model import EntityType, Mention

    mentions = [
        m if m.entity not in ("宝可梦", "游戏王") else Mention(m.start, m.end, m.surface, EntityType.PRODUCT, m.entity)
        for m in _mentions(COMPANY_PRONOUN, "卡游", "云涌控股", "港交所", "宝可梦", "游戏王")
    ]
    figures = extract_figures(COMPANY_PRONOUN, mentions, title="卡游：奥特曼卡牌的生意")
    assert {f.surface: f.subject for f in figures}["1.23亿"] == "云涌控股"


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("2019年~2021年前三季度，宁德时代研发费用分别为29.92亿、35.69亿和45.95亿元。", ["2019", "2020", "2021年前三季度"]),
        ("招股书显示，2018—2021年上半年该收入分别为15.00亿美元、15.30亿美元、14.86亿美元和8.92亿美元。", ["2018", "2019", "2020", "2021年上半年"]),
        ("2019年~2021上半年，动力电池销售单价分别为0.96元/Wh、0.89元/Wh和0.79元/Wh。", ["2019", "2020", "2021年上半年"]),
        ("营收方面，2018-2021前九个月，该公司分别实现收益1.23亿、2.27亿、10.12亿、以及12.15亿港元。", ["2018", "2019", "2020", "2021年前九个月"]),
    ],
)
def test_years_listed_up_to_a_part_of_the_last_go_one_to_each_figure(text: str, periods: list[str]) -> None:
    assert [f.period for f in extract_figures(text, date="2022-01-10")] == periods


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # from a year on, as many years as figures (the list ends where a time of its own starts)
        ("2018年以来，零跑汽车每年亏损金额分别为3.07亿元、5.88亿元、13.9亿元、2021年一季度亏损8.6亿元。", ["2018", "2019", "2020", "2021年Q1"]),
        # the whole years before the article's
        ("过去三年，游戏业务占B站总收入的比重分别为71.1%、53.1%和40.0%。", ["2018", "2019", "2020"]),
        ("近两年，公司营收分别为1亿元和2亿元。", ["2019", "2020"]),
        # listed after 为, no 分别
        ("2018年至2020年，阜新银行资本充足率为12.08%、11.05%、11.02%。", ["2018", "2019", "2020"]),
    ],
)
def test_years_told_without_listing_them_go_one_to_each_figure_listed(text: str, periods: list[str]) -> None:
    assert [f.period for f in extract_figures(text, date="2021-03-05")] == periods


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("过去三年，公司营收分别为1亿元和2亿元。", ["过去三年", "过去三年"]),  # three years, two figures: not said which
        ("2019年以来，公司营收为1亿元、2亿元、3亿元和4亿元。", ["2019", "2019", "2019", "2019"]),  # 为 lists no years: 以来 only after 分别
        ("2020年，A公司和B公司的份额为10%、20%。", ["2020", "2020"]),  # one year, two figures
    ],
)
def test_years_that_do_not_count_the_figures_are_not_given_one_to_each(text: str, periods: list[str]) -> None:
    assert [f.period for f in extract_figures(text, date="2021-03-05")] == periods


def test_the_next_list_of_as_many_figures_in_the_sentence_is_of_the_same_years() -> None:
    text = "2019年~2021年前三季度，宁德时代研发费用分别为29.92亿、35.69亿和45.95亿元，占营收比重为6.53%、7.09%和6.26%。"
    assert [f.period for f in extract_figures(text, date="2022-01-10")][3:] == ["2019", "2020", "2021年前三季度"]


def test_a_pronoun_does_not_stand_for_examples_of_a_kind() -> None:
    """其 after a sentence comparing the company with 宁德时代(300750.SZ)、比亚迪(002594.SZ)等巨头
    is not one of the examples: it is the company the passage is about."""
    text = (
        "中创新航的营业收入分别达17.34亿元、28.25亿元和68.17亿元。\n"
        "但与头部玩家体量相比，仍与宁德时代(300750.SZ)、比亚迪(002594.SZ)等巨头存在数十倍的规模差距。"
        "与此同时，其净利润在2019-2021年分别为-1.56亿、-0.18亿和1.12亿元。"
    )
    figures = extract_figures(text, _mentions(text, "中创新航", "宁德时代", "比亚迪"), title="中创新航冲刺港股")
    assert {f.surface: f.subject for f in figures}["1.12亿元"] == "中创新航"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("每个司机入驻平台，需要交1000元的押金和300多的培训费。", "押金"),  # what a person pays
        ("除此之外，399元的高级会员费今年涨价了。", "高级会员费"),  # the head right after 会员 is the name's
        ("微博以239.4亿元的用户流量价值，排名第五。", "用户流量价值"),
    ],
)
def test_an_amount_is_named_by_the_noun_written_after_it(text: str, label: str) -> None:
    assert [f.label for f in extract_figures(text)][0] == label


def test_a_digest_line_after_its_source_is_nobodys_but_what_it_names() -> None:
    """A data digest's lines, "Canalys：预计…": the source before the colon is neither a speaker
    forecasting its own figure nor are the names of the line before whose this one is."""
    text = "数码\nTrendForce：预估2021年中芯国际的全球市占率仍可达4.2%\nCanalys：预计2021年全球PC市场将增长8%\n"
    figures = {f.surface: f.subject for f in extract_figures(text, _mentions(text, "TrendForce", "中芯国际", "Canalys"))}
    assert figures == {"4.2%": "中芯国际", "8%": None}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("广州的起步价很高，而且每公里一直都是4元。", "价格"),  # a price per thing, words between
        ("第6公里开始，每公里加3.6元。", "价格"),
        ("微博回港二次上市发售股票110万股。", "发售股数"),  # shares offered, as traded shares are
        ("此外国际配售990.0万股。", "配售股数"),
    ],
)
def test_prices_per_thing_and_shares_offered_are_named(text: str, label: str) -> None:
    assert [f.label for f in extract_figures(text)][-1] == label


@pytest.mark.parametrize(
    ("text", "names", "surface", "subject"),
    [
        # a sentence that opens 在X， is counted there: the platform, the country
        ("卡游的卡牌卖得很好。在京东，有14款单品的整体评价超过了50万条。", ("卡游", "京东"), "50万条", "京东"),
        ("我国冷藏车总量为21.4万辆。而在美国，平均每500人就有一辆冷藏车。", ("美国",), "500人", "美国"),
        # whom a figure profits
        ("ESPN上次转播超级碗是在2006年。今年，为CBS带来了4.54亿美元的收入。", ("ESPN", "CBS"), "4.54亿美元", "CBS"),
        # but the one who contributes a share of another's revenue is whose share it is
        ("2019年，苹果为台积电贡献的营收占比约24%。", ("苹果", "台积电"), "24%", "苹果"),
        # a place a company's figure is made in is not a frame
        ("Shake Shack在上海的门店数为7家。", ("Shake Shack", "上海"), "7家", "Shake Shack"),
    ],
)
def test_a_sentence_opening_in_a_place_or_a_figure_profiting_someone_is_theirs(
    text: str, names: tuple[str, ...], surface: str, subject: str
) -> None:
    mentions = [
        m if m.entity not in ("美国", "上海") else Mention(m.start, m.end, m.surface, EntityType.PLACE, m.entity)
        for m in _mentions(text, *names)
    ]
    assert {f.surface: f.subject for f in extract_figures(text, mentions)}[surface] == subject


def test_names_listed_before_figures_typeset_with_spaces_go_one_to_each() -> None:
    text = "淘宝直播 GMV 达到 5000 亿，而快手、抖音则在 2020 年的 GMV 为 3812 亿与 1000 亿水平。"
    figures = extract_figures(text, _mentions(text, "淘宝直播", "快手", "抖音"))
    assert [f.subject for f in figures] == ["淘宝直播", "快手", "抖音"]


def test_every_name_of_a_list_of_sources_is_a_source() -> None:
    """据《纽约时报》、《华尔街日报》等多家媒体透露: the papers report the contract's value, they do
    not own it; and a sentence opening ——在美国， is counted there."""
    text = (
        "据《纽约时报》、《华尔街日报》等多家媒体透露，这一份合同的总价值，将超过1100亿美元。"
        "这是一个独特环境下的独特产物——在美国，体育产业在GDP的占比达2.93%。"
    )
    mentions = [
        m if m.entity != "美国" else Mention(m.start, m.end, m.surface, EntityType.PLACE, m.entity)
        for m in _mentions(text, "纽约时报", "华尔街日报", "美国")
    ]
    assert {f.surface: f.subject for f in extract_figures(text, mentions)} == {"1100亿美元": None, "2.93%": "美国"}


def test_the_places_a_companys_figure_is_broken_down_by_are_where_not_whose() -> None:
    text = (
        "截止到2020年12月，Shopify的付费商家主要分布在北美和欧洲，占比全球总商家的83%。"
        "其中，北美付费商家约111万，占62%，欧洲商家约37万，占21%。"
    )
    mentions = [
        m if m.entity == "Shopify" else Mention(m.start, m.end, m.surface, EntityType.PLACE, m.entity)
        for m in _mentions(text, "Shopify", "北美", "欧洲")
    ]
    assert {f.subject for f in extract_figures(text, mentions)} == {"Shopify"}


def test_a_name_that_owns_the_figure_after_it_is_no_list_after_a_skip_word() -> None:
    text = "2020年，知乎每用户平均收入约为19.7元。这样的数据，与B站的59.4元和快手109元相比，相去甚远。"
    figures = extract_figures(text, _mentions(text, "知乎", "B站", "快手"))
    assert {f.surface: f.subject for f in figures}["109元"] == "快手"


def test_the_country_named_before_the_clause_of_a_market_figure_is_its_subject() -> None:
    text = "养殖方式，也决定了牛奶的品质。国内的奶牛，70%都由小规模的散户饲养。"
    assert [f.subject for f in extract_figures(text)] == ["中国"]


def test_a_brands_store_on_a_platform_is_the_brands() -> None:
    text = "以卡游天猫旗舰店销量最高的一款奥特曼卡牌产品为例，售价29.9元的一款产品含15包。卡游京东自营店的产品评价都超过10万条。"
    figures = extract_figures(text, _mentions(text, "卡游", "天猫", "京东"))
    assert {f.surface: f.subject for f in figures} == {"29.9元": "卡游", "15包": "卡游", "10万条": "卡游"}


@pytest.mark.parametrize(
    "text",
    ["每年将向NFL支付约21亿美元的费用，与之前的10亿相比上涨了110%。", "去年营收为5亿元。与上年相比增长了5%。"],
)
def test_a_comparison_and_a_verb_of_change_name_the_change_not_the_comparison(text: str) -> None:
    assert [f.label for f in extract_figures(text)][-1] == "增长率"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("「Peloton」的订阅用户月流失率一直维持在 1% 以下。", "订阅用户月流失率"),  # a level held
        ("硬件的成本/收入占比一直在 60% 徘徊。", "成本/收入占比"),
        ("当总量达到1575万时，区块奖励再减半为12.5个。", "区块奖励"),  # again: an adverb before the link
        ("其市场交易以集合竞价为主，涨跌停限制在5%。", "涨跌停限制"),  # a noun and 在, no link
    ],
)
def test_a_rate_held_at_a_level_is_named_by_the_rate(text: str, label: str) -> None:
    assert [f.label for f in extract_figures(text)][-1] == label


def test_a_country_written_after_a_company_is_its_unit_there_not_whose_the_figure_is() -> None:
    text = "苏宁易购公告称，拟以现金48亿元收购家乐福中国80%股份，并承担其债务。"
    mentions = [
        m if m.entity != "中国" else Mention(m.start, m.end, m.surface, EntityType.PLACE, m.entity)
        for m in _mentions(text, "苏宁易购", "家乐福", "中国")
    ]
    assert {f.surface: f.subject for f in extract_figures(text, mentions)}["80%"] == "苏宁易购"


def test_a_population_is_a_count_of_people() -> None:
    (figure,) = extract_figures("截至2021年底，我国老年人口达2.6亿。")
    assert figure.label.endswith("老年人口") and (figure.measure, figure.unit) == ("人数", "people")


@pytest.mark.parametrize(("text", "unit"), [("微博的广告主数量为290万。", "other"), ("微博的广告收入数据为5亿。", "CNY")])
def test_a_count_head_after_a_money_word_makes_a_bare_figure_a_count(text: str, unit: str) -> None:
    assert [f.unit for f in extract_figures(text)] == [unit]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("我花14万买了辆大通v80。", "CNY"),  # someone's money, in yuan
        ("后来行业没落，三个人赔了70多万。", "CNY"),
        ("没有固定客户，那我赚不到两万五。", "CNY"),
        ("他交了5个订单。", "other"),  # a count noun decides
    ],
)
def test_a_bare_amount_a_person_spends_or_earns_is_yuan(text: str, unit: str) -> None:
    assert [f.unit for f in extract_figures(text)] == [unit]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("于淘宝统计的20款产品中，奥特曼卡牌占比达6成。", "6成", 60, "%"),  # tenths after an Arabic digit
        ("8月环比大跌近5成。", "5成", -50, "%"),
        ("售价29.9元的一款产品含15包。", "15包", 15, "items"),  # packs
        ("三四线城市占据榜单15席。", "15席", 15, "other"),  # seats
    ],
)
def test_tenths_packs_and_seats_are_figures(text: str, surface: str, value: float, unit: str) -> None:
    figures = {f.surface: f for f in extract_figures(text)}
    assert (figures[surface].value, figures[surface].unit) == (value, unit)


def test_a_digit_before_a_word_starting_with_cheng_is_no_tenths() -> None:
    assert "5成" not in {f.surface for f in extract_figures("公司有5成员工在上海。")}


def test_a_bare_amount_in_an_article_of_dollars_is_in_dollars() -> None:
    text = "FOX每年将支付21亿美元。NBC每年支付22亿美元。迪士尼每年支付27亿美元。\n其他话题。\n联盟去年的营收为120亿。"
    assert [m.unit for m in extract_figures(text)][-1] == "USD"
    text = "黑石以30亿美元估值收购了它。\n其他话题。\n2016年，达晨的营收为30亿。"
    assert [m.unit for m in extract_figures(text)][-1] == "CNY"  # one amount in dollars says little


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("美元债和境外银团贷款占36.9%，约10%是结构化信托融资。", "结构化信托融资"),
        ("GrubHub的佣金中超过20%是配送费，12.5%是佣金。", "佣金"),
        ("本章说对用户人均阅读时长提升32%以上，对用户付费率也有超10%的提升。", "用户付费率"),  # a preposition
        ("玩具及衍生品销售收入为1.68亿元，前者毛利率为46.13%，后者毛利率为32.55%。", "毛利率"),  # a pronoun
        ("其他收益为176亿元。", "其他收益"),  # 其他 is no pronoun
        ("其实负债率在50%都是很安全的。", "负债率"),  # an adverb, whole, not 其 and then 实负债率
    ],
)
def test_a_copula_or_a_preposition_before_a_measure_is_no_part_of_its_name(text: str, label: str) -> None:
    assert [m.label for m in extract_figures(text)][-1] == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("年营收增长了113%，股价相比发行价上涨219%。", "股价相比发行价涨幅"),
        ("会员价格下跌了5%。", "会员价格跌幅"),
        ("营收增长20%。", "营收增长"),  # not a price: as written
    ],
)
def test_a_prices_move_is_named_by_the_trades_noun(text: str, label: str) -> None:
    assert [m.label for m in extract_figures(text)][-1] == label


@pytest.mark.parametrize(
    "text",
    ["屏幕分成两块。", "这是一个万亿级市场。", "买了三块虚拟土地。", "1+1大于2。", "拼多多的iPhone 13只要几块钱。"],
)
def test_pieces_a_trillion_level_and_a_model_number_are_no_figures(text: str) -> None:
    assert extract_figures(text) == ()


def test_bare_decimals_in_a_sentence_that_names_a_ratio_are_its_values() -> None:
    """从0.78到1.14，…开关店比强势反弹; 远高于上半年的1.39: the ratio the sentence names, in times.
    Guard: a bare decimal in a sentence naming no ratio is no figure."""
    text = "从0.78到1.14，挥别2020年的惨不忍睹，2021年全国购物中心开关店比强势反弹。"
    figures = {f.surface: (f.value, f.unit, f.label) for f in extract_figures(text)}
    assert figures["0.78"] == (0.78, "times", "开关店比") and figures["1.14"] == (1.14, "times", "开关店比")
    assert {f.surface: f.unit for f in extract_figures("特体装全年开关店比达1.76，远高于上半年的1.39。")} == {"1.76": "times", "1.39": "times"}
    assert extract_figures("营收增长了3.5，达到100。") == ()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("预计2025年中国咖啡市场将达到2171亿元。", "中国咖啡市场规模"),
        ("全球云计算市场约为2000亿美元。", "全球云计算市场规模"),
        ("中国咖啡市场在2020年达到1000亿元，同比增长20%。", "中国咖啡市场规模"),
        # the market the sentence opens with, the amount's clause naming nothing
        ("根据灼识咨询报告，2019年-2025年，中国新能源汽车市场预期以37.1%的复合年增长率增长，于2025年达到11829亿元。", "中国新能源汽车市场规模"),
    ],
)
def test_an_amount_written_after_a_market_is_its_size(text: str, label: str) -> None:
    money = [m for m in extract_figures(text, _mentions(text)) if m.unit in ("CNY", "USD")]
    assert [(m.label, m.measure) for m in money] == [(label, "市场规模")]


@pytest.mark.parametrize("text", ["阿里巴巴中国市场约为30亿元。", "海外市场贡献了30亿元。"])
def test_a_companys_market_or_what_a_market_brought_is_no_market_size(text: str) -> None:
    """What a company makes in a market, or what a market brought it, is no market's size."""
    assert [m.measure for m in extract_figures(text, _mentions(text, "阿里巴巴"))] != ["市场规模"]


def test_a_list_of_names_closed_by_deng_is_no_part_of_the_measure() -> None:
    text = "茶饮头部品牌加速扩张，喜茶、奈雪的茶、茶百道、蜜雪冰城等净增门店均在50家以上。"
    figures = extract_figures(text, _mentions(text, "喜茶", "奈雪的茶", "茶百道", "蜜雪冰城"))
    assert [(f.label, f.subject) for f in figures] == [("净增门店", "喜茶")]


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # the far end is not of the near end's year: of the other time its sentence tells
        ("有赞发布的2021年业绩报告显示，其年度亏损由2020年的5.5亿元升至32.9亿元，但收入从2020年的18.2亿元降至15.7亿元。", ["2020", "2021", "2020", "2021"]),
        ("营收由2019年的10亿元增至30亿元。", ["2019", None]),  # no other time: not said
        ("收入从2018年的4.53亿元增长至2021年的6.61亿元。", ["2018", "2021"]),  # each end its own
    ],
)
def test_the_far_end_of_a_change_is_not_of_the_near_ends_time(text: str, periods: list[str | None]) -> None:
    assert [f.period for f in extract_figures(text, date="2022-03-31")] == periods


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # the time of writing after a date told: not that date
        ("2020年8月北京只有10家门店，如今已扩张到78家。", ["2020年8月", None]),
        ("去年极兔单票亏损在1元以上，目前单票平均收入2.1元。", ["2020", None]),
        ("蘑菇街当年估值30亿美元，直到今天，蘑菇街的市值已经缩水到1.88亿美元。", ["2021", None]),
        # when a company began is not when its figures were counted
        ("成立于2018年的同程生活，曾在3年内完成了8轮融资。", [None]),
    ],
)
def test_now_and_a_founding_date_are_not_a_figures_period(text: str, periods: list[str | None]) -> None:
    assert [f.period for f in extract_figures(text, date="2021-03-05")] == periods


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("游戏业务占B站总收入的比重为40%。", "B站"),  # a share of the company's own revenue
        ("防护手套占中红医疗收入的90%以上。", "中红医疗"),
        ("常温奶的销售额占蒙牛市场的70%以上。", None),  # a market after 占 is still no one's
    ],
)
def test_a_share_of_a_companys_own_whole_is_the_companys(text: str, subject: str | None) -> None:
    figures = extract_figures(text, _mentions(text, "B站", "中红医疗", "蒙牛"))
    assert [f.subject for f in figures] == [subject]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # things sold, counted in any noun of things, are a sales volume; the figure set below it
        # (低于, 高于) is the same measure
        ("公司2021年销售防护手套122.7亿只，略低于2020年的141.7亿只。", ["销量", "销量"]),
        ("8月深圳销售新房5885套。", ["销量"]),
        # people in sales are not things sold
        ("公司销售人员达500人。", ["人数"]),
    ],
)
def test_things_sold_are_a_sales_volume_and_the_figure_it_is_set_below_too(text: str, labels: list[str]) -> None:
    assert [f.label for f in extract_figures(text, date="2022-03-31")] == labels


def test_a_measure_written_before_a_list_names_every_figure_of_it() -> None:
    """有赞微商城贡献分别为2.63亿元、4.44亿元和6.34亿元: the measure as written names the three,
    as a measure of the vocabulary does (the first alone had it)."""
    text = "其中，有赞微商城贡献分别为2.63亿元、4.44亿元和6.34亿元。"
    assert [f.label for f in extract_figures(text)] == ["有赞微商城贡献"] * 3


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # the amount a measure moved to in its own clause is that measure
        ("除此之外，399元的高级会员费今年涨价到599元，让我的压力大了很多。", ["高级会员费", "高级会员费"]),
        # in the next clause another measure may move
        ("399元的高级会员费不变，运费涨到599元。", ["高级会员费", "运费"]),
    ],
)
def test_the_amount_a_measure_moved_to_is_that_measure(text: str, labels: list[str]) -> None:
    assert [f.label for f in extract_figures(text, date="2021-06-01")] == labels
