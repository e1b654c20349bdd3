"""What each name is written as in an article (its mentions' surfaces), counted: stored with the
article's listing, so that the library's entity summaries (each name's aliases, most written
first) are counted from a few stored words instead of slicing every mention out of every text at
each reopen (7.8M slices, 3–11 s of the loader at 100k articles; bench/RESULTS.md).

Most names are written as themselves in an article (87 % of 2.5M name-article pairs at 100k);
only the others are stored: an article's *variants* are, for each local entity written otherwise
at least once, ``[surface, count, surface, count, …]`` in the order the surfaces first appear in
the article, as JSON keyed by the entity's local number. A name's total is its mentions in the
index; what its variants do not count is the name itself."""

from __future__ import annotations

import json
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.library.codec import RawAnalysis
    from reader.library.store import Store
    from reader.library.texts import Texts

Variants = dict[str, list]  # a name → its surfaces and their counts in one article (see above)


def variants(text: str, entities: Sequence[str], mentions: array) -> str:
    """An article's variants, as stored: JSON, "" for an article whose names are all written as
    themselves. ``mentions`` are flat (start, end, entity, type) quadruples over ``text``."""
    per: list[dict[str, int]] = [{} for _ in entities]
    for start, end, local in zip(mentions[0::4], mentions[1::4], mentions[2::4]):
        counts = per[local]
        surface = text[start:end]
        counts[surface] = counts.get(surface, 0) + 1
    found = {
        str(local): [x for pair in counts.items() for x in pair]
        for local, (name, counts) in enumerate(zip(entities, per))
        if counts.keys() - {name}
    }
    return json.dumps(found, ensure_ascii=False, separators=(",", ":")) if found else ""


def named(stored: str, entities: Sequence[str]) -> Variants:
    """Stored variants by entity name."""
    return {entities[int(local)]: flat for local, flat in json.loads(stored).items()} if stored else {}


def count(
    names: Iterable[str],
    articles_of: Mapping[str, Iterable[int]],
    totals: Mapping[str, int],
    variants_at: Callable[[int], Variants],
    reading: Iterable[int] | None = None,
) -> dict[str, Counter[str]]:
    """Each of ``names``' surfaces counted over its articles (``articles_of``: every article
    that mentions it, ascending, repeats allowed; ``totals``: its mentions), in order of first
    appearance, as a Counter over every mention sliced in library order would hold them
    (``most_common`` breaks ties by that order). ``variants_at`` gives an article's variants;
    each article of ``reading`` (ascending; None: every article of ``names``) is read once."""
    wanted = set(names)
    if reading is None:
        reading = sorted({i for name in wanted for i in articles_of[name]})
    found: dict[str, dict[str, list[int]]] = {name: {} for name in wanted}  # surface → [count, article, place]
    varied: dict[str, set[int]] = {name: set() for name in wanted}
    for i in reading:
        for name, flat in variants_at(i).items():
            if name not in wanted:
                continue
            varied[name].add(i)
            seen = found[name]
            for place in range(0, len(flat), 2):
                surface = flat[place]
                if surface in seen:
                    seen[surface][0] += flat[place + 1]
                else:
                    seen[surface] = [flat[place + 1], i, place]
    out: dict[str, Counter[str]] = {}
    for name in wanted:
        seen = found[name]
        # where the name itself first appears: the first article that writes it only so, unless
        # its variants wrote it earlier
        plain = next((i for i in articles_of[name] if i not in varied[name]), None)
        if plain is not None and (name not in seen or (plain, 0) < (seen[name][1], seen[name][2])):
            seen[name] = [0, plain, 0]
        if name in seen:
            seen[name][0] = totals[name] - sum(c for s, (c, _, _) in seen.items() if s != name)
        ordered = sorted(seen.items(), key=lambda item: (item[1][1], item[1][2]))
        out[name] = Counter({surface: c for surface, (c, _, _) in ordered if c})
    return out


def count_over(
    names: Iterable[str], index: Mapping[str, array], raws: Sequence[RawAnalysis], texts: Texts, every: bool = False
) -> dict[str, Counter[str]]:
    """The surfaces of ``names`` counted over a library (its mention ``index``, each article's
    analysis and text), reading ``every`` article once or only theirs: from the variants each
    article's listing stored, else sliced from its text (read a few hundred at a time)."""
    names = list(names)
    articles_of = {name: index[name][0::3] for name in names}
    totals = {name: len(index[name]) // 3 for name in names}
    reading = range(len(raws)) if every else sorted({i for name in names for i in articles_of[name]})
    # the articles whose listing stored none (read from a file, or corrected since)
    counted = {
        i: variants(text, raws[i].entities, raws[i].mentions)
        for i, text in texts.chunks([i for i in reading if raws[i].variants is None])
    }

    def variants_at(i: int) -> Variants:
        raw = raws[i]
        return named(raw.variants if raw.variants is not None else counted[i], raw.entities)

    return count(names, articles_of, totals, variants_at, reading)


def with_variants(head: str, stored: str) -> str:
    """A listing's head (JSON) with the article's variants."""
    doc = json.loads(head)
    doc["variants"] = stored
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def write_heads(store: Store, items: list[tuple[str, str]], version: str) -> None:
    """Store listings' heads again with their variants — (content hash, head) of ``version`` —
    for listings written before heads held them (counted once, at the first reopen that reads
    them). Raises StoreUnavailable as the store's writes do."""
    with store.transaction() as db:
        db.executemany(
            "UPDATE listings SET head = ? WHERE content_hash = ? AND version = ?",
            [(head, h, version) for h, head in items],
        )


def joined_lists(lists: Iterable[tuple[str, list | None, int]]) -> Counter[str]:  # type: ignore[type-arg]
    """The surfaces of entities merged into one in an article, in their variants' order: each
    entity's listed surfaces and counts (flat, ``[surface, count, …]``) or, listed none, its
    name as often as it is mentioned, one entity after the other (``lists``: each one's name,
    its list or None, its mentions). What the merge's rewrite lists (reader.library.
    mention_rewrite) and what ``joined`` places surfaces by: one order."""
    written: Counter[str] = Counter()
    for name, flat, times in lists:
        written.update(dict(zip(flat[0::2], flat[1::2])) if flat else {name: times})
    return written


def joined(
    source: str, target: str, counted: Mapping[str, Counter[str]], index: Mapping[str, array], raws: Sequence[RawAnalysis]
) -> Counter[str] | None:
    """The surfaces ``count`` gives the entity ``source`` and ``target`` make once merged into
    ``target``, from the two as counted (``counted``) and the first articles that name them —
    not from every article's variants rewritten (a merge of a name in every article of 10k
    parsed 10k of them again). Each article's variants for the joined name are the two's
    lists one after the other, the name numbered first first (reader.library.mention_rewrite).
    A card lists them most written first (``most_common``), so only surfaces written as often
    as another need their first place: the articles are read, in order, until those have it
    (a surface written once, in the middle of 10k articles, is not waited for). None when the
    two were not counted, or an article stored no variants (the count reads its text)."""
    if source not in counted or target not in counted:
        return None
    total = counted[source] + counted[target]
    often = Counter(total.values())
    tied = {surface for surface, times in total.items() if often[times] > 1}
    first: dict[str, tuple[int, int]] = {}
    plain = None  # the first article that writes the joined name only as itself
    for i in sorted({*index[source][0::3], *index[target][0::3]}):
        raw = raws[i]
        stored = raw.variants
        if stored is None:
            return None
        locals_ = sorted(raw.entities.index(n) for n in (source, target) if n in raw.entities)
        # parsed only where one of the two is listed (a key is written "3":[)
        listed = named(stored, raw.entities) if any(f'"{k}":[' in stored for k in locals_) else {}
        written = joined_lists((name, listed.get(name), 1) for name in (raw.entities[k] for k in locals_))
        if written.keys() - {target}:
            for place, surface in enumerate(written):
                first.setdefault(surface, (i, 2 * place))
        elif plain is None:
            plain = i
        if all(surface in first or surface == target and plain is not None for surface in tied):
            break  # every tied surface placed (the name itself by the first article writing it so)
    if plain is not None and (target not in first or (plain, 0) < first[target]):
        first[target] = (plain, 0)
    if any(surface not in first for surface in tied):
        return None
    ordered = sorted(total, key=lambda surface: (-total[surface], first.get(surface, (0, 0))))
    return Counter({surface: total[surface] for surface in ordered})
