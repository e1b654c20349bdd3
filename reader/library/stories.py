"""A library's stories: the copies of one story (转载) grouped by their sketches and checked on
their texts, once, off the GUI thread (the loader), and what the list, the cards and the notes
ask of them. The grouping's half of ``Library``, whose state it reads."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from reader.library.order import Rows, fold_stories
from reader.library.reprints import Sketch, group, sketch

if TYPE_CHECKING:
    from reader.ingest.model import Article
    from reader.library.mention_index import EntitySummary
    from reader.library.texts import Texts


class StoryGrouping:
    """The stories of ``Library``'s articles (its base: the attributes below are the library's)."""

    articles: tuple[Article, ...]
    _order: dict[str, int]
    _texts: Texts
    _sketches: list[Sketch | None]
    _story_lock: threading.Lock
    _story_of: dict[int, tuple[int, ...]] | None
    _stories_by_key: dict[str, tuple[str, ...]] | None
    _newest_folded: Rows | None
    newest_first: Callable[[], tuple[Article, ...]]
    newest_rank: Callable[[], dict[str, int]]
    _summaries: dict[str, EntitySummary | None]
    _entity_summaries: list[EntitySummary] | None

    @property
    def stories_ready(self) -> bool:
        """Whether the stories are grouped (the GUI thread asks before it would wait for them)."""
        return self._story_of is not None

    def prepare_reprints(self) -> None:
        """Group the articles into stories: sketches from the cache (made where the article was
        analysed), else from the text; candidates by shared sketch values, checked on the texts
        (~0.6 s on 10k articles; the loader calls it off the GUI thread)."""
        with self._story_lock:
            if self._story_of is not None:
                return
            texts = self._texts
            sketches = [s if s is not None else sketch(texts[i]) for i, s in enumerate(self._sketches)]
            self._sketches = list(sketches)
            found: dict[int, tuple[int, ...]] = {}
            for members in group(texts, sketches, partial(texts.many, keep=False)):
                for i in members:
                    found[i] = members
            self._story_of = found
            # Summaries counted before the stories were known counted copies: counted again.
            self._summaries = {}
            self._entity_summaries = None

    def story(self, key: str) -> tuple[str, ...]:
        """Every copy of the article's story, itself included, in library order."""
        self.prepare_reprints()
        assert self._story_of is not None
        i = self._order[key]
        return tuple(self.articles[j].key for j in self._story_of.get(i, (i,)))

    def reprints_of(self, key: str) -> tuple[str, ...]:
        """The other copies of the article's story (转载), in library order."""
        return tuple(k for k in self.story(key) if k != key)

    def stories(self) -> list[tuple[str, ...]]:
        """The stories of two or more copies, in library order."""
        self.prepare_reprints()
        assert self._story_of is not None
        seen = dict.fromkeys(self._story_of.values())
        return [tuple(self.articles[j].key for j in members) for members in seen]

    def stories_by_key(self) -> dict[str, tuple[str, ...]]:
        """Each article of a story of two or more copies → every key of its story (the list
        shows a story as one row): made once, by the loader (100k keys on the GUI thread held it
        for 0.1 s)."""
        if self._stories_by_key is None:
            self._stories_by_key = {k: story for story in self.stories() for k in story}
        return self._stories_by_key

    def newest_folded(self) -> Rows:
        """The articles newest first with each story once, at its newest copy: the library
        list's rows as a load shows them, folded once, by the loader (100k rows: 25 ms)."""
        if self._newest_folded is None:
            self._newest_folded = fold_stories(self.newest_first(), self.newest_rank(), self.stories_by_key())
        return self._newest_folded

    def story_key(self, key: str) -> str:
        """The key of the first copy of the article's story: one name for the story (a card
        asks for each of its articles', on the GUI thread: no tuple of the story made)."""
        self.prepare_reprints()
        assert self._story_of is not None
        members = self._story_of.get(self._order[key])
        return self.articles[members[0]].key if members else key

    def count_stories(self, keys: Iterable[str]) -> int:
        """How many stories the articles tell: copies of one story count once."""
        return len({self.story_key(k) for k in keys})
