"""Whose a figure is when places and the firms that report on them share its sentence: a region's
count in a bracket after it, a place that opens a clause of a ranking, a research firm behind a
report's long title. Cases from real posts on listings by city and on markets."""

from __future__ import annotations

import re

import pytest

from reader.analysis.figures import extract_figures
from reader.analysis.model import EntityType, Mention


def _mentions(text: str, orgs: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> list[Mention]:
    found = [
        Mention(m.start(), m.end(), name, kind, name)
        for names, kind in ((orgs, EntityType.ORG), (places, EntityType.PLACE))
        for name in names
        for m in re.finditer(re.escape(name), text)
    ]
    return sorted(found, key=lambda m: m.start)


def _subjects(text: str, orgs: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> dict[str, str | None]:
    return {f.surface: f.subject for f in extract_figures(text, _mentions(text, orgs, places))}


def test_a_count_in_a_bracket_is_the_place_the_bracket_follows() -> None:
    text = "其余29个省都有企业走向资本市场，广东（92家）、浙江（87家）、江苏（86家）排名前三。"
    subjects = _subjects(text, places=("广东", "浙江", "江苏"))
    assert (subjects["92家"], subjects["87家"], subjects["86家"]) == ("广东", "浙江", "江苏")


def test_a_figure_right_after_a_place_and_de_is_the_places() -> None:
    text = "我国餐饮的连锁化率从2018年的12.8%提升至15%，较美国的54.3%以及日本的49.7%相比，有着庞大的增长空间。"
    subjects = _subjects(text, places=("我国", "美国", "日本"))
    assert (subjects["54.3%"], subjects["49.7%"]) == ("美国", "日本")


def test_a_place_that_opens_a_clause_owns_the_figures_of_the_clauses_after_it() -> None:
    text = "上海以5家的差距紧随其后，有420家；深圳排名第三，388家，杭州第四，202家。"
    subjects = _subjects(text, places=("上海", "深圳", "杭州"))
    assert (subjects["420家"], subjects["388家"], subjects["202家"]) == ("上海", "深圳", "杭州")


def test_a_place_inside_a_clause_of_examples_does_not_own_the_clauses_after_it() -> None:
    text = "世茂服务收购了多家物业公司，包括广州粤泰、浙大新宇等，在管建面1.461亿平方米。"
    assert _subjects(text, orgs=("世茂服务",), places=("广州",))["1.461亿平方米"] == "世茂服务"


def test_a_research_firm_behind_a_reports_long_title_is_a_source_not_the_market() -> None:
    text = (
        "中商产业研究院发布的《中国食品行业市场前景及投资机会研究报告》显示，中国餐饮市场规模从2014年的"
        "2.9万亿增长至2019年的4.7万亿。由于疫情的影响，餐饮市场规模2020年下滑15.4%至4万亿。"
    )
    subjects = _subjects(text, orgs=("中商产业研究院",), places=("中国",))
    assert subjects["2.9万亿"] == subjects["4万亿"] == "中国"


def test_a_research_firm_that_forecasts_a_market_is_not_its_subject() -> None:
    text = "贝恩咨询公司也将自动驾驶汽车至2030年的市场份额预测，从2018年的30％，回调到4%-9%。"
    subjects = _subjects(text, orgs=("贝恩咨询",))
    assert subjects["30％"] is None and subjects["9%"] is None


def test_an_exchange_is_where_companies_list_not_whose_figures_they_are() -> None:
    text = "分板块来看，上海以290家居主板第一；北京则位居北交所第一名，共有15家。"
    subjects = _subjects(text, orgs=("北交所",), places=("上海", "北京"))
    assert subjects["290家"] == "上海"
    assert subjects["15家"] == "北京"  # the city that leads the clause, not the exchange


def test_a_count_of_a_places_companies_is_the_places() -> None:
    text = "去年10月，工信部公布第三批小巨人企业名单之后，浙江专精特新企业总数达到470家。到年底，北京上市公司数量达到425家。"
    subjects = _subjects(text, orgs=("工信部",), places=("浙江", "北京"))
    assert (subjects["470家"], subjects["425家"]) == ("浙江", "北京")


def test_a_share_of_a_places_companies_is_still_not_the_places() -> None:
    text = "2020年中国零售电商上市公司的市场份额合计为83.67%。"
    assert _subjects(text, places=("中国",))["83.67%"] is None


def test_a_pronoun_right_after_a_name_and_a_comma_is_that_name() -> None:
    text = "百度营收增长。行业前景广阔之外，云服务市场已经出现了首家盈利厂商——阿里云，其2020 Q4营收161亿元。"
    assert _subjects(text, orgs=("百度", "阿里云"))["161亿元"] == "阿里云"


def test_names_listed_in_an_aside_are_where_not_whose() -> None:
    text = "元气森林在微信私域（企业微信+服务号）的用户量已经超过20万。"
    subjects = {f.surface: f.subject for f in extract_figures(text, _mentions(text, orgs=("元气森林", "企业微信")))}
    assert subjects["20万"] == "元气森林"


def test_a_name_glossed_in_an_aside_is_still_the_subject() -> None:
    text = "马拉松数字控股公司（Marathon Digital Holdings）股价已将上涨800%。"
    assert _subjects(text, orgs=("Marathon Digital Holdings",))["800%"] == "Marathon Digital Holdings"


def test_a_figure_told_once_for_names_joined_before_it_is_the_first_ones() -> None:
    text = "负债率并不是越低越好。比如星巴克和麦当劳都有到100%以上的。阿里、腾讯和京东均增长20%。"
    subjects = _subjects(text, orgs=("星巴克", "麦当劳", "阿里", "腾讯", "京东"))
    assert (subjects["100%"], subjects["20%"]) == ("星巴克", "阿里")
    # each the same (分别 before one figure), or their sum (合计): under the first as well
    text = "家乐福和三江购物分别关店5家，占比均约10%。沃尔玛和家乐福合计关闭了17家门店，占比达35%。"
    subjects = _subjects(text, orgs=("家乐福", "三江购物", "沃尔玛"))
    assert [subjects[s] for s in ("5家", "10%", "17家", "35%")] == ["家乐福", "家乐福", "沃尔玛", "沃尔玛"]
    # joined in the figure's clause, nothing else said: theirs as well; not with others, not a list
    text = "小鹏汽车和蔚来汽车的月供货量超过1万辆。过去三年中，宁德时代和隆基股份上涨了780%。"
    subjects = _subjects(text, orgs=("小鹏汽车", "蔚来汽车", "宁德时代", "隆基股份"))
    assert (subjects["1万辆"], subjects["780%"]) == ("小鹏汽车", "宁德时代")
    text = "最近5年，碧桂园、金地都是占比在60%以上。抖音、快手等短视频平台的用户超过6亿。"
    subjects = _subjects(text, orgs=("碧桂园", "金地", "抖音", "快手"))
    assert (subjects["60%"], subjects["6亿"]) == ("碧桂园", None)


def test_a_name_the_figure_is_about_is_not_whose_it_is() -> None:
    text = "在小红书上，“i茅台”相关的笔记，已经超过1100篇。"
    assert _subjects(text, orgs=("小红书", "i茅台"))["1100篇"] == "小红书"


@pytest.mark.parametrize(
    "text",
    [
        "蜜雪冰城取消了距离保护。据报道，一个县城的经销商透露，之前可以做到年销售额50万元。",
        "极兔打出价格战，也让自己失血严重。下沉市场一加盟商一季度亏损50万元左右。",
    ],
)
def test_a_figure_someone_unnamed_tells_is_nobodys(text: str) -> None:
    assert _subjects(text, orgs=("蜜雪冰城", "极兔"))["50万元"] is None


def test_a_figure_an_insider_of_a_named_company_tells_is_still_the_companys() -> None:
    text = "一位邮政内部人士称，平均一个邮件需要2.5元。"
    assert _subjects(text, orgs=("邮政",))["2.5元"] == "邮政"


def test_an_exchange_named_throughout_a_piece_on_listings_is_not_what_it_is_about() -> None:
    text = "2021年北交所开板。北京凭借北交所的储备，总量超过上海。北京位居北交所第一名。\n全年营收达到5亿元。"
    assert _subjects(text, orgs=("北交所",), places=("北京", "上海"))["5亿元"] is None
