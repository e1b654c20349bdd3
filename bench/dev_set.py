"""Scores on the hand-annotated real articles (tests/data/real and tests/data/fresh), with the
project's ruler.

usage: python bench/dev_set.py [--fast]

Runs ``reader extract --json`` on the 17 real posts, then ``../shared/eval/score.py`` (or the
copy named by $READER_SCORER) on the tuning gold and on the held-out gold, for entities and
metrics, and prints the scorer's lines. The held-out articles were annotated before any tuning
and are not looked at while tuning: their figures say whether a rule generalises. The same for
the fresh posts of tests/data/fresh, annotated blind in rounds (the last round held out, the
others for tuning; its README says which and why).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
FRESH = ROOT / "tests" / "data" / "fresh"
SCORER = Path(os.environ.get("READER_SCORER", ROOT.parent / "shared" / "eval" / "score.py"))


def main() -> int:
    fast = "--fast" in sys.argv[1:]
    for sets in (REAL, FRESH):
        _score(sets, fast)
    return 0


def _score(sets: Path, fast: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "extract.json"
        command = [sys.executable, "-m", "reader", "extract", str(sets / "articles"), "--json",
                   "--data-dir", tmp]
        if fast:
            command.append("--fast")
        with out.open("w", encoding="utf-8") as fh:
            subprocess.run(command, check=True, stdout=fh, cwd=ROOT)
        for part in ("tune", "heldout"):
            for aspect in ("entities", "metrics"):
                result = subprocess.run(
                    [sys.executable, str(SCORER), str(out), str(sets / part), aspect],
                    capture_output=True, text=True, check=False,
                )
                print(f"{'fast' if fast else 'model'} {sets.name} {result.stdout.strip()}")


if __name__ == "__main__":
    sys.exit(main())
