"""Who said what: quotations and reported speech, attributed through the names layer.

Three rules, each a small function below, over one paragraph at a time:

- ``_forward``: a cue after its speaker — X表示，“…” / X称，… / 在X看来，… — opens a quotation or
  a reported clause that runs to the end of the sentence;
- ``_quote_first``: a quotation followed by its speaker and a cue — “…”X表示 — belongs to X;
- ``_continued``: a quotation that is a sentence of its own, right after a quote (in the same
  paragraph or the one before), continues that quote's speaker.

The speaker is the entity of the mention just before the cue (with only adverbs or "where it was
said" between them: 近日在接受采访时, 在财报中), a pronoun (他, 该公司, 其) resolved to the subject
of the last sentence of the paragraph that names one of its type, or — for 有业内人士, 报道称 —
nobody: the quote is kept with speaker None.  When a reported clause contains another cue, only
the inner report is kept (苏宁表示，田睿透露，… → 田睿).  The words are in
``resources/quotes/cues.toml``; the conventions the rules aim at are in tests/data/real/README.md.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.analysis.model import EntityType, Mention, Quote
from reader.paths import resource

_BOUNDARY = "，。；！？：“”\n"
_SENTENCE_END = "。！？"
_CLAUSE_END = "，。；！？：\n"  # clauses for a subject: quotation marks do not end them
_QUOTATION = re.compile(r"“([^“”\n]*)”")
_LATIN_TAIL = re.compile(r"^ [A-Z][A-Za-z0-9.&'-]*(?: [A-Z][A-Za-z0-9.&'-]*){0,3}")
_NAMING = re.compile(r"[^，。“”\n]{1,10}?为")
_ATTITUDE = re.compile(r"[^，。“”\n]{1,3}[，：]“")
_LEADING = re.compile(r"^(?:而|但|但是|不过|然而|同时|此外|另外|并且|且|对此|因此|所以|其后|随后)")
# How far a pronoun's subject may be from the sentence start to count as its subject.
_SUBJECT_REACH = 12
# A cue this far after a closing quotation mark can attribute the quotation.
_AFTER_QUOTE_REACH = 40
_MIN_CLAUSE = 4
_CLAUSE_REACH = 80
_REPORT_REACH = 1500
# A report that holds another report this close to its start only introduces it.
_NESTED_LEAD = 8


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class QuoteWords:
    forward: re.Pattern[str]
    after_quote: frozenset[str]
    addressed: frozenset[str]
    framed: tuple[tuple[str, str], ...]
    not_cues: tuple[str, ...]
    negations: tuple[str, ...]
    filler: re.Pattern[str]
    filler_lead: re.Pattern[str]
    sourcing: tuple[str, ...]
    unnamed: tuple[str, ...]
    unnamed_openers: tuple[str, ...]
    addressee_openers: tuple[str, ...]
    after_comma: frozenset[str]
    pronouns: tuple[tuple[str, frozenset[EntityType]], ...]  # longest first

    @classmethod
    def load(cls, path: str | None = None) -> QuoteWords:
        with open(path or resource("quotes", "cues.toml"), "rb") as fh:
            data = tomllib.load(fh)
        framed = tuple((a, b) for a, b in data["framed"])
        cues = [*data["forward"], *data["after_quote"], *(b for _, b in framed)]
        filler_words = _alternation(data["filler_words"])
        # What may stand between a speaker and its cue: adverbs, a gloss in brackets, "where it
        # was said" (在接受采访时, 在《…》中) and the document it was said in (连发两条风险提示公告).
        gap = (
            rf"(?:{filler_words}|在[^，。；“”\n]{{0,30}}?[中时上里内]|（[^）\n]{{0,40}}）"
            rf"|\([^)\n]{{0,40}}\)|[^，。；“”\n]{{0,14}}?公告)"
        )
        pronouns = (
            [(w, frozenset({EntityType.PERSON})) for w in data["pronouns"]["person"]]
            + [(w, frozenset({EntityType.ORG})) for w in data["pronouns"]["org"]]
            + [(w, frozenset({EntityType.ORG, EntityType.PERSON, EntityType.PRODUCT}))
               for w in data["pronouns"]["any"]]
        )
        return cls(
            forward=re.compile(_alternation(cues)),
            after_quote=frozenset(data["after_quote"]),
            addressed=frozenset(data["addressed"]),
            framed=framed,
            not_cues=tuple(data["not_cues"]),
            negations=tuple(data["negations"]),
            filler=re.compile(rf"(?:{gap})*"),
            filler_lead=re.compile(rf"^(?:{filler_words})*"),
            sourcing=tuple(data["sourcing"]),
            unnamed=tuple(data["unnamed"]),
            unnamed_openers=tuple(data["unnamed_openers"]),
            addressee_openers=tuple(data["addressee_openers"]),
            after_comma=frozenset(data["after_comma"]),
            pronouns=tuple(sorted(pronouns, key=lambda p: -len(p[0]))),
        )


@lru_cache(maxsize=1)
def default_quote_words() -> QuoteWords:
    return QuoteWords.load()


class _Paragraph:
    """One line of the text, its quotation pairs and the mentions in reach."""

    def __init__(self, text: str, start: int, end: int, mentions: Sequence[Mention], starts: list[int]):
        self.text = text
        self.start = start
        self.end = end
        self.mentions = mentions  # all of the article's, sorted by start
        self.starts = starts
        self.pairs = [(m.start(1), m.end(1)) for m in _QUOTATION.finditer(text, start, end)]
        self._pair_starts = [s for s, _ in self.pairs]  # pairs never overlap: sorted both ways

    def inside_pair(self, at: int) -> bool:
        i = bisect.bisect_right(self._pair_starts, at) - 1
        return i >= 0 and at < self.pairs[i][1]

    def pair_at(self, opening: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self._pair_starts, opening + 1)
        return self.pairs[i] if i < len(self.pairs) and self.pairs[i][0] == opening + 1 else None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def clause_start(self, before: int, boundary: str = _BOUNDARY) -> int:
        """Where the clause that ends at ``before`` starts; no further back than _CLAUSE_REACH
        (a speaker is named close to the cue, and a run without punctuation stays linear)."""
        at = before - 1
        stop = max(self.start, before - _CLAUSE_REACH)
        while at >= stop and self.text[at] not in boundary:
            at -= 1
        return at + 1

    def sentence_end(self, start: int) -> int:
        """The end of the sentence that ``start`` is in (its 。 excluded), quotations kept whole;
        no further than _REPORT_REACH characters on."""
        at = start
        while at < min(self.end, start + _REPORT_REACH):
            if self.text[at] in _SENTENCE_END and not self.inside_pair(at):
                return at
            at += 1
        return min(self.end, start + _REPORT_REACH)


class _Finder:
    def __init__(self, text: str, mentions: Sequence[Mention], words: QuoteWords):
        self.text = text
        self.words = words
        self.mentions = sorted((m for m in mentions if m.type is not EntityType.PLACE), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.paragraphs: list[_Paragraph] = []
        at = 0
        for line in text.split("\n"):
            self.paragraphs.append(_Paragraph(text, at, at + len(line), self.mentions, self.starts))
            at += len(line) + 1

    # -- cues ----------------------------------------------------------------------------------

    def _is_cue(self, para: _Paragraph, start: int, end: int) -> bool:
        text = self.text
        if para.inside_pair(start):
            return False
        cue = text[start:end]
        for word in self.words.not_cues:
            at = word.find(cue)
            while at >= 0:
                if text.startswith(word, start - at):
                    return False
                at = word.find(cue, at + 1)
        before = text[max(para.start, start - 2):start]
        return not any(before.endswith(n) for n in self.words.negations)

    def cues(self, para: _Paragraph) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for m in self.words.forward.finditer(self.text, para.start, para.end)
            if self._is_cue(para, m.start(), m.end())
        ]

    # -- speakers ------------------------------------------------------------------------------

    def _named_before(self, para: _Paragraph, start: int, cue: int) -> Mention | None:
        """The mention that ends just before the cue, with only filler between them."""
        found = para.mentions_between(start, cue)
        if not found:
            return None
        last = max(found, key=lambda m: m.end)
        gap = self.text[last.end:cue]
        if last.surface[-1:].isascii() and last.surface[-1:].isalpha():
            # Ark Invest| Management预计: a Latin name the names layer cut short goes on
            gap = _LATIN_TAIL.sub("", gap, count=1)
        return last if self.words.filler.fullmatch(gap) else None

    def _strip(self, phrase: str) -> str:
        phrase = _LEADING.sub("", phrase)
        return self.words.filler_lead.sub("", phrase)

    def _core(self, phrase: str) -> str:
        """The phrase without what may stand between a speaker and its cue at its end."""
        for cut in range(len(phrase) + 1):
            if self.words.filler.fullmatch(phrase, cut):
                return phrase[:cut]
        return phrase

    def _unnamed(self, phrase: str) -> bool:
        """有业内人士, 一位淘宝电商相关中层…: someone speaks, unnamed."""
        core = self._core(phrase)
        if core.endswith(self.words.unnamed) or core.removesuffix("们").endswith(self.words.unnamed):
            return True
        return core.startswith(self.words.unnamed_openers) and any(w in core for w in self.words.unnamed)

    def _pronoun(self, phrase: str) -> frozenset[EntityType] | None:
        for word, types in self.words.pronouns:
            if phrase.startswith(word):
                if word == "其" and phrase[1:2] in ("中", "实", "他", "余", "次", "它"):
                    return None
                return types
        return None

    def resolve(self, para_index: int, at: int, types: frozenset[EntityType]) -> str | None:
        """The subject of the last sentence before ``at`` (in this paragraph, else the one
        before) that names an entity of ``types``: the one it names, or when it names several the
        one that opens it; None when none opens it or the first two are a pair (张三和李四)."""
        for index in (para_index, para_index - 1):
            if index < 0:
                return None
            para = self.paragraphs[index]
            last = self._last_before(para, min(at, para.end), types)
            if last is None:
                continue
            sentence_start = last.start
            while sentence_start > para.start and self.text[sentence_start - 1] not in _SENTENCE_END:
                sentence_start -= 1
            same = [m for m in para.mentions_between(sentence_start, last.end) if m.type in types]
            if len({m.entity for m in same}) == 1:
                return last.entity
            first, second = same[0], same[1]
            if self.text[first.end:second.start] in ("和", "与", "及", "、", "跟", "同"):
                return None  # 张三和李四…。他表示: either of them
            return first.entity if first.start - sentence_start <= _SUBJECT_REACH else None
        return None

    def _last_before(self, para: _Paragraph, at: int, types: frozenset[EntityType]) -> Mention | None:
        i = bisect.bisect_left(self.starts, at) - 1
        while i >= 0 and self.mentions[i].start >= para.start:
            m = self.mentions[i]
            if m.type in types and m.end <= at:
                return m
            i -= 1
        return None

    def speaker(self, para_index: int, start: int, cue_start: int, cue_end: int) -> tuple[bool, str | None]:
        """(whether the words before the cue make someone the speaker, that someone's name)."""
        para = self.paragraphs[para_index]
        named = self._named_before(para, start, cue_start)
        phrase = self._strip(self.text[start:cue_start])
        if phrase.startswith(self.words.addressee_openers):
            return False, None  # 向投资者们指出…: who was told, not who spoke
        if named is not None:
            return True, named.entity
        if phrase.startswith(self.words.sourcing):
            return False, None
        if self._unnamed(phrase):
            return True, None
        types = self._pronoun(phrase)
        if types is not None:
            return True, self.resolve(para_index, start, types)
        if self._core(phrase) or start <= para.start or self.text[start - 1] != "，":
            return False, None
        if self.text[cue_start:cue_end] not in self.words.after_comma:
            return False, None
        # 招商证券也连发两条风险提示公告，称…: the cue's subject is the previous clause's.
        return self._subject_of(para_index, para.clause_start(start - 1, _CLAUSE_END), start - 1)

    def _subject_of(self, para_index: int, start: int, end: int) -> tuple[bool, str | None]:
        para = self.paragraphs[para_index]
        clause = self.text[start:end]
        stripped = self._strip(clause)
        if stripped.startswith(self.words.sourcing + self.words.addressee_openers):
            return False, None
        if stripped.startswith(self.words.unnamed_openers) and self._unnamed(stripped[:_SUBJECT_REACH]):
            return True, None  # 不少乐视股民在股吧中发言，称…
        lead = start + len(clause) - len(stripped)
        found = [m for m in para.mentions_between(start, end) if m.start - lead <= _SUBJECT_REACH]
        if found:
            return True, found[0].entity
        types = self._pronoun(stripped)
        if types is not None:
            return True, self.resolve(para_index, start, types)
        if self._unnamed(stripped[:_SUBJECT_REACH]):
            return True, None
        return False, None

    # -- the three rules -----------------------------------------------------------------------

    def forward(self, para_index: int, cue_start: int, cue_end: int, after_quote: bool) -> Quote | None:
        """X表示，“…” / X称，… / 在X看来，…"""
        para = self.paragraphs[para_index]
        text = self.text
        cue = text[cue_start:cue_end]
        start = para.clause_start(cue_start)
        frames = [a for a, b in self.words.framed if b == cue]
        if frames:
            phrase = _LEADING.sub("", text[start:cue_start])
            frame = next((a for a in sorted(frames, key=len, reverse=True) if phrase.startswith(a)), None)
            if frame is None:
                return None
            start = text.index(frame, start) + len(frame)
        known, speaker = self.speaker(para_index, start, cue_start, cue_end)
        if not known:
            return None
        at = cue_end
        if text[at:at + 1] in ("的", "了", "过", "着"):
            return None  # 提到了“声场”这个概念, 宣布的消息: what was said is not what follows
        if cue == "称" and _NAMING.match(text, at):
            return None  # 称乐视网为“3板奇迹”: a name given, not words said
        if cue in self.words.addressed:
            stop = next((i for i in range(at, min(para.end, at + 20)) if text[i] in "，：,:"), None)
            if stop is None:
                return None
            at = stop
        introduced = at < para.end and text[at] in "，：,:“"
        if after_quote and not introduced:
            return None  # “…”一位中层对记者解释阿里目前的心态: the cue's object, not a clause
        if at < para.end and text[at] in "，：,:":
            at += 1
        pair = para.pair_at(at) if at < para.end and text[at] == "“" else None
        if pair is None and not introduced:
            # 管理层表示肯定，“…”: a word of attitude, then the quotation itself
            near = _ATTITUDE.match(text, at, para.end)
            if near is not None:
                pair = para.pair_at(near.end() - 1)
        if pair is not None and pair[0] < pair[1] and self._closes_sentence(para, pair):  # “” says nothing
            return Quote(pair[0], pair[1], speaker, cue_start, cue_end)
        end = para.sentence_end(at)
        while end > at and text[end - 1] in "，；：、,;: ":
            end -= 1
        if end - at < _MIN_CLAUSE:
            return None
        return Quote(at, end, speaker, cue_start, cue_end)

    def _closes_sentence(self, para: _Paragraph, pair: tuple[int, int]) -> bool:
        after = pair[1] + 1
        return (
            after >= para.end
            or self.text[after] in "。，；！？,;.、"
            or self.text[pair[1] - 1:pair[1]] in ("。", "！", "？")
        )

    def quote_first(self, para_index: int, cues: list[tuple[int, int]]) -> dict[tuple[int, int], Quote]:
        """“…”X表示 — the quotation before its speaker."""
        para = self.paragraphs[para_index]
        found: dict[tuple[int, int], Quote] = {}
        cue_starts = [c for c, _ in cues]
        for s, e in para.pairs:
            closing = e + 1
            if e - s < _MIN_CLAUSE or self._introduced(para, s - 1, cues):
                continue
            first = bisect.bisect_left(cue_starts, closing)
            for cue_start, cue_end in cues[first:]:
                if cue_start > closing + _AFTER_QUOTE_REACH:
                    break
                between = self.text[closing:cue_start]
                if any(c in between for c in "。！？“"):
                    break
                cue = self.text[cue_start:cue_end]
                if cue not in self.words.after_quote and not self.text.startswith(("说过", "说"), cue_start):
                    continue
                start = closing + 1 if self.text[closing:closing + 1] in "，," else closing
                known, speaker = self.speaker(para_index, start, cue_start, cue_end)
                if known:
                    found[(s, e)] = Quote(s, e, speaker, cue_start, cue_end)
                break
        return found

    def _introduced(self, para: _Paragraph, opening: int, cues: list[tuple[int, int]]) -> bool:
        """A cue in the clause just before the quotation (X告诉观众：“…”) introduces it: the
        speaker after it (…”黄周说) is the next quotation's."""
        at = opening
        while at > para.start and self.text[at - 1] in "，：,: ":
            at -= 1
        if at == opening:
            return False
        start = para.clause_start(at)
        i = bisect.bisect_left(cues, (start, 0))
        return i < len(cues) and cues[i][0] < at

    def continued(self, para_index: int, pair: tuple[int, int], previous: Quote | None) -> Quote | None:
        """A quotation that is a sentence of its own continues the quote just before it."""
        if previous is None or pair[1] - pair[0] < 8:
            return None
        para = self.paragraphs[para_index]
        if previous.start < self.paragraphs[max(0, para_index - 1)].start:
            return None
        opening = pair[0] - 1
        opens = opening == para.start or self.text[opening - 1] in _SENTENCE_END + "”"
        if not opens or not self._closes_sentence(para, pair):
            return None
        return Quote(pair[0], pair[1], previous.speaker, previous.cue_start, previous.cue_end)

    def innermost(self, para: _Paragraph, quotes: list[Quote]) -> list[Quote]:
        """A report whose words hold another report's cue: when the other's speaker opens it
        (苏宁表示，田睿…透露，… / 据知情人士透露，早在去年12月，张一鸣就告诉…) only the inner one
        is kept; when it comes later (…履约制度，甚至还有消息指出…) the outer one ends before it.
        Then a quote that overlaps a shorter one kept before it is dropped."""
        result: list[Quote] = []
        cue_starts = sorted(o.cue_start for o in quotes)
        for q in quotes:
            i = bisect.bisect_left(cue_starts, q.start)
            if i < len(cue_starts) and cue_starts[i] == q.cue_start:
                i += 1  # its own cue (a quotation before its cue: “…”X表示)
            inner = cue_starts[i] if i < len(cue_starts) and cue_starts[i] < q.end else None
            if inner is not None:
                cut = para.clause_start(inner, _CLAUSE_END)
                end = cut
                while end > q.start and self.text[end - 1] in "，；：、,;: ":
                    end -= 1
                if end - q.start < _NESTED_LEAD:
                    continue
                q = Quote(q.start, end, q.speaker, q.cue_start, q.cue_end)
            result.append(q)
        kept: list[tuple[int, int]] = []  # sorted, never overlapping
        chosen: list[Quote] = []
        for q in sorted(result, key=lambda q: q.end - q.start):
            i = bisect.bisect_left(kept, (q.start, q.start))
            if (i > 0 and kept[i - 1][1] > q.start) or (i < len(kept) and kept[i][0] < q.end):
                continue
            kept.insert(i, (q.start, q.end))
            chosen.append(q)
        return chosen

    def find(self) -> tuple[Quote, ...]:
        quotes: list[Quote] = []
        for index, para in enumerate(self.paragraphs):
            if para.end <= para.start:
                continue
            cues = self.cues(para)
            first = self.quote_first(index, cues)
            used_cues = {(q.cue_start, q.cue_end) for q in first.values()}
            found = list(first.values())
            for cue_start, cue_end in cues:
                quote = self.forward(index, cue_start, cue_end, (cue_start, cue_end) in used_cues)
                if quote is not None:
                    found.append(quote)
            found = sorted(self.innermost(para, found), key=lambda q: q.start)
            spans = [(q.start, q.end) for q in found]
            added = []
            previous = quotes[-1] if quotes else None
            j = 0
            for pair in para.pairs:
                while j < len(found) and found[j].end <= pair[0]:
                    previous = found[j]
                    j += 1
                i = bisect.bisect_right(spans, (pair[0], len(self.text))) - 1
                if i >= 0 and spans[i][0] <= pair[0] < spans[i][1]:
                    continue  # inside a quote already found
                quote = self.continued(index, pair, previous)
                if quote is not None:
                    added.append(quote)
                    previous = quote
            quotes.extend(sorted((*found, *added), key=lambda q: q.start))
        return tuple(quotes)


def find_quotes(text: str, mentions: Sequence[Mention], words: QuoteWords | None = None) -> tuple[Quote, ...]:
    """Every quote in ``text``, in reading order, its speaker taken from ``mentions``."""
    return _Finder(text, mentions, words or default_quote_words()).find()
