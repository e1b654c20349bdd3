"""Entity recognition on the seed articles must meet the issue's targets against the gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.entities import EntityRecognizer
from reader.analysis.gazetteer import Gazetteer
from reader.evaluation.entities import CorpusScore, report, score_article, score_corpus
from reader.evaluation.gold import load_gold
from reader.ingest.load import load_file


@pytest.fixture(scope="module")
def score(seeds_dir: Path, gold_dir: Path) -> CorpusScore:
    recogniser = EntityRecognizer(Gazetteer.load())
    scored = []
    for gold in load_gold(gold_dir):
        text = load_file(seeds_dir / gold.file, seeds_dir).text
        scored.append(score_article(gold, recogniser.recognise(text)))
    return score_corpus(scored)


def test_entity_scores_precision_at_least_95_percent(score: CorpusScore) -> None:
    assert score.precision >= 0.95, report(score, verbose=True)


def test_entity_scores_core_recall_at_least_95_percent(score: CorpusScore) -> None:
    assert score.recall >= 0.95, report(score, verbose=True)


def test_entity_scores_types_right_at_least_95_percent(score: CorpusScore) -> None:
    assert score.type_accuracy >= 0.95, report(score, verbose=True)


def test_entity_scores_every_alias_pair_linked(score: CorpusScore) -> None:
    assert score.alias_linking == 1.0, report(score, verbose=True)


def test_entity_scores_no_not_entity_highlighted(score: CorpusScore) -> None:
    assert score.not_entity_violations == 0, report(score, verbose=True)


def test_entity_scores_every_seed_precise(score: CorpusScore) -> None:
    """The overall figure must not hide one bad article."""
    for article in score.articles:
        assert article.precision >= 0.9, report(score, verbose=True)
        assert article.recall >= 0.9, report(score, verbose=True)
