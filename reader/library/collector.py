"""Python's cyclic garbage collector while a library is loaded.

A library's analyses are millions of small objects (a 100k-article library: ~5 million the
collector tracks). Each full collection scans every one of them, holds the interpreter lock
while it does, and CPython 3.11 runs one whenever the long-lived objects have grown by a
quarter. Loading 100k articles therefore ran fifteen full collections, ~15 s of a ~60 s reopen,
each one a stall of the window of up to 3.7 s (bench/RESULTS.md, "A library of 100,000
articles").

So the collector is paused while a library loads, and what is alive when the load ends is
moved out of its sight (``gc.freeze``): the library's objects hold no reference cycles, so
reference counting alone frees them when the library is replaced, and later collections scan
only what is made afterwards. The price: an object that was already part of a garbage cycle
when a load ended is kept until the process ends (the few made by the window while it loaded).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    """How many loads run at once (a library load and a name-model pass may overlap): the
    collector resumes when the last one ends, and only if it ran before the first began."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.was_enabled = False


_PAUSES = _Pauses()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection while the block makes a library; then what is alive is frozen
    and the collector resumes (if it was enabled when the first of overlapping blocks began)."""
    with _PAUSES.lock:
        if _PAUSES.running == 0:
            _PAUSES.was_enabled = gc.isenabled()
            gc.disable()
        _PAUSES.running += 1
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.running -= 1
            if _PAUSES.running == 0 and _PAUSES.was_enabled:
                gc.freeze()
                gc.enable()
