"""Finding a query in a library's texts: in the index on disk (reader.library.search_index)
when the library was read from a store, else in its texts folded in memory."""

from __future__ import annotations

import threading
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from reader.analysis.folding import search_form, search_pattern
from reader.errors import StoreUnavailable
from reader.ingest.model import Article
from reader.library.mention_index import CONTEXT_CHARS, line_part
from reader.library.search_index import SearchIndex
from reader.library.texts import Texts


@dataclass(frozen=True, slots=True)
class SearchHit:
    article: str
    start: int
    end: int
    before: str
    match: str
    after: str


def hit(key: str, text: str, start: int, end: int) -> SearchHit:
    """The hit ``[start, end)`` of article ``key`` (its ``text``), with its context on the line."""
    return SearchHit(
        key,
        start,
        end,
        line_part(text[max(0, start - CONTEXT_CHARS) : start], left=True),
        text[start:end],
        line_part(text[end : end + CONTEXT_CHARS], left=False),
    )


def hits(
    spans: Iterable[tuple[int, int, int]], articles: Sequence[Article], texts: Texts, limit: int
) -> list[SearchHit]:
    """The hits of ``spans`` (article, start, end) in the articles (and their ``texts``), the
    first ``limit``; a span found twice in a row (a name in Latin letters, found in the text and
    among the mentions) once."""
    found: list[SearchHit] = []
    previous = None
    for span in spans:
        if span == previous:
            continue
        previous = span
        found.append(hit(articles[span[0]].key, texts[span[0]], span[1], span[2]))
        if len(found) >= limit:
            break
    return found


def mention_spans(refs: array, allowed: list[bool]) -> Iterator[tuple[int, int, int]]:
    """The mentions ``refs`` (flat article, start, end triples) in the articles ``allowed``."""
    for j in range(0, len(refs), 3):
        if allowed[refs[j]]:
            yield refs[j], refs[j + 1], refs[j + 2]


def allowed(
    articles: Sequence[Article],
    with_entity: set[int] | None,
    source: str | None,
    date_from: str | None,
    date_to: str | None,
) -> list[bool]:
    """For each article, whether it passes a search's filters (``with_entity``: the articles
    that name the entity asked for, None: no such filter)."""
    if not (source or date_from or date_to or with_entity is not None):
        return [True] * len(articles)
    return [
        not (source and article.source != source)
        and not (date_from and (not article.date or article.date < date_from))
        and not (date_to and (not article.date or article.date > date_to))
        and (with_entity is None or i in with_entity)
        for i, article in enumerate(articles)
    ]


class TextSearch:
    """The texts of a library's articles, searched in their searching form.

    With an index (a library read from a store: ``ids`` gives each article's row in it, -1 for
    one not indexed), the first few hundred articles are scanned, so that a common query stops
    at its limit without reading the index, and then only the articles the index says hold the
    query, each read by a pattern of what folds to the query (folding.search_pattern). Without
    one, every text is folded once and kept."""

    def __init__(self, texts: Texts, index: SearchIndex | None = None, ids: array | None = None) -> None:
        """``texts``: each article's (those of listed articles read a chunk at a time)."""
        if index is not None and (ids is None or len(ids) != len(texts)):
            raise ValueError(f"an index and {0 if ids is None else len(ids)} rows for {len(texts)} articles")
        self._texts_of = texts
        self._index = index
        self._ids = ids
        self._lock = threading.Lock()  # the search runner and the loader may both fold
        self._folded: list[str] | None = None  # without an index: each text's search_form

    def prepare(self) -> None:
        """Fold every text now, when there is no index to read instead (the loader calls this
        off the GUI thread, so that the first search does not)."""
        if self._index is None:
            self._texts()

    def spans(self, folded_query: str, allowed: list[bool]) -> Iterator[tuple[int, int, int]]:
        """(article, start, end) of each occurrence of ``folded_query``, in library order."""
        if self._index is not None:
            pattern = search_pattern(folded_query)
            for i, text in self._read(self._candidates([folded_query], allowed)):
                for found in pattern.finditer(text):
                    yield i, found.start(), found.end()
            return
        n = len(folded_query)
        for i, text in enumerate(self._texts()):
            if not allowed[i]:
                continue
            start = text.find(folded_query)
            while start != -1:
                yield i, start, start + n
                start = text.find(folded_query, start + n)

    def holding(self, forms: list[str]) -> Iterator[int]:
        """The articles whose text holds one of ``forms`` (in searching form), in library order."""
        if self._index is None:
            for i, text in enumerate(self._texts()):
                if any(f in text for f in forms):
                    yield i
            return
        patterns = [search_pattern(f) for f in forms]
        for i, text in self._read(self._candidates(forms, [True] * len(self._texts_of))):
            if any(p.search(text) for p in patterns):
                yield i

    def _read(self, indexes: Iterator[int]) -> Iterator[tuple[int, str]]:
        """Each article of ``indexes`` with its text, read a few dozen at a time (a search that
        stops at its limit reads little past it)."""
        texts = self._texts_of
        while chunk := list(islice(indexes, _READ_AT_ONCE)):
            yield from zip(chunk, texts.many(chunk))

    def _candidates(self, forms: list[str], allowed: list[bool]) -> Iterator[int]:
        """The articles that may hold one of ``forms`` and pass ``allowed``, in library order:
        the first few hundred, then those the index says hold one."""
        head = min(_SCANNED_FIRST, len(self._texts_of))
        for i in range(head):
            if allowed[i]:
                yield i
        for i in self._indexed(forms, head):
            if allowed[i]:
                yield i

    def _indexed(self, forms: list[str], start: int) -> Iterable[int]:
        """The articles from ``start`` on that the index says hold one of ``forms``, and those
        it does not hold; every article from ``start`` when it cannot be read."""
        import numpy as np  # noqa: PLC0415 - a library with an index is searched; a launch paints without it

        assert self._index is not None and self._ids is not None
        ids = np.frombuffer(self._ids, dtype=np.int64)[start:]
        try:
            rows = [np.frombuffer(self._index.holding(f), dtype=np.int64) for f in dict.fromkeys(forms) if f]
        except StoreUnavailable:
            return range(start, len(self._texts_of))  # scanned, as without an index
        # which rows hold it, as a mask over every row (np.isin sorts both sides)
        held = np.zeros(int(max([0, ids.max(initial=0), *(r.max(initial=0) for r in rows)])) + 1, dtype=bool)
        for r in rows:
            held[r] = True
        wanted = (ids < 0) | held[np.maximum(ids, 0)]
        return (np.flatnonzero(wanted) + start).tolist()

    def _texts(self) -> list[str]:
        with self._lock:
            if self._folded is None:
                # A text that folds to itself is shared, not copied.
                texts = (self._texts_of[i] for i in range(len(self._texts_of)))  # in memory: no index, none listed
                self._folded = [f if (f := search_form(text)) != text else text for text in texts]
            return self._folded


# Scanned before the index is read: a query common enough to fill a search's limit from these
# reads no index (a common pair's rows are most of the library's: ~75 ms at 100k articles).
_SCANNED_FIRST = 400
_READ_AT_ONCE = 64
