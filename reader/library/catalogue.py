"""A library's list as its last load under an analysis version left it: every article's key,
file, content hash and metadata, in library order (the store's ``catalogues`` table, migration
8; the name model's pass and corrections load under versions of their own).

A reopen shows it — the list, and the article to read from its payload — before the library is
read: reading and decoding 100k listings takes seconds (bench/RESULTS.md, "The list before the
library"). What the load then finds (a file added, changed or gone) replaces it when the library
is in. An article's metadata is its analysis's, so the content hash, the version and the
place (key, file, path) say whether a list is still the library's (``digest``)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import zlib
from collections.abc import Iterator, Sequence

from reader.errors import StoreUnavailable
from reader.ingest.model import Article
from reader.library.store import Store, plain


def digest(articles: Sequence[Article], version: str) -> str:
    """What says whether a stored list is still that of ``articles``: their places and content,
    under the version that read them."""
    h = hashlib.blake2b(f"{version}\0{_FORMAT}".encode(), digest_size=16)
    h.update("\0".join(f"{a.key}\t{a.file}\t{a.path}\t{a.content_hash}" for a in articles).encode())
    return h.hexdigest()


def write(store: Store, root: str, version: str, articles: Sequence[Article]) -> None:
    """Store the list of the library ``root`` as loaded (unless it is stored already). Raises
    StoreUnavailable as the store's writes do."""
    made = digest(articles, version)
    try:
        row = store.connection.execute(
            "SELECT digest FROM catalogues WHERE library = ? AND version = ?", (root, version)
        ).fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreUnavailable(plain(error, store.path)) from error
    if row == (made,):
        return
    # Columns, not a row per article: reading them back makes the articles' strings and little
    # else (a list per article cost ~0.1 GB of freed small objects the process kept).
    columns = {
        "key": [a.key for a in articles],
        "file": [None if a.file == a.key else a.file for a in articles],
        "path": [a.path for a in articles],
        "hash": [a.content_hash for a in articles],
        "title": [a.title for a in articles],
        "source": [a.source for a in articles],
        "author": [a.author for a in articles],
        "date": [a.date for a in articles],
        "url": [a.url for a in articles],
        "tags": {i: a.tags for i, a in enumerate(articles) if a.tags},  # most have none
        "credits": {i: a.credits for i, a in enumerate(articles) if a.credits},
    }
    blob = zlib.compress("\n".join(_lines(columns)).encode(), 1)
    with store.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO catalogues (library, version, digest, articles) VALUES (?, ?, ?, ?)",
            (root, version, made, blob),
        )


def read(store: Store, root: str, version: str) -> tuple[Article, ...] | None:
    """The stored list of the library ``root`` as articles without their text (as a reopen
    lists them), if one was stored under ``version``; else None (and when it cannot be
    decoded). Raises StoreUnavailable when the file cannot be read."""
    try:
        row = store.connection.execute(
            "SELECT articles FROM catalogues WHERE library = ? AND version = ?", (root, version)
        ).fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreUnavailable(plain(error, store.path)) from error
    if row is None:
        return None
    try:
        columns = _columns(_decompressed(row[0]))
    except (zlib.error, ValueError, KeyError, TypeError):  # a damaged list: the library is read as if it had none
        return None
    keys = columns["key"]
    shared = sys.intern  # a source, a date or an author recurs across thousands of articles
    words = {None: None}
    for column in ("source", "author", "date"):
        words.update((w, shared(w)) for w in columns[column] if w not in words)
    tags = {int(i): tuple(map(shared, t)) for i, t in columns["tags"].items()}
    credits = {int(i): tuple(map(tuple, c)) for i, c in columns["credits"].items()}
    return tuple(
        Article(
            key=key, file=key if file is None else file, title=title, text="",
            source=words[source], author=words[author], date=words[date],
            tags=tags.get(i, ()), url=url, content_hash=content_hash, path=path, credits=credits.get(i, ()),
        )
        for i, (key, file, path, content_hash, title, source, author, date, url) in enumerate(zip(
            keys, columns["file"], columns["path"], columns["hash"], columns["title"], columns["source"],
            columns["author"], columns["date"], columns["url"], strict=True,
        ))
    )


# Columns are stored a few thousand values a line, each line one JSON document: json.loads holds
# the GIL for all it parses, and one document of 100k listings held it (and the GUI thread,
# painting meanwhile) for 0.2 s; a line is a few milliseconds. So are the articles' tags and
# credits, a few thousand articles' a line (100k articles' tags in one line: 67 ms).
_CHUNK = 5000
# In the digest: a list stored in another form (one document; tags in one line) is stored
# again in this one at the next load.
_FORMAT = "lines, tags in lines"
_DECOMPRESSED_AT_ONCE = 1 << 20  # bytes of the stored list inflated at a time


def _lines(columns: dict[str, list | dict]) -> Iterator[str]:  # type: ignore[type-arg]
    for name, values in columns.items():
        if isinstance(values, dict):
            items = list(values.items())
            for at in range(0, max(len(items), 1), _CHUNK):
                yield json.dumps([name, dict(items[at : at + _CHUNK])], ensure_ascii=False, separators=(",", ":"))
            continue
        for at in range(0, max(len(values), 1), _CHUNK):
            yield json.dumps([name, values[at : at + _CHUNK]], ensure_ascii=False, separators=(",", ":"))


def _decompressed(blob: bytes) -> bytes:
    """``zlib.decompress(blob)``, a megabyte at a time: a list of 100k articles is 25 MB."""
    inflate = zlib.decompressobj()
    parts = [inflate.decompress(blob[at : at + _DECOMPRESSED_AT_ONCE]) for at in range(0, len(blob), _DECOMPRESSED_AT_ONCE)]
    parts.append(inflate.flush())
    if not inflate.eof:
        raise zlib.error("the stored list ends early")
    return b"".join(parts)


def _columns(text: bytes) -> dict[str, list | dict]:  # type: ignore[type-arg]
    """The columns of a stored list: lines of [name, values], each decoded as it is read (a
    list stored before as one JSON object is read whole)."""
    if text.startswith(b"{"):
        return json.loads(text)  # type: ignore[no-any-return]
    columns: dict[str, list | dict] = {}  # type: ignore[type-arg]
    for line in text.split(b"\n"):
        name, values = json.loads(line)
        if isinstance(values, dict):
            columns.setdefault(name, {}).update(values)  # type: ignore[union-attr]
        else:
            columns.setdefault(name, []).extend(values)  # type: ignore[union-attr]
    return columns

