"""Whose a figure is when its sentence names nobody: the company the passage before it is
about (named most in its paragraph and those just above, or whose own report it tells), or the
one a company pronoun (该公司) stands for; else the article's topic. ``figure_context.explain``
asks this module after ``figure_subjects.subject_of`` has found no name in the sentence.
"""

from __future__ import annotations

from collections import Counter

from reader.analysis.figure_grammar import Quantity
from reader.analysis.figure_subjects import (
    COMPANY_PRONOUN,
    ORGISH,
    a_source,
    antecedents,
    last_pronoun,
    not_a_subject,
    own_document,
)
from reader.analysis.figure_vocab import Vocabulary
from reader.analysis.text_bounds import Bounds, Mentions


def recent_company(
    text: str, fig: Quantity, label: str | None, mentions: Mentions, bounds: Bounds, vocab: Vocabulary
) -> str | None:
    """The organisation the passage before a figure that names nobody is about: named at
    least twice in its paragraph and the ones just above, more often than any other (an
    article about several companies, a section each: 「Keep」的招股书… MAU 是 2973 万). A
    source, a place or a person is no such name; a sentence that names anyone and still gives
    no subject (抖音、快手等短视频平台, 薇娅…过百万) has said the figure is nobody's."""
    if label == _COMPANIES or mentions.within(*bounds.around("sentence", fig.start)):
        return None  # 31家银行: a count of companies is none of theirs
    sentence = bounds.around("sentence", fig.start)
    at, kind = last_pronoun(text, sentence[0], fig.start, vocab)
    lo, looked = bounds.around("paragraph", fig.start)[0], 1
    if at is not None and kind == "org":  # 该行净利润分别为…: the company named last, not the most
        while looked < _RECENT_PARAGRAPHS[0] and (previous := bounds.previous("paragraph", lo)) is not None:
            lo, looked = previous[0], looked + 1
        types = antecedents(text, at)
        named = [
            m for m in mentions.within(lo, fig.start)
            if m.type in types and not not_a_subject(text, m, vocab) and not a_source(text, m, vocab)
        ]
        return named[-1].entity if named else None
    filed = _report_told(text, fig, mentions, bounds, vocab)
    if filed is not None:
        return filed  # 概括一下腾讯官方发布的Q3财报：…\n营收1423.68亿元: its own report's figures
    for paragraphs in _RECENT_PARAGRAPHS:  # the nearest passage that has a company decides
        while looked < paragraphs and (previous := bounds.previous("paragraph", lo)) is not None:
            lo, looked = previous[0], looked + 1
        named = Counter(
            m.entity for m in mentions.within(lo, fig.start)
            if m.type in ORGISH and not not_a_subject(text, m, vocab) and not a_source(text, m, vocab)
        ).most_common(2)
        if named and named[0][1] >= 2 and (len(named) == 1 or named[0][1] > named[1][1]):
            return named[0][0]
    return None


_RECENT_PARAGRAPHS = (3, 5)  # paragraphs: the figure's and those just above, then a section's


def passage_subject(
    text: str, fig: Quantity, label: str | None, mentions: Mentions, bounds: Bounds, vocab: Vocabulary, topic: str | None
) -> str | None:
    """Whose a figure its sentence names nobody for is: the article's company, else the one the
    passage is about; but a company pronoun the sentence starts from (营收方面，该公司分别实现
    收益…) is the company named last before it, when the article is about another."""
    at, kind = last_pronoun(text, bounds.around("sentence", fig.start)[0], fig.start, vocab)
    if at is not None and kind == "org" and COMPANY_PRONOUN.match(text, at):
        named = recent_company(text, fig, label, mentions, bounds, vocab)
        if named is not None:
            return named
    return topic or recent_company(text, fig, label, mentions, bounds, vocab)


def _report_told(text: str, fig: Quantity, mentions: Mentions, bounds: Bounds, vocab: Vocabulary) -> str | None:
    """The company whose own report the passage tells, named in the figure's paragraph or the
    two above (概括一下腾讯官方发布的Q3财报：…), when no other company is named in a paragraph
    after it: its paragraphs of results go on naming nobody."""
    lo = bounds.around("paragraph", fig.start)[0]
    for _ in range(_RECENT_PARAGRAPHS[0] - 1):
        if (previous := bounds.previous("paragraph", lo)) is None:
            break
        lo = previous[0]
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
_COMPANIES = "企业数"
