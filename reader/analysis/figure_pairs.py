"""A change told by its two ends: 收入从2018年的4.53亿元增长至2021年的6.61亿元.

The second figure of such a pair measures what the first does (占营收比重从115.7%缩减至50.7%:
both are the share, not a fall), and a pair told later in the paragraph without its years
(交易总额由24.81亿元降至17.53亿元) is about the same two times as the pair before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.analysis.model import Figure
from reader.analysis.periods import TimeExpr
from reader.analysis.text_bounds import Bounds

# What opens the first end: 从/由 at most this many characters before it (由2018年的44.87万单).
_OPENER_CHARS = 10
_OPENERS = "从由"
# Between the ends: a verb of change and 至/到, and the second end's time (降至2021年的, 增长至2020年三季度).
_BRIDGE = re.compile(
    r"[，,]?\s*[^，,。；;：:\d\s]{0,4}[至到]\s*"
    r"(?:(?:19|20)\d{2}年(?:底|末|第?[一二三四1-4]季度|[上下]半年|\d{1,2}月)?的?)?\s*"
)


def closes_pair(text: str, first: Figure, start: int, bounds: Bounds) -> bool:
    """Whether the figure at ``start`` is the far end of a change that ``first`` opens."""
    if bounds.around("sentence", start) != bounds.around("sentence", first.start):
        return False
    if _BRIDGE.fullmatch(text, first.end, start) is None:
        return False
    lo = max(bounds.around("clause", first.start)[0], first.start - _OPENER_CHARS)
    return any(c in _OPENERS for c in text[lo : first.start])


def as_far_end(figure: Figure, first: Figure) -> Figure:
    """The far end measures what the near end does."""
    return replace(figure, label=first.label, measure=first.measure)


def pair_periods(
    text: str, pairs: list[tuple[int, int]], figures: list[Figure], times: list[TimeExpr],
    bounds: Bounds,
) -> list[Figure]:
    """Give a pair whose ends name no time of their own the times of the pair before it in the
    paragraph: 由2018年的0.26亿单降至2021年的0.22亿单，交易总额由24.81亿元降至17.53亿元."""
    out = list(figures)
    dated: tuple[int, int] | None = None
    for near, far in pairs:
        paragraph = bounds.around("paragraph", out[near].start)
        near_timed = _own_time(out[near], out[near - 1] if near else None, times, bounds)
        far_timed = _own_time(out[far], out[near], times, bounds)
        if near_timed and not far_timed and out[far].period == out[near].period:
            out[far] = replace(out[far], period=_time_after(out[near], times, bounds))
        if near_timed or far_timed:
            dated = (near, far)
            continue
        if dated is not None and out[dated[0]].start >= paragraph[0]:
            out[near] = replace(out[near], period=out[dated[0]].period)
            out[far] = replace(out[far], period=out[dated[1]].period)
    return out


def _own_time(
    figure: Figure, before: Figure | None, times: list[TimeExpr], bounds: Bounds
) -> bool:
    """Whether a time is written in the figure's clause between the figure before it and it."""
    lo = bounds.around("clause", figure.start)[0]
    if before is not None:
        lo = max(lo, before.end)
    return any(lo <= t.start and t.end <= figure.start for t in times)


def _time_after(near: Figure, times: list[TimeExpr], bounds: Bounds) -> str | None:
    """The time of the far end of a change whose near end alone names one (其年度亏损由2020年的5.5亿元
    升至32.9亿元): not the near end's, but the last other time told before it in the sentence (2021年
    业绩报告显示，…), else none."""
    sentence = bounds.around("sentence", near.start)
    told = [t for t in times if sentence[0] <= t.start and t.end <= near.start and not t.comparison and t.period != near.period]
    return told[-1].period if told else None

