"""Following a name through the seeds with the entity navigator: selecting it, stepping through
its mentions, the card's jumps, and a new library starting with nothing selected."""

from __future__ import annotations

import threading
import time

import pytest
from pytestqt.qtbot import QtBot

from reader.ui.window import MainWindow

ENTITY = "字节跳动"


def test_selecting_a_name_marks_it_and_lists_its_mentions(qtbot: QtBot, window: MainWindow) -> None:
    entities, library = window.entities, window.library
    assert library is not None
    with qtbot.waitSignal(window.session.entity_selected, check_params_cb=lambda name: name == ENTITY):
        entities.select(ENTITY)
    here = window.view.highlighted_entity_spans()
    refs = library.mentions_of(ENTITY)
    assert window.status_message() == f"{ENTITY}: {len(here)} here, {len(refs)} in the library — F3 for the next"
    assert window.mentions_panel.isVisible() and window.mentions_panel.entity == ENTITY
    assert window.act_next_mention.isEnabled()
    card = entities.card(ENTITY)
    assert card is not None and card.name == ENTITY and window.card_panel.card() == card


def test_stepping_and_the_cards_jumps_open_the_mentions(window: MainWindow) -> None:
    entities, library = window.entities, window.library
    assert library is not None
    refs = library.mentions_of(ENTITY)
    window.open_article(refs[0].article, span=(refs[0].start, refs[0].end))
    entities.select(ENTITY)
    entities.next_mention()
    assert (window.current_key, window.view.selected_span()) == (refs[1].article, (refs[1].start, refs[1].end))
    assert window.status_message() == f"{ENTITY}: mention 2 of {len(refs)}"
    entities.previous_mention()
    entities.previous_mention()  # before the first: the last, said so
    assert window.view.selected_span() == (refs[-1].start, refs[-1].end)
    assert window.status_message().endswith("(wrapped around)")
    other = next(r for r in refs if r.article != window.current_key)
    entities.open_card_article(other.article)  # at the name's first mention there
    first_there = next(r for r in refs if r.article == other.article)
    assert (window.current_key, window.view.selected_span()) == (other.article, (first_there.start, first_there.end))


def test_f3_without_a_name_says_how(window: MainWindow) -> None:
    window.entities.next_mention()
    assert window.status_message().startswith("Select a name first")


def test_a_new_library_starts_with_nothing_selected(qtbot: QtBot, window: MainWindow) -> None:
    assert window.library is not None
    window.entities.select(ENTITY)
    window.session.set_library(window.library)
    assert window.selected_entity == "" and window.view.highlighted_entity_spans() == []
    assert window.card_panel.card() is None and window.mentions_panel.entity == ""


def test_closing_stops_the_card_being_gathered(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The card of a name just corrected reads its articles again for most of a minute at 10k:
    closing the window stops it instead of waiting for it."""
    import reader.ui.entity_navigation as entity_navigation

    reading, stopped_seen = threading.Event(), threading.Event()

    def slow(library, name, stopped):  # noqa: ANN001, ANN202
        reading.set()
        deadline = time.monotonic() + 30
        while not stopped() and time.monotonic() < deadline:
            time.sleep(0.01)  # an article read again after another
        if stopped():
            stopped_seen.set()
        return iter(())

    monkeypatch.setattr(entity_navigation, "card_details_in_steps", slow)
    window.select_entity("字节跳动")
    qtbot.waitUntil(reading.is_set, timeout=10_000)
    window.close()
    assert stopped_seen.is_set()


def test_a_card_asked_for_while_a_correction_is_applied_is_not_gathered(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18, point 2: a card gathered while a correction is applied read 10k articles'
    texts meanwhile, sharing the interpreter with it; the corrected library's card is asked
    for again when it comes."""
    import reader.ui.entity_navigation as entity_navigation

    gathered: list[str] = []
    monkeypatch.setattr(entity_navigation, "card_details_in_steps", lambda library, name, stopped: (gathered.append(name), iter(()))[1])
    monkeypatch.setattr(window.correcting, "applying", lambda: True)
    window.select_entity("抖音")
    qtbot.wait(200)  # the card's details would start once it is painted
    assert gathered == []
    monkeypatch.setattr(window.correcting, "applying", lambda: False)
    window.select_entity(ENTITY)
    qtbot.waitUntil(lambda: gathered == [ENTITY], timeout=5_000)
