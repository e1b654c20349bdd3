"""Article and Analysis to compact bytes and back, for the analysis cache."""

from __future__ import annotations

import json
import sys
import threading
import zlib
from array import array
from collections.abc import Callable, Sequence

from reader.analysis.model import Analysis, EntityType, Mention, Figure, FigureKind, Quote
from reader.analysis.pipeline import analysed_length, read_over
from reader.ingest.model import Article, Block, BlockKind, Style, StyleKind
from reader.library.reprints import Sketch, sketch
from reader.library import surfaces

_STYLE_KINDS = {k.value: k for k in StyleKind}
# The cache stores a mention's type and a block's kind as a position in these tables of values.
# The positions are part of the stored format, fixed here rather than taken from the enums'
# order, so a type added to EntityType anywhere cannot retype cached mentions: append only.
STORED_TYPES = ("person", "org", "product", "place")
STORED_BLOCKS = ("paragraph", "heading", "quote", "list_item", "caption")
_TYPE_LIST = tuple(EntityType(v) for v in STORED_TYPES)
_TYPE_INDEX = {t.value: i for i, t in enumerate(_TYPE_LIST)}
_BLOCK_LIST = tuple(BlockKind(v) for v in STORED_BLOCKS)
_BLOCK_INDEX = {k: i for i, k in enumerate(_BLOCK_LIST)}
# Bumped when the payload layout changes; part of the cache key, so old entries are not read.
FORMAT = "8"  # 7: quotes (who said what); 8: each payload carries the text's reprint sketch
_KINDS = {k.value: k for k in FigureKind}


def _head(article: Article, raw: RawAnalysis) -> dict:
    """What a payload and a listing both hold: the article's metadata and its entity names."""
    return {
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "date": article.date,
        "tags": article.tags,
        "url": article.url,
        "credits": [list(c) for c in article.credits],
        "entities": raw.entities,
        "types": raw.types,
        "partial": raw.partial,
    }


def encode(article: Article, analysis: Analysis | RawAnalysis) -> bytes:
    """Everything but the article's key, file and path, which depend on where it was found."""
    raw = analysis if isinstance(analysis, RawAnalysis) else RawAnalysis.of(analysis)
    doc = {
        **_head(article, raw),
        "text": article.text,
        "blocks": [x for b in article.blocks for x in (_BLOCK_INDEX[b.kind], b.start, b.end, b.level)],
        "styles": [[s.kind.value, s.start, s.end] for s in article.styles],
        "metrics": raw.figures,
        "quotes": raw.quotes,
        # Made where the article is analysed (a worker process on a first index), so that
        # grouping reprints on a reopen reads it instead of hashing every text again.
        "sketch": (raw.sketch or sketch(article.text)).to_text(),
    }
    # JSON for the few fields, a packed int array for the many mentions: decoding a list of
    # lists per mention was most of the time it took to reopen a library. JSON never holds a
    # NUL byte, so one separates the two.
    head = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    return zlib.compress(head + b"\0" + raw.mentions.tobytes(), 1)


def listing(
    article: Article, analysis: RawAnalysis, variants: str | None = None
) -> tuple[str, bytes, str, str, list[tuple[str, str, str]]]:
    """What a reopen reads of a cached analysis (the store's listings table): the article's
    metadata and its entity names (JSON), its mentions (packed ints), its reprint sketch and its
    text — all that the library's list and indexes need, none of what only an opened article
    does (blocks, styles, figures, quotes: in the payload) — and what it cites of each name
    (``cited``), stored apart for the entity cards. The head also holds the names written
    otherwise than as themselves (``variants``, else counted from the text), for the entity
    summaries."""
    head = _head(article, analysis)
    head["variants"] = variants if variants is not None else surfaces.variants(article.text, analysis.entities, analysis.mentions)
    return (
        json.dumps(head, ensure_ascii=False, separators=(",", ":")),
        analysis.mentions.tobytes(),
        (analysis.sketch or sketch(article.text)).to_text(),
        article.text,
        cited(analysis),
    )


def cited(analysis: RawAnalysis) -> list[tuple[str, str, str]]:
    """For each name a figure is about or a quote is by: (name, its figure rows, its quote rows)
    as JSON, the rows as the payload stores them (an entity card reads these)."""
    assert analysis.figures is not None and analysis.quotes is not None
    figures: dict[str, list[list]] = {}
    quotes: dict[str, list[list]] = {}
    for row in analysis.figures:
        if row[7] is not None:
            figures.setdefault(row[7], []).append(row)
    for row in analysis.quotes:
        if row[2] is not None:
            quotes.setdefault(row[2], []).append(row)
    return [
        (name, _json(figures.get(name, [])), _json(quotes.get(name, [])))
        for name in dict.fromkeys([*figures, *quotes])
    ]


def from_cited(*rows: tuple[str, str]) -> RawAnalysis:
    """An analysis holding only what an article cites of one name (``cited``'s rows, a
    (figures, quotes) pair for each name it went by in the cache): enough for
    ``figures_about`` and ``quotes_by`` of that name."""
    if len(rows) == 1:
        return RawAnalysis([], array("i"), _rows(rows[0][0]), [], None, _rows(rows[0][1]))
    figures = sorted((row for f, _ in rows for row in _rows(f)), key=lambda row: (row[0], row[1]))
    quotes = sorted((row for _, q in rows for row in _rows(q)), key=lambda row: (row[0], row[1]))
    return RawAnalysis([], array("i"), figures, [], None, quotes)


def _rows(text: str) -> list[list]:
    return [] if text == "[]" else json.loads(text)  # most articles cite a name for one of the two


def _json(rows: list[list]) -> str:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) if rows else "[]"


def decode_listing(
    head: str,
    mentions: bytes,
    stored_sketch: str,
    key: str,
    file: str,
    content_hash: str,
    path: str = "",
    listed: Article | None = None,
) -> tuple[Article, RawAnalysis]:
    """An article from its listing, without its text, blocks and styles (its text is "": the
    library reads it from the listing when it is wanted, reader.library.texts), and its
    analysis without its figures and quotes (``RawAnalysis.complete`` is False): those are read
    from the payload when the article is opened. Its variants are None when the listing was written without
    them (before they were stored). ``listed``: the same article as the library's stored list
    gave it (reader.library.catalogue), taken as it is instead of made again."""
    doc = json.loads(head)
    flat = array("i")
    flat.frombytes(mentions)
    article = listed if listed is not None else _article(doc, key, file, content_hash, path, "")
    return article, RawAnalysis(
        [_shared(name) for name in doc["entities"]],
        flat,
        None,
        [_shared(t) for t in doc["types"]],
        doc["partial"],
        None,
        Sketch.from_text(stored_sketch),
        variants=doc.get("variants"),
    )


def decode(payload: bytes, key: str, file: str, content_hash: str, path: str = "") -> tuple[Article, Analysis]:
    article, raw = decode_raw(payload, key, file, content_hash, path)
    return article, raw.build(article.text)


# Held while a stale analysis's figures and quotes are read (``RawAnalysis.reread``).
_READING = tuple(threading.Lock() for _ in range(61))


class RawAnalysis:
    """An analysis as the cache stores it: plain lists, turned into Mention and Figure objects
    only for the article someone looks at (a 10k library holds millions of mentions). One read
    from a listing has no figures and quotes yet (None: ``complete`` is False): they are in the
    cached payload. One whose mentions a correction changed has none either, and is ``stale``:
    they are read again over its mentions when wanted (``reread``), not from the payload."""

    __slots__ = ("entities", "mentions", "figures", "types", "partial", "quotes", "sketch", "renames", "stale", "_variants")

    def __init__(
        self,
        entities: list[str],
        mentions: array,
        figures: list[list] | None,
        types: list[str],
        partial: str | None = None,
        quotes: list[list] | None = [],  # noqa: B006 - never mutated; None: not read yet
        sketch: Sketch | None = None,
        renames: tuple[tuple[str, str], ...] = (),
        stale: bool = False,
        variants: str | Callable[[], str | None] | None = None,
    ) -> None:
        # the names written otherwise than as themselves (reader.library.surfaces), when the
        # listing had them; or how to tell them when first asked (a correction's rewrite)
        self._variants = variants
        self.stale = stale  # figures and quotes to be read over the mentions (a correction changed them)
        # (name in the cache, name now) for each entity renamed since the figures and quotes
        # were cached: applied to their subjects and speakers when they are read
        self.renames = renames
        self.quotes = quotes  # [start, end, speaker or None, cue start, cue end]
        self.sketch = sketch  # the text's reprint sketch, when the cache had it
        self.partial = partial  # why only part of the article was analysed, else None
        self.entities = entities  # local entity names; mentions refer to them by index
        self.types = types  # each local entity's type value, from its first mention
        self.mentions = mentions  # flat (start, end, entity index, type index) quadruples
        self.figures = figures  # [start, end, value, unit, implied, qualifier, label, subject, period, kind, measure]

    @property
    def variants(self) -> str | None:
        """The names written otherwise than as themselves (reader.library.surfaces), None when
        not stored; told when first asked for an analysis a correction rewrote (a merge of a
        name in every article of 10k spent a quarter of its time on variants nobody read)."""
        found = self._variants
        if callable(found):
            found = self._variants = found()
        return found

    @variants.setter
    def variants(self, stored: str | None) -> None:
        self._variants = stored

    @property
    def variants_as_told(self) -> str | Callable[[], str | None] | None:
        """The variants, or how to tell them if not yet told (to tell another analysis's by)."""
        return self._variants

    @property
    def complete(self) -> bool:
        """Whether the figures and quotes are here (else they are in the cached payload)."""
        return self.figures is not None and self.quotes is not None

    @property
    def unread(self) -> bool:
        """Whether the figures and quotes are still to be read again over corrected mentions
        (neither here nor, as they are now, in the cache)."""
        return self.stale and self.figures is None

    def with_payload_of(self, full: RawAnalysis) -> RawAnalysis:
        """This analysis with the figures and quotes of ``full``, the same analysis read
        from its payload (or from its cited rows), their subjects and speakers renamed as its
        entities have been since."""
        assert not self.stale, "a corrected analysis's figures are read again, not from its payload"
        figures, quotes = full.figures, full.quotes
        if self.renames:
            names = dict(self.renames)
            figures = _relabel(figures, _SUBJECT, names) if figures is not None else None
            quotes = _relabel(quotes, _SPEAKER, names) if quotes is not None else None
        return RawAnalysis(self.entities, self.mentions, figures, self.types, self.partial, quotes, self.sketch, variants=self._variants)

    def relabelled(self, old: str, new: str) -> RawAnalysis:
        """This analysis with entity ``old`` called ``new`` (a name it does not hold): the same
        mentions, and the same figures and quotes under the new name — relabelled here when
        they are held, else when they are read (``renames``)."""
        entities = [new if name == old else name for name in self.entities]
        if self.complete:
            assert self.figures is not None and self.quotes is not None
            names = {old: new}
            return RawAnalysis(
                entities,
                self.mentions,
                _relabel(self.figures, _SUBJECT, names),
                self.types,
                self.partial,
                _relabel(self.quotes, _SPEAKER, names),
                self.sketch,
                variants=self._variants,
            )
        if self.stale:  # read again over the mentions, under the names they have then
            return RawAnalysis(
                entities, self.mentions, None, self.types, self.partial, None, self.sketch, stale=True, variants=self._variants
            )
        renames = {cached: (new if now == old else now) for cached, now in self.renames}
        renames.setdefault(old, new)
        return RawAnalysis(
            entities, self.mentions, None, self.types, self.partial, None, self.sketch, tuple(renames.items()), variants=self._variants
        )

    def reread(self, article: Article) -> RawAnalysis:
        """This analysis with its figures and quotes, read again over its mentions if it is
        stale (~5 ms an article). They depend on nothing but the mentions and the article, so
        they are kept in it: every library holding this analysis (a correction's, and the
        next one's) reads them once, from whichever thread asks first: another that asks for
        the same article meanwhile waits for it (a card's worker and the cache's rewrite share
        the work). One lock for all articles let a worker reading one after another keep the
        window waiting for the article it opened; one for each (a correction makes 10k) took
        30 ms to make: a few dozen are shared, one to each article by its place in memory."""
        if self.complete or not self.stale:
            return self
        with _READING[(id(self) >> 4) % len(_READING)]:
            if self.complete:
                return self
            text = article.text
            mentions = self.mentions_in(text)
            found = RawAnalysis.of(read_over(text[: analysed_length(text)], mentions, article.date, self.partial, article.title or ""))
            self.quotes = found.quotes  # before the figures: ``complete`` checks the figures first
            self.figures = found.figures
        return self

    def same_mentions(self, other: RawAnalysis) -> bool:
        """Whether ``other`` holds the same mentions (and so reads the same figures and quotes)."""
        return (self.entities, self.types, self.mentions, self.partial) == (other.entities, other.types, other.mentions, other.partial)

    def mentions_in(self, text: str) -> tuple[Mention, ...]:
        """The mentions as objects (their surfaces sliced from ``text``), figures and quotes unread."""
        names = self.entities
        flat = self.mentions
        return tuple(
            Mention(s, e, names[i], _TYPE_LIST[t], text[s:e])
            for s, e, i, t in zip(flat[0::4], flat[1::4], flat[2::4], flat[3::4])
        )

    @classmethod
    def of_mentions(cls, mentions: Sequence[Mention], partial: str | None, sketch: Sketch | None) -> RawAnalysis:
        """An analysis of ``mentions`` whose figures and quotes are to be read over them (stale)."""
        raw = cls.of(Analysis(tuple(mentions), (), partial, ()))
        return cls(raw.entities, raw.mentions, None, raw.types, partial, None, sketch, stale=True)

    def cached_names(self, name: str) -> list[str]:
        """The names entity ``name`` may go by in the cached figures and quotes (itself, unless
        the cache's ``name`` was renamed away, and each name renamed to it since)."""
        cached = [before for before, now in self.renames if now == name]
        if all(before != name for before, _ in self.renames):
            cached.append(name)
        return cached

    @classmethod
    def of(cls, analysis: Analysis) -> RawAnalysis:
        entities: dict[str, int] = {}
        types: dict[str, str] = {}
        mentions = array("i")
        for m in analysis.mentions:
            types.setdefault(m.entity, m.type.value)
            mentions.extend((m.start, m.end, entities.setdefault(m.entity, len(entities)), _TYPE_INDEX[m.type.value]))
        figures = [
            [m.start, m.end, m.value, m.unit, m.unit_implied, m.qualifier, m.label, m.subject, m.period, m.kind.value, m.measure]
            for m in analysis.figures
        ]
        quotes = [[q.start, q.end, q.speaker, q.cue_start, q.cue_end] for q in analysis.quotes]
        return cls(list(entities), mentions, figures, [types[name] for name in entities], analysis.partial, quotes)

    def build(self, text: str) -> Analysis:
        assert self.figures is not None and self.quotes is not None, "figures and quotes not read yet"
        mentions = self.mentions_in(text)
        figures = tuple(
            Figure(s, e, text[s:e], v, u, ui, q, lb, sj, p, _KINDS[k], ms)
            for s, e, v, u, ui, q, lb, sj, p, k, ms in self.figures
        )
        quotes = tuple(Quote(*q) for q in self.quotes)
        return Analysis(mentions, figures, self.partial, quotes)

    def figures_about(self, subject: str, text: str) -> tuple[Figure, ...]:
        """Only the figures whose subject is ``subject`` (an entity card wants a few figures
        from each of many articles, not every mention of them)."""
        assert self.figures is not None, "figures not read yet"
        return tuple(
            Figure(s, e, text[s:e], v, u, ui, q, lb, sj, p, _KINDS[k], ms)
            for s, e, v, u, ui, q, lb, sj, p, k, ms in self.figures
            if sj == subject
        )


    def quotes_by(self, speaker: str) -> tuple[Quote, ...]:
        """Only the quotes whose speaker is ``speaker`` (for an entity card across the library)."""
        assert self.quotes is not None, "quotes not read yet"
        return tuple(Quote(*q) for q in self.quotes if q[2] == speaker)


_SUBJECT = 7  # a figure row's subject
_SPEAKER = 2  # a quote row's speaker


def _relabel(rows: list[list], column: int, names: dict[str, str]) -> list[list]:
    """``rows`` with the names in ``column`` renamed by ``names`` (rows that change are copied:
    a row may be shared with the analysis it came from)."""
    return [
        row if row[column] not in names else [*row[:column], names[row[column]], *row[column + 1 :]] for row in rows
    ]


def _article(doc: dict, key: str, file: str, content_hash: str, path: str, text: str, **parts: tuple) -> Article:
    """The article a payload's or a listing's head describes (``parts``: its blocks and styles)."""
    source, author, date = (None if doc[f] is None else _shared(doc[f]) for f in ("source", "author", "date"))
    return Article(
        key=key,
        file=file,
        title=doc["title"],
        text=text,
        source=source,
        author=author,
        date=date,
        tags=tuple(_shared(t) for t in doc["tags"]),
        url=doc["url"],
        content_hash=content_hash,
        path=path,
        credits=tuple((role, name) for role, name in doc.get("credits", ())),
        **parts,
    )


def decode_raw(payload: bytes, key: str, file: str, content_hash: str, path: str = "") -> tuple[Article, RawAnalysis]:
    data = zlib.decompress(payload)
    cut = data.index(b"\0")
    doc = json.loads(data[:cut])
    mentions = array("i")
    mentions.frombytes(data[cut + 1 :])
    flat = doc["blocks"]
    article = _article(
        doc,
        key,
        file,
        content_hash,
        path,
        doc["text"],
        blocks=tuple(
            Block(_BLOCK_LIST[k], s, e, lv) for k, s, e, lv in zip(flat[0::4], flat[1::4], flat[2::4], flat[3::4])
        ),
        styles=tuple(Style(_STYLE_KINDS[k], s, e) for k, s, e in doc["styles"]),
    )
    stored = doc.get("sketch")
    return article, RawAnalysis(
        [_shared(name) for name in doc["entities"]],
        mentions,
        _shared_columns(doc["metrics"], _FIGURE_WORDS),
        [_shared(t) for t in doc["types"]],
        doc.get("partial"),
        _shared_columns(doc.get("quotes") or [], _QUOTE_WORDS),
        Sketch.from_text(stored) if stored else None,
    )


# The words that recur from article to article — entity names and types, a figure's unit, label,
# subject, period, kind and measure, a quote's speaker, a source — are decoded as one string
# each, not one per article: JSON makes a new string every time, and at 100k articles those
# copies were a third of the library's memory (~850 MB of 2.9 GB; bench/RESULTS.md).
_shared = sys.intern
_FIGURE_WORDS = (3, 5, 6, 7, 8, 9, 10)  # unit, qualifier, label, subject, period, kind, measure
_QUOTE_WORDS = (2,)  # speaker


def _shared_columns(rows: list[list], columns: tuple[int, ...]) -> list[list]:
    """``rows`` with the strings in ``columns`` shared (in place: the rows are fresh from JSON)."""
    for row in rows:
        for c in columns:
            value = row[c]
            if value.__class__ is str:
                row[c] = _shared(value)
    return rows

