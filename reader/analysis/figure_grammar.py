"""The figure grammar: every amount, share, multiplier and count in a text, normalised.

The first of two stages (the second is ``figure_context``).  ``find_quantities`` is the grammar: number (Arabic or Chinese) + magnitude + 多/余 +
currency, %, 倍 or counter word, with hedges and ranges (fractions, lexicalised and colloquial
forms are read in ``figure_forms``), and the exclusions (dates, durations, cohorts, ordinals,
vague amounts, idioms, identifiers).  It knows
nothing about the sentence.  ``extract_figures`` then reads each figure's sentence for what was
measured (label), whose it is (subject), when (period) and whether it is a forecast or a target
(kind) — see ``figure_context``.  Words live in ``resources/figures/``; the code holds the grammar.

Surfaces follow the gold convention: the minimal numeric span, hedges (约, 超过) outside it, 多 and
上 inside it when they are part of the numeral (900多个, 3亿多, 上百万个), and lexicalised forms
whole (翻一番, 破亿, 过半).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from reader.analysis.figure_forms import colloquial, fractions, lexical
from reader.analysis.figure_vocab import (
    COUNT,
    MONEY,
    Vocabulary,
    default_vocabulary,
    ratio_words,
    simplified,
)
from reader.analysis.numerals import ARABIC_NUMERAL, BIG_UNITS, CHINESE_NUMERAL, DIGITS, SMALL_UNITS, parse_number
from reader.analysis.quantity import Quantity
from reader.analysis.text_bounds import SENTENCE_ENDS
from reader.spans import resolve_overlaps

_ARABIC = ARABIC_NUMERAL
_CN_UNITS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_CN = CHINESE_NUMERAL
_CORE = re.compile(rf"(?P<ar>{_ARABIC})|(?P<cn>{_CN})")
_MAGNITUDE_AFTER_ARABIC = re.compile(r"(?P<duo>[多余])?(?P<mag>[十百千万亿萬億]+)")
# The 万 part of an amount written in two sections: 8亿8600万, 3亿5千万 (reports write money so).
_BELOW_YI = re.compile(r"[0-9]{1,4}[千百]?[万萬](?![亿億])")
_MAGNITUDE_AFTER_CHINESE = re.compile(r"(?P<duo>[多余])(?P<mag>[万亿萬億]+)")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9０-９.．_/]")
_LATIN = re.compile(r"[A-Za-z]")
# A cited work's title (《快狗打车“带病”IPO：3年烧掉21亿…》): its numbers are the title's words,
# not figures of this article.
_WORK_TITLE = re.compile(r"《[^《》\n]{1,80}》")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_PUNCT = set("，。；：、！？,.;:!?（）()“”\"'‘’《》【】[]\n")
_MAGNITUDE_CHARS = set(_CN_UNITS)
_BIG = frozenset(BIG_UNITS)


@dataclass(frozen=True, slots=True)
class _Bare:
    """A number with neither magnitude nor unit: a figure only as the first end of a range."""

    start: int
    end: int
    value: float
    qualifier: str | None


def find_quantities(text: str, vocab: Vocabulary | None = None) -> list[Quantity]:
    """Every figure in ``text`` by the grammar alone, in text order, without overlaps.

    Traditional characters are read as simplified (約1546億元); surfaces are the text's own."""
    vocab = vocab or default_vocabulary()
    return quantities_in(text, simplified(text), vocab)


def quantities_in(source: str, folded: str, vocab: Vocabulary) -> list[Quantity]:
    """The figures of ``source``, found in its folded form ``folded`` (same length)."""
    figures = _find_figures(folded, vocab)
    if source == folded:
        return figures
    return [replace(f, surface=source[f.start : f.end]) for f in figures]


def _find_figures(text: str, vocab: Vocabulary) -> list[Quantity]:
    blocked = _idiom_spans(text, vocab)
    found: list[Quantity] = []
    bare: list[_Bare] = []
    for match in _CORE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in blocked):
            continue
        if match.group("cn") is not None and _ROUGH.match(match.group()):
            # 五六千块钱, 四五单: two numbers, not 56 thousand nor 45; the high one is read, and the
            # low one takes its scale and unit as the first end of a range does
            high = _CORE.match(text, match.start() + 1)
            result = _read_figure(text, high, vocab) if high is not None else None
            if isinstance(result, Quantity):
                found.append(result)
                # the low digit in the high one's place: 五 of 五六千 is 5000, 三 of 三四百万 3000000
                low = result.value * parse_number(match.group()[0]) / parse_number(match.group()[1])
                if low >= vocab.min_chinese_count or result.unit is not None and vocab.unit_class(result.unit) != COUNT:
                    found.append(replace(result, start=match.start(), end=match.start() + 1,
                                         surface=text[match.start()], value=low, unit_implied=True))
            continue
        result = _read_figure(text, match, vocab)
        if isinstance(result, Quantity):
            found.append(result)
        elif isinstance(result, _Bare):
            bare.append(result)
    found.extend(fractions(text, vocab))
    found.extend(lexical(text, vocab))
    found.extend(colloquial(text, vocab))
    found = _units_across_ranges(text, resolve_overlaps(found), vocab)
    found.extend(_ranges(text, bare, found, vocab))
    titles = [(m.start(), m.end()) for m in _WORK_TITLE.finditer(text)]
    return [f for f in resolve_overlaps(found) if not any(s < f.start and f.end < e for s, e in titles)]


def _idiom_spans(text: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    spans = []
    for idiom in vocab.idioms:
        for m in re.finditer(re.escape(idiom), text):
            spans.append((m.start(), m.end()))
    return spans


def _read_figure(text: str, match: re.Match[str], vocab: Vocabulary) -> Quantity | _Bare | None:
    """Grow a numeral core into a figure, or say why it is not one (None)."""
    words = vocab.words()
    start, pos = match.start(), match.end()
    chinese = match.group("cn") is not None
    numeral = match.group()
    if chinese and not _valid_chinese_start(numeral):
        return None
    if not chinese and len(numeral) > 1 and numeral[0] in "0０" and numeral[1].isdigit():
        return None  # 03 单凭扩产难赶超: a section's number, written with its zero

    # Magnitude and an inner 多/余: 3.5万, 30多万, 三十多万.
    duo = ""
    magnitude = ""
    more = (_MAGNITUDE_AFTER_CHINESE if chinese else _MAGNITUDE_AFTER_ARABIC).match(
        text, past_space(text, pos)
    )
    if more:
        duo, magnitude = more.group("duo") or "", more.group("mag")
        pos = more.end()
        below = _BELOW_YI.match(text, pos) if not chinese and not duo and magnitude[-1] in "亿億" else None
        if below:
            magnitude, pos = magnitude + below.group(), below.end()  # 8亿8600万美元, 1亿600万
    big = not _BIG.isdisjoint(numeral + magnitude)
    bare_magnitude = chinese and all(c in _MAGNITUDE_CHARS for c in numeral) and not magnitude

    # What stands right before: ordinals, identifiers, vague amounts, 上/破, currency signs, hedges.
    if words.exclude_before.ending_at(text, start):
        return None
    if not chinese and start > 0 and _LATIN_OR_DIGIT.match(text[start - 1]):
        return None
    if chinese and words.vague_before.ending_at(text, start):
        return None
    surface_start = start
    qualifier: str | None = None
    lexical_po = False
    if bare_magnitude and start > 0 and text[start - 1] == "上":
        surface_start, qualifier = start - 1, "上"
    elif bare_magnitude and start > 0 and text[start - 1] == "破" and not text.endswith("突破", 0, start):
        surface_start, lexical_po = start - 1, True
    prefix_unit = None
    sign = words.currency_prefix.ending_at(text, start)
    if sign and not chinese:
        surface_start, prefix_unit = start - len(sign), vocab.currency_prefix[sign]
    named = words.currency_before.ending_at(text, surface_start)
    named_unit = vocab.currency_before[named] if named else None
    hedge_at = surface_start - len(named or "")  # 约合人民币1393亿元
    hedge = words.hedges_before.ending_at(text, hedge_at)
    if hedge and qualifier is None:
        qualifier = hedge
    anaphoric = bool(words.demonstratives.ending_at(text, hedge_at - len(hedge or "")))

    # Dates, durations, cohorts: 2020年, 30天, 85后, 三个月; and 千万级.
    after_number = pos + len(duo) if not duo and text.startswith(("多", "余"), pos) else pos
    for at in {pos, after_number, past_space(text, pos)}:
        if not magnitude and not big and words.exclude_after.starting_at(text, at):
            return None
        if words.exclude_after_magnitude.starting_at(text, at):
            return None
    if not duo and text.startswith(("多", "余"), pos) and _unit_at(text, pos + 1, vocab):
        duo, pos = text[pos], pos + 1  # 900多个: 多 before the counter
    elif not duo and text.startswith(("多", "余"), pos) and (magnitude or big):
        duo, pos = text[pos], pos + 1  # 3亿多
    if duo and words.exclude_after.starting_at(text, pos):
        return None  # 1年多 is caught above; 30多天 here

    # Parsed only now: most numerals are not figures (2020年, 一个), and ruling them out is cheaper.
    try:
        value = parse_number(numeral + magnitude)
    except ValueError:
        return None
    if _negative_sign_before(text, surface_start):
        value, surface_start = -value, surface_start - 1  # -37.5亿元 (a range's 10-20 is not)
    elif surface_start > 0 and text[surface_start - 1] == "负" and not chinese:
        value, surface_start = -value, surface_start - 1  # 负143.29亿元
    scale = _scale(numeral, magnitude, chinese)

    unit, explicit, label, unit_len = None, False, None, 0
    unit_word = _unit_at(text, pos, vocab)
    if unit_word is None and past_space(text, pos) > pos:
        unit_word = _unit_at(text, past_space(text, pos), vocab)  # "5210 亿元", "30 %"
        if unit_word is not None:
            pos = past_space(text, pos)
    counted_end = None
    if unit_word is None and text.startswith(_PLUS, pos) and not text.startswith(_PLUS, pos + 1):
        counted = _unit_at(text, pos + 1, vocab)  # 1100+篇, 30+家: the counter after the plus
        if counted is not None or magnitude or big:  # 70万+
            qualifier = qualifier or "超"
            if counted is not None:
                unit, _, label, after = counted
                counted_end = pos + 1 + after  # what is counted follows it, outside the surface
    if unit_word is not None:
        unit, explicit, label, unit_len = unit_word
        counter = vocab.counters.get(text[pos : pos + unit_len])
        if counter is not None:
            value = round(value * counter.factor, 9)  # 302.3GWh in kWh; 3毛钱 0.3 元, not 0.30000000000000004
    tenths = (
        not unit
        and len(numeral) == 1
        and (chinese and numeral in DIGITS or numeral in "123456789")  # 七成, 占比达6成
        and text.startswith(vocab.tenths, pos)
        and not words.tenths_not_before.starting_at(text, pos + 1)
    )
    if tenths:
        value, unit, explicit, unit_len = value * 10, "%", True, len(vocab.tenths)
    end = pos + unit_len
    if unit == "times" and not duo and text.startswith(("多", "余"), end):
        duo, end = text[end], end + 1  # 两倍多
    if prefix_unit and unit is None:
        unit, explicit = prefix_unit, True
    if named_unit and unit is None and (magnitude or big):
        unit = named_unit  # 人民币100亿: named, outside the surface, so still implied
    elif named_unit and unit_word is not None and text.startswith("元", pos) and unit_len == 1:
        unit = named_unit  # 新台币300亿元: 元 is the named currency's yuan, not renminbi
    if duo and qualifier is None:
        qualifier = duo
    after_hedge = words.hedges_after.starting_at(text, end)
    if after_hedge and qualifier is None:
        qualifier = after_hedge

    # The counter's head noun says what is counted: 2万名粉丝, 1000个商家, 200多个国家.
    if unit is not None and vocab.unit_class(unit) == COUNT and label is None:
        noun = noun_after(text, counted_end or end, vocab, max_gap=4, classes=(COUNT,))
        if noun is not None:
            label = noun.name
            if not explicit:
                unit = noun.unit
    if unit is None and (magnitude or big):
        # 6亿日活, 547万粉丝, 200亿年框, 万亿GMV; an amount is no rate (4.3亿增长到6.7亿)
        at = end + (r.end() - r.start() if (r := ROUND.match(text, end)) is not None else 0)
        noun = noun_after(text, at, vocab, max_gap=0, classes=(MONEY, COUNT))
        if noun is not None:
            label, unit = noun.name, noun.unit

    # Is it a figure at all?
    if lexical_po:
        pass
    elif _a_rank(text, surface_start, text[pos : pos + unit_len]):
        return None  # 销量前二十名, 在前20家企业中, 在车企榜单中可以排到17名: a place in a ranking
    elif value < 10 and unit_len and words.abstract_after.starting_at(text, past_space(text, end)):
        return None  # 分 3 个部分, 2 个方面: how the text is arranged, not a figure
    elif chinese and bare_magnitude and _UNIT_NOTE.search(text, max(0, surface_start - 4), surface_start):
        return None  # 营收（亿元）, 单位：万元: a table's unit, not an amount
    elif chinese and not _chinese_is_figure(text, numeral, value, big, bare_magnitude, unit, qualifier, label, vocab):
        return None
    elif not chinese and unit is None and not magnitude:
        if _LATIN.match(text[end : end + 1]) or len(numeral.replace(",", "")) >= 7:
            return None  # 5G, CC0, phone numbers and IDs
        ratio = _ratio_patterns(vocab)
        if ratio.before.search(text, max(0, start - 12), start) or "." in numeral and _ratio_sentence(text, start, ratio.named):
            unit = "times"  # 开关店比0.94, 市盈率为23.5: a ratio, in times; 从0.78到1.14，…开关店比强势反弹
        else:
            return _Bare(start, end, value, qualifier)

    surface = text[surface_start:end]
    return Quantity(
        start=surface_start,
        end=end,
        surface=surface,
        value=value,
        unit=unit,
        unit_implied=not explicit,
        qualifier=qualifier,
        label=label,
        scale=scale,
        anaphoric=anaphoric,
    )


def _a_rank(text: str, start: int, counter: str) -> bool:
    """A place in a ranking, not a count: 前二十名, 前20位, 前20家 (a cut of a ranking), 排到17名."""
    if counter in _RANK_COUNTERS:
        return _RANKED.search(text, max(0, start - 3), start) is not None
    return counter == "家" and _TOP.search(text, max(0, start - 2), start) is not None


_RANK_COUNTERS = ("名", "位", "强")
# 前 as in the first N (not 此前, 目前, 日前: before a time), or a verb of ranking.
_TOP = re.compile(r"(?<![此之目以提当眼日年月天从面先事空生节赛会])前$")
_RANKED = re.compile(r"(?:(?<![此之目以提当眼日年月天从面先事空生节赛会])前|排到|排在|排至|排进|低于|高于)$")


# What stands before a unit that annotates a table or a heading: （亿元）, 单位：万元.
_UNIT_NOTE = re.compile(r"(?:[（(]|单位[：:]\s*)$")


# A funding round named between an amount and its noun: 2.5亿C轮系列融资, 1亿元Pre-A+轮融资.
ROUND = re.compile(r"\s?(?:Pre-)?(?:[A-Z]\+{0,2}|天使|种子|战略|新一)\s?轮(?:系列)?")  # also "10 亿美元 B 轮融资"


def _ratio_sentence(text: str, at: int, named: re.Pattern[str]) -> bool:
    """Whether the sentence around ``at`` names a ratio (开关店比, 市盈率): its bare decimals are the
    ratio's values (从0.78到1.14，…开关店比强势反弹; 远高于上半年的1.39)."""
    lo = max(text.rfind(c, 0, at) for c in SENTENCE_ENDS) + 1
    hi = min((i for c in SENTENCE_ENDS if (i := text.find(c, at)) >= 0), default=len(text))
    return named.search(text, lo, hi) is not None


@dataclass(frozen=True, slots=True)
class _RatioPatterns:
    named: re.Pattern[str]  # a ratio's name anywhere
    before: re.Pattern[str]  # a ratio's name and its link right before a number: 开关店比0.94, 市盈率为23.5


@cache
def _ratio_patterns(vocab: Vocabulary) -> _RatioPatterns:
    """The vocabulary's ratios (``figure_vocab.ratio_words``), and 比值 and P/E, as patterns."""
    names = "|".join(map(re.escape, (*ratio_words(vocab), "比值")))
    return _RatioPatterns(
        re.compile(names),
        re.compile(
            rf"(?:{names}|(?<![A-Za-z])P/?[EBS])(?:\s*[(（][^)）]{{1,6}}[)）])?"
            r"(?:为|是|达到|达|约|仅|只有|高达|降至|升至|从|由|在|\s)*$"
        ),
    )


_PLUS = ("+", "＋")  # 1100+篇: more than, as a hedge
# Spaces typeset between a number, its magnitude and its unit: "5210 亿元", "9500 万人".
_SPACES = " \u00a0\u2002\u2003\u2009\u202f\u3000"
_MINUS = "-−－–"


def past_space(text: str, pos: int) -> int:
    """``pos`` past one or two spaces, where a magnitude or unit may still follow."""
    end = pos
    while end < len(text) and end - pos < 2 and text[end] in _SPACES:
        end += 1
    return end


def _negative_sign_before(text: str, start: int) -> bool:
    """A minus sign right before ``start`` that is a sign, not a range's dash or a date's:
    the character before it is no Latin digit or letter, % or closing bracket, and no magnitude
    or unit that ends an amount (116亿-123亿元, 5元-8元: a range)."""
    if start == 0 or text[start - 1] not in _MINUS:
        return False
    before = text[start - 2] if start >= 2 else " "
    return not (
        (before.isascii() and before.isalnum())
        or before in "%％)）]】０１２３４５６７８９"
        or before in "万亿萬億元倍" and start >= 3 and (text[start - 3].isdigit() or text[start - 3] in "万亿萬億")
    )


# Two neighbouring digits that say "about this or the next" (三四百万, 五六千块钱, 两三个).
_ROUGH = re.compile(r"一二|两三|二三|三四|四五|五六|六七|七八|八九")


def _valid_chinese_start(numeral: str) -> bool:
    """一万, 十二, 百万 start a number; 万一 and 千百 do not."""
    first = numeral[0]
    if first in DIGITS or first in "十拾":
        return True
    return all(c in _MAGNITUDE_CHARS for c in numeral)


def _scale(numeral: str, magnitude: str, chinese: bool) -> float:
    if not chinese:
        return parse_number(magnitude) if magnitude else 1.0
    tail = re.search(r"[万亿萬億]+$", numeral)
    return parse_number(tail.group()) if tail and tail.start() > 0 else 1.0


def _unit_at(text: str, pos: int, vocab: Vocabulary) -> tuple[str, bool, str | None, int] | None:
    """The unit word at ``pos``: (unit, whether the word names it, label, length)."""
    words = vocab.words()
    word = words.percent.starting_at(text, pos)
    if word:
        return vocab.percent[word], True, None, len(word)
    word = words.multiplier.starting_at(text, pos)
    if word:
        return vocab.multiplier[word], True, None, len(word)
    word = words.currency_suffix.starting_at(text, pos)
    if word:
        return vocab.currency_suffix[word], True, None, len(word)
    word = words.counters.starting_at(text, pos)
    if word and not (_LATIN.match(word[-1]) and _LATIN.match(text[pos + len(word) : pos + len(word) + 1])):
        counter = vocab.counters[word]
        following = text[pos + len(word) : pos + len(word) + 1]
        if following and following in counter.not_before:
            return None  # 5亿毛利: the first character of another word, no counter
        return counter.unit, counter.explicit, counter.label, len(word)
    return None


_JOINS = ("和", "与", "及", "或")


def noun_after(
    text: str, pos: int, vocab: Vocabulary, *, max_gap: int, classes: tuple[str, ...] | None
):  # type: ignore[no-untyped-def]
    """The label named by a noun starting within ``max_gap`` characters of ``pos``."""
    if text.startswith("的", pos):
        pos += 1
    window = text[pos : pos + max_gap + 8]
    for m in vocab.after_pattern().finditer(window):
        gap = window[: m.start()]
        if m.start() > max_gap or any(c in _PUNCT for c in gap) or gap.startswith(_JOINS):
            return None  # 营收10亿元和净利润2亿元: the measure after a join is the next figure's
        if vocab.is_verb(m.group()):
            continue  # 4.3亿增长到: the amount does, it is not named by the verb
        if len(m.group()) == 1 and _HAN.match(window, m.end()):
            continue  # 17家店 names stores; 万店掌 is a longer word that begins with 店
        label = vocab.after_label_for(m.group())
        if label is not None and (classes is None or vocab.unit_class(label.unit) in classes):
            return label
    return None


def _chinese_is_figure(
    text: str,
    numeral: str,
    value: float,
    big: bool,
    bare_magnitude: bool,
    unit: str | None,
    qualifier: str | None,
    label: str | None,
    vocab: Vocabulary,
) -> bool:
    """Chinese numerals are everywhere in ordinary words; only some are figures."""
    if bare_magnitude and len(numeral) == 1 and numeral in "十百千":
        # 百, 千 alone are words (百家, 千里), not amounts — unless hedged and counted (逾千家门店)
        return qualifier is not None and unit is not None and vocab.unit_class(unit) == COUNT
    if unit is None:
        if bare_magnitude:
            return qualifier is not None or label is not None  # 过百万, 上千万, 千万粉丝
        return big  # 三万 — what it counts comes from the sentence
    cls = vocab.unit_class(unit)
    if cls == MONEY:
        return any(c in _MAGNITUDE_CHARS for c in numeral)  # 五十亿元, not 一元化
    if cls == COUNT:
        return big or value >= vocab.min_chinese_count  # not 两个要素, 四位主播
    return True  # %, 倍, 成


def _ranges(text: str, bare: list[_Bare], found: list[Quantity], vocab: Vocabulary) -> list[Quantity]:
    """20、30万人 → 20 takes 万 and 人 from its partner; 10-20% → 10 takes %."""
    by_start = {f.start: f for f in found}
    out = []
    for b in bare:
        connector = vocab.words().range_connectors.starting_at(text, b.end)
        if connector is None:
            continue
        partner = by_start.get(b.end + len(connector))
        if partner is None or partner.unit is None and partner.scale == 1.0:
            continue
        coefficient = partner.value / partner.scale
        if b.value > coefficient:
            continue
        out.append(
            Quantity(
                start=b.start,
                end=b.end,
                surface=text[b.start : b.end],
                value=b.value * partner.scale,
                unit=partner.unit,
                unit_implied=True,
                qualifier=b.qualifier,
                label=partner.label,
                scale=partner.scale,
            )
        )
    return out


def _units_across_ranges(text: str, found: list[Quantity], vocab: Vocabulary) -> list[Quantity]:
    """6.2亿至6.4亿美元: the low end, written without its unit, is in the high end's."""
    out = list(found)
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        if low.unit is not None or high.unit is None or high.unit_implied and high.label is None:
            continue  # 6亿至8亿用户 shares 用户; 6亿至8亿, nothing
        connector = vocab.words().range_connectors.starting_at(text, low.end)
        if connector is not None and high.start == low.end + len(connector):
            out[i] = replace(low, unit=high.unit, label=low.label or high.label)
    return out
