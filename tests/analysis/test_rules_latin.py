"""The rules for names in Latin letters one at a time: what each finds, and where its cue is not
enough."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import rules_latin
from reader.analysis.model import EntityType
from reader.analysis.rule_scan import STRONG, WEAK

ORG, PRODUCT = EntityType.ORG, EntityType.PRODUCT
RunRule = Callable[..., list[tuple]]  # the run_rule fixture


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("投资方包括Blue Lotus Capital Advisors。", [("Blue Lotus Capital Advisors", ORG, "latin-org", STRONG)]),
        ("美国的Home Shopping Network", [("Home Shopping Network", ORG, "latin-org", STRONG)]),
        ("他说Capital很重要", []),  # an organisation word alone names nothing
        ("Blue Lotus Capitalism", []),  # the word must end there
    ],
)
def test_rules_latin_org(run_rule: RunRule, text: str, found: list) -> None:
    assert run_rule(rules_latin.latin_org, (text,)) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("研究公司AgencyChina表示", [("AgencyChina", ORG, "descriptor", STRONG)]),
        ("Helo应用", [("Helo", PRODUCT, "descriptor", STRONG)]),
        ("Grubhub创始人表示", [("Grubhub", ORG, "employer", STRONG)]),  # a title after: its employer
        ("Grubhub发布新功能", []),  # nothing says what it is
        ("Online平台", []),  # a common English word
        ("Ab公司", []),  # too short
    ],
)
def test_rules_latin_descriptor(run_rule: RunRule, text: str, found: list) -> None:
    assert run_rule(rules_latin.latin_descriptor, (text,)) == found


@pytest.mark.parametrize(
    ("text", "title", "found"),
    [
        ("BitTiger成立于2014年，BitTiger的课程", "", [("BitTiger", ORG, "latin-repeat", WEAK)] * 2),
        ("ShowMeBug获融资", "「ShowMeBug」获融资", [("ShowMeBug", ORG, "latin-repeat", STRONG)]),
        ("Grubhub上线", "", [("Grubhub", ORG, "latin-repeat", WEAK)]),  # once: not enough alone
        ("SaaS和SaaS", "", []),  # a term written like an acronym
        ("Online和Online", "", []),  # a common English word
    ],
)
def test_rules_latin_repeated(run_rule: RunRule, text: str, title: str, found: list) -> None:
    assert run_rule(rules_latin.latin_repeated, (text,), title=title) == found
