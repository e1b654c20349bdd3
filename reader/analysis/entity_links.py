"""Links the article itself draws between names, once the recogniser has found them: a
two-character name jieba cut short runs on (李俊|峰), a place or legal form joins a known
company (北京字节跳动, 腾讯控股) and a business-unit word makes a new one (京东物流), a bare
surname or a Latin family name stands for the one person of that name (康……, Wood), and a
name found only here that begins a longer one is its short form (快狗 → 快狗打车), and a
company named whole may be named again without its legal form (心动公司 … 心动).

Each is a function of the folded text, the hits so far and what it needs to read them
(the word lists, the dictionary); ``EntityRecognizer.recognise`` calls them in order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from reader.analysis.entity_hits import Hit, leftmost_longest, occurrences
from reader.analysis.folding import is_latin
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.model import EntityType
from reader.analysis.rule_words import RuleWords
from reader.analysis.segment import Token
from reader.text import is_cjk

_ORGISH = (EntityType.ORG, EntityType.PRODUCT)


def extend_names(
    folded: str,
    accepted: dict[str, tuple[str, EntityType]],
    words: RuleWords,
    is_word: Callable[[str], bool],
) -> dict[str, tuple[str, EntityType]]:
    """jieba cut a three-character name short (李俊|峰, 王莆|中将): when every occurrence of
    an accepted two-character name runs on with the same name-like character, the name
    is the longer one."""
    out: dict[str, tuple[str, EntityType]] = {}
    for surface, (name, etype) in accepted.items():
        if etype is EntityType.PERSON and len(surface) == 2 and surface == name:
            nexts = set()
            # 周逵|认为, 智驾|系统: the next character starts a verb of saying or another word
            word_follows = False
            start = folded.find(surface)
            while start >= 0:
                end = start + 2
                nexts.add(folded[end] if end < len(folded) else "")
                word_follows = word_follows or is_word(folded[end:end + 2]) or any(
                    folded.startswith(v, end) for v in words.speech_verbs
                )
                start = folded.find(surface, start + 1)
            if len(nexts) == 1 and not word_follows:
                (c,) = nexts
                if is_cjk(c) and words.given_name_ok(surface[1:] + c):
                    longer = surface + c
                    if not is_word(longer) and not words.is_stopword(longer):
                        surface = name = longer
        out[surface] = (name, etype)
    return out


# What follows a business-unit word used as a verb: 阿里云服务了超过100万家企业.
_ASPECT = ("了", "着", "过", "于")
# What makes a unit word a kind of thing instead: 延边农商行地产类贷款; or a line of business, not a
# company (字节跳动国际|业务, 平安好医生服务|种类, 硅谷银行医疗|健康).
_KIND = ("类", "型", "业务", "板块", "领域", "种类", "健康", "赛道")
# What a unit word may name an institute of: 复旦大学金融研究院, 同花顺金融研究中心.
_INSTITUTES = ("研究院", "研究中心", "研究所", "研究部", "实验室")
# Unit words that are also verbs, which an amount right after shows to be one.
_VERBS = frozenset(("服务", "支付", "出行", "外卖"))
_AMOUNT = re.compile(r"(?:约|近|超过|超|逾|高达|达|共|总计|累计)?\s*[0-9０-９]")


def company_names(
    folded: str,
    resolved: list[Hit],
    tokens: Sequence[Token],
    words: RuleWords,
    ignored: Callable[[str], bool],
) -> list[Hit]:
    """Organisation names built on a known one. A place written right before an
    organisation is part of its name (北京字节跳动, 广州粤泰); a legal form right after it
    too (腾讯控股); a business-unit word right after it (融创服务, 京东物流) makes a new
    organisation, with every occurrence in the article."""
    word_ends = {t.end for t in tokens}
    tokens_at = {t.start: t for t in tokens}
    out: list[Hit] = []
    units: dict[str, tuple[str, EntityType]] = {}
    for i, h in enumerate(resolved):
        nxt = resolved[i + 1] if i + 1 < len(resolved) else None
        if (
            h.type is EntityType.PLACE
            and nxt is not None
            and nxt.start == h.end
            and nxt.type is EntityType.ORG
            and not is_latin(folded[nxt.start])
        ):
            continue  # taken into the next hit below
        if h.type is EntityType.PLACE and (bank := _a_places_bank(folded, h, words)) is not None:
            units[bank] = (bank, EntityType.ORG)  # 阜新银行, 山西永济农商行: the place's own bank
        if h.type not in (EntityType.ORG, EntityType.PRODUCT):
            out.append(h)
            continue
        model = _MODEL.match(folded, h.end) if h.type is EntityType.ORG else None
        if model is not None and not ignored(name := folded[h.start : model.end()]):
            units[name] = (name, EntityType.PRODUCT)  # 威马EX6, 宝骏E200, 华为P50: a maker's model
        version = _VERSION.match(folded, h.end) if h.type is EntityType.PRODUCT and is_latin(folded[h.end - 1]) else None
        if version is not None and not ignored(surface := folded[h.start : version.end()]):
            # iPhone 11, Android 11, Oculus Quest 2: a product's generation, a product of its own
            base = h.name if is_latin(h.name[-1]) else folded[h.start : h.end]  # its Latin name, not a Chinese one it stands for
            units[surface] = (f"{base} {version.group(1)}{version.group(2)}", EntityType.PRODUCT)
        start = h.start
        if out and out[-1].type is EntityType.PLACE and out[-1].end == h.start:
            pass
        elif i and resolved[i - 1].type is EntityType.PLACE and resolved[i - 1].end == h.start:
            start = resolved[i - 1].start if h.type is EntityType.ORG else h.start
        end = h.end
        limit = nxt.start if nxt is not None else len(folded)
        legal = _first_at(folded, end, words.org_legal_forms)
        unit = _first_at(folded, end, words.org_unit_suffixes)
        if (
            unit is not None
            and h.type is EntityType.ORG
            and not folded[h.start:end].endswith(words.org_legal_forms)  # 苹果公司|视频
            and end + len(unit) <= limit
            and end + len(unit) in word_ends  # not 小米|智能手机
            and not folded.startswith(_ASPECT, end + len(unit))  # 阿里云服务了…: a verb
            and not folded.startswith(_KIND, end + len(unit))  # 该行地产类贷款: a kind of loan, no unit
            and not (unit in _VERBS and _AMOUNT.match(folded, end + len(unit)))  # 向NFL支付约21亿美元
            and not _modifies_a_noun(folded, end + len(unit), tokens_at, words)  # 银行|资本|充足率
        ):
            name = folded[h.start:end + len(unit)]
            # 复旦大学金融研究院, 同花顺金融研究中心: the unit's institute is the organisation
            name += next((w for w in _INSTITUTES if folded.startswith(w, end + len(unit))), "")
            if not words.is_stopword(name) and not ignored(name):
                units[name] = (name, EntityType.ORG)
                out.append(h)
                continue
        if legal is not None and end + len(legal) <= limit and end + len(legal) in word_ends:
            end += len(legal)
        out.append(Hit(start, end, h.name, h.type, h.ambiguous, h.rank))
    if not units:
        return out
    return leftmost_longest([*out, *occurrences(folded, units, rank=0)])


# A generation's number right after a product's Latin name, and its edition (iPhone 13 Pro Max,
# Android 11, iOS 14.5); not a figure, a date or a count written after it (iPhone 12台, Steam 2021年).
_VERSION = re.compile(
    r"[ \u00a0]?([0-9]{1,2}(?:\.[0-9])?)((?: (?:Pro|Max|Plus|Ultra|mini|SE|Lite))*)"
    r"(?![0-9A-Za-z.%％年月日号万亿千百个部台辆倍期代款条元])"
)

# A model's code right after its maker's name: letters, then digits (EX6, E200, v80, P50, Mate50);
# not a quarter, a half or a fiscal year (腾讯Q3财报, H1, FY22).
_MODEL = re.compile(r"(?![QqHh][1-4](?![0-9])|FY|fy)[A-Za-z]{1,4}[0-9]{1,4}[A-Za-z]{0,3}(?![A-Za-z0-9.])")


def _a_places_bank(folded: str, place: Hit, words: RuleWords) -> str | None:
    """The name of the bank a place's name starts (阜新银行, 延边农商行), or of a county's rural bank
    after its province (山西永济农商行); None when a sector follows (中国银行业, 银行间) or none is there."""
    at = place.end
    bank = _first_at(folded, at, words.place_banks)
    if bank is None and (county := _COUNTY.match(folded, at)) is not None:
        at = county.end()
        bank = next((b for b in words.place_banks if b != _BANK and folded.startswith(b, at)), None)
    if bank is None or folded.startswith(_SECTORS, at + len(bank)):
        return None
    return folded[place.start : at + len(bank)]


_BANK = "银行"
_COUNTY = re.compile(r"[\u4e00-\u9fff]{2}(?=农)")  # 山西|永济|农商行: a county of two characters
# After 银行, a sector or a thing of banks, not a bank's name: 银行业, 银行间市场, 银行卡, 银行账户.
_SECTORS = ("业", "间", "卡", "账", "体系", "系统", "界")


def _first_at(text: str, at: int, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` written at ``at``; one startswith over the tuple first, as most
    names are followed by none of them."""
    if not text.startswith(words, at):
        return None
    return next(w for w in words if text.startswith(w, at))


def _modifies_a_noun(folded: str, at: int, tokens_at: dict[int, Token], words: RuleWords) -> bool:
    """Whether the name of a ratio follows right at ``at`` (银行|资本|充足率, 资本|回报率): the unit
    word before it is then part of the ratio's name, not of a company's (京东物流|营收 keeps its
    unit)."""
    token = tokens_at.get(at)
    return token is not None and token.flag.startswith("n") and token.word.endswith("率")


def surname_hits(
    folded: str, resolved: Sequence[Hit], tokens: Sequence[Token], words: RuleWords
) -> list[Hit]:
    """A bare surname standing for the one person of that surname named earlier:
    "康泽宇……康此前负责国际化产品"."""
    people: dict[str, list[tuple[int, str]]] = {}
    for h in resolved:
        if h.type is EntityType.PERSON:
            surname = words.surname_of(h.name)
            if surname is not None and len(surname) == 1:
                people.setdefault(surname, []).append((h.end, h.name))
    if not people:
        return []
    # Other people of the same surname whom only jieba noticed (康辉 next to 康泽宇) make a
    # bare surname ambiguous as well.
    for t in tokens:
        if not t.flag.startswith("nr") or len(t.word) < 2:
            continue
        for surname, named in people.items():  # jieba may glue a conjunction on: 和康辉
            if surname in t.word and all(t.word != name for _, name in named):
                named.append((t.end, t.word))
    single = {t.start for t in tokens if len(t.word) == 1}
    taken = [(h.start, h.end) for h in resolved]
    followers = words.surname_followers
    hits: list[Hit] = []
    for surname, named in people.items():
        start = folded.find(surname)
        while start >= 0:
            prior = {name for end, name in named if end <= start}
            before = folded[start - 1] if start > 0 else "\n"
            if (
                len(prior) == 1
                and start in single
                and (before.isspace() or before in "。！？；，：”」、")
                and any(folded.startswith(f, start + 1) for f in followers)
                and not any(s <= start < e for s, e in taken)
            ):
                hits.append(Hit(start, start + 1, prior.pop(), EntityType.PERSON, rank=3))
            start = folded.find(surname, start + 1)
    return hits


def latin_surname_hits(folded: str, resolved: Sequence[Hit], words: RuleWords) -> list[Hit]:
    """A Latin family name standing for the one person of that name in the article:
    "Cathie Wood……Wood表示"."""
    people: dict[str, set[str]] = {}
    for h in resolved:
        if h.type is EntityType.PERSON and is_latin(h.name[0]) and " " in h.name:
            people.setdefault(h.name.rsplit(" ", 1)[1], set()).add(h.name)
    hits: list[Hit] = []
    for surname, names in people.items():
        if len(names) != 1 or len(surname) < 3 or words.is_stopword(surname):
            continue
        (name,) = names
        hits.extend(occurrences(folded, {surname: (name, EntityType.PERSON)}, rank=3))
    return hits


def short_forms(resolved: list[Hit], gazetteer: Gazetteer) -> list[Hit]:
    """A name found only in this article that begins a longer organisation or product
    named here too is its short form: 快狗 is 快狗打车, 声网 in 声网Agora. A known name
    keeps its own entity (华为 is not 华为云)."""
    names = {h.name for h in resolved if h.type in _ORGISH or is_latin(h.name[0])}
    short: dict[str, str] = {}
    for name in names:
        if len(name) < 2 or gazetteer.get(name) is not None:
            continue
        longer = [
            n for n in names
            if n != name and (n.startswith(name) or (is_latin(name[0]) and n.endswith(" " + name)))
        ]
        if len(longer) == 1:
            short[name] = longer[0]
    if not short:
        return resolved
    counts = Counter(h.name for h in resolved)
    types = {h.name: h.type for h in resolved}
    canonical = {}
    for name, long in short.items():
        # the name the article uses is the entity's: NFL (41 times) over NFL支付 (twice), read
        # where a clause ran on; 快狗打车 (60 times) over 快狗
        # (a person keeps the full name: Jason Citron, then Citron)
        chosen = name if counts[name] > counts[long] and types[long] is not EntityType.PERSON else long
        canonical[name] = canonical[long] = (chosen, types[chosen])
    return [
        Hit(h.start, h.end, *canonical[h.name], h.ambiguous, h.rank)
        if h.name in canonical
        else h
        for h in resolved
    ]


def stem_forms(folded: str, resolved: Sequence[Hit], words: RuleWords, gazetteer: Gazetteer) -> list[Hit]:
    """Where the article names a company again without the ending of its full name (心动公司 …
    心动的年收入, 哪吒汽车 … 哪吒总资产): every occurrence of the rest that no hit covers, as
    an ambiguous hit the recogniser keeps only where a sentence speaks of a company (心动 is
    also a word). The rest must be two characters or more, no stopword and no name of its
    own (上海|汽车 leaves a place, not a short form)."""
    stems: dict[str, tuple[str, EntityType]] = {}
    for h in resolved:
        if h.type is not EntityType.ORG:
            continue
        for whole in {h.name, folded[h.start : h.end]}:  # 心动公司, the article's name of 心动网络
            end = next((e for e in words.short_form_ends if whole.endswith(e)), None)
            stem = whole[: -len(end)] if end is not None else ""
            if len(stem) >= 2 and all(map(is_cjk, stem)) and not words.is_stopword(stem) and gazetteer.get(stem) is None:
                stems.setdefault(stem, (h.name, h.type))
    if not stems:
        return []
    covered = [(h.start, h.end) for h in resolved]
    return [
        Hit(h.start, h.end, h.name, h.type, ambiguous=True, rank=4)
        for h in occurrences(folded, stems, rank=4)
        if not any(s < h.end and h.start < e for s, e in covered)
    ]
