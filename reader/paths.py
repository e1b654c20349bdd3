"""Where Reader finds its bundled data and where it writes the user's."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "reader"
DATA_DIR_ENV = "READER_DATA_DIR"

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PROJECT_ROOT / "resources"
SEEDS = PROJECT_ROOT / "seeds"


def resource(*parts: str) -> Path:
    """Path of a bundled resource file under ``resources/``."""
    return RESOURCES.joinpath(*parts)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The directory for everything Reader writes: ``--data-dir``, else $READER_DATA_DIR, else
    the per-user data dir. Created if missing."""
    if override:
        path = Path(override)
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
