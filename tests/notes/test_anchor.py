from __future__ import annotations

import random
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.notes.anchor import _search, anchor, anchor_all
from reader.notes.model import AnchorStatus, Kind, Selector, new_annotation

TEXT = (
    "阿里巴巴集团周四公布季度财报，营收同比增长8%。\n"
    "董事会主席蔡崇信表示，云智能集团的收入增速回到两位数，人工智能相关产品收入连续多个季度三位数增长。\n"
    "分析师认为，淘天集团的客户管理收入仍面临压力。"
)
QUOTE = "云智能集团的收入增速回到两位数"


def _select(text: str, quote: str, occurrence: int = 0) -> Selector:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return Selector.from_text(text, start, start + len(quote))


def test_anchor_unchanged_text_is_exact() -> None:
    found = anchor(TEXT, _select(TEXT, QUOTE))
    assert found.status is AnchorStatus.EXACT
    assert TEXT[found.start : found.end] == QUOTE


def test_anchor_text_inserted_before_the_quote_moves() -> None:
    selector = _select(TEXT, QUOTE)
    changed = "【编者按】本文已更新。\n" + TEXT
    found = anchor(changed, selector)
    assert found.status is AnchorStatus.MOVED
    assert changed[found.start : found.end] == QUOTE


def test_anchor_edit_inside_the_quote_is_fuzzy() -> None:
    selector = _select(TEXT, QUOTE)
    changed = TEXT.replace("增速回到两位数", "增速重回两位数")
    found = anchor(changed, selector)
    assert found.status is AnchorStatus.FUZZY
    assert changed[found.start : found.end] == "云智能集团的收入增速重回两位数"


def test_anchor_deleted_quote_is_orphaned() -> None:
    selector = _select(TEXT, QUOTE)
    changed = TEXT.replace("董事会主席蔡崇信表示，" + QUOTE + "，", "")
    assert anchor(changed, selector).status is AnchorStatus.ORPHANED


def test_anchor_duplicate_quote_nearest_wins() -> None:
    text = "营收增长。" * 3 + "\n" + "营收增长。" * 3
    selector = _select(text, "营收增长", occurrence=4)  # the second of the second paragraph
    changed = "新" + text.replace("\n", "")  # context either side is the same everywhere now
    found = anchor(changed, selector)
    assert changed[found.start : found.end] == "营收增长"
    # Every occurrence matches its context equally, so the one nearest the old place wins.
    assert found.start == changed.index("营收增长", selector.start - 1)


def test_anchor_duplicate_quote_context_beats_distance() -> None:
    text = "苹果公司发布新品。小米发布新品。"
    selector = _select(text, "发布新品", occurrence=1)  # the one after 小米
    changed = "华为发布新品。" * 5 + text
    found = anchor(changed, selector)
    assert changed[found.start - 2 : found.end] == "小米发布新品"


@pytest.mark.parametrize("astral", ["😀", "𠀀", "👩‍💻"])
def test_anchor_astral_characters_before_and_inside(astral: str) -> None:
    text = f"开头{astral}。{astral}字节跳动{astral}发布了新模型，豆包用户数破亿。"
    quote = f"字节跳动{astral}发布了新模型"
    selector = _select(text, quote)
    changed = astral * 3 + text
    found = anchor(changed, selector)
    assert found.status is AnchorStatus.MOVED
    assert changed[found.start : found.end] == quote
    edited = changed.replace("新模型", "新大模型")
    found = anchor(edited, selector)
    assert found.status is AnchorStatus.FUZZY
    assert edited[found.start : found.end] == f"字节跳动{astral}发布了新大模型"


def test_anchor_position_bookmark_follows_its_context() -> None:
    at = TEXT.index("分析师")
    selector = Selector.from_text(TEXT, at, at)
    assert anchor(TEXT, selector).status is AnchorStatus.EXACT
    changed = "插入一段新的导语，很长很长。\n" + TEXT
    found = anchor(changed, selector)
    assert found.status is AnchorStatus.MOVED
    assert changed[found.start :].startswith("分析师")
    assert anchor("完全不同的一篇文章，没有任何相同的句子。" * 3, selector).orphaned


def test_anchor_offsets_beyond_a_shorter_text_reanchor() -> None:
    selector = _select(TEXT, "客户管理收入")
    shorter = TEXT[TEXT.index("分析师") :]
    found = anchor(shorter, selector)
    assert shorter[found.start : found.end] == "客户管理收入"


def test_anchor_all_orders_by_text_and_keeps_orphans_last() -> None:
    late = new_annotation("lib", "a.md", Kind.HIGHLIGHT, selector=_select(TEXT, "客户管理收入"))
    early = new_annotation("lib", "a.md", Kind.HIGHLIGHT, selector=_select(TEXT, "阿里巴巴"))
    gone = new_annotation("lib", "a.md", Kind.HIGHLIGHT, selector=Selector("不存在的句子啊", "", "", 3, 10))
    entity = new_annotation("lib", "a.md", Kind.ENTITY_NOTE, entity="阿里巴巴")
    result = anchor_all(TEXT, [gone, late, entity, early])
    assert [a.annotation for a in result] == [early, late, gone, entity]
    assert result[2].anchor.orphaned and result[3].anchor.orphaned


def test_anchor_fuzzy_on_long_article_is_fast() -> None:
    shuffle = random.Random(8).sample
    paragraph = TEXT.replace("\n", "")
    # Distinct paragraphs, so the edited one is the only close match.
    text = "\n".join(f"第{i}段：" + "".join(shuffle(paragraph, len(paragraph))) for i in range(200))
    assert len(text) > 20_000
    start = text.index("第150段")
    selector = Selector.from_text(text, start, start + 60)
    edited = text[: start + 20] + "（更正）" + text[start + 24 :]
    began = time.perf_counter()
    found = anchor(edited, selector)
    elapsed = time.perf_counter() - began
    assert found.status is AnchorStatus.FUZZY
    assert edited[found.start : found.start + 6] == "第150段："
    assert elapsed < 0.5, f"fuzzy anchoring took {elapsed:.3f} s"


def _levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        diagonal, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (ca != cb))
    return row[-1]


@given(st.text("ab😀中", min_size=1, max_size=6), st.text("ab😀中", max_size=9))
def test_search_matches_dynamic_programming(pattern: str, text: str) -> None:
    anchored = _search(pattern, text, anchored=True)
    assert anchored == [_levenshtein(pattern, text[: j + 1]) for j in range(len(text))]
    free = _search(pattern, text, anchored=False)
    assert free == [min(_levenshtein(pattern, text[i : j + 1]) for i in range(j + 2)) for j in range(len(text))]


@given(st.text(min_size=1), st.data())
def test_anchor_any_selection_of_unchanged_text_is_exact(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    found = anchor(text, Selector.from_text(text, start, end))
    assert found.status is AnchorStatus.EXACT
    assert (found.start, found.end) == (start, end)


@given(st.text(min_size=1), st.text(min_size=1), st.data())
def test_anchor_selection_survives_insertion_before_it(text: str, inserted: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    selector = Selector.from_text(text, start, end)
    changed = inserted + text
    found = anchor(changed, selector)
    assert changed[found.start : found.end] == text[start:end]


def test_anchor_position_stays_before_its_words_when_the_text_before_changed() -> None:
    text = "第一句话在这里。\n王兴表示将继续投入。"
    at = text.index("王兴")
    bookmark = Selector.from_text(text, at, at)
    edited = "第一句话已经改写在这里了。\n王兴表示将继续投入。"
    found = anchor(edited, bookmark)
    assert edited[found.start :].startswith("王兴") and found.start == found.end
