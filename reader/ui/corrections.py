"""Name corrections in the window: the "Correct This Name" menu on a mention, "Mark … as" on a
selection, and undo/redo — each stored, then applied over the library the window holds (or,
when that cannot be done, the library opened again under the corrections).

The controller owns its two actions and knows nothing of the window but what it is given:
the view (for the selection), the dialogs, the store, a way to report, a way to apply a new
correction over the library, and a way to re-analyse.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.analysis.corrections import Corrections
from reader.analysis.model import EntityType, Mention
from reader.errors import StoreUnavailable
from reader.library.corrections import CorrectionLog, stored_corrections
from reader.library.store import Store
from reader.ui.dialogs.ask import Dialogs
from reader.ui.theme import ENTITY_LABELS
from reader.ui.view import ArticleView

Reanalyse = Callable[[Corrections], bool]  # re-open the library under these corrections
Apply = Callable[[Corrections, Corrections], bool]  # (the new one, all of them): over the library
Report = Callable[[str], None]
Settling = Callable[[], bool]  # whether the library shown is still being read or given its names
Under = Callable[[], Corrections | None]  # the corrections the library shown was analysed under

SETTLE_POLL_MS = 100  # how often a held correction looks whether the library has settled

_MARKABLE = range(2, 31)  # characters a selection may have to be marked as a name


def markable(surface: str) -> bool:
    """Whether a selection can be marked as a name: 2–30 characters on one line."""
    return len(surface) in _MARKABLE and "\n" not in surface


UNDO_HINT = "Edit ▸ Undo Name Correction"


class CorrectionsController(QObject):
    def __init__(
        self,
        view: ArticleView,
        dialogs: Dialogs,
        store: Store | None,
        reanalyse: Reanalyse,
        report: Report,
        parent: QObject | None = None,
        apply: Apply | None = None,
        settling: Settling | None = None,
        under: Under | None = None,
    ) -> None:
        """``settling`` and ``under``: a correction made while the library is still being read,
        counted or given the model's names is held until it has settled, then applied over it
        (``_on_settle_poll``): opening the library again under it would analyse every article
        anew, minutes at 10k."""
        super().__init__(parent)
        self.view = view
        self.dialogs = dialogs
        self.store = store
        self.log = CorrectionLog(store) if store is not None else None
        self._reanalyse = reanalyse
        self._apply = apply
        self._report = report
        self._done = ""  # the confirmation waiting for the corrected library
        self._settling = settling
        self._under = under
        self._held = Corrections()  # made while the library was settling, not yet applied
        # The ends of settling are many (a load counted, the model's pass shown, the model
        # missing, a load cancelled): a short poll sees them all.
        self._settle_poll = QTimer(self)
        self._settle_poll.setInterval(SETTLE_POLL_MS)
        self._settle_poll.timeout.connect(self._on_settle_poll)
        self.act_undo = QAction("Undo Name &Correction", self)
        self.act_redo = QAction("Redo Name Correction", self)
        self.act_undo.triggered.connect(self.undo)
        self.act_redo.triggered.connect(self.redo)
        self.update_actions()

    # -- menus
    def add_correction_menu(self, menu: QMenu, mention: Mention) -> None:
        """The "Correct This Name" submenu of a mention's menu."""
        name = mention.entity
        corrections = menu.addMenu("Correct This Name")
        rename = corrections.addAction("Rename…")
        rename.setData(("rename", name))
        retype = corrections.addMenu("Change Type")
        for kind in EntityType:
            action = retype.addAction(ENTITY_LABELS[kind])
            action.setCheckable(True)
            action.setChecked(kind is mention.type)
            action.setData(("retype", name, kind.value))
        merge = corrections.addAction("Merge Into…")
        merge.setData(("merge", name))
        if mention.surface != name:
            split = corrections.addAction(f"“{mention.surface}” Is a Different Entity")
            split.setData(("split", mention.surface))
        ignore = corrections.addAction(f"Never Highlight “{mention.surface}”")
        ignore.setData(("ignore", mention.surface))

    def add_mark_items(self, menu: QMenu) -> None:
        """"Mark “…” as Person/Organisation/Product/Place" for the selected text, if any."""
        surface = self._selection()
        if not markable(surface):
            return
        menu.addSeparator()
        for kind in EntityType:
            mark = menu.addAction(f"Mark “{surface}” as {ENTITY_LABELS[kind]}")
            mark.setData(("mark", kind.value))

    def handle(self, action: QAction) -> bool:
        """Carry out a menu action of this controller's; False when it is someone else's."""
        data = action.data()
        if not isinstance(data, tuple) or not data:
            return False
        what = data[0]
        if what == "rename":
            name = data[1]
            new = self.dialogs.ask_text("Rename entity", f"New name for “{name}”:", name)
            if new and new != name:
                self.correct(Corrections().rename(name, new))
        elif what == "retype":
            self.correct(Corrections().retype(data[1], EntityType(data[2])))
        elif what == "merge":
            name = data[1]
            target = self.dialogs.ask_text("Merge entity", f"“{name}” is the same as:", "")
            if target and target != name:
                self.correct(Corrections().merge(name, target))
        elif what == "split":
            self.correct(Corrections().split_alias(data[1]))
        elif what == "ignore":
            self.correct(
                Corrections().ignore(data[1]),
                f"“{data[1]}” will not be highlighted again, in any article — {UNDO_HINT} brings it back",
            )
        elif what == "mark":
            self.mark_selection(EntityType(data[1]))
        else:
            return False
        return True

    # -- corrections
    def correct(self, correction: Corrections, done: str = "") -> None:
        """Store a correction and apply it over the library's analyses (only the mentions it
        is about change; no file is read), else re-analyse the library with it. Undoable;
        ``done`` is what the status line says once the library shows it."""
        try:
            if self.log is not None:
                self.log.add(correction)
        except StoreUnavailable as error:
            self._report(f"Could not save the correction: {error}")
            return
        every = stored_corrections(self.store) if self.store is not None else correction
        if self._hold(correction) or self._carry_out(correction, every):
            self._report(f"Applying the correction… ({UNDO_HINT} takes it back)")
            self._done = done or f"The correction applies in every article — {UNDO_HINT} takes it back"
        self.update_actions()

    @property
    def holding(self) -> bool:
        """Whether a correction waits for the library to settle."""
        return bool(self._held)

    def _carry_out(self, new: Corrections, every: Corrections) -> bool:
        return (self._apply is not None and self._apply(new, every)) or self._reanalyse(every)

    def _hold(self, new: Corrections) -> bool:
        if self._settling is None or self._under is None or not (self._held or self._settling()):
            return False
        self._held = Corrections((*self._held.items, *new.items))
        self._settle_poll.start()
        return True

    def _on_settle_poll(self) -> None:
        assert self._settling is not None and self._under is not None
        if self._settling():
            return
        self._settle_poll.stop()
        held, self._held = self._held, Corrections()
        every = stored_corrections(self.store) if self.store is not None else held
        under = self._under()
        if under == every:
            return  # the library was opened again under them meanwhile (an undo, a redo)
        if under is not None and Corrections((*under.items, *held.items)) == every:
            self._carry_out(held, every)
        else:
            self._reanalyse(every)  # an undo or a redo changed them while they were held

    def on_library_changed(self) -> None:
        """The corrected library is shown: confirm it, after the load's own report."""
        if self._done:
            done, self._done = self._done, ""
            QTimer.singleShot(0, lambda: self._report(done))

    def mark_selection(self, etype: EntityType) -> bool:
        """Mark the selected text as a name of ``etype``, everywhere in the library."""
        surface = self._selection()
        if not surface:
            return False
        if not markable(surface):
            self._report("Select a name of 2 to 30 characters on one line to mark it.")
            return False
        self.correct(Corrections().add_entity(surface, etype))
        return True

    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def update_actions(self) -> None:
        self.act_undo.setEnabled(self.log is not None and self.log.can_undo)
        self.act_redo.setEnabled(self.log is not None and self.log.can_redo)

    def _step(self, undo: bool) -> None:
        if self.log is None:
            return
        try:
            stepped = self.log.undo() if undo else self.log.redo()
        except StoreUnavailable as error:
            self._report(f"Could not {'undo' if undo else 'redo'} the correction: {error}")
            return
        if stepped and self._reanalyse(stored_corrections(self.store)):
            self._report("Undoing the correction…" if undo else "Redoing the correction…")
        self.update_actions()

    def _selection(self) -> str:
        span = self.view.selected_span()
        return self.view.text()[span[0] : span[1]].strip() if span is not None else ""
