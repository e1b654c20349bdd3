"""The jieba segmenter: its own tokenizer, gazetteer words, code-point spans."""

from __future__ import annotations

import jieba
import pytest

from reader.analysis.gazetteer import Gazetteer
from reader.analysis.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter(Gazetteer.load())


def test_segment_spans_cover_words_in_code_points(segmenter: Segmenter) -> None:
    text = "😀抖音电商罗盘上线，字节跳动 发布"
    spans = segmenter.spans(text)
    words = [text[s:e] for s, e in spans]
    assert "抖音电商罗盘" in words and "字节跳动" in words
    assert all(text[s:e].strip() for s, e in spans)
    assert spans == sorted(spans)


def test_segment_keeps_gazetteer_names_whole(segmenter: Segmenter) -> None:
    words = [t.word for t in segmenter.posseg("北京字节跳动董事长张利东找到康泽宇")]
    assert "北京字节跳动" in words and "康泽宇" in words


def test_segment_posseg_offsets_slice_the_text(segmenter: Segmenter) -> None:
    text = "Blue Lotus的肖恩·杨(Shawn Yang)表示，抖音很强。"
    for token in segmenter.posseg(text):
        assert text[token.start:token.end] == token.word


def test_segment_does_not_touch_the_global_jieba(segmenter: Segmenter) -> None:
    segmenter.spans("巨量千川")
    assert jieba.dt.FREQ.get("巨量千川") is None


def test_segment_is_word_knows_dictionary_words(segmenter: Segmenter) -> None:
    assert segmenter.is_word("顾客")
    assert not segmenter.is_word("黄周")


def test_segment_add_words_after_loading(segmenter: Segmenter) -> None:
    from reader.analysis.model import EntityType

    segmenter.add_words([("鹅鸭杀", EntityType.PRODUCT)])
    assert "鹅鸭杀" in [t.word for t in segmenter.posseg("他在玩鹅鸭杀游戏")]


@pytest.mark.parametrize(
    "text",
    [
        "在佛山，黄周和其他265名商家接受了培训。",
        "“湘野红姐”龚红玉在抖音积累了粉丝，带货GMV超过3.5亿元。",
        "王莆中将兼任闪购负责人，iPhone15 Pro在京东首发。",
    ],
)
def test_segment_posseg_words_are_jiebas_cut(segmenter: Segmenter, text: str) -> None:
    """posseg's words are Tokenizer.cut's (dictionary route, finalseg HMM for unknown runs)."""
    cut = [w for w in segmenter._ensure().cut(text, HMM=True) if w.strip()]
    assert [t.word for t in segmenter.posseg(text)] == cut


def test_segment_posseg_tags_from_the_dictionary(segmenter: Segmenter) -> None:
    tags = {t.word: t.flag for t in segmenter.posseg("北京的顾客在周末购买了小米手机")}
    assert (tags["北京"], tags["周末"], tags["购买"], tags["的"]) == ("ns", "t", "v", "uj")


def test_segment_posseg_tags_unknown_names_with_the_hmm(segmenter: Segmenter) -> None:
    tags = {t.word: t.flag for t in segmenter.posseg("“湘野红姐”龚红玉在抖音积累了粉丝")}
    assert tags["龚红玉"] == "nr"


def test_segment_posseg_punctuation_and_latin(segmenter: Segmenter) -> None:
    text = "GMV达3.5亿，（腾讯）"
    tokens = segmenter.posseg(text)
    assert [(t.word, t.flag) for t in tokens if t.word in {"GMV", "3.5", "，", "（"}] == [
        ("GMV", "eng"), ("3.5", "m"), ("，", "x"), ("（", "x"),
    ]
    assert all(text[t.start:t.end] == t.word for t in tokens)


def test_segmenter_tags_words_on_its_first_call() -> None:
    from reader.analysis.segment import Segmenter

    tokens = Segmenter().posseg("公司加大投资，扩大规模。")
    assert ("投资", "vn") in [(t.word, t.flag) for t in tokens]
