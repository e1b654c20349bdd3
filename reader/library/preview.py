"""A library as its stored list shows it while it is read (reader.library.catalogue): the window
lists its articles and opens one from its payload within a second or two of a reopen, where
reading the library itself takes seconds more at 100k articles (bench/RESULTS.md, "The list
before the library"). It knows no names across the library and searches nothing: the window
says those are still being read (``being_read``) until the library is in and replaces it."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.model import Analysis
from reader.ingest.model import Article
from reader.library.library import Library
from reader.library.payloads import Payloads


class ListedLibrary(Library):
    """The stored list's articles, each listed (its text and blocks read when it is opened),
    and each one's analysis read whole from its payload when it is opened: the opened article
    shows every layer. Its indexes are empty: no name is counted, no text searched."""

    def __init__(self, root: str, articles: Sequence[Article], payloads: Payloads) -> None:
        super().__init__(root, articles, {}, payloads=payloads, listed=[a.key for a in articles])

    def _build(self, i: int, keep: bool) -> Analysis:
        """The article's mentions, figures and quotes, read whole from its payload (``analysis``
        keeps the last few, as the library's does)."""
        opened, full = self._read(i, keep)
        return full.build(opened.text)


def being_read(library: Library | None) -> bool:
    """Whether ``library`` is only its stored list, the library itself still being read: its
    names, cards and search are not known yet (a panel says so rather than answer wrong)."""
    return isinstance(library, ListedLibrary)

