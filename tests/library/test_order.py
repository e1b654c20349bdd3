"""The default order of a library's articles: newest first, undated last, then by key."""

from __future__ import annotations

import pytest

from reader.analysis.pipeline import Analysis
from reader.ingest.model import Article
from reader.library.library import Library
from reader.library.order import date_number


@pytest.mark.parametrize(
    ("date", "number"),
    [("2024-03-05", 20240305), ("2024-03", 20240300), ("2024", 20240000), ("", -1), (None, -1), ("undated", -1)],
)
def test_date_number_reads_the_date_as_a_sortable_number(date: str | None, number: int) -> None:
    assert date_number(date) == number


def _article(key: str, date: str | None) -> Article:
    return Article(key=key, file=key, title=key, text="正文", date=date)


def test_library_lists_newest_first_undated_last_and_keeps_the_order_when_updated() -> None:
    articles = [_article("b.md", "2024-01-02"), _article("a.md", None), _article("c.md", "2024-05-01"), _article("d.md", "2024-01-02")]
    library = Library("root", articles, {})
    assert [a.key for a in library.newest_first()] == ["c.md", "b.md", "d.md", "a.md"]
    updated = library.with_analyses({"b.md": Analysis()})
    assert updated.newest_first() is library.newest_first()  # sorted once, shared
