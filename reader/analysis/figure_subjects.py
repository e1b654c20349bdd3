"""Whose a figure is: its subject, read from the figure's sentence with the names layer.

The entity the figure belongs to is "X的…" right after it (3亿多DAU规模的抖音), else the nearest
mention before it that is not a place or partner (在抖音上, 是抖音的两倍, 与淘宝), a source
(据IDC), a speaker (康泽宇表示) or behind a pronoun (他, 该公司), which is resolved; else the
previous figure's subject in the same paragraph, else the topic of the previous sentence, else
the organisation a short heading above names. ``figure_context.explain`` asks this module for
each figure, and falls back on the passage's company or the article's topic
(``figure_passage.passage_subject``, ``figure_topics.article_topic``); a person's figures go
to the company the person holds a title in (``figure_topics.title_affiliations``).
"""

from __future__ import annotations

import re

from collections.abc import Sequence

from reader.analysis.figure_grammar import Quantity
from reader.analysis.figure_label_after import TIME_PREFIX
from reader.analysis.figure_sources import (
    LIST_JOINS,
    PUBLISHED,
    WORK_TITLE,
    after_skip_word,
    follows,
    line_source,
    listed_after_skip_word,
    not_a_subject,
    own_document,
    reports,
    reports_on_others,
)
from reader.analysis.figure_pronouns import ORGISH, first_of_both, in_group, last_pronoun, opens, resolve_pronoun
from reader.analysis.figure_vocab import CHANGES, Vocabulary
from reader.analysis.model import EntityType, Mention, Figure
from reader.analysis.text_bounds import Bounds, Mentions



def _reports_its_own(mention: Mention, vocab: Vocabulary) -> bool:
    """A company telling its own figures, not a firm forecasting others' (灼识咨询预计) nor an exchange."""
    return mention.type in ORGISH and not reports_on_others(mention, vocab)


def about_the_topic(
    text: str, fig: Quantity, label: str | None, bounds: Bounds, vocab: Vocabulary, mentions: Mentions
) -> bool:
    """Whether a figure with no subject of its own may be the article's company's: not a
    market's measure, not an age, and not in a sentence about a whole market. A cue inside a
    name is the name's ("国内" in 中国内地, "行业" in 中国汽车工业协会's kind) and says nothing,
    as does one before what only a company has (全球门店总数)."""
    if label in vocab.market_labels:
        return False
    line_start = text.rfind("\n", 0, fig.start) + 1
    if any(line_source(text, m) for m in mentions.within(line_start, fig.start)):
        return False  # a digest's item ("QuestMobile:…女性用户规模达到5.47亿"): its own, not the article's
    lo, hi = bounds.around("sentence", fig.start)
    counts_a_group = label == "企业数" and _DIGIT.search(text, fig.end, hi) is not None
    if counts_a_group or _A_COUNT_OF_COMPANIES.search(text, lo, fig.start) is not None:
        return False  # A股21家上市车企营业收入达5074.69亿元: a group's, not the article company's
    names = [(m.start, m.end) for m in mentions.within(lo, hi)]
    if _told_by_a_study(text, lo, fig, [end for _, end in names]):
        return False  # 《网络文学IP影视剧改编潜力评估报告》显示，…309部热播影视剧: a study's market
    # a cue inside a name or a work's title is theirs (《行政处罚及市场禁入事先告知书》)
    covered = names + [m.span() for m in WORK_TITLE.finditer(text, lo, hi)]
    for cue in vocab.market_cues:
        at = text.find(cue, lo, hi)
        while at >= 0:
            if not any(start < at + len(cue) and at < end for start, end in covered) and not text.startswith(
                vocab.own_after_cue, at + len(cue)
            ):
                return False
            at = text.find(cue, at + 1, hi)
    return True


_A_COUNT_OF_COMPANIES = re.compile(r"\d+家")
_DIGIT = re.compile(r"\d")



def subject_of(
    text: str,
    fig: Quantity,
    label: str | None,
    mentions: Mentions,
    bounds: Bounds,
    earlier: list[Figure],
    vocab: Vocabulary,
    affiliations: dict[str, str],
) -> str | None:
    sentence = bounds.around("sentence", fig.start)
    clause = bounds.around("clause", fig.start)
    in_sentence = mentions.within(*sentence)
    if label == "年龄":
        people = [m for m in in_sentence if m.type is EntityType.PERSON]
        same_clause = [m for m in people if clause[0] <= m.start < clause[1]]
        pool = same_clause or people
        if pool:
            return min(pool, key=lambda m: min(abs(m.start - fig.end), abs(fig.start - m.end))).entity
        return None

    owner = _owner_after(text, fig, in_sentence, clause)
    if owner is not None:
        return owner.entity
    if (
        label in CHANGES
        and earlier
        and earlier[-1].unit != "%"
        and earlier[-1].start >= sentence[0]
        and _CHANGE_OF_LEVEL.fullmatch(text, earlier[-1].end, fig.start) is not None
    ):
        return earlier[-1].subject  # 中国营收82.8亿元，同比增长135.2%: the change of that level, whoever's it is
    holder = _the_holder(text, fig, sentence, in_sentence)
    if holder is not None:
        return holder.entity  # 姚记持股约38%, 腾讯持有京东17.8%的股份: a stake is its holder's
    glossed = bracketed_after(text, fig, in_sentence)
    if glossed is not None:
        return glossed.entity  # 仅次于亚马逊AWS(31.2%)和微软Azure(20.8%): the name the bracket follows
    if _describes_a_kind(text, fig, in_sentence):
        return None  # 估值超过10亿美元的私营企业: a kind of company, not one
    if _the_others(text, fig, clause, in_sentence):
        return None  # Shopify约占50%，其他各家的市场占比则从1%-9%不等: the rest, not the one named

    pronoun_at, pronoun_kind = last_pronoun(text, sentence[0], fig.start, vocab)
    speaker: Mention | None = None
    for mention in reversed([m for m in in_sentence if m.end <= fig.start]):
        if pronoun_at is not None and pronoun_at >= mention.end:
            break
        if _a_frame(text, mention) or _a_beneficiary(text, mention):
            return mention.entity  # 在京东，有14款单品…; 为CBS带来了4.54亿美元的收入
        if (mention.type in ORGISH or mention.type is EntityType.PLACE) and label != "增长倍数" and _POSSESSED.fullmatch(text, mention.end, fig.start):
            return mention.entity  # 与B站的59.4元…相比, 较美国的54.3%: the figure is the name's, whatever word leads it
        if mention.type is EntityType.PLACE and label not in vocab.place_labels:
            own = clause if clause[0] <= mention.start else bounds.around("clause", mention.start)
            timed = TIME_PREFIX.match(text, own[0], mention.start).end()
            # 2021年中国社交电子商务销售额: a time may come first; 深圳排名第三，388家: the clause
            # the place opens leads the clauses after it that name nobody
            leads = (opens(timed, mention) if own == clause else mention.start == timed) and not after_skip_word(
                text, mention, vocab
            )
            if leads and (_counts_its_companies(text, mention, fig) or not _qualifies_a_company(text, mention, fig)) and not _a_companys_breakdown(text, sentence, earlier, mentions):
                return mention.entity  # 杭州土地出让金总额达到1200亿元; 目前，美国「剪线族」的整体数量达到3100万
            continue  # 中国零售电商上市公司的市场份额: a place qualifies, it does not own
        if mention.type is EntityType.PLACE and _right_after_a_name(mention, in_sentence, ORGISH):
            continue  # 收购家乐福中国80%股份: the company's unit in the country, not the country
        if _a_platform_store(text, mention, in_sentence):
            continue  # 卡游天猫旗舰店…售价29.9元: the brand's store, on the platform
        if mention.type is EntityType.PLACE and _a_companys_breakdown(text, sentence, earlier, mentions):
            continue  # Shopify的付费商家…83%。其中，北美付费商家约111万，占62%: Shopify's, in 北美
        if (opened := _aside_opened(text, mention.end, fig.start)) is not None:
            before = next((m for m in in_sentence if m.end == opened and m.type in ORGISH), None)
            if before is not None and reports_on_others(before, vocab):
                continue  # NCBD（餐宝典）发布的《…报告》显示: a glossed research firm is still a source
            if before is not None:
                return before.entity  # Meta(含Facebook、Instagram)合计1310亿美元: the name the aside follows
            if in_group(text, mention, in_sentence) or text.endswith(_LIST_LAST, 0, mention.start):
                return None  # 5家上市公司(顺丰、韵达…及德邦)合计收入773亿元: a group's
            if _ASIDE_LIST.search(text, opened, mention.start) or _ASIDE_LIST.match(text, mention.end):
                continue  # 元气森林在微信私域（企业微信+服务号）的用户量: an aside lists where, not whose
        if text.endswith(PUBLISHED, 0, mention.start):
            continue  # 小米集团发布的港交所公告: where it was published, not whose the figures are
        if mention.type in ORGISH and own_document(text, mention, vocab):
            return mention.entity  # 据快狗打车招股书显示, 从英伟达本季度的财报来看: its own filing
        if label == "融资" and mention.type in ORGISH and text.endswith(_INVESTED_IN, 0, mention.start):
            return mention.entity  # 天创资本对红芯进行了千万人民币的A轮融资: the round is 红芯's
        if label == "增长倍数" and _THE_BASE.fullmatch(text, mention.end, fig.start):
            # 小红书约是微博市值的11倍，哔哩哔哩的3倍: the base of the comparison; in a list of
            # them, whose the multiple before was
            if earlier and earlier[-1].measure == label and earlier[-1].start >= sentence[0]:
                return earlier[-1].subject
            continue
        if label in vocab.company_labels and line_source(text, mention) and _reports_its_own(mention, vocab):
            return mention.entity  # a digest's "小牛电动：2020年营收24.4亿元": the company's own accounts
        if not_a_subject(text, mention, vocab) or listed_after_skip_word(text, mention, in_sentence, vocab):
            speaking = follows(text, mention, vocab.words().speech_verbs)
            if speaking and not after_skip_word(text, mention, vocab) and not line_source(text, mention):
                speaker = speaker or mention  # 美团预计…, but not 据IDC预测 nor a digest's "Canalys：预计…"
            continue
        if _a_payer(text, mention):
            continue  # 来自最大客户广汽埃安的收入占比为39.6%: the revenue is the seller's, not the customer's
        if _RELATED.match(text, mention.end):
            continue  # 在小红书上，“i茅台”相关的笔记超过1100篇: what the notes are about, not whose
        if _an_example(text, mention, sentence[0], fig.start):
            continue  # 收购…，包括广州粤泰、浙大新宇等，在管建面1.461亿平方米: the examples are not whose
        if (first := first_of_both(text, mention, in_sentence, fig.start)) is not None:
            return first.entity  # 星巴克和麦当劳都有到100%以上的: told once for both, under the first
        if in_group(text, mention, in_sentence):
            return None  # 抖音、快手等短视频平台: a figure about a kind of company, not one
        if (first := first_of_both(text, mention, in_sentence, fig.start, said=False)) is not None:
            return first.entity  # 宁德时代和隆基股份上涨了780%
        return mention.entity
    if pronoun_at is not None:
        return resolve_pronoun(text, pronoun_at, pronoun_kind, mentions, bounds, vocab)
    if speaker is not None and _reports_its_own(speaker, vocab):
        return speaker.entity  # 美团预计，第四季度收入将同比增长20%, but not 灼识咨询预计: a forecaster's market
    if speaker is not None and speaker.type is EntityType.PERSON:
        # 杨植麟表示，公司…: whose, if he has no title here?; but not a research firm's analyst
        # (中指研究院…负责人刘水表示，“…业绩贡献占比为58.1%”: the market's)
        employer = affiliations.get(speaker.entity)
        return None if employer is not None and reports(employer, vocab) else employer
    if speaker is None and _ANONYMOUS.search(text, sentence[0], fig.start) is not None:
        return None  # 一个县城的经销商透露，…年销售额50万元: someone unnamed, nobody's to carry over

    line_start = text.rfind("\n", 0, fig.start) + 1
    if any(m.start >= line_start and line_source(text, m) for m in in_sentence):
        return None  # a digest's line, "Canalys：预计…": an item of its own, whose only if it names them
    if _told_by_a_study(text, sentence[0], fig, [m.end for m in in_sentence]):
        return None  # 《2020-2021中式新茶饮行业发展报告》显示，…消费者群体占比为57%: a study's, not the name before's
    paragraph = bounds.around("paragraph", fig.start)
    if earlier and earlier[-1].start >= paragraph[0] and earlier[-1].subject is not None and not (
        earlier[-1].subject in mentions.places and earlier[-1].start < sentence[0]
        and not about_the_topic(text, fig, label, bounds, vocab, mentions)
    ):
        # 这个数字可能会增加五倍: still the figure before's; but a city's figure does not make the
        # next sentence's market-wide one its own (上海成交量…。全国300个城市土地出让金同比增长10%)
        return earlier[-1].subject
    if (
        earlier
        and earlier[-1].start >= paragraph[0]
        and _A_COUNT_OF_COMPANIES.search(text, paragraph[0], earlier[-1].end) is not None
    ):
        return None  # 5家上市公司…合计收入773亿元。其中Q2收入增速27.5%: still the group's
    previous = bounds.previous("sentence", fig.start)
    if previous is not None and previous[0] >= paragraph[0]:
        topic = mentions.within(*previous)
        topic = [
            m for m in topic
            if (not not_a_subject(text, m, vocab) or m.type in ORGISH and own_document(text, m, vocab))
            and not reports_on_others(m, vocab)  # 灼识咨询报告显示…。其…: the forecaster's market
            and (m.type is not EntityType.PLACE or label in vocab.place_labels)
            # 黄仁勋回应道…。第一财季营收…: a person named before is not whose revenue it is
            and (m.type is not EntityType.PERSON or label in vocab.personal_labels)
        ]
        if topic:
            return topic[0].entity
    heading = _heading_topic(text, fig, mentions, bounds, vocab)
    if heading is not None and about_the_topic(text, fig, label, bounds, vocab, mentions):
        return heading  # but not 短视频行业人均日使用时长…: a market's, under a company's heading
    if label in vocab.company_labels and earlier and earlier[-1].subject is not None and (
        earlier[-1].subject not in mentions.people
    ):
        last = bounds.around("paragraph", earlier[-1].start)
        if bounds.previous("paragraph", fig.start) == last:
            return earlier[-1].subject  # 分业务看，核心本地商业收入为561亿元: still the company's
    return None


def _told_by_a_study(text: str, lo: int, fig: Quantity, name_ends: list[int]) -> bool:
    """A study cited between ``lo`` and the figure, and no name before the figure there (its ends
    ``name_ends``): a market's figure, nobody's in the sentence nor the article's company's."""
    return _A_STUDY.search(text, lo, fig.start) is not None and not any(end <= fig.start for end in name_ends)


# A study that tells a sentence's figures, named by no one in it: 《…报告》显示, 调查显示, 研究指出.
_A_STUDY = re.compile(r"(?:《[^《》\n]{2,60}》|报告|白皮书|调查|调研|研究|问卷)(?:中|里)?(?:显示|指出|表明|发现)")


def listed_names(text: str, mentions: Sequence[Mention]) -> list[str]:
    """The names of the last list among ``mentions`` (in text order): OPPO(包括OnePlus)和 vivo
    → [OPPO, vivo]; a name in brackets is an aside, and one name is no list."""
    if not mentions:
        return []
    lo, hi = mentions[0].start, mentions[-1].end
    asides = [(m.start(), m.end()) for m in _BRACKETED.finditer(text, lo, hi)]
    outside = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in asides)]
    if not outside:
        return []
    run = [outside[-1]]
    for mention in reversed(outside[:-1]):
        gap = _BRACKETED.sub("", text[mention.end : run[0].start]).strip()
        if gap not in LIST_JOINS:
            break
        run.insert(0, mention)
    names = [m.entity for m in run]
    return names if len(names) >= 2 and len(set(names)) == len(names) else []


_BRACKETED = re.compile(r"[（(][^（()）]{0,40}[)）]")


def _heading_topic(
    text: str, fig: Quantity, mentions: Mentions, bounds: Bounds, vocab: Vocabulary
) -> str | None:
    """The organisation a section is about: named in the heading line above the figure's
    paragraph (a report on ten car makers, one section each); none above a byline (经济观察报
    记者 陈月芹: the headings above it are the title's)."""
    span = bounds.heading_above(fig.start, stop=lambda line: any(cue in line for cue in vocab.credit_cues))
    if span is None:
        return None
    named = [m for m in mentions.within(*span) if m.type in ORGISH and not not_a_subject(text, m, vocab)]
    return named[0].entity if len(named) == 1 else None


# Between a name and the figure it owns: B站的59.4元 (but 抖音的两倍 is a base, see 增长倍数).
_POSSESSED = re.compile(r"的(?:约|近|超过|超|逾)?\s*")

# Between a holder and its stake: 姚记持股约38%, 腾讯持有京东17.8%的股份, 马化腾目前直接持股8.6%,
# 由通用汽车出资44%.
_HOLDS = ("持股", "持有", "出资")
_HOLDER_GAP = re.compile(r"(?:目前|现|仍|已|共|合计|直接|间接|分别|约)*")
_INVESTED = ("投资", "入股", "领投", "参投", "收购")


def _the_holder(text: str, fig: Quantity, sentence: tuple[int, int], in_sentence: list[Mention]) -> Mention | None:
    """Whose a stake is: the name right before 持股/持有 in the figure's sentence, else the
    name before the verb of investing in the company named after it (将卡游与其对比的泡泡玛特，
    去年也投资了…Hit card，目前持股约15%); None for a figure that is no percentage or has no
    such verb."""
    if fig.unit != "%":
        return None
    at = max(text.rfind(verb, sentence[0], fig.start) for verb in _HOLDS)
    if at < 0:
        return None
    holders = [m for m in in_sentence if m.end <= at and m.type is not EntityType.PLACE]
    if holders and _HOLDER_GAP.fullmatch(text, holders[-1].end, at):
        held = holders[-1]
        if len(holders) >= 2 and held.start >= 1 and text[held.start - 1] == "对" and holders[-2].end == held.start - 1:
            return holders[-2]  # 顺丰对同城实业持股比例: the holder names what it holds after 对
        return held
    invested = max(text.rfind(verb, sentence[0], at) for verb in _INVESTED)
    investors = [m for m in holders if m.end <= invested]
    return investors[-1] if investors else None


def _owner_after(
    text: str, fig: Quantity, in_sentence: list[Mention], clause: tuple[int, int]
) -> Mention | None:
    """有千万粉丝的账号“田姥姥”, 3亿多DAU规模的抖音: the entity the figure describes."""
    de = text.find("的", fig.end, min(clause[1], fig.end + 7))
    if de < 0:
        return None
    for mention in in_sentence:
        gap = text[de + 1 : mention.start]
        if mention.start > de and len(gap) <= 4 and mention.end <= clause[1]:
            if not any(c in gap for c in "非不无"):
                return mention
            return None
    return None


_BRACKET_OPEN = re.compile(r"[（(]\s*(?:约|近|超|超过|逾)?\s*$")


def bracketed_after(text: str, fig: Quantity | Figure, in_sentence: list[Mention]) -> Mention | None:
    """The name a bracketed figure directly follows: AWS(31.2%), 腾讯云（18.6%）, 广东（92家）."""
    m = _BRACKET_OPEN.search(text, max(0, fig.start - 5), fig.start)
    if m is None:
        return None
    return next((x for x in in_sentence if x.end == m.start()), None)


# "…的" then one of these: the figure describes a kind of company, not a company.
_KINDS_OF_COMPANY = re.compile(r"的[\u4e00-\u9fff]{0,4}(?:企业|公司|品牌|商家|平台|机构|创业者|玩家)")


def _describes_a_kind(text: str, fig: Quantity, in_sentence: list[Mention]) -> bool:
    """估值超过10亿美元的私营企业, 年营收过亿的公司: the figure qualifies a kind of company
    named right after it (no name of one stands there)."""
    after = text[fig.end : fig.end + 9]
    m = _KINDS_OF_COMPANY.match(after.lstrip("以上下左右多余"))
    if m is None:
        return False
    return not any(fig.end <= x.start < fig.end + 9 for x in in_sentence)


_ASIDE_LIST = re.compile(r"[+＋、/]")  # the joiners of names listed in an aside

# The word before the last item of a list: 顺丰、韵达、申通、圆通及德邦.
_LIST_LAST = ("及", "和", "与", "以及")


def _aside_opened(text: str, after: int, before: int) -> int | None:
    """Where the bracket opens that a mention ending at ``after`` stands in, when it closes
    before ``before``; None when the mention is not in such an aside."""
    depth = 0
    for c in text[after:before]:
        if c in "（(":
            depth += 1
        elif c in "）)":
            if depth == 0:
                return max(text.rfind("（", 0, after), text.rfind("(", 0, after))
            depth -= 1
    return None


# A sentence that opens "(而)在X，" sets where what follows is counted: 在京东，…有14款单品…
# 超过了50万条; 而在美国，平均每500人就有一辆冷藏车. One that opens "(而)对比X，" or "反观X，"
# turns to X: 而对比宁德时代，早已连续数年实现…净利润.
_FRAME_OPENS = re.compile(
    r"(?:^|[，,。；;！？!?：:—\n])\s*(?:而|但|则|同时|此外|另外|另一方面)?[，,]?"
    r"(?:在|对比|相比|相较于?|反观|至于|再看)$"
)
_FRAME_CLOSES = re.compile(r"(?:上|端|方面|市场|平台上)?[，,]")


# The other companies (其他各家, 其余厂商), not the other part of one (其他业务收入, 其余130家门店).
_OTHERS = re.compile(r"(?:其他|其它|其余)(?:各家|家|公司|企业|品牌|平台|玩家|厂商|对手|竞争对手|竞品|同行)")


def _the_others(text: str, fig: Quantity, clause: tuple[int, int], in_sentence: Sequence[Mention]) -> bool:
    """The figure's clause speaks of the other companies (其他各家, 其余品牌), no name after them."""
    found = None
    for found in _OTHERS.finditer(text, clause[0], fig.start):
        pass
    return found is not None and not any(found.end() <= m.start < fig.start for m in in_sentence)


# Someone the article does not name tells the figure (一位县城的经销商透露, 下沉市场一加盟商, 有卖家
#谈道): it is that person's, and the sentence's names or the one before do not own it.
_SOMEONE = r"(?:人士|经销商|加盟商|代理商|员工|卖家|司机|店主|老板|负责人|经理|商家|从业者|快递员|骑手|创业者)"
_ANONYMOUS = re.compile(
    rf"(?:一位|一名|一个|某位|某)[^，,。；;！？“”]{{0,10}}?{_SOMEONE}|(?:一|有){_SOMEONE}"
)


# A place that names a company's unit or market (中国区营销预算, 中国内地平台服务月活跃用户数,
# 中国市场的门店数量): the figure is the company's, not the place's.
_A_COMPANYS_UNIT = ("区", "内地", "地区", "大陆", "境内", "市场", "业务", "分公司", "本土")
# A company's unit named for the place it serves: 中国商务分部, 国际业务事业群.
_A_NAMED_UNIT = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:分部|事业部|事业群|业务部|业务集团)")
# A group of companies the place qualifies, in the phrase after it: 中国零售电商上市公司的, 中国卖家.
_A_GROUP = re.compile(r"[^，,。；;的]{0,10}?(?:公司|企业|房企|卖家|商家|品牌|厂商|车企)")


def _counts_its_companies(text: str, mention: Mention, fig: Quantity) -> bool:
    """北京上市公司数量达到425家, 浙江专精特新企业总数达到470家: the count of the place's companies."""
    group = _A_GROUP.match(text, mention.end, fig.start)
    return group is not None and text.startswith(("数量", "总数", "总量", "数"), group.end())


def _qualifies_a_company(text: str, mention: Mention, fig: Quantity) -> bool:
    return (
        text.startswith(_A_COMPANYS_UNIT, mention.end)
        or _A_NAMED_UNIT.match(text, mention.end) is not None
        or _A_GROUP.match(text, mention.end, fig.start) is not None
    )


# After a name, what makes it a topic, not an owner: “i茅台”相关的笔记, 与拼多多有关的投诉.
_RELATED = re.compile(r"[”」』\"]?(?:相关|有关)")


def _a_frame(text: str, mention: Mention) -> bool:
    return (
        _FRAME_OPENS.search(text, max(0, mention.start - 8), mention.start) is not None
        and _FRAME_CLOSES.match(text, mention.end) is not None
    )


# Whom a figure profits: 为CBS带来了4.54亿美元的收入, 让ABC获得了1.62亿美元的广告收入.
_FOR_WHOM = ("为", "让", "使", "帮", "帮助", "助力")
_PROFITS = re.compile(r"(?:带来|获得|赚取|赚|创造|实现|增加)")  # not 贡献: 苹果为台积电贡献的营收占比 is 苹果's


def _a_beneficiary(text: str, mention: Mention) -> bool:
    return text.endswith(_FOR_WHOM, 0, mention.start) and _PROFITS.match(text, mention.end) is not None


_BREAKDOWN = re.compile(r"\s*(?:而|但)?其中[，,：:]?")


def _a_companys_breakdown(text: str, sentence: tuple[int, int], earlier: list[Figure], mentions: Mentions) -> bool:
    """The sentence breaks down (其中，…) the figure before it, a company's."""
    return _BREAKDOWN.match(text, sentence[0]) is not None and bool(earlier) and earlier[-1].subject in mentions.companies


_STORE = re.compile(r"(?:官方)?(?:旗舰店|自营店|专卖店|官方店|自营旗舰店)")


def _a_platform_store(text: str, mention: Mention, in_sentence: list[Mention]) -> bool:
    """The platform a brand's store is on, between the brand and the store: 卡游天猫旗舰店."""
    return _STORE.match(text, mention.end) is not None and _right_after_a_name(mention, in_sentence)


def _right_after_a_name(mention: Mention, in_sentence: list[Mention], types: tuple[EntityType, ...] = tuple(EntityType)) -> bool:
    """Another name of ``types`` ends where ``mention`` starts: 家乐福|中国, 卡游|天猫旗舰店."""
    return any(m.end == mention.start and m.type in types for m in in_sentence)


def _an_example(text: str, mention: Mention, lo: int, hi: int) -> bool:
    """Whether ``mention`` is one of the examples of a list that closes before ``hi``:
    包括广州粤泰、成都信谊物业、浙大新宇等 (the list is what something else did or holds), or of
    an aside in brackets that opens with 包括."""
    intro = max((text.rfind(w, lo, mention.start) for w in _EXAMPLES), default=-1)
    if intro < 0:
        return False
    if text.endswith(("（", "("), 0, intro):  # 上市公司（包括主板、创业板、科创板、北证，下同）: an aside
        close = min((at for c in "）)" if (at := text.find(c, mention.end, hi)) >= 0), default=-1)
        return close >= 0
    close = text.find("等", mention.end, hi)
    return close >= 0 and not any(c in text[intro:close] for c in "，,；;。")


_EXAMPLES = ("包括", "包含", "比如", "例如", "诸如", "来自")


def _a_payer(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is where an income came from: 来自(最大客户)X的收入."""
    return _FROM.search(text, max(0, mention.start - _FROM_GAP), mention.start) is not None and text.startswith(
        "的", mention.end
    )


_FROM_GAP = 8  # characters: 来自最大的两家客户 before the name
_FROM = re.compile(r"来自[^，,。；;：:、]{0,6}$")  # 来自阿里云、美团…等的融资: where it came from


# A change told right after the level it changes: 营收82.8亿元，同比增长135.2%.
_CHANGE_OF_LEVEL = re.compile(r"[，,]?\s*[^，,。；;！？\d\s]{1,8}")

# Between the base of a comparison and its multiple: 哔哩哔哩的3倍, 微博市值的11倍.
_THE_BASE = re.compile(r"[^，,。；;！？]{0,4}的(?:约|近|超过|超)?")

# Before the company a round is raised by, after its investors: X对/向Y进行…融资.
_INVESTED_IN = ("对", "向")
