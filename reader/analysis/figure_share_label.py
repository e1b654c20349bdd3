"""A share's label as the article writes it in a sentence: what part of what whole.

原材料成本分别占其总成本的77% → 原材料成本占总成本; 体育产业在GDP的占比达2.93% → 体育产业占GDP.
The vocabulary's measure for such a figure is only 占比, which says neither part nor whole; the
label names both, the part before 占 and the whole after it, as the article does, with the word
it compares by (比重, 比例) when it writes one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.figure_grammar import Quantity
from reader.analysis.figure_label_after import TIME_PREFIX
from reader.analysis.model import EntityType, Figure

if TYPE_CHECKING:
    from reader.analysis.figure_labels import LabelText

_STOP = r"，,。；;：:！？、（()）\d%"
# Words between the part and 占 or 在, and between the whole and the figure.
_ADVERBS = r"(?:分别|大约|大概|约|仅|只|则|均|共|也|已|就|还|都)*"
_CUES = (
    r"(?:分别)?(?:为|是|达到|达|约为|约|高达|超过|超|近|接近|仅为|仅|不到|已达|已经|已|在)*\s*"
    r"(?:(?:将|已|则)?(?:由|从)\s*(?:\d{4}\s*年(?:底|末)?|去年|今年|前年|上年)?的?)?\s*"  # 将由2020年的18.2%
)
_PART = rf"(?P<part>[^{_STOP}]{{2,16}}?)"
_WHOLE = rf"(?P<whole>[^{_STOP}]{{1,18}}?)"  # 中国所有新冠检测试剂出口总收入
# 原材料成本分别占其总成本的77%; 常温奶的销售额占全国液态奶市场的70%以上
# A year the share was taken in may stand before 占 (由2019年占到核心在线营销服务的四分之一).
_WHEN = r"(?:(?:由|从|在)?\s*\d{4}\s*年(?:底|末)?的?)?"
_TAKES = re.compile(rf"(?:{_PART})?\s*{_ADVERBS}{_WHEN}\s*(?<![独霸抢挤侵])占(?:据了|据|到了|到|了)?(?!比)其?\s*(?![了到])\s*{_WHOLE}\s*(?P<ratio>比重|比例)?的?(?P<ratio2>比重|比例)?{_CUES}$")
# 奥特曼卡片的销售金额在动漫IP衍生产品中占比达61.1%; 体育产业在GDP的占比达2.93%
_IN_WHOLE = re.compile(rf"{_PART}\s*{_ADVERBS}在\s*{_WHOLE}\s*(?:中|里|当中)?的?占比{_CUES}$")
# 北美付费商家约111万，占比全球总商家的83%: 占比 with its whole after it
_SHARE_OF = re.compile(rf"(?:{_PART})?\s*{_ADVERBS}占比\s*(?!达|为|是|超|约|近|已|将|由|从|在|高|仅|不|接近){_WHOLE}的{_CUES}$")


def share_of_whole(where: LabelText, fig: Quantity, clause_start: int, earlier: Figure | None = None) -> str | None:
    """``part占whole`` for a percentage or fraction the article writes as the share a part takes
    of a whole, in the figure's clause before it; None when the clause names no part (分别占同期
    总收入的: the part is in the clause before, with its own figures)."""
    text = where.text
    start = _part_start(where, clause_start, fig.start)
    for pattern in (_TAKES, _IN_WHOLE, _SHARE_OF):
        m = pattern.match(text, start, fig.start)
        if m is None:
            continue
        part = _clean(where, m.start("part"), m.end("part")) if m.group("part") else ""
        whole = _clean(where, m.start("whole"), m.end("whole"), whole=True)
        if not part or _ALL_ADVERBS.fullmatch(part):  # 分别占同期总收入的: what takes it is named before
            part = _named_before(where, fig, clause_start, earlier)
        if part and len(part) >= 2 and whole:
            ratio = m.groupdict().get("ratio") or m.groupdict().get("ratio2") or ""
            return f"{part}占{whole}{ratio}"  # the comparison word when the article says one
    if earlier is not None and earlier.label and "占" in earlier.label and _CHANGED_TO.match(text, clause_start, fig.start):
        if _same_sentence(where, earlier, fig) and earlier.unit == fig.unit:
            return earlier.label  # 2014年，低温奶消费占饮用奶市场的8.3%，2019年，已提升至13.2%
    return None


_ALL_ADVERBS = re.compile(_ADVERBS)
_NOUN_CLAUSE = re.compile(r"[^\d%，,。；;：:！？、（()）]{2,16}")


def _named_before(where: LabelText, fig: Quantity, clause_start: int, earlier: Figure | None) -> str:
    """The part a clause with none takes from before it: the label of the amounts the sentence
    gave it just before (收入分别约为13.98亿元…，分别占同期总收入的80.7%), else the clause before
    when it is only a noun phrase (来自前五大客户的综合收入，约分别占公司总收入的38.8%)."""
    if earlier is not None and _same_sentence(where, earlier, fig) and earlier.unit != fig.unit and earlier.label:
        return earlier.label
    sentence = where.bounds.around("sentence", fig.start)
    if clause_start - 1 <= sentence[0]:
        return ""
    before = where.bounds.around("clause", clause_start - 2)
    start = _part_start(where, max(before[0], sentence[0]), clause_start - 1)
    end = clause_start - 1
    if _NOUN_CLAUSE.fullmatch(where.text, start, end) is None or not where.text[start:end].upper().endswith(where.vocab.label_heads):
        return ""  # 它增长很快，分别占…: no noun phrase names what takes the share
    if any(m.start < start < m.end for m in where.mentions.within(start, end)):
        return ""
    return where.source[start:end].strip()


def _same_sentence(where: LabelText, earlier: Figure, fig: Quantity) -> bool:
    return where.bounds.around("sentence", earlier.start) == where.bounds.around("sentence", fig.start)


# A share told as what the one before in its sentence rose or fell to: 已提升至13.2%.
_CHANGED_TO = re.compile(r"[^，,。；;！？]{0,12}?(?:提升|上升|增长|增加|下降|降低|回落|攀升|扩大|缩小|跌)(?:到|至)\s*(?:\d{4}\s*年(?:底|末)?)?[^，,。；;！？\d]{0,8}$")


def _part_start(where: LabelText, clause_start: int, at: int) -> int:
    """Where the part may start: the clause's start after a time and a lead word (2014年, 其中)."""
    start = clause_start
    opened = max(where.text.rfind("（", clause_start, at), where.text.rfind("(", clause_start, at))
    if opened >= 0 and not any(c in where.text[opened:at] for c in "）)"):
        start = opened + 1  # 面对中国这个市场（中国卖家约占亚马逊卖家总量的40%）: the aside's own clause
    while start < at and where.text[start].isspace():
        start += 1
    for _ in range(2):
        lead = next((w for w in where.vocab.label_leads if where.text.startswith(w, start, at)), None)
        start += len(lead or "")  # 其中亚马逊占…: the lead word whole, not 其 and then 中亚马逊
        start += 1 if where.text.startswith("其", start, at) else 0  # 其一季度纯电汽车交付量
        start = TIME_PREFIX.match(where.text, start, at).end()
        start += len(next((w for w in _FORECAST_LEADS if where.text.startswith(w, start, at)), ""))
        place = next((m for m in where.mentions.within(start, at) if m.start == start and m.type is EntityType.PLACE), None)
        if place is not None and place.end < at and not where.text.startswith(where.vocab.counted_heads, place.end):
            start = place.end  # 美国在线支出: where, not what (but 中国卖家 are whom it counts)
    return start if start <= at else at


_FORECAST_LEADS = ("预计", "预期", "有望", "估计", "预测")  # the figure's kind, not its name


def _clean(where: LabelText, start: int, end: int, whole: bool = False) -> str:
    """The article's own letters of a part or a whole, for a whole without the time or 其 before
    it (其总成本, 同期总收入, 全年零售总额)."""
    text = where.text
    if whole:
        start += 1 if text.startswith("其", start, end) else 0
        timed = TIME_PREFIX.match(text, start, end).end()
        if end - timed >= 1:
            start = timed
    return where.source[start:end].strip()
