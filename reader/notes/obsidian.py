"""Notes as an Obsidian vault: one note per annotated article, one per entity the user
annotated, linked both ways with ``[[wikilinks]]``.

An entity is "annotated" when the user wrote a note on it, or marked a passage (a highlight or
bookmark) that names it. Its note has YAML front matter (``type``, ``aliases``, ``articles``),
the user's notes on it, the passages that name it, and its figures across the library as a
table. Every wikilink points at a note that is written in the same export, so the vault has no
dangling links. The layouts are Jinja2 templates in ``resources/templates/``
(``obsidian-article.md.j2``, ``obsidian-entity.md.j2``), replaceable per export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.analysis.model import Figure
from reader.library.cards import card_details
from reader.library.library import Library
from reader.notes.anchor import anchor_all
from reader.notes.markdown import ArticleNotes, NoteEntry, article_notes, render_template
from reader.notes.model import Annotation, Kind, timestamp
from reader.notes.output import safe_filename
from reader.paths import resource

ARTICLE_TEMPLATE = resource("templates", "obsidian-article.md.j2")
ENTITY_TEMPLATE = resource("templates", "obsidian-entity.md.j2")


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure about an entity, as its table shows it; ``article`` is the note of the
    article that reports it ("" when that article has no note in the vault)."""

    surface: str
    value: float
    unit: str
    measure: str
    label: str
    period: str
    kind: str
    article: str
    article_title: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage the user marked that names the entity, and the note of its article."""

    quote: str
    note: str
    article: str


@dataclass(frozen=True, slots=True)
class EntityPage:
    name: str  # canonical
    note: str  # the note's name (file name without .md)
    type: str  # person, org, product, place; "" when the library does not know it
    aliases: tuple[str, ...]
    mentions: int
    articles: tuple[str, ...]  # notes of the articles in the vault that name it or hold notes on it
    notes: tuple[NoteEntry, ...]  # the user's notes on it
    passages: tuple[Passage, ...]
    figures: tuple[FigureRow, ...]
    named_with: tuple[tuple[str, int], ...] = ()  # the names most often in its articles, as on its card


@dataclass(frozen=True, slots=True)
class ArticlePage:
    note: str
    article: ArticleNotes
    entities: tuple[str, ...]  # notes of the entities it links to


@dataclass(frozen=True, slots=True)
class VaultNote:
    """One file of the export: ``name`` + ``.md``."""

    name: str
    text: str


def build_vault(
    library: Library,
    annotations: Sequence[Annotation],
    folder: Path,
    *,
    article_template: Path | None = None,
    entity_template: Path | None = None,
) -> list[VaultNote]:
    """The notes of an export into ``folder`` (file links are relative to it)."""
    names = _Names()
    by_article: dict[str, list[Annotation]] = {}
    loose: list[Annotation] = []
    for annotation in annotations:
        if annotation.article_key in library:
            by_article.setdefault(annotation.article_key, []).append(annotation)
        elif annotation.kind is Kind.ENTITY_NOTE:
            loose.append(annotation)
    article_notes_names = {key: names.claim(library.article(key).title or Path(key).stem) for key in sorted(by_article)}

    # Entities: noted by the user, or named in a passage the user marked.
    entity_notes: dict[str, list[Annotation]] = {}
    passages: dict[str, list[Passage]] = {}
    named_in: dict[str, set[str]] = {}
    for key, marked in by_article.items():
        mentions = library.analysis(key).mentions
        for item in anchor_all(library.article(key).text, marked):
            annotation = item.annotation
            if annotation.kind is Kind.ENTITY_NOTE and annotation.entity:
                entity_notes.setdefault(annotation.entity, []).append(annotation)
                named_in.setdefault(annotation.entity, set()).add(key)
                continue
            if item.anchor.orphaned:
                continue
            start, end = item.anchor.start, item.anchor.end
            for entity in dict.fromkeys(m.entity for m in mentions if start <= m.start and m.end <= end):
                passages.setdefault(entity, []).append(Passage(annotation.quote, annotation.note, article_notes_names[key]))
                named_in.setdefault(entity, set()).add(key)
    for annotation in loose:
        assert annotation.entity is not None
        entity_notes.setdefault(annotation.entity, []).append(annotation)
        named_in.setdefault(annotation.entity, set())
    entity_names = {name: names.claim(name) for name in sorted(named_in)}

    exported = timestamp()
    vault: list[VaultNote] = []
    for key, note in article_notes_names.items():
        notes = article_notes(library.root, key, library.article(key), by_article[key], folder / f"{note}.md")
        linked = tuple(entity_names[e] for e in entity_names if key in named_in[e])
        page = ArticlePage(note, notes, linked)
        vault.append(VaultNote(note, render_template(article_template or ARTICLE_TEMPLATE, page=page, exported=exported)))
    for entity, note in entity_names.items():
        page = _entity_page(library, entity, note, entity_notes.get(entity, []), passages.get(entity, []), named_in[entity], article_notes_names)
        vault.append(VaultNote(note, render_template(entity_template or ENTITY_TEMPLATE, entity=page, exported=exported)))
    return vault


def _entity_page(
    library: Library,
    entity: str,
    note: str,
    noted: list[Annotation],
    passages: list[Passage],
    named_in: set[str],
    article_notes_names: dict[str, str],
) -> EntityPage:
    summary = library.entity(entity)
    card = card_details(library, entity)  # what the window's entity card shows
    figures = tuple(_figure(library, key, figure, article_notes_names.get(key, "")) for key, figure in card.figures)
    entries = tuple(
        NoteEntry(
            kind=a.kind.value, quote=a.quote, note=a.note, tags=a.tags, color=a.color.value, name=a.name,
            entity=entity, link="", status="", created=a.created, modified=a.modified,
        )
        for a in sorted(noted, key=lambda a: a.created)
    )
    return EntityPage(
        name=entity,
        note=note,
        type=summary.type.value if summary is not None else "",
        aliases=tuple(a for a in (summary.aliases if summary is not None else ()) if a != entity),
        mentions=summary.mentions if summary is not None else 0,
        articles=tuple(article_notes_names[k] for k in sorted(named_in) if k in article_notes_names),
        notes=entries,
        passages=tuple(passages),
        figures=figures,
        named_with=card.cooccurring,
    )


def _figure(library: Library, key: str, figure: Figure, note: str) -> FigureRow:
    return FigureRow(
        surface=figure.surface,
        value=figure.value,
        unit=figure.unit,
        measure=figure.measure or "",
        label=figure.label or "",
        period=figure.period or "",
        kind=figure.kind.value,
        article=note,
        article_title=library.article(key).title,
    )


class _Names:
    """Note names, unique in the vault (case-insensitively, as file systems and Obsidian
    compare them): a second 小米 becomes 小米 (2)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        base = safe_filename(wanted, "")
        name, number = base, 1
        while name.casefold() in self._taken:
            number += 1
            name = f"{base} ({number})"
        self._taken.add(name.casefold())
        return name
