"""The reading session announces changes; features listen instead of being pushed to."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.analysis.pipeline import Analyzer
from reader.library.load import load_library
from reader.ui.history import Place
from reader.ui.session import ReadingSession


def test_session_announces_library_article_and_entity(qtbot: QtBot, seeds_dir: Path) -> None:
    session = ReadingSession()
    library = load_library([seeds_dir], None, Analyzer())
    with qtbot.waitSignal(session.library_changed):
        session.set_library(library)
    first, second = library.articles[0].key, library.articles[1].key
    with qtbot.waitSignal(session.article_changed, check_params_cb=lambda new, old: (new, old) == (first, "")):
        session.set_article(first)
    with qtbot.waitSignal(session.article_changed, check_params_cb=lambda new, old: (new, old) == (second, first)):
        session.set_article(second)
    with qtbot.assertNotEmitted(session.article_changed):
        session.set_article(second)  # the same article: nothing changed
    with qtbot.waitSignal(session.entity_selected, check_params_cb=lambda name: name == "抖音"):
        session.select_entity("抖音")


def test_window_notes_follow_the_session(qtbot: QtBot, window) -> None:  # noqa: ANN001
    """Opening another article re-lists its notes without the window pushing to the panel."""
    keys = [a.key for a in window.library.articles]
    other = next(k for k in keys if k != window.current_key)
    window.open_article(other)
    assert window.notes_panel is None or window.notes_panel.article_key() == other


def test_a_new_library_keeps_only_its_own_places_in_the_history(seeds_dir: Path, analyzer: Analyzer) -> None:
    session = ReadingSession()
    library = load_library([seeds_dir], None, analyzer)
    session.history.visit(Place("gone.md", 0, 0, 0))
    session.history.visit(Place(library.articles[0].key, 0, 0, 0))
    session.set_library(library)
    assert session.history.current == Place(library.articles[0].key, 0, 0, 0)
    assert not session.history.can_go_back()
