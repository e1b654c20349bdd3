"""The analysis of one article: entity mentions, then the figures that refer to them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

import reader
from reader.analysis.model import Mention, Metric
from reader.ingest.model import Article
from reader.paths import RESOURCES


@dataclass(frozen=True, slots=True)
class Analysis:
    mentions: tuple[Mention, ...] = ()
    metrics: tuple[Metric, ...] = ()


class ArticleAnalyzer(Protocol):
    @property
    def version(self) -> str: ...

    def analyse(self, article: Article) -> Analysis: ...


def resources_fingerprint() -> str:
    """A hash of Reader's version and every bundled resource file: the analysis cache key."""
    digest = hashlib.sha256(reader.__version__.encode())
    for path in sorted(RESOURCES.rglob("*")):
        if path.is_file() and path.suffix in {".tsv", ".txt", ".yaml", ".yml", ".json", ".csv"}:
            digest.update(path.relative_to(RESOURCES).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Analyzer:
    """Gazetteer, jieba and the metric grammar, loaded on first use (jieba alone takes ~0.6 s,
    which must not be spent before the window shows)."""

    @cached_property
    def version(self) -> str:
        return resources_fingerprint()

    @cached_property
    def recognizer(self):  # noqa: ANN201 - EntityRecognizer, imported lazily
        from reader.analysis.entities import EntityRecognizer
        from reader.analysis.gazetteer import Gazetteer

        return EntityRecognizer(Gazetteer.load())

    def analyse(self, article: Article) -> Analysis:
        from reader.analysis.metrics import extract_metrics

        mentions = self.recognizer.recognise(article.text)
        metrics = extract_metrics(article.text, mentions, article.date)
        return Analysis(tuple(mentions), tuple(metrics))
