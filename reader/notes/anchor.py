"""Re-anchoring stored selectors in an article's current text: pure functions.

The order is the Hypothesis client's (``src/annotator/anchoring/text-quote.ts`` and
``match-quote.ts``): the stored offsets if they still hold the quote; else an exact occurrence of
the quote, the one whose context matches best and then the nearest to the old place; else an
approximate match of the quote scored by its errors, its context and its distance from the old
place; else the annotation is *orphaned* — kept and listed, never dropped.

The approximate search is Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector algorithm
for approximate string matching based on dynamic programming", J. ACM 1999), the one Hypothesis
uses through ``approx-string-match``. Python's big integers make the bit vector as long as the
quote, so a pass over a 20,000-character article is one loop of a dozen integer operations per
character (milliseconds), whatever the quote length.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from reader.notes.model import ORPHAN, Anchor, Anchored, AnchorStatus, Annotation, Selector

# Scoring weights for approximate matches (Hypothesis: quote 50, prefix 20, suffix 20, position 2).
_QUOTE_WEIGHT = 50.0
_PREFIX_WEIGHT = 20.0
_SUFFIX_WEIGHT = 20.0
_POSITION_WEIGHT = 2.0
# At most one error per three characters of quote: Hypothesis allows one per two, which for short
# Chinese quotes (苹果公司 → 苹果手机) re-attaches notes to other words; an orphan the user can
# re-attach is better than a note silently moved.
_ERRORS_PER_CHAR = 1 / 3
_MAX_ERRORS = 256
_MAX_CANDIDATES = 64  # approximate matches scored in full, fewest errors first


def anchor(text: str, selector: Selector) -> Anchor:
    """Where ``selector`` lands in ``text`` now."""
    if selector.is_position:
        return _anchor_position(text, selector)
    start, end, exact = selector.start, selector.end, selector.exact
    if end <= len(text) and text[start:end] == exact:
        return Anchor(start, end, AnchorStatus.EXACT)
    found = _best_exact(text, exact, selector.prefix, selector.suffix, start)
    if found is not None:
        return Anchor(found, found + len(exact), AnchorStatus.MOVED)
    match = _best_fuzzy(text, exact, selector.prefix, selector.suffix, start)
    if match is not None:
        return Anchor(match[0], match[1], AnchorStatus.FUZZY)
    return ORPHAN


def anchor_all(text: str, annotations: Iterable[Annotation]) -> list[Anchored]:
    """Every annotation of one article anchored in its text, in text order; orphans (and entity
    notes, which have no passage) last, oldest first. An annotation that moved comes with its
    selector re-read from ``text`` (:func:`reanchored`)."""
    placed: list[Anchored] = []
    loose: list[Anchored] = []
    for annotation in annotations:
        found = reanchored(annotation, text)
        (loose if found.anchor.orphaned else placed).append(found)
    placed.sort(key=lambda a: (a.anchor.start, a.anchor.end, a.annotation.created))
    loose.sort(key=lambda a: a.annotation.created)
    return placed + loose


def anchor_copies(text: str, annotations: Iterable[Annotation]) -> list[Anchored]:
    """Notes made on other copies of the same story (reprints), placed in this copy's ``text``
    where their quote is — by the same steps as the note's own article (offsets holding the
    quote, the quote with its context, then a close match). A note whose passage this copy
    lacks (cut from it) is left out: it is not orphaned, it stays on its own copy. Annotations
    are returned unchanged: the copy shows them, their own article keeps their selector."""
    placed = []
    for annotation in annotations:
        if annotation.selector is None:
            continue
        found = anchor(text, annotation.selector)
        if not found.orphaned:
            placed.append(Anchored(annotation, found))
    placed.sort(key=lambda a: (a.anchor.start, a.anchor.end, a.annotation.created))
    return placed


def reanchored(annotation: Annotation, text: str) -> Anchored:
    """The annotation with its selector re-read from ``text`` where it anchors now (offsets,
    quote and context), and that anchor. The annotation is returned as it was when it has no
    passage, is orphaned, or nothing changed; ``modified`` is kept either way: re-anchoring
    follows the article, it is not the user's edit."""
    if annotation.selector is None:
        return Anchored(annotation, ORPHAN)
    found = anchor(text, annotation.selector)
    if found.orphaned:
        return Anchored(annotation, found)
    selector = Selector.from_text(text, found.start, found.end)
    if selector == annotation.selector:
        return Anchored(annotation, found)
    return Anchored(replace(annotation, selector=selector), found)


def _anchor_position(text: str, selector: Selector) -> Anchor:
    """A bookmark at a position: re-found by the context either side of it."""
    at, prefix, suffix = selector.start, selector.prefix, selector.suffix
    if at <= len(text) and text[max(0, at - len(prefix)) : at] == prefix and text[at : at + len(suffix)] == suffix:
        return Anchor(at, at, AnchorStatus.EXACT)
    context = prefix + suffix
    if not context:
        return ORPHAN
    found = _best_exact(text, context, "", "", at - len(prefix))
    if found is not None:
        return Anchor(found + len(prefix), found + len(prefix), AnchorStatus.MOVED)
    match = _best_fuzzy(text, context, "", "", at - len(prefix))
    if match is None:
        return ORPHAN
    # Where one side of the context survived whole inside the match, the position is at its
    # edge; else it falls the same fraction of the way through the match as through the context.
    start, end = match
    place = start + round(len(prefix) * (end - start) / len(context))
    if suffix and (found := text.find(suffix, start, end)) != -1:
        place = found
    elif prefix and (found := text.find(prefix, start, end)) != -1:
        place = found + len(prefix)
    return Anchor(place, place, AnchorStatus.FUZZY)


def _best_exact(text: str, quote: str, prefix: str, suffix: str, hint: int) -> int | None:
    """The exact occurrence of ``quote`` whose context matches most characters, then the
    nearest to ``hint``."""
    best: tuple[int, int] | None = None
    best_at: int | None = None
    at = text.find(quote)
    while at != -1:
        context = _common_suffix(prefix, text[max(0, at - len(prefix)) : at]) + _common_prefix(
            suffix, text[at + len(quote) : at + len(quote) + len(suffix)]
        )
        key = (context, -abs(at - hint))
        if best is None or key > best:
            best, best_at = key, at
        at = text.find(quote, at + 1)
    return best_at


def _best_fuzzy(text: str, quote: str, prefix: str, suffix: str, hint: int) -> tuple[int, int] | None:
    """The best approximate match ``[start, end)`` of ``quote``, or None when none is close
    enough."""
    max_errors = min(_MAX_ERRORS, int(len(quote) * _ERRORS_PER_CHAR))
    if max_errors == 0 or not text:
        return None
    scores = _search(quote, text, anchored=False)
    # One candidate per run of acceptable end positions: its lowest-error end.
    ends: list[tuple[int, int]] = []  # (errors, end index)
    run_best: tuple[int, int] | None = None
    for j, errors in enumerate(scores):
        if errors <= max_errors:
            if run_best is None or errors < run_best[0]:
                run_best = (errors, j)
        elif run_best is not None:
            ends.append(run_best)
            run_best = None
    if run_best is not None:
        ends.append(run_best)
    if not ends:
        return None
    ends.sort()
    best: tuple[float, int, int] | None = None
    for errors, j in ends[:_MAX_CANDIDATES]:
        start = _match_start(quote, text, j, errors)
        end = j + 1
        score = _QUOTE_WEIGHT * (1 - errors / len(quote))
        if prefix:
            before = text[max(0, start - len(prefix) - max_errors) : start]
            score += _PREFIX_WEIGHT * _context_similarity(prefix[::-1], before[::-1])
        if suffix:
            after = text[end : end + len(suffix) + max_errors]
            score += _SUFFIX_WEIGHT * _context_similarity(suffix, after)
        score += _POSITION_WEIGHT * (1 - abs(start - hint) / len(text))
        if best is None or score > best[0]:
            best = (score, start, end)
    assert best is not None
    return best[1], best[2]


def _context_similarity(context: str, text: str) -> float:
    """How well ``text`` starts with ``context``, 0..1: one minus the fewest edits that turn a
    prefix of ``text`` into ``context``, per character."""
    if not text:
        return 0.0
    errors = _prefix_distance(context, text)
    return max(0.0, 1 - errors / len(context))


def _prefix_distance(pattern: str, text: str) -> int:
    """The fewest edits turning some prefix of ``text`` into ``pattern``."""
    return min(_search(pattern, text, anchored=True), default=len(pattern))


def _match_start(quote: str, text: str, end_index: int, errors: int) -> int:
    """Where the match ending at ``text[end_index]`` with ``errors`` edits starts: an anchored
    search of the reversed quote backwards from the end."""
    window_start = max(0, end_index + 1 - len(quote) - errors)
    backwards = text[window_start : end_index + 1][::-1]
    distances = _search(quote[::-1], backwards, anchored=True)
    # The shortest-error length; among equals the one closest to the quote's own length.
    length = min(range(1, len(distances) + 1), key=lambda n: (distances[n - 1], abs(n - len(quote))))
    return end_index + 1 - length


def _search(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Myers' algorithm: for each ``j``, the fewest edits between ``pattern`` and a substring of
    ``text`` ending at ``text[j]`` — starting anywhere (search) or, when ``anchored``, at
    ``text[0]`` (so the value is the edit distance between ``pattern`` and ``text[:j + 1]``)."""
    m = len(pattern)
    if m == 0:
        return list(range(1, len(text) + 1)) if anchored else [0] * len(text)
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    out: list[int] = []
    append = out.append
    for ch in text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        if anchored:
            ph |= 1
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        append(score)
    return out


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
