"""How the panels share the window with the article (issue 17, point 4).

The article is what the window is for: it keeps at least half the width and most of the height.
Side panels take a share of the width — the user's share once they drag a separator — so they
grow with the window instead of staying narrow; the bottom panels (mentions, search) take a share
of the height, never so much that the article shrinks to a line. Every panel may be as narrow
as ``PANEL_MIN_WIDTH`` (``panels/base.py``), so the window can be snapped to half a 1440-pixel
screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from reader.ui.panels.base import PANEL_MIN_HEIGHT, PANEL_MIN_WIDTH

ARTICLE_MIN_WIDTH = 340
# Default shares of the window: each side column, and the bottom row when it is shown.
LEFT_SHARE = 0.2
RIGHT_SHARE = 0.24
BOTTOM_SHARE = 0.32
# The article's least share of the width and of the height, whatever the user dragged.
ARTICLE_WIDTH_SHARE = 0.5
ARTICLE_HEIGHT_SHARE = 0.55
_SEPARATORS = 8  # pixels a dock separator and frame take beside each side column


class DockSizes(QObject):
    """Keeps the panels' shares of ``window`` as it is resized."""

    def __init__(
        self,
        window: QMainWindow,
        article: QWidget,
        left: Sequence[QDockWidget],
        right: Sequence[QDockWidget],
        bottom: Sequence[QDockWidget],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.shares = {"left": LEFT_SHARE, "right": RIGHT_SHARE, "bottom": BOTTOM_SHARE}
        self._docks = {"left": list(left), "right": list(right), "bottom": list(bottom)}
        self._pending = False  # an apply is queued
        self._dragging = False  # the user holds a separator: panel sizes are theirs
        article.setMinimumWidth(ARTICLE_MIN_WIDTH)
        for docks in self._docks.values():
            for dock in docks:
                dock.installEventFilter(self)
        window.installEventFilter(self)

    def keep_current(self) -> None:
        """Take the shares from the panels as they are now (a restored layout)."""
        for side in self.shares:
            dock = self._visible(side)
            if dock is not None:
                self.shares[side] = self._share(side, dock)

    def apply(self) -> None:
        """Size the visible panels to their shares, the article keeping its least share."""
        self._pending = False
        width, height = self.window.width(), self.window.height()
        if width <= 0 or height <= 0:
            return
        sides = [(side, dock) for side in ("left", "right") if (dock := self._visible(side)) is not None]
        room = width * (1 - ARTICLE_WIDTH_SHARE) - _SEPARATORS * len(sides)
        wanted = {side: self.shares[side] * width for side, _ in sides}
        total = sum(wanted.values())
        scale = min(1.0, room / total) if total else 1.0
        if sides:
            self.window.resizeDocks(
                [dock for _, dock in sides],
                [max(PANEL_MIN_WIDTH, int(wanted[side] * scale)) for side, _ in sides],
                Qt.Orientation.Horizontal,
            )
        dock = self._visible("bottom")
        if dock is not None:
            most = height * (1 - ARTICLE_HEIGHT_SHARE)
            size = max(PANEL_MIN_HEIGHT, int(min(self.shares["bottom"] * height, most)))
            self.window.resizeDocks([dock], [size], Qt.Orientation.Vertical)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.MouseButtonPress:
                self._dragging = True  # on a separator between the article and a panel
            elif kind == QEvent.Type.MouseButtonRelease:
                self._dragging = False
            elif kind == QEvent.Type.Resize:
                self._later()
        elif kind == QEvent.Type.Resize and self._dragging:
            self._dragged(watched)
        elif kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self._later()  # a panel shown or closed: the others take their shares again
        return False

    def _later(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.apply)

    def _dragged(self, dock: QObject) -> None:
        """The user moved a separator: that side's share is theirs now."""
        for side, docks in self._docks.items():
            if dock in docks and dock is self._visible(side):
                share = self._share(side, dock)  # type: ignore[arg-type]
                limit = 1 - (ARTICLE_HEIGHT_SHARE if side == "bottom" else ARTICLE_WIDTH_SHARE)
                self.shares[side] = min(share, limit)

    def _share(self, side: str, dock: QDockWidget) -> float:
        if side == "bottom":
            return dock.height() / max(self.window.height(), 1)
        return dock.width() / max(self.window.width(), 1)

    def _visible(self, side: str) -> QDockWidget | None:
        return next(
            (d for d in self._docks[side] if d.isVisible() and not d.isFloating() and self.window.dockWidgetArea(d) == _AREAS[side]),
            None,
        )


_AREAS = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
}
