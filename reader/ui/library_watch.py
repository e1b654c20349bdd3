"""A library that grows while you read (issue 19, point 4): the library's folders are watched,
and when files appear, vanish or are renamed — or the open article's file changes — the library
is loaded again after a pause, at the article being read. A reload reads only the files that
changed (the store knows every other file by its size and time), so it costs little.

Folders and files dropped on the window join the library the same way, and so does a page or
text pasted from the clipboard, saved as a new article file in the library's first folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtGui import QDropEvent, QGuiApplication

from reader.library.library import Library
from reader.library.preview import being_read
from reader.notes.output import safe_filename
from reader.ui.session import ReadingSession

# Files arrive in bursts (a sync, an RSS fetch, a copy): one reload after the burst.
DEBOUNCE_MS = 1500
# Watching is by folder; past this many folders only the opened ones are watched (inotify limits).
MAX_FOLDERS = 2000

Reload = Callable[[list[Path]], None]


class LibraryWatcher(QObject):
    def __init__(self, session: ReadingSession, reload: Reload, say: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._reload = reload
        self._say = say
        self._paths: list[Path] = []
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_settled)
        self._watcher.directoryChanged.connect(self._on_changed)
        self._watcher.fileChanged.connect(self._on_changed)
        session.library_changed.connect(self._on_library)
        session.article_changed.connect(self._on_article)

    @property
    def watched(self) -> list[str]:
        return self._watcher.directories() + self._watcher.files()

    def add_paths(self, dropped: list[Path]) -> None:
        """Folders or files dropped on the window join the library."""
        fresh = [p for p in dropped if p.exists() and p not in self._paths]
        if fresh:
            self._say(f"Adding {', '.join(p.name or str(p) for p in fresh)} to the library…")
            self._reload([*self._paths, *fresh])

    def drop(self, event: QDropEvent) -> None:
        """Files and folders dropped on the window join the library."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def paste_clipboard(self, ask_title: Callable[[str], str | None]) -> Path | None:
        """The clipboard's page or text as a new article of the library, under the title
        ``ask_title`` gets from the user (offered the text's first line)."""
        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime.hasHtml() else ""
        text = mime.text() if mime.hasText() else ""
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")[:40]
        title = ask_title(first_line)
        return self.paste_article(title, html, text) if title else None

    def paste_article(self, title: str, html: str, text: str) -> Path | None:
        """Save what was pasted as a new article file in the library's first folder (HTML as
        .html with its title, else text as .md with front matter) and read it in; the path, or
        None when there is nowhere to save it or nothing to save."""
        folder = next((p for p in self._paths if p.is_dir()), None)
        if folder is None or not (html.strip() or text.strip()):
            self._say("Open a folder first: a pasted article is saved into the library's folder.")
            return None
        today = dt.date.today().isoformat()
        if html.strip():
            body = f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{escape(title)}</title></head><body>{html}</body></html>\n"
            path = _free(folder / safe_filename(title, ".html"))
        else:
            body = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {today}\n---\n\n{text.strip()}\n"
            path = _free(folder / safe_filename(title, ".md"))
        path.write_text(body, encoding="utf-8")
        self._say(f"Saved the pasted article as {path.name}")
        self._reload(list(self._paths))
        return path

    def _on_library(self, library: Library) -> None:
        self._paths = list(library.folders)
        self._unwatch(self._watcher.directories())
        if being_read(library):
            return  # the library read next says which folders hold its articles now
        # The folders are the roots and those that hold an article — known from the library, so
        # the GUI thread walks no tree (a new subfolder shows when its parent's change reloads).
        folders = dict.fromkeys(
            [str(root) for root in self._paths if root.is_dir()]
            + [_folder_of(a.path) for a in library.articles if a.path]
        )
        if folders:
            self._watcher.addPaths(list(folders)[:MAX_FOLDERS])

    def _on_article(self, key: str | None, _previous: str | None = None) -> None:
        self._unwatch(self._watcher.files())
        library = self._session.library
        if key and library is not None and key in library:
            path = library.listed(key).path
            if path and Path(path).is_file():
                self._watcher.addPath(path)  # an edit to the open article shows at once

    def stop(self) -> None:
        """Watch no more (the window closes): a change seen after this, or one waiting out its
        pause, must not start a load in a window whose store is closing."""
        self._timer.stop()
        self._unwatch(self.watched)

    def _on_changed(self, _path: str) -> None:
        self._timer.start()  # restarted by every change of a burst

    def _on_settled(self) -> None:
        if self._paths:
            self._say("The library's folder changed: reading the new and changed files…")
            self._reload(list(self._paths))

    def _unwatch(self, paths: list[str]) -> None:
        if paths:
            self._watcher.removePaths(paths)


def _folder_of(path: str) -> str:
    """os.path.dirname of a path made by str(Path) (no doubled separators): 10k of them in
    2 ms on the GUI thread, against 14 ms for dirname."""
    head, sep, _ = path.rpartition(os.sep)
    return head or sep


def _free(path: Path) -> Path:
    """``path``, or the same name with -2, -3 … when a file of that name exists: never overwrite."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate
