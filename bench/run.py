"""Benchmarks: print each figure next to its reference, measured in the same run.

    python bench/run.py --quick     # 1k articles (a few minutes)
    python bench/run.py             # 1k and 10k articles
    python bench/run.py --100k      # 100k articles only (corpus and first index made once, cached)

Figures, not pass/fail: goals are in bench/RESULTS.md, which this script can rewrite (--write).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))



def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 2 else samples[0]


def corpus(n: int, cache: Path) -> Path:
    out = cache / f"corpus{n}"
    if not (out / "done").exists():
        # This checkout's reader package, not whichever one the environment has installed.
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n), str(out)], check=True, env=env)
        (out / "done").write_text("")
    return out


def bench_index(n: int, folder: Path, data: Path) -> dict[str, float]:
    """First index (cold cache), reopen (warm cache), queries, in a child process for RSS."""
    code = f"""
import json, sys, time, resource, random
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from reader.analysis.pipeline import Analyzer
from reader.library.load import analysis_workers, load_library
from reader.library.store import Store
import jieba
analyzer = Analyzer()
t = time.perf_counter(); analyzer.recognizer; jieba_init = time.perf_counter() - t
store = Store.open(Path({str(data)!r}))
t = time.perf_counter(); lib = load_library([Path({str(folder)!r})], store, analyzer, workers=analysis_workers()); first = time.perf_counter() - t
chars = sum(len(a.text) for a in lib.articles)
tok = jieba.Tokenizer(); tok.initialize()
sample = [a.text for a in lib.articles[: max(1, len(lib.articles) // 10)]]
t = time.perf_counter()
for text in sample: list(tok.cut(text))
jieba_rate = sum(map(len, sample)) / (time.perf_counter() - t)
del lib; import gc; gc.collect()
t = time.perf_counter(); lib2 = load_library([Path({str(folder)!r})], store, analyzer); reopen = time.perf_counter() - t
lib2.prepare_search()  # folded and read in pinyin once, as the window's loader does
names = [e.name for e in lib2.entities()[:200]]
rng = random.Random(1)
card, search = [], []
for name in rng.sample(names, min(50, len(names))):
    t = time.perf_counter(); lib2.entity(name); lib2.mentions_of(name); lib2.cooccurring(name); card.append(time.perf_counter() - t)
for q in ["电商", "直播", "抖音电商", "增长", "平台", "用户", "字节", "估值", "海外", "品牌"] * 3:
    t = time.perf_counter(); lib2.search(q); search.append(time.perf_counter() - t)
print(json.dumps(dict(first=first, chars=chars, jieba_rate=jieba_rate, reopen=reopen, card=card, search=search,
    jieba_init=jieba_init, rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, articles=len(lib2.articles))))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(n: int, r: dict) -> list[tuple[str, str, str, str]]:
    rate = r["chars"] / r["first"]
    return [
        (f"first index of {n} articles", f"{r['first']:.1f} s ({rate / 1000:.0f}k chars/s)",
         f"jieba.cut {r['jieba_rate'] / 1000:.0f}k chars/s", f"{rate / r['jieba_rate']:.2f}× (goal ≥ 0.5×)"),
        (f"reopen unchanged {n} library", f"{r['reopen']:.2f} s", "—", "goal ≤ 2 s"),
        (f"entity card + mentions ({n}), p95", f"{p95(r['card']) * 1000:.1f} ms", "—", "goal ≤ 50 ms"),
        (f"full-text search, 2-char query ({n}), p95", f"{p95(r['search']) * 1000:.1f} ms", "—", "goal ≤ 50 ms"),
        (f"peak RSS, {n} articles indexed and reopened", f"{r['rss']:.0f} MB", "—", "goal ≤ 500 MB"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1k articles only")
    parser.add_argument("--100k", dest="large", action="store_true",
                        help="100k articles only: the first run makes the corpus and indexes it (~25 min on 2 cores)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "reader-bench")
    parser.add_argument("--data", type=Path, metavar="DATA",
                        help="with --100k: reopen the analysis cache in DATA instead of CACHE/data100000 (a copy, with its "
                             "first-index.json, that a branch may upgrade, leaving the shared one as it was)")
    parser.add_argument("--hand-over", dest="hand_over", type=Path, metavar="DATA",
                        help="only the 10k hand-over rows: reopen corpus10000 (made once) in the window on the "
                             "analysis cache in DATA (analysed first if it holds none for this version)")
    args = parser.parse_args()
    if args.hand_over is not None:
        from bench.gui import handover_rows  # noqa: PLC0415 - needs Qt

        print_rows(handover_rows(corpus(10000, args.cache), args.hand_over))
        return
    if args.large:
        from bench.large import N, large_rows  # noqa: PLC0415

        print_rows(large_rows(corpus(N, args.cache), args.data or args.cache / f"data{N}", p95))
        return
    sizes = [1000] if args.quick else [1000, 10000]
    rows: list[tuple[str, str, str, str]] = []
    for n in sizes:
        folder = corpus(n, args.cache)
        with tempfile.TemporaryDirectory() as data:
            rows += report(n, bench_index(n, folder, Path(data)))
    from bench.model_layer import model_rows  # noqa: PLC0415

    rows += model_rows()
    try:
        from bench.gui import gui_rows  # noqa: PLC0415 - needs Qt
    except ImportError:
        gui_rows = None
    if gui_rows is not None:
        rows += gui_rows(corpus(sizes[-1], args.cache))
    print_rows(rows)


def print_rows(rows: list[tuple[str, str, str, str]]) -> None:
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figure':<26} {'reference':<28} goal")
    for measure, figure, reference, goal in rows:
        print(f"{measure:<{width}}  {figure:<26} {reference:<28} {goal}")


if __name__ == "__main__":
    main()
