"""The number parser: Arabic, Chinese and mixed numerals, checked by table and by property."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.numerals import parse_number

_DIGITS = "零一二三四五六七八九"


def _below_10k(n: int, *, leading: bool) -> str:
    """Standard Chinese for 0 < n < 10 000, with 零 for skipped places."""
    out: list[str] = []
    zero_pending = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        if unit == "十" and digit == 1 and leading and not out:
            out.append("十")  # 十二, not 一十二, at the start of a number
        else:
            out.append(_DIGITS[digit] + unit)
    return "".join(out)


def to_chinese(n: int, *, leading: bool = True) -> str:
    """The way a newspaper spells ``n`` in Chinese numerals (the oracle for the property test)."""
    if n == 0:
        return "零"
    if n >= 10**8:
        high, low = divmod(n, 10**8)
        text = to_chinese(high, leading=leading) + "亿"
        if low:
            text += ("零" if low < 10**7 else "") + to_chinese(low, leading=False)
        return text
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        text = _below_10k(high, leading=leading) + "万"
        if low:
            text += ("零" if low < 1000 else "") + _below_10k(low, leading=False)
        return text
    return _below_10k(n, leading=leading)


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_reads_back_any_chinese_integer(n: int) -> None:
    assert parse_number(to_chinese(n)) == n


@given(st.integers(min_value=1, max_value=10**15))
def test_parse_number_reads_liang_for_two(n: int) -> None:
    text = to_chinese(n)
    # 两 replaces 二 before 千, 百, 万 and 亿 in ordinary writing.
    for unit in "千百万亿":
        text = text.replace("二" + unit, "两" + unit)
    assert parse_number(text) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_round_trips_arabic_with_commas(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_parse_number_round_trips_arabic_decimals(d) -> None:  # type: ignore[no-untyped-def]
    assert parse_number(f"{d:,}") == pytest.approx(float(d))


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿", "万亿"]))
def test_parse_number_mixes_arabic_and_magnitude(n: int, magnitude: str) -> None:
    factor = {"万": 10**4, "亿": 10**8, "万亿": 10**12}[magnitude]
    assert parse_number(f"{n}{magnitude}") == n * factor
    assert parse_number(f"{n / 100}{magnitude}") == pytest.approx(n / 100 * factor)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.5", 1234.5),
        ("１２３", 123),
        ("１２．５", 12.5),
        ("3.5万", 35_000),
        ("1.2万亿", 1_200_000_000_000),
        ("8.03万亿", 8_030_000_000_000),
        ("一千二百万", 12_000_000),
        ("两亿", 200_000_000),
        ("一百零五", 105),
        ("十二", 12),
        ("二十", 20),
        ("三十万", 300_000),
        ("三亿五千万", 350_000_000),
        ("一亿零五百万", 105_000_000),
        ("二〇二一", 2021),
        ("三点五亿", 350_000_000),
        ("百万", 1_000_000),
        ("千万", 10_000_000),
        ("万亿", 1_000_000_000_000),
        ("亿", 100_000_000),
        ("三万五", 35_000),  # colloquial: the lone digit counts in the next lower place
        ("一千二", 1_200),
        ("壹佰贰拾", 120),
        ("5千", 5_000),
        ("0.5", 0.5),
    ],
)
def test_parse_number_table(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "junk", ["", "  ", "abc", "十十", "万万", "亿亿", "1,23", "3.5.5", "三点", "百分", "5%", "-5", "一个"]
)
def test_parse_number_rejects_junk(junk: str) -> None:
    with pytest.raises(ValueError):
        parse_number(junk)


@given(st.from_regex(r"\A[0-9]{1,20}(\.[0-9]{1,20})?\Z"))
def test_parse_number_plain_arabic_rounds_like_decimal(s: str) -> None:
    """Plain Arabic numbers skip the Decimal parser; the float must be the one it gave."""
    assert parse_number(s) == float(Decimal(s))
