"""What the unknown-name rules share: the evidence they yield (``Candidate``), its strengths,
and the ``Scan`` every rule reads and adds its candidates to.

Apart from ``rules`` so that the rule modules (``rules_people``, ``rules_orgs``,
``rules_latin``) and the ``Rules`` driver that lists them import it without importing each
other.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reader.analysis.model import EntityType
from reader.analysis.rule_words import RuleWords
from reader.analysis.segment import Token

ACCEPT = 2  # total strength a surface needs in one article to become an entity
STRONG = 2
WEAK = 1


@dataclass(frozen=True, slots=True)
class Candidate:
    """Evidence that ``text[start:end]`` names an entity of ``type``."""

    start: int
    end: int
    surface: str
    type: EntityType
    rule: str
    strength: int
    name: str = ""  # the entity it names, when not the surface (北京松延动力科技有限公司 → 松延动力)


class Scan:
    """What every rule reads (the text, its tokens, the known names' spans) and the list the
    rules add their candidates to; ``add`` refuses a span that overlaps a known name or is a
    stop word."""

    def __init__(
        self,
        words: RuleWords,
        text: str,
        tokens: Sequence[Token],
        taken: list[tuple[int, int]],
        is_word: Callable[[str], bool],
        title: str = "",
    ) -> None:
        self.words = words
        self.text = text
        self.tokens = tokens
        self.taken = taken
        self.is_word = is_word
        self.title = title
        self.known_ends = {e for _, e in taken}
        self.known_at = dict(taken)
        self.by_start = {t.start: i for i, t in enumerate(tokens)}
        self.by_end = {t.end: i for i, t in enumerate(tokens)}
        self.out: list[Candidate] = []

    def free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.taken)

    def add(self, start: int, end: int, etype: EntityType, rule: str, strength: int, name: str = "") -> None:
        surface = self.text[start:end]
        if self.free(start, end) and not self.words.is_stopword(surface):
            self.out.append(Candidate(start, end, surface, etype, rule, strength, name))


# A stock code glossed after a name: 康希诺（688185.SH）, 腾讯(00700.HK), 哔哩哔哩（NASDAQ: BILI）.
LISTED = re.compile(
    r"[(（]\s*(?:\d{6}\.(?:SH|SZ|BJ)|\d{4,5}\.HK|[A-Z]{1,5}\.(?:O|N|US)"
    r"|(?:NASDAQ|NYSE|HKEX|SH|SZ|HK|纳斯达克|纽交所|港交所|股票代码)\s*[:：]\s*[A-Z0-9]{1,6})\s*[)）]"
)


def listed_companies(folded: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` with every "person" the text glosses with a stock code made a company,
    wherever it is written: a person has no ticker (康希诺（688185.SH）, read as a surname and a
    given name)."""
    listed = {c.surface for c in candidates if c.type is EntityType.PERSON and LISTED.match(folded, c.end)}
    if not listed:
        return list(candidates)
    return [replace(c, type=EntityType.ORG) if c.surface in listed and c.type is EntityType.PERSON else c for c in candidates]
