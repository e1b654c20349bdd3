"""Figures written as words rather than a number and its unit: fractions (三分之一, 百分之二十,
1/3), fixed phrases (翻一番, 过半: the vocabulary's ``lexical``) and amounts as people say them
(9块9, 10万块, 七个亿). ``figure_grammar`` reads them beside the numbers it finds."""

from __future__ import annotations

import re

from reader.analysis.figure_vocab import Vocabulary, WordLists
from reader.analysis.numerals import ARABIC_NUMERAL, CHINESE_NUMERAL, parse_number
from reader.analysis.quantity import Quantity

_NUMBER = rf"(?:{ARABIC_NUMERAL}|{CHINESE_NUMERAL})"
_FRACTION = re.compile(rf"(?P<den>{_NUMBER})分之(?P<num>{_NUMBER})")
# 1/3, 2/5: a small fraction written with a slash (not 2021/3/5, a date, nor 3/20日)
_SLASH_FRACTION = re.compile(r"(?<![0-9０-９/.．])(?P<num>[1-9])\s*/\s*(?P<den>[2-9]|10)(?![0-9０-９/.．日号月])")


def fractions(text: str, vocab: Vocabulary) -> list[Quantity]:
    """三分之一 → 33.33 %, 百分之二十 → 20 %, 1/3 → 33.33 %."""
    found = []
    words = vocab.words()
    for m in (*_FRACTION.finditer(text), *_SLASH_FRACTION.finditer(text)):
        try:
            den, num = parse_number(m.group("den")), parse_number(m.group("num"))
        except ValueError:
            continue
        if den <= 0 or num > den:
            continue
        implied = den != 100 or "/" in m.group()  # 百分之 is the percent word; 三分之 is not
        found.append(_read(m, round(num / den * 100, 2), "%", implied, words, text))
    return found


def lexical(text: str, vocab: Vocabulary) -> list[Quantity]:
    """Fixed phrases the vocabulary lists with their worth: 翻一番 (2 times), 过半 (50 %), 破亿."""
    found = []
    words = vocab.words()
    for entry in vocab.lexical:
        for m in re.finditer(re.escape(entry.surface), text):
            if any(word and text.endswith(word, 0, m.start()) for word in entry.not_after):
                continue
            found.append(_read(m, entry.value, entry.unit, True, words, text))
    return found


def colloquial(text: str, vocab: Vocabulary) -> list[Quantity]:
    """Amounts as people say them: 9块9 (9.9 yuan), 七个亿 and 三个亿 (700 and 300 million)."""
    words = vocab.words()
    found = []
    for m in _KUAI.finditer(text):
        value = parse_number(m.group("n")) + parse_number(m.group("d")) / 10
        found.append(_read(m, value, "CNY", False, words, text))
    for m in _KUAI_ALONE.finditer(text):  # 另一个人有10万块，: yuan, when no noun follows 块
        value = parse_number(m.group("n") + m.group("mag"))
        found.append(_read(m, value, "CNY", True, words, text))
    for m in _GE_YI.finditer(text):
        value = parse_number(m.group("n")) * parse_number("一" + m.group("mag"))
        found.append(_read(m, value, None, True, words, text))
    return found


_KUAI = re.compile(r"(?<![0-9０-９.])(?P<n>[0-9]{1,4}|[一二两三四五六七八九十]{1,3})块(?P<d>[0-9一二三四五六七八九])(?![0-9万亿千百十块钱])")
_KUAI_ALONE = re.compile(
    r"(?<![0-9０-９.一二两三四五六七八九十百千])(?P<n>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]{1,3})(?P<mag>[万千百])块(?=[，。；！？、,;!?）)\s]|$)"
)
_GE_YI = re.compile(r"(?<![0-9一二两三四五六七八九十几])(?P<n>[一二两三四五六七八九十]{1,3}|[0-9]{1,3})个(?P<mag>万亿|亿|万)(?![亿级]|量级)")




def _read(m: re.Match[str], value: float, unit: str | None, implied: bool, words: WordLists, text: str) -> Quantity:
    """The figure ``m`` writes, worth ``value`` in ``unit``, with the hedge around it."""
    return Quantity(m.start(), m.end(), m.group(), value, unit, implied, hedge_around(words, text, m))


def hedge_around(words: WordLists, text: str, m: re.Match[str]) -> str | None:
    """The hedge written right before the figure (约, 近, 超过), else right after it (以上, 左右)."""
    return words.hedges_before.ending_at(text, m.start()) or words.hedges_after.starting_at(text, m.end())
