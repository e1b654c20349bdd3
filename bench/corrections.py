"""A name correction over a library's cached analysis (issue 18, point 2), against what it
replaced: opening the library again under the correction, which analyses every article anew.

    python bench/corrections.py [N ...] [--cache DIR]   # default 1000 and 10000 articles
    python bench/corrections.py --window N [--cache DIR]  # the same in the window

Prints, for the entity named in the most articles (the worst case) — renamed, retyped, merged
into the next most-named and ignored — and for a rename of one named in a few: the time to
correct the library in memory (what the window waits for before every panel shows it), the
time to open one corrected article then (its figures and quotes read again over the new
mentions), the time to rewrite the cache (in the background, after; it also reads the figures
of every corrected article again for the library), how many articles were touched, and the
first index of the same library as the reference. The corpus and its analysis cache are kept
under DIR (default $TMPDIR/reader-bench), as bench/run.py keeps them; a cache that holds the
library under this version is reopened (its articles listed: figures and quotes in the cache).

``--window`` reopens the library in the window instead (on a copy of its cache, name model off,
the most-named entity's card shown and one of its articles open) and times, for a retype, a
merge and an ignore of the most-named entity one after the other, the menu's action to the
corrected library in every panel, with the longest GUI-thread stall meanwhile, then the time
to the corrected name's card's figures (from the correction) and to another name's card asked
for then (from the asking), with how many articles each still had to read again.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gui import _child  # noqa: E402
from bench.run import corpus  # noqa: E402
from bench.window_script import WINDOW_START  # noqa: E402
from reader.analysis.corrections import Corrections  # noqa: E402
from reader.analysis.model import EntityType  # noqa: E402
from reader.analysis.pipeline import Analyzer  # noqa: E402
from reader.library.corrected import corrected_library, recache  # noqa: E402
from reader.library.load import analysis_workers, load_library  # noqa: E402
from reader.library.store import Store  # noqa: E402


def correction_rows(n: int, cache: Path) -> list[tuple[str, str, str, str]]:
    folder = corpus(n, cache)
    data = cache / f"data{n}"
    data.mkdir(exist_ok=True)
    analyzer = Analyzer()
    store = Store.open(data)
    try:
        t = time.perf_counter()
        library = load_library([folder], store, analyzer, workers=analysis_workers())
        index = time.perf_counter() - t
        first = any(a.blocks for a in library.articles)  # analysed now, not listed from the cache
        library.entities()  # counted and folded, as the window holds a library
        library.prepare_search()
        summaries = sorted(library.entities(), key=lambda s: len(library.articles_naming(s.name)), reverse=True)
        top, second = summaries[0], summaries[1]
        few = next(s for s in summaries if len(library.articles_naming(s.name)) <= max(3, n // 1000))
        other = next(t for t in EntityType if t is not top.type)
        cases = [
            ("rename the most-named entity", Corrections().rename(top.name, top.name + "（改）")),
            ("retype the most-named entity", Corrections().retype(top.name, other)),
            ("merge the most-named into the next", Corrections().merge(top.name, second.name)),
            ("ignore the most-named entity", Corrections().ignore(top.name)),
            ("rename an entity of a few articles", Corrections().rename(few.name, few.name + "（改）")),
        ]
        rows = []
        for which, correction in cases:
            t = time.perf_counter()
            corrected, touched = corrected_library(library, correction.items)
            memory = time.perf_counter() - t
            opened = touched[len(touched) // 2].key
            t = time.perf_counter()
            corrected.analysis(opened)
            corrected.article(opened)
            open_ms = (time.perf_counter() - t) * 1000
            types = {s.name: s.type for s in library.entities()}
            after = analyzer.with_corrections(correction)
            t = time.perf_counter()
            recache(store, touched, correction.items, [(analyzer.version, after.version)], types, corrected)
            rewrite = time.perf_counter() - t
            rows.append((
                f"{which} ({len(touched)} of {n} articles)",
                f"{memory:.2f} s in memory, open one {open_ms:.0f} ms, cache {rewrite:.1f} s",
                f"re-analysis ≈ first index {index:.0f} s" if first else "re-analysis ≈ a first index",
                "goal ≤ 0.5 s to every panel, no file read",
            ))
        return rows
    finally:
        store.close()


_WINDOW = WINDOW_START + """
window.names.model_loader = lambda: (None, "the name model is off in this benchmark")
window.resize(1440, 900); window.show()
loop = QEventLoop(); window.ready.connect(loop.quit); QTimer.singleShot(3600000, loop.quit)
window.open_paths([Path({corpus!r})]); loop.exec()
from reader.analysis.corrections import Corrections
from reader.analysis.model import EntityType
rows = []
for kind in ("retype", "merge", "ignore"):
    while window.loading.busy or window.names.refining:  # a correction then reopens the library
        app.processEvents(); time.sleep(0.01)
    ranked = sorted(window.library.entities(), key=lambda s: len(s.articles), reverse=True)
    top, second = ranked[0], ranked[1]
    window.open_article(top.articles[len(top.articles) // 2])
    window.select_entity(top.name)
    app.processEvents()
    correction = dict(
        retype=Corrections().retype(top.name, next(t for t in EntityType if t is not top.type)),
        merge=Corrections().merge(top.name, second.name),
        ignore=Corrections().ignore(top.name),
    )[kind]
    ticks = []
    cards = []  # (time, name, articles still to be read again) of each card's details shown
    window.card_panel.details_shown.connect(lambda name: cards.append((time.perf_counter(), name, getattr(window.card_panel.details(), "unread", 0))))
    timer = QTimer(); timer.setInterval(5); timer.timeout.connect(lambda: ticks.append(time.perf_counter())); timer.start()
    loop = QEventLoop(); window.library_loaded.connect(loop.quit); QTimer.singleShot(600000, loop.quit)
    t = time.perf_counter(); window.corrections.correct(correction); loop.exec(); shown = time.perf_counter() - t
    window.view.viewport().grab(); painted = time.perf_counter() - t
    settle = time.perf_counter() + 0.5
    while time.perf_counter() < settle:
        app.processEvents(); time.sleep(0.002)
    timer.stop()
    window.library_loaded.disconnect(loop.quit)
    stall = max(b - a for a, b in zip(ticks, ticks[1:])) if len(ticks) > 1 else 0.0
    # the corrected name's card (gone after an ignore), then another name's asked for meanwhile
    card = None
    named = window.library.entity(top.name) is not None  # not after a merge or an ignore
    if named:
        deadline = time.perf_counter() + 120
        while not any(name == top.name for _, name, _ in cards) and time.perf_counter() < deadline:
            app.processEvents(); time.sleep(0.002)
        card = next(((at - t, unread) for at, name, unread in cards if name == top.name), None)
    other = ranked[10].name
    asked = time.perf_counter(); window.select_entity(other)
    deadline = asked + 120
    while not any(name == other for _, name, _ in cards) and time.perf_counter() < deadline:
        app.processEvents(); time.sleep(0.002)
    other_card = next(((at - asked, unread) for at, name, unread in cards if name == other), None)
    t = time.perf_counter(); window.correcting.wait(600000); rewrite = time.perf_counter() - t
    rows.append(dict(kind=kind, articles=len(top.articles), shown=shown, painted=painted, stall=stall, rewrite=rewrite, named=named, card=card, other=other_card))
print(json.dumps(rows), flush=True)
import os; os._exit(0)
"""


def window_rows(n: int, cache: Path) -> list[tuple[str, str, str, str]]:
    """The window's rows (see the module's doc), on a copy of ``cache``'s data folder: the
    corrections are stored, and a later run would open the library under them."""
    folder = corpus(n, cache)
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        shutil.copytree(cache / f"data{n}", data)
        results = json.loads(_child(_WINDOW.format(root=str(ROOT), data=str(data), corpus=str(folder))))
    rows = []
    for r in results:
        rows.append((
            f"window: {r['kind']} the most-named entity ({r['articles']} of {n}) to every panel",
            f"{r['shown'] * 1000:.0f} ms (painted {r['painted'] * 1000:.0f} ms)",
            f"longest stall {r['stall'] * 1000:.0f} ms, cache rewrite {r['rewrite']:.0f} s after",
            "goal ≤ 500 ms, no file read",
        ))
        for what, got in (("its card's figures", r["card"]), ("another name's card, asked for then,", r["other"])):
            if what != "its card's figures" or r.get("named", True):
                rows.append((
                    f"window: {r['kind']}: {what} shown",
                    "not within 120 s" if got is None else f"{got[0]:.2f} s" + (f" ({got[1]} articles still being read)" if got[1] else " (whole)"),
                    "after the correction" if what == "its card's figures" else "after it was asked for",
                    "",
                ))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "reader-bench")
    parser.add_argument("--window", action="store_true", help="time the corrections in the window")
    args = parser.parse_args()
    for n in args.sizes:
        rows = window_rows(n, args.cache) if args.window else correction_rows(n, args.cache)
        for measure, figure, reference, goal in rows:
            print(f"{measure:<62} {figure:<48} {reference:<32} {goal}", flush=True)


if __name__ == "__main__":
    main()
