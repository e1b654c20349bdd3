"""Writing export files: atomically to files, as a stream to anything else, under names that
cannot escape their folder."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
import unicodedata
from pathlib import Path

from reader.errors import ExportError

# Characters that are illegal in a file name on some system we run on (Windows is the strictest),
# plus those Obsidian refuses in note names because they mean links (#^[]|).
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|#^\[\]]+')
_SPACES = re.compile(r"\s+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
_MAX_BYTES = 180  # leaves room for a suffix and the temporary file's decoration within 255
# write_atomic's temporary files: mkstemp(prefix=".NAME.", suffix=".tmp") adds 8 of [a-z0-9_].
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
STALE_AFTER = 10 * 60  # seconds: no export still running has a temporary file this old
# Links through these are a process's descriptors or devices: written through, never replaced.
_STREAM_FOLDERS = ("/dev/", "/proc/")


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


def write_output(path: Path, text: str) -> None:
    """Write an export to ``path``. A regular file or a new path is written atomically
    (write_atomic; a symbolic link to a file keeps the link and replaces the file), after the
    stale temporary files of killed exports in its folder are removed. Anything else — a
    terminal, ``/dev/stdout``, a named pipe, a device, or a link to one — is written to as a
    stream and never replaced by a file. Raises ExportError with the reason."""
    if _is_stream(path):
        _write_stream(path, text)
        return
    target = path.resolve() if path.is_symlink() else path
    remove_stale_temporaries(target.parent)
    write_atomic(target, text)


def _is_stream(path: Path) -> bool:
    """Whether ``path`` is something other than a regular file or a new path: a pipe, a device,
    or a link through /dev or /proc (``/dev/stdout`` names the caller's output even when that
    is a file, and replacing the file would cut the output off from whoever holds it)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False  # a new path, or a link to one
    except OSError as error:
        raise ExportError(f"{path}: {error.strerror or error}") from error
    if stat.S_ISDIR(mode):
        raise ExportError(f"{path}: is a folder")
    return not stat.S_ISREG(mode) or any(str(hop).startswith(_STREAM_FOLDERS) for hop in _links(path))


def _links(path: Path) -> list[Path]:
    """``path`` and each path its symbolic links lead through, in order."""
    hops = [path.absolute()]
    while hops[-1].is_symlink() and len(hops) < 40:  # the kernel's own limit on a chain of links
        hops.append(hops[-1].parent / os.readlink(hops[-1]))
    return hops


def _write_stream(path: Path, text: str) -> None:
    # Appending keeps what a shell already wrote to the same file behind /dev/stdout; a pipe
    # or a device has no end to append to.
    try:
        with open(path, "a", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except OSError as error:
        raise ExportError(f"{path}: {error.strerror or error}") from error


def remove_stale_temporaries(folder: Path, *, older_than: float = STALE_AFTER) -> list[Path]:
    """Remove the temporary files that killed exports left in ``folder`` (write_atomic's names,
    regular files untouched for ``older_than`` seconds); return them. Best effort: a file that
    cannot be removed is left, and the export goes on."""
    removed: list[Path] = []
    limit = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed  # the write that follows says what is wrong with the folder
    for entry in entries:
        if not _TEMPORARY.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


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
