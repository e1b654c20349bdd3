"""Figures written the way Chinese news writes them."""

from __future__ import annotations

import pytest

from reader.analysis.figures import extract_figures
from reader.ui.display import format_figure_value, format_value
from reader.ui.models.figures import figure_row_tsv


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (6e11, "CNY", "6000亿元"),
        (1.2e12, "CNY", "1.2万亿元"),
        (2.5e11, "USD", "2500亿美元"),
        (47, "%", "47%"),
        (2, "times", "2倍"),
        (3.5, "pp", "3.5个百分点"),
        (6e8, "users", "6亿用户"),
        (35000, "people", "3.5万人"),
        (800, "CNY", "800元"),
        (1.7e12, "USD", "1.7万亿美元"),
    ],
)
def test_format_value_uses_chinese_magnitudes(value: float, unit: str, text: str) -> None:
    assert format_value(value, unit) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("全年目标销量80万辆。", "80万辆"),  # the article's counter, not a generic 件
        ("出货量为 3.3 亿台。", "3.3亿台"),
        ("获得5亿元融资。", "5亿元"),
        ("用户达到6亿。", "6亿用户"),
    ],
)
def test_a_figure_is_shown_with_the_articles_counter(text: str, shown: str) -> None:
    (figure,) = extract_figures(text)
    assert format_figure_value(figure) == shown


def test_the_figures_panel_value_column_keeps_the_articles_counter() -> None:
    (figure,) = extract_figures("全年目标销量80万辆。")
    assert figure_row_tsv(figure).split("\t")[1] == "80万辆"
