"""A small line chart of one figure over time, drawn with QPainter: one point per period (the
value most sources give), every source's report as a faint dot, disagreements ringed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from reader.library.figures import Series
from reader.ui.display import format_value


class FigureChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureChart")
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._series: Series | None = None
        self._conflicted: frozenset[str] = frozenset()
        self.line = QColor("#1b5fb4")
        self.conflict = QColor("#c62828")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, 180)

    def set_series(self, series: Series | None, conflicted_periods: frozenset[str] = frozenset()) -> None:
        self._series = series
        self._conflicted = conflicted_periods
        self.setToolTip(self._tooltip())
        self.update()

    def series(self) -> Series | None:
        return self._series

    def _tooltip(self) -> str:
        if self._series is None:
            return ""
        lines = []
        for point in self._series.points:
            values = sorted({r.figure.value for r in point.reports})
            told = " / ".join(format_value(v, self._series.unit) for v in values)
            mark = "  ≠ sources disagree" if point.period in self._conflicted else ""
            lines.append(f"{point.period} ({point.kind.value}): {told}{mark}")
        return "\n".join(lines)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._series is None or not self._series.points:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor(text)
        muted.setAlphaF(0.55)
        grid = QColor(text)
        grid.setAlphaF(0.12)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        figures = QFontMetrics(font)
        points = self._series.points
        values = [v for p in points for v in {p.value, *(r.figure.value for r in p.reports)}]
        top_value = max(max(values), 0.0)
        low_value = min(min(values), 0.0)
        span = (top_value - low_value) or abs(top_value) or 1.0
        label_width = max(figures.horizontalAdvance(format_value(v, self._series.unit)) for v in (top_value, low_value)) + 8
        plot = QRectF(label_width, 10, self.width() - label_width - 14, self.height() - figures.height() - 22)

        def y_of(value: float) -> float:
            return plot.bottom() - (value - low_value) / span * plot.height()

        def x_of(i: int) -> float:
            return plot.left() + (plot.width() * (i + 0.5) / len(points))

        # grid and value labels
        for fraction in (0.0, 0.5, 1.0):
            value = low_value + span * fraction
            y = y_of(value)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(QRectF(0, y - figures.height() / 2, label_width - 6, figures.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, format_value(value, self._series.unit))
        # the line through the usual values
        path = QPainterPath()
        for i, point in enumerate(points):
            position = QPointF(x_of(i), y_of(point.value))
            if i == 0:
                path.moveTo(position)
            else:
                path.lineTo(position)
        painter.setPen(QPen(self.line, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        for i, point in enumerate(points):
            x = x_of(i)
            # every source's report, faint
            painter.setPen(QPen(muted, 1))
            for value in {r.figure.value for r in point.reports} - {point.value}:
                painter.drawEllipse(QPointF(x, y_of(value)), 3, 3)
            forecast = point.kind.value != "actual"
            painter.setPen(QPen(self.line, 2))
            painter.setBrush(palette.color(QPalette.ColorRole.Base) if forecast else self.line)
            painter.drawEllipse(QPointF(x, y_of(point.value)), 4, 4)
            if point.period in self._conflicted:
                painter.setPen(QPen(self.conflict, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(x, y_of(point.value)), 8, 8)
                painter.drawText(QPointF(x + 9, y_of(point.value) - 6), "≠")
            painter.setPen(muted)
            label = figures.elidedText(point.period, Qt.TextElideMode.ElideRight, int(plot.width() / len(points)) - 2)
            painter.drawText(QRectF(x - plot.width() / len(points) / 2, plot.bottom() + 6, plot.width() / len(points), figures.height()), Qt.AlignmentFlag.AlignHCenter, label)
        painter.end()
