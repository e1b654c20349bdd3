"""Entity recognition and linking: gazetteer names in one Aho-Corasick pass, unknown names by
rules with evidence, and every mention linked to one canonical entity.

Offsets are code points over the article text as given. Matching runs over a *folded* copy
of the text (full-width to half-width, traditional to simplified, ASCII lower case) that has
exactly the same length, so a match at ``[s, e)`` in the fold is ``text[s:e]`` in the original.

``EntityRecognizer.recognise`` is the one route: gazetteer hits, kept where the words and the
context agree; unknown names from the rules (``rules``) and the statistical layer
(``model_candidates``), accepted once their evidence adds up; the links the article draws
itself — longer and company names, bare surnames and short forms (``entity_links``), glosses
and nicknames (``Rules``); and last the user's corrections.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cached_property

import ahocorasick

from reader.analysis.corrections import Corrections
from reader.analysis.entity_hits import Hit, leftmost_longest, occurrences
from reader.analysis.entity_links import (
    company_names,
    extend_names,
    latin_surname_hits,
    short_forms,
    stem_forms,
    surname_hits,
)
from reader.analysis.folding import is_latin, lower, matching_form, with_apostrophes
from reader.analysis.gazetteer import Entry, Gazetteer
from reader.analysis.latin_terms import no_works_or_nouns
from reader.analysis.model import Entity, EntityType, Mention
from reader.analysis.model_candidates import model_candidates, title_candidates
from reader.analysis.rule_scan import ACCEPT, Candidate, listed_companies
from reader.analysis.rule_words import RuleWords
from reader.analysis.rules import Rules
from reader.analysis.segment import Segmenter, Token
from reader.analysis.statistical import NameFilters, NameModel


def _prefer_aligned(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """Where two hits overlap and only one of them coincides with jieba's words, drop the other:
    in 其中亚马逊 jieba reads 其中|亚马逊, so 中亚 (Central Asia) is not there to be found."""
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}

    def aligned(h: Hit) -> bool:
        return h.start in starts and h.end in ends

    ordered = sorted(hits, key=lambda h: (h.start, h.end))
    dropped: set[int] = set()
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if b.start >= a.end:
                break
            # Two surfaces of one entity (安迪·贾西 over 贾西, where jieba glued 由安迪):
            # leftmost-longest picks the full name; alignment has nothing to decide.
            if aligned(a) != aligned(b) and a.name != b.name and not _a_company_over_a_person(a, b):
                dropped.add(j if aligned(a) else i)
    return [h for k, h in enumerate(ordered) if k not in dropped]


def _a_company_over_a_person(a: Hit, b: Hit) -> bool:
    """A company's name and a "person" at its start (明德生物 and 明德, where jieba reads
    明德|生物体|外): the company, which leftmost-longest keeps, whatever the words say."""
    longer, shorter = (a, b) if a.end > b.end else (b, a)
    return a.start == b.start and longer.type in (EntityType.ORG, EntityType.PRODUCT) and shorter.type is EntityType.PERSON


def _brand_in_any_case(folded: str, start: int, end: int, surface: str) -> bool:
    """A Latin brand written in lower or upper case amid Chinese (在pinterest上, 用tiktok,
    TIKTOK): the whole word stands between Chinese characters or punctuation, not inside
    English prose, and the brand is a word of five or more letters or is written in mixed case
    (TikTok, WeChat) — short or plain English words keep their case (Apple ≠ apple)."""
    written = folded[start:end]
    if not _read_in_any_case(surface) or written not in (surface.lower(), surface.upper()):
        return False
    before = folded[max(0, start - 2):start].strip()[-1:] or "。"
    after = folded[end:end + 2].strip()[:1] or "。"
    return not any(c.isascii() and c.isalnum() for c in before + after)


_LOCATIVES = frozenset("中里上内")
_IDIOM_FLAGS = frozenset(("i", "l"))  # jieba's idioms and set phrases: 大同小异, 高歌猛进
_PREPOSITIONS = frozenset("向对和与跟被把给让在从据为由")

# Where the sentence an ambiguous name's confirming words are looked for in ends.
_SENTENCE_END = re.compile(r"[。！？!?\n；;]")
# A company's form after an ambiguous name, which only a company has (not 公司: 他得到公司的支持).
_GROUP_FORMS = ("集团", "控股", "有限公司", "股份有限公司")
_LIST_JOINERS = ("、", "和", "与", "及", "或", "跟", ",", "，", "/", " ")


def _read_in_any_case(surface: str) -> bool:
    """A Latin brand that keeps its meaning in any case: five letters or more, or mixed case
    (Unsplash, TikTok); not a short plain word (Wish, Keep)."""
    return surface.isascii() and surface.isalpha() and (len(surface) >= 5 or any(c.isupper() for c in surface[1:]))


def _pangu_spaced(name: str) -> str:
    """``name`` as typesetters who space Latin letters and digits from Chinese write it."""
    return _SCRIPT_BOUNDARY.sub(" ", name)


_SCRIPT_BOUNDARY = re.compile(r"(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])")
# A quarter or a half written in Latin letters right before a name (2020年Q4苹果, 2021H1美的).
_A_TIME_BEFORE = re.compile(r"(?<![A-Za-z0-9])[QH][1-4]$")
_DASH_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff])-(?=[\u4e00-\u9fff])")  # 一汽-大众, a joint venture


class EntityRecognizer:
    """Finds and links entity mentions in article text."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        corrections: Corrections | None = None,
        segmenter: Segmenter | None = None,
        words: RuleWords | None = None,
        model: NameModel | None = None,
        learned: Mapping[str, EntityType] | None = None,
    ) -> None:
        self.base = gazetteer
        self.model = model
        self.learned = dict(learned or {})
        self.corrections = corrections or Corrections()
        self.gazetteer = Gazetteer(self.corrections.apply(gazetteer.entries))
        self.segmenter = segmenter or Segmenter(gazetteer)
        self.words = words or RuleWords.load()
        self.rules = Rules(self.words)
        added = [
            (s, e.entity.type)
            for e in self.gazetteer.entries
            if self.base.entry(e.name) is None
            for s in e.surfaces
        ]
        if added:
            self.segmenter.add_words(added)
        self._discovered: dict[str, Entity] = {}

    @cached_property
    def _automaton(self) -> ahocorasick.Automaton:
        """The gazetteer's surfaces to match, built when the first article is recognised: a
        correction makes a recogniser that the window asks for entity descriptions as it
        hands the corrected library over (on the GUI thread), and building this there took
        ~35 ms of it at every correction (issue 18, point 2)."""
        return self._build_automaton(self.gazetteer)

    @staticmethod
    def _build_automaton(gazetteer: Gazetteer) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        keys: dict[str, list[tuple[str, Entry]]] = {}
        for surface, e in gazetteer.surfaces():
            keys.setdefault(lower(matching_form(surface)), []).append((surface, e))
            for spaced in {_pangu_spaced(surface), _DASH_BETWEEN_HAN.sub(" - ", surface)} - {surface}:
                # typeset with spaces between scripts ("B 站") or around a dash ("一汽 - 大众")
                if surface not in e.ambiguous:
                    keys.setdefault(lower(matching_form(spaced)), []).append((spaced, e))
        for key, payload in keys.items():
            automaton.add_word(key, tuple(payload))
        if keys:
            automaton.make_automaton()
        return automaton

    def with_corrections(self, corrections: Corrections) -> EntityRecognizer:
        """A recogniser over the same gazetteer and tokenizer with other corrections."""
        return EntityRecognizer(self.base, corrections, self.segmenter, self.words, self.model, self.learned)

    def with_model(self, model: NameModel | None) -> EntityRecognizer:
        """A recogniser over the same gazetteer, tokenizer and corrections with another
        statistical layer (``None``: the fast layer alone)."""
        return EntityRecognizer(self.base, self.corrections, self.segmenter, self.words, model, self.learned)

    def with_learned(self, learned: Mapping[str, EntityType]) -> EntityRecognizer:
        """A recogniser that also links the names found in other articles of the library
        wherever they stand as words, below every name this article gives evidence for."""
        return EntityRecognizer(self.base, self.corrections, self.segmenter, self.words, self.model, learned)

    def entity(self, name: str) -> Entity | None:
        """The gazetteer entity, or the one synthesised for a name discovered in some article,
        without the aliases the user said are never a name (an entity card lists them)."""
        found = self.gazetteer.get(name) or self._discovered.get(name)
        if found is None or not any(self._ignored(alias) for alias in found.aliases):
            return found
        return replace(found, aliases=tuple(a for a in found.aliases if not self._ignored(a)))

    # -- recognition ----------------------------------------------------------------------

    def recognise(self, text: str, title: str = "") -> tuple[Mention, ...]:
        """Sorted, non-overlapping mentions; ``text[m.start:m.end] == m.surface``.

        ``title`` is the article's title: a name the statistical layer finds there is strong
        evidence for the same name in the body (the company a headline is about)."""
        if not text:
            return ()
        folded = matching_form(text)
        gaz_hits = self._gazetteer_hits(folded)
        tokens = self.segmenter.posseg(folded)
        is_word = self._is_word
        gaz_hits = self._touching_words(gaz_hits, tokens, folded)
        gaz_hits = [h for h in gaz_hits if not _a_number(folded, h) and not _a_department(folded, h)]
        gaz_hits = self._romanised_in_context(folded, gaz_hits)
        hits = self._disambiguate(folded, gaz_hits, tokens)
        known_hits = leftmost_longest(hits)
        known = [(h.start, h.end) for h in known_hits]
        candidates = self.rules.candidates(folded, tokens, known, is_word, matching_form(title))
        if self.model is not None:
            model, segmenter, filters = self.model, self.segmenter, self._filters
            guesses = model_candidates(model, segmenter, filters, folded, tokens, known_hits)
            if title:
                guesses.extend(title_candidates(model, segmenter, filters, folded, title, known))
            # 对于大众来说, 大众视线: a surface the gazetteer knows is also a common word, and found
            # no evidence for here, is not made a name by the model's guess in one sentence.
            declined = {folded[h.start:h.end] for h in gaz_hits if h.ambiguous} - {
                folded[h.start:h.end] for h in hits if h.ambiguous
            }
            candidates.extend(c for c in guesses if c.surface not in declined)
        candidates = listed_companies(folded, no_works_or_nouns(folded, candidates, self.words, known))
        accepted = extend_names(folded, self._accept(candidates), self.words, self._is_word)
        hits.extend(occurrences(folded, accepted, rank=1))
        if self.learned:
            hits.extend(self._learned_hits(folded, tokens))
        return self._resolved(text, folded, tokens, hits)

    def relinked(self, text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
        """``mentions`` (this recognizer's reading of ``text`` without the learned names) with
        the learned names linked where they stand as words: the same mentions as ``recognise``
        with them, without running the statistical model again (the names it found are in
        ``mentions``; what it would find does not depend on the learned names). Unchanged when
        no learned name stands in the text."""
        if not self.learned or not text:
            return tuple(mentions)
        folded = matching_form(text)
        tokens = self.segmenter.posseg(folded)
        learned = self._learned_hits(folded, tokens)
        if not learned:
            return tuple(mentions)
        known = [Hit(m.start, m.end, m.entity, m.type) for m in mentions]
        return self._resolved(text, folded, tokens, [*known, *learned])

    def _resolved(self, text: str, folded: str, tokens: Sequence[Token], hits: list[Hit]) -> tuple[Mention, ...]:
        """The hits of every layer made into mentions: overlaps resolved, company names
        completed, the aliases the article establishes, short forms, the user's corrections."""
        resolved = leftmost_longest(_prefer_aligned(hits, tokens))
        resolved = company_names(folded, resolved, tokens, self.words, self._ignored)

        # Aliases the article itself establishes: glosses, quoted nicknames, bare surnames.
        spans = [(h.start, h.end, h.name, h.type) for h in resolved]
        links = self.rules.glosses(folded, spans) + self.rules.nicknames(folded, spans)
        types = {h.name: h.type for h in resolved}
        link_hits: list[Hit] = []
        for link in links:
            target = types.get(link.target)
            if target is None or self._ignored(link.alias):
                continue
            link_hits.extend(occurrences(folded, {link.alias: (link.target, target)}, 1))
        if link_hits:
            # The article's own gloss outranks a name discovered on its own at the same span
            # (肖恩·杨(Shawn Yang): the model also finds "Shawn Yang"); a sorted tie keeps the
            # first, so the links go first. The gazetteer (rank 0) still wins.
            resolved = leftmost_longest([*link_hits, *resolved])
        resolved = leftmost_longest([*resolved, *surname_hits(folded, resolved, tokens, self.words)])
        resolved = leftmost_longest([*resolved, *latin_surname_hits(folded, resolved, self.words)])
        resolved = short_forms(resolved, self.gazetteer)
        stems = stem_forms(folded, resolved, self.words, self.gazetteer)
        if stems:
            clear = [replace(h, ambiguous=False) for h in resolved]
            resolved = leftmost_longest([*resolved, *(h for h in self._disambiguate(folded, [*clear, *stems], tokens) if h.ambiguous)])
        resolved = [h for h in resolved if not self._heads_an_unread_name(folded, h)]

        mentions = []
        for h in resolved:
            surface = text[h.start:h.end]
            if self._ignored(surface):
                continue
            name, etype = self._link(h.name, h.type)
            if self._ignored(name):
                continue
            mentions.append(Mention(h.start, h.end, name, etype, surface))
            if self.gazetteer.get(name) is None:
                self._remember(name, etype, surface)
        return tuple(mentions)

    @cached_property
    def _unread_org_name(self) -> re.Pattern[str]:
        endings = "|".join(map(re.escape, (*self.words.org_legal_forms, *self.words.org_unit_suffixes)))
        return re.compile(rf"[\u4e00-\u9fff]{{2,6}}?(?:{endings})(?=[、，,。；;：:等\n（(]|$)")

    def _heads_an_unread_name(self, folded: str, hit: Hit) -> bool:
        """A city at the head of a company's name that no layer read whole (成都|信谊物业、,
        西安|方瑞物业等): the city is part of the name, not a place the article talks about.
        Countries are left alone (中国|互联网公司 is about China)."""
        if hit.type is not EntityType.PLACE:
            return False
        entry = self.gazetteer.get(hit.name)
        if entry is not None and entry.description == "国家":
            return False
        return self._unread_org_name.match(folded, hit.end) is not None

    @cached_property
    def _filters(self) -> NameFilters:
        w = self.words
        return NameFilters(
            is_stopword=w.is_stopword,
            surname_of=w.surname_of,
            given_name_ok=w.given_name_ok,
            org_suffixes=w.org_suffixes,
            generic_heads=frozenset((*w.descriptors, *w.titles)),  # 公司, 首席执行官: no name alone
            product_kinds=w.product_kinds,
            place_sectors=w.place_sectors,
            kind_tails=w.kind_tails,
        )

    def _learned_hits(self, folded: str, tokens: Sequence[Token]) -> list[Hit]:
        """The library's names where they stand as words of this article (快狗打车 in an
        article the model read no name in; not 平安 inside 平安证券)."""
        starts = {t.start for t in tokens}
        ends = {t.end for t in tokens}
        names = {s: (s, t) for s, t in self.learned.items() if s in folded and not self._ignored(s)}
        return [
            h for h in occurrences(folded, names, rank=2)
            if h.start in starts and h.end in ends
        ]

    def _is_word(self, word: str) -> bool:
        return self.segmenter.is_word(word)

    def _ignored(self, surface: str) -> bool:
        return surface in self.corrections.ignored

    def _gazetteer_hits(self, folded: str) -> list[Hit]:
        lowered = lower(folded)
        n = len(folded)
        hits: list[Hit] = []
        for end_index, payload in self._automaton.iter(lowered):
            for surface, e in payload:
                start = end_index - len(surface) + 1
                end = end_index + 1
                if is_latin(surface[0]) and start > 0 and is_latin(folded[start - 1]):
                    continue
                if is_latin(surface[-1]) and end < n and is_latin(folded[end]):
                    continue
                if is_latin(surface[0]) and with_apostrophes(folded, start, end) != (start, end):
                    continue  # Dell in Dell’Oro: part of another name (but McDonald's has its own surface)
                written = folded[start:end]
                if not e.case_insensitive and written != matching_form(surface) and not _brand_in_any_case(
                    folded, start, end, matching_form(surface)
                ):
                    continue
                hits.append(
                    Hit(start, end, e.name, e.entity.type, ambiguous=surface in e.ambiguous)
                )
        return hits

    @staticmethod
    def _touching_words(hits: list[Hit], tokens: Sequence[Token], folded: str) -> list[Hit]:
        """A two-character name that starts and ends inside jieba words is a coincidence:
        其中|国内 holds 中国 by accident. (中国区 and 美国在线 keep theirs: they share a start.)
        So is a name inside an idiom: 大同小异 names no city."""
        starts = {t.start for t in tokens}
        ends = {t.end for t in tokens}
        idioms = [(t.start, t.end) for t in tokens if t.flag in _IDIOM_FLAGS]
        return [
            h
            for h in hits
            if (h.end - h.start > 2 or is_latin(folded[h.start]) or h.start in starts or h.end in ends)
            and not any(a <= h.start and h.end <= b and b - a > h.end - h.start for a, b in idioms)
        ]

    def _romanised_in_context(self, folded: str, hits: list[Hit]) -> list[Hit]:
        """A person's romanised name (James Mitchell, Robin Li) is shared by many people: it
        names the gazetteer's person only when the article agrees — it writes the person's
        Chinese name too, or names the company the person's description names."""
        kept = []
        for h in hits:
            if h.type is EntityType.PERSON and is_latin(folded[h.start]) and not is_latin(h.name[0]):
                if not self._person_context(h.name, folded):
                    continue
            kept.append(h)
        return kept

    def _person_context(self, name: str, folded: str) -> bool:
        e = self.gazetteer.entry(name)
        if e is None:
            return True
        cjk = [s for s in e.surfaces if s and not is_latin(s[0])]
        if any(s in folded for s in cjk) or any(w in folded for w in e.context):
            return True
        described = self._gazetteer_hits(matching_form(e.entity.description or ""))
        return any(
            h.type is not EntityType.PERSON and any(s in folded for s in self.gazetteer.entry(h.name).surfaces)
            for h in described
            if self.gazetteer.entry(h.name) is not None
        )

    def _disambiguate(self, folded: str, hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
        """Keep an ambiguous hit (苹果, 美的) only with evidence that it means the entity."""
        if not any(h.ambiguous for h in hits):
            return hits
        clear = [h for h in hits if not h.ambiguous]
        clear_names = {h.name for h in clear}
        starts = {t.start for t in tokens}
        ends = {t.end for t in tokens}
        org_like = {(h.start, h.end) for h in clear if h.type in (EntityType.ORG, EntityType.PRODUCT)}
        clear_by_start = {s for s, _ in org_like}
        clear_by_end = {e for _, e in org_like}
        kept = list(clear)
        for h in hits:
            if not h.ambiguous:
                continue
            surface = folded[h.start:h.end]
            if self.words.is_stopword(surface) or self._ignored(surface):
                continue
            if not is_latin(surface[0]) and (h.start not in starts or h.end not in ends):
                continue  # 美的 inside 完美的: not a word of its own here
            if folded.startswith(self.words.outlet_kinds, h.end):
                continue  # 财经媒体, 财经周刊: the word names a kind of outlet, not the one
            if h.start and folded[h.start - 1].isascii() and folded[h.start - 1].isalnum() and not is_latin(surface[0]) and (
                not _A_TIME_BEFORE.search(folded, max(0, h.start - 8), h.start)
            ):
                continue  # AI财经社: inside a longer name; but not 2020年Q4苹果iPhone出货量: after a quarter
            if self._in_list(folded, h, clear_by_start, clear_by_end) or folded.startswith(_GROUP_FORMS, h.end):
                kept.append(h)  # 阿里、腾讯、苹果; 吉利集团, 平安控股: a company by its neighbours or its form
                continue
            # The entry's own words confirm it; once the article names the entity plainly
            # elsewhere, the shared company words do too ("苹果公司……苹果股价").
            e = self.gazetteer.entry(h.name)
            context: tuple[str, ...] = e.context if e is not None and e.context else ()
            if not context or h.name in clear_names:
                context = (*context, *self.words.company_context)
            left = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, h.start)), default=0)
            right_match = _SENTENCE_END.search(folded, h.end)
            right = right_match.start() if right_match else len(folded)
            sentence = (
                folded[max(left, h.start - 40):h.start] + " " + folded[h.end:min(right, h.end + 40)]
            )
            if any(word in sentence for word in context):
                kept.append(h)
        # A Latin name the article confirms once is that name wherever it stands alone in it:
        # ESPN/ABC…转播… then 让ABC获得了1.62亿美元的广告收入 (no article writes ABC in two senses).
        confirmed = {h.name for h in kept if h.ambiguous and is_latin(folded[h.start])}
        kept += [
            h for h in hits
            if h.ambiguous and h.name in confirmed and h not in kept and is_latin(folded[h.start])
            and not self.words.is_stopword(folded[h.start:h.end]) and not self._ignored(folded[h.start:h.end])
        ]
        return kept

    @staticmethod
    def _in_list(folded: str, h: Hit, starts: set[int], ends: set[int]) -> bool:
        """Next to another named organisation, joined by 、/和/与 …: 阿里、腾讯、苹果."""
        for joiner in _LIST_JOINERS:
            if folded.startswith(joiner, h.end) and h.end + len(joiner) in starts:
                return True
            if folded.endswith(joiner, 0, h.start) and h.start - len(joiner) in ends:
                return True
        return False

    def _accept(self, candidates: Sequence[Candidate]) -> dict[str, tuple[str, EntityType]]:
        """Surfaces whose evidence in this article adds up, with their entity name and type."""
        strength: dict[str, int] = {}
        best: dict[str, Candidate] = {}
        for c in candidates:
            if self._ignored(c.surface):
                continue
            strength[c.surface] = strength.get(c.surface, 0) + c.strength
            if c.surface not in best or c.strength > best[c.surface].strength:
                best[c.surface] = c
        accepted = {
            s: (best[s].name or s, best[s].type) for s, total in strength.items() if total >= ACCEPT
        }
        # 研究员向赵斌问起…, 赵斌表示…: a preposition glued to a name that stands alone too;
        # 公告中称, 文章中称: a noun and a locative before a verb of saying, not a person.
        return {
            s: v
            for s, v in accepted.items()
            if not (len(s) > 2 and s[0] in _PREPOSITIONS and s[1:] in accepted)
            and not (v[1] is EntityType.PERSON and self._reads_as_words(s))
        }

    def _reads_as_words(self, surface: str) -> bool:
        """A "person" whose name is a common word plus a character: 公告中称, 文章中称, 公司站.
        (王莆中 and 李明 stay: jieba knows no common word 王莆, and tags 李明 as a name.)"""
        if len(surface) != 3:
            return False
        if surface[-1] in _LOCATIVES and self._is_word(surface[:2]):
            return True
        tag = self.segmenter.dictionary_tag(surface[:2])
        # a common noun (n, vn), not a name or a place jieba knows (nr, ns: 苏建|勋)
        return tag is not None and tag in ("n", "vn", "v", "a", "an", "d")

    def _link(self, name: str, etype: EntityType) -> tuple[str, EntityType]:
        """Final canonical name and type, after the user's corrections."""
        if self.gazetteer.get(name) is not None:
            e = self.gazetteer.get(name)
            return e.name, e.type
        if (name.isupper() or name.islower()) and (entry := self._latin_in_any_case.get(name.upper())):
            return entry.name, entry.entity.type  # a rule's UNSPLASH is the gazetteer's Unsplash
        name, etype = self.corrections.resolve(name, etype)
        e = self.gazetteer.get(name)
        if e is not None:
            return e.name, e.type
        return name, etype

    @cached_property
    def _latin_in_any_case(self) -> dict[str, Entry]:
        """The gazetteer's Latin brands that keep their meaning in any case, by their upper case."""
        return {s.upper(): e for s, e in self.gazetteer.surfaces() if _read_in_any_case(s)}

    def _remember(self, name: str, etype: EntityType, surface: str) -> None:
        old = self._discovered.get(name)
        aliases = old.aliases if old is not None else ()
        if surface != name and surface not in aliases:
            aliases = (*aliases, surface)
        self._discovered[name] = Entity(name=name, type=etype, aliases=aliases, description="")


# A name written in digits (360) is part of a number when a magnitude, a unit or another digit
# touches it: 飙升360亿美元, 3600, 2.360.
_NUMBER_AFTER = re.compile(r"[0-9.,％%万亿千百元倍个家年月日号]")


def _a_department(folded: str, hit: Hit) -> bool:
    """A ministry's name before 门 is a department (教育部门, 商务部门), not the ministry."""
    return folded.endswith("部", hit.start, hit.end) and folded.startswith("门", hit.end)


def _a_number(folded: str, hit: Hit) -> bool:
    """Whether ``hit``, a name in digits, is read inside a number."""
    surface = folded[hit.start : hit.end]
    if not surface.isdigit():
        return False
    before = folded[hit.start - 1] if hit.start else ""
    return bool(_NUMBER_AFTER.match(folded, hit.end)) or before.isdigit() or before in ".,"

