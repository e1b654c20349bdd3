"""A figure is labelled by the measure the article names for it, whatever that measure is (a rate,
a degree, a platform's cut, a share's move, a price per share), past a date, a version, a word of
when or a preposition that stands first; a range's high end is what its low end is; and a bound,
a hedge or a verb after a figure is never its label. Cases from real posts."""

from __future__ import annotations

import re

import pytest

from reader.analysis.figures import extract_figures
from reader.analysis.model import EntityType, Mention


def _labels(text: str) -> dict[str, str | None]:
    return {f.surface: f.label for f in extract_figures(text, [])}


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        # a rate, a degree or a platform's cut named before a percentage, past a date or a version
        ("从行业数来看，全国零售终端的铺货率能够达到80%。", "80%", "铺货率"),
        ("而成交量能度最弱的城市为深圳，量能度为-49.6%。", "-49.6%", "量能度"),
        ("据了解，滴滴顺风车的抽成为10%-15%。", "10%", "抽成"),
        ("据了解，滴滴顺风车的抽成为10%-15%。", "15%", "抽成"),
        ("以弘阳地产为例，截至6月31日融资成本降至7.62%。", "7.62%", "融资成本"),
        ("2021年2月美国Android 11安装率达20.29%。", "20.29%", "安装率"),
        # a code or a duration before a measure stays where it was
        ("TOP3房企门槛值为4439.7亿元。", "4439.7亿元", "TOP3房企门槛值"),  # a code, not a date
        ("MLB与特纳体育签订了一份7年价值32亿美元的转播合同。", "32亿美元", "转播合同"),  # a duration
        # a share's move told by its verb in a sentence about trading
        ("爱奇艺美股盘前一度涨超11%，截至5月26日收盘，收涨9.22%。", "9.22%", "股价涨幅"),
        ("港股方面，当天下跌超过10%。", "10%", "股价跌幅"),
        ("其股价已经连续16个交易日涨停，累计涨幅超过33%。", "33%", "累计涨幅"),  # named: kept
        ("今年营收同比上涨20%。", "20%", "营收同比增长"),  # no trading: a change
        # past how the writer weighs it, a bank's spread, a rate named in the clause before
        ("但新品的存活率非常低，爆品率甚至只有0.24%。", "0.24%", "爆品率"),
        ("净息差由2018年的3.22%降至2020年的2.16%。", "2.16%", "净息差"),
        ("淘宝天猫被提及的是2021年的AAC留存率，高达86%。", "86%", "AAC留存率"),
        ("报告显示，225家是美国国内公司直营门店，27家是加盟门店。", "27家", "门店数"),  # its own clause names it
        ("那一单，算上过路费，有7737块钱。", "7737块钱", None),  # a fee before is no amount's name
        # what a deal is worth, between its verb and the amount; but 总价值 names a measure
        ("公司回购了价值约15亿美元的股票。", "15亿美元", "回购"),
        ("合同总价值超过1100亿美元。", "1100亿美元", "合同总价值"),
        # when or an example's 如 before a measure is no part of its name; a word they begin stays
        ("2个月前，一切还欣欣向荣，刚刚融资15亿美元。", "15亿美元", "融资"),
        ("公司将投资10亿元人民币支持创作者。", "10亿元人民币", "投资"),
        ("饮品行业融资金额较高，如蜜雪冰城融资20亿元。", "20亿元", "蜜雪冰城融资"),
        ("在2030年之前，将纯电动汽车全球销量增加至350万辆。", "350万辆", "纯电动汽车全球销量"),
        # a fiscal time before a measure is when, not what
        ("2021财年第三季度营收为10亿美元。第三财季净收入同比增长20%。", "20%", "净收入同比增长"),
        ("该公司2021财年净收入为30亿美元。", "30亿美元", "净收入"),
        ("2018年、2019年及2020年公司订单总数分别为0.798亿、2.1亿及7.6亿笔。", "2.1亿", "订单总数"),  # a list of years
        ("便利店增长最快，2020整体规模超过2500亿元。", "2500亿元", "整体规模"),  # a year without 年
        ("新开店超过50000家。而对应的新关店数，则约为47000家。", "47000家", "新关店数"),  # the clause before names it
        # ... with how it moved, and the level reached when
        ("自3月起，二手住宅成交量开始一路下滑，7月跌至6314套。", "6314套", "二手住宅成交量"),
        ("本月新房成交量持续回升，8月达到5885套。", "5885套", "新房成交量"),
        ("从2021年Q3财报数据来看，5.522亿的AAC依然稳固。", "5.522亿", "买家数"),  # a marketplace's yearly buyers
        # the rest of a list typeset with spaces is the list's measure
        ("此外，成本收入比也逐年攀升，2018年至2020年，该行这一指标分别为48.63%、 53.92 %、63.08 %。", "63.08 %", "成本收入比"),
        # the aspect a sentence says it speaks of, when nothing nearer names the figure
        ("在上海，融创、金地在销售金额层面，分别以311.26亿元、282.08亿元获得前两名。", "282.08亿元", "销售金额"),
        # (the last aspect told is the figure's: square metres of floor space, not the sales)
        ("在上海，融创在销售金额层面位列第一；销售面积榜方面，金地、招商蛇口分别以76.06万平、68.31万平获得前两名。", "68.31万平", "面积"),
        # which time and again are no part of a measure's name; a word they begin is
        ("这次再投入10亿元，能改变在视频领域的落后吗？", "10亿元", "投入"),
        ("公司的再融资规模为10亿元。", "10亿元", "再融资规模"),
        # money per thing sold and nothing else named: its selling price
        ("贵州茅台酒（珍品）4599元/瓶，投放量为3526瓶。", "4599元", "售价"),
        # the noun after a figure typeset with spaces around it
        ("交易完成后，B站将持有心动公司约 4.72% 股权。", "4.72%", "股权"),
        ("阿里巴巴买下心动约 0.76% 的股权。", "0.76%", "股权"),
        # a clause of only where a measure moved from and to: the measure told right before
        ("2021年新能源汽车市场渗透率提升至14.8%。从5%飙升至近15%，只用了一年。", "5%", "新能源汽车市场渗透率"),
        ("2021年新能源汽车市场渗透率提升至14.8%。从5%飙升至近15%，只用了一年。", "15%", "新能源汽车市场渗透率"),
        # the noun after an amount and its hedge; a verb of raising money
        ("Peloton刚经历了一系列考验，从500亿美金左右的市值跌落。", "500亿美金", "市值"),
        ("中创新航正式提交赴港上市申请，将筹集高达15亿美元。", "15亿美元", "融资"),
        # a verb that reports a measure names it by the measure's name made of it, when there is one
        ("天际汽车在2021年12月份仅仅上险了28辆车。", "28辆", "上险量"),
        ("蔚来第四季度交付了25034辆汽车。", "25034辆", "交付量"),
        ("零跑汽车12月份也有8547辆车上险。", "8547辆", "上险量"),  # or after what it counted
        ("思皓汽车共有6695辆纯电车型上险。", "6695辆", "上险量"),
        ("该公司销售成本为6.22亿港元。", "6.22亿港元", "成本"),  # the verb is no measure here
        # a bound, a hedge or a verb after a figure is no label: the measure stands instead
        ("其余省份新增上市企业数量都在20家以内。", "20家", "企业数量"),  # not 以内
        ("许多头部公司的利润比2019年增长了10倍有余。", "10倍", "增长倍数"),  # not 有余
        ("还有16家公司的利润增长介于2倍到10倍之间。", "10倍", "增长倍数"),  # not 之间
        ("它从目标市场中慎重选择6-8人组成一个焦点小组。", "8人", "人数"),  # not 组成一个焦点小组
        ("苏州跻身科创板前三，以38家超过深圳。", "38家", None),  # not 超过
        # a share or a rate named around a time, a preposition or a long whole
        ("据财报，报告期内营收成本为60亿元。", "60亿元", "营收成本"),  # the period, not the measure
        # a price named after its amount is quoted as written, a deal's worth keeps its name
        ("以252港元发行价计算，回港二次上市的总市值达到7129亿港元。", "252港元", "发行价"),
        ("3000美元的目标价远远超过所有分析师。", "3000美元", "目标价"),
        ("2019年，抖音与淘宝签订了70亿元的年度框架协议。", "70亿元", "协议金额"),
        ("把利润压到最低，原来利润能达到20%，后来把利润降到5%。", "20%", "利润"),  # 原来: when
        ("把利润压到最低，原来利润能达到20%，后来把利润降到5%。", "5%", "利润"),  # 把: a preposition
        ("「Keep」则从 60% 多的毛利率降低到 50% 多。", "60%", "毛利率"),  # named after, then its change
        ("东方生物的境外收入101亿元，约占中国所有新冠检测试剂出口总收入的 13.7%。", "13.7%", "境外收入占中国所有新冠检测试剂出口总收入"),
        ("百度托管页营收由2019年占到核心在线营销服务的四分之一。", "四分之一", "百度托管页营收占核心在线营销服务"),
    ],
)
def test_a_figure_takes_the_measure_its_article_names(text: str, surface: str, label: str | None) -> None:
    assert _labels(text)[surface] == label


def test_a_cohort_before_a_share_is_no_date() -> None:
    labels = _labels("阅文集团读者群体中Z世代占比已近6成（00后占比 42.36%，95后占比15.01%）。")
    assert labels["42.36%"] == labels["15.01%"] == "占比"  # not 后占比


def test_an_amount_per_share_is_a_share_price_whatever_its_clause_names() -> None:
    labels = _labels("爱奇艺实现盈利，受利好刺激，截至5月26日收盘，报3.910美元/股。发行价定为272.80港元/股。")
    assert labels["3.910美元"] == "股价"
    assert labels["272.80港元"] == "发行价"  # the price its clause names


def test_a_verb_of_net_earning_or_of_a_forecast_loss_names_profit_or_loss() -> None:
    labels = _labels("爱奇艺从预亏6.7亿到净赚1.7亿。公司去年净赚3亿元。")
    assert (labels["6.7亿"], labels["1.7亿"], labels["3亿元"]) == ("净亏损", "净利润", "净利润")


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        # the measure a change changes is named with it, however long the measure's name (a fall
        # is a negative change: README)
        ("二线代表城市成交面积环比下降31.26%，同比下降26.19%。", "31.26%", "二线代表城市成交面积环比增长"),
        ("二线代表城市成交面积环比下降31.26%，同比下降26.19%。", "26.19%", "二线代表城市成交面积同比增长"),
        ("二手住宅成交量继续同比暴跌77.28%，创下10年新低。", "77.28%", "二手住宅成交量同比增长"),
        ("土地出让金总额为2264亿元，环比减少17%，同比减少49%。", "49%", "土地出让金总额同比增长"),
        ("2020年Q4全球GPU出货量同比增长12.4%。", "12.4%", "全球GPU出货量同比增长"),  # Q4 is a time
        # a conversion between a measure and its amount
        ("发行规模折合人民币约571亿元，环比减少39.8%。", "571亿元", "发行规模"),
        ("发行规模折合人民币约571亿元，环比减少39.8%。", "39.8%", "发行规模环比增长"),
        # guards: a change with nothing named before it, a rate's change in points
        ("与上年同期相比下降16%。", "16%", "同比增长"),
        ("毛利率为70.3%，同比提升6.3个百分点。", "6.3个百分点", "毛利率同比增长"),
    ],
)
def test_a_change_is_labelled_by_the_measure_it_changes(text: str, surface: str, label: str) -> None:
    assert _labels(text)[surface] == label



def _place_labels(text: str, *places: str) -> dict[str, str | None]:
    mentions = sorted(
        (Mention(m.start(), m.end(), name, EntityType.PLACE, name) for name in places for m in re.finditer(name, text)),
        key=lambda m: m.start,
    )
    return {f.surface: f.label for f in extract_figures(text, mentions)}


def test_a_level_reached_by_a_move_is_labelled_by_what_moved() -> None:
    """However the move is told: 应声下跌至, 大幅下滑至."""
    assert _place_labels("8月杭州二手住宅成交量应声下跌至3160套。", "杭州")["3160套"] == "二手住宅成交量"
    assert _labels("执业登记的代理制销售人员数量大幅下滑至842.8万。")["842.8万"] == "代理制销售人员数量"


def test_a_count_in_a_word_with_no_unit_is_named_by_the_one_before_it_for_whose_it_is() -> None:
    """成交面积超100万平方米，其中上海173万平方米: 上海's 成交面积; not a part named in its own clause
    (其中本地生活353起), and never from the part told after (信用债违约16笔，其中…事件7笔)."""
    labels = _place_labels("上海、武汉成交面积超100万平方米，其中上海173万平方米。", "上海", "武汉")
    assert labels["173万平方米"] == "成交面积"
    assert _labels("零售消费行业共发生融资592起，其中本地生活353起。")["353起"] == "本地生活"
    assert _labels("8月信用债违约16笔，其中地产相关违约事件7笔。")["16笔"] != "地产相关违约事件"


def test_a_level_a_measure_rose_from_is_no_growth_rate() -> None:
    """从2018年的12.8%提升至15%: both are levels of what rose (a share), neither is its growth."""
    labels = {f.surface: f.measure for f in extract_figures("我国餐饮的连锁化从2018年的12.8%提升至15%。")}
    assert labels == {"12.8%": "占比", "15%": "占比"}
    assert _labels("毛利率从20%提升至25%。") == {"20%": "毛利率", "25%": "毛利率"}  # guard: a named rate


def test_a_move_up_or_down_by_float_is_a_change() -> None:
    """上浮 and 下浮: 总市值上浮3%, 价格下浮5% (a price's move is its 涨幅 or 跌幅)."""
    assert _labels("相比3月18日美股收盘价，总市值上浮3%。")["3%"] == "总市值上浮"
    assert _labels("车型价格下浮5%。")["5%"] == "车型价格跌幅"


def test_the_high_end_of_a_range_written_as_one_numeral_is_what_its_low_end_is() -> None:
    """三四百亿元: 三 and 四百亿元 are one range, both the 烧钱金额 the clause names."""
    labels = _labels("极兔一年时间烧钱金额高达三四百亿元。")
    assert labels["四百亿元"] == labels["三"] is not None


def test_a_pair_of_amounts_that_turns_from_loss_to_profit_names_each_end() -> None:
    """从亏损70亿到大赚77亿: 大赚 names the far end, not the loss the pair opens with; a lead word
    (则为, 那么, 一度) is no part of a name."""
    labels = {f.surface: f.measure for f in extract_figures("那么从亏损70亿到大赚77亿。")}
    assert labels == {"70亿": "净亏损", "77亿": "净利润"}
    assert _labels("去年同期则为亏损71.8亿元。")["71.8亿元"] == "亏损"
    assert _labels("股价一路高涨，一度涨幅接近4.8%。")["4.8%"] == "涨幅"
    assert _labels("月活从2200万涨到4700万。") == {"2200万": "月活", "4700万": "月活"}  # guard: one measure


def test_a_marketplaces_yearly_buyers_are_users_named_as_its_reports_name_them() -> None:
    text = "拼多多年活跃买家达8.687亿，较上一年同期的7.884亿净增8030万。其年度活跃消费者为8.82亿。"
    mentions = [Mention(0, 3, "拼多多", EntityType.ORG, "拼多多")]
    figures = extract_figures(text, mentions)
    assert [(f.label, f.unit, f.measure) for f in figures if f.surface in ("8.687亿", "8.82亿")] == [
        ("年活跃买家", "users", "买家数"),
        ("年度活跃消费者", "users", "买家数"),
    ]


def test_a_measure_referred_to_is_the_one_told_before() -> None:
    text = "净息差由2018年的3.22%降至2020年的2.16%。此外，成本收入比也逐年攀升，2018年至2020年，该行这一指标分别为48.63%、53.92%、63.08%。"
    assert [f.label for f in extract_figures(text, [])][2:] == ["成本收入比"] * 3
    text = "常温奶的销售额占全国液态奶市场的70%以上。而在几年前，这一数字可以高达80%以上。"
    labels = [f.label for f in extract_figures(text, [])]
    assert labels[1] == labels[0] and labels[0] is not None


def test_an_aside_between_a_measure_and_its_figure_is_skipped_however_many_commas_it_holds() -> None:
    text = "2021年，全年新增A股上市公司（包括主板、创业板、科创板、北证，下同）524家，刷新A股市场纪录。"
    assert _labels(text)["524家"] == "新增A股上市公司数"


def test_counts_in_brackets_after_names_break_down_the_count_named_before() -> None:
    """广东（92家）、浙江（87家）: each the count the paragraph before named (新增A股上市公司数), not
    a count of another unit (29个省) nor one a name in brackets is not (营收（2.1亿元）)."""
    text = (
        "全年新增A股上市公司524家，刷新A股市场纪录。\n"
        "其余29个省（市、自治区）都有企业走向资本市场，广东（92家）、浙江（87家）排名前三。"
    )
    labels = _place_labels(text, "广东", "浙江")
    assert labels["92家"] == labels["87家"] == "新增A股上市公司数"
    assert labels["29个"] != "新增A股上市公司数"
    text = "全年新增A股上市公司524家。\n其余29个省都有企业上市，营收（92亿元）排名前三。"
    assert _labels(text)["92亿元"] != "新增A股上市公司数"


def test_an_amount_in_another_currency_in_brackets_is_the_same_measure() -> None:
    text = "腾讯在内的上市初创企业中的股权价值增长至8907亿元人民币（1370亿美元），5年增长了7倍。"
    labels = _labels(text)
    assert labels["1370亿美元"] == labels["8907亿元人民币"] == "股权价值"


def test_what_a_count_counts_ends_before_an_adverb_of_all_of_them() -> None:
    assert _labels("其余29个省都有企业走向资本市场。")["29个"] != "省都有企业数"
    assert _labels("目前有30家国有企业参与。")["30家"] == "国有企业数"


def test_a_verb_after_a_count_is_no_label() -> None:
    """比亚迪凭借着5万余台排在特斯拉身后: the count is not of 排在 (the words after it are no name)."""
    text = "比亚迪凭借着5万余台排在特斯拉身后。小鹏汽车凭借1.64万辆的好成绩排在特斯拉之后。"
    names = sorted(
        (Mention(m.start(), m.end(), name, EntityType.ORG, name) for name in ("比亚迪", "特斯拉", "小鹏汽车") for m in re.finditer(name, text)),
        key=lambda m: m.start,
    )
    labels = {f.surface: f.label for f in extract_figures(text, names)}
    assert labels["5万余台"] != "排在" and labels["1.64万辆"] != "好成绩排在"
    assert _labels("今年共完成12笔收购。")["12笔"] == "收购"  # a noun after the count still names it
