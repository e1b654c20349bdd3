"""What a figure measures: the vocabulary's label nearest before it (its ``measure``), and the
label as the article names it — the phrase before the figure, the noun after it, or the label of
the figure it is listed after."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from reader.analysis.figure_grammar import ROUND, Quantity, noun_after
from reader.analysis.figure_label_after import (
    CONJUNCTIONS,
    MAX_LABEL,
    PHRASE_STOPS,
    TIME_PREFIX,
    counted_after,
    label_after_figure,
    named_after_percent,
    per_share_sign,
    per_thing_price,
    stock_swing,
)
from reader.analysis.figure_label_compared import compared_multiple, compared_with, moved_from, range_end
from reader.analysis.figure_label_referred import MARKET_SIZE, aspect_measure, market_named, name_end, referred_measure
from reader.analysis.figure_share_label import share_of_whole
from reader.analysis.figure_label_changes import (
    FALL_OF,
    before_the_change,
    change_by_name,
    changed_label,
    changed_measure,
    level_after_change,
)
from reader.analysis.figure_vocab import CHANGES, COUNT, MONEY, RATIO, SHARE, Label, Vocabulary
from reader.analysis.model import Figure
from reader.analysis.text_bounds import ASIDE_CHARS, Bounds, Mentions


class LabelHits:
    """The label words of a text in text order, with their starts for bisection."""

    def __init__(self, hits: list[LabelHit]) -> None:
        self.hits = hits
        self.starts = [h.start for h in hits]


@dataclass(frozen=True, slots=True)
class LabelHit:
    start: int
    end: int
    label: Label
    verb: bool  # 增长, 售出: used only when no noun in the same scope names a label


def directed(text: str, hit: LabelHit, vocab: Vocabulary) -> LabelHit:
    """``hit`` turned into its fall when it names a comparison and a verb of falling follows it:
    同比微降0.81%, 较去年同期下降15%, 按年减少2.8% (同比 alone names a rise)."""
    falling = FALL_OF.get(hit.label.name)
    if falling is None:
        return hit
    at = _ADVERB.match(text, hit.end).end()
    fall = vocab.label("降幅")
    verb = next((v for v in (fall.verbs if fall else ()) if text.startswith(v, at)), None)
    label = vocab.label(falling)
    if verb is None or label is None:
        return hit
    return LabelHit(hit.start, at + len(verb), label, hit.verb)


_ADVERB = re.compile(r"(?:就|则|亦|也|却|仍)?(?:小幅|大幅|略有|略微|略|均|分别|有所|进一步|再度|继续)?")


def label_and_unit(
    text: str, fig: Quantity, hits: LabelHits, bounds: Bounds, vocab: Vocabulary
) -> tuple[str | None, str | None, LabelHit | None]:
    """The figure's measure (the vocabulary's label), its unit, and the label word of the text
    that decided it, when one before the figure did."""
    unit = fig.unit
    if fig.label is not None:
        return fig.label, unit, None
    clause = bounds.around("clause", fig.start)
    if per_share_sign(text, fig) and (price := vocab.label_for("股价")) is not None:
        named = _nearest_before(hits, clause[0], fig.start, lambda label: label.name == price.name)
        # 发行价定为272.80港元/股 as its clause names it; 爱奇艺实现盈利…报3.910美元/股: a share's
        # price, whatever else the sentence names
        return price.name, unit, named
    if unit is not None and vocab.unit_class(unit) == RATIO:
        def is_ratio(label: Label) -> bool:
            return label.unit == unit and label.name != "增长倍数"

        valued = _nearest_before(hits, clause[0], fig.start, is_ratio)
        if valued is not None:  # 市盈率约为25倍: a multiple the vocabulary names, not a growth
            return valued.label.name, unit, valued
        sentence = bounds.around("sentence", fig.start)
        named = [h for h in hits.hits if sentence[0] <= h.start < sentence[1] and is_ratio(h.label) and not h.verb]
        if named and fig.unit_implied:  # 从0.78到1.14，…开关店比强势反弹: a bare ratio, the one its sentence names
            return named[0].label.name, unit, None
        return "增长倍数", unit, None
    wanted = vocab.unit_class(unit) if unit is not None else None
    sentence = bounds.around("sentence", fig.start)

    def fits(label: Label) -> bool:
        if wanted is None:  # a bare 6亿 is an amount or a count, never a share or a multiple
            return vocab.unit_class(label.unit) in (MONEY, COUNT)
        return vocab.unit_class(label.unit) == wanted

    if wanted == MONEY:
        round_ = ROUND.match(text, fig.end + (1 if text.startswith("的", fig.end) else 0))
        after = round_.end() if round_ is not None else fig.end  # 5000万美元的天使轮融资: the round's money
        noun = noun_after(text, after, vocab, max_gap=2, classes=(MONEY,))
        if noun is not None:  # 60亿元广告, 10亿元电商佣金, 3810亿元的交易
            # a price or a cost is quoted as written (以252港元发行价计算, 8亿人民币的营销支出): the
            # vocabulary's name is only the category; 70亿元的年度框架协议 keeps 协议金额
            said = vocab.after_pattern().search(text, after, after + 12) if noun.name in _QUOTED_AFTER else None
            hit = LabelHit(said.start(), said.end(), noun, False) if said is not None and vocab.after_label_for(said.group()) == noun else None
            return noun.name, unit, hit
    before_clause = _nearest_before(hits, clause[0], fig.start, fits)
    if (
        before_clause is not None
        and unit is None
        and vocab.unit_class(before_clause.label.unit) == MONEY
        and _COUNTED_AFTER.match(text, before_clause.end)
    ):
        return None, None, None  # 广告主数量为290万: advertisers counted, not advertising money
    if before_clause is not None:
        return before_clause.label.name, unit or before_clause.label.unit, before_clause
    if unit in _THINGS and (sold := _nearest_before(hits, clause[0], fig.start, lambda label: label.name == "销售额")) and sold.verb:
        return "销量", unit, None  # 上汽集团销售整车94.5万辆, 销售手套248亿只: things sold are a sales volume, not money
    if wanted == SHARE and (change := _CHANGE_AFTER.match(text, fig.end)) is not None:
        label = vocab.label_for(change.group(1) or change.group(2))  # 实现了11.39%的同比增长: a change, not a share
        if label is not None:
            return label.name, unit, None
    if wanted == SHARE and (named := _share_named_after(text, fig, vocab)) is not None:
        return named.name, unit, None  # 保持9%的份额: the share the figure is of
    if wanted == SHARE:
        after = text[fig.end : fig.end + 3]
        if "占" in text[clause[0] : fig.start] or after.lstrip("以上下左右 ").startswith("的"):
            return "占比", unit, None  # 占全年零售总额的21.3%, 约20%的收入
    if unit is None:
        noun = noun_after(text, fig.end, vocab, max_gap=2, classes=None)
        if noun is not None:
            return noun.name, noun.unit, None
        if fig.value < _A_PERSONS_MONEY and SPENT.search(text, max(clause[0], fig.start - 8), fig.start):
            return None, "CNY", None  # 我花14万买了辆车, 三个人赔了70多万: someone's money, in yuan
    before_sentence = _nearest_before(hits, sentence[0], fig.start, fits)
    if before_sentence is not None and before_sentence.verb:
        before_sentence = None  # 尝试减少…时间，大约40%的受访者: another clause's verb says nothing
    if before_sentence is not None:
        return before_sentence.label.name, unit or before_sentence.label.unit, before_sentence
    if wanted == SHARE:
        return "占比", unit, None
    if unit == "people":
        return "人数", unit, None
    return None, unit, None


_LISTED_SHARE = re.compile(r"\s*[和、及与]\s*[\d.]+\s*%")


def _share_named_after(text: str, fig: Quantity, vocab: Vocabulary) -> Label | None:
    """The share measure named right after a percentage and 的: 9%的份额, 30%的市场份额."""
    at = fig.end
    while (listed := _LISTED_SHARE.match(text, at)) is not None:
        at = listed.end()  # 分别以10%和8%的份额: the share after the list is each one's
    while at < len(text) and text[at] in "以上下左右 ":
        at += 1
    if not text.startswith("的", at):
        return None
    m = vocab.label_pattern().match(text, at + 1)
    if m is None and (phrase := _NOUN_AFTER.match(text, at + 1)) is not None:
        # 35.3% 的硬件毛利率: the rate a noun phrase after 的 ends in
        m = next((w for w in vocab.label_pattern().finditer(text, at + 1, phrase.end()) if w.end() == phrase.end()), None)
    label = vocab.label_for(m.group()) if m is not None else None
    return label if label is not None and vocab.unit_class(label.unit) == SHARE and label.name != "占比" else None


# A noun phrase after a percentage and 的, to the end of its clause: 的硬件毛利率, 的 MAU 增长.
_NOUN_AFTER = re.compile(r"\s*[^，,。；;：:！？、（()）\d%]{1,10}?(?=\s*(?:[，,。；;！？)）]|$))")


# A rate told before the change it measures: 11.39%的同比增长, 16.81%的增长.
_CHANGE_AFTER = re.compile(
    r"(?:以上|左右)?(?:[、，,和及与]\s*[\d.]+\s*%)*的?(?:年)?((?:同比|环比)?(?:增长|增幅|涨幅|上涨|提升|增速|下降|下滑|降幅|跌幅|减少|下跌))(?![至到])"
    r"|\s*(?:以上|左右)?\s*的\s*[^，,。；;！？、\d%的]{1,8}?\s*((?:同比|环比)?(?:增长|增幅|涨幅|提升|增速|下降|下滑|降幅|跌幅))(?=\s*(?:[，,。；;！？)）]|$))"
)  # 11.39%的同比增长; 17.7%、15%、9.9%增长: a list of rates before the change they measure


# A short aside in brackets between a measure and its figure: 在线账户数(季度), 营收（亿元）.
# MAU（月活跃用户）数量达, 上市公司（包括主板、创业板，下同）524家
_ASIDE = re.compile(r"[（(][^（()）\d]{1,%d}[）)](?:数量|总数|总量|规模)?$" % ASIDE_CHARS)
_SINCE = re.compile(r"(?:从|由|自)[^，,。；;从由自的]{2,12}的$")


_QUOTED_AFTER = frozenset(("价格", "成本"))
_THINGS = frozenset(("items", "other"))  # what a count of things sold is in (not people, users or stores)
_MAX_NAMED = 16  # a longer phrase that no measure word shortens is still its name, whole


@dataclass(frozen=True, slots=True)
class LabelText:
    """What a label is read from: the folded text to match in, the article's own letters (of the
    same length) to quote, its bounds, its names and the vocabulary."""

    text: str
    source: str
    bounds: Bounds
    mentions: Mentions
    vocab: Vocabulary


def label_of(
    where: LabelText,
    fig: Quantity,
    measure: str | None,
    earlier: list[Figure],
    word: LabelHit | None = None,
) -> str | None:
    """The label: the phrase before the figure, else the noun after it, else — for a figure
    listed right after another (4.53亿元，5.48亿元) — the label of the one before; else the
    measure in the article's own word (股价, not the vocabulary's 价格). A Latin measure word is
    spelled as the vocabulary spells it (单场gmv → 单场GMV)."""
    label = _label(where, fig, measure, earlier, word)
    if label is None or not label.strip():
        return None
    label = _without_lead(label.strip(), where.vocab)  # 约10%是结构化信托融资 → 结构化信托融资, whatever found it
    for short, whole in where.vocab.spelled_out.items():
        label = label.replace(short, whole)  # 中国内地市占率 → 中国内地市场占有率
    return _LATIN_RUN.sub(lambda m: where.vocab.spelled(m.group()), label.strip())


_LATIN_RUN = re.compile(r"[A-Za-z]+")
# A count or a span of months before a measure's name: what or when it covers, not its name.
_COUNTED_PREFIX = re.compile(r"[^\dA-Za-z]{0,4}\d+(?:\s*[-–~至到]\s*\d+)?\s*(?:个月|月份|月|个|家|座|城市|城)")
# Everything up to the last date of a phrase, or a version after a Latin name (Android 11); not TOP3,
# a code, nor 00后 or 60周岁.
_DATED = re.compile(
    r".*(?:(?<![A-Za-z\d.])\d[\d.]*\s*(?:年底|年初|年末|年|月底|月末|月份|月|日|号|季度)|[A-Za-z]\s\d[\d.]*(?![A-Za-z\d]))\s*"
)
_VERSION = re.compile(r"\s*\d[\d.]*(?![A-Za-z\d])\s*")  # Android| 11安装率: a version after the name
_LATIN_BEFORE = re.compile(r"[A-Za-z]\s?$")
_COMPARED = ("相比", "相较", "比", "较", "同比", "环比")  # 与1-7月相比下降: a base of comparison, not a scope
_LATIN_CODE = re.compile(r"(?<![A-Za-z])(?![QqHh][1-4](?![0-9]))[A-Za-z]+[0-9]+")  # TOP3, TOP100; not Q4, a time


def _label(
    where: LabelText, fig: Quantity, measure: str | None, earlier: list[Figure], word: LabelHit | None
) -> str | None:
    text, source, vocab = where.text, where.source, where.vocab
    if per_share_sign(text, fig) and word is None:
        return "股价"
    if measure == _MULTIPLE and (compared := compared_multiple(where, fig)) is not None:
        return compared  # 是抖音的两倍多, 价格贵了两到三倍: how many times another, no growth
    if measure == _SHARE_OF and fig.label is None:
        clause = where.bounds.around("clause", fig.start)
        if (part_of_whole := share_of_whole(where, fig, clause[0], earlier[-1] if earlier else None)) is not None:
            return part_of_whole  # 原材料成本分别占其总成本的77% → 原材料成本占总成本
    if (referred := referred_measure(where, fig, earlier)) is not None:
        return referred  # 成本收入比也逐年攀升，…该行这一指标分别为48.63%: the measure referred to
    if measure == MARKET_SIZE and word is None and (market := market_named(where, fig)) is not None:
        return market  # 全球云计算市场约为2000亿美元 → 全球云计算市场规模
    named = named_label(where, fig, measure, earlier[-1].end if earlier else 0)
    if named in (None, measure) and (swing := stock_swing(where, fig)) is not None:
        return swing  # 截至5月26日收盘，收涨9.22%: the share price's move, when nothing names it
    if named == measure and (of := named_after_percent(where, fig)) is not None:
        return of  # 35.3% 的硬件毛利率, 16% 左右的 MAU 增长: named after, not before
    if named in (None, measure) and measure is None and (price := per_thing_price(where, fig)) is not None:
        return price  # 3元一包的常温牛奶, 每瓶8.4元: what a thing costs
    if measure in CHANGES and named is not None:
        named = change_by_name(named, measure, vocab)
    if measure in _FALLING and named is not None and not any(c in named for c in _FALL_CHARS):
        return measure  # a fall's value is written positive: its label must say it fell
    if measure not in CHANGES and earlier and (level := level_after_change(text, fig, earlier[-1])) is not None:
        return level  # 配送费用同比增长175%至17亿元 → 配送费用: the level the change reached
    bare_change = named == measure or (named is not None and vocab.label_for(named) == vocab.label(measure or ""))
    if measure in CHANGES and bare_change and earlier and (whose := changed_measure(where, fig, earlier[-1])):
        return whose + measure  # 营收为6.61亿元，同比增加24.59% → 营收同比增长
    if bare_change and measure in CHANGES and fig.label is None:
        return measure  # 同比上升16%, 相比去年同期增长19%: the change, by its one name
    if fig.label is not None and measure in vocab.generic_labels and (counted := counted_after(where, fig)):
        return counted + "数"  # 9家物业管理公司 → 物业管理公司数, 1370万名注册司机 → 注册司机数, not 企业数
    if named != measure or fig.label is not None:
        return named
    gap = "".join(text[earlier[-1].end : fig.start].replace("以及", "及").split()) if earlier else ""
    if earlier and earlier[-1].unit == (fig.unit or earlier[-1].unit) and listed_after(text, earlier[-1], fig) and earlier[-1].label:
        return earlier[-1].label  # 4.53亿元，5.48亿元, 10.12亿、以及12.15亿港元 (but 4685家，46%集中在…: another measure)
    if earlier and earlier[-1].unit == fig.unit and _RISE_AGAIN.fullmatch(gap) and earlier[-1].label:
        return earlier[-1].label  # 抽佣率上升至9.8%和8.2%，并在2021年进一步上升至12.0%: the same measure, again
    said = source[word.start : word.end] if word is not None and not word.verb else measure
    if measure is None or measure in vocab.generic_labels:
        return (
            label_after_figure(where, fig) or range_end(where, fig, earlier) or moved_from(where, fig, earlier)
            or said or compared_with(where, fig, earlier) or aspect_measure(where, fig)
        )
    round_ = ROUND.match(text, fig.end + (1 if text.startswith("的", fig.end) else 0))
    if measure == "融资" and round_ is not None and text.startswith(measure, round_.end()):
        return source[round_.start() : round_.end() + len(measure)].strip()  # 5000万美元的天使轮融资 → 天使轮融资
    return said


_MULTIPLE = "增长倍数"
_SHARE_OF = "占比"
_LIST_JOINERS = "、，,和及与"


def listed_after(text: str, before: Figure | Quantity, fig: Figure | Quantity) -> bool:
    """Whether ``fig`` is listed right after ``before``: one or two joiners between them, as
    typeset (48.63%、 53.92 %; 10.12亿、以及12.15亿港元)."""
    gap = "".join(text[before.end : fig.start].replace("以及", "及").split())
    return 0 < len(gap) <= 2 and all(c in _LIST_JOINERS for c in gap)


# The same measure moving on, in the next clause: ，并在2021年进一步上升至 / ，2022年又降至.
_RISE_AGAIN = re.compile(
    r"[，,]\s*(?:并|而|且|但|随后|之后)?\s*(?:在|于)?\s*(?:(?:19|20)\d{2}\s*年(?:底|末|初)?)?\s*(?:进一步|继续|再度|再|又|则)"
    r"(?:上升|下降|增长|增加|减少|提升|提高|降低|回落|回升|升|降|增|涨|跌)(?:到|至)\s*"
)
_FALLING = frozenset(("同比下降", "环比下降", "降幅"))
_FALL_CHARS = "降跌减滑亏缩"


def named_label(where: LabelText, fig: Quantity, measure: str | None, after: int = 0, as_written: bool = False) -> str | None:
    """The measure as the article names it: the noun phrase right before the figure in its
    clause and after the figure before it (内地抽佣率分别为9.8% → 内地抽佣率; 研发费用占营收比重为16.8%;
    395个品牌月成交额破百万元 → 月成交额), when it names a measure the vocabulary knows or the
    vocabulary's own label is missing or generic. ``as_written``: a phrase that names no measure
    the vocabulary knows is given as written, not dropped (the last label a figure can have)."""
    text, source, bounds, mentions, vocab = where.text, where.source, where.bounds, where.mentions, where.vocab
    if fig.label is not None:
        return measure  # the figure names it itself: 2万名粉丝
    clause = bounds.around("clause", fig.start)
    end = name_end(where, fig, clause[0])
    timed = TIME_PREFIX.match(text, clause[0], end).end()  # 7月跌至6314套: the figure's own time
    trend = _TREND_TAIL.search(text, max(0, clause[0] - 12), clause[0] - 1) if clause[0] > 0 else None
    named_at = trend.start() if trend is not None else clause[0] - 1
    if (
        clause[0] > after and end in (clause[0], timed) and text.endswith(_COMMAS, 0, clause[0])
        and (end == clause[0] or trend is not None)
        and text.endswith(_RATE_HEADS if fig.unit == "%" else _AMOUNT_HEADS, 0, named_at)
        and _ENDS_CLAUSE.match(text, fig.end, clause[1])
    ):
        # 2021年的AAC留存率，高达86%; 对应的新关店数，则约为47000家: a clause of only how much,
        # after one naming the measure; 二手住宅成交量开始一路下滑，7月跌至6314套: the measure
        # named before its trend, the level reached and when
        clause = bounds.around("clause", named_at - 1)
        end = named_at
    aside = _ASIDE.search(text, max(clause[0], end - ASIDE_CHARS - 6), end)
    if aside is not None:
        end = aside.start()  # QQ最高同时在线账户数(季度)达到2.50亿: the aside is no part of the name
    since = _SINCE.search(text, max(clause[0], end - 16), end)
    if since is not None and since.start() - clause[0] >= 2:
        end = since.start()  # 月均独立设备从2019年一季度的782万台: what changed is named before 从
    start = max(clause[0], min(after, end))
    for i in range(end - 1, start - 1, -1):
        if text[i] in PHRASE_STOPS or text[i] == "的":
            start = i + 1
            break
    if start == after > clause[0]:  # 66个品牌破千万元: what the count before counts, not this figure's name
        start += max((len(w) for w in vocab.counted_heads if text.startswith(w, start, end)), default=0)
    while start < end and text[start].isspace():
        start += 1
    for _ in range(4):  # 其中2020年营收 → 营收; 快狗打车取得收入 → 收入
        before = start
        timed = TIME_PREFIX.match(text, start, end).end()
        if timed > start and text.startswith("时", timed) and not text.startswith(vocab.label_words["time_words"], timed):
            timed += 1  # 2015年底时微信用户数: the time's 时, not 时长
        start = timed
        lead = next(
            (w for w in vocab.label_leads if text.startswith(w, start, end) and not _word_at(text, start, w, vocab)),
            None,
        )
        start += len(lead or "")
        if text.startswith("在", start, end) and any(m.start == start + 1 for m in mentions.within(start + 1, end)):
            start += 1  # 其在中国内地市占率 → 中国内地…: where, and then whose
        owner = next((m for m in mentions.within(start, end) if m.start == start and m.end < end), None)
        if owner is not None:  # 抖音平台每日用户 → 每日用户: whose it is is the subject
            start = owner.end
            start += next((len(w) for w in vocab.label_words["owner_words"] if text.startswith(w, start, end)), 0)
            # 美团和饿了么在战前日订单量 → 战前日订单量: the owners listed, and where
            joined = next((w for w in CONJUNCTIONS if text.startswith(w, start, end)), None)
            other = next((m for m in mentions.within(start, end) if joined and m.start == start + len(joined)), None)
            if other is not None and other.end < end:
                start = other.end
            if text.startswith("在", start, end) and not text.startswith("在线", start) and end - start > 3:
                start += 1
        if start == before:
            break
    if end - start > MAX_LABEL:
        # too long to be a name: from the first measure word that leaves it short enough, never
        # from the change a measure's name ends in (成交面积环比下降: not 环比下降 alone)
        named_end = start + before_the_change(text[start:end], measure, vocab)
        starts = [m.start() for m in vocab.label_pattern().finditer(text, start, named_end)]
        start = next((s for s in starts if end - s <= MAX_LABEL), start if end - start <= _MAX_NAMED else end - MAX_LABEL)
    for m in mentions.within(max(0, start - MAX_LABEL), end):
        if m.start < start < m.end:
            start = m.end  # never half a name
    phrase = text[start:end].rstrip()
    counted = _COUNTED_PREFIX.match(phrase)
    if counted is not None and len(phrase) - counted.end() >= 2 and not phrase.startswith(_COMPARED, counted.end()):
        start += counted.end()  # 全国300城市土地出让金总额 → 土地出让金总额, 境内1-8月累计发债规模 → 累计发债规模
        phrase = phrase[counted.end() :]
    dated = _DATED.match(phrase) or (_VERSION.match(phrase) if _LATIN_BEFORE.search(text, max(0, start - 2), start) else None)
    if dated is not None and fig.unit == "%" and len(phrase) - dated.end() >= 2 and phrase[dated.end() :].endswith(vocab.label_heads):
        start += dated.end()  # 截至6月31日融资成本 → 融资成本, Android 11安装率 → 安装率: a date or a version first
        phrase = phrase[dated.end() :]
    if len(phrase) < 2 or not phrase[-1].isalpha() or any(c.isdigit() for c in _LATIN_CODE.sub("", phrase)):
        return measure  # 2020年营收: a time; but TOP3房企门槛值 names a group by its code
    compared = _THE_COMPARISON.match(phrase)
    if compared is not None and vocab.is_verb(phrase[compared.end() :].removesuffix("了")):
        return measure  # 与之前的10亿相比上涨了110%, 与上年相比增长: a comparison and a verb name nothing
    if any(m.start == start and m.end >= start + len(phrase) for m in mentions.within(start, end)):
        return measure  # the phrase is a name (快狗打车4.6亿元), not a measure
    found = list(vocab.label_pattern().finditer(phrase))
    changed = changed_label(source[start : start + len(phrase)], found, measure, vocab)
    if changed is not None:
        return changed  # 营收增长, 收入升 → 收入增长, 股价上涨 → 股价涨幅, 成交面积环比下降
    acted = next((m for m in found if vocab.is_verb(m.group()) and m.end() >= len(phrase) - 2), None)
    if acted is not None and not (found[-1].end() < len(phrase) and phrase.endswith(vocab.label_words["amount_heads"])):
        # 第一场直播售出, 一年能卖出: an action, not the name of a measure (but 花费金额 is one); the
        # measure named by the verb when its label has that name (上险了28辆车 → 上险量, 交付 → 交付量)
        return _named_by_verb(acted.group(), measure, vocab) or measure
    cue_end = max((phrase.find(cue) + len(cue) for cues in vocab.kind_cues.values() for cue in cues if cue in phrase), default=-1)
    ending = next((cue for cues in vocab.kind_cues.values() for cue in cues if phrase.endswith(cue)), None)
    if ending is not None and phrase[: -len(ending)].upper().endswith(vocab.label_heads):
        # 潜在市场总额预期为14581亿元 → 潜在市场总额: the forecast follows the measure's name
        phrase = phrase[: -len(ending)]
        found = list(vocab.label_pattern().finditer(phrase))
    elif cue_end >= 0:
        rest = phrase[cue_end:]
        named_before = any(m.end() <= cue_end - 1 for m in found if not vocab.is_verb(m.group()))
        if len(rest) >= 2 and rest.upper().endswith(vocab.label_heads) and not named_before:
            start, phrase = start + cue_end, rest  # 预计归母净利润 → 归母净利润: the forecast is its kind
            timed = TIME_PREFIX.match(text, start, start + len(phrase)).end()
            if start + len(phrase) - timed >= 2:  # 预计第三季销售收入 → 销售收入
                start, phrase = timed, text[timed : start + len(phrase)]
            found = list(vocab.label_pattern().finditer(phrase))
        elif len(rest) >= 2 or not phrase.upper().endswith(vocab.label_heads):
            return measure  # 这个数字可能会增加, 净利润预计亏损 (but 门槛值 names a measure)
    named = [m for m in found if not vocab.is_verb(m.group())]
    if not phrase.upper().endswith(vocab.label_heads) and not any(
        m.end() == len(phrase) for m in named
    ):
        counted = fig.unit is not None and vocab.unit_class(fig.unit) == COUNT and phrase.endswith(vocab.counted_heads)
        if counted:
            return source[start : start + len(phrase)] + "数"  # A股上市公司共4685家 → A股上市公司数
        return source[start : start + len(phrase)] if as_written else measure
    said = source[start : start + len(phrase)]  # the article's own letters: GMV, not gmv
    lo, hi = _marker(phrase, vocab)
    if hi == 0:
        return said
    return said[hi:] if lo == 0 or phrase[lo:hi] not in _VERB_MARKERS else said[:lo] + said[hi:]


_COMMAS = ("，", ",")
_RATE_HEADS = ("率", "比", "比例", "比重", "占比", "息差", "利差")
_AMOUNT_HEADS = ("数", "数量", "量", "额", "金额", "规模")
_ENDS_CLAUSE = re.compile(r"\s*(?:左右|以上|以下|之多|多)?\s*$")
# How a measure moved, ending the clause that names it before a clause giving the level it reached.
_TREND_TAIL = re.compile(
    r"(?:开始|仍然|仍|也|则)?(?:一路|持续|继续|大幅|小幅|逐步|明显)?"
    r"(?:下滑|下降|下跌|走低|回落|萎缩|减少|上涨|上升|增长|走高|回升|攀升|反弹)$"
)


def _named_by_verb(verb: str, measure: str | None, vocab: Vocabulary) -> str | None:
    """The name of the measure ``verb`` reports when it is the ``measure`` read and has a name
    made of it: 上险 → 上险量 (but 销售成本 stays 成本: the verb is not what it measures)."""
    label = vocab.label_for(verb)
    return vocab.named_by_verb(verb) if label is not None and label.name == measure else None


_THE_COMPARISON = re.compile(r"(?:(?:与|和|跟|同)[^，,。；;]{0,8}?)?(?:相比|相较)(?:之下|而言)?|对比|比")


# Words inside a phrase before a figure after which the name of the measure starts: a verb
# (dropped: 毛绒产品实现营收 → 毛绒产品营收), a comparison or a conjunction (what stands before
# it goes: 略低于业务量增速 → 业务量增速, 及其他地区营收 → 其他地区营收).
_VERB_MARKERS = ("实现了", "实现", "拟", "已")
_LEADING_ONLY = ("以及", "及")
_INNER_MARKERS = (*_VERB_MARKERS, "略低于", "低于", "高于", "进行了", "进行", "处以", *_LEADING_ONLY)  # 也在进行金额 → 金额


def _marker(phrase: str, vocab: Vocabulary) -> tuple[int, int]:
    """The span of the last inner marker of ``phrase`` that a measure's name follows, or
    (0, 0)."""
    best = (0, 0)
    for marker in _INNER_MARKERS:
        at = phrase.rfind(marker)
        end = at + len(marker)
        if at < 0 or (at == 0 and marker in _VERB_MARKERS) or (at > 0 and marker in _LEADING_ONLY):
            continue  # 欧洲及其他地区营收 is one name; 及其他地区营收 (欧洲 read as the owner) is not
        rest = phrase[end:]
        if len(rest) >= 2 and rest.upper().endswith(vocab.label_heads) and end > best[1]:
            best = (at, end)
    return best


# A price paid: 被SAP以80亿美元收购 is what the deal cost, named by the deal's verb.


def _without_lead(label: str, vocab: Vocabulary) -> str:
    """``label`` without a copula, a preposition, a pronoun or a verb of becoming it opens with
    (the vocabulary's ``opening_words``: 是, 对, 前者, 转为…), as long as two characters are left."""
    lead = next((w for w in vocab.label_words["opening_words"] if label.startswith(w) and not _word_at(label, 0, w, vocab)), "")
    return label[len(lead) :] if len(label) - len(lead) >= 2 else label


def _word_at(text: str, start: int, lead: str, vocab: Vocabulary) -> bool:
    """Whether the one-character ``lead`` at ``start`` begins a word (共享单车市场规模 keeps its 共)."""
    return len(lead) == 1 and text.startswith(vocab.label_words["lead_words"], start)


# A profit told as a loss (扣非后净利润预计亏损60.87亿) is the profit, negative: the gold and the
# reports write 净利润 −60.87亿; a loss named alone (净亏损8.73亿元) stays a positive loss.
_PROFITS = frozenset(("净利润", "经营利润"))
_LOSSES = frozenset(("净亏损", "经营亏损"))
_PROFIT_TO_LOSS = re.compile(r"(?:预计|预期|或将?|将|同比|则|为|由盈转亏|转亏)*")


def lost_profit(text: str, word: LabelHit | None, hits: LabelHits) -> LabelHit | None:
    """The profit word a loss word tells the sign of (净利润|预计|亏损), or None."""
    if word is None or word.label.name not in _LOSSES:
        return None
    j = bisect.bisect_left(hits.starts, word.start) - 1
    while j >= 0 and hits.hits[j].end > word.start:
        j -= 1  # a shorter word inside a longer one
    if j < 0 or hits.hits[j].label.name not in _PROFITS:
        return None
    profit = hits.hits[j]
    gap = _PROFIT_TO_LOSS.match(text, profit.end, word.start)
    return profit if gap is not None and gap.end() == word.start else None


# A person spending, losing or earning: the bare amount after it is money; below a hundred
# million, a household's or a shop's, in yuan (a company's 花了30亿 may be in dollars).
SPENT = re.compile(
    r"(花费|花|赔|亏|赚|挣|月入|年入|月薪|年薪|存|借|欠|付|交)(?:了|掉|到|不到)?"
    r"(?:近|约|超过|足足|整整|将近)?\s*$"
)  # the verb is its group 1 (figure_label_written names the amount by it)
_A_PERSONS_MONEY = 1e8


# A count head right after a label word makes a bare figure a count of something else: 广告主数量,
# 广告商数, 收入来源数.
_COUNTED_AFTER = re.compile(r"[主商方户]?(?:数量|个数|家数|人数|数(?![据字码额值]))")  # not 收入数据


_RIGHT_BEFORE = 0  # characters between a verb and the figure it names alone


def _nearest_before(hits: LabelHits, lo: int, hi: int, fits) -> LabelHit | None:  # type: ignore[no-untyped-def]
    """The label word that ends nearest before ``hi`` (and after ``lo``) and fits the figure;
    a noun before a verb, unless the verb stands right before the figure (从亏损70亿到大赚77亿:
    大赚 names 77亿, 亏损 the other end)."""
    first_verb: LabelHit | None = None
    for j in range(bisect.bisect_left(hits.starts, hi) - 1, -1, -1):
        hit = hits.hits[j]
        if hit.start < lo:
            break
        if hit.end <= hi and fits(hit.label):
            if not hit.verb:
                return hit
            if first_verb is None and hi - hit.end <= _RIGHT_BEFORE and hit.label.unit == "CNY":
                return hit  # money earned or lost (大赚, 亏了), not a change (增长: its own rules)
            first_verb = first_verb or hit
    return first_verb
