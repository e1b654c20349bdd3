"""The window's status bar, one widget: a line of text saying what just happened, the loading
progress with its Cancel button, and "N files skipped" (a button that lists them)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from reader.library.corpus import LoadError
from reader.ui.display import plain_tooltip

PROGRESS_WIDTH = 220


class StatusBar(QStatusBar):
    cancel_requested = Signal()  # stop loading the library
    errors_requested = Signal()  # list the skipped files

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(PROGRESS_WIDTH)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText("Cancel")
        self.cancel_button.hide()
        self.errors_button = QToolButton(self)
        self.errors_button.setObjectName("statusErrors")
        self.errors_button.setAutoRaise(True)
        self.errors_button.hide()
        self.addWidget(self.label, 1)
        self.addPermanentWidget(self.errors_button)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.errors_button.clicked.connect(self.errors_requested)

    def say(self, message: str) -> None:
        """What just happened, until the next message."""
        self.label.setText(message)

    def message(self) -> str:
        return self.label.text()

    def show_busy(self) -> None:
        """Loading has started: progress without a count yet, and Cancel."""
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()

    def show_progress(self, done: int, total: int, file: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total}")
        self.say(f"Reading {file}")

    def hide_busy(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def show_skipped(self, errors: tuple[LoadError, ...]) -> None:
        """How many files could not be read, the first by name in the tooltip; nothing when none."""
        count = len(errors)
        self.errors_button.setVisible(count > 0)
        if count:
            first = errors[0]
            self.errors_button.setText(f"{count} file{'s' if count != 1 else ''} skipped")
            self.errors_button.setToolTip(
                plain_tooltip(f"{first.file}: {first.message}" + (f"\n… and {count - 1} more" if count > 1 else ""))
            )
