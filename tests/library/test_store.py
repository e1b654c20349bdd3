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
