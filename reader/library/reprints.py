"""Reprints (转载): the same story published by several media, found across a library.

Chinese media re-publish each other constantly — "本文来自腾讯科技，36氪经授权发布" — with a new
header, a new footer, a cut or a few edits. Each article gets a *sketch*: the bottom-k of the
hashes of its character shingles (k consecutive CJK characters, letters or digits; punctuation
and spaces dropped). Bottom-k sketches (Broder 1997; Cohen & Kaplan 2007) estimate resemblance
and, unlike banded MinHash, also containment, which is what a trimmed copy shows: its shingles are
a subset of the longer copy's. Two articles whose sketches share a few values are candidates;
a candidate pair is a reprint when the shorter one's shingles are mostly in the longer one
(containment, computed exactly on both texts' shingle sets). Reprint pairs are joined into
stories, closest first, and two stories only when their longest copies are copies of each other
(so a digest quoting the openings of several stories does not chain them into one).

Headers and footers are not cut before shingling: they are a few dozen shingles against
thousands, and boilerplate shared by many articles is ignored when it lands in sketches (a value
present in too many sketches makes no candidates). bench/reprints.py measures the choices.

Pure functions over texts; numpy does the hashing (a 5,000-character article takes ~0.1 ms).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from typing import TYPE_CHECKING

from reader.ingest.model import Article

if TYPE_CHECKING:
    import numpy as np

SHINGLE = 5  # characters per shingle: 4 lets unrelated same-topic texts share more, 6 lets edits break more
SKETCH_SIZE = 64  # hashes kept per article
MIN_SHINGLES = 60  # shorter texts (a note, a caption) are never called a reprint
CANDIDATE_SHARED = 4  # sketch values two articles must share to be compared in full
CONTAINMENT = 0.6  # of the shorter copy's shingles found in the longer one, to be a reprint
COMMON_VALUE = 64  # a sketch value in more sketches than this is boilerplate: it makes no candidates
_OWNERS_AT_ONCE = 1 << 20  # sketch values whose article is looked up at a time
_SKETCHES_AT_ONCE = 4096  # sketches whose values are copied into one array at a time

_BASE = 0x100000001B3  # FNV prime: spreads code points over 64 bits
# numpy is imported where a sketch is made or compared, not with this module: a launch that
# reads every sketch from the cache paints before it is needed (issue 18).


@dataclass(frozen=True, slots=True)
class Sketch:
    """An article's text in brief: how many distinct shingles it has and the smallest
    ``SKETCH_SIZE`` of their hashes, ascending (uint64 little-endian bytes)."""

    size: int
    mins: bytes

    def values(self) -> np.ndarray:
        import numpy as np  # noqa: PLC0415

        return np.frombuffer(self.mins, dtype="<u8")

    def to_text(self) -> str:
        """For the cache's JSON: "size:base64"."""
        return f"{self.size}:{base64.b64encode(self.mins).decode()}"

    @classmethod
    def from_text(cls, text: str) -> Sketch:
        size, _, mins = text.partition(":")
        return cls(int(size), base64.b64decode(mins))


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct hashes of the text's shingles, ascending."""
    import numpy as np  # noqa: PLC0415

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint64)
    upper = (codes >= 0x41) & (codes <= 0x5A)
    codes = np.where(upper, codes + np.uint64(0x20), codes)  # Latin letters in any case
    kept = codes[
        ((codes >= 0x30) & (codes <= 0x39))
        | ((codes >= 0x61) & (codes <= 0x7A))
        | ((codes >= 0x3400) & (codes <= 0x9FFF))  # CJK unified ideographs and extension A
        | ((codes >= 0xF900) & (codes <= 0xFAFF))
        | (codes >= 0x20000)  # the supplementary ideographs
    ]
    n = kept.size - SHINGLE + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        for j in range(SHINGLE):
            h = h * np.uint64(_BASE) + kept[j : j + n]
        h = _mix(h)
    return np.unique(h)


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: makes the smallest hashes a uniform sample of the shingles."""
    import numpy as np  # noqa: PLC0415

    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def sketch(text: str) -> Sketch:
    hashes = shingle_hashes(text)
    return Sketch(int(hashes.size), hashes[:SKETCH_SIZE].astype("<u8").tobytes())


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """The share of the smaller set's hashes found in the other (both sorted, distinct)."""
    import numpy as np  # noqa: PLC0415

    smaller = min(a.size, b.size)
    if smaller == 0:
        return 0.0
    return np.intersect1d(a, b, assume_unique=True).size / smaller


def group(
    texts: Sequence[str], sketches: Sequence[Sketch], read: Callable[[list[int]], list[str]] | None = None
) -> list[tuple[int, ...]]:
    """The stories of two or more copies among ``texts`` (positions ascending), in the order of
    their first copy. ``read`` reads many texts at once (those of a library's listed articles
    are on disk): the candidates' are read with it, a few hundred at a time."""
    hashes: dict[int, np.ndarray] = {}
    candidates = _candidates(sketches)
    if read is not None:
        wanted = sorted({i for pair in candidates for i in pair})
        for start in range(0, len(wanted), 256):
            chunk = wanted[start : start + 256]
            hashes.update(zip(chunk, map(shingle_hashes, read(chunk))))

    def of(i: int) -> np.ndarray:
        found = hashes.get(i)
        if found is None:
            found = hashes[i] = shingle_hashes(texts[i])
        return found

    def share(i: int, j: int) -> float:
        return containment(of(i), of(j))

    pairs = reprint_pairs(candidates, share)
    return stories(len(texts), pairs, share, [s.size for s in sketches])


def reprint_pairs(candidates: Sequence[tuple[int, int]], share: Callable[[int, int], float]) -> list[tuple[int, int, float]]:
    """The candidate pairs that are copies of one story, with the containment that decided it."""
    pairs = []
    for i, j in candidates:
        found = share(i, j)
        if found >= CONTAINMENT:
            pairs.append((i, j, found))
    return pairs


def _candidates(sketches: Sequence[Sketch]) -> list[tuple[int, int]]:
    """Pairs whose sketches share at least CANDIDATE_SHARED values, ignoring values common to
    many sketches (boilerplate), found by sorting every (value, article) once."""
    import numpy as np  # noqa: PLC0415

    kept = [i for i, s in enumerate(sketches) if s.size >= MIN_SHINGLES]
    if not kept:
        return []
    sizes = [len(sketches[i].mins) // 8 for i in kept]
    value = np.empty(sum(sizes), dtype="<u8")
    at = 0
    for lo in range(0, len(kept), _SKETCHES_AT_ONCE):
        # one call over 100k sketches (np.concatenate) held the interpreter lock, and the GUI
        # thread with it, for 0.14 s; a few thousand at a time, a millisecond each
        part = np.frombuffer(b"".join(sketches[i].mins for i in kept[lo : lo + _SKETCHES_AT_ONCE]), dtype="<u8")
        value[at : at + part.size] = part
        at += part.size
    order = np.argsort(value, kind="stable")
    value = value[order]
    # Each value's article, from where its sketch's values begin, a million at a time; and each
    # candidate pair as one key, value group by value group. At 100k articles (6.4M values, 2.2M
    # pairs) an array of owners per sketch concatenated and sorted, and the pairs' two columns
    # made whole before their keys, held ~0.2 GB more for a moment: the peak of a reopen, once
    # the mention index was placed in parts.
    begins = np.cumsum([0] + sizes[:-1], dtype=np.int64)
    ids = np.asarray(kept, dtype=np.int64)
    owner = np.empty(order.size, dtype=np.int64)
    for at in range(0, order.size, _OWNERS_AT_ONCE):
        owner[at : at + _OWNERS_AT_ONCE] = ids[np.searchsorted(begins, order[at : at + _OWNERS_AT_ONCE], side="right") - 1]
    del order
    starts = np.flatnonzero(np.r_[True, value[1:] != value[:-1]])
    lengths = np.diff(np.r_[starts, value.size])
    del value
    shared = (lengths >= 2) & (lengths <= COMMON_VALUE)
    found: list[np.ndarray] = []
    for length in np.unique(lengths[shared]):
        runs = starts[shared & (lengths == length)]
        members = owner[runs[:, None] + np.arange(length)]  # one row per shared value
        a, b = np.triu_indices(int(length), k=1)
        first, second = members[:, a].ravel(), members[:, b].ravel()
        found.append(np.minimum(first, second) * len(sketches) + np.maximum(first, second))
    if not found:
        return []
    del owner, starts, lengths, shared
    keys, counts = np.unique(np.concatenate(found), return_counts=True)
    keys = keys[(counts >= CANDIDATE_SHARED)]
    return [(int(k // len(sketches)), int(k % len(sketches))) for k in keys if k // len(sketches) != k % len(sketches)]


def stories(
    count: int,
    pairs: Sequence[tuple[int, int, float]],
    share: Callable[[int, int], float] | None = None,
    sizes: Sequence[int] = (),
) -> list[tuple[int, ...]]:
    """The articles joined by reprint pairs, as stories of two or more (positions ascending),
    in the order of their first article.

    Pairs are joined closest first, and — given ``share`` and ``sizes`` — two stories join only
    when their longest copies are copies of each other: a digest that reprints the opening of
    several stories matches a cut copy of each, and would otherwise chain them all into one."""
    parent = list(range(count))
    longest = list(range(count))  # per story root: its longest copy

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in sorted(pairs, key=lambda p: -p[2]):
        a, b = root(i), root(j)
        if a == b:
            continue
        la, lb = longest[a], longest[b]
        if share is not None and {la, lb} != {i, j} and share(la, lb) < CONTAINMENT:
            continue
        kept, joined = min(a, b), max(a, b)
        parent[joined] = kept
        if sizes:
            longest[kept] = la if sizes[la] >= sizes[lb] else lb
    groups: dict[int, list[int]] = {}
    for i in range(count):
        groups.setdefault(root(i), []).append(i)
    return [tuple(g) for g in sorted(groups.values()) if len(g) > 1]


def copy_names(articles: Sequence[Article]) -> list[str]:
    """What to call each copy of a story in "also published by …": its source (front matter,
    site name), else the folder it was found in, else its file; a name two copies share is told
    apart by the file."""
    names = [a.source or a.author or (str(PurePath(a.file).parent) if PurePath(a.file).parent.name else a.file) for a in articles]
    return [f"{name} ({a.file})" if names.count(name) > 1 else name for name, a in zip(names, articles)]
