"""Double-click words: the segmenter is asked one paragraph at a time, offsets come back in the
whole text's code points."""

from __future__ import annotations

from reader.ui.view_words import ParagraphWords

TEXT = "第一段没有电商。\n😀电商业务增长"


def test_word_at_maps_paragraph_words_to_text_offsets_and_asks_once() -> None:
    asked: list[str] = []

    def words(line: str) -> list[tuple[int, int]]:
        asked.append(line)
        at = line.find("电商")
        return [(at, at + 2)] if at >= 0 else []

    paragraphs = ParagraphWords()
    assert paragraphs.word_at(0) is None  # no segmenter yet
    paragraphs.set_word_spans(words)
    paragraphs.set_text(TEXT)
    second = TEXT.index("电商", TEXT.index("\n"))
    start, end = paragraphs.word_at(second + 1)
    assert TEXT[start:end] == "电商" and start == second
    paragraphs.word_at(second)
    assert asked == ["😀电商业务增长"]  # the paragraph was segmented once
    assert TEXT[slice(*paragraphs.word_at(second + 3))] == "务"  # no word there: the character
