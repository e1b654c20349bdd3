from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.ingest.discover import discover


def test_discover_recurses_filters_and_sorts(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.md", "a.HTML", "c.txt", "skip.pdf", ".hidden.md", "b/1.markdown"):
        (tmp_path / name).write_text("x")
    assert [f.relative for f in discover(tmp_path)] == ["a.HTML", "b/1.markdown", "b/2.md", "c.txt"]


def test_discover_survives_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("x")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    assert [f.relative for f in discover(tmp_path)] == ["sub/a.md"]


def test_discover_single_file_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text("x")
    assert [f.relative for f in discover(tmp_path / "one.md")] == ["one.md"]
    with pytest.raises(FileNotFoundError):
        discover(tmp_path / "nope")
