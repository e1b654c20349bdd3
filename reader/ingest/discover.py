"""Finding article files under the paths a user gives."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


@dataclass(frozen=True, slots=True)
class Found:
    """An article file and the folder its ``file`` name is relative to."""

    path: Path
    root: Path
    relative: str = ""  # ``path`` relative to ``root``, with forward slashes (worked out if not given)

    def __post_init__(self) -> None:
        if not self.relative:
            object.__setattr__(self, "relative", self.path.relative_to(self.root).as_posix())


def discover(path: Path) -> list[Found]:
    """Article files under ``path`` (a folder, recursively, or one file), sorted by name.

    Symlinked folders are followed once each, so a link loop ends. Raises FileNotFoundError
    when ``path`` does not exist."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_file():
        return [Found(path=path, root=path.parent)]
    found: list[Found] = []
    seen_dirs: set[str] = set()
    for folder, dirs, files in os.walk(path, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen_dirs:
            dirs[:] = []
            continue
        seen_dirs.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # The relative name is made from strings once per folder: pathlib's relative_to for
        # each of 100k files took seconds of a reopen.
        inside = os.path.relpath(folder, path)
        prefix = "" if inside == os.curdir else inside.replace(os.sep, "/") + "/"
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES and not name.startswith("."):
                found.append(Found(path=Path(folder, name), root=path, relative=prefix + name))
    found.sort(key=lambda f: f.relative)
    return found
