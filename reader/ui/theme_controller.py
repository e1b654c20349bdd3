"""The window's theme: light, dark or the desktop's, applied to the application, the article
view, the highlights and the icons, and followed live when the desktop's colour scheme changes."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.analysis.model import EntityType
from reader.ui.theme import Theme, ThemeChoice, dark_palette, resolve, stylesheet

if TYPE_CHECKING:
    from types import ModuleType

    from reader.ui.window import MainWindow


@cache
def _icons() -> ModuleType:
    """The toolbar's icons (Qt's SVG module), drawn once the toolbar is built."""
    from reader.ui import icons

    return icons


class ThemeController(QObject):
    """``w`` is the window whose theme this is (its actions, panels and view)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._system_palette = QPalette(QGuiApplication.palette())
        self._system_style = QApplication.style().name()
        self._theme_choice = ThemeChoice.SYSTEM
        self._theme = resolve(ThemeChoice.SYSTEM)

    @property
    def choice(self) -> ThemeChoice:
        return self._theme_choice

    def set_theme_choice(self, choice: ThemeChoice) -> None:
        self._theme_choice = choice
        app = QApplication.instance()
        if isinstance(app, QApplication):
            if choice is ThemeChoice.SYSTEM:
                app.setStyle(self._system_style)
                app.setPalette(self._system_palette)
            elif choice is ThemeChoice.DARK:
                app.setStyle("Fusion")
                app.setPalette(dark_palette())
            else:
                app.setStyle("Fusion")
                app.setPalette(app.style().standardPalette())
        self._theme = resolve(choice) if choice is not ThemeChoice.SYSTEM else resolve(ThemeChoice.SYSTEM)
        if isinstance(app, QApplication):
            app.setStyleSheet(stylesheet(self._theme))
        self.w.view.set_theme(self._theme)
        if self.w.furnished:
            self.show_in_window()

    def show_in_window(self) -> None:
        """The theme in the window's actions, icons, panels and notes' highlights (built
        after the article is painted)."""
        self.w.theme_actions[self._theme_choice].setChecked(True)
        self.w.notes.paint()
        self.paint_icons()

    def theme(self) -> Theme:
        return self._theme

    def paint_icons(self) -> None:
        color = self.w.palette().color(QPalette.ColorRole.WindowText)
        for action in self.w.findChildren(QAction):
            name = action.data()
            if isinstance(name, str) and name and name not in {c.value for c in ThemeChoice} and name not in {k.value for k in EntityType}:
                action.setIcon(_icons().icon(name, color))
        for kind, action in self.w.type_actions.items():
            action.setIcon(_icons().swatch(self._theme.entity_text(kind)))
        self.w.figures_panel.model.set_hover_color(self._theme.find)
        self.w.entities_panel.set_colors(self._theme.entity)
        self.w.card_panel.set_colors(self._theme.entity)

    def on_theme_action(self, action: QAction) -> None:
        self.set_theme_choice(ThemeChoice(str(action.data())))

    def on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._theme_choice is ThemeChoice.SYSTEM:
            QTimer.singleShot(0, self._reapply_system_theme)

    def _reapply_system_theme(self) -> None:
        self._system_palette = QPalette(QGuiApplication.palette())
        self.set_theme_choice(ThemeChoice.SYSTEM)
