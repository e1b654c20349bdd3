"""Article and Analysis to compact bytes and back, for the analysis cache."""

from __future__ import annotations

import json
import zlib

from reader.analysis.model import EntityType, Mention, Metric, MetricKind
from reader.analysis.pipeline import Analysis
from reader.ingest.model import Article, Block, BlockKind, Style, StyleKind

_BLOCK_KINDS = {k.value: k for k in BlockKind}
_STYLE_KINDS = {k.value: k for k in StyleKind}
_TYPES = {t.value: t for t in EntityType}
_KINDS = {k.value: k for k in MetricKind}


def encode(article: Article, analysis: Analysis | RawAnalysis) -> bytes:
    """Everything but the article's key, file and path, which depend on where it was found."""
    raw = analysis if isinstance(analysis, RawAnalysis) else RawAnalysis.of(analysis)
    doc = {
        "title": article.title,
        "text": article.text,
        "source": article.source,
        "author": article.author,
        "date": article.date,
        "tags": article.tags,
        "url": article.url,
        "blocks": [[b.kind.value, b.start, b.end, b.level] for b in article.blocks],
        "styles": [[s.kind.value, s.start, s.end] for s in article.styles],
        "mentions": raw.mentions,
        "entities": raw.entities,
        "metrics": raw.metrics,
    }
    return zlib.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def decode(payload: bytes, key: str, file: str, content_hash: str, path: str = "") -> tuple[Article, Analysis]:
    article, raw = decode_raw(payload, key, file, content_hash, path)
    return article, raw.build(article.text)


class RawAnalysis:
    """An analysis as the cache stores it: plain lists, turned into Mention and Metric objects
    only for the article someone looks at (a 10k library holds millions of mentions)."""

    __slots__ = ("entities", "mentions", "metrics")

    def __init__(self, entities: list[str], mentions: list[list], metrics: list[list]) -> None:
        self.entities = entities  # local entity names; mentions refer to them by index
        self.mentions = mentions  # [start, end, entity index, type value]
        self.metrics = metrics  # [start, end, value, unit, implied, qualifier, label, subject, period, kind]

    @classmethod
    def of(cls, analysis: Analysis) -> RawAnalysis:
        entities: dict[str, int] = {}
        mentions = [[m.start, m.end, entities.setdefault(m.entity, len(entities)), m.type.value] for m in analysis.mentions]
        metrics = [
            [m.start, m.end, m.value, m.unit, m.unit_implied, m.qualifier, m.label, m.subject, m.period, m.kind.value]
            for m in analysis.metrics
        ]
        return cls(list(entities), mentions, metrics)

    def build(self, text: str) -> Analysis:
        names = self.entities
        mentions = tuple(Mention(s, e, names[i], _TYPES[t], text[s:e]) for s, e, i, t in self.mentions)
        metrics = tuple(
            Metric(s, e, text[s:e], v, u, ui, q, lb, sj, p, _KINDS[k])
            for s, e, v, u, ui, q, lb, sj, p, k in self.metrics
        )
        return Analysis(mentions, metrics)

    def metrics_about(self, subject: str, text: str) -> tuple[Metric, ...]:
        """Only the figures whose subject is ``subject`` (an entity card wants a few figures
        from each of many articles, not every mention of them)."""
        return tuple(
            Metric(s, e, text[s:e], v, u, ui, q, lb, sj, p, _KINDS[k])
            for s, e, v, u, ui, q, lb, sj, p, k in self.metrics
            if sj == subject
        )


def decode_raw(payload: bytes, key: str, file: str, content_hash: str, path: str = "") -> tuple[Article, RawAnalysis]:
    doc = json.loads(zlib.decompress(payload))
    article = Article(
        key=key,
        file=file,
        title=doc["title"],
        text=doc["text"],
        blocks=tuple(Block(_BLOCK_KINDS[k], s, e, lv) for k, s, e, lv in doc["blocks"]),
        styles=tuple(Style(_STYLE_KINDS[k], s, e) for k, s, e in doc["styles"]),
        source=doc["source"],
        author=doc["author"],
        date=doc["date"],
        tags=tuple(doc["tags"]),
        url=doc["url"],
        content_hash=content_hash,
        path=path,
    )
    return article, RawAnalysis(doc["entities"], doc["mentions"], doc["metrics"])
