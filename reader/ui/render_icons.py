"""Render the application icon's PNG sizes from its SVG, with Qt (run after editing the SVG).

    python -m reader.ui.render_icons

The PNGs are shipped in resources/desktop/hicolor/ next to the SVG, so that installing the
launcher (``reader desktop install``) copies files and needs no display or Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402 - after choosing the platform
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from reader.paths import resource  # noqa: E402

HICOLOR = resource("desktop", "hicolor")
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts and painting need one
    renderer = QSvgRenderer(str(HICOLOR / "scalable" / "apps" / "reader.svg"))
    if not renderer.isValid():
        print("render_icons: the SVG could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = HICOLOR / f"{size}x{size}" / "apps" / "reader.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            print(f"render_icons: could not write {target}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
