"""Which names in a figure's sentence are not whose it is: a source (据IDC, 国家统计局公布的数据
显示, a digest's "Canalys：…" line), a speaker or bystander (康泽宇表示, 美团领投), a place or
partner after a skip word (在抖音上, 与淘宝, and each name of a list the word leads), a bank a deal
names; and the one case a name before a document is the figure's own (快狗打车招股书).
``figure_subjects`` and ``figure_passage`` read these."""

from __future__ import annotations

import re
from functools import cache

from reader.analysis.figure_vocab import Vocabulary, Words
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.model import EntityType, Mention

# "康泽宇还提到", "晚点独家获悉": at most this many characters between a speaker and the verb.
_SPEAKER_GAP = 2


def a_source(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """"Canalys：…" at a line's start, "国家统计局公布的数据显示", "晚点获悉": the name reports."""
    return (
        line_source(text, mention)
        or _clause_is_a_source(text, mention, vocab)
        or follows(text, mention, vocab.words().bystander_verbs)
    )


# Names of firms whose business is forecasting and surveying others' figures: what they predict
# or count is not theirs.
RESEARCH_FIRMS = ("咨询", "研究院", "研究所", "研究中心", "智库", "Research", "Analytics", "Insights")


def reports_on_others(mention: Mention, vocab: Vocabulary) -> bool:
    """A research firm (贝恩咨询公司也将…的市场份额预测…), an exchange (北证), or a newsroom, data
    service or industry body the gazetteer knows as one (餐宝典发布的《…报告》显示): whose business
    is others' figures, never itself the subject of one in the sentence."""
    return reports(mention.entity, vocab)


def reports(name: str, vocab: Vocabulary) -> bool:
    """Whether the entity ``name`` reports on others (``reports_on_others``, by its name alone)."""
    return name.endswith(RESEARCH_FIRMS) or name.endswith("交易所") or name in vocab.exchanges or name in _reporters()


@cache
def _reporters() -> frozenset[str]:
    return Gazetteer.load().reporters()


def not_a_subject(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """在抖音上, 据IDC, 康泽宇表示, 美团领投: a place, a source, a speaker or a bystander;
    a digest's "Canalys：预计…" line, where the name before the colon is the source; and a
    research firm or an exchange, wherever it stands (同策研究院监测的40家…, 位居北证第一名)."""
    return (
        line_source(text, mention)
        or reports_on_others(mention, vocab)
        or _clause_is_a_source(text, mention, vocab)
        or after_skip_word(text, mention, vocab)
        or follows(text, mention, vocab.words().speech_verbs)
        or follows(text, mention, vocab.words().bystander_verbs)
        or _an_intermediary(text, mention, vocab)
    )


_LISTED_BANKS = re.compile(r"[^，,。；;：:\n]{0,30}")  # the names and joiners of a list before a name


def _an_intermediary(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """The name is in the list of banks a deal names: 投行为摩根士丹利、美国银行和中金公司."""
    lo = max(0, mention.start - 40)
    before = text[lo : mention.start]
    at = max((before.rfind(w) + len(w) for w in vocab.intermediaries if w in before), default=-1)
    if at < 0:
        return False
    between = before[at:]
    return _LISTED_BANKS.fullmatch(between) is not None and (not between or between[-1] in "、和及与，,")


_SOURCE_CLAUSE_CHARS = 24  # 国家统计局10月18日公布的数据显示: the date between name and verb
_TITLED_CLAUSE_CHARS = 80  # …发布的《中国食品行业市场前景及投资机会研究报告》显示: a report's title counts for nothing
WORK_TITLE = re.compile(r"《[^《》\n]*》")  # a work's title: its words name the work


def _clause_is_a_source(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """The name's clause ends by saying it is a source: "国家统计局10月18日公布的数据显示，",
    "中商产业研究院发布的《…研究报告》显示，"."""
    end = mention.end
    limit = min(len(text), end + _SOURCE_CLAUSE_CHARS)
    stop = _CLAUSE_STOP.search(text, end, limit)
    clause = text[end : stop.start() if stop is not None else limit]
    if stop is None and "《" in clause:
        stop = _CLAUSE_STOP.search(text, end, min(len(text), end + _TITLED_CLAUSE_CHARS))
        untitled = WORK_TITLE.sub("", text[end : stop.start()]) if stop is not None else clause
        if len(untitled) <= _SOURCE_CLAUSE_CHARS:
            clause = untitled if untitled.endswith(vocab.source_clause_ends) else clause
    if not clause.endswith(vocab.source_clause_ends):
        return False
    return not any(w in clause for w in vocab.own_documents)  # 宁德时代此前公布的三季报显示: its own figures


_CLAUSE_STOP = re.compile(r"[，,。；;：:\n]")


def line_source(text: str, mention: Mention) -> bool:
    """A digest's item opens with who reports it: "Canalys：…", "《读卖新闻》：…"."""
    start = _title_start(text, mention)
    at_line_start = start == 0 or text[start - 1] == "\n"
    end = mention.end + (text[mention.end : mention.end + 1] == "》")
    return at_line_start and text.startswith(("：", ":"), end)


def after_skip_word(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """在抖音上, 据IDC; and each name of a list the word leads (据《纽约时报》、《华尔街日报》等
    多家媒体透露: both are sources; 分布在北美和欧洲: both are where)."""
    # 据《纽约时报》 (but 是「Keep」 is no source: corner brackets mark names, not works)
    start = _title_start(text, mention)
    skipped = vocab.words().skip_after.ending_at(text, start)
    if skipped == "占" and _ITS_OWN_WHOLE.match(text, mention.end):
        return False  # 游戏业务占B站总收入的比重: a share of the company's own revenue is the company's
    if skipped is not None:
        return True
    # 根据电商数据公司Marketplace Pulse: what kind of body a source is may stand between
    return _SOURCE_OF_A_KIND.search(text, max(0, start - 14), start) is not None


# A company's own whole a share is of: 占B站总收入的比重, 占中红医疗收入90%以上.
_ITS_OWN_WHOLE = re.compile(r"(?:的)?(?:总收入|总营收|营业收入|营收|收入|总成本|成本|销售额|总销量|销量|利润|净利润|总资产|员工总数|员工)")


# A source named with what kind of body it is: 根据电商数据公司…, 据研究机构… (not 在线调研软件公司).
_SOURCE_OF_A_KIND = re.compile(
    r"(?:根据|援引|引自|来自|(?<![\u4e00-\u9fff])据)[\u4e00-\u9fff]{0,6}(?:公司|机构|平台|媒体|网站|集团)$"
)


def _title_start(text: str, mention: Mention) -> int:
    return mention.start - (text[mention.start - 1 : mention.start] == "《")


def listed_after_skip_word(text: str, mention: Mention, named: list[Mention], vocab: Vocabulary) -> bool:
    """A name listed after others that a skip word leads: 据《纽约时报》、《华尔街日报》等多家媒体透露
    (both are sources), 分布在北美和欧洲 (both are where). Only names joined to names: in
    与B站的59.4元和快手109元相比, 快手 owns the figure after it."""
    ends = {m.end: m for m in named}
    current = mention
    for _ in range(_LONGEST_LIST):
        start = _title_start(text, current)
        joiner = next((j for j in LIST_JOINS if text.endswith(j, 0, start)), None)
        if joiner is None:
            return False
        end = start - len(joiner)
        previous = ends.get(end) or (ends.get(end - 1) if text[end - 1 : end] == "》" else None)
        if previous is None:
            # 与TNT和ESPN签订: a Latin name no layer knew is still an item of the list
            latin = _LATIN_ITEM.search(text, max(0, end - 24), end)
            return latin is not None and vocab.words().skip_after.ending_at(text, latin.start()) is not None
        if after_skip_word(text, previous, vocab):
            return True
        current = previous
    return False


_LATIN_ITEM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*)*$")

# What joins the names of a list, longest first (以及 before 及).
LIST_JOINS = ("以及", "、", "和", "与", "及", "跟")
_LONGEST_LIST = 5


# A time between a company and its own document: 英伟达本季度的财报, 快狗打车2021年年报.
_DOCUMENT_TIME = re.compile(r"(?:本|上|该|今年|去年|(?:19|20)\d{2}\s*年)?(?:第?[一二三四1-4]\s*)?(?:财年|季度|年度|财季|年)?的?")


PUBLISHED = ("发布的", "披露的", "公布的", "递交的", "提交的", "发布在", "披露于")


def own_document(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """据快狗打车招股书显示, 从英伟达本季度的财报来看, 根据麦当劳发布的一季度财报显示: the company's
    own filing follows its name
    (小米集团发布的港交所公告 is 小米集团's, filed where the exchange is)."""
    if text.endswith(PUBLISHED, 0, mention.start):
        return False
    if follows(text, mention, vocab.words().own_documents) or _own_data(text, mention, vocab):
        return True
    after = mention.end + next((len(w) for w in PUBLISHED if text.startswith(w, mention.end)), 0)
    at = _DOCUMENT_TIME.match(text, after).end()  # 麦当劳发布的2022年一季度财报
    return at > mention.end and vocab.words().own_documents.starting_at(text, at) is not None


def _own_data(text: str, mention: Mention, vocab: Vocabulary) -> bool:
    """根据阿里健康数据显示, 据美团数据: a company's or a platform's own data tells its own figures;
    not a reporter's (QuestMobile数据显示), nor a public body's or an association's (国家统计局数据,
    乘联会数据显示), which count others."""
    return (
        mention.type in (EntityType.ORG, EntityType.PRODUCT)
        and text.startswith(_OWN_DATA, mention.end)
        and not text[max(0, mention.start - 4) : mention.start].rstrip().endswith(_CITED)  # 来自 CoinCentral的数据显示
        and not mention.entity.endswith(_PUBLIC_BODIES)
        and not reports_on_others(mention, vocab)
    )


_OWN_DATA = ("数据显示", "数据表明", "的数据显示", "平台数据", "官方数据", "数据")
_CITED = ("来自", "援引", "引用", "引述")
_PUBLIC_BODIES = (*"局部委会协署院所办厅", "中心", "银行")  # 国家统计局, 工信部, 乘联会, 中汽协, 海关总署, 人民银行


def follows(text: str, mention: Mention, verbs: Words) -> bool:
    """康泽宇表示, 康泽宇还提到, 《晚点LatePost》独家获悉: one of ``verbs`` follows the mention
    (two characters may stand between; a closing bracket or quote does not count)."""
    follow = text[mention.end : mention.end + 8].lstrip("》」”』")
    return any(verbs.starting_at(follow, i) for i in range(_SPEAKER_GAP + 1))
