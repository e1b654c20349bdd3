"""``reader desktop install`` / ``uninstall``: Reader in a freedesktop (Linux) desktop.

Install writes, under the user's XDG folders:

- ``$XDG_DATA_HOME/applications/reader.desktop`` — the launcher (application menu, reader://
  links, "Open With" for Markdown, HTML and text files);
- ``$XDG_DATA_HOME/icons/hicolor/{scalable,16x16,…,256x256}/apps/reader.{svg,png}``;
- in ``$XDG_CONFIG_HOME/mimeapps.list``: Reader as the default for ``x-scheme-handler/reader``
  and an added association for the article types (other programs stay the defaults);
- a manifest, ``$XDG_DATA_HOME/reader/desktop-install.json``, of exactly what it wrote.

Uninstall reads the manifest and takes out exactly that: the files, the folders it created and
left empty, and its own entries in mimeapps.list. A file of the same name that Reader did not
write is never overwritten.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from reader.desktop.entry import ARTICLE_TYPES, DESKTOP_FILE, SCHEME_TYPE, desktop_entry
from reader.desktop.mimeapps import ADDED, DEFAULTS, Association, MimeApps
from reader.errors import DesktopError
from reader.paths import resource

ICONS = resource("desktop", "hicolor")
MANIFEST = Path("reader") / "desktop-install.json"
MIMEAPPS = "mimeapps.list"
# Reader is made the default only for its own links; for article files it is offered.
ASSOCIATIONS: tuple[tuple[Association, bool], ...] = (
    (Association(DEFAULTS, SCHEME_TYPE), True),
    (Association(ADDED, SCHEME_TYPE), True),
    *((Association(ADDED, mime), False) for mime in ARTICLE_TYPES),
)


@dataclass(frozen=True, slots=True)
class XdgHomes:
    """The user's data and configuration folders (XDG Base Directory specification)."""

    data: Path
    config: Path

    @classmethod
    def from_environment(cls, environ: os._Environ[str] | dict[str, str] = os.environ) -> XdgHomes:
        # A relative value is invalid by the specification and is ignored.
        def folder(name: str, default: str) -> Path:
            value = environ.get(name, "")
            return Path(value) if value and Path(value).is_absolute() else Path.home() / default

        return cls(folder("XDG_DATA_HOME", ".local/share"), folder("XDG_CONFIG_HOME", ".config"))


@dataclass(frozen=True, slots=True)
class Manifest:
    """What an install wrote: files, folders it created, mimeapps.list entries it added (and
    whether it created that file and which of its sections)."""

    files: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    associations: tuple[tuple[str, str], ...] = ()
    mimeapps_created: bool = False
    sections_created: tuple[str, ...] = ()

    @classmethod
    def read(cls, path: Path) -> Manifest | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                tuple(data["files"]),
                tuple(data["folders"]),
                tuple((str(s), str(m)) for s, m in data["associations"]),
                bool(data["mimeapps_created"]),
                tuple(data["sections_created"]),
            )
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise DesktopError(f"{path}: cannot read what was installed ({error})") from error

    def json(self) -> str:
        data = {
            "files": list(self.files),
            "folders": list(self.folders),
            "associations": [list(a) for a in self.associations],
            "mimeapps_created": self.mimeapps_created,
            "sections_created": list(self.sections_created),
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def install(homes: XdgHomes, command: list[str]) -> Manifest:
    """Install the launcher for ``command`` (replacing an earlier install of Reader's)."""
    uninstall(homes)
    files: dict[Path, bytes] = {homes.data / "applications" / DESKTOP_FILE: desktop_entry(command).encode("utf-8")}
    for icon in sorted(p for p in ICONS.rglob("*") if p.is_file()):
        files[homes.data / "icons" / "hicolor" / icon.relative_to(ICONS)] = icon.read_bytes()
    foreign = [path for path in files if path.exists()]
    if foreign:
        raise DesktopError(f"{foreign[0]} exists and was not written by Reader; move it away and install again")
    folders: list[Path] = []
    written: list[Path] = []
    try:
        for path, content in files.items():
            folders += _make_folders(path.parent)
            path.write_bytes(content)
            written.append(path)
        manifest = _associate(homes, written, folders)
    except OSError as error:
        _remove(written, folders)
        raise DesktopError(f"{error.filename or homes.data}: {error.strerror or error}") from error
    return manifest


def _associate(homes: XdgHomes, written: list[Path], folders: list[Path]) -> Manifest:
    mimeapps_path = homes.config / MIMEAPPS
    created = not mimeapps_path.exists()
    mimeapps = MimeApps("" if created else mimeapps_path.read_text(encoding="utf-8"))
    sections = [name for name in dict.fromkeys(a.section for a, _ in ASSOCIATIONS) if not mimeapps.has_section(name)]
    added = [(a.section, a.mime) for a, first in ASSOCIATIONS if mimeapps.add(a, DESKTOP_FILE, first=first)]
    if added:
        folders += _make_folders(mimeapps_path.parent)
        _write_text(mimeapps_path, mimeapps.text)
    manifest_path = homes.data / MANIFEST
    folders += _make_folders(manifest_path.parent)  # Reader's data folder: removed only if empty
    manifest = Manifest(
        files=tuple(str(p) for p in written),
        folders=tuple(str(p) for p in folders),
        associations=tuple(added),
        mimeapps_created=created and bool(added),
        sections_created=tuple(sections),
    )
    _write_text(manifest_path, manifest.json())
    return manifest


def uninstall(homes: XdgHomes) -> Manifest | None:
    """Remove what the last install wrote; None when nothing was installed."""
    manifest_path = homes.data / MANIFEST
    manifest = Manifest.read(manifest_path)
    if manifest is None:
        return None
    mimeapps_path = homes.config / MIMEAPPS
    try:
        if manifest.associations and mimeapps_path.exists():
            mimeapps = MimeApps(mimeapps_path.read_text(encoding="utf-8"))
            for section, mime in manifest.associations:
                mimeapps.remove(Association(section, mime), DESKTOP_FILE, drop_empty_section=section in manifest.sections_created)
            if manifest.mimeapps_created and not mimeapps.text.strip():
                mimeapps_path.unlink()
            else:
                _write_text(mimeapps_path, mimeapps.text)
        manifest_path.unlink()
        _remove([Path(p) for p in manifest.files], [Path(p) for p in manifest.folders])
    except OSError as error:
        raise DesktopError(f"{error.filename or homes.data}: {error.strerror or error}") from error
    return manifest


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; the ones created, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _remove(files: list[Path], folders: list[Path]) -> None:
    for path in files:
        path.unlink(missing_ok=True)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _write_text(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.reader-tmp")
    temporary.write_text(text, encoding="utf-8")
    if path.exists():
        shutil.copymode(path, temporary)
    os.replace(temporary, path)
