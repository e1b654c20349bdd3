"""Names learned across the library: what the model found in one article is linked in another."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.model import EntityType
from reader.analysis.pipeline import Analyzer
from reader.analysis.statistical import ModelName, load_model
from reader.ingest.load import load_file
from reader.library.learned import learned_names, link_learned
from reader.library.load import load_library


class OneArticleModel:
    """Finds 驹马物流 only in the article about a round (融资) — as a model that fired once would."""

    version = "one-article-1"

    def names(self, text: str) -> list[ModelName]:
        if "融资" not in text:
            return []
        found, at = [], text.find("驹马物流")
        while at >= 0:
            found.append(ModelName(at, at + 4, "驹马物流", EntityType.ORG))
            at = text.find("驹马物流", at + 1)
        return found


def _library(tmp_path: Path):  # noqa: ANN202
    (tmp_path / "a.md").write_text("# 独家\n\n驹马物流完成新一轮融资。驹马物流表示将扩张。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# 快讯\n\n同城货运赛道上，驹马物流正在扩张。\n", encoding="utf-8")
    analyzer = Analyzer(model=OneArticleModel())
    return load_library([tmp_path], None, analyzer), analyzer


def test_a_name_the_model_found_in_one_article_is_linked_in_another(tmp_path: Path) -> None:
    library, analyzer = _library(tmp_path)
    assert "驹马物流" not in library.article_entities("b.md")
    assert learned_names(library, analyzer) == {"驹马物流": EntityType.ORG}

    linked = link_learned(library, analyzer)

    assert "驹马物流" in linked.article_entities("b.md")
    assert linked.entity("驹马物流").articles == ("a.md", "b.md")
    assert linked.analysis("a.md") == library.analysis("a.md")  # untouched


def test_a_name_the_gazetteer_knows_is_not_learned(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# 独家\n\n美团发布财报。美团表示增长。\n", encoding="utf-8")
    analyzer = Analyzer(model=OneArticleModel())
    library = load_library([tmp_path], None, analyzer)
    assert learned_names(library, analyzer) == {}


REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "articles"
_LEARNABLE = (EntityType.ORG, EntityType.PERSON, EntityType.PRODUCT)


def test_linking_learned_names_over_the_analyses_gives_what_analysing_again_gives() -> None:
    """``Analyzer.relink`` (what link_learned does) against analysing afresh with the learned
    names (what it did before, running the model again), on real articles: every name the
    model found in any of them, learned by all."""
    model, why = load_model()
    if model is None:
        pytest.skip(why or "no name model")
    analyzer = Analyzer().with_model(model)
    articles = [load_file(REAL / name, REAL) for name in ("007.md", "008.md", "016.md")]
    before = {a.key: analyzer.analyse(a) for a in articles}
    gazetteer = analyzer.recognizer.gazetteer
    learned = {
        m.entity: m.type
        for a in articles
        for m in before[a.key].mentions
        if m.type in _LEARNABLE and gazetteer.get(m.entity) is None
    }
    learning = analyzer.with_learned(learned)

    relinked = {a.key: learning.relink(a, before[a.key]) for a in articles}

    assert {key for key, analysis in relinked.items() if analysis != before[key]}  # some name was linked anew
    for article in articles:
        assert relinked[article.key] == learning.analyse(article), article.key
        for m in relinked[article.key].mentions:
            assert article.text[m.start : m.end] == m.surface
