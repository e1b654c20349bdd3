"""What the window loads before its first paint (issue 18, point 1): the library and its
models, not the recognisers, the figure grammar or the cleaners, which only a file missing
from the cache needs (they load on first use, or in the loader's warm-up after the paint)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis import pinyin
from reader.analysis.pinyin import pinyin_query
from reader.analysis.pipeline import Analyzer
from reader.library.load import load_library
from reader.library.store import DB_NAME

ROOT = Path(__file__).resolve().parents[2]
NOT_BEFORE_THE_FIRST_PAINT = frozenset({
    "reader.analysis.entities",
    "reader.analysis.figures",
    "reader.analysis.quotes",
    "reader.analysis.segment",
    "jieba",
    "reader.ingest.clean",  # cleaning a file: only one missing from the cache is read
    "reader.ingest.frontmatter",
    "bs4",
    "lxml",
    "markdown_it",
    "pypinyin",
    "numpy",
    "charset_normalizer",  # guessing an encoding
    "email.utils",  # a date in a mail header's form
    "multiprocessing",  # the first index's process pool
})


def _modules_after(code: str) -> set[str]:
    """The modules loaded once ``code`` has run in a fresh Python."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    return set(result.stdout.split())


def test_the_window_modules_load_no_recogniser_and_no_cleaner() -> None:
    loaded = _modules_after("import reader.ui.app")
    assert {"reader.ui.window", "reader.library.library", "reader.analysis.pipeline"} <= loaded
    assert sorted(loaded & NOT_BEFORE_THE_FIRST_PAINT) == []


def test_a_cached_library_loads_without_the_recognisers(seeds_dir: Path, seeds_cache: Path, data_dir: Path) -> None:
    shutil.copyfile(seeds_cache, data_dir / DB_NAME)
    loaded = _modules_after(
        "from pathlib import Path\n"
        "from reader.analysis.pipeline import Analyzer\n"
        "from reader.library.load import load_library\n"
        "from reader.library.store import Store\n"
        f"library = load_library([Path({str(seeds_dir)!r})], Store.open(Path({str(data_dir)!r})), Analyzer())\n"
        "assert len(library) == 5 and library.analysis(library.articles[0].key).mentions"
    )
    assert sorted(loaded & NOT_BEFORE_THE_FIRST_PAINT) == []


def test_a_reopen_finds_names_by_pinyin_without_loading_pypinyin(
    seeds_dir: Path, seeds_cache: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18, point 3: pypinyin's dictionaries held the GIL ~0.1 s in the loader's warm-up,
    the longest GUI stall of a 10k reopen. A reopen of an unchanged library reads its names'
    readings from the cache, and finds by pinyin exactly what pypinyin's readings find."""
    shutil.copyfile(seeds_cache, data_dir / DB_NAME)
    monkeypatch.setattr(pinyin, "_remembered", {})  # what follows reads with pypinyin
    fresh = load_library([seeds_dir], None, Analyzer())
    names = sorted({n for a in fresh.articles for n in fresh.article_entities(a.key)})
    queries = sorted(
        {q for n in names for r in pinyin._read(n)[:1] for q in ("".join(r.split()), "".join(s[0] for s in r.split()))}
        | {"zi", "ai", "zhong", "bei jing"}
    )
    assert len(queries) > 20
    found = {q: sorted(fresh.pinyin_index().matching(pinyin_query(q) or "")) for q in queries}
    hits = {q: [[h.article, h.start, h.end] for h in fresh.search(q)] for q in queries}
    code = (
        "import json\n"
        "from pathlib import Path\n"
        "from reader.analysis.pinyin import pinyin_query\n"
        "from reader.analysis.pipeline import Analyzer\n"
        "from reader.library.load import load_library\n"
        "from reader.library.store import Store\n"
        f"library = load_library([Path({str(seeds_dir)!r})], Store.open(Path({str(data_dir)!r})), Analyzer())\n"
        "library.prepare_search()\n"
        f"queries = {queries!r}\n"
        "found = {q: sorted(library.pinyin_index().matching(pinyin_query(q) or '')) for q in queries}\n"
        "hits = {q: [[h.article, h.start, h.end] for h in library.search(q)] for q in queries}\n"
        "print(json.dumps([found, hits]))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    lines = result.stdout.splitlines()
    assert json.loads(lines[0]) == [found, hits]
    assert any(hits.values())
    assert "pypinyin" not in lines[1:]


# The panels' and features' modules: loaded after the app's window has painted its article.
AFTER_THE_ARTICLE = frozenset({
    "reader.ui.workspace",
    "reader.ui.panels.library",
    "reader.ui.panels.figures",
    "reader.ui.panels.notes",
    "reader.ui.panels.card",
    "reader.ui.notes_controller",
    "reader.ui.entity_navigation",
    "reader.ui.dialogs.annotation",
    "reader.ui.icons",
})

_LAUNCH = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget
from reader.ui.after_paint import AfterPaint
from reader.ui.app import build_window, open_store
app = QApplication([])
data = Path({data!r})
window = build_window(open_store(data, quiet=True), data)
window.names.model_loader = lambda: (None, "no model in this test")
window.resize(1440, 900)
window.show()
seen = {{}}
watched = sorted({watched!r})

def state():
    return dict(
        article=window.view.article.key if window.view.article is not None else "",
        docks=sorted(d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()),
        loaded=[m for m in watched if m in sys.modules],
    )

def painted():
    seen.setdefault("painted", state())

after = AfterPaint(painted, window)
window.article_opened.connect(lambda _key: after.request())
loop = QEventLoop()
window.ready.connect(loop.quit)
QTimer.singleShot(60000, loop.quit)
window.open_paths([Path({seeds!r})])
if {open_last}:
    loop.exec()
    seen["shown"] = state()
    seen["opened"] = dict(article=window.library.articles[-1].key)
    window.open_article(seen["opened"]["article"])
    window.close()
else:
    loop.exec()
    app.processEvents()
    seen["ready"] = state()
print(json.dumps(seen))
sys.stdout.flush()
os._exit(0)
"""


def _launch(data_dir: Path, seeds_dir: Path, open_last: bool) -> dict[str, dict[str, object]]:
    code = _LAUNCH.format(data=str(data_dir), seeds=str(seeds_dir), watched=set(AFTER_THE_ARTICLE), open_last=open_last)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout.splitlines()[-1])


def test_the_app_paints_the_last_article_read_before_its_panels(seeds_dir: Path, seeds_cache: Path, data_dir: Path) -> None:
    """Issue 18, point 1: on a launch that reopens the article last read, the window paints
    it alone, the panels' modules not yet loaded; the panels come in the next turns, and
    ``ready`` says the window is whole."""
    shutil.copyfile(seeds_cache, data_dir / DB_NAME)
    before = _launch(data_dir, seeds_dir, open_last=True)
    last = before["opened"]["article"]
    assert last != before["shown"]["article"]
    seen = _launch(data_dir, seeds_dir, open_last=False)
    first_paint, ready = seen["painted"], seen["ready"]
    assert first_paint["article"] == last  # the session reopens where it left off
    assert (first_paint["docks"], first_paint["loaded"]) == ([], [])
    assert ready["article"] == first_paint["article"]
    assert set(ready["loaded"]) == AFTER_THE_ARTICLE - {"reader.ui.dialogs.annotation"}  # that one when a note is written
    assert {"libraryPanel", "entitiesPanel", "metricsPanel"} <= set(ready["docks"])
