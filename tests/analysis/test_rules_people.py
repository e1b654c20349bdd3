"""The person rules one at a time, over hand-made tokens: what each finds, and where its cue is
not enough."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import rules_people
from reader.analysis.model import EntityType
from reader.analysis.rule_scan import STRONG

PER = EntityType.PERSON
RunRule = Callable[..., list[tuple]]  # the run_rule fixture


@pytest.mark.parametrize(
    ("parts", "known", "found"),
    [
        (("文 | 房宫一柳\n",), (), [("房宫一柳", PER, "byline", STRONG)]),  # a surname-led pen name
        (("编辑：黄俊杰、王二\n",), (), [("黄俊杰", PER, "byline", STRONG), ("王二", PER, "byline", STRONG)]),
        (("（腾讯科技审校/金鹿）",), ("腾讯科技",), [("金鹿", PER, "byline", STRONG)]),
        (("文｜陈思远编辑｜宋玮\n",), (), [("陈思远", PER, "byline", STRONG), ("宋玮", PER, "byline", STRONG)]),
        (("21世纪经济报道记者林晓上海报道",), ("21世纪经济报道", "上海"), [("林晓", PER, "byline", STRONG)]),
        (("文 | 视觉中国\n",), (), []),  # an agency: no surname leads it
        (("这篇作文 | 王小明写得好",), (), []),  # 文 inside a word is no credit label
        (("文陈思远\n",), (), []),  # 文 is no label without its separator
        (("作者：戈多，头图来自：视觉中国",), (), [("戈多", PER, "byline", STRONG)]),  # a pen name, then no name
        (("作者：禄存，36氪经授权发布",), (), [("禄存", PER, "byline", STRONG)]),
        (("图源：视觉中国\n",), (), []),  # a picture's credit signs no writer
    ],
)
def test_rules_byline(run_rule: RunRule, parts: tuple, known: tuple, found: list) -> None:
    assert run_rule(rules_people.byline, parts, known) == found


@pytest.mark.parametrize(
    ("parts", "found"),
    [
        (("本文来自“白鲸出海”，作者：Amber ，36氪经授权发布",), [("Amber", PER, "byline-latin", STRONG)]),
        (("作者：Amber Wang写道",), []),  # not where a credit ends
        (("作者：AI，编辑：小王",), []),  # letters, not a name
    ],
)
def test_rules_latin_pen_names(run_rule: RunRule, parts: tuple, found: list) -> None:
    assert run_rule(rules_people.latin_pen_names, parts) == found


@pytest.mark.parametrize(
    ("parts", "found"),
    [
        (("肖恩·杨说",), [("肖恩·杨", PER, "transliterated", STRONG)]),
        (("据迈克尔·诺里斯介绍",), [("迈克尔·诺里斯", PER, "transliterated", STRONG)]),
        (("第一·第二",), []),  # no transliteration characters
        (("马·丁",), []),  # too short for a name
    ],
)
def test_rules_transliterated(run_rule: RunRule, parts: tuple, found: list) -> None:
    assert run_rule(rules_people.transliterated, parts) == found


@pytest.mark.parametrize(
    ("parts", "dictionary", "found"),
    [
        ((("创始人", "n"), ("雷军", "nr"), "表示"), (), [("雷军", PER, "title", STRONG)]),
        (("CEO", ("张楠", "nr"), "，"), (), [("张楠", PER, "title", STRONG)]),
        ((("负责人", "n"), "王", "莆", "中", "，"), (), [("王莆中", PER, "title", STRONG)]),
        # an office, a surname and an ordinary word before 在: the word is a given name
        ((("董事长", "n"), "魏", "建军", "在"), ("建军",), [("魏建军", PER, "office", STRONG)]),
        ((("董事长", "n"), "魏", "建军", "的"), ("建军",), []),  # no verb or clause word after
        ((("创始人", "n"), "，", ("雷军", "nr")), (), []),  # the title does not touch the name
        ((("粉丝", "n"), ("雷军", "nr"), "表示"), (), []),  # no title
    ],
)
def test_rules_job_title(run_rule: RunRule, parts: tuple, dictionary: tuple, found: list) -> None:
    assert run_rule(rules_people.job_title, parts, dictionary=dictionary) == found


@pytest.mark.parametrize(
    ("parts", "found"),
    [
        ((("张红超", "nr"), "、", "张红甫", "兄弟"), [("张红甫", PER, "listed", STRONG)]),
        ((("张红超", "nr"), "、", "李红甫", "兄弟"), []),  # another surname
        (("张红超", "、", "张红甫", "兄弟"), []),  # jieba read no name before the comma
    ],
)
def test_rules_listed(run_rule: RunRule, parts: tuple, found: list) -> None:
    assert run_rule(rules_people.listed, parts) == found


@pytest.mark.parametrize(
    ("parts", "dictionary", "found"),
    [
        (("，", ("黄周", "nr"), ("称", "v"), "，"), (), [("黄周", PER, "speech", STRONG)]),
        (("，", "黄周称", "，"), (), [("黄周", PER, "speech", STRONG)]),  # the verb glued on
        (("，", ("黄周", "nr"), "（音译）"), (), [("黄周", PER, "transliterated-note", STRONG)]),
        (("技术", "支持", "称"), ("技术", "支持"), []),  # dictionary words before the verb
        (("每当", "说明书"), ("每当",), []),  # a verb inside a word
    ],
)
def test_rules_speech(run_rule: RunRule, parts: tuple, dictionary: tuple, found: list) -> None:
    assert run_rule(rules_people.speech, parts, dictionary=dictionary) == found


@pytest.mark.parametrize(
    ("parts", "found"),
    [
        # a form of address written twice
        (("的", ("李师傅", "nr"), "，", "和", ("李师傅", "nr"), "一样"),
         [("李师傅", PER, "addressed", STRONG)] * 2),
        ((("蓝总", "nr"), ("透露", "v")), [("蓝总", PER, "addressed", STRONG)]),  # before a verb of saying
        ((("丁", "nr"), ("老师", "n"), ("认为", "v")), [("丁老师", PER, "addressed", STRONG)]),
        ((("张", "q"), ("先生", "n"), ("告诉", "v")), [("张先生", PER, "addressed", STRONG)]),
        ((("张总说", "nr"), "这事"), [("张总", PER, "addressed", STRONG)]),  # the verb glued on
        ((("王女士", "nr"), "，"), []),  # once, and nothing said
        ((("向", "p"), ("老师", "n"), ("表示", "v")), []),  # to the teacher: a preposition
        ((("提高", "v"), ("总额", "n"), ("称", "v")), []),  # 高 is inside a word
        ((("高", "a"), ("总监", "n"), ("说", "v")), []),  # 总 is inside a word
    ],
)
def test_rules_addressed(run_rule: RunRule, parts: tuple, found: list) -> None:
    assert run_rule(rules_people.addressed, parts) == found


@pytest.mark.parametrize(
    ("parts", "found"),
    [
        (("“湘野红姐”", ("龚红玉", "nr"), "说"), [("龚红玉", PER, "nickname", STRONG)]),
        (("“湘野红姐”", "的", "粉丝"), []),  # no name after the quote
        (("“湘野红姐”", "，", ("龚红玉", "nr")), []),  # the quote does not touch the name
    ],
)
def test_rules_nickname(run_rule: RunRule, parts: tuple, found: list) -> None:
    assert run_rule(rules_people.nickname, parts) == found


@pytest.mark.parametrize(
    ("name", "times", "found"),
    [
        ("张红超", 3, [("张红超", PER, "repeated", STRONG)] * 3),
        ("张红超", 2, []),  # not often enough
        ("李明", 3, []),  # two characters: too likely a word
    ],
)
def test_rules_repeated(run_rule: RunRule, name: str, times: int, found: list) -> None:
    parts = [part for _ in range(times) for part in ((name, "nr"), "，")]
    assert run_rule(rules_people.repeated, parts) == found
