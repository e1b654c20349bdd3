"""Names a figure's sentence refers to without naming them: a pronoun's antecedent (其, 该公司,
他), and the lists whose items are kinds or examples, not the one whose figure it is (抖音、快手等
短视频平台). ``figure_subjects`` and ``figure_passage`` read these."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.analysis.figure_sources import LIST_JOINS, after_skip_word, not_a_subject, reports_on_others
from reader.analysis.figure_vocab import Vocabulary
from reader.analysis.model import EntityType, Mention
from reader.analysis.text_bounds import Bounds, Mentions

ORGISH = (EntityType.ORG, EntityType.PRODUCT)


def in_group(text: str, mention: Mention, in_sentence: list[Mention]) -> bool:
    """Whether ``mention`` is one of a list: X、Y, X、Y等, X等 (a ticker in brackets after a name
    is part of it: 宁德时代(300750.SZ)、比亚迪(002594.SZ)等巨头)."""
    end = past_ticker(text, mention.end)
    if text.startswith("等", end):
        return True
    ends = {past_ticker(text, m.end) for m in in_sentence}
    starts = {m.start for m in in_sentence}
    listed_before = text.endswith("、", 0, mention.start) and mention.start - 1 in ends
    listed_after = text.startswith("、", end) and end + 1 in starts
    return listed_before or listed_after


def of_a_kind(text: str, mention: Mention, in_sentence: list[Mention]) -> bool:
    """Whether ``mention`` is in a list of examples of a kind: 宁德时代(300750.SZ)、比亚迪等巨头."""
    by_start = {m.start: m for m in in_sentence}
    at = mention
    for _ in range(len(in_sentence)):
        end = past_ticker(text, at.end)
        if text.startswith("等", end):
            return True
        if not text.startswith("、", end) or end + 1 not in by_start:
            return False
        at = by_start[end + 1]
    return False


_TICKER = re.compile(r"\s*[(（][A-Za-z0-9.:：\s]{2,16}[)）]")


def past_ticker(text: str, end: int) -> int:
    ticker = _TICKER.match(text, end)
    return ticker.end() if ticker is not None else end


def last_pronoun(text: str, lo: int, hi: int, vocab: Vocabulary) -> tuple[int | None, str]:
    best: tuple[int | None, str] = (None, "")
    for kind, words in (("person", vocab.person_pronouns), ("org", vocab.org_pronouns)):
        for word in words:
            at = text.rfind(word, lo, hi)
            while at >= 0:
                plural = text.startswith("们", at + len(word))
                other = text.endswith("其", 0, at)  # 其他 is "other", not "he"
                # 腾讯对该公司的投资额: a pronoun after 对/向/与… is the object, not the owner
                governed = vocab.words().skip_after.ending_at(text, at) is not None
                if not (plural or other or governed or _in_word(text, at, word, vocab.not_pronouns)):
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


_TOPIC_LEAD = 2  # characters a sentence's topic may stand after its clause's start ("而赛力斯…")


# A pronoun that says it stands for a company (该公司, 该集团, 该行): no product or platform is
# its antecedent (卡牌IP宝可梦、游戏王…。营收方面，该公司分别实现收益…); 其 and 该平台 may be either.
COMPANY_PRONOUN = re.compile(r"该(?:公司|集团|企业|银行|行|机构)")


def antecedents(text: str, at: int) -> tuple[EntityType, ...]:
    return (EntityType.ORG,) if COMPANY_PRONOUN.match(text, at) else ORGISH


def opens(sentence_start: int, mention: Mention) -> bool:
    return mention.start - sentence_start <= _TOPIC_LEAD


def opens_described(text: str, sentence_start: int, mention: Mention) -> bool:
    """Whether ``mention`` opens its sentence, or stands right after what kind of company it is
    (特卖电商唯品会也守住了…, 电商平台京东…): the sentence's topic either way."""
    return opens(sentence_start, mention) or _DESCRIBED.fullmatch(text, sentence_start, mention.start) is not None


# What kind of company a topic is, written before its name at a sentence's start.
_DESCRIBED = re.compile(
    r"(?:而|但|另外|此外|同时)?[，,]?\s*[\u4e00-\u9fff]{0,6}"
    r"(?:电商|平台|公司|巨头|品牌|企业|集团|新势力|车企|房企|银行|龙头|对手|玩家|厂商)"
)


def resolve_pronoun(
    text: str, at: int, kind: str, mentions: Mentions, bounds: Bounds, vocab: Vocabulary
) -> str | None:
    sentence = bounds.around("sentence", at)
    types = (EntityType.PERSON,) if kind == "person" else antecedents(text, at)
    before = [m for m in mentions.within(sentence[0], at) if m.type in types and not reports_on_others(m, vocab)]
    if kind == "person" and before:
        return before[-1].entity
    if before and _RIGHT_AFTER.fullmatch(text[before[-1].end : at].strip()):
        # 首家盈利厂商——阿里云，其2020 Q4营收161亿元; 交易平台卡淘，据了解，其去年GMV: the name the pronoun follows
        return before[-1].entity
    if len({m.entity for m in before}) == 1 and opens(bounds.around("clause", before[0].start)[0], before[0]):
        # 赛力斯的财报…，但其净利润; 值得注意的是，LG新能源虽…，但其…: the sentence's own topic, its only name
        return before[0].entity
    if (
        before
        and before[0].type in ORGISH
        and opens_described(text, sentence[0], before[0])
        and not not_a_subject(text, before[0], vocab)
        and not any(c in _SPEECH_OPENS for c in text[before[0].end : at])
    ):
        # 蔚来更是通过…发布首款轿车ET7的举动，助推其市值: the name the sentence opens with, its topic
        # (but not across a quote's opening: CBS体育的主席…：「这份合同…使其高额的价格)
        return before[0].entity
    previous = bounds.previous("sentence", at)
    if previous is not None:
        # 凭借着清华大学的技术底蕴，智谱成为…。其投后估值: a means is no antecedent
        named = mentions.within(*previous)
        candidates = [
            m for m in named
            if m.type in types and not reports_on_others(m, vocab)
            and (kind == "person" or not after_skip_word(text, m, vocab) and not of_a_kind(text, m, named))
        ]
        if candidates:
            # a person is the last one named; an organisation is the previous sentence's topic
            return candidates[-1].entity if kind == "person" else candidates[0].entity
    if before:
        return before[0].entity
    return None


_SPEECH_OPENS = "「“‘『：:"  # a quote or the colon before one
# Between a name and the pronoun that stands for it: a comma, and perhaps a source's aside.
_RIGHT_AFTER = re.compile(r"[，,](?:\s*据(?:了解|悉|报道|介绍|称|透露)[，,])?")
_BOTH = re.compile(r"[^，,。；;]{0,6}?(?:都|均|皆|合计|共计|一共|总共|共同|分别(?!为|是|达|占))")  # 分别为A、B lists one each
# Names joined in the figure's clause, nothing else said (小鹏汽车和蔚来汽车的月供货量超过1万辆):
# theirs, told under the first, unless they are listed one each or with others (黄周和其他200名).
_JOINED = re.compile(r"(?![^，,。；;]*(?:分别|其他|其它|等))[^，,。；;]*$")


def first_of_both(
    text: str, mention: Mention, in_sentence: list[Mention], fig_start: int, said: bool = True
) -> Mention | None:
    """The first of names joined before a figure they share (星巴克和麦当劳都有到100%以上的): the
    figure is told once for both, or for each (分别关店5家) or their sum (合计关闭了17家), and stands
    under the first; None when ``mention`` is not the last of such names or nothing says both.
    Not ``said``: names joined in the figure's clause with nothing saying both share it too."""
    if (_BOTH if said else _JOINED).match(text, mention.end, fig_start) is None:
        return None
    ends = {m.end: m for m in in_sentence}
    first = mention
    while (joiner := next((j for j in LIST_JOINS if text.endswith(j, 0, first.start)), None)) is not None:
        before = ends.get(first.start - len(joiner))
        if before is None:
            break
        first = before
    return first if first is not mention else None
