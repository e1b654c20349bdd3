"""Finding names by pinyin: ``zijie``, ``zjtd``, ``zi jie tiao dong`` and ``ZiJieTiaoDong`` all
find 字节跳动.

A name's readings come from pypinyin: the reading its phrase dictionary gives in context (重庆 is
chóng qìng, 长安 is cháng ān), then the other readings of its first character, where a person's
surname stands and where the dictionary most often misreads one (曾毓群 is read céng, the
surname is zēng). pypinyin's dictionaries (CC-CEDICT and phrase-pinyin-data) know thousands of
polyphones in context; a hand-written table would know the few we thought of. The other
characters keep their reading in context: every reading of every character would let ``jd``
find 字节跳动 (跳 has an old reading diào).

A name's readings are stored with the analysis cache (``readings_version`` says how they were
made), so a reopen finds names by pinyin without loading pypinyin's dictionaries (~0.1 s holding
the GIL in the loader thread, a GUI stall): ``remember`` hands them to ``readings``.

A query matches a reading when each of a run of consecutive syllables gives a non-empty
prefix of itself to the query, in order: whole syllables (zijie), initials (zjtd), or a mix and
a syllable typed halfway (zijiet). The run must cover two syllables (or the whole name), so
that ``ai`` does not find every name with 爱 in it.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from itertools import islice, product
from pathlib import Path
from types import ModuleType

from reader.text import is_cjk

MAX_READINGS = 32  # a name with many polyphones: its first readings (the phrase reading first)
# Raise it when ``readings`` reads a name differently: readings stored under another are read again.
READINGS_FORMAT = 1
_VERSION = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)
_QUERY = re.compile(r"^[A-Za-z' ]+$")
_LETTERS = re.compile(r"[a-z0-9]+")


def pinyin_query(text: str) -> str | None:
    """The letters of ``text`` in lower case if it can be pinyin (ASCII letters, spaces and
    apostrophes, two letters or more), else None."""
    if not _QUERY.match(text):
        return None
    letters = re.sub(r"[^a-z]", "", text.lower())
    return letters if len(letters) >= 2 else None


@cache
def _pypinyin() -> ModuleType:
    """pypinyin, imported when the first name without stored readings is read: its dictionaries
    take ~0.15 s to load, which the loader pays in the background, not the window's first paint
    (issue 18, point 1), and a reopen of an unchanged library not at all (point 3)."""
    import pypinyin  # noqa: PLC0415 - deferred to the first reading, see above

    return pypinyin


@cache
def readings_version() -> str:
    """What a name's readings depend on: ``READINGS_FORMAT`` and pypinyin's version (its
    dictionaries), found without importing pypinyin, which is what stored readings spare."""
    spec = importlib.util.find_spec("pypinyin")
    origin = spec.origin if spec is not None else None
    if origin is None:
        return f"{READINGS_FORMAT}.none"
    found = _VERSION.search(Path(origin).read_text(encoding="utf-8"))
    return f"{READINGS_FORMAT}.{found.group(1) if found else 'unknown'}"


# Readings stored by an earlier run under ``readings_version``, handed over by ``remember``. A
# memo like ``_read``'s, filled from the cache: without it every name is read afresh.
_remembered: dict[str, tuple[str, ...]] = {}


def remember(known: Mapping[str, tuple[str, ...]]) -> None:
    """Readings stored under ``readings_version``: ``readings`` gives them without pypinyin."""
    _remembered.update(known)


def readings(name: str) -> tuple[str, ...]:
    """The ways ``name`` reads in pinyin, syllables separated by a space, the reading in
    context first (重庆 → "chong qing", then "zhong qing", "tong qing"). A run of Latin letters or digits
    is one syllable ("蔚来NIO" → "wei lai nio"); other characters are left out. Computed once
    per name, or stored (``remember``)."""
    known = _remembered.get(name)
    return known if known is not None else _read(name)


@cache
def _read(name: str) -> tuple[str, ...]:
    pypinyin = _pypinyin()
    normal = pypinyin.Style.NORMAL
    options: list[list[str]] = []
    for run, cjk in _runs(name):
        if not cjk:
            options.extend([s] for s in _LETTERS.findall(run.lower()))
            continue
        for ch, first in zip(run, pypinyin.lazy_pinyin(run, style=normal)):
            if first == ch:  # not in pypinyin's dictionary
                continue
            if options or ch != name[0]:
                options.append([first])
            else:
                others = pypinyin.pinyin(ch, style=normal, heteronym=True)[0]
                options.append([first, *(o for o in others if o != first)])
    if not options:
        return ()
    return tuple(" ".join(combo) for combo in islice(product(*options), MAX_READINGS))


def _runs(name: str) -> list[tuple[str, bool]]:
    """``name`` cut into runs of Chinese characters and runs of other characters."""
    runs: list[tuple[str, bool]] = []
    for ch in name:
        cjk = is_cjk(ch)
        if runs and runs[-1][1] == cjk:
            runs[-1] = (runs[-1][0] + ch, cjk)
        else:
            runs.append((ch, cjk))
    return runs


@lru_cache(maxsize=64)
def _pattern(query: str) -> re.Pattern[str]:
    """A query as a pattern over readings: it starts a syllable, and between two of its
    letters the reading either goes on in the same syllable or skips the rest of it."""
    body = "(?:[a-z0-9]* )?".join(re.escape(ch) for ch in query)
    return re.compile(f"(?<![a-z0-9]){body}")


class PinyinIndex:
    """Names searchable by pinyin: their readings in one string, one reading a line, so that a
    query is one regular-expression scan however many names there are."""

    def __init__(self, names: Iterable[str], _known: PinyinIndex | None = None) -> None:
        lines: list[str] = []
        self._owners: list[str] = []
        had: dict[str, list[str]] = {}
        if _known is not None:
            for owner, line in zip(_known._owners, _known._joined.split("\n")):
                had.setdefault(owner, []).append(line)
        for name in dict.fromkeys(names):
            for reading in had[name] if name in had else readings(name):
                lines.append(reading)
                self._owners.append(name)
        self._joined = "\n".join(lines)
        self._starts: list[int] = []
        offset = 0
        for line in lines:
            self._starts.append(offset)
            offset += len(line) + 1

    def updated(self, names: Iterable[str]) -> PinyinIndex:
        """The index of ``names``, reading in pinyin only those this one does not hold."""
        return PinyinIndex(names, _known=self)

    def matching(self, query: str) -> frozenset[str]:
        """The names one of whose readings ``query`` (a ``pinyin_query``) matches."""
        found: set[str] = set()
        pattern = _pattern(query)
        joined = self._joined
        pos = 0
        while (m := pattern.search(joined, pos)) is not None:
            line = bisect_right(self._starts, m.start()) - 1
            end = self._starts[line + 1] - 1 if line + 1 < len(self._starts) else len(joined)
            # Greedy: where a match over two syllables starts, it is the one found.
            if " " in m.group() or " " not in joined[self._starts[line] : end]:
                found.add(self._owners[line])
                pos = end + 1
            else:
                pos = m.start() + 1
        return frozenset(found)


def matches_pinyin(name: str, query: str) -> bool:
    """Whether ``query`` (a ``pinyin_query``) finds ``name``."""
    return bool(PinyinIndex((name,)).matching(query))
