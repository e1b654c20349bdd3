"""The entity table over a large library's names (issue 18): the names shown, sorted and
filtered in Python once for all rows, never by a Qt callback into Python for each row (a
proxy's ``filterAcceptsRow``, the header reading every cell of 1000 rows to size its columns):
30k names held the GUI thread 0.3 s at each reset."""

from __future__ import annotations

from reader.analysis.model import EntityType
from reader.library.mention_index import EntitySummary
from reader.ui.panels.entities import EntitiesPanel
from tests.python_calls import python_calls

TYPES = list(EntityType)


def _names(n: int) -> list[EntitySummary]:
    return [EntitySummary(f"名字{i}", TYPES[i % len(TYPES)], (f"名字{i}", f"別名{i}"), i % 500 + 1, ("a.md",)) for i in range(n)]


def _calls_to_show(show_panel, n: int) -> int:  # noqa: ANN001
    panel = show_panel(EntitiesPanel(), 360, 700)
    names = _names(n)

    def show() -> None:
        panel.set_article_entities(names)
        panel.table.viewport().repaint()

    calls = python_calls(show)
    most = max(s.mentions for s in names)
    assert panel.visible_names()[0] == next(s.name for s in names if s.mentions == most)  # most mentioned first
    return calls


def test_showing_many_names_calls_python_a_few_times_a_name_at_most(show_panel) -> None:  # noqa: ANN001
    _calls_to_show(show_panel, 100)  # what is done once
    few, many = _calls_to_show(show_panel, 2000), _calls_to_show(show_panel, 6000)
    # sorting calls its key (and the key the count of articles) once a name; nothing else may
    # grow with the names (the proxy and the header before: seven calls a name)
    assert many - few < 2 * (6000 - 2000) + 200, (few, many)


def test_the_filter_keeps_names_by_type_and_text_over_many_names(show_panel) -> None:  # noqa: ANN001
    panel = show_panel(EntitiesPanel(), 360, 700)
    panel.set_article_entities(_names(3000))
    assert panel.filter is not None
    panel.filter.setText("別名12")  # an alias, in its other script: 别名
    assert set(panel.visible_names()) == {f"名字{i}" for i in range(3000) if str(i).startswith("12")}
    panel.type_filter.setCurrentIndex(1 + TYPES.index(EntityType.PERSON))
    assert set(panel.visible_names()) == {f"名字{i}" for i in range(3000) if str(i).startswith("12") and TYPES[i % len(TYPES)] is EntityType.PERSON}
    panel.filter.clear()
    assert len(panel.visible_names()) == 750
