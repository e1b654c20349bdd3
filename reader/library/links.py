"""``reader://`` links and the places they name: built by the exports, parsed by the command line.

A link names a library (its id: the resolved folders joined by ``|``), an article (its key: the
path relative to the library folder) and a passage (code points, half-open)::

    reader://open?library=/home/me/articles&article=汽车/xiaomi.md&offset=120&end=134

``offset`` and ``end`` are optional (no offset: the article's start; no end: the passage is the
paragraph at ``offset``). A ``file://`` URL or a plain path opens that file or folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from reader.errors import ReaderError
from reader.library.identity import library_folders

SCHEME = "reader"


class LinkError(ReaderError):
    """A link that does not name a place: the message says what is wrong with it."""


@dataclass(frozen=True, slots=True)
class Location:
    """What to open: the library's ``paths``, optionally one ``article`` in it (its key, or a
    path or file name the window matches), and a passage ``[start, end)`` in code points."""

    paths: tuple[Path, ...]
    article: str = ""
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.start < 0:
            raise ValueError(f"location offset {self.start} is negative")
        if self.end is not None and (self.start is None or self.end < self.start):
            raise ValueError(f"location end {self.end} is before its offset {self.start}")


def reader_link(library: str, article_key: str, offset: int, end: int | None = None) -> str:
    """A link that opens ``article_key`` of ``library`` at ``offset`` (code points)."""
    query: dict[str, str | int] = {"library": library, "article": article_key, "offset": offset}
    if end is not None and end > offset:
        query["end"] = end
    return f"{SCHEME}://open?" + urlencode(query, quote_via=quote)


_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_link(argument: str) -> bool:
    """Whether a command-line argument is a URL rather than a path (``reader:``, ``file:``, or
    any ``scheme://``, which :func:`parse_link` then refuses by name)."""
    return bool(_URL.match(argument)) or argument.lower().startswith((f"{SCHEME}:", "file:"))


def parse_link(link: str) -> Location:
    """The place a ``reader://`` or ``file://`` link names. LinkError says what is wrong."""
    parts = urlsplit(link)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return Location((_file_path(link, parts.netloc, parts.path),))
    if scheme != SCHEME:
        raise LinkError(f"{link}: not a reader:// or file:// link")
    if parts.netloc != "open":
        raise LinkError(f"{link}: Reader only knows reader://open?… links")
    try:
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError as error:
        raise LinkError(f"{link}: the part after '?' is not a query ({error})") from error
    library = _single(link, query, "library")
    if not library:
        raise LinkError(f"{link}: it names no library (library=…)")
    paths = library_folders(library)
    relative = [str(p) for p in paths if not p.is_absolute()]
    if relative:
        raise LinkError(f"{link}: the library {relative[0]!r} is not an absolute path")
    start = _number(link, query, "offset")
    end = _number(link, query, "end")
    if end is not None and start is None:
        raise LinkError(f"{link}: end={end} without an offset")
    if end is not None and start is not None and end < start:
        raise LinkError(f"{link}: end={end} is before offset={start}")
    return Location(paths, _single(link, query, "article"), start, end)


def _file_path(link: str, host: str, path: str) -> Path:
    if host not in ("", "localhost"):
        raise LinkError(f"{link}: a file on another computer ({host}) cannot be opened")
    if not path:
        raise LinkError(f"{link}: it names no file")
    return Path(unquote(path))


def _single(link: str, query: dict[str, list[str]], name: str) -> str:
    values = query.get(name, [])
    if len(values) > 1:
        raise LinkError(f"{link}: {name} is given {len(values)} times")
    return values[0] if values else ""


def _number(link: str, query: dict[str, list[str]], name: str) -> int | None:
    value = _single(link, query, name)
    if value == "":
        return None
    if not value.isascii() or not value.isdigit():
        raise LinkError(f"{link}: {name}={value!r} is not a position (a whole number from 0)")
    return int(value)
