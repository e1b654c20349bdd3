"""Tooltip text over names and figures: article-supplied strings are escaped."""

from __future__ import annotations

from reader.analysis.model import EntityType, Mention, Figure, FigureKind
from reader.ui.tooltips import mention_tooltip, figure_tooltip


def test_mention_tooltip_names_type_surface_and_description_escaped() -> None:
    mention = Mention(0, 2, "字节跳动", EntityType.ORG, "字节")
    tip = mention_tooltip(mention, "<b>抖音</b>的母公司", "#123456")
    assert tip.startswith("<qt><b>字节跳动</b>") and "Organisation" in tip and "#123456" in tip
    assert "“字节”" in tip and "&lt;b&gt;抖音&lt;/b&gt;的母公司" in tip


def test_figure_tooltip_lists_what_is_known() -> None:
    figure = Figure(0, 6, surface="6000亿元", value=6e11, unit="CNY", label="营收<", subject="阿里巴巴", kind=FigureKind.FORECAST)
    tip = figure_tooltip(figure)
    assert "label: 营收&lt;" in tip and "subject: 阿里巴巴" in tip and "period" not in tip
    assert tip.endswith(f"{FigureKind.FORECAST.value}</qt>")
