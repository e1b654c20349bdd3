"""Code points ↔ Qt positions, against a real QTextDocument built from the article."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from reader.ingest.model import Article, Block, BlockKind
from reader.ui.document import Layers, build_document, document_text
from reader.ui.positions import PositionMap
from reader.ui.theme import LIGHT, reading_font

TEXT = "A😀中\n𠀀B"


def _article(text: str) -> Article:
    blocks, start = [], 0
    for line in text.split("\n"):
        if line:
            blocks.append(Block(BlockKind.PARAGRAPH, start, start + len(line)))
        start += len(line) + 1
    return Article(key="t.md", file="t.md", title="t", text=text, blocks=tuple(blocks))


def _qt_slice(document: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


@pytest.mark.parametrize(
    ("offset", "position"),
    [(0, 0), (1, 1), (2, 3), (3, 4), (4, 5), (5, 7), (6, 8)],
)
def test_position_map_counts_astral_characters_twice(offset: int, position: int) -> None:
    positions = PositionMap(TEXT)
    assert positions.to_qt(offset) == position
    assert positions.to_offset(position) == offset


def test_position_map_rounds_a_position_inside_a_surrogate_pair_down() -> None:
    positions = PositionMap(TEXT)
    assert positions.to_offset(2) == 1  # between the two halves of 😀
    assert positions.to_offset(6) == 4  # between the two halves of 𠀀


def test_position_map_rejects_out_of_range() -> None:
    with pytest.raises(ValueError, match="offset 7 outside text of length 6"):
        PositionMap(TEXT).to_qt(7)


def test_newline_between_blocks_is_one_position(qapp: object) -> None:
    document = QTextDocument()
    positions = build_document(document, _article(TEXT), Layers(), LIGHT, reading_font(True, 12))
    assert document.blockCount() == 2
    assert document_text(document) == TEXT
    newline = TEXT.index("\n")
    assert _qt_slice(document, positions.to_qt(newline), positions.to_qt(newline + 1)) == "\n"
    assert _qt_slice(document, positions.to_qt(4), positions.to_qt(5)) == "𠀀"


_chars = st.one_of(
    st.sampled_from("中文字节跳动阿里巴巴，。“”a Z9😀🎉𠀀𪚥\n"),
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
)


@given(st.text(_chars, max_size=60), st.data())
def test_slices_through_the_map_match_the_python_text(qapp: object, text: str, data: st.DataObject) -> None:
    document = QTextDocument()
    positions = build_document(document, _article(text), Layers(), LIGHT, reading_font(True, 12))
    assert document_text(document).replace("\ufffd", "?") == text.translate(_SAFE_VIEW).replace("\ufffd", "?")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _qt_slice(document, positions.to_qt(start), positions.to_qt(end)) == text[start:end].translate(_SAFE_VIEW)
    for offset in (start, end):
        assert positions.to_offset(positions.to_qt(offset)) == offset


# What the document shows for characters Qt would read as structure (see reader/ui/document.py).
_SAFE_VIEW = str.maketrans({"\r": " ", "\u2028": " ", "\u2029": " ", "\ufdd0": "\ufffd", "\ufdd1": "\ufffd", "\ufffc": "\ufffd"})
