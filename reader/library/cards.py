"""An entity's card, Qt-free: what the window's card panel shows and ``reader`` could print.

``build_card`` gathers the quick part (name, type, aliases, description, articles newest first,
the user's notes); ``card_details`` the slow part (names seen with it, its figures, charted
series and conflicting values, what it said across the library), which the window computes off
the GUI thread.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from reader.analysis.model import Entity, EntityType, Mention, Figure
from reader.ingest.model import Article
from reader.library.figures import Series, conflicts, series
from reader.library.library import Library
from reader.library.mention_index import EntitySummary
from reader.library.quotes import QuoteRef, quotes_by

@dataclass(frozen=True, slots=True)
class Card:
    """Everything the card shows, gathered from the library and the analyzer."""

    name: str
    type: EntityType
    aliases: tuple[str, ...]
    description: str
    mentions: int
    articles: tuple[Article, ...]  # newest first; perhaps only the newest of article_count
    article_count: int  # stories: the copies of one story (转载) count once
    notes: tuple[str, ...] = ()
    copies: int = 0  # articles, every copy counted (more than article_count when reprinted)


@dataclass(frozen=True, slots=True)
class CardDetails:
    """The slow part of a card, computed off the GUI thread: on 10k articles the most named
    entity has ~25k figures, which take most of a second to gather, chart and compare."""

    name: str
    cooccurring: tuple[tuple[str, int], ...]
    figures: tuple[tuple[str, Figure], ...]
    series: tuple[Series, ...]  # the longest first
    clashing: frozenset[tuple[str | None, str | None]]  # (label, period) where articles disagree
    conflicted: dict[tuple[str, str], frozenset[str]]  # (label, unit) → periods in conflict
    titles: tuple[tuple[str, str], ...]  # article key → title, for the figures' articles
    quotes: tuple[QuoteRef, ...] = ()  # what it said, across the library, newest article first
    # articles naming it whose figures and quotes, still to be read again after a correction,
    # are left out (card_details_in_steps): 0 when the card is whole
    unread: int = 0


def card_details(library: Library, name: str, unread: bool = True) -> CardDetails:
    """The card's slow part; with ``unread`` False, from what is known now: the articles whose
    figures and quotes are still to be read again after a correction are left out (and
    counted), never shown with the figures they had before it."""
    details = _details(library, name, unread, _never)
    assert details is not None
    return details


def _never() -> bool:
    return False


def _details(library: Library, name: str, unread: bool, stopped: Callable[[], bool]) -> CardDetails | None:
    """card_details, or None as soon as ``stopped()`` says so between its parts (each a few
    tenths of a second for the most-named entity of 10k articles)."""
    left_out = 0 if unread else len(library.unread(name))
    figures = once_per_story(library, library.figures_about(name, unread, stopped))
    if stopped():
        return None
    quotes = quotes_by(library, name, unread)
    if stopped():
        return None
    clashing: set[tuple[str | None, str | None]] = set()
    conflicted: dict[tuple[str, str], frozenset[str]] = {}
    for conflict in conflicts(figures):
        clashing.add((conflict.key.label, conflict.key.period))
        if conflict.key.period is not None:
            line = (conflict.key.label, conflict.unit)
            conflicted[line] = conflicted.get(line, frozenset()) | {conflict.key.period}
    if stopped():
        return None
    return CardDetails(
        name=name,
        cooccurring=tuple(library.cooccurring(name, 16)),
        figures=figures,
        series=tuple(sorted(series(figures), key=lambda line: -len(line.points))),
        clashing=frozenset(clashing),
        conflicted=conflicted,
        titles=tuple((key, library.listed(key).title) for key in dict.fromkeys(k for k, _ in figures)),
        quotes=quotes,
        unread=left_out,
    )


def card_details_in_steps(
    library: Library, name: str, stopped: Callable[[], bool], every: float = 1.0
) -> Iterator[CardDetails]:
    """The card's slow part, at once from what is known and then refined: right after a
    correction of a name in every article, each naming article's figures and quotes are to be
    read again (~5 ms each: most of a minute at 10k), so the card first gives what is known
    (the articles read again already, by it or by the cache's rewrite, and those the
    correction left alone), then reads the rest, giving the card again every ``every`` seconds
    or more (more when gathering it takes long) and whole at the end. Gives nothing more as
    soon as ``stopped()`` says so (another card was asked for, another library came): a card
    that waited for the whole minute kept every card asked for meanwhile waiting too."""
    unread = library.unread(name)
    if not unread:
        whole = _details(library, name, True, stopped)
        if whole is not None:
            yield whole
        return
    wait, last = every, 0.0
    for n, key in enumerate([None, *unread]):
        if stopped():
            return
        if key is not None:
            library.held(key).reread(library.with_text_by_key()[key])  # its text read from the cache
        if n == 0 or (time.monotonic() - last > wait and n < len(unread)):
            began = time.monotonic()
            known = _details(library, name, False, stopped)
            if known is None:
                return
            yield known
            last = time.monotonic()
            wait = max(every, 3 * (last - began))  # gathering the card: at most a quarter of the time
    whole = _details(library, name, True, stopped)
    if whole is not None:
        yield whole


def build_card(
    library: Library,
    summary: EntitySummary,
    known: Entity | None,
    description: str,
    rank: Mapping[str, int],
    notes: tuple[str, ...] = (),
    limit: int = 200,
) -> Card:
    """The card of ``summary``'s entity: aliases seen in the library first, then the
    gazetteer's; the newest ``limit`` stories (each by its newest copy) by ``rank`` (a library's newest-first order,
    computed once: re-sorting 10k articles by date strings per card would cost more than the
    rest of the card)."""
    aliases = tuple(dict.fromkeys((*summary.aliases, *(known.aliases if known is not None else ()))))
    # One row per story: its newest copy (the others are a click away in the library list).
    newest = list({library.story_key(k): k for k in sorted(summary.articles, key=rank.__getitem__, reverse=True)}.values())
    newest = sorted(newest, key=rank.__getitem__)[:limit]
    return Card(
        name=summary.name,
        type=summary.type,
        aliases=aliases,
        description=description,
        mentions=summary.mentions,
        articles=tuple(library.listed(k) for k in newest),  # titles and dates: no payload read
        article_count=library.count_stories(summary.articles),
        notes=notes,
        copies=len(summary.articles),
    )


def once_per_story(library: Library, figures: Iterable[tuple[str, Figure]]) -> tuple[tuple[str, Figure], ...]:
    """The figures with each story's repeats left out: a figure that another copy of the same
    story already gave (same value, unit, label, period, subject and kind) is the same fact
    reported once, not a second source — and it would make a series look twice as long."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for key, figure in figures:
        fact = (library.story_key(key), figure.value, figure.unit, figure.label, figure.period, figure.subject, figure.kind)
        if fact not in seen:
            seen.add(fact)
            kept.append((key, figure))
    return tuple(kept)


def article_entities(
    mentions: Iterable[Mention], summaries: Mapping[str, EntitySummary], key: str
) -> list[EntitySummary]:
    """An article's names: mentions here and, when the library is counted, articles library-wide."""
    counts: Counter[str] = Counter()
    types: dict[str, EntityType] = {}
    surfaces: dict[str, Counter[str]] = {}
    for mention in mentions:
        counts[mention.entity] += 1
        types.setdefault(mention.entity, mention.type)
        surfaces.setdefault(mention.entity, Counter())[mention.surface] += 1
    rows = []
    for name, count in counts.items():
        library_wide = summaries.get(name)
        rows.append(
            EntitySummary(
                name=name,
                type=types[name],
                aliases=tuple(s for s, _ in surfaces[name].most_common()),
                mentions=count,
                # the library not yet counted (still being read): no number, rather than this one
                articles=library_wide.articles if library_wide is not None else (key,) if summaries else (),
                stories=library_wide.stories if library_wide is not None else 0,
            )
        )
    return rows


Describe = Callable[[str], str]
