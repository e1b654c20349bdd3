"""Labels of changes: the measure a change changes, named with it (营收同比增长, 成交面积环比下降,
股价涨幅), a level reached after a change (配送费用同比增长175%至17亿元 → 配送费用), and a change
told after its level or after another change (营收为6.61亿元，同比增加24.59%; 环比减少17%，同比减少49%),
and an amount by which a measure changed (与去年同期54亿元相比下降10亿元 → -10亿)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.analysis.figure_grammar import Quantity
from reader.analysis.figure_vocab import CHANGES, Vocabulary
from reader.analysis.model import Figure

if TYPE_CHECKING:
    from reader.analysis.figure_labels import LabelText

FALL_OF = {"同比增长": "同比下降", "环比增长": "环比下降"}


def changed_label(phrase: str, found: list[re.Match[str]], measure: str | None, vocab: Vocabulary) -> str | None:
    """``phrase`` (as the article writes it) as a measure and its change, or None: 营收增长 as
    written; a one-character verb by its word (收入升 → 收入增长); a price's move by the trade's
    noun (股价上涨 → 股价涨幅, 会员价格下跌 → 会员价格跌幅)."""
    changed = _changed_noun(phrase, found, measure, vocab)
    if changed is None:
        return None
    noun_end, verb_at = changed
    verb, noun = phrase[verb_at:], phrase[:noun_end]
    if noun.endswith(_PRICES) and (swing := _PRICE_SWING.get(verb.removeprefix("同比").removeprefix("环比").removesuffix("了"))):
        return noun + swing
    return noun + (verb if len(verb) > 1 else _CHANGE_WORD.get(measure or "", verb))


# A change told right after the figure it changes says what changed: 营收同比增长.
_CHANGE_GAP = re.compile(r"[)）]?[，,]?\s*[^，,。；;：:\d\s]{1,8}")


def level_after_change(text: str, fig: Quantity, before: Figure) -> str | None:
    """What the change told right before reached (营收同比增长20%至100亿元 → 营收), or None."""
    if before.label is None or fig.unit == before.unit or _REACHED.fullmatch(text, before.end, fig.start) is None:
        return None
    what = _CHANGE_SUFFIX.sub("", before.label)
    return what if len(what) >= 2 and what != before.label else None


_REACHED = re.compile(r"(?:的增速|的增幅|的速度)?(?:达到|达|至|到|增至|升至|降至)(?:约|近|超过|超|逾)?")
_CHANGE_SUFFIX = re.compile(r"(?:同比|环比)?(?:增长|下降|上涨|下跌|上升|增速|增幅|涨幅|跌幅)$")


def change_by_name(named: str, measure: str, vocab: Vocabulary) -> str:
    """``named`` with the comparison it ends in written as ``measure``: 净营业收入环比上升 →
    净营业收入环比增长, GDP同增 → GDP同比增长, 营收同比微降 → 营收同比下降."""
    family = {measure, *FALL_OF.get(measure, ()), *(k for k, v in FALL_OF.items() if v == measure)}
    base = [m for m in vocab.label_pattern().finditer(named) if (lab := vocab.label_for(m.group())) and lab.name in family]
    return named[: base[-1].start()] + measure if base else named


def changed_measure(where: LabelText, fig: Quantity, before: Figure) -> str | None:
    """The label of ``before`` when ``fig`` is the change of it told next in its sentence; when
    ``before`` is a change itself, the measure it changed (环比减少17%，同比减少49%)."""
    if before.label is None:
        return None
    name = before.label
    if before.measure in CHANGES:
        name = _CHANGE_SUFFIX.sub("", before.label)
        if len(name) < 2 or name == before.label or fig.unit != before.unit:
            return None
    elif before.unit == "%" and fig.unit != "pp":
        return None  # a rate's change in points (毛利率为70.3%，同比提升6.3个百分点) names the rate
    if where.bounds.around("sentence", fig.start) != where.bounds.around("sentence", before.start):
        return None
    if _CHANGE_GAP.fullmatch(where.text, before.end, fig.start) is None:
        return None
    return name


_CHANGE_WORD = {"增长率": "增长", "降幅": "下降"}
_PRICES = ("股价", "价格", "价", "房价", "票价", "油价", "金价")
_PRICE_SWING = {"上涨": "涨幅", "涨": "涨幅", "下跌": "跌幅", "跌": "跌幅", "上升": "涨幅", "下降": "跌幅", "上浮": "涨幅", "下浮": "跌幅"}
def _changed_noun(
    phrase: str, found: list[re.Match[str]], measure: str | None, vocab: Vocabulary
) -> tuple[int, int] | None:
    """Where the measure ends and its change starts in a phrase that is a measure and its verb
    of change (增值服务收入升, 营收增长, 股价已将上涨: adverbs between go), or a measure and its
    comparison (成交面积环比下降, 成交量继续同比暴跌: the comparison stays), or None."""
    if measure not in _CHANGE_WORD and measure not in CHANGES or not found or found[-1].end() != len(phrase):
        return None
    last = found[-1]
    if not vocab.is_verb(last.group()) and not _a_change(last.group(), vocab):
        return None
    change_at = last.start()
    noun = phrase[:change_at]
    for _ in range(3):
        noun = _without_adverbs(noun, vocab)
        compared = next((m for m in found if m.end() == len(noun) and _a_change(m.group(), vocab)), None)
        if compared is None or compared.start() == 0:
            break
        noun, change_at = noun[: compared.start()], compared.start()  # 成交量同比暴跌: 同比 is the change's
    if len(noun) < 2 or not noun.upper().endswith(vocab.label_heads):
        return None
    return len(noun), change_at


def before_the_change(phrase: str, measure: str | None, vocab: Vocabulary) -> int:
    """Where the measure named in ``phrase`` ends when the phrase ends in its change, else the
    phrase's length."""
    changed = _changed_noun(phrase, list(vocab.label_pattern().finditer(phrase)), measure, vocab)
    return len(phrase) if changed is None else changed[0]


def _a_change(word: str, vocab: Vocabulary) -> bool:
    """Whether ``word`` names a comparison over time (同比, 环比下降), not a verb alone."""
    label = vocab.label_for(word)
    return label is not None and label.name in CHANGES and not vocab.is_verb(word)


def _without_adverbs(noun: str, vocab: Vocabulary) -> str:
    while (adverb := next((a for a in vocab.label_words["before_a_verb"] if noun.endswith(a)), None)) is not None:
        noun = noun[: -len(adverb)]
    return noun


def signed(figure: Figure) -> Figure:
    """A fall in percent as a negative change of its measure: 销量同比下降10% → 销量同比增长, -10;
    降幅82% → 增长率, -82. A measure's changes then read and chart as one series, rises and falls
    alike, as changes in points already do (下降2.3个百分点 → -2.3)."""
    rise = _RISE_OF.get(figure.measure or "")
    label = figure.label
    if rise is None or figure.unit not in ("%", "pp"):
        return figure
    if label is not None and (label.endswith(_SIZES_OF_A_FALL) or "涨跌" in label):
        return figure  # 年内股价跌幅37%: the size of a fall, named so; 涨跌停限制: both ways
    if label == figure.measure:
        label = rise
    elif label is not None:
        label = _FALL_WORD.sub(lambda m: (m.group(1) or "") + "增长", label)
    return replace(figure, value=-abs(figure.value), measure=rise, label=label)


_RISE_OF = {"同比下降": "同比增长", "环比下降": "环比增长", "降幅": "增长率"}
_SIZES_OF_A_FALL = ("降幅", "跌幅", "下降幅度", "下滑幅度")
_FALL_WORD = re.compile(
    r"(同比|环比)?(下降|下滑|下跌|减少|降低|缩减|缩水|回落|大跌|暴跌|微降|微跌|大降|骤降|锐减|下挫|萎缩|收窄|跌|降)$"
)


def changed_amount(figure: Figure, text: str, lo: int) -> Figure:
    """An amount or count a measure changed by, against a base (较上月减少27笔, 与去年同期54亿元相比
    下降10亿元, 比2019年增加了42亿元): negative for a fall, as a fall in percent is, under the name of
    the measure it changed and no measure of its own (neither the level nor a rate, it is grouped
    with neither). A level reached (增长至50亿元) is no change. ``lo``: where its clause starts."""
    if figure.unit in ("%", "pp", "times"):
        return figure
    told = _CHANGED_BY.search(text, lo, figure.start)
    if told is None:
        return figure
    value = -abs(figure.value) if told.group("verb") in _FALLS else abs(figure.value)
    return replace(figure, value=value, measure=None)


# The verbs a measure moves by, falls and rises, one alternation (longest first) for the readings
# of a move: an amount a measure changed by (here) and where it moved from and to (figure_label_compared).
FALL_VERBS = ("减少", "下降", "下滑", "降低", "缩水", "缩减", "缩小", "收窄", "回落", "少了", "降", "跌")
RISE_VERBS = ("增加", "增长", "提升", "提高", "上涨", "上升", "攀升", "飙升", "扩大", "多了", "升")
CHANGE_VERB = "|".join(sorted((*FALL_VERBS, *RISE_VERBS), key=len, reverse=True))
# A base of comparison, then a verb of change right before the amount (its hedge between).
_CHANGED_BY = re.compile(
    r"(?:同比|环比|较[^，,。；;]{0,16}?|比[^，,。；;]{0,12}?|与[^，,。；;]{0,16}?相比|相比[^，,。；;]{0,12}?)"
    rf"(?:还|又|则|共|仅|只)?(?P<verb>{CHANGE_VERB})了?"
    r"\s*(?:约|近|超过|超|逾|达)?\s*$"
)
_FALLS = frozenset(FALL_VERBS)
