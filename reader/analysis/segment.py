"""Word segmentation with jieba: word spans for the view, POS tokens for the entity rules.

The Segmenter owns its own ``jieba.Tokenizer`` (never the module-global one, so two
Segmenters with different dictionaries cannot disturb each other) and loads it on first use:
building jieba's prefix dictionary takes about a second, and the window must not wait for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.gazetteer import Gazetteer
from reader.analysis.model import EntityType

# jieba's POS tags for the four entity types, so user words come out of posseg tagged as names.
_TAGS = {
    EntityType.PERSON: "nr",
    EntityType.ORG: "nt",
    EntityType.PRODUCT: "nz",
    EntityType.PLACE: "ns",
}


@dataclass(frozen=True, slots=True)
class Token:
    """A jieba token ``text[start:end]`` with its POS flag (nr, ns, nt, nz, eng, x …)."""

    word: str
    flag: str
    start: int
    end: int


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


class Segmenter:
    """Lazily initialised jieba tokenizer that knows the gazetteer's Chinese names."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._words: list[tuple[str, str]] = []
        if gazetteer is not None:
            self._words = [
                (surface, _TAGS[e.entity.type])
                for surface, e in gazetteer.surfaces()
                if len(surface) >= 2 and all(_is_cjk(c) for c in surface)
            ]
        self._lock = threading.Lock()
        self._tokenizer = None
        self._pos = None

    def _ensure(self):  # -> jieba.posseg.POSTokenizer
        with self._lock:
            if self._pos is None:
                import jieba
                import jieba.posseg

                logging.getLogger("jieba").setLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                for word, tag in self._words:
                    tokenizer.add_word(word, tag=tag)
                self._tokenizer = tokenizer
                self._pos = jieba.posseg.POSTokenizer(tokenizer)
            return self._pos

    def add_words(self, words: Iterable[tuple[str, EntityType]]) -> None:
        """Teach the tokenizer more names (a user-added entity)."""
        new = [(w, _TAGS[t]) for w, t in words if len(w) >= 2 and all(_is_cjk(c) for c in w)]
        with self._lock:
            self._words.extend(new)
            if self._tokenizer is not None:
                for word, tag in new:
                    self._tokenizer.add_word(word, tag=tag)

    def is_word(self, word: str) -> bool:
        """True when jieba's dictionary knows ``word`` as an ordinary word (not a user name)."""
        self._ensure()
        return bool(self._tokenizer.FREQ.get(word))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Word spans ``[start, end)`` in code points, whitespace left out."""
        self._ensure()
        return [
            (start, end)
            for word, start, end in self._tokenizer.tokenize(text)
            if word.strip()
        ]

    def posseg(self, text: str) -> list[Token]:
        """POS-tagged tokens with their offsets; whitespace left out."""
        pos = self._ensure()
        tokens: list[Token] = []
        offset = 0
        for pair in pos.cut(text):
            word, flag = pair.word, pair.flag
            start = text.find(word, offset)
            if start < 0:  # jieba never rewrites text, but never trust a guess about offsets
                continue
            offset = start + len(word)
            if word.strip():
                tokens.append(Token(word, flag, start, offset))
        return tokens
