"""A correction applied over analyses already made (issue 18, point 2).

Re-analysing every article because the user renamed one entity costs minutes at 10k articles.
A correction only changes the mentions of the names it is about, so it is applied to the
analyses the library holds (and to the cached ones) as a rewrite of those mentions: rename,
retype, merge and split relabel them, ignore drops them, and an added entity is matched in the
text of each article, where it wins over the shorter names it covers and yields to longer ones.
The figures and quotes of an article whose mentions changed must be read again over the new
mentions (a subject or a speaker is a mention, chosen by its type and by the names around it):
~5 ms an article, a minute for a name in every article of 10k. So the library is handed over
with its mentions corrected and those articles' figures and quotes still to be read
(``RawAnalysis.stale``); they are read when an opened article, a card or the cache's rewrite
wants them, once (the rewrite, in the background, reads them for the library too). A rename
to a name the library does not hold changes no mention but its name: the library is
relabelled (``Library.renamed``), and nothing is read. ``tests/library/test_corrected.py``
checks that this agrees with analysing afresh under the corrections, on real articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from reader.analysis.corrections import (
    AddEntity,
    Correction,
    Ignore,
    Merge,
    Rename,
    Retype,
    SplitAlias,
)
from reader.analysis.folding import matching_form
from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analysis, analysed_length
from reader.ingest.model import Article
from reader.library import surfaces
from reader.library.codec import FORMAT, RawAnalysis, decode_raw, encode, listing
from reader.library.library import Library
from reader.library.mention_rewrite import ignore_reads_text, rewritten
from reader.library.store import Listed, Store


def names_of(correction: Correction) -> tuple[str, ...]:
    """The names (canonical or surface) an article must hold for ``correction`` to touch it."""
    if isinstance(correction, Rename):
        return (correction.old,)
    if isinstance(correction, Retype):
        return (correction.name,)
    if isinstance(correction, Merge):
        return (correction.source, correction.target)
    if isinstance(correction, SplitAlias):
        return (correction.alias,)
    if isinstance(correction, Ignore):
        return (correction.name,)
    return (correction.name, *correction.aliases)


def touched(library: Library, correction: Correction) -> list[Article]:
    """The articles ``correction`` may change: those linking one of its names (for an ignored
    or split surface, one of the names that go by it), and for an added entity those whose text
    holds it."""
    names = names_of(correction)
    if isinstance(correction, Ignore | SplitAlias):
        # only mentions are dropped or relabelled: those of the names that go by the surface
        names = tuple(changing(library, correction) or ())
    keys: set[str] = set()
    for name in names:
        keys.update(library.articles_naming(name))
    if isinstance(correction, AddEntity):
        keys.update(library.articles_holding([n for n in names if n]))
    return [a for a in library.articles if a.key in keys]


def correct(article: Article, analysis: Analysis, correction: Correction, types: dict[str, EntityType]) -> Analysis:
    """``analysis`` of ``article`` with ``correction`` applied to its mentions, and its figures
    explained again over them. ``types`` gives the library's type of each entity (a merge
    takes the target's)."""
    raw = RawAnalysis.of(analysis)
    after = correct_raw(article, raw, correction, types)
    return analysis if after is raw else after.reread(article).build(article.text)


def correct_raws(
    articles: Sequence[Article], raws: Sequence[RawAnalysis], correction: Correction, types: dict[str, EntityType]
) -> list[RawAnalysis]:
    """Each of ``raws`` (the analyses of ``articles``) with ``correction`` applied to its
    mentions: itself when they do not change; else, for a new name, the same analysis
    relabelled, and for any other correction one whose figures and quotes are read again over
    the new mentions when they are wanted (stale: a subject or a speaker is a mention, chosen
    by its type and by the names around it). Retypes, merges and ignores rewrite the packed
    mentions of every article at once (reader.library.mention_rewrite); the others correct
    each article's Mention objects."""
    if isinstance(correction, Rename) and correction.new not in types:
        # a new name for the same mentions: whose each figure and quote is does not change
        old, new = correction.old, correction.new
        return [raw.relabelled(old, new) if old in raw.entities else raw for raw in raws]
    if isinstance(correction, Merge) and correction.target not in types:
        return list(raws)  # merging into a name the library does not know: nothing to join
    done: list[RawAnalysis | None] = [None] * len(raws)
    if isinstance(correction, Retype | Merge | Ignore):
        etype = correction.type if isinstance(correction, Retype) else types.get(correction.target) if isinstance(correction, Merge) else None
        done = rewritten(articles, raws, correction, etype)
    return [
        raw if raw is not None else _corrected_objects(article, before, correction, types)
        for article, before, raw in zip(articles, raws, done)
    ]


def correct_raw(article: Article, raw: RawAnalysis, correction: Correction, types: dict[str, EntityType]) -> RawAnalysis:
    """``raw`` (the analysis of ``article``) with ``correction`` applied (see ``correct_raws``)."""
    return correct_raws([article], [raw], correction, types)[0]


def _corrected_objects(article: Article, raw: RawAnalysis, correction: Correction, types: dict[str, EntityType]) -> RawAnalysis:
    text = article.text[: analysed_length(article.text)]
    mentions = list(raw.mentions_in(article.text))
    corrected = _corrected_mentions(text, mentions, correction, types)
    return raw if corrected == mentions else RawAnalysis.of_mentions(corrected, raw.partial, raw.sketch)


def changing(library: Library, correction: Correction) -> list[str] | None:
    """The names whose mentions ``correction`` may change in ``library`` (None: not known
    before it is made — an added entity's matches may take mentions from any name)."""
    if isinstance(correction, Rename):
        return [correction.old, correction.new]
    if isinstance(correction, Retype | Merge):
        return list(names_of(correction))
    if isinstance(correction, Ignore | SplitAlias):
        surface = names_of(correction)[0]
        return [surface, *(s.name for s in library.entities() if surface in s.aliases)]
    return None


def _corrected_mentions(
    text: str, mentions: list[Mention], c: Correction, types: dict[str, EntityType]
) -> list[Mention]:
    if isinstance(c, Rename):
        return [_as(m, c.new, types.get(c.new, m.type)) if m.entity == c.old else m for m in mentions]
    if isinstance(c, Retype):
        return [_as(m, m.entity, c.type) if m.entity == c.name else m for m in mentions]
    if isinstance(c, Merge):
        if c.target not in types:
            return mentions  # merging into a name the library does not know: nothing to join
        return [_as(m, c.target, types[c.target]) if m.entity == c.source else m for m in mentions]
    if isinstance(c, SplitAlias):
        return [
            _as(m, c.alias, c.type or m.type) if m.surface == c.alias and m.entity != c.alias else m
            for m in mentions
        ]
    if isinstance(c, Ignore):
        return [m for m in mentions if c.name not in (m.surface, m.entity)]
    return _added(text, mentions, c)


def _added(text: str, mentions: list[Mention], c: AddEntity) -> list[Mention]:
    """The added entity's surfaces, matched in ``text``: each wins over the names it covers
    and yields to a longer name that covers it (leftmost-longest, as the gazetteer matches)."""
    kept = [_as(m, c.name, c.type) if m.entity == c.name else m for m in mentions]
    folded = matching_form(text)
    found: list[tuple[int, int]] = []
    for surface in sorted({c.name, *c.aliases}, key=len, reverse=True):
        form = matching_form(surface)
        at = folded.find(form) if form else -1
        while at >= 0:
            span = (at, at + len(form))
            if not any(s < span[1] and span[0] < e for s, e in found):
                found.append(span)
            at = folded.find(form, at + 1)
    for start, end in sorted(found):
        covering = [m for m in kept if m.start < end and start < m.end]
        if any(m.end - m.start > end - start or not (start <= m.start and m.end <= end) for m in covering):
            continue  # a longer name (or one that crosses this span) stands
        kept = [m for m in kept if m not in covering]
        kept.append(Mention(start, end, c.name, c.type, text[start:end]))
    return sorted(kept, key=lambda m: (m.start, m.end))


def _as(m: Mention, entity: str, etype: EntityType) -> Mention:
    if m.entity == entity and m.type is etype:
        return m
    return Mention(m.start, m.end, entity, etype, m.surface)


def types_of(library: Library) -> dict[str, EntityType]:
    """The library's type of each entity (what ``correct`` and ``recache`` are given)."""
    return {summary.name: summary.type for summary in library.entities()}


def is_relabel(correction: Correction, types: dict[str, EntityType]) -> bool:
    """Whether ``correction`` only gives an entity a name no other holds: the same mentions,
    figures and quotes under a new name (see ``Library.renamed``)."""
    return isinstance(correction, Rename) and correction.old in types and correction.new not in types


def _reads_text(correction: Correction, raw: RawAnalysis) -> bool:
    """Whether applying ``correction`` to the analysis ``raw`` reads its article's text: a
    retype or a merge rewrites its mentions alone, an ignore too unless another name goes by
    the ignored surface there (or the article's variants were not stored)."""
    if isinstance(correction, Retype | Merge):
        return False
    if isinstance(correction, Ignore):
        return ignore_reads_text(raw, correction.name)
    return True


def corrected_library(library: Library, corrections: Sequence[Correction]) -> tuple[Library, list[Article]]:
    """``library`` with ``corrections`` applied over its analyses in order, counted and ready
    to search (as a load hands over a library), and the articles they may have changed.

    A rename to a new name relabels the library (an entity named in every article of 10k:
    ~0.1 s, where correcting each article's analysis read every cached payload: 17 s). Any
    other correction rewrites the mentions of the articles it touches and indexes again the
    names it is about; their figures and quotes are read again when they are wanted (an
    opened article, an entity card, the cache's rewrite), not here: at 10k, reading them all
    again took about a minute."""
    out = library
    keys: set[str] = set()
    for correction in corrections:
        types = types_of(out)
        todo = [a.key for a in touched(out, correction)]
        keys.update(todo)
        if is_relabel(correction, types):
            assert isinstance(correction, Rename)
            out = out.renamed(correction.old, correction.new)
            continue
        before = out
        joined = out.joined_surfaces(correction.source, correction.target) if isinstance(correction, Merge) else None
        out = out.corrected(
            todo, partial(correct_raws, correction=correction, types=types), changing(out, correction),
            texts=partial(_reads_text, correction),
        )
        if joined is not None and out is not before:
            out.counted_as(correction.target, joined)  # not counted again over every article's rewrite
    out.entities()
    out.prepare_search()
    return out, [a for a in library.articles if a.key in keys]


def recache(
    store: Store,
    articles: Sequence[Article],
    corrections: Sequence[Correction],
    versions: Sequence[tuple[str, str]],
    types: dict[str, EntityType],
    held: Library | None = None,
) -> int:
    """The cache under each new analysis version, from the old one: every entry copied, and
    those of ``articles`` corrected. ``versions`` pairs an old analyzer version with the new
    one (the fast layer's and the statistical layer's). Entries of any other version are
    dropped: the old ones stay for an undo, older ones would only grow the file (a 10k
    library's analyses are ~100 MB). Returns how many entries changed.

    The corrected entries are written first, a few hundred at a time, and the others copied
    last: a rewrite cut short (Reader quit during it) leaves the new version without some
    entries, which the next launch analyses again, never with an entry the correction should
    have changed. ``held``: the corrected library, whose analyses read again here (their
    figures and quotes: most of the time) are those its cards and articles then show."""
    changed = 0
    store.keep_documents_of({f"{v}.{FORMAT}" for pair in versions for v in pair})
    for old, new in versions:
        old, new = f"{old}.{FORMAT}", f"{new}.{FORMAT}"
        for start in range(0, len(articles), _WRITTEN_AT_ONCE):
            chunk = articles[start : start + _WRITTEN_AT_ONCE]
            payloads = store.cached_documents(list(dict.fromkeys(a.content_hash for a in chunk)), old)
            found = [a for a in chunk if a.content_hash in payloads]
            decoded = [decode_raw(payloads[a.content_hash], a.key, a.file, a.content_hash, a.path) for a in found]
            cached = [article for article, _ in decoded]
            corrected = [raw for _, raw in decoded]
            for correction in corrections:
                corrected = correct_raws(cached, corrected, correction, types)
            items: list[tuple[str, bytes]] = []
            listings: list[tuple[str, Listed]] = []
            for article, (_, raw), after in zip(cached, decoded, corrected):
                if after is raw:
                    continue
                shown = held.held(article.key) if held is not None and article.key in held else None
                if shown is not None and shown.stale and shown.same_mentions(after):
                    after = shown  # read again once, for the library and for the cache
                after = after.reread(article)
                items.append((article.content_hash, encode(article, after)))
                # and its listing, so that the next reopen need not read the payload to list it;
                # the library's analysis is told its variants (the next correction asks them)
                told = surfaces.variants(article.text, after.entities, after.mentions)
                if after is shown:
                    after.variants = told
                listings.append((article.content_hash, listing(article, after, told)))
            store.put_documents(items, new, listings)
            changed += len(items)
        store.copy_documents(old, new)
    return changed


_WRITTEN_AT_ONCE = 256  # corrected cache entries read, corrected and written at a time
