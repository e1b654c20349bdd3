"""An entity's quotes across the library (Library.quotes_by, library/quotes.py), for its card,
and one article's quotes for the Quotes panel: found on real sentences by the real finder."""

from __future__ import annotations

from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analysis
from reader.analysis.quotes import find_quotes
from reader.ingest.model import Article
from reader.library.library import Library
from reader.library.quotes import SHOWN_CHARS, quotes_by, quotes_in


def _article(key: str, text: str, date: str | None) -> Article:
    return Article(key=key, file=key, title=f"标题{key}", text=text, date=date)


def _analysis(text: str, names: dict[str, EntityType]) -> Analysis:
    mentions = []
    for name, kind in names.items():
        at = text.find(name)
        while at >= 0:
            mentions.append(Mention(at, at + len(name), name, kind, name))
            at = text.find(name, at + 1)
    mentions.sort(key=lambda m: m.start)
    return Analysis(tuple(mentions), (), None, find_quotes(text, mentions))


def _library() -> Library:
    old = _article("old.md", "康泽宇告诉Tech星球，内部讨论过“直播电商”，但后来觉得就把这个事做小了。", "2021-04-13")
    new = _article("new.md", "在广州的活动中，康泽宇告诉数百名观众：“这有点儿像在街上购物。”黄周说：“在淘宝上吸引顾客非常难。”", "2021-05-10")
    undated = _article("undated.md", "抖音电商总裁康泽宇表示抖音是“兴趣电商”，其核心是主动帮用户发现潜在的需求。", None)
    names = {"康泽宇": EntityType.PERSON, "黄周": EntityType.PERSON, "Tech星球": EntityType.ORG, "抖音": EntityType.PRODUCT}
    articles = [undated, old, new]  # library order is not date order
    return Library("lib", articles, {a.key: _analysis(a.text, names) for a in articles})


def test_quotes_by_an_entity_are_newest_first_across_articles() -> None:
    library = _library()
    found = quotes_by(library, "康泽宇")
    assert [(r.article, r.date) for r in found] == [("new.md", "2021-05-10"), ("old.md", "2021-04-13"), ("undated.md", None)]
    assert [r.words for r in found] == [
        "这有点儿像在街上购物。",
        "内部讨论过“直播电商”，但后来觉得就把这个事做小了",
        "抖音是“兴趣电商”，其核心是主动帮用户发现潜在的需求",
    ]
    for ref in found:  # each jumps to its place: the offsets slice the words out of its article
        text = library.article(ref.article).text
        assert text[ref.quote.start : ref.quote.end] == ref.words and ref.speaker == "康泽宇"
    assert [r.words for r in quotes_by(library, "黄周")] == ["在淘宝上吸引顾客非常难。"]
    assert quotes_by(library, "Tech星球") == () and quotes_by(library, "无名") == ()


def test_quotes_in_an_article_are_in_reading_order_and_shortened_for_display() -> None:
    library = _library()
    article = library.article("new.md")
    refs = quotes_in(article, tuple(reversed(library.analysis("new.md").quotes)))
    assert [r.speaker for r in refs] == ["康泽宇", "黄周"]
    long = _article("long.md", "黄周说：“" + "很" * 300 + "难。”", None)
    (ref,) = quotes_in(long, _analysis(long.text, {"黄周": EntityType.PERSON}).quotes)
    assert len(ref.short) == SHOWN_CHARS and ref.short.endswith("…") and len(ref.words) == 302
