"""What the library list's filter searches of each article: its listing — title, source,
author, date, tags and file, one a line — in searching form. Folded for every article at once
(one call an article is 3 µs: a third of a second for 100k), by the loader off the GUI thread
(``Library.listing_forms``), or by the filter when it is first typed before that."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.folding import search_form
from reader.ingest.model import Article


def listing(a: Article) -> str:
    """An article's listing, one field a line (the title first)."""
    return "\n".join((a.title, a.source or "", a.author or "", a.date or "", " ".join(a.tags), a.file))


def listing_form(a: Article) -> str:
    return search_form(listing(a))


_APART = "\x1f"  # between articles folded at once: no field holds it, and it folds to itself


def listing_forms(articles: Sequence[Article]) -> dict[str, str]:
    """Every article's listing in searching form, by key, folded in one call (one at a time
    when a field holds the separator after all)."""
    forms = search_form(_APART.join(map(listing, articles))).split(_APART)
    if len(forms) != len(articles):
        forms = [listing_form(a) for a in articles]
    return dict(zip([a.key for a in articles], forms))
