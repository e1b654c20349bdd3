"""Reader's freedesktop desktop entry (``reader.desktop``): what launchers and file managers read.

https://specifications.freedesktop.org/desktop-entry-spec/latest/ — the Exec key's quoting
rules are applied by :func:`exec_argument`, so a Reader installed under a path with spaces or
quotes still starts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.errors import DesktopError

DESKTOP_ID = "reader"  # the file's name, the icon's name, and QGuiApplication.desktopFileName()
DESKTOP_FILE = f"{DESKTOP_ID}.desktop"
SCHEME_TYPE = "x-scheme-handler/reader"
# The article files Reader opens: Markdown (both names in use), HTML, plain text.
ARTICLE_TYPES = ("text/markdown", "text/x-markdown", "text/html", "text/plain")

# Characters that make the spec require an argument to be quoted.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_QUOTED_ESCAPES = re.compile(r'(["`$\\])')


def exec_argument(argument: str) -> str:
    """One argument as the Exec key writes it: ``%`` doubled, quoted when it holds a reserved
    character (with ``"`` `` ` `` ``$`` ``\\`` escaped inside), then backslashes doubled again
    because the string-value escape is undone before the quoting rule."""
    if any(ch in argument for ch in "\n\r\t"):
        raise DesktopError(f"{argument!r}: a launcher command cannot hold tabs or line breaks")
    written = argument.replace("%", "%%")
    if any(ch in _RESERVED for ch in written):
        written = '"' + _QUOTED_ESCAPES.sub(r"\\\1", written) + '"'
    return written.replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The ``reader.desktop`` text for starting Reader with ``command`` (the program and its
    leading arguments); ``%U`` passes reader:// links and file:// URLs to it."""
    exec_line = " ".join(exec_argument(part) for part in command)
    return "\n".join(
        (
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            "Name=Reader",
            "GenericName=News Reader",
            "Comment=Read Chinese business and technology news: names, figures and your notes",
            f"Exec={exec_line} %U",
            "Icon=reader",
            "Terminal=false",
            "StartupNotify=true",
            "Categories=Office;Viewer;",
            "Keywords=news;Chinese;notes;highlights;annotations;新闻;阅读;",
            f"MimeType={SCHEME_TYPE};{';'.join(ARTICLE_TYPES)};",
            "",
        )
    )
