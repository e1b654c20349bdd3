"""The user's corrections to entity recognition, kept as data so they outlive re-analysis.

A ``Corrections`` value is an ordered tuple of small records. The recogniser applies them on
every run: first to the gazetteer (so an added entity matches everywhere), then to each name it
discovers in an article. Storing them is the library's job; ``to_json``/``from_json`` give the
form to store and to export as a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from reader.analysis.gazetteer import Entry
from reader.analysis.model import Entity, EntityType

FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Rename:
    """Entity ``old`` is called ``new``; the old name stays a surface that links to it."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Retype:
    name: str
    type: EntityType


@dataclass(frozen=True, slots=True)
class Merge:
    """Entity ``source`` is the same as ``target``: its names become ``target``'s aliases."""

    source: str
    target: str


@dataclass(frozen=True, slots=True)
class SplitAlias:
    """``alias`` is its own entity, no longer another name of the one it was attached to."""

    alias: str
    type: EntityType | None = None  # None: keep the type of the entity it leaves


@dataclass(frozen=True, slots=True)
class Ignore:
    """Never highlight ``name`` (a surface or a canonical name), in any article."""

    name: str


@dataclass(frozen=True, slots=True)
class AddEntity:
    """A new entity from a selected span; it then matches everywhere."""

    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()


Correction = Rename | Retype | Merge | SplitAlias | Ignore | AddEntity

_KINDS: dict[str, type] = {
    "rename": Rename,
    "retype": Retype,
    "merge": Merge,
    "split_alias": SplitAlias,
    "ignore": Ignore,
    "add_entity": AddEntity,
}
_KIND_OF = {cls: kind for kind, cls in _KINDS.items()}


def _to_record(c: Correction) -> dict[str, Any]:
    record: dict[str, Any] = {"kind": _KIND_OF[type(c)]}
    for name in c.__slots__:
        value = getattr(c, name)
        if isinstance(value, EntityType):
            value = value.value
        elif isinstance(value, tuple):
            value = list(value)
        record[name] = value
    return record


def _from_record(record: dict[str, Any]) -> Correction:
    try:
        cls = _KINDS[record["kind"]]
    except KeyError:
        raise ValueError(f"unknown correction kind {record.get('kind')!r}") from None
    fields = {k: v for k, v in record.items() if k != "kind"}
    if "type" in fields and fields["type"] is not None:
        fields["type"] = EntityType(fields["type"])
    if "aliases" in fields:
        fields["aliases"] = tuple(fields["aliases"])
    return cls(**fields)


@dataclass(frozen=True, slots=True)
class Corrections:
    """An ordered, immutable list of corrections; each method returns a new value."""

    items: tuple[Correction, ...] = ()

    # -- building ---------------------------------------------------------------------------

    def _plus(self, c: Correction) -> Corrections:
        return Corrections((*self.items, c))

    def rename(self, old: str, new: str) -> Corrections:
        return self._plus(Rename(old, new))

    def retype(self, name: str, type: EntityType) -> Corrections:
        return self._plus(Retype(name, type))

    def merge(self, source: str, target: str) -> Corrections:
        return self._plus(Merge(source, target))

    def split_alias(self, alias: str, type: EntityType | None = None) -> Corrections:
        return self._plus(SplitAlias(alias, type))

    def ignore(self, name: str) -> Corrections:
        return self._plus(Ignore(name))

    def add_entity(self, name: str, type: EntityType, aliases: tuple[str, ...] = ()) -> Corrections:
        return self._plus(AddEntity(name, type, tuple(aliases)))

    def __len__(self) -> int:
        return len(self.items)

    # -- the file form ------------------------------------------------------------------------

    def to_json(self) -> str:
        return json.dumps(
            {"version": FORMAT_VERSION, "corrections": [_to_record(c) for c in self.items]},
            ensure_ascii=False,
            indent=1,
        )

    @classmethod
    def from_json(cls, data: str) -> Corrections:
        parsed = json.loads(data)
        if not isinstance(parsed, dict) or parsed.get("version") != FORMAT_VERSION:
            raise ValueError("not a corrections file of a version this Reader understands")
        return cls(tuple(_from_record(r) for r in parsed["corrections"]))

    # -- applying ---------------------------------------------------------------------------

    @property
    def ignored(self) -> frozenset[str]:
        """Names never to highlight. A later AddEntity of the same name lifts an Ignore."""
        names: set[str] = set()
        for c in self.items:
            if isinstance(c, Ignore):
                names.add(c.name)
            elif isinstance(c, AddEntity):
                names.discard(c.name)
                names.difference_update(c.aliases)
        return frozenset(names)

    def apply(self, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
        """The gazetteer entries with every correction applied in order."""
        book: dict[str, Entry] = {e.name: e for e in entries}
        for c in self.items:
            _apply_one(book, c)
        return tuple(book.values())

    def resolve(self, name: str, etype: EntityType) -> tuple[str, EntityType]:
        """Where a discovered (non-gazetteer) name ends up: renames and merges followed,
        retypes applied, in order."""
        for c in self.items:
            if isinstance(c, Rename) and c.old == name:
                name = c.new
            elif isinstance(c, Merge) and c.source == name:
                name = c.target
            elif isinstance(c, Retype) and c.name == name:
                etype = c.type
        return name, etype


def _owner(book: dict[str, Entry], surface: str) -> Entry | None:
    if surface in book:
        return book[surface]
    for e in book.values():
        if surface in e.entity.aliases:
            return e
    return None


def _without_surface(e: Entry, surface: str) -> Entry:
    aliases = tuple(a for a in e.entity.aliases if a != surface)
    return replace(e, entity=replace(e.entity, aliases=aliases), ambiguous=e.ambiguous - {surface})


def _release(book: dict[str, Entry], surface: str, keep: str | None = None) -> None:
    """Detach ``surface`` from whichever entry holds it as an alias (except ``keep``)."""
    for name, e in list(book.items()):
        if name != keep and surface in e.entity.aliases:
            book[name] = _without_surface(e, surface)


def _with_aliases(e: Entry, extra: tuple[str, ...]) -> Entry:
    aliases = list(e.entity.aliases)
    for a in extra:
        if a != e.name and a not in aliases:
            aliases.append(a)
    return replace(e, entity=replace(e.entity, aliases=tuple(aliases)))


def _apply_one(book: dict[str, Entry], c: Correction) -> None:
    if isinstance(c, Rename):
        e = book.pop(c.old, None)
        if e is None:
            return
        if c.new in book:  # renaming onto an existing entity is a merge
            book[c.new] = _with_aliases(book[c.new], e.surfaces)
            return
        _release(book, c.new)
        entity = replace(e.entity, name=c.new)
        book[c.new] = _with_aliases(replace(e, entity=replace(entity, aliases=tuple(
            a for a in entity.aliases if a != c.new))), (c.old,))
    elif isinstance(c, Retype):
        e = book.get(c.name)
        if e is not None:
            book[c.name] = replace(e, entity=replace(e.entity, type=c.type))
    elif isinstance(c, Merge):
        source = book.get(c.source)
        target = book.get(c.target)
        if source is None or target is None or source is target:
            return
        del book[c.source]
        merged = _with_aliases(target, source.surfaces)
        book[c.target] = replace(
            merged, ambiguous=merged.ambiguous | source.ambiguous,
            case_insensitive=merged.case_insensitive or source.case_insensitive,
        )
    elif isinstance(c, SplitAlias):
        owner = _owner(book, c.alias)
        if owner is None or owner.name == c.alias:
            return
        book[owner.name] = _without_surface(owner, c.alias)
        etype = c.type or owner.entity.type
        book[c.alias] = Entry(
            entity=Entity(name=c.alias, type=etype),
            case_insensitive=owner.case_insensitive,
            ambiguous=frozenset({c.alias}) & owner.ambiguous,
        )
    elif isinstance(c, Ignore):
        return  # applied when mentions are produced (see Corrections.ignored)
    elif isinstance(c, AddEntity):
        for surface in (c.name, *c.aliases):
            _release(book, surface, keep=c.name)
        existing = book.get(c.name)
        if existing is not None:
            # the user said these surfaces are the entity: they no longer need context
            updated = replace(
                existing,
                entity=replace(existing.entity, type=c.type),
                ambiguous=existing.ambiguous - {c.name, *c.aliases},
            )
            book[c.name] = _with_aliases(updated, c.aliases)
        else:
            # the surfaces may be another entity's canonical name: the user's entity wins
            for surface in c.aliases:
                book.pop(surface, None)
            book[c.name] = Entry(
                entity=Entity(name=c.name, type=c.type, aliases=tuple(
                    a for a in c.aliases if a != c.name)),
            )
