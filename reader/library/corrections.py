"""The user's entity corrections as the store keeps them: read by the window and by
``reader extract`` alike, so the command line sees what the user corrected."""

from __future__ import annotations

from reader.analysis.corrections import Corrections
from reader.library.store import Store


def stored_corrections(store: Store | None) -> Corrections:
    """The user's entity corrections: one stored row per correction, each in the corrections
    file form, so a row is readable (and exportable) on its own."""
    if store is None:
        return Corrections()
    items = []
    for row in store.corrections():
        items.extend(Corrections.from_json(row).items)
    return Corrections(tuple(items))


class CorrectionLog:
    """The user's corrections with undo and redo. Each step remembers the stored list before
    and after it, so undoing a step restores exactly what was there (a merge undone brings both
    names back; a name marked by mistake disappears again)."""

    def __init__(self, store: Store, limit: int = 100) -> None:
        self._store = store
        self._limit = limit
        self._done: list[tuple[list[str], list[str]]] = []
        self._undone: list[tuple[list[str], list[str]]] = []

    def add(self, correction: Corrections) -> None:
        """Store ``correction``; ``StoreUnavailable`` leaves nothing recorded."""
        before = self._store.corrections()
        for item in correction.items:
            self._store.add_correction(Corrections((item,)).to_json())
        self._done.append((before, self._store.corrections()))
        del self._done[: -self._limit]
        self._undone.clear()

    def undo(self) -> bool:
        if not self._done:
            return False
        before, after = self._done[-1]
        self._store.replace_corrections(before)
        self._undone.append(self._done.pop())
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        before, after = self._undone[-1]
        self._store.replace_corrections(after)
        self._done.append(self._undone.pop())
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)
