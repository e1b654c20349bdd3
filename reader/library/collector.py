"""Python's cyclic garbage collector while a library is loaded and kept (``keep``).

A library's analyses are millions of small objects (a 100k-article library: ~5 million the
collector tracks). Each full collection scans every one of them, holds the interpreter lock
while it does, and CPython 3.11 runs one whenever the long-lived objects have grown by a
quarter. Loading 100k articles therefore ran fifteen full collections, ~15 s of a ~60 s reopen,
each one a stall of the window of up to 3.7 s (bench/RESULTS.md, "A library of 100,000
articles").

So while a library loads only the young generations are collected (they scan what was made
since the last one: the window's garbage cycles are still freed, even through a first index or
the name model's pass, which take minutes), full collections are held off, and what is alive
when the load ends is moved out of the collector's sight (``gc.freeze``): the library's objects
hold no reference cycles, so reference counting alone frees them when the library is replaced,
and later collections scan only what is made afterwards. The price: an object in a garbage
cycle that had already reached the oldest generation when a load ended is kept until the
process ends.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

# Full collections wait until the oldest generation's counter (one per collection of the
# middle one) passes its threshold: set this high, none comes during a load.
_NO_FULL_COLLECTION = 1 << 30


class _Pauses:
    """How many loads run at once (a library load and a name-model pass may overlap): full
    collections resume when the last one ends."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.thresholds = gc.get_threshold()


_PAUSES = _Pauses()


@contextmanager
def full_collections_held() -> Iterator[None]:
    """No full collection while the block makes a library (young ones go on); then what is
    alive is frozen, and the thresholds are what they were before the first of overlapping
    blocks began. A collector someone disabled is left alone, and nothing is frozen then."""
    with _PAUSES.lock:
        if _PAUSES.running == 0:
            _PAUSES.thresholds = gc.get_threshold()
            young, middle = _PAUSES.thresholds[:2]
            gc.set_threshold(young, middle, _NO_FULL_COLLECTION)
        _PAUSES.running += 1
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.running -= 1
            if _PAUSES.running == 0:
                if gc.isenabled():
                    gc.freeze()
                gc.set_threshold(*_PAUSES.thresholds)


def keep() -> None:
    """Everything alive now is long-lived: later full collections skip it (``gc.freeze``).
    Called by a loader after each stretch of the library it builds and after warming up: at a
    10k reopen every GUI stall over 100 ms was a full collection in the loader thread walking
    the growing library (0.13–0.7 s each), and none found garbage. A collector someone
    disabled is left alone."""
    if gc.isenabled():
        gc.freeze()


def give_back() -> None:
    """Hand the C allocator's free memory back to the system (glibc's ``malloc_trim``; elsewhere
    nothing). What a loader frees — the stored list's text, each chunk's rows, the mention
    index's arrays as they are placed — stays in its thread's malloc arena otherwise: after a
    100k reopen in the window, ~0.1 GB of RSS held and no longer used (bench/RESULTS.md, "The
    list before the library"). A few milliseconds; called between a load's stages."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
