"""How figures are written for a Chinese reader: 6000亿元, 1.2万亿元, 2500亿美元, 47%, 2倍."""

from __future__ import annotations

from html import escape

from reader.analysis.model import Figure

CURRENCY = {
    "CNY": "元",
    "USD": "美元",
    "HKD": "港元",
    "EUR": "欧元",
    "JPY": "日元",
    "GBP": "英镑",
    "KRW": "韩元",
}
COUNTS = {
    "users": "用户",
    "followers": "粉丝",
    "stores": "家",
    "brands": "个品牌",
    "items": "件",
    "people": "人",
    "other": "",
}
# Largest first: 1.2万亿 rather than 12000亿.
MAGNITUDES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))


def number(value: float, digits: int = 2) -> str:
    """``value`` with at most ``digits`` decimals and no trailing zeros: 1.2, 6000, 0.35."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def chinese_magnitude(value: float) -> str:
    """A large number the way Chinese news writes it: 6000亿, 1.2万亿, 3.5万, 800."""
    size = abs(value)
    for threshold, word in MAGNITUDES:
        if size >= threshold:
            return number(value / threshold) + word
    return number(value)


def format_value(value: float, unit: str) -> str:
    if unit in CURRENCY:
        return chinese_magnitude(value) + CURRENCY[unit]
    if unit == "%":
        return number(value) + "%"
    if unit == "pp":
        return number(value) + "个百分点"
    if unit == "times":
        return number(value) + "倍"
    return chinese_magnitude(value) + COUNTS.get(unit, "")


def format_figure_amount(figure: Figure) -> str:
    """The figure's normalised value, a plain count with the article's counter: 80万辆, not
    80万件."""
    counter = _counter(figure)
    if counter:
        return chinese_magnitude(figure.value) + counter
    return format_value(figure.value, figure.unit)


def format_figure_value(figure: Figure) -> str:
    text = format_figure_amount(figure)
    return f"{figure.qualifier}{text}" if figure.qualifier else text


# Units whose counter the article's own word says better than the normalised one.
_PLAIN_COUNTS = frozenset(("items", "other"))
_NOT_COUNTERS = "万亿千百十元"


def _counter(figure: Figure) -> str:
    """The measure word the article wrote after a plain count (辆, 台, 篇), or ''."""
    if figure.unit not in _PLAIN_COUNTS:
        return ""
    last = figure.surface.rstrip()[-1:]
    return last if last and "\u4e00" <= last <= "\u9fff" and last not in _NOT_COUNTERS else ""


def plain_tooltip(text: str) -> str:
    """A tooltip that shows article-supplied ``text`` as written: Qt reads a tooltip that looks
    like HTML as rich text (an <img src=/dev/zero> in a title would be loaded), so the text is
    escaped inside a paragraph, with its line breaks kept."""
    return "<p style='white-space:pre-wrap'>" + escape(text) + "</p>"
