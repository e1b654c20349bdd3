"""The articles of a library folder, read for notes: just their text and metadata.

Exports and imports need the current text (to re-anchor) and the title, source and date (for
the front matter), not entities or figures, so they read and clean the files without running
the analysis.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from reader.errors import IngestError
from reader.ingest.load import load_file
from reader.ingest.model import Article
from reader.library.corpus import LoadError, find_articles


def load_articles(folder: Path, keys: Collection[str] | None = None) -> tuple[dict[str, Article], list[LoadError]]:
    """Articles under ``folder`` by key (their path relative to it), only those in ``keys``
    when given; files that cannot be read are returned as errors."""
    found, errors = find_articles([folder])
    articles: dict[str, Article] = {}
    for item in found:
        if keys is not None and item.relative not in keys:
            continue
        try:
            articles[item.relative] = load_file(item.path, item.root)
        except IngestError as error:
            errors.append(LoadError(error.file, error.message))
    return articles, errors


def article_key(folder: Path, file: str) -> str:
    """The key of ``file`` as a user names it on the command line: a path to the file (absolute,
    or relative to the current folder) inside ``folder``, or already a key."""
    path = Path(file)
    if path.exists():
        root = folder.resolve() if folder.is_dir() else folder.resolve().parent
        try:
            return path.resolve().relative_to(root).as_posix()
        except ValueError:
            pass
    return Path(file).as_posix()
