"""What the user marked: stored selectors, annotations, and live anchors.

A :class:`Selector` is the W3C Web Annotation way of remembering a passage — the quote with some
context (TextQuoteSelector) and its code-point offsets (TextPositionSelector). It is what is
stored. An :class:`Anchor` is where the selector lands in the article text *now*; it is computed on
load (:mod:`reader.notes.anchor`) and never stored, so an article that changed re-anchors instead
of silently pointing at other words.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, replace
from enum import Enum

from reader.spans import check_span

CONTEXT_CHARS = 32  # prefix/suffix length kept with a quote (Hypothesis keeps 32 too)


class Kind(Enum):
    HIGHLIGHT = "highlight"
    BOOKMARK = "bookmark"
    ENTITY_NOTE = "entity_note"


class Color(Enum):
    """The highlight palette; the values are what the store and exports write."""

    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PINK = "pink"
    PURPLE = "purple"


class AnchorStatus(Enum):
    EXACT = "exact"  # the stored offsets still hold the quote
    MOVED = "moved"  # the exact quote was found elsewhere
    FUZZY = "fuzzy"  # an approximate match of the quote (the article was edited there)
    ORPHANED = "orphaned"  # the words are gone; the annotation is kept and listed


@dataclass(frozen=True, slots=True)
class Selector:
    """A passage ``[start, end)`` (code points) with its quote and up to 32 characters of
    context either side. A position (a bookmark without a passage) has ``start == end`` and an
    empty ``exact``; its context alone re-finds it."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def __post_init__(self) -> None:
        check_span(self.start, self.end, "selector")

    @classmethod
    def from_text(cls, text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Selector:
        """The selector of ``text[start:end]``; raises ValueError naming the numbers when the
        range is not inside the text."""
        check_span(start, end, "selection")
        if end > len(text):
            raise ValueError(f"selection [{start}, {end}) beyond text of length {len(text)}")
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - context) : start],
            suffix=text[end : end + context],
            start=start,
            end=end,
        )

    @property
    def is_position(self) -> bool:
        return not self.exact


@dataclass(frozen=True, slots=True)
class Annotation:
    """A highlight, bookmark or entity note. Highlights and bookmarks have a ``selector``;
    entity notes have an ``entity`` (canonical name) and usually no selector. ``note`` is plain
    text or Markdown. ``created``/``modified`` are ISO 8601 UTC timestamps."""

    id: str
    library: str
    article_key: str  # "" for an entity note made outside any article
    kind: Kind
    selector: Selector | None = None
    entity: str | None = None
    color: Color = Color.YELLOW
    note: str = ""
    tags: tuple[str, ...] = ()
    name: str = ""  # a bookmark's name
    created: str = ""
    modified: str = ""

    def __post_init__(self) -> None:
        if self.kind is Kind.ENTITY_NOTE:
            if not self.entity:
                raise ValueError(f"entity note {self.id} names no entity")
        elif self.selector is None:
            raise ValueError(f"{self.kind.value} {self.id} has no selector")
        elif not self.article_key:
            raise ValueError(f"{self.kind.value} {self.id} belongs to no article")
        if self.kind is Kind.HIGHLIGHT and self.selector is not None and self.selector.is_position:
            raise ValueError(f"highlight {self.id} has an empty quote at {self.selector.start}")
        if not isinstance(self.tags, tuple):
            raise ValueError(f"tags of {self.id} must be a tuple, got {type(self.tags).__name__}")

    @property
    def quote(self) -> str:
        return self.selector.exact if self.selector is not None else ""

    def same_note_as(self, other: Annotation) -> bool:
        """Whether ``other`` is this note under another id: the same library, target (article,
        entity, quote and where it starts) and body (note, tags, name). Kind and colour are
        how it is shown, not what it says."""
        return _target_and_body(self) == _target_and_body(other)

    def edited(self, **changes: object) -> Annotation:
        """A copy with ``changes`` and a fresh ``modified`` time."""
        return replace(self, **changes, modified=timestamp())  # type: ignore[arg-type]


def _target_and_body(a: Annotation) -> tuple[object, ...]:
    start = a.selector.start if a.selector is not None else None
    return (a.library, a.article_key, a.quote, start, a.entity, a.note, a.tags, a.name)


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a selector lands in the current text: ``[start, end)`` in code points. An orphan
    has no place; its span is empty at 0 and must not be drawn."""

    start: int
    end: int
    status: AnchorStatus

    def __post_init__(self) -> None:
        check_span(self.start, self.end, "anchor")

    @property
    def orphaned(self) -> bool:
        return self.status is AnchorStatus.ORPHANED


ORPHAN = Anchor(0, 0, AnchorStatus.ORPHANED)


@dataclass(frozen=True, slots=True)
class Anchored:
    """An annotation and where it is now: what panels and exports show."""

    annotation: Annotation
    anchor: Anchor


def timestamp() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def new_id() -> str:
    return str(uuid.uuid4())


def new_annotation(
    library: str,
    article_key: str,
    kind: Kind,
    *,
    selector: Selector | None = None,
    entity: str | None = None,
    color: Color = Color.YELLOW,
    note: str = "",
    tags: tuple[str, ...] = (),
    name: str = "",
) -> Annotation:
    """A new annotation with a fresh id and both timestamps set to now."""
    now = timestamp()
    return Annotation(
        id=new_id(),
        library=library,
        article_key=article_key,
        kind=kind,
        selector=selector,
        entity=entity,
        color=color,
        note=note,
        tags=tags,
        name=name,
        created=now,
        modified=now,
    )


_TAG_SPLIT = re.compile(r"[,，、;；\s]+")


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as a user types them (``"AI, 财报 #芯片"``): split on commas, Chinese enumeration
    commas, semicolons and spaces; leading ``#`` dropped; duplicates once, in order."""
    tags = (part.lstrip("#") for part in _TAG_SPLIT.split(text))
    return tuple(dict.fromkeys(tag for tag in tags if tag))
