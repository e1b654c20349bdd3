"""A name correction over a library's cached analysis (issue 18, point 2), against what it
replaced: opening the library again under the correction, which analyses every article anew.

    python bench/corrections.py [N ...]     # default 1000 and 10000 articles

Prints, for the entity named in the most articles (the worst case) and for one named in a
few: the time to correct the library in memory (what the window waits for before every
panel shows it), the time to rewrite the cache (in the background, after), how many
articles were touched, and the first index of the same library as the reference. The corpus
and its analysis cache are kept under $TMPDIR/reader-bench, as bench/run.py keeps them.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import corpus  # noqa: E402
from reader.analysis.corrections import Corrections, Rename  # noqa: E402
from reader.analysis.pipeline import Analyzer  # noqa: E402
from reader.library.corrected import corrected_library, recache  # noqa: E402
from reader.library.load import analysis_workers, load_library  # noqa: E402
from reader.library.store import Store  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "reader-bench"


def correction_rows(n: int) -> list[tuple[str, str, str, str]]:
    folder = corpus(n, CACHE)
    data = CACHE / f"data{n}"
    first = not data.exists()
    data.mkdir(exist_ok=True)
    analyzer = Analyzer()
    store = Store.open(data)
    try:
        t = time.perf_counter()
        library = load_library([folder], store, analyzer, workers=analysis_workers())
        index = time.perf_counter() - t
        library.entities()  # counted and folded, as the window holds a library
        library.prepare_search()
        summaries = sorted(library.entities(), key=lambda s: len(library.articles_naming(s.name)), reverse=True)
        few = next(s for s in summaries if len(library.articles_naming(s.name)) <= max(3, n // 1000))
        rows = []
        for which, summary in (("the most-named entity", summaries[0]), ("an entity of a few articles", few)):
            correction = Corrections().rename(summary.name, summary.name + "（改）")
            t = time.perf_counter()
            corrected, touched = corrected_library(library, correction.items)
            memory = time.perf_counter() - t
            types = {s.name: s.type for s in library.entities()}
            after = analyzer.with_corrections(correction)
            t = time.perf_counter()
            recache(store, touched, correction.items, [(analyzer.version, after.version)], types)
            cache = time.perf_counter() - t
            rows.append((
                f"rename {which} ({len(touched)} of {n} articles)",
                f"{memory:.2f} s in memory, cache {cache:.1f} s",
                f"re-analysis ≈ first index {index:.0f} s" if first else "re-analysis ≈ a first index",
                "goal ≤ 0.5 s to every panel, no file read",
            ))
        return rows
    finally:
        store.close()


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    for n in sizes:
        for measure, figure, reference, goal in correction_rows(n):
            print(f"{measure:<48} {figure:<34} {reference:<32} {goal}")


if __name__ == "__main__":
    main()
