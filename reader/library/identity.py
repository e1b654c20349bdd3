"""A library's identity: the opened paths, as one stable string notes and reading state are
stored under."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

_ID_SEPARATOR = "|"


def library_id(paths: Iterable[Path]) -> str:
    """A stable name for a set of opened paths: their resolved locations (notes and reading
    state are stored under it)."""
    return _ID_SEPARATOR.join(sorted(str(p.resolve()) for p in paths))


def library_folders(root: str) -> tuple[Path, ...]:
    """The paths a library id names, in id order (the inverse of ``library_id``)."""
    return tuple(Path(p) for p in root.split(_ID_SEPARATOR) if p)
