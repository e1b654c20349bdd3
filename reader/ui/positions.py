"""Code-point offsets ↔ Qt document positions: the one place they are converted.

Python counts code points; ``QTextDocument`` counts UTF-16 units plus one position per block
separator. The article document is built so that every ``"\\n"`` of ``Article.text`` becomes a
block separator (one position, the same as the ``"\\n"`` it replaces) and every other character
is inserted unchanged, so the two differ only by the astral characters (emoji, CJK Extension B),
which are one code point but two UTF-16 units.

    text      = "A😀中\\n𠀀B"
    offsets     0 1  2 3  4 5          (code points)
    positions   0 1  3 4  5 7          (Qt: 😀 and 𠀀 take two units each)
"""

from __future__ import annotations

from bisect import bisect_left


class PositionMap:
    """Converts between offsets in ``text`` and positions in a document built from it.

    ``base`` is the Qt position where the text starts (0 for the article view)."""

    __slots__ = ("_astral", "_astral_qt", "_length", "base")

    def __init__(self, text: str, base: int = 0) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # The Qt position of each astral character: every earlier one pushed it one unit on.
        self._astral_qt = [offset + k for k, offset in enumerate(self._astral)]
        self._length = len(text)
        self.base = base

    @property
    def qt_length(self) -> int:
        """The number of Qt positions the text takes (its UTF-16 length)."""
        return self._length + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """The Qt position of code-point ``offset`` (0 ≤ offset ≤ len(text))."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside text of length {self._length}")
        return self.base + offset + bisect_left(self._astral, offset)

    def to_offset(self, position: int) -> int:
        """The code-point offset at Qt ``position``; a position inside a surrogate pair (which a
        cursor never takes) rounds down to the character's start."""
        position -= self.base
        if not 0 <= position <= self.qt_length:
            raise ValueError(f"position {position} outside text of {self.qt_length} UTF-16 units")
        # Characters wholly before ``position`` each contributed one extra unit.
        k = bisect_left(self._astral_qt, position - 1)
        if k < len(self._astral_qt) and self._astral_qt[k] == position - 1:
            return position - 1 - k  # the middle of a pair
        return position - k

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)
