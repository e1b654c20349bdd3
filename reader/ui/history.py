"""Back/forward navigation like a browser's, without Qt: a list of places and a cursor."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    """Where the reader was: the article, the first visible character and the selection."""

    article: str
    top: int = 0
    start: int = 0
    end: int = 0


class History:
    def __init__(self, limit: int = 500) -> None:
        self._places: list[Place] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, place: Place) -> None:
        """A new navigation: drops the forward list (as a browser does), then records ``place``."""
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._index = len(self._places) - 1

    def update(self, place: Place) -> None:
        """Remember where the reader is now in the current entry, before moving away."""
        if self._index >= 0:
            self._places[self._index] = place

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self._places[self._index]

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self._places[self._index]

    def forget(self, keep: set[str]) -> None:
        """Drop places in articles that are gone (another library was opened)."""
        current = self.current
        self._places = [p for p in self._places if p.article in keep]
        self._index = self._places.index(current) if current in self._places else len(self._places) - 1

    def __len__(self) -> int:
        return len(self._places)
