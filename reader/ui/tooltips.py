"""What the view's tooltips say over a name or a figure, as Qt rich text with every
article-supplied string escaped."""

from __future__ import annotations

from html import escape

from reader.analysis.model import Mention, Metric
from reader.ui.display import format_metric_value
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


def metric_tooltip(metric: Metric) -> str:
    """The figure as written for a reader, what it measures, of whom and when."""
    parts = [f"<b>{escape(format_metric_value(metric))}</b>"]
    for name, value in (("label", metric.label), ("subject", metric.subject), ("period", metric.period)):
        if value:
            parts.append(f"{name}: {escape(value)}")
    if metric.kind.value != "actual":
        parts.append(metric.kind.value)
    return "<qt>" + "<br/>".join(parts) + "</qt>"
