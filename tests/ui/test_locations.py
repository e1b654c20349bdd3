"""Opening a place — a reader:// link, a file — in the window: library, article, passage."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.ingest.model import Article, Block, BlockKind
from reader.library.links import Location
from reader.library.store import Store
from reader.ui.app import initial_location
from reader.ui.locations import passage
from reader.ui.window import MainWindow

SECOND = "001_ab46896dce5387b1.txt"
TEXT = "第一段。\n第二段很长。\n第三段。"
ARTICLE = Article(
    key="a.md",
    file="a.md",
    title="t",
    text=TEXT,
    blocks=(Block(BlockKind.PARAGRAPH, 0, 4), Block(BlockKind.PARAGRAPH, 5, 11), Block(BlockKind.PARAGRAPH, 12, 16)),
)


def _flashed(window: MainWindow) -> set[tuple[int, int]]:
    """The spans marked in the view, in code points (the flash is one of them)."""
    to_offset = window.view.positions.to_offset
    return {(to_offset(s.cursor.selectionStart()), to_offset(s.cursor.selectionEnd())) for s in window.view.extraSelections()}


def test_passage_is_the_span_given_else_the_paragraph_at_the_offset() -> None:
    assert passage(ARTICLE, Location((), "a.md", 6, 8)) == (6, 8)
    span = passage(ARTICLE, Location((), "a.md", 7))
    assert span is not None and TEXT[span[0] : span[1]] == "第二段很长。"
    assert passage(ARTICLE, Location((), "a.md")) is None
    assert passage(ARTICLE, Location((), "a.md", 99, 120)) == (16, 16)  # the text got shorter


def test_location_in_the_open_library_opens_the_article_at_the_passage(window: MainWindow, seeds_dir: Path) -> None:
    assert window.library is not None
    text = window.library.article(SECOND).text
    start = text.index("。", len(text) // 2) + 1
    window.open_location(Location((seeds_dir,), SECOND, start, start + 10))
    assert window.current_key == SECOND
    assert window.view.selected_span() == (start, start + 10)
    assert (start, start + 10) in _flashed(window)
    assert window.view.top_offset() <= start


def test_location_with_an_offset_only_flashes_its_paragraph(window: MainWindow, seeds_dir: Path) -> None:
    assert window.library is not None
    article = window.library.article(SECOND)
    block = article.blocks[len(article.blocks) // 2]
    window.open_location(Location((seeds_dir,), SECOND, block.start + 1))
    assert window.view.cursor_offset() == block.start + 1
    assert (block.start, block.end) in _flashed(window)


def test_location_in_another_library_loads_it_first(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# 甲\n\n第一段。", encoding="utf-8")
    (tmp_path / "b.md").write_text("# 乙\n\n小米集团公布，小米汽车三月交付量超过三万辆。", encoding="utf-8")
    with qtbot.waitSignal(window.library_loaded, timeout=60_000):
        window.open_location(Location((tmp_path,), "b.md", 7, 11))
    assert window.current_key == "b.md"
    assert window.library is not None
    assert window.library.article("b.md").text[7:11] == "小米汽车"
    assert window.view.selected_span() == (7, 11)


def test_location_of_an_unknown_article_says_so(window: MainWindow, seeds_dir: Path) -> None:
    before = window.current_key
    window.open_location(Location((seeds_dir,), "nope.txt", 3))
    assert window.current_key == before
    assert "nope.txt: not in this library" in window.status_message()


def test_initial_location_puts_a_file_of_the_last_library_in_that_library(store: Store, tmp_path: Path, seeds_dir: Path) -> None:
    inside = seeds_dir / SECOND
    assert initial_location(Location(()), store, seeds_dir) == Location((seeds_dir,))
    assert initial_location(Location((inside,)), store, seeds_dir) == Location((inside,))
    store.set_setting("last_library", f'["{seeds_dir}"]')
    assert initial_location(Location((inside,)), store, seeds_dir) == Location((seeds_dir,), str(inside.resolve()))
    outside = tmp_path / "x.md"
    outside.write_text("# x", encoding="utf-8")
    assert initial_location(Location((outside,)), store, seeds_dir) == Location((outside,))
