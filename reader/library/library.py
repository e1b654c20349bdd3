"""The corpus a user opened: its articles, their analyses, and the cross-article indexes."""

from __future__ import annotations

import threading
from array import array
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from reader.analysis.model import Analysis, EntityType, Figure, Quote
from reader.analysis.pinyin import PinyinIndex
from reader.ingest.model import Article
from reader.library import codec, order, surfaces
from reader.library.cited import cited_rows
from reader.library.codec import RawAnalysis
from reader.library.corpus import LoadError
from reader.library.identity import library_folders
from reader.library.finding import Finding
from reader.library.mention_index import (
    EntitySummary,
    MentionList,
    index_mentions,
    reindex,
)
from reader.library.reprints import Sketch
from reader.library.stories import StoryGrouping
from reader.library.search import SearchHit, TextSearch
from reader.library.search_index import SearchIndex
from reader.library.payloads import Payloads
from reader.library.texts import Texts, WithTexts

if TYPE_CHECKING:
    import numpy as np

    from reader.library.cooccurrence import NamedTogether

__all__ = ["Library", "SearchHit"]


class Library(StoryGrouping, Finding):
    """Articles in library order (by file path), their analyses, and indexes over both.

    Analyses are held compactly (plain lists from the cache) and the mention index as int
    arrays; Mention and Figure objects are built for the articles someone opens.

    An article reopened from the cache is *listed*: ``articles`` holds it with its metadata
    but without its text (""), blocks and styles, and its analysis without figures and quotes;
    ``article`` and ``analysis`` read those from the cached payload (``payloads``) when it is
    opened, ``text`` reads its text from its listing, and ``figures_about`` and ``quotes_by``
    read what a card asks. Decoding every payload was most of a reopen, and the texts were
    half of its memory at 100k articles (bench/RESULTS.md, "Reopen without the payloads",
    "Texts out of memory")."""

    def __init__(
        self,
        root: str,
        articles: Iterable[Article],
        analyses: dict[str, Analysis | RawAnalysis],
        errors: Iterable[LoadError] = (),
        notices: Iterable[str] = (),
        payloads: Payloads | None = None,
        listed: Iterable[str] = (),
        search_index: SearchIndex | None = None,
        search_ids: dict[str, int] | None = None,
    ) -> None:
        """``search_index`` is the store's full-text index and ``search_ids`` each article's
        row in it (by key; one not there is not indexed): without them, texts are searched
        folded in memory."""
        self.root = root
        self.articles: tuple[Article, ...] = tuple(articles)
        self._payloads = payloads
        self._listed = frozenset(listed)  # keys of the articles whose blocks are in the payload
        if self._listed and payloads is None:
            raise ValueError(f"{len(self._listed)} listed articles and no payloads to read them from")
        self._opened: OrderedDict[int, tuple[Article, RawAnalysis]] = OrderedDict()  # read from payloads
        self._opened_lock = threading.Lock()
        self.errors: tuple[LoadError, ...] = tuple(errors)
        self.notices: tuple[str, ...] = tuple(notices)  # about the whole load: "the disk is full"
        self._by_key = {a.key: a for a in self.articles}
        self._order = {a.key: i for i, a in enumerate(self.articles)}
        self._texts = Texts(self.articles, [a.key in self._listed for a in self.articles], payloads)
        self._raw: list[RawAnalysis] = [
            _as_raw(analyses.get(a.key, _EMPTY)) for a in self.articles
        ]
        self._built: OrderedDict[str, Analysis] = OrderedDict()
        self._entity_summaries: list[EntitySummary] | None = None
        self._summaries: dict[str, EntitySummary | None] = {}
        # each name's surfaces counted over the library (summaries' aliases), by entities(): a
        # name whose mentions change is dropped, and counted again when summarised
        self._surfaces: dict[str, Counter[str]] = {}
        self._search_lock = threading.Lock()  # the search runner and the loader may both read names
        self._text_search = TextSearch(
            self._texts,
            search_index,
            None if search_index is None else array("q", [(search_ids or {}).get(a.key, -1) for a in self.articles]),
        )
        self._pinyin: PinyinIndex | None = None
        self._sketches: list[Sketch | None] = [raw.sketch for raw in self._raw]
        self._story_lock = threading.Lock()
        self._story_of: dict[int, tuple[int, ...]] | None = None  # article → every copy of its story
        self._stories_by_key: dict[str, tuple[str, ...]] | None = None
        self._newest_folded: order.Rows | None = None  # the list's rows newest first, stories closed
        self._listing_forms: dict[str, str] | None = None  # key → its listing in searching form
        self._newest: tuple[Article, ...] | None = None
        self._newest_rank: dict[str, int] | None = None
        self._index, self._types, self._article_entities = index_mentions(self._raw)
        self._together: NamedTogether | None = None  # the articles' names as arrays, for cards
        self._story_firsts: tuple[dict[int, tuple[int, ...]], np.ndarray] | None = None

    @property
    def folders(self) -> tuple[Path, ...]:
        """The opened paths, from the library's id."""
        return library_folders(self.root)

    @property
    def name(self) -> str:
        """A short name for the library: its first folder's."""
        folders = self.folders
        return (folders[0].name or str(folders[0])) if folders else "library"

    # -- articles
    def article(self, key: str) -> Article:
        """The article with its blocks and styles (read from the cache if it was listed)."""
        if key in self._listed:
            return self._read(self._order[key])[0]
        return self._by_key[key]

    def held(self, key: str) -> RawAnalysis:
        """The article's analysis as the library holds it: packed, its figures and quotes
        perhaps still in the cache, or still to be read again over corrected mentions."""
        return self._raw[self._order[key]]

    def listed(self, key: str) -> Article:
        """The article as the library lists it: its metadata, and its text, blocks and styles
        only if it was not reopened from the cache (cards and lists want no more)."""
        return self._by_key[key]

    def text(self, key: str) -> str:
        """The article's text (read from the cache if it was listed; the last two thousand read
        are kept)."""
        return self._texts[self._order[key]]

    def texts(self, keys: Sequence[str]) -> list[str]:
        """The texts of the articles ``keys``, in that order, read at once (and not kept)."""
        return self._texts.many([self._order[k] for k in keys], keep=False)

    def with_texts(self) -> Iterator[Article]:
        """Every article with its text, in library order, the texts of listed ones read a few
        hundred at a time and not kept (a pass over the library, off the GUI thread)."""
        return self._texts.articles(range(len(self.articles)))

    def with_text_by_key(self) -> Mapping[str, Article]:
        """The articles by key, each with its text: a listed one's read when it is looked up."""
        return WithTexts(self._by_key, self.text)

    def _reread(self, indexes: Iterable[int]) -> None:
        """Read again the figures and quotes of those of articles ``indexes`` whose mentions a
        correction changed (``RawAnalysis.reread``), their texts read a few hundred at a time."""
        stale = [i for i in indexes if self._raw[i].stale and not self._raw[i].complete]
        for i, article in zip(stale, self._texts.articles(stale)):
            self._raw[i].reread(article)

    def _read(self, i: int, keep: bool = True) -> tuple[Article, RawAnalysis]:
        """Article ``i`` and its analysis as its cached payload holds them; the last few read
        are kept (unless ``keep`` is False)."""
        with self._opened_lock:
            found = self._opened.get(i)
            if found is not None:
                self._opened.move_to_end(i)
                return found
        assert self._payloads is not None
        listed = self.articles[i]
        payload = self._payloads.read([listed.content_hash])[listed.content_hash]
        found = codec.decode_raw(payload, listed.key, listed.file, listed.content_hash, listed.path)
        if keep:
            with self._opened_lock:
                self._opened[i] = found
                if len(self._opened) > _BUILT_KEPT:
                    self._opened.popitem(last=False)
        return found

    def _complete(self, indexes: Iterable[int]) -> Iterator[tuple[int, RawAnalysis]]:
        """The analyses of articles ``indexes``, in that order, with their figures and quotes:
        those that lack them read from the cache a few hundred at a time, and kept (their
        figures and quotes, not their blocks: the next card that wants them reads none)."""
        indexes = list(indexes)
        for start in range(0, len(indexes), _READ_AT_ONCE):
            self._reread(indexes[start : start + _READ_AT_ONCE])
            raws = {i: self._raw[i] for i in indexes[start : start + _READ_AT_ONCE]}
            wanting = [i for i, raw in raws.items() if not raw.complete]
            if wanting:
                assert self._payloads is not None
                payloads = self._payloads.read(list(dict.fromkeys(self.articles[i].content_hash for i in wanting)))
                for i in wanting:
                    a = self.articles[i]
                    _, full = codec.decode_raw(payloads[a.content_hash], a.key, a.file, a.content_hash, a.path)
                    raws[i] = self._raw[i] = raws[i].with_payload_of(full)
            yield from raws.items()

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __len__(self) -> int:
        return len(self.articles)

    def newest_first(self) -> tuple[Article, ...]:
        """The articles newest first (undated last, then by key): sorted once, by the loader
        before it hands the library over."""
        if self._newest is None:
            self._newest = order.newest_first(self.articles)
        return self._newest

    def newest_rank(self) -> dict[str, int]:
        """Each article's place newest first (an entity card's articles are listed so): counted
        once, by the loader with the order (100k keys are 20 ms on the GUI thread)."""
        if self._newest_rank is None:
            self._newest_rank = {a.key: i for i, a in enumerate(self.newest_first())}
        return self._newest_rank

    def position(self, key: str) -> int:
        """The article's place in library order."""
        return self._order[key]

    def analysis(self, key: str, keep: bool = True) -> Analysis:
        """The article's mentions and figures (built on demand; the last few are kept, unless
        ``keep`` is False: a worker thread reading many leaves the GUI's few in place)."""
        built = self._built.get(key)
        if built is None:
            if (i := self._order.get(key)) is None:
                return Analysis()
            built = self._build(i, keep)
            if not keep:
                return built
            self._built[key] = built
            if len(self._built) > _BUILT_KEPT:
                self._built.popitem(last=False)
        elif keep:
            self._built.move_to_end(key)
        return built

    def _build(self, i: int, keep: bool) -> Analysis:
        """The ``i``-th article's analysis: its listing, and its payload where that holds a part."""
        if self._raw[i].complete or self._raw[i].stale:
            self._reread([i])
            return self._raw[i].build(self._texts[i])
        opened, full = self._read(i, keep)
        return self._raw[i].with_payload_of(full).build(opened.text)

    def with_analyses(self, changed: dict[str, Analysis]) -> Library:
        """The same library with the analyses of some articles replaced. When they are few
        (a correction's), only the names those articles hold are indexed and summarised
        again; the rest is shared with this library."""
        positions = sorted(self._order[k] for k in changed if k in self._order)
        if len(positions) * _REBUILD_SHARE > len(self.articles):
            analyses: dict[str, Analysis | RawAnalysis] = {
                a.key: changed.get(a.key, raw) for a, raw in zip(self.articles, self._raw)
            }
            library = Library(
                self.root, self.articles, analyses, self.errors, self.notices, self._payloads, self._listed
            )
            library._text_search = self._text_search  # the same texts: folded or indexed once
            library._newest, library._newest_rank = self._newest, self._newest_rank  # and sorted once
            library._sketches = self._sketches  # and grouped into stories once
            library._story_of, library._stories_by_key = self._story_of, self._stories_by_key
            library._newest_folded, library._listing_forms = self._newest_folded, self._listing_forms
            if self._pinyin is not None:
                library._pinyin = self._pinyin.updated(library._index)  # new names read only
            return library
        return self._updated({i: _as_raw(changed[self.articles[i].key]) for i in positions})

    def _copy(self) -> Library:
        """A library sharing this one's articles, texts and stories, with copies of its
        analyses and indexes to change."""
        library = Library(self.root, (), {}, self.errors, self.notices)
        library.articles, library._by_key, library._order = self.articles, self._by_key, self._order
        library._texts = self._texts
        library._payloads, library._listed = self._payloads, self._listed
        library._raw = list(self._raw)
        library._article_entities = list(self._article_entities)
        library._index = dict(self._index)
        library._types = defaultdict(Counter, self._types)
        library._summaries = dict(self._summaries)
        library._surfaces = dict(self._surfaces)
        library._text_search, library._newest, library._newest_rank = self._text_search, self._newest, self._newest_rank
        library._sketches, library._story_of, library._stories_by_key = self._sketches, self._story_of, self._stories_by_key
        library._newest_folded, library._listing_forms = self._newest_folded, self._listing_forms
        return library

    def renamed(self, old: str, new: str) -> Library:
        """The same library with entity ``old`` called ``new``, a name it does not hold. The
        same mentions under another name: the index entry, the summary and each naming
        article's names are relabelled, and nothing is read or indexed again. The figures and
        quotes about it are relabelled where they are held, and where they are not (a listed
        article's are in the cache) when they are read."""
        if new in self._index:
            raise ValueError(f"cannot rename {old!r} to {new!r}: the library holds {new!r} already")
        refs = self._index.get(old)
        if refs is None:
            return self
        library = self._copy()
        for i in dict.fromkeys(refs[0::3]):
            library._raw[i] = self._raw[i].relabelled(old, new)
            library._article_entities[i] = tuple(new if n == old else n for n in self._article_entities[i])
        library._index = {(new if name == old else name): r for name, r in self._index.items()}
        library._types = defaultdict(Counter, {(new if name == old else name): t for name, t in self._types.items()})
        summary = library._summaries.pop(old, None)
        if summary is not None:
            library._summaries[new] = replace(summary, name=new)
        counted = library._surfaces.pop(old, None)
        if counted is not None:
            library._surfaces[new] = counted
        if self._entity_summaries is not None:
            library._entity_summaries = sorted(
                (library._summaries[new] if s.name == old else s for s in self._entity_summaries),
                key=lambda s: (-s.mentions, s.name),
            )
        if self._pinyin is not None:
            library._pinyin = self._pinyin.updated(library._index)  # the new name read only
        return library

    def corrected(
        self,
        keys: Iterable[str],
        rewrite: Callable[[list[Article], list[RawAnalysis]], list[RawAnalysis]],
        names: Iterable[str] | None,
        texts: Callable[[RawAnalysis], bool] = lambda raw: True,
    ) -> Library:
        """The same library with the analyses of articles ``keys`` rewritten by ``rewrite`` (a
        correction of their mentions, reader.library.corrected), and only ``names`` — those it
        may change; None: those whose mentions did — indexed again. Nothing is read but the
        articles' texts, and only those the rewrite reads (``texts`` says which of the
        analyses; a retype or a merge rewrites mentions alone: 10k texts from the cache were
        0.6 s of it): an analysis whose mentions changed reads its figures and quotes again
        when they are wanted (``RawAnalysis.stale``)."""
        indexes = [self._order[key] for key in keys]
        reading = [i for i in indexes if texts(self._raw[i])]
        read = dict(zip(reading, self._texts.articles(reading)))
        articles = [read.get(i) or self.articles[i] for i in indexes]
        done = rewrite(articles, [self._raw[i] for i in indexes])
        new = {i: raw for i, raw in zip(indexes, done, strict=True) if raw is not self._raw[i]}
        return self._updated(new, names) if new else self

    def joined_surfaces(self, source: str, target: str) -> Counter[str] | None:
        """The surfaces ``target`` has once ``source`` is merged into it, from the two's
        (``surfaces.joined``); None when they must be counted again."""
        return surfaces.joined(source, target, self._surfaces, self._index, self._raw)

    def counted_as(self, name: str, found: Counter[str]) -> None:
        """Take ``found`` for the surfaces of ``name`` (a merge's, told by ``joined_surfaces``
        before it), in this library only: one a correction has just made."""
        self._surfaces[name] = found
        self._summaries.pop(name, None)

    def _updated(self, new: dict[int, RawAnalysis], names: Iterable[str] | None = None) -> Library:
        """The library with the analyses ``new`` of some articles; ``names``: those whose
        mentions they change, when known (else found by comparing the mentions)."""
        library = self._copy()
        for i, raw in new.items():
            library._raw[i] = raw
            library._article_entities[i] = tuple(raw.entities)
        for name in reindex(library._index, library._types, self._raw, new, names):
            if library._index.get(name) != self._index.get(name):
                library._surfaces.pop(name, None)  # other mentions: other surfaces, maybe
            summary = library._summaries.pop(name, None)
            if summary is not None and library._index.get(name) == self._index.get(name):
                # the same mentions (a retype): the same surfaces, articles and stories
                library._summaries[name] = replace(summary, type=library._type_of(name))
        if self._pinyin is not None:
            library._pinyin = self._pinyin.updated(library._index)
        return library

    def article_entities(self, key: str) -> tuple[str, ...]:
        """The names of the entities the article mentions (no Mention objects built)."""
        return self._article_entities[self._order[key]]

    # -- entities
    def entity_names(self) -> list[str]:
        return list(self._index)

    def entity(self, name: str) -> EntitySummary | None:
        """The entity's type, aliases and counts (computed once per entity: its aliases come
        from every mention's surface)."""
        if name not in self._summaries:
            self._summaries[name] = self._summarise(name)
        return self._summaries[name]

    def _summarise(self, name: str) -> EntitySummary | None:
        refs = self._index.get(name)
        if not refs:
            return None
        articles = self.articles
        indexes = dict.fromkeys(refs[0::3])
        found = self._surfaces.get(name)
        if found is None:
            found = surfaces.count_over([name], self._index, self._raw, self._texts)[name]
        story_of = self._story_of  # read once: the loader may be grouping stories right now
        return EntitySummary(
            name=name,
            type=self._type_of(name),
            aliases=tuple(s for s, _ in found.most_common()),
            mentions=len(refs) // 3,
            articles=tuple(articles[i].key for i in indexes),
            stories=len({story_of.get(i, (i,))[0] for i in indexes}) if story_of is not None else 0,
        )

    def _type_of(self, name: str) -> EntityType:
        """The type most of the articles naming the entity give it."""
        return EntityType(self._types[name].most_common(1)[0][0])

    def entities(self) -> list[EntitySummary]:
        """Every entity in the library, most mentioned first (computed once)."""
        if self._entity_summaries is None:
            if not self._surfaces:  # every name's, in one pass over the library
                self._surfaces = surfaces.count_over(self._index, self._index, self._raw, self._texts, every=True)
            summaries = [self.entity(name) for name in self._index]
            self._entity_summaries = sorted((s for s in summaries if s), key=lambda s: (-s.mentions, s.name))
        return self._entity_summaries

    def mentions_of(self, name: str) -> MentionList:
        """Every mention of the entity, in library order, with context."""
        return MentionList(self.articles, self._texts, self._index.get(name, array("i")))

    def articles_naming(self, name: str) -> list[str]:
        """The keys of the articles that mention the entity, in library order."""
        return [self.articles[i].key for i in dict.fromkeys(self._index.get(name, array("i"))[0::3])]

    def figures_about(self, name: str, unread: bool = True, stopped: Callable[[], bool] = lambda: False) -> list[tuple[str, Figure]]:
        """Figures whose subject is the entity, as (article key, Figure), in library order.
        Read from the compact analyses without touching the per-article cache, so it may run
        off the GUI thread. ``unread`` False leaves out the articles still to be read again
        after a correction (``unread``) instead of reading them. Those found when ``stopped()``
        says so, as soon as it does (a card gathered while its name is corrected: the texts of
        10k articles read meanwhile shared the interpreter with the correction)."""
        found: list[tuple[str, Figure]] = []
        citing: dict[int, RawAnalysis] = {}
        for n, (i, raw) in enumerate(self._citing(name, unread, stopped)):
            if n % _STOP_EVERY == 0 and stopped():
                return found
            if any(row[_SUBJECT] == name for row in raw.figures or ()):
                citing[i] = raw
        for i, text in self._texts.chunks(list(citing), stopped):  # a few hundred texts at a time
            if stopped():
                break
            found.extend((self.articles[i].key, m) for m in citing[i].figures_about(name, text))
        return found

    def quotes_by(self, name: str, unread: bool = True) -> list[tuple[str, Quote]]:
        """Quotes whose speaker is the entity, as (article key, Quote), in library order. A
        speaker is always named in its article (a pronoun resolves to a mention there), so only
        the articles that mention it are read; like figures_about, safe off the GUI thread."""
        found: list[tuple[str, Quote]] = []
        for i, raw in self._citing(name, unread):
            found.extend((self.articles[i].key, q) for q in raw.quotes_by(name))
        return found

    def unread(self, name: str) -> list[str]:
        """The keys of the articles naming the entity whose figures and quotes are still to be
        read again over mentions a correction changed (``RawAnalysis.stale``), in library order."""
        return [self.articles[i].key for i in dict.fromkeys(self._index.get(name, array("i"))[0::3]) if self._raw[i].unread]

    def _citing(self, name: str, unread: bool = True, stopped: Callable[[], bool] = lambda: False) -> Iterator[tuple[int, RawAnalysis]]:
        """Each article that names the entity, in library order, with an analysis that holds at
        least its figures about it and its quotes by it: a listed article's come from the
        store's rows for that name (no payload read), or from its payload when its listing has
        since been dropped (a later correction's cache); with ``unread`` False, none still to
        be read again after a correction. Nothing more once ``stopped()`` says so (a card no
        longer wanted: the store's rows of a name in every article of 10k take 0.1 s)."""
        indexes = list(dict.fromkeys(self._index.get(name, array("i"))[0::3]))
        if not unread:
            indexes = [i for i in indexes if not self._raw[i].unread]
        self._reread(indexes)
        wanting = [i for i in indexes if not self._raw[i].complete]
        rows: dict[str, list[tuple[str, str]]] = {}
        read: dict[int, RawAnalysis] = {}
        if wanting:
            assert self._payloads is not None
            found = cited_rows(self._payloads, name, [(self.articles[i].content_hash, self._raw[i]) for i in wanting], stopped)
            if found is None:
                return
            rows, listed = found
            read = dict(self._complete(i for i in wanting if self.articles[i].content_hash not in listed))
        for i in indexes:
            raw = self._raw[i]
            if raw.complete:
                yield i, raw
            elif i in read:
                yield i, read[i]
            else:
                yield i, raw.with_payload_of(codec.from_cited(*(rows.get(self.articles[i].content_hash) or [("[]", "[]")])))

    def cooccurring(self, name: str, limit: int = 20) -> list[tuple[str, int]]:
        """Entities named in the same articles, by the number of articles they share (the copies
        of one story counted once, when the stories are grouped)."""
        import numpy as np  # noqa: PLC0415 - a card's, not a launch's

        cooccurrence = _cooccurrence()
        refs = self._index.get(name)
        if not refs:
            return []
        story_of = self._story_of  # read once: the loader may be grouping stories right now
        firsts = None
        if story_of is not None:
            made = self._story_firsts
            if made is None or made[0] is not story_of:
                made = self._story_firsts = (story_of, cooccurrence.story_firsts(len(self.articles), story_of))
            firsts = made[1]
        # the index holds each name's mentions in library order: its articles ascending
        articles = cooccurrence.sorted_unique(np.frombuffer(refs, dtype=np.intc)[0::3].astype(np.int64))
        return self._named_together().counts(cooccurrence.first_copies(articles, firsts), name, limit)

    def prepare_cards(self) -> None:
        """Count which names go together, so that the first card does not (the loader calls it
        off the GUI thread; a correction's library leaves it to the card that asks, off it too:
        50 ms of the correction at 10k)."""
        self._named_together()

    def _named_together(self) -> NamedTogether:
        if self._together is None:
            self._together = _cooccurrence().NamedTogether(self._article_entities)
        return self._together


_BUILT_KEPT = 32
_SUBJECT = 7  # a figure row's subject (codec.RawAnalysis.figures)
_STOP_EVERY = 256  # the articles citing a name whose cited rows are read between two looks at whether to stop
_READ_AT_ONCE = 256
# A library whose analyses change in more than one article in this many is built afresh.
_REBUILD_SHARE = 4
_EMPTY = RawAnalysis([], array("i"), [], [])


@cache
def _cooccurrence() -> ModuleType:
    """reader.library.cooccurrence, which imports numpy: loaded by a card, not by a launch."""
    from reader.library import cooccurrence  # noqa: PLC0415 - see above

    return cooccurrence


def _as_raw(analysis: Analysis | RawAnalysis) -> RawAnalysis:
    return analysis if isinstance(analysis, RawAnalysis) else RawAnalysis.of(analysis)
