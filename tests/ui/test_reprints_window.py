"""Reprints (转载) in the main window, on one real story published three times (36氪's post, 虎嗅's
re-headed copy, 腾讯科技's cut copy) next to two unrelated posts: the header names the other
copies, the library list shows the story as one row that opens, and a note made on one copy
appears on the others."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.notes.model import Kind, Selector, new_annotation
from reader.ui.models.articles import COPIES_ROLE, COPY_ROW_ROLE, KEY_ROLE
from reader.ui.panels.library import ArticleDelegate
from reader.ui.window import MainWindow

ORIGINAL, HUXIU, TENCENT = "36kr.md", "huxiu.md", "tencent.md"


def _grouped(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the loader to group the stories (it does so off the GUI thread)."""
    qtbot.waitUntil(lambda: window.library is not None and window.library.stories_ready)
    qtbot.waitUntil(lambda: window.library_panel.model.story_count() == 3)


def _rows(window: MainWindow) -> list[tuple[str, int, bool]]:
    panel = window.library_panel
    return [
        (str(panel.proxy.index(r, 0).data(KEY_ROLE)), int(panel.proxy.index(r, 0).data(COPIES_ROLE)), bool(panel.proxy.index(r, 0).data(COPY_ROW_ROLE)))
        for r in range(panel.proxy.rowCount())
    ]


def test_header_names_the_other_copies(make_window, reprints_dir: Path, qtbot: QtBot) -> None:
    window = make_window([reprints_dir], open_file=ORIGINAL)
    _grouped(qtbot, window)
    header = window.view.header
    qtbot.waitUntil(lambda: header.copy_names() == ["虎嗅", "腾讯科技"])
    assert header.copies.isVisible()
    assert "Also published by" in header.copies.text()
    window.open_article("other_001.md")
    assert not header.copies.isVisible()  # a story published once says nothing


def test_clicking_a_copy_in_the_header_opens_it(make_window, reprints_dir: Path, qtbot: QtBot) -> None:
    window = make_window([reprints_dir], open_file=ORIGINAL)
    _grouped(qtbot, window)
    window.view.header.copies.linkActivated.emit(TENCENT)  # what a click on "腾讯科技" sends
    assert window.current_key == TENCENT
    assert window.view.header.copy_names() == ["36kr - 资讯", "虎嗅"]
    assert window.view.header.copies.isVisible()


def test_library_list_shows_a_story_as_one_row_that_opens(make_window, reprints_dir: Path, qtbot: QtBot) -> None:
    window = make_window([reprints_dir], open_file="other_001.md")
    _grouped(qtbot, window)
    panel = window.library_panel
    rows = _rows(window)
    assert len(rows) == 3
    story_row = next(r for r, (key, copies, _) in enumerate(rows) if copies == 2)
    assert panel.count.text() == "3 stories (5 articles)"
    # A click on the row's "▸ 2 转载" opens the story: its other copies, indented, under it.
    assert panel.list is not None
    index = panel.proxy.index(story_row, 0)
    option = QStyleOptionViewItem()
    option.rect = panel.list.visualRect(index)
    option.font = panel.list.font()
    delegate = panel.list.itemDelegate()
    assert isinstance(delegate, ArticleDelegate)
    badge = delegate._badge_rect(option, index, 0)
    assert ArticleDelegate.story_badge(index) == "▸ 2 转载"
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=badge.center())
    rows = _rows(window)
    assert len(rows) == 5
    assert [is_copy for _, _, is_copy in rows[story_row : story_row + 3]] == [False, True, True]
    assert {key for key, _, _ in rows[story_row : story_row + 3]} == {ORIGINAL, HUXIU, TENCENT}
    assert ArticleDelegate.story_badge(panel.proxy.index(story_row, 0)) == "▾ 2 转载"
    # ← on the story's row closes it again.
    panel.list.setCurrentIndex(panel.proxy.index(story_row, 0))
    qtbot.keyClick(panel.list, Qt.Key.Key_Left)
    assert len(_rows(window)) == 3


def test_opening_a_folded_copy_shows_it_in_the_list(make_window, reprints_dir: Path, qtbot: QtBot) -> None:
    window = make_window([reprints_dir], open_file="other_001.md")
    _grouped(qtbot, window)
    folded = next(k for k in (ORIGINAL, HUXIU, TENCENT) if k not in [key for key, _, _ in _rows(window)])
    window.open_article(folded)
    assert window.library_panel.list is not None
    assert window.library_panel.list.currentIndex().data(KEY_ROLE) == folded


def test_library_filter_finds_a_story_by_a_folded_copys_source(make_window, reprints_dir: Path, qtbot: QtBot) -> None:
    window = make_window([reprints_dir], open_file="other_001.md")
    _grouped(qtbot, window)
    panel = window.library_panel
    assert panel.filter is not None
    panel.filter.setText("腾讯科技")
    rows = _rows(window)
    assert len(rows) == 1 and rows[0][1] == 2  # the story's row, whichever copy leads it


def test_a_note_on_one_copy_appears_on_the_others(make_window, reprints_dir: Path, qtbot: QtBot, store) -> None:
    window = make_window([reprints_dir], open_file=ORIGINAL)
    _grouped(qtbot, window)
    text = window.library.article(ORIGINAL).text
    quote = "致力于提供新型技术面试平台和技术人才评估系统"  # in the first third: every copy has it
    late = text.split("\n")[-2]  # near the end: the cut copy lacks it
    start, late_start = text.index(quote), text.index(late)
    assert window.notes_repo is not None
    root = window.library.root
    window.notes_repo.add(new_annotation(root, ORIGINAL, Kind.HIGHLIGHT, selector=Selector.from_text(text, start, start + len(quote)), note="核心产品"))
    window.notes_repo.add(new_annotation(root, ORIGINAL, Kind.HIGHLIGHT, selector=Selector.from_text(text, late_start, late_start + len(late))))
    window.open_article(HUXIU)
    painted = [window.view.text()[s:e] for s, e, _ in window.view.highlights()]
    assert painted == [quote, late]
    window.open_article(TENCENT)
    painted = [window.view.text()[s:e] for s, e, _ in window.view.highlights()]
    assert painted == [quote]  # the cut copy shows the note it has the passage for
    # Linked, not copied: the highlight clicked here is the note made on 36氪's copy.
    copy_text = window.view.text()
    highlight = window.notes.highlight_at(copy_text.index(quote) + 2)
    assert highlight is not None and highlight.article_key == ORIGINAL and highlight.note == "核心产品"
    window.notes.on_text_clicked(copy_text.index(quote) + 2)
    assert "(made on the 36kr - 资讯 copy)" in window.status.message()  # the post's front matter names its feed
    assert len(window.notes_repo.for_article(root, TENCENT)) == 0  # nothing was written to the copy


def test_copies_html_escapes_what_articles_supply() -> None:
    from reader.ui.article_header import copies_html  # noqa: PLC0415 - one helper of the header

    html = copies_html([('a"b.md', "<b>虎嗅</b>")], "#1b5fb4")
    assert "<b>虎嗅</b>" not in html and "&lt;b&gt;虎嗅&lt;/b&gt;" in html
    assert 'href="a&quot;b.md"' in html


def test_notes_panel_lists_a_copys_notes_where_they_are_in_this_copy(make_window, reprints_dir: Path, qtbot: QtBot) -> None:
    window = make_window([reprints_dir], open_file=ORIGINAL)
    _grouped(qtbot, window)
    text = window.library.article(ORIGINAL).text
    quote = "致力于提供新型技术面试平台和技术人才评估系统"
    start = text.index(quote)
    assert window.notes_repo is not None and window.notes_panel is not None
    note = window.notes_repo.add(
        new_annotation(window.library.root, ORIGINAL, Kind.HIGHLIGHT, selector=Selector.from_text(text, start, start + len(quote)), note="核心产品")
    )
    window.open_article(HUXIU)
    panel = window.notes_panel
    rows = panel.model.rows()
    assert [(r.annotation.id, window.view.text()[r.anchor.start : r.anchor.end]) for r in rows] == [(note.id, quote)]
    assert panel.model.index(0).data(Qt.ItemDataRole.DisplayRole).startswith("on 36kr - 资讯 · ")
    # Opening it from the list stays on this copy, at the passage.
    window.open_article(TENCENT)
    window.open_article(HUXIU)
    panel.list.setCurrentIndex(panel.model.index(0))
    panel.open_button.click()
    assert window.current_key == HUXIU  # not 36氪's copy, where the note was made


def test_the_list_shows_the_rows_the_loader_folded(make_window, reprints_dir: Path, qtbot: QtBot) -> None:
    """The stories' rows newest first are folded by the loader, off the GUI thread (issue 18:
    100k rows took 90 ms there), and the list shows those very rows."""
    window = make_window([reprints_dir], open_file="other_001.md")
    _grouped(qtbot, window)
    assert window.library is not None
    assert window.library_panel.model.articles() is window.library.newest_folded().articles
    assert len(_rows(window)) == 3


def test_a_story_opened_under_a_filter_shows_the_copies_that_match(make_window, reprints_dir: Path, qtbot: QtBot, qtmodeltester) -> None:  # noqa: ANN001
    """The filter finds the story by its 腾讯科技 copy; opened (→), the story's rows are what the
    filter keeps of them: the copy, not the first row that stood for it."""
    window = make_window([reprints_dir], open_file="other_001.md")
    _grouped(qtbot, window)
    panel = window.library_panel
    assert panel.filter is not None and panel.list is not None
    panel.filter.setText("腾讯科技")
    (row,) = _rows(window)
    panel.list.setCurrentIndex(panel.proxy.index(0, 0))
    qtbot.keyClick(panel.list, Qt.Key.Key_Right)
    assert [key for key, _, _ in _rows(window)] == [TENCENT]
    qtmodeltester.check(panel.proxy)
    panel.filter.clear()  # the story stays open
    assert len(_rows(window)) == 5
    assert panel.count.text() == "3 stories (5 articles)"  # 5 rows: the story is open
