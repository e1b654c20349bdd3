"""Score the metric extractor on the seed gold: value+unit F1, then label/subject/period/kind.

    .venv/bin/python bench/score_figures.py [--verbose]

Runs the real pipeline (ingest → entity recognition → metrics), prints one row per seed and the
pooled total, the time spent extracting, and with --verbose every miss and every wrong field.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.evaluation.figures import FigureScore, score_folder, total  # noqa: E402

FIELDS = ("label", "subject", "period", "kind")


def row(score: FigureScore) -> str:
    fields = "  ".join(f"{score.accuracy(f):7.2f}" for f in FIELDS)
    return (
        f"{score.name:24} {score.gold:4} {score.predicted:4} {score.matched:4}  "
        f"{score.precision:5.2f} {score.recall:5.2f} {score.f1:5.2f}  {fields}"
    )


def details(score: FigureScore) -> list[str]:
    lines = []
    for g in score.missed:
        lines.append(f"  MISSED   {g.surface} = {g.value:g} {g.unit}")
    for m in score.spurious:
        lines.append(f"  SPURIOUS {m.surface} = {m.value:g} {m.unit}")
    for p in score.pairs:
        for f in FIELDS:
            if not getattr(p, f"{f}_ok"):
                want = getattr(p.gold, f)
                got = getattr(p.predicted, f)
                got = got.value if f == "kind" else got
                lines.append(f"  {f.upper():8} {p.gold.surface}: got {got!r}, gold {want!r}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "gold")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    scores, seconds = score_folder(args.seeds, args.gold)
    header = f"{'article':24} gold pred  hit  prec   rec    F1  " + "  ".join(f"{f:>7}" for f in FIELDS)
    print(header)
    for score in scores:
        print(row(score))
        if args.verbose:
            print("\n".join(details(score)) or "  (all right)")
    print(row(total(scores)))
    print(f"extract_figures: {seconds * 1000:.1f} ms for {len(scores)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
