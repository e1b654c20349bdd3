"""Finding things in a library: its texts by a query (full-text search, pinyin spelling names'
mentions), its names by their pinyin, its articles' listings for the list's filter; each read
or folded once, by the loader off the GUI thread (``prepare_search``). The finding half of
``Library``, whose state it reads."""

from __future__ import annotations

import heapq
import threading
from array import array
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.analysis.folding import search_form
from reader.analysis.pinyin import PinyinIndex, pinyin_query
from reader.library.listing import listing_forms
from reader.library.search import SearchHit, TextSearch, allowed, hits, mention_spans

if TYPE_CHECKING:
    from reader.ingest.model import Article
    from reader.library.texts import Texts


class Finding:
    """Search, pinyin and listings of ``Library``'s articles (its base: the attributes below are
    the library's)."""

    articles: tuple[Article, ...]
    _texts: Texts
    _index: dict[str, array]  # type: ignore[type-arg]
    _text_search: TextSearch
    _search_lock: threading.Lock
    _pinyin: PinyinIndex | None
    _listing_forms: dict[str, str] | None

    def search(
        self,
        query: str,
        *,
        source: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        entity: str | None = None,
        limit: int = 1000,
    ) -> list[SearchHit]:
        """Substring search over every article's text, any query length (two-character Chinese
        words included), with filters; hits in library order.

        Query and text are compared in their searching form (字節跳動 finds 字节跳动 and back,
        Latin letters in any case); a query in Latin letters also finds the mentions of the
        names it spells in pinyin (zjtd: every mention of 字节跳动)."""
        query = query.strip()
        if not query:
            return []
        with_entity = set(self._index.get(entity, array("i"))[0::3]) if entity else None
        passing = allowed(self.articles, with_entity, source, date_from, date_to)
        spans: Iterable[tuple[int, int, int]] = self._text_search.spans(search_form(query), passing)
        letters = pinyin_query(query)
        names = self.pinyin_index().matching(letters) if letters else frozenset()
        if names:
            spans = heapq.merge(spans, *(mention_spans(self._index.get(name, array("i")), passing) for name in sorted(names)))
        return hits(spans, self.articles, self._texts, limit)

    def articles_holding(self, words: list[str]) -> list[str]:
        """The keys of the articles whose text holds one of ``words`` (folded as search folds:
        字節 finds 字节), in library order."""
        forms = [search_form(w) for w in words if w]
        return [self.articles[i].key for i in self._text_search.holding(forms)] if forms else []

    def pinyin_index(self) -> PinyinIndex:
        """The library's entity names, searchable by pinyin (read once)."""
        with self._search_lock:
            if self._pinyin is None:
                self._pinyin = PinyinIndex(self._index)
            return self._pinyin

    def listing_forms(self) -> dict[str, str]:
        """Every article's listing in searching form, by key: what the library list's filter
        searches (``reader.library.listing``), folded once."""
        with self._search_lock:
            if self._listing_forms is None:
                self._listing_forms = listing_forms(self.articles)
            return self._listing_forms

    def prepare_search(self) -> None:
        """Fold every text (when no index on disk is searched instead), every listing, and read
        every name in pinyin, so that the first search or filter does not (the loader calls it
        off the GUI thread)."""
        self._text_search.prepare()
        self.listing_forms()
        self.pinyin_index()
