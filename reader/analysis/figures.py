"""Figures in an article, normalised and explained: the grammar (``figure_grammar``) finds
them, the context (``figure_context``) says what each measures, whose and when."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.analysis.figure_grammar import Quantity, quantities_in, find_quantities
from reader.analysis.figure_context import explain
from reader.analysis.figure_vocab import Vocabulary, default_vocabulary, simplified
from reader.analysis.model import Mention, Figure

__all__ = ["Quantity", "extract_figures", "find_quantities"]


def extract_figures(
    text: str,
    mentions: Sequence[Mention] = (),
    date: str | None = None,
    *,
    title: str = "",
    vocab: Vocabulary | None = None,
) -> tuple[Figure, ...]:
    """Every figure in ``text`` as a Figure with label, subject, period and kind, sorted by start.

    ``mentions`` are the article's entity mentions (subjects are chosen among them); ``date`` is
    the article's ISO date, against which 今年/去年 are resolved; ``title`` the article's title,
    whose organisation is the article's when the text does not name another often."""
    vocab = vocab or default_vocabulary()
    folded = simplified(text)
    return explain(folded, quantities_in(text, folded, vocab), mentions, date, vocab, source=text, title=title)


# A stock ticker glossed after a name: NVDA.O, 00700.HK, 000029.SZ.
_TICKER = re.compile(r"[A-Z]{1,5}\.[A-Z]{1,2}|\d{4,6}\.[A-Z]{2}")
# A short code in capitals (股票代码:JD, NASDAQ:BILI): the name's spelled form is preferred.
_CODE = re.compile(r"[A-Z]{1,5}")


def subject_as_written(figure: Figure, mentions: Sequence[Mention]) -> str | None:
    """The figure's subject as the article writes it: the name of its subject entity nearest
    before the figure (苏宁易购公告称…48亿元 → 苏宁易购, though the entity is 苏宁), else the
    first after it; the entity's name when the article never writes it (a resolved pronoun)."""
    if figure.subject is None:
        return None
    before = [m for m in mentions if m.entity == figure.subject and m.end <= figure.start]
    named = [m for m in before if not _TICKER.fullmatch(m.surface)]
    spelled = [m for m in named if not _CODE.fullmatch(m.surface)]
    if named or before:
        return (spelled or named or before)[-1].surface  # 英伟达, not its ticker NVDA.O; 京东, not JD
    after = next((m for m in mentions if m.entity == figure.subject), None)
    return after.surface if after is not None else figure.subject
