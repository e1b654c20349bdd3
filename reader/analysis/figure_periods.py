"""When a figure is: the nearest time before it in its sentence, else one carried from the figure
told just before it in its paragraph; and the years a sentence lists for the figures after 分别."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.analysis.figure_grammar import Quantity
from reader.analysis.figure_lists import RESPECTIVELY, linked_runs, list_after, respective_runs
from reader.analysis.figure_vocab import CHANGES, RATIO, SHARE, Vocabulary
from reader.analysis.model import Figure
from reader.analysis.numerals import parse_number
from reader.analysis.periods import TimeExpr
from reader.analysis.text_bounds import Bounds


def period_of(
    fig: Quantity, unit: str | None, times: list[TimeExpr], bounds: Bounds, vocab: Vocabulary
) -> str | None:
    """The nearest time before ``fig`` in its sentence, past a base of comparison."""
    sentence = bounds.around("sentence", fig.start)
    clause = bounds.around("clause", fig.start)
    relative = unit is not None and vocab.unit_class(unit) in (SHARE, RATIO)
    for expr in reversed(times):
        if expr.end > fig.start:
            continue
        if expr.start < sentence[0]:
            break
        if expr.comparison and (relative or expr.start < clause[0]):
            continue  # 比2019年翻了三倍: the figure is about the later year
        if expr.comparison and _CHANGED.search(bounds.text, expr.end, fig.start):
            continue  # 较2019年末增加106.86亿元: a change since the base, told in the later year
        if _FOUNDED.search(bounds.text, max(sentence[0], expr.start - 4), expr.start):
            continue  # 成立于2018年的同程生活，曾在3年内完成了2次企业并购: when it began, not when counted
        if _NOW.search(bounds.text, expr.end, fig.start):
            return None  # 2020年8月北京只有10家门店，如今已扩张到78家: the time of writing, not a date told
        return expr.period
    return None


_FOUNDED = re.compile(r"(?:成立于|创立于|创办于|成立|创立|上线于|诞生于)\s*$")
_NOW = re.compile(r"目前|如今|现如今|现在|当前|至今|今天|眼下|时至今日")


# A verb of change between a base of comparison and the figure makes the figure the change.
_CHANGED = re.compile("增加|增长|减少|下降|上升|提升|提高|降低|上涨|下滑|下跌|缩减|缩小|扩大|增至|降至|升至|翻")


def heading_period(fig: Quantity, times: list[TimeExpr], bounds: Bounds) -> str | None:
    """The time the heading over ``fig`` names (``Bounds.heading_above``), when nothing nearer
    gives one (8月深圳新房网签显著回升 ⏎ …上海173万平方米)."""
    span = bounds.heading_above(fig.start, lookback=_HEADING_LOOKBACK, longest=_HEADING_CHARS)
    if span is None:
        return None
    named = [t for t in times if span[0] <= t.start and t.end <= span[1] and not t.comparison]
    return named[-1].period if named else None


# Nearer and shorter than the heading that names a section's company: with that one's reach (six
# paragraphs, 40 characters) the first tuning set lost two periods to headings of other sections.
_HEADING_LOOKBACK = 3
_HEADING_CHARS = 30


def _breaks_down(text: str, fig: Quantity, before: Figure, bounds: Bounds) -> bool:
    """True when ``fig``'s sentence opens with 其中 and breaks down what the sentence before it in its
    paragraph counted (the figure ``before``, there or earlier in this sentence)."""
    sentence = bounds.around("sentence", fig.start)
    if not _AMONG.match(text, sentence[0]) or RESPECTIVELY in text[sentence[0] : fig.start]:
        return False  # 其中，有赞微商城贡献分别为…: each its own year, as the list before it
    previous = bounds.around("sentence", max(0, sentence[0] - 1))
    return previous[0] <= before.start < fig.start and bounds.around("paragraph", before.start) == bounds.around("paragraph", fig.start)


_AMONG = re.compile(r"\s*其中")


def carried_period(fig: Quantity, measure: str | None, out: list[Figure], bounds: Bounds, vocab: Vocabulary) -> str | None:
    """The period of the figure told just before ``fig`` in its sentence, unless the words between
    compare or span them; else in its paragraph, when ``fig`` is a change or a company's account
    told after it (…同比上升16%。净营业收入环比上升24%: the quarter just told), or breaks it down
    (截至4月底，…21个品牌闭店。其中新式茶饮品牌…共有7个)."""
    if not out or not out[-1].period or out[-1].start < bounds.around("paragraph", fig.start)[0]:
        return None
    if _NOW.search(bounds.text, out[-1].end, fig.start):
        return None  # 去年…亏损在1元以上，目前单票平均收入2.1元: now, not the year before
    if out[-1].start >= bounds.around("sentence", fig.start)[0] and not _COMPARED.search(
        bounds.text, bounds.around("clause", out[-1].start)[0], fig.start
    ):
        return out[-1].period  # 社区增值服务收入达16.006亿元，占公司总收入31.8%: its sentence's time
    if measure in CHANGES or measure in vocab.company_labels or _breaks_down(bounds.text, fig, out[-1], bounds):
        return out[-1].period
    return None




# A comparison or a span between two figures: the figure before may be the base, at another time
# (与去年同期54亿元相比下降10亿元, 比2019年的35家几乎翻了一倍, 从50家到100家).
_COMPARED = re.compile(r"相比|相较|较|(?<!占)比(?![例重率])|从|由|至|到")
_YEAR_SPAN = re.compile(r"(\d{4})年?-(\d{4})(年.+)?")  # 2018-2021, 2019-2021年前三季度
_BARE_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*[-–—~至到]\s*$")
# Between two listed years: 2018年、2019年, 2019 年和 2020 年, 2020年以及截至2021年3月31日
_YEAR_JOINER = re.compile(r"\s*(?:、|，|,|和|及|与|以及)\s*(?:截至|截止)?\s*")


def years_before(text: str, times: list[TimeExpr], lo: int, hi: int) -> list[str]:
    """The years a sentence lists before ``hi``: a range (2018-2021年), a list (2019年、2020年、
    2021年) or both (2022年至2024年及2025年上半年), the last such in ``[lo, hi)``."""
    inside = [t for t in times if lo <= t.start and t.end <= hi and not t.comparison]
    if not inside:
        return []
    listed = [inside[-1]]
    for t in reversed(inside[:-1]):
        if _YEAR_JOINER.fullmatch(text, t.end, listed[0].start):
            listed.insert(0, t)
        else:
            break
    periods: list[str] = []
    for t in listed:
        span = _YEAR_SPAN.fullmatch(t.period)
        bare = _BARE_YEAR_BEFORE.search(text, max(lo, t.start - 8), t.start)
        if span is None and bare is not None and re.fullmatch(r"\d{4}(?:年.+)?", t.period):
            span = _YEAR_SPAN.fullmatch(f"{bare.group(1)}-{t.period}")  # 2018-2021年, 2018—2021年上半年
        if span is None:
            periods.append(t.period)
            continue
        first, final = int(span.group(1)), int(span.group(2))
        if not 0 < final - first < 10:
            return []
        # 2019年~2021年前三季度: the whole years, then the last one's part
        periods.extend(str(y) for y in range(first, final))
        periods.append(f"{final}{span.group(3)}" if span.group(3) else str(final))
    return periods if len(periods) >= 2 else []


def distribute_periods(
    text: str, figures: list[Figure], times: list[TimeExpr], bounds: Bounds, year: int | None = None
) -> list[Figure]:
    """2018-2021年，收入分别为4.53亿元，5.48亿元，5.30亿元，6.61亿元: one year to each figure,
    in order, when the figures after 分别 are as many as the years before it (or as many as
    2018年以来 and 过去三年 count, ``year`` the article's); and so for a list right after 为 with
    no 分别 (2018年至2020年，…资本充足率为12.08%、11.05%、11.02%)."""
    out = list(figures)
    listed: tuple[tuple[int, int], list[str]] | None = None  # the paragraph and years of the last list
    for at, sentence, run in respective_runs(text, out, bounds):
        paragraph = bounds.around("paragraph", at)
        years = years_before(text, times, sentence[0], at) or counted_years(text, times, sentence[0], at, len(run), year)
        told = not run or any(sentence[0] <= t.start < out[run[0]].start for t in times)
        if not years and listed is not None and listed[0] == paragraph and not told:
            # 此外，经营现金流净额分别为…, 同期净利润分别为…: the years its paragraph listed, over
            # the period the figure before would lend them
            years = listed[1]
        if len(run) >= 2 and len(years) == len(run):
            listed = (paragraph, years)
            for i, told_year in zip(run, years):
                out[i] = replace(out[i], period=told_year)
            # …分别为29.92亿、35.69亿和45.95亿元，占营收比重为6.53%、7.09%和6.26%: the sentence's
            # next list of as many figures, with no time of its own, is of the same years
            after = list_after(text, out, run[-1], sentence)
            timed = bool(after) and any(out[run[-1]].end < t.start < out[after[0]].start for t in times)
            if len(after) == len(years) and not timed:
                for i, told_year in zip(after, years):
                    out[i] = replace(out[i], period=told_year)
    for sentence, run in linked_runs(text, out, bounds):
        years = years_before(text, times, sentence[0], out[run[0]].start)
        if len(years) == len(run) and not any(out[run[0]].start < t.start < out[run[-1]].end for t in times):
            for i, told_year in zip(run, years):
                out[i] = replace(out[i], period=told_year)
    return out


def counted_years(text: str, times: list[TimeExpr], lo: int, hi: int, count: int, year: int | None) -> list[str]:
    """The ``count`` years a sentence tells before ``hi`` without listing them: from a year on
    (2018年以来, 2018年起), or the whole years before the article's (过去三年, 近三年)."""
    inside = [t for t in times if lo <= t.start and t.end <= hi and not t.comparison]
    if not inside or count < 2:
        return []
    last = inside[-1]
    if last.period.isdigit() and _SINCE.match(text, last.end) and (year is None or int(last.period) + count - 1 <= year):
        return [str(y) for y in range(int(last.period), int(last.period) + count)]
    past = _PAST_YEARS.fullmatch(last.period)
    if past is not None and year is not None and parse_number(past.group(1)) == count:
        return [str(y) for y in range(year - count, year)]
    return []


_SINCE = re.compile(r"\s*(?:以来|起|开始)")
_PAST_YEARS = re.compile(r"(?:过去的?|近|最近)([一二两三四五六七八九十]|\d+)年")
