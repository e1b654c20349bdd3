"""What the loader's ``collector.keep`` (gc.freeze) relies on: a library, with everything it
computes and keeps, holds no reference cycle, so it is freed by reference counting alone when
the next one replaces it — the collector, which no longer walks frozen objects, is not needed."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from reader.analysis.pipeline import Analyzer
from reader.library import collector
from reader.library.cards import card_details
from reader.library.library import Library
from reader.library.load import load_library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _used(library: Library) -> None:
    """Everything the window and its workers ask of a library, so that its caches are full."""
    library.prepare_reprints()
    library.stories()
    library.entities()
    library.prepare_search()
    library.search("字节")
    library.search("zjtd")
    name = library.entities()[0].name
    list(library.mentions_of(name))
    library.figures_about(name)
    library.quotes_by(name)
    card_details(library, name)
    for article in library.articles:
        library.analysis(article.key)
    library.with_analyses({library.articles[0].key: library.analysis(library.articles[0].key)})


def test_library_is_freed_by_reference_counting_alone() -> None:
    library = load_library([SEEDS], None, Analyzer())
    _used(library)
    gone = weakref.ref(library)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del library
        assert gone() is None, "a reference cycle keeps the library alive: frozen, it would never be freed"
    finally:
        if was_enabled:
            gc.enable()


def test_keep_moves_what_is_alive_out_of_the_collectors_reach() -> None:
    before = gc.get_freeze_count()
    kept = [[n] for n in range(100)]
    collector.keep()
    assert gc.get_freeze_count() >= before + len(kept)
