"""What a figure means in its sentence: label, subject, period and kind.

Each is read from the figure's clause (between commas) and sentence (between 。！？ or line
breaks), nearest first, with the cue words from ``resources/metrics/``:

- label: a noun right after the figure (60亿元广告, 3810亿元的交易), else the nearest label word
  before it in the clause, then in the sentence, that fits the figure's unit (a share is not
  营收); multipliers are 增长倍数, ages 年龄, shares default to 占比 and people to 人数.  A figure
  with no unit of its own (6亿) takes the unit of its label (日活 → users).
- subject: the entity the figure belongs to — "X的…" right after it (3亿多DAU规模的抖音), else
  the nearest mention before it that is not a place or partner (在抖音上, 是抖音的两倍, 与淘宝),
  a speaker (康泽宇表示) or behind a pronoun (他, 该公司), which is resolved; else the previous
  figure's subject in the same paragraph, else the topic of the previous sentence.
- period: the nearest time before it in the sentence (see ``periods``), skipping bases of
  comparison (比2019年翻了三倍) except for the amount inside one (与2019年的8.03万亿元相比).
- kind: other for deals and thresholds (谈判, 门槛) in its clause or the next; else the nearest
  target or forecast cue before it in the sentence; else forecast when its period is after the
  article date; else actual.

A figure written as already given (这6亿用户, 这个9.5万亿) takes subject, period, kind and any
missing label from the last figure with the same value.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.figure_grammar import Figure
from reader.analysis.figure_pairs import as_far_end, closes_pair, pair_periods
from reader.analysis.metric_labels import (
    LabelHit,
    LabelHits,
    LabelText,
    label_and_unit,
    label_of,
)
from reader.analysis.metric_vocab import RATIO, SHARE, Vocabulary, Words
from reader.analysis.model import EntityType, Mention, Metric, MetricKind
from reader.analysis.periods import TimeExpr, article_year, find_periods
from reader.analysis.text_bounds import CLAUSE_ENDS, Bounds, Mentions

_ORGISH = (EntityType.ORG, EntityType.PRODUCT)
# 抽佣率上升至9.8%: a verb of change before 至 leads to a level, which measures the noun before.
_TO_A_LEVEL = ("至", "到")
# "抖音电子商务主管康泽宇": at most this many characters of department between company and title.
_DEPARTMENT_CHARS = 8
# "康泽宇还提到", "晚点独家获悉": at most this many characters between a speaker and the verb.
_SPEAKER_GAP = 2


def explain(
    text: str,
    figures: Sequence[Figure],
    mentions: Sequence[Mention],
    date: str | None,
    vocab: Vocabulary,
    source: str | None = None,
) -> tuple[Metric, ...]:
    """Metrics for ``figures``: each with its label, unit, subject, period and kind.
    ``text`` is the folded text; ``source`` the article's own, of the same length, from which
    labels are quoted."""
    bounds = Bounds(text)
    times = find_periods(text, date)
    year0 = article_year(date)
    hits = LabelHits([
        LabelHit(m.start(), m.end(), label, vocab.is_verb(m.group()))
        for m in vocab.label_pattern().finditer(text)
        if (label := vocab.label_for(m.group())) is not None
        and not (vocab.is_verb(m.group()) and text.startswith(_TO_A_LEVEL, m.end()))
    ])
    by_value: dict[float, list[Metric]] = {}
    ordered = Mentions(mentions)
    affiliations = _affiliations(text, ordered.all, vocab)
    topic = _topic(ordered.all)
    where = LabelText(text, source or text, bounds, ordered, vocab)
    out: list[Metric] = []
    pairs: list[tuple[int, int]] = []  # (near end, far end) of each 从A增长至B
    for fig in figures:
        label, unit, word = label_and_unit(text, fig, hits, bounds, vocab)
        age = label == "年龄"
        period = None if age else _period(fig, unit, times, bounds, vocab)
        kind = _kind(text, fig, period, year0, bounds, vocab)
        subject = _subject(text, fig, label, ordered, bounds, out, vocab, affiliations)
        if subject is None and topic is not None and _about_the_topic(text, fig, label, bounds, vocab):
            subject = topic  # nothing nearer names whose it is: the company the article is about
        if subject is not None and label not in vocab.personal_labels:
            subject = affiliations.get(subject, subject)  # 他将团队增加到1900人: the company's
        metric = Metric(
            start=fig.start,
            end=fig.end,
            surface=fig.surface,
            value=fig.value,
            unit=unit or "other",
            unit_implied=fig.unit_implied,
            qualifier=fig.qualifier,
            label=label_of(where, fig, label, out, word),
            subject=subject,
            period=period,
            kind=kind,
            measure=label,
        )
        explained = _with_antecedent(metric, fig, by_value.get(metric.value, ()), bounds, vocab)
        if out and closes_pair(text, out[-1], fig.start, bounds):
            explained = as_far_end(explained, out[-1])
            pairs.append((len(out) - 1, len(out)))
        out.append(explained)
        by_value.setdefault(explained.value, []).append(explained)
    out = pair_periods(text, pairs, out, times, bounds)
    return tuple(_distribute_periods(text, out, times, bounds))


# --- period --------------------------------------------------------------------------------


_RESPECTIVELY = "分别"
_BARE_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*[-–—~至到]\s*$")
_LIST_GAP = re.compile(r"[、，,和及与；\s]{1,2}$")


def _distribute_periods(
    text: str, metrics: list[Metric], times: list[TimeExpr], bounds: Bounds
) -> list[Metric]:
    """2018-2021年，收入分别为4.53亿元，5.48亿元，5.30亿元，6.61亿元: one year to each figure,
    in order, when the figures after 分别 are as many as the years before it."""
    out = list(metrics)
    at = text.find(_RESPECTIVELY)
    while at >= 0:
        sentence = bounds.around("sentence", at)
        group = [i for i, m in enumerate(out) if at < m.start < sentence[1]]
        run: list[int] = []
        for i in group:  # the figures right after 分别, one list
            if run and not _LIST_GAP.search(text[out[run[-1]].end : out[i].start][-2:] or "x"):
                gap = text[out[run[-1]].end : out[i].start]
                if len(gap) > 2 or not all(c in "、，,和及与；" for c in gap):
                    break
            run.append(i)
        years = _years_before(text, times, sentence[0], at)
        if len(run) >= 2 and len(years) == len(run):
            for i, year in zip(run, years):
                out[i] = replace(out[i], period=year)
        at = text.find(_RESPECTIVELY, at + 1)
    return out


def _years_before(text: str, times: list[TimeExpr], lo: int, hi: int) -> list[str]:
    """The years a sentence lists before ``hi``: a range (2018-2021年) or a list
    (2019年、2020年、2021年), the last such in ``[lo, hi)``."""
    inside = [t for t in times if lo <= t.start and t.end <= hi and not t.comparison]
    if not inside:
        return []
    last = inside[-1]
    span = re.fullmatch(r"(\d{4})(?:年)?-(\d{4})(?:年)?", last.period)
    bare = _BARE_YEAR_BEFORE.search(text, max(lo, last.start - 8), last.start)
    if span is None and bare is not None and re.fullmatch(r"\d{4}", last.period):
        span = re.match(r"(\d{4})-(\d{4})", f"{bare.group(1)}-{last.period}")  # 2018-2021年
    if span:
        first, final = int(span.group(1)), int(span.group(2))
        return [str(y) for y in range(first, final + 1)] if 0 < final - first < 10 else []
    listed = [last]
    for t in reversed(inside[:-1]):
        if text[t.end : listed[0].start] in ("、", "，", ",", "和", "及", "与"):
            listed.insert(0, t)
        else:
            break
    return [t.period for t in listed] if len(listed) >= 2 else []


def _period(
    fig: Figure, unit: str | None, times: list[TimeExpr], bounds: Bounds, vocab: Vocabulary
) -> str | None:
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
        return expr.period
    return None


# --- kind ----------------------------------------------------------------------------------


def _kind(
    text: str,
    fig: Figure,
    period: str | None,
    year0: int | None,
    bounds: Bounds,
    vocab: Vocabulary,
) -> MetricKind:
    clause = bounds.around("clause", fig.start)
    following = bounds.around("clause", clause[1] + 1) if clause[1] < len(text) else clause
    sentence = bounds.around("sentence", fig.start)
    scope = text[clause[0] : min(following[1], sentence[1])]
    if vocab.kind_pattern("other").search(scope):
        return MetricKind.OTHER
    if any(text.startswith(cue, fig.end, fig.end + 3) for cue in vocab.kind_cues["target"]):
        return MetricKind.TARGET  # 要达到2000亿目标
    before = text[sentence[0] : fig.start]
    best, best_at = None, -1
    for kind, key in ((MetricKind.TARGET, "target"), (MetricKind.FORECAST, "forecast")):
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
                return MetricKind.FORECAST
    return MetricKind.ACTUAL


# --- subject -------------------------------------------------------------------------------


def _about_the_topic(
    text: str, fig: Figure, label: str | None, bounds: Bounds, vocab: Vocabulary
) -> bool:
    """Whether a figure with no subject of its own may be the article's company's: not a
    market's measure, not an age, and not in a sentence about a whole market."""
    if label in vocab.market_labels:
        return False
    lo, hi = bounds.around("sentence", fig.start)
    sentence = text[lo:hi]
    return not any(cue in sentence for cue in vocab.market_cues)


def _topic(mentions: Sequence[Mention]) -> str | None:
    """The organisation an article is about: named at least three times and at least twice as
    often as any other organisation or product; None when no one stands out."""
    counts = Counter(m.entity for m in mentions if m.type in _ORGISH)
    top = counts.most_common(2)
    if not top or top[0][1] < 3 or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]



def _affiliations(text: str, mentions: list[Mention], vocab: Vocabulary) -> dict[str, str]:
    """Person → the organisation they hold a title in, from "美团CEO王兴", "抖音电子商务主管康泽宇"
    (the first such phrase for each person)."""
    out: dict[str, str] = {}
    orgs = [m for m in mentions if m.type in _ORGISH]
    for person in (m for m in mentions if m.type is EntityType.PERSON):
        title = vocab.words().titles.ending_at(text, person.start)
        if title is None or person.entity in out:
            continue
        title_start = person.start - len(title)
        for org in reversed([m for m in orgs if m.end <= title_start]):
            between = text[org.end : title_start]
            if len(between) <= _DEPARTMENT_CHARS and not any(c in CLAUSE_ENDS + "、" for c in between):
                out[person.entity] = org.entity
            break
    return out


def _subject(
    text: str,
    fig: Figure,
    label: str | None,
    mentions: Mentions,
    bounds: Bounds,
    earlier: list[Metric],
    vocab: Vocabulary,
    affiliations: dict[str, str],
) -> str | None:
    sentence = bounds.around("sentence", fig.start)
    clause = bounds.around("clause", fig.start)
    in_sentence = mentions.within(*sentence)
    if label == "年龄":
        people = [m for m in in_sentence if m.type is EntityType.PERSON]
        same_clause = [m for m in people if clause[0] <= m.start < clause[1]]
        pool = same_clause or people
        if pool:
            return min(pool, key=lambda m: min(abs(m.start - fig.end), abs(fig.start - m.end))).entity
        return None

    owner = _owner_after(text, fig, in_sentence, clause)
    if owner is not None:
        return owner.entity

    pronoun_at, pronoun_kind = _last_pronoun(text, sentence[0], fig.start, vocab)
    speaker: Mention | None = None
    for mention in reversed([m for m in in_sentence if m.end <= fig.start]):
        if pronoun_at is not None and pronoun_at >= mention.end:
            break
        if mention.type is EntityType.PLACE and label not in vocab.place_labels:
            continue  # 中国零售电商上市公司的市场份额: a place qualifies, it does not own
        if mention.type in _ORGISH and _follows(text, mention, vocab.words().own_documents):
            return mention.entity  # 据快狗打车招股书显示: the company's own filing
        if _not_a_subject(text, mention, vocab):
            speaking = _follows(text, mention, vocab.words().speech_verbs)
            if speaking and not _after_skip_word(text, mention, vocab):
                speaker = speaker or mention  # 美团预计…, but not 据IDC预测
            continue
        if _in_group(text, mention, in_sentence):
            return None  # 抖音、快手等短视频平台: a figure about a kind of company, not one
        return mention.entity
    if pronoun_at is not None:
        return _resolve_pronoun(pronoun_at, pronoun_kind, mentions, bounds)
    if speaker is not None and speaker.type in _ORGISH:
        return speaker.entity  # 美团预计，第四季度收入将同比增长20%
    if speaker is not None and speaker.type is EntityType.PERSON:
        return affiliations.get(speaker.entity)  # 杨植麟表示，公司…: whose, if he has no title here?

    paragraph = bounds.around("paragraph", fig.start)
    if earlier and earlier[-1].start >= paragraph[0] and earlier[-1].subject is not None:
        return earlier[-1].subject  # 这个数字可能会增加五倍: still the figure before's
    previous = bounds.previous("sentence", fig.start)
    if previous is not None and previous[0] >= paragraph[0]:
        topic = mentions.within(*previous)
        topic = [
            m for m in topic
            if not _not_a_subject(text, m, vocab)
            and (m.type is not EntityType.PLACE or label in vocab.place_labels)
        ]
        if topic:
            return topic[0].entity
    heading = _heading_topic(text, fig, mentions, bounds, vocab)
    if heading is not None:
        return heading
    if label in vocab.company_labels and earlier and earlier[-1].subject is not None:
        last = bounds.around("paragraph", earlier[-1].start)
        if bounds.previous("paragraph", fig.start) == last:
            return earlier[-1].subject  # 分业务看，核心本地商业收入为561亿元: still the company's
    return None


_HEADING_CHARS = 40  # a line this short with no sentence end is a heading: "3. 特斯拉：赚最多"
_HEADING_LOOKBACK = 6  # paragraphs


def _heading_topic(
    text: str, fig: Figure, mentions: Mentions, bounds: Bounds, vocab: Vocabulary
) -> str | None:
    """The organisation a section is about: named in the heading line above the figure's
    paragraph (a report on ten car makers, one section each)."""
    at = fig.start
    for _ in range(_HEADING_LOOKBACK):
        span = bounds.previous("paragraph", at)
        if span is None:
            return None
        line = text[span[0] : span[1]].strip()
        if len(line) <= _HEADING_CHARS and not any(c in line for c in "。！？；"):
            named = [
                m for m in mentions.within(*span)
                if m.type in _ORGISH and not _not_a_subject(text, m, vocab)
            ]
            return named[0].entity if len(named) == 1 else None
        at = span[0]
    return None


def _owner_after(
    text: str, fig: Figure, in_sentence: list[Mention], clause: tuple[int, int]
) -> Mention | None:
    """有千万粉丝的账号“田姥姥”, 3亿多DAU规模的抖音: the entity the figure describes."""
    de = text.find("的", fig.end, min(clause[1], fig.end + 7))
    if de < 0:
        return None
    for mention in in_sentence:
        gap = text[de + 1 : mention.start]
        if mention.start > de and len(gap) <= 4 and mention.end <= clause[1]:
            if not any(c in gap for c in "非不无"):
                return mention
            return None
    return None


def _in_group(text: str, mention: Mention, in_sentence: list[Mention]) -> bool:
    """Whether ``mention`` is one of a list: X、Y, X、Y等, X等."""
    if text.startswith("等", mention.end):
        return True
    ends = {m.end for m in in_sentence}
    starts = {m.start for m in in_sentence}
    listed_before = text.endswith("、", 0, mention.start) and mention.start - 1 in ends
    listed_after = text.startswith("、", mention.end) and mention.end + 1 in starts
    return listed_before or listed_after


def _not_a_subject(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """在抖音上, 据IDC, 康泽宇表示, 美团领投: a place, a source, a speaker or a bystander;
    and a digest's "Canalys：预计…" line, where the name before the colon is the source."""
    return (
        _line_source(text, mention)
        or _clause_is_a_source(text, mention, vocab)
        or _after_skip_word(text, mention, vocab)
        or _follows(text, mention, vocab.words().speech_verbs)
        or _follows(text, mention, vocab.words().bystander_verbs)
    )


_SOURCE_CLAUSE_CHARS = 24  # 国家统计局10月18日公布的数据显示: the date between name and verb


def _clause_is_a_source(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """The name's clause ends by saying it is a source: "国家统计局10月18日公布的数据显示，"."""
    end = mention.end
    limit = min(len(text), end + _SOURCE_CLAUSE_CHARS)
    stop = next((i for i in range(end, limit) if text[i] in "，,。；;：:\n"), limit)
    clause = text[end:stop]
    if any(w in clause for w in vocab.own_documents):
        return False  # 宁德时代此前公布的三季报显示: its own figures
    return any(clause.endswith(w) for w in vocab.source_clause_ends)


def _line_source(text: str, mention: Mention) -> bool:
    at_line_start = mention.start == 0 or text[mention.start - 1] == "\n"
    return at_line_start and text.startswith(("：", ":"), mention.end)


def _after_skip_word(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    return vocab.words().skip_after.ending_at(text, mention.start) is not None


def _follows(text: str, mention: Mention, verbs: Words) -> bool:
    """康泽宇表示, 康泽宇还提到, 《晚点LatePost》独家获悉: one of ``verbs`` follows the mention
    (two characters may stand between; a closing bracket or quote does not count)."""
    follow = text[mention.end : mention.end + 8].lstrip("》」”』")
    return any(verbs.starting_at(follow, i) for i in range(_SPEAKER_GAP + 1))


def _last_pronoun(text: str, lo: int, hi: int, vocab: Vocabulary) -> tuple[int | None, str]:
    best: tuple[int | None, str] = (None, "")
    for kind, words in (("person", vocab.person_pronouns), ("org", vocab.org_pronouns)):
        for word in words:
            at = text.rfind(word, lo, hi)
            while at >= 0:
                plural = text.startswith("们", at + len(word))
                other = text.endswith("其", 0, at)  # 其他 is "other", not "he"
                if not (plural or other or _in_word(text, at, word, vocab.not_pronouns)):
                    break
                at = text.rfind(word, lo, at)
            if at >= 0 and (best[0] is None or at > best[0]):
                best = (at, kind)
    return best


def _in_word(text: str, at: int, word: str, words: Sequence[str]) -> bool:
    """Whether the ``word`` at ``at`` is part of one of ``words`` (其 in 其中, 尤其)."""
    for longer in words:
        offset = longer.find(word)
        if offset >= 0 and text.startswith(longer, at - offset):
            return True
    return False


def _resolve_pronoun(
    at: int, kind: str, mentions: Mentions, bounds: Bounds
) -> str | None:
    sentence = bounds.around("sentence", at)
    types = (EntityType.PERSON,) if kind == "person" else _ORGISH
    before = [m for m in mentions.within(sentence[0], at) if m.type in types]
    if kind == "person" and before:
        return before[-1].entity
    previous = bounds.previous("sentence", at)
    if previous is not None:
        candidates = [
            m for m in mentions.within(*previous) if m.type in types
        ]
        if candidates:
            # a person is the last one named; an organisation is the previous sentence's topic
            return candidates[-1].entity if kind == "person" else candidates[0].entity
    if before:
        return before[0].entity
    return None


# --- figures already given -----------------------------------------------------------------


def _with_antecedent(
    metric: Metric, fig: Figure, same_value: Sequence[Metric], bounds: Bounds, vocab: Vocabulary
) -> Metric:
    """这6亿用户 repeats a figure: take what the first telling said about it. ``same_value``
    are the figures before it with its value, in text order."""
    antecedent = next(
        (m for m in reversed(same_value) if m.unit == metric.unit or metric.label is None), None
    )
    if antecedent is None:
        return metric
    if fig.anaphoric:
        return replace(
            metric,
            unit=antecedent.unit if metric.label is None else metric.unit,
            label=metric.label or antecedent.label,
            measure=metric.measure or antecedent.measure,
            subject=antecedent.subject,
            period=metric.period or antecedent.period,  # 截至2月底，这45支物业股: its own time
            kind=antecedent.kind,
        )
    paragraph = bounds.around("paragraph", metric.start)
    if antecedent.start >= paragraph[0] and antecedent.unit == metric.unit:
        return replace(
            metric,
            period=metric.period or antecedent.period,
            label=metric.label or antecedent.label,
            measure=metric.measure or antecedent.measure,
            subject=metric.subject or antecedent.subject,
        )
    return metric
