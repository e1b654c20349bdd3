"""Writing export files: atomically, under names that cannot escape their folder."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from reader.errors import ExportError

# Characters that are illegal in a file name on some system we run on (Windows is the strictest),
# plus those Obsidian refuses in note names because they mean links (#^[]|).
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|#^\[\]]+')
_SPACES = re.compile(r"\s+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
_MAX_BYTES = 180  # leaves room for a suffix and the temporary file's decoration within 255


def safe_filename(title: str, suffix: str = ".md") -> str:
    """A file name made from an article title: no path separators, no characters a file system
    or Obsidian refuses, no leading dot, not a reserved Windows name, at most 180 UTF-8 bytes."""
    name = unicodedata.normalize("NFC", title)
    name = _UNSAFE.sub(" ", name)
    name = _SPACES.sub(" ", name).strip(". ")
    while len(name.encode("utf-8")) > _MAX_BYTES:
        name = name[:-1].rstrip()
    if not name:
        name = "untitled"
    if _RESERVED.match(name):
        name = f"{name}_"
    return name + suffix


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any name that would land outside ``folder``."""
    base = folder.resolve()
    target = (base / name).resolve()
    if target.parent != base:
        raise ExportError(f"{name!r} would be written outside {folder}")
    return target


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that it is either the old file or the whole new
    one, never a part: a temporary file in the same folder, flushed to disk, then renamed over.
    Raises ExportError with the reason when the file cannot be written."""
    folder = path.parent
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    except OSError as error:
        raise ExportError(f"{path}: {error.strerror or error}") from error
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise ExportError(f"{path}: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
        _sync_folder(folder)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(f"{path}: {error.strerror or error}") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
