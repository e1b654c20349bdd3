"""A name known by what it does: the words right before 旗下, a financing round completed,
an income earned or a stock code (精英动漫旗下…, 精英动漫实现营业收入1.24亿元, 卡淘完成A轮亿元级融资,
热景生物（688068.SH）) are an organisation, when the article writes them again (a stock code says
it once). Nothing else in the text may say so: jieba
reads 精英|动漫 as two ordinary nouns and the model misses it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.model import EntityType
from reader.analysis.rule_scan import LISTED, STRONG, WEAK, Scan
from reader.text import is_cjk

if TYPE_CHECKING:
    from reader.analysis.rules import Rules

# What a company does, and how much it says: owning something or closing a round says it is one;
# earning an income (a shop, a business line could) needs saying twice.
_OWNS_OR_RAISES = re.compile(r"旗下|(?:已|正式|宣布)?完成了?[^，。；;\n]{0,14}?融资|获得?了?[^，。；;\n]{0,14}?轮融资")
_EARNS = re.compile(r"实现(?:营业)?总?(?:收入|营收)")

# jieba tags that end a name read backwards: pronouns, numerals, measure words, adverbs,
# prepositions, conjunctions, particles, locatives, places of time, times, adjectives (其|旗下,
# 为|精英动漫, 线上|业务).
_NOT_IN_A_NAME = frozenset("rmqdpcufsta")
# Before a stock code, what jieba calls an adjective is part of the name (康美|药业).
_NOT_IN_A_LISTED_NAME = _NOT_IN_A_NAME - {"a"}
_LONGEST = 6


def company_acts(rules: Rules, scan: Scan) -> None:
    """The unknown name right before what only a company does: 精英动漫旗下, 卡淘完成A轮融资,
    热景生物（688068.SH）."""
    counts: dict[str, int] = {}
    for pattern, strength, times in ((_OWNS_OR_RAISES, STRONG, 2), (_EARNS, WEAK, 2), (LISTED, STRONG, 1)):
        for m in pattern.finditer(scan.text):
            start = _listed_name(scan, m.start()) if pattern is LISTED else _name_before(scan, m.start(), _NOT_IN_A_NAME)
            if start is None:
                continue
            name = scan.text[start : m.start()]
            if name not in counts:
                counts[name] = scan.text.count(name)
            if counts[name] >= times and _plausible(rules, scan, name):
                scan.add(start, m.start(), EntityType.ORG, "company-act", strength)


def _name_before(scan: Scan, end: int, stops: frozenset[str]) -> int | None:
    """Where the run of whole name-like tokens ending at ``end`` starts: back to punctuation, a
    function word or a verb of two characters (实现, 完成), at most six characters."""
    i = scan.by_end.get(end)
    start = None
    while i is not None and i >= 0:
        tok = scan.tokens[i]
        if tok.flag[:1] in stops or (tok.flag.startswith("v") and len(tok.word) > 1):
            break
        if not all(is_cjk(c) or c.isascii() and c.isalnum() for c in tok.word):
            break
        if end - tok.start > _LONGEST:
            break
        start, i = tok.start, i - 1
    return start


def _listed_name(scan: Scan, end: int) -> int | None:
    """Where the name before a stock code starts: the proper noun jieba reads right before it
    (借壳|深深房（000029.SZ）), else the run of name-like words, adjectives included (康美|药业)."""
    i = scan.by_end.get(end)
    if i is not None and len(scan.tokens[i].word) >= 2 and scan.tokens[i].flag in _PROPER:
        return scan.tokens[i].start
    return _name_before(scan, end, _NOT_IN_A_LISTED_NAME)


_PROPER = frozenset({"nr", "ns", "nt", "nz", "nrt", "j"})


def _plausible(rules: Rules, scan: Scan, name: str) -> bool:
    """A name no dictionary holds, no kind of company (公司, 集团) nor a word list calls common."""
    words = rules.words
    return (
        len(name) >= 2
        and not scan.is_word(name)
        and not words.is_stopword(name)
        and name not in words.descriptors
        and not name.endswith(tuple(words.kind_tails))
    )
