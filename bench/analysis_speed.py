"""Analysis throughput next to jieba's own: chars/s of ``Analyzer().analyse`` over a corpus,
and of a plain ``jieba.Tokenizer().cut`` (HMM on) over the same texts, plus peak RSS.

    .venv/bin/python bench/analysis_speed.py [CORPUS] [--limit N] [--profile]

CORPUS defaults to /tmp/c1k, generated with bench/make_corpus.py (1,000 articles) if missing.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.analysis.pipeline import Analyzer  # noqa: E402
from reader.ingest.load import load_file  # noqa: E402
from reader.ingest.model import Article  # noqa: E402


def load_corpus(folder: Path, limit: int | None) -> list[Article]:
    if not folder.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_corpus.py"), "1000", str(folder)],
            check=True,
        )
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".md", ".txt", ".html"})
    return [load_file(p, folder) for p in paths[:limit]]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("/tmp/c1k"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--profile", action="store_true", help="cProfile the analysis pass")
    args = parser.parse_args(argv)

    articles = load_corpus(args.corpus, args.limit)
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars:,} chars; RSS after loading {rss_mb():.0f} MB")

    analyzer = Analyzer()
    t0 = time.perf_counter()
    analyzer.analyse(articles[0])  # gazetteer, jieba and the grammar load here
    t1 = time.perf_counter()
    print(f"first analyse (loading) {t1 - t0:.2f}s; RSS {rss_mb():.0f} MB")

    profiler = cProfile.Profile() if args.profile else None
    t0 = time.perf_counter()
    if profiler:
        profiler.enable()
    mentions = figures = 0
    for a in articles:
        result = analyzer.analyse(a)
        mentions += len(result.mentions)
        figures += len(result.figures)
    if profiler:
        profiler.disable()
    analyse_s = time.perf_counter() - t0
    analyse_rss = rss_mb()

    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    t0 = time.perf_counter()
    for a in articles:
        for _ in tokenizer.cut(a.text, HMM=True):
            pass
    cut_s = time.perf_counter() - t0

    analyse_rate, cut_rate = chars / analyse_s, chars / cut_s
    print(f"analyse    {analyse_rate:>10,.0f} chars/s  ({analyse_s:.2f}s; "
          f"{mentions} mentions, {figures} figures)")
    print(f"jieba.cut  {cut_rate:>10,.0f} chars/s  ({cut_s:.2f}s)")
    print(f"ratio      {analyse_rate / cut_rate:.2f}x of jieba.cut")
    print(f"peak RSS   {analyse_rss:.0f} MB after analysis, {rss_mb():.0f} MB with a second jieba")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
