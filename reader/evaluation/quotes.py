"""Scoring found quotes against the hand-annotated ``quotes`` lists (tests/data/real/README.md).

The gold gives each quote as its text and its speaker (a canonical name or None).  The texts are
found in the article in reading order, each searched from the previous one's start, so a phrase
that is quoted twice keeps its two places.

Two span scores are reported, because where a reported clause ends is a judgment call:

- *exact*: a predicted span equals a gold span;
- *overlap*: one-to-one matching of spans that overlap (the largest overlaps first); precision,
  recall and F1 count matched spans.

Speaker accuracy is measured on the overlap pairs: the predicted speaker is the gold one or one of
the gold entity's aliases (Reader's canonical name for 乐视网 is 乐视, the gold's is 乐视网; both
name one entity), and None equals None.  It says how often, once a quote is found, the right
entity is named.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from reader.evaluation.ratios import f1, ratio

@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    speaker: str | None
    text: str


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """What a predictor says: a span and the canonical name of its speaker (or None)."""

    start: int
    end: int
    speaker: str | None


class GoldQuoteMissing(ValueError):
    """A gold quote's text is not in the article's text (the cleaner changed, or a typo)."""


def gold_aliases(gold: dict) -> dict[str, list[str]]:
    """Canonical name → aliases, from a gold file's ``entities``."""
    return {e["name"]: list(e["aliases"]) for e in gold.get("entities", ())}


def locate_gold_quotes(text: str, entries: Iterable[dict]) -> list[GoldQuote]:
    """The gold ``quotes`` entries placed in ``text``, each searched from the previous start."""
    placed: list[GoldQuote] = []
    position = 0
    for entry in entries:
        start = text.find(entry["text"], position)
        if start < 0:
            raise GoldQuoteMissing(f"gold quote not in the text after {position}: {entry['text']!r}")
        placed.append(GoldQuote(start, start + len(entry["text"]), entry["speaker"], entry["text"]))
        position = start
    return placed


@dataclass(slots=True)
class QuoteScore:
    name: str
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    matched: int = 0
    speaker_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def exact_f1(self) -> float:
        return f1(self.exact, self.gold, self.predicted)

    @property
    def precision(self) -> float:
        return ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.matched, self.gold)

    @property
    def overlap_f1(self) -> float:
        return f1(self.matched, self.gold, self.predicted)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_right, self.matched)

    def add(self, other: QuoteScore) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.exact += other.exact
        self.matched += other.matched
        self.speaker_right += other.speaker_right
        self.misses.extend(other.misses)


def score_quotes(
    name: str,
    text: str,
    gold: Sequence[GoldQuote],
    found: Sequence[FoundQuote],
    aliases: Mapping[str, Iterable[str]] | None = None,
) -> QuoteScore:
    """``aliases``: each gold entity's canonical name → its aliases (the gold ``entities``)."""
    aliases = aliases or {}
    score = QuoteScore(name, gold=len(gold), predicted=len(found))
    score.exact = len({(g.start, g.end) for g in gold} & {(f.start, f.end) for f in found})
    overlaps = sorted(
        (
            (min(g.end, f.end) - max(g.start, f.start), gi, fi)
            for gi, g in enumerate(gold)
            for fi, f in enumerate(found)
            if min(g.end, f.end) > max(g.start, f.start)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_found: set[int] = set()
    for _, gi, fi in overlaps:
        if gi in used_gold or fi in used_found:
            continue
        used_gold.add(gi)
        used_found.add(fi)
        score.matched += 1
        want, got = gold[gi].speaker, found[fi].speaker
        if want == got or (want is not None and got in set(aliases.get(want, ()))):
            score.speaker_right += 1
        else:
            score.misses.append(
                f"{name}: SPEAKER {found[fi].speaker!r} for gold {gold[gi].speaker!r}: "
                f"{gold[gi].text[:30]}"
            )
    for gi, g in enumerate(gold):
        if gi not in used_gold:
            score.misses.append(f"{name}: MISSED ({g.speaker}) {g.text[:40]}")
    for fi, f in enumerate(found):
        if fi not in used_found:
            score.misses.append(f"{name}: SPURIOUS ({f.speaker}) {text[f.start:f.end][:40]}")
    return score
