"""W3C Web Annotation (JSON-LD) export and import.

An export is an ``AnnotationCollection`` whose first page holds every annotation
(https://www.w3.org/TR/annotation-model/); the collection and its page have ids, and every
annotation carries its own ``@context``, so one taken out of the file is still a conforming
annotation (tests/notes/test_w3c_conformance.py checks the test suite's schemas). Each
annotation targets the article file (a ``file:`` URI), with both a
``TextQuoteSelector`` and a ``TextPositionSelector`` (code points) re-read from the article
as it is *now*: an export never depends on whether the article was opened since it changed.
An annotation whose words are gone has only its quote selector and ``"reader:orphaned": true``. Bodies are ``TextualBody`` objects with a ``purpose``: ``commenting`` (the note,
Markdown), ``tagging`` (one per tag), ``describing`` (a bookmark's name), ``identifying`` (the
entity an entity note is bound to). The colour is the target's ``styleClass``.

Import reads such files — ours and other tools' — and re-anchors each annotation in the current
article text. An annotation's identity is per library: a duplicate is the same id in this
library, or the same target *and* body (two notes on the same words are two notes). Our ids
(``urn:uuid:…``) make a second import of the same file a no-op; one of them that another library
holds (the backup of a copied or moved library) comes in under an id of this library, so an
import never changes or moves another library's notes.
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
from reader.errors import AnnotationFileError
from reader.ingest.model import Article
from reader.library.identity import library_folders
from reader.notes.anchor import reanchored
from reader.notes.model import ORPHAN, Anchored, Annotation, Color, Kind, Selector, timestamp
from reader.notes.output import write_output
from reader.notes.repository import AnnotationRepository
from reader.notes.undo import Change

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Reader's own terms (the orphan marker), declared so a JSON-LD processor keeps them.
READER_TERMS = {"reader": "urn:reader:terms#"}
ORPHANED = "reader:orphaned"
_ENTITY_TARGET = "urn:reader:entity:"
_MOTIVATION = {Kind.HIGHLIGHT: "highlighting", Kind.BOOKMARK: "bookmarking", Kind.ENTITY_NOTE: "commenting"}
_STYLESHEET = " ".join(
    f".{c.value} {{ background-color: {css}; }}"
    for c, css in zip(Color, ("#fff3a0", "#c8f0c0", "#c4dcff", "#ffc8dc", "#e0ccff"), strict=True)
)
# Foreign annotations get stable ids derived from what identifies them, so a re-import matches.
_FOREIGN = uuid.UUID("6f3c2a4e-29d1-4f0e-9a51-7d1b8c0e5a10")
# Our ids imported into another library than theirs get ids derived from the library and the id.
_SCOPED = uuid.UUID("0b7d5f9e-63a2-4c8e-b1f4-2e9a7c3d8b60")


def to_w3c(
    annotations: Sequence[Annotation], articles: Mapping[str, Article], *, label: str = "Reader annotations"
) -> dict[str, Any]:
    """An AnnotationCollection of ``annotations`` anchored in the current ``articles``, ready
    for ``json.dump``."""
    items = [annotation_to_w3c(a, articles.get(a.article_key)) for a in annotations]
    collection = f"urn:uuid:{uuid.uuid4()}"
    return {
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "generator": {"type": "Software", "name": f"Reader {reader.__version__}"},
        "generated": timestamp(),
        "first": {
            "id": f"urn:uuid:{uuid.uuid5(uuid.UUID(collection[len('urn:uuid:'):]), 'page 1')}",
            "type": "AnnotationPage",
            "partOf": collection,
            "startIndex": 0,
            "items": items,
        },
    }


def w3c_json(annotations: Sequence[Annotation], articles: Mapping[str, Article], *, label: str = "Reader annotations") -> str:
    """The collection as UTF-8 JSON text (not ASCII-escaped)."""
    return json.dumps(to_w3c(annotations, articles, label=label), ensure_ascii=False, indent=1) + "\n"


def export_w3c(
    path: Path, annotations: Sequence[Annotation], articles: Mapping[str, Article], *, label: str = "Reader annotations"
) -> Path:
    """Write the collection to ``path`` (write_output); ExportError when it cannot be written."""
    write_output(path, w3c_json(annotations, articles, label=label))
    return path


def annotation_to_w3c(a: Annotation, article: Article | None) -> dict[str, Any]:
    """One annotation, its selectors re-read from ``article`` (None: the article is gone, and
    a passage in it is orphaned)."""
    orphaned = False
    if a.selector is not None:
        placed = reanchored(a, article.text) if article is not None else Anchored(a, ORPHAN)
        a, orphaned = placed.annotation, placed.anchor.orphaned
    body: list[dict[str, Any]] = []
    if a.note:
        body.append({"type": "TextualBody", "value": a.note, "format": "text/markdown", "purpose": "commenting"})
    if a.entity:
        body.append({"type": "TextualBody", "value": a.entity, "purpose": "identifying"})
    if a.name:
        body.append({"type": "TextualBody", "value": a.name, "purpose": "describing"})
    body.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in a.tags)
    target: dict[str, Any] = {"type": "SpecificResource", "source": _source(a, article), "styleClass": a.color.value}
    if a.selector is not None:
        s = a.selector
        target["selector"] = [{"type": "TextQuoteSelector", "exact": s.exact, "prefix": s.prefix, "suffix": s.suffix}]
        if not orphaned:  # an orphan's old offsets point at other words now
            target["selector"].append({"type": "TextPositionSelector", "start": s.start, "end": s.end})
    item: dict[str, Any] = {
        "@context": [CONTEXT, READER_TERMS] if orphaned else CONTEXT,
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
    if orphaned:
        item[ORPHANED] = True
    return item


def _source(a: Annotation, article: Article | None) -> str:
    """The target's IRI. The model wants an absolute IRI, so an article is its file as a
    ``file:`` URI (which other tools can open; import maps it back to the key by its ending);
    an entity note made outside any article targets the entity itself."""
    if not a.article_key:
        return _ENTITY_TARGET + quote(a.entity or "", safe="")
    if article is not None and article.path:
        return Path(article.path).resolve().as_uri()
    folders = library_folders(a.library)
    if len(folders) == 1 and folders[0].is_absolute():
        return folders[0].as_uri().rstrip("/") + "/" + quote(a.article_key)
    return a.article_key


# -- import
def read_w3c(path: Path) -> object:
    """The JSON document in ``path`` (a UTF-8 byte order mark is allowed). AnnotationFileError
    says why it cannot be read: not a regular file (a pipe would block), not UTF-8, not JSON,
    or nested too deeply for the parser."""
    if not path.is_file():
        raise AnnotationFileError("no such file" if not path.exists() else "not a regular file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise AnnotationFileError(str(error.strerror or error)) from error
    except UnicodeDecodeError as error:
        raise AnnotationFileError(f"not a UTF-8 file (byte {error.start}: {error.reason})") from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise AnnotationFileError(f"not a JSON file ({error})") from error
    except RecursionError as error:  # json.loads recurses once per level of nesting
        raise AnnotationFileError("not an annotation file: its JSON is nested too deeply to read") from error


@dataclass(slots=True)
class ImportResult:
    """What an import found; ``changes`` are the writes it makes (all at once, or as one
    undoable step in the window)."""

    added: int = 0
    updated: int = 0  # ours, newer in the file than in the store
    unchanged: int = 0  # already there (same id, or the same target and body)
    orphaned: int = 0  # imported, but their words are not in the current article
    elsewhere: list[str] = field(default_factory=list)  # skipped: the passage's article is not in the library
    problems: list[str] = field(default_factory=list)  # items skipped (nothing to anchor to), and why
    changes: list[Change] = field(default_factory=list)

    def summary(self, library_name: str) -> str:
        """One line for the user: what was imported, and what was not and why."""
        parts = [f"{self.added} new, {self.updated} updated, {self.unchanged} already present"]
        if self.orphaned:
            parts.append(f"{self.orphaned} no longer match their article and are listed as orphaned")
        if self.elsewhere:
            first = self.elsewhere[0]
            parts.append(
                f"{len(self.elsewhere)} skipped because their article is not in {library_name} "
                f"(the first targets {first!r}: import into the library it came from)"
            )
        if self.problems:
            parts.append(f"{len(self.problems)} skipped because Reader cannot place them ({self.problems[0]})")
        return "; ".join(parts)


def plan_import(
    document: object, library: str, repository: AnnotationRepository, articles: Mapping[str, Article]
) -> ImportResult:
    """What adding the annotations of a W3C document to ``library`` would change, each
    re-anchored in ``articles``; reads the store, writes nothing. A highlight or bookmark whose
    article is not among ``articles`` is skipped and counted in ``elsewhere``; an item Reader
    cannot place (no text selector and no entity) is skipped and listed in ``problems``. A
    document of the wrong shape anywhere (an item that is not an object, a selector's offset
    that is not a count of characters, …) is refused whole with AnnotationFileError naming
    the items and their problems: nothing is half imported."""
    items = _items(document)
    malformed = [f"{_item_name(n, item)} {problem}" for n, item in enumerate(items, 1) if (problem := _shape_problem(item))]
    if malformed:
        shown = "; ".join(malformed[:_SHOWN])
        more = f"; and {len(malformed) - _SHOWN} more" if len(malformed) > _SHOWN else ""
        raise AnnotationFileError(f"nothing was imported: {shown}{more}")
    result = ImportResult()
    planned: dict[str, Annotation] = {}
    for number, item in enumerate(items, 1):
        try:
            annotation, ours = _parse(item, library, articles)
        except ValueError as error:
            result.problems.append(f"item {number}: {error}")
            continue
        if annotation.selector is not None:
            article = articles.get(annotation.article_key)
            if article is None:
                result.elsewhere.append(unquote(annotation.article_key.removeprefix("file://")))
                continue
            placed = reanchored(annotation, article.text)
            annotation = placed.annotation
            result.orphaned += placed.anchor.orphaned
        annotation, moved_in = _scoped(annotation, repository)
        existing = planned.get(annotation.id) or repository.get(annotation.id)
        if existing is None and not ours:
            existing = next((p for p in planned.values() if p.same_note_as(annotation)), None)
        if existing is None and (moved_in or not ours):
            existing = repository.find_duplicate(annotation)
        if existing is None:
            result.changes.append(Change(None, annotation))
            result.added += 1
        elif ours and existing.id == annotation.id and existing != annotation and annotation.modified > existing.modified:
            result.changes.append(Change(existing, annotation))
            result.updated += 1
        else:
            result.unchanged += 1
            continue
        planned[annotation.id] = annotation
    return result


def import_w3c(
    document: object, library: str, repository: AnnotationRepository, articles: Mapping[str, Article]
) -> ImportResult:
    """Add the annotations of a W3C document to ``library`` in one transaction."""
    result = plan_import(document, library, repository, articles)
    repository.write_many(put=[c.after for c in result.changes if c.after is not None])
    return result


def _scoped(annotation: Annotation, repository: AnnotationRepository) -> tuple[Annotation, bool]:
    """The annotation under an id of its own library. An id is a note of one library: when
    another library holds it (a copied or moved library's backup), the import gets an id derived
    from both, the same at every import, so the original is never changed or moved. True when
    the id was derived: the note may be here already under its own id."""
    holder = repository.get(annotation.id)
    if holder is None or holder.library == annotation.library:
        return annotation, False
    scoped = str(uuid.uuid5(_SCOPED, f"{annotation.library}\x00{annotation.id}"))
    return replace(annotation, id=scoped), True


def _items(document: object) -> list[Any]:
    """The annotations of a collection (embedded pages), a page, a list, or one annotation."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise AnnotationFileError("not a W3C annotation document (expected a JSON object or list)")
    kind = document.get("type")
    if kind == "Annotation":
        return [document]
    items: list[Any] = []
    page: object = document
    while isinstance(page, dict):
        found = page.get("items")
        if found is not None and not isinstance(found, list):
            raise AnnotationFileError(f"not a W3C annotation document: its 'items' is {_json_type(found)}, not a list")
        items.extend(found or [])
        page = page.get("first") if page is document else page.get("next")
    if page is not None and not isinstance(page, str):  # a string is a page elsewhere, not fetched
        raise AnnotationFileError(f"not a W3C annotation document: a page is {_json_type(page)}, not an object")
    if not items and kind not in ("AnnotationCollection", "AnnotationPage"):
        raise AnnotationFileError("not a W3C annotation document (no AnnotationCollection, page or items)")
    return items


# Longer than any article, and within what Qt's positions and SQLite's integers hold.
_MAX_OFFSET = 2**31 - 1
_SHOWN = 5  # malformed items named in the refusal


def _shape_problem(item: object) -> str | None:
    """What breaks the W3C model's shape in ``item`` (the first thing found), or None. Only the
    members import reads are checked; unknown ones are other tools' business."""
    if not isinstance(item, dict):
        return f"is {_json_type(item)}, not an object"
    for key in ("id", "bodyValue", "created", "modified"):
        if item.get(key) is not None and not isinstance(item[key], str):
            return f"has {key!r} as {_json_type(item[key])}, not a string"
    for body in _as_list(item.get("body")):
        if not isinstance(body, (str, dict)) or (isinstance(body, dict) and body.get("value") is not None and not isinstance(body["value"], str)):
            return "has a body that is not a string or an object with a text 'value'"
    targets = _as_list(item.get("target"))
    if not targets:
        return "has no target"
    for target in targets:
        if isinstance(target, str):
            continue
        if not isinstance(target, dict):
            return f"has a target that is {_json_type(target)}, not a string or an object"
        if any(target.get(key) is not None and not isinstance(target[key], str) for key in ("source", "id")):
            return "has a target whose 'source' is not a string"
        for selector in _as_list(target.get("selector")):
            if (problem := _selector_problem(selector)) is not None:
                return problem
    return None


def _selector_problem(selector: object) -> str | None:
    if not isinstance(selector, dict):
        return f"has a selector that is {_json_type(selector)}, not an object"
    if selector.get("type") == "TextQuoteSelector":
        if not isinstance(selector.get("exact"), str):
            return "has a TextQuoteSelector without a text 'exact' quote"
        if any(selector.get(key) is not None and not isinstance(selector[key], str) for key in ("prefix", "suffix")):
            return "has a TextQuoteSelector whose 'prefix' or 'suffix' is not a string"
    if selector.get("type") == "TextPositionSelector":
        start, end = selector.get("start"), selector.get("end")
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
            return f"has a TextPositionSelector [{start!r}, {end!r}) that is not a pair of whole numbers"
        if not 0 <= start <= end <= _MAX_OFFSET:  # type: ignore[operator]
            return f"has a TextPositionSelector [{start}, {end}) that is not a range of 0 to {_MAX_OFFSET} characters"
    return None


def _item_name(number: int, item: object) -> str:
    raw_id = item.get("id") if isinstance(item, dict) else None
    return f"item {number} ({raw_id})" if isinstance(raw_id, str) and raw_id else f"item {number}"


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null"}
    return names.get(type(value), "a number")


def _parse(item: object, library: str, articles: Mapping[str, Article]) -> tuple[Annotation, bool]:
    """An item (of the shape ``_shape_problem`` checks) as an Annotation of ``library``, and
    whether it carries one of our ids; ValueError when Reader cannot place it."""
    assert isinstance(item, dict)
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
    target = _as_list(item.get("target"))[0]
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
    # A foreign item's id is derived from its library and target, and from its own id or, when
    # it has none, its body: two notes on the same words are two notes.
    named = (raw_id,) if raw_id else ("", note, name, *tags)
    place = (key, selector.exact if selector else "", str(selector.start if selector else ""), entity or "")
    identity = our_id or str(uuid.uuid5(_FOREIGN, "\x00".join((library, *named, *place))))
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
        start, end = position["start"], position["end"]
    if quote_selector is not None:
        exact = quote_selector["exact"]
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


def _article_key(source: str, articles: Mapping[str, Article]) -> str:
    """Our key for a target source: the key itself, a path or file: URL ending in a key, or the
    article's own URL."""
    if source in articles:
        return source
    path = unquote(source.removeprefix("file://"))
    endings = [key for key in articles if path.endswith("/" + key)]
    if endings:
        return max(endings, key=len)  # x/a.md, not a.md, for …/x/a.md
    for key, article in articles.items():
        if article.url and article.url == source:
            return key
    return source


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
