"""Editing ``mimeapps.list`` (freedesktop MIME Applications Associations) a line at a time.

The file is the user's: their comments, order and other programs' entries stay exactly as they
were. Only the value of one key in one section changes per call, and a removal takes out only
the desktop id that was added. ``configparser`` would rewrite the whole file and drop comments.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULTS = "Default Applications"  # the program a type opens with
ADDED = "Added Associations"  # the programs offered in "Open With"


@dataclass(frozen=True, slots=True)
class Association:
    """``desktop_id`` listed for ``mime`` in ``section``."""

    section: str
    mime: str


class MimeApps:
    """The lines of one mimeapps.list, changed in place; ``text`` is the result."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self._final_newline = text.endswith("\n") or not text

    @property
    def text(self) -> str:
        joined = "\n".join(self.lines)
        return joined + "\n" if joined and self._final_newline else joined

    def has_section(self, name: str) -> bool:
        return self._section(name) is not None

    def add(self, association: Association, desktop_id: str, *, first: bool) -> bool:
        """List ``desktop_id`` for the association (first: as the preferred one); False when
        it already was, so the caller knows it did not add it."""
        section = self._section(association.section)
        if section is None:
            if self.lines and self.lines[-1].strip():
                self.lines.append("")
            self.lines += [f"[{association.section}]", f"{association.mime}={desktop_id};"]
            return True
        at = self._key(section, association.mime)
        if at is None:
            end = section[1]
            while end > section[0] + 1 and not self.lines[end - 1].strip():
                end -= 1
            self.lines.insert(end, f"{association.mime}={desktop_id};")
            return True
        ids = self._ids(at)
        if desktop_id in ids:
            return False
        ids = [desktop_id, *ids] if first else [*ids, desktop_id]
        self.lines[at] = f"{association.mime}={';'.join(ids)};"
        return True

    def remove(self, association: Association, desktop_id: str, *, drop_empty_section: bool) -> None:
        """Take ``desktop_id`` out of the association; the key goes when nothing is left in
        it, and the section when it is empty and ``drop_empty_section`` (the caller made it)."""
        section = self._section(association.section)
        at = self._key(section, association.mime) if section is not None else None
        if section is None or at is None:
            return
        ids = [i for i in self._ids(at) if i != desktop_id]
        if ids:
            self.lines[at] = f"{association.mime}={';'.join(ids)};"
            return
        del self.lines[at]
        start, end = self._section(association.section) or section
        if drop_empty_section and not any(line.strip() for line in self.lines[start + 1 : end]):
            del self.lines[start:end]
            while self.lines and not self.lines[-1].strip():
                self.lines.pop()

    def _section(self, name: str) -> tuple[int, int] | None:
        """The header's line and the line after the section's last."""
        start = next((i for i, line in enumerate(self.lines) if line.strip() == f"[{name}]"), None)
        if start is None:
            return None
        end = next((i for i in range(start + 1, len(self.lines)) if self.lines[i].lstrip().startswith("[")), len(self.lines))
        return start, end

    def _key(self, section: tuple[int, int], mime: str) -> int | None:
        for i in range(section[0] + 1, section[1]):
            key, sep, _ = self.lines[i].partition("=")
            if sep and key.strip() == mime:
                return i
        return None

    def _ids(self, at: int) -> list[str]:
        return [i.strip() for i in self.lines[at].partition("=")[2].split(";") if i.strip()]
