"""Analysing many new articles in worker processes.

jieba is pure Python, so threads cannot use the second core, and a thread that analyses
holds the GIL against the GUI. A first index therefore runs its cleaning and analysis in a
pool of spawned processes (never forked: the GUI process has Qt threads running). Each worker
builds its own Analyzer once, in the pool's initializer, and returns cache payloads, which the
parent decodes cheaply.
"""

from __future__ import annotations

from concurrent.futures import Executor
from functools import cache
from types import ModuleType

from reader.analysis.corrections import Corrections
from reader.analysis.pipeline import Analyzer
from reader.analysis.statistical import load_model
from reader.errors import IngestError
from reader.library import codec


@cache
def _ingest() -> ModuleType:
    """Parsing a file, in the worker process that analyses it."""
    from reader.ingest import load

    return load


# The worker process's own Analyzer, set once by _start in that process (the initializer
# pattern of ProcessPoolExecutor: nothing else in the process uses it).
_analyzer: Analyzer | None = None

Job = tuple[bytes, str, bool, str]  # (file bytes, key, is HTML, path)
Result = tuple[bool, bytes | str]  # (ok, payload) or (False, error message)


def _start(corrections: str, with_model: bool = False) -> None:
    global _analyzer
    model = load_model()[0] if with_model else None
    _analyzer = Analyzer(Corrections.from_json(corrections) if corrections else None, model=model)


def analyse_job(job: Job) -> Result:
    data, key, html, path = job
    try:
        article = _ingest().parse_article(data, key, html=html, path=path)
    except IngestError as error:
        return False, error.message
    assert _analyzer is not None, "analyse_job runs only in a pool made by analysis_pool"
    return True, codec.encode(article, _analyzer.analyse(article))


# The process pool's modules (multiprocessing and its connections) take ~10 ms to import and
# only a first index uses them: loaded then, not when the window starts (issue 18, point 1).
@cache
def _process_pools() -> ModuleType:
    import concurrent.futures.process  # noqa: PLC0415 - deferred to the first pool, see above

    return concurrent.futures.process


@cache
def _multiprocessing() -> ModuleType:
    import multiprocessing  # noqa: PLC0415 - deferred to the first pool, see above

    return multiprocessing


def analysis_pool(analyzer: Analyzer, workers: int) -> Executor:
    corrections = analyzer.corrections.to_json() if len(analyzer.corrections) else ""
    return _process_pools().ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_multiprocessing().get_context("spawn"),
        initializer=_start,
        initargs=(corrections, analyzer.model is not None),
    )
