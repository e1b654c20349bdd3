"""End to end: the real command starts the app on the seeds, opens an article and writes a PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ARTICLE = "000_92185e7afd4ccf9e.txt"


def test_screenshot_of_the_seeds_shows_a_filled_window(tmp_path: Path, seeds_dir: Path, qapp: object) -> None:
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", str(seeds_dir), "--open", ARTICLE, "--screenshot", str(out), "--data-dir", str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1440, 900)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 100  # text, entity colours, panels: not a blank or single-colour frame
    # The reading column (the middle of the window) holds dark glyph pixels.
    dark = sum(
        1
        for x in range(560, 900, 3)
        for y in range(150, 800, 3)
        if image.pixelColor(x, y).lightness() < 90
    )
    assert dark > 200


def test_screenshot_with_a_database_from_a_newer_reader_still_opens(tmp_path: Path, seeds_dir: Path, qapp: object) -> None:
    import sqlite3

    data = tmp_path / "data"
    data.mkdir()
    connection = sqlite3.connect(data / "reader.sqlite3")
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "reader", str(seeds_dir), "--screenshot", str(out), "--data-dir", str(data)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "newer version of Reader" in result.stderr
    assert out.exists()
    connection = sqlite3.connect(data / "reader.sqlite3")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 99  # left untouched
    connection.close()
