"""How long the window's whole-library actions take on a large corpus (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_speed.py /tmp/corpus10k --data-dir /tmp/rd10k

Loads the library through the window's own background loader (a warm analysis cache makes
this fast; a cold one runs the full analysis), then times, on the GUI thread: showing the
library list, opening articles, selecting an entity (card + mentions list), F3 steps,
re-sorting and filtering the list, and a search (run in the background, timed end to end).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.analysis.pipeline import Analyzer  # noqa: E402
from reader.library.store import Store  # noqa: E402
from reader.ui.models.articles import ArticleOrder  # noqa: E402
from reader.ui.app import GIL_SWITCH_INTERVAL  # noqa: E402
from reader.ui.window import MainWindow  # noqa: E402


def wait_for(signal, timeout_ms: int) -> None:  # noqa: ANN001 - a bound Qt signal
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def timed(label: str, work) -> float:  # noqa: ANN001
    start = time.perf_counter()
    work()
    QApplication.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    print(f"{label:<44} {elapsed:8.1f} ms")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args()
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)  # as reader.ui.app.run does
    app = QApplication.instance() or QApplication([])
    store = Store.open(args.data_dir)
    window = MainWindow(store, Analyzer(), args.data_dir)
    window.resize(1440, 900)
    window.show()
    start = time.perf_counter()
    window.open_paths([args.corpus])
    wait_for(window.ready, 3_600_000)
    print(f"{'library loaded and first article shown':<44} {(time.perf_counter() - start) * 1000:8.1f} ms (background)")
    library = window.library
    assert library is not None
    # The worker counts entities and warms jieba after loading; time the GUI thread when it is
    # not sharing the interpreter lock with them.
    while not window._summaries or window._tools.word_spans is None:  # noqa: SLF001
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    print(f"{'articles':<44} {len(library):8d}")
    entities = library.entities()
    name = entities[0].name
    print(f"{'most mentioned entity':<44} {name} ({entities[0].mentions} mentions in {len(entities[0].articles)} articles)")
    timed("set_library (list model, panels)", lambda: window.set_library(library))
    keys = [a.key for a in library.articles]
    timed("open an article (document, layers, panels)", lambda: window.open_article(keys[len(keys) // 2]))
    timed("open another article", lambda: window.open_article(keys[len(keys) // 3]))
    start = time.perf_counter()
    timed("select entity (card, mentions list)", lambda: window.select_entity(name))
    wait_for(window.card_panel.details_shown, 60_000)
    print(f"{'  … card figures/co-names in (background)':<44} {(time.perf_counter() - start) * 1000:8.1f} ms, {len(window.card_panel.details().figures)} figures")
    start = time.perf_counter()
    timed("select a rarer entity", lambda: window.select_entity(entities[len(entities) // 2].name))
    wait_for(window.card_panel.details_shown, 60_000)
    print(f"{'  … card figures/co-names in (background)':<44} {(time.perf_counter() - start) * 1000:8.1f} ms")
    window.select_entity(name)
    wait_for(window.card_panel.details_shown, 60_000)
    timed("F3: next mention", window.next_mention)
    timed("F3 again", window.next_mention)
    timed("Shift+F3: previous mention", window.previous_mention)
    timed("library list: sort by title", lambda: window.library_panel.set_order(ArticleOrder.TITLE))
    timed("library list: sort newest first", lambda: window.library_panel.set_order(ArticleOrder.NEWEST))
    window.library_panel.ensure_built()
    timed("library list: filter '字节'", lambda: window.library_panel.filter.setText("字节"))
    timed("library list: clear filter", lambda: window.library_panel.filter.setText(""))
    timed("entities panel: library scope", lambda: window.entities_panel.set_library_scope(True))
    timed("entity card of the most mentioned (fast part)", lambda: window.card_panel.show_card(window._card(name)))  # noqa: SLF001
    window.search_panel.show()
    window.search_panel.ensure_built()
    start = time.perf_counter()
    timed("search '电商' submitted (GUI thread)", lambda: window.search_panel.search("电商"))
    wait_for(window.search_panel.searched, 60_000)
    print(f"{'search 电商 results shown (end to end)':<44} {(time.perf_counter() - start) * 1000:8.1f} ms, {window.search_panel.model.rowCount()} hits; worker {window.search_panel.seconds * 1000:.1f} ms")
    start = time.perf_counter()
    window.search_panel.search("电商", entity=name)
    wait_for(window.search_panel.searched, 60_000)
    print(f"{'search 电商 with entity filter':<44} {(time.perf_counter() - start) * 1000:8.1f} ms")
    window.close()
    store.close()


if __name__ == "__main__":
    main()
