"""Making actions: each key once, standard keys expanded, the key named in the tooltip."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from reader.ui.actions import add_actions, distinct_keys, make_action, make_toggle


def test_distinct_keys_give_a_standard_key_once_with_its_platform_spelling(qapp) -> None:  # noqa: ANN001 - key bindings need the application
    back = QKeySequence.keyBindings(QKeySequence.StandardKey.Back)
    keys = distinct_keys(("Alt+Left", QKeySequence.StandardKey.Back, "Alt+Left", ""))
    assert keys[0] == QKeySequence("Alt+Left")
    assert len(keys) == len(set(k.toString() for k in keys))  # no key twice
    assert all(k in keys for k in back)


def test_make_action_belongs_to_its_parent_and_names_its_key(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.add_widget(parent)
    find = make_action(parent, "&Find in Article…", ("Ctrl+F",), "find")
    plain = make_action(parent, "&About Reader")
    tipped = make_action(parent, "Next &Mention", ("F3",), tip="Next mention of the selected name")
    assert parent.actions() == [find, plain, tipped]  # shortcuts work without a menu
    assert find.data() == "find" and find.shortcuts() == [QKeySequence("Ctrl+F")]
    assert find.toolTip() == f"Find in Article  ({QKeySequence('Ctrl+F').toString(QKeySequence.SequenceFormat.NativeText)})"
    assert tipped.toolTip() == "Next mention of the selected name  (F3)"
    assert plain.data() is None and plain.shortcuts() == []


def test_make_toggle_and_add_actions_fill_a_menu_with_separators(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.add_widget(parent)
    dark = make_toggle(parent, "&Dark", False, "dark")
    person = make_toggle(parent, "Person", True, "person", ("Alt+1",), "Show person names")
    assert dark.isCheckable() and not dark.isChecked() and dark.data() == "dark"
    assert person.isChecked() and person.toolTip() == "Show person names  (Alt+1)"
    menu = QMenu(parent)
    add_actions(menu, (dark, None, person))
    assert [a.text() if not a.isSeparator() else "—" for a in menu.actions()] == ["&Dark", "—", "Person"]
