"""A damaged database set aside and what the user made saved from it: the user's tables are
checked at every open (only they: the analysis cache can always be rebuilt), and a damaged file's
readable rows are copied, row by row, into the fresh database that replaces it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_marker(path: Path) -> Path:
    return path.with_name(path.name + ".damaged")


# The tables that hold what the user made; the analysis cache can always be rebuilt.
_USER_TABLES = ("annotations", "corrections", "reading", "settings")


def check_user_tables(connection: sqlite3.Connection) -> None:
    """Raise if a table the user's work lives in is damaged (a valid header over bad pages).
    Only those tables and their indexes are read: the cache may be hundreds of megabytes."""
    for table in _USER_TABLES:
        problems = [row[0] for row in connection.execute(f"PRAGMA quick_check({table})")]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError(f"database disk image is malformed: {problems[0]}")


def salvage(moved: Path, into: sqlite3.Connection) -> int:
    """Copy the rows of the user's tables that can still be read from the moved-aside file into
    the new database, row by row (a damaged page loses only its rows); how many were saved."""
    saved = 0
    try:
        old = sqlite3.connect(f"file:{moved}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return 0
    try:
        for table in _USER_TABLES:
            try:
                columns = [row[1] for row in old.execute(f"PRAGMA table_info({table})")]
                wanted = [row[1] for row in into.execute(f"PRAGMA table_info({table})")]
                shared = [c for c in columns if c in wanted]
                if not shared:
                    continue
                names = ", ".join(shared)
            except sqlite3.DatabaseError:
                continue
            rows = _readable_rows(old, table, names, rowids=table in ("annotations", "corrections"))
            marks = ", ".join("?" * len(shared))
            into.execute("BEGIN IMMEDIATE")
            for row in rows:
                try:
                    into.execute(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})", row)
                    saved += table in ("annotations", "corrections")
                except sqlite3.DatabaseError:
                    continue
            into.execute("COMMIT")
    finally:
        old.close()
    return saved


def _readable_rows(old: sqlite3.Connection, table: str, names: str, rowids: bool) -> list[tuple]:  # type: ignore[type-arg]
    """Every row a scan can reach; in a rowid table, the scan resumes past a damaged page."""
    rows: list[tuple] = []  # type: ignore[type-arg]
    if not rowids:  # a WITHOUT ROWID table: what the scan reaches before a damaged page
        try:
            for row in old.execute(f"SELECT {names} FROM {table}"):
                rows.append(row)
        except sqlite3.DatabaseError:
            pass
        return rows
    last, skips = -(2**63), 0
    while skips < _MAX_SKIPS:
        try:
            for row in old.execute(f"SELECT rowid, {names} FROM {table} WHERE rowid > ? ORDER BY rowid", (last,)):
                rows.append(row[1:])
                last = row[0]
            return rows
        except sqlite3.DatabaseError:
            last, skips = last + 1 if last > -(2**63) else 0, skips + 1
    return rows


_MAX_SKIPS = 100_000  # rowids stepped over past damaged pages before giving up
