"""The full-text index on disk: each text's searching form (``folding.search_form``) as
overlapping pairs of characters in an SQLite FTS5 table, so that a search reads the articles
that can hold its query instead of scanning every text held in memory (at 100k articles the
folded copies were 422 MB and a query with few hits scanned 218M characters: ~0.3–0.5 s).

Position i of a text is one token: its character and the next (the last character alone).
A query of n ≥ 2 characters is the phrase of its n − 1 pairs, and the texts holding that phrase
are exactly those holding the query; one character is a prefix query (every pair it begins).
So one index answers two-character queries (most Chinese words), which FTS5's trigram tokenizer
cannot, and longer ones. Each character is written as four base-36 digits, the token characters
of FTS5's ``ascii`` tokenizer: any character — a space, a newline, a lone surrogate — is a token
like another, and nothing is folded or split by SQLite.

A text is indexed once, under a key made of the text itself (``text_key``): the listings of
every analysis version of one file, and two files with one text, share its row."""

from __future__ import annotations

import hashlib
import sqlite3
from array import array
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from reader.analysis.folding import search_form
from reader.errors import StoreUnavailable

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_WIDTH = 4  # base-36 digits a character: 36⁴ = 1,679,616 > 0x110000 code points


def tokens(folded: str) -> str:
    """The tokens of a text in searching form, one per character, separated by spaces."""
    if len(folded) < _BY_ARRAY_FROM:
        codes = [_code(ch) for ch in folded]
        return " ".join(a + b for a, b in zip(codes, [*codes[1:], ""]))
    import numpy as np  # noqa: PLC0415 - as folding does for a long text

    points = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)
    digits = np.empty((len(points), _WIDTH), dtype=np.uint8)
    alphabet = np.frombuffer(_DIGITS.encode(), dtype=np.uint8)
    for k in range(_WIDTH - 1, -1, -1):
        digits[:, k] = alphabet[points % 36]
        points //= 36
    rows = np.full((len(digits), 2 * _WIDTH + 1), ord(" "), dtype=np.uint8)
    rows[:, :_WIDTH] = digits
    rows[:-1, _WIDTH : 2 * _WIDTH] = digits[1:]  # the last token: its character alone
    return rows.tobytes().decode("ascii").rstrip(" ")


_BY_ARRAY_FROM = 512  # characters: below, the loop is faster than setting up the arrays


def _code(ch: str) -> str:
    n = ord(ch)
    out = ""
    for _ in range(_WIDTH):
        n, digit = divmod(n, 36)
        out = _DIGITS[digit] + out
    return out


def match(folded_query: str) -> str:
    """The FTS5 query for the texts that hold ``folded_query`` (not empty)."""
    codes = [_code(ch) for ch in folded_query]
    if len(codes) == 1:
        return f'"{codes[0]}" *'
    return '"' + " ".join(a + b for a, b in zip(codes, codes[1:])) + '"'


def creating(statement: str, db: sqlite3.Connection) -> list[str]:
    """A migration's ``statement`` as this SQLite can run it: where it has no FTS5 (a build
    without it), the index is a table that keeps nothing, a search finds no MATCH in it and
    scans the texts instead (``SearchIndex.holding`` raises StoreUnavailable)."""
    if "USING fts5" not in statement or has_fts5(db):
        return [statement]
    return [
        "CREATE TABLE search_index (pairs TEXT)",
        "CREATE TRIGGER search_index_kept_empty BEFORE INSERT ON search_index BEGIN SELECT RAISE(IGNORE); END",
    ]


def has_fts5(db: sqlite3.Connection) -> bool:
    return any(option == "ENABLE_FTS5" for (option,) in db.execute("PRAGMA compile_options"))


def text_key(text: str) -> bytes:
    """What identifies a text in the index."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def index_listings(db: sqlite3.Connection, items: Iterable[tuple[str, str]], version: str) -> dict[str, int]:
    """Index the texts of the listings ``items`` — (content hash, text) of ``version`` — that
    the index does not hold yet, and record on each listing its text's row (inside the caller's
    transaction). Returns content hash → row."""
    ids: dict[str, int] = {}
    for content_hash, text in items:
        key = text_key(text)
        row = db.execute("SELECT id FROM search_texts WHERE text_key = ?", (key,)).fetchone()
        if row is None:
            row = (db.execute("INSERT INTO search_texts (text_key) VALUES (?)", (key,)).lastrowid,)
            db.execute("INSERT INTO search_index (rowid, pairs) VALUES (?, ?)", (row[0], tokens(search_form(text))))
        ids[content_hash] = row[0]
    db.executemany(
        "UPDATE listings SET searched = ? WHERE content_hash = ? AND version = ?",
        [(i, h, version) for h, i in ids.items()],
    )
    return ids


class SearchIndex:
    """The index in the database at ``path``, read by a search (from the search panel's worker
    thread): each read opens a connection of its own, as ``payloads.Payloads`` does."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def holding(self, folded_query: str) -> array:
        """The rows of the texts that hold ``folded_query``, in no order. Raises
        StoreUnavailable when the file cannot be read."""
        try:
            with closing(sqlite3.connect(self.path, timeout=5.0, isolation_level=None)) as db:
                # one string of every row: a common pair is in most texts, and a Python int per
                # row read was most of the time it took
                (joined,) = db.execute(
                    "SELECT group_concat(rowid) FROM search_index WHERE search_index MATCH ?", (match(folded_query),)
                ).fetchone()
        except sqlite3.DatabaseError as error:
            raise StoreUnavailable(f"{self.path}: {error}") from error
        found = array("q", map(int, joined.split(","))) if joined else array("q")
        return found
