"""Theme and saved state across a restart: what one window saves, the next one shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from reader.analysis.model import EntityType
from reader.ui.models.articles import KEY_ROLE
from reader.ui.theme import ThemeChoice
from reader.ui.window import MainWindow


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _page_and_text(window: MainWindow) -> tuple[QColor, QColor]:
    palette = window.view.viewport().palette()
    return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)


@pytest.mark.parametrize("choice", [ThemeChoice.DARK, ThemeChoice.LIGHT])
def test_theme_survives_a_restart_and_the_article_stays_readable(
    qtbot: QtBot, make_window, seeds_dir: Path, choice: ThemeChoice  # noqa: ANN001
) -> None:
    first = make_window([seeds_dir])
    first.themes.set_theme_choice(choice)
    first.close()  # saves the state
    second = make_window([seeds_dir])
    assert second.themes.choice is choice
    page, text = _page_and_text(second)
    assert contrast(page, text) >= 4.5  # WCAG AA for body text
    assert (page.lightness() < 128) == (choice is ThemeChoice.DARK)
    second.themes.set_theme_choice(ThemeChoice.LIGHT)


def test_saved_state_keeps_zoom_order_and_grouping(qtbot: QtBot, make_window, seeds_dir: Path) -> None:  # noqa: ANN001
    from reader.ui.models.figures import Grouping

    first = make_window([seeds_dir])
    first.view.set_zoom(2)
    first.figures_panel.set_grouping(Grouping.LABEL)
    first.close()
    second = make_window([seeds_dir])
    assert second.view.zoom() == 2
    assert second.figures_panel.model.grouping() is Grouping.LABEL


def test_a_window_that_builds_its_panels_after_the_article_restores_what_was_saved(
    qtbot: QtBot, make_window, seeds_dir: Path  # noqa: ANN001
) -> None:
    """Issue 18, point 1: the app's window paints its article before its panels are built.
    The article is painted in the saved theme, zoom, type and name colours; the panels come
    in their saved sizes, and their actions show the saved settings."""
    first = make_window([seeds_dir], panels_later=True)
    first.themes.set_theme_choice(ThemeChoice.DARK)
    first.view.set_zoom(1)
    first.act_serif.setChecked(False)
    first.type_actions[EntityType.PLACE].setChecked(False)
    first.resizeDocks([first.library_panel, first.figures_panel], [380, 420], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(first.library_panel.width() - 380) <= 2 and abs(first.figures_panel.width() - 420) <= 2)
    article = first.library_panel.visible_keys()[-1]  # not the one a new session would open
    assert article != first.current_key
    first.open_article(article)
    first.close()  # saves the state
    # A window built at once restores the layout as it always has (the offscreen screen is
    # smaller than the saved window: the geometry is fitted to it, and the docks with it).
    reference = make_window([seeds_dir])
    sizes = (reference.library_panel.width(), reference.figures_panel.width(), reference.library_panel.height(), reference.entities_panel.height())

    at_first_paint: list[tuple[object, ...]] = []

    def article_shown(key: str) -> None:
        if not at_first_paint:
            page, _text = _page_and_text(second)
            view = second.view
            at_first_paint.append((second.furnished, key, page.lightness() < 128, view.zoom(), view.serif(), view.hidden_types()))

    second = MainWindow(first.store, first.loading.analyzer, first.data_dir, panels_later=True)
    qtbot.add_widget(second, before_close_func=lambda w: w.close())
    second.names.model_loader = first.names.model_loader
    second.article_opened.connect(article_shown)
    second.show()
    with qtbot.waitSignal(second.ready, timeout=60_000):
        second.open_paths([seeds_dir])
    assert at_first_paint == [(False, article, True, 1, False, frozenset({EntityType.PLACE}))]
    assert second.furnished and second.current_key == article
    assert second.size() == reference.size()
    qtbot.waitUntil(lambda: (
        second.library_panel.width(), second.figures_panel.width(), second.library_panel.height(), second.entities_panel.height()
    ) == sizes)
    assert second.library_panel.isVisible() and second.figures_panel.isVisible() and second.entities_panel.isVisible()
    assert second.theme_actions[ThemeChoice.DARK].isChecked() and not second.act_serif.isChecked()
    assert not second.type_actions[EntityType.PLACE].isChecked() and second.type_actions[EntityType.PERSON].isChecked()
    assert second.library_panel.list is not None
    assert second.library_panel.list.currentIndex().data(KEY_ROLE) == article  # the list shows what is read
    qtbot.waitUntil(lambda: not second.names.refining, timeout=60_000)
    second.themes.set_theme_choice(ThemeChoice.LIGHT)


def test_a_window_closed_before_its_panels_were_built_keeps_their_saved_layout(
    qtbot: QtBot, make_window, seeds_dir: Path  # noqa: ANN001
) -> None:
    first = make_window([seeds_dir])
    first.resizeDocks([first.library_panel], [380], Qt.Orientation.Horizontal)
    first.close()
    saved = first.settings.value("window/state")
    quick = MainWindow(first.store, first.loading.analyzer, first.data_dir, panels_later=True)
    qtbot.add_widget(quick)
    quick.view.set_zoom(2)
    quick.close()  # before its panels were built: its view settings are saved, their layout kept
    assert not quick.furnished
    again = make_window([seeds_dir])
    assert again.settings.value("window/state") == saved
    assert again.view.zoom() == 2
