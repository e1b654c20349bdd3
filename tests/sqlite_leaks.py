"""Python 3.13 warns (ResourceWarning: unclosed database) when an SQLite connection is garbage
collected without being closed; 3.11 stays silent. This module makes 3.11 as strict: every
connection the suite opens is tracked, and one collected while still open is a failure of the
whole session (issue 20, point 14). tests/conftest.py installs it."""

from __future__ import annotations

import sqlite3
import traceback
import weakref
from collections import Counter

_connect = sqlite3.connect
_closed: set[int] = set()
_opened_at: dict[int, str] = {}
leaks: Counter[str] = Counter()


class _TrackedConnection(sqlite3.Connection):
    def close(self) -> None:
        _closed.add(id(self))
        super().close()


def _collected(key: int) -> None:
    if key not in _closed:
        leaks[_opened_at.get(key, "?")] += 1
    _closed.discard(key)
    _opened_at.pop(key, None)


def _tracked_connect(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - sqlite3.connect's own signature
    kwargs.setdefault("factory", _TrackedConnection)
    connection = _connect(*args, **kwargs)
    frames = [f for f in traceback.extract_stack(limit=12)[:-1] if "/reader/" in f.filename or "/tests/" in f.filename]
    _opened_at[id(connection)] = " <- ".join(f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}" for f in reversed(frames[-3:]))
    weakref.finalize(connection, _collected, id(connection))
    return connection


def install() -> None:
    sqlite3.connect = _tracked_connect  # type: ignore[assignment]
