"""What a figure means in its sentence: label, subject, period and kind.

Each is read from the figure's clause (between commas) and sentence (between 。！？ or line
breaks), nearest first, with the cue words from ``resources/figures/``:

- label: a noun right after the figure (60亿元广告, 3810亿元的交易), else the nearest label word
  before it in the clause, then in the sentence, that fits the figure's unit (a share is not
  营收); multipliers are 增长倍数, ages 年龄, shares default to 占比 and people to 人数; a change is
  named with the measure it changes (成交面积环比下降, see ``figure_label_changes``).  A figure
  with no unit of its own (6亿) takes the unit of its label (日活 → users).
- subject: the entity the figure belongs to, from the names layer (see ``figure_subjects``):
  the nearest mention that owns it (3亿多DAU规模的抖音, 抖音的…), else the article's topic.
- period: the nearest time before it in the sentence (see ``periods`` and ``figure_periods``),
  skipping bases of comparison (比2019年翻了三倍) except for the amount inside one (与2019年的8.03万亿元
  相比); else the time of the figure just told in its paragraph, for a change or an account told
  after it or a 其中 sentence that breaks it down.
- kind: other for deals and thresholds (谈判, 门槛) in its clause or the next; else the nearest
  target or forecast cue before it in the sentence; else forecast when its period is after the
  article date; else actual.

A figure written as already given (这6亿用户, 这个9.5万亿) takes subject, period, kind and any
missing label from the last figure with the same value; one nothing labels at all takes the phrase
the article writes around it (see ``figure_label_written``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from reader.analysis.figure_grammar import Quantity
from reader.analysis.folding import matching_form
from reader.analysis.figure_pairs import as_far_end, closes_pair, pair_periods
from reader.analysis.figure_lists import RESPECTIVELY, is_conversion, listed_measures, respective_runs
from reader.analysis.figure_periods import carried_period, distribute_periods, heading_period, period_of
from reader.analysis.figure_label_after import a_clause
from reader.analysis.figure_label_changes import changed_amount, signed
from reader.analysis.figure_label_written import label_as_written
from reader.analysis.figure_label_referred import MARKET_SIZE, market_named
from reader.analysis.figure_labels import (
    LabelHit,
    LabelHits,
    LabelText,
    directed,
    label_and_unit,
    label_of,
    lost_profit,
)
from reader.analysis.figure_passage import passage_subject
from reader.analysis.figure_subjects import about_the_topic, bracketed_after, listed_names, subject_of
from reader.analysis.figure_topics import article_topic, title_affiliations, titled_people
from reader.analysis.figure_vocab import CHANGES, MONEY, Vocabulary
from reader.analysis.model import EntityType, Mention, Figure, FigureKind
from reader.analysis.periods import article_year, find_periods
from reader.analysis.text_bounds import Bounds, Mentions

# 抽佣率上升至9.8%: a verb of change before 至 leads to a level, which measures the noun before.
_TO_A_LEVEL = ("至", "到")


def explain(
    text: str,
    figures: Sequence[Quantity],
    mentions: Sequence[Mention],
    date: str | None,
    vocab: Vocabulary,
    source: str | None = None,
    title: str = "",
) -> tuple[Figure, ...]:
    """Metrics for ``figures``: each with its label, unit, subject, period and kind.
    ``text`` is the folded text; ``source`` the article's own, of the same length, from which
    labels are quoted."""
    bounds = Bounds(text)
    times = find_periods(text, date)
    year0 = article_year(date)
    hits = LabelHits([
        directed(text, LabelHit(m.start(), m.end(), label, vocab.is_verb(m.group())), vocab)
        for m in vocab.label_pattern().finditer(text)
        if (label := vocab.label_for(m.group())) is not None
        and not (vocab.is_verb(m.group()) and text.startswith(_TO_A_LEVEL, m.end()))
    ])
    by_value: dict[float, list[Figure]] = {}
    figures = _currency_of_the_list(text, figures, bounds, vocab)
    currency = _the_articles_currency(figures, vocab)
    ordered = Mentions(mentions)
    affiliations = title_affiliations(text, ordered.all, vocab)
    topic = article_topic(text, ordered.all, vocab, title)
    titled = titled_people(text, ordered, vocab)
    where = LabelText(text, source or text, bounds, ordered, vocab)
    out: list[Figure] = []
    pairs: list[tuple[int, int]] = []  # (near end, far end) of each 从A增长至B
    for fig in figures:
        if not _DIGITS.search(fig.surface) and any(
            m.start < fig.end and fig.start < m.end for m in ordered.within(fig.start - _LONGEST_NAME, fig.end + _LONGEST_NAME)
        ):
            continue  # 零一万物, 万科: a word's numeral inside a name is no figure
        label, unit, word = label_and_unit(text, fig, hits, bounds, vocab)
        if label is None and vocab.unit_class(unit or "") == MONEY and market_named(where, fig) is not None:
            label = MARKET_SIZE  # 中国咖啡市场将达到2171亿元: the market's size
        profit = lost_profit(text, word, hits)
        if profit is not None:  # 净利润预计亏损60.87亿: the profit, negative
            label, word, fig = profit.label.name, profit, replace(fig, value=-abs(fig.value))
        elif label in _FLOWS and word is not None and _OUTFLOW.search(text, word.end, fig.start):
            fig = replace(fig, value=-abs(fig.value))  # 经营性现金流净流出0.29亿元: a negative cash flow
        if fig.unit is None and unit == _YUAN and currency is not None:
            unit = currency  # 以5000万的价格拿下…: an article of dollars
        age = label == "年龄"
        period = None if age else (
            period_of(fig, unit, times, bounds, vocab) or carried_period(fig, label, out, bounds, vocab)
            or heading_period(fig, times, bounds)
        )
        kind = _kind(text, fig, period, year0, bounds, vocab)
        subject = subject_of(text, fig, label, ordered, bounds, out, vocab, affiliations)
        # nothing nearer names whose it is: the company the article is about, unless the
        # figure before in its paragraph was nobody's (汽车产销…；1—4月，汽车产销…: the market's)
        nobodys_before = bool(out) and out[-1].subject is None and out[-1].start >= bounds.around("paragraph", fig.start)[0]
        if subject is None and not nobodys_before and about_the_topic(text, fig, label, bounds, vocab, ordered):
            subject = passage_subject(text, fig, label, ordered, bounds, vocab, topic)
        if subject is None and _THE_COUNTRY.search(text, bounds.around("sentence", fig.start)[0], fig.start):
            subject = _CHINA  # 我国冷藏车总量为21.4万辆, 占全国液态奶市场的70%: the country's, as 中国…市场规模 is
        if subject is None and label == "市场规模" and not _abroad(text, fig, bounds, ordered):
            subject = _CHINA  # 2015年生鲜电商行业的市场规模为497亿元: a market no one is named for, the article's country's
        if subject is not None and label not in vocab.personal_labels:
            subject = affiliations.get(subject, subject)  # 他将团队增加到1900人: the company's
            if subject in titled and topic is not None:
                subject = topic  # 首席执行官陈睿…上季月均付费用户为2390万: the company he speaks for
        figure = Figure(
            start=fig.start,
            end=fig.end,
            surface=fig.surface,
            value=-fig.value if unit == _POINTS and fig.value > 0 and _FELL.search(text, bounds.around("clause", fig.start)[0], fig.start) else fig.value,
            unit=unit or "other",
            unit_implied=fig.unit_implied,
            qualifier=fig.qualifier,
            label=(named := _up_to(label_of(where, fig, label, out, word), source or text, profit)),
            subject=subject,
            period=period,
            kind=kind,
            measure=label or _measure_named(named, vocab),
        )
        figure = changed_amount(figure, text, bounds.around("clause", fig.start)[0])  # 较上月减少27笔
        explained = _with_antecedent(figure, fig, by_value.get(figure.value, ()), bounds, vocab)
        if out and (explained.label is None or _THAT_FIGURE.fullmatch(explained.label)) and _THAT_FIGURE.search(
            text, bounds.around("clause", fig.start)[0], fig.start
        ):
            # 支出已突破6,620亿美元…。这一数字在2018年仅为3,330亿美元: the same measure, earlier
            paragraph = bounds.around("paragraph", fig.start)
            before = next((m for m in reversed(out) if m.start >= paragraph[0] and m.unit == explained.unit), None)
            if before is not None:
                explained = replace(explained, label=before.label, measure=before.measure, subject=explained.subject or before.subject)
        if out and closes_pair(text, out[-1], fig.start, bounds) and (
            vocab.unit_class(out[-1].unit) == vocab.unit_class(figure.unit)
        ):  # 从2200万涨到4700万，增幅达到113%: a rate after the pair is not its far end
            if word is None or word.start < out[-1].end or explained.measure == out[-1].measure:
                explained = as_far_end(explained, out[-1])  # but 从亏损70亿到大赚77亿: each its own
            pairs.append((len(out) - 1, len(out)))
        out.append(explained)
        by_value.setdefault(explained.value, []).append(explained)
    out = pair_periods(text, pairs, out, times, bounds)
    out = _distribute_subjects(text, out, ordered, bounds)
    out = _respective_labels(where, out)
    out = _perspective_labels(text, _parallel_labels(text, _joined_labels(text, out, vocab), bounds, ordered), bounds, vocab)
    out = _breakdown_labels(text, out, bounds, ordered)
    written: list[Figure] = []
    for m in out:  # nothing else names it: what the article writes before it
        if m.label is None and m.measure is None:
            m = replace(m, label=label_as_written(where, m, written[-1] if written else None))
        written.append(m)
    out = written
    out = _conversions_follow(text, distribute_periods(text, out, times, bounds, year0))
    # a label that reads as a clause names nothing: the measure it was read as, if any, instead
    out = [replace(m, label=m.measure) if a_clause(m.label) else m for m in out]
    return tuple(signed(m) for m in out)  # a fall is a negative change of its measure


def _measure_in(name: str, vocab: Vocabulary) -> str | None:
    """The measure the last of the vocabulary's nouns in ``name`` names (营业收入 → 营收, 公司营收 →
    营收), or None."""
    found = [m for m in vocab.label_pattern().finditer(matching_form(name)) if not vocab.is_verb(m.group())]
    label = vocab.label_for(found[-1].group()) if found else None
    return label.name if label is not None else None


def _measure_named(label: str | None, vocab: Vocabulary) -> str | None:
    """The measure a label is the vocabulary's word for (股价 → 价格), when the figure's
    sentence gave none."""
    found = vocab.label_for(matching_form(label)) if label else None  # 投資 as 投资
    return found.name if found is not None else None


def _up_to(label: str | None, source: str, word: LabelHit | None) -> str | None:
    """``label`` cut after ``word`` when it holds it: 扣非后净利润预计亏损 → 扣非后净利润."""
    if label is None or word is None:
        return label
    said = source[word.start : word.end]
    at = label.rfind(said)
    return label[: at + len(said)] if at >= 0 else label


# A change in percentage points is a signed difference: 毛利率下降了2.3个百分点 is −2.3 points
# (a rate that fell stays positive under a label that says it fell; a difference has a sign).
_POINTS = "pp"
_FELL = re.compile(r"(?:下降|下滑|下跌|减少|降低|回落|收窄|缩小|下调|降)了?(?:约|近|超过|超)?\s*$")




_FLOWS = frozenset(("经营现金流", "自由现金流"))
_OUTFLOW = re.compile(r"流出")
_LONGEST_NAME = 40  # characters: how far before a figure a name covering it may start
_DIGITS = re.compile(r"[0-9０-９]")


# A figure told as "this number" again, at another time: 这一数字在2018年仅为3,330亿美元.
_THAT_FIGURE = re.compile(r"(?:这一|这个|该|此)(?:数字|数据|数值|金额|规模|比例|比重)")


# --- period --------------------------------------------------------------------------------


def _conversions_follow(text: str, figures: list[Figure]) -> list[Figure]:
    """A figure in another currency in brackets after another is the same fact: its period,
    subject and measure (6.147 亿元(9,380 万美元) in a list of years)."""
    out = list(figures)
    for i in range(1, len(out)):
        if is_conversion(text, out[i - 1], out[i]):
            before = out[i - 1]
            out[i] = replace(out[i], period=before.period, subject=before.subject, label=before.label, measure=before.measure)
    return out


def _distribute_subjects(text: str, figures: list[Figure], mentions: Mentions, bounds: Bounds) -> list[Figure]:
    """OPPO(包括OnePlus)和vivo分别以10%和8%的份额, 京东、抖音集团用户量同比增长了13%、12%: one name
    to each figure, in order, when the figures after 分别 (or listed with 、) are as many as the
    names listed before them in their sentence. Places listed after a company are where its
    figures are, not whose (Shake Shack在上海及北京的门店数量分别为7家及4家: Shake Shack's)."""
    out = list(figures)
    runs = [(at, run) for at, _, run in respective_runs(text, out, bounds)]
    runs += [(out[run[0]].start, run) for run in _listed_runs(text, out, bounds)]
    for at, run in runs:
        sentence = bounds.around("sentence", at)
        before = mentions.within(sentence[0], at)
        names = listed_names(text, before)
        listed = [m for m in before if m.entity in names]
        if listed and all(m.type is EntityType.PLACE for m in listed) and any(
            m.type is not EntityType.PLACE and m.end <= listed[0].start for m in before
        ):
            continue
        if len(run) >= 2 and len(names) == len(run):
            for i, name in zip(run, names):
                out[i] = replace(out[i], subject=name)
    return out


def _parallel_labels(text: str, figures: list[Figure], bounds: Bounds, mentions: Mentions) -> list[Figure]:
    """A figure nothing names, in a clause parallel to the next or previous one of its sentence
    with a figure of the same unit that is named, is named the same (蔚来品牌贡献3.69万台，乐道品牌
    交付1.2万台 → 销量 for both). A count the vocabulary has no unit for is named by the one before
    it in the same word when its clause names only whose it is (成交面积超100万平方米，其中上海173万
    平方米), not when it names a part (其中本地生活353起) nor by the one after it (信用债违约16笔，其中
    地产相关违约事件7笔). A clause of only whose and how many breaks down the count before it in its
    sentence, however far (被下调的10家银行，从地域分布上来看，辽宁省有4家，吉林省2家)."""
    out = list(figures)
    for i, figure in enumerate(out):
        if figure.label is not None:
            continue
        sentence = bounds.around("sentence", figure.start)
        clause = bounds.around("clause", figure.start)
        near = [
            other
            for other in (out[i - 1] if i else None, out[i + 1] if i + 1 < len(out) and figure.unit != "other" else None)
            if other is not None and other.label is not None and _one_unit(other, figure)
            and (figure.unit != "other" or _names_only_whose(text, clause[0], figure.start, mentions))
            and bounds.around("sentence", other.start) == sentence
            and bounds.around("clause", other.start) != clause
            and (
                _CLAUSE_GAP.fullmatch(text, min(figure.end, other.end), max(figure.start, other.start))
                # 被下调的10家银行，从地域分布上来看，辽宁省有4家: a breakdown by whose, clauses after
                or other.start < figure.start and _names_only_whose(text, clause[0], figure.start, mentions)
            )
        ]
        if near:
            out[i] = replace(figure, label=near[0].label, measure=near[0].measure)
    return out


def _joined_labels(text: str, figures: list[Figure], vocab: Vocabulary) -> list[Figure]:
    """A figure nothing names, joined by 和/与/及 to the next figure of its kind, whose name follows
    that one, is named the same (获得近10亿港元和3000万美元两轮融资: 融资 for both)."""
    out = list(figures)
    for i in range(len(out) - 2, -1, -1):
        figure, other = out[i], out[i + 1]
        if figure.label is not None or other.label is None or vocab.unit_class(figure.unit) != vocab.unit_class(other.unit):
            continue
        if _JOINED.fullmatch(text, figure.end, other.start) and text.find(other.label, other.end, other.end + _NAMED_AFTER) >= 0:
            out[i] = replace(figure, label=other.label, measure=other.measure)
    return out


_JOINED = re.compile(r"\s*(?:和|与|及|以及)\s*")
_NAMED_AFTER = 8  # 3000万美元两轮融资: how far after the figure its name may stand


def _breakdown_labels(text: str, figures: list[Figure], bounds: Bounds, mentions: Mentions) -> list[Figure]:
    """A count nothing names, in brackets after a name, breaks down the last named figure of its
    unit in the paragraph or the one before (全年新增A股上市公司524家。…广东（92家）、浙江（87家）:
    新增A股上市公司数 for each)."""
    out = list(figures)
    for i, figure in enumerate(out):
        if figure.label is not None or figure.measure is not None:
            continue
        if bracketed_after(text, figure, mentions.within(*bounds.around("sentence", figure.start))) is None:
            continue
        paragraph = bounds.around("paragraph", figure.start)
        previous = bounds.previous("paragraph", figure.start)
        since = previous[0] if previous is not None else paragraph[0]
        named = next((m for m in reversed(out[:i]) if m.start >= since and m.label is not None and _one_unit(m, figure)), None)
        if named is not None:
            out[i] = replace(figure, label=named.label, measure=named.measure)
    return out


def _respective_labels(where: LabelText, figures: list[Figure]) -> list[Figure]:
    """营业收入、净利润分别为5亿元、1亿元，同比增长20%、30%: the measures listed before 分别, one to
    each figure after it, and to each change of the same sentence listed after those."""
    text, bounds, vocab = where.text, where.bounds, where.vocab
    out = list(figures)
    for at, sentence, run in respective_runs(text, out, bounds):
        clause = bounds.around("clause", at)
        if not text[clause[0] : at].strip() and clause[0] > sentence[0]:
            clause = bounds.around("clause", clause[0] - 2)  # AI专利数量以及AI专利申请数量，分别为…
        names = listed_measures(where, clause[0], at, len(run)) if len(run) >= 2 else None
        if names is None:
            continue
        for i, name in zip(run, names):
            out[i] = replace(out[i], label=name, measure=_measure_in(name, vocab))
        changes = [j for j in range(run[-1] + 1, len(out)) if out[j].start < sentence[1] and out[j].measure in CHANGES]
        if len(changes) == len(names):
            for j, name in zip(changes, names):
                out[j] = replace(out[j], label=name + out[j].measure)
    return out


def _perspective_labels(text: str, figures: list[Figure], bounds: Bounds, vocab: Vocabulary) -> list[Figure]:
    """A figure nothing names, in a sentence that opens with the measure it looks at, takes that
    measure's name: 从额度来看，山西（153亿元）、黑龙江（123亿元） → 额度."""
    out = list(figures)
    for i, figure in enumerate(out):
        if figure.label is not None:
            continue
        sentence = bounds.around("sentence", figure.start)
        seen = _PERSPECTIVE.match(text, sentence[0], figure.start)
        noun = seen.group(1) if seen is not None else ""
        if len(noun) >= 2 and noun.upper().endswith(vocab.label_heads):
            found = vocab.label_for(noun)
            out[i] = replace(figure, label=noun, measure=found.name if found is not None else None)
    return out


# A sentence that opens by naming what it looks at: 从额度来看，…; 从营收上看，….
_PERSPECTIVE = re.compile(r"\s*(?:而|另外|此外|同时)?[，,]?\s*从([^，,。；;从]{2,10}?)(?:来看|上看|方面看)")


# Two parallel clauses: the next figure is in the clause right after (no second stop between).
def _one_unit(one: Figure, other: Figure) -> bool:
    """Whether two figures are in one unit: a known one, or the same word after the number
    (成交面积超100万平方米，其中上海173万平方米), not two counts of things the vocabulary lumps."""
    if one.unit != other.unit:
        return False
    if one.unit != "other":
        return True
    word = _UNIT_WORD.search(one.surface)
    return word is not None and other.surface.endswith(word.group())


def _names_only_whose(text: str, lo: int, hi: int, mentions: Mentions) -> bool:
    """Whether the clause from ``lo`` to a figure at ``hi`` holds a name and only a lead and a
    link beside it (not 而6000套则是成交低位, nor 100个电视节目中，有71个: a part, unnamed)."""
    rest = _CLAUSE_LEAD.sub("", text[lo:hi].strip())
    return bool(rest) and any(text.startswith(rest, m.start) and m.end - m.start == len(rest) for m in mentions.within(lo, hi))


_CLAUSE_LEAD = re.compile(r"^(?:其中|而|则|以及|及|和)?|(?:为|是|达|约|有)$")
_UNIT_WORD = re.compile(r"[^\d.,\s万亿千百十零一二三四五六七八九两几余多]+$")
_CLAUSE_GAP = re.compile(r"[^，,；;。！？\n]*[，,；;][^，,；;。！？\n]*")


def _listed_runs(text: str, figures: list[Figure], bounds: Bounds) -> Iterator[list[int]]:
    """Figures of one unit listed with 、 and no 分别 (京东、抖音集团用户量同比增长了13%、12%): the
    indexes of each such list of two or more."""
    run: list[int] = []
    for i, figure in enumerate(figures):
        if run and (
            figures[run[-1]].unit == figure.unit
            and text[figures[run[-1]].end : figure.start].strip() in _LISTED
            and bounds.around("sentence", figure.start) == bounds.around("sentence", figures[run[-1]].start)
        ):
            run.append(i)
            continue
        if len(run) >= 2 and RESPECTIVELY not in text[bounds.around("sentence", figures[run[0]].start)[0] : figures[run[0]].start]:
            yield run
        run = [i]
    if len(run) >= 2 and RESPECTIVELY not in text[bounds.around("sentence", figures[run[0]].start)[0] : figures[run[0]].start]:
        yield run


_LISTED = frozenset(("、", "和", "及", "与"))


# Between the items of a list of amounts: 1.23亿、2.27亿、以及12.15亿港元.
_LIST_JOIN = re.compile(r"\s*(?:、|，|,|和|及|以及|与|、以及|，以及)\s*")


def _the_articles_currency(figures: Sequence[Quantity], vocab: Vocabulary) -> str | None:
    """The foreign currency an article counts its money in, when it writes one for nearly every
    amount (NFL's rights: 21亿美元, 1100亿美元 … and a bare 5000万): what its bare amounts are in."""
    written = Counter(f.unit for f in figures if f.unit is not None and vocab.unit_class(f.unit) == MONEY)
    if not written:
        return None
    unit, n = written.most_common(1)[0]
    return unit if unit != _YUAN and n >= _CURRENCY_AT_LEAST and n >= _CURRENCY_SHARE * sum(written.values()) else None


_YUAN = "CNY"
_CURRENCY_AT_LEAST = 3
_CURRENCY_SHARE = 0.8


def _currency_of_the_list(text: str, figures: Sequence[Quantity], bounds: Bounds, vocab: Vocabulary) -> list[Quantity]:
    """Amounts listed with their currency written once, after the last (收益1.23亿、2.27亿、以及
    12.15亿港元; 净利润分别为1414.5万、3788.2万及1.38亿港元): each earlier bare amount is in it."""
    out = list(figures)
    for i in range(len(out) - 1, 0, -1):
        last = out[i]
        if last.unit is None or vocab.unit_class(last.unit) != MONEY:
            continue
        j = i
        while j > 0 and out[j - 1].unit is None and out[j - 1].scale > 1 and _LIST_JOIN.fullmatch(text, out[j - 1].end, out[j].start):
            j -= 1
            out[j] = replace(out[j], unit=last.unit, unit_implied=True)
    for i, fig in enumerate(out):
        if fig.unit is not None or fig.scale <= 1:
            continue
        sentence = bounds.around("sentence", fig.start)
        before = [q for q in out[:i] if q.unit is not None and vocab.unit_class(q.unit) == MONEY]
        paragraph = bounds.around("paragraph", fig.start)
        near = bounds.previous("paragraph", paragraph[0]) or paragraph  # this paragraph and the one above
        same = next(
            (q for q in reversed(before) if q.start >= near[0] and q.value == fig.value and _bare(q.surface).startswith(_bare(fig.surface))),
            None,
        )
        base = before[-1] if before and before[-1].start >= sentence[0] and _A_BASE.match(text, fig.end, sentence[1]) else None
        if (known := same or base) is not None:  # 总价值将超过1100亿 after 1100亿美元; 与之前的10亿相比
            out[i] = replace(fig, unit=known.unit, unit_implied=True)
    return out


def _bare(surface: str) -> str:
    return "".join(surface.split())


# A base of comparison right after an amount: 与之前的10亿相比.
_A_BASE = re.compile(r"\s*(?:相比|相较|比较)")


# The country a Chinese article writes as its own, whose figure a market-wide one is.
_THE_COUNTRY = re.compile(r"我国|全国|国内(?!外)")
_CHINA = "中国"
# The words that place a market outside the country.
_ABROAD = re.compile(r"全球|世界|海外|国外|境外|跨国")


def _abroad(text: str, fig: Quantity, bounds: Bounds, mentions: Mentions) -> bool:
    """Whether the figure's sentence places it abroad: a word for the world or another country
    named before it (全球剧本杀市场规模, 美国的零售额)."""
    lo = bounds.around("sentence", fig.start)[0]
    return _ABROAD.search(text, lo, fig.start) is not None or any(
        m.type is EntityType.PLACE and m.entity != _CHINA for m in mentions.within(lo, fig.start)
    )


# --- kind ----------------------------------------------------------------------------------


def _kind(
    text: str,
    fig: Quantity,
    period: str | None,
    year0: int | None,
    bounds: Bounds,
    vocab: Vocabulary,
) -> FigureKind:
    clause = bounds.around("clause", fig.start)
    following = bounds.around("clause", clause[1] + 1) if clause[1] < len(text) else clause
    sentence = bounds.around("sentence", fig.start)
    scope = text[clause[0] : min(following[1], sentence[1])]
    if vocab.kind_pattern("other").search(scope):
        return FigureKind.OTHER
    if any(text.startswith(cue, fig.end, fig.end + 3) for cue in vocab.kind_cues["target"]):
        return FigureKind.TARGET  # 要达到2000亿目标
    before = text[sentence[0] : fig.start]
    best, best_at = None, -1
    for kind, key in ((FigureKind.TARGET, "target"), (FigureKind.FORECAST, "forecast")):
        if not vocab.kind_pattern(key).search(before):
            continue  # as in most sentences: one search instead of an rfind per cue
        for cue in vocab.kind_cues[key]:
            at = before.rfind(cue)
            if at >= 0 and at + len(cue) > best_at:
                best, best_at = kind, at + len(cue)
    if best is not None:
        return best
    if period is not None and year0 is not None:
        match = re.match(r"\d{4}", period)
        if match:
            # a fiscal year is named after the calendar year it ends in: 2024财年 is current in 2023
            ahead = 1 if period.startswith(f"{match.group()}财年") else 0
            if int(match.group()) > year0 + ahead:
                return FigureKind.FORECAST
    return FigureKind.ACTUAL


# --- figures already given -----------------------------------------------------------------


def _with_antecedent(
    figure: Figure, fig: Quantity, same_value: Sequence[Figure], bounds: Bounds, vocab: Vocabulary
) -> Figure:
    """这6亿用户 repeats a figure: take what the first telling said about it. ``same_value``
    are the figures before it with its value, in text order."""
    antecedent = next(
        (m for m in reversed(same_value) if m.unit == figure.unit or figure.label is None), None
    )
    if antecedent is None:
        return figure
    if fig.anaphoric:
        return replace(
            figure,
            unit=antecedent.unit if figure.label is None else figure.unit,
            label=figure.label or antecedent.label,
            measure=figure.measure or antecedent.measure,
            subject=antecedent.subject,
            period=figure.period or antecedent.period,  # 截至2月底，这45支物业股: its own time
            kind=antecedent.kind,
        )
    paragraph = bounds.around("paragraph", figure.start)
    if antecedent.start >= paragraph[0] and antecedent.unit == figure.unit:
        return replace(
            figure,
            period=figure.period or antecedent.period,
            label=figure.label or antecedent.label,
            measure=figure.measure or antecedent.measure,
            subject=figure.subject or antecedent.subject,
        )
    return figure
