"""Annotations in the store: every change is its own committed transaction.

A write returns only after SQLite has committed it (WAL), so whatever the UI shows as saved
survives the process being killed. Database trouble (locked, read-only, disk full) surfaces as
``StoreUnavailable`` for the window to show; anything else is a bug and propagates.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from reader.errors import StoreUnavailable
from reader.library.store import Store
from reader.notes.model import Annotation, Color, Kind, Selector, timestamp

_COLUMNS = (
    "id, library, article_key, kind, exact, prefix, suffix, start, end, entity, color, note, tags, "
    "name, created, modified"
)
_INSERT = (
    f"INSERT INTO annotations ({_COLUMNS}) VALUES (:id, :library, :article_key, :kind, :exact, "
    ":prefix, :suffix, :start, :end, :entity, :color, :note, :tags, :name, :created, :modified)"
)
_UPDATE = (
    "UPDATE annotations SET library = :library, article_key = :article_key, kind = :kind, "
    "exact = :exact, prefix = :prefix, suffix = :suffix, start = :start, end = :end, "
    "entity = :entity, color = :color, note = :note, tags = :tags, name = :name, "
    "created = :created, modified = :modified WHERE id = :id"
)
# Text order within an article; entity notes (no offsets) after the passages.
_ORDER = "ORDER BY article_key, start IS NULL, start, end, created, id"


@dataclass(frozen=True, slots=True)
class AnnotationFilter:
    """What a library-wide list shows; ``None`` means any. A source or an article date range is
    a set of ``articles`` keys, which the caller takes from its Library."""

    kind: Kind | None = None
    tag: str | None = None
    color: Color | None = None
    entity: str | None = None
    articles: frozenset[str] | None = None
    created_from: str | None = None  # ISO date or timestamp, inclusive
    created_to: str | None = None  # ISO date, inclusive of that whole day

    def matches(self, annotation: Annotation) -> bool:
        if self.kind is not None and annotation.kind is not self.kind:
            return False
        if self.tag is not None and self.tag not in annotation.tags:
            return False
        if self.color is not None and annotation.color is not self.color:
            return False
        if self.entity is not None and annotation.entity != self.entity:
            return False
        if self.articles is not None and annotation.article_key not in self.articles:
            return False
        if self.created_from is not None and annotation.created < self.created_from:
            return False
        # "2026-05-01" covers every timestamp of that day: compare the same number of characters.
        if self.created_to is not None and annotation.created[: len(self.created_to)] > self.created_to:
            return False
        return True


class AnnotationRepository:
    """Add, change, delete and list annotations in one Store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- writes (each one committed before it returns)
    def add(self, annotation: Annotation) -> Annotation:
        with self._write() as db:
            db.execute(_INSERT, _row(annotation))
        return annotation

    def update(self, annotation: Annotation) -> Annotation:
        """Replace the stored annotation with the same id, as given (``modified`` included, so
        undo can restore an old version exactly). KeyError when there is none."""
        with self._write() as db:
            if db.execute(_UPDATE, _row(annotation)).rowcount == 0:
                raise KeyError(annotation.id)
        return annotation

    def put(self, annotation: Annotation) -> Annotation:
        """Insert or replace: for undoing a delete and for imports."""
        with self._write() as db:
            db.execute(_INSERT.replace("INSERT", "INSERT OR REPLACE", 1), _row(annotation))
        return annotation

    def write_many(self, put: Iterable[Annotation] = (), delete: Iterable[str] = ()) -> None:
        """Insert or replace ``put`` and delete the ids in ``delete``, in one transaction: an
        import, or its undo, happens whole or not at all."""
        rows = [_row(a) for a in put]
        with self._write() as db:
            db.executemany(_INSERT.replace("INSERT", "INSERT OR REPLACE", 1), rows)
            db.executemany("DELETE FROM annotations WHERE id = :id", [{"id": i} for i in delete])

    def delete(self, annotation_id: str) -> Annotation:
        """Delete and return the annotation (for undo). KeyError when there is none."""
        with self._write() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM annotations WHERE id = :id", {"id": annotation_id}).fetchone()
            if row is None:
                raise KeyError(annotation_id)
            db.execute("DELETE FROM annotations WHERE id = :id", {"id": annotation_id})
        return _annotation(row)

    def reattach(self, annotation_id: str, selector: Selector) -> Annotation:
        """Attach an (orphaned) annotation to a new passage and return it."""
        current = self.get(annotation_id)
        if current is None:
            raise KeyError(annotation_id)
        return self.update(current.edited(selector=selector))

    # -- reads
    def get(self, annotation_id: str) -> Annotation | None:
        rows = self._select("WHERE id = :id", {"id": annotation_id})
        return rows[0] if rows else None

    def for_article(self, library: str, article_key: str) -> list[Annotation]:
        """The article's annotations (entity notes made in it included), in stored text order."""
        return self._select(f"WHERE library = :l AND article_key = :k {_ORDER}", {"l": library, "k": article_key})

    def for_library(self, library: str, where: AnnotationFilter | None = None) -> list[Annotation]:
        """Every annotation of the library that passes ``where``, by article then text order."""
        clauses = ["library = :l"]
        params: dict[str, Any] = {"l": library}
        # The cheap, indexed conditions run in SQL; the rest (tags are JSON) in Python.
        if where is not None and where.kind is not None:
            clauses.append("kind = :kind")
            params["kind"] = where.kind.value
        if where is not None and where.entity is not None:
            clauses.append("entity = :entity")
            params["entity"] = where.entity
        rows = self._select(f"WHERE {' AND '.join(clauses)} {_ORDER}", params)
        return [a for a in rows if where is None or where.matches(a)]

    def for_entity(self, library: str, entity: str) -> list[Annotation]:
        """Notes bound to the entity, oldest first: for its card and its mentions."""
        return self._select(
            "WHERE library = :l AND entity = :e ORDER BY created, id", {"l": library, "e": entity}
        )

    def entities_with_notes(self, library: str) -> dict[str, int]:
        """Entity name → number of notes bound to it."""
        rows = self._store.connection.execute(
            "SELECT entity, count(*) FROM annotations WHERE library = :l AND entity IS NOT NULL "
            "GROUP BY entity",
            {"l": library},
        )
        return dict(rows)

    def tags(self, library: str) -> list[str]:
        """Tags used in the library, most used first."""
        counts: Counter[str] = Counter()
        for (tags,) in self._store.connection.execute("SELECT tags FROM annotations WHERE library = :l", {"l": library}):
            counts.update(json.loads(tags))
        return [tag for tag, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]

    def find_duplicate(self, annotation: Annotation) -> Annotation | None:
        """Another annotation of the same library with the same target and body (see
        ``Annotation.same_note_as``): how an import recognises a note it holds under another id."""
        row = _row(annotation)
        rows = self._select(
            "WHERE library = :library AND article_key = :article_key AND start IS :start AND exact = :exact "
            "AND entity IS :entity AND note = :note AND tags = :tags AND name = :name AND id != :id LIMIT 1",
            row,
        )
        return rows[0] if rows else None

    def counts(self, library: str) -> Mapping[str, int]:
        """Article key → number of annotations: for marking annotated articles in a list."""
        rows = self._store.connection.execute(
            "SELECT article_key, count(*) FROM annotations WHERE library = :l GROUP BY article_key", {"l": library}
        )
        return dict(rows)

    # -- helpers
    def _select(self, tail: str, params: Mapping[str, Any]) -> list[Annotation]:
        try:
            rows = self._store.connection.execute(f"SELECT {_COLUMNS} FROM annotations {tail}", params).fetchall()
        except sqlite3.OperationalError as error:
            raise StoreUnavailable(f"{self._store.path}: {error}") from error
        return [_annotation(row) for row in rows]

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            with self._store.transaction() as db:
                yield db
        except sqlite3.OperationalError as error:  # disk full, read-only file, locked
            raise StoreUnavailable(f"{self._store.path}: {error}") from error


def _row(a: Annotation) -> dict[str, Any]:
    s = a.selector
    return {
        "id": a.id,
        "library": a.library,
        "article_key": a.article_key,
        "kind": a.kind.value,
        "exact": s.exact if s else "",
        "prefix": s.prefix if s else "",
        "suffix": s.suffix if s else "",
        "start": s.start if s else None,
        "end": s.end if s else None,
        "entity": a.entity,
        "color": a.color.value,
        "note": a.note,
        "tags": json.dumps(list(a.tags), ensure_ascii=False),
        "name": a.name,
        "created": a.created or timestamp(),
        "modified": a.modified or timestamp(),
    }


def _annotation(row: tuple[Any, ...]) -> Annotation:
    (id_, library, key, kind, exact, prefix, suffix, start, end, entity, color, note, tags, name, created, modified) = row
    selector = Selector(exact, prefix, suffix, start, end) if start is not None else None
    return Annotation(
        id=id_,
        library=library,
        article_key=key,
        kind=Kind(kind),
        selector=selector,
        entity=entity,
        color=Color(color) if color else Color.YELLOW,
        note=note,
        tags=tuple(json.loads(tags)),
        name=name,
        created=created,
        modified=modified,
    )

