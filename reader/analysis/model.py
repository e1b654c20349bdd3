"""Entities, mentions and figures: spans over an article's canonical text."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reader.spans import check_span


class EntityType(Enum):
    PERSON = "person"
    ORG = "org"
    PRODUCT = "product"
    PLACE = "place"


class FigureKind(Enum):
    ACTUAL = "actual"
    FORECAST = "forecast"
    TARGET = "target"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: its name, type, the aliases that point at it, and what it is."""

    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """``text[start:end]`` names the entity ``entity`` (its canonical name)."""

    start: int
    end: int
    entity: str
    type: EntityType
    surface: str

    def __post_init__(self) -> None:
        check_span(self.start, self.end, "mention")
        if len(self.surface) != self.end - self.start:
            raise ValueError(
                f"mention surface {self.surface!r} does not fit [{self.start}, {self.end})"
            )


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure: ``text[start:end]`` normalised to ``value`` in ``unit``."""

    start: int
    end: int
    surface: str
    value: float
    unit: str  # from resources/figures vocabulary: CNY, USD, HKD, %, times, users, …
    unit_implied: bool = False
    qualifier: str | None = None  # hedge: 约, 近, 超过, 不到, 多, 以上 …
    label: str | None = None  # what was measured, as the article names it: 内地抽佣率, 营业收入 …
    subject: str | None = None  # canonical entity name it belongs to
    period: str | None = None  # 2021, 2021年7月, 2020财年 …
    kind: FigureKind = FigureKind.ACTUAL
    measure: str | None = None  # the label normalised, for grouping and charts: GMV, 营收, 日活 …

    def __post_init__(self) -> None:
        check_span(self.start, self.end, "figure")
        if len(self.surface) != self.end - self.start:
            raise ValueError(
                f"figure surface {self.surface!r} does not fit [{self.start}, {self.end})"
            )


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech: ``text[start:end]`` is what was said (the words inside the quotation
    marks, or the reported clause), ``text[cue_start:cue_end]`` the words that attribute it
    (表示, 称, 在…看来; a quotation standing alone inherits its cue from the quote before it).
    ``speaker`` is the canonical name of the entity that said it, or None for an unnamed source
    (有业内人士透露) or one the names layer could not resolve."""

    start: int
    end: int
    speaker: str | None
    cue_start: int
    cue_end: int

    def __post_init__(self) -> None:
        check_span(self.start, self.end, "quote")
        check_span(self.cue_start, self.cue_end, "quote cue")
        if self.start == self.end:
            raise ValueError(f"quote [{self.start}, {self.end}) is empty")


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the analysis found in one article: its mentions, then the figures and quotes that
    refer to them."""

    mentions: tuple[Mention, ...] = ()
    figures: tuple[Figure, ...] = ()
    partial: str | None = None  # why only part of the article was analysed (its budget), else None
    quotes: tuple[Quote, ...] = ()  # who said what, speakers from ``mentions``
