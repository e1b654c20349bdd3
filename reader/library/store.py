"""The one SQLite database: analysis cache, user corrections, annotations, reading state.

Schema version lives in ``PRAGMA user_version``; numbered migrations run in one transaction;
a database from a newer Reader is refused untouched; a corrupt file is moved aside. WAL mode,
and every write is committed when it happens.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.errors import StoreTooNew, StoreUnavailable
from reader.library.salvage import check_user_tables, damage_marker, salvage
from reader.library.search_index import creating, index_listings

DB_NAME = "reader.sqlite3"

# A cached analysis as a reopen reads it (codec.listing): head (JSON), mentions (packed ints),
# reprint sketch, and its text's row in the search index (None: not indexed yet); not the text.
Listing = tuple[str, bytes, str, int | None]
# What an article's figures say about a name and what it quoted the name saying (codec.cited):
# name, figure rows (JSON), quote rows (JSON).
Cited = tuple[str, str, str]
# A listing as it is written: with the article's cited rows.
Listed = tuple[str, bytes, str, str, list[Cited]]

MIGRATIONS: tuple[str, ...] = (
    # 1: the analysis cache, keyed by file content and by the analysis version that made it
    """
    CREATE TABLE documents (
        content_hash TEXT NOT NULL,
        version TEXT NOT NULL,
        payload BLOB NOT NULL,
        PRIMARY KEY (content_hash, version)
    ) WITHOUT ROWID;
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        created TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE reading (
        library TEXT NOT NULL,
        article_key TEXT NOT NULL,
        read_at TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (library, article_key)
    ) WITHOUT ROWID;
    CREATE TABLE annotations (
        id TEXT PRIMARY KEY,
        library TEXT NOT NULL,
        article_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        exact TEXT NOT NULL DEFAULT '',
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start INTEGER,
        end INTEGER,
        entity TEXT,
        color TEXT,
        note TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        name TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    );
    CREATE INDEX annotations_article ON annotations (library, article_key);
    CREATE INDEX annotations_entity ON annotations (entity);
    """,
    # 2: an import's duplicate check finds a passage by its place, not by scanning the article's
    # annotations (100k notes in one article: 25 ms each before)
    """
    CREATE INDEX annotations_passage ON annotations (library, article_key, start);
    """,
    # 3: a reopen trusts a file whose size and modification time are what they were when it was
    # last read, and takes its content hash from here instead of reading and hashing it again
    """
    CREATE TABLE file_hashes (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        content_hash TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 4: what a reopen reads of each cached analysis — the article's metadata and text, its
    # entity names, mentions and reprint sketch — apart from the payload, which also holds the
    # blocks, styles, figures and quotes and is read when the article is opened (a reopen
    # decoded every payload: 2 s at 10k articles, 25 s at 100k). Filled as payloads are
    # written, and for a cache from before this table by the first reopen that reads them.
    """
    CREATE TABLE listings (
        content_hash TEXT NOT NULL,
        version TEXT NOT NULL,
        head TEXT NOT NULL,
        mentions BLOB NOT NULL,
        sketch TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (content_hash, version)
    );
    """,
    # 5: written with each listing, an article's figures about each subject and quotes by each
    # speaker (JSON rows as in the payload): an entity card reads these, not every payload of the
    # articles naming it. Listings written before have none: they are dropped, and the next
    # reopen writes them again from the payloads.
    """
    DELETE FROM listings;
    CREATE TABLE cited (
        version TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        name TEXT NOT NULL,
        figures TEXT NOT NULL,
        quotes TEXT NOT NULL,
        PRIMARY KEY (version, content_hash, name)
    ) WITHOUT ROWID;
    CREATE INDEX cited_name ON cited (version, name);
    """,
    # 6: each entity name's readings in pinyin (reader.analysis.pinyin), one a line, under the
    # version of how they were read: a reopen finds names by pinyin without loading pypinyin's
    # dictionaries (~0.1 s holding the GIL: the longest GUI stall of a 10k reopen). Empty in a
    # data dir from before: the next load reads the names and fills it.
    """
    CREATE TABLE readings (
        version TEXT NOT NULL,
        name TEXT NOT NULL,
        readings TEXT NOT NULL,
        PRIMARY KEY (version, name)
    ) WITHOUT ROWID;
    """,
    # 7: the full-text index (reader.library.search_index): each text once, as pairs of
    # characters in an FTS5 table; a listing names its text's row. A search read every text
    # folded in memory (422 MB at 100k articles). Listings from before have none: a reopen
    # indexes their texts as it reads them.
    """
    ALTER TABLE listings ADD COLUMN searched INTEGER;
    CREATE TABLE search_texts (id INTEGER PRIMARY KEY, text_key BLOB NOT NULL UNIQUE);
    CREATE VIRTUAL TABLE search_index USING fts5(pairs, content='', columnsize=0, tokenize='ascii');
    """,
    # 8: each library's list as its last load under each analysis version left it
    # (reader.library.catalogue): a reopen shows it, and the article to read from its payload,
    # before the library is read (seconds at 100k articles). Empty in a data dir from before:
    # the next load writes it.
    """
    CREATE TABLE catalogues (
        library TEXT NOT NULL,
        version TEXT NOT NULL,
        digest TEXT NOT NULL,
        articles BLOB NOT NULL,
        PRIMARY KEY (library, version)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

# sqlite error texts that mean the file is not a usable database.
_CORRUPT = ("file is not a database", "database disk image is malformed", "file is encrypted")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """An open database. Create with :meth:`open`; close with :meth:`close`."""

    def __init__(self, connection: sqlite3.Connection, path: Path, moved_aside: Path | None = None):
        self.connection = connection
        self.path = path
        self.moved_aside = moved_aside  # where a corrupt database was moved, to tell the user
        self.salvaged = 0  # notes, corrections and reading marks copied out of the moved file

    @classmethod
    def open(cls, folder: Path) -> Store:
        """Open (creating or migrating) the database in ``folder``.

        Raises StoreTooNew for a database from a newer Reader and StoreUnavailable when the
        file cannot be used (locked, read-only, disk full). A corrupt file is moved aside to
        ``reader.sqlite3.corrupt-<timestamp>`` and a fresh database is created."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / DB_NAME
        marker = damage_marker(path)
        moved: Path | None = None
        try:
            if marker.exists():
                raise sqlite3.DatabaseError("database disk image is malformed")  # seen last time
            connection = cls._connect(path)
            check_user_tables(connection)
        except sqlite3.DatabaseError as error:
            if not any(text in str(error) for text in _CORRUPT):
                raise StoreUnavailable(f"{path}: {plain(error, path)}") from error
            if "connection" in locals():
                connection.close()
            moved = path.with_name(f"{DB_NAME}.corrupt-{dt.datetime.now():%Y%m%d-%H%M%S}")
            path.rename(moved)
            for suffix in ("-wal", "-shm"):
                src = Path(f"{path}{suffix}")
                if src.exists():
                    src.rename(Path(f"{moved}{suffix}"))  # the salvage reads the moved file whole
            marker.unlink(missing_ok=True)
            connection = cls._connect(path)
        store = cls(connection, path, moved)
        if moved is not None:
            store.salvaged = salvage(moved, connection)
        return store

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        connection = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
        try:
            # The version is read before anything else: switching a newer file to WAL would
            # already modify it.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreTooNew(
                    f"{path} was written by a newer version of Reader (schema {version}, this "
                    f"version knows {SCHEMA_VERSION}); it was left untouched. Update Reader, or "
                    f"start with --data-dir pointing elsewhere."
                )
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            if version < SCHEMA_VERSION:
                _migrate(connection, version)
        except sqlite3.OperationalError as error:
            connection.close()
            raise StoreUnavailable(f"{path}: {error}") from error
        except BaseException:
            connection.close()
            raise
        return connection

    def damage_report(self) -> str | None:
        """What happened when the file was found damaged at open, in plain words; else None."""
        if self.moved_aside is None:
            return None
        saved = (
            f"{self.salvaged} notes and corrections were saved from it"
            if self.salvaged
            else "nothing could be saved from it (re-import notes from your last export)"
        )
        return f"the database was damaged and has been moved to {self.moved_aside}; a new one was created and {saved}"

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed on success, rolled back on any error. A full disk or
        a damaged file is a StoreUnavailable that says so in plain words."""
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise self._unavailable(error) from error
        try:
            yield self.connection
        except sqlite3.DatabaseError as error:
            self._rollback()
            raise self._unavailable(error) from error
        except BaseException:
            self._rollback()
            raise
        else:
            try:
                self.connection.execute("COMMIT")
            except sqlite3.DatabaseError as error:
                self._rollback()
                raise self._unavailable(error) from error

    def _rollback(self) -> None:
        # SQLite may have rolled back already (a full disk does): "cannot rollback - no
        # transaction is active" must not hide the real error
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")

    def _unavailable(self, error: sqlite3.DatabaseError) -> StoreUnavailable:
        if any(text in str(error) for text in _CORRUPT):
            damage_marker(self.path).touch()  # moved aside and salvaged at the next open
        return StoreUnavailable(plain(error, self.path))

    # -- analysis cache
    def cached_document(self, content_hash: str, version: str) -> bytes | None:
        row = self.connection.execute(
            "SELECT payload FROM documents WHERE content_hash = :h AND version = :v",
            {"h": content_hash, "v": version},
        ).fetchone()
        return row[0] if row else None

    def cached_documents(self, hashes: list[str], version: str) -> dict[str, bytes]:
        """Many cache entries in one query per thousand hashes."""
        found: dict[str, bytes] = {}
        try:
            found.update(rows_in(
                self.connection,
                "SELECT content_hash, payload FROM documents WHERE version = ? AND content_hash IN ({marks})",
                [version],
                hashes,
            ))
        except sqlite3.DatabaseError as error:
            raise self._unavailable(error) from error
        return found

    def cached_hashes(self, hashes: list[str], version: str) -> set[str]:
        """Which of ``hashes`` have a cached analysis (their payloads are not read)."""
        found: set[str] = set()
        try:
            found.update(h for (h,) in rows_in(
                self.connection,
                "SELECT content_hash FROM documents WHERE version = ? AND content_hash IN ({marks})",
                [version],
                hashes,
            ))
        except sqlite3.DatabaseError as error:
            raise self._unavailable(error) from error
        return found

    def cached_listings(self, hashes: list[str], version: str) -> dict[str, Listing]:
        """The listings (head, mentions, sketch, search row) of those of ``hashes`` that have
        one, without their texts (reader.library.texts reads those)."""
        found: dict[str, Listing] = {}
        try:
            rows = rows_in(
                self.connection,
                "SELECT content_hash, head, mentions, sketch, searched FROM listings "
                "WHERE version = ? AND content_hash IN ({marks})",
                [version],
                hashes,
            )
            found.update((h, tuple(rest)) for h, *rest in rows)  # type: ignore[misc]
        except sqlite3.DatabaseError as error:
            raise self._unavailable(error) from error
        return found

    def put_documents(
        self, items: list[tuple[str, bytes]], version: str, listings: list[tuple[str, Listed]] = ()  # type: ignore[assignment]
    ) -> dict[str, int]:
        """Cache payloads and the listings made from them. A payload written without its
        listing drops the one it had, so a listing never tells of another analysis than its
        payload's (the next reopen makes it again). Returns each listing's row in the search
        index."""
        with self.transaction() as db:
            db.executemany(
                "DELETE FROM listings WHERE content_hash = ? AND version = ?", [(h, version) for h, _ in items]
            )
            db.executemany("DELETE FROM cited WHERE version = ? AND content_hash = ?", [(version, h) for h, _ in items])
            db.executemany(
                "INSERT OR REPLACE INTO documents (content_hash, version, payload) VALUES (?, ?, ?)",
                [(h, version, payload) for h, payload in items],
            )
            return self._put_listings(db, listings, version)

    def put_listings(self, listings: list[tuple[str, Listed]], version: str) -> dict[str, int]:
        """Listings made from payloads already cached (by a reopen of a cache older than them)."""
        with self.transaction() as db:
            return self._put_listings(db, listings, version)

    def index_listings(self, items: list[tuple[str, str]], version: str) -> dict[str, int]:
        """Index the texts of listings written without (content hash, text); their rows."""
        with self.transaction() as db:
            return index_listings(db, items, version)

    @staticmethod
    def _put_listings(db: sqlite3.Connection, listings: list[tuple[str, Listed]], version: str) -> dict[str, int]:
        db.executemany(
            "INSERT OR REPLACE INTO listings (content_hash, version, head, mentions, sketch, text) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(h, version, *listed[:4]) for h, listed in listings],
        )
        db.executemany(
            "INSERT OR REPLACE INTO cited (version, content_hash, name, figures, quotes) VALUES (?, ?, ?, ?, ?)",
            [(version, h, *row) for h, listed in listings for row in listed[4]],
        )
        return index_listings(db, [(h, listed[3]) for h, listed in listings], version)

    def copy_documents(self, version: str, to_version: str) -> None:
        """Every entry of ``version`` (and its listing) also under ``to_version`` (one that
        exists is kept): a correction that leaves an article alone leaves its cached analysis
        as it was. A sixteenth of the entries at a time (by content hash): a 10k library's
        copy held the file for seconds, and the window's own writes waited."""
        for part in _HASH_PARTS:
            with self.transaction() as db:
                # Listings first, of the entries about to be copied only: one kept under
                # ``to_version`` keeps its own listing (or has none, and gets it at a reopen).
                db.execute(
                    "INSERT OR IGNORE INTO cited (version, content_hash, name, figures, quotes) "
                    "SELECT :to, content_hash, name, figures, quotes FROM cited WHERE version = :v "
                    f"AND {part} AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.content_hash = cited.content_hash "
                    "AND d.version = :to)",
                    {"v": version, "to": to_version},
                )
                db.execute(
                    "INSERT OR IGNORE INTO listings (content_hash, version, head, mentions, sketch, text, searched) "
                    "SELECT content_hash, :to, head, mentions, sketch, text, searched FROM listings WHERE version = :v "
                    f"AND {part} AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.content_hash = listings.content_hash "
                    "AND d.version = :to)",
                    {"v": version, "to": to_version},
                )
                db.execute(
                    "INSERT OR IGNORE INTO documents (content_hash, version, payload) "
                    f"SELECT content_hash, :to, payload FROM documents WHERE version = :v AND {part}",
                    {"v": version, "to": to_version},
                )

    def keep_documents_of(self, versions: set[str]) -> None:
        """Drop the cached analyses of every other analysis version (an older Reader's, or
        corrections since taken further): each is a whole copy of the library's analyses,
        dropped a sixteenth at a time (see ``copy_documents``)."""
        marks = ",".join("?" * len(versions))
        for part in _HASH_PARTS:
            with self.transaction() as db:
                for table in ("documents", "listings", "cited"):
                    db.execute(f"DELETE FROM {table} WHERE version NOT IN ({marks}) AND {part}", sorted(versions))
        with self.transaction() as db:  # the lists of those versions: their payloads are gone
            db.execute(f"DELETE FROM catalogues WHERE version NOT IN ({marks})", sorted(versions))

    # -- entity names in pinyin (reader.analysis.pinyin.readings), keyed by how they were read
    def readings(self, names: list[str], version: str) -> dict[str, tuple[str, ...]]:
        """The stored readings of those of ``names`` that have them (a name may have none)."""
        found: dict[str, tuple[str, ...]] = {}
        try:
            rows = rows_in(
                self.connection,
                "SELECT name, readings FROM readings WHERE version = ? AND name IN ({marks})",
                [version],
                names,
            )
            found.update((name, tuple(text.split("\n")) if text else ()) for name, text in rows)
        except sqlite3.DatabaseError as error:
            raise self._unavailable(error) from error
        return found

    def put_readings(self, items: dict[str, tuple[str, ...]], version: str) -> None:
        """Store names' readings; those of any other version are dropped (read again if asked)."""
        with self.transaction() as db:
            db.execute("DELETE FROM readings WHERE version != ?", (version,))
            db.executemany(
                "INSERT OR REPLACE INTO readings (version, name, readings) VALUES (?, ?, ?)",
                [(version, name, "\n".join(lines)) for name, lines in items.items()],
            )

    # -- what each file held when it was last read: (size, mtime_ns) → content hash
    def file_hashes(self, paths: list[str]) -> dict[str, tuple[int, int, str]]:
        """The size, modification time (ns) and content hash last recorded for each path."""
        found: dict[str, tuple[int, int, str]] = {}
        try:
            rows = rows_in(
                self.connection, "SELECT path, size, mtime_ns, content_hash FROM file_hashes WHERE path IN ({marks})", [], paths
            )
            found.update((path, (size, mtime, content_hash)) for path, size, mtime, content_hash in rows)
        except sqlite3.DatabaseError as error:
            raise self._unavailable(error) from error
        return found

    def remember_file_hashes(self, items: list[tuple[str, int, int, str]]) -> None:
        """Record (path, size, mtime_ns, content hash) for files just read."""
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO file_hashes (path, size, mtime_ns, content_hash) VALUES (?, ?, ?, ?)",
                items,
            )

    # -- settings (last library, last article, …; window geometry stays in QSettings)
    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.connection.execute("SELECT value FROM settings WHERE key = :k", {"k": key}).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (:k, :v) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                {"k": key, "v": value},
            )

    # -- user corrections to entities, as JSON records in order
    def corrections(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT data FROM corrections ORDER BY id")]

    def add_correction(self, data: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO corrections (created, data) VALUES (:c, :d)", {"c": now(), "d": data})

    def replace_corrections(self, records: list[str]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM corrections")
            db.executemany(
                "INSERT INTO corrections (created, data) VALUES (?, ?)", [(now(), r) for r in records]
            )

    # -- reading state
    def mark_read(self, library: str, article_key: str, position: int = 0) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO reading (library, article_key, read_at, position) VALUES (:l, :k, :t, :p) "
                "ON CONFLICT (library, article_key) DO UPDATE SET read_at = excluded.read_at, "
                "position = excluded.position",
                {"l": library, "k": article_key, "t": now(), "p": position},
            )

    def read_keys(self, library: str) -> dict[str, int]:
        """Article keys read in ``library``, with the last reading position."""
        rows = self.connection.execute(
            "SELECT article_key, position FROM reading WHERE library = :l", {"l": library}
        )
        return dict(rows)


def _migrate(connection: sqlite3.Connection, version: int) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                for part in creating(statement, connection) if statement.strip() else ():
                    connection.execute(part)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def plain(error: sqlite3.DatabaseError, path: Path) -> str:
    """What went wrong with the database, for a person."""
    text = str(error)
    if "disk is full" in text or "database or disk is full" in text:
        return f"the disk is full ({path.parent})"
    if any(t in text for t in _CORRUPT):
        return f"the database {path} is damaged; it will be set aside and its notes saved when Reader next opens it"
    return f"{path}: {text}"


_IN_CHUNK = 900  # below SQLite's default limit of 999 parameters in one statement


def rows_in(db: sqlite3.Connection, sql: str, head: list[object], keys: list[str]) -> Iterator[tuple]:
    """The rows of ``sql`` for ``keys``, a chunk at a time: ``sql`` holds ``{marks}`` where the
    IN list goes, after the parameters ``head``."""
    for i in range(0, len(keys), _IN_CHUNK):
        chunk = keys[i : i + _IN_CHUNK]
        yield from db.execute(sql.format(marks=",".join("?" * len(chunk))), [*head, *chunk])


# The hexadecimal content-hash ranges a copy or drop of a version goes by, a transaction each.
_HASH_BOUNDS = ("", *"123456789abcdefg")
_HASH_PARTS = tuple(f"content_hash >= '{lo}'" + (f" AND content_hash < '{hi}'" if hi else "") for lo, hi in zip(_HASH_BOUNDS, (*_HASH_BOUNDS[1:], None)))
