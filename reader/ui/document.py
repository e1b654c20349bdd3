"""Builds the reading document from an Article and paints its layers (styles, mentions, figures).

The document holds exactly ``Article.text``: each ``"\\n"`` becomes a block separator and
nothing else is added (the header is a separate widget), so positions convert with
:class:`reader.ui.positions.PositionMap` alone. Formats are applied inside one edit block: one
relayout instead of one per span.
"""

from __future__ import annotations

import re

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
)

from reader.analysis.model import EntityType, Mention, Figure
from reader.ingest.credits import byline_blocks
from reader.ingest.model import Article, Block, BlockKind, StyleKind
from reader.ui.positions import PositionMap
from reader.ui.theme import Theme

# Char-format properties that mark what a span is, so tests (and the view) can read them back.
ENTITY_PROPERTY = QTextFormat.Property.UserProperty + 1  # canonical entity name
ENTITY_TYPE_PROPERTY = QTextFormat.Property.UserProperty + 2  # EntityType.value
FIGURE_PROPERTY = QTextFormat.Property.UserProperty + 3  # index into Analysis.figures

LINE_HEIGHT = 1.8  # in ems: CJK text needs more leading than Latin
HEADING_LINE_HEIGHT = 1.4
HEADING_SCALE = {1: 1.55, 2: 1.32, 3: 1.16}

# Characters QTextCursor.insertText would turn into structure (block or frame markers): each is
# replaced by one UTF-16 unit so positions stay aligned with the article text.
_SAFE = str.maketrans(
    {"\r": " ", "\u2028": " ", "\u2029": " ", "\ufdd0": "\ufffd", "\ufdd1": "\ufffd", "\ufffc": "\ufffd"}
)


@dataclass(frozen=True, slots=True)
class Layers:
    """What to paint over the text."""

    mentions: tuple[Mention, ...] = ()
    figures: tuple[Figure, ...] = ()
    hidden_types: frozenset[EntityType] = frozenset()


def build_document(
    document: QTextDocument, article: Article, layers: Layers, theme: Theme, font: QFont
) -> PositionMap:
    """Fill ``document`` with ``article``; returns the map from article offsets to positions."""
    positions = PositionMap(article.text)
    document.clear()
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    _insert_blocks(cursor, article, theme, font)
    _apply_styles(cursor, article, positions)
    paint_mentions(cursor, layers.mentions, layers.hidden_types, positions, theme)
    paint_figures(cursor, layers.figures, positions, theme)
    cursor.endEditBlock()
    _fold_bylines(document, article, positions)
    return positions


def _fold_bylines(document: QTextDocument, article: Article, positions: PositionMap) -> None:
    """Byline lines ("文 | 甲", "编辑 | 乙", "本文来自微信公众号…") take no room: the header shows
    their credits. They stay in the document, so positions and names in them are unchanged."""
    for block in byline_blocks(article.text, article.blocks):
        shown = document.findBlock(positions.to_qt(block.start))
        shown.setVisible(False)
        document.markContentsDirty(shown.position(), shown.length())


def reveal(document: QTextDocument, position: int) -> bool:
    """Lay out again the folded block holding ``position`` (a jump lands there); True if it was folded."""
    shown = document.findBlock(position)
    if not shown.isValid() or shown.isVisible():
        return False
    shown.setVisible(True)
    document.markContentsDirty(shown.position(), shown.length())
    return True


def document_text(document: QTextDocument) -> str:
    """The document's characters with block separators as "\\n" (and nothing else rewritten,
    unlike ``toPlainText`` which turns no-break spaces into spaces)."""
    return document.toRawText().replace("\u2029", "\n")


def _line_starts(text: str) -> Iterable[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _insert_blocks(cursor: QTextCursor, article: Article, theme: Theme, font: QFont) -> None:
    blocks = sorted(article.blocks, key=lambda b: b.start)
    starts = [b.start for b in blocks]
    base_size = font.pointSizeF()
    # Qt's proportional line height is relative to the font's own line spacing (about 1.45 em
    # for Noto CJK), not to the em: convert so that the leading is what the constant says.
    spacing = QFontMetricsF(font).lineSpacing() or base_size * 96 / 72
    em = base_size * 96 / 72
    proportion = 100 * em / spacing
    current_list: QTextList | None = None
    for i, (start, line) in enumerate(_line_starts(article.text)):
        k = bisect_right(starts, start) - 1
        block = blocks[k] if k >= 0 and start < blocks[k].end else None
        block_format, char_format = _formats(block, theme, base_size, proportion)
        if block_format.alignment() == Qt.AlignmentFlag.AlignJustify and _LATIN_SPACE.search(line):
            # Qt justifies by widening spaces; Chinese has none, so a paragraph's few spaces
            # between Latin words would take all the slack ("To      B"). Such a paragraph is
            # set flush left (issue 17).
            block_format.setAlignment(Qt.AlignmentFlag.AlignLeft)
        if i == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        if block is not None and block.kind is BlockKind.LIST_ITEM:
            if current_list is None:
                list_format = QTextListFormat()
                list_format.setStyle(QTextListFormat.Style.ListDisc)
                list_format.setIndent(1)
                current_list = cursor.createList(list_format)
            else:
                current_list.add(cursor.block())
        else:
            current_list = None
        cursor.insertText(line.translate(_SAFE), char_format)


_LATIN_SPACE = re.compile(r"[A-Za-z0-9] +[A-Za-z0-9]")


def _formats(
    block: Block | None, theme: Theme, base_size: float, proportion: float
) -> tuple[QTextBlockFormat, QTextCharFormat]:
    kind = block.kind if block is not None else BlockKind.PARAGRAPH
    px = base_size * 96 / 72
    bf = QTextBlockFormat()
    bf.setLineHeight(LINE_HEIGHT * proportion, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    bf.setBottomMargin(px * 0.9)
    cf = QTextCharFormat()
    cf.setForeground(theme.text)
    if kind is BlockKind.PARAGRAPH:
        bf.setAlignment(Qt.AlignmentFlag.AlignJustify)
    elif kind is BlockKind.HEADING:
        level = (block.level if block is not None else 0) or 2
        bf.setLineHeight(HEADING_LINE_HEIGHT * proportion, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        bf.setTopMargin(px * (1.4 if level <= 2 else 1.0))
        bf.setBottomMargin(px * 0.6)
        bf.setHeadingLevel(level)
        cf.setFontWeight(QFont.Weight.Bold)
        cf.setFontPointSize(base_size * HEADING_SCALE.get(level, 1.05))
    elif kind is BlockKind.QUOTE:
        bf.setLeftMargin(px * 1.2)
        bf.setRightMargin(px * 0.6)
        bf.setTopMargin(px * 0.2)
        bf.setBackground(theme.quote_bg)
        cf.setForeground(theme.muted)
    elif kind is BlockKind.LIST_ITEM:
        bf.setBottomMargin(px * 0.35)
    elif kind is BlockKind.CAPTION:
        bf.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        cf.setForeground(theme.muted)
        cf.setFontPointSize(base_size * 0.86)
    return bf, cf


def _apply_styles(cursor: QTextCursor, article: Article, positions: PositionMap) -> None:
    for style in article.styles:
        fmt = QTextCharFormat()
        if style.kind is StyleKind.BOLD:
            fmt.setFontWeight(QFont.Weight.Bold)
        else:
            fmt.setFontItalic(True)
        _merge(cursor, positions, style.start, style.end, fmt)


def paint_mentions(
    cursor: QTextCursor,
    mentions: Iterable[Mention],
    hidden: frozenset[EntityType],
    positions: PositionMap,
    theme: Theme,
) -> None:
    for mention in mentions:
        if mention.type in hidden:
            continue
        fmt = QTextCharFormat()
        fmt.setForeground(theme.entity_text(mention.type))
        fmt.setBackground(theme.entity_background(mention.type))
        fmt.setProperty(ENTITY_PROPERTY, mention.entity)
        fmt.setProperty(ENTITY_TYPE_PROPERTY, mention.type.value)
        _merge(cursor, positions, mention.start, mention.end, fmt)


def paint_figures(cursor: QTextCursor, figures: Iterable[Figure], positions: PositionMap, theme: Theme) -> None:
    for index, figure in enumerate(figures):
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(theme.figure)
        fmt.setProperty(FIGURE_PROPERTY, index)
        _merge(cursor, positions, figure.start, figure.end, fmt)


def _merge(cursor: QTextCursor, positions: PositionMap, start: int, end: int, fmt: QTextCharFormat) -> None:
    cursor.setPosition(positions.to_qt(start))
    cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)
