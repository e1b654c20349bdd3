"""Figures listed one after another: the amounts after a 分别 (4.53亿元，5.48亿元，5.30亿元), the list
a sentence goes on with, and a figure repeated in another currency in brackets (6.147 亿元(9,380 万
美元)): what the periods, subjects and labels of a list are given by."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.analysis.figure_label_after import TIME_PREFIX
from reader.analysis.model import Figure
from reader.analysis.text_bounds import Bounds

if TYPE_CHECKING:
    from reader.analysis.figure_labels import LabelText

RESPECTIVELY = "分别"
_LIST_GAP = re.compile(r"[、，,和及与；\s]{1,2}$")


def respective_runs(text: str, figures: list[Figure], bounds: Bounds) -> Iterator[tuple[int, tuple[int, int], list[int]]]:
    """Each 分别 of ``text`` with its sentence and the indexes of the figures listed right
    after it (4.53亿元，5.48亿元，5.30亿元: one list; a figure past other words ends it)."""
    at = text.find(RESPECTIVELY)
    while at >= 0:
        sentence = bounds.around("sentence", at)
        yield at, sentence, listed(text, figures, [i for i, m in enumerate(figures) if at < m.start < sentence[1]])
        at = text.find(RESPECTIVELY, at + 1)


def listed(text: str, figures: list[Figure], candidates: list[int]) -> list[int]:
    """The first of ``candidates`` and those listed right after it (4.53亿元，5.48亿元，5.30亿元;
    分别为人民币 5.912 亿元、人民币 6.156 亿元): a figure past other words ends the list."""
    run: list[int] = []
    for i in candidates:
        if run and is_conversion(text, figures[i - 1], figures[i]):
            continue  # 6.147 亿元(9,380 万美元): the same figure in another currency
        if run and not _LIST_GAP.search(text[past_conversion(text, figures[i - 1]) : figures[i].start][-2:] or "x"):
            gap = _CURRENCY_WORD.sub("", text[past_conversion(text, figures[i - 1]) : figures[i].start]).replace("以及", "及")
            if len(gap) > 2 or not all(c in "、，,和及与；" for c in gap):
                break
        run.append(i)
    return run


# A currency named before each figure of a list: 分别为人民币 5.912 亿元、人民币 6.156 亿元
_CURRENCY_WORD = re.compile(r"\s*(?:人民币|美元|港元|港币|约)\s*")
_CONVERSION = re.compile(r"\s*[(（]\s*(?:约合|合|约)?\s*")


def is_conversion(text: str, before: Figure, figure: Figure) -> bool:
    """``figure`` is ``before`` in another currency, in brackets right after it."""
    return before.unit != figure.unit and _CONVERSION.fullmatch(text, before.end, figure.start) is not None and (
        text[figure.end : figure.end + 2].strip()[:1] in (")", "）")
    )


def past_conversion(text: str, figure: Figure) -> int:
    """Where ``figure`` ends, past the conversion in brackets after it if there is one."""
    if _CONVERSION.match(text, figure.end) is None:
        return figure.end
    close = min((at for c in ")）" if (at := text.find(c, figure.end, figure.end + 24)) >= 0), default=-1)
    return close + 1 if close >= 0 else figure.end


def list_after(text: str, figures: list[Figure], last: int, sentence: tuple[int, int]) -> list[int]:
    """The indexes of the figures listed next in ``sentence`` after figure ``last`` (6.53%、7.09%
    和6.26%), when they are at least two."""
    run = listed(text, figures, [i for i in range(last + 1, len(figures)) if figures[i].start < sentence[1]])
    return run if len(run) >= 2 else []


# Amounts listed right after the verb that links them to their measure, with no 分别: 2018年至2020年，
# 阜新银行资本充足率为12.08%、11.05%、11.02%.
_LINKED = re.compile(r"(?:为|是|达到|达|约为|依次为)\s*(?:人民币|约)?\s*$")


def linked_runs(text: str, figures: list[Figure], bounds: Bounds) -> Iterator[tuple[tuple[int, int], list[int]]]:
    """Each list of two or more figures of one unit right after 为, 是 or 达 in a sentence with no
    分别 before it, with its sentence."""
    i = 0
    while i < len(figures):
        sentence = bounds.around("sentence", figures[i].start)
        if _LINKED.search(text, max(sentence[0], figures[i].start - 8), figures[i].start) and RESPECTIVELY not in text[sentence[0] : figures[i].start]:
            run = listed(text, figures, [j for j in range(i, len(figures)) if figures[j].start < sentence[1]])
            if len(run) >= 2 and len({figures[j].unit for j in run}) == 1:
                yield sentence, run
                i = run[-1] + 1
                continue
        i += 1


def listed_measures(where: LabelText, lo: int, hi: int, count: int) -> list[str] | None:
    """The ``count`` measures a clause lists before 分别 at ``hi`` (营业收入、净利润分别为…; AI专利
    数量以及AI专利申请数量，分别为…), each as the article writes it, or None when what stands
    there is not a list of that many measures' names. ``lo`` is where the clause starts."""
    text, vocab = where.text, where.vocab
    end = hi
    while end > lo and (text[end - 1] in "，, " or text.endswith(("的", "均"), lo, end)):
        end -= 1
    owner = next((m for m in where.mentions.within(lo, end) if m.start <= lo + 4), None)
    start = owner.end if owner is not None else lo
    start = TIME_PREFIX.match(text, start, end).end()
    start += len(next((w for w in vocab.label_leads if text.startswith(w, start, end)), ""))
    for split in _LIST_SPLITS:
        parts = split.split(text[start:end])
        if len(parts) == count:
            break
    else:
        return None
    names, at = [], start
    for part in parts:
        at = text.index(part, at)
        cut = part.rfind("的") + 1  # 耐看娱乐的存货 → 存货
        name = part[cut:].strip()
        if len(name) < 2 or not name.upper().endswith(vocab.label_heads) or any(c.isdigit() for c in name):
            return None
        names.append(where.source[at + cut : at + len(part)].strip())
        at += len(part)
    return names


# How measures are listed: by 、 alone (存货、网剧及电影版权), else by any joiner.
_LIST_SPLITS = (re.compile(r"、"), re.compile(r"以及|、|和|及|与"))
