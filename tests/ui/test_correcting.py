"""A correction applied over the library the window holds (issue 18, point 2): no file is read,
no article analysed again, every panel sees it, and the next launch finds it in the cache."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

import reader.ingest.load as ingest_load
import reader.library.load as library_load
from reader.analysis.corrections import Corrections
from reader.analysis.model import EntityType
from reader.analysis.pipeline import Analyzer
from reader.library.cards import CardDetails, card_details
from reader.library.corrections import stored_corrections
from reader.library.store import Store
from reader.ui.loader import LibraryWorker
from reader.ui.window import MainWindow

FIRST = "000_92185e7afd4ccf9e.txt"
LOAD_TIMEOUT_MS = 60_000


def _action(menu, kind: str) -> QAction:  # noqa: ANN001
    return next(a for a in menu.findChildren(QAction) if isinstance(a.data(), tuple) and a.data()[0] == kind)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many files are read and how many articles analysed from here on."""
    counts = {"read": 0, "analysed": 0}
    real_read, real_analyse = ingest_load.read_file, Analyzer.analyse

    def read(found):  # noqa: ANN001, ANN202
        counts["read"] += 1
        return real_read(found)

    def analyse(self, article):  # noqa: ANN001, ANN202
        counts["analysed"] += 1
        return real_analyse(self, article)

    monkeypatch.setattr(library_load, "read_file", read)
    monkeypatch.setattr(Analyzer, "analyse", analyse)
    return counts


def test_a_rename_applies_over_the_library_without_reading_or_analysing(
    qtbot: QtBot, window: MainWindow, store: Store, counted: dict[str, int]
) -> None:
    window.open_article(FIRST)
    window.select_entity("字节跳动")
    window.dialogs.text = "ByteDance"
    mention = next(m for m in window.view.analysis.mentions if m.entity == "字节跳动")
    before = len(window.library.mentions_of("字节跳动"))
    articles = len(window.library.articles_naming("字节跳动"))
    with qtbot.waitSignal(window.library_loaded, timeout=LOAD_TIMEOUT_MS):
        _action(window.mention_menu(mention), "rename").trigger()
    assert counted == {"read": 0, "analysed": 0}
    # every mention in every article, in the open article, the entity list and the card
    assert len(window.library.mentions_of("ByteDance")) == before and not window.library.mentions_of("字节跳动")
    assert len(window.library.articles_naming("ByteDance")) == articles > 1
    assert window.current_key == FIRST
    assert any(m.entity == "ByteDance" for m in window.view.analysis.mentions)
    assert window.library.entity("ByteDance") is not None
    assert any(subject == "ByteDance" for _key, f in window.library.figures_about("ByteDance") for subject in [f.subject])
    qtbot.waitUntil(lambda: "applies in every article" in window.status_message(), timeout=5_000)


def test_the_corrected_analysis_is_cached_for_the_next_launch(
    qtbot: QtBot, make_window, seeds_dir: Path, store: Store, counted: dict[str, int],  # noqa: ANN001
    analyzer: Analyzer, data_dir: Path, dialogs_factory, model_loader,  # noqa: ANN001
) -> None:
    window = make_window([seeds_dir], FIRST)
    mention = next(m for m in window.view.analysis.mentions if m.entity == "抖音")
    with qtbot.waitSignal(window.correcting.recached, timeout=LOAD_TIMEOUT_MS) as written:
        _action(window.mention_menu(mention), "ignore").trigger()
    assert written.args[0] > 0
    window.close()
    # A second launch under the stored corrections finds every article in the cache: were one
    # missing, its file would be read and analysed again.
    counted.update(read=0, analysed=0)
    again = MainWindow(store, analyzer.with_corrections(stored_corrections(store)), data_dir, dialogs=dialogs_factory())
    again.names.model_loader = model_loader
    qtbot.add_widget(again, before_close_func=lambda w: w.close())
    again.open_file_request = FIRST
    with qtbot.waitSignal(again.ready, timeout=LOAD_TIMEOUT_MS):
        again.open_paths([seeds_dir])
    qtbot.waitUntil(lambda: not again.names.refining, timeout=LOAD_TIMEOUT_MS)
    assert counted["read"] == 0
    assert again.library is not None and not again.library.mentions_of("抖音")
    assert all(m.surface != "抖音" for m in again.view.analysis.mentions)


def test_a_correction_while_the_loader_warms_up_applies_over_the_library(
    qtbot: QtBot, make_window, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """The loader warms up jieba (a second or more) after it has handed the counted library
    over; a correction made in that second is applied over the library, not by opening the
    library again (it was, and its cache's rewrite never came)."""
    release = threading.Event()
    real_warm_up = LibraryWorker._warm_up

    def slow_warm_up(self):  # noqa: ANN001, ANN202
        release.wait(30)
        return real_warm_up(self)

    monkeypatch.setattr(LibraryWorker, "_warm_up", slow_warm_up)
    window = make_window([seeds_dir], FIRST)
    try:
        assert window.loading.busy  # still warming up
        reopened: list[object] = []
        monkeypatch.setattr(window.corrections, "_reanalyse", lambda corrections: reopened.append(corrections) or True)
        mention = next(m for m in window.view.analysis.mentions if m.entity == "抖音")
        with qtbot.waitSignal(window.correcting.applied, timeout=LOAD_TIMEOUT_MS):
            _action(window.mention_menu(mention), "ignore").trigger()
        assert not reopened
        assert window.library is not None and not window.library.mentions_of("抖音")
    finally:
        release.set()


@pytest.fixture
def settling(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """A load still at work on the library, for as long as the list's one value says so."""
    state = [True]
    monkeypatch.setattr(type(window.loading), "counting", property(lambda self: state[0]))
    return state


def test_a_correction_during_a_load_waits_for_the_library_then_applies_over_it(
    qtbot: QtBot, window: MainWindow, settling: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no settled library to correct (a load or the name model still at work), the
    correction is held, not made by opening the library again (every article analysed anew:
    minutes at 10k), and applied over the library once it has settled."""
    reopened: list[object] = []
    monkeypatch.setattr(window.corrections, "_reanalyse", lambda corrections: reopened.append(corrections) or True)
    window.open_article(FIRST)
    mention = next(m for m in window.view.analysis.mentions if m.entity == "抖音")
    _action(window.mention_menu(mention), "ignore").trigger()
    qtbot.wait(300)
    assert window.corrections.holding and not reopened
    assert window.library is not None and window.library.mentions_of("抖音")
    assert "Applying the correction" in window.status_message()
    with qtbot.waitSignal(window.correcting.applied, timeout=LOAD_TIMEOUT_MS):
        settling[0] = False
    assert not reopened and not window.corrections.holding
    assert not window.library.mentions_of("抖音")
    assert all(m.entity != "抖音" for m in window.view.analysis.mentions)


def test_an_undo_while_a_correction_is_held_takes_it_back(
    qtbot: QtBot, window: MainWindow, settling: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Undone before the library settled, the held correction is not applied after all: the
    library is opened again under the corrections that are left (none)."""
    reopened: list[Corrections] = []
    monkeypatch.setattr(window.corrections, "_reanalyse", lambda corrections: reopened.append(corrections) or True)
    window.open_article(FIRST)
    mention = next(m for m in window.view.analysis.mentions if m.entity == "抖音")
    _action(window.mention_menu(mention), "ignore").trigger()
    window.corrections.act_undo.trigger()
    applied: list[object] = []
    window.correcting.applied.connect(lambda *args: applied.append(args))
    settling[0] = False
    qtbot.waitUntil(lambda: not window.corrections.holding, timeout=5_000)
    qtbot.wait(300)
    assert not applied
    assert reopened == [Corrections()]  # the undo's; the held correction changes nothing more
    assert window.library is not None and window.library.mentions_of("抖音")


def test_closing_does_not_wait_for_the_cache_rewrite(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17, point 3: quitting right after a correction takes well under its cache rewrite
    (seconds at 10k); the rewrite is let go, and the correction itself is stored already."""
    import time

    import reader.ui.correcting as correcting
    from reader.ui.loader import abandoned_threads

    def slow(*args) -> int:  # noqa: ANN002
        time.sleep(3)
        return 0

    monkeypatch.setattr(correcting, "_recache", slow)
    window.open_article(FIRST)
    mention = next(m for m in window.view.analysis.mentions if m.entity == "抖音")
    with qtbot.waitSignal(window.library_loaded, timeout=LOAD_TIMEOUT_MS):
        _action(window.mention_menu(mention), "ignore").trigger()
    qtbot.waitUntil(window.correcting.is_running, timeout=5_000)
    started = time.perf_counter()
    window.close()
    assert time.perf_counter() - started < 2.5
    assert abandoned_threads()
    qtbot.waitUntil(lambda: not abandoned_threads(), timeout=10_000)


def test_each_correction_s_cache_rewrite_runs_in_order(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Corrections are applied at once, their cache rewrites one after another (a minute each
    for a name in every article of 10k): each builds on the version the one before wrote, so
    none may be dropped for a later one, or the later finds nothing to copy."""
    import threading

    import reader.ui.correcting as correcting

    release = threading.Event()
    written: list[str] = []

    def recache(data_dir, touched, new, versions, types, held) -> int:  # noqa: ANN001
        release.wait(10)
        written.append(new.items[0].name)
        return 0

    monkeypatch.setattr(correcting, "_recache", recache)
    window.open_article(FIRST)
    for name in ("抖音", "阿里巴巴", "淘宝"):
        mention = next(m for m in window.view.analysis.mentions if m.entity == name)
        with qtbot.waitSignal(window.library_loaded, timeout=LOAD_TIMEOUT_MS):
            _action(window.mention_menu(mention), "ignore").trigger()
    release.set()
    qtbot.waitUntil(lambda: len(written) == 3 and not window.correcting.is_running(), timeout=10_000)
    assert written == ["抖音", "阿里巴巴", "淘宝"]


def test_the_card_of_a_name_just_corrected_shows_what_is_known_then_the_rest(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18, point 2: after a retype of a name in every article, its card no longer waits
    until every naming article's figures are read again (most of a minute at 10k): it shows
    what is known at once, saying how many articles are still being read, then the whole
    card — and never the card of before the correction."""
    import reader.ui.correcting as correcting

    monkeypatch.setattr(correcting, "_recache", lambda *args: 0)  # only the card reads the articles again
    window.open_article(FIRST)
    window.select_entity("字节跳动")
    qtbot.waitUntil(lambda: window.card_panel.details() is not None, timeout=LOAD_TIMEOUT_MS)
    shown: list[CardDetails] = []
    titles: list[str] = []
    window.card_panel.details_shown.connect(lambda _name: shown.append(window.card_panel.details()))
    window.card_panel.details_shown.connect(lambda _name: titles.append(window.card_panel.figures_title.text()))
    with qtbot.waitSignal(window.library_loaded, timeout=LOAD_TIMEOUT_MS):
        window.corrections.correct(Corrections().retype("字节跳动", EntityType.PRODUCT))
    qtbot.waitUntil(lambda: bool(shown) and shown[-1].unread == 0, timeout=LOAD_TIMEOUT_MS)
    library = window.library
    assert library is not None and window.selected_entity == "字节跳动"
    assert 0 < shown[0].unread < len(library.articles_naming("字节跳动"))  # the open article is read already
    whole = card_details(library, "字节跳动")
    assert (shown[-1].figures, shown[-1].quotes) == (whole.figures, whole.quotes) and whole.figures
    for details in shown:
        assert set(details.figures) <= set(whole.figures)
    assert f"{shown[0].unread} articles still being read again" in titles[0] and "still being" not in titles[-1]


def test_a_correction_is_applied_with_full_collections_held(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full collection walks every object made since the load (a correction of 10k articles
    makes ~100k): none runs while a correction is applied, and the collector's thresholds are
    what they were after it."""
    import gc

    import reader.ui.correcting as correcting

    monkeypatch.setattr(correcting, "_recache", lambda *args: 0)
    seen: list[tuple[int, int, int]] = []
    real = correcting.corrected_library
    monkeypatch.setattr(correcting, "corrected_library", lambda *args: (seen.append(gc.get_threshold()), real(*args))[1])
    before = gc.get_threshold()
    window.open_article(FIRST)
    mention = next(m for m in window.view.analysis.mentions if m.entity == "抖音")
    with qtbot.waitSignal(window.library_loaded, timeout=LOAD_TIMEOUT_MS):
        _action(window.mention_menu(mention), "ignore").trigger()
    assert seen and seen[0][2] > 1_000_000 and gc.get_threshold() == before
