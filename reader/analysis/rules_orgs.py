"""The rules that find organisations and products in Chinese: a distinctive head before an
organisation suffix (遥望科技), a registered company name (深圳市拓远电子商务有限公司), a name
after a descriptor (自动驾驶公司希迪智驾), the quoted name of an account (公众号“不二研究”) and
an app or service named by what it does (曹操出行, 得到App). Each is a function of the
``Rules`` and the ``Scan``; ``rules._RULES`` lists them."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from reader.analysis.model import EntityType
from reader.analysis.model_spans import find_all
from reader.analysis.rule_scan import STRONG, WEAK, Candidate, Scan
from reader.analysis.segment import Token
from reader.text import is_cjk

if TYPE_CHECKING:
    from reader.analysis.rules import Rules

# jieba tags that never start an organisation's head: pronouns, numerals, measure words,
# adverbs, prepositions, conjunctions, particles, locatives, times, adjectives (该|科技, 一家|科技,
# 海外|基金, 知名|资本).
_FUNCTION_TAGS = frozenset("rmqdpcufsta")
_PREPOSITIONS = frozenset("在当对从向把被给让为与和及")
# What one dictionary word before App is when it is no brand: a verb, an attribute, an adverb (超级App).
_NOT_A_BRANDS_WORD = frozenset("vbadpcu")
# Words that carry a clause on into what follows: 公众号到小程序, 最后去小程序 (not 狼人杀App's 杀).
_RUNS_INTO = frozenset("到去来做在用把给让再又也都就还")
_PARTICLES = ("的", "地", "了", "着")  # 更多的APP, 就下载了APP: a phrase before the app, no name
_KIND_SUFFIXES = ("类", "型", "式")  # 电商类APP, 工具型App: a kind of app
_LOCATIVES = frozenset("中内上里外下")
# Tags of a character jieba leaves alone because it knows no word with it: a bound morpheme
# (g, ng, yg, vg …: 鈊|象 in 鈊象电子).
_BOUND_CHARACTER_TAGS = frozenset({"g", "ng", "yg", "vg", "ag", "tg", "dg"})


def descriptor_cjk(rules: Rules, scan: Scan) -> None:
    """A name right after a descriptor, as one token jieba reads as a name, and ending at a clause
    boundary: "自动驾驶公司希迪智驾等". Persons (three characters with a surname) are left to the
    person rules."""
    text, tokens, words = scan.text, scan.tokens, rules.words
    for i in range(1, len(tokens) - 1):
        tok = tokens[i]
        if not (3 <= len(tok.word) <= 6) or tok.flag[:2] not in ("nr", "nt", "nz"):
            continue
        at = tok.start - _dashes_before(text, tok.start)  # 分销平台——万邑链: a dash may stand between
        before = rules.descriptor_before.search(text, max(0, at - 6), at)
        if before is None or (at == tok.start and tokens[i - 1].end != tok.start):
            continue
        kind = words.descriptors[before.group(0)]
        if not all(is_cjk(c) for c in tok.word) or (words.surname_of(tok.word) and kind is not EntityType.PRODUCT):
            continue  # 投资公司张红超: a person; but no person is a platform (分销平台——万邑链)
        if text[tok.end] in "等、，。；：的是也在和与（(" :
            scan.add(tok.start, tok.end, kind, "descriptor-cjk", STRONG)


def _dashes_before(text: str, end: int) -> int:
    n = 0
    while n < 2 and end - n > 0 and text[end - n - 1] in "—－":
        n += 1
    return n


_RUN_ENDS = "等、，。；：的是也在和与（(“”\"「」 \n"


def descriptor_run(rules: Rules, scan: Scan) -> None:
    """A name jieba cut into pieces right after a descriptor, up to a figure or a clause boundary,
    when the article writes it again: 医疗互联网公司禾|连|健康7500万美元B轮融资，禾连健康投后估值….
    Not a dictionary word, not a person, and not starting with a function word or a verb."""
    text, tokens, words = scan.text, scan.tokens, rules.words
    for i in range(1, len(tokens) - 1):
        tok = tokens[i]
        if text[tok.start - 1] not in rules.descriptor_last or tokens[i - 1].end != tok.start or len(tok.word) > 2:
            continue
        before = rules.descriptor_before.search(text, max(0, tok.start - 6), tok.start)
        if before is None:
            continue
        if tok.flag[:1] in _FUNCTION_TAGS or tok.flag.startswith("v"):
            continue
        end = tok.start
        j = i
        while j < len(tokens) and end - tok.start < 6 and all(is_cjk(c) for c in tokens[j].word):
            if tokens[j].flag.startswith("v") or tokens[j].word in words.descriptors:
                break
            end, j = tokens[j].end, j + 1
        run = text[tok.start:end]
        if run[-1:] in _LOCATIVES and scan.is_word(run[:-1]):
            continue  # 游戏|市场中: a common noun and where, not a name
        titled = len(run) < 3 and (named := _titled_run(scan, tok.start, j)) is not None
        if titled:
            run, end, j = named
        if not 3 <= len(run) <= 6 or j == i + 1 or scan.is_word(run) or words.surname_of(run):
            continue
        if run.startswith(words.titles):
            continue  # 阅文集团首席执行官: an office after the company, not a name
        if end < len(text) and not (titled or text[end].isdigit() or text[end] in _RUN_ENDS):
            continue
        if text.count(run) >= 2 and not words.is_stopword(run):
            scan.add(tok.start, end, words.descriptors[before.group(0)], "descriptor-run", STRONG)


def _titled_run(scan: Scan, start: int, j: int) -> tuple[str, int, int] | None:
    """A name with a verb inside (家庭服务平台天鹅|到|家, 平台叮咚|买菜) that the title writes and the
    text repeats: the longest such run of whole tokens from ``start``, its end and next token."""
    tokens, text = scan.tokens, scan.text
    best = None
    while j < len(tokens) and tokens[j].end - start <= 6 and all(is_cjk(c) for c in tokens[j].word):
        run = text[start : tokens[j].end]
        if len(run) >= 3 and run in scan.title and text.count(run) >= _TITLED_REPEATS:
            best = (run, tokens[j].end, j + 1)
        j += 1
    return best


_TITLED_REPEATS = 3


def org_suffix(rules: Rules, scan: Scan) -> None:
    """Chinese organisation names with a distinctive head: "遥望科技", "万向集团"."""
    text, add, words = scan.text, scan.add, rules.words
    suffix_at = {m.start() for m in rules.suffix_at.finditer(text)}
    for i, tok in enumerate(scan.tokens):
        if tok.end not in suffix_at:
            continue
        if len(tok.word) == 1:
            tok = _single_characters(scan, i) or tok
        if not all(is_cjk(c) for c in tok.word) or words.is_stopword(tok.word):
            continue
        if len(tok.word) < 2 or tok.flag[:1] in _FUNCTION_TAGS or tok.flag == "v":
            continue
        distinctive = tok.flag in ("nt", "nz", "nrt", "j") or not scan.is_word(tok.word)
        rest = text[tok.end:tok.end + 6]
        for suffix in words.org_suffixes:
            end = tok.end + len(suffix)
            if rest.startswith(suffix) and end in scan.by_end:
                # An officer right after it makes even an ordinary-word head a name:
                # "深言科技CEO王磊表示".
                officer = rules.office_after.match(text, end)
                if officer and tok.word not in words.descriptors:  # 公司|科技|创始人
                    add(tok.start, end, EntityType.ORG, "org-suffix-officer", STRONG)
                elif distinctive:
                    add(tok.start, end, EntityType.ORG, "org-suffix", WEAK)
                break


def _single_characters(scan: Scan, i: int) -> Token | None:
    """A head jieba cut into single characters it reads as no word (鈊|象 before 电子), as one
    token tagged as a name part; None when the characters up to ``i`` make no such head."""
    tokens = scan.tokens
    j = i
    while j > 0 and i - j < 3 and len(tokens[j - 1].word) == 1 and tokens[j - 1].end == tokens[j].start:
        if tokens[j - 1].flag not in _BOUND_CHARACTER_TAGS or not is_cjk(tokens[j - 1].word):
            break
        j -= 1
    if j == i or any(t.flag not in _BOUND_CHARACTER_TAGS for t in tokens[j:i + 1]):
        return None
    head = scan.text[tokens[j].start:tokens[i].end]
    return None if scan.is_word(head) else Token(head, "nz", tokens[j].start, tokens[i].end)


def registered(rules: Rules, scan: Scan) -> None:
    """Registered company names: place + trade name + business line + legal form (深圳市拓远电子商务有限公司).
    The trade name with the business line stripped is how the rest of the article names
    it (北京松延动力科技有限公司 … 松延动力)."""
    text, is_word, taken, words = scan.text, scan.is_word, scan.taken, rules.words
    for m in rules.legal_form.finditer(text):
        run_start = m.start()
        while run_start > 0 and is_cjk(text[run_start - 1]) and m.start() - run_start < 20:
            run_start -= 1
        start = next((s for s, _e in taken if run_start <= s < m.start() - 2), None)
        if start is None:
            continue
        head = text[scan.known_at[start]:m.start()]
        if any(run_start <= s < m.start() for s, _e in taken if s > start):
            continue  # another known name inside: a known company's legal name
        core = head
        for word in words.org_industry_words:
            if core.endswith(word) and len(core) > len(word):
                core = core[: -len(word)]
                break
        if len(core) < 2 or words.is_stopword(core) or core == head and is_word(core):
            continue
        elsewhere = [
            i for i in find_all(text, core) if not start <= i < m.end() and scan.free(i, i + len(core))
        ]
        name = core if elsewhere and not is_word(core) else ""
        surface = text[start:m.end()]
        if not words.is_stopword(surface):  # the place inside it is part of the name
            scan.out.append(Candidate(start, m.end(), surface, EntityType.ORG, "registered", STRONG, name))
        for i in elsewhere if name else ():
            scan.add(i, i + len(core), EntityType.ORG, "registered-short", STRONG)


def registered_bare(rules: Rules, scan: Scan) -> None:
    """A registered name with no place before it (耐看娱乐控股有限公司向港交所递交招股书): the words
    back to a clause's start, a preposition or a particle; named elsewhere by those words less
    their legal forms (耐看娱乐), or less their business line too."""
    text, words = scan.text, rules.words
    ends = {t.end: i for i, t in enumerate(scan.tokens)}
    for m in rules.legal_form.finditer(text):
        i = ends.get(m.start())
        if i is None:
            continue
        j = i
        while j >= 0 and scan.tokens[j].flag[:1] not in _BEFORE_A_NAME and is_cjk(scan.tokens[j].word[0]) and m.start() - scan.tokens[j].start <= 10:
            j -= 1
        start = scan.tokens[j + 1].start if j < i else m.start()
        if m.start() - start < 2 or any(start <= s < m.end() for s, _e in scan.taken) or not scan.free(start, m.end()):
            continue
        head = text[start : m.start()]
        while (form := next((f for f in words.org_legal_forms if head.endswith(f) and len(head) - len(f) >= 3), None)) is not None:
            head = head[: -len(form)]  # 耐看娱乐控股 → 耐看娱乐
        core = next((head[: -len(w)] for w in words.org_industry_words if head.endswith(w) and len(head) - len(w) >= 2), head)
        name = next(
            (n for n in (head, core) if not scan.is_word(n) and not words.is_stopword(n) and len(find_all(text, n)) >= 2),
            "",
        )
        if not name:
            continue
        scan.out.append(Candidate(start, m.end(), text[start : m.end()], EntityType.ORG, "registered", STRONG, name))
        for at in find_all(text, name):
            if not start <= at < m.end() and scan.free(at, at + len(name)):
                scan.add(at, at + len(name), EntityType.ORG, "registered-short", STRONG)


# jieba tags that end the words of a name, going back from its legal form: prepositions,
# particles, conjunctions, pronouns, numerals, adverbs, times, punctuation (向|耐看娱乐控股有限公司).
_BEFORE_A_NAME = frozenset("pucrmdtxw")


def accounts(rules: Rules, scan: Scan) -> None:
    """The quoted name after an account or app word: 微信公众号“不二研究” (an outlet that
    publishes, an organisation), 小程序“美团优选” (an app)."""
    for m in rules.account.finditer(scan.text):
        name = m.group(2).strip()
        if len(name) >= 2:
            # an outlet (公众号“不二研究”), a personal account under a person's name (账号“田姥姥”),
            # a brand (子品牌“喜小茶”, but not 品牌“年轻化”, a word), else an account or app
            if m.group(1) in _OUTLET_ACCOUNTS:
                kind = EntityType.ORG
            elif m.group(1).endswith("品牌"):
                if scan.is_word(name) or rules.words.is_stopword(name):
                    continue
                kind = EntityType.PRODUCT
            else:
                kind = EntityType.PERSON if rules.words.surname_of(name) else EntityType.PRODUCT
            scan.add(m.start(2), m.start(2) + len(name), kind, "account", STRONG)


_OUTLET_ACCOUNTS = frozenset(("微信公众号", "公众号", "微信号"))

# A WeChat outlet's credit, its name before the account's ID: 本文来自微信公众号：电器大院（ID：
# app-neweekly）, “雷报”（ID:leinewspaper）, 经观汽车 （ID：autoeeo）.
_OUTLET_ID = re.compile(
    r"(?<![\u4e00-\u9fffA-Za-z0-9])(?:本文)?(?:来自|转载自|源自)?(?:微信公众号|公众号|微信号)?[:：]?\s*"
    r"[“「\"]?([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9·]{1,11}?)[”」\"]?"
    r"\s*[（(]\s*ID\s*[:：]\s*[A-Za-z0-9_\-.]{2,30}\s*[)）]"
    r"(?=\s*(?:[，,。；;、]|作者|$))",  # a credit, not the run of a sentence (向品牌数读（ID：…）直言道)
    re.MULTILINE,
)


def outlet_ids(rules: Rules, scan: Scan) -> None:
    """The outlet a WeChat credit names by its account ID is an organisation (the publisher),
    wherever the article names it."""
    for m in _OUTLET_ID.finditer(scan.text):
        scan.add(m.start(1), m.end(1), EntityType.ORG, "outlet-id", STRONG)


# A digest's item: a line that opens with who reports it and a colon (小牛电动：2020年营收24.4亿元,
# StatCounter：2021年2月…, 199IT大数据导航…). Three such lines make the article a digest.
_DIGEST_HEAD = re.compile(
    r"^([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9 .&’'\-]{1,15}?)\s*[:：](?=[^\n]{0,30}\d)", re.MULTILINE
)  # an item reports a figure or a year
_DIGEST_LINES = 3
_A_CAPTION = re.compile(r"(?:附?表|附?图|图表|Table|Figure|Fig\.?|Chart|第[一二三四五六七八九十\d]+[章节部分])\s*[\dA-Za-z.\-]*", re.IGNORECASE)
_LONGEST_HEAD = 10  # Chinese characters; a Latin name may be longer (Sensor Tower)
_A_TOPIC_HEAD = (
    "行业", "市场", "报告", "研究", "分析", "趋势", "洞察", "白皮书", "指数", "数据", "十年", "时代", "经济",
    "产业", "领域", "赛道", "现状", "前景", "展望", "观察", "盘点", "布局", "用户", "消费", "年",
    "导语", "概览", "一句", "总结", "摘要", "前言", "提示", "说明", "注", "按",  # an editor's note
)


def digest_heads(rules: Rules, scan: Scan) -> None:
    """The source or company that opens each item of a digest is an organisation: a name no
    dictionary holds, no credit or byline label (图源, 作者), no stop word."""
    heads = [m for m in _DIGEST_HEAD.finditer(scan.text) if not _a_label(rules, m.group(1))]
    if len(heads) < _DIGEST_LINES:
        return
    for m in heads:
        name = m.group(1).strip()
        if scan.is_word(name) or rules.words.is_stopword(name) or rules.words.surname_of(name):
            continue
        if any(c in name for c in "的之") or name.endswith(_A_TOPIC_HEAD) or sum(map(is_cjk, name)) > _LONGEST_HEAD:
            continue  # 下一个十年：…, 医疗器械行业：…, 了不起的女子力：…: a headline's topic, not who reports
        if _A_CAPTION.fullmatch(name):
            continue  # 表1：…, 图2：…: a table's or a chart's caption
        scan.add(m.start(1), m.start(1) + len(name), EntityType.ORG, "digest-head", STRONG)


def _a_label(rules: Rules, head: str) -> bool:
    """图源, 来源, 作者, 编辑: a credit's or a byline's label, not a name."""
    return rules.label_at.fullmatch(head) is not None or head.endswith(("来源", "图源", "链接", "地址", "时间", "日期"))


def quoted_before_descriptor(rules: Rules, scan: Scan) -> None:
    """A quoted name right before what it is: “红芯”公司, “镁佳”品牌. Not a person's name."""
    text, words = scan.text, rules.words
    for m in rules.quoted.finditer(text):
        after = rules.descriptor_after.match(text, m.end())
        name = m.group(1)
        if after is None or not all(is_cjk(c) for c in name) or words.surname_of(name):
            continue
        if scan.is_word(name) or words.is_stopword(name) or _common_compound(scan, m.start(1), m.end(1)):
            continue  # “共享单车”平台: a kind, not a name
        if _an_idiom(scan, m.start(1), m.end(1)):
            continue  # “开箱即用”产品: a saying, not a name
        scan.add(m.start(1), m.end(1), words.descriptors[after.group(0)], "quoted-descriptor", STRONG)


def _an_idiom(scan: Scan, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is one token jieba tags as an idiom or a set phrase (i, l), or a
    phrase of words ending in a verb (开箱|即用)."""
    i = scan.by_start.get(start)
    if i is None:
        return False
    if scan.tokens[i].end == end:
        return scan.tokens[i].flag in ("i", "l")
    last = next((t for t in scan.tokens[i:] if t.end == end), None)
    return last is not None and last.flag.startswith("v")


# A name in corner brackets, as 36氪 writes the companies it reports on: 「凯复医药」.
_CORNER = re.compile(r"「([^「」\s，。、：；！？,.;:!?《》“”]{2,12})」")


def corner_quoted(rules: Rules, scan: Scan) -> None:
    """A name in corner brackets that acts as a company right after one of its brackets, in the
    text or the title (「凯复医药」完成1亿元人民币A+轮融资, 「凯复医药」成立于2018年), when the
    article brackets it twice or its title does: an organisation. Not a dictionary word, a person
    or a stop word (「双循环」, a slogan, never acts so)."""
    text, words = scan.text, rules.words
    found = list(_CORNER.finditer(text))
    titled = list(_CORNER.finditer(scan.title))
    acting = {
        m.group(1) for m in (*found, *titled)
        if m.string.startswith(words.company_acts, m.end())
    }
    counts = Counter(m.group(1) for m in found)
    for m in found:
        name = m.group(1)
        if name not in acting or (counts[name] < 2 and name not in {t.group(1) for t in titled}):
            continue
        if scan.is_word(name) or words.is_stopword(name) or (len(name) <= 3 and words.surname_of(name)):
            continue
        scan.add(m.start(1), m.end(1), EntityType.ORG, "corner-quoted", STRONG)


# A newspaper, magazine or news outlet cited by its title: 《科创板日报》, 《证券市场红周刊》,
# 《经济观察报》. A title ending so is the outlet, an organisation, whatever its head.
_MEDIA_TITLE = re.compile(r"《([^《》\s，。、]{1,16}?(?:日报|晚报|早报|时报|商报|周报|周刊|月刊|杂志|新闻|晨报|导报|财经|观察|报))》")


def media_titles(rules: Rules, scan: Scan) -> None:
    """A news outlet named by its title in 《》: 《科创板日报》称, 财经周刊《证券市场红周刊》."""
    for m in _MEDIA_TITLE.finditer(scan.text):
        if len(m.group(1)) >= 3 and "的" not in m.group(1):  # 《我的日报》 is a piece's title
            scan.add(m.start(1), m.end(1), EntityType.ORG, "media-title", STRONG)


def products(rules: Rules, scan: Scan) -> None:
    """Apps and services named by what they do: 曹操出行, T3出行, 叮咚买菜, Keep App, 得到App.
    A brand that is a common word (绿色出行, 共享出行) is no name; one that is (曹操, 得到)
    before App is only weak evidence."""
    for m in rules.product.finditer(scan.text):
        if m.group(1) is not None:
            brand, end = m.group(1), m.end(2)
            aligned = m.start(1) in scan.by_start and m.start(2) in scan.by_start
            if not aligned or brand[0] in _PREPOSITIONS or _common(scan, brand):
                continue  # 在同城|货运, 绿色出行
            if scan.tokens[scan.by_start[m.start(1)]].flag[:1] in _FUNCTION_TAGS:
                continue  # 但|总体|出行, 还|推出|跑腿: a clause, not a brand
            scan.add(m.start(1), end, EntityType.PRODUCT, "product", STRONG)
        else:
            start, end = m.start(3), m.end(3)
            if not m.group(3).isascii():  # 也可以用得到App: the shortest whole word before App
                start = next((s for s in range(end - 2, start - 1, -1) if s in scan.by_start), -1)
                if start < 0:
                    continue
            brand = scan.text[start:end]
            if brand.endswith(_PARTICLES) or brand.endswith(_KIND_SUFFIXES):
                continue  # 更多的APP, 电商类APP: a phrase or a kind of app, not a brand
            first = scan.tokens[scan.by_start[start]] if start in scan.by_start else None
            if first is not None and first.end == end and first.flag[:1] in _NOT_A_BRANDS_WORD:
                continue  # 助眠App, 记账App, 超级App: what the app does or is, not its name
            last = scan.tokens[scan.by_end[end]] if end in scan.by_end else None
            if last is not None and last.word in _RUNS_INTO and last.flag[:1] in "vpdc":
                continue  # 公众号到小程序, 最后去小程序: a clause runs into the app, no name does
            common = _common(scan, brand)
            if (common or scan.is_word(brand)) and _a_plain_noun(scan, start, brand):
                continue  # 短视频App, 地图App, 智能小程序 (智 is a surname, 智能 no name): a kind of app
            scan.add(start, end, EntityType.PRODUCT, "app", WEAK if common else STRONG)


def _common_compound(scan: Scan, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is two or more ordinary words jieba knows (共享|单车)."""
    i = scan.by_start.get(start)
    if i is None:
        return False
    run = []
    while i < len(scan.tokens) and scan.tokens[i].end <= end:
        run.append(scan.tokens[i])
        i += 1
    return (
        len(run) >= 2
        and run[-1].end == end
        and all(len(t.word) >= 2 and t.flag in ("n", "v", "vn", "a", "an") and scan.is_word(t.word) for t in run)
    )


def _a_plain_noun(scan: Scan, start: int, word: str) -> bool:
    """Whether jieba reads ``word`` at ``start`` as one common noun (视频, 地图), not a name or a
    verb (得到)."""
    i = scan.by_start.get(start)
    return i is not None and scan.tokens[i].word == word and scan.tokens[i].flag == "n"


def _common(scan: Scan, word: str) -> bool:
    """A Chinese dictionary word other than a name (绿色, 共享, 智慧), or a Latin stop word."""
    if word.isascii():
        return word.lower() in scan.words.latin_stoplist
    return scan.is_word(word) and not scan.words.surname_of(word)


# The kind a list of names ends in: 满帮、哈啰、美团等巨头, 高达、泡泡玛特、变形金刚等品牌,
# 中金甲子、华兴资本、普正投资等机构. Platforms and apps are products; the rest organisations.
_LISTED_KINDS = {
    **dict.fromkeys(
        ("品牌", "公司", "企业", "机构", "厂商", "车企", "房企", "巨头", "大厂", "玩家", "基金",
         "投资机构", "互联网公司", "科技公司", "互联网巨头", "头部企业", "新势力", "投资方", "券商"),
        EntityType.ORG,
    ),
    **dict.fromkeys(("平台", "电商平台", "App", "APP", "应用"), EntityType.PRODUCT),
}
_KIND_AFTER_LIST = re.compile(
    r"(?:和|及|以及)?等(?:等)?(?:多家|数家|几家|众多)?(?:知名|头部|国内|海外|国际)?("
    + "|".join(sorted(_LISTED_KINDS, key=len, reverse=True))
    + ")"
)
_ITEM_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·&\-]")
# What leads the first name of a list: 还有高达、…, 包括满帮、…
_LIST_LEADS = ("包括", "比如", "例如", "诸如", "譬如", "如", "像", "还有", "有", "以及", "是", "和", "与", "及")


def listed_with_a_known_name(rules: Rules, scan: Scan) -> None:
    """The other names of a list that ends in what they are and holds a name already known:
    满帮、哈啰、美团等巨头 (美团 is known), 奥迪双钻、泡泡玛特、若来、52TOYS等品牌. A verb,
    an adjective or a number is no name, nor is a list without a known one (手机、电脑等品牌)."""
    text = scan.text
    for m in _KIND_AFTER_LIST.finditer(text):
        items = _list_items(text, m.start())
        if len(items) < 2 or not any(scan.known_at.get(s) == e for s, e in items):
            continue
        for start, end in items:
            if scan.known_at.get(start) == end or text[start:end].isdigit():
                continue
            i = scan.by_start.get(start)
            if i is not None and scan.tokens[i].end == end and scan.tokens[i].flag[:1] in "vadmrpcuq":
                continue  # a word of another kind: 还有|高达
            scan.add(start, end, _LISTED_KINDS[m.group(1)], "listed-kind", STRONG)


def _list_items(text: str, end: int) -> list[tuple[int, int]]:
    """The spans of the names joined by 、 that end at ``end``; the first only where a clause or
    a word that leads a list (包括, 还有) starts it."""
    items: list[tuple[int, int]] = []
    while len(items) < _MOST_ITEMS:
        start = _item_start(text, end)
        if start is None:
            return []
        if start > 0 and text[start - 1] == "、":
            items.append((start, end))
            end = start - 1
            continue
        bounded = start == 0 or not is_cjk(text[start - 1]) and not text[start - 1].isalnum()
        if bounded or text.endswith(_LIST_LEADS, 0, start):
            items.append((start, end))
        return items[::-1]
    return []  # a run of 、 this long is no list of names


_MOST_ITEMS = 30
_LEADS_LONGEST_FIRST = sorted(_LIST_LEADS, key=len, reverse=True)


def _item_start(text: str, end: int) -> int | None:
    """Where the name that ends at ``end`` starts: back to a 、 or any other boundary, at most
    ten characters; for the first of a list, after a word that leads it (还有|高达)."""
    start = end
    while start > 0 and end - start < 10 and _ITEM_CHAR.match(text[start - 1]):
        start -= 1
    if text[start - 1 : start] != "、":
        for lead in _LEADS_LONGEST_FIRST:
            at = text.rfind(lead, start, end)
            if at >= 0 and end - (at + len(lead)) >= 2:
                start = at + len(lead)
                break
    return start if end - start >= 2 else None
