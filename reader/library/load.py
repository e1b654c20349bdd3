"""Loading a library: find the files, read (or skip, when unchanged) and clean them, analyse
the new ones — in worker processes for a first index — and cache what was made."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from reader.analysis import pinyin
from reader.analysis.pipeline import Analyzer, ArticleAnalyzer
from reader.errors import IngestError, StoreUnavailable
from reader.ingest.discover import Found
from reader.ingest.model import Article
from reader.library import catalogue, codec, collector, surfaces
from reader.library.codec import RawAnalysis
from reader.library.corpus import LoadError, Progress, find_articles
from reader.library.identity import library_id
from reader.library.library import Library
from reader.library.search_index import SearchIndex
from reader.library.texts import listed_texts
from reader.library.payloads import Payloads
from reader.library.store import Listed, Listing, Store
from reader.library.workers import Result, analyse_job, analysis_pool


@cache
def _ingest() -> ModuleType:
    """Reading, decoding and cleaning a file: only a file missing from the cache needs them (the
    cleaners' patterns are not compiled before a warm launch's first paint)."""
    from reader.ingest import load

    return load


def read_file(found: Found) -> bytes:
    """The bytes of a file not in the cache (or changed)."""
    return _ingest().read_file(found)


def load_library(
    paths: list[Path],
    store: Store | None,
    analyzer: ArticleAnalyzer,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
    workers: int = 1,
    shown: Sequence[Article] = (),
) -> Library:
    """Find, read, clean and analyse every article under ``paths``. Unchanged files come from
    the store's cache (keyed by content hash and analysis version) without re-running jieba.
    Bad files become errors; the rest load. Stops early, with what it has, when cancelled.

    With ``workers`` > 1 and the real Analyzer, new articles are analysed in that many worker
    processes (see reader.library.workers); a reopen from the cache starts none.

    ``shown``: the library's stored list (reader.library.catalogue), when the window shows it
    while the library is read: the articles it holds unchanged are taken from it as they are.
    The list is stored again when what was loaded differs from it.

    The garbage collector's full collections are held off meanwhile and the result frozen out
    of its sight (reader.library.collector): they were a quarter of a 100k reopen."""
    with collector.full_collections_held():
        return _load_library(paths, store, analyzer, progress, cancelled, workers, shown)


def _load_library(
    paths: list[Path],
    store: Store | None,
    analyzer: ArticleAnalyzer,
    progress: Progress | None,
    cancelled: threading.Event | None,
    workers: int,
    shown: Sequence[Article],
) -> Library:
    found, errors = find_articles(paths)
    as_shown = {a.key: a for a in shown}
    notices: list[str] = []
    articles: list[Article] = []
    analyses: dict[str, RawAnalysis] = {}
    listed: list[str] = []  # articles read from their listing: blocks, figures, quotes in the payload
    version = cache_version(analyzer) if store is not None else ""
    payloads = Payloads(store.path, version) if store is not None else None
    index = SearchIndex(store.path) if store is not None else None
    searched: dict[str, int] = {}  # content hash → its text's row in the search index
    pool: Executor | None = None
    done = 0

    def prepare(items: list[Found]) -> _Chunk:
        """Stat, read and look up a chunk's files, and hand the new ones to the workers: their
        analysis runs while the chunk before is decoded and stored."""
        nonlocal store, pool, done
        stats = [_file_stat(item) for item in items]
        cached: dict[str, bytes] = {}
        listings: dict[str, Listing] = {}
        unchanged: dict[int, str] = {}  # item's place in the chunk → its cached content hash
        if store is not None:
            try:
                unchanged, listings = _unchanged(store, stats, version)
            except StoreUnavailable as error:
                notices.append(f"{error}; reading on without the cache")
                store = None
        chunk: list[tuple[Found, bytes, str]] = []
        seen: list[tuple[str, int, int, str]] = []  # stats of files read, for the next reopen
        for i, item in enumerate(items):
            if i in unchanged:
                chunk.append((item, b"", unchanged[i]))  # never read: the cache has it
                continue
            try:
                data = read_file(item)
            except IngestError as error:
                errors.append(LoadError(error.file, error.message))
                done += 1
                continue
            content_hash = hashlib.sha256(data).hexdigest()
            chunk.append((item, data, content_hash))
            info = stats[i]
            if info is not None and info.trusted and info.size == len(data):
                seen.append((info.path, info.size, info.mtime_ns, content_hash))
        if store is not None:
            try:
                wanted = list(dict.fromkeys(h for _, _, h in chunk if h not in listings))
                listings.update(store.cached_listings(wanted, version) if wanted else {})
                # A cache from before listings (or an entry whose listing was dropped): its
                # payloads are read and decoded once, and their listings written.
                read = [h for h in wanted if h not in listings]
                cached.update(store.cached_documents(read, version) if read else {})
                searched.update(_search_ids(store, [h for _, _, h in chunk if h in listings], listings, version))
                if seen:
                    store.remember_file_hashes(seen)
            except StoreUnavailable as error:
                notices.append(f"{error}; reading on without the cache")
                store = None
        missing = [c for c in chunk if c[2] not in cached and c[2] not in listings and c[0].relative not in analyses]
        if pool is None and workers > 1 and len(missing) >= _POOL_MIN and isinstance(analyzer, Analyzer):
            pool = analysis_pool(analyzer, workers)
        results: Iterator[Result] = iter(())
        if pool is not None and missing:
            jobs = [(data, item.relative, _ingest().is_html(item.path), str(item.path)) for item, data, _ in missing]
            results = pool.map(analyse_job, jobs, chunksize=4)  # submitted now, waited for in finish
        return _Chunk(chunk, cached, listings, missing if pool is not None else [], results)

    def finish(prepared: _Chunk) -> None:
        """Take a chunk's analyses from the workers (or make them here), decode and store them."""
        nonlocal store, done
        chunk, cached, listings = prepared.chunk, prepared.cached, prepared.listings
        made: dict[str, bytes] = {}  # payloads the worker processes produced
        failed: dict[str, str] = {}
        for (item, _, content_hash), (ok, result) in zip(prepared.sent, prepared.results):
            if ok:
                made[content_hash] = result  # type: ignore[assignment] - a payload when ok
            else:
                failed[item.relative] = result  # type: ignore[assignment] - a message when not
            if cancelled is not None and cancelled.is_set():
                break  # quitting: do not wait for the rest of the chunk (issue 17)
        if prepared.sent and cancelled is not None and cancelled.is_set():
            chunk = [
                c for c in chunk if c[2] in made or c[2] in cached or c[2] in listings or c[0].relative in failed
            ]
        fresh: list[tuple[str, bytes]] = []
        new_listings: dict[str, Listed] = {}  # for payloads written or read without one
        unvaried: list[tuple[str, RawAnalysis]] = []  # listed before variants were stored
        for item, data, content_hash in chunk:
            done += 1
            key = item.relative
            if key in analyses:  # the same file reached through two of the paths
                continue
            if key in failed:
                errors.append(LoadError(key, failed[key]))
                continue
            payload = cached.get(content_hash) or made.get(content_hash)
            if content_hash in listings:
                path = str(item.path)
                known = as_shown.get(key)
                if known is not None and (known.content_hash, known.path, known.file) != (content_hash, path, key):
                    known = None
                article, analysis = codec.decode_listing(*listings[content_hash][:3], key, key, content_hash, path, known)
                listed.append(key)
                if analysis.variants is None:  # a listing from before they were stored
                    unvaried.append((content_hash, analysis))
            elif payload is None:
                try:
                    article = _ingest().parse_article(data, key, html=_ingest().is_html(item.path), path=str(item.path))
                except IngestError as error:
                    errors.append(LoadError(error.file, error.message))
                    continue
                analysis = RawAnalysis.of(analyzer.analyse(article))
                fresh.append((content_hash, codec.encode(article, analysis)))
                new_listings[content_hash] = codec.listing(article, analysis)
            else:
                article, analysis = codec.decode_raw(payload, key, key, content_hash, str(item.path))
                if content_hash in made:
                    fresh.append((content_hash, payload))
                new_listings[content_hash] = codec.listing(article, analysis)
            articles.append(article)
            analyses[key] = analysis
            if analysis.partial:  # past its budget: shown, analysed in part, and said
                notices.append(f"{key}: {analysis.partial}")
            if progress is not None:
                progress(done, len(found), key)
        if store is not None and (fresh or new_listings):
            try:
                written = {h for h, _ in fresh}
                if fresh:
                    searched.update(store.put_documents(fresh, version, [(h, x) for h, x in new_listings.items() if h in written]))
                if len(new_listings) > len(written):
                    searched.update(store.put_listings([(h, x) for h, x in new_listings.items() if h not in written], version))
            except StoreUnavailable as error:  # a full disk: keep reading, keep nothing
                notices.append(f"{error}; reading on without the cache")
                store = None
        if store is not None and unvaried:
            try:
                _add_variants(store, unvaried, listings, version)
            except StoreUnavailable as error:
                notices.append(f"{error}; reading on without the cache")
                store = None
        collector.keep()  # the chunk's articles and analyses: not walked by every later full collection

    pending: _Chunk | None = None
    try:
        for chunk_start in range(0, len(found), _CHUNK):
            if cancelled is not None and cancelled.is_set():
                break
            prepared = prepare(found[chunk_start : chunk_start + _CHUNK])
            if pending is not None:
                finish(pending)
            pending = prepared
        if pending is not None:
            finish(pending)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if store is not None and not (cancelled is not None and cancelled.is_set()):
        try:
            _read_names(store, dict.fromkeys(name for raw in analyses.values() for name in raw.entities))
        except StoreUnavailable as error:
            notices.append(f"{error}; names will be read in pinyin again")
        try:
            catalogue.write(store, library_id(paths), version, articles)
        except StoreUnavailable as error:
            notices.append(f"{error}; the list will not be shown early next time")
    library = Library(
        library_id(paths),
        articles,
        analyses,
        errors,
        notices,
        payloads if listed else None,
        listed,
        index,
        {a.key: searched[a.content_hash] for a in articles if a.content_hash in searched},
    )
    collector.keep()  # and its indexes
    return library


def cache_version(analyzer: ArticleAnalyzer) -> str:
    """The version the store keeps this analyzer's analyses (and the library's list) under."""
    return f"{analyzer.version}.{codec.FORMAT}"


def _search_ids(store: Store, hashes: list[str], listings: dict[str, Listing], version: str) -> dict[str, int]:
    """The search index's rows of the texts of listings ``hashes``: those of listings written
    before the index (schema 6) are indexed now, once."""
    hashes = list(dict.fromkeys(hashes))
    found = {h: row for h in hashes if (row := listings[h][3]) is not None}
    missing = [h for h in hashes if h not in found]
    if missing:
        texts = _listed_texts(store, missing, version)
        found.update(store.index_listings([(h, texts[h]) for h in missing if h in texts], version))
    return found


def _add_variants(store: Store, unvaried: list[tuple[str, RawAnalysis]], listings: dict[str, Listing], version: str) -> None:
    """Count the variants of analyses listed before they were stored (from their texts, read
    for this once) and store them with their listings."""
    texts = _listed_texts(store, list(dict.fromkeys(h for h, _ in unvaried)), version)
    heads: dict[str, str] = {}
    for content_hash, analysis in unvaried:
        if content_hash in texts:
            analysis.variants = surfaces.variants(texts[content_hash], analysis.entities, analysis.mentions)
            heads[content_hash] = surfaces.with_variants(listings[content_hash][0], analysis.variants)
    surfaces.write_heads(store, list(heads.items()), version)


def _listed_texts(store: Store, hashes: list[str], version: str) -> dict[str, str]:
    try:
        return listed_texts(store.connection, hashes, version)
    except sqlite3.DatabaseError as error:
        raise StoreUnavailable(f"{store.path}: {error}") from error


def _read_names(store: Store, names: dict[str, None]) -> None:
    """Give the names' stored readings in pinyin to ``pinyin.readings``, and read and store
    those of names never read before: a reopen of an unchanged library loads no pypinyin
    (its dictionaries held the GIL ~0.1 s in the loader thread, stalling the window)."""
    version = pinyin.readings_version()
    known = store.readings(list(names), version)
    pinyin.remember(known)
    new = {name: pinyin.readings(name) for name in names if name not in known}
    if new:
        store.put_readings(new, version)


# A file modified this close to when it was looked at may change again within the same
# modification time (a coarse clock, an editor still saving): its stat is not trusted next time,
# so it is read again (git calls these entries racy).
_RACY_NS = 2_000_000_000


class _Chunk(NamedTuple):
    """A chunk of files read and looked up, its new ones sent to the workers."""

    chunk: list[tuple[Found, bytes, str]]  # (file, its bytes unless cached, content hash)
    cached: dict[str, bytes]  # payloads from the cache, by content hash
    listings: dict[str, Listing]  # listings from the cache, by content hash
    sent: list[tuple[Found, bytes, str]]  # the files the workers analyse, in order
    results: Iterator[Result]  # the workers' results for ``sent``, as they come


class _Stat(NamedTuple):
    path: str  # absolute: the table is shared by every library
    size: int
    mtime_ns: int
    trusted: bool  # whether the next reopen may skip the file if it still looks like this


def _file_stat(item: Found) -> _Stat | None:
    """What a stat says about the file, or None when it cannot be stat'ed or is not a regular
    file (the read then reports why)."""
    try:
        info = item.path.stat()  # follows a link, as the read does
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    trusted = time.time_ns() - info.st_mtime_ns > _RACY_NS
    return _Stat(os.path.abspath(item.path), info.st_size, info.st_mtime_ns, trusted)


def _unchanged(store: Store, stats: list[_Stat | None], version: str) -> tuple[dict[int, str], dict[str, Listing]]:
    """The files whose size and modification time are what they were when last read and whose
    analysis is cached (their place in ``stats`` → content hash), and the listings of those
    that have one."""
    paths = [s.path for s in stats if s is not None]
    known = store.file_hashes(paths) if paths else {}
    candidates: dict[int, str] = {}
    for i, info in enumerate(stats):
        if info is not None and info.path in known:
            size, mtime_ns, content_hash = known[info.path]
            if (size, mtime_ns) == (info.size, info.mtime_ns):
                candidates[i] = content_hash
    hashes = list(dict.fromkeys(candidates.values()))
    listings = store.cached_listings(hashes, version) if hashes else {}
    # Only those without a listing are looked for among the payloads (a cache from before
    # listings): finding a key in that table reads most of its pages.
    rest = [h for h in hashes if h not in listings]
    cached = store.cached_hashes(rest, version) if rest else set()
    return {i: h for i, h in candidates.items() if h in listings or h in cached}, listings


def analysis_workers() -> int:
    """Worker processes for a first index: one per core."""
    return max(1, os.cpu_count() or 1)


_CHUNK = 256
# Starting worker processes costs about a second each (imports, jieba); fewer new articles
# than this are analysed in the calling thread.
_POOL_MIN = 64
