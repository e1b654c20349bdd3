"""Theme and saved state across a restart: what one window saves, the next one shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

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
