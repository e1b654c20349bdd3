"""The 100k rows of bench/run.py (issue 18, point 4): a library of 100,000 generated articles.

    python bench/run.py --100k

Not part of the default run, nor of CI: the corpus (bench/make_corpus.py, ~1 minute) and its
first index (fast layer only, ~25 minutes on 2 cores) are made once under
$TMPDIR/reader-bench/{corpus100000,data100000}; later runs reopen that cache and print the first
index's figures as they were measured then (the row says when). The name model's pass is off in
these rows, as it is for the core rows (Analyzer() without a model): over 100k articles it would
take hours on this machine, and the fast layer is what a reopen paints.

Each part runs in a child process, so that its peak RSS is its own:
- the first index (once), core: load_library into an empty cache, then jieba.cut on a sample;
- the reopen, core: load_library from the cache, then what the window's loader does next
  (stories, entity summaries, search folding), entity cards, search, opening an article;
- the reopen in the window, offscreen, with the name model off: to usable, then opening articles
  with every layer drawn.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from bench.window_script import WINDOW_START

ROOT = Path(__file__).resolve().parent.parent
N = 100_000

_FIRST = """
import json, random, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
import jieba
from reader.analysis.pipeline import Analyzer
from reader.library.load import analysis_workers, load_library
from reader.library.store import Store
store = Store.open(Path({data!r}))
t = time.perf_counter()
lib = load_library([Path({corpus!r})], store, Analyzer(), workers=analysis_workers())
first = time.perf_counter() - t
chars = sum(len(a.text) for a in lib.articles)
tok = jieba.Tokenizer(); tok.initialize()
sample = [a.text for a in random.Random(1).sample(list(lib.articles), 1000)]  # 1k articles give the rate
t = time.perf_counter()
for text in sample: list(tok.cut(text))
jieba_rate = sum(map(len, sample)) / (time.perf_counter() - t)
print(json.dumps(dict(first=first, chars=chars, jieba_rate=jieba_rate, articles=len(lib.articles),
    rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)), flush=True)
import os; os._exit(0)  # 100k articles' objects need no tearing down
"""

_CORE = """
import json, random, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from reader.analysis.pipeline import Analyzer
from reader.library.load import load_library
from reader.library.store import Store
def rss(): return int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20
store = Store.open(Path({data!r}))
analyzer = Analyzer(); analyzer.version
t = time.perf_counter(); lib = load_library([Path({corpus!r})], store, analyzer); reopen = time.perf_counter() - t
rss_loaded = rss()
t = time.perf_counter(); lib.prepare_reprints(); stories = time.perf_counter() - t
t = time.perf_counter(); lib.entities(); summaries = time.perf_counter() - t
t = time.perf_counter(); lib.prepare_search(); folding = time.perf_counter() - t
rng = random.Random(1)
names = [e.name for e in lib.entities()[:200]]
card = []
for name in rng.sample(names, min(50, len(names))):
    t = time.perf_counter(); lib.entity(name); lib.mentions_of(name)[:100]; lib.cooccurring(name); card.append(time.perf_counter() - t)
common, rare = [], []
for q in {common!r} * 3:
    t = time.perf_counter(); lib.search(q); common.append(time.perf_counter() - t)
for q in {rare!r} * 3:
    t = time.perf_counter(); lib.search(q); rare.append(time.perf_counter() - t)
opens = []
for key in rng.sample([a.key for a in lib.articles], 100):
    t = time.perf_counter(); lib.article(key); lib.analysis(key); opens.append(time.perf_counter() - t)
print(json.dumps(dict(reopen=reopen, stories=stories, summaries=summaries, folding=folding, card=card,
    common=common, rare=rare, opens=opens, rss_loaded=rss_loaded, rss=rss(),
    peak=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, articles=len(lib.articles))), flush=True)
import os; os._exit(0)
"""

_WINDOW = WINDOW_START + """
# The name model's pass is off, as in the core rows: it would re-analyse 100k articles for hours.
window.names.model_loader = lambda: (None, "the name model is off in this benchmark")
window.resize(1440, 900); window.show()
ticks = []
timer = QTimer(); timer.setInterval(5); timer.timeout.connect(lambda: ticks.append(time.perf_counter())); timer.start()
# Usable is the window ready: its list and article shown (from the library's stored list, while
# the library is read, since "The list before the library"); the library read is when it replaces it.
read = []
window.library_loaded.connect(lambda library: read.append(time.perf_counter()) if type(library).__name__ == "Library" else None)
loop = QEventLoop(); window.ready.connect(loop.quit); QTimer.singleShot(3600000, loop.quit)
t0 = time.perf_counter(); window.open_paths([Path({corpus!r})]); loop.exec(); ready = time.perf_counter() - t0
# Then until the loader has counted the entities and folded the texts (the entity list and
# search are complete): the window is polled, as a user would find it.
while window.loading.busy and time.perf_counter() - t0 < 3600:
    app.processEvents(); time.sleep(0.01)
settled = time.perf_counter() - t0
timer.stop()
stall = max(b - a for a, b in zip(ticks, ticks[1:])) if len(ticks) > 1 else 0.0
keys = [a.key for a in window.library.articles]
rng = random.Random(2)
opens = []
for key in rng.sample(keys, 60):
    t = time.perf_counter(); window.open_article(key); window.view.viewport().grab(); opens.append(time.perf_counter() - t)
def rss(): return int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20
print(json.dumps(dict(ready=ready, read=(read[0] - t0) if read else settled, settled=settled, stall=stall, open_p95=statistics.quantiles(opens, n=20)[-1],
    rss=rss(), peak=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)), flush=True)
import os; os._exit(0)
"""

COMMON = ["电商", "直播", "抖音电商", "增长", "平台", "用户", "字节", "估值", "海外", "品牌"]
RARE = ["熊猫", "咖啡", "芯片", "乾隆", "股價", "龍蝦", "比亞迪", "演唱", "火锅", "飛機"]  # few or no hits: a full scan


def _child(code: str, gui: bool = False) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if gui:
        env.update(QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="*.warning=false")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def first_index(corpus: Path, data: Path) -> dict:
    """The first index's figures: measured now into an empty cache, or read from the run that
    made the cache (``first-index.json`` beside it)."""
    record = data / "first-index.json"
    if record.exists():
        return json.loads(record.read_text())
    data.mkdir(parents=True, exist_ok=True)
    result = _child(_FIRST.format(root=str(ROOT), data=str(data), corpus=str(corpus)))
    result["date"] = dt.date.today().isoformat()
    record.write_text(json.dumps(result))
    return result


def large_rows(corpus: Path, data: Path, p95: Callable[[list[float]], float]) -> list[tuple[str, str, str, str]]:
    first = first_index(corpus, data)
    core = _child(_CORE.format(root=str(ROOT), data=str(data), corpus=str(corpus), common=COMMON, rare=RARE))
    window = _child(_WINDOW.format(root=str(ROOT), data=str(data), corpus=str(corpus)), gui=True)
    rate = first["chars"] / first["first"]
    n = f"{N // 1000}k"
    after = core["stories"] + core["summaries"] + core["folding"]
    return [
        (f"first index of {n} articles, fast layer (measured {first['date']})", f"{first['first']:.0f} s ({rate / 1000:.0f}k chars/s)",
         f"jieba.cut {first['jieba_rate'] / 1000:.0f}k chars/s", f"{rate / first['jieba_rate']:.2f}× (goal ≥ 0.5×)"),
        (f"peak RSS, first index of {n}", f"{first['rss']:.0f} MB", "—", "workers not counted"),
        (f"reopen unchanged {n} library, core", f"{core['reopen']:.1f} s", f"then indexes {after:.1f} s", "goal ≤ 3 s"),
        (f"window: reopen {n} articles to usable", f"{window['ready']:.1f} s",
         f"library read {window['read']:.1f} s, every panel complete {window['settled']:.0f} s", "goal ≤ 3 s"),
        (f"entity card + mentions ({n}), p95", f"{p95(core['card']) * 1000:.1f} ms", "—", "goal ≤ 100 ms"),
        (f"full-text search, common query ({n}), p95", f"{p95(core['common']) * 1000:.1f} ms", "stops at 1000 hits", "goal ≤ 100 ms"),
        (f"full-text search, rare query ({n}), p95", f"{p95(core['rare']) * 1000:.0f} ms", "scans every text", "goal ≤ 100 ms"),
        (f"open an article, core ({n}), p95", f"{p95(core['opens']) * 1000:.1f} ms", "—", "goal ≤ 100 ms"),
        (f"open an article, all layers drawn ({n}), p95", f"{window['open_p95'] * 1000:.0f} ms", "—", "goal ≤ 100 ms"),
        (f"RSS, {n} reopened, core", f"{core['rss']:.0f} MB", f"library alone {core['rss_loaded']:.0f} MB", "goal ≤ 1 GB"),
        (f"RSS, {n} reopened in the window", f"{window['rss']:.0f} MB", f"peak {window['peak']:.0f} MB", "goal ≤ 1 GB"),
        (f"longest GUI-thread stall, reopen of {n}", f"{window['stall'] * 1000:.0f} ms", "—", "goal ≤ 100 ms"),
    ]
