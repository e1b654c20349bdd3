"""Reading state in the store: what is written is read back after reopening, a failed write is
reported (not raised), and no store keeps nothing without complaint."""

from __future__ import annotations

import json
from pathlib import Path

from reader.errors import StoreUnavailable
from reader.library.store import Store
from reader.ui.reading_state import ReadingState


def test_reading_state_survives_reopening_the_store(data_dir: Path, tmp_path: Path) -> None:
    store = Store.open(data_dir)
    state = ReadingState(store, [].append)
    state.mark_read("lib", "a.md", 120)
    state.remember_library([tmp_path / "新闻"])
    store.close()
    reopened = Store.open(data_dir)
    again = ReadingState(reopened, [].append)
    assert again.read_positions("lib") == {"a.md": 120}
    assert again.last_article("lib") == "a.md" and again.last_article("other") is None
    assert json.loads(reopened.setting("last_library") or "") == [str(tmp_path / "新闻")]
    reopened.close()


class FullStore:
    """A store whose disk is full: every write fails as the real one says."""

    def mark_read(self, library: str, key: str, position: int) -> None:
        raise StoreUnavailable("database or disk is full")

    def set_setting(self, key: str, value: str) -> None:
        raise StoreUnavailable("database or disk is full")


def test_a_failed_write_is_reported_and_reading_goes_on() -> None:
    reports: list[str] = []
    state = ReadingState(FullStore(), reports.append)  # type: ignore[arg-type]
    state.mark_read("lib", "a.md", 0)
    state.remember_library([Path("x")])
    assert reports and all(r == "Could not save reading state: database or disk is full" for r in reports)


def test_without_a_store_nothing_is_kept() -> None:
    reports: list[str] = []
    state = ReadingState(None, reports.append)
    state.mark_read("lib", "a.md", 0)
    assert state.read_positions("lib") == {} and state.last_article("lib") is None and reports == []
