"""The main window on the seeds, driven as a reader would drive it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from reader.analysis.model import EntityType
from reader.library.library import Library
from reader.library.store import Store
from reader.ui import app as app_module
from reader.ui import window as window_module
from reader.ui.window import MainWindow

FIRST = "000_92185e7afd4ccf9e.txt"
SECOND = "001_ab46896dce5387b1.txt"


def _click_article(qtbot: QtBot, window: MainWindow, key: str) -> None:
    panel = window.library_panel
    assert panel.list is not None
    proxy_index = panel.proxy.mapFromSource(panel.model.key_index(key))
    rect = panel.list.visualRect(proxy_index)
    with qtbot.waitSignal(window.article_opened, check_params_cb=lambda k: k == key):
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())




def test_window_clicking_an_article_shows_its_text(qtbot: QtBot, window: MainWindow) -> None:
    assert window.library is not None and len(window.library) == 5
    assert window.library_panel.model.rowCount() == 5
    _click_article(qtbot, window, SECOND)
    article = window.library.article(SECOND)
    assert window.view.text() == article.text
    assert window.view.header.title.text() == article.title
    assert window.library_panel.model.is_read(SECOND)


def test_window_clicking_a_figure_row_moves_the_cursor_to_it(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.figures_panel
    assert panel.table is not None
    model = panel.model
    index = model.index(3, 0)
    figure = model.figures()[model.figure_index(index)]
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.selected_span() == (figure.start, figure.end)
    assert window.view.textCursor().selectedText() == figure.surface


def test_window_hovering_a_figure_marks_its_row(qtbot: QtBot, window: MainWindow, char_point) -> None:
    figures = window.view.analysis.figures
    window.view.scroll_to_span(figures[0].start, figures[0].end)
    qtbot.mouseMove(window.view.viewport(), char_point(window.view, figures[0].start))
    qtbot.waitUntil(lambda: window.figures_panel.model.index_of(0).data(Qt.ItemDataRole.BackgroundRole) is not None)


def test_window_copies_figure_rows_as_tsv(qtbot: QtBot, window: MainWindow) -> None:
    table = window.figures_panel.table
    assert table is not None
    table.selectAll()
    window.figures_panel.copy_selection()
    lines = QApplication.clipboard().text().splitlines()
    assert len(lines) == len(window.view.analysis.figures)
    assert all(len(line.split("\t")) == 7 for line in lines)  # Figure … Kind, Measure


def test_window_double_click_selects_a_jieba_word(qtbot: QtBot, window: MainWindow, char_point) -> None:
    qtbot.waitUntil(lambda: window.loading.tools.word_spans is not None, timeout=30_000)  # the warm-up is done
    window.open_article(FIRST)
    text = window.view.text()
    start = text.index("电子商务领域")
    window.view.scroll_to_span(start, start + 2)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(window.view, start + 1))
    span = window.view.selected_span()
    assert span is not None
    word = text[span[0] : span[1]]
    assert span[0] <= start + 1 < span[1] and 2 <= len(word) <= 4, word


def test_window_mention_tooltip_and_type_toggle(qtbot: QtBot, window: MainWindow, char_point) -> None:
    qtbot.waitUntil(lambda: window.loading.tools.describe is not None, timeout=30_000)
    mention = next(m for m in window.view.analysis.mentions if m.entity == "字节跳动")
    window.view.scroll_to_span(mention.start, mention.end)
    tip = window.view.tooltip_at(char_point(window.view, mention.start))
    assert "字节跳动" in tip and "Organisation" in tip and "抖音" in tip  # the gazetteer's description
    window.type_actions[EntityType.ORG].setChecked(False)
    assert EntityType.ORG in window.view.hidden_types()
    assert window.view.mention_at(mention.start) is None


def test_window_next_and_previous_article_follow_the_list(qtbot: QtBot, window: MainWindow) -> None:
    shown = window.library_panel.visible_keys()
    first = window.current_key
    window.act_next_article.trigger()
    assert window.current_key == shown[shown.index(first) + 1]
    window.act_previous_article.trigger()
    assert window.current_key == first


def test_window_filter_narrows_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.act_focus_filter.trigger()
    assert window.library_panel.filter is not None
    qtbot.keyClicks(window.library_panel.filter, "36KR")  # QTest can only type ASCII
    assert window.library_panel.visible_keys() == ["000_92185e7afd4ccf9e.txt"]
    window.library_panel.filter.setText("晚点")
    assert window.library_panel.visible_keys() == [SECOND]


def test_window_find_in_page_counts_a_two_character_word(qtbot: QtBot, window: MainWindow) -> None:
    window.act_find.trigger()
    window.find_bar.edit.setText("电商")  # as an input method would commit it
    expected = window.view.text().count("电商")
    assert expected > 0
    assert window.find_bar.count.text() == f"1 of {expected}"
    assert window.view.textCursor().selectedText() == "电商"


def test_window_reopens_the_last_article_and_keeps_settings(qtbot: QtBot, make_window, store: Store, seeds_dir: Path) -> None:  # noqa: ANN001
    first = make_window([seeds_dir])
    _click_article(qtbot, first, SECOND)
    first.act_zoom_in.trigger()
    first.figures_panel.hide()
    first.close()
    second = make_window([seeds_dir])
    assert second.current_key == SECOND
    assert second.view.zoom() == 1
    assert not second.figures_panel.isVisible()


def test_window_open_file_request_opens_that_article(make_window, seeds_dir: Path) -> None:  # noqa: ANN001
    window = make_window([seeds_dir], open_file=f"seeds/{SECOND}")
    assert window.current_key == SECOND


def test_window_reports_skipped_files_by_name(qtbot: QtBot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    (tmp_path / "good.md").write_text("# 标题\n\n阿里巴巴发布财报。", encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    window = make_window([tmp_path])
    assert window.status.errors_button.isVisible()
    assert "1 file skipped" in window.status.errors_button.text()
    assert "empty.md" in window.status.errors_button.toolTip()
    window.act_show_errors.trigger()
    table = window.dialogs.shown[0].table
    assert (table.topLevelItem(0).text(0), table.topLevelItem(0).text(1)) == ("empty.md", "the file is empty")


def test_window_warns_when_no_chinese_font(monkeypatch: pytest.MonkeyPatch, make_window, seeds_dir: Path) -> None:  # noqa: ANN001
    monkeypatch.setattr(window_module, "has_cjk_font", lambda: False)
    window = make_window([seeds_dir])
    assert window.notice.isVisible()
    assert "fonts-noto-cjk" in window.notice.label.text()


def test_window_about_names_the_version(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> None:
    import reader

    window.act_about.trigger()
    assert reader.__version__ in window.dialogs.messages[0][1]


def test_window_marks_read_articles_in_the_store(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    _click_article(qtbot, window, SECOND)
    assert window.library is not None
    assert SECOND in store.read_keys(window.library.root)


def test_app_initial_paths_prefer_the_last_library(store: Store, tmp_path: Path, seeds_dir: Path) -> None:
    assert app_module._initial_paths(None, store, seeds_dir) == [seeds_dir]  # noqa: SLF001
    store.set_setting("last_library", f'["{tmp_path}"]')
    assert app_module._initial_paths(None, store, seeds_dir) == [tmp_path]  # noqa: SLF001
    assert app_module._initial_paths([seeds_dir], store, seeds_dir) == [seeds_dir]  # noqa: SLF001


def test_window_note_counts_come_from_the_annotations_table(window: MainWindow, store: Store) -> None:
    from reader.ui.models.articles import NOTES_ROLE

    assert window.library is not None
    with store.transaction() as db:
        db.execute(
            "INSERT INTO annotations (id, library, article_key, kind, created, modified) VALUES ('n1', :l, :k, 'highlight', 'x', 'x')",
            {"l": window.library.root, "k": SECOND},
        )
    window.refresh_note_counts()
    model = window.library_panel.model
    assert model.index(model.row_of(SECOND), 0).data(NOTES_ROLE) == 1


def test_window_shows_article_supplied_html_as_text(qtbot: QtBot, make_window, tmp_path: Path) -> None:  # noqa: ANN001
    """A title of <img src="/dev/zero"> is drawn as those characters, never loaded as an image."""
    title = '<img src="/dev/zero">标题'
    (tmp_path / "a.md").write_text(f"---\ntitle: {title}\n---\n\n阿里巴巴发布财报。\n", encoding="utf-8")
    window = make_window([tmp_path])
    header = window.view.header
    assert header.title.textFormat() == Qt.TextFormat.PlainText and header.title.text() == title
    tip = window.library_panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img" in tip and "<img" not in tip


def test_no_two_shortcuts_are_the_same(window: MainWindow) -> None:
    """A key given twice (to one action or two) is ambiguous to Qt and fires nothing."""
    from PySide6.QtGui import QAction

    seen: dict[str, str] = {}
    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    for action in window.actions():  # the window's own: a panel's Ctrl+C is scoped to its table
        if action.shortcutContext() not in window_wide:
            continue
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text}: {seen.get(text)} and {action.text()}"
            seen[text] = action.text()


def test_alt_left_and_right_go_back_and_forward(qtbot: QtBot, window: MainWindow) -> None:
    keys = [a.key for a in window.library.articles]
    first, second = window.current_key, next(k for k in keys if k != window.current_key)
    window.open_article(second)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_key == first
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_key == second


def test_a_path_that_does_not_exist_says_not_found(qtbot: QtBot, make_window, tmp_path: Path) -> None:  # noqa: ANN001
    missing = tmp_path / "nowhere"
    window = make_window([missing])
    assert window.view.placeholder.text() == f"{missing}: not found."


def test_the_header_names_the_writer_and_editor_of_the_byline(window: MainWindow) -> None:
    """Issue 17, point 6: "文 | 房宫一柳" and "编辑 | 黄俊杰" are credits in the header."""
    window.open_article("001_ab46896dce5387b1.txt")
    meta = window.view.header.meta.text()
    assert "作者 房宫一柳" in meta and "编辑 黄俊杰" in meta


def test_byline_lines_take_no_room_until_a_jump_lands_in_one(window: MainWindow) -> None:
    """Issue 17, point 6: the byline is said once, in the header; its lines stay in the text
    (names in them are the article's), and a jump to a name there shows its line again."""
    window.open_article("001_ab46896dce5387b1.txt")
    view = window.view
    start = view.text().index("文 | 房宫一柳")
    layout = view.document().documentLayout()
    byline = view.document().findBlock(view.positions.to_qt(start))
    body = view.document().findBlock(view.positions.to_qt(view.text().index("618购物节")))
    assert not byline.isVisible() and layout.blockBoundingRect(byline).height() == 0
    assert body.isVisible() and layout.blockBoundingRect(body).height() > 0
    name = start + len("文 | ")
    view.go_to(name, name + len("房宫一柳"), flash=False)
    assert byline.isVisible() and layout.blockBoundingRect(byline).height() > 0
    assert view.selected_span() == (name, name + len("房宫一柳"))


def test_a_large_library_fills_the_list_first_and_opens_its_article_in_a_later_turn(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18, point 3: taking a 10k library and laying out its first article must not hold
    the GUI thread in one turn of the event loop."""
    monkeypatch.setattr(window_module, "HAND_OVER_IN_TWO_TURNS", len(window.library or ()))
    library = window.library
    shown = window.current_key
    assert library is not None and shown
    opened: list[str] = []
    window.article_opened.connect(opened.append)
    window.set_library(library)  # as the loader hands it over
    assert window.library_panel.model.rowCount() == len(library)
    assert window.current_key == "" and opened == []  # the list now; the article in the next turn
    with qtbot.waitSignal(window.library_loaded, timeout=5_000):
        pass
    assert opened == [shown] and window.current_key == shown
    assert window.view.text() == library.article(shown).text


def test_a_large_library_handed_over_twice_in_one_turn_opens_one_article(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window_module, "HAND_OVER_IN_TWO_TURNS", 1)
    library = window.library
    shown = window.current_key
    assert library is not None and shown
    opened: list[str] = []
    window.article_opened.connect(opened.append)
    window.set_library(library)
    window.set_library(library)
    qtbot.waitUntil(lambda: window.current_key == shown, timeout=5_000)
    qtbot.wait(50)
    assert opened == [shown]


def test_a_small_library_opens_its_article_in_the_same_turn(window: MainWindow) -> None:
    """Two turns would paint the window twice before the article shows: not for a few articles."""
    library = window.library
    shown = window.current_key
    assert library is not None and len(library) < window_module.HAND_OVER_IN_TWO_TURNS
    window.set_library(library)
    assert window.current_key == shown


class _PaintSpy(QObject):
    """Notes the first paint of the view once it shows an article."""

    def __init__(self, window: MainWindow, events: list[str]) -> None:
        super().__init__(window)
        self.window = window
        self.events = events
        window.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self.window.current_key and "painted" not in self.events:
            self.events.append("painted")
        return False


def test_the_loader_warms_up_after_the_first_article_is_painted(
    qtbot: QtBot, store: Store, analyzer, data_dir: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """Issue 18, point 1: the warm-up (pypinyin, jieba) holds the GIL for a second; sharing it
    with the first layout and paint delayed them."""
    events: list[str] = []
    prepare = Library.prepare_reprints

    def noted(library: Library) -> None:
        events.append("warm-up")
        prepare(library)

    monkeypatch.setattr(Library, "prepare_reprints", noted)
    window = MainWindow(store, analyzer, data_dir)
    window.names.model_loader = lambda: (None, "no model in this test")
    qtbot.add_widget(window, before_close_func=lambda w: w.close())
    _PaintSpy(window, events)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=60_000):
        window.open_paths([seeds_dir])
    qtbot.waitUntil(lambda: "warm-up" in events, timeout=10_000)
    assert events[:2] == ["painted", "warm-up"]


def test_the_workspace_modules_loaded_a_turn_each_are_all_it_imports() -> None:
    """Issue 18: the app's window loads the workspace's modules one a turn after its first
    article is painted; a module the workspace imports that the list missed would load in the
    furnishing turn again."""
    import ast  # noqa: PLC0415
    import inspect  # noqa: PLC0415

    from reader.ui import workspace  # noqa: PLC0415

    tree = ast.parse(inspect.getsource(workspace))
    imported = {n.module for n in tree.body if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("reader.")}
    imported -= {"reader.analysis.model"}  # loaded before the first paint already
    assert imported | {"reader.ui.workspace"} == set(window_module.WORKSPACE_IMPORTS)
    assert window_module.WORKSPACE_IMPORTS[-1] == "reader.ui.workspace"


def test_the_apps_window_loads_the_workspace_a_module_a_turn(qtbot: QtBot, store: Store, analyzer, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """Issue 18: after the first paint, each turn loads one module not loaded yet, and the turn
    after the last builds the panels; not all of them in the turn that builds the panels."""
    unloaded = ("colorsys", "graphlib", "tabnanny")  # small modules nothing here has loaded
    for name in unloaded:
        monkeypatch.delitem(window_module.sys.modules, name, raising=False)
    monkeypatch.setattr(window_module, "WORKSPACE_IMPORTS", (*unloaded, *window_module.WORKSPACE_IMPORTS))
    window = MainWindow(store, analyzer, data_dir, panels_later=True)
    qtbot.add_widget(window, before_close_func=lambda w: w.close())
    window._furnish_in_turns()
    assert "colorsys" in window_module.sys.modules and "graphlib" not in window_module.sys.modules
    assert not window.furnished
    qtbot.waitUntil(lambda: window.furnished, timeout=10_000)
    assert all(name in window_module.sys.modules for name in unloaded)


def test_a_window_waiting_for_its_library_builds_its_panels_anyway(qtbot: QtBot, store: Store, analyzer, data_dir: Path) -> None:  # noqa: ANN001
    """Issue 18, point 1: the app's window builds its panels after its first article is
    painted, but a library slow to come (a first index) does not keep the list, the menus and
    the shortcuts from the user."""
    window = MainWindow(store, analyzer, data_dir, panels_later=True)
    qtbot.add_widget(window, before_close_func=lambda w: w.close())
    window.show()
    assert not window.furnished and window.findChildren(QDockWidget) == []
    qtbot.waitUntil(lambda: window.furnished, timeout=window_module.PANELS_AT_THE_LATEST_MS + 2_000)
    assert window.library_panel.isVisible() and window.menuBar().actions()
    assert window.act_open_folder.shortcut().toString()


def test_the_apps_window_builds_its_panels_in_one_turn_and_tells_them_in_the_next(
    qtbot: QtBot, window: MainWindow, store: Store, analyzer, data_dir: Path  # noqa: ANN001
) -> None:
    """Issue 18, point 3: at 10k articles building and showing the panels and giving them the
    library held the GUI thread over 100 ms in one turn; the list is filled in the turn after
    the panels are painted."""
    library = window.library
    assert library is not None
    second = MainWindow(store, analyzer, data_dir, panels_later=True)
    second.names.model_loader = lambda: (None, "no model in this test")
    qtbot.add_widget(second, before_close_func=lambda w: w.close())
    second.show()
    second.set_library(library)  # its last article is known: shown before the panels are built
    assert second.current_key and not second.furnished
    while not second.furnished:
        second._furnish_in_turns()  # noqa: SLF001 - the turns, called at once
    assert second.library_panel.isVisible() and second.library_panel.model.rowCount() == 0
    with qtbot.waitSignal(second.ready, timeout=5_000):
        pass
    assert second.library_panel.model.rowCount() == len(library)


def test_a_window_waiting_for_its_library_builds_its_panels_in_turns(
    qtbot: QtBot, store: Store, analyzer, data_dir: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """Issue 18: when the panels are built before a slow library comes (a 100k reopen reads its
    list meanwhile), they are built a turn at a time too, not in one turn of 0.3 s."""
    turns: list[int] = []
    in_turns = MainWindow._furnish_in_turns

    def noted(self: MainWindow) -> None:
        turns.append(1)
        in_turns(self)

    monkeypatch.setattr(MainWindow, "_furnish_in_turns", noted)
    window = MainWindow(store, analyzer, data_dir, panels_later=True)
    qtbot.add_widget(window, before_close_func=lambda w: w.close())
    window.show()
    qtbot.waitUntil(lambda: window.furnished and not window._untold, timeout=window_module.PANELS_AT_THE_LATEST_MS + 5_000)  # noqa: SLF001
    assert len(turns) >= 2  # the panels built in one turn, told what is read in another
