"""Scoring entity mentions against the hand-checked gold (tests/data/gold, README there).

Per article, over *distinct entities*:

- precision: predicted entities that are gold entities of that article;
- recall: gold ``core`` entities that were predicted;
- type accuracy: matched entities whose type is one of the gold's acceptable types;
- alias linking: every pair of a gold entity's surfaces that were both found links to one entity;
- not_entities: a mention whose surface or entity name equals a listed string is a violation;
- mention counts (secondary): predicted against gold count per matched entity.

A predicted entity matches a gold entity when its name, or one of the surfaces it was found
as, is the gold name or one of the gold aliases.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.analysis.model import Mention
from reader.evaluation.gold import Gold
from reader.evaluation.ratios import ratio


@dataclass(frozen=True, slots=True)
class ArticleScore:
    stem: str
    predicted: int
    correct: int
    false_positives: tuple[str, ...]
    core: int
    core_found: int
    missed_core: tuple[str, ...]
    missed_other: tuple[str, ...]
    typed: int
    typed_right: int
    wrong_types: tuple[str, ...]  # "name: got / wanted"
    alias_pairs: int
    alias_pairs_linked: int
    alias_failures: tuple[str, ...]
    not_entity_violations: tuple[str, ...]
    counts_exact: int
    counts_total: int
    count_errors: tuple[str, ...]  # "name: got n, gold m"

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.core_found, self.core)

    @property
    def type_accuracy(self) -> float:
        return ratio(self.typed_right, self.typed)

    @property
    def alias_linking(self) -> float:
        return ratio(self.alias_pairs_linked, self.alias_pairs)


@dataclass(frozen=True, slots=True)
class CorpusScore:
    articles: tuple[ArticleScore, ...]

    def _sum(self, field: str) -> int:
        return sum(getattr(a, field) for a in self.articles)

    @property
    def precision(self) -> float:
        return ratio(self._sum("correct"), self._sum("predicted"))

    @property
    def recall(self) -> float:
        return ratio(self._sum("core_found"), self._sum("core"))

    @property
    def type_accuracy(self) -> float:
        return ratio(self._sum("typed_right"), self._sum("typed"))

    @property
    def alias_linking(self) -> float:
        return ratio(self._sum("alias_pairs_linked"), self._sum("alias_pairs"))

    @property
    def not_entity_violations(self) -> int:
        return sum(len(a.not_entity_violations) for a in self.articles)

    @property
    def counts_exact(self) -> float:
        return ratio(self._sum("counts_exact"), self._sum("counts_total"))


def score_article(gold: Gold, mentions: Sequence[Mention]) -> ArticleScore:
    """Score one article's mentions against its gold file."""
    gold_entities = gold.data["entities"]
    surfaces_of: dict[str, set[str]] = defaultdict(set)
    types_of: dict[str, Counter] = defaultdict(Counter)
    count_of: Counter[str] = Counter()
    for m in mentions:
        surfaces_of[m.entity].add(m.surface)
        types_of[m.entity][m.type.value] += 1
        count_of[m.entity] += 1

    def names(g: dict) -> set[str]:
        return {g["name"], *g.get("aliases", ())}

    matched: dict[str, dict] = {}  # predicted name -> gold entity
    for name, surfaces in surfaces_of.items():
        for g in gold_entities:
            if names(g) & ({name} | surfaces):
                matched[name] = g
                break
    found_gold = {g["name"] for g in matched.values()}
    false_positives = tuple(sorted(n for n in surfaces_of if n not in matched))
    core = [g for g in gold_entities if g.get("core")]
    missed_core = tuple(g["name"] for g in core if g["name"] not in found_gold)
    missed_other = tuple(
        g["name"] for g in gold_entities if not g.get("core") and g["name"] not in found_gold
    )

    wrong_types = []
    for name, g in matched.items():
        got = types_of[name].most_common(1)[0][0]
        if got not in g["types"]:
            wrong_types.append(f"{name}: {got} / {'|'.join(g['types'])}")

    # Alias linking: surfaces of one gold entity must point at one predicted entity.
    entity_of_surface: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        entity_of_surface[m.surface].add(m.entity)
    pairs = linked = 0
    alias_failures = []
    for g in gold_entities:
        present = sorted(s for s in names(g) if s in entity_of_surface)
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                pairs += 1
                ea, eb = entity_of_surface[a], entity_of_surface[b]
                if len(ea) == 1 and ea == eb:
                    linked += 1
                else:
                    alias_failures.append(f"{a} → {sorted(ea)} / {b} → {sorted(eb)}")

    not_entities = set(gold.data.get("not_entities", ()))
    violations = tuple(
        sorted({m.surface for m in mentions if m.surface in not_entities or m.entity in not_entities})
    )

    counts_exact = 0
    count_errors = []
    per_gold: Counter[str] = Counter()
    for name, g in matched.items():
        per_gold[g["name"]] += count_of[name]
    for g in gold_entities:
        if g["name"] not in found_gold:
            continue
        if per_gold[g["name"]] == g["mentions"]:
            counts_exact += 1
        else:
            count_errors.append(f"{g['name']}: got {per_gold[g['name']]}, gold {g['mentions']}")

    return ArticleScore(
        stem=gold.stem,
        predicted=len(surfaces_of),
        correct=len(matched),
        false_positives=false_positives,
        core=len(core),
        core_found=len(core) - len(missed_core),
        missed_core=missed_core,
        missed_other=missed_other,
        typed=len(matched),
        typed_right=len(matched) - len(wrong_types),
        wrong_types=tuple(wrong_types),
        alias_pairs=pairs,
        alias_pairs_linked=linked,
        alias_failures=tuple(alias_failures),
        not_entity_violations=violations,
        counts_exact=counts_exact,
        counts_total=len(found_gold),
        count_errors=tuple(count_errors),
    )


def score_corpus(scored: Iterable[ArticleScore]) -> CorpusScore:
    return CorpusScore(tuple(scored))


def report(score: CorpusScore, verbose: bool = False) -> str:
    """A plain-text table: one line per article, then the overall figures."""
    head = f"{'article':<24} {'prec':>6} {'recall':>6} {'type':>6} {'alias':>6} {'notent':>6} {'counts':>6}"
    lines = [head, "-" * len(head)]
    for a in score.articles:
        lines.append(
            f"{a.stem:<24} {a.precision:6.3f} {a.recall:6.3f} {a.type_accuracy:6.3f} "
            f"{a.alias_linking:6.3f} {len(a.not_entity_violations):6d} "
            f"{ratio(a.counts_exact, a.counts_total):6.3f}"
        )
        if verbose:
            for label, items in (
                ("false positives", a.false_positives),
                ("missed core", a.missed_core),
                ("missed (not core)", a.missed_other),
                ("wrong types", a.wrong_types),
                ("alias failures", a.alias_failures),
                ("not_entities highlighted", a.not_entity_violations),
                ("mention counts", a.count_errors),
            ):
                if items:
                    lines.append(f"    {label}: {', '.join(items)}")
    lines.append("-" * len(head))
    lines.append(
        f"{'overall':<24} {score.precision:6.3f} {score.recall:6.3f} {score.type_accuracy:6.3f} "
        f"{score.alias_linking:6.3f} {score.not_entity_violations:6d} {score.counts_exact:6.3f}"
    )
    return "\n".join(lines)
