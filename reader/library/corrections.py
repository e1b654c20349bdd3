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
