"""The rules driver: its table runs every rule, in order, and its two alias rules link a gloss
or a nickname to a name already resolved."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest

from reader.analysis import rules_acts, rules_latin, rules_orgs, rules_people
from reader.analysis.model import EntityType
from reader.analysis.rules import _RULES, Rules

PER, ORG = EntityType.PERSON, EntityType.ORG


def test_rules_table_lists_every_rule_once() -> None:
    written = [
        f
        for module in (rules_people, rules_orgs, rules_latin, rules_acts)
        for name, f in vars(module).items()
        if inspect.isfunction(f) and f.__module__ == module.__name__ and not name.startswith("_")
    ]
    assert sorted(f.__name__ for f in _RULES) == sorted(f.__name__ for f in written)
    assert len(set(_RULES)) == len(_RULES)


def test_rules_candidates_run_the_table_in_order_around_known_names(
    rules: Rules, hand_tokens: Callable
) -> None:
    text, tokens = hand_tokens("文 | 房宫一柳\n", "研究", "公司", "AgencyChina", "表示，", "腾讯", "科技")
    known = [(text.index("腾讯科技"), text.index("腾讯科技") + 4)]
    found = [(text[c.start:c.end], c.rule) for c in rules.candidates(text, tokens, known, set().__contains__)]
    # byline first, then the Latin descriptor and repeat; 腾讯科技 is known: no org-suffix guess
    assert found == [("房宫一柳", "byline"), ("AgencyChina", "descriptor"), ("AgencyChina", "latin-repeat")]


@pytest.mark.parametrize(
    ("text", "name", "links"),
    [
        ("肖恩·杨(Shawn Yang)表示", "肖恩·杨", [("Shawn Yang", "肖恩·杨")]),
        ("康泽宇（Bob）说", "康泽宇", [("Bob", "康泽宇")]),
        ("康泽宇（CEO）说", "康泽宇", []),  # an abbreviation, not a name
        ("康泽宇（The）说", "康泽宇", []),  # a common English word
        ("康泽宇说(Bob)", "康泽宇", []),  # the gloss must follow the name
    ],
)
def test_rules_glosses(rules: Rules, text: str, name: str, links: list) -> None:
    at = text.index(name)
    found = rules.glosses(text, [(at, at + len(name), name, PER)])
    assert [(text[k.start:k.end], k.target) for k in found] == links
    assert all(text[k.start:k.end] == k.alias for k in found)


@pytest.mark.parametrize(
    ("text", "name", "etype", "links"),
    [
        ("“湘野红姐”龚红玉说", "龚红玉", PER, [("湘野红姐", "龚红玉")]),
        ("“湘野红姐”龚红玉说", "龚红玉", ORG, []),  # only a person has a nickname
        ("“湘野红姐”，龚红玉说", "龚红玉", PER, []),  # the quote must touch the name
    ],
)
def test_rules_nicknames(rules: Rules, text: str, name: str, etype: EntityType, links: list) -> None:
    at = text.index(name)
    found = rules.nicknames(text, [(at, at + len(name), name, etype)])
    assert [(text[k.start:k.end], k.target) for k in found] == links
