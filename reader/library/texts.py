"""The texts of a library's articles, by place in library order: held with the article when it
was read from its file, read from its cached listing when it was listed (a reopen holds no text:
218M characters, 424 MB at 100k articles; bench/RESULTS.md, "Texts out of memory").

The last two thousand texts read are kept (~9 MB): an article's mention lines, a search's hits
and a card's figures read the same texts again, and so does a search typed letter by letter. A
bulk reader (the stories, the name model's pass, a correction of every article) reads a few
hundred at a time and keeps none."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import replace

from reader.errors import StoreUnavailable
from reader.ingest.model import Article
from reader.library import codec
from reader.library.payloads import Payloads
from reader.library.store import rows_in


class Texts:
    """Each article's text (``texts[i]``, ``texts.many(indexes)``). Raises StoreUnavailable when a
    listed article's text cannot be read (as opening it would)."""

    def __init__(self, articles: Sequence[Article], listed: Sequence[bool], payloads: Payloads | None) -> None:
        if any(listed) and payloads is None:
            raise ValueError("listed articles and no store to read their texts from")
        self._articles = articles
        self._listed = listed
        self._payloads = payloads
        self._kept: OrderedDict[int, str] = OrderedDict()
        self._lock = threading.Lock()
        self.reads = 0  # texts read from the store, for tests

    def __len__(self) -> int:
        return len(self._articles)

    def __getitem__(self, i: int) -> str:
        if not self._listed[i]:
            return self._articles[i].text
        with self._lock:
            text = self._kept.get(i)
            if text is not None:
                self._kept.move_to_end(i)
                return text
        return self._read([i], keep=True)[i]

    def many(self, indexes: Sequence[int], keep: bool = True) -> list[str]:
        """The texts of articles ``indexes``, in that order, read at once (``keep``: kept among
        the last read; a bulk reader keeps none)."""
        wanted: list[int] = []
        found: dict[int, str] = {}
        with self._lock:
            for i in indexes:
                if not self._listed[i]:
                    found[i] = self._articles[i].text
                elif (text := self._kept.get(i)) is not None:
                    found[i] = text
                else:
                    wanted.append(i)
        if wanted:
            found.update(self._read(wanted, keep))
        return [found[i] for i in indexes]

    def chunks(self, indexes: Sequence[int], stopped: Callable[[], bool] = lambda: False) -> Iterator[tuple[int, str]]:
        """(article, text) for each of ``indexes``, in that order, read a few hundred at a time
        and not kept: for a pass over many articles; none more read once ``stopped()`` says so."""
        for start in range(0, len(indexes), _READ_AT_ONCE):
            if stopped():
                return
            chunk = indexes[start : start + _READ_AT_ONCE]
            yield from zip(chunk, self.many(chunk, keep=False))

    def articles(self, indexes: Sequence[int]) -> Iterator[Article]:
        """Articles ``indexes`` with their texts, in that order (as ``chunks`` reads them)."""
        for i, text in self.chunks(indexes):
            article = self._articles[i]
            yield article if not self._listed[i] else replace(article, text=text)

    def _read(self, indexes: list[int], keep: bool) -> dict[int, str]:
        assert self._payloads is not None
        hashes = list(dict.fromkeys(self._articles[i].content_hash for i in indexes))
        by_hash = self._from_listings(hashes)
        gone = [h for h in hashes if h not in by_hash]
        if gone:  # a listing dropped since (a payload written again): its payload has the text
            payloads = self._payloads.read(gone)
            for i in indexes:
                a = self._articles[i]
                if a.content_hash in payloads and a.content_hash not in by_hash:
                    by_hash[a.content_hash] = codec.decode_raw(payloads[a.content_hash], a.key, a.file, a.content_hash, a.path)[0].text
        found = {i: by_hash[self._articles[i].content_hash] for i in indexes}
        self.reads += len(hashes)
        if keep:
            with self._lock:
                self._kept.update(found)
                while len(self._kept) > _KEPT:
                    self._kept.popitem(last=False)
        return found

    def _from_listings(self, hashes: list[str]) -> dict[str, str]:
        assert self._payloads is not None
        path = self._payloads.path
        try:
            with closing(sqlite3.connect(path, timeout=5.0, isolation_level=None)) as db:
                return listed_texts(db, hashes, self._payloads.version)
        except sqlite3.DatabaseError as error:
            raise StoreUnavailable(f"{path}: {error}") from error


def listed_texts(db: sqlite3.Connection, hashes: list[str], version: str) -> dict[str, str]:
    """The texts of the listings ``hashes`` of ``version`` that have one."""
    return dict(rows_in(db, "SELECT content_hash, text FROM listings WHERE version = ? AND content_hash IN ({marks})", [version], hashes))


class WithTexts(Mapping[str, Article]):
    """A library's articles by key, each with its text, read when it is looked up (exporting or
    importing notes anchors those of a few articles: reading every text first would not do)."""

    def __init__(self, by_key: Mapping[str, Article], text_of: Callable[[str], str]) -> None:
        self._by_key = by_key
        self._text_of = text_of

    def __getitem__(self, key: str) -> Article:
        article = self._by_key[key]
        return article if article.text else replace(article, text=self._text_of(key))

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_key)

    def __len__(self) -> int:
        return len(self._by_key)


_KEPT = 2048  # texts kept (~9 MB at 2,200 characters each)
_READ_AT_ONCE = 256
