"""A measure the text refers back to instead of naming it (这一指标, 这一数字, 该比例): the measure
told in its sentence with a trend before it (此外，成本收入比也逐年攀升，…该行这一指标分别为48.63%),
else the label of the figure before it in its paragraph (常温奶的销售额占全国液态奶市场的70%以上。
而在几年前，这一数字可以高达80%以上); the aspect a sentence says it speaks of (在X层面, X方面); and a
market an amount is written after, whose size it is (中国咖啡市场将达到2171亿元 → 中国咖啡市场规模)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.figure_grammar import Quantity
from reader.analysis.model import EntityType, Figure

if TYPE_CHECKING:
    from reader.analysis.figure_labels import LabelText

ANAPHORS = (
    "这一指标", "该指标", "这个指标", "这一数字", "这个数字", "该数字", "这一数据", "这个数据", "该数据",
    "这一比例", "这个比例", "该比例", "这一比率", "这一数值",
)
# A measure told with its trend at the start of a clause: 此外，成本收入比也逐年攀升.
_TREND = re.compile(
    r"(?:^|[，,。；;：:])\s*(?:此外|同时|另外|其中|而|但)?[，,]?"
    r"(?P<m>[\u4e00-\u9fffA-Za-z]{1,10}?(?:率|比|额|量|数|值|规模|份额|收入|利润|成本|费用|比例|比重))"
    r"(?:也|还|都|则|仍|又|更)?(?:逐年|持续|不断|一直|进一步|大幅|明显|逐步|连续)?"
    r"(?:攀升|上升|下降|增长|下滑|提升|提高|降低|减少|增加|走高|走低|回升|回落|扩大|收窄|下跌|上涨)"
)


def name_end(where: LabelText, fig: Quantity, lo: int) -> int:
    """Where the name of ``fig``'s measure ends before it: past its hedge (约) and up to four words
    that link a name to its figure (分别为, 高达, 甚至只有), none of them before ``lo``."""
    text, vocab = where.text, where.vocab
    end = fig.start - len(vocab.words().hedges_before.ending_at(text, fig.start) or "")
    links = vocab.links()
    for _ in range(4):
        link = links.ending_at(text, end, lo)
        if link is None:
            break  # 信用债违约16笔: 约 ends a word here, no link
        end -= len(link)
    return end


def referred_measure(where: LabelText, fig: Quantity, earlier: list[Figure]) -> str | None:
    """The measure ``fig`` is given for when the text names it only as 这一指标 or the like right
    before it (past the words that link a name to its figure); None when it does not."""
    text = where.text
    clause = where.bounds.around("clause", fig.start)
    end = name_end(where, fig, clause[0])
    anaphor = next((a for a in ANAPHORS if text.endswith(a, clause[0], end)), None)
    if anaphor is None:
        return None
    at = end - len(anaphor)
    sentence = where.bounds.around("sentence", fig.start)
    told = list(_TREND.finditer(text, sentence[0], at))
    if told:
        return where.source[told[-1].start("m") : told[-1].end("m")]
    paragraph = where.bounds.around("paragraph", fig.start)
    if earlier and earlier[-1].start >= paragraph[0] and earlier[-1].label:
        return earlier[-1].label
    return None


def aspect_measure(where: LabelText, fig: Quantity) -> str | None:
    """The measure a sentence says it speaks of before its figures, when nothing nearer names
    them: 在销售金额层面，分别以311.26亿元、282.08亿元… → 销售金额; 营收方面，… The aspect must end
    in a measure's head (金额, 收入, 率 …)."""
    text, vocab = where.text, where.vocab
    sentence = where.bounds.around("sentence", fig.start)
    told = list(_ASPECT.finditer(text, sentence[0], fig.start))
    if not told or not told[-1].group("m").upper().endswith(vocab.label_heads):
        return None  # …；销售面积榜方面，…: the last aspect told is the figure's, whatever it is
    return where.source[told[-1].start("m") : told[-1].end("m")]


# What a sentence says it speaks of: 在销售金额层面，/ 营收方面，
_ASPECT = re.compile(r"(?:^|(?<=[，,。；;：:\s在从]))(?P<m>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:层面|方面)[，,]")


MARKET_SIZE = "市场规模"
# A market named right before an amount of money, past the words that link them: 中国咖啡市场将达到
# 2171亿元, 全球云计算市场约为2000亿美元: the market's size. Where its name starts: after a time,
# a 的, 在, or a word of forecast (预计2025年中国咖啡市场 → 中国咖啡市场).
_MARKET = re.compile(r"(?P<name>[\u4e00-\u9fffA-Za-z]{0,12}?)市场(?:总?规模|体量)?(?:预计|有望|或将|将会|将|会|也|已)*\s*$")
_A_TIME = re.compile(r"(?:在|于|到)?\d{4}年(?:底|末|全年)?(?:将|已|有望)?(?:达到|达|为|约为|突破|超过)?\s*$")
_OPENS_WITH_MARKET = re.compile(
    r"(?:^|(?<=[，,。！？；;\n]))\s*(?:\d{4}年(?:\s*[-–—~至到]\s*\d{4}年)?[，,]?)?(?P<name>[\u4e00-\u9fffA-Za-z]{0,12}?)市场(?![份占])"
)
_BEFORE_NAME = re.compile(r".*(?:[的在年月]|预计|预期|其中|整体|目前)")


def market_named(where: LabelText, fig: Quantity) -> str | None:
    """``市场规模`` as the article names the market (中国咖啡市场规模) when an amount of money is
    written right after a market's name; None otherwise."""
    clause = where.bounds.around("clause", fig.start)
    end = name_end(where, fig, clause[0])
    timed = _A_TIME.search(where.text, clause[0], end)
    if timed is not None:
        end = timed.start()  # 中国咖啡市场在2020年达到1000亿元
    market = _MARKET.search(where.text, clause[0], end)
    if market is None and end == clause[0]:
        # 中国新能源汽车市场预期以37.1%的复合年增长率增长，于2025年达到11829亿元: the market the
        # sentence opens with, the clause of the amount naming nothing
        sentence = where.bounds.around("sentence", fig.start)
        market = next(reversed(list(_OPENS_WITH_MARKET.finditer(where.text, sentence[0], clause[0]))), None)
    if market is None:
        return None
    name = _BEFORE_NAME.sub("", market.group("name"))
    start = market.end("name") - len(name)
    if any(m.type is not EntityType.PLACE and m.start < market.end("name") and m.end > start for m in where.mentions.within(clause[0], end)):
        return None  # 阿里巴巴中国市场约为30亿元: a company's market, what it makes there
    return where.source[start : market.end("name")] + MARKET_SIZE
