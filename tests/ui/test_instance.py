"""One Reader per data directory, tested with real processes: a second ``reader LINK`` hands
the link to the first and exits 0; another data directory is another Reader."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library.identity import library_id
from reader.library.links import Location, reader_link
from reader.ui.instance import LOCK_FILE, decode, encode, server_name

ROOT = Path(__file__).resolve().parent.parent.parent
STARTUP_S = 90.0


def test_instance_names_differ_per_data_directory(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")


def test_instance_message_round_trips_and_refuses_garbage(tmp_path: Path) -> None:
    location = Location((tmp_path / "文章",), "汽车/a.md", 3, 9)
    assert decode(encode(location)) == location
    for garbage in (b"\xff\n", b"{}\n", b"[1]\n", b'{"paths": [], "article": "", "start": "x", "end": null}\n'):
        with pytest.raises(ValueError):
            decode(garbage)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.md").write_text("---\ndate: 2026-01-02\n---\n# 甲\n\n第一段。", encoding="utf-8")
    (folder / "b.md").write_text("---\ndate: 2026-01-01\n---\n# 乙\n\n小米集团公布，小米汽车三月交付量超过三万辆。", encoding="utf-8")
    return folder


class Readers:
    """Reader processes started by a test, ended by it."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.started: list[subprocess.Popen[bytes]] = []

    def start(self, data: Path, *args: str) -> subprocess.Popen[bytes]:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_DATA_DIR": str(data)}
        with (self.log_dir / f"reader-{len(self.started)}.log").open("wb") as log:  # the child keeps its own copy
            process = subprocess.Popen([sys.executable, "-m", "reader", *args], cwd=ROOT, env=env, stdout=log, stderr=log)
        self.started.append(process)
        return process

    def logs(self) -> str:
        return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(self.log_dir.glob("reader-*.log")))


@pytest.fixture
def readers(tmp_path: Path) -> Iterator[Readers]:
    started = Readers(tmp_path)
    yield started
    for process in started.started:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


def _last_article(data: Path, library: Path) -> str | None:
    database = data / "reader.sqlite3"
    if not database.exists():
        return None
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
    try:
        row = connection.execute("SELECT value FROM settings WHERE key = ?", (f"last_article:{library_id([library])}",)).fetchone()
    except sqlite3.OperationalError:  # not created yet
        return None
    finally:
        connection.close()
    return row[0] if row else None


def _wait_for(condition, what: str, readers: Readers, timeout: float = STARTUP_S) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}\n{readers.logs()}"
        time.sleep(0.2)


def test_instance_second_reader_hands_its_link_over_and_exits_0(tmp_path: Path, library: Path, readers: Readers) -> None:
    data = tmp_path / "data"
    first = readers.start(data, str(library))
    _wait_for(lambda: _last_article(data, library) == "a.md", "the first Reader shows a.md", readers)
    assert (data / LOCK_FILE).exists()

    second = readers.start(data, reader_link(library_id([library]), "b.md", 7, 11))
    assert second.wait(timeout=STARTUP_S) == 0, readers.logs()
    _wait_for(lambda: _last_article(data, library) == "b.md", "the first Reader opened b.md", readers, timeout=30)
    assert first.poll() is None  # still running, with the article open

    # Another data directory is another Reader: it stays up and opens the link itself.
    other_data = tmp_path / "other-data"
    third = readers.start(other_data, reader_link(library_id([library]), "b.md", 7, 11))
    _wait_for(lambda: _last_article(other_data, library) == "b.md", "the third Reader opened b.md", readers)
    assert third.poll() is None
