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
        # a stock code says it once; an adjective may be part of the name; a proper noun before
        # the code is the name, not the word before it
        ((("热景", "n"), ("生物", "n"), "（688068.SH）从盈利0.26亿元"), (), [("热景生物", ORG, "company-act", STRONG)]),
        ((("造假", "v"), ("的", "uj"), ("康美", "a"), ("药业", "n"), "（600518.SH）"), (), [("康美药业", ORG, "company-act", STRONG)]),
        ((("借壳", "n"), ("深深房", "nz"), "（000029.SZ）回归"), (), [("深深房", ORG, "company-act", STRONG)]),
        ((("公司", "n"), "（600000.SH）"), ("公司",), []),  # a word jieba knows
    ],
)
def test_rules_company_acts(run_rule: RunRule, parts: tuple, dictionary: tuple, found: list) -> None:
    assert run_rule(rules_acts.company_acts, parts, dictionary=dictionary) == found
