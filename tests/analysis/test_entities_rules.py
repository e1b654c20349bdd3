"""Name rules over hand-made tokens: the rules must not depend on where jieba's HMM happened
to cut an unknown name (joined to its verb, or split into single characters)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis.model import EntityType
from reader.analysis.rules import Rules
from reader.analysis.segment import Token

DICTIONARY = {"此前", "表示", "负责人", "粉丝", "技术", "支持", "每当"}


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
def test_rules_speech_name_whatever_the_cut(
    rules: Rules, hand_tokens: Callable, parts: tuple, name: str
) -> None:
    text, toks = hand_tokens(*parts)
    assert people(rules, text, toks) == [name]


@pytest.mark.parametrize(
    "parts",
    [
        ("技术", "支持", "称"),  # dictionary words before the verb
        ("每当", "说明书"),  # a verb inside a word, not after a name
        ("王", "的", "说"),  # a function character is never part of a given name
    ],
)
def test_rules_speech_needs_a_name(rules: Rules, hand_tokens: Callable, parts: tuple) -> None:
    text, toks = hand_tokens(*parts)
    assert people(rules, text, toks) == []


def test_rules_title_before_three_single_characters(rules: Rules, hand_tokens: Callable) -> None:
    text, toks = hand_tokens(("负责人", "n"), "王", "莆", "中", "，")
    assert people(rules, text, toks) == ["王莆中"]
