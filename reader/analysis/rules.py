"""Rules that find names the gazetteer does not know, each only where the text gives evidence.

Every rule yields ``Candidate`` records with a strength; the recogniser accepts a surface once
its evidence in one article adds up (see ``rule_scan.ACCEPT``). Precision comes first: a rule fires on a
*cue* in the text (a byline label, a job title, a verb of saying, a gloss in brackets, a
transliteration dot), never on a jieba tag alone. The word lists are in ``resources/entities``.

The rules are small functions, one a cue, grouped by what they find: ``rules_people``,
``rules_orgs`` and ``rules_latin``; ``_RULES`` below lists them in the order they run. This
module keeps the driver (``Rules``), the patterns the rules share, and the two alias rules
that run over the resolved names (``glosses``, ``nicknames``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader.analysis import rules_acts, rules_latin, rules_orgs, rules_people
from reader.analysis.model import EntityType
from reader.analysis.rule_scan import Candidate, Scan
from reader.analysis.rule_words import RuleWords, alternation
from reader.analysis.segment import Token
from reader.text import CJK_CLASS

_CJK = CJK_CLASS
_DOTS = "·•‧・･"
# An apostrophe inside a Latin name joins letters (Dell’Oro, Charlie’s, McDonald's); one at its
# end is a closing quote.
_APOSTROPHE = r"['’](?=[A-Za-z])"
_LATIN_CHAR = rf"(?:[A-Za-z0-9&+\-]|{_APOSTROPHE})"


@dataclass(frozen=True, slots=True)
class AliasLink:
    """``text[start:end]`` (``alias``) is another name of the entity named ``target``."""

    start: int
    end: int
    alias: str
    target: str


class Rules:
    """All unknown-name rules over one normalised text and its jieba tokens: the word lists
    and the patterns built from them once, which the rules in ``_RULES`` read."""

    def __init__(self, words: RuleWords) -> None:
        self.words = words
        labels = alternation(words.byline_labels)
        # The separator may be gone: the cleaner joins "记者 钱童心" to 记者钱童心.
        self.byline_label = re.compile(rf"({labels})(\s*[|｜丨/／:：]\s*|[ \t]+)?(?=[{_CJK}])")
        self.label_at = re.compile(rf"(?:{labels})")
        self.legal_form = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)")
        self.byline_more = re.compile(rf"\s*[、，,]\s*([{_CJK}]{{2,4}})(?![{_CJK}])")
        # Bounded runs around each dot: an unbounded [CJK]+ before a dot backtracks over a long
        # undotted run from every start (quadratic); a transliterated part is a few characters.
        self.dotted = re.compile(rf"[{_CJK}]{{1,12}}(?:[{_DOTS}][{_CJK}]{{1,12}})+")
        self.dot = re.compile(f"[{_DOTS}]")
        self.gloss = re.compile(
            r"\s*[（(]\s*([A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,3})\s*[)）]"
        )
        self.account = re.compile(
            rf"({alternation(words.account_words)})\s*[“「\"]([^”」\"“「，。、：；！？,.;:!?\n]{{2,12}})[”」\"]"
        ) if words.account_words else re.compile(r"(?!)")
        heads = alternation(words.product_heads) if words.product_heads else "(?!)"
        self.product = re.compile(
            rf"(?<![{_CJK}A-Za-z0-9])([{_CJK}]{{2,3}}|[A-Za-z][A-Za-z0-9]{{1,7}})({heads})"
            rf"|(?<![A-Za-z0-9])([A-Z][A-Za-z0-9]{{1,15}}|[{_CJK}]{{2,4}})\s?(?:App|APP|app|小程序)(?![A-Za-z])"
        )
        self.quoted = re.compile(r"[“「]([^”」“「\s，。、：；！？,.;:!?]{2,8})[”」]")
        self.transliterated_note = re.compile(r"\s*[（(]\s*音译\s*[)）]")
        org_words = alternation(words.latin_org_words)
        self.latin_org = re.compile(
            rf"(?<![A-Za-z0-9'’])((?:[A-Z](?:[A-Za-z&.\-]|{_APOSTROPHE})*\s+){{1,5}}(?:{org_words}))(?![A-Za-z0-9])"
        )
        self.latin_name = re.compile(
            rf"(?<![A-Za-z0-9'’])([A-Z]{_LATIN_CHAR}*[a-z]{_LATIN_CHAR}*"
            rf"(?:\s[A-Z]{_LATIN_CHAR}*)*)(?![A-Za-z0-9])"
        )
        self.title_end = re.compile(rf"(?:{alternation(words.titles)})$")
        # Cheap prefilters for the token loops, which see ~1,300 tokens an article: a token
        # can only end with a title if it ends with a title's last character, and the
        # lookaheads give every position where a verb of saying or an organisation suffix
        # starts (overlapping ones too) in one pass over the text.
        self.title_last = frozenset(t[-1] for t in words.titles)
        self.speech_at = re.compile(rf"(?=(?:{alternation(words.speech_verbs)}))")
        self.suffix_at = re.compile(rf"(?=(?:{alternation(words.org_suffixes)}))")
        self.descriptor_before = re.compile(rf"(?:{alternation(words.descriptors)})$")
        self.descriptor_last = frozenset(d[-1] for d in words.descriptors)  # the same prefilter
        self.descriptor_after = re.compile(alternation(words.descriptors))
        self.title_after = re.compile(rf"的?(?:{alternation(words.titles)})")
        self.office_after = re.compile(rf"(?:{alternation(words.office_titles)})")
        self.office_end = re.compile(rf"(?:{alternation(words.office_titles)})$")
        self.clause_words = (*words.speech_verbs, *words.surname_followers, "在", "于", "，", "。")

    def candidates(
        self,
        text: str,
        tokens: Sequence[Token],
        known: Sequence[tuple[int, int]],
        is_word: Callable[[str], bool],
        title: str = "",
    ) -> list[Candidate]:
        """Evidence for unknown names in ``text``; ``known`` spans (gazetteer hits) are taken.
        Every rule in ``_RULES`` reads the same scan and adds its candidates to it."""
        scan = Scan(self.words, text, tokens, sorted(known), is_word, title)
        for rule in _RULES:
            rule(self, scan)
        return scan.out

    def glosses(self, text: str, spans: Iterable[tuple[int, int, str, EntityType]]) -> list[AliasLink]:
        """An English gloss in brackets after a name: 肖恩·杨(Shawn Yang), 康泽宇（Bob）."""
        links: list[AliasLink] = []
        for _start, end, name, _etype in spans:
            m = self.gloss.match(text, end)
            if m is None:
                continue
            latin = m.group(1)
            if latin.lower() in self.words.latin_stoplist or self.words.is_stopword(latin):
                continue
            if latin.isupper() and len(latin) <= 5:  # (AI), (CEO): an abbreviation, not a name
                continue
            links.append(AliasLink(m.start(1), m.end(1), latin, name))
        return links

    def nicknames(self, text: str, spans: Iterable[tuple[int, int, str, EntityType]]) -> list[AliasLink]:
        """A quoted nickname right before a person: “湘野红姐”龚红玉."""
        starts = {s: name for s, _e, name, t in spans if t is EntityType.PERSON}
        links: list[AliasLink] = []
        for m in self.quoted.finditer(text):
            target = starts.get(m.end())
            nick = m.group(1)
            if target is not None and not self.words.is_stopword(nick):
                links.append(AliasLink(m.start(1), m.end(1), nick, target))
        return links


# The unknown-name rules, in the order they run (earlier candidates win ties in strength).
_RULES: tuple[Callable[[Rules, Scan], None], ...] = (
    rules_orgs.outlet_ids,
    rules_orgs.digest_heads,
    rules_people.byline,
    rules_people.latin_pen_names,
    rules_people.transliterated,
    rules_people.job_title,
    rules_people.listed,
    rules_orgs.descriptor_cjk,
    rules_orgs.descriptor_run,
    rules_people.speech,
    rules_people.addressed,
    rules_people.nickname,
    rules_people.repeated,
    rules_latin.latin_org,
    rules_latin.latin_descriptor,
    rules_orgs.org_suffix,
    rules_orgs.registered,
    rules_orgs.registered_bare,
    rules_orgs.accounts,
    rules_orgs.quoted_before_descriptor,
    rules_orgs.corner_quoted,
    rules_orgs.media_titles,
    rules_orgs.products,
    rules_orgs.listed_with_a_known_name,
    rules_acts.company_acts,
    rules_latin.latin_repeated,
)
