"""``reader desktop install`` / ``uninstall`` in temporary XDG folders: valid files, the
user's mimeapps.list kept, and uninstall leaving the folders exactly as they were."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from reader.cli import main
from reader.desktop.entry import DESKTOP_FILE, desktop_entry, exec_argument
from reader.desktop.install import XdgHomes, install, uninstall
from reader.errors import DesktopError

VALIDATOR = shutil.which("desktop-file-validate")
needs_validator = pytest.mark.skipif(
    VALIDATOR is None, reason="desktop-file-validate is not installed (Debian package desktop-file-utils, which .ci/setup installs)"
)
USER_MIMEAPPS = "# my choices\n[Default Applications]\ntext/html=firefox.desktop;\n\n[Added Associations]\ntext/plain=gedit.desktop;\n"


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> XdgHomes:
    homes = XdgHomes(tmp_path / "data", tmp_path / "config")
    monkeypatch.setenv("XDG_DATA_HOME", str(homes.data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(homes.config))
    return homes


def _tree(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under ``root``."""
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


def _validate(path: Path) -> None:
    assert VALIDATOR is not None
    run = subprocess.run([VALIDATOR, str(path)], capture_output=True, text=True, check=False)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout + run.stderr


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("/usr/bin/reader", "/usr/bin/reader"),
        ("/home/me/My Apps/reader", '"/home/me/My Apps/reader"'),
        ("/opt/100%/reader", "/opt/100%%/reader"),
        ('/a "b"/$x`y`', r'"/a \\"b\\"/\\$x\\`y\\`"'),
        ("C:\\x", r'"C:\\\\x"'),
    ],
)
def test_desktop_exec_arguments_follow_the_quoting_rules(argument: str, written: str) -> None:
    assert exec_argument(argument) == written


def test_desktop_exec_refuses_line_breaks() -> None:
    with pytest.raises(DesktopError, match="line breaks"):
        exec_argument("/a\nb")


@needs_validator
def test_desktop_install_writes_a_valid_entry_icons_and_associations(homes: XdgHomes) -> None:
    homes.config.mkdir(parents=True)
    (homes.config / "mimeapps.list").write_text(USER_MIMEAPPS, encoding="utf-8")
    install(homes, ["/opt/reader app/bin/reader", "--data-dir", "/home/me/读书"])

    entry = homes.data / "applications" / DESKTOP_FILE
    _validate(entry)
    text = entry.read_text(encoding="utf-8")
    assert 'Exec="/opt/reader app/bin/reader" --data-dir /home/me/读书 %U' in text
    assert "MimeType=x-scheme-handler/reader;text/markdown;text/x-markdown;text/html;text/plain;" in text
    assert "Icon=reader" in text

    icons = homes.data / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "reader.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = (icons / f"{size}x{size}" / "apps" / "reader.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (size, size)

    mimeapps = (homes.config / "mimeapps.list").read_text(encoding="utf-8")
    assert mimeapps.startswith("# my choices\n[Default Applications]\ntext/html=firefox.desktop;\n")
    assert "x-scheme-handler/reader=reader.desktop;" in mimeapps.split("[Added Associations]")[0]
    added = mimeapps.split("[Added Associations]")[1]
    assert "text/plain=gedit.desktop;reader.desktop;" in added  # offered, not made the default
    assert "text/markdown=reader.desktop;" in added and "text/html=reader.desktop;" in added


@needs_validator
def test_desktop_entry_of_the_real_command_is_valid(homes: XdgHomes) -> None:
    assert main(["desktop", "install"]) == 0
    _validate(homes.data / "applications" / DESKTOP_FILE)


@pytest.mark.parametrize("mimeapps", [None, USER_MIMEAPPS, "[Default Applications]\nx-scheme-handler/reader=other.desktop;"])
def test_desktop_uninstall_removes_exactly_what_install_wrote(homes: XdgHomes, tmp_path: Path, mimeapps: str | None) -> None:
    (homes.data / "applications").mkdir(parents=True)
    (homes.data / "applications" / "other.desktop").write_text("[Desktop Entry]\n", encoding="utf-8")
    if mimeapps is not None:
        homes.config.mkdir(parents=True)
        (homes.config / "mimeapps.list").write_text(mimeapps, encoding="utf-8")
    before = _tree(tmp_path)
    assert main(["desktop", "install"]) == 0
    assert main(["desktop", "install"]) == 0  # again: replaces its own files, adds nothing twice
    assert (homes.config / "mimeapps.list").read_text(encoding="utf-8").count("x-scheme-handler/reader=") == 2
    assert main(["desktop", "uninstall"]) == 0
    assert _tree(tmp_path) == before
    assert main(["desktop", "uninstall"]) == 0  # nothing left to remove


def test_desktop_install_never_overwrites_a_file_it_did_not_write(homes: XdgHomes) -> None:
    theirs = homes.data / "icons" / "hicolor" / "48x48" / "apps" / "reader.png"
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"another program's icon")
    with pytest.raises(DesktopError, match="was not written by Reader"):
        install(homes, ["/usr/bin/reader"])
    assert theirs.read_bytes() == b"another program's icon"
    assert uninstall(homes) is None
    assert not (homes.data / "applications").exists()


def test_desktop_entry_passes_links_and_files_to_reader() -> None:
    assert "Exec=/usr/bin/reader %U\n" in desktop_entry(["/usr/bin/reader"])


def test_desktop_xdg_homes_ignore_relative_values(monkeypatch: pytest.MonkeyPatch) -> None:
    homes = XdgHomes.from_environment({"XDG_DATA_HOME": "relative", "XDG_CONFIG_HOME": "/etc/me"})
    assert homes.data == Path.home() / ".local/share" and homes.config == Path("/etc/me")
