"""All of Reader's own exceptions. Environment failures (a file, the disk, the database) are
split from bugs: only the former are caught and shown to the user."""

from __future__ import annotations


class ReaderError(Exception):
    """Base of the errors Reader expects and reports to the user."""


class IngestError(ReaderError):
    """A file could not be read or made into an article; the message says why."""

    def __init__(self, file: str, message: str) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message


class StoreUnavailable(ReaderError):
    """The database cannot be used: locked, read-only, disk full, corrupt, or too new."""


class StoreTooNew(StoreUnavailable):
    """The database was written by a newer Reader; it is left untouched."""


class ExportError(ReaderError):
    """An export could not be written."""


class AnnotationFileError(ReaderError):
    """A notes file to import cannot be read, or breaks the W3C model's shape; nothing of it
    was imported. The message names the item and the problem (the caller adds the file)."""


class DesktopError(ReaderError):
    """The desktop integration could not be installed or removed; the message says why."""
