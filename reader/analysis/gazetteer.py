"""The gazetteer: known entities, their aliases and how cautiously each surface may be matched.

The data lives in ``resources/gazetteer/*.tsv`` (format in that folder's README). This module
only parses and indexes it; matching is in ``reader.analysis.entities``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.analysis.model import Entity, EntityType
from reader.paths import resource


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer line: the entity plus matching flags.

    ``ambiguous`` holds the surfaces that are also common words (苹果, 得到) and need
    context before they are highlighted; ``context`` holds the entry's own confirming words
    (empty: use the shared company-context list). ``reports``: a newsroom, research firm, data
    service or industry body, whose business is others' figures (flag ``reports``).
    """

    entity: Entity
    case_insensitive: bool = False
    ambiguous: frozenset[str] = frozenset()
    context: tuple[str, ...] = ()
    reports: bool = False

    @property
    def name(self) -> str:
        return self.entity.name

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Canonical name first, then aliases."""
        return (self.entity.name, *self.entity.aliases)


def entry(
    name: str,
    type: EntityType,
    aliases: Iterable[str] = (),
    *,
    description: str = "",
    case_insensitive: bool = False,
    ambiguous: Iterable[str] = (),
    context: Iterable[str] = (),
) -> Entry:
    """Build an Entry from plain values (used by tests and by corrections)."""
    return Entry(
        entity=Entity(name=name, type=type, aliases=tuple(aliases), description=description),
        case_insensitive=case_insensitive,
        ambiguous=frozenset(ambiguous),
        context=tuple(context),
    )


class GazetteerError(ValueError):
    """A gazetteer file breaks a rule (names the file and line)."""


def parse_line(line: str, where: str) -> Entry | None:
    """One TSV line to an Entry; None for comments and blank lines."""
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != 5:
        raise GazetteerError(f"{where}: expected 5 tab-separated columns, got {len(cols)}")
    name, type_name, aliases_col, flags_col, description = (c.strip() for c in cols)
    try:
        etype = EntityType(type_name)
    except ValueError:
        raise GazetteerError(f"{where}: unknown type {type_name!r}") from None
    aliases = tuple(a.strip() for a in aliases_col.split("|") if a.strip())
    case_insensitive = False
    reports = False
    ambiguous: set[str] = set()
    context: tuple[str, ...] = ()
    for flag in filter(None, (f.strip() for f in flags_col.split(";"))):
        key, _, value = flag.partition("=")
        values = tuple(v.strip() for v in value.split("|") if v.strip())
        if key == "ci":
            case_insensitive = True
        elif key == "reports":
            reports = True
        elif key == "ambiguous":
            ambiguous.update(values or (name, *aliases))
        elif key == "context":
            context = values
        else:
            raise GazetteerError(f"{where}: unknown flag {flag!r}")
    surfaces = (name, *aliases)
    for surface in surfaces:
        if len(surface) < 2:
            raise GazetteerError(f"{where}: surface {surface!r} is too short to match globally")
    stray = ambiguous - set(surfaces)
    if stray:
        raise GazetteerError(f"{where}: ambiguous surfaces {sorted(stray)} are not names of {name}")
    return Entry(
        entity=Entity(name=name, type=etype, aliases=aliases, description=description),
        case_insensitive=case_insensitive,
        ambiguous=frozenset(ambiguous),
        context=context,
        reports=reports,
    )


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Known entities, indexed by canonical name and by every surface."""

    entries: tuple[Entry, ...]
    _by_name: dict[str, Entry] = field(init=False, repr=False, compare=False)
    _by_surface: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[str, Entry] = {}
        by_surface: dict[str, Entry] = {}
        for e in self.entries:
            if e.name in by_name:
                raise GazetteerError(f"entity {e.name!r} is defined twice")
            by_name[e.name] = e
            for surface in e.surfaces:
                other = by_surface.get(surface)
                if other is not None and other is not e:
                    raise GazetteerError(
                        f"surface {surface!r} names both {other.name!r} and {e.name!r}"
                    )
                by_surface[surface] = e
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_by_surface", by_surface)

    @classmethod
    def load(cls, folder: Path | None = None) -> Gazetteer:
        """Every ``*.tsv`` in ``folder`` (default: the bundled ``resources/gazetteer``)."""
        folder = folder if folder is not None else resource("gazetteer")
        entries: list[Entry] = []
        for path in sorted(folder.glob("*.tsv")):
            with path.open(encoding="utf-8") as fh:
                for number, line in enumerate(fh, 1):
                    parsed = parse_line(line, f"{path.name}:{number}")
                    if parsed is not None:
                        entries.append(parsed)
        return cls(tuple(entries))

    @property
    def entities(self) -> tuple[Entity, ...]:
        return tuple(e.entity for e in self.entries)

    def get(self, name: str) -> Entity | None:
        """The entity called ``name``, or the one ``name`` is an alias of."""
        found = self.entry(name)
        return found.entity if found is not None else None

    def entry(self, name: str) -> Entry | None:
        return self._by_name.get(name) or self._by_surface.get(name)

    def surfaces(self) -> Iterator[tuple[str, Entry]]:
        for e in self.entries:
            for surface in e.surfaces:
                yield surface, e

    def reporters(self) -> frozenset[str]:
        """The names of the entries flagged ``reports``: media, research and data firms, bodies."""
        return frozenset(e.name for e in self.entries if e.reports)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.entry(name) is not None
