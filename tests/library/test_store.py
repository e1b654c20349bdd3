from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.errors import StoreTooNew, StoreUnavailable
from reader.library.store import DB_NAME, SCHEMA_VERSION, Store


def test_store_creates_schema_and_wal(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_store_settings_and_cache_persist_across_reopen(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.set_setting("last_library", "/some/where")
    store.set_setting("last_library", "/else/where")
    store.put_documents([("h1", b"payload")], "v1")
    store.add_correction('{"op": "ignore", "name": "东西"}')
    store.mark_read("lib", "a.md", 42)
    store.close()
    store = Store.open(tmp_path)
    assert store.setting("last_library") == "/else/where"
    assert store.cached_document("h1", "v1") == b"payload"
    assert store.cached_document("h1", "v2") is None
    assert store.cached_documents(["h1", "h2"], "v1") == {"h1": b"payload"}
    assert store.corrections() == ['{"op": "ignore", "name": "东西"}']
    assert store.read_keys("lib") == {"a.md": 42}
    store.close()


def test_store_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with pytest.raises(RuntimeError):
        with store.transaction() as db:
            db.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')")
            raise RuntimeError("bug in the middle of a write")
    assert store.setting("k") is None
    store.close()


def test_store_refuses_newer_schema_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew, match="newer version"):
        Store.open(tmp_path)
    assert path.read_bytes() == before


def test_store_moves_corrupt_database_aside(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database at all" * 100)
    store = Store.open(tmp_path)
    assert store.moved_aside is not None and store.moved_aside.exists()
    assert store.moved_aside.read_bytes().startswith(b"this is not")
    store.set_setting("fresh", "yes")
    store.close()


def test_store_read_only_folder_is_unavailable(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    Store.open(folder).close()
    (folder / DB_NAME).chmod(0o444)
    folder.chmod(0o555)
    try:
        if (folder / "probe").exists() or _can_write(folder):
            pytest.skip("running as a user who can write anywhere (root)")
        with pytest.raises(StoreUnavailable):
            store = Store.open(folder)
            store.set_setting("k", "v")
    finally:
        folder.chmod(0o755)


def _can_write(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


def test_store_two_instances_share_one_database(tmp_path: Path) -> None:
    first, second = Store.open(tmp_path), Store.open(tmp_path)
    for i in range(50):
        (first if i % 2 else second).set_setting(f"k{i}", str(i))
    with first.transaction() as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('held', 'x')")
        assert second.setting("held") is None  # readers are not blocked by a writer (WAL)
    assert second.setting("held") == "x"
    assert {first.setting(f"k{i}") for i in range(50)} == {str(i) for i in range(50)}
    first.close()
    second.close()


def _fill_annotations(store: Store, n: int) -> None:
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO annotations (id, library, article_key, kind, exact, start, end, note, created, modified) "
            "VALUES (?, 'lib', 'a.md', 'highlight', ?, ?, ?, ?, '2026-01-01', '2026-01-01')",
            [(f"n{i}", "字" * 40, i, i + 40, "笔记" * 30) for i in range(n)],
        )


def test_damaged_pages_under_a_valid_header_are_set_aside_and_notes_salvaged(tmp_path: Path) -> None:
    """Issue 20, point 12: quick_check of the user's tables at open, a message, and the notes
    that can still be read copied into the new database."""
    store = Store.open(tmp_path)
    store.set_setting("theme", "dark")
    _fill_annotations(store, 3000)
    store.close()
    path = tmp_path / DB_NAME
    db = sqlite3.connect(path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    middle = pages // 2 * page_size  # one page in the middle of the annotations
    data[middle : middle + page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))

    store = Store.open(tmp_path)

    assert store.moved_aside is not None and store.moved_aside.exists()
    saved = store.connection.execute("SELECT count(*) FROM annotations").fetchone()[0]
    assert store.salvaged == saved
    assert 2000 < saved < 3000  # one damaged page loses only its own notes
    assert store.setting("theme") == "dark"
    store.close()


def test_a_full_disk_says_so_and_leaves_no_transaction_open(tmp_path: Path) -> None:
    """Issue 20, point 11: not "cannot rollback - no transaction is active"."""
    store = Store.open(tmp_path)
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(StoreUnavailable, match="the disk is full"):
        store.put_documents([(f"h{i}", b"x" * 20000) for i in range(20)], "v1")
    assert not store.connection.in_transaction
    assert store.setting("missing") is None  # the store still answers
    store.close()


def test_the_duplicate_check_of_an_import_uses_an_index(tmp_path: Path) -> None:
    """Issue 20, point 13: finding a passage does not scan the article's annotations."""
    store = Store.open(tmp_path)
    plan = " ".join(
        row[-1]
        for row in store.connection.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM annotations "
            "WHERE library = 'l' AND article_key = 'k' AND exact = 'x' AND start IS 5"
        )
    )
    assert "annotations_passage" in plan
    store.close()
