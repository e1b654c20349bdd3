"""Labels a figure takes from another figure or thing it is set beside: the high end of a range
(抽成为10%-15%), the measure a figure is compared with (…与B站的59.4元相比), and a multiple that
compares two things (快手是抖音的两倍多: 倍数, not a growth)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.figure_grammar import Quantity
from reader.analysis.figure_label_after import MAX_LABEL, PHRASE_STOPS
from reader.analysis.figure_label_changes import CHANGE_VERB
from reader.analysis.model import Figure

if TYPE_CHECKING:
    from reader.analysis.figure_labels import LabelText

_RANGE_JOINERS = frozenset(("-", "–", "—", "~", "～", "至", "到"))
_COMPARING = ("相比", "相较", "对比", "比较", "低于", "高于")


def range_end(where: LabelText, fig: Quantity, earlier: list[Figure]) -> str | None:
    """The high end of a range is what its low end is: 抽成为10%-15% → 抽成, twice."""
    if not earlier or earlier[-1].label is None or fig.unit is None or earlier[-1].unit != fig.unit:
        return None
    return earlier[-1].label if where.text[earlier[-1].end : fig.start].strip() in _RANGE_JOINERS else None


def moved_from(where: LabelText, fig: Quantity, earlier: list[Figure]) -> str | None:
    """A clause that only tells where a measure moved from and to names none: it is the measure
    of the figure right before, in the sentence before or its own (渗透率提升至14.8%。从5%飙升至近15%,
    只用了一年 → 渗透率 twice), in the same unit; so is the amount a measure moved to in its own
    clause (399元的高级会员费今年涨价到599元 → 高级会员费)."""
    clause = where.bounds.around("clause", fig.start)
    if not earlier or earlier[-1].label is None or earlier[-1].unit != fig.unit or fig.unit is None:
        return None
    if earlier[-1].start >= clause[0] and _TO_HEDGED.fullmatch(where.text, earlier[-1].end, fig.start) is not None:
        return earlier[-1].label  # …飙升至近15%: where it moved to
    if earlier[-1].start >= clause[0] and _MOVED_TO.search(where.text, earlier[-1].end, fig.start) is not None:
        return earlier[-1].label  # 399元的高级会员费今年涨价到599元: the measure the clause moves
    if _FROM.fullmatch(where.text, clause[0], fig.start) is None or _TO.match(where.text, fig.end) is None:
        return None
    before = where.bounds.previous("sentence", fig.start)
    lo = before[0] if before is not None else where.bounds.around("sentence", fig.start)[0]
    return earlier[-1].label if earlier[-1].start >= max(lo, where.bounds.around("paragraph", fig.start)[0]) else None


# A clause opening at a figure it moved from (从5%飙升至近15%), and the move after it.
_FROM = re.compile(r"\s*(?:而|但|则|也|更是)?\s*从\s*")
_MOVE = rf"(?:{CHANGE_VERB}|涨价|降价|提价|上调|下调|涨|调)(?:到|至)"  # 飙升至, 涨价到
_HEDGE = r"\s*(?:近|约|超过|超|逾)?\s*"
_TO = re.compile(rf"\s*(?:一路|一举|直接|已经|已)?\s*{_MOVE}")
_TO_HEDGED = re.compile(_TO.pattern + _HEDGE)
# A figure's measure moved in its own clause, right before the amount it moved to (涨价到599元).
_MOVED_TO = re.compile(_MOVE + _HEDGE + "$")


def compared_with(where: LabelText, fig: Quantity, earlier: list[Figure]) -> str | None:
    """The measure a figure is compared with when it names none itself: 知乎每用户平均收入约为19.7元。
    …与B站的59.4元和快手109元相比 → 每用户平均收入, the label of the figure before in the same
    unit, in the paragraph; so is one it is set below or above (销售防护手套122.7亿只，略低于2020年
    的141.7亿只 → 销量)."""
    sentence = where.bounds.around("sentence", fig.start)
    if not any(where.text.find(word, sentence[0], sentence[1]) >= 0 for word in _COMPARING):
        return None
    paragraph = where.bounds.around("paragraph", fig.start)[0]
    same = [f for f in earlier if f.start >= paragraph and f.unit == (fig.unit or f.unit) and f.label]
    return same[-1].label if same else None


# How a multiple compares two things (快手是抖音的两倍多, 低温奶的价格贵了两到三倍), not a growth
# (增长了3倍, 翻了一倍): the verb before the figure in its clause, and what stands before it.
_COMPARED_BY = re.compile(r"(?:也|则|更|都|均|约)?(?:是|为|相当于|超过|达到|达|贵了|高出|多出|高了|多了)(?:[^，,。；;！？]{0,24}的)?(?:约|近|超过|超)?\s*(?:[一两二三四五六七八九十\d.]+\s*(?:到|至|-|~)\s*)?$")
_GROWING = re.compile(r"增长(?!率)|增加|上涨|上升|提升|提高|扩大|翻|涨(?!幅)|增(?![长速幅])")


def compared_multiple(where: LabelText, fig: Quantity) -> str | None:
    """The label of a multiple that compares (X是Y的N倍): the measure named right before the
    comparison and 倍数 (价格倍数, 增长率倍数), else 倍数 alone; None for a growth."""
    text = where.text
    clause = where.bounds.around("clause", fig.start)
    cue = _COMPARED_BY.search(text, clause[0], fig.start)
    if cue is None or _GROWING.search(text, clause[0], fig.start):
        return None
    noun_end = cue.start()
    noun_start = noun_end
    while noun_start > clause[0] and text[noun_start - 1] not in PHRASE_STOPS and text[noun_start - 1] != "的" and noun_end - noun_start < MAX_LABEL:
        noun_start -= 1
    noun = text[noun_start:noun_end]
    heads = tuple(h for h in where.vocab.label_heads if len(h) >= 2 or h in "率价额量")
    if len(noun) >= 2 and noun.upper().endswith(heads) and not any(c.isdigit() for c in noun):
        return where.source[noun_start:noun_end] + "倍数"
    return "倍数"
