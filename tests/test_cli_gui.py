"""The GUI's command line: what ``reader PATH_OR_URL …`` asks to open, and its refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import gui_location, main
from reader.library.links import LinkError, Location, reader_link

ROOT = Path(__file__).resolve().parent.parent


def test_gui_location_of_a_reader_link(tmp_path: Path) -> None:
    link = reader_link(str(tmp_path), "a.md", 3, 9)
    assert gui_location([link], None) == Location((tmp_path,), "a.md", 3, 9)


def test_gui_location_makes_paths_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.md").write_text("# a", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    location = gui_location(["lib", (tmp_path / "lib" / "a.md").as_uri()], "lib/a.md")
    assert location == Location((tmp_path / "lib", tmp_path / "lib" / "a.md"), str(tmp_path / "lib" / "a.md"))
    assert gui_location([], None) == Location(())


def test_gui_location_refuses_a_link_among_paths(tmp_path: Path) -> None:
    with pytest.raises(LinkError, match="on its own"):
        gui_location([reader_link(str(tmp_path), "a.md", 0), "seeds"], None)


@pytest.mark.parametrize("link", ["reader://open?library=%2Fa&offset=x", "reader://nowhere", "mailto://a"])
def test_gui_malformed_link_is_a_message_not_a_traceback(link: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([link]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"reader: {link}: ") and "Traceback" not in err


def test_gui_malformed_link_exits_2_from_a_real_process(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "reader", "reader://open?library=relative"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "READER_DATA_DIR": str(tmp_path)},
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stderr == "reader: reader://open?library=relative: the library 'relative' is not an absolute path\n"
