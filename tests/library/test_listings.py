"""A reopen from the cache reads each article's listing (its text, metadata, names and mentions)
and leaves its payload — blocks, styles, figures, quotes — until the article is opened or a card
asks for its figures (issue 18, point 3). Decodes are counted, not timed."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from reader.analysis.model import EntityType, Figure, Mention, Quote
from reader.analysis.pipeline import Analysis
from reader.ingest.model import Article
from reader.library import codec
from reader.library.library import Library
from reader.library.load import load_library
from reader.library.payloads import Payloads
from reader.library.store import MIGRATIONS, Store


class FiguringAnalyzer:
    """Marks 阿里巴巴 and 抖音, a figure after each 营收 (its subject 阿里巴巴) and a quote
    after each 表示 (said by 阿里巴巴); counts how often it was asked."""

    version = "listing-test-1"

    def __init__(self) -> None:
        self.calls = 0

    def analyse(self, article: Article) -> Analysis:
        self.calls += 1
        text = article.text
        mentions = tuple(
            Mention(m.start(), m.end(), m.group(), EntityType.ORG, m.group()) for m in re.finditer("阿里巴巴|抖音", text)
        )
        figures = tuple(
            Figure(m.start(1), m.end(1), m.group(1), float(m.group(1)), "CNY", label="营收", subject="阿里巴巴")
            for m in re.finditer(r"营收(\d+)", text)
        )
        quotes = tuple(
            Quote(m.start(1), m.end(1), "阿里巴巴", m.start(), m.start() + 2) for m in re.finditer("表示“(.+?)”", text)
        )
        return Analysis(mentions, figures, None, quotes)


FILES = {
    "a.md": "# 阿里巴巴财报\n\n阿里巴巴营收100亿元。\n\n阿里巴巴表示“增长很快”。",
    "b.md": "抖音与阿里巴巴。\n\n阿里巴巴营收200亿元。",
    "c.md": "只提到抖音。",
}


def _write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in FILES.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the payloads decoded from here on."""
    seen: list[str] = []
    real: Callable[..., tuple[Article, codec.RawAnalysis]] = codec.decode_raw

    def counting(payload: bytes, key: str, *args: str) -> tuple[Article, codec.RawAnalysis]:
        seen.append(key)
        return real(payload, key, *args)

    monkeypatch.setattr(codec, "decode_raw", counting)
    return seen


def _first_and_reopened(folder: Path, data_dir: Path, decodes: list[str]) -> tuple[Library, Library, FiguringAnalyzer]:
    analyzer = FiguringAnalyzer()
    with closing(Store.open(data_dir)) as store:
        first = load_library([folder], store, analyzer)
        decodes.clear()
        second = load_library([folder], store, analyzer)
    return first, second, analyzer


def test_reopen_decodes_no_payload_until_an_article_is_opened(tmp_path: Path, data_dir: Path, decodes: list[str]) -> None:
    first, second, analyzer = _first_and_reopened(_write(tmp_path / "lib"), data_dir, decodes)
    assert analyzer.calls == 3
    assert decodes == []
    # What the list, search and the indexes read is there without a payload.
    assert [a.title for a in second.articles] == [a.title for a in first.articles]
    assert second.listed("a.md").text == ""  # held by its listing, read when wanted
    assert second.text("a.md") == first.article("a.md").text
    assert second.articles_naming("阿里巴巴") == ["a.md", "b.md"]
    assert [h.article for h in second.search("营收")] == ["a.md", "b.md"]
    assert decodes == []
    # Opening an article reads its payload once: blocks, figures and quotes are all there.
    article, analysis = second.article("a.md"), second.analysis("a.md")
    assert article == first.article("a.md") and article.blocks
    assert [article.text[f.start : f.end] for f in analysis.figures] == ["100"]
    assert analysis == first.analysis("a.md")
    assert decodes == ["a.md"]


def test_reopen_card_reads_figures_and_quotes_across_the_library(
    tmp_path: Path, data_dir: Path, decodes: list[str]
) -> None:
    first, second, _ = _first_and_reopened(_write(tmp_path / "lib"), data_dir, decodes)
    assert second.figures_about("阿里巴巴") == first.figures_about("阿里巴巴")
    assert [f.value for _, f in second.figures_about("阿里巴巴")] == [100.0, 200.0]
    assert second.quotes_by("阿里巴巴") == first.quotes_by("阿里巴巴")
    assert len(second.quotes_by("阿里巴巴")) == 1
    assert decodes == []  # the store's rows for the name, no payload


def test_reopen_card_reads_the_payload_of_an_article_whose_rows_are_gone(
    tmp_path: Path, data_dir: Path, decodes: list[str]
) -> None:
    """A correction's cache rewrites a payload without its listing: a library read before it
    finds that article's figures in its payload."""
    first, second, _ = _first_and_reopened(_write(tmp_path / "lib"), data_dir, decodes)
    a = first.article("a.md")
    with closing(Store.open(data_dir)) as store:
        version = f"{FiguringAnalyzer.version}.{codec.FORMAT}"
        store.put_documents([(a.content_hash, codec.encode(a, first.analysis("a.md")))], version)
    assert second.figures_about("阿里巴巴") == first.figures_about("阿里巴巴")
    assert second.quotes_by("阿里巴巴") == first.quotes_by("阿里巴巴")
    assert sorted(set(decodes)) == ["a.md"]


def test_reopened_library_with_a_changed_analysis_keeps_the_rest(tmp_path: Path, data_dir: Path, decodes: list[str]) -> None:
    """A correction replaces some analyses: the others still read their figures from the cache."""
    first, second, _ = _first_and_reopened(_write(tmp_path / "lib"), data_dir, decodes)
    changed = second.with_analyses({"c.md": Analysis((Mention(2, 4, "抖音", EntityType.PRODUCT, "抖音"),), ())})
    assert decodes == []  # nothing read to replace one analysis
    assert changed.analysis("a.md") == first.analysis("a.md")
    assert changed.article("b.md") == first.article("b.md")
    assert changed.entity("抖音") is not None and changed.entity("抖音").type is EntityType.ORG


def test_store_upgrade_keeps_notes_and_the_cached_analyses(tmp_path: Path, data_dir: Path, decodes: list[str]) -> None:
    """A data dir from before listings (schema 3) opens with its notes and corrections, its
    articles come from the cached payloads without analysing again, and the reopen after that
    decodes none of them."""
    folder = _write(tmp_path / "lib")
    analyzer = FiguringAnalyzer()
    version = f"{analyzer.version}.{codec.FORMAT}"
    with closing(sqlite3.connect(data_dir / "reader.sqlite3")) as old:
        for migration in MIGRATIONS[:3]:
            old.executescript(migration)
        old.execute("PRAGMA user_version = 3")
        for name in FILES:
            made = load_library([folder / name], None, analyzer)
            article = made.article(name)
            old.execute(
                "INSERT INTO documents VALUES (?, ?, ?)",
                (article.content_hash, version, codec.encode(article, made.analysis(name))),
            )
        old.execute(
            "INSERT INTO annotations (id, library, article_key, kind, exact, note, created, modified) "
            "VALUES ('n1', 'lib', 'a.md', 'note', '阿里巴巴', '记下', '2026-01-01', '2026-01-01')"
        )
        old.execute("INSERT INTO corrections (created, data) VALUES ('2026-01-01', '{}')")
        old.commit()
    analyzer.calls = 0
    with closing(Store.open(data_dir)) as store:
        assert store.connection.execute("SELECT note FROM annotations").fetchall() == [("记下",)]
        assert store.corrections() == ["{}"]
        upgraded = load_library([folder], store, analyzer)
        assert analyzer.calls == 0
        decodes.clear()
        reopened = load_library([folder], store, analyzer)
    assert decodes == []
    assert reopened.analysis("b.md") == upgraded.analysis("b.md")
    assert reopened.article("a.md") == upgraded.article("a.md")


def _listings(store: Store, hashes: list[str], version: str) -> dict[str, tuple]:
    """The listings as they were written (without their texts, read apart, and their rows in
    the search index)."""
    return {h: listing[:3] for h, listing in store.cached_listings(hashes, version).items()}


def test_store_payload_written_again_drops_its_listing(data_dir: Path) -> None:
    """A listing never tells of another analysis than its payload: a payload written without
    one leaves none, and a copy to a new version copies the listing with it."""
    cited = [("甲", "[[0,1]]", "[]")]
    listed = ("{}", b"", "", "text", cited)
    listing = listed[:3]
    with closing(Store.open(data_dir)) as store:
        store.put_documents([("h1", b"one"), ("h2", b"two")], "v1", [("h1", listed), ("h2", listed)])
        store.copy_documents("v1", "v2")
        assert _listings(store, ["h1", "h2"], "v2") == {"h1": listing, "h2": listing}
        assert Payloads(store.path, "v2").cited("甲", ["h1", "h2"]) == ({"h1": ("[[0,1]]", "[]"), "h2": ("[[0,1]]", "[]")}, {"h1", "h2"})
        store.put_documents([("h1", b"one, corrected")], "v2")
        assert _listings(store, ["h1", "h2"], "v2") == {"h2": listing}
        assert Payloads(store.path, "v2").cited("甲", ["h1", "h2"]) == ({"h2": ("[[0,1]]", "[]")}, {"h2"})
        assert _listings(store, ["h1"], "v1") == {"h1": listing}
        store.keep_documents_of({"v2"})
        assert _listings(store, ["h1", "h2"], "v1") == {}
        assert Payloads(store.path, "v1").cited("甲", ["h1", "h2"]) == ({}, set())
        # a card no longer wanted reads no more of the rows
        assert Payloads(store.path, "v2").cited("甲", ["h1", "h2"], stopped=lambda: True) is None


def test_reopen_card_then_opening_an_article_reads_its_payload_once(
    tmp_path: Path, data_dir: Path, decodes: list[str]
) -> None:
    first, second, _ = _first_and_reopened(_write(tmp_path / "lib"), data_dir, decodes)
    second.figures_about("阿里巴巴")
    assert second.analysis("b.md") == first.analysis("b.md")
    assert second.article("b.md") == first.article("b.md")
    assert decodes == ["b.md"]


def test_store_upgrade_drops_listings_written_without_cited_rows(tmp_path: Path, data_dir: Path, decodes: list[str]) -> None:
    """Listings of schema 4 were written without what each article cites: they are dropped,
    so a card never takes their missing rows for articles that cite nothing."""
    folder = _write(tmp_path / "lib")
    analyzer = FiguringAnalyzer()
    with closing(Store.open(data_dir)) as store:
        first = load_library([folder], store, analyzer)
    with closing(sqlite3.connect(data_dir / "reader.sqlite3")) as db:
        db.execute("DROP TABLE cited")  # as schema 4 left it
        db.execute("DROP TABLE readings")
        db.execute("DROP TABLE catalogues")  # migration 8's
        db.execute("DROP TABLE search_index")
        db.execute("DROP TABLE search_texts")
        db.execute("ALTER TABLE listings DROP COLUMN searched")
        db.execute("PRAGMA user_version = 4")
        db.commit()
    with closing(Store.open(data_dir)) as store:
        assert store.connection.execute("SELECT count(*) FROM listings").fetchone() == (0,)
        load_library([folder], store, analyzer)  # writes them again, with their rows
        decodes.clear()
        reopened = load_library([folder], store, analyzer)
    assert reopened.figures_about("阿里巴巴") == first.figures_about("阿里巴巴")
    assert decodes == [] and analyzer.calls == 3
