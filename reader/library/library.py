"""The corpus a user opened: its articles, their analyses, and the cross-article indexes."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analysis, ArticleAnalyzer
from reader.errors import IngestError
from reader.ingest.discover import Found
from reader.ingest.load import is_html, parse_article, read_file
from reader.ingest.model import Article
from reader.library import codec
from reader.library.corpus import LoadError, Progress, find_articles
from reader.library.store import Store

CONTEXT_CHARS = 30  # each side of a mention in a keyword-in-context line


@dataclass(frozen=True, slots=True)
class EntitySummary:
    name: str
    type: EntityType
    aliases: tuple[str, ...]  # surfaces seen, most frequent first
    mentions: int
    articles: tuple[str, ...]  # article keys, in library order


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One mention somewhere in the library, with its keyword-in-context line."""

    article: str
    start: int
    end: int
    surface: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    article: str
    start: int
    end: int
    before: str
    match: str
    after: str


class Library:
    """Articles in library order (by file path), their analyses, and indexes over both."""

    def __init__(
        self,
        root: str,
        articles: Iterable[Article],
        analyses: dict[str, Analysis],
        errors: Iterable[LoadError] = (),
    ) -> None:
        self.root = root
        self.articles: tuple[Article, ...] = tuple(articles)
        self.errors: tuple[LoadError, ...] = tuple(errors)
        self._analyses = analyses
        self._by_key = {a.key: a for a in self.articles}
        self._order = {a.key: i for i, a in enumerate(self.articles)}
        self._index: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        self._types: dict[str, Counter[EntityType]] = defaultdict(Counter)
        self._surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        for i, article in enumerate(self.articles):
            for m in analyses.get(article.key, Analysis()).mentions:
                self._index[m.entity].append((i, m.start, m.end))
                self._types[m.entity][m.type] += 1
                self._surfaces[m.entity][m.surface] += 1

    # -- articles
    def article(self, key: str) -> Article:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __len__(self) -> int:
        return len(self.articles)

    def position(self, key: str) -> int:
        """The article's place in library order."""
        return self._order[key]

    def analysis(self, key: str) -> Analysis:
        return self._analyses.get(key, Analysis())

    # -- entities
    def entity_names(self) -> list[str]:
        return list(self._index)

    def entity(self, name: str) -> EntitySummary | None:
        refs = self._index.get(name)
        if not refs:
            return None
        articles = tuple(dict.fromkeys(self.articles[i].key for i, _, _ in refs))
        return EntitySummary(
            name=name,
            type=self._types[name].most_common(1)[0][0],
            aliases=tuple(s for s, _ in self._surfaces[name].most_common()),
            mentions=len(refs),
            articles=articles,
        )

    def entities(self) -> list[EntitySummary]:
        """Every entity in the library, most mentioned first."""
        summaries = [self.entity(name) for name in self._index]
        return sorted((s for s in summaries if s), key=lambda s: (-s.mentions, s.name))

    def mentions_of(self, name: str) -> list[MentionRef]:
        """Every mention of the entity, in library order, with context."""
        refs = []
        for i, start, end in self._index.get(name, ()):
            text = self.articles[i].text
            refs.append(
                MentionRef(
                    article=self.articles[i].key,
                    start=start,
                    end=end,
                    surface=text[start:end],
                    before=_line_part(text[max(0, start - CONTEXT_CHARS) : start], left=True),
                    after=_line_part(text[end : end + CONTEXT_CHARS], left=False),
                )
            )
        return refs

    def cooccurring(self, name: str, limit: int = 20) -> list[tuple[str, int]]:
        """Entities named in the same articles, by the number of articles they share."""
        mine = {i for i, _, _ in self._index.get(name, ())}
        counts: Counter[str] = Counter()
        for other, refs in self._index.items():
            if other != name:
                shared = len(mine.intersection(i for i, _, _ in refs))
                if shared:
                    counts[other] = shared
        return counts.most_common(limit)

    # -- full-text search
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
        words included), with filters; hits in library order."""
        query = query.strip()
        if not query:
            return []
        with_entity = {self.articles[i].key for i, _, _ in self._index.get(entity, ())} if entity else None
        hits: list[SearchHit] = []
        for article in self.articles:
            if source and article.source != source:
                continue
            if date_from and (not article.date or article.date < date_from):
                continue
            if date_to and (not article.date or article.date > date_to):
                continue
            if with_entity is not None and article.key not in with_entity:
                continue
            text = article.text
            start = text.find(query)
            while start != -1:
                end = start + len(query)
                hits.append(
                    SearchHit(
                        article.key,
                        start,
                        end,
                        _line_part(text[max(0, start - CONTEXT_CHARS) : start], left=True),
                        text[start:end],
                        _line_part(text[end : end + CONTEXT_CHARS], left=False),
                    )
                )
                if len(hits) >= limit:
                    return hits
                start = text.find(query, end)
        return hits


def _line_part(context: str, *, left: bool) -> str:
    """Context stops at a block boundary: the text before the last or after the first newline."""
    return context.rsplit("\n", 1)[-1] if left else context.split("\n", 1)[0]


def library_id(paths: Iterable[Path]) -> str:
    """A stable name for a set of opened paths: their resolved locations."""
    return "|".join(sorted(str(p.resolve()) for p in paths))


def load_library(
    paths: list[Path],
    store: Store | None,
    analyzer: ArticleAnalyzer,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
) -> Library:
    """Find, read, clean and analyse every article under ``paths``. Unchanged files come from
    the store's cache (keyed by content hash and analysis version) without re-running jieba.
    Bad files become errors; the rest load. Stops early, with what it has, when cancelled."""
    found, errors = find_articles(paths)
    articles: list[Article] = []
    analyses: dict[str, Analysis] = {}
    version = analyzer.version if store is not None else ""
    done = 0
    for chunk_start in range(0, len(found), _CHUNK):
        if cancelled is not None and cancelled.is_set():
            break
        chunk: list[tuple[Found, bytes, str]] = []
        for item in found[chunk_start : chunk_start + _CHUNK]:
            try:
                data = read_file(item)
            except IngestError as error:
                errors.append(LoadError(error.file, error.message))
                done += 1
                continue
            chunk.append((item, data, hashlib.sha256(data).hexdigest()))
        cached = store.cached_documents([h for _, _, h in chunk], version) if store is not None else {}
        fresh: list[tuple[str, bytes]] = []
        for item, data, content_hash in chunk:
            done += 1
            key = item.relative
            if key in analyses:  # the same file reached through two of the paths
                continue
            payload = cached.get(content_hash)
            if payload is not None:
                article, analysis = codec.decode(payload, key, key, content_hash, str(item.path))
            else:
                try:
                    article = parse_article(data, key, html=is_html(item.path), path=str(item.path))
                except IngestError as error:
                    errors.append(LoadError(error.file, error.message))
                    continue
                analysis = analyzer.analyse(article)
                fresh.append((content_hash, codec.encode(article, analysis)))
            articles.append(article)
            analyses[key] = analysis
            if progress is not None:
                progress(done, len(found), key)
        if store is not None and fresh:
            store.put_documents(fresh, version)
    return Library(library_id(paths), articles, analyses, errors)


_CHUNK = 256
