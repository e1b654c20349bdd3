"""Whose a figure is when its sentence names nobody: the company the passage before it is
about (named most in its paragraph and those just above, or whose own report it tells), or the
one a company pronoun (该公司) stands for; else the article's topic. ``figure_context.explain``
asks this module after ``figure_subjects.subject_of`` has found no name in the sentence.
"""

from __future__ import annotations

from collections import Counter

from reader.analysis.figure_grammar import Quantity
from reader.analysis.figure_sources import a_source, not_a_subject, own_document
from reader.analysis.figure_pronouns import COMPANY_PRONOUN, ORGISH, antecedents, last_pronoun
from reader.analysis.figure_vocab import Vocabulary
from reader.analysis.text_bounds import Bounds, Mentions


def passage_subject(
    text: str, fig: Quantity, label: str | None, mentions: Mentions, bounds: Bounds, vocab: Vocabulary, topic: str | None
) -> str | None:
    """Whose a figure its sentence names nobody for is: the article's company, else the
    organisation the passage before it is about. A sentence that names anyone and still gives
    no subject (抖音、快手等短视频平台, 薇娅…过百万) has said the figure is nobody's but the
    article's company's; a count of companies (31家银行) is none of theirs. An organisation
    pronoun (该行净利润分别为…) stands for the organisation named last, not the most; a company
    pronoun the sentence starts from (营收方面，该公司分别实现收益…) wins over the article's topic."""
    sentence = bounds.around("sentence", fig.start)
    if label == _COMPANIES or mentions.within(*sentence):
        return topic
    at, kind = last_pronoun(text, sentence[0], fig.start, vocab)
    if at is not None and kind == "org":
        named = _named_last(text, fig, at, mentions, bounds, vocab)
        return (named or topic) if COMPANY_PRONOUN.match(text, at) else (topic or named)
    if text.startswith(_THE_COMPANY, sentence[0]):
        # 7、达安基因（002030.SZ）…国家药监局…。⏎公司2020年营业收入53.4亿元: in an article on many, the
        # company the nearest passage opens with
        return topic or _the_passages_company(text, fig, mentions, bounds, vocab)
    return topic or _report_told(text, fig, mentions, bounds, vocab) or _named_most(text, fig, mentions, bounds, vocab)


_THE_COMPANY = "公司"  # opening a sentence, the company just written about


def _named_last(text: str, fig: Quantity, at: int, mentions: Mentions, bounds: Bounds, vocab: Vocabulary) -> str | None:
    """The organisation a pronoun at ``at`` stands for: the last named in the figure's paragraph
    and the ones just above (a company pronoun's is never a product)."""
    lo = _paragraphs_before(fig, bounds, _RECENT_PARAGRAPHS[0])
    types = antecedents(text, at)
    named = [
        m for m in mentions.within(lo, fig.start)
        if m.type in types and not not_a_subject(text, m, vocab) and not a_source(text, m, vocab)
    ]
    return named[-1].entity if named else None


def _the_passages_company(text: str, fig: Quantity, mentions: Mentions, bounds: Bounds, vocab: Vocabulary) -> str | None:
    """The organisation the nearest passage that names one opens with: its topic, not the
    regulator or partner it goes on to name (7、达安基因（002030.SZ）…进入国家药监局快速审批通道)."""
    lo, hi = bounds.around("paragraph", fig.start)[0], fig.start
    for _ in range(_RECENT_PARAGRAPHS[0]):
        named = [
            m for m in mentions.within(lo, hi)
            if m.type in ORGISH and not not_a_subject(text, m, vocab) and not a_source(text, m, vocab)
        ]
        if named:
            return named[0].entity
        if (previous := bounds.previous("paragraph", lo)) is None:
            return None
        lo, hi = previous
    return None


def _named_most(text: str, fig: Quantity, mentions: Mentions, bounds: Bounds, vocab: Vocabulary) -> str | None:
    """The organisation named at least twice in the figure's paragraph and the ones just above,
    more often than any other (an article about several companies, a section each: 「Keep」的招股书…
    MAU 是 2973 万); the nearest passage that has one decides. A source, a place or a person is
    no such name."""
    for paragraphs in _RECENT_PARAGRAPHS:
        lo = _paragraphs_before(fig, bounds, paragraphs)
        named = Counter(
            m.entity for m in mentions.within(lo, fig.start)
            if m.type in ORGISH and not not_a_subject(text, m, vocab) and not a_source(text, m, vocab)
        ).most_common(2)
        if named and named[0][1] >= 2 and (len(named) == 1 or named[0][1] > named[1][1]):
            return named[0][0]
    return None


def _paragraphs_before(fig: Quantity, bounds: Bounds, paragraphs: int) -> int:
    """Where the figure's paragraph and the ``paragraphs - 1`` above it start."""
    lo = bounds.around("paragraph", fig.start)[0]
    for _ in range(paragraphs - 1):
        if (previous := bounds.previous("paragraph", lo)) is None:
            break
        lo = previous[0]
    return lo


_RECENT_PARAGRAPHS = (3, 5)  # paragraphs: the figure's and those just above, then a section's
_COMPANIES = "企业数"


def _report_told(text: str, fig: Quantity, mentions: Mentions, bounds: Bounds, vocab: Vocabulary) -> str | None:
    """The company whose own report the passage tells, named in the figure's paragraph or the
    two above (概括一下腾讯官方发布的Q3财报：…), when no other company is named in a paragraph
    after it: its paragraphs of results go on naming nobody."""
    lo = _paragraphs_before(fig, bounds, _RECENT_PARAGRAPHS[0])
    named = [m for m in mentions.within(lo, fig.start) if m.type in ORGISH]
    filed = next((i for i in range(len(named) - 1, -1, -1) if own_document(text, named[i], vocab)), None)
    if filed is None:
        return None
    whose = named[filed].entity
    told = bounds.around("paragraph", named[filed].start)[1]  # the partners its summary names do not count
    others = {
        m.entity for m in named[filed + 1 :]
        if m.start >= told and not not_a_subject(text, m, vocab) and not a_source(text, m, vocab)
    }
    return whose if others <= {whose} else None
