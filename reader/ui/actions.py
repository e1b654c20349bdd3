"""Making the window's actions: a text, its shortcuts (each key once, as this platform spells
the standard ones), an icon name the theme paints, and a tooltip that names the key; and
putting them in menus and toolbars."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

Shortcut = str | QKeySequence.StandardKey


def distinct_keys(shortcuts: tuple[Shortcut, ...]) -> list[QKeySequence]:
    """The key sequences of ``shortcuts``, standard keys expanded for this platform, each once:
    on Linux the standard Back key *is* Alt+Left, and a key given twice to one action makes Qt
    call it ambiguous and fire nothing (issue 17)."""
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        bound = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey) else [QKeySequence(shortcut)]
        for key in bound:
            if not key.isEmpty() and key not in keys:
                keys.append(key)
    return keys


def make_action(parent: QWidget, text: str, shortcuts: tuple[Shortcut, ...] = (), icon_name: str = "", tip: str = "") -> QAction:
    """An action of ``parent``'s, its shortcuts live even where no menu shows it (the menu bar
    hidden, a toolbar-only action). ``icon_name`` is kept as the action's data for the theme."""
    action = QAction(text, parent)
    if shortcuts:
        action.setShortcuts(distinct_keys(shortcuts))
    if icon_name:
        action.setData(icon_name)
    if tip or shortcuts:
        keys = QKeySequence(shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText) if shortcuts else ""
        action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')}" + (f"  ({keys})" if keys else ""))
    parent.addAction(action)
    return action


def make_toggle(
    parent: QWidget, text: str, checked: bool, data: str = "", shortcuts: tuple[Shortcut, ...] = (), tip: str = ""
) -> QAction:
    """A checkable action; ``data`` says what it stands for (a theme, an entity type)."""
    action = make_action(parent, text, shortcuts, tip=tip)
    action.setCheckable(True)
    action.setChecked(checked)
    if data:
        action.setData(data)
    return action


def add_actions(target: QMenu | QToolBar, items: Iterable[QAction | None]) -> None:
    """Fill a menu or a toolbar in order; None is a separator."""
    for item in items:
        if item is None:
            target.addSeparator()
        else:
            target.addAction(item)
