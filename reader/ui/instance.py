"""One Reader per data directory: a second start hands its place to the running window.

Two processes on one database would each keep their own idea of the notes and reading state,
so the first Reader started on a data directory owns it: it holds a lock file there
(``QLockFile``: released by the system if the process dies) and listens on a local socket named
after the directory. A later ``reader …`` on the same directory finds the lock taken, connects,
sends what it was asked to open as one JSON line, waits for ``ok`` and exits 0; the running
window opens the place and comes to the front. Another data directory is another instance.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.library.links import Location

if TYPE_CHECKING:
    from reader.ui.window import MainWindow

LOCK_FILE = "reader.lock"
CONNECT_TIMEOUT_S = 15.0  # the first Reader may still be starting: its lock taken, not yet listening
REPLY_TIMEOUT_MS = 10_000
READ_TIMEOUT_MS = 2_000  # a client writes its one line as soon as it is connected
RETRY_S = 0.1


def server_name(data_dir: Path) -> str:
    """The local socket's name for ``data_dir``: per user and per (resolved) directory."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"reader-{user}-{digest}"


def encode(location: Location) -> bytes:
    data = {"paths": [str(p) for p in location.paths], "article": location.article, "start": location.start, "end": location.end}
    return json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n"


def decode(line: bytes) -> Location:
    """The location a client sent; ValueError when the line is not one."""
    try:
        data = json.loads(line.decode("utf-8"))
        return Location(
            tuple(Path(p) for p in data["paths"]),
            str(data["article"]),
            None if data["start"] is None else int(data["start"]),
            None if data["end"] is None else int(data["end"]),
        )
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise ValueError(f"not a location: {error}") from error


class Instance:
    """This process's claim on a data directory. ``claim()`` is True for the first Reader on
    it, which then ``serve``\\ s; the others ``hand_over`` and exit."""

    def __init__(self, data_dir: Path) -> None:
        self.name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / LOCK_FILE))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, however long it ran

    def claim(self) -> bool:
        return self._lock.tryLock(0)

    def hand_over(self, location: Location) -> str | None:
        """Send ``location`` to the running Reader; None when it took it, else why not."""
        socket = QLocalSocket()
        deadline = time.monotonic() + CONNECT_TIMEOUT_S
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(int(RETRY_S * 1000)):
                break
            if time.monotonic() > deadline:
                return f"another Reader holds this data directory but does not answer ({socket.errorString()})"
            time.sleep(RETRY_S)
        socket.write(encode(location))
        socket.waitForBytesWritten(REPLY_TIMEOUT_MS)
        reply = b""
        while not reply.endswith(b"\n") and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
            reply += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        if reply.strip() != b"ok":
            return f"the running Reader did not take the request ({reply.decode('utf-8', 'replace').strip() or 'no answer'})"
        return None

    def serve(self, window: MainWindow) -> Server:
        """Listen for later Readers on this directory; their places open in ``window``."""
        return Server(self.name, window)

    def release(self) -> None:
        self._lock.unlock()


class Server(QObject):
    """The running Reader's end: each connection is one location, opened in the window."""

    def __init__(self, name: str, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._server = QLocalServer(self)
        # Only the lock's holder gets here: a socket file left by a Reader that died is stale.
        QLocalServer.removeServer(name)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(name):
            raise OSError(f"cannot listen on {name}: {self._server.errorString()}")
        self._server.newConnection.connect(self._on_new_connection)

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._serve(socket)

    def _serve(self, socket: QLocalSocket) -> None:
        line = b""
        while not line.endswith(b"\n") and (socket.bytesAvailable() or socket.waitForReadyRead(READ_TIMEOUT_MS)):
            line += bytes(socket.readAll().data())
        try:
            location = decode(line)
        except ValueError as error:
            socket.write(f"error: {error}\n".encode())
        else:
            socket.write(b"ok\n")
            self.window.open_location(location)
            self._raise()
        socket.flush()
        socket.disconnectFromServer()
        socket.deleteLater()

    def _raise(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
