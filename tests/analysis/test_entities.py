"""Entity recognition: gazetteer matching, unknown-name rules, in-article linking.

Assertions slice the text: what a reader sees highlighted is ``text[m.start:m.end]``.
"""

from __future__ import annotations

import time

import pytest

from reader.analysis.entities import EntityRecognizer
from reader.analysis.folding import matching_form
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.model import EntityType, Mention


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return EntityRecognizer(Gazetteer.load())


def found(recogniser: EntityRecognizer, text: str) -> list[tuple[str, str]]:
    """(surface, entity) of every mention, checking the span contract on the way."""
    mentions = recogniser.recognise(text)
    assert list(mentions) == sorted(mentions, key=lambda m: m.start)
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    for m in mentions:
        assert text[m.start:m.end] == m.surface
    return [(m.surface, m.entity) for m in mentions]


def surfaces(recogniser: EntityRecognizer, text: str) -> list[str]:
    return [s for s, _ in found(recogniser, text)]


# -- gazetteer matching ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("抖音电商罗盘是一款数据工具", [("抖音电商罗盘", "抖音电商罗盘")]),
        ("抖音电商发布新规", [("抖音电商", "抖音电商")]),
        ("淘宝直播的总成交额", [("淘宝直播", "淘宝直播")]),
        ("北京字节跳动董事长", [("北京字节跳动", "字节跳动")]),
        ("本文来自腾讯科技", [("腾讯科技", "腾讯科技")]),
        ("他的小米电视", [("小米电视", "小米电视")]),
        ("进入湖南广电7年", [("湖南广电", "湖南广电")]),
        ("阿里巴巴和阿里", [("阿里巴巴", "阿里巴巴"), ("阿里", "阿里巴巴")]),
        ("字节电商初步目标", [("字节", "字节跳动")]),
        ("一位快手电商人士", [("快手", "快手")]),
        ("其中亚马逊占美国所有电商", [("亚马逊", "亚马逊"), ("美国", "美国")]),
    ],
)
def test_entities_leftmost_longest(recogniser: EntityRecognizer, text: str,
                                   expected: list[tuple[str, str]]) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("海外版TikTok上线", [("TikTok", "TikTok")]),
        ("Tik Tok和TIKTOK", [("Tik Tok", "TikTok"), ("TIKTOK", "TikTok")]),
        ("ＴｉｋＴｏｋ与Ｔｉｋ Ｔｏｋ", [("ＴｉｋＴｏｋ", "TikTok"), ("Ｔｉｋ Ｔｏｋ", "TikTok")]),
        ("与Google合作", [("Google", "Google")]),
        ("Googled it", []),  # not inside a longer Latin word
        ("用MyShopify的人", []),
        ("Square x TikTok新服务", [("Square", "Square"), ("TikTok", "TikTok")]),
        ("google合作", [("google", "Google")]),  # a brand in lower case amid Chinese is the brand
        ("the google doc", []),  # in English prose a case-sensitive name keeps its case
        ("騰訊與阿里巴巴", [("騰訊", "腾讯"), ("阿里巴巴", "阿里巴巴")]),
        # an image credit in capitals, before a line that opens with a digit, is still the site
        ("图源:pexels\n显然", [("pexels", "Pexels")]),
    ],
)
def test_entities_latin_boundaries_case_and_width(recogniser: EntityRecognizer, text: str,
                                                  expected: list[tuple[str, str]]) -> None:
    assert found(recogniser, text) == expected


def test_a_name_found_in_capitals_is_the_known_brand(recogniser: EntityRecognizer) -> None:
    """The model reads 图源:UNSPLASH before a line opening with a digit, where the gazetteer's
    any-case match stands back: it is still Unsplash, not a second entity."""
    assert recogniser._link("UNSPLASH", EntityType.PRODUCT) == ("Unsplash", EntityType.ORG)
    assert recogniser._link("tiktok", EntityType.ORG) == ("TikTok", EntityType.PRODUCT)
    assert recogniser._link("Unsplashed", EntityType.ORG) == ("Unsplashed", EntityType.ORG)


def test_entities_fold_keeps_length() -> None:
    text = "Ｔｉｋ　Ｔｏｋ與騰訊·😀𠀀"
    assert len(matching_form(text)) == len(text)
    assert matching_form("Ｔｉｋ Ｔｏｋ") == "Tik Tok"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("罗永浩曾试图用他的智能手机业务挑战苹果。", ["罗永浩", "苹果"]),
        ("阿里、腾讯、苹果都在布局。", ["阿里", "腾讯", "苹果"]),
        ("他早上吃了一个苹果，苹果很甜。", []),
        ("苹果在第四季度重夺市场第一的宝座，季度市场份额达到25%。", ["苹果"]),
        ("今年苹果出口量增长，果农收入提高。", []),
        ("今年美的的营收超过3000亿元，美的集团表示。", ["美的", "美的集团"]),
        ("这是一个完美的结局。", []),
        ("这一举措得到了小米创始人雷军的支持。", ["小米", "雷军"]),
        ("从长远来看，其中国内市场增长最快。", []),
        ("联想到这些，他很感慨。", []),
        # a Latin name the article confirms once is that name wherever it stands alone in it
        ("ESPN/ABC转播了超级碗。当时，让ABC获得了1.62亿美元的广告收入。", ["ESPN", "ABC", "ABC"]),
        ("ABC三个字母。让ABC获得了收入。", []),  # never confirmed
        ("他早上吃了一个苹果。苹果的季度市场份额达到25%。", ["苹果"]),  # Chinese: each on its own
        # China Post among couriers; the post as a public service is no company
        ("邮政去年揽件量下降70%左右，单量转移到了极兔等新玩家手中。", ["邮政", "极兔"]),
        ("邮政编码和邮政储蓄是两回事。", []),
        # a name inside an idiom is a coincidence
        ("在问诊方面，二者也是大同小异。大同市的煤炭产量下降。", ["大同市"]),
    ],
)
def test_entities_ambiguous_names_need_context(recogniser: EntityRecognizer, text: str,
                                               expected: list[str]) -> None:
    assert surfaces(recogniser, text) == expected


# -- unknown names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("文 | 房宫一柳", "房宫一柳"),
        ("编辑 | 黄俊杰", "黄俊杰"),
        ("责任编辑：王晓", "王晓"),
        ("（腾讯科技审校/金鹿）", "金鹿"),
        ("原标题《拼多多的下一步》，作者：吴俊宇", "吴俊宇"),
        ("红杉中国合伙人周逵认为，消费仍有机会。", "周逵"),
        ("美团到店事业群总裁张川已离职。", "张川"),
        ("请来有经验的主播毛毛，毛毛后期又带了四位主播。", "毛毛"),
        ("比如黄周（音译），她开设了店铺。", "黄周"),
        ("店匠科技创始人兼CEO李俊峰表示，融资将用于研发。", "李俊峰"),
        ("王莆中将兼任闪购负责人。王莆中此前表示看好即时零售。", "王莆中"),
        ("“湘野红姐”龚红玉在抖音积累了粉丝。", "龚红玉"),
        ("董事总经理肖恩·杨表示，平台流量很大。", "肖恩·杨"),
        ("由安迪·贾西接任。", "安迪·贾西"),
        # a surname and a form of address is how the article names someone: the annotators of
        # every dev set mark 丁老师, 蓝总 and 李师傅 as people
        ("王先生表示，他不太看好。", "王先生"),
        ("张总说这事不急。", "张总"),
    ],
)
def test_entities_rules_find_people(recogniser: EntityRecognizer, text: str, name: str) -> None:
    mentions = recogniser.recognise(text)
    people = [text[m.start:m.end] for m in mentions if m.type is EntityType.PERSON]
    assert name in people


@pytest.mark.parametrize(
    "text",
    [
        "大家都明白这个道理，东西好才能卖得好。",
        "高管们解释说，该公司打算复制其成功模式。",
        "网红向粉丝兜售产品。",
        "不是所有网红都能成为带货主播。",
        "简单地说，抖音要做的就是推荐。",
        "图：视觉中国",
        "编辑导语：跨境电商是一门好生意吗？",
        "一位快手电商人士告诉记者，主播和用户的粘性很强。",
        "这个市场的交易集中在少数主播，这不是一个长尾市场。",
        "决心要做兴趣电商的抖音又进行了新一轮的更新。",
        "抖音坐拥超6亿DAU，GMV增长很快，KOL和APP都很重要。",
    ],
)
def test_entities_rules_leave_common_words_alone(recogniser: EntityRecognizer, text: str) -> None:
    people = [m.surface for m in recogniser.recognise(text) if m.type is EntityType.PERSON]
    assert people == []
    assert not {"兴趣电商", "DAU", "GMV", "KOL", "APP", "长尾", "东西", "明白"} & set(
        surfaces(recogniser, text)
    )


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("Blue Lotus Capital Advisors董事总经理", "Blue Lotus Capital Advisors", EntityType.ORG),
        ("总部位于上海的市场研究公司AgencyChina的高级分析师", "AgencyChina", EntityType.ORG),
        ("市场研究机构Counterpoint的数据显示", "Counterpoint", EntityType.ORG),
        ("今日头条出海产品Buzzly已下线", "Buzzly", EntityType.PRODUCT),
        ("华兴资本创始人包凡", "华兴资本", EntityType.ORG),
    ],
)
def test_entities_rules_find_organisations(recogniser: EntityRecognizer, text: str, name: str,
                                           etype: EntityType) -> None:
    mentions = {m.surface: m.type for m in recogniser.recognise(text)}
    assert mentions.get(name) is etype


@pytest.mark.parametrize(
    "text",
    [
        "人工智能（AI）领域的编码天才",
        "商家自播（Field）、达人矩阵（Alliance）",
        "跨境电商、To B以及LKP（办公硬件套装）",
        "出现了很多shopping mall、精品店",
        "题图来自Unsplash，基于CC0协议",
        "就像Z世代版的电视购物",
    ],
)
def test_entities_rules_skip_latin_words_without_evidence(recogniser: EntityRecognizer,
                                                           text: str) -> None:
    latin = [m.surface for m in recogniser.recognise(text) if m.surface.isascii()]
    assert latin in ([], ["Unsplash"])


# -- linking ---------------------------------------------------------------------------------


def test_entities_gloss_counts_twice_and_links(recogniser: EntityRecognizer) -> None:
    text = "Blue Lotus Capital Advisors董事总经理肖恩·杨(Shawn Yang)表示。后来Shawn Yang又说。"
    pairs = found(recogniser, text)
    assert pairs.count(("Shawn Yang", "肖恩·杨")) == 2
    assert ("肖恩·杨", "肖恩·杨") in pairs


def test_entities_gloss_links_latin_nickname_to_known_person(recogniser: EntityRecognizer) -> None:
    text = "国际化产品负责人康泽宇（Bob）调任电商事业部。康此前负责国际化产品。"
    assert found(recogniser, text) == [("康泽宇", "康泽宇"), ("Bob", "康泽宇"), ("康", "康泽宇")]


@pytest.mark.parametrize(
    "text",
    [
        "Bob调任电商事业部。",  # no article has said who Bob is
        "康此前负责国际化产品。",  # no 康 named before
        "康泽宇和康辉都来了。康此前负责产品。",  # two people called 康: do not guess
    ],
)
def test_entities_bare_aliases_need_the_article(recogniser: EntityRecognizer, text: str) -> None:
    assert ("Bob", "康泽宇") not in found(recogniser, text)
    assert ("康", "康泽宇") not in found(recogniser, text)


def test_entities_surname_alias_only_after_the_full_name(recogniser: EntityRecognizer) -> None:
    text = "康此前负责产品。康泽宇调任电商部。康此前负责国际化。"
    pairs = found(recogniser, text)
    assert pairs.count(("康", "康泽宇")) == 1
    assert text.index("康此前负责国际化") in [m.start for m in recogniser.recognise(text)]


def test_entities_quoted_nickname_is_an_alias(recogniser: EntityRecognizer) -> None:
    text = "做美食博主的“湘野红姐”龚红玉体会很深，龚红玉在抖音积累了粉丝。"
    assert ("湘野红姐", "龚红玉") in found(recogniser, text)


def test_entities_accepted_name_found_everywhere_in_the_article(recogniser: EntityRecognizer) -> None:
    text = "比如黄周（音译），她开了店。黄周和其他卖家接受了培训，黄周就是其中之一。"
    assert [s for s, e in found(recogniser, text) if e == "黄周"] == ["黄周"] * 3


def test_entities_entity_lookup(recogniser: EntityRecognizer) -> None:
    recogniser.recognise("比如黄周（音译），她开了店。")
    assert recogniser.entity("字节跳动").description
    discovered = recogniser.entity("黄周")
    assert discovered is not None and discovered.type is EntityType.PERSON
    assert discovered.description == ""
    assert recogniser.entity("不存在的名字") is None


def test_entities_empty_text(recogniser: EntityRecognizer) -> None:
    assert recogniser.recognise("") == ()


def test_entities_mentions_are_mentions(recogniser: EntityRecognizer) -> None:
    (m,) = recogniser.recognise("阿里巴巴")
    assert isinstance(m, Mention) and m.type is EntityType.ORG


def test_entities_recognise_is_fast_once_jieba_is_loaded(recogniser: EntityRecognizer) -> None:
    text = "字节跳动雇佣了数千名新员工，并拉来雷军、罗永浩等知名人物直播带货。" * 200
    recogniser.recognise("预热")
    start = time.perf_counter()
    recogniser.recognise(text)
    assert time.perf_counter() - start < 1.0


# -- rules for news the gazetteer does not know (tests/data/unseen_entities) -----------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("某车企董事长魏建明在发布会上表示，降价是正常促销。", "魏建明"),  # 建明: a word, an office before
        ("主管合伙人汪建国预计，募资额将回升。", "汪建国"),
        ("文｜陈思源编辑｜宋琦\n正文", "宋琦"),  # the cleaner joined the byline
        ("第一财经记者钱童音\n调研机构", "钱童音"),
        ("21世纪经济报道记者林小晓上海报道\n正文", "林小晓"),
        ("创始人张红朝、张红莆兄弟跻身富豪榜。", "张红莆"),
        ("这家公司的CEO韩鎏星表示，将继续投入。", "韩鎏星"),
        ("华为云人士汤道明表示，行业客户看重安全。", "汤道明"),  # 道 inside a given name
    ],
)
def test_entities_rules_find_people_in_news(recogniser: EntityRecognizer, text: str,
                                            name: str) -> None:
    people = [m.surface for m in recogniser.recognise(text) if m.type is EntityType.PERSON]
    assert name in people


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("京东集团CEO许冉则负责日常经营。", "许冉则"),  # 则 is the conjunction
        ("荣耀CEO赵明因个人原因辞职。", "赵明因"),
        ("他在内部信中表示，要继续投入。", "信中"),
        ("红杉中国合伙人周逵认为，消费仍有机会。", "周逵认"),
        ("蒋凡将重新进入集团合伙人委员会。", "进入集团"),
        ("一位头部基金分析师说，估值偏高。", "头部基金"),
        ("一家公司科技创始人说，估值偏高。", "公司科技"),
        ("记者了解到，该公司正在裁员。", "了解到"),
    ],
)
def test_entities_rules_never_glue_words_onto_names(recogniser: EntityRecognizer, text: str,
                                                    bad: str) -> None:
    assert bad not in surfaces(recogniser, text)


def test_entities_registered_company_links_its_short_name(recogniser: EntityRecognizer) -> None:
    text = "北京星衍动力科技有限公司完成融资。星衍动力的机器人参加了马拉松。"
    found_ = found(recogniser, text)
    assert ("北京星衍动力科技有限公司", "星衍动力") in found_
    assert ("星衍动力", "星衍动力") in found_


def test_entities_registered_company_without_short_name(recogniser: EntityRecognizer) -> None:
    text = "他的公司深圳市拓川电子商务有限公司今年裁员一半。"
    assert ("深圳市拓川电子商务有限公司", "深圳市拓川电子商务有限公司") in found(recogniser, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("自动驾驶公司希迪智驾等也在冲刺港股。", "希迪智驾"),
        ("一家名为深言科技的初创公司推出模型，深言科技CEO王磊表示看好。", "深言科技"),
    ],
)
def test_entities_rules_find_orgs_in_news(recogniser: EntityRecognizer, text: str,
                                          name: str) -> None:
    orgs = [m.surface for m in recogniser.recognise(text) if m.type is EntityType.ORG]
    assert name in orgs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这是理想的状态。", []),
        ("早餐喝了一碗小米粥。", []),
        ("过年时长辈给孩子包了金元宝。", []),
        ("他对这件事津津乐道。", []),
        ("被DeepSeek和豆包超越", ["DeepSeek", "豆包"]),
        ("腾讯元宝接入微信，用户可以直接调用元宝搜索。", ["腾讯元宝", "微信", "元宝"]),
        ("小米集团董事长雷军表示，小米汽车交付提速。", ["小米集团", "雷军", "小米汽车"]),
    ],
)
def test_entities_new_short_aliases_need_context(recogniser: EntityRecognizer, text: str,
                                                 expected: list[str]) -> None:
    assert surfaces(recogniser, text) == expected


@pytest.mark.parametrize(
    ("text", "places", "not_places"),
    [
        ("世茂服务收购了成都信谊物业、西安方瑞物业等公司，总部在北京。", ["北京"], ["成都", "西安"]),
        ("此前，北京冠城酒店物业、浙大新宇也被收购。", [], ["北京"]),
        ("中国互联网公司纷纷出海，广州的工厂也在扩张。", ["中国", "广州"], []),
    ],
)
def test_entities_a_city_heading_an_unread_company_name_is_not_a_place(
    recogniser: EntityRecognizer, text: str, places: list[str], not_places: list[str]
) -> None:
    """Issue 13, point 5: 成都 in 成都信谊物业 is part of the company's name."""
    got = {m.surface for m in recogniser.recognise(text) if m.type is EntityType.PLACE}
    assert set(places) <= got and not (set(not_places) & got)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("昨日晚间，B 站公布第三季度财报。", {"B 站": "哔哩哔哩"}),
        ("QQ 音乐和 58 同城的用户都在增长。", {"QQ 音乐": "QQ音乐", "58 同城": "58同城"}),
        # and a joint venture's dash between spaces
        ("一汽 - 大众以 -132 万的积分缺口位居第三。", {"一汽 - 大众": "一汽-大众"}),
    ],
)
def test_entities_a_name_typeset_with_spaces_between_scripts(recogniser: EntityRecognizer, text: str, names: dict[str, str]) -> None:
    found = {m.surface: m.entity for m in recogniser.recognise(text)}
    assert {s: found.get(s) for s in names} == names


def test_the_regions_of_china_and_of_the_world_are_places() -> None:
    text = "Shake Shack已完成包括华东、华北、华南、西南及华中在内的布局，欧美国家的门店更多，亚太地区排名第一。"
    mentions = EntityRecognizer(Gazetteer.load()).recognise(text)
    places = {m.surface: m.entity for m in mentions if m.type is EntityType.PLACE}
    assert places == {
        "华东": "华东", "华北": "华北", "华南": "华南", "西南": "西南", "华中": "华中", "欧美": "欧美", "亚太地区": "亚太",
    }


def test_a_companys_business_lines_are_names_of_their_own(recogniser: EntityRecognizer) -> None:
    """有赞新零售, 有赞微商城, 有赞连锁: a known company and a business line make a new name, with
    every occurrence (有赞 inside them is no mention of the company)."""
    text = "有赞公司公布财报，有赞新零售的商家会员达到3138万，有赞微商城贡献2.63亿元，有赞连锁也在增长。"
    assert [entity for _surface, entity in found(recogniser, text)] == ["有赞", "有赞新零售", "有赞微商城", "有赞连锁"]


def test_a_ministry_before_men_is_a_department(recogniser: EntityRecognizer) -> None:
    text = "教育部门员工并未被全部裁掉。教育部发布了新规。"
    assert found(recogniser, text) == [("教育部", "教育部")]


def test_every_prefecture_level_city_is_a_place_and_a_common_word_is_not_one() -> None:
    text = "邯郸下属县城邮政去年揽件量下降70%左右，恩施土家族苗族自治州和六盘水也是如此。哈密瓜和白银价格上涨，日照充足。"
    mentions = EntityRecognizer(Gazetteer.load()).recognise(text)
    places = {m.surface: m.entity for m in mentions if m.type is EntityType.PLACE}
    assert places == {"邯郸": "邯郸", "恩施土家族苗族自治州": "恩施", "六盘水": "六盘水"}


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("199IT大数据导航新版上线，目前收录超4000款数据工具。", "199IT", EntityType.ORG),  # a data site
        ("不过而今滴滴顺风车卷土重来，嘀嗒出行面临新的市场挑战。", "滴滴顺风车", EntityType.ORG),  # a business line
        ("2021年5月，有赞COO兼联席总裁浣昉在见面会上表示。", "浣昉", EntityType.PERSON),  # a rare surname
    ],
)
def test_names_of_outlets_business_lines_and_rare_surnames(recogniser: EntityRecognizer, text: str, name: str, etype: EntityType) -> None:
    assert (name, etype) in {(m.entity, m.type) for m in recogniser.recognise(text)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an apostrophe joins the letters of one name: no Dell (戴尔) in Dell’Oro, no Oro Group
        ("Dell’Oro Group：2020年Q4全球整体电信基础设施市场同比增长了7%。Dell’Oro Group表示。", ["Dell’Oro Group", "Dell’Oro Group"]),
        ("去年7月，粉红汉堡Charlie’s获得了一笔战略投资。Charlie’s表示。", ["Charlie’s", "Charlie’s"]),
        ("Dell的营收增长。", ["Dell"]),  # the gazetteer's Dell still stands alone
    ],
)
def test_a_latin_name_with_an_apostrophe_is_one_name(recogniser: EntityRecognizer, text: str, names: list[str]) -> None:
    assert [m.surface for m in recogniser.recognise(text)] == names
