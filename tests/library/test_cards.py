"""Entity cards without Qt: the quick part, the slow part, and an article's names."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.model import Entity, EntityType
from reader.analysis.pipeline import Analyzer
from reader.library.cards import article_entities, build_card, card_details
from reader.library.library import Library
from reader.library.load import load_library


@pytest.fixture(scope="module")
def seeds_library() -> Library:
    return load_library([Path(__file__).resolve().parents[2] / "seeds"], None, Analyzer())


def test_build_card_lists_aliases_and_newest_articles(seeds_library: Library) -> None:
    summary = seeds_library.entity("字节跳动")
    assert summary is not None
    rank = {a.key: i for i, a in enumerate(sorted(seeds_library.articles, key=lambda a: a.date or "", reverse=True))}
    known = Entity("字节跳动", EntityType.ORG, ("ByteDance",), "中国互联网公司")
    card = build_card(seeds_library, summary, known, "中国互联网公司", rank, notes=("看好",), limit=2)
    assert card.name == "字节跳动" and card.type is EntityType.ORG
    assert "字节" in card.aliases and card.aliases[-1] == "ByteDance"  # the library's first
    assert len(card.articles) == 2 and card.article_count == len(summary.articles)
    dates = [a.date or "" for a in card.articles]
    assert dates == sorted(dates, reverse=True)
    assert card.notes == ("看好",)


def test_card_details_gather_figures_and_names_seen_with_it(seeds_library: Library) -> None:
    details = card_details(seeds_library, "抖音电商")
    assert details.figures and all(m.subject == "抖音电商" for _, m in details.figures)
    assert details.cooccurring and details.cooccurring[0][0] != "抖音电商"
    assert {key for key, _ in details.titles} == {key for key, _ in details.figures}


def test_article_entities_count_mentions_here(seeds_library: Library) -> None:
    article = seeds_library.articles[0]
    rows = article_entities(seeds_library.analysis(article.key).mentions, {}, article.key)
    assert rows and all(row.articles == (article.key,) for row in rows)
    total = sum(row.mentions for row in rows)
    assert total == len(seeds_library.analysis(article.key).mentions)
