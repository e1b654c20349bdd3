"""Loading gold files: one JSON per seed article (see shared/eval/seeds/README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Gold:
    stem: str
    data: dict[str, Any]

    @property
    def file(self) -> str:
        return self.data["file"]


def load_gold(folder: Path) -> list[Gold]:
    """Every ``*.json`` gold file in ``folder``, sorted by name."""
    return [
        Gold(stem=p.stem, data=json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(folder.glob("*.json"))
    ]
