"""Toolbar icons: line drawings in resources/ui/icons, tinted with the theme's text colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from reader.paths import resource


@cache
def _svg(name: str) -> str:
    return resource("ui", "icons", f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, color: QColor) -> QIcon:
    result = QIcon()
    data = QByteArray(_svg(name).replace("@color", color.name()).encode())
    renderer = QSvgRenderer(data)
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def swatch(color: QColor, size: int = 16) -> QIcon:
    """A round colour chip: the legend of an entity type."""
    result = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        margin = 3 * scale
        painter.drawRoundedRect(QRectF(margin, margin, (size - 6) * scale, (size - 6) * scale), 3 * scale, 3 * scale)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        result.addPixmap(pixmap)
    return result

