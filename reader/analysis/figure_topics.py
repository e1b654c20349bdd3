"""Who an article and its people speak for: the organisation the article is about (its topic,
the fallback of a figure no sentence owns) and the company each titled person holds a title in
(美团CEO王兴), whose figures the person's are. ``figure_context.explain`` reads both once per
article."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.figure_sources import a_source, reports_on_others
from reader.analysis.figure_pronouns import ORGISH
from reader.analysis.figure_vocab import Vocabulary, simplified
from reader.analysis.model import EntityType, Mention
from reader.analysis.text_bounds import CLAUSE_ENDS, Mentions

# "抖音电子商务主管康泽宇": at most this many characters of department between company and title.
_DEPARTMENT_CHARS = 8

# The lead an article names its topic in (its first tenth, or 200 characters) when the title
# does not: a company one later section dwells on (利乐's packaging, in a piece on milk prices)
# is not what the article is about.
_LEAD, _LEAD_CHARS = 0.1, 200
_NAMED_THROUGHOUT = 10  # …unless the article keeps coming back to it (卡游, 26 times in a piece on cards)


def article_topic(text: str, mentions: Sequence[Mention], vocab: Vocabulary, title: str = "") -> str | None:
    """The organisation an article is about: named at least three times and at least twice as
    often as any other organisation or product, and first in the title or the lead unless ten
    times or more; else the one organisation of the text that
    the title names (携程第三季度净利润199亿元 over a body that says 公司); None when no one
    stands out. A name that reports (a digest's "Canalys：…" lines, "乘联会数据显示") is a
    source, not what the article is about, and is not counted there."""
    orgish = [m for m in mentions if m.type in ORGISH and not reports_on_others(m, vocab)]  # not 北证 in a piece on listings
    by_entity: dict[str, list[Mention]] = {}
    for m in orgish:
        by_entity.setdefault(m.entity, []).append(m)
    # The two named most once sources are set aside, asking a_source only of the names that can
    # still be among them (most often the first two or three): named no more often in all than
    # the second found so far, a name cannot pass it.
    top: list[tuple[str, list[Mention]]] = []
    for entity, written in sorted(by_entity.items(), key=lambda kv: -len(kv[1])):
        if len(top) == 2 and len(written) <= len(top[1][1]):
            break
        kept = [m for m in written if not a_source(text, m, vocab)]
        top = sorted([*top, (entity, kept)], key=lambda kv: -len(kv[1]))[:2]
    counts = [(entity, len(kept)) for entity, kept in top if kept]
    if counts and counts[0][1] >= 3 and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]):
        first = top[0][1][0]
        led = first.start <= max(len(text) * _LEAD, _LEAD_CHARS) or counts[0][0] in simplified(title) or first.surface in simplified(title)
        if led or counts[0][1] >= _NAMED_THROUGHOUT:
            return counts[0][0]
    folded = simplified(title)
    in_title = {
        entity for entity, written in by_entity.items()
        if any((m.surface in folded or m.entity in folded) and not a_source(text, m, vocab) for m in written)
    }
    return in_title.pop() if len(in_title) == 1 else None


def titled_people(text: str, mentions: Mentions, vocab: Vocabulary) -> frozenset[str]:
    """The people the text gives a title (主席兼首席执行官陈睿, CEO张三): they speak for a company."""
    titles = vocab.words().titles
    return frozenset(
        m.entity for m in mentions.all if m.type is EntityType.PERSON and titles.ending_at(text, m.start) is not None
    )


def title_affiliations(text: str, mentions: list[Mention], vocab: Vocabulary) -> dict[str, str]:
    """Person → the organisation they hold a title in, from "美团CEO王兴", "抖音电子商务主管康泽宇"
    (the first such phrase for each person)."""
    out: dict[str, str] = {}
    orgs = [m for m in mentions if m.type in ORGISH]
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
