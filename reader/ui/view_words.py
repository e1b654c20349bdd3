"""Word boundaries for the view's double-click: Qt alone would select a whole run of Chinese
characters (it has no dictionary), so the segmenter (jieba) is asked, one paragraph at a time
and only when a paragraph is first clicked."""

from __future__ import annotations

from collections.abc import Callable, Sequence

WordSpans = Callable[[str], Sequence[tuple[int, int]]]


class ParagraphWords:
    def __init__(self) -> None:
        self._words: WordSpans | None = None
        self._text = ""
        self._cache: dict[int, Sequence[tuple[int, int]]] = {}  # paragraph start → word spans

    @property
    def ready(self) -> bool:
        return self._words is not None

    def set_word_spans(self, words: WordSpans | None) -> None:
        self._words = words
        self._cache = {}

    def set_text(self, text: str) -> None:
        self._text = text
        self._cache = {}

    def word_at(self, offset: int) -> tuple[int, int] | None:
        """The word ``[start, end)`` of the text holding ``offset``; the character alone when
        the segmenter gave no word there; None without a segmenter."""
        if self._words is None:
            return None
        text = self._text
        line_start = text.rfind("\n", 0, offset) + 1
        words = self._cache.get(line_start)
        if words is None:
            # A few milliseconds for one paragraph once jieba is warm.
            line_end = text.find("\n", offset)
            line_end = len(text) if line_end == -1 else line_end
            words = self._cache[line_start] = self._words(text[line_start:line_end])
        for start, end in words:
            if start + line_start <= offset < end + line_start:
                return start + line_start, end + line_start
        return offset, offset + 1
