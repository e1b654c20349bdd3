"""How fast search folds scripts and reads pinyin, on a large corpus (issue 19, point 3).

    python bench/make_corpus.py 10000 /tmp/corpus10k      # once
    QT_QPA_PLATFORM=offscreen python bench/search_speed.py /tmp/corpus10k --data-dir /tmp/rd10k

Opens the library from the analysis cache (a cold cache runs the full analysis first), then
times: folding every text and reading every name in pinyin once (what the loader does off the
GUI thread), full-text queries of two characters in simplified and traditional script,
pinyin queries, and the library list's and entity list's filters as a user types (offscreen
Qt, on the GUI thread). Prints p50 and p95 of each; figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.analysis.pipeline import Analyzer  # noqa: E402
from reader.library.load import analysis_workers, load_library  # noqa: E402
from reader.library.store import Store  # noqa: E402
from reader.ui.models.articles import ArticleFilterProxy, ArticleListModel  # noqa: E402
from reader.ui.models.entities import EntityFilterProxy, EntityTableModel  # noqa: E402

SIMPLIFIED = ["电商", "直播", "增长", "平台", "用户", "字节", "估值", "海外", "品牌", "腾讯"]
TRADITIONAL = ["電商", "直播", "增長", "平臺", "用戶", "字節", "估值", "海外", "品牌", "騰訊"]
RARE = ["熊猫", "咖啡", "芯片", "乾隆", "股價", "龍蝦", "比亞迪", "演唱", "火锅", "飛機"]  # few or no hits: a full scan
PINYIN = ["zj", "zjtd", "zijie", "zi jie tiao dong", "ZiJieTiaoDong", "tx", "tengxun", "albb", "mt", "dy"]
TYPED = ["z", "zi", "zij", "ziji", "zijie", "字", "字節", "字節跳", "字節跳動", "albb"]
ROUNDS = 3


def quantiles(samples: list[float]) -> tuple[float, float]:
    ms = [s * 1000 for s in samples]
    return statistics.median(ms), statistics.quantiles(ms, n=20)[-1]


def time_each(queries: list[str], run: Callable[[str], object]) -> list[float]:
    samples = []
    for _ in range(ROUNDS):
        for query in queries:
            start = time.perf_counter()
            run(query)
            samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    store = Store.open(args.data_dir)
    start = time.perf_counter()
    library = load_library([args.corpus], store, Analyzer(), workers=analysis_workers())
    opened = time.perf_counter() - start
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    summaries = library.entities()
    start = time.perf_counter()
    library.prepare_search()
    prepared = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(a.text) for a in library.with_texts())  # a reopened library holds none
    print(f"{len(library)} articles, {chars / 1e6:.1f}M characters, {len(summaries)} entities; opened in {opened:.1f} s")
    print(f"{'prepare search (fold texts, read names), once':<52} {prepared * 1000:8.0f} ms   peak RSS +{rss_after - rss_before:.0f} MB")

    rows: list[tuple[str, list[float], str]] = []
    for label, queries in (
        ("2 characters, simplified", SIMPLIFIED),
        ("2 characters, traditional", TRADITIONAL),
        ("2–3 characters, rare (scans all)", RARE),
    ):
        hits = [len(library.search(q, limit=2000)) for q in queries]
        rows.append((f"search: {label}", time_each(queries, lambda q: library.search(q, limit=2000)), f"{min(hits)}–{max(hits)} hits"))
    hits = [len(library.search(q, limit=2000)) for q in PINYIN]
    rows.append(("search: pinyin (zj, zjtd, zijie…)", time_each(PINYIN, lambda q: library.search(q, limit=2000)), f"{min(hits)}–{max(hits)} hits"))

    articles = ArticleListModel()
    articles.set_articles(library.articles, set(), {})
    article_filter = ArticleFilterProxy()
    article_filter.setSourceModel(articles)
    article_filter.set_names(library.pinyin_index)
    start = time.perf_counter()
    article_filter.set_needle("字")  # the first needle folds every title, source and tag
    print(f"{'library filter: first needle (folds the list), once':<52} {(time.perf_counter() - start) * 1000:8.0f} ms")
    rows.append(("library filter, typing (10 needles)", time_each(TYPED, article_filter.set_needle), f"{article_filter.rowCount()} rows shown at the end"))
    entities = EntityTableModel()
    entities.set_entities(summaries)
    entity_filter = EntityFilterProxy()
    entity_filter.setSourceModel(entities)
    every = frozenset(s.type for s in summaries)
    rows.append(("entity filter, typing (10 needles)", time_each(TYPED, lambda q: entity_filter.set_filter(q, every)), f"{entity_filter.rowCount()} rows shown at the end"))
    for label, samples, note in rows:
        p50, p95 = quantiles(samples)
        print(f"{label:<52} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms   ({note})")
    del app


if __name__ == "__main__":
    main()
