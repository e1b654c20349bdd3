"""Loading the article files under a set of paths, collecting per-file errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.ingest.discover import Found, discover

Progress = Callable[[int, int, str], None]  # (done, total, file)


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file that could not be loaded, and why, in words for the user."""

    file: str
    message: str


def find_articles(paths: Iterable[Path]) -> tuple[list[Found], list[LoadError]]:
    """Every article file under ``paths``; a missing path is an error, not an exception."""
    found: list[Found] = []
    errors: list[LoadError] = []
    for path in paths:
        try:
            found.extend(discover(path))
        except (FileNotFoundError, PermissionError) as error:
            errors.append(LoadError(str(path), _reason(error)))
    return found, errors


NOT_FOUND = "no such file or folder"


def _reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return NOT_FOUND
    return "permission denied"
