"""Whole-library queries off the GUI thread: a QThreadPool task per query, results delivered
by a queued signal, stale results (an older query finishing late) dropped by generation."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal


def send_home(worker: QObject) -> None:
    """Give a worker that has done its work in a thread of its own back to the GUI thread, from
    that thread, before it says it is finished: deleted in its own thread as the thread ends, a
    worker's destructor holds one of Qt's signal locks while it waits for the interpreter lock,
    which the GUI thread may hold while it emits a signal under the same lock (a deadlock seen in
    CI). Deleted on the GUI thread, it waits for nothing."""
    app = QCoreApplication.instance()
    if app is not None:
        worker.moveToThread(app.thread())


class _Relay(QObject):
    done = Signal(int, list)


class _Task(QRunnable):
    def __init__(self, generation: int, work: Callable[[], list], relay: _Relay) -> None:
        super().__init__()
        self._generation = generation
        self._work = work
        self._relay = relay

    def run(self) -> None:
        self._relay.done.emit(self._generation, self._work())


class _Steps(QRunnable):
    """A query that gives its result in steps (a first look, then refined): each delivered as
    it comes, until the runner is given another query or cancelled."""

    def __init__(self, generation: int, work: Callable[[Callable[[], bool]], Iterable[list]], relay: _Relay, newest: list[int]) -> None:
        super().__init__()
        self._generation = generation
        self._work = work
        self._relay = relay
        self._newest = newest  # the runner's newest generation, in a list shared with it

    def stopped(self) -> bool:
        return self._newest[0] != self._generation  # an int read: no lock needed

    def run(self) -> None:
        for result in self._work(self.stopped):
            if self.stopped():
                break
            self._relay.done.emit(self._generation, result)


class QueryRunner(QObject):
    """Runs one query at a time in the background; only the newest result is delivered."""

    finished = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._generation = 0
        # the newest generation as a query in steps reads it from its thread: a plain list, not
        # this QObject (which may be gone by the time the thread looks)
        self._newest = [0]

    def submit(self, work: Callable[[], list]) -> None:
        self._next()
        self._pool.clear()  # queued but not started: never needed now
        self._pool.start(_Task(self._generation, work, self._relay))

    def submit_steps(self, work: Callable[[Callable[[], bool]], Iterable[list]]) -> None:
        """Run ``work(stopped)``, delivering each result it yields while it is the newest query;
        ``stopped()`` turns True once another is given or this one is cancelled, for ``work``
        to end early: a query already running is not stopped otherwise, and the next waits."""
        self._next()
        self._pool.clear()
        self._pool.start(_Steps(self._generation, work, self._relay, self._newest))

    def enqueue(self, work: Callable[[], list]) -> None:
        """Run ``work`` after every query already given, none dropped (a cache's rewrite
        builds on the one before it); only the newest result is delivered."""
        self._next()
        self._pool.start(_Task(self._generation, work, self._relay))

    def cancel(self) -> None:
        self._next()
        self._pool.clear()

    def _next(self) -> None:
        self._generation += 1
        self._newest[0] = self._generation

    def wait(self, ms: int = 5000) -> bool:
        return self._pool.waitForDone(ms)

    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0

    def _on_done(self, generation: int, result: list) -> None:
        if generation == self._generation:
            self.finished.emit(result)
