"""The full-text index on disk (issue 18, point 4): a library read from a store searches the
index instead of every text folded in memory, and finds what the scan finds — the same hits,
in the same order, for queries of any length, either script, any case, on real texts and on
texts made to break it. Texts folded are counted, not timed."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis import folding
from reader.analysis.folding import search_form, search_pattern
from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analysis
from reader.ingest.model import Article
from reader.library import search, search_index
from reader.library.library import Library
from reader.library.load import load_library
from reader.library.search_index import SearchIndex, index_listings
from reader.library.store import MIGRATIONS, Store

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data" / "unseen").glob("*.md")])

# Texts made to break an index of character pairs: astral characters (an emoji, CJK Extension
# B), full-width and traditional forms, Latin case, spaces and newlines, a character repeated
# (overlapping hits), a one-character text, and one after front matter.
NASTY = {
    "n1.md": "抖音电商😀𠀋字節跳動ＡＩ与AI，ai。\n\n第二段  两个空格\t制表符。",
    "n2.md": "哈哈哈哈哈，哈哈。電商电商電商。𠀋𠀋𠀋",
    "n3.md": "甲",
    "n4.md": "---\ntitle: 空\nsource: 乙方\n---\n乙",
    "n5.md": "ＢｙｔｅＤａｎｃｅ 即 bytedance，BYTEDANCE。字节跳动和字節跳動。",
    "n6.md": "·•‧・･ 点与点。全角　空格。\r\n行尾。",
}
NAMES = {"字节跳动": "字节跳动", "字節跳動": "字节跳动", "抖音": "抖音", "阿里巴巴": "阿里巴巴", "美团": "美团"}


class NamesAnalyzer:
    """Marks a few names (a traditional spelling too) as mentions of their entity."""

    version = "search-index-test-1"

    def analyse(self, article: Article) -> Analysis:
        mentions = [
            Mention(m.start(), m.end(), m.group(), EntityType.ORG, NAMES[m.group()])
            for m in re.finditer("|".join(NAMES), article.text)
        ]
        return Analysis(tuple(mentions), ())


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    for path in REAL:
        (folder / path.name).write_bytes(path.read_bytes())
    for name, text in NASTY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _queries(library: Library) -> Iterator[str]:
    """Words of every length from the texts themselves, and words of no text."""
    yield from ("电商", "字節跳動", "字节跳动", "BYTEDANCE", "ai", "哈哈", "哈哈哈", "𠀋", "😀", "𠀋𠀋", "甲", "。", "，ai")
    yield from ("·", "两个空格", "  ", "熊猫", "zjtd", "zijie", "meituan", "增长", "2021年", "亿元", "的", "乙")
    for a in library.articles:
        text = a.text
        for start, size in ((0, 2), (len(text) // 3, 3), (len(text) // 2, 2), (len(text) - 5, 5), (len(text) // 4, 12)):
            if 0 <= start and text[start : start + size].strip():
                yield text[start : start + size]


def _hits(library: Library, query: str, **filters: str) -> list[tuple]:
    return [(h.article, h.start, h.end, h.before, h.match, h.after) for h in library.search(query, **filters)]


@pytest.mark.parametrize("scanned_first", [0, 5, 10_000])
def test_search_on_disk_finds_what_the_scan_in_memory_finds(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, scanned_first: int
) -> None:
    """The same hits in the same order, with and without filters and limits, whether the index
    is read after none, a few or all of the articles were scanned."""
    monkeypatch.setattr(search, "_SCANNED_FIRST", scanned_first)
    folder = _folder(tmp_path)
    in_memory = load_library([folder], None, NamesAnalyzer())
    with closing(Store.open(data_dir)) as store:
        first = load_library([folder], store, NamesAnalyzer())  # indexed as it is analysed
        reopened = load_library([folder], store, NamesAnalyzer())  # from the listings
    assert len(in_memory) == len(first) == len(reopened) == len(REAL) + len(NASTY)
    sources = sorted({a.source for a in in_memory.articles if a.source})
    for query in dict.fromkeys(_queries(in_memory)):
        expected = _hits(in_memory, query)
        assert _hits(first, query) == expected, query
        assert _hits(reopened, query) == expected, query
        assert [h.article for h in reopened.search(query, limit=3)] == [h.article for h in in_memory.search(query, limit=3)]
        for source in sources[:2]:
            assert _hits(reopened, query, source=source) == _hits(in_memory, query, source=source), (query, source)
        assert _hits(reopened, query, entity="抖音") == _hits(in_memory, query, entity="抖音"), query
    words = ["字節跳動", "熊猫", "𠀋", "ai"]
    assert reopened.articles_holding(words) == in_memory.articles_holding(words)
    assert reopened.articles_holding(["哈"]) == in_memory.articles_holding(["哈"]) == ["n2.md"]


def test_search_on_disk_folds_only_the_articles_that_hold_the_query(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word in one article of many is found by reading that article, not every text."""
    folder = tmp_path / "lib"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02}.md").write_text(f"第{i}篇：平台与用户的增长。" * 60 + ("熊猫咖啡。" if i == 23 else ""), encoding="utf-8")
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, NamesAnalyzer())
        library = load_library([folder], store, NamesAnalyzer())
    library.prepare_search()
    monkeypatch.setattr(search, "_SCANNED_FIRST", 0, raising=False)
    folded: list[str] = []
    original = folding._search_form_by_array
    monkeypatch.setattr(folding, "_search_form_by_array", lambda text: folded.append(text) or original(text))
    read: list[str] = []

    class Reading:
        """A search pattern that notes each text it reads."""

        def __init__(self, query: str) -> None:
            self.pattern = search_pattern(query)

        def finditer(self, text: str) -> Iterator[re.Match[str]]:
            read.append(text)
            return self.pattern.finditer(text)

    monkeypatch.setattr(search, "search_pattern", Reading, raising=False)
    hits = library.search("熊猫")
    assert [(h.article, library.article(h.article).text[h.start : h.end]) for h in hits] == [("23.md", "熊猫")]
    assert len(folded) + len(read) == 1


# -- the index alone


def _index_db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None)
    for migration in MIGRATIONS:
        db.executescript(migration)
    return db


_CHARS = st.sampled_from("电商字節跳动动哈 \n\tAaＡ·•😀𠀋甲乙，。") | st.characters(blacklist_categories=("Cs",))


@given(texts=st.lists(st.text(_CHARS, max_size=40), min_size=1, max_size=6), query=st.text(_CHARS, min_size=1, max_size=4))
def test_search_index_holds_exactly_the_texts_that_hold_the_query(texts: list[str], query: str) -> None:
    with closing(_index_db()) as db:
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO listings (content_hash, version, head, mentions, sketch, text) VALUES (?, 'v', '', x'', '', ?)",
            [(f"h{i}", text) for i, text in enumerate(texts)],
        )
        ids = index_listings(db, [(f"h{i}", text) for i, text in enumerate(texts)], "v")
        db.execute("COMMIT")
        found = {i for (i,) in db.execute("SELECT rowid FROM search_index WHERE search_index MATCH ?", (search_index.match(search_form(query)),))}
    assert {h for h, i in ids.items() if i in found} == {f"h{i}" for i, text in enumerate(texts) if search_form(query) in search_form(text)}


@given(text=st.text(_CHARS, min_size=1, max_size=1200))
def test_search_index_tokens_of_a_long_text_are_the_loops(text: str) -> None:
    """Long texts are tokenised by arrays, short ones by a loop: the same tokens."""
    codes = [search_index._code(ch) for ch in text]
    assert search_index.tokens(text) == " ".join(a + b for a, b in zip(codes, [*codes[1:], ""]))


def test_search_index_shares_a_text_and_follows_a_listing_to_a_new_version(data_dir: Path) -> None:
    """One text is indexed once, however many files and analysis versions hold it; a listing
    copied to a corrected version (as a correction's cache is made) keeps its row, and one
    written again for it is given the same."""
    listed = ("{}", b"", "", "字节跳动的文本", [])
    with closing(Store.open(data_dir)) as store:
        ids = store.put_documents([("h1", b"one"), ("h2", b"two")], "v1", [("h1", listed), ("h2", listed)])
        assert ids["h1"] == ids["h2"]
        store.copy_documents("v1", "v2")
        assert {h: listing[3] for h, listing in store.cached_listings(["h1", "h2"], "v2").items()} == ids
        assert store.put_documents([("h1", b"one, corrected")], "v3", [("h1", listed)]) == {"h1": ids["h1"]}
        assert store.connection.execute("SELECT count(*) FROM search_texts").fetchone() == (1,)
        assert SearchIndex(store.path).holding(search_form("字節")).tolist() == [ids["h1"]]
        assert SearchIndex(store.path).holding(search_form("熊猫")).tolist() == []


def test_store_upgrade_indexes_the_texts_once_and_keeps_the_notes(tmp_path: Path, data_dir: Path) -> None:
    """A data dir from before the index (schema 6) keeps its notes; its next reopen indexes
    the listed texts, once, and searches them as the scan does."""
    folder = _folder(tmp_path)
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, NamesAnalyzer())
    with closing(sqlite3.connect(data_dir / "reader.sqlite3")) as db:
        db.execute("DROP TABLE catalogues")  # migration 8's
        db.execute("DROP TABLE search_index")  # as schema 6 left it
        db.execute("DROP TABLE search_texts")
        db.execute("ALTER TABLE listings DROP COLUMN searched")
        db.execute("PRAGMA user_version = 6")
        db.execute(
            "INSERT INTO annotations (id, library, article_key, kind, exact, note, created, modified) "
            "VALUES ('n1', 'lib', 'n1.md', 'note', '抖音', '记下', '2026-01-01', '2026-01-01')"
        )
        db.commit()
    in_memory = load_library([folder], None, NamesAnalyzer())
    with closing(Store.open(data_dir)) as store:
        assert store.connection.execute("SELECT note FROM annotations").fetchall() == [("记下",)]
        upgraded = load_library([folder], store, NamesAnalyzer())
        rows = store.connection.execute("SELECT count(*) FROM search_texts").fetchone()
        assert store.connection.execute("SELECT count(*) FROM listings WHERE searched IS NULL").fetchone() == (0,)
        reopened = load_library([folder], store, NamesAnalyzer())
        assert store.connection.execute("SELECT count(*) FROM search_texts").fetchone() == rows
    for query in ("电商", "字節跳動", "𠀋", "熊猫", "zjtd"):
        assert _hits(upgraded, query) == _hits(reopened, query) == _hits(in_memory, query), query


def test_search_with_articles_the_index_lacks_scans_them(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An article whose text the index does not hold (its listing written while the store was
    failing) is scanned, not missed."""
    monkeypatch.setattr(search, "_SCANNED_FIRST", 0)
    folder = _folder(tmp_path)
    in_memory = load_library([folder], None, NamesAnalyzer())
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, NamesAnalyzer())
        read = Store.cached_listings  # as if written without their rows
        monkeypatch.setattr(Store, "cached_listings", lambda self, h, v: {k: (*x[:3], None) for k, x in read(self, h, v).items()})
        monkeypatch.setattr(Store, "index_listings", lambda self, items, version: {})
        unindexed = load_library([folder], store, NamesAnalyzer())
    for query in ("电商", "字節跳動", "𠀋", "熊猫", "zjtd"):
        assert _hits(unindexed, query) == _hits(in_memory, query), query


def test_store_without_fts5_searches_by_scanning(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An SQLite built without FTS5 opens the store all the same; its searches scan the texts
    and find what the index would."""
    monkeypatch.setattr(search_index, "has_fts5", lambda db: False)
    folder = _folder(tmp_path)
    in_memory = load_library([folder], None, NamesAnalyzer())
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, NamesAnalyzer())
        reopened = load_library([folder], store, NamesAnalyzer())
        assert store.connection.execute("SELECT count(*) FROM search_index").fetchone() == (0,)
    for query in ("电商", "字節跳動", "𠀋", "熊猫", "zjtd"):
        assert _hits(reopened, query) == _hits(in_memory, query), query
    assert reopened.articles_holding(["熊猫", "𠀋"]) == in_memory.articles_holding(["熊猫", "𠀋"])
