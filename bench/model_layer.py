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


def measure() -> dict[str, float]:
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
    return dict(articles=len(articles), chars=chars, load=load, model=chars / model_s,
                fast=chars / fast_s, full=chars / full_s, added=added)


def model_rows() -> list[tuple[str, str, str, str]]:
    """The model layer's rows for bench/run.py (measured in a child process: its RSS is its own)."""
    import json  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    out = subprocess.run([sys.executable, __file__, "--json"], check=True, capture_output=True, text=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    return [
        ("name model: load", f"{r['load'] * 1000:.0f} ms", "—", ""),
        ("name model alone, one core", f"{r['model'] / 1000:.0f}k chars/s", "—", ""),
        ("analysis with the model, one core", f"{r['full'] / 1000:.0f}k chars/s", f"fast layer {r['fast'] / 1000:.0f}k chars/s", f"{r['full'] / r['fast']:.2f}×"),
        ("memory added by the name model", f"{r['added']:.0f} MB", "—", "goal ≤ 200 MB"),
    ]


def main() -> int:
    r = measure()
    if "--json" in sys.argv[1:]:
        import json  # noqa: PLC0415

        print(json.dumps(r))
        return 0
    print(f"articles {r['articles']}, {r['chars']} characters")
    print(f"model load                {r['load'] * 1000:8.0f} ms")
    print(f"model alone               {r['model']:8.0f} chars/s (one core)")
    print(f"analysis, fast layer      {r['fast']:8.0f} chars/s")
    print(f"analysis, with the model  {r['full']:8.0f} chars/s")
    print(f"memory added by the model {r['added']:8.0f} MB (peak RSS)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
