"""Word segmentation with jieba: word spans for the view, POS tokens for the entity rules.

The Segmenter owns its own ``jieba.Tokenizer`` (never the module-global one, so two
Segmenters with different dictionaries cannot disturb each other) and loads it on first use:
building jieba's prefix dictionary takes about half a second, and the window must not wait.

POS tokens are *not* cut by ``jieba.posseg``. posseg runs a Viterbi over ~250 word-position ×
tag states for every run of unknown characters, which made it 90% of entity recognition
(~50k chars/s against ~500k for ``Tokenizer.cut``). Here the words are ``Tokenizer.cut``'s —
the same dictionary route, and jieba's small four-state HMM (finalseg) for unknown runs, which
still joins unknown names such as 黄周 or 龚红玉 — and the tags come from the dictionary's tag
column. Only a word the HMM built gets its tag from posseg's model, scored for that word alone
(a few dozen sums instead of a Viterbi over the run). Both tables are read straight from
jieba's bundled files, sharing the word strings with the tokenizer's frequency table, so jieba
is in memory once (``jieba.posseg`` would load the dictionary a second time, and its model
modules take ~50 MB where their pickles take ~20).
"""

from __future__ import annotations

import logging
import math
import pickle
import re
import threading
from collections.abc import Callable, Iterable
from importlib import resources as importlib_resources
from typing import NamedTuple

from reader.analysis.gazetteer import Gazetteer
from reader.analysis.model import EntityType
from reader.text import is_cjk

# jieba's POS tags for the four entity types, so user words come out tagged as names.
_TAGS = {
    EntityType.PERSON: "nr",
    EntityType.ORG: "nt",
    EntityType.PRODUCT: "nz",
    EntityType.PLACE: "ns",
}

# jieba.posseg's own block patterns, so tokens split where posseg's did.
_HAN_INTERNAL = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._]+")
_HAN_DETAIL = re.compile(r"([\u4E00-\u9FD5]+)")
_SKIP_DETAIL = re.compile(r"([.0-9]+|[a-zA-Z0-9]+)")
_NUM = re.compile(r"[.0-9]+")
_ENG = re.compile(r"[a-zA-Z0-9]+")
_MIN_FLOAT = -3.14e100


class Token(NamedTuple):
    """A jieba token ``text[start:end]`` with its POS flag (nr, ns, nt, nz, eng, x …).

    A named tuple, not a frozen dataclass: an article has ~1,300 tokens, and a frozen
    dataclass's ``__init__`` (``object.__setattr__`` per field) cost ~0.9 ms of them."""

    word: str
    flag: str
    start: int
    end: int


def _load_dictionary(tokenizer) -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's prefix-frequency table (as ``Tokenizer.initialize`` builds it) and the word → tag
    table from the same file in one pass, so each word string exists once."""
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    tag_names: dict[str, str] = {}  # one string object per tag, not one per word
    total = 0
    with tokenizer.get_dict_file() as fh:
        for line in fh:
            parts = line.decode("utf-8").split()
            if not parts:
                continue
            word, count = parts[0], int(parts[1])
            freq[word] = count
            total += count
            if len(parts) > 2:
                tags[word] = tag_names.setdefault(parts[2], parts[2])
    for word in list(tags):
        for k in range(1, len(word)):
            freq.setdefault(word[:k], 0)
    return freq, total, tags


class _UnknownWords:
    """jieba's finalseg: a four-state (Begin, Middle, End, Single) HMM that joins unknown
    characters into words. The same model, sums and tie-breaks as ``jieba.finalseg.cut``,
    without its per-step path copies, which made it the slowest part of a cut."""

    def __init__(self) -> None:
        from jieba import finalseg

        start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
        self._start = (start["B"], start["M"], start["E"], start["S"])
        self._trans = trans
        self._emit = (emit["B"].get, emit["M"].get, emit["E"].get, emit["S"].get)

    def words(self, piece: str) -> list[str]:
        """``piece`` (Chinese characters only) cut into words."""
        eb, em, ee, es = self._emit
        t = self._trans
        bm, be = t["B"]["M"], t["B"]["E"]
        mm, me = t["M"]["M"], t["M"]["E"]
        eb_, es_ = t["E"]["B"], t["E"]["S"]
        sb, ss = t["S"]["B"], t["S"]["S"]
        c = piece[0]
        vb = self._start[0] + eb(c, _MIN_FLOAT)
        vm = self._start[1] + em(c, _MIN_FLOAT)
        ve = self._start[2] + ee(c, _MIN_FLOAT)
        vs = self._start[3] + es(c, _MIN_FLOAT)
        back: list[tuple[str, str, str, str]] = []  # best previous state of B, M, E, S
        for c in piece[1:]:
            # Each max as finalseg's max((score, state)): a tie goes to the later letter.
            e = eb(c, _MIN_FLOAT)
            x, y = ve + eb_ + e, vs + sb + e
            nb, pb = (y, "S") if y >= x else (x, "E")
            e = em(c, _MIN_FLOAT)
            x, y = vm + mm + e, vb + bm + e
            nm, pm = (x, "M") if x >= y else (y, "B")
            e = ee(c, _MIN_FLOAT)
            x, y = vb + be + e, vm + me + e
            ne, pe = (y, "M") if y >= x else (x, "B")
            e = es(c, _MIN_FLOAT)
            x, y = vs + ss + e, ve + es_ + e
            ns, ps = (x, "S") if x >= y else (y, "E")
            back.append((pb, pm, pe, ps))
            vb, vm, ve, vs = nb, nm, ne, ns
        state = "S" if vs >= ve else "E"
        states = [state]
        index = {"B": 0, "M": 1, "E": 2, "S": 3}
        for step in reversed(back):
            state = step[index[state]]
            states.append(state)
        states.reverse()
        words: list[str] = []
        begin = following = 0
        for i, state in enumerate(states):
            if state == "B":
                begin = i
            elif state == "E":
                words.append(piece[begin:i + 1])
                following = i + 1
            elif state == "S":
                words.append(piece[i])
                following = i + 1
        if following < len(piece):
            words.append(piece[following:])
        return words


class _WordTagger:
    """posseg's HMM, used only to tag one word whose boundaries are already known: the best
    tag ``t`` for the state path (B,t)(M,t)…(E,t), or (S,t) for one character."""

    def __init__(self) -> None:
        folder = importlib_resources.files("jieba") / "posseg"

        def load(name: str):
            return pickle.loads((folder / name).read_bytes())  # jieba's own bundled tables

        self._start = load("prob_start.p")
        self._trans = load("prob_trans.p")
        self._emit = load("prob_emit.p")
        self._states = load("char_state_tab.p")
        self._all = tuple(self._start)
        self._entries: dict[str, dict] = {}
        # Unknown words repeat (a name, its characters): remember tags, within a bound.
        self._known: dict[tuple[str, str | None], str] = {}

    def tag(self, word: str, before: str | None = None) -> str:
        """The tag of ``word``; ``before`` is the tag of the word before it in the same run of
        unknown characters (None at the start of the run, where posseg starts its Viterbi)."""
        key = (word, before)
        found = self._known.get(key)
        if found is None:
            if len(self._known) >= 50_000:
                self._known.clear()
            found = self._known[key] = self._score(word, before)
        return found

    def _score(self, word: str, before: str | None) -> str:
        first = "S" if len(word) == 1 else "B"
        path = [first] + ["M"] * (len(word) - 2) + (["E"] if len(word) > 1 else [])
        start, trans, emit = self._start, self._trans, self._emit
        entry = start if before is None else self._entries.get(before) or self._entry(before)
        best, best_tag = -math.inf, "x"
        for position, tag in self._states.get(word[0], self._all):
            if position != first:
                continue
            state = (first, tag)
            score = entry.get(state, _MIN_FLOAT) + emit[state].get(word[0], _MIN_FLOAT)
            for position, ch in zip(path[1:], word[1:]):
                following = (position, tag)
                score += trans[state].get(following, -math.inf) + emit.get(following, {}).get(
                    ch, _MIN_FLOAT
                )
                state = following
            if score > best:
                best, best_tag = score, tag
        return best_tag

    def _entry(self, before: str) -> dict:
        """Log-probabilities of the states that can follow a word tagged ``before``: the
        better of its ending as one character (S) or as several (E)."""
        out: dict = {}
        for position in ("E", "S"):
            for state, p in self._trans.get((position, before), {}).items():
                if p > out.get(state, -math.inf):
                    out[state] = p
        out = out or self._start
        self._entries[before] = out  # a race only computes the same table twice
        return out


class Segmenter:
    """Lazily initialised jieba tokenizer that knows the gazetteer's Chinese names."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._words: list[tuple[str, str]] = []
        if gazetteer is not None:
            self._words = [
                (surface, _TAGS[e.entity.type])
                for surface, e in gazetteer.surfaces()
                if len(surface) >= 2 and all(is_cjk(c) for c in surface)
            ]
        self._lock = threading.Lock()
        self._tokenizer = None
        self._tags: dict[str, str] = {}
        self._tagger: _WordTagger | None = None

    def _ensure(self):  # -> jieba.Tokenizer
        with self._lock:
            if self._tokenizer is None:
                import jieba

                logging.getLogger("jieba").setLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.FREQ, tokenizer.total, self._tags = _load_dictionary(tokenizer)
                tokenizer.initialized = True
                for word, tag in self._words:
                    tokenizer.add_word(word)
                    self._tags[word] = tag
                self._unknown = _UnknownWords()
                self._tokenizer = tokenizer
            return self._tokenizer

    def add_words(self, words: Iterable[tuple[str, EntityType]]) -> None:
        """Teach the tokenizer more names (a user-added entity)."""
        new = [(w, _TAGS[t]) for w, t in words if len(w) >= 2 and all(is_cjk(c) for c in w)]
        with self._lock:
            self._words.extend(new)
            if self._tokenizer is not None:
                for word, tag in new:
                    self._tokenizer.add_word(word)
                    self._tags[word] = tag

    def dictionary_tag(self, word: str) -> str | None:
        """jieba's dictionary tag of ``word`` (n, v, nr …), None when it is not in the dictionary."""
        self._ensure()
        return self._tags.get(word)

    def is_word(self, word: str) -> bool:
        """True when jieba's dictionary knows ``word`` as an ordinary word (not a user name)."""
        tokenizer = self._tokenizer or self._ensure()  # no lock once loaded: rules ask often
        return bool(tokenizer.FREQ.get(word))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Word spans ``[start, end)`` in code points, whitespace left out."""
        tokenizer = self._ensure()
        return [(start, end) for word, start, end in tokenizer.tokenize(text) if word.strip()]

    def posseg(self, text: str) -> list[Token]:
        """POS-tagged tokens ``text[start:end]``, whitespace left out: ``Tokenizer.cut``'s
        words in posseg's blocks, so the same tokens as posseg wherever the dictionary decides."""
        self._ensure()  # before reading the tag table: a fresh segmenter's is still empty
        tags = self._tags
        route = self._route
        cut_run = self._cut_run
        tokens: list[Token] = []
        append = tokens.append
        new = tuple.__new__  # Token(...) through NamedTuple's __new__ costs twice as much
        pos = 0
        for m in _HAN_INTERNAL.finditer(text):
            offset = m.start()
            for i in range(pos, offset):  # punctuation: one token a character, as posseg
                if not text[i].isspace():
                    append(new(Token, (text[i], "x", i, i + 1)))
            block = m.group()
            ends = route(block)
            n = len(block)
            k = 0
            run = -1  # start of the current run of single characters
            while k < n:
                end = ends[k]
                if end - k == 1:
                    if run < 0:
                        run = k
                else:
                    if run >= 0:
                        cut_run(block[run:k], offset + run, append)
                        run = -1
                    word = block[k:end]
                    append(new(Token, (word, tags.get(word, "x"), offset + k, offset + end)))
                k = end
            if run >= 0:
                cut_run(block[run:], offset + run, append)
            pos = m.end()
        for i in range(pos, len(text)):
            if not text[i].isspace():
                append(new(Token, (text[i], "x", i, i + 1)))
        return tokens

    # -- one block of Chinese, Latin letters and digits ---------------------------------------

    def _route(self, block: str) -> list[int]:
        """For each position, the end of the word jieba's dictionary route takes there
        (``Tokenizer.get_DAG`` and ``calc`` fused: same scores, same tie-break to the longer)."""
        get = self._tokenizer.FREQ.get
        log = math.log
        logtotal = log(self._tokenizer.total)
        n = len(block)
        score = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            # Without a word here, the character alone: log(1) - logtotal.
            best, best_end = score[k + 1] - logtotal, k + 1
            found = False
            end = k + 1
            f = get(block[k])
            while f is not None:  # frag is a word or the prefix of one
                if f:
                    s = log(f) - logtotal + score[end]
                    if not found or s >= best:
                        best, best_end, found = s, end, True
                if end >= n:
                    break
                end += 1
                f = get(block[k:end])
            score[k] = best
            ends[k] = best_end
        return ends

    def _word_tagger(self) -> _WordTagger:
        """posseg's tables, loaded when the first unknown word is tagged: 5 MB of pickles read
        in two calls that hold the GIL for ~80 ms, which warming the segmenter up for the
        view's word spans (in the loader's thread) made every other thread wait for — the
        GUI's included."""
        with self._lock:
            if self._tagger is None:
                self._tagger = _WordTagger()
            return self._tagger

    def _cut_run(self, run: str, offset: int, append: Callable[[Token], None]) -> None:
        """A run of characters the dictionary route took one by one (posseg's buffer)."""
        tags = self._tags
        new = tuple.__new__
        if len(run) == 1 or self._tokenizer.FREQ.get(run):
            for i, ch in enumerate(run):
                append(new(Token, (ch, tags.get(ch, "x"), offset + i, offset + i + 1)))
            return
        # Unknown words: jieba's finalseg HMM joins them, as Tokenizer.cut does.
        pos = offset
        for piece in _HAN_DETAIL.split(run):
            if not piece:
                continue
            if "\u4e00" <= piece[0] <= "\u9fd5":  # jieba's own range for its HMM (re_han_detail), not is_cjk
                flag = None
                tagger = self._tagger or self._word_tagger()
                for word in self._unknown.words(piece):
                    flag = tagger.tag(word, flag)
                    append(new(Token, (word, flag, pos, pos + len(word))))
                    pos += len(word)
                continue
            for part in _SKIP_DETAIL.split(piece):
                if not part:
                    continue
                if _NUM.match(part):
                    flag = "m"
                elif _ENG.match(part):
                    flag = "eng"
                else:
                    flag = "x"
                append(new(Token, (part, flag, pos, pos + len(part))))
                pos += len(part)
