"""What the window remembers between runs in QSettings: geometry and dock layout (with a
state version), theme, zoom, font, hidden name types, library order and figure grouping.
Everything the user wrote lives in the database, not here."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject

from reader.analysis.model import EntityType
from reader.ui.theme import ThemeChoice

if TYPE_CHECKING:
    from reader.ui.models.articles import ArticleOrder
    from reader.ui.models.figures import Grouping
    from reader.ui.window import MainWindow

STATE_VERSION = 4  # 4: the Quotes panel; bump when docks are added or renamed: old saved layouts are then ignored


@cache
def _panel_settings() -> tuple[type[ArticleOrder], type[Grouping]]:
    """The library list's orders and the figures' groupings: the panels' modules, loaded with
    them after the first paint."""
    from reader.ui.models.articles import ArticleOrder
    from reader.ui.models.figures import Grouping

    return ArticleOrder, Grouping


class SavedState(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def restore_view(self) -> None:
        """What the article is shown in: the window's size, the theme, zoom, type and the name
        types hidden (before the first paint)."""
        geometry = self.w.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.w.restoreGeometry(geometry)
        else:
            self.w.resize(1440, 900)
        choice = str(self.w.settings.value("view/theme", ThemeChoice.SYSTEM.value))
        self.w.themes.set_theme_choice(ThemeChoice(choice) if choice in {c.value for c in ThemeChoice} else ThemeChoice.SYSTEM)
        self.w.view.set_zoom(int(self.w.settings.value("view/zoom", 0)))
        self.w.view.set_serif(str(self.w.settings.value("view/serif", "true")) == "true")
        hidden = {str(v) for v in (self.w.settings.value("view/hidden_types") or "").split(",") if v}
        self.w.view.set_hidden_types(frozenset(kind for kind in EntityType if kind.value in hidden))

    def restore_layout(self) -> None:
        """The panels' layout and settings, once they are built; their actions show the view's
        state."""
        state = self.w.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty() and self.w.restoreState(state, STATE_VERSION):
            self.w.layout_restored()
        self.w.act_serif.setChecked(self.w.view.serif())
        for kind, action in self.w.type_actions.items():
            action.setChecked(kind not in self.w.view.hidden_types())
        ArticleOrder, Grouping = _panel_settings()  # noqa: N806 - classes
        order = str(self.w.settings.value("library/order", ArticleOrder.NEWEST.value))
        self.w.library_panel.set_order(ArticleOrder(order) if order in {o.value for o in ArticleOrder} else ArticleOrder.NEWEST)
        grouping = str(self.w.settings.value("metrics/grouping", Grouping.NONE.value))
        self.w.figures_panel.set_grouping(Grouping(grouping) if grouping in {g.value for g in Grouping} else Grouping.NONE)

    def save(self) -> None:
        """Everything shown; a window closed before its panels were built keeps their saved
        layout."""
        self.w.settings.setValue("window/geometry", self.w.saveGeometry())
        self.w.settings.setValue("view/theme", self.w.themes.choice.value)
        self.w.settings.setValue("view/zoom", self.w.view.zoom())
        self.w.settings.setValue("view/serif", "true" if self.w.view.serif() else "false")
        self.w.settings.setValue("view/hidden_types", ",".join(k.value for k in self.w.view.hidden_types()))
        if self.w.furnished:
            self.w.settings.setValue("window/state", self.w.saveState(STATE_VERSION))
            self.w.settings.setValue("library/order", self.w.library_panel.model.order().value)
            self.w.settings.setValue("metrics/grouping", self.w.figures_panel.model.grouping().value)
        self.w.settings.sync()
