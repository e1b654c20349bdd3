"""Score entity recognition on the seed articles against the gold files.

    .venv/bin/python bench/score_entities.py [-v] [--seeds DIR] [--gold DIR]

Prints precision / recall (core) / type accuracy / alias linking / not_entities violations /
exact mention counts per seed and overall, and the time taken.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.analysis.entities import EntityRecognizer  # noqa: E402
from reader.analysis.gazetteer import Gazetteer  # noqa: E402
from reader.evaluation.entities import report, score_article, score_corpus  # noqa: E402
from reader.evaluation.gold import load_gold  # noqa: E402
from reader.ingest.load import load_file  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "gold")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    recogniser = EntityRecognizer(Gazetteer.load())
    t1 = time.perf_counter()
    recogniser.segmenter.spans("预热")  # jieba's dictionary loads here
    t2 = time.perf_counter()
    golds = load_gold(args.gold)
    texts = {g.stem: load_file(args.seeds / g.file, args.seeds).text for g in golds}
    t3 = time.perf_counter()
    scored = [score_article(g, recogniser.recognise(texts[g.stem])) for g in golds]
    t4 = time.perf_counter()
    print(report(score_corpus(scored), verbose=args.verbose))
    print(
        f"\ngazetteer+automaton {t1 - t0:.3f}s, jieba load {t2 - t1:.3f}s, "
        f"recognise {len(golds)} articles {t4 - t3:.3f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
