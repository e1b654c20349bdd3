"""The metric extractor on the seed gold, through the real pipeline (ingest → entities →
metrics), must meet the targets of issue 5.  ``bench/score_figures.py -v`` shows the misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.figure_vocab import default_vocabulary
from reader.evaluation.figures import FigureScore, canonical_label, label_matches, score_folder, total

TARGETS = {"f1": 0.95, "label": 0.85, "subject": 0.85, "period": 0.85, "kind": 0.90}


@pytest.fixture(scope="module")
def scores(seeds_dir: Path, gold_dir: Path) -> tuple[list[FigureScore], float]:
    return score_folder(seeds_dir, gold_dir)


def test_figure_scores_value_and_unit_f1(scores: tuple[list[FigureScore], float]) -> None:
    overall = total(scores[0])
    assert overall.f1 >= TARGETS["f1"], [(g.surface, g.value, g.unit) for g in overall.missed]


@pytest.mark.parametrize("attribute", ["label", "subject", "period", "kind"])
def test_figure_scores_understanding(scores: tuple[list[FigureScore], float], attribute: str) -> None:
    overall = total(scores[0])
    wrong = [
        (p.gold.surface, getattr(p.predicted, attribute), getattr(p.gold, attribute))
        for p in overall.pairs
        if not getattr(p, f"{attribute}_ok")
    ]
    assert overall.accuracy(attribute) >= TARGETS[attribute], wrong


def test_figure_scores_extraction_is_fast(scores: tuple[list[FigureScore], float]) -> None:
    assert scores[1] < 1.0


@pytest.mark.parametrize(
    ("phrase", "canonical"),
    [
        ("总成交额", "GMV"),
        ("国内广告销售额贡献占比", "占比"),
        ("年销售额破亿商家数目标", "商家数"),
        ("实时观看人数（区间下限）", "观看人数"),
        ("GMV同比增长倍数", "增长倍数"),
        ("年GMV规模门槛", "GMV"),
        ("在线支出占零售总额比例", "占比"),
        ("首场直播销售额", "销售额"),
        ("不在词表里", None),
    ],
)
def test_canonical_label_reads_the_head_of_the_phrase(phrase: str, canonical: str | None) -> None:
    assert canonical_label(phrase, default_vocabulary()) == canonical


@pytest.mark.parametrize(
    ("predicted", "gold", "ok"),
    [
        ("GMV", "总成交额", True),
        ("销售额", "年销售额破亿商家数目标", False),  # a word inside the phrase is not its head
        ("商家数", "年销售额破亿商家数目标", True),
        ("营收", "同比增长", False),
        ("累计观看人次", "累计观看人次", True),
        ("实时观看量", "实时观看人数（区间下限）", True),  # the article's word for the same measure
        (None, "GMV", False),
    ],
)
def test_label_matches_is_not_a_substring_test(predicted: str | None, gold: str, ok: bool) -> None:
    assert label_matches(predicted, gold, default_vocabulary()) is ok
