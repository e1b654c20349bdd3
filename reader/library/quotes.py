"""Quotes as the window lists them, Qt-free: one article's in reading order, and an entity's
across the library, newest article first."""

from __future__ import annotations

from dataclasses import dataclass

from reader.analysis.model import Quote
from reader.ingest.model import Article
from reader.library.library import Library

# A quote's words are shown whole up to this many characters, then cut with an ellipsis (the
# tooltip has them all): a reported clause can run to a paragraph.
SHOWN_CHARS = 160


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """A quote and where it is: its article's key, title and date, and the words said."""

    article: str
    title: str
    date: str | None
    quote: Quote
    words: str

    @property
    def speaker(self) -> str | None:
        return self.quote.speaker

    @property
    def short(self) -> str:
        return self.words if len(self.words) <= SHOWN_CHARS else self.words[: SHOWN_CHARS - 1] + "…"


def _ref(article: Article, quote: Quote, text: str) -> QuoteRef:
    return QuoteRef(article.key, article.title, article.date, quote, text[quote.start : quote.end])


def quotes_in(article: Article, quotes: tuple[Quote, ...]) -> tuple[QuoteRef, ...]:
    """An article's quotes, in reading order."""
    return tuple(_ref(article, q, article.text) for q in sorted(quotes, key=lambda q: q.start))


def quotes_by(library: Library, name: str, unread: bool = True) -> tuple[QuoteRef, ...]:
    """Every quote the entity ``name`` said, across the library: the newest article first
    (undated ones last), in reading order within an article (``unread``: Library.quotes_by)."""
    found = library.quotes_by(name, unread)
    keys = list(dict.fromkeys(key for key, _ in found))
    texts = dict(zip(keys, library.texts(keys)))  # a listed article's is read from the cache
    refs = [_ref(library.listed(key), q, texts[key]) for key, q in found]
    # Two stable sorts: reading order, then by date descending, undated last.
    refs.sort(key=lambda r: r.quote.start)
    refs.sort(key=lambda r: r.date or "", reverse=True)
    return tuple(refs)
