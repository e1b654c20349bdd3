"""The last label a figure can have: what the article writes before it, when nothing else names
what it measures and the phrase reads as a name."""

from __future__ import annotations

import re

from reader.analysis.figure_label_after import a_name
from reader.analysis.figure_labels import SPENT, LabelText, listed_after, named_label
from reader.analysis.model import Figure


def label_as_written(where: LabelText, fig: Figure, previous: Figure | None) -> str | None:
    """For a figure nothing else labels, the phrase before it in its clause as the article writes
    it (燃料消耗量负积分达666万, 闭店12家), else the noun that ends its clause after it (共有-134万的积分
    缺口, 10元10斤的洗衣液), when it reads as the name of what is counted: not a phrase that starts
    with a preposition, a pronoun or an adverb, nor one ending in a word that cannot end a name
    (有时, 一般都, 离这个, 我花, 以每天)."""
    if previous is not None and previous.label and previous.unit == fig.unit and _A_RANGE.fullmatch(where.text, previous.end, fig.start):
        return previous.label  # 烧钱金额高达三四百亿元: the high end of a range is what its low end is
    if previous is not None and previous.label and previous.unit == fig.unit and listed_after(where.text, previous, fig):
        return previous.label  # 有赞微商城贡献分别为2.63亿元、4.44亿元和6.34亿元: one measure, listed
    after = previous.end if previous is not None else 0
    # 五六千块钱: the verb stands before the range's low end, 五
    verb_end = previous.start if previous is not None and previous.end == fig.start else fig.start
    moved = SPENT.search(where.text, max(0, verb_end - 8), verb_end)
    if moved is not None and fig.unit == "CNY" and moved.group(1) in _WHAT_MONEY_IS:
        return _WHAT_MONEY_IS[moved.group(1)]  # 我花14万买了辆车 → 花费, 三个人赔了70多万 → 亏损, 一个月只赚了五六千块钱 → 收入
    before = named_label(where, fig, None, after, as_written=True)  # type: ignore[arg-type] - a Figure reads as a Quantity here
    whole_words = where.vocab.not_hedges_before
    if before is not None and (named := a_name(_PER_TIME.sub("", _LEADING.sub("", before.strip())), whole_words)):
        return named  # 房租每月 → 房租
    rest = _REST_OF_CLAUSE.match(where.text, fig.end)
    if rest is None:
        return None
    said = rest.group()
    noun = said.rsplit("的", 1)[-1].strip()
    if not _A_NOUN.fullmatch(noun) or ("的" not in said and len(said) > _SHORT_NOUN) or noun in _NOT_COUNTED:
        return None  # 突破千亿美元大关, 则是成交低位: no noun of what is counted
    return a_name(where.source[rest.end() - len(noun) : rest.end()], whole_words)


# A person's money by the verb that moves it, right before the amount: what the amount is.
_WHAT_MONEY_IS = {
    "花": "花费", "花费": "花费", "赔": "亏损", "亏": "亏损", "赚": "收入", "挣": "收入",
    "月入": "月收入", "年入": "年收入", "月薪": "月薪", "年薪": "年薪",
}
_A_RANGE = re.compile(r"\s*(?:[-–—~～至到]\s*)?")  # 三四百亿元 (nothing between), 10-15万元
_A_NOUN = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,6}")
_SHORT_NOUN = 6
_NOT_COUNTED = frozenset(("大关", "关口", "数据", "计算", "概念", "一年", "分钟", "小时", "左右", "以上", "以下"))
# The rest of a figure's clause, short enough to be what it counts: 的积分缺口，
_REST_OF_CLAUSE = re.compile(r"[^，,。；;：:！？!?（()）\n]{1,12}?(?=[，,。；;！？!?)）\n]|$)")
# Before a phrase's name: the hedge of the figure before it (1000亿以上超级阵营达到24家), and an
# adverb (仅前三甲城市收金超过120亿元, 共; 总共).
_LEADING = re.compile(r"^(?:以上|以下|左右|上下|之多)?(?:总共|共|仅|只|才|均|都)?")
_PER_TIME = re.compile(r"(?:每|一)(?:个)?(?:月|年|天|日|周|季度)$")
