"""A model's name guesses against jieba's words: trimmed to whole words, extended over a run of
capitalised Latin words, and refused when they are ordinary words. Tokens are in text order,
so the tokens of a span are found by bisection."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from reader.analysis.folding import is_latin, with_apostrophes
from reader.analysis.model import EntityType
from reader.analysis.segment import Token
from reader.analysis.statistical import ModelName, NameFilters

# Word classes a name never ends with: verbs, particles, prepositions, conjunctions, adverbs,
# pronouns, numerals, measure words, locatives (文章中, 公告中).
_NOT_NAME_END = ("v", "u", "p", "c", "d", "r", "m", "q", "f")
# Word classes a name never starts with: prepositions, conjunctions, particles, adverbs (向赵斌).
_NOT_NAME_START = ("p", "c", "u", "d")


def not_a_name_end(token: Token, etype: EntityType) -> bool:
    """A word that ends no name of ``etype``. A person's name ends in no verb (周鸿祎称); an
    organisation's may (快狗|打车, 星河|跃迁: jieba cuts unknown names into words), so only a
    one-character function word is cut from it (腾讯的)."""
    if etype is EntityType.PERSON:
        return token.flag.startswith(_NOT_NAME_END)
    return len(token.word) == 1 and token.flag.startswith(_NOT_NAME_END)


_LATIN_WORD_AFTER = re.compile(r" [A-Z][A-Za-z'\-]*(?![A-Za-z0-9])")


def find_all(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def tokens_within(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    """The tokens overlapping ``[start, end)``, found by bisection (tokens are in text order):
    scanning the whole list per name made long articles quadratic."""
    lo = max(bisect_right(_StartKeys(tokens), start) - 1, 0)
    out = []
    for t in tokens[lo:]:
        if t.start >= end:
            break
        if t.end > start:
            out.append(t)
    return out


class _StartKeys(Sequence[int]):
    """A view of the tokens' start offsets for bisect, without building a list."""

    __slots__ = ("_tokens",)

    def __init__(self, tokens: Sequence[Token]) -> None:
        self._tokens = tokens

    def __len__(self) -> int:
        return len(self._tokens)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        return self._tokens[i].start


def trim_to_words(folded: str, name: ModelName, tokens: Sequence[Token]) -> ModelName | None:
    """``name`` without a leading or trailing jieba word that cannot begin or end a name
    (周鸿祎称 → 周鸿祎, 向赵斌 → 赵斌); None when the span does not start on jieba's word
    boundaries after that."""
    start, end = name.start, name.end
    inside = tokens_within(tokens, start, end)
    while len(inside) > 1 and inside[-1].end >= end and not_a_name_end(inside[-1], name.type):
        end = inside[-1].start
        inside.pop()
    while (
        len(inside) > 1
        and inside[0].start == start
        and len(inside[0].word) == 1
        and inside[0].flag.startswith(_NOT_NAME_START)
    ):
        start = inside[0].end
        inside.pop(0)
    if not inside or inside[0].start != start and not is_latin(folded[start]):
        return None
    if _half_a_compound(folded, start, end):
        return None  # Time Engagement out of Real-Time Engagement
    start, end = with_apostrophes(folded, start, end)  # Oro Group → Dell’Oro Group, Charlie → Charlie’s
    if not is_latin(folded[end - 1]) and not any(t.end == end for t in inside):
        return None  # 投资 out of 投资银行: half a word
    while (run := _LATIN_WORD_AFTER.match(folded, end)) is not None and is_latin(folded[end - 1]):
        end = run.end()  # Cathie → Cathie Wood: a run of capitalised words is one name
    if (start, end) == (name.start, name.end):
        return name
    return ModelName(start, end, folded[start:end], name.type, name.proper_noun)


def _half_a_compound(folded: str, start: int, end: int) -> bool:
    """Whether a Latin span starts or ends inside a hyphenated word (Real-|Time)."""
    before = folded[max(0, start - 2):start]
    after = folded[end:end + 2]
    return (
        is_latin(folded[start]) and len(before) == 2 and before[1] == "-" and before[0].isalpha()
        or is_latin(folded[end - 1]) and len(after) == 2 and after[0] == "-" and after[1].isalpha()
    )


def common_words(name: ModelName, tokens: Sequence[Token], is_word, suffixes, filters: NameFilters) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``name`` is an ordinary verb or adjective, not a name: one dictionary word that
    jieba tags so (投资, 杜撰), or such a word plus an organisation word (承销银行). Nouns are
    left to the model: many companies are dictionary nouns (声网, 真格), measured on the dev set."""
    inside = [t for t in tokens_within(tokens, name.start, name.end) if t.start >= name.start and t.end <= name.end]
    if not inside or inside[0].start != name.start or inside[-1].end != name.end:
        return False
    head = inside
    if len(inside) > 1 and inside[-1].word in suffixes:
        head = inside[:-1]
        if inside[-1].word in filters.kind_tails and len(head) == 1 and head[0].flag.startswith("n") \
                and not head[0].flag.startswith(("nr", "ns", "nt", "nz")):
            return True  # 独角兽公司, 互联网企业: a kind of company, not one
        if inside[-1].word in filters.kind_tails and len(head) == 1 and head[0].word.isascii() and filters.is_stopword(head[0].word):
            return True  # AI公司, SaaS企业: a sector's term and a kind of company
    if len(inside) > 1 and inside[-1].word in filters.product_kinds and all(t.flag == "n" and is_word(t.word) for t in inside):
        return True  # 新能源|汽车, 智能|手机: a kind of product, every word a common noun
    if len(inside) == 2 and inside[0].flag == "ns" and inside[1].word in filters.place_sectors:
        return True  # 中国|互联网, 美国|市场: a place's sector, not an organisation
    return len(head) == 1 and head[0].flag.startswith(_VERBAL) and is_word(head[0].word)


# jieba's tags of verbs and adjectives (v, vn, vd, a, an, ad …).
_VERBAL = ("v", "a")
