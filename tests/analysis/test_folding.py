"""The searching form: one character for one, traditional to simplified, Latin in lower case."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.folding import search_form, search_pattern


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("字節跳動", "字节跳动"),
        ("字节跳动", "字节跳动"),
        ("騰訊控股", "腾讯控股"),
        ("長安汽車", "长安汽车"),
        ("ＡＩ芯片", "ai芯片"),
        ("OpenAI發布GPT", "openai发布gpt"),
    ],
)
def test_search_form_folds_scripts_width_and_case(text: str, folded: str) -> None:
    assert search_form(text) == folded


def test_search_form_traditional_query_finds_simplified_text_and_back() -> None:
    text = "据报道，字节跳动旗下抖音……而 字節跳動 的海外业务"
    folded = search_form(text)
    starts = [i for i in range(len(text)) if folded.startswith(search_form("字節跳動"), i)]
    assert [text[i : i + 4] for i in starts] == ["字节跳动", "字節跳動"]
    assert folded.count(search_form("字节跳动")) == 2


@given(st.text())
def test_search_form_keeps_offsets(text: str) -> None:
    assert len(search_form(text)) == len(text)


# What folding must handle, from every table: traditional, full width, Latin capitals, dots,
# the ideographic space, an emoji and a CJK Extension B character (astral), kept punctuation.
_FOLDED_ALPHABET = st.sampled_from(list("字節跳動騰訊長安汽車ＡＩＺａ＃ABCXYZabc•‧・･\u3000（）：；，！？😀𠀀\n 1２"))


@given(st.lists(_FOLDED_ALPHABET, min_size=1, max_size=40), st.integers(min_value=1, max_value=60))
def test_search_form_of_a_long_text_is_its_pieces_folded(piece: list[str], times: int) -> None:
    """An article folds by a lookup array, a query by str.translate: one character folds the
    same either way, so a long text folds as its short pieces do."""
    text = "".join(piece) * (512 // len(piece) + times)  # long enough for the array
    folded = search_form(text)
    assert folded == "".join(search_form(text[i : i + 100]) for i in range(0, len(text), 100))
    assert len(folded) == len(text)


def test_search_form_of_a_long_text_keeps_a_lone_surrogate() -> None:
    text = "字節跳動" * 200 + "\udc80" + "ＡＩ"
    assert search_form(text) == "字节跳动" * 200 + "\udc80" + "ai"


_FOLDING_CHARS = st.sampled_from("電电字節节跳動动 \n\tAaＡａ·•‧😀𠀋[]^-\\.*，。（）") | st.characters(blacklist_categories=("Cs",))


@given(text=st.text(_FOLDING_CHARS, max_size=60), query=st.text(_FOLDING_CHARS, min_size=1, max_size=3))
def test_search_pattern_finds_where_the_searching_form_holds_the_query(text: str, query: str) -> None:
    """The pattern matches the text as it is at the spans a find in its searching form gives."""
    folded, needle = search_form(text), search_form(query)
    spans, start = [], folded.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = folded.find(needle, start + len(needle))
    assert [m.span() for m in search_pattern(needle).finditer(text)] == spans
