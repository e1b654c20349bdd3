"""Analysis time against article size: each pathological shape at n and 2n, and the ratio
(≈ 2 when linear). Issue 20: a long run without punctuation and many short paragraphs were
quadratic (a backtracking regex, scans of every earlier span or figure per figure).

usage: python bench/linearity.py [--fast]   (--fast: without the statistical name model)
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.analysis.pipeline import Analyzer  # noqa: E402
from reader.analysis.statistical import load_model  # noqa: E402
from reader.ingest.model import Article  # noqa: E402

CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"


def _article(text: str) -> Article:
    return Article(key="x", file="x", title="t", text=text, blocks=())


def _time(analyzer: Analyzer, text: str) -> float:
    start = time.perf_counter()
    analyzer.analyse(_article(text))
    return time.perf_counter() - start


SHAPES = {
    "one run without punctuation (chars)": lambda n: "".join(random.Random(n).choice(CHARS) for _ in range(n)),
    "short paragraphs with a figure each": lambda n: "\n".join("快狗打车营收增长10%" for _ in range(n // 12)),
    "one-line list items": lambda n: "\n".join(f"第{i}条" for i in range(n // 5)),
    "one paragraph of quotes": lambda n: "".join(
        f"黄周{i}说：“有时候，人们来我的店是为了娱乐。”他表示，生意还行。" for i in range(n // 34)
    ),
}


def main() -> int:
    model = None if "--fast" in sys.argv[1:] else load_model()[0]
    analyzer = Analyzer(model=model)
    analyzer.analyse(_article("热身：字节跳动营收增长10%。"))
    print(f"{'shape':<40} {'n':>8} {'time n':>9} {'time 2n':>9} {'ratio':>6}")
    for shape, make in SHAPES.items():
        n = 60_000
        _time(analyzer, make(n // 10))  # the model's first long pieces pay a one-off set-up
        a, b = _time(analyzer, make(n)), _time(analyzer, make(2 * n))
        print(f"{shape:<40} {n:>8} {a:>8.2f}s {b:>8.2f}s {b / a:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
