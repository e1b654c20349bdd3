"""Back and forward, like a browser."""

from __future__ import annotations

from reader.ui.history import History, Place


def test_history_back_forward_and_a_new_visit_drops_forward() -> None:
    history = History()
    history.visit(Place("a", 0))
    history.visit(Place("b", 10))
    history.update(Place("b", 250))
    assert history.back() == Place("a", 0)
    assert history.forward() == Place("b", 250)
    assert history.forward() is None
    history.back()
    history.visit(Place("c", 0))
    assert not history.can_go_forward()
    assert history.back() == Place("a", 0)
    assert history.back() is None


def test_history_forget_keeps_places_in_the_new_library() -> None:
    history = History()
    for key in ("a", "b", "c"):
        history.visit(Place(key))
    history.forget({"a", "c"})
    assert len(history) == 2 and history.current == Place("c")


def test_history_is_bounded() -> None:
    history = History(limit=3)
    for i in range(5):
        history.visit(Place(str(i)))
    assert len(history) == 3 and history.current == Place("4")
