"""The Article and its structural blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from reader.spans import check_span


class BlockKind(Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    CAPTION = "caption"


class StyleKind(Enum):
    BOLD = "bold"
    ITALIC = "italic"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like unit: ``text[start:end]``, non-empty and trimmed."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0  # heading level 1..6; 0 for other kinds

    def __post_init__(self) -> None:
        # The message is built only on failure: a 10k library builds 200k blocks on reopen.
        if not (type(self.start) is int and type(self.end) is int and 0 <= self.start <= self.end):
            check_span(self.start, self.end, f"{self.kind.value} block")


@dataclass(frozen=True, slots=True)
class Style:
    """Inline emphasis kept from the source (bold, italic) over ``text[start:end]``."""

    kind: StyleKind
    start: int
    end: int

    def __post_init__(self) -> None:
        if not (type(self.start) is int and type(self.end) is int and 0 <= self.start <= self.end):
            check_span(self.start, self.end, f"{self.kind.value} style")


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article. ``blocks`` are separated in ``text`` by a single newline."""

    key: str  # stable id: relative path within the library folder
    file: str  # the path as given relative to the folder argument
    title: str
    text: str
    blocks: tuple[Block, ...] = ()
    styles: tuple[Style, ...] = ()
    source: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) or None
    tags: tuple[str, ...] = ()
    url: str | None = None
    content_hash: str = ""  # sha256 of the raw file bytes
    credits: tuple[tuple[str, str], ...] = ()  # (role, name) from the bylines: ("编辑", "黄俊杰")
    path: str = field(default="", compare=False)  # absolute path on disk, when loaded from one

    def __post_init__(self) -> None:
        n = len(self.text)
        for block in self.blocks:
            if block.end > n:
                raise ValueError(f"block [{block.start}, {block.end}) beyond text of length {n}")
        for style in self.styles:
            if style.end > n:
                raise ValueError(f"style [{style.start}, {style.end}) beyond text of length {n}")
