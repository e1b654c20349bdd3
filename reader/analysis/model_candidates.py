"""The statistical layer's names as candidates for the recogniser: each model name trimmed
to jieba's words and passed through the sanity filters (``statistical.NameFilters``), kept only
where the gazetteer found nothing overlapping, and never an ordinary word jieba knows (投资),
an adjective before a noun (高|估值) or a verb before its aspect particle (杜撰了); and every
body occurrence of a name the model finds in the title."""

from __future__ import annotations

import re

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from reader.analysis.entity_hits import Hit
from reader.analysis.folding import matching_form
from reader.analysis.model import EntityType
from reader.analysis.model_spans import (
    common_words,
    find_all,
    tokens_within,
    trim_to_words,
)
from reader.analysis.rule_scan import ACCEPT, Candidate
from reader.analysis.segment import Segmenter, Token
from reader.analysis.statistical import ModelName, NameFilters, NameModel


def model_candidates(
    model: NameModel,
    segmenter: Segmenter,
    filters: NameFilters,
    folded: str,
    tokens: Sequence[Token],
    known: Sequence[Hit],
) -> list[Candidate]:
    """The statistical layer's names, each trimmed to jieba's words and passed through the
    sanity filters, where the gazetteer found nothing overlapping — except a place at the
    start of an organisation's name (中国汽车流通协会, 成都信谊物业)."""
    starts = [h.start for h in known]
    starts_at = {t.start: t for t in tokens}
    suffixes = frozenset((*filters.org_suffixes, *filters.generic_heads))
    out: list[Candidate] = []
    for name in model.names(folded):
        name = trim_to_words(folded, name, tokens)
        if name is None or filters.accept(name) is not None:
            continue
        i = bisect_right(starts, name.start)
        lo = i - 1 if i and known[i - 1].end > name.start else i
        hi = bisect_right(starts, name.end - 1)
        overlapped = known[lo:hi]
        if overlapped and name.type is EntityType.ORG and (after := _after_a_deal(folded, name, overlapped)):
            name, overlapped = after, []  # 商汤领投|影谱科技: the known investor, then the company
            if filters.accept(name) is not None:
                continue
        if overlapped and not (
            name.type is EntityType.ORG
            and all(
                h.type is EntityType.PLACE and name.start <= h.start and h.end < name.end
                for h in overlapped
            )
        ):
            continue
        if common_words(name, tokens, segmenter.is_word, suffixes, filters):
            continue
        if name.type is EntityType.ORG and _a_modifier_noun(folded, name, starts_at, segmenter):
            continue
        if name.type is EntityType.PERSON and (
            _adjective_and_noun(name, tokens, segmenter) or _a_verb_by_its_aspect(folded, name)
        ):
            continue
        kind = EntityType.ORG if name.type is EntityType.PERSON and _CAPITALS.fullmatch(name.surface) else name.type
        out.append(Candidate(name.start, name.end, name.surface, kind, "model", ACCEPT))
    rare = _rarely_read_as_names(out, folded)
    return [
        c for c in out
        if c.surface not in rare and not _a_passing_guess(c, folded, filters) and not _a_ticker(c, folded) and not _a_round(c, folded)
        and not _a_latin_tail(c, folded)
    ]


# Latin capitals the model reads as a person are a brand or a firm (HERA, MENLO, KARL LAGERFELD
# NFC): Chinese news writes a person's name in Chinese, or in capitalised words (Elon Musk).
_CAPITALS = re.compile(r"[A-Z]{2,}(?: [A-Z0-9]+)*")


def _rarely_read_as_names(candidates: list[Candidate], folded: str) -> frozenset[str]:
    """Two-character words the model reads as a name in only a few of their many occurrences: 卡牌,
    written 114 times in an article about trading cards and read as a company twice, is the
    article's common noun (and writes 卡牌市场, 卡牌行业): a name the article is about is read as
    one most times it is written, and a brand read rarely (回力, 19 times) is no sector."""
    read = Counter(c.surface for c in candidates if len(c.surface) == 2 and not c.surface.isascii())
    return frozenset(
        surface for surface, n in read.items()
        if (written := folded.count(surface)) >= _MANY_TIMES and n / written < _FEW_READINGS
        and re.search(re.escape(surface) + _A_SECTOR, folded) is not None
    )


# What follows a kind of thing and not a company: 卡牌市场, 卡牌行业 (苹果市场份额 is a company's).
_A_SECTOR = r"(?:行业|赛道|品类|市场(?!份额|占有率|部|营销|价值|化))"


_MANY_TIMES = 8
_FEW_READINGS = 0.2


def _a_latin_tail(candidate: Candidate, folded: str) -> bool:
    """Latin letters after another Latin word and a space are the end of a longer name the model
    split (Manner Coffee, The Cheesecake Factory, Shopify Capital, adidas NEO), not a name; but
    not after a word that joins two names (the Rules of Silicon Valley)."""
    if not candidate.surface.isascii():
        return False
    before = _LATIN_WORD_BEFORE.search(folded, max(0, candidate.start - 30), candidate.start)
    return before is not None and before.group(1).lower() not in _JOINING_WORDS


_LATIN_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9.&'’-])([A-Za-z][A-Za-z0-9.&'’-]*) $")
_JOINING_WORDS = frozenset(("of", "and", "in", "at", "for", "from", "to", "with", "on", "by", "vs"))


_TICKER_BEFORE = re.compile(r"(?:股票|交易)?代码(?:为|是|:|：)?\s*[“\"「『]?\s*$")


def _a_round(candidate: Candidate, folded: str) -> bool:
    """Letters right before 轮 name a funding round (A+轮融资, Pre-IPO轮), not a company; a
    credit grade (AAA, BBB+, AA-) is no company either."""
    return candidate.surface.isascii() and (folded.startswith("轮", candidate.end) or _GRADE.fullmatch(candidate.surface) is not None)


_GRADE = re.compile(r"[ABC]{1,3}[+-]?")


def _a_ticker(candidate: Candidate, folded: str) -> bool:
    """Letters after 股票代码为 are the ticker a company trades under (股票代码为“JIA”), not a name."""
    return candidate.surface.isascii() and _TICKER_BEFORE.search(folded, max(0, candidate.start - 10), candidate.start) is not None


def title_candidates(
    model: NameModel,
    segmenter: Segmenter,
    filters: NameFilters,
    folded: str,
    title: str,
    known: Sequence[tuple[int, int]],
) -> list[Candidate]:
    """Every body occurrence of a name the model finds in the title."""
    head = matching_form(title)
    names = {
        c.surface: c.type
        for c in model_candidates(model, segmenter, filters, head, segmenter.posseg(head), ())
    }
    taken = sorted(known)
    out: list[Candidate] = []
    for surface, etype in names.items():
        for at in find_all(folded, surface):
            end = at + len(surface)
            i = bisect_right(taken, (at, len(folded)))
            if (i and taken[i - 1][1] > at) or (i < len(taken) and taken[i][0] < end):
                continue
            out.append(Candidate(at, end, surface, etype, "title", ACCEPT))
    return out


# Verbs between a known investor or buyer and the company it deals in: 商汤领投影谱科技.
_DEAL_VERBS = ("战略投资了", "战略投资", "领投了", "领投", "投资了", "投资", "收购了", "收购", "入股", "控股", "参股")


def _after_a_deal(folded: str, name: ModelName, overlapped: Sequence[Hit]) -> ModelName | None:
    """The part of a model span after a known name and a verb of dealing, when the known name
    opens it: 商汤领投影谱科技 → 影谱科技 (jieba read 领|投影, so the model ran the two together)."""
    first, last = overlapped[0], overlapped[-1]
    if first.start != name.start or last.end >= name.end:
        return None
    verb = next((v for v in _DEAL_VERBS if folded.startswith(v, last.end)), None)
    if verb is None or name.end - (last.end + len(verb)) < 2:
        return None
    start = last.end + len(verb)
    return ModelName(start, name.end, folded[start:name.end], name.type, name.proper_noun)


def _a_modifier_noun(folded: str, name: ModelName, starts_at: dict[int, Token], segmenter: Segmenter) -> bool:
    """A common noun the model calls an organisation that stands before another noun wherever
    the article writes it: 跨境|电商, 跨境|包裹 (a name stands alone somewhere: 声网的, 声网在)."""
    if segmenter.dictionary_tag(name.surface) != "n":
        return False
    for at in find_all(folded, name.surface):
        after = starts_at.get(at + len(name.surface))
        if after is None or not after.flag.startswith(("n", "v")) or len(after.word) < 2:
            return False
    return True


def _adjective_and_noun(name: ModelName, tokens: Sequence[Token], segmenter: Segmenter) -> bool:
    """A "person" jieba reads as an adjective or adverb and a common word: 高|估值 (a
    surname-like character in front of a noun is no name), or as one idiom (高颜值)."""
    inside = tokens_within(tokens, name.start, name.end)
    if len(inside) == 1 and inside[0].start == name.start and inside[0].end == name.end and inside[0].flag in ("l", "i"):
        return True  # 高颜值: one idiom jieba knows, no name
    if len(inside) != 2 or len(inside[0].word) != 1:
        return False
    first = segmenter.dictionary_tag(inside[0].word) or ""
    second = segmenter.dictionary_tag(inside[1].word) or ""
    return first.startswith(("a", "d", "v", "p", "c")) and second in ("n", "vn", "v", "a", "an")


def _a_verb_by_its_aspect(folded: str, name: ModelName) -> bool:
    """A two-character "person" followed by the aspect particle 了 or 着 is a verb the tagger
    took for a name: 公司杜撰了一个新名词."""
    return len(name.surface) == 2 and folded.startswith(("了", "着"), name.end)


def _a_passing_guess(candidate: Candidate, folded: str, filters: NameFilters) -> bool:
    """A Chinese organisation the model reads once, which the article never writes again and
    which does not end in a company word (集团, 银行, 公司…), is a guess, not a name: on real
    articles most of these were not names (measured on the dev set: held-out precision 0.84 →
    0.88 at the same recall). Names in Latin letters and people are kept; a name in the title
    counts through the title's own candidates. (Keeping the items of a list, 广州粤泰、成都信谊物业等,
    was tried: +1.5 precision on the tuning set, −0.6 on the held-out one.)"""
    if candidate.type is not EntityType.ORG or candidate.surface.isascii():
        return False
    if candidate.surface.endswith(tuple(filters.org_suffixes)):
        return False
    return folded.count(candidate.surface) < 2
