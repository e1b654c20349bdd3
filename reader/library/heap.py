"""Keeping CPython's full garbage-collection passes short while a library is built.

A full pass walks every container object alive and holds the GIL all the while, so no other
thread runs meanwhile — the GUI thread included. A 10k library is some 600k such objects, and
while a loader builds one a full pass comes each time the heap has grown by a quarter: at a 10k
reopen, every GUI stall over 100 ms was one of these passes in the loader thread (0.13, 0.29,
0.33, 0.45 s while decoding the cache, 0.7 s while pypinyin loaded its dictionary), and none of
them found any garbage.

What a loader builds lives until the next library replaces it, and it holds no reference
cycles (tests/library/test_heap.py checks that a library is freed by reference counting alone),
so it is moved out of the collector's reach (``gc.freeze``) as it is built, instead of being
walked again at every pass. Freezing costs nothing (it joins two lists); what it gives up is
collecting a *cycle* among the objects alive at that moment, should one become garbage later.
"""

from __future__ import annotations

import gc


def keep() -> None:
    """Everything alive now is long-lived: later full passes of the collector skip it. Called
    by a loader after each stretch of the library it builds."""
    gc.freeze()
