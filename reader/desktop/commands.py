"""``reader desktop install`` and ``reader desktop uninstall``.

Messages go to standard error; the exit status is 0 on success, 1 when the files cannot be
written or removed, 2 on a system without freedesktop menus (macOS, Windows).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from reader.desktop.install import XdgHomes, install, uninstall
from reader.errors import DesktopError

ELSEWHERE = {
    "darwin": "on macOS, start Reader from a terminal, or make an app with Automator (Run Shell Script: "
    "the path of 'reader' followed by \"$@\"); reader:// links are not registered there",
    "win32": "on Windows, make a shortcut to 'reader.exe' in the virtual environment's Scripts folder "
    "(Start menu: shell:programs); reader:// links are not registered there",
}


def add_desktop_commands(
    subparsers: argparse._SubParsersAction, add_common: Callable[[argparse.ArgumentParser], None]
) -> None:
    desktop = subparsers.add_parser("desktop", help="add Reader to (or remove it from) the desktop's menus (Linux)")
    actions = desktop.add_subparsers(dest="desktop_command", required=True, metavar="{install,uninstall}")
    install_ = actions.add_parser(
        "install", help="a launcher with an icon, reader:// links and Open With for .md/.html/.txt"
    )
    add_common(install_)  # a --data-dir given here is written into the launcher
    install_.set_defaults(run=run_install)
    uninstall_ = actions.add_parser("uninstall", help="remove exactly what install wrote")
    uninstall_.set_defaults(run=run_uninstall)


def launch_command(data_dir: str | None = None) -> list[str]:
    """How the launcher starts this Reader: its console script beside this Python (a virtual
    environment's bin/reader), else this Python with ``-m reader``."""
    script = Path(sys.executable).parent / "reader"
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "reader"]
    return command + (["--data-dir", str(Path(data_dir).absolute())] if data_dir else [])


def run_install(args: argparse.Namespace) -> int:
    if sys.platform in ELSEWHERE:
        return _fail(f"there is no freedesktop menu here: {ELSEWHERE[sys.platform]}", 2)
    homes = XdgHomes.from_environment()
    try:
        manifest = install(homes, launch_command(args.data_dir))
    except DesktopError as error:
        return _fail(str(error), 1)
    for path in manifest.files:
        print(f"reader: wrote {path}", file=sys.stderr)
    for section, mime in manifest.associations:
        print(f"reader: {homes.config / 'mimeapps.list'}: [{section}] {mime}", file=sys.stderr)
    print("reader: Reader is in the applications menu; 'reader desktop uninstall' takes it out", file=sys.stderr)
    return 0


def run_uninstall(_args: argparse.Namespace) -> int:
    homes = XdgHomes.from_environment()
    try:
        manifest = uninstall(homes)
    except DesktopError as error:
        return _fail(str(error), 1)
    if manifest is None:
        print("reader: nothing to remove: Reader's launcher was not installed here", file=sys.stderr)
        return 0
    print(f"reader: removed {len(manifest.files)} files and {len(manifest.associations)} associations", file=sys.stderr)
    return 0


def _fail(message: str, status: int) -> int:
    print(f"reader: {message}", file=sys.stderr)
    return status
