"""What the window loads before its first paint (issue 18, point 1): the library and its
models, not the recognisers, the figure grammar or the cleaners, which only a file missing
from the cache needs (they load on first use, or in the loader's warm-up after the paint)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from reader.library.store import DB_NAME

ROOT = Path(__file__).resolve().parents[2]
NOT_BEFORE_THE_FIRST_PAINT = frozenset({
    "reader.analysis.entities",
    "reader.analysis.figures",
    "reader.analysis.quotes",
    "reader.analysis.segment",
    "jieba",
    "bs4",
    "lxml",
    "markdown_it",
    "pypinyin",
    "numpy",
    "charset_normalizer",  # guessing an encoding
    "email.utils",  # a date in a mail header's form
    "multiprocessing",  # the first index's process pool
})


def _modules_after(code: str) -> set[str]:
    """The modules loaded once ``code`` has run in a fresh Python."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    return set(result.stdout.split())


def test_the_window_modules_load_no_recogniser_and_no_cleaner() -> None:
    loaded = _modules_after("import reader.ui.app")
    assert {"reader.ui.window", "reader.library.library", "reader.analysis.pipeline"} <= loaded
    assert sorted(loaded & NOT_BEFORE_THE_FIRST_PAINT) == []


def test_a_cached_library_loads_without_the_recognisers(seeds_dir: Path, seeds_cache: Path, data_dir: Path) -> None:
    shutil.copyfile(seeds_cache, data_dir / DB_NAME)
    loaded = _modules_after(
        "from pathlib import Path\n"
        "from reader.analysis.pipeline import Analyzer\n"
        "from reader.library.load import load_library\n"
        "from reader.library.store import Store\n"
        f"library = load_library([Path({str(seeds_dir)!r})], Store.open(Path({str(data_dir)!r})), Analyzer())\n"
        "assert len(library) == 5 and library.analysis(library.articles[0].key).mentions"
    )
    assert sorted(loaded & NOT_BEFORE_THE_FIRST_PAINT) == []
