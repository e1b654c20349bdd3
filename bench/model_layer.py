"""The statistical name layer's cost: model load time, characters per second on one core,
whole-analysis throughput with and without it, and the memory it adds.

usage: python bench/model_layer.py   (reads the 17 real posts in tests/data/real/articles)
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.analysis.pipeline import Analyzer  # noqa: E402
from reader.analysis.statistical import LacModel  # noqa: E402
from reader.ingest.load import parse_article  # noqa: E402


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    paths = sorted((ROOT / "tests" / "data" / "real" / "articles").glob("*.md"))
    articles = [parse_article(p.read_bytes(), p.name, path=str(p)) for p in paths]
    chars = sum(len(a.text) for a in articles)
    fast = Analyzer()
    for a in articles[:2]:
        fast.analyse(a)  # load jieba and the gazetteer outside the timing
    before = _rss_mb()
    t = time.perf_counter()
    model = LacModel.load()
    load = time.perf_counter() - t
    t = time.perf_counter()
    for a in articles:
        model.names(a.text)
    model_s = time.perf_counter() - t
    added = _rss_mb() - before
    t = time.perf_counter()
    for a in articles:
        fast.analyse(a)
    fast_s = time.perf_counter() - t
    full = fast.with_model(model)
    t = time.perf_counter()
    for a in articles:
        full.analyse(a)
    full_s = time.perf_counter() - t
    print(f"articles {len(articles)}, {chars} characters")
    print(f"model load                {load * 1000:8.0f} ms")
    print(f"model alone               {chars / model_s:8.0f} chars/s (one core)")
    print(f"analysis, fast layer      {chars / fast_s:8.0f} chars/s")
    print(f"analysis, with the model  {chars / full_s:8.0f} chars/s")
    print(f"memory added by the model {added:8.0f} MB (peak RSS)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
