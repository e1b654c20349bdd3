"""Rules that find names the gazetteer does not know, each only where the text gives evidence.

Every rule yields ``Candidate`` records with a strength; the recogniser accepts a surface once
its evidence in one article adds up (see ``ACCEPT``). Precision comes first: a rule fires on a
*cue* in the text (a byline label, a job title, a verb of saying, a gloss in brackets, a
transliteration dot), never on a jieba tag alone. The word lists are in ``resources/entities``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader.analysis.model import EntityType
from reader.analysis.rule_words import RuleWords, alternation
from reader.analysis.segment import Token
from reader.text import is_cjk

ACCEPT = 2  # total strength a surface needs in one article to become an entity
STRONG = 2
WEAK = 1

_CJK = "\u4e00-\u9fff"
_DOTS = "·•‧・･"


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


class _Scan:
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


@dataclass(frozen=True, slots=True)
class AliasLink:
    """``text[start:end]`` (``alias``) is another name of the entity named ``target``."""

    start: int
    end: int
    alias: str
    target: str


# jieba tags that never start an organisation's head: pronouns, numerals, measure words,
# adverbs, prepositions, conjunctions, particles, locatives, times, adjectives (该|科技, 一家|科技,
# 海外|基金, 知名|资本).
_FUNCTION_TAGS = frozenset("rmqdpcufsta")


def _find_all(text: str, word: str) -> list[int]:
    out = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _is_latin_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class Rules:
    """All unknown-name rules over one normalised text and its jieba tokens."""

    def __init__(self, words: RuleWords) -> None:
        self.words = words
        labels = alternation(words.byline_labels)
        # The separator may be gone: the cleaner joins "记者 钱童心" to 记者钱童心.
        self._byline = re.compile(rf"({labels})(\s*[|｜丨/／:：]\s*|[ \t]+)?(?=[{_CJK}])")
        self._labels_at = re.compile(rf"(?:{labels})")
        self._registered = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)")
        self._byline_more = re.compile(rf"\s*[、，,]\s*([{_CJK}]{{2,4}})(?![{_CJK}])")
        # Bounded runs around each dot: an unbounded [CJK]+ before a dot backtracks over a long
        # undotted run from every start (quadratic); a transliterated part is a few characters.
        self._dotted = re.compile(rf"[{_CJK}]{{1,12}}(?:[{_DOTS}][{_CJK}]{{1,12}})+")
        self._gloss = re.compile(
            r"\s*[（(]\s*([A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,3})\s*[)）]"
        )
        self._account = re.compile(
            rf"({alternation(words.account_words)})\s*[“「\"]([^”」\"“「，。、：；！？,.;:!?\n]{{2,12}})[”」\"]"
        ) if words.account_words else re.compile(r"(?!)")
        heads = alternation(words.product_heads) if words.product_heads else "(?!)"
        self._product = re.compile(
            rf"(?<![{_CJK}A-Za-z0-9])([{_CJK}]{{2,3}}|[A-Za-z][A-Za-z0-9]{{1,7}})({heads})"
            r"|(?<![A-Za-z0-9])([A-Z][A-Za-z0-9]{1,15}|[\u4e00-\u9fff]{2,4})\s?(?:App|APP|app|小程序)(?![A-Za-z])"
        )
        self._quoted = re.compile(r"[“「]([^”」“「\s，。、：；！？,.;:!?]{2,8})[”」]")
        self._transliterated_note = re.compile(r"\s*[（(]\s*音译\s*[)）]")
        org_words = alternation(words.latin_org_words)
        self._latin_org = re.compile(
            rf"(?<![A-Za-z0-9])((?:[A-Z][A-Za-z&'.\-]*\s+){{1,5}}(?:{org_words}))(?![A-Za-z0-9])"
        )
        self._latin_name = re.compile(
            r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&'+\-]*[a-z][A-Za-z0-9&'+\-]*"
            r"(?:\s[A-Z][A-Za-z0-9&'+\-]*)*)(?![A-Za-z0-9])"
        )
        self._title_re = re.compile(rf"(?:{alternation(words.titles)})$")
        # Cheap prefilters for the token loops, which see ~1,300 tokens an article: a token
        # can only end with a title if it ends with a title's last character, and the
        # lookaheads give every position where a verb of saying or an organisation suffix
        # starts (overlapping ones too) in one pass over the text.
        self._title_last = frozenset(t[-1] for t in words.titles)
        self._speech_at = re.compile(rf"(?=(?:{alternation(words.speech_verbs)}))")
        self._suffix_at = re.compile(rf"(?=(?:{alternation(words.org_suffixes)}))")
        self._descriptor_before = re.compile(rf"(?:{alternation(words.descriptors)})$")
        self._descriptor_after = re.compile(alternation(words.descriptors))
        self._title_after = re.compile(rf"的?(?:{alternation(words.titles)})")
        self._office_after = re.compile(rf"(?:{alternation(words.office_titles)})")
        self._office_re = re.compile(rf"(?:{alternation(words.office_titles)})$")
        self._clause_words = (*words.speech_verbs, *words.surname_followers, "在", "于", "，", "。")

    # -- helpers -----------------------------------------------------------------------------

    def person_name_ok(self, name: str, flag: str | None, is_word: Callable[[str], bool]) -> bool:
        """A plausible Chinese full name: known surname, 2–3 characters (3–4 with a compound
        surname), tagged as a name by jieba or unknown to its dictionary, not a stop word."""
        surname = self.words.surname_of(name)
        if surname is None or self.words.is_stopword(name):
            return False
        if not self.words.given_name_ok(name[len(surname):]):
            return False
        if flag is not None and flag.startswith("nr"):
            return True
        return not is_word(name)

    def byline_name_ok(self, name: str) -> bool:
        """A credited name: a full name, or a four-character pen name led by a surname
        (房宫一柳). Agencies in photo credits (视觉中国) are not surname-led."""
        if self.words.is_stopword(name):
            return False
        surname = self.words.surname_of(name)
        if surname is None:
            if len(name) != 4 or name[0] not in self.words.surnames:
                return False
            surname = name[0]
        return self.words.given_name_ok(name[len(surname):])

    def _byline_name(
        self, text: str, pos: int, known_at: dict[int, int], bare: bool
    ) -> tuple[int, str] | None:
        """The shortest 2–4 character name at ``pos`` that ends where a byline may end: at a
        line end or punctuation, before another credit label, before 报道, or before a place
        the gazetteer knows followed by 报道 (记者林晓|上海|报道). With the separator gone
        (``bare``) punctuation alone is not enough evidence unless the line ends there."""
        n = len(text)
        for length in (2, 3, 4):
            end = pos + length
            if end > n or not all(is_cjk(c) for c in text[pos:end]):
                return None
            if end == n or text[end] in "\n\r":
                return pos, text[pos:end]
            after = text[end]
            if not is_cjk(after):
                if not bare or after.isspace() or after in "）)】|｜":
                    return pos, text[pos:end]
                continue
            if text.startswith("报道", end) or self._labels_at.match(text, end):
                return pos, text[pos:end]
            place_end = known_at.get(end)
            if place_end is not None and (
                text.startswith("报道", place_end)
                or place_end == n
                or not is_cjk(text[place_end])
            ):
                return pos, text[pos:end]
        return None

    def _joinable(self, first: Token, second: Token, is_word: Callable[[str], bool]) -> bool:
        """jieba split a name as surname + given name (黄|周): the first part is the surname,
        the second a single character or a name-like token, never an ordinary word (粉丝)."""
        if len(first.word) == 2 and first.word[0] in self.words.surnames and len(second.word) == 1:
            return self.words.given_name_ok(first.word[1] + second.word)  # 李俊|峰
        if first.word not in self.words.surnames and first.word not in self.words.compound_surnames:
            return False
        given = second.word
        if len(given) == 1:
            return True
        return len(given) == 2 and (second.flag.startswith("nr") or not is_word(given))

    def _name_ending_at(self, tokens: Sequence[Token], by_end: dict[int, int], pos: int,
                        is_word: Callable[[str], bool]) -> tuple[int, str] | None:
        i = by_end.get(pos)
        if i is None:
            return None
        return self._name_of(tokens[max(0, i - 2):i + 1], is_word, last=True)

    def _name_starting_at(self, tokens: Sequence[Token], by_start: dict[int, int], pos: int,
                          is_word: Callable[[str], bool]) -> tuple[int, str] | None:
        i = by_start.get(pos)
        if i is None:
            return None
        found = self._name_of(tokens[i:i + 3], is_word, last=False)
        return (found[0] + len(found[1]), found[1]) if found is not None else None

    def _name_of(self, run: Sequence[Token], is_word: Callable[[str], bool],
                 last: bool) -> tuple[int, str] | None:
        """The name made of the token at the end (``last``) or the start of ``run``, alone or
        joined with its neighbours as jieba split it: 黄|周, 李俊|峰, 王|莆|中 (a surname and
        two single characters). Returns the name's start and text. Before a cue (``last``) the
        shortest join wins, so 和|黄|周 stays 黄周; after one, the longest, so 王|莆|中 is not
        cut to 王莆: the cue fixes only one end of the name."""
        tokens = list(run) if not last else list(reversed(run))
        tok = tokens[0]
        if self.person_name_ok(tok.word, tok.flag, is_word):
            if not last and len(tok.word) == 2 and len(tokens) > 1:
                # After a cue the longest reading wins: 张红|莆 is 张红莆, not 张红.
                nxt = tokens[1]
                joined = tok.word + nxt.word
                if (
                    nxt.start == tok.end
                    and len(nxt.word) == 1
                    and is_cjk(nxt.word)
                    and self.words.given_name_ok(joined[1:])
                    and not is_word(joined)
                    and nxt.flag not in ("p", "c", "u", "uj", "d", "v", "r")
                ):
                    return tok.start, joined
            return tok.start, tok.word
        found = None
        parts = [tok]
        for other in tokens[1:]:
            parts.insert(0 if last else len(parts), other)
            if any(a.end != b.start for a, b in zip(parts, parts[1:])):
                break
            joined = "".join(t.word for t in parts)
            if len(parts) == 2:
                ok = self._joinable(parts[0], parts[1], is_word)
            else:
                ok = parts[0].word in self.words.surnames and all(len(t.word) == 1 for t in parts)
            if ok and self.person_name_ok(joined, None, is_word):
                found = parts[0].start, joined
                if last:
                    break
        return found

    # -- the rules -------------------------------------------------------------------------

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
        scan = _Scan(self.words, text, tokens, sorted(known), is_word, title)
        for rule in _RULES:
            rule(self, scan)
        return scan.out

    def _byline(self, scan: _Scan) -> None:
        """Bylines and credits: "文 | 房宫一柳", "编辑：黄俊杰、王二", "（腾讯科技审校/金鹿）", and, once the cleaner has
        joined them, "文｜陈思远编辑｜宋玮", "21世纪经济报道记者林晓上海报道"."""
        text, add = scan.text, scan.add
        person = EntityType.PERSON
        known_ends, known_at = scan.known_ends, scan.known_at
        byline_ends: set[int] = set()
        for m in self._byline.finditer(text):
            before = text[m.start() - 1] if m.start() > 0 else "\n"
            if not (
                before.isspace()
                or before in "（([【|｜*>#，,；;"
                or m.start() in known_ends
                or m.start() in byline_ends
            ):
                continue
            bare = m.group(2) is None
            if bare and m.group(1) not in self.words.byline_labels_bare:
                continue
            names = []
            found = self._byline_name(text, m.end(), known_at, bare)
            while found is not None:
                names.append(found)
                more = self._byline_more.match(text, found[0] + len(found[1]))
                found = (more.start(1), more.group(1)) if more else None
            for start, name in names:
                if not self.byline_name_ok(name):
                    continue
                if name in self.words.titles or name in self.words.byline_labels:
                    continue
                byline_ends.add(start + len(name))
                add(start, start + len(name), person, "byline", STRONG)

    def _transliterated(self, scan: _Scan) -> None:
        """Transliterated foreign names: 肖恩·杨, 迈克尔·诺里斯."""
        text, add = scan.text, scan.add
        person = EntityType.PERSON
        chars = self.words.translit_chars
        for m in self._dotted.finditer(text):
            parts = re.split(f"[{_DOTS}]", m.group(0))
            first = parts[0]
            k = len(first)
            while k > 0 and first[k - 1] in chars and len(first) - k < 5:
                k -= 1
            head = first[k:]
            last = parts[-1]
            n = 0
            while n < len(last) and last[n] in chars and n < 6:
                n += 1
            tail = last[:n]
            middle = parts[1:-1]
            if not head or not tail or any(not all(c in chars for c in p) for p in middle):
                continue
            start = m.start() + k
            end = m.end() - (len(last) - n)
            if end - start >= 4:  # at least 3 letters plus the dot
                add(start, end, person, "transliterated", STRONG)

    def _title(self, scan: _Scan) -> None:
        """Job title before a name: "创始人雷军", "CEO张楠", "主播毛毛"."""
        text, tokens = scan.text, scan.tokens
        add, is_word, by_start = scan.add, scan.is_word, scan.by_start
        person = EntityType.PERSON
        for i, tok in enumerate(tokens):
            if i + 1 >= len(tokens) or tokens[i + 1].start != tok.end:
                continue
            if tok.word[-1] not in self._title_last or not self._title_re.search(tok.word):
                continue
            found = self._name_starting_at(tokens, by_start, tok.end, is_word)
            if found:
                add(tok.end, found[0], person, "title", STRONG)
            elif i + 3 < len(tokens) and self._office_re.search(tok.word):
                # An office, a surname, an ordinary word, then a verb or clause word: the word
                # is a given name (董事长魏|建军|在, 主管合伙人汪|建华|预计).
                surname, given, after = tokens[i + 1], tokens[i + 2], tokens[i + 3]
                if (
                    surname.word in self.words.surnames
                    and surname.end == given.start
                    and given.end == after.start
                    and 1 <= len(given.word) <= 2
                    and all(is_cjk(c) for c in given.word)
                    and self.words.given_name_ok(given.word)
                    and not self.words.is_stopword(surname.word + given.word)
                    and any(text.startswith(w, after.start) for w in self._clause_words)
                ):
                    add(surname.start, given.end, person, "office", STRONG)

    def _listed(self, scan: _Scan) -> None:
        """A name listed right after a person, with the same surname or a full name jieba tags as one:
        "张红超、张红甫兄弟"."""
        tokens, add, is_word, by_start = scan.tokens, scan.add, scan.is_word, scan.by_start
        person = EntityType.PERSON
        for i in range(1, len(tokens) - 1):
            prev, comma = tokens[i - 1], tokens[i]
            if comma.word != "、" or not prev.flag.startswith("nr") or len(prev.word) != 3:
                continue
            surname = self.words.surname_of(prev.word)
            found = self._name_starting_at(tokens, by_start, comma.end, is_word)
            if surname is not None and found and found[1].startswith(surname):
                add(comma.end, found[0], person, "listed", STRONG)

    def _descriptor_cjk(self, scan: _Scan) -> None:
        """A name right after a descriptor, as one token jieba reads as a name, and ending at a clause
        boundary: "自动驾驶公司希迪智驾等". Persons (three characters with a surname) are left to the
        person rules."""
        text, tokens, add = scan.text, scan.tokens, scan.add
        for i in range(1, len(tokens) - 1):
            tok = tokens[i]
            if not (3 <= len(tok.word) <= 6) or tok.flag[:2] not in ("nr", "nt", "nz"):
                continue
            before = self._descriptor_before.search(text, max(0, tok.start - 6), tok.start)
            if before is None or tokens[i - 1].end != tok.start:
                continue
            if not all(is_cjk(c) for c in tok.word) or self.words.surname_of(tok.word):
                continue
            if text[tok.end] in "等、，。；：的是也在和与（(" :
                add(tok.start, tok.end, self.words.descriptors[before.group(0)],
                    "descriptor-cjk", STRONG)

    def _speech(self, scan: _Scan) -> None:
        """Verb of saying after a name: "黄周说", "张三表示"; "黄周（音译）"."""
        text, tokens, add = scan.text, scan.tokens, scan.add
        is_word, by_start, by_end = scan.is_word, scan.by_start, scan.by_end
        person = EntityType.PERSON
        starts = [t.start for t in tokens]
        glued_seen: set[int] = set()  # tokens already read as a name with a verb glued on
        for m in self._speech_at.finditer(text):
            cue = m.start()
            i = by_start.get(cue)
            if i is not None:
                if i == 0 or tokens[i - 1].end == cue:
                    glued_seen.add(i)
                    found = self._name_ending_at(tokens, by_end, cue, is_word)
                    if found:
                        add(found[0], cue, person, "speech", STRONG)
                continue
            # jieba's HMM glued the verb to an unknown name (黄周称, 黄|周称): the name is the
            # head of that token, alone or joined to the tokens before it.
            i = bisect_right(starts, cue) - 1
            if i < 0 or i in glued_seen or cue >= tokens[i].end:
                continue
            glued_seen.add(i)
            tok = tokens[i]
            if is_word(tok.word):
                continue
            head = Token(text[tok.start:cue], "x", tok.start, cue)
            found = self._name_of([*tokens[max(0, i - 2):i], head], is_word, last=True)
            if found:
                add(found[0], cue, person, "speech", STRONG)
        for m in self._transliterated_note.finditer(text):
            found = self._name_ending_at(tokens, by_end, m.start(), is_word)
            if found:
                add(found[0], m.start(), person, "transliterated-note", STRONG)

    def _nickname(self, scan: _Scan) -> None:
        """A quoted nickname right before a name: “湘野红姐”龚红玉."""
        text, tokens = scan.text, scan.tokens
        add, is_word, by_start = scan.add, scan.is_word, scan.by_start
        person = EntityType.PERSON
        for m in self._quoted.finditer(text):
            found = self._name_starting_at(tokens, by_start, m.end(), is_word)
            if found:
                add(m.end(), found[0], person, "nickname", STRONG)

    def _repeated(self, scan: _Scan) -> None:
        """A full name jieba tags as a person again and again (3+ times, 3+ characters)."""
        tokens, add, is_word = scan.tokens, scan.add, scan.is_word
        person = EntityType.PERSON
        counts = Counter(t.word for t in tokens if t.flag.startswith("nr") and len(t.word) >= 3)
        repeated = {word for word, n in counts.items() if n >= 3}
        for tok in tokens:
            if tok.word in repeated and self.person_name_ok(tok.word, tok.flag, is_word):
                add(tok.start, tok.end, person, "repeated", STRONG)

    def _latin_org(self, scan: _Scan) -> None:
        """Latin organisation names: "Blue Lotus Capital Advisors", "Home Shopping Network"."""
        text, add = scan.text, scan.add
        for m in self._latin_org.finditer(text):
            add(m.start(1), m.end(1), EntityType.ORG, "latin-org", STRONG)

    def _latin_descriptor(self, scan: _Scan) -> None:
        """A Latin name after or before a descriptor: "研究公司AgencyChina", "Helo应用"."""
        text, add = scan.text, scan.add
        for m in self._latin_name.finditer(text):
            name = m.group(1)
            if name.lower() in self.words.latin_stoplist or len(name) < 3:
                continue
            before = self._descriptor_before.search(text, max(0, m.start() - 6), m.start())
            after = self._descriptor_after.match(text, m.end())
            title = self._title_after.match(text, m.end())
            if before is not None:
                add(m.start(), m.end(), self.words.descriptors[before.group(0)], "descriptor",
                    STRONG)
            elif after is not None and not self._title_after.match(text, m.end()):
                add(m.start(), m.end(), self.words.descriptors[after.group(0)], "descriptor",
                    STRONG)
            elif title is not None:
                add(m.start(), m.end(), EntityType.ORG, "employer", STRONG)

    def _org_suffix(self, scan: _Scan) -> None:
        """Chinese organisation names with a distinctive head: "遥望科技", "万向集团"."""
        text, tokens = scan.text, scan.tokens
        add, is_word, by_end = scan.add, scan.is_word, scan.by_end
        suffixes = self.words.org_suffixes
        suffix_at = {m.start() for m in self._suffix_at.finditer(text)}
        for tok in tokens:
            if tok.end not in suffix_at:
                continue
            if not all(is_cjk(c) for c in tok.word) or self.words.is_stopword(tok.word):
                continue
            if len(tok.word) < 2 or tok.flag[:1] in _FUNCTION_TAGS or tok.flag == "v":
                continue
            distinctive = tok.flag in ("nt", "nz", "nrt", "j") or not is_word(tok.word)
            rest = text[tok.end:tok.end + 6]
            for suffix in suffixes:
                end = tok.end + len(suffix)
                if rest.startswith(suffix) and end in by_end:
                    # An officer right after it makes even an ordinary-word head a name:
                    # "深言科技CEO王磊表示".
                    officer = self._office_after.match(text, end)
                    if officer and tok.word not in self.words.descriptors:  # 公司|科技|创始人
                        add(tok.start, end, EntityType.ORG, "org-suffix-officer", STRONG)
                    elif distinctive:
                        add(tok.start, end, EntityType.ORG, "org-suffix", WEAK)
                    break

    def _registered(self, scan: _Scan) -> None:
        """Registered company names: place + trade name + business line + legal form (深圳市拓远电子商务有限公司).
        The trade name with the business line stripped is how the rest of the article names
        it (北京松延动力科技有限公司 … 松延动力)."""
        text, add, is_word, taken = scan.text, scan.add, scan.is_word, scan.taken
        known_at, free, out = scan.known_at, scan.free, scan.out
        for m in self._registered.finditer(text):
            run_start = m.start()
            while run_start > 0 and is_cjk(text[run_start - 1]) and m.start() - run_start < 20:
                run_start -= 1
            start = next((s for s, _e in taken if run_start <= s < m.start() - 2), None)
            if start is None:
                continue
            head = text[known_at[start]:m.start()]
            if any(run_start <= s < m.start() for s, _e in taken if s > start):
                continue  # another known name inside: a known company's legal name
            core = head
            for word in self.words.org_industry_words:
                if core.endswith(word) and len(core) > len(word):
                    core = core[: -len(word)]
                    break
            if len(core) < 2 or self.words.is_stopword(core) or core == head and is_word(core):
                continue
            elsewhere = [
                i for i in _find_all(text, core) if not start <= i < m.end() and free(i, i + len(core))
            ]
            name = core if elsewhere and not is_word(core) else ""
            surface = text[start:m.end()]
            if not self.words.is_stopword(surface):  # the place inside it is part of the name
                out.append(Candidate(start, m.end(), surface, EntityType.ORG, "registered",
                                     STRONG, name))
            for i in elsewhere if name else ():
                add(i, i + len(core), EntityType.ORG, "registered-short", STRONG)

    def glosses(self, text: str, spans: Iterable[tuple[int, int, str, EntityType]]) -> list[AliasLink]:
        """An English gloss in brackets after a name: 肖恩·杨(Shawn Yang), 康泽宇（Bob）."""
        links: list[AliasLink] = []
        for _start, end, name, _etype in spans:
            m = self._gloss.match(text, end)
            if m is None:
                continue
            latin = m.group(1)
            if latin.lower() in self.words.latin_stoplist or self.words.is_stopword(latin):
                continue
            if latin.isupper() and len(latin) <= 5:  # (AI), (CEO): an abbreviation, not a name
                continue
            links.append(AliasLink(m.start(1), m.end(1), latin, name))
        return links

    def _accounts(self, scan: _Scan) -> None:
        """The quoted name after an account or app word: 微信公众号“不二研究”, 小程序“美团优选”."""
        for m in self._account.finditer(scan.text):
            name = m.group(2).strip()
            if len(name) >= 2:
                # a personal account under a person's name (账号“田姥姥”), else an account or app
                kind = EntityType.PERSON if self.words.surname_of(name) else EntityType.PRODUCT
                scan.add(m.start(2), m.start(2) + len(name), kind, "account", STRONG)

    def _products(self, scan: _Scan) -> None:
        """Apps and services named by what they do: 曹操出行, T3出行, 叮咚买菜, Keep App, 得到App.
        A brand that is a common word (绿色出行, 共享出行) is no name; one that is (曹操, 得到)
        before App is only weak evidence."""
        for m in self._product.finditer(scan.text):
            if m.group(1) is not None:
                brand, end = m.group(1), m.end(2)
                aligned = m.start(1) in scan.by_start and m.start(2) in scan.by_start
                if not aligned or brand[0] in _PREPOSITIONS or _common(scan, brand):
                    continue  # 在同城|货运, 绿色出行
                scan.add(m.start(1), end, EntityType.PRODUCT, "product", STRONG)
            else:
                start, end = m.start(3), m.end(3)
                if not m.group(3).isascii():  # 也可以用得到App: the shortest whole word before App
                    start = next((s for s in range(end - 2, start - 1, -1) if s in scan.by_start), -1)
                    if start < 0:
                        continue
                brand = scan.text[start:end]
                strength = WEAK if _common(scan, brand) else STRONG
                scan.add(start, end, EntityType.PRODUCT, "app", strength)

    def _latin_repeated(self, scan: _Scan) -> None:
        """Latin names the article itself vouches for: a capitalised name written twice or more
        (BitTiger, Grubhub), or once if the title names it too (「ShowMeBug」获融资)."""
        found: dict[str, list[re.Match[str]]] = {}
        for m in self._latin_name.finditer(scan.text):
            name = m.group(1)
            if len(name) < 3 or name.lower() in self.words.latin_stoplist or name.isupper():
                continue
            if len(name) <= 5 and sum(c.isupper() for c in name) >= 2:
                continue  # IoT, SaaS, AIoT: terms written like acronyms, not names
            found.setdefault(name, []).append(m)
        in_title = {m.group(1) for m in self._latin_name.finditer(scan.title)} if scan.title else set()
        for name, matches in found.items():
            strength = STRONG if name in in_title else WEAK
            for m in matches:
                scan.add(m.start(1), m.end(1), EntityType.ORG, "latin-repeat", strength)

    def nicknames(self, text: str, spans: Iterable[tuple[int, int, str, EntityType]]) -> list[AliasLink]:
        """A quoted nickname right before a person: “湘野红姐”龚红玉."""
        starts = {s: name for s, _e, name, t in spans if t is EntityType.PERSON}
        links: list[AliasLink] = []
        for m in self._quoted.finditer(text):
            target = starts.get(m.end())
            nick = m.group(1)
            if target is not None and not self.words.is_stopword(nick):
                links.append(AliasLink(m.start(1), m.end(1), nick, target))
        return links


# The unknown-name rules, in the order they run (earlier candidates win ties in strength).
_RULES: tuple[Callable[[Rules, _Scan], None], ...] = (
    Rules._byline,
    Rules._transliterated,
    Rules._title,
    Rules._listed,
    Rules._descriptor_cjk,
    Rules._speech,
    Rules._nickname,
    Rules._repeated,
    Rules._latin_org,
    Rules._latin_descriptor,
    Rules._org_suffix,
    Rules._registered,
    Rules._accounts,
    Rules._products,
    Rules._latin_repeated,
)


_PREPOSITIONS = frozenset("在当对从向把被给让为与和及")


def _common(scan: _Scan, word: str) -> bool:
    """A Chinese dictionary word other than a name (绿色, 共享, 智慧), or a Latin stop word."""
    if word.isascii():
        return word.lower() in scan.words.latin_stoplist
    return scan.is_word(word) and not scan.words.surname_of(word)
