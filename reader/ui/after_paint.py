"""Work that waits until what has been asked to paint is painted.

Qt posts a widget's paint request at low priority, after every other posted event (and a zero
timer is a posted event: it runs before the paint). A request posted at that same low priority
after the paint request runs after the paint: the GUI shows what it has, and input and timers
are served, before the next piece of work (issue 18: a 10k library's list, then its article;
the loader's warm-up after the first article is on screen).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_AFTER_PAINT = QEvent.Type(QEvent.registerEventType())


class AfterPaint(QObject):
    """Calls ``callback`` once the paints asked for before ``request`` are done; asked again
    before then, it calls it once. With ``rounds=2`` it waits for the paints those paints'
    layout asks for in turn: panels shown in a window are laid out in a posted event, and their
    first paint is asked for only then, after a request made with them."""

    def __init__(self, callback: Callable[[], None], parent: QObject, rounds: int = 1) -> None:
        super().__init__(parent)
        self._callback = callback
        self._rounds = rounds
        self._left = 0  # rounds still to wait for; 0: none posted

    def request(self) -> None:
        if not self._left:
            self._left = self._rounds
            self._post()

    def _post(self) -> None:
        QCoreApplication.postEvent(self, QEvent(_AFTER_PAINT), Qt.EventPriority.LowEventPriority.value)

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == _AFTER_PAINT:
            self._left -= 1
            if self._left:
                self._post()
                return
            self._callback()
