"""The rules that find people: a byline or credit, a transliteration dot, a job title before
the name, a verb of saying after it, a quoted nickname, a name listed after a person, a name
jieba tags again and again. Each is a function of the ``Rules`` (the word lists and their
patterns) and the ``Scan`` it adds its candidates to; ``rules._RULES`` lists them."""

from __future__ import annotations

import re

from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from reader.analysis.model import EntityType
from reader.analysis.person_names import (
    name_ending_at,
    name_of,
    name_starting_at,
    person_name_ok,
)
from reader.analysis.rule_scan import STRONG, Scan
from reader.analysis.rule_words import RuleWords
from reader.analysis.segment import Token
from reader.text import is_cjk

if TYPE_CHECKING:
    from reader.analysis.rules import Rules

_PERSON = EntityType.PERSON


def byline(rules: Rules, scan: Scan) -> None:
    """Bylines and credits: "文 | 房宫一柳", "编辑：黄俊杰、王二", "（腾讯科技审校/金鹿）", and, once the cleaner has
    joined them, "文｜陈思远编辑｜宋玮", "21世纪经济报道记者林晓上海报道"."""
    text, add, words = scan.text, scan.add, rules.words
    known_ends, known_at = scan.known_ends, scan.known_at
    byline_ends: set[int] = set()
    for m in rules.byline_label.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else "\n"
        if not (
            before.isspace()
            or before in "（([【|｜*>#，,；;"
            or m.start() in known_ends
            or m.start() in byline_ends
        ):
            continue
        bare = m.group(2) is None
        if bare and m.group(1) not in words.byline_labels_bare:
            continue
        names = []
        found = _byline_name(rules, text, m.end(), known_at, bare)
        while found is not None:
            names.append(found)
            more = rules.byline_more.match(text, found[0] + len(found[1]))
            found = (more.start(1), more.group(1)) if more else None
        pen = not bare and m.group(1) in _PEN_NAME_LABELS
        for k, (start, name) in enumerate(names):
            # a pen name signs first; the names after it need a surname (作者：戈多，头图来自：…)
            if not _byline_name_ok(words, name, pen and k == 0) or start in known_at:
                continue
            if name in words.titles or name in words.byline_labels:
                continue
            byline_ends.add(start + len(name))
            add(start, start + len(name), _PERSON, "byline", STRONG)


# Labels after which a writer signs with any name: 作者：戈多, 作者：禄存 (pen names need no surname;
# a photo credit's agency comes after 图源 or 来源, not these).
_PEN_NAME_LABELS = frozenset(("作者", "撰文", "撰稿"))  # not 文: 文 | 视觉中国 credits a picture agency

# A writer signing in Latin letters: 作者：Amber
_LATIN_PEN_NAME = re.compile(
    rf"(?<![\u4e00-\u9fff])(?:{'|'.join(sorted(_PEN_NAME_LABELS))})\s*[:：]\s*([A-Z][a-z]{{2,15}})(?=\s*(?:[，,。；;）)|｜]|$))",
    re.MULTILINE,
)


def latin_pen_names(rules: Rules, scan: Scan) -> None:
    """A writer who signs in Latin letters after 作者：(作者：Amber)."""
    for m in _LATIN_PEN_NAME.finditer(scan.text):
        if not rules.words.is_stopword(m.group(1)):
            scan.add(m.start(1), m.end(1), _PERSON, "byline-latin", STRONG)


def _byline_name_ok(words: RuleWords, name: str, pen: bool = False) -> bool:
    """A credited name: a full name, or a four-character pen name led by a surname
    (房宫一柳), or after 作者： any name (a pen name: 戈多). Agencies in photo credits (视觉中国)
    are not surname-led."""
    if words.is_stopword(name):
        return False
    if pen:
        return True
    surname = words.surname_of(name)
    if surname is None:
        if len(name) != 4 or name[0] not in words.surnames:
            return False
        surname = name[0]
    return words.given_name_ok(name[len(surname):])


def _byline_name(
    rules: Rules, text: str, pos: int, known_at: dict[int, int], bare: bool
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
        if text.startswith("报道", end) or rules.label_at.match(text, end):
            return pos, text[pos:end]
        place_end = known_at.get(end)
        if place_end is not None and (
            text.startswith("报道", place_end)
            or place_end == n
            or not is_cjk(text[place_end])
        ):
            return pos, text[pos:end]
    return None


def transliterated(rules: Rules, scan: Scan) -> None:
    """Transliterated foreign names: 肖恩·杨, 迈克尔·诺里斯."""
    text, add = scan.text, scan.add
    chars = rules.words.translit_chars
    for m in rules.dotted.finditer(text):
        parts = rules.dot.split(m.group(0))
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
            add(start, end, _PERSON, "transliterated", STRONG)


def job_title(rules: Rules, scan: Scan) -> None:
    """Job title before a name: "创始人雷军", "CEO张楠", "主播毛毛"."""
    text, tokens, add, words = scan.text, scan.tokens, scan.add, rules.words
    for i, tok in enumerate(tokens):
        if i + 1 >= len(tokens) or tokens[i + 1].start != tok.end:
            continue
        if tok.word[-1] not in rules.title_last or not rules.title_end.search(tok.word):
            continue
        found = name_starting_at(scan, tok.end)
        if found:
            add(tok.end, found[0], _PERSON, "title", STRONG)
        elif i + 3 < len(tokens) and rules.office_end.search(tok.word):
            # An office, a surname, an ordinary word, then a verb or clause word: the word
            # is a given name (董事长魏|建军|在, 主管合伙人汪|建华|预计).
            surname, given, after = tokens[i + 1], tokens[i + 2], tokens[i + 3]
            if (
                surname.word in words.surnames
                and surname.end == given.start
                and given.end == after.start
                and 1 <= len(given.word) <= 2
                and all(is_cjk(c) for c in given.word)
                and words.given_name_ok(given.word)
                and not words.is_stopword(surname.word + given.word)
                and any(text.startswith(w, after.start) for w in rules.clause_words)
            ):
                add(surname.start, given.end, _PERSON, "office", STRONG)


def listed(rules: Rules, scan: Scan) -> None:
    """A name listed right after a person, with the same surname or a full name jieba tags as one:
    "张红超、张红甫兄弟"."""
    tokens = scan.tokens
    for i in range(1, len(tokens) - 1):
        prev, comma = tokens[i - 1], tokens[i]
        if comma.word != "、" or not prev.flag.startswith("nr") or len(prev.word) != 3:
            continue
        surname = rules.words.surname_of(prev.word)
        found = name_starting_at(scan, comma.end)
        if surname is not None and found and found[1].startswith(surname):
            scan.add(comma.end, found[0], _PERSON, "listed", STRONG)


# How an article addresses someone it does not name in full: 李师傅, 王女士, 蓝总, 丁老师.
_ADDRESS = ("先生", "女士", "小姐", "师傅", "老师", "总")
_ADDRESSES = re.compile("|".join(_ADDRESS))
_NOT_A_SURNAME_TAGS = frozenset("pcurdv")  # 向|老师 (to the teacher), 和|老师


def addressed(rules: Rules, scan: Scan) -> None:
    """A surname and a form of address, whole tokens, written twice or before a verb of
    saying: "来自安徽的李师傅……和李师傅一样", "蓝总透露". Not 提高|总额 nor 高|总监 (the address
    is part of a longer word), nor 向|老师 (a preposition)."""
    text, words = scan.text, rules.words
    for m in _ADDRESSES.finditer(text):  # the address first: far fewer than the tokens
        at = m.start()
        i = scan.by_start.get(at - 2) if text[at - 2 : at] in words.compound_surnames else None
        i = scan.by_start.get(at - 1) if i is None else i
        if i is None:
            continue
        tok = scan.tokens[i]
        surname = tok.word[:2] if tok.word[:2] in words.compound_surnames else tok.word[:1]
        if tok.start + len(surname) != at or (surname not in words.surnames and surname not in words.compound_surnames):
            continue
        if tok.word == surname and tok.flag[:1] in _NOT_A_SURNAME_TAGS:
            continue
        end = m.end()
        said = rules.speech_at.match(text, end) is not None  # 张总说 may be one token
        if not (said or end in scan.by_end or end == len(text)):
            continue
        if said or text.count(text[tok.start:end]) >= 2:
            scan.add(tok.start, end, _PERSON, "addressed", STRONG)


def speech(rules: Rules, scan: Scan) -> None:
    """Verb of saying after a name: "黄周说", "张三表示"; "黄周（音译）"."""
    text, tokens, add = scan.text, scan.tokens, scan.add
    is_word, by_start = scan.is_word, scan.by_start
    starts = [t.start for t in tokens]
    glued_seen: set[int] = set()  # tokens already read as a name with a verb glued on
    for m in rules.speech_at.finditer(text):
        cue = m.start()
        i = by_start.get(cue)
        if i is not None:
            if i == 0 or tokens[i - 1].end == cue:
                glued_seen.add(i)
                found = name_ending_at(scan, cue)
                if found:
                    add(found[0], cue, _PERSON, "speech", STRONG)
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
        found = name_of(rules.words, [*tokens[max(0, i - 2):i], head], is_word, last=True)
        if found:
            add(found[0], cue, _PERSON, "speech", STRONG)
    for m in rules.transliterated_note.finditer(text):
        found = name_ending_at(scan, m.start())
        if found:
            add(found[0], m.start(), _PERSON, "transliterated-note", STRONG)


def nickname(rules: Rules, scan: Scan) -> None:
    """A quoted nickname right before a name: “湘野红姐”龚红玉. Not a quoted product before
    the noun it names (“千里浩瀚”智驾系统): the "name" runs into a noun."""
    for m in rules.quoted.finditer(scan.text):
        found = name_starting_at(scan, m.end())
        if found and not _runs_into_a_noun(scan, found[0], rules.words.quoted_product_nouns) and _read_as_a_name(scan, m.end()):
            scan.add(m.end(), found[0], _PERSON, "nickname", STRONG)


def _read_as_a_name(scan: Scan, start: int) -> bool:
    """Whether jieba reads a person's name, or a surname, at ``start``: a noun after a quoted
    word (「Keep」官网, the website) is no name the quote gives a nickname."""
    i = scan.by_start.get(start)
    return i is not None and (scan.tokens[i].flag.startswith("nr") or len(scan.tokens[i].word) == 1)


def _runs_into_a_noun(scan: Scan, end: int, nouns: frozenset[str]) -> bool:
    i = scan.by_start.get(end)
    if i is None:
        return False
    return scan.tokens[i].word in nouns




def repeated(rules: Rules, scan: Scan) -> None:
    """A full name jieba tags as a person again and again (3+ times, 3+ characters)."""
    tokens = scan.tokens
    counts = Counter(t.word for t in tokens if t.flag.startswith("nr") and len(t.word) >= 3)
    names = {word for word, n in counts.items() if n >= 3}
    for tok in tokens:
        if tok.word in names and person_name_ok(rules.words, tok.word, tok.flag, scan.is_word):
            scan.add(tok.start, tok.end, _PERSON, "repeated", STRONG)
