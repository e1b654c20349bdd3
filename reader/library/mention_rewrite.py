"""A retype, merge or ignore applied to packed mentions (``RawAnalysis``), many articles at once
(issue 18, point 2).

Each only relabels, retypes or drops the mentions of one name, so no Mention object need be
built: each article's entity list is planned in Python (a few names), and its mentions are
rewritten by numpy, every article's at once — a name in every article of 10k took 0.2-0.4 s
article by article, most of a correction's time. What comes out is what correcting the Mention
objects and packing them again makes (``RawAnalysis.of``: entities in the order of their first
mentions, each with its first mention's type); ``tests/library/test_corrected.py`` checks it.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from reader.analysis.corrections import Ignore, Merge, Retype
from reader.analysis.model import EntityType
from reader.ingest.model import Article
from reader.library.codec import STORED_TYPES, RawAnalysis
from reader.library.surfaces import joined_lists

Rewritable = Retype | Merge | Ignore


@dataclass(slots=True)
class _Plan:
    """One article's rewrite: its new entities and their types, each old entity's new number,
    and which old entity's mentions take the correction's type, or go (-1: none)."""

    entities: list[str]
    types: list[str]
    table: list[int]
    retyped: int = -1
    dropped: int = -1
    joined: tuple[int, ...] = ()  # the old entities the retyped one is (a merge's two), ascending


def rewritten(
    articles: Sequence[Article], raws: Sequence[RawAnalysis], correction: Rewritable, etype: EntityType | None
) -> list[RawAnalysis | None]:
    """Each of ``raws`` (the analyses of ``articles``) with ``correction`` applied: itself when
    its mentions do not change, else an analysis whose figures and quotes are to be read again
    (stale); None where the Mention objects must be corrected instead (an ignored surface that
    another entity goes by in that article). ``etype``: the type a merge's mentions take (the
    target's in the library)."""
    out: list[RawAnalysis | None] = list(raws)
    plans: dict[int, _Plan] = {}
    for j, (article, raw) in enumerate(zip(articles, raws)):
        plan = _plan(article, raw, correction, etype)
        if plan is None:
            out[j] = None
        elif plan is not _UNCHANGED:
            plans[j] = plan
    if not plans:
        return out
    import numpy as np  # noqa: PLC0415 - a correction's only; a launch paints without it

    order = list(plans)
    batch = [raws[j] for j in order]
    counts = np.fromiter((len(raw.mentions) // 4 for raw in batch), dtype=np.int64, count=len(batch))
    flat = np.frombuffer(b"".join(raw.mentions.tobytes() for raw in batch), dtype=np.intc).reshape(-1, 4)
    # every article's entities one after another: each mention's among them, and their new numbers
    tables: list[int] = []
    firsts: list[int] = []
    retyped_at: list[int] = []
    dropped_at: list[int] = []
    for j in order:
        plan = plans[j]
        firsts.append(len(tables))
        if plan.retyped >= 0:
            retyped_at.append(len(tables) + plan.retyped)
        if plan.dropped >= 0:
            dropped_at.append(len(tables) + plan.dropped)
        tables += plan.table
    entity = np.repeat(np.asarray(firsts, dtype=np.int64), counts) + flat[:, 2]
    named = np.bincount(entity, minlength=len(tables))  # each entity's mentions in its article
    table = np.asarray(tables, dtype=np.intc)
    retyped = np.zeros(len(tables), dtype=bool)
    retyped[retyped_at] = True
    dropped = np.zeros(len(tables), dtype=bool)
    dropped[dropped_at] = True
    article = np.repeat(np.arange(len(batch)), counts)
    kind = STORED_TYPES.index(etype.value) if etype is not None else -1
    # a retype that finds every mention of the name of its type already changes nothing
    differs = np.bincount(article[retyped[entity] & (flat[:, 3] != kind)], minlength=len(batch)) > 0
    kept = ~dropped[entity]
    rows = flat[kept]
    rows[:, 2] = table[entity[kept]]
    rows[retyped[entity[kept]], 3] = kind
    ends = np.cumsum(np.bincount(article[kept], minlength=len(batch))) * 16
    data = rows.tobytes()
    for n, j in enumerate(order):
        plan = plans[j]
        if isinstance(correction, Retype) and not differs[n]:
            continue
        mentions = array("i")
        mentions.frombytes(data[ends[n - 1] if n else 0 : ends[n]])
        raw = raws[j]
        if plan.entities == raw.entities and plan.table == list(range(len(raw.entities))):
            variants = raw.variants_as_told  # a retype: the same names, written the same
        else:  # told when asked (a later correction's, or a card's count): most never are
            times = {old: int(named[firsts[n] + old]) for old in plan.joined}
            variants = partial(_remapped_variants, raw.variants_as_told, raw.entities, plan, times)
        out[j] = RawAnalysis(
            plan.entities, mentions, None, plan.types, raw.partial, None, raw.sketch, stale=True, variants=variants
        )
    return out


def _remapped_variants(
    told: str | Callable[[], str | None] | None, entities: list[str], plan: _Plan, times: dict[int, int]
) -> str | None:
    """An article's stored variants (``told``: how each of its old ``entities`` is written,
    its surfaces and their counts, listed for a name written otherwise too) under its new
    entities: a name's surfaces are its old entities' (the joined two of a merge, each
    mentioned ``times``; none of an ignored one), an old entity listed none written as its
    name every time. None when the old ones were not stored (they are counted from the text
    when wanted): a merge read 10k texts for them."""
    before = told() if callable(told) else told
    if before is None:
        return None
    stored = json.loads(before) if before else {}
    # only a merge's entity has other surfaces than before (the joined two's, or its old name's);
    # every other listed entity keeps its own under its new number
    joined = plan.table[plan.retyped] if plan.retyped >= 0 else -1
    found: dict[int, list] = {}  # type: ignore[type-arg]
    for key, flat in stored.items():
        old = int(key)
        if old != plan.dropped and plan.table[old] != joined:
            found[plan.table[old]] = flat
    if joined >= 0:
        name = plan.entities[joined]
        written = joined_lists((entities[old], stored.get(str(old)), times[old]) for old in plan.joined)
        if written.keys() - {name}:
            found[joined] = [x for pair in written.items() for x in pair]
    listed = {str(new): found[new] for new in sorted(found)}
    return json.dumps(listed, ensure_ascii=False, separators=(",", ":")) if listed else ""


_UNCHANGED = _Plan([], [], [])


def _plan(article: Article, raw: RawAnalysis, c: Rewritable, etype: EntityType | None) -> _Plan | None:
    entities = raw.entities
    name = c.source if isinstance(c, Merge) else c.name
    if isinstance(c, Ignore) and _named_otherwise(article.text, raw, name):
        return None
    if name not in entities:
        return _UNCHANGED
    was = entities.index(name)
    new_entities, new_types = list(entities), list(raw.types)
    if isinstance(c, Retype):
        new_types[was] = c.type.value
        return _Plan(new_entities, new_types, list(range(len(entities))), retyped=was, joined=(was,))
    if isinstance(c, Ignore):
        del new_entities[was], new_types[was]
        return _Plan(new_entities, new_types, [k - (k > was) for k in range(len(entities))], dropped=was)
    assert etype is not None
    if c.target not in entities:
        new_entities[was], new_types[was] = c.target, etype.value
        return _Plan(new_entities, new_types, list(range(len(entities))), retyped=was, joined=(was,))
    # the joined entity takes the place of whichever of the two the article names first
    other = entities.index(c.target)
    first, gone = min(was, other), max(was, other)
    table = [k - (k > gone) for k in range(len(entities))]
    table[was] = table[other] = first
    new_entities[first] = c.target
    new_types[first] = etype.value if was < other else new_types[other]  # its first mention's type
    del new_entities[gone], new_types[gone]
    return _Plan(new_entities, new_types, table, retyped=was, joined=(first, gone))


def _named_otherwise(text: str, raw: RawAnalysis, name: str) -> bool:
    """Whether a mention of another entity than ``name`` has ``name`` for its surface: an
    ignore drops it too, which may change the order of its entity's first mentions. Told by
    the article's stored variants when it has them (``text`` unread), else from ``text``."""
    if raw.variants is not None:
        return written_for_another(raw, name)
    flat = raw.mentions
    local = raw.entities.index(name) if name in raw.entities else -1
    starts = flat[0::4]
    at = text.find(name) if name else -1
    while at >= 0:
        k = bisect_left(starts, at)  # mentions do not overlap: at most one starts here
        if k < len(starts) and starts[k] == at and flat[4 * k + 2] != local and flat[4 * k + 1] - at == len(name):
            return True
        at = text.find(name, at + 1)
    return False


def written_for_another(raw: RawAnalysis, name: str) -> bool:
    """Whether the article's stored variants (not None) write another entity than ``name`` as
    ``name``: a name written only as itself is not listed, so one written as ``name`` is."""
    stored = raw.variants
    assert stored is not None
    written = _as_listed(name)
    at = stored.find(written)
    if at < 0:
        return False  # a surface is listed as a JSON string: this one is in none
    local = raw.entities.index(name) if name in raw.entities else -1
    # each place it is listed, read off the string (no parse: an ignore asks it of 10k articles):
    # whose list it is in is the key before the nearest '":[' before it
    while at >= 0:
        opened = stored.rfind('":[', 0, at)
        if not stored.startswith(":", at + len(written)) and int(stored[stored.rfind('"', 0, opened) + 1 : opened]) != local:
            return True
        at = stored.find(written, at + 1)
    return False


@lru_cache(maxsize=64)
def _as_listed(name: str) -> str:
    """``name`` as the variants list a surface (a JSON string): asked of every article an
    ignore touches, twice (encoding it each time was a sixth of an ignore's rewrite at 10k)."""
    return json.dumps(name, ensure_ascii=False)


def ignore_reads_text(raw: RawAnalysis, name: str) -> bool:
    """Whether ignoring ``name`` in the article of ``raw`` needs its text: when its variants
    were not stored, or another entity goes by ``name`` there (its Mention objects are
    corrected, ``rewritten``)."""
    return raw.variants is None or written_for_another(raw, name)
