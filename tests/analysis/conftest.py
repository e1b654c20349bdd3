"""Fixtures for the name rules: the rules over the real word lists, and tokens made by hand, so
that a rule's test says exactly how jieba cut the text and does not change when jieba does."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import pytest

from reader.analysis.rule_scan import Scan
from reader.analysis.rule_words import RuleWords
from reader.analysis.rules import Rules
from reader.analysis.segment import Token

Part = str | tuple[str, str]  # a word (tagged "x": unknown) or a word and its jieba tag
Tokens = Callable[..., tuple[str, list[Token]]]
Found = tuple  # (surface, type, rule, strength), and the entity's name when it is another
RunRule = Callable[..., list[Found]]


def _tokens(parts: Iterable[Part]) -> tuple[str, list[Token]]:
    out, pos = [], 0
    for part in parts:
        word, flag = part if isinstance(part, tuple) else (part, "x")
        out.append(Token(word, flag, pos, pos + len(word)))
        pos += len(word)
    return "".join(t.word for t in out), out


@pytest.fixture(scope="session")
def rules() -> Rules:
    return Rules(RuleWords.load())


@pytest.fixture(scope="session")
def hand_tokens() -> Tokens:
    """``hand_tokens("，", ("黄周", "nr"), "称")``: the text the parts make, and its tokens."""

    def make(*parts: Part) -> tuple[str, list[Token]]:
        return _tokens(parts)

    return make


@pytest.fixture(scope="session")
def run_rule(rules: Rules) -> RunRule:
    """Runs one rule of ``rules._RULES`` alone over hand-made tokens and returns what it found,
    in order. ``known``: names the gazetteer found (each at its first occurrence); ``dictionary``:
    the words jieba knows; ``title``: the article's title."""

    def run(
        rule: Callable[[Rules, Scan], None],
        parts: Sequence[Part],
        known: Sequence[str] = (),
        dictionary: Iterable[str] = (),
        title: str = "",
    ) -> list[Found]:
        text, tokens = _tokens(parts)
        taken = sorted((text.index(k), text.index(k) + len(k)) for k in known)
        scan = Scan(rules.words, text, tokens, taken, frozenset(dictionary).__contains__, title)
        rule(rules, scan)
        return [
            (c.surface, c.type, c.rule, c.strength, *((c.name,) if c.name else ()))
            for c in scan.out
        ]

    return run
