"""A dock that builds its content the first time it is shown (Frescobaldi's pattern): a hidden
panel costs nothing, and its stable objectName lets QMainWindow.saveState restore the layout.
``activate()`` is how the window and its controllers bring a panel to the reader."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QWidget

PANEL_MIN_WIDTH = 160
PANEL_MIN_HEIGHT = 90


class Panel(QDockWidget):
    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self._built = False

    @property
    def built(self) -> bool:
        return self._built

    def ensure_built(self) -> None:
        if not self._built:
            self._built = True
            content = self.build()
            # any panel may be this narrow (its rows elide): the article keeps the window
            content.setMinimumSize(PANEL_MIN_WIDTH, PANEL_MIN_HEIGHT)
            self.setWidget(content)
            self.refresh()

    def activate(self) -> None:
        """Show the panel (built now if it never was) in front of the panels it shares a
        place with: the reader asked for what it holds."""
        self.ensure_built()
        self.show()
        self.raise_()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.ensure_built()
        super().showEvent(event)

    def build(self) -> QWidget:
        """The panel's content; called once."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Show the state the panel was given while it was not built."""
