"""The word lists behind the name rules, read from ``resources/entities``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.analysis.model import EntityType
from reader.paths import resource
from reader.text import is_cjk


def _read_list(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [s for s in (line.split("#", 1)[0].strip() for line in fh) if s]


def alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class RuleWords:
    """The word lists from ``resources/entities``."""

    stoplist: frozenset[str]
    latin_stoplist: frozenset[str]  # lower-case
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    titles: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    byline_labels: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    descriptors: dict[str, EntityType]
    latin_org_words: tuple[str, ...]
    company_context: tuple[str, ...]
    translit_chars: frozenset[str]
    surname_followers: tuple[str, ...]
    non_name_chars: frozenset[str]
    non_name_final_chars: frozenset[str] = frozenset()
    office_titles: frozenset[str] = frozenset()
    byline_labels_bare: frozenset[str] = frozenset()
    org_industry_words: tuple[str, ...] = ()
    org_unit_suffixes: tuple[str, ...] = ()  # longest first
    org_legal_forms: tuple[str, ...] = ()  # longest first
    account_words: tuple[str, ...] = ()  # longest first
    product_heads: tuple[str, ...] = ()  # longest first
    work_words: tuple[str, ...] = ()  # 新书, 纪录片: a title without 《》 follows
    outlet_kinds: tuple[str, ...] = ()  # 财经媒体: the kind an ambiguous name stands before
    product_kinds: frozenset[str] = frozenset()  # 新能源|汽车
    place_sectors: frozenset[str] = frozenset()  # 中国|互联网
    place_banks: tuple[str, ...] = ()  # 阜新|银行, 延边|农商行: longest first
    kind_tails: frozenset[str] = frozenset()  # 独角兽|公司
    quoted_product_nouns: frozenset[str] = frozenset()  # “灵鸢”系统
    company_acts: tuple[str, ...] = ()  # 「凯复医药」完成: longest first
    short_form_ends: tuple[str, ...] = ()  # 心动|公司, 哪吒|汽车: longest first

    @classmethod
    def load(cls, folder: Path | None = None) -> RuleWords:
        folder = folder if folder is not None else resource("entities")

        def read(name: str) -> list[str]:
            return _read_list(folder / name)

        surnames = read("surnames.txt")
        descriptors: dict[str, EntityType] = {}
        for line in read("org_descriptors.txt"):
            word, _, type_name = line.partition("\t")
            descriptors[word.strip()] = EntityType(type_name.strip())
        return cls(
            stoplist=frozenset(read("stoplist.txt")),
            latin_stoplist=frozenset(w.lower() for w in read("latin_stoplist.txt")),
            surnames=frozenset(s for s in surnames if len(s) == 1),
            compound_surnames=frozenset(s for s in surnames if len(s) == 2),
            titles=tuple(read("titles.txt")),
            speech_verbs=tuple(read("speech_verbs.txt")),
            byline_labels=tuple(read("byline_labels.txt")),
            org_suffixes=tuple(read("org_suffixes.txt")),
            descriptors=descriptors,
            latin_org_words=tuple(read("latin_org_words.txt")),
            company_context=tuple(read("company_context.txt")),
            translit_chars=frozenset("".join(read("transliteration_chars.txt"))),
            surname_followers=tuple(read("surname_followers.txt")),
            non_name_chars=frozenset("".join(read("non_name_chars.txt"))),
            non_name_final_chars=frozenset("".join(read("non_name_final_chars.txt"))),
            office_titles=frozenset(read("office_titles.txt")),
            byline_labels_bare=frozenset(read("byline_labels_bare.txt")),
            org_industry_words=tuple(
                sorted(read("org_industry_words.txt"), key=len, reverse=True)
            ),
            org_unit_suffixes=tuple(sorted(read("org_unit_suffixes.txt"), key=len, reverse=True)),
            org_legal_forms=tuple(sorted(read("org_legal_forms.txt"), key=len, reverse=True)),
            account_words=tuple(sorted(read("account_words.txt"), key=len, reverse=True)),
            product_heads=tuple(sorted(read("product_heads.txt"), key=len, reverse=True)),
            work_words=tuple(read("work_words.txt")),
            outlet_kinds=tuple(read("outlet_kinds.txt")),
            product_kinds=frozenset(read("product_kinds.txt")),
            place_sectors=frozenset(read("place_sectors.txt")),
            place_banks=tuple(sorted(read("place_banks.txt"), key=len, reverse=True)),
            kind_tails=frozenset(read("kind_tails.txt")),
            quoted_product_nouns=frozenset(read("quoted_product_nouns.txt")),
            company_acts=tuple(sorted(read("company_acts.txt"), key=len, reverse=True)),
            short_form_ends=tuple(sorted(read("short_form_ends.txt"), key=len, reverse=True)),
        )

    def is_stopword(self, surface: str) -> bool:
        return surface in self.stoplist or surface.lower() in self.latin_stoplist

    def given_name_ok(self, given: str) -> bool:
        """The part after the surname: no function character anywhere (高管们, 许冉则), no verb
        of saying at its end or start (黄周称, 张表示), though 道 or 直 may sit inside (汤道生)."""
        if not given or any(c in self.non_name_chars for c in given):
            return False
        if given[-1] in self.non_name_final_chars:
            return False
        return not any(given.startswith(v) for v in self.speech_verbs)

    def surname_of(self, name: str) -> str | None:
        """The surname a Chinese full name starts with, if it looks like one (2–4 characters)."""
        if not 2 <= len(name) <= 4 or not all(is_cjk(c) for c in name):
            return None
        if name[:2] in self.compound_surnames and len(name) >= 3:
            return name[:2]
        if name[0] in self.surnames and len(name) <= 3:
            return name[0]
        return None
