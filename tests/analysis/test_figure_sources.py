"""Who reports a figure is not whose it is (sources named with what kind of body they are, and
reports a body published); a sentence that turns to a name makes the figure that name's."""

from __future__ import annotations

import re

from reader.analysis.figures import extract_figures
from reader.analysis.model import EntityType, Mention
from tests.analysis.test_figures_in_the_wild import _mentions  # every occurrence, as an organisation


def _subjects(text: str, *names: str) -> dict[str, str | None]:
    return {f.surface: f.subject for f in extract_figures(text, _mentions(text, *names))}


def test_a_source_named_with_its_kind_is_a_source() -> None:
    text = "据研究机构Canalys，今年全球出货量达到3亿台。根据电商数据公司Marketplace Pulse，增速为42%。"
    assert _subjects(text, "Canalys", "Marketplace Pulse") == {"3亿台": None, "42%": None}


def test_a_kind_of_company_after_another_word_is_no_source() -> None:
    """在线调研软件公司Qualtrics: 在 is part of 在线, and Qualtrics is the company bought."""
    text = "在线调研软件公司Qualtrics（2018年被SAP以80亿美元收购）就是一个很好的例子。"
    assert _subjects(text, "Qualtrics", "SAP") == {"80亿美元": "Qualtrics"}


def test_the_body_that_published_a_report_is_its_source() -> None:
    text = "Marketplace Pulse发布的一份报告，到2020年底，中国卖家在亚马逊头部卖家的占比达到42%。"
    assert _subjects(text, "Marketplace Pulse", "亚马逊") == {"42%": None}


def test_a_sentence_that_turns_to_a_name_gives_it_the_figure() -> None:
    text = (
        "中创新航仍在亏损。而对比宁德时代，早已连续数年实现数十亿规模的净利润，"
        "2021年前三季度净利润规模已达91.45亿元。反观中创新航，净亏损为1.5亿元。"
    )
    assert _subjects(text, "中创新航", "宁德时代") == {"91.45亿元": "宁德时代", "1.5亿元": "中创新航"}


def test_a_comparison_does_not_take_the_figure_from_the_nearer_name() -> None:
    text = "相比宁德时代，中创新航的毛利率只有5.8%。"
    assert _subjects(text, "中创新航", "宁德时代") == {"5.8%": "中创新航"}


def test_a_latin_name_no_layer_knew_is_still_an_item_of_a_list_after_a_skip_word() -> None:
    """与TNT和ESPN: TNT is no mention, and ESPN is still listed after 与, a partner."""
    text = "2014年，NBA与TNT和ESPN签订了一份9年240亿美元的转播合同。"
    assert _subjects(text, "NBA", "ESPN") == {"240亿美元": "NBA"}


def test_a_latin_word_before_a_joiner_without_a_skip_word_is_no_list() -> None:
    text = "今年，NBA和ESPN的收入为20亿美元。"
    assert _subjects(text, "ESPN") == {"20亿美元": "ESPN"}


def _with_places(text: str, orgs: tuple[str, ...], places: tuple[str, ...]) -> dict[str, str | None]:
    mentions = [
        m if m.entity in orgs else Mention(m.start, m.end, m.surface, EntityType.PLACE, m.entity)
        for m in _mentions(text, *orgs, *places)
    ]
    return {f.surface: f.subject for f in extract_figures(text, mentions)}


def test_a_place_that_opens_the_clause_owns_a_figure_no_one_else_is_named_for() -> None:
    text = "NFL的收视率很高。\n目前，美国「剪线族」的整体数量已经达到3100万。"
    assert _with_places(text, ("NFL",), ("美国",))["3100万"] == "美国"
    assert _with_places("截至2020年年底，中国健身人群超过3亿。", (), ("中国",)) == {"3亿": "中国"}


def test_a_place_a_companys_figures_are_broken_down_by_stays_where_not_whose() -> None:
    text = "Shopify的付费商家占比全球总商家的83%。其中，北美付费商家约111万，占62%。"
    assert set(_with_places(text, ("Shopify",), ("北美",)).values()) == {"Shopify"}


def test_the_other_companies_are_not_the_one_named() -> None:
    text = "Shopify约占据中国独立站卖家50%的市场份额，其他各家的市场占比则从1%-9%不等。"
    assert _subjects(text, "Shopify") == {"50%": "Shopify", "1%": None, "9%": None}


def test_the_other_part_of_a_company_is_still_its_own() -> None:
    text = "Shake Shack门店总数达382家，其余130家则是国际许可加盟门店，其他业务收入为3亿元。"
    assert set(_subjects(text, "Shake Shack").values()) == {"Shake Shack"}


def _milk_piece(later_mentions: int) -> str:
    return (
        "便利店里，3元一包的常温牛奶已经下架。\n"
        + "牛奶成了打工人望尘莫及的奢侈品。\n" * 12
        + "另一个让常温牛奶异常坚强的，是利乐包装的普及。" + "利乐的包装很成功。" * (later_mentions - 1)
    )


def test_a_company_one_later_section_dwells_on_is_not_the_articles_topic() -> None:
    text = _milk_piece(3)
    assert _subjects(text, "利乐")["3元"] is None
    # unless the title names it, or the article keeps coming back to it
    titled = {f.surface: f.subject for f in extract_figures(text, _mentions(text, "利乐"), title="利乐的生意")}
    assert titled["3元"] == "利乐"
    assert _subjects(_milk_piece(10), "利乐")["3元"] == "利乐"


def test_a_market_report_gives_each_city_its_figures_and_the_country_its_own() -> None:
    text = (
        "8月，北京新房成交面积同比下降15%，上海成交量环比增长3%。杭州土地出让金总额达到1200亿元。"
        "百强房企8月单月销售额为6900亿元。全国300个城市土地出让金同比增长10%。深圳的新房均价为6万元。"
    )
    assert _with_places(text, (), ("北京", "上海", "杭州", "全国", "深圳")) == {
        "15%": "北京", "3%": "上海", "1200亿元": "杭州", "6900亿元": None,
        "300个": "全国", "10%": "全国", "6万元": "深圳",
    }


def test_a_place_after_a_skip_word_or_before_a_group_does_not_own() -> None:
    text = "云涌控股的营收增长很快。在亚太地区游戏及收藏品市场的市场占有率约为1.0%。"
    assert _with_places(text, ("云涌控股",), ("亚太地区",)) == {"1.0%": "云涌控股"}
    text = "亚马逊的营收增长很快。\n中国卖家的销售额达到300亿元。"
    assert _with_places(text, ("亚马逊",), ("中国",)) == {"300亿元": None}  # the sellers, not China


def test_a_digests_company_owns_its_own_accounts_a_research_firm_does_not() -> None:
    text = "财务报告\n小牛电动：2020年营收24.4亿元\n艾瑞咨询：2020年直播电商营收达9610亿元\n"
    assert _subjects(text, "小牛电动", "艾瑞咨询") == {"24.4亿元": "小牛电动", "9610亿元": None}


def test_a_digests_items_are_their_own_not_the_articles_topic() -> None:
    """A digest titled for 特斯拉 gives none of its other items to 特斯拉; a country its item
    names after a year owns its market's figure."""
    text = (
        "乘联会：2021年2月特斯拉销量18318辆\n特斯拉：2020年营收315亿美元\n特斯拉：2020年交付49.9万辆\n"
        "QuestMobile:2021她经济洞察报告女性用户规模达到5.47亿\n《读卖新闻》：调查显示77%受访者反对\n"
        "eMarketer：2021年中国社交电子商务销售额将达到3632.6亿美元\n"
    )
    mentions = [
        m if m.entity != "中国" else Mention(m.start, m.end, m.surface, EntityType.PLACE, m.entity)
        for m in _mentions(text, "乘联会", "特斯拉", "QuestMobile", "读卖新闻", "eMarketer", "中国")
    ]
    subjects = {f.surface: f.subject for f in extract_figures(text, mentions, title="特斯拉2月销量")}
    assert (subjects["5.47亿"], subjects["77%"], subjects["3632.6亿美元"]) == (None, None, "中国")


def test_whom_someone_tells_is_not_whose_the_figure_is() -> None:
    text = "一位有赞员工告诉连线Insight “现在公司流传了两个版本，一个是裁到1500人。”"
    assert _subjects(text, "有赞", "连线Insight") == {"1500人": "有赞"}


def test_the_company_opening_a_sentence_is_the_one_the_passage_is_about() -> None:
    """In a piece on many companies, 公司 opening a paragraph is the company its item opened
    with, not the regulator the item goes on to name nor the company of the item before."""
    text = (
        "6、英科医疗（300677.SZ）的营收大幅提高。英科医疗的产品主要是防护手套，收入为134.5亿元。\n"
        "7、达安基因（002030.SZ）研发出检测试剂盒，进入国家药监局快速审批通道。\n"
        "公司2020年营业收入53.4亿元，比2019年增加了42亿元。"
    )
    subjects = _subjects(text, "英科医疗", "达安基因", "国家药监局")
    assert subjects == {"134.5亿元": "英科医疗", "53.4亿元": "达安基因", "42亿元": "达安基因"}


def test_a_stake_is_its_holders() -> None:
    text = "腾讯持有京东17.8%的股份。"
    assert _subjects(text, "腾讯", "京东") == {"17.8%": "腾讯"}
    text = "就连一直将卡游与其进行对比的泡泡玛特，去年也投资了卡牌品牌Hit card，目前持股约15%。"
    assert _subjects(text, "卡游", "泡泡玛特", "Hit card") == {"15%": "泡泡玛特"}
    text = "上汽通用五菱由通用汽车出资44%。"  # the investor, whichever is named first
    assert _subjects(text, "上汽通用五菱", "通用汽车") == {"44%": "通用汽车"}
    text = "腾讯为京东带来了17.8%的流量。"  # no stake: whose the flow is, as before
    assert _subjects(text, "腾讯", "京东") == {"17.8%": "京东"}


def test_a_figure_compared_is_the_names_before_it_and_the_measure_compared_with() -> None:
    text = "2020年，知乎每用户平均收入约为19.7元。这样的数据，与B站的59.4元和快手109元相比，相去甚远。"
    figures = extract_figures(text, _mentions(text, "知乎", "B站", "快手"))
    assert [(f.surface, f.subject, f.label) for f in figures] == [
        ("19.7元", "知乎", "每用户平均收入"),
        ("59.4元", "B站", "每用户平均收入"),
        ("109元", "快手", "每用户平均收入"),
    ]


def test_a_research_firms_sample_is_not_the_firms_and_is_labelled_by_what_it_counts() -> None:
    text = "典型上市房企8月份融资仍然热度不减。同策研究院监测的40家典型上市房企共完成融资额为1016.6亿元。"
    figures = extract_figures(text, _mentions(text, "同策研究院"))
    assert [(f.surface, f.subject, f.label) for f in figures] == [
        ("40家", None, "典型上市房企数"),
        ("1016.6亿元", None, "典型上市房企共完成融资额"),
    ]


def test_a_companys_own_data_tells_its_own_figures() -> None:
    """根据阿里健康数据显示: the platform's own count; but not a public body's or an association's
    data (国家统计局, 乘联会), nor data cited from someone (来自 CoinCentral的数据显示)."""
    text = "根据阿里健康数据显示，截止1月30日，在线义诊累计访问用户数超280万。"
    assert _subjects(text, "阿里健康") == {"280万": "阿里健康"}
    assert _subjects("乘联会数据显示，11月乘用车零售达到200万辆。", "乘联会") == {"200万辆": None}
    assert _subjects("国家统计局数据显示，社会消费品零售总额为4万亿元。", "国家统计局") == {"4万亿元": None}
    assert _subjects("截止3月21日，来自 CoinCentral的数据显示，已有1800万个比特币被开采。", "CoinCentral") == {"1800万个": None}


def test_a_research_firms_analyst_speaks_for_the_market_not_the_firm() -> None:
    """中指研究院…负责人刘水表示: the share is the market's; a company's officer still speaks for it."""
    text = "中指研究院企业事业部研究负责人刘水表示，“二线城市业绩贡献占比为58.1%。”"
    mentions = [*_mentions(text, "中指研究院"), *_people(text, "刘水")]
    assert {f.surface: f.subject for f in extract_figures(text, sorted(mentions, key=lambda m: m.start))} == {"58.1%": None}
    text = "美团首席执行官王兴表示，“外卖订单量增长了20%。”"
    mentions = [*_mentions(text, "美团"), *_people(text, "王兴")]
    assert {f.surface: f.subject for f in extract_figures(text, sorted(mentions, key=lambda m: m.start))} == {"20%": "美团"}


def test_a_name_an_aside_gives_as_an_example_is_not_whose() -> None:
    text = "乐享互动财报显示，营销SaaS服务客户（包含微信公众号）为40890个。"
    assert _subjects(text, "乐享互动", "微信") == {"40890个": "乐享互动"}


def _people(text: str, *names: str) -> list[Mention]:
    return [Mention(m.start(), m.end(), name, EntityType.PERSON, name) for name in names for m in re.finditer(name, text)]
