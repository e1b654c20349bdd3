"""The files a library could not load, by name and reason."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.library.corpus import LoadError


class LoadErrorsDialog(QDialog):
    def __init__(self, errors: tuple[LoadError, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loadErrorsDialog")
        self.setWindowTitle("Files that could not be opened")
        self.resize(640, 360)
        intro = QLabel(f"{len(errors)} file{'s were' if len(errors) != 1 else ' was'} skipped; the rest of the library loaded.", self)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(["File", "Reason"])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.addTopLevelItems([QTreeWidgetItem([e.file, e.message]) for e in errors])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
