"""The matching form of a text: one character for one, so offsets survive — full width to half,
traditional to simplified, one kind of middle dot. Names are matched in it; surfaces are the
text's own."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


@lru_cache(maxsize=1)
def traditional_to_simplified() -> dict[int, str]:
    """OpenCC's one-to-one traditional → simplified characters (its ``TSCharacters`` table,
    first choice where it lists several), as a ``str.translate`` table: the one source of
    script folding in Reader. Folding both sides to simplified also finds simplified text
    from a traditional query, so the other direction needs no table of its own."""
    table: dict[int, str] = {}
    try:
        dictionary = importlib_resources.files("opencc") / "dictionary" / "TSCharacters.txt"
        lines = dictionary.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):
        return table  # without opencc's table, traditional text simply matches less
    for line in lines:
        trad, _, simple = line.partition("\t")
        simple = simple.split(" ")[0] if simple else ""
        if len(trad) == 1 and len(simple) == 1 and trad != simple:
            table.setdefault(ord(trad), simple)
    return table


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """One character to one character, so offsets survive: width, dots, traditional → simple."""
    table: dict[int, str] = {0x3000: " "}
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    for dot in "•‧・･":
        table[ord(dot)] = "·"
    for code, simple in traditional_to_simplified().items():
        table.setdefault(code, simple)
    # Keep full-width brackets and colons as they are: rules look for both forms anyway,
    # and the Chinese punctuation carries sentence structure.
    for keep in "（）：；，！？":
        table.pop(ord(keep), None)
    return table


_LOWER = {code: chr(code + 32) for code in range(ord("A"), ord("Z") + 1)}


def matching_form(text: str) -> str:
    """Same-length matching form of ``text`` (keeps case): half-width, simplified, one dot."""
    folded = text.translate(_fold_table())
    if len(folded) != len(text):  # a table entry broke the one-to-one rule: never shift offsets
        raise AssertionError("fold changed the text length")
    return folded


def lower(text: str) -> str:
    return text.translate(_LOWER)


@lru_cache(maxsize=1)
def _search_table() -> dict[int, str]:
    # Composed, since translate makes one pass: Ａ → A → a.
    return {**{code: lower(ch) for code, ch in _fold_table().items()}, **_LOWER}


def search_form(text: str) -> str:
    """The searching form of ``text``: the matching form in ASCII lower case, one character for
    one, so a hit at ``[start, end)`` in it is the same span of ``text``. Queries and texts are
    both folded: 字節跳動 finds 字节跳动 and back, ＡＩ and ai find AI."""
    if len(text) >= _BY_ARRAY_FROM:
        folded = _search_form_by_array(text)
    else:
        folded = text.translate(_search_table())
    if len(folded) != len(text):
        raise AssertionError("fold changed the text length")
    return folded


# An article folds ~12× faster through an array of every code point's folded one than through
# str.translate, which looks each character up in a dict (5.5 against 68 ns a character: the
# 218M characters of a 100k library in ~1.2 s instead of ~15 s; bench/RESULTS.md). A query or a
# name is too short for the array's set-up to pay.
_BY_ARRAY_FROM = 512


@lru_cache(maxsize=1)
def _search_array() -> np.ndarray:
    """``_search_table`` as a lookup array over every code point (4.4 MB, made once)."""
    import numpy as np  # noqa: PLC0415 - imported when a long text is folded, not at launch

    table = np.arange(0x110000, dtype=np.uint32)
    for code, folded in _search_table().items():
        table[code] = ord(folded)
    return table


def _search_form_by_array(text: str) -> str:
    import numpy as np  # noqa: PLC0415

    # surrogatepass: a lone surrogate (a badly decoded file) is a code point like any other
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    return _search_array()[codes].astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")


def search_pattern(folded_query: str) -> re.Pattern[str]:
    """A pattern that matches a text as it is where its searching form holds ``folded_query``
    (in searching form), at the same offsets: each character stands for every character that
    folds to it. A search reads the few texts that may hold a query this way, ~10× faster than
    folding each of them first."""
    return re.compile("".join(_any_folding_to(ch) for ch in folded_query))


def _any_folding_to(ch: str) -> str:
    sources = [*([ch] if search_form(ch) == ch else []), *_unfolded().get(ch, ())]
    if not sources:
        return "(?!)"  # nothing folds to it: never matches
    if len(sources) == 1:
        return re.escape(sources[0])
    return "[" + "".join(re.escape(c) for c in sources) + "]"


@lru_cache(maxsize=1)
def _unfolded() -> dict[str, tuple[str, ...]]:
    """For each character of a searching form, the other characters that fold to it."""
    found: dict[str, list[str]] = {}
    for code, folded in _search_table().items():
        if chr(code) != folded:
            found.setdefault(folded, []).append(chr(code))
    return {folded: tuple(sources) for folded, sources in found.items()}


def is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


_APOSTROPHES = "’'"


def _letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def with_apostrophes(folded: str, start: int, end: int) -> tuple[int, int]:
    """A Latin span widened over the apostrophes that join it to letters: Dell’Oro Group (not
    Oro Group), Charlie’s (not Charlie), McDonald's."""
    if start >= 2 and _letter(folded[start]) and folded[start - 1] in _APOSTROPHES and _letter(folded[start - 2]):
        start -= 1
        while start > 0 and _letter(folded[start - 1]):
            start -= 1
    if end + 1 < len(folded) and _letter(folded[end - 1]) and folded[end] in _APOSTROPHES and _letter(folded[end + 1]):
        end += 1
        while end < len(folded) and _letter(folded[end]):
            end += 1
    return start, end


# -- spans ----------------------------------------------------------------------------------
