"""What the library list's filter keeps: the rows whose title, source, author, date, tags or
file hold the filter text in searching form (字節 finds 字节 and back, any Latin case), or — a
filter in Latin letters — whose title names an entity it spells in pinyin (zjtd: 字节跳动). A
closed story's row is kept when any of its copies is (虎嗅 finds the 36氪 row).

The list model asks it for every row at once: a Qt proxy's ``filterAcceptsRow`` written in
Python is called once per row on every reset (100k rows: 50 ms on the GUI thread, with no
filter typed at all)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate, compress

from reader.analysis.folding import search_form
from reader.analysis.pinyin import PinyinIndex, pinyin_query
from reader.ingest.model import Article
from reader.library.listing import listing_form, listing_forms


class ArticleFilter:
    def __init__(self) -> None:
        self.needle = ""  # in searching form; empty: every row is kept
        self._names: Callable[[], PinyinIndex] | None = None
        self._listings: Callable[[], dict[str, str]] | None = None
        self._forms: dict[str, str] = {}  # key → its listing's searching form, for the articles of _of
        self._of: object = None  # the articles the forms were made for (all of them)
        self._rows: object = None  # the rows the haystacks were made for
        self._haystacks: list[str] = []  # each row's form and its folded copies', one a row
        self._titles: tuple[str, list[int]] | None = None  # the rows' titles joined, and where each starts

    @property
    def active(self) -> bool:
        return bool(self.needle)

    def set_needle(self, text: str) -> None:
        self.needle = search_form(text.strip())

    def set_names(self, names: Callable[[], PinyinIndex] | None) -> None:
        """Where the library's names are read in pinyin: asked only when a filter in Latin
        letters comes (the loader has read them by then, off the GUI thread)."""
        self._names = names

    def set_listings(self, listings: Callable[[], dict[str, str]] | None) -> None:
        """Where the library's listings are in searching form, by key (``Library.listing_forms``):
        asked when a filter is first typed (the loader has folded them by then, off the GUI
        thread); without it the filter folds them itself."""
        self._listings = listings
        self._of = None

    def keep(
        self,
        rows: tuple[Article, ...],
        every: tuple[Article, ...],
        folded_copies: Callable[[tuple[Article, ...]], dict[int, tuple[Article, ...]]],
    ) -> tuple[Article, ...]:
        """The ``rows`` the filter keeps; ``every`` is every article of the list (the forms are
        made once for them, not again for each letter typed) and ``folded_copies`` gives the
        copies the rows that stand for a story's stand for, by row."""
        if not self.needle:
            return rows
        if self._of is not every:
            # a copy of the library's: the forms of articles it does not list are added to it
            self._forms = dict(self._listings()) if self._listings is not None else listing_forms(every)
            self._of, self._rows = every, None
        if self._rows is not rows:  # made once for the rows, not again for each letter typed
            form = self._form
            self._haystacks = list(map(form, rows))
            for i, copies in folded_copies(rows).items():
                self._haystacks[i] += "".join("\n" + form(c) for c in copies)
            self._rows, self._titles = rows, None
        needle = self.needle
        kept = [needle in h for h in self._haystacks]
        for i in self._rows_naming(pinyin_query(needle), rows):
            kept[i] = True
        return tuple(compress(rows, kept))

    def _form(self, article: Article) -> str:
        form = self._forms.get(article.key)
        if form is None:  # not among the articles the forms were given for
            form = self._forms[article.key] = listing_form(article)
        return form

    def _rows_naming(self, letters: str | None, rows: tuple[Article, ...]) -> frozenset[int]:
        """The rows whose title holds a name ``letters`` spell in pinyin."""
        found: set[int] = set()
        if not letters or self._names is None:
            return frozenset()
        if self._titles is None:
            titles = [self._form(a).partition("\n")[0] for a in rows]
            starts = list(accumulate((len(t) + 1 for t in titles[:-1]), initial=0)) if titles else []
            self._titles = ("\n".join(titles), starts)
        joined, starts = self._titles
        for name in self._names().matching(letters):
            folded = search_form(name)
            at = joined.find(folded)
            while at != -1:
                found.add(bisect_right(starts, at) - 1)
                at = joined.find(folded, at + len(folded))
        return frozenset(found)
