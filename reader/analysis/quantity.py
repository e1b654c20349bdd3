"""A figure as the grammar finds it: where it is written, what it is worth and in what unit.
``figure_grammar`` finds them, ``figure_forms`` reads the ones written as words, and
``figure_context`` gives each its label, subject and period."""

from __future__ import annotations

from dataclasses import dataclass

from reader.spans import check_span


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure the grammar found: ``text[start:end]`` is worth ``value`` in ``unit``.

    ``label`` is set when the figure names what it counts (2万名粉丝 → 粉丝数); ``unit`` is None
    when nothing in or right after the figure says what it is counted in (6亿, 9.5万亿) —
    the sentence decides.  ``scale`` is the magnitude written (万 → 10 000), used by ranges.
    ``anaphoric`` marks a figure already given (这6亿用户)."""

    start: int
    end: int
    surface: str
    value: float
    unit: str | None
    unit_implied: bool
    qualifier: str | None = None
    label: str | None = None
    scale: float = 1.0
    anaphoric: bool = False

    def __post_init__(self) -> None:
        check_span(self.start, self.end, "figure")
        if len(self.surface) != self.end - self.start:
            raise ValueError(f"figure surface {self.surface!r} does not fit [{self.start}, {self.end})")
