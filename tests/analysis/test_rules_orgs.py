"""The organisation and product rules one at a time, over hand-made tokens: what each finds, and
where its cue is not enough."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import rules_orgs
from reader.analysis.entities import EntityRecognizer
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.model import EntityType
from reader.analysis.rule_scan import STRONG, WEAK

PER, ORG, PRODUCT = EntityType.PERSON, EntityType.ORG, EntityType.PRODUCT
RunRule = Callable[..., list[tuple]]  # the run_rule fixture


@pytest.mark.parametrize(
    ("parts", "found"),
    [
        (("自动驾驶", "公司", ("希迪智驾", "nt"), "等"), [("希迪智驾", ORG, "descriptor-cjk", STRONG)]),
        (("社交", "平台", ("微信读书", "nz"), "，"), [("微信读书", PRODUCT, "descriptor-cjk", STRONG)]),
        (("自动驾驶", "公司", ("希迪智驾", "nt"), "发布"), []),  # no clause boundary after it
        (("自动驾驶", "公司", "希迪智驾", "等"), []),  # jieba read no name
        (("投资", "公司", ("张红超", "nr"), "等"), []),  # a person: left to the person rules
        (("分销", "平台", "——", ("万邑链", "nr"), "，"), [("万邑链", PRODUCT, "descriptor-cjk", STRONG)]),  # a dash; no person is a platform
        (("投资", "公司", "——", ("张红超", "nr"), "，"), []),
    ],
)
def test_rules_descriptor_cjk(run_rule: RunRule, parts: tuple, found: list) -> None:
    assert run_rule(rules_orgs.descriptor_cjk, parts) == found


@pytest.mark.parametrize(
    ("parts", "dictionary", "found"),
    [
        ((("遥望", "nz"), "科技", "发布"), (), [("遥望科技", ORG, "org-suffix", WEAK)]),
        # an officer after it makes an ordinary word a company's head
        (("深言", "科技", "CEO", ("王磊", "nr")), ("深言",), [("深言科技", ORG, "org-suffix-officer", STRONG)]),
        (("深言", "科技", "发布"), ("深言",), []),  # an ordinary word, no officer
        ((("一家", "m"), "科技", "公司"), (), []),  # a numeral never heads a name
        ((("遥望", "nz"), "科技园"), (), []),  # the suffix is inside a longer word
        ((("奥飞", "nz"), "动漫", "的"), (), [("奥飞动漫", ORG, "org-suffix", WEAK)]),  # an animation studio
        ((("博纳", "nz"), "影业", "发布"), (), [("博纳影业", ORG, "org-suffix", WEAK)]),  # a film company
        # a head jieba leaves in single characters it knows no word with
        ((("鈊", "yg"), ("象", "ng"), ("电子", "n"), "的"), (), [("鈊象电子", ORG, "org-suffix", WEAK)]),
        ((("新", "a"), ("电子", "n"), "的"), (), []),  # an adjective, not a head
        ((("中国", "ns"), ("汽车", "n"), ("流通", "vn"), ("协会", "n")), ("流通",), []),  # a common word before it
        ((("中汽", "j"), ("协会", "n"), "发布"), (), [("中汽协会", ORG, "org-suffix", WEAK)]),
    ],
)
def test_rules_org_suffix(run_rule: RunRule, parts: tuple, dictionary: tuple, found: list) -> None:
    assert run_rule(rules_orgs.org_suffix, parts, dictionary=dictionary) == found


@pytest.mark.parametrize(
    ("parts", "known", "found"),
    [
        # the trade name is how the article names it elsewhere: 松延动力
        (
            ("北京", "松延动力科技有限公司", "，", "松延动力", "发布"),
            ("北京",),
            [
                ("北京松延动力科技有限公司", ORG, "registered", STRONG, "松延动力"),
                ("松延动力", ORG, "registered-short", STRONG),
            ],
        ),
        (("深圳市", "拓远电子商务有限公司"), ("深圳市",), [("深圳市拓远电子商务有限公司", ORG, "registered", STRONG)]),
        (("拓远电子商务有限公司",), (), []),  # no place the gazetteer knows before it
        (("北京", "字节跳动", "科技有限公司"), ("北京", "字节跳动"), []),  # a known company's legal name
    ],
)
def test_rules_registered(run_rule: RunRule, parts: tuple, known: tuple, found: list) -> None:
    assert run_rule(rules_orgs.registered, parts, known) == found


@pytest.mark.parametrize(
    ("parts", "found"),
    [
        (("微信公众号“不二研究”",), [("不二研究", ORG, "account", STRONG)]),  # an outlet that publishes
        (("小程序“美团优选”",), [("美团优选", PRODUCT, "account", STRONG)]),
        (("账号“田姥姥”",), [("田姥姥", PER, "account", STRONG)]),  # a person's own account
        (("他说“不二研究”",), []),  # no account word before the quote
        (("公众号“A”",), []),  # one character is no name
    ],
)
def test_rules_accounts(run_rule: RunRule, parts: tuple, found: list) -> None:
    assert run_rule(rules_orgs.accounts, parts) == found


@pytest.mark.parametrize(
    ("parts", "found"),
    [
        (("本文来自微信公众号：电器大院（ID：app-neweekly），作者：戈多",), [("电器大院", ORG, "outlet-id", STRONG)]),
        (("本文经授权转载自“雷报”（ID:leinewspaper），作者：晓艳",), [("雷报", ORG, "outlet-id", STRONG)]),
        (("经观汽车 （ID：autoeeo）",), [("经观汽车", ORG, "outlet-id", STRONG)]),
        (("白领更是向品牌数读（ID：winlive2019）直言道",), []),  # inside a sentence: where does it start?
        (("经观汽车（编号：autoeeo）",), []),  # no account ID
    ],
)
def test_rules_outlet_ids(run_rule: RunRule, parts: tuple, found: list) -> None:
    assert run_rule(rules_orgs.outlet_ids, parts) == found


@pytest.mark.parametrize(
    ("parts", "dictionary", "found"),
    [
        (("曹操", "出行", "宣布", "融资"), ("曹操", "宣布", "融资"), [("曹操出行", PRODUCT, "product", STRONG)]),
        (("，", "T3", "出行", "上线"), (), [("T3出行", PRODUCT, "product", STRONG)]),
        (("叮咚", "买菜", "在", "扩张"), (), [("叮咚买菜", PRODUCT, "product", STRONG)]),
        (("，", "绿色", "出行", "成为", "趋势"), ("绿色",), []),  # a common word is no brand
        (("，", "在", "同城", "出行", "领域"), ("同城",), []),  # 在 is no part of a name
        (("，", "同", "城出", "行", "领域"), (), []),  # the head is not a word of its own here
        (("用户", "在", "Keep", " ", "App", "打卡"), (), [("Keep", PRODUCT, "app", STRONG)]),
        (("可以", "用", "小宇宙", "App", "听书"), ("可以",), [("小宇宙", PRODUCT, "app", STRONG)]),
        (("也", "可以", "用", "叮咚", "App"), ("叮咚",), [("叮咚", PRODUCT, "app", WEAK)]),  # a word: weak
        (("推出", "电商类", "APP"), ("推出",), []),  # a kind of app, not its name
    ],
)
def test_rules_products(run_rule: RunRule, parts: tuple, dictionary: tuple, found: list) -> None:
    assert run_rule(rules_orgs.products, parts, dictionary=dictionary) == found


@pytest.mark.parametrize(
    ("parts", "found"),
    [
        (("《", "科创板", "日报", "》", "称"), [("科创板日报", ORG, "media-title", STRONG)]),
        (("财经", "周刊", "《", "证券", "市场", "红", "周刊", "》"), [("证券市场红周刊", ORG, "media-title", STRONG)]),
        (("《", "三体", "》"), []),  # a book, not an outlet
        (("《", "我", "的", "日报", "》"), []),  # a piece's title
        (("《", "日报", "》"), []),  # no head
    ],
)
def test_rules_media_titles(run_rule: RunRule, parts: tuple, found: list) -> None:
    """A news outlet cited by its title in 《》 is an organisation (issue 13, point 6)."""
    assert run_rule(rules_orgs.media_titles, parts) == found


def test_a_common_noun_before_app_is_a_kind_of_app() -> None:
    text = "抓取了5个短视频App的数据，短视频App很多，视频App也多。也可以用得到App学习。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert not any("视频" in s for s in found)
    assert any(s.startswith("得到") for s in found)


def test_a_common_noun_that_opens_with_a_surname_before_an_app_is_a_kind_of_app() -> None:
    # 智 is a surname, and 智能 still no name
    text = "百度智能小程序MAU达4.14亿，智能小程序数量同比增长124%。"
    assert "智能" not in {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}


def test_a_name_cut_in_pieces_after_a_descriptor_and_written_again() -> None:
    text = "商汤还领投了医疗互联网公司禾连健康7500万美元B轮融资，禾连健康投后估值近10亿美元。公司今年营收增长，公司今年营收大增。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert "禾连健康" in found
    assert not any("营收" in s or "今年" in s for s in found)


def test_a_business_unit_word_used_as_a_verb_makes_no_new_organisation() -> None:
    text = "阿里云服务了超过100万家企业客户。融创服务的收入增长。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert "阿里云服务" not in found and "阿里云" in found


def test_a_unit_word_before_a_line_of_business_makes_no_new_organisation_but_one_before_an_institute_does() -> None:
    """字节跳动国际|业务, 平安好医生服务|种类: a line of business of the company; 复旦大学金融研究院: an
    institute, named whole (not 复旦大学金融)."""
    text = "阿里云丢失了大客户字节跳动国际业务。阿里健康不及平安好医生服务种类完善。复旦大学金融研究院研究员表示。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert {"字节跳动", "平安好医生", "复旦大学金融研究院"} <= found
    assert not found & {"字节跳动国际", "平安好医生服务", "复旦大学金融"}


def test_a_places_own_bank_is_an_organisation_but_a_sector_of_banks_is_not() -> None:
    text = (
        "阜新银行资本充足率为12.08%，而葫芦岛银行资本充足率陡然下降。截至去年末，延边农商行建筑业贷款占比"
        "26.93%。7月，山西永济农商行的定向发行书显示。中国银行业的银行间市场利率下降，银行卡交易增长。"
    )
    found = {(m.surface, m.type) for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    banks = {"阜新银行", "葫芦岛银行", "延边农商行", "山西永济农商行"}
    assert {(b, EntityType.ORG) for b in banks} <= found
    assert not {s for s, _ in found} & {"中国银行", "中国银行业"}


def test_a_makers_name_and_a_models_code_is_the_model_but_a_quarter_is_not() -> None:
    text = "威马EX6的上险量仅有36台，宝骏E200只有7辆。华为P50销量不错。腾讯Q3财报显示，京东H1业绩增长。"
    found = {(m.surface, m.type) for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert {("威马EX6", EntityType.PRODUCT), ("宝骏E200", EntityType.PRODUCT), ("华为P50", EntityType.PRODUCT)} <= found
    assert {("腾讯", EntityType.ORG), ("京东", EntityType.ORG)} <= found


def test_a_products_generation_is_a_product_but_a_figure_after_it_is_not() -> None:
    """Omdia：2020年全球iPhone 11出货量达6480万部: the subject is the iPhone 11, a product of its
    own (real posts' annotators name it so), with its edition; a count, a share or a year written after a product is not its generation."""
    text = (
        "Omdia：2020年全球iPhone 11出货量达6480万部，排名第一。美国Android 11安装率达20.29%。"
        "iPhone 13 Pro Max供不应求，苹果推送iOS 14.5。另有iPhone 12台、iPhone 12.5%的份额、Steam 2021年的销量。"
    )
    found = {(m.surface, m.entity, m.type) for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    products = {(s, e, EntityType.PRODUCT) for s, e in [
        ("iPhone 11", "iPhone 11"), ("Android 11", "Android 11"),
        ("iPhone 13 Pro Max", "iPhone 13 Pro Max"), ("iOS 14.5", "iOS 14.5"),
    ]}
    assert products <= found
    assert not {e for _, e, _ in found} & {"iPhone 12", "iPhone 12.5", "Steam 20", "Steam 2021"}
    # a generation keeps the Latin name it is written with, not the Chinese one that name stands for
    assert ("Douyin 2", "Douyin 2", EntityType.PRODUCT) in {
        (m.surface, m.entity, m.type) for m in EntityRecognizer(Gazetteer.load()).recognise("Douyin 2上线了。")
    }


def test_a_quoted_name_before_what_it_is() -> None:
    text = "号称自主研发浏览器核心产品的“红芯”公司，宣布完成融资。8月15日，红芯宣布完成融资。“共享单车”平台很多。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert "红芯" in found
    assert "共享单车" not in found


@pytest.mark.parametrize(
    ("parts", "known", "found"),
    [
        (("满帮、哈啰、美团等巨头",), ("美团",), [("满帮", ORG, "listed-kind", STRONG), ("哈啰", ORG, "listed-kind", STRONG)]),
        (
            ("入围的还有", "寻找独角兽", "、泡泡玛特、52TOYS等品牌"),
            ("泡泡玛特",),
            [("寻找独角兽", ORG, "listed-kind", STRONG), ("52TOYS", ORG, "listed-kind", STRONG)],
        ),
        (("包括中金甲子、华兴资本、普正投资等机构",), ("华兴资本",), [("中金甲子", ORG, "listed-kind", STRONG), ("普正投资", ORG, "listed-kind", STRONG)]),
        (("拼多多、唯品会等电商平台",), ("拼多多",), [("唯品会", PRODUCT, "listed-kind", STRONG)]),
        (("手机、电脑、平板等品牌",), (), []),  # no known name: a list of kinds of thing
        (("美团等巨头",), ("美团",), []),  # one name is no list
        (("，", ("以及", "c"), "、泡泡玛特等品牌"), ("泡泡玛特",), []),  # a word of another kind
        (("，" + "、".join(f"品牌{c}" for c in "甲乙丙丁戊己庚辛壬癸" * 4) + "、泡泡玛特等品牌",), ("泡泡玛特",), []),  # no list
    ],
)
def test_rules_listed_with_a_known_name(run_rule: RunRule, parts: tuple, known: tuple, found: list) -> None:
    assert run_rule(rules_orgs.listed_with_a_known_name, parts, known) == found


_DIGEST = (
    "财务报告\n小牛电动：2020年营收24.4亿元\nStatCounter：2021年2月安装率达20.29%\n"
    "下一个十年：2030年的中国\n编辑导语：2021年的变化\n图源：2021年视觉中国\n表1：2021年营收前十\n"
)


def test_rules_digest_heads(run_rule: RunRule) -> None:
    """Who opens each item of a digest is an organisation; a headline's topic, an editor's note,
    a credit or a table's caption is not."""
    found = run_rule(rules_orgs.digest_heads, (_DIGEST,), dictionary=("下一个",))
    assert [f[:3] for f in found] == [("小牛电动", ORG, "digest-head"), ("StatCounter", ORG, "digest-head")]


def test_rules_digest_heads_need_a_digest(run_rule: RunRule) -> None:
    """Two lines that open with a colon (不得不感叹一句：…) make no digest."""
    assert run_rule(rules_orgs.digest_heads, ("小牛电动：2020年营收24.4亿元\n曹操出行：2021年\n正文",)) == []


def test_a_word_that_runs_a_clause_on_or_an_attribute_before_an_app_is_no_brand() -> None:
    text = "从微信公众号到小程序再到视频号。最后去小程序下单。依托手百超级App。狼人杀App在2017年爆红。"
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert not {"号到", "最后去", "超级"} & found
    assert "狼人杀" in found


def test_a_person_glued_to_a_modal_verb_is_the_person() -> None:
    found = {m.surface for m in EntityRecognizer(Gazetteer.load()).recognise("去年，爱奇艺CEO龚宇敢做出承诺。")}
    assert "龚宇敢" not in found


def test_a_quoted_brand_after_the_word_brand_is_a_product_but_a_quoted_word_is_not() -> None:
    text = "2020年，喜茶推出了子品牌“喜小茶”。蜜雪冰城推出的高端品牌“M+”也有所体现。品牌“年轻化”是大趋势。"
    found = {(m.surface, m.type) for m in EntityRecognizer(Gazetteer.load()).recognise(text)}
    assert {("喜小茶", EntityType.PRODUCT), ("M+", EntityType.PRODUCT)} <= found
    assert not any(s == "年轻化" for s, _ in found)
