"""A share the article writes as a sentence is labelled with its part and its whole (issue 14,
point 2): 原材料成本分别占其总成本的77% is 原材料成本占总成本, not the bare 占比 that says neither.
The sentences are from real posts (招股书 reads, market pieces, results)."""

from __future__ import annotations

import re

import pytest

from reader.analysis.figures import extract_figures


def _labels(text: str) -> dict[str, str | None]:
    return {f.surface: f.label for f in extract_figures(text)}


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("2019年~2021年，原材料成本分别占其总成本的77%、76.1%及84.2%。", "84.2%", "原材料成本占总成本"),
        ("2014年，低温奶消费占饮用奶市场的8.3%。", "8.3%", "低温奶消费占饮用奶市场"),
        ("根据最新数据，常温奶的销售额占全国液态奶市场的70%以上。", "70%", "常温奶的销售额占全国液态奶市场"),
        ("在美国，体育产业在GDP的占比达2.93%，是实打实的支柱性产业。", "2.93%", "体育产业占GDP"),
        ("大众集团表示，其一季度纯电汽车交付量占总交付量的5.2%。", "5.2%", "纯电汽车交付量占总交付量"),
        ("中国卖家约占亚马逊卖家总量的40%。", "40%", "中国卖家占亚马逊卖家总量"),
        ("研发费用占营收比重为16.8%。", "16.8%", "研发费用占营收比重"),  # the word it compares by, as written
        # in an aside: the aside's own clause
        ("面对中国这个市场（中国卖家约占亚马逊卖家总量的40%），Shopify为何让卖家陷入困境。", "40%", "中国卖家占亚马逊卖家总量"),
        # 占比 with its whole after it, the part in the clause before
        ("其中，北美付费商家约111万，占比全球总商家的83%。", "83%", "北美付费商家占全球总商家"),
        ("社交媒体广告占在线广告市场的比重将由2020年的18.2%提升至2025年的26.1%。", "18.2%", "社交媒体广告占在线广告市场比重"),
    ],
)
def test_a_share_is_labelled_with_what_takes_it_of_what(text: str, surface: str, label: str) -> None:
    assert _labels(text)[surface] == label


def test_the_part_named_before_the_clause_is_what_takes_the_share() -> None:
    # the amounts' label, or a clause that is only the noun phrase
    listed = _labels("来自前五大客户的收入分别约为13.98亿元、23.52亿元及56.47亿元，分别占同期总收入的80.7%、83.2%及82.9%。")
    assert listed["82.9%"] == "收入占总收入"
    topic = _labels("2018年至2020年，来自前五大客户的综合收入，约分别占公司总收入的38.8%、29.3%、42.1%。")
    assert topic["38.8%"] == "来自前五大客户的综合收入占公司总收入"


def test_a_share_the_one_before_rose_to_keeps_its_label() -> None:
    labels = _labels("2014年，低温奶消费占饮用奶市场的8.3%，2019年，已提升至13.2%。")
    assert labels["13.2%"] == "低温奶消费占饮用奶市场"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("快手的收入结构中，直播打赏占到了90%以上。", "90%"),  # no whole: 占比 still says it
        ("与手机淘宝相比淘特独占会员DAU已经接近50%。", "50%"),  # 独占 is no share of a whole
        ("它增长很快，分别占同期总收入的80.7%。", "80.7%"),  # no noun phrase names the part
        ("有赞来自快手渠道的GMV占比已从最高时的80%下降。", "80%"),  # 占比 then a verb: no whole after it
    ],
)
def test_no_part_or_no_whole_makes_no_part_of_whole_label(text: str, surface: str) -> None:
    assert re.fullmatch(r".+占.+", _labels(text)[surface] or "") is None


def test_a_forecast_and_a_place_before_the_part_are_not_its_name() -> None:
    from reader.analysis.model import EntityType, Mention

    text = "据外媒对2020年电商销售的估算，预计美国在线支出占全年零售总额的21.3%。中国卖家约占亚马逊卖家总量的40%。"
    places = [Mention(at, at + 2, text[at : at + 2], EntityType.PLACE, text[at : at + 2]) for at in (text.find("美国"), text.find("中国"))]
    assert {f.surface: f.label for f in extract_figures(text, places)} == {
        "21.3%": "在线支出占零售总额",
        "40%": "中国卖家占亚马逊卖家总量",  # whom it counts: the place stays
    }
