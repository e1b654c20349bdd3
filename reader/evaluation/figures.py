"""Scoring extracted figures against the gold ``metrics`` lists.

A predicted figure matches a gold one when their spans overlap and value and unit are equal
(values to 0.01, so 三分之一 = 33.33).  The gold gives surfaces, not offsets; they are found in
the text in order, each after the previous.  Matching is one-to-one.

For matched figures, label, subject, period and kind are then checked:

- subject, period, kind: equal (None equals None);
- label: the gold labels are free phrases (总成交额, 国内广告销售额贡献占比).  The gold phrase is
  read with the same vocabulary the extractor uses: its *head* — the vocabulary word that ends
  last in it, the longest if two end together, notes in brackets dropped — names its canonical
  label (总成交额 → GMV, 国内广告销售额贡献占比 → 占比, 年销售额破亿商家数目标 → 商家数).  The
  prediction is right when it is that canonical label or the gold phrase itself.  A word that
  merely occurs in the phrase is not enough (销售额 is wrong for 年销售额破亿商家数目标), and a
  gold phrase with no vocabulary word in it can only be matched exactly.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.analysis.entities import EntityRecognizer
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.figure_vocab import Vocabulary, default_vocabulary
from reader.analysis.figures import extract_figures
from reader.analysis.model import Figure
from reader.evaluation.gold import load_gold
from reader.evaluation.ratios import f1, ratio
from reader.ingest.load import load_file

_NOTE = re.compile(r"[（(][^）)]*[）)]")
VALUE_TOLERANCE = 0.01


@dataclass(frozen=True, slots=True)
class GoldFigure:
    start: int  # -1 when the surface was not found in the text
    end: int
    surface: str
    value: float
    unit: str
    label: str | None
    subject: str | None
    period: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Pair:
    gold: GoldFigure
    predicted: Figure
    label_ok: bool
    subject_ok: bool
    period_ok: bool
    kind_ok: bool


@dataclass(frozen=True, slots=True)
class FigureScore:
    name: str
    gold: int
    predicted: int
    pairs: tuple[Pair, ...] = ()
    missed: tuple[GoldFigure, ...] = ()
    spurious: tuple[Figure, ...] = field(default=())

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def precision(self) -> float:
        return ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.matched, self.gold, self.predicted)

    def accuracy(self, attribute: str) -> float:
        """Share of matched figures whose ``attribute`` (label, subject, period, kind) is right."""
        if not self.pairs:
            return 1.0
        return sum(getattr(p, f"{attribute}_ok") for p in self.pairs) / len(self.pairs)


def locate_gold(text: str, gold_figures: Sequence[dict[str, Any]]) -> list[GoldFigure]:
    """The gold figures with offsets: each surface found after the previous one."""
    out = []
    cursor = 0
    for g in gold_figures:
        at = text.find(g["surface"], cursor)
        if at >= 0:
            cursor = at + 1
        out.append(
            GoldFigure(
                start=at,
                end=at + len(g["surface"]) if at >= 0 else -1,
                surface=g["surface"],
                value=float(g["value"]),
                unit=g["unit"],
                label=g.get("label"),
                subject=g.get("subject"),
                period=g.get("period"),
                kind=g.get("kind", "actual"),
            )
        )
    return out


def canonical_label(phrase: str | None, vocab: Vocabulary) -> str | None:
    """The vocabulary label a free label phrase is about: the label word that ends last in it."""
    if not phrase:
        return None
    text = _NOTE.sub("", phrase)
    pattern = vocab.label_pattern()  # synonyms only: `after` words name a label only after a figure
    best: tuple[int, int, str] | None = None
    for i in range(len(text)):
        m = pattern.match(text, i)
        if m is None:
            continue
        label = vocab.label_for(m.group())
        if label is None:
            continue
        key = (m.end(), m.end() - m.start(), label.name)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


def label_matches(predicted: str | None, gold: str | None, vocab: Vocabulary) -> bool:
    if predicted is None or gold is None:
        return predicted == gold
    if predicted == gold:
        return True
    # the label quotes the article (实时观看量), the gold may name it otherwise (实时观看人数):
    # the same measure when both phrases end in words of one vocabulary label
    head = canonical_label(gold, vocab)
    return head is not None and head in (predicted, canonical_label(predicted, vocab))


def score_figures(
    name: str,
    text: str,
    gold_figures: Sequence[dict[str, Any]],
    predicted: Sequence[Figure],
    vocab: Vocabulary | None = None,
) -> FigureScore:
    vocab = vocab or default_vocabulary()
    gold = locate_gold(text, gold_figures)
    used: set[int] = set()
    pairs: list[Pair] = []
    missed: list[GoldFigure] = []
    for g in gold:
        found = None
        for i, p in enumerate(predicted):
            if i in used or g.start < 0:
                continue
            overlaps = p.start < g.end and g.start < p.end
            if overlaps and abs(p.value - g.value) <= VALUE_TOLERANCE and p.unit == g.unit:
                found = i
                break
        if found is None:
            missed.append(g)
            continue
        used.add(found)
        p = predicted[found]
        pairs.append(
            Pair(
                gold=g,
                predicted=p,
                label_ok=label_matches(p.label, g.label, vocab),
                subject_ok=p.subject == g.subject,
                period_ok=p.period == g.period,
                kind_ok=p.kind.value == g.kind,
            )
        )
    spurious = tuple(p for i, p in enumerate(predicted) if i not in used)
    return FigureScore(name, len(gold), len(predicted), tuple(pairs), tuple(missed), spurious)


def total(scores: Sequence[FigureScore]) -> FigureScore:
    """All articles pooled (micro-averaged)."""
    return FigureScore(
        "overall",
        sum(s.gold for s in scores),
        sum(s.predicted for s in scores),
        tuple(p for s in scores for p in s.pairs),
        tuple(g for s in scores for g in s.missed),
        tuple(m for s in scores for m in s.spurious),
    )


def score_folder(seeds: Path, gold_folder: Path) -> tuple[list[FigureScore], float]:
    """Run the real pipeline (ingest → entities → figures) on every gold article in ``seeds``.

    Returns the scores and the seconds spent in ``extract_figures`` alone."""
    recognizer = EntityRecognizer(Gazetteer.load())
    scores = []
    spent = 0.0
    for gold in load_gold(gold_folder):
        article = load_file(seeds / gold.file, seeds)
        mentions = recognizer.recognise(article.text)
        started = time.perf_counter()
        figures = extract_figures(article.text, mentions, article.date, title=article.title or "")
        spent += time.perf_counter() - started
        scores.append(score_figures(gold.stem, article.text, gold.data["metrics"], figures))
    return scores, spent
