"""Names found by pinyin: full syllables, initials, spaced and camel-cased, polyphones in names."""

from __future__ import annotations

import pytest

from reader.analysis.pinyin import PinyinIndex, matches_pinyin, pinyin_query, readings

NAMES = ("字节跳动", "阿里巴巴", "重庆", "长安汽车", "曾毓群", "爱奇艺", "京东", "腾讯", "蔚来NIO")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("zijie", "字节跳动"),
        ("zjtd", "字节跳动"),
        ("zi jie tiao dong", "字节跳动"),
        ("ZiJieTiaoDong", "字节跳动"),
        ("zijiet", "字节跳动"),  # typed halfway
        ("tiaodong", "字节跳动"),  # from a later syllable
        ("alibaba", "阿里巴巴"),
        ("albb", "阿里巴巴"),
        ("chongqing", "重庆"),  # 重 in 重庆 is chóng, from the phrase dictionary
        ("cq", "重庆"),
        ("changan", "长安汽车"),  # 长 in 长安 is cháng
        ("caqc", "长安汽车"),
        ("zengyuqun", "曾毓群"),  # the surname's reading, though the dictionary says céng
        ("zyq", "曾毓群"),
        ("weilai", "蔚来NIO"),
    ],
)
def test_pinyin_query_finds_name(query: str, name: str) -> None:
    letters = pinyin_query(query)
    assert letters is not None
    assert PinyinIndex(NAMES).matching(letters) == {name}


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("ai", "爱奇艺"),  # one syllable of a longer name: too many names would match
        ("zi", "字节跳动"),
        ("ijie", "字节跳动"),  # a match starts a syllable
        ("jd", "字节跳动"),  # 跳 keeps its reading in context (tiào, not the old diào)
        ("zjdt", "字节跳动"),  # syllables in order
        ("zhongqin", "长安汽车"),
    ],
)
def test_pinyin_query_does_not_find(query: str, name: str) -> None:
    assert not matches_pinyin(name, pinyin_query(query) or "")


def test_readings_put_the_reading_in_context_first() -> None:
    assert readings("重庆")[0] == "chong qing"
    assert readings("长安汽车")[0] == "chang an qi che"
    assert "zeng yu qun" in readings("曾毓群")
    assert readings("蔚来NIO")[0] == "wei lai nio"


@pytest.mark.parametrize("text", ["字节", "a", "AI芯片", "3d", "", "  "])
def test_pinyin_query_is_only_latin_letters(text: str) -> None:
    assert pinyin_query(text) is None


def test_pinyin_query_drops_spaces_apostrophes_and_case() -> None:
    assert pinyin_query("Xi'an Jiao Tong") == "xianjiaotong"
