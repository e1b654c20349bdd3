"""A library's list as its last load left it (reader.library.catalogue), and the library it
shows while the library itself is read (reader.library.preview): what a large reopen paints
first (issue 18, point 4). Behaviour, not time."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from reader.analysis.pipeline import Analyzer
from reader.library import catalogue
from reader.library.identity import library_id
from reader.library.load import cache_version, load_library
from reader.library.payloads import Payloads
from reader.library.preview import ListedLibrary, being_read
from reader.library.store import Store

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data" / "unseen").glob("*.md")])


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    (folder / "sub").mkdir(parents=True)
    for i, path in enumerate(REAL):
        shutil.copy(path, (folder / "sub" if i % 3 == 0 else folder) / path.name)
    return folder


def _as_listed(library_articles: tuple) -> list:  # noqa: ANN001 - Articles
    """What a list holds of each article: all but its text, blocks and styles (and its path,
    which Article equality leaves out, compared apart)."""
    return [(replace(a, text="", blocks=(), styles=()), a.path) for a in library_articles]


def test_a_load_stores_the_list_in_library_order(folder: Path, data_dir: Path, analyzer: Analyzer) -> None:
    with closing(Store.open(data_dir)) as store:
        first = load_library([folder], store, analyzer)  # analysed: texts in memory
        listed = catalogue.read(store, library_id([folder]), cache_version(analyzer))
        reopened = load_library([folder], store, analyzer)
        assert catalogue.read(store, library_id([folder]), "another version") is None
        assert catalogue.read(store, library_id([folder / "sub"]), cache_version(analyzer)) is None
    assert listed is not None
    assert [(a, a.path) for a in listed] == _as_listed(first.articles) == _as_listed(reopened.articles)
    assert all(a.text == "" for a in listed)


def test_the_listed_library_opens_each_article_as_the_library_read_does(folder: Path, data_dir: Path, analyzer: Analyzer) -> None:
    """Every layer of an opened article comes from its payload: the same article, mentions,
    figures and quotes as the library read from the cache or from the files."""
    in_memory = load_library([folder], None, analyzer)
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, analyzer)
        version = cache_version(analyzer)
        listed = catalogue.read(store, library_id([folder]), version)
        assert listed is not None
        preview = ListedLibrary(library_id([folder]), listed, Payloads(store.path, version))
        reopened = load_library([folder], store, analyzer)
    assert being_read(preview) and not being_read(reopened) and not being_read(in_memory)
    assert preview.root == reopened.root
    assert preview.newest_first() == reopened.newest_first()
    for a in in_memory.articles:
        assert preview.article(a.key) == reopened.article(a.key) == a
        assert preview.text(a.key) == a.text
        analysis = preview.analysis(a.key)
        assert analysis == reopened.analysis(a.key) == in_memory.analysis(a.key), a.key
        assert [a.text[m.start : m.end] for m in analysis.mentions] == [m.surface for m in analysis.mentions]
    assert any(preview.analysis(a.key).figures for a in in_memory.articles)  # not a list of empties
    assert any(preview.analysis(a.key).quotes for a in in_memory.articles)


def test_a_reopen_takes_the_shown_articles_and_stores_the_list_again_only_when_it_changed(
    folder: Path, data_dir: Path, analyzer: Analyzer
) -> None:
    root, version = library_id([folder]), cache_version(analyzer)
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, analyzer)
        shown = catalogue.read(store, root, version)
        assert shown is not None
        stored = store.connection.execute("SELECT rowid, articles FROM catalogues").fetchall()
        same = load_library([folder], store, analyzer, shown=shown)
        assert all(a is b for a, b in zip(same.articles, shown, strict=True))  # none made again
        assert store.connection.execute("SELECT rowid, articles FROM catalogues").fetchall() == stored

        changed = sorted(folder.glob("*.txt"))[0]
        changed.write_text(changed.read_text(encoding="utf-8").replace("。", "！", 1), encoding="utf-8")
        gone = sorted(folder.glob("*.md"))[0]
        gone.unlink()
        (folder / "new.md").write_text("# 新文章\n\n字节跳动与阿里巴巴。", encoding="utf-8")
        after = load_library([folder], store, analyzer, shown=shown)
        relisted = catalogue.read(store, root, version)
    keys = [a.key for a in after.articles]
    assert "new.md" in keys and gone.name not in keys
    assert relisted is not None and _as_listed(relisted) == [(replace(a, text=""), a.path) for a in relisted]
    assert [(a, a.path) for a in relisted] == _as_listed(after.articles)
    by_key = {a.key: a for a in shown}
    edited = after.listed(changed.name)
    assert edited.content_hash != by_key[changed.name].content_hash and edited is not by_key[changed.name]
    assert all(a is by_key[a.key] for a in after.articles if a.key not in (changed.name, "new.md"))


def test_store_upgrade_keeps_the_notes_and_the_next_load_lists_the_library(
    folder: Path, data_dir: Path, analyzer: Analyzer
) -> None:
    """A data dir from before the lists (schema 7) keeps its notes and cache: it has no list
    until its next load stores one."""
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, analyzer)
    with closing(sqlite3.connect(data_dir / "reader.sqlite3")) as db:
        db.execute("DROP TABLE catalogues")  # as schema 7 left it
        db.execute("PRAGMA user_version = 7")
        db.execute(
            "INSERT INTO annotations (id, library, article_key, kind, exact, note, created, modified) "
            "VALUES ('n1', 'lib', 'a.md', 'note', '字节跳动', '记下', '2026-01-01', '2026-01-01')"
        )
        db.commit()
    root, version = library_id([folder]), cache_version(analyzer)
    with closing(Store.open(data_dir)) as store:
        assert store.connection.execute("SELECT note FROM annotations").fetchall() == [("记下",)]
        assert catalogue.read(store, root, version) is None
        reopened = load_library([folder], store, analyzer)
        listed = catalogue.read(store, root, version)
        assert store.connection.execute("SELECT note FROM annotations").fetchall() == [("记下",)]
    assert listed is not None and [(a, a.path) for a in listed] == _as_listed(reopened.articles)


def test_dropping_a_versions_analyses_drops_its_lists(folder: Path, data_dir: Path, analyzer: Analyzer) -> None:
    """A list is shown with its version's payloads: once those are dropped, so is it."""
    root, version = library_id([folder]), cache_version(analyzer)
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, analyzer)
        store.keep_documents_of({version})
        assert catalogue.read(store, root, version) is not None
        store.keep_documents_of({"a later version"})
        assert catalogue.read(store, root, version) is None


def test_a_damaged_list_is_no_list(folder: Path, data_dir: Path, analyzer: Analyzer) -> None:
    root, version = library_id([folder]), cache_version(analyzer)
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, analyzer)
        store.connection.execute("UPDATE catalogues SET articles = ?", (b"not zlib at all",))
        assert catalogue.read(store, root, version) is None
        reopened = load_library([folder], store, analyzer)  # read as if it had no list
        assert catalogue.read(store, root, version) is None  # the same list: not stored again
        store.connection.execute("UPDATE catalogues SET digest = ''")  # as if the library had changed
        load_library([folder], store, analyzer)
        listed = catalogue.read(store, root, version)
    assert listed is not None and [(a, a.path) for a in listed] == _as_listed(reopened.articles)


def test_a_long_list_is_stored_in_short_lines_and_one_stored_whole_is_still_read(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18, point 4: one JSON document of 100k listings held the GIL for 0.2 s as it was
    parsed, and the GUI thread with it; the list is stored a few thousand values a line, the
    articles' tags and credits too (100k articles' tags in one line held it 67 ms), inflated a
    little at a time, and a list stored before (one document) reads as it did."""
    import json  # noqa: PLC0415
    import zlib  # noqa: PLC0415

    from reader.ingest.model import Article  # noqa: PLC0415

    monkeypatch.setattr(catalogue, "_CHUNK", 3)
    monkeypatch.setattr(catalogue, "_DECOMPRESSED_AT_ONCE", 16)
    articles = [
        Article(
            key=f"a{i}.md", file=f"a{i}.md", title=f"标题{i}\n第二行", text="", content_hash=f"h{i}",
            tags=(f"标签{i}",) if i != 4 else (), credits=(("编辑", f"编辑{i}"),) if i % 2 else (),
        )
        for i in range(8)
    ]
    with closing(Store.open(data_dir)) as store:
        catalogue.write(store, "root", "v1", articles)
        (blob,) = store.connection.execute("SELECT articles FROM catalogues").fetchone()
        lines = zlib.decompress(blob).decode().split("\n")
        assert max(len(json.loads(line)[1]) for line in lines) == 3
        assert [(a.key, a.tags, a.credits) for a in catalogue.read(store, "root", "v1") or ()] == [(a.key, a.tags, a.credits) for a in articles]
        whole = {name: ([] if name not in ("tags", "credits") else {}) for name in ("key", "file", "path", "hash", "title", "source", "author", "date", "url", "tags", "credits")}
        for line in lines:
            name, values = json.loads(line)
            whole[name] = {**whole[name], **values} if isinstance(values, dict) else [*whole[name], *values]
        store.connection.execute("UPDATE catalogues SET articles = ?", (zlib.compress(json.dumps(whole).encode()),))
        read = catalogue.read(store, "root", "v1")
    assert read is not None and [(a.key, a.title, a.tags, a.credits) for a in read] == [(a.key, a.title, a.tags, a.credits) for a in articles]


def test_a_list_cut_short_is_no_list(data_dir: Path) -> None:
    from reader.ingest.model import Article  # noqa: PLC0415

    articles = [Article(key=f"a{i}.md", file=f"a{i}.md", title=f"标题{i}", text="", content_hash=f"h{i}") for i in range(50)]
    with closing(Store.open(data_dir)) as store:
        catalogue.write(store, "root", "v1", articles)
        (blob,) = store.connection.execute("SELECT articles FROM catalogues").fetchone()
        store.connection.execute("UPDATE catalogues SET articles = ?", (blob[: len(blob) // 2],))
        assert catalogue.read(store, "root", "v1") is None
    # inflated a piece at a time, a stream cut short is an error, not the part that came (which
    # could end at a line's end and read as a shorter list)
    import zlib  # noqa: PLC0415

    whole = "\n".join(f"line {i}" for i in range(5000)).encode()
    with pytest.raises(zlib.error):
        catalogue._decompressed(zlib.compress(whole)[:-8])
    assert catalogue._decompressed(zlib.compress(whole)) == whole
