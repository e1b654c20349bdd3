"""A first index in worker processes gives exactly what the calling thread would."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.analysis.pipeline import Analyzer
from reader.library.load import _POOL_MIN, load_library


def test_load_library_in_worker_processes_matches_serial(tmp_path: Path, seeds_dir: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for i in range(_POOL_MIN + 6):
        source = seeds[i % len(seeds)]
        target = lib / f"{i:03d}-{source.name}"
        shutil.copy(source, target)
        with target.open("a", encoding="utf-8") as f:
            f.write(f"\n\n第{i}篇的附注：阿里巴巴营收增长{i}%。\n")
    (lib / "broken.md").write_bytes(b"\x00\x01\x02" * 100)
    analyzer = Analyzer()
    serial = load_library([lib], None, analyzer, workers=1)
    parallel = load_library([lib], None, analyzer, workers=2)
    assert parallel.articles == serial.articles
    assert [parallel.analysis(a.key) for a in parallel.articles] == [serial.analysis(a.key) for a in serial.articles]
    assert parallel.errors == serial.errors == (serial.errors[0],)
    assert serial.errors[0].file == "broken.md"


def test_a_cancelled_first_index_stops_within_the_chunk(tmp_path: Path) -> None:
    """Quitting while worker processes index: the load stops after the article in hand instead
    of waiting for its chunk of 256 (issue 17: closing froze the window for seconds)."""
    import threading

    from reader.analysis.pipeline import Analyzer
    from reader.library.load import load_library

    for i in range(80):
        (tmp_path / f"{i:03d}.md").write_text(f"# 第{i}篇\n\n阿里巴巴第{i}季度营收增长{i}%。\n", encoding="utf-8")
    cancelled = threading.Event()
    # The user quits while the workers are still starting (spawning one takes about a second).
    quit_soon = threading.Timer(0.2, cancelled.set)
    quit_soon.start()
    library = load_library([tmp_path], None, Analyzer(), None, cancelled, workers=2)
    quit_soon.join()
    assert len(library.articles) < 80


def test_the_next_chunk_is_sent_to_the_workers_before_the_last_one_is_stored(tmp_path: Path, monkeypatch) -> None:
    """The workers analyse a chunk while the calling process decodes and stores the one before
    (it used to wait for each chunk's results and only then read the next: a first index of 10k
    spent 13 % of its time with the workers idle)."""
    from contextlib import closing

    from reader.library import load, workers
    from reader.library.store import Store

    events: list[str] = []

    class InProcess:  # the pool's interface, analysing as its results are read
        def map(self, fn, jobs, chunksize=1):  # noqa: ANN001, ANN202 - Executor.map's shape
            jobs = list(jobs)
            events.append(f"sent {len(jobs)}")
            return map(fn, jobs)

        def shutdown(self, cancel_futures: bool = False) -> None:
            pass

    workers._start("")  # this process's analyser, as a worker's initializer makes it
    monkeypatch.setattr(load, "analysis_pool", lambda analyzer, n: InProcess())
    monkeypatch.setattr(load, "_CHUNK", 3)
    monkeypatch.setattr(load, "_POOL_MIN", 1)
    put = Store.put_documents
    monkeypatch.setattr(Store, "put_documents", lambda self, *a: events.append("stored") or put(self, *a))
    for i in range(7):
        (tmp_path / "lib").mkdir(exist_ok=True)
        (tmp_path / "lib" / f"{i}.md").write_text(f"# 第{i}篇\n\n阿里巴巴营收增长{i}%。\n", encoding="utf-8")
    with closing(Store.open(tmp_path / "data")) as store:
        library = load.load_library([tmp_path / "lib"], store, Analyzer(), workers=2)
    assert len(library.articles) == 7
    assert events == ["sent 3", "sent 3", "stored", "sent 1", "stored", "stored"]
