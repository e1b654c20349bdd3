"""Sentence, clause and paragraph boundaries of a text, and an article's mentions in text order:
what the figure context looks things up in, nearest first."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from reader.analysis.model import EntityType, Mention

SENTENCE_ENDS = "。！？!?\n"
CLAUSE_ENDS = SENTENCE_ENDS + "，,；;：:"
PARAGRAPH_ENDS = "\n"
# An aside in brackets, short and within a sentence: its commas part no clause (新增A股上市公司
# （包括主板、创业板、科创板、北证，下同）524家 is one clause).
ASIDE_CHARS = 40
_ASIDE = re.compile(r"[（(][^（()）。！？!?\n]{1,%d}[)）]" % ASIDE_CHARS)


class Bounds:
    """Sentence, clause and paragraph boundaries of a text, for nearest-first lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._stops = {
            kind: [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)]
            for kind, chars in (
                ("sentence", SENTENCE_ENDS),
                ("clause", CLAUSE_ENDS),
                ("paragraph", PARAGRAPH_ENDS),
            )
        }
        asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text)]
        if asides:
            self._stops["clause"] = [at for at in self._stops["clause"] if text[at] in SENTENCE_ENDS or not _inside(asides, at)]

    def around(self, kind: str, pos: int) -> tuple[int, int]:
        """``[start, end)`` of the sentence/clause/paragraph holding ``pos``."""
        stops = self._stops[kind]
        i = bisect.bisect_left(stops, pos)
        start = stops[i - 1] + 1 if i > 0 else 0
        end = stops[i] if i < len(stops) else len(self.text)
        return start, end

    def previous(self, kind: str, pos: int) -> tuple[int, int] | None:
        """The sentence/clause/paragraph before the one holding ``pos``, skipping blank ones."""
        start, _ = self.around(kind, pos)
        while start > 0:
            span = self.around(kind, start - 1)
            if self.text[span[0] : span[1]].strip():
                return span
            start = span[0]
        return None


    def heading_above(
        self, pos: int, stop: Callable[[str], bool] = lambda line: False, lookback: int = 6, longest: int = 40
    ) -> tuple[int, int] | None:
        """The heading over the paragraph holding ``pos``: the nearest paragraph above it, within
        a few, short and with no sentence's end in it ("3. 特斯拉：赚最多", 8月深圳新房网签显著回升),
        or None; also None at a line ``stop`` says ends the search (a byline under the title).
        ``lookback`` paragraphs are looked at, and a heading is ``longest`` characters at most."""
        at = pos
        for _ in range(lookback):
            span = self.previous("paragraph", at)
            if span is None:
                return None
            line = self.text[span[0] : span[1]].strip()
            if stop(line):
                return None
            if len(line) <= longest and not any(c in line for c in _SENTENCE_ENDS):
                return span
            at = span[0]
        return None


_SENTENCE_ENDS = "。！？；"


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` falls inside one of ``spans`` (in text order, none overlapping)."""
    i = bisect.bisect_right(spans, (at, at)) - 1  # the last span starting at or before ``at``
    return i >= 0 and spans[i][0] < at < spans[i][1]


class Mentions:
    """The article's mentions in text order, for "which lie inside [lo, hi]" by bisection
    (a scan of every mention for every figure was a tenth of the context's time)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.all = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.all]
        self.people = frozenset(m.entity for m in self.all if m.type is EntityType.PERSON)
        self.companies = frozenset(m.entity for m in self.all if m.type in (EntityType.ORG, EntityType.PRODUCT))
        self.places = frozenset(m.entity for m in self.all if m.type is EntityType.PLACE)

    def within(self, lo: int, hi: int) -> list[Mention]:
        """Mentions with ``lo <= start`` and ``end <= hi``, in text order."""
        i = bisect.bisect_left(self._starts, lo)
        j = bisect.bisect_right(self._starts, hi)
        return [m for m in self.all[i:j] if m.end <= hi]
