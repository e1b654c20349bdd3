"""What the view's tooltips say over a name or a figure, as Qt rich text with every
article-supplied string escaped."""

from __future__ import annotations

from html import escape

from reader.analysis.model import Mention, Figure
from reader.ui.display import format_figure_value
from reader.ui.theme import ENTITY_LABELS


def mention_tooltip(mention: Mention, description: str, color: str) -> str:
    """The canonical name, its type in ``color`` (a CSS colour), the surface when it differs,
    and the gazetteer's description."""
    tip = f"<b>{escape(mention.entity)}</b> <span style='color:{color}'>{ENTITY_LABELS[mention.type]}</span>"
    if mention.surface != mention.entity:
        tip += f"<br/><i>“{escape(mention.surface)}”</i>"
    if description:
        tip += f"<br/>{escape(description)}"
    return f"<qt>{tip}</qt>"


def figure_tooltip(figure: Figure) -> str:
    """The figure as written for a reader, what it measures, of whom and when."""
    parts = [f"<b>{escape(format_figure_value(figure))}</b>"]
    for name, value in (("label", figure.label), ("subject", figure.subject), ("period", figure.period)):
        if value:
            parts.append(f"{name}: {escape(value)}")
    if figure.kind.value != "actual":
        parts.append(figure.kind.value)
    return "<qt>" + "<br/>".join(parts) + "</qt>"
