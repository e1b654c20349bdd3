"""Reading cached payloads apart from the store's connection: an opened article's blocks,
styles, figures and quotes, and what the articles naming an entity cite of it (its card)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from reader.errors import StoreUnavailable
from reader.library.store import plain, rows_in


class Payloads:
    """Cached payloads read when a library needs them — an article's blocks, styles, figures
    and quotes when it is opened, or an entity card's figures across the library. Each read
    opens a connection of its own and closes it (about a millisecond): the loader's store is
    closed once the load is done, a library is read from the GUI thread and from workers, and
    a library has no end of life at which to close one it kept."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self.version = version

    def read(self, hashes: list[str]) -> dict[str, bytes]:
        """The payloads of ``hashes``, of this version. One that a later correction's cache has
        since dropped is read from another version: only articles a correction left alone are
        read from a library made before it, and their payloads are the same under both.
        Raises StoreUnavailable when the file cannot be read."""
        found: dict[str, bytes] = {}
        try:
            with closing(sqlite3.connect(self.path, timeout=5.0, isolation_level=None)) as db:
                found.update(rows_in(
                    db,
                    "SELECT content_hash, payload FROM documents WHERE version = ? AND content_hash IN ({marks})",
                    [self.version],
                    hashes,
                ))
                for h in [h for h in hashes if h not in found]:
                    row = db.execute(
                        "SELECT payload FROM documents WHERE content_hash = ? AND version LIKE ? LIMIT 1",
                        (h, "%." + self.version.rpartition(".")[2]),
                    ).fetchone()
                    if row is not None:
                        found[h] = row[0]
        except sqlite3.DatabaseError as error:
            raise StoreUnavailable(plain(error, self.path)) from error
        gone = [h for h in hashes if h not in found]
        if gone:
            raise StoreUnavailable(f"{self.path}: the cached analysis {gone[0][:12]}… is gone; open the library again")
        return found

    def cited(
        self, name: str, hashes: list[str], stopped: Callable[[], bool] = lambda: False
    ) -> tuple[dict[str, tuple[str, str]], set[str]] | None:
        """What the articles ``hashes`` cite of ``name``: (figure rows, quote rows) as JSON for
        each that has any, and which of them have a listing of this version at all (those
        without one — dropped since the library was read — must be read from their payloads).
        None once ``stopped()`` says so, between the listings' chunks. Raises StoreUnavailable
        when the file cannot be read."""
        rows: dict[str, tuple[str, str]] = {}
        listed: set[str] = set()
        try:
            with closing(sqlite3.connect(self.path, timeout=5.0, isolation_level=None)) as db:
                for start in range(0, len(hashes), _LISTED_AT_ONCE):
                    if stopped():
                        return None
                    listed.update(h for (h,) in rows_in(
                        db,
                        "SELECT content_hash FROM listings WHERE version = ? AND content_hash IN ({marks})",
                        [self.version],
                        hashes[start : start + _LISTED_AT_ONCE],
                    ))
                wanted = set(hashes)
                for h, figures, quotes in db.execute(
                    "SELECT content_hash, figures, quotes FROM cited WHERE version = ? AND name = ?", (self.version, name)
                ):
                    if h in wanted:
                        rows[h] = (figures, quotes)
        except sqlite3.DatabaseError as error:
            raise StoreUnavailable(plain(error, self.path)) from error
        return rows, listed


_LISTED_AT_ONCE = 1800  # listings asked for between two looks at whether to stop (two queries' worth)
