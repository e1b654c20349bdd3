"""How many Python functions an action calls: the tests of work done "once for all rows, not
once a row" compare it for a few rows and for many (a count, not a time: the same on any
machine)."""

from __future__ import annotations

import sys
from collections.abc import Callable


def python_calls(action: Callable[[], object]) -> int:
    """The Python function calls (generators' resumptions included) made by ``action``."""
    calls = 0

    def count(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls
