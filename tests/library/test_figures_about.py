"""Library.figures_about: an entity's figures across articles, for the entity card."""

from __future__ import annotations

from reader.analysis.model import EntityType, Mention, Figure
from reader.analysis.pipeline import Analysis
from reader.ingest.model import Article
from reader.library.library import Library


def _article(key: str, text: str) -> Article:
    return Article(key=key, file=key, title=key, text=text)


def test_figures_about_returns_the_entitys_figures_in_library_order() -> None:
    a = _article("a.md", "抖音日活6亿，快手日活3亿。")
    b = _article("b.md", "抖音GMV达到5000亿元。")
    c = _article("c.md", "快手不提抖音。")

    def mention(text: str, name: str) -> Mention:
        start = text.index(name)
        return Mention(start, start + len(name), name, EntityType.PRODUCT, name)

    def figure(text: str, surface: str, value: float, unit: str, label: str, subject: str) -> Figure:
        start = text.index(surface)
        return Figure(start, start + len(surface), surface, value, unit, label=label, subject=subject)

    analyses = {
        "a.md": Analysis(
            (mention(a.text, "抖音"), mention(a.text, "快手")),
            (figure(a.text, "6亿", 6e8, "users", "日活", "抖音"), figure(a.text, "3亿", 3e8, "users", "日活", "快手")),
        ),
        "b.md": Analysis((mention(b.text, "抖音"),), (figure(b.text, "5000亿元", 5e11, "CNY", "GMV", "抖音"),)),
        "c.md": Analysis((mention(c.text, "快手"), mention(c.text, "抖音")), ()),
    }
    library = Library("lib", [a, b, c], analyses)
    found = library.figures_about("抖音")
    assert [(key, library.article(key).text[m.start : m.end]) for key, m in found] == [("a.md", "6亿"), ("b.md", "5000亿元")]
    assert [m.label for _, m in library.figures_about("快手")] == ["日活"]
    assert library.figures_about("无名") == []
