"""The rule that knows a company by what it does, over hand-made tokens."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import rules_acts
from reader.analysis.model import EntityType
from reader.analysis.rule_scan import STRONG, WEAK

ORG = EntityType.ORG
RunRule = Callable[..., list[tuple]]  # the run_rule fixture


@pytest.mark.parametrize(
    ("parts", "dictionary", "found"),
    [
        # 精英|动漫, two ordinary nouns, own an IP and earn an income: written twice, a company
        (
            (("为", "p"), ("精英", "n"), ("动漫", "n"), ("旗下", "n"), "少儿动画IP。", ("精英", "n"), ("动漫", "n"), ("实现", "v"), "营业收入1.24亿元"),
            ("精英", "动漫"),
            [("精英动漫", ORG, "company-act", STRONG), ("精英动漫", ORG, "company-act", WEAK)],
        ),
        (("，", ("卡", "n"), ("淘", "v"), ("完成", "v"), "A轮亿元级融资。交易平台卡淘"), (), [("卡淘", ORG, "company-act", STRONG)]),
        (("，", ("卡", "n"), ("淘", "v"), ("完成", "v"), "A轮亿元级融资。"), (), []),  # written once
        ((("其", "r"), ("旗下", "n"), "品牌"), (), []),  # a pronoun
        ((("线上", "s"), ("业务", "n"), ("实现", "v"), "营收1亿元，线上业务"), ("业务",), []),  # a business line
        ((("集团", "n"), ("实现", "v"), "营收1亿元，集团"), ("集团",), []),  # a word jieba knows
    ],
)
def test_rules_company_acts(run_rule: RunRule, parts: tuple, dictionary: tuple, found: list) -> None:
    assert run_rule(rules_acts.company_acts, parts, dictionary=dictionary) == found
