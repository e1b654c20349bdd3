"""Labels read around a figure when nothing before it names the measure: the noun it is written
before (15亿元总对价 → 总对价, 9家物业管理公司 → 物业管理公司数), the verb of trading or paying it
follows (增持74.75万股 → 增持股数, 支付3655万元 → 支付金额), a price per share, a count of orders."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.figure_grammar import Quantity, past_space
from reader.analysis.figure_vocab import Vocabulary
from reader.analysis.model import EntityType, Mention

if TYPE_CHECKING:
    from reader.analysis.figure_labels import LabelText

MAX_AFTER = 8
PHRASE_STOPS = "，,；;。！？、（(）)“”\"「」《》【】\n"
MAX_LABEL = 12
CONJUNCTIONS = ("以及", "和", "及", "与", "或", "并")
# A time before a measure's name: when, not what (2020年营收, 同期总收入, 2018年、2019年及2020年订单总数),
# as typeset too (2021 年年内全国百城卖地金额).
TIME_PREFIX = re.compile(
    r"(?:截至|截止到?|到|从)?\s*(?:\d{4}\s*年?\s*[-–—~至到]\s*\d{4}\s*年|\d{4}\s*(?:财?年度?|(?=全年|整体|净增|新增))(?:\s*(?:、|和|及|与|以及)\s*\d{4}\s*(?:财?年度?))*|今年|去年|前年|明年|当年|同期|本季度|本季|当季度|当季|本月|当月)?"
    r"\s*(?:第?[一二三四1-4](?:季度?|财季)|[Qq][1-4](?![0-9])|[上下]半年|前三季度|全年|\d{1,2}\s*月(?:份|底|末)?)?(?:末|底|年内|年初)?\s*"
)


def label_after_figure(where: LabelText, fig: Quantity) -> str | None:
    """The first of the readings below that names the figure, or None."""
    return (
        _shares(where, fig)
        or _label_after(where, fig)
        or _paid(where, fig)
        or _earned(where, fig)
        or _per_share(where, fig)
        or _per_unit(where, fig)
        or _orders(fig, where.vocab)
    )


def _shares(where: LabelText, fig: Quantity) -> str | None:
    """Shares a verb of trading stands before: 增持74.75万股 → 增持股数, 抄底买入了30万股 → 买入股数."""
    if not fig.surface.endswith("股"):
        return None
    end = fig.start - len(where.vocab.words().hedges_before.ending_at(where.text, fig.start) or "")
    named = next((m for m in where.mentions.within(max(0, end - MAX_LABEL), end) if m.end == end), None)
    end = named.start if named is not None else end  # 继续增持寒武纪32.02万股
    end -= 1 if where.text.endswith("了", 0, end) else 0
    end -= 2 if where.text.endswith(("股票", "新股", "股份"), 0, end) else 0  # 发售股票110万股
    verb = next((v for v in where.vocab.label_words["trading"] if where.text.endswith(v, 0, end)), None)
    return None if verb is None else verb + "股数"


# A share's move told by its verb alone (收涨9.22%, 盘前一度涨超11%, 美股连续两天大跌): the price's
# change when the sentence is about trading.
_SWING = re.compile(r"(?P<up>收涨|大涨|暴涨|上涨|涨)?(?P<down>收跌|大跌|暴跌|下跌|跌)?(?:了|超过|超|逾|近|约|幅)*\s*$")
_TRADING = re.compile(r"收盘|盘前|盘中|盘后|开盘|股价|美股|港股|A股|股票|/股|市值|涨停|跌停")


def stock_swing(where: LabelText, fig: Quantity) -> str | None:
    """股价涨幅 or 股价跌幅 for a percentage a verb of rising or falling stands right before, in a
    sentence about trading; None otherwise."""
    if fig.unit != "%":
        return None
    clause = where.bounds.around("clause", fig.start)
    swing = _SWING.search(where.text, max(clause[0], fig.start - 8), fig.start)
    if swing is None or not (swing.group("up") or swing.group("down")):
        return None
    sentence = where.bounds.around("sentence", fig.start)
    if _TRADING.search(where.text, sentence[0], sentence[1]) is None:
        return None
    return "股价涨幅" if swing.group("up") else "股价跌幅"


def per_share_sign(text: str, fig: Quantity) -> bool:
    """An amount of money written per share with a sign after it: 报3.910美元/股."""
    return fig.unit in _CURRENCIES and text.startswith(("/股", "／股"), fig.end)


def _per_share(where: LabelText, fig: Quantity) -> str | None:
    """An amount per share and nothing else named: a share price (可能达到每股4000美元,
    报9.30港元/股 → 股价)."""
    if per_share_sign(where.text, fig):
        return "股价"
    per = where.text.endswith(where.vocab.label_words["per_share"], 0, fig.start)
    return "股价" if fig.unit in _CURRENCIES and per else None


def _per_unit(where: LabelText, fig: Quantity) -> str | None:
    """An amount of money per thing sold and nothing else named: its selling price (贵州茅台酒（珍品）
    4599元/瓶, 每张卡牌0.3元 is named before)."""
    return "售价" if fig.unit in _CURRENCIES and _PER_UNIT.match(where.text, fig.end) else None


# Money per thing: 4599元/瓶, 5-10块/票.
_PER_UNIT = re.compile(r"\s*[/／](?:瓶|件|盒|个|张|台|辆|斤|公斤|千克|吨|单|票|份|杯|包|箱|套|只|部|次|人)")


def _orders(fig: Quantity, vocab: Vocabulary) -> str | None:
    """A count in 单 or 次 and nothing else named: orders (订单峰值从一天1亿单 → 订单量), times
    (平均每天 47 次 → 次数)."""
    return vocab.counted_by.get(fig.surface.rstrip()[-1:])


def _earned(where: LabelText, fig: Quantity) -> str | None:
    """An amount a verb of earning stands right before: 每天就能赚200多块钱 → 收入."""
    if fig.unit not in _CURRENCIES:
        return None
    end = fig.start - len(where.vocab.words().hedges_before.ending_at(where.text, fig.start) or "")
    return "收入" if where.text.endswith(where.vocab.label_words["earning"], 0, end) else None


def _paid(where: LabelText, fig: Quantity) -> str | None:
    """An amount a verb of paying stands right before: 被判向柠檬影视支付3655万元 → 支付金额."""
    if fig.unit not in _CURRENCIES:
        return None
    end = fig.start - len(where.vocab.words().hedges_before.ending_at(where.text, fig.start) or "")
    verb = next((v for v in where.vocab.label_words["paying"] if where.text.endswith(v, 0, end)), None)
    return None if verb is None else verb + "金额"


_CURRENCIES = frozenset(("CNY", "USD", "HKD", "EUR", "JPY", "GBP", "TWD"))
_COMPOUND_HEAD = 2  # characters a longer head may add to the shortest (会员 → 会员费, 订单 → 订单量)


def _label_after(where: LabelText, fig: Quantity) -> str | None:
    """The noun the figure is written before, when none before it names the measure:
    15亿元总对价 → 总对价, 12笔收购 → 收购, 9家物业管理公司 → 物业管理公司; and the deal a price
    is paid in (以80亿美元收购 → 收购)."""
    text, source, bounds, mentions, vocab = where.text, where.source, where.bounds, where.mentions, where.vocab
    if text.endswith(vocab.label_words["price_before"], 0, fig.start) and (deal := next((d for d in vocab.label_words["deals"] if text.startswith(d, fig.end)), None)):
        return source[fig.end : fig.end + len(deal)]
    clause = bounds.around("clause", fig.start)
    # 500亿美金左右的市值: the hedge is no part of the name (but 70%以上的收入 is a share of it)
    hedged = _HEDGED_OF.match(text, fig.end) if fig.unit != "%" else None
    start = hedged.end() if hedged is not None else past_space(text, fig.end)
    if hedged is None and text.startswith("的", start):
        start = past_space(text, start + 1)  # 4.72% 股权, 约 0.76% 的股权: typeset with spaces
    end = start
    limit = min(clause[1], start + MAX_AFTER)
    while end < limit and text[end] not in PHRASE_STOPS and text[end] != "的" and not text[end].isspace():
        end += 1
    for m in mentions.within(start, end + MAX_LABEL):
        if m.start < end and not _place_modifies(m, start, end):
            end = m.start  # 收购宁波市雅太…: the name is the object, not the measure
            break
    phrase = text[start:end]
    if not phrase[:1].isalnum() or phrase.startswith(vocab.label_words["not_nouns"]):
        return None  # 报9.30港元/股: a per-share sign; 增持74.75万股之后: a time, not a noun
    joined = min((at for w in CONJUNCTIONS if (at := phrase.find(w)) > 0), default=len(phrase))
    phrase, end = phrase[:joined], start + joined  # 8590万名注册托运人以及约1370万名注册司机
    if len(phrase) < 2 or any(c.isdigit() for c in phrase):
        return None
    acted = next((m for m in vocab.label_pattern().finditer(phrase) if m.end() == len(phrase) and vocab.is_verb(m.group())), None)
    if acted is not None and acted.start() > 0 and (named := vocab.named_by_verb(acted.group())) is not None:
        return named  # 有8547辆车上险 → 上险量: what was counted, then the verb that names the measure
    # the shortest head that ends the measure's name (总对价收购 → 总对价), and a head written right
    # after it is still the name's (高级会员费, not 高级会员)
    cuts = [cut for cut in range(2, len(phrase) + 1) if phrase[:cut].upper().endswith(vocab.label_heads)]
    if cuts:
        cut = cuts[0]
        while (longer := next((c for c in cuts if cut < c <= cut + _COMPOUND_HEAD), None)) is not None:
            cut = longer
        return source[start : start + cut]
    if fig.unit is None or fig.unit in ("%", "CNY", "USD"):
        return None
    counted = counted_after(where, fig)  # 40家典型上市房企共完成… → 典型上市房企数, not …共完
    if counted is not None:
        return counted + "数"
    among = next((w for w in _AMONG if phrase.endswith(w) and len(phrase) - len(w) >= 2), None)
    if among is not None:  # 共309部热播影视剧中 → 热播影视剧数: the whole a part is taken from
        return source[start : end - len(among)] + "数"
    return a_name(source[start:end], where.vocab.not_hedges_before)  # 5万余台排在特斯拉身后: no name, a verb


_AMONG = ("之中", "当中", "中", "里")


def a_name(phrase: str, whole_words: tuple[str, ...] = ()) -> str | None:
    """``phrase`` when it reads as the name of what is counted, else None: not one that starts
    with a preposition, a pronoun or an adverb, nor one ending in a word that cannot end a name
    (有时, 一般都, 离这个, 我花, 以每天, 排在) unless it is the end of one of ``whole_words`` (the
    vocabulary's words that end in a hedge and are none: 信用债违约)."""
    if (
        not 2 <= len(phrase) <= MAX_LABEL
        or (phrase.startswith(_NOT_A_NAME_START) and not phrase.startswith(_A_NAME_START))
        or (phrase.endswith(_NOT_A_NAME_END) and not phrase.endswith(whole_words))
        or any(w in phrase for w in _NOT_IN_A_NAME)
    ):
        return None
    return phrase


def a_clause(label: str | None) -> bool:
    """Whether ``label`` reads as a clause, not the name of a measure: it holds an aspect
    particle, an adverb of time or a pronoun (车在等着抢一个单, 蔚小理已经纷纷逼, 数据都是比) — no name
    of a measure does."""
    if not label:
        return False
    bare = _WORDS_WITH_PARTICLES.sub("", label)
    return any(mark in bare for mark in _CLAUSE_MARKS)


_CLAUSE_MARKS = ("了", "着", "已经", "仍然", "纷纷", "正在", "还没", "都是", "就有", "我们", "你们", "他们", "咱们", "在等")
_WORDS_WITH_PARTICLES = re.compile("了解|(?<![成作认称因变])为了|除了|着陆|着手|着重|着力|显着")  # not 成为了


_NOT_A_NAME_START = (
    *"以按从据比在将把被对向若当而但且并也还就又再才都已曾正仅可那这其约近超逾",
    "加上", "顺利", "基本", "接连", "如果",
)
_A_NAME_START = ("超级", "超市", "比例", "比重", "以色列")  # a word, not 超 (more than), 比 (than), 以 (by)
_NOT_A_NAME_END = (*"都时个这那也就还又才再仅只已将会能要得地着过了吗呢把被让给对在从向于与和及或等其该此每各某约近超逾即则而且并以上下中里内赚赔花拿存破违", "拿走", "给出", "满足")
_NOT_IN_A_NAME = (
    *"我你他她咱您不更也仅是了—和", "什么", "顺利", "成功", "本文", "上述", "以上", "前述", "这个", "那个", "这些", "那些", "这一", "那一", "另一", "史上", "之一",
    "动辄", "轻松", "能够", "年前", "折合", "变为", "左右", "以上", "以下", "上下", "之间", "不等",
)

_HEDGED_OF = re.compile(r"\s*(?:左右|以上|以下|上下)\s*的")


def counted_after(where: LabelText, fig: Quantity) -> str | None:
    """What a count counts, named right after its counter (9家物业管理公司, 880家公司的股权,
    45家物业企业上市): the longest phrase there ending in a kind of thing counted, with no name."""
    text, bounds = where.text, where.bounds
    clause = bounds.around("clause", fig.start)
    end = fig.end
    limit = min(clause[1], fig.end + MAX_AFTER)
    while end < limit and text[end] not in PHRASE_STOPS and text[end] != "的" and not text[end].isspace():
        end += 1
    phrase = text[fig.end : end]
    joined = min((at for w in (*CONJUNCTIONS, *_ALL_OF_THEM) if (at := phrase.find(w)) > 0), default=len(phrase))
    phrase = phrase[:joined]
    cut = max((n for n in range(2, len(phrase) + 1) if phrase[:n].endswith(where.vocab.counted_heads)), default=0)
    if not cut or any(not _place_modifies(m, fig.end, fig.end + cut) for m in where.mentions.within(fig.end, fig.end + cut)):
        return None  # 45家物业企业上市 → 物业企业: up to the last thing counted
    return where.source[fig.end : fig.end + cut]


# An adverb of "all of them" ends the noun a count counts: 29个省都有企业 counts 省, not 省都有企业.
_ALL_OF_THEM = ("都", "均", "皆", "全都")


def _place_modifies(m: Mention, start: int, end: int) -> bool:
    """A place opening the noun after a count says which: 22项美国专利授权, 30家中国企业."""
    return m.type is EntityType.PLACE and m.start == start and m.end < end


# After a percentage and 的, the noun phrase that ends its clause: 35.3% 的硬件毛利率, 16% 左右的 MAU 增长.
# (60% 多的毛利率降低到50%: the rate named, then the verb of its change)
_OF_PERCENT = re.compile(
    r"\s*(?:以上|以下|左右|多)?\s*的\s*([^，,。；;：:！？、（()）\d%的]{2,10}?)\s*(?=[，,。；;！？)）]|$|(?:降|升|增|减|提|跌|涨)[^，,。；;]{0,3}[到至])"
)
_RATE_OR_CHANGE = ("率", "增长", "增幅", "增速", "涨幅", "降幅", "跌幅", "下降", "下滑", "提升")
_CHANGES = frozenset((*_RATE_OR_CHANGE[1:], "同比增长", "环比增长", "同比下降", "环比下降", "年增长"))


def named_after_percent(where: LabelText, fig: Quantity) -> str | None:
    """What a percentage is of, named after it and 的 when that ends in a rate or a change
    (硬件毛利率, MAU 增长, 订阅用户增长), as the article writes it; None otherwise."""
    if fig.unit != "%":
        return None
    m = _OF_PERCENT.match(where.text, fig.end)
    if m is None or not m.group(1).endswith(_RATE_OR_CHANGE) or m.group(1) in _CHANGES:
        return None  # 11.39%的同比增长: the change alone names nothing the label before does not
    end = m.start(1) + m.group(1).rfind("率") + 1 if "率" in m.group(1) else m.end(1)
    return where.source[m.start(1) : end]  # 以36.4%的复合年增长率增长 → 复合年增长率


# A price per thing (3元一包的牛奶, 10元每瓶, 每瓶8.4元, 每公里4元), not per time (每月300块钱: a rent).
_PER_THING_AFTER = re.compile(r"\s*(?:一|每)(?!月|年|天|日|周|季|小时|分钟|晚上)([\u4e00-\u9fff]{1,2}?)(?=[的，,。；;（(）)\s]|$)")
# 每瓶8.4元, 每公里一直都是4元, 每公里加3.6元: what the thing costs, a few words of saying it between
_PER_THING_BEFORE = re.compile(
    r"每(?!月|年|天|日|周|季|小时|分钟)[一]?([\u4e00-\u9fff]{1,2}?)(?:约|仅|一直|都|是|为|加|收|要|只要|只需){0,3}\s*$"
)
_PER_THINGS = frozenset("包盒瓶罐袋杯份件个只张斤升公斤千克吨公里平米平方米间台辆部瓶支条套双箱桶碗")


def per_thing_price(where: LabelText, fig: Quantity) -> str | None:
    """价格 for an amount per thing, written after it (3元一包) or before it (每瓶8.4元)."""
    if fig.unit not in _CURRENCIES:
        return None
    after = _PER_THING_AFTER.match(where.text, fig.end)
    if after is not None and after.group(1)[-1] in _PER_THINGS:
        return "价格"
    before = _PER_THING_BEFORE.search(where.text, max(0, fig.start - 10), fig.start)
    if before is not None and before.group(1)[-1] in _PER_THINGS:
        return "价格"
    return None
