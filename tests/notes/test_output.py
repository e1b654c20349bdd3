"""Export files: written atomically when they are files, as a stream when they are not, and the
leftovers of killed exports removed."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from reader.notes.output import STALE_AFTER, remove_stale_temporaries, write_output


def _read_in_background(fifo: Path) -> tuple[threading.Thread, list[str]]:
    """A reader at the other end of a named pipe, as a shell's `cat pipe` would be."""
    received: list[str] = []

    def read() -> None:
        with open(fifo, encoding="utf-8") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, received


def test_write_output_to_a_named_pipe_streams_into_it_and_keeps_the_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "notes.md"
    os.mkfifo(fifo)
    reader, received = _read_in_background(fifo)
    write_output(fifo, "导出的笔记\n")
    reader.join(timeout=10)
    assert received == ["导出的笔记\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]  # no temporary file either


def test_write_output_through_a_link_to_a_device_writes_to_the_device(tmp_path: Path) -> None:
    link = tmp_path / "null.json"
    link.symlink_to("/dev/null")
    write_output(link, "{}\n")
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_write_output_through_a_link_to_standard_output_streams_it(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "out.json"
    link.symlink_to("/dev/stdout")
    write_output(link, "标准输出\n")
    assert capfd.readouterr().out == "标准输出\n"
    assert link.is_symlink() and os.readlink(link) == "/dev/stdout"


def test_write_output_through_a_link_to_a_file_replaces_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "notes.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "notes.md"
    link.symlink_to(target)
    write_output(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def _file(path: Path, age: float) -> None:
    path.write_text("x" * 1000, encoding="utf-8")
    then = time.time() - age
    os.utime(path, (then, then))


def test_write_output_removes_stale_temporaries_of_killed_exports_and_nothing_else(tmp_path: Path) -> None:
    old = STALE_AFTER + 60
    for stale in (".notes.md.k3_x9a0b.tmp", ".其他 notes.json.abcdefgh.tmp"):  # killed exports'
        _file(tmp_path / stale, old)
    kept = {
        ".notes.md.running1.tmp": 0,  # an export still writing
        ".notes.md.toolong99.tmp": old,  # not 8 characters of mkstemp's: someone else's
        "notes.md.abcdefgh.tmp": old,  # not hidden: not ours
        ".hidden.tmp": old,
        ".notes.md.abcdefgh.tmp.keep": old,
    }
    for name, age in kept.items():
        _file(tmp_path / name, age)
    (tmp_path / ".dir.abcdefgh.tmp").mkdir()  # a folder is never removed
    os.utime(tmp_path / ".dir.abcdefgh.tmp", (0, 0))

    write_output(tmp_path / "notes.md", "new")

    assert {p.name for p in tmp_path.iterdir()} == {"notes.md", ".dir.abcdefgh.tmp", *kept}


def test_remove_stale_temporaries_leaves_a_link_with_a_temporary_name(tmp_path: Path) -> None:
    victim = tmp_path / "victim.md"
    victim.write_text("mine", encoding="utf-8")
    link = tmp_path / ".notes.md.abcdefgh.tmp"
    link.symlink_to(victim)
    os.utime(link, (0, 0), follow_symlinks=False)
    assert remove_stale_temporaries(tmp_path) == []
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == "mine"
