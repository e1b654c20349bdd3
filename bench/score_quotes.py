"""Score who-said-what on the hand-annotated articles: span F1 and speaker accuracy.

    python bench/score_quotes.py [--fast] [--verbose] [--part tune|heldout|seeds]

Runs the real pipeline (ingest → names → quotes; the statistical name layer unless --fast) on
the tuning and held-out real articles (tests/data/real) and on the seeds (tests/data/quotes/
seeds.json), and prints, per set: gold and predicted quotes, exact-span F1, overlap precision,
recall and F1, and speaker accuracy on the overlapping pairs (reader/evaluation/quotes.py says
how each is counted). --verbose lists every miss; do not read it for the held-out set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.analysis.pipeline import Analyzer
from reader.analysis.statistical import load_model
from reader.evaluation.quotes import (
    FoundQuote,
    QuoteScore,
    gold_aliases,
    locate_gold_quotes,
    score_quotes,
)
from reader.ingest.load import parse_article

REAL = ROOT / "tests" / "data" / "real"
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT / "tests" / "data" / "gold"
SEED_QUOTES = ROOT / "tests" / "data" / "quotes" / "seeds.json"


def _score(analyzer: Analyzer, name: str, path: Path, gold_entries: list[dict], aliases: dict) -> QuoteScore:
    article = parse_article(path.read_bytes(), path.name, html=path.suffix in (".html", ".htm"), path=str(path))
    gold = locate_gold_quotes(article.text, gold_entries)
    found = [FoundQuote(q.start, q.end, q.speaker) for q in analyzer.analyse(article).quotes]
    return score_quotes(name, article.text, gold, found, aliases)


def score_part(analyzer: Analyzer, part: str) -> QuoteScore:
    total = QuoteScore(part)
    if part == "seeds":
        for file, entries in json.loads(SEED_QUOTES.read_text(encoding="utf-8")).items():
            entities = json.loads((SEED_GOLD / f"{Path(file).stem}.json").read_text(encoding="utf-8"))
            total.add(_score(analyzer, file[:3], SEEDS / file, entries, gold_aliases(entities)))
        return total
    for gold_path in sorted((REAL / part).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = REAL / "articles" / gold["file"]
        total.add(_score(analyzer, gold_path.stem, path, gold["quotes"], gold_aliases(gold)))
    return total


def row(score: QuoteScore) -> str:
    return (
        f"{score.name:8} {score.gold:4} {score.predicted:4}  {score.exact_f1:5.2f}  "
        f"{score.precision:5.2f} {score.recall:5.2f} {score.overlap_f1:5.2f}  {score.speaker_accuracy:5.2f}"
        f" ({score.speaker_right}/{score.matched})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", action="store_true", help="without the statistical name layer")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--part", action="append", choices=("tune", "heldout", "seeds"))
    args = parser.parse_args()
    model = None if args.fast else load_model()[0]
    analyzer = Analyzer(model=model)
    print(f"names: {'fast layer' if model is None else 'fast + statistical layer'}")
    print("set      gold pred  exact  prec   rec  ovlF1  speaker")
    for part in args.part or ("tune", "heldout", "seeds"):
        score = score_part(analyzer, part)
        print(row(score))
        if args.verbose:
            print("\n".join(f"  {m}" for m in score.misses) or "  (all right)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
