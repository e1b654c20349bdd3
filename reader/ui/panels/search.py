"""Full-text search over the library, any query length (two-character Chinese words too), in
either script, names in pinyin, with source, date and entity filters; results in context, click
to open. The search runs off the GUI thread: on 10k articles it scans tens of megabytes."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.errors import StoreUnavailable
from reader.library.library import Library, SearchHit
from reader.library.preview import being_read
from reader.ui.background import QueryRunner
from reader.ui.models.kwic import KwicModel
from reader.ui.panels.base import Panel
from reader.ui.panels.kwic import KwicView

LIMIT = 2000
DEBOUNCE_MS = 200
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _search(library: Library, query: str, filters: dict[str, str | None]) -> list:
    """[hits, seconds, why it failed or ""]: a reopened library reads its texts from the store,
    which may have become unreadable since (removed, damaged, the disk gone)."""
    started = time.perf_counter()
    try:
        hits = library.search(query, limit=LIMIT, **filters)
    except StoreUnavailable as error:
        return [[], time.perf_counter() - started, f"Could not search: {error}"]
    return [hits, time.perf_counter() - started, ""]


def _upper_bound(date: str) -> str | None:
    """"2021" as an upper bound means the whole of 2021: dates compare as strings."""
    if not _DATE.match(date):
        return None
    return date if len(date) == 10 else date + "-99"


SEARCH_SELECTION_CHARS = 20  # a longer selection is no search term: the search panel opens empty


class SearchPanel(Panel):
    open_requested = Signal(SearchHit)
    searched = Signal(int)  # number of hits, when results arrive

    def __init__(self, title_of: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__("Search", "searchPanel", parent)
        self.model = KwicModel(title_of, self)
        self.runner = QueryRunner(self)
        self.library: Library | None = None
        self.seconds = 0.0  # how long the last search took
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self.query: QLineEdit | None = None
        self.view: KwicView | None = None
        self._entity_names = QStringListModel(self)
        self._debounce.timeout.connect(self.run)
        self.runner.finished.connect(self._on_finished)

    def build(self) -> QWidget:
        content = QWidget(self)
        self.query = QLineEdit(content)
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText("Search every article: words, either script, names in pinyin (Ctrl+Shift+F)")
        self.query.setClearButtonEnabled(True)
        self.source = QComboBox(content)
        self.source.setObjectName("searchSource")
        self.date_from = QLineEdit(content)
        self.date_from.setPlaceholderText("from YYYY-MM-DD")
        self.date_to = QLineEdit(content)
        self.date_to.setPlaceholderText("to YYYY-MM-DD")
        self.entity = QLineEdit(content)
        self.entity.setPlaceholderText("only articles naming…")
        self.entity.setClearButtonEnabled(True)
        completer = QCompleter(self._entity_names, self.entity)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.entity.setCompleter(completer)
        self.status = QLabel(content)
        self.status.setObjectName("panelHint")
        self.status.setWordWrap(True)
        self.view = KwicView(self.model, content)
        self.view.setObjectName("searchResults")
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Source", self.source)
        form.addRow("Dates", dates)
        form.addRow("Entity", self.entity)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.query)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.query.textChanged.connect(self._schedule)
        self.query.returnPressed.connect(self.run)
        self.source.currentIndexChanged.connect(self._schedule)
        for edit in (self.date_from, self.date_to, self.entity):
            edit.textChanged.connect(self._schedule)
        self.view.hit_activated.connect(self._on_hit)
        return content

    def refresh(self) -> None:
        self._fill_sources()

    def set_library(self, library: Library) -> None:
        self.library = library
        self.model.set_hits([])
        self._entity_names.setStringList(library.entity_names())
        self._fill_sources()
        if self.query is not None and self.query.text().strip():
            self.run()

    def _fill_sources(self) -> None:
        if self.query is None or self.library is None:
            return
        sources = sorted({a.source for a in self.library.articles if a.source})
        with QSignalBlocker(self.source):
            current = self.source.currentData()
            self.source.clear()
            self.source.addItem("All sources", "")
            for source in sources:
                self.source.addItem(source, source)
            if current:
                self.source.setCurrentIndex(max(0, self.source.findData(current)))

    def focus_query(self) -> None:
        self.ensure_built()
        if self.query is not None:
            self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.query.selectAll()

    def search(self, text: str, **filters: str) -> None:
        """Set the query (and filters: source, date_from, date_to, entity) and search now."""
        self.ensure_built()
        assert self.query is not None
        with QSignalBlocker(self.query):
            self.query.setText(text)
        if "source" in filters:
            self.source.setCurrentIndex(max(0, self.source.findData(filters["source"])))
        for name, edit in (("date_from", self.date_from), ("date_to", self.date_to), ("entity", self.entity)):
            if name in filters:
                with QSignalBlocker(edit):
                    edit.setText(filters[name])
        self._debounce.stop()
        self.run()

    def _schedule(self) -> None:
        self._debounce.start()

    def filters(self) -> dict[str, str | None]:
        if self.query is None:
            return {}
        date_from, date_to = self.date_from.text().strip(), self.date_to.text().strip()
        return {
            "source": self.source.currentData() or None,
            "date_from": date_from if _DATE.match(date_from) else None,
            "date_to": _upper_bound(date_to),
            "entity": self.entity.text().strip() or None,
        }

    def run(self) -> None:
        if self.query is None or self.library is None:
            return
        text = self.query.text().strip()
        if not text:
            self.runner.cancel()
            self.model.set_hits([])
            self.status.clear()
            return
        if being_read(self.library):  # its names and texts are not indexed yet: it runs once they are
            self.runner.cancel()
            self.model.set_hits([])
            self.status.setText("The library is still being read: the search runs once it is in.")
            return
        self.status.setText("Searching…")
        self.runner.submit(partial(_search, self.library, text, self.filters()))

    def _on_finished(self, result: list) -> None:
        hits, self.seconds, failed = result
        self.model.set_hits(hits)
        if self.query is not None and failed:
            self.status.setText(failed)
        elif self.query is not None:
            articles = len({h.article for h in hits})
            more = " (first %d)" % LIMIT if len(hits) >= LIMIT else ""
            self.status.setText(f"{len(hits)} hit{'s' if len(hits) != 1 else ''} in {articles} article{'s' if articles != 1 else ''}{more} · {self.seconds * 1000:.0f} ms")
        self.searched.emit(len(hits))

    def _on_hit(self, hit: object) -> None:
        if isinstance(hit, SearchHit):
            self.open_requested.emit(hit)
