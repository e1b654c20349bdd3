"""The cross-article mention index: for each entity, where the library mentions it, as packed
(article, start, end) int triples built from the analyses, read back as keyword-in-context
MentionRefs only when a list asks for them; and the summary a panel shows of each entity."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import overload

from reader.analysis.model import EntityType
from reader.ingest.model import Article
from reader.library.codec import RawAnalysis
from reader.library.texts import Texts

CONTEXT_CHARS = 30  # each side of a mention in a keyword-in-context line


@dataclass(frozen=True, slots=True)
class EntitySummary:
    name: str
    type: EntityType
    aliases: tuple[str, ...]  # surfaces seen, most frequent first
    mentions: int
    articles: tuple[str, ...]  # article keys, in library order
    stories: int = 0  # the articles with each story's copies (reprints) counted once; 0: not counted


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One mention somewhere in the library, with its keyword-in-context line."""

    article: str
    start: int
    end: int
    surface: str
    before: str
    after: str


class MentionList(Sequence[MentionRef]):
    """Every mention of one entity, in library order, made into MentionRefs only when read:
    a list view asks for the rows it shows, not for all hundred thousand."""

    def __init__(self, articles: tuple[Article, ...], texts: Texts, refs: array) -> None:
        self._articles = articles
        self._texts = texts  # each article's text (read from the cache for a listed one)
        self._refs = refs  # flattened (article index, start, end) triples

    def __len__(self) -> int:
        return len(self._refs) // 3

    @overload
    def __getitem__(self, index: int) -> MentionRef: ...

    @overload
    def __getitem__(self, index: slice) -> list[MentionRef]: ...

    def __getitem__(self, index: int | slice) -> MentionRef | list[MentionRef]:
        if isinstance(index, slice):
            rows = range(*index.indices(len(self)))
            articles = list(dict.fromkeys(self._refs[3 * row] for row in rows))
            texts = dict(zip(articles, self._texts.many(articles, keep=len(articles) <= _KEPT_FROM_SLICE)))  # read at once
            return [self._ref(row, texts) for row in rows]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._ref(index, None)

    def _ref(self, row: int, texts: dict[int, str] | None) -> MentionRef:
        i, start, end = self._refs[3 * row : 3 * row + 3]
        text = self._texts[i] if texts is None else texts[i]
        return MentionRef(
            article=self._articles[i].key,
            start=start,
            end=end,
            surface=text[start:end],
            before=line_part(text[max(0, start - CONTEXT_CHARS) : start], left=True),
            after=line_part(text[end : end + CONTEXT_CHARS], left=False),
        )


Index = dict[str, array]
_KEPT_FROM_SLICE = 100  # the texts of a slice of rows kept when they are this few (a list's page)


def index_mentions(raws: Sequence[RawAnalysis]) -> tuple[Index, dict[str, Counter[str]], list[tuple[str, ...]]]:
    """Each entity's mentions across ``raws`` (in library order), its types counted, and each
    article's entity names."""
    if sum(len(raw.mentions) for raw in raws) >= _ARRAY_INDEX_MIN * 4:
        return _by_arrays(raws)
    return _by_loop(raws)


def _by_loop(raws: Sequence[RawAnalysis]) -> tuple[Index, dict[str, Counter[str]], list[tuple[str, ...]]]:
    index: Index = {}
    types: dict[str, Counter[str]] = defaultdict(Counter)
    article_entities: list[tuple[str, ...]] = []
    for i, raw in enumerate(raws):
        local: list[array] = []
        for name, mention_type in zip(raw.entities, raw.types):
            refs = index.get(name)
            if refs is None:
                refs = index[name] = array("i")
            local.append(refs)
            types[name][mention_type] += 1
        flat = raw.mentions
        for start, end, entity in zip(flat[0::4], flat[1::4], flat[2::4]):
            local[entity].extend((i, start, end))
        article_entities.append(tuple(raw.entities))
    return index, types, article_entities


def _by_arrays(raws: Sequence[RawAnalysis]) -> tuple[Index, dict[str, Counter[str]], list[tuple[str, ...]]]:
    """The same index as ``_by_loop``, with every mention placed by numpy: the loop extended
    an array once per mention (0.5 s of a 10k reopen, 9.8 s at 100k). The articles are placed
    a few thousand at a time, each name's triples appended to its array: placing all 7.8M
    mentions of 100k articles at once held ~0.5 GB of arrays for a moment (the peak of a
    reopen), for an index of 94 MB."""
    import numpy as np  # noqa: PLC0415 - a large library's only; a launch paints without it

    types: dict[str, Counter[str]] = defaultdict(Counter)
    article_entities: list[tuple[str, ...]] = []
    ids: dict[str, int] = {}  # every name, in order of first mention
    refs: list[array] = []  # each name's triples, by its id
    for first in range(0, len(raws), _ARTICLES_AT_ONCE):
        part = raws[first : first + _ARTICLES_AT_ONCE]
        names: list[str] = []  # the part's entity names, one article after another
        local_types: list[str] = []
        starts = array("q")  # where each article's names begin in ``names``
        counts = array("q")  # each article's number of mentions
        for raw in part:
            starts.append(len(names))
            counts.append(len(raw.mentions) // 4)
            names += raw.entities
            local_types += raw.types
            article_entities.append(tuple(raw.entities))
        for name in names:
            if name not in ids:
                ids[name] = len(ids)
                refs.append(array("i"))
        for (name, mention_type), n in Counter(zip(names, local_types)).items():  # in order of first mention too
            types[name][mention_type] += n
        if not any(counts):
            continue
        local_ids = np.fromiter(map(ids.__getitem__, names), dtype=np.intc, count=len(names))
        flat = np.frombuffer(b"".join(raw.mentions.tobytes() for raw in part), dtype=np.intc).reshape(-1, 4)
        count_array = np.frombuffer(counts, dtype=np.int64)
        name_id = local_ids[np.repeat(np.frombuffer(starts, dtype=np.int64), count_array) + flat[:, 2]]
        order = np.argsort(name_id, kind="stable")  # library order kept within each name
        triples = np.empty((len(order), 3), dtype=np.intc)
        triples[:, 0] = np.repeat(np.arange(first, first + len(part), dtype=np.intc), count_array)[order]
        triples[:, 1] = flat[order, 0]
        triples[:, 2] = flat[order, 1]
        bounds = np.concatenate(([0], np.cumsum(np.bincount(name_id, minlength=len(ids)))))
        for k in np.flatnonzero(np.diff(bounds)).tolist():
            refs[k].frombytes(triples[bounds[k] : bounds[k + 1]].tobytes())
    return {name: refs[k] for name, k in ids.items()}, types, article_entities


def reindex(
    index: Index,
    types: dict[str, Counter[str]],
    before: Sequence[RawAnalysis],
    new: dict[int, RawAnalysis],
    names: Iterable[str] | None = None,
) -> set[str]:
    """Update ``index`` and ``types`` (copies the caller may change) for the analyses ``new``
    replacing those of ``before`` at the same articles: only the names whose mentions (or
    type) changed somewhere are indexed again — ``names`` when the caller knows them (a
    correction: the names it is about), else found by comparing each article's mentions.
    Returns the names indexed again."""
    if names is None:
        changed: set[str] = set()
        for i, raw in new.items():
            spans_before, spans_after = _spans_by_name(before[i]), _spans_by_name(raw)
            changed.update(n for n in spans_before.keys() | spans_after.keys() if spans_before.get(n) != spans_after.get(n))
    else:
        changed = set(names)
    large = sum(len(raw.mentions) for raw in new.values()) >= _ARRAY_INDEX_MIN * 4
    refs_of = (_new_refs_by_arrays if large else _new_refs_by_loop)(index, new, changed, len(before))
    for name in changed:
        counts = Counter(types.get(name, Counter()))
        for i, raw in new.items():
            was = before[i]
            if name in was.entities:
                counts[was.types[was.entities.index(name)]] -= 1
            if name in raw.entities:
                counts[raw.types[raw.entities.index(name)]] += 1
        refs = refs_of[name]
        if refs:
            index[name] = refs
            types[name] = +counts  # counts above zero only
        else:
            index.pop(name, None)
            types.pop(name, None)
    return changed


def _new_refs_by_loop(index: Index, new: dict[int, RawAnalysis], names: set[str], _articles: int) -> dict[str, array]:
    """Each name's triples in library order: the old ones of the articles left alone, and the
    new ones of the others."""
    out: dict[str, array] = {}
    for name in names:
        chunks: dict[int, array] = {}
        old_refs = index.get(name, array("i"))
        for j in range(0, len(old_refs), 3):
            if old_refs[j] not in new:
                chunks.setdefault(old_refs[j], array("i")).extend(old_refs[j : j + 3])
        for i, raw in new.items():
            if name in raw.entities:
                local = raw.entities.index(name)
                flat = raw.mentions
                chunk = chunks[i] = array("i")
                for k in [k for k, e in enumerate(flat[2::4]) if e == local]:
                    chunk.extend((i, flat[4 * k], flat[4 * k + 1]))
        refs = out[name] = array("i")
        for i in sorted(chunks):
            refs.extend(chunks[i])
    return out


def _new_refs_by_arrays(index: Index, new: dict[int, RawAnalysis], names: set[str], articles: int) -> dict[str, array]:
    """The same triples as ``_new_refs_by_loop``, placed by numpy: a correction of a name in
    every article of 10k took 0.3 s to pick its mentions out of each article one by one."""
    import numpy as np  # noqa: PLC0415 - a large library's only, as in _by_arrays

    ids = {name: k for k, name in enumerate(names)}
    order = sorted(new)
    raws = [new[i] for i in order]
    counts = np.fromiter((len(raw.mentions) // 4 for raw in raws), dtype=np.int64, count=len(raws))
    flat = np.frombuffer(b"".join(raw.mentions.tobytes() for raw in raws), dtype=np.intc).reshape(-1, 4)
    # each mention's name, as its number in ``ids`` (-1: not one of the names)
    firsts = np.cumsum([0] + [len(raw.entities) for raw in raws[:-1]], dtype=np.int64)
    local = np.full(int(firsts[-1]) + len(raws[-1].entities) if raws else 0, -1, dtype=np.intc)
    for first, raw in zip(firsts.tolist(), raws):
        for name, k in ids.items():
            if name in raw.entities:
                local[first + raw.entities.index(name)] = k
    name_of = local[np.repeat(firsts, counts) + flat[:, 2]] if len(flat) else np.zeros(0, np.intc)
    article = np.repeat(np.asarray(order, dtype=np.intc), counts)
    is_new = np.zeros(articles, dtype=bool)
    is_new[order] = True
    out: dict[str, array] = {}
    for name, k in ids.items():
        pick = name_of == k
        found = np.stack((article[pick], flat[pick, 0], flat[pick, 1]), axis=1)
        old = np.frombuffer(index.get(name, array("i")), dtype=np.intc).reshape(-1, 3)
        kept = old[~is_new[old[:, 0]]]
        both = np.concatenate((kept, found)) if len(kept) else found
        # the two never share an article: a stable sort by article keeps each one's order
        both = both[np.argsort(both[:, 0], kind="stable")]
        refs = out[name] = array("i")
        refs.frombytes(np.ascontiguousarray(both, dtype=np.intc).tobytes())
    return out


def _spans_by_name(raw: RawAnalysis) -> dict[str, tuple[str, list[int]]]:
    """Each local entity's type and the flat starts and ends of its mentions."""
    out: dict[str, tuple[str, list[int]]] = {name: (t, []) for name, t in zip(raw.entities, raw.types)}
    flat = raw.mentions
    for k in range(0, len(flat), 4):
        out[raw.entities[flat[k + 2]]][1].extend((flat[k], flat[k + 1]))
    return out


_ARRAY_INDEX_MIN = 50_000  # mentions (of 4 ints) from which numpy builds the index faster than a loop
_ARTICLES_AT_ONCE = 4096  # placed by numpy at a time (~300k mentions at 100k articles)


def line_part(context: str, *, left: bool) -> str:
    """Context stops at a block boundary: the text before the last or after the first newline."""
    return context.rsplit("\n", 1)[-1] if left else context.split("\n", 1)[0]
