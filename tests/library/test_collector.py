"""The cyclic garbage collector while a library loads: no full collection, then what was made
frozen out of its sight — and a library that is let go is still freed."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from reader.library.collector import full_collections_held
from reader.library.load import load_library
from reader.library.store import Store
from tests.library.test_library import CountingAnalyzer


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    """Each test starts with the collector running and leaves nothing frozen behind."""
    enabled = gc.isenabled()
    thresholds = gc.get_threshold()
    gc.enable()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    if enabled:
        gc.enable()
    else:
        gc.disable()


class Node:
    """An object the collector tracks."""


def full_collections_allowed() -> bool:
    return gc.get_threshold()[2] < 1_000_000


def test_full_collections_held_holds_off_full_collections_then_freezes_what_was_made() -> None:
    gc.unfreeze()
    before = gc.get_threshold()
    with full_collections_held():
        assert gc.isenabled()  # young collections go on: the window's garbage is still freed
        assert not full_collections_allowed()
        made = Node()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() > 0
    assert not any(o is made for o in gc.get_objects())  # frozen: no collection scans it


def test_full_collections_held_still_frees_young_garbage_cycles() -> None:
    with full_collections_held():
        cycle = Node()
        cycle.me = cycle
        gone = weakref.ref(cycle)
        del cycle
        gc.collect(0)
        assert gone() is None


def test_full_collections_held_leaves_a_disabled_collector_disabled_and_nothing_frozen() -> None:
    gc.unfreeze()
    gc.disable()
    with full_collections_held():
        pass
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert full_collections_allowed()


def test_full_collections_held_overlapping_pauses_resume_it_once_the_last_ends() -> None:
    first, second = full_collections_held(), full_collections_held()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not full_collections_allowed()  # the second load still runs
    second.__exit__(None, None, None)
    assert full_collections_allowed()


def test_full_collections_held_resumes_after_an_error() -> None:
    with pytest.raises(RuntimeError), full_collections_held():
        raise RuntimeError("the load failed")
    assert full_collections_allowed()


def test_load_library_leaves_the_collector_running(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# 标题\n\n阿里巴巴和抖音。", encoding="utf-8")
    library = load_library([tmp_path], None, CountingAnalyzer())
    assert gc.isenabled() and full_collections_allowed()
    assert [a.text[m.start : m.end] for a in library.articles for m in library.analysis(a.key).mentions] == ["阿里巴巴", "抖音"]


def test_a_loaded_library_let_go_is_freed_though_frozen(tmp_path: Path) -> None:
    """Frozen objects are out of the collector's sight: a library must hold no reference cycle,
    or replacing it (a correction, a reopen) would keep the old one for good."""
    folder = tmp_path / "library"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.md").write_text(f"# 标题{i}\n\n阿里巴巴和抖音。", encoding="utf-8")
    with closing(Store.open(tmp_path / "data")) as store:
        load_library([folder], store, CountingAnalyzer())  # the cache filled
        library = load_library([folder], store, CountingAnalyzer())  # and read, as a reopen reads it
    library.entities()
    library.prepare_search()
    library.prepare_reprints()
    library.mentions_of("阿里巴巴")[0]
    library.analysis("0.md")
    gone = weakref.ref(library)
    del library
    assert gone() is None  # freed by reference counting alone
