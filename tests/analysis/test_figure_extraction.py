"""The figure grammar and its reading of context, asserted by slicing the text."""

from __future__ import annotations

import time

import pytest

import re

from reader.analysis.figure_vocab import Words, alternation
from reader.analysis.figures import extract_figures, find_quantities
from reader.analysis.model import EntityType, Mention, FigureKind


def one(text: str, **kwargs):  # type: ignore[no-untyped-def]
    figures = extract_figures(text, **kwargs)
    assert len(figures) == 1, [m.surface for m in figures]
    m = figures[0]
    assert text[m.start : m.end] == m.surface
    return m


def surfaces(text: str) -> list[str]:
    figures = extract_figures(text)
    for m in figures:
        assert text[m.start : m.end] == m.surface
    return [m.surface for m in figures]


def mention(text: str, surface: str, entity: str | None = None, type_=EntityType.ORG) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), entity or surface, type_, surface)


# --- money, shares, multipliers, counts ----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "implied"),
    [
        ("字节跳动2020年售出价值260亿美元商品。", "260亿美元", 26e9, "USD", False),
        ("GMV达到了6000亿元。", "6000亿元", 6e11, "CNY", False),
        ("总成交额有望达到1.2万亿元。", "1.2万亿元", 1.2e12, "CNY", False),
        ("估值为500亿港元。", "500亿港元", 5e10, "HKD", False),
        ("融资$5亿。", "$5亿", 5e8, "USD", False),
        ("售价为￥3,999。", "￥3,999", 3999, "CNY", False),
        ("营收为五十亿元。", "五十亿元", 5e9, "CNY", False),
        ("净利润一千二百万元。", "一千二百万元", 1.2e7, "CNY", False),
        ("单场直播卖出30多万元。", "30多万元", 3e5, "CNY", False),
        ("商家贡献了约20%的收入。", "20%", 20, "%", False),
        ("渗透率为19.04％。", "19.04％", 19.04, "%", False),
        ("占比为百分之二十。", "百分之二十", 20, "%", False),
        ("亚马逊占近三分之一。", "三分之一", 33.33, "%", True),
        ("其中抖音的贡献将达到半数以上。", "半数", 50, "%", True),
        ("抖音小店占比过半。", "过半", 50, "%", True),
        ("七成用户来自三线城市。", "七成", 70, "%", False),
        ("利率上调了2个百分点。", "2个百分点", 2, "pp", False),
        ("快手是抖音的3倍。", "3倍", 3, "times", False),
        ("是抖音的两倍多。", "两倍多", 2, "times", False),
        ("GMV比2019年翻了三倍多。", "三倍多", 3, "times", False),
        ("这个数字可能会增加五倍。", "五倍", 5, "times", False),
        ("2022年有望翻一番。", "翻一番", 2, "times", True),
        ("收入翻两番。", "翻两番", 4, "times", True),
        ("积累了约2万名粉丝。", "2万名", 2e4, "followers", True),
        ("抖音日活超过6亿。", "6亿", 6e8, "users", True),
        ("3亿多DAU规模的抖音。", "3亿多", 3e8, "users", True),
        ("让1000个商家实现增长。", "1000个", 1000, "stores", True),
        ("接触到上百万个商家。", "上百万个", 1e6, "stores", True),
        ("招聘900多个其他职位。", "900多个", 900, "other", True),
        ("今年将有1000多个品牌加入。", "1000多个", 1000, "brands", True),
        ("推出了100款商品。", "100款", 100, "items", True),
        ("团队增加到约1900人。", "1900人", 1900, "people", False),
        ("和其他200名珠宝卖家一起。", "200名", 200, "people", True),
        ("张一鸣现年38岁。", "38岁", 38, "other", False),
        ("在抖音有千万粉丝的账号。", "千万", 1e7, "followers", True),
        ("一年能卖出上千万湘货。", "上千万", 1e7, "CNY", True),
        ("海外买家数累计突破1.5亿。", "1.5亿", 1.5e8, "users", True),
        ("到年万亿GMV规模。", "万亿", 1e12, "CNY", True),
        ("新的200亿年框仍在谈判中。", "200亿", 2e10, "CNY", True),
        ("营收超过3,500,000元。", "3,500,000元", 3.5e6, "CNY", False),
        ("营收为１２００万元。", "１２００万元", 1.2e7, "CNY", False),
    ],
)
def test_extract_figures_reads_value_and_unit(
    text: str, surface: str, value: float, unit: str, implied: bool
) -> None:
    m = one(text)
    assert m.surface == surface
    assert m.value == pytest.approx(value)
    assert m.unit == unit
    assert m.unit_implied is implied


@pytest.mark.parametrize(
    ("text", "surfaces_"),
    [
        ("让1000个商家实现年销售额破亿，让1万个达人年销售额破千万。", ["1000个", "破亿", "1万个", "破千万"]),
        ("突破10亿大关。", ["10亿"]),  # 突破 is a hedge; only a bare 破 before a magnitude is lexical
    ],
)
def test_extract_figures_keeps_lexicalised_forms_whole(text: str, surfaces_: list[str]) -> None:
    assert surfaces(text) == surfaces_


def test_extract_figures_po_yi_is_a_threshold_in_yuan() -> None:
    text = "让1000个商家实现年销售额破亿。"
    po = extract_figures(text)[1]
    assert text[po.start : po.end] == "破亿"
    assert (po.value, po.unit, po.measure) == (1e8, "CNY", "销售额")


# --- hedges --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "qualifier"),
    [
        ("团队增加到约1900人。", "1900人", "约"),
        ("GMV近500万元。", "500万元", "近"),
        ("销售额有望超过1850亿美元。", "1850亿美元", "超过"),
        ("坐拥超6亿DAU。", "6亿", "超"),
        ("营收不到100亿元。", "100亿元", "不到"),
        ("招聘900多个职位。", "900多个", "多"),
        ("用户达1亿以上。", "1亿", "以上"),
        ("估值1000亿美元左右。", "1000亿美元", "左右"),
        ("数字一般都过百万。", "百万", "过"),
        ("营收500万元。", "500万元", None),
    ],
)
def test_extract_figures_keeps_hedges_out_of_the_surface(
    text: str, surface: str, qualifier: str | None
) -> None:
    m = one(text)
    assert (m.surface, m.qualifier) == (surface, qualifier)


# --- ranges --------------------------------------------------------------------------------

def test_extract_figures_splits_a_range_sharing_magnitude_and_unit() -> None:
    text = "实时观看量大约在20、30万人规模。"
    low, high = extract_figures(text)
    assert (text[low.start : low.end], low.value, low.unit, low.unit_implied) == ("20", 2e5, "people", True)
    assert (text[high.start : high.end], high.value, high.unit, high.unit_implied) == ("30万人", 3e5, "people", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增速在10%-20%之间。", [("10%", 10, "%"), ("20%", 20, "%")]),
        ("增速在10-20%之间。", [("10", 10, "%"), ("20%", 20, "%")]),
        ("预计投入3至5亿元。", [("3", 3e8, "CNY"), ("5亿元", 5e8, "CNY")]),
        ("方案1、2、3都可以。", []),  # a list of bare numbers is not a range of figures
    ],
)
def test_extract_figures_ranges(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = [(text[m.start : m.end], m.value, m.unit) for m in extract_figures(text)]
    assert got == [(s, pytest.approx(v), u) for s, v, u in expected]


# --- what is not a figure ------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "2020年，抖音电商成立。",  # year
        "5月10日消息，字节跳动宣布。",  # date
        "4月8号的抖音电商大会上。",  # date with 号
        "用一年时间实现了淘宝六年才实现的目标。",  # durations
        "她的商店仅在三个月后就实现了盈亏平衡。",
        "进入湖南广电7年，之后个人创业5年。",
        "30天后卖断了库存。",
        "摸索电商近3年后。",
        "耕耘了1年多的自有电商平台。",
        "康泽宇是一个85后。",  # cohorts
        "抖音上95后增速最高。",
        "这是第一个里程碑。",  # ordinals
        "1、字节跳动雇佣了新员工。",  # list numbering
        "联系电话 18897981244",  # phone number
        "基于CC0协议。",  # identifiers
        "雇佣了数千名新员工。",  # vague amounts
        "活跃用户可能并没有达到数千万级规模。",
        "关闭了数十款中国应用。",
        "广告收入仍占其利润的大部分。",
        "他们参加了618购物节。",  # names with numbers
        "快手联手京东“联合百亿补贴”。",
        "兴趣电商涵盖两个极其重要的要素。",  # small Chinese counts of abstract things
        "提出了三个重点业务方向。",
        "毛毛又带了四位主播一起带货。",
        "张利东三番五次找到康泽宇。",  # idioms
        "万一失败了怎么办。",
        "千万不要错过。",
        "成千上万的商家。",
        "价格 .00/个",
    ],
)
def test_extract_figures_excludes_what_is_not_a_figure(text: str) -> None:
    assert extract_figures(text) == ()


# --- context -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2020年，淘宝直播的总成交额超过4000亿元。", "GMV"),
        ("快手的社交平台托管了3810亿元的交易。", "GMV"),
        ("字节跳动的估值达到了2500亿美元。", "估值"),
        ("抖音平台每日用户超过6亿。", "日活"),
        ("中国1.7万亿美元规模的电子商务领域。", "市场规模"),
        ("其中60亿元广告、10亿元电商佣金。", "广告收入"),
        ("市场规模达到了12.5万亿元，同比增长了19.04%。", "市场规模"),
        ("业务营收前三的市场份额合计为83.67%。", "市场份额"),
        ("商家贡献了约20%的收入。", "占比"),
        ("GMV达到了5000亿元，比2019年翻了三倍多。", "GMV"),
        ("吸引了大约100万名创作者。", "创作者数"),
        ("张一鸣现年38岁。", "年龄"),
        ("兴趣电商的渗透率将提升至47%。", "渗透率"),  # a noun in the clause beats the verb
        ("股价上涨了5.3%。", "增长率"),
        ("智能手机出货量达3850万台。", "销量"),
        ("京东累计下单金额达3438亿元。", "GMV"),
        ("公司计划于2022年实现年产能30万辆。", None),  # 实现年 is not 现年 (age)
        ("拼多多较上年同期增长近2亿用户。", None),  # a change by 2亿 users: no level's measure, never a share
    ],
)
def test_extract_figures_labels_the_first_figure(text: str, label: str | None) -> None:
    assert extract_figures(text)[0].measure == label


def test_extract_figures_labels_multipliers_and_growth() -> None:
    text = "市场规模达到了12.5万亿元，同比增长了19.04%，是去年的两倍。"
    labels = [m.measure for m in extract_figures(text)]
    assert labels == ["市场规模", "同比增长", "增长倍数"]


def test_extract_figures_resolves_periods_from_the_article_date() -> None:
    text = "截至今年1月份，抖音日活超过6亿。总成交额今年可能增长到6000亿元，2022年有望翻一番。"
    periods = [m.period for m in extract_figures(text, date="2021-05-10")]
    assert periods == ["2021年1月", "2021", "2022"]


def test_extract_figures_skips_a_base_of_comparison_for_growth() -> None:
    text = "2020年中国出口规模达到了9.7万亿元，与2019年的8.03万亿元相比，同比增长了20.79%。"
    assert [m.period for m in extract_figures(text)] == ["2020", "2019", "2020"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2020年GMV达到了5000亿元。", FigureKind.ACTUAL),
        ("2022年销售额有望超过1850亿美元。", FigureKind.FORECAST),
        ("预计2021年市场规模将达到14.6万亿元。", FigureKind.FORECAST),
        ("今年将有1000多个品牌加入。", FigureKind.FORECAST),
        ("字节跳动的目标是推动销售额超过1850亿美元。", FigureKind.TARGET),
        ("要达到2000亿目标，初期仍然得靠直播带货。", FigureKind.TARGET),
        ("力争GMV达到1万亿元。", FigureKind.TARGET),
        ("新的200亿年框仍在谈判进程中。", FigureKind.OTHER),
        ("他将客户支持团队增加到1900人。", FigureKind.ACTUAL),  # 将 as 把, not "will"
    ],
)
def test_extract_figures_kind(text: str, kind: FigureKind) -> None:
    assert extract_figures(text, date="2021-05-10")[0].kind is kind


def test_extract_figures_future_period_is_a_forecast() -> None:
    assert extract_figures("2023年GMV达到1万亿元。", date="2021-05-10")[0].kind is FigureKind.FORECAST


@pytest.mark.parametrize(
    ("text", "names", "subject"),
    [
        ("2020年，阿里巴巴旗下淘宝直播的总成交额超过4000亿元。", ["阿里巴巴", "淘宝直播"], "淘宝直播"),
        ("快手托管了3810亿元的交易，是抖音的两倍多。", ["快手", "抖音"], "快手"),
        ("2019年，抖音与淘宝签订了70亿元的年度框架协议。", ["抖音", "淘宝"], "抖音"),
        ("3亿多DAU规模的抖音是流量入口。", ["抖音"], "抖音"),
        ("龚红玉在抖音积累了547万粉丝。", ["龚红玉", "抖音"], "龚红玉"),
        ("抖音、快手等短视频平台到年万亿GMV规模。", ["抖音", "快手"], None),
        ("康泽宇还提到，兴趣电商的GMV会超过9.5万亿。", ["康泽宇"], None),
        # the one compared with is not whose the figure is
        ("而Model 3的上险量虽然不如Model Y，但也接近3万辆。", ["Model 3", "Model Y"], "Model 3"),
        ("顺丰同城的服务网络覆盖中国超过1000个市县。", ["顺丰同城", "中国"], "顺丰同城"),  # where it operates
        ("完成后，顺丰对同城实业持股比例将从65.46%增加至66.76%。", ["顺丰", "同城实业"], "顺丰"),  # a stake in what
        ("正在迅速追赶特斯拉的是第2位的上海汽车。59万辆的销量是上年的2.4倍。", ["特斯拉", "上海汽车"], "上海汽车"),
    ],
)
def test_extract_figures_subject(text: str, names: list[str], subject: str | None) -> None:
    people = {"康泽宇", "龚红玉"}
    mentions = [
        mention(text, n, type_=EntityType.PERSON if n in people else EntityType.ORG) for n in names
    ]
    assert extract_figures(text, mentions)[0].subject == subject


def test_extract_figures_age_belongs_to_the_nearest_person() -> None:
    text = "在广州的活动中，35岁的抖音电子商务主管康泽宇说。"
    mentions = [mention(text, "广州", type_=EntityType.PLACE), mention(text, "抖音"), mention(text, "康泽宇", type_=EntityType.PERSON)]
    assert extract_figures(text, mentions)[0].subject == "康泽宇"


def test_extract_figures_resolves_a_pronoun_to_the_person_before() -> None:
    text = "企业家罗永浩试图挑战苹果，他在抖音平台上的第一场直播售出了超过1700万美元的商品。"
    mentions = [mention(text, "罗永浩", type_=EntityType.PERSON), mention(text, "苹果"), mention(text, "抖音")]
    m = extract_figures(text, mentions)[0]
    assert (m.surface, m.subject, m.measure) == ("1700万美元", "罗永浩", "销售额")


def test_extract_figures_a_repeated_figure_takes_what_was_said_first() -> None:
    text = "兴趣电商的GMV到2023年大概会超过9.5万亿。抖音正站在离这个9.5万亿大蛋糕最近的位置。"
    first, again = extract_figures(text, [mention(text, "抖音")], date="2021-04-13")
    assert text[again.start : again.end] == "9.5万亿"
    assert (again.unit, again.label, again.period, again.kind, again.subject) == (
        first.unit, first.label, first.period, first.kind, first.subject,
    )


def test_find_figures_is_sorted_and_sliced() -> None:
    text = "抖音日活超过6亿，GMV达到5000亿元，增长了20%，是去年的3倍。"
    figures = find_quantities(text)
    assert [text[f.start : f.end] for f in figures] == ["6亿", "5000亿元", "20%", "3倍"]
    assert [f.start for f in figures] == sorted(f.start for f in figures)


def test_extract_figures_is_fast_on_a_long_text() -> None:
    text = "2020年，抖音电商GMV达到了5000亿元，同比增长了20%，日活超过6亿，是快手的两倍多。" * 400
    started = time.perf_counter()
    figures = extract_figures(text, date="2021-01-01")
    assert time.perf_counter() - started < 2.0
    assert len(figures) == 4 * 400


@pytest.mark.parametrize(
    ("text", "pos", "ending", "starting"),
    [
        ("不超过5亿元", 3, "不超过", None),  # the longest word wins, as in a longest-first list
        ("超过5亿元", 2, "超过", None),
        ("过5亿元", 1, "过", None),
        ("5亿元以上", 3, None, "以上"),
        ("5亿元", 3, None, None),  # at the end: nothing starts there
        ("过", 0, None, "过"),  # at the start: nothing ends there
    ],
)
def test_figure_words_longest_at_a_position(
    text: str, pos: int, ending: str | None, starting: str | None
) -> None:
    words = Words.of(["超过", "过", "不超过", "以上", "以下"])
    assert words.ending_at(text, pos) == ending
    assert words.starting_at(text, pos) == starting


def test_figure_words_refuse_an_empty_word() -> None:
    with pytest.raises(ValueError, match="empty"):
        Words.of(["约", ""])


@pytest.mark.parametrize("text", ["营收和GMV", "gmv增长", "总营收", "营", "Gmv与DAU"])
def test_figure_alternation_lookahead_matches_like_the_plain_alternation(text: str) -> None:
    words = ("总营收", "营收", "gmv", "dau")
    plain = re.compile("|".join(words), re.IGNORECASE)
    fast = alternation(words, re.IGNORECASE)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


# --- unseen-article grammar: traditional characters, currencies named before, declines ------

@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier"),
    [
        ("總收入約1546億元人民幣。", "1546億元人民幣", 1.546e11, "CNY", "约"),
        ("市值約3萬億港元，約合3840億美元。", "3萬億港元", 3e12, "HKD", "约"),
        ("现金及现金等价物约合人民币1393亿元。", "1393亿元", 1.393e11, "CNY", "约合"),
        ("融资10亿美元（约合人民币72亿元）。", "10亿美元", 1e9, "USD", None),
        ("计划回购不少于1000亿港元的股份。", "1000亿港元", 1e11, "HKD", "不少于"),
        ("市值蒸发逾100亿美元。", "100亿美元", 1e10, "USD", "逾"),
        ("收入将同比增长20%上下。", "20%", 20, "%", "上下"),
        ("日活跃用户已将近100万。", "100万", 1e6, "users", "将近"),
    ],
)
def test_extract_figures_reads_hedges_and_traditional_characters(
    text: str, surface: str, value: float, unit: str, qualifier: str | None
) -> None:
    m = extract_figures(text)[0]
    assert (text[m.start : m.end], m.surface) == (surface, surface)
    assert (m.value, m.unit, m.qualifier) == (pytest.approx(value), unit, qualifier)


def test_extract_figures_a_currency_named_before_a_bare_amount_is_its_unit() -> None:
    m = one("约合人民币72亿。")
    assert (m.surface, m.unit, m.unit_implied, m.qualifier) == ("72亿", "CNY", True, "约合")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("营收765亿元，同比增长22.1%。", "营收"),
        ("经调整净利润为61.2亿元。", "净利润"),
        ("非國際財務報告準則下的淨利潤為449億元。", "净利润"),
        ("经营亏损收窄至约4.4亿元。", "经营亏损"),
        ("核心本地商业经营利润为56亿元。", "经营利润"),
        ("智能手机毛利率提升至15.4%。", "毛利率"),
        ("日均订单量峰值突破7800万单。", "订单量"),
        ("活跃商家超过930万家。", "商家数"),
        ("微信的合併月活躍賬戶數為13.36億。", "月活"),
        ("投后估值约25亿美元。", "估值"),
        ("持有现金及现金等价物约1393亿元。", "现金储备"),
        ("集团回购了约25亿美元的股份。", "回购"),
        ("国内生产总值（GDP）约91.3万亿元。", "GDP"),
        ("社会消费品零售总额为34.22万亿元。", "零售额"),
        ("IoT设备数达到6.55亿台。", "设备数"),
        ("理想汽车5月交付新车28277辆。", "销量"),
        ("出货量为3300万台，环比下降1.8%。", "销量"),
        ("新能源车零售渗透率达到32.7%。", "渗透率"),
        ("股价下跌了约12%。", "降幅"),
    ],
)
def test_extract_figures_labels_earnings_figures(text: str, label: str) -> None:
    assert extract_figures(text)[0].measure == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("营收同比增长22.1%。", "同比增长"),
        ("总收入同比下降4.2%。", "同比增长"),  # a decline is a negative change (README)
        ("蔚来环比下降13.2%。", "环比增长"),
        ("订单量环比增长超过50%。", "环比增长"),
        ("渗透率较去年同期提升7.2个百分点。", "同比增长"),
        ("年复合增长率达到25%以上。", "增长率"),
    ],
)
def test_extract_figures_labels_growth_by_direction(text: str, label: str) -> None:
    m = extract_figures(text)[-1]
    assert m.measure == label
    assert (m.value < 0) == ("下降" in text)  # a fall is a negative change (README)


def test_extract_figures_fiscal_quarter_of_the_current_fiscal_year_is_actual() -> None:
    text = "阿里巴巴公布2024财年第二财季业绩。当季营收为2247.9亿元。"
    m = extract_figures(text, date="2023-11-16")[0]
    assert (m.period, m.kind) == ("2024财年Q2", FigureKind.ACTUAL)


def test_extract_figures_quarters_resolve_from_the_article_date() -> None:
    text = "第三季度美团实现营收765亿元。该公司预计，第四季度收入将同比增长20%上下。"
    first, second = extract_figures(text, [mention(text, "美团")], date="2023-11-28")
    assert (first.period, first.kind) == ("2023年Q3", FigureKind.ACTUAL)
    assert (second.period, second.kind, second.subject) == ("2023年Q4", FigureKind.FORECAST, "美团")


# --- subjects: people who speak for a company, places, reporters ---------------------------

def person(text: str, surface: str) -> Mention:
    return mention(text, surface, type_=EntityType.PERSON)


def test_extract_figures_a_person_with_a_title_acts_for_the_company() -> None:
    text = "快手创始人程一笑在电话会上称，他对下半年很有信心，预计全年广告收入增速将达到20%左右。"
    mentions = [mention(text, "快手"), person(text, "程一笑")]
    assert extract_figures(text, mentions, date="2023-08-22")[0].subject == "快手"


def test_extract_figures_he_resolves_to_the_person_then_to_the_company() -> None:
    text = "35岁的抖音电子商务主管康泽宇说。他将客户支持团队从原来的100人增加到约1900人。"
    mentions = [mention(text, "抖音"), person(text, "康泽宇")]
    age, before, after = extract_figures(text, mentions)
    assert age.subject == "康泽宇"  # an age stays the person's
    assert (before.subject, after.subject) == ("抖音", "抖音")


def test_extract_figures_a_person_without_a_title_speaks_for_no_one() -> None:
    text = "杨植麟表示，公司今年的研发投入预计将超过3亿美元。"
    assert extract_figures(text, [person(text, "杨植麟")])[0].subject is None


def test_extract_figures_a_reporter_is_never_the_subject() -> None:
    text = "《晚点LatePost》独家获悉，大模型公司近期完成新一轮融资，融资额超过10亿美元。"
    assert extract_figures(text, [mention(text, "晚点LatePost")])[0].subject is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("初步核算，前三季度中国国内生产总值约91.3万亿元。", "中国"),
        ("2020年中国零售电商上市公司的市场份额合计为83.67%。", None),
        ("中国区营销预算为5亿元。", None),  # a brand's budget, not a market
    ],
)
def test_extract_figures_a_place_owns_only_market_figures(text: str, subject: str | None) -> None:
    mentions = [mention(text, "中国", type_=EntityType.PLACE)]
    assert extract_figures(text, mentions)[0].subject == subject


def test_extract_figures_company_accounts_stay_with_the_last_company_named() -> None:
    text = "第三季度美团营收765亿元。\n分业务看，核心本地商业收入为561亿元。"
    assert [m.subject for m in extract_figures(text, [mention(text, "美团")])] == ["美团", "美团"]


def test_extract_figures_it_resolves_to_the_previous_company() -> None:
    text = "比亚迪5月销量为24.0万辆。其国内新能源市场份额约为35%。"
    mentions = [mention(text, "比亚迪")]
    assert [m.subject for m in extract_figures(text, mentions)] == ["比亚迪", "比亚迪"]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "label"),
    [
        ("动力电池累计装车量为302.3GWh。", "302.3GWh", 3.023e8, "kWh", "装机量"),
        ("储能装机规模达到500MW。", "500MW", 5e5, "kW", "装机量"),
        ("国内已有超过20家公司推出产品。", "20家", 20, "stores", "企业数"),
    ],
)
def test_extract_figures_converts_physical_units_to_their_base(
    text: str, surface: str, value: float, unit: str, label: str
) -> None:
    m = one(text)
    assert (m.surface, m.value, m.unit, m.measure) == (surface, pytest.approx(value), unit, label)


@pytest.mark.parametrize(
    ("text", "names", "subject"),
    [
        ("本轮由美团战略领投，投后估值超过10亿美元。", ["美团"], None),
        ("美团领投，估值超过10亿美元。", ["美团"], None),
        ("据IDC预测，全球市场规模有望达到约20亿美元。", ["IDC"], None),
        ("拼多多市值一度超越阿里巴巴，达到约1900亿美元。", ["拼多多", "阿里巴巴"], "拼多多"),
        ("美团预计，第四季度收入将同比增长20%。", ["美团"], "美团"),  # a company speaks for itself
    ],
)
def test_extract_figures_sources_investors_and_rivals_are_not_subjects(
    text: str, names: list[str], subject: str | None
) -> None:
    assert extract_figures(text, [mention(text, n) for n in names])[0].subject == subject
