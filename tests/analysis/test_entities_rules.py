"""Name rules over hand-made tokens: the rules must not depend on where jieba's HMM happened
to cut an unknown name (joined to its verb, or split into single characters)."""

from __future__ import annotations

import pytest

from reader.analysis.model import EntityType
from reader.analysis.rule_words import RuleWords
from reader.analysis.rules import Rules
from reader.analysis.segment import Token

DICTIONARY = {"此前", "表示", "负责人", "粉丝", "技术", "支持", "每当"}


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules(RuleWords.load())


def tokens(*parts: str | tuple[str, str]) -> tuple[str, list[Token]]:
    out, pos = [], 0
    for part in parts:
        word, flag = part if isinstance(part, tuple) else (part, "x")
        out.append(Token(word, flag, pos, pos + len(word)))
        pos += len(word)
    return "".join(t.word for t in out), out


def people(rules: Rules, text: str, toks: list[Token]) -> list[str]:
    found = rules.candidates(text, toks, [], DICTIONARY.__contains__)
    return [text[c.start:c.end] for c in found if c.type is EntityType.PERSON]


@pytest.mark.parametrize(
    ("parts", "name"),
    [
        (("，", ("黄周", "nr"), ("称", "v"), "，"), "黄周"),  # posseg's cut
        (("，", "黄周称", "，"), "黄周"),  # finalseg glued the verb on
        (("，", "黄", "周称", "，"), "黄周"),  # and split the surname off
        (("王", "莆中", "此前", "表示"), "王莆中"),  # posseg's cut
        (("王", "莆", "中", "此前", "表示"), "王莆中"),  # finalseg's: three single characters
    ],
)
def test_rules_speech_name_whatever_the_cut(rules: Rules, parts: tuple, name: str) -> None:
    text, toks = tokens(*parts)
    assert people(rules, text, toks) == [name]


@pytest.mark.parametrize(
    "parts",
    [
        ("技术", "支持", "称"),  # dictionary words before the verb
        ("每当", "说明书"),  # a verb inside a word, not after a name
        ("王", "的", "说"),  # a function character is never part of a given name
    ],
)
def test_rules_speech_needs_a_name(rules: Rules, parts: tuple) -> None:
    text, toks = tokens(*parts)
    assert people(rules, text, toks) == []


def test_rules_title_before_three_single_characters(rules: Rules) -> None:
    text, toks = tokens(("负责人", "n"), "王", "莆", "中", "，")
    assert people(rules, text, toks) == ["王莆中"]


def products(rules: Rules, text: str, toks: list[Token], dictionary: set[str]) -> list[str]:
    found = rules.candidates(text, toks, [], dictionary.__contains__)
    return [text[c.start:c.end] for c in found if c.type is EntityType.PRODUCT]


@pytest.mark.parametrize(
    ("parts", "dictionary", "found"),
    [
        (("曹操", "出行", "宣布", "融资"), {"曹操", "宣布", "融资"}, ["曹操出行"]),  # a name jieba knows
        (("，", "T3", "出行", "上线"), set(), ["T3出行"]),
        (("叮咚", "买菜", "在", "扩张"), set(), ["叮咚买菜"]),
        (("，", "绿色", "出行", "成为", "趋势"), {"绿色"}, []),  # a common word is no brand
        (("，", "在", "同城", "出行", "领域"), {"同城"}, []),  # 在 is no part of a name
        (("用户", "在", "Keep", " ", "App", "打卡"), set(), ["Keep"]),
        (("可以", "用", "小宇宙", "App", "听书"), {"可以"}, ["小宇宙"]),  # the word right before App
    ],
)
def test_apps_and_services_named_by_what_they_do(
    rules: Rules, parts: tuple[str, ...], dictionary: set[str], found: list[str]
) -> None:
    text, toks = tokens(*parts)
    assert products(rules, text, toks, dictionary) == found
