"""Undo and redo for annotation changes, without Qt.

Each command writes through the repository when it is done, undone or redone, so the database
always holds what the screen shows. A command whose write fails (``StoreUnavailable``) stays
where it was on the stacks: nothing is recorded that did not happen.

The window keeps one ``UndoStack`` per store, calls :meth:`UndoStack.add`, :meth:`edit` and
:meth:`delete` for user actions, and maps Ctrl+Z / Ctrl+Shift+Z to :meth:`undo` / :meth:`redo`;
``on_change`` is told the annotation that changed so views can refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.notes.model import Annotation
from reader.notes.repository import AnnotationRepository


@dataclass(frozen=True, slots=True)
class Change:
    """One undoable change: ``before`` is None for an addition, ``after`` None for a deletion."""

    before: Annotation | None
    after: Annotation | None

    @property
    def annotation(self) -> Annotation:
        found = self.after or self.before
        assert found is not None
        return found

    @property
    def text(self) -> str:
        """Words for an Undo/Redo menu item."""
        what = {"highlight": "highlight", "bookmark": "bookmark", "entity_note": "note"}[self.annotation.kind.value]
        if what == "highlight" and self.annotation.note.strip():
            what = "note"  # a highlight with words of the user's is what they call a note
        if self.before is None:
            return f"add {what}"
        if self.after is None:
            return f"delete {what}"
        return f"edit {what}"

    def inverse(self) -> Change:
        return Change(self.after, self.before)


@dataclass(frozen=True, slots=True)
class Batch:
    """Many changes undone and redone as one step (an import), written in one transaction."""

    changes: tuple[Change, ...]
    text: str  # words for the Undo/Redo menu item, e.g. "import 12 annotations"

    def __post_init__(self) -> None:
        if not self.changes:
            raise ValueError(f"batch {self.text!r} has no changes")

    @property
    def annotation(self) -> Annotation:
        return self.changes[0].annotation

    def inverse(self) -> Batch:
        return Batch(tuple(c.inverse() for c in reversed(self.changes)), self.text)


Step = Change | Batch
Listener = Callable[[Annotation], None]


class UndoStack:
    def __init__(self, repository: AnnotationRepository, limit: int = 200, on_change: Listener | None = None) -> None:
        self._repository = repository
        self._limit = limit
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._on_change = on_change

    # -- user actions
    def add(self, annotation: Annotation) -> Annotation:
        self._push(Change(None, annotation))
        return annotation

    def edit(self, after: Annotation) -> Annotation:
        """Store ``after`` in place of the annotation with its id (an edit or a re-attach)."""
        before = self._repository.get(after.id)
        if before is None:
            raise KeyError(after.id)
        self._push(Change(before, after))
        return after

    def add_batch(self, changes: list[Change], text: str) -> None:
        """Make ``changes`` (an import's) as one undoable step; nothing when there are none."""
        if changes:
            self._push(Batch(tuple(changes), text))

    def delete(self, annotation_id: str) -> Annotation:
        before = self._repository.get(annotation_id)
        if before is None:
            raise KeyError(annotation_id)
        self._push(Change(before, None))
        return before

    # -- history
    def undo(self) -> Step | None:
        """Undo the last change; None when there is nothing to undo."""
        if not self._done:
            return None
        change = self._done[-1]
        self._apply(change.inverse())
        self._undone.append(self._done.pop())
        return change

    def redo(self) -> Step | None:
        if not self._undone:
            return None
        change = self._undone[-1]
        self._apply(change)
        self._done.append(self._undone.pop())
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    @property
    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    def _push(self, change: Step) -> None:
        self._apply(change)
        self._done.append(change)
        del self._done[: -self._limit]
        self._undone.clear()

    def _apply(self, change: Step) -> None:
        if isinstance(change, Batch):
            self._repository.write_many(
                put=[c.after for c in change.changes if c.after is not None],
                delete=[c.before.id for c in change.changes if c.after is None and c.before is not None],
            )
        elif change.after is None:
            assert change.before is not None
            self._repository.delete(change.before.id)
        elif change.before is None:
            self._repository.put(change.after)
        else:
            self._repository.update(change.after)
        if self._on_change is not None:
            self._on_change(change.annotation)
