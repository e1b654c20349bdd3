"""Only reader/ui/ may import Qt: the core runs and is tested without a display."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"
CORE = sorted(p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts[:1])


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_module_does_not_import_qt(path: Path) -> None:
    assert not _imports(path) & {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


# The import table of ../shared/ARCHITECTURE.md: what each package may import of reader. The
# small shared modules (errors, paths, spans) are below every package.
BASE = {"errors", "paths", "spans", "text"}
ALLOWED = {
    "ingest": BASE,
    "analysis": BASE | {"ingest"},
    "library": BASE | {"ingest", "analysis"},
    "notes": BASE | {"ingest", "analysis", "library"},
    "evaluation": BASE | {"ingest", "analysis"},
    "desktop": BASE,  # launcher files and mimeapps.list: stdlib only, no Qt
}
ALL = sorted(PACKAGE.rglob("*.py"))


def _reader_imports(path: Path) -> list[tuple[str, bool]]:
    """(reader package imported, whether the import is inside a function) for each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nested = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        for inner in ast.walk(node)
    }
    found = []
    for node in ast.walk(tree):
        modules = []
        if isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        for module in modules:
            parts = module.split(".")
            if parts[0] == "reader" and len(parts) > 1:
                found.append((parts[1], id(node) in nested))
    return found


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_module_imports_only_what_its_layer_may(path: Path) -> None:
    package = path.relative_to(PACKAGE).parts[0]
    allowed = ALLOWED.get(package)
    imported = {target for target, _ in _reader_imports(path) if target != package}
    if allowed is not None:
        assert imported <= allowed, f"{package} imports {sorted(imported - allowed)}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_module_imports_reader_at_the_top(path: Path) -> None:
    """An import hidden in a function hides a cycle. The one exception: the command line loads
    the GUI (and Qt) only when the GUI is asked for."""
    inside = [target for target, nested in _reader_imports(path) if nested]
    if path.name == "cli.py":
        inside = [t for t in inside if t != "ui"]
    assert inside == []
