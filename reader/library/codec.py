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


def encode(article: Article, analysis: Analysis) -> bytes:
    """Everything but the article's key, file and path, which depend on where it was found."""
    entities: dict[str, int] = {}
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
        "mentions": [
            [m.start, m.end, entities.setdefault(m.entity, len(entities)), m.type.value]
            for m in analysis.mentions
        ],
        "entities": list(entities),
        "metrics": [
            [m.start, m.end, m.value, m.unit, m.unit_implied, m.qualifier, m.label, m.subject, m.period, m.kind.value]
            for m in analysis.metrics
        ],
    }
    return zlib.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def decode(payload: bytes, key: str, file: str, content_hash: str, path: str = "") -> tuple[Article, Analysis]:
    doc = json.loads(zlib.decompress(payload))
    text = doc["text"]
    article = Article(
        key=key,
        file=file,
        title=doc["title"],
        text=text,
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
    names = doc["entities"]
    mentions = tuple(Mention(s, e, names[i], _TYPES[t], text[s:e]) for s, e, i, t in doc["mentions"])
    metrics = tuple(
        Metric(s, e, text[s:e], v, u, ui, q, lb, sj, p, _KINDS[k])
        for s, e, v, u, ui, q, lb, sj, p, k in doc["metrics"]
    )
    return article, Analysis(mentions, metrics)
