"""Loading the article files under a set of paths, collecting per-file errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.errors import IngestError
from reader.ingest.discover import Found, discover
from reader.ingest.load import load_file
from reader.ingest.model import Article

Progress = Callable[[int, int, str], None]  # (done, total, file)


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file that could not be loaded, and why, in words for the user."""

    file: str
    message: str


@dataclass(frozen=True, slots=True)
class LoadResult:
    articles: tuple[Article, ...]
    errors: tuple[LoadError, ...]


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


def load_articles(
    paths: Iterable[Path], progress: Progress | None = None
) -> LoadResult:
    """Load every article under ``paths``. Bad files become errors; the rest still load."""
    found, errors = find_articles(paths)
    articles: list[Article] = []
    seen_keys: set[str] = set()
    for i, item in enumerate(found):
        try:
            article = load_file(item.path, item.root)
        except IngestError as error:
            errors.append(LoadError(error.file, error.message))
        else:
            if article.key in seen_keys:  # the same file reached through two paths
                continue
            seen_keys.add(article.key)
            articles.append(article)
        if progress is not None:
            progress(i + 1, len(found), item.relative)
    return LoadResult(tuple(articles), tuple(errors))


def _reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    return "permission denied"
