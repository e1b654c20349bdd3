"""Library loading, the analysis cache and the cross-article indexes. The analysis here is a
small test double so these tests do not depend on the gazetteer; the real pipeline is
exercised in tests/test_extract.py."""

from __future__ import annotations

import os
import re
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from reader.analysis import pinyin
from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analysis
from reader.ingest.discover import Found
from reader.ingest.load import read_file
from reader.ingest.model import Article
from reader.library import load as library_module  # where load_library reads files
from reader.library import mention_index  # where the index's threshold is
from reader.library.library import Library
from reader.library.load import load_library
from reader.library.store import Store


class CountingAnalyzer:
    """Marks every 阿里巴巴 and 抖音 as a mention, and counts how often it was asked."""

    version = "test-1"

    def __init__(self) -> None:
        self.calls = 0

    def analyse(self, article: Article) -> Analysis:
        self.calls += 1
        mentions = [
            Mention(m.start(), m.end(), m.group(), EntityType.ORG, m.group())
            for m in re.finditer("阿里巴巴|抖音", article.text)
        ]
        return Analysis(tuple(mentions), ())


def _write(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())


def test_load_library_reports_bad_files_and_loads_the_rest(tmp_path: Path) -> None:
    _write(tmp_path, {"good.md": "# 标题\n\n阿里巴巴发布财报。", "empty.md": "", "bin.txt": b"\x00\x01" * 500})
    library = load_library([tmp_path], None, CountingAnalyzer())
    assert [a.key for a in library.articles] == ["good.md"]
    assert {e.file: e.message for e in library.errors} == {
        "bin.txt": "binary file, not text",
        "empty.md": "the file is empty",
    }


def test_load_library_missing_path_is_an_error(tmp_path: Path) -> None:
    library = load_library([tmp_path / "nope"], None, CountingAnalyzer())
    assert library.articles == () and "no such file" in library.errors[0].message


def test_load_library_second_open_comes_from_cache(tmp_path: Path, data_dir: Path) -> None:
    _write(tmp_path / "lib", {"a.md": "抖音与阿里巴巴。", "b.md": "阿里巴巴。"})
    analyzer = CountingAnalyzer()
    store = Store.open(data_dir)
    first = load_library([tmp_path / "lib"], store, analyzer)
    assert analyzer.calls == 2
    second = load_library([tmp_path / "lib"], store, analyzer)
    assert analyzer.calls == 2
    assert [second.article(a.key) for a in second.articles] == list(first.articles)
    assert second.analysis("a.md") == first.analysis("a.md")
    (tmp_path / "lib" / "b.md").write_text("改过的阿里巴巴。", encoding="utf-8")
    load_library([tmp_path / "lib"], store, analyzer)
    assert analyzer.calls == 3
    store.close()


def test_load_library_reopen_reads_no_unchanged_file(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18, point 3: a file whose size and modification time are as cached is neither read
    nor hashed; one whose size or time changed is read again."""
    _write(tmp_path / "lib", {"a.md": "抖音与阿里巴巴。", "b.md": "阿里巴巴。", "c.md": "抖音。"})
    old = time.time_ns() - 3600 * 10**9  # written long ago: the stat is trusted
    for name in ("a.md", "b.md", "c.md"):
        os.utime(tmp_path / "lib" / name, ns=(old, old))
    reads: list[str] = []

    def counting_read(found: Found) -> bytes:
        reads.append(found.relative)
        return read_file(found)

    monkeypatch.setattr(library_module, "read_file", counting_read)
    analyzer = CountingAnalyzer()
    store = Store.open(data_dir)
    first = load_library([tmp_path / "lib"], store, analyzer)
    assert sorted(reads) == ["a.md", "b.md", "c.md"]
    reads.clear()
    second = load_library([tmp_path / "lib"], store, analyzer)
    assert reads == []
    assert [second.article(a.key) for a in second.articles] == list(first.articles) and analyzer.calls == 3
    assert second.analysis("a.md") == first.analysis("a.md")

    (tmp_path / "lib" / "b.md").write_text("改过的阿里巴巴。", encoding="utf-8")  # size and time
    os.utime(tmp_path / "lib" / "b.md", ns=(old + 10**9, old + 10**9))
    (tmp_path / "lib" / "c.md").write_text("抖音！", encoding="utf-8")  # same size, new time
    os.utime(tmp_path / "lib" / "c.md", ns=(old + 10**9, old + 10**9))
    third = load_library([tmp_path / "lib"], store, analyzer)
    assert sorted(reads) == ["b.md", "c.md"]
    assert third.article("b.md").text.startswith("改过的") and third.article("c.md").text == "抖音！"
    reads.clear()
    load_library([tmp_path / "lib"], store, analyzer)
    assert reads == []
    store.close()


def test_load_library_reads_again_a_file_modified_just_now(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file written moments before it was read may change again within the same modification
    time: its stat is not trusted, and the next open reads it."""
    _write(tmp_path / "lib", {"a.md": "抖音。"})
    reads: list[str] = []
    monkeypatch.setattr(library_module, "read_file", lambda found: reads.append(found.relative) or read_file(found))
    store = Store.open(data_dir)
    load_library([tmp_path / "lib"], store, CountingAnalyzer())
    load_library([tmp_path / "lib"], store, CountingAnalyzer())
    assert reads == ["a.md", "a.md"]
    store.close()


def test_library_entity_index_and_context(tmp_path: Path) -> None:
    _write(tmp_path, {"1.md": "第一篇提到阿里巴巴和抖音。", "2.md": "第二篇：抖音。\n\n又是抖音。"})
    library = load_library([tmp_path], None, CountingAnalyzer())
    douyin = library.entity("抖音")
    assert douyin is not None and (douyin.mentions, douyin.articles) == (3, ("1.md", "2.md"))
    refs = library.mentions_of("抖音")
    assert [(r.article, library.article(r.article).text[r.start : r.end]) for r in refs] == [
        ("1.md", "抖音"),
        ("2.md", "抖音"),
        ("2.md", "抖音"),
    ]
    assert refs[2].before == "又是" and refs[1].after == "。"  # context stops at the block edge
    assert library.cooccurring("抖音") == [("阿里巴巴", 1)]


def test_library_search_two_character_word_with_filters(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "a.md": "---\nsource: 36kr\ndate: 2021-01-01\n---\n电商平台与电商生态。",
            "b.md": "---\nsource: 晚点\ndate: 2022-01-01\n---\n抖音电商。",
        },
    )
    library = load_library([tmp_path], None, CountingAnalyzer())
    hits = library.search("电商")
    assert [(h.article, h.match) for h in hits] == [("a.md", "电商"), ("a.md", "电商"), ("b.md", "电商")]
    assert [h.article for h in library.search("电商", source="晚点")] == ["b.md"]
    assert [h.article for h in library.search("电商", date_from="2021-06-01")] == ["b.md"]
    assert [h.article for h in library.search("电商", entity="抖音")] == ["b.md"]
    assert library.search("  ") == []


class NamesAnalyzer:
    """Marks the names of ``NAMES`` (traditional spellings too) as mentions of their entity."""

    version = "test-names-1"
    NAMES = {"字节跳动": "字节跳动", "字節跳動": "字节跳动", "重庆": "重庆", "长安汽车": "长安汽车"}

    def analyse(self, article: Article) -> Analysis:
        mentions = [
            Mention(m.start(), m.end(), m.group(), EntityType.ORG, self.NAMES[m.group()])
            for m in re.finditer("|".join(self.NAMES), article.text)
        ]
        return Analysis(tuple(mentions), ())


def _names_library(tmp_path: Path):
    _write(
        tmp_path,
        {
            "a.md": "据报道，字节跳动旗下抖音电商增长。",
            "b.md": "字節跳動的海外業務，與重庆的长安汽车无关。",
            "c.md": "ByteDance 即 bytedance。",
        },
    )
    return load_library([tmp_path], None, NamesAnalyzer())


@pytest.mark.parametrize("query", ["字節跳動", "字节跳动"])
def test_library_search_folds_traditional_and_simplified(tmp_path: Path, query: str) -> None:
    library = _names_library(tmp_path)
    hits = library.search(query)
    assert [(h.article, h.match) for h in hits] == [("a.md", "字节跳动"), ("b.md", "字節跳動")]
    for hit in hits:  # offsets are the original text's
        assert library.article(hit.article).text[hit.start : hit.end] == hit.match
    assert hits[1].after == "的海外業務，與重庆的长安汽车无关。"


def test_library_search_folds_latin_case(tmp_path: Path) -> None:
    library = _names_library(tmp_path)
    assert [h.match for h in library.search("BYTEDANCE")] == ["ByteDance", "bytedance"]


@pytest.mark.parametrize("query", ["zijie", "zjtd", "zi jie tiao dong", "ZiJieTiaoDong"])
def test_library_search_pinyin_finds_mentions_of_the_name(tmp_path: Path, query: str) -> None:
    library = _names_library(tmp_path)
    hits = library.search(query)
    assert [(h.article, h.match) for h in hits] == [("a.md", "字节跳动"), ("b.md", "字節跳動")]


def test_library_search_pinyin_reads_polyphones_in_names(tmp_path: Path) -> None:
    library = _names_library(tmp_path)
    assert [h.match for h in library.search("chongqing")] == ["重庆"]
    assert [h.match for h in library.search("changan")] == ["长安汽车"]
    assert [h.match for h in library.search("changan", source="nowhere")] == []


def test_library_search_pinyin_and_text_hits_in_library_order(tmp_path: Path) -> None:
    library = _names_library(tmp_path)
    library.prepare_search()
    hits = library.search("zjtd", limit=1)
    assert [(h.article, h.match) for h in hits] == [("a.md", "字节跳动")]


def _names_store_library(folder: Path, data_dir: Path) -> Library:
    _write(folder, {"a.md": "据报道，字节跳动旗下抖音电商增长。", "b.md": "重庆的长安汽车。"})
    with closing(Store.open(data_dir)) as store:
        return load_library([folder], store, NamesAnalyzer())


def test_library_names_read_in_pinyin_are_stored_with_the_cache(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18, point 3: a reopen finds names by pinyin from their stored readings (here made
    up, to tell them from pypinyin's), not by loading pypinyin again."""
    monkeypatch.setattr(pinyin, "_remembered", {})
    first = _names_store_library(tmp_path / "lib", data_dir)
    assert [h.match for h in first.search("zjtd")] == ["字节跳动"]
    with closing(Store.open(data_dir)) as store:
        stored = store.readings(["字节跳动", "重庆", "长安汽车", "抖音"], pinyin.readings_version())
        assert stored == {name: pinyin._read(name) for name in ("字节跳动", "重庆", "长安汽车")}
        store.put_readings({"字节跳动": ("zz top",)}, pinyin.readings_version())
    monkeypatch.setattr(pinyin, "_remembered", {})
    reopened = _names_store_library(tmp_path / "lib", data_dir)
    assert [h.match for h in reopened.search("zztop")] == ["字节跳动"]
    assert [h.match for h in reopened.search("chongqing")] == ["重庆"]


def test_library_names_stored_by_another_pinyin_version_are_read_again(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pinyin, "_remembered", {})
    with closing(Store.open(data_dir)) as store:
        store.put_readings({"字节跳动": ("zz top",), "重庆": ()}, "0.old")
    library = _names_store_library(tmp_path / "lib", data_dir)
    assert [h.match for h in library.search("zjtd")] == ["字节跳动"]
    assert [h.match for h in library.search("zztop")] == []
    assert [h.match for h in library.search("chongqing")] == ["重庆"]
    with closing(Store.open(data_dir)) as store:
        assert store.readings(["字节跳动", "重庆"], "0.old") == {}  # dropped once others were stored


def test_store_without_readings_fills_them_on_the_next_load(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data dir from before the readings table (schema 5) keeps its notes and cache, and its
    next load reads the names in pinyin and stores them."""
    monkeypatch.setattr(pinyin, "_remembered", {})
    _names_store_library(tmp_path / "lib", data_dir)
    with closing(sqlite3.connect(data_dir / "reader.sqlite3")) as db:
        db.execute("DROP TABLE readings")  # as schema 5 left it
        db.execute("DROP TABLE catalogues")  # migration 8's
        db.execute("DROP TABLE search_index")
        db.execute("DROP TABLE search_texts")
        db.execute("ALTER TABLE listings DROP COLUMN searched")
        db.execute("PRAGMA user_version = 5")
        db.execute(
            "INSERT INTO annotations (id, library, article_key, kind, exact, note, created, modified) "
            "VALUES ('n1', 'lib', 'a.md', 'note', '字节跳动', '记下', '2026-01-01', '2026-01-01')"
        )
        db.commit()
    with closing(Store.open(data_dir)) as store:
        assert store.readings(["字节跳动"], pinyin.readings_version()) == {}
    library = _names_store_library(tmp_path / "lib", data_dir)
    assert [h.match for h in library.search("changan")] == ["长安汽车"]
    with closing(Store.open(data_dir)) as store:
        assert store.readings(["字节跳动", "长安汽车"], pinyin.readings_version()) == {
            "字节跳动": pinyin._read("字节跳动"),
            "长安汽车": pinyin._read("长安汽车"),
        }
        assert store.connection.execute("SELECT note FROM annotations").fetchall() == [("记下",)]


def test_library_id_round_trips_to_its_folders(tmp_path: Path) -> None:
    from reader.library.identity import library_folders, library_id

    a, b = tmp_path / "b", tmp_path / "a"
    root = library_id([a, b])
    assert library_folders(root) == tuple(sorted([a.resolve(), b.resolve()], key=str))


def test_a_full_disk_keeps_the_library_loading_without_the_cache(tmp_path: Path) -> None:
    """Issue 20, point 11: the first index on a full disk still opens every article, and says why
    nothing was cached."""
    import random

    from reader.library.store import Store

    rng = random.Random(7)
    (tmp_path / "lib").mkdir()
    for i in range(3):  # text that does not compress: the cache entries need pages
        body = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(6000))
        (tmp_path / "lib" / f"{i}.md").write_text(f"# 标题{i}\n\n{body}。", encoding="utf-8")
    store = Store.open(tmp_path / "data")
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages + 1}")
    library = load_library([tmp_path / "lib"], store, CountingAnalyzer())
    assert len(library.articles) == 3
    assert any("the disk is full" in n for n in library.notices)
    store.close()


def test_an_article_past_its_budget_loads_and_is_reported_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20, point 5: the library loads; the huge article is there, analysed in part, and
    the load names it — from a fresh analysis and from the cache alike."""
    import reader.analysis.pipeline as pipeline
    from reader.analysis.pipeline import Analyzer
    from reader.library.store import Store

    monkeypatch.setattr(pipeline, "ANALYSIS_BUDGET_CHARS", 200)
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "huge.md").write_text("# 很长\n\n" + "\n\n".join(["阿里巴巴营收增长了20%。"] * 60), encoding="utf-8")
    (tmp_path / "lib" / "small.md").write_text("# 短\n\n腾讯发布财报。\n", encoding="utf-8")
    with closing(Store.open(tmp_path / "data")) as store:
        for _ in range(2):  # analysed, then from the cache
            library = load_library([tmp_path / "lib"], store, Analyzer())
            assert len(library.articles) == 2
            assert [n.split(":")[0] for n in library.notices] == ["huge.md"]
            assert "first" in library.notices[0]


@pytest.mark.parametrize("at_once", [1, 2, 3, 4096])
def test_library_index_by_arrays_is_the_loops(monkeypatch: pytest.MonkeyPatch, at_once: int) -> None:
    """A large library's mention index is placed by numpy, ``at_once`` articles at a time: the
    same names in the same order, the same mentions in library order, the same types, as the
    loop a small one uses."""
    monkeypatch.setattr(mention_index, "_ARTICLES_AT_ONCE", at_once)
    texts = {
        "a.md": "抖音与阿里巴巴。阿里巴巴和抖音。",
        "b.md": "阿里巴巴。",
        "c.md": "没有名字。",
        "d.md": "抖音，抖音，阿里巴巴，抖音。",
    }
    analyzer = CountingAnalyzer()
    articles = [Article(key=k, file=k, title=k, text=t) for k, t in texts.items()]
    analyses = {a.key: analyzer.analyse(a) for a in articles}
    analyses["b.md"] = Analysis((Mention(0, 4, "阿里巴巴", EntityType.PERSON, "阿里巴巴"),), ())

    def made(threshold: int) -> Library:
        monkeypatch.setattr(mention_index, "_ARRAY_INDEX_MIN", threshold)
        return Library("root", articles, analyses)

    by_loop, by_arrays = made(10**9), made(0)
    assert by_arrays.entity_names() == by_loop.entity_names() == ["抖音", "阿里巴巴"]
    raws = [by_loop.held(a.key) for a in articles]
    loop, arrays = mention_index._by_loop(raws), mention_index._by_arrays(raws)
    assert arrays[0] == loop[0] and list(arrays[0]) == list(loop[0])  # the arrays, and the names' order
    assert arrays[1] == loop[1] and [list(c.items()) for c in arrays[1].values()] == [list(c.items()) for c in loop[1].values()]
    assert list(arrays[1]) == list(loop[1]) and arrays[2] == loop[2]
    for name in by_loop.entity_names():
        assert list(by_arrays.mentions_of(name)) == list(by_loop.mentions_of(name))
        assert by_arrays.entity(name) == by_loop.entity(name)
        assert by_arrays.cooccurring(name) == by_loop.cooccurring(name)
    assert [(m.article, m.surface) for m in by_arrays.mentions_of("抖音")] == [
        ("a.md", "抖音"), ("a.md", "抖音"), ("d.md", "抖音"), ("d.md", "抖音"), ("d.md", "抖音")
    ]
