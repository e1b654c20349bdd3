"""W3C Web Annotation (JSON-LD) export and import.

An export is an ``AnnotationCollection`` whose first page holds every annotation
(https://www.w3.org/TR/annotation-model/). Each annotation targets the article file by its path
relative to the library folder, with both a ``TextQuoteSelector`` and a ``TextPositionSelector``
(code points). Bodies are ``TextualBody`` objects with a ``purpose``: ``commenting`` (the note,
Markdown), ``tagging`` (one per tag), ``describing`` (a bookmark's name), ``identifying`` (the
entity an entity note is bound to). The colour is the target's ``styleClass``.

Import reads such files — ours and other tools' — and re-anchors each annotation in the current
article text. Our ids (``urn:uuid:…``) make a second import of the same file a no-op; foreign
annotations are deduplicated on source, quote and start.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import reader
from reader.ingest.model import Article
from reader.notes.anchor import anchor
from reader.notes.model import AnchorStatus, Annotation, Color, Kind, Selector, timestamp
from reader.notes.output import write_atomic
from reader.notes.repository import AnnotationRepository

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_ENTITY_TARGET = "urn:reader:entity:"
_MOTIVATION = {Kind.HIGHLIGHT: "highlighting", Kind.BOOKMARK: "bookmarking", Kind.ENTITY_NOTE: "commenting"}
_STYLESHEET = " ".join(
    f".{c.value} {{ background-color: {css}; }}"
    for c, css in zip(Color, ("#fff3a0", "#c8f0c0", "#c4dcff", "#ffc8dc", "#e0ccff"), strict=True)
)
# Foreign annotations get stable ids derived from what identifies them, so a re-import matches.
_FOREIGN = uuid.UUID("6f3c2a4e-29d1-4f0e-9a51-7d1b8c0e5a10")


def to_w3c(annotations: Sequence[Annotation], *, label: str = "Reader annotations") -> dict[str, Any]:
    """An AnnotationCollection of ``annotations``, ready for ``json.dump``."""
    items = [annotation_to_w3c(a) for a in annotations]
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "generator": {"type": "Software", "name": f"Reader {reader.__version__}"},
        "generated": timestamp(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def w3c_json(annotations: Sequence[Annotation], *, label: str = "Reader annotations") -> str:
    """The collection as UTF-8 JSON text (not ASCII-escaped)."""
    return json.dumps(to_w3c(annotations, label=label), ensure_ascii=False, indent=1) + "\n"


def export_w3c(path: Path, annotations: Sequence[Annotation], *, label: str = "Reader annotations") -> Path:
    """Write the collection atomically to ``path``; ExportError when it cannot be written."""
    write_atomic(path, w3c_json(annotations, label=label))
    return path


def annotation_to_w3c(a: Annotation) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if a.note:
        body.append({"type": "TextualBody", "value": a.note, "format": "text/markdown", "purpose": "commenting"})
    if a.entity:
        body.append({"type": "TextualBody", "value": a.entity, "purpose": "identifying"})
    if a.name:
        body.append({"type": "TextualBody", "value": a.name, "purpose": "describing"})
    body.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in a.tags)
    # An entity note made outside any article targets the entity itself.
    source = a.article_key or _ENTITY_TARGET + quote(a.entity or "", safe="")
    target: dict[str, Any] = {"type": "SpecificResource", "source": source, "styleClass": a.color.value}
    if a.selector is not None:
        s = a.selector
        target["selector"] = [
            {"type": "TextQuoteSelector", "exact": s.exact, "prefix": s.prefix, "suffix": s.suffix},
            {"type": "TextPositionSelector", "start": s.start, "end": s.end},
        ]
    item: dict[str, Any] = {
        "id": f"urn:uuid:{a.id}",
        "type": "Annotation",
        "motivation": _MOTIVATION[a.kind],
        "created": a.created,
        "modified": a.modified,
        "stylesheet": {"type": "CssStylesheet", "value": _STYLESHEET},
        "target": target,
    }
    if body:
        item["body"] = body
    return item


# -- import
@dataclass(slots=True)
class ImportResult:
    added: int = 0
    updated: int = 0  # ours, newer in the file than in the store
    unchanged: int = 0  # already there (same id, or the same passage for foreign ones)
    orphaned: int = 0  # imported, but their words are not in the current article
    problems: list[str] = field(default_factory=list)  # items skipped, and why


def import_w3c(
    document: object, library: str, repository: AnnotationRepository, articles: Mapping[str, Article]
) -> ImportResult:
    """Add the annotations of a W3C document to ``library``, re-anchored in ``articles``."""
    result = ImportResult()
    for number, item in enumerate(_items(document), 1):
        try:
            annotation, ours = _parse(item, library, articles)
        except ValueError as error:
            result.problems.append(f"item {number}: {error}")
            continue
        article = articles.get(annotation.article_key)
        if annotation.selector is not None and article is not None:
            annotation, status = _reanchor(annotation, article.text)
            if status is AnchorStatus.ORPHANED:
                result.orphaned += 1
        elif annotation.selector is not None:
            result.orphaned += 1
        existing = repository.get(annotation.id)
        if existing is None and not ours and annotation.selector is not None:
            existing = repository.find_duplicate(library, annotation.article_key, annotation.quote, annotation.selector.start)
        if existing is None:
            repository.put(annotation)
            result.added += 1
        elif ours and existing != annotation and annotation.modified > existing.modified:
            repository.put(annotation)
            result.updated += 1
        else:
            result.unchanged += 1
    return result


def _items(document: object) -> list[Any]:
    """The annotations of a collection (embedded pages), a page, a list, or one annotation."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise ValueError("not a W3C annotation document (expected a JSON object or list)")
    kind = document.get("type")
    if kind == "Annotation":
        return [document]
    items: list[Any] = list(document.get("items") or [])
    page = document.get("first")
    while isinstance(page, dict):
        items.extend(page.get("items") or [])
        page = page.get("next")
    if not items and kind not in ("AnnotationCollection", "AnnotationPage"):
        raise ValueError("not a W3C annotation document (no AnnotationCollection, page or items)")
    return items


def _parse(item: object, library: str, articles: Mapping[str, Article]) -> tuple[Annotation, bool]:
    """An item as an Annotation of ``library``, and whether it carries one of our ids."""
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    raw_id = str(item.get("id") or "")
    our_id = _our_id(raw_id)
    motivations = _as_list(item.get("motivation"))
    note, entity, name, tags = "", None, "", []
    if isinstance(item.get("bodyValue"), str):
        note = item["bodyValue"]
    for body in _as_list(item.get("body")):
        if isinstance(body, str):
            note = note or body
            continue
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purposes = _as_list(body.get("purpose")) or ["commenting"]
        value = body["value"]
        if "tagging" in purposes:
            tags.append(value)
        elif "identifying" in purposes:
            entity = value
        elif "describing" in purposes:
            name = value
        else:
            note = f"{note}\n\n{value}" if note else value
    targets = _as_list(item.get("target"))
    if not targets:
        raise ValueError("has no target")
    target = targets[0]
    key, selector, color = "", None, Color.YELLOW
    if isinstance(target, str):
        if target.startswith(_ENTITY_TARGET):
            entity = entity or unquote(target[len(_ENTITY_TARGET) :])
        else:
            key = _article_key(target, articles)
    elif isinstance(target, dict):
        source = str(target.get("source") or target.get("id") or "")
        if source.startswith(_ENTITY_TARGET):
            entity = entity or unquote(source[len(_ENTITY_TARGET) :])
        elif source:
            key = _article_key(source, articles)
        selector = _selector(_as_list(target.get("selector")), articles.get(key))
        styles = [c for c in Color if c.value in _as_list(target.get("styleClass"))]
        color = styles[0] if styles else Color.YELLOW
    if selector is not None and "bookmarking" in motivations:
        kind = Kind.BOOKMARK
    elif selector is not None and "highlighting" in motivations:
        kind = Kind.HIGHLIGHT
    elif entity:
        kind = Kind.ENTITY_NOTE
    elif selector is not None:
        kind = Kind.HIGHLIGHT
    else:
        raise ValueError(f"{raw_id or 'annotation'} has neither a text selector nor an entity")
    if kind is Kind.HIGHLIGHT and selector is not None and selector.is_position:
        kind = Kind.BOOKMARK  # a note at a point, not on words
    if kind is not Kind.ENTITY_NOTE and not key:
        raise ValueError(f"{raw_id or 'annotation'} has no target source")
    created = str(item.get("created") or timestamp())
    identity = our_id or str(
        uuid.uuid5(_FOREIGN, "\x00".join((library, raw_id, key, selector.exact if selector else "", str(selector.start if selector else ""), entity or "")))
    )
    annotation = Annotation(
        id=identity,
        library=library,
        article_key=key,
        kind=kind,
        selector=selector,
        entity=entity,
        color=color,
        note=note,
        tags=tuple(dict.fromkeys(tags)),
        name=name,
        created=created,
        modified=str(item.get("modified") or created),
    )
    return annotation, our_id is not None


def _our_id(raw: str) -> str | None:
    if not raw.startswith("urn:uuid:"):
        return None
    try:
        return str(uuid.UUID(raw[len("urn:uuid:") :]))
    except ValueError:
        return None


def _selector(selectors: list[Any], article: Article | None) -> Selector | None:
    quote_selector = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextPositionSelector"), None)
    start = end = None
    if position is not None:
        start, end = position.get("start"), position.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            raise ValueError(f"TextPositionSelector [{start}, {end}) is not a valid range")
    if quote_selector is not None:
        exact = quote_selector.get("exact")
        if not isinstance(exact, str):
            raise ValueError("TextQuoteSelector without an exact quote")
        prefix = quote_selector.get("prefix") or ""
        suffix = quote_selector.get("suffix") or ""
        if start is None or end is None:
            # No position: a hint at the start; anchoring finds the quote.
            start, end = 0, len(exact)
        return Selector(exact, str(prefix), str(suffix), start, end)
    if start is not None and end is not None:
        if article is not None and end <= len(article.text):
            return Selector.from_text(article.text, start, end)
        return Selector("", "", "", start, start) if start == end else None
    return None


def _reanchor(annotation: Annotation, text: str) -> tuple[Annotation, AnchorStatus]:
    """The annotation with its selector moved to where it anchors now (unchanged when its
    offsets still hold, or when it is orphaned: then the file's selector is all we know)."""
    assert annotation.selector is not None
    found = anchor(text, annotation.selector)
    if found.status in (AnchorStatus.EXACT, AnchorStatus.ORPHANED):
        return annotation, found.status
    moved = Selector.from_text(text, found.start, found.end)
    return replace(annotation, selector=moved), found.status


def _article_key(source: str, articles: Mapping[str, Article]) -> str:
    """Our key for a target source: the key itself, a path or file: URL ending in a key, or the
    article's own URL."""
    if source in articles:
        return source
    path = unquote(source.removeprefix("file://"))
    for key in articles:
        if path.endswith("/" + key):
            return key
    for key, article in articles.items():
        if article.url and article.url == source:
            return key
    return source


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
