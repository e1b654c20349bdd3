"""Edit one annotation: its note (plain text or Markdown), colour, tags, and a bookmark's name.

The window asks with ``AnnotationDialog.ask(annotation, parent)``, which returns the edited
annotation (``modified`` renewed; the same object when nothing changed) or None when cancelled,
then stores it through
the undo stack (``undo.add`` for a new one, ``undo.edit`` otherwise). The modal loop sits in
:meth:`AnnotationDialog.run_modal` so a test can replace it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from reader.notes.model import Annotation, Color, Kind, parse_tags
from reader.ui.panels.notes import COLOR_HEX, COLOR_NAMES

_QUOTE_CHARS = 400


class AnnotationDialog(QDialog):
    def __init__(self, annotation: Annotation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationDialog")
        self._original = annotation
        titles = {Kind.HIGHLIGHT: "Highlight", Kind.BOOKMARK: "Bookmark", Kind.ENTITY_NOTE: f"Note on {annotation.entity}"}
        self.setWindowTitle(titles[annotation.kind])
        self.resize(480, 360)

        quote = annotation.quote if len(annotation.quote) <= _QUOTE_CHARS else annotation.quote[: _QUOTE_CHARS - 1] + "…"
        self.quote_label = QLabel(quote, self)
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)  # article text is never markup
        self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote_label.setVisible(bool(quote))

        self.name_edit = QLineEdit(annotation.name, self)
        self.name_edit.setPlaceholderText("A name for this bookmark")
        self.note_edit = QPlainTextEdit(annotation.note, self)
        self.note_edit.setPlaceholderText("Your note (Markdown is kept as you type it)")
        self.note_edit.setTabChangesFocus(True)
        self.tags_edit = QLineEdit(", ".join(annotation.tags), self)
        self.tags_edit.setPlaceholderText("Tags, separated by commas or spaces")

        self.color_group = QButtonGroup(self)
        colors = QWidget(self)
        color_row = QHBoxLayout(colors)
        color_row.setContentsMargins(0, 0, 0, 0)
        for number, color in enumerate(Color):
            button = QRadioButton(COLOR_NAMES[color], colors)
            swatch = QPixmap(14, 14)
            swatch.fill(QColor(COLOR_HEX[color]))
            button.setIcon(swatch)
            button.setChecked(color is annotation.color)
            self.color_group.addButton(button, number)
            color_row.addWidget(button)
        color_row.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        if quote:
            form.addRow("Quote:", self.quote_label)
        if annotation.kind is Kind.BOOKMARK:
            form.addRow("&Name:", self.name_edit)
        else:
            self.name_edit.hide()
        form.addRow("N&ote:", self.note_edit)
        form.addRow("&Tags:", self.tags_edit)
        form.addRow("Colour:", colors)
        form.addRow(buttons)
        (self.name_edit if annotation.kind is Kind.BOOKMARK and not annotation.name else self.note_edit).setFocus()

    def color(self) -> Color:
        return list(Color)[max(self.color_group.checkedId(), 0)]

    def set_color(self, color: Color) -> None:
        self.color_group.button(list(Color).index(color)).setChecked(True)

    def result_annotation(self) -> Annotation:
        """The annotation as the fields now say; the original when nothing changed."""
        edited = replace(
            self._original,
            note=self.note_edit.toPlainText(),
            tags=parse_tags(self.tags_edit.text()),
            color=self.color(),
            name=self.name_edit.text().strip() if self._original.kind is Kind.BOOKMARK else self._original.name,
        )
        if edited == self._original:
            return self._original
        return edited.edited()

    def run_modal(self) -> bool:
        """Show modally; True when saved. Tests replace this."""
        return self.exec() == QDialog.DialogCode.Accepted

    @classmethod
    def ask(cls, annotation: Annotation, parent: QWidget | None = None) -> Annotation | None:
        """Let the user edit ``annotation``: the saved version (``annotation`` itself when nothing
        changed, so a new one can be stored as is), or None when cancelled."""
        dialog = cls(annotation, parent)
        try:
            if not dialog.run_modal():
                return None
            return dialog.result_annotation()
        finally:
            dialog.deleteLater()
