"""Is there a font that can draw Chinese? Without one every character is a box."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from reader.ui.theme import SANS_FAMILIES

PROBE = "的是中"

INSTALL_HINT = (
    "No font with Chinese characters is installed, so Chinese text shows as empty boxes. "
    "Install one and restart Reader — Debian/Ubuntu: <code>sudo apt install fonts-noto-cjk</code>; "
    "Fedora: <code>sudo dnf install google-noto-sans-cjk-fonts</code>; "
    "Arch: <code>sudo pacman -S noto-fonts-cjk</code>."
)


def has_cjk_font() -> bool:
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return True
    font = QFont()
    font.setFamilies(list(SANS_FAMILIES))
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in PROBE)
