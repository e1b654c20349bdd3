"""The gazetteer data and its loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.entities import EntityRecognizer
from reader.analysis.gazetteer import Gazetteer, GazetteerError, parse_line
from reader.analysis.model import EntityType


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_gazetteer_is_broad(gazetteer: Gazetteer) -> None:
    counts = {t: sum(1 for e in gazetteer.entities if e.type is t) for t in EntityType}
    assert len(gazetteer) >= 500
    assert counts[EntityType.PLACE] >= 130  # provinces, cities, countries, regions
    assert counts[EntityType.PERSON] >= 80
    assert all(e.description for e in gazetteer.entities)


@pytest.mark.parametrize(
    ("surface", "name", "etype"),
    [
        ("阿里", "阿里巴巴", EntityType.ORG),
        ("字节", "字节跳动", EntityType.ORG),
        ("Tik Tok", "TikTok", EntityType.PRODUCT),
        ("B站", "哔哩哔哩", EntityType.ORG),
        ("李佳琪", "李佳琦", EntityType.PERSON),
        ("湖南", "湖南", EntityType.PLACE),
        ("广东省", "广东", EntityType.PLACE),
        ("新加坡", "新加坡", EntityType.PLACE),
        ("红杉中国", "红杉中国", EntityType.ORG),
        ("晚点LatePost", "晚点LatePost", EntityType.ORG),
        # the files added for issue 13's fifth and sixth rounds: finance, commerce, media, apps, cars
        ("人保财险", "人保财险", EntityType.ORG),
        ("惠民保", "惠民保", EntityType.PRODUCT),
        ("盒马鲜生", "盒马", EntityType.PRODUCT),
        ("天鹅到家", "天鹅到家", EntityType.ORG),
        ("增长黑盒", "增长黑盒", EntityType.ORG),
        ("三国杀", "三国杀", EntityType.PRODUCT),
        ("宏光MINI EV", "宏光MINI EV", EntityType.PRODUCT),
        # smaller car makers, low-speed EVs made road-legal among them
        ("雷丁汽车", "雷丁汽车", EntityType.ORG),
        ("江淮思皓", "思皓", EntityType.ORG),
        ("恒驰汽车", "恒驰", EntityType.ORG),
        ("万达影城", "万达电影", EntityType.ORG),  # a company's cinemas, by their own name
        ("京东PLUS会员", "京东PLUS", EntityType.PRODUCT),
        ("挑战者资本", "挑战者资本", EntityType.ORG),
        # the developers of the top-100 lists property news ranks
        ("瑞安房地产", "瑞安房地产", EntityType.ORG),
        ("弘阳地产", "弘阳地产", EntityType.ORG),
        ("金茂", "中国金茂", EntityType.ORG),
    ],
)
def test_gazetteer_get_resolves_aliases(gazetteer: Gazetteer, surface: str, name: str,
                                        etype: EntityType) -> None:
    entity = gazetteer.get(surface)
    assert entity is not None and entity.name == name and entity.type is etype


def test_gazetteer_every_province_level_division(gazetteer: Gazetteer) -> None:
    provinces = "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
    for name in provinces.split():
        assert gazetteer.get(name) is not None, name


def test_gazetteer_marks_common_words_ambiguous(gazetteer: Gazetteer) -> None:
    assert "苹果" in gazetteer.entry("苹果").ambiguous
    assert "Apple" not in gazetteer.entry("苹果").ambiguous
    assert "美的" in gazetteer.entry("美的").ambiguous
    assert "蓝光" in gazetteer.entry("蓝光发展").ambiguous  # blue light, before it is a developer


def test_newsrooms_and_research_firms_are_known_as_reporters(gazetteer: Gazetteer) -> None:
    reporters = gazetteer.reporters()
    assert {"36氪", "艾瑞咨询", "QuestMobile", "NCBD"} <= reporters
    assert not {"阿里巴巴", "CBS", "微信"} & reporters  # companies and broadcasters report their own
    assert parse_line("某某研究\torg\t\treports\t研究机构", "x").reports


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("阿里巴巴\torg\t阿\t\t中国公司", "too short"),
        ("阿里巴巴\tcompany\t\t\t中国公司", "unknown type"),
        ("阿里巴巴\torg\t\tfuzzy\t中国公司", "unknown flag"),
        ("阿里巴巴\torg", "5 tab-separated"),
        ("苹果\torg\tApple\tambiguous=橘子\t公司", "not names of"),
    ],
)
def test_gazetteer_rejects_bad_lines(line: str, message: str) -> None:
    with pytest.raises(GazetteerError, match=message):
        parse_line(line, "test.tsv:1")


def test_gazetteer_rejects_a_surface_shared_by_two_entities(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text(
        "阿里巴巴\torg\t阿里\t\t公司\n阿里云\torg\t阿里\t\t云\n", encoding="utf-8"
    )
    with pytest.raises(GazetteerError, match="阿里"):
        Gazetteer.load(tmp_path)


def test_gazetteer_parses_flags() -> None:
    e = parse_line("苹果\torg\tApple|苹果公司\tci;ambiguous=苹果;context=iPhone|库克\t美国公司", "x")
    assert e is not None
    assert e.case_insensitive and e.ambiguous == {"苹果"} and e.context == ("iPhone", "库克")
    assert e.surfaces == ("苹果", "Apple", "苹果公司")
    assert parse_line("# comment", "x") is None and parse_line("   ", "x") is None


def test_china_mobile_needs_context_in_mobile_internet_prose() -> None:
    recogniser = EntityRecognizer(Gazetteer.load())
    plain = "2016年中国移动网民数已达6.8亿，中国移动互联网用户增长放缓。"
    assert "中国移动" not in {m.surface for m in recogniser.recognise(plain)}
    carrier = "中国移动与中国联通、中国电信三家运营商的5G基站数量继续增长。"
    assert "中国移动" in {m.surface for m in recogniser.recognise(carrier)}


def test_central_and_eastern_europe_is_not_the_middle_east() -> None:
    text = "中东欧 (CEE) 和亚太地区的降幅最大。"
    found = {(m.surface, m.entity) for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert ("中东欧", "中东欧") in found
    assert not any(entity == "中东" for _, entity in found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("▲图源:pinterest\n时至今日，快狗的盈利拐点仍未出现。", "pinterest"),  # a brand in lower case amid Chinese
        ("很多求职者在linkedin上找工作。", "linkedin"),  # mixed-case brand written plain
        ("She loves pinterest boards and apple pie.", None),  # English prose keeps its case
    ],
)
def test_a_latin_brand_written_in_another_case_amid_chinese(text: str, found: str | None) -> None:
    surfaces = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    if found is None:
        assert not {s.lower() for s in surfaces} & {"pinterest", "apple"}
    else:
        assert found in surfaces


def test_broadcasters_and_leagues_whose_rights_deals_business_news_reports_are_known() -> None:
    text = "NFL与CBS、NBC和ESPN续约，ESPN+也将直播；亚马逊的宝可梦卡牌和游戏王卡牌同样畅销。"
    found = {m.entity for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert {"NFL", "CBS", "NBC", "ESPN", "ESPN+", "宝可梦", "游戏王"} <= found
