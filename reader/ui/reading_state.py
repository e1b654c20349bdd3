"""Where the reader has been, kept in the store as they read: the articles read and the place
in each, the last article of each library and the last library opened. A write that fails
(disk full, database locked) is said in the status bar and reading goes on; without a store
nothing is kept."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.errors import StoreUnavailable
from reader.library.store import Store

Report = Callable[[str], None]


class ReadingState:
    def __init__(self, store: Store | None, report: Report) -> None:
        self._store = store
        self._report = report

    def read_positions(self, library: str) -> dict[str, int]:
        """The articles read in ``library``, with the offset at the top of the view when left."""
        return self._store.read_keys(library) if self._store is not None else {}

    def last_article(self, library: str) -> str | None:
        return self._store.setting(f"last_article:{library}") if self._store is not None else None

    def mark_read(self, library: str, key: str, top: int) -> None:
        """``key`` was read, down to ``top``, and is the article to open next time."""
        self._write(lambda store: store.mark_read(library, key, top))
        self._write(lambda store: store.set_setting(f"last_article:{library}", key))

    def remember_library(self, folders: Sequence[Path]) -> None:
        paths = [str(p) for p in folders]
        self._write(lambda store: store.set_setting("last_library", json.dumps(paths, ensure_ascii=False)))

    def _write(self, write: Callable[[Store], None]) -> None:
        if self._store is None:
            return
        try:
            write(self._store)
        except StoreUnavailable as error:
            self._report(f"Could not save reading state: {error}")
