"""Latin words that read like names and are not, whichever layer proposed them: a work's title,
an English noun after an article, an acronym's spelling-out. Applied to every candidate before
the recogniser weighs them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.analysis.folding import is_latin
from reader.analysis.model import EntityType
from reader.analysis.rule_scan import Candidate
from reader.analysis.rule_words import RuleWords

_ENGLISH_ARTICLE = re.compile(r"(?<![A-Za-z])(?:the|a|an) $")
# An acronym and its spelling-out in brackets: RTE（Real-Time Engagement）.
# An acronym glossed by a Chinese term in brackets: TS(投资意向书), AGI（通用人工智能）.
_GLOSSED = re.compile(r"(?<![A-Za-z])([A-Z]{2,5})\s*[（(]([\u4e00-\u9fff]{2,10})[）)]")
# A measure or a kind of thing glossed by its acronym in brackets: 月付费用户数（MPU）, 商品交易总额(GMV),
# 获客成本（CAC）, 零排放汽车 (ZEV) (移动生态事业群组（MEG） is a unit, and names it; 蔚来汽车（NIO） a
# company the recogniser knows).
_ABBREVIATED = re.compile(r"([\u4e00-\u9fff]{1,9}[数率额量值本入润户比价费车品者划准统术器机式])\s*[（(]([A-Z]{2,6})[）)]")
_SPELLED_OUT = re.compile(r"(?<![A-Za-z])([A-Z]{2,6})\s*[（(]\s*([A-Za-z][A-Za-z\- ]+?)\s*[）)]")
# A Chinese term and its English in brackets: 集换式卡牌游戏（Trading Card Game）, 网络效应（Network Effect）.
_TRANSLATED = re.compile(r"([\u4e00-\u9fff]{2,12})\s*[（(]\s*([A-Za-z][A-Za-z\-]*(?: [A-Za-z][A-Za-z\-]*)+)\s*[）)]")
# A term glossed by its acronym and the acronym's spelling-out: 焦点小组座谈会（FGD，focus group discussion）.
_GLOSSED_AND_SPELLED = re.compile(r"[（(]\s*([A-Z]{2,6})\s*[，,:：]\s*([A-Za-z][A-Za-z\- ]+?)\s*[）)]")


def no_works_or_nouns(
    folded: str, candidates: Sequence[Candidate], words: RuleWords, known: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """``candidates`` without the Latin words that are no names, from any layer: the title of a
    work written without 《》 (新书Out-Innovate: every occurrence of it), a "person" after an
    English article (Rewriting the Rules of Silicon Valley), the spelling-out of an acronym
    that names nothing known (RTE（Real-Time Engagement）: a term) and an acronym given with its
    spelling-out after a Chinese term (焦点小组座谈会（FGD，focus group discussion）), a Chinese term's
    English in brackets (集换式卡牌游戏（Trading Card Game）), and an acronym glossed by a
    Chinese term that is no name (TS(投资意向书); IDC（国际数据公司） stays), or abbreviating one
    (月付费用户数（MPU）)."""
    works = {
        c.surface
        for c in candidates
        if is_latin(c.surface[0]) and folded.endswith(words.work_words, 0, c.start)
    }
    spelled = [
        m.span(2)
        for m in _SPELLED_OUT.finditer(folded)
        if _initials(m.group(2)) == m.group(1) and m.span(1) not in known
    ] + [
        m.span(2)
        for m in _TRANSLATED.finditer(folded)
        if not m.group(1).endswith((*words.org_suffixes, "公司"))
        and not any(word in words.latin_org_words for word in m.group(2).split())  # Marathon Digital Holdings
        and not any(a < m.end(1) and m.start(1) < b for a, b in known)
    ] + [
        (m.start(1), m.end(2))
        for m in _GLOSSED_AND_SPELLED.finditer(folded)
        if _initials(m.group(2)) == m.group(1) and m.span(1) not in known
    ] + [
        m.span(1)
        for m in _GLOSSED.finditer(folded)
        if not m.group(2).endswith(words.org_suffixes) and not any(a < m.end(2) and m.start(2) < b for a, b in known)
    ] + [
        m.span(2)
        for m in _ABBREVIATED.finditer(folded)
        if not m.group(1).endswith(words.org_suffixes) and not any(a < m.end(1) and m.start(1) < b for a, b in known)
    ]
    # an acronym the article glosses as a term is that term wherever it stands (OGV（专业生产内容）…
    # 对OGV进行二次加工)
    terms = {folded[start:end] for start, end in spelled if folded[start:end].isascii() and folded[start:end].isupper()}
    return [
        c
        for c in candidates
        if c.surface not in works and c.surface not in terms
        and not (
            c.type is EntityType.PERSON
            and is_latin(c.surface[0])
            and _ENGLISH_ARTICLE.search(folded, max(0, c.start - 4), c.start) is not None
        )
        and not any(start <= c.start and c.end <= end for start, end in spelled)
    ]


def _initials(words: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", words) if w).upper()
