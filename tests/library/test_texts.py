"""A reopened library holds no text (issue 18, point 4: the texts were half of its memory at 100k
articles): each is read from its listing when something wants it. What the user sees — search
hits, mention lines, entity summaries, cards, figures, quotes, stories, corrections — is what the
library read from the files shows."""

from __future__ import annotations

import shutil
from contextlib import closing
from pathlib import Path

import pytest

from reader.analysis.corrections import AddEntity, Ignore, Merge, Retype
from reader.analysis.model import EntityType
from reader.analysis.pipeline import Analyzer
from reader.library import search
from reader.library.cards import card_details
from reader.library.corrected import corrected_library
from reader.library.library import Library
from reader.library.load import load_library
from reader.library.store import Store

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data" / "unseen").glob("*.md")])
QUERIES = ["电商", "字節跳動", "增长", "的", "亿元", "熊猫", "zjtd", "meituan", "一个不存在的词语"]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture
def libraries(tmp_path: Path, data_dir: Path, analyzer: Analyzer) -> tuple[Library, Library]:
    """The library read from its files (texts in memory) and the same reopened from the cache."""
    folder = tmp_path / "lib"
    folder.mkdir()
    for path in REAL:
        shutil.copy(path, folder / path.name)
    for copy in ("copy-a.txt", "copy-b.txt"):  # one story twice, for the reprints
        shutil.copy(REAL[0], folder / copy)
    in_memory = load_library([folder], None, analyzer)
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, analyzer)
        reopened = load_library([folder], store, analyzer)
    for library in (in_memory, reopened):
        library.prepare_reprints()
        library.prepare_search()
    return in_memory, reopened


def _seen(library: Library) -> dict[str, object]:
    """What the panels show of a library."""
    names = [s.name for s in library.entities()]
    return {
        "summaries": library.entities(),
        "mentions": {name: list(library.mentions_of(name)) for name in names},
        "some mentions": {name: library.mentions_of(name)[1:4] for name in names},
        "hits": {q: library.search(q) for q in QUERIES},
        "cards": {name: card_details(library, name) for name in names},
        "holding": library.articles_holding(["美团", "小米"]),
        "stories": library.stories(),
        "analyses": {a.key: library.analysis(a.key) for a in library.articles},
        "articles": [library.article(a.key) for a in library.articles],
        "texts": [library.text(a.key) for a in library.articles],
    }


def test_reopened_library_holds_no_text_and_shows_what_the_files_do(
    libraries: tuple[Library, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    in_memory, reopened = libraries
    assert all(a.text == "" for a in reopened.articles)  # read when wanted
    assert all(a.text for a in in_memory.articles)
    assert len(reopened.stories()) >= 1
    seen, expected = _seen(reopened), _seen(in_memory)
    for part, value in expected.items():
        assert seen[part] == value, part
    # Past the first articles scanned, a search reads the texts of the articles the index says
    # hold the query, a few at a time, and stops at its limit.
    monkeypatch.setattr(search, "_SCANNED_FIRST", 0)
    for query in QUERIES:
        assert reopened.search(query) == in_memory.search(query), query
        assert reopened.search(query, limit=3) == in_memory.search(query, limit=3), query


@pytest.mark.parametrize(
    "correction",
    [Retype("美团", EntityType.PERSON), Merge("美团", "小米"), Ignore("小米"), AddEntity("外卖平台", EntityType.ORG)],
    ids=["retype", "merge", "ignore", "add"],
)
def test_corrections_over_a_reopened_library_show_what_the_files_do(
    libraries: tuple[Library, Library], correction: object
) -> None:
    """A correction reads the texts of the articles it touches (their figures and quotes are
    read again over the new mentions) and shows what the same correction of the library read
    from its files does."""
    in_memory, reopened = libraries
    assert "美团" in in_memory.entity_names() and "小米" in in_memory.entity_names()
    expected, _ = corrected_library(in_memory, [correction])  # type: ignore[list-item]
    corrected, _ = corrected_library(reopened, [correction])  # type: ignore[list-item]
    assert all(a.text == "" for a in corrected.articles)
    seen, wanted = _seen(corrected), _seen(expected)
    for part, value in wanted.items():
        assert seen[part] == value, part
