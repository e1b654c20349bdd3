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


def _is_lazy_accessor(node: ast.AST) -> bool:
    """A function cached with ``functools.cache`` whose body is only imports and a return: the
    one way a module defers loading another until first use (``clean._bs4``,
    ``pipeline._entities``), so that the window paints before what it does not need is loaded."""
    if not isinstance(node, ast.FunctionDef):
        return False
    cached = any(isinstance(d, ast.Name) and d.id == "cache" for d in node.decorator_list)
    body = [n for n in node.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    return cached and all(isinstance(n, (ast.Import, ast.ImportFrom, ast.Return)) for n in body)


def _modules_of(node: ast.Import | ast.ImportFrom) -> list[str]:
    """The reader modules an import loads: ``from reader.analysis import entities`` loads
    reader.analysis.entities."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if node.module is None:
        return []
    found = [node.module]
    folder = PACKAGE.parent.joinpath(*node.module.split("."))
    found += [f"{node.module}.{a.name}" for a in node.names if (folder / f"{a.name}.py").exists()]
    return found


def _is_typing_block(node: ast.AST) -> bool:
    """``if TYPE_CHECKING:``: imports for annotations only, never run."""
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _import_nodes(path: Path) -> list[tuple[ast.Import | ast.ImportFrom, str]]:
    """Each import with where it sits: "top", "lazy" (in a lazy accessor), "nested" or
    "typing" (under ``if TYPE_CHECKING:``, never run: it loads nothing)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            kind = "lazy" if _is_lazy_accessor(node) else "nested"
            for inner in ast.walk(node):
                if where.get(id(inner)) != "nested":
                    where[id(inner)] = kind
        elif _is_typing_block(node):
            for inner in ast.walk(node):
                where.setdefault(id(inner), "typing")
    return [(node, where.get(id(node), "top")) for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]


def _reader_imports(path: Path) -> list[tuple[str, str]]:
    """(reader package imported, where: "top", "lazy" or "nested") for each import."""
    found = []
    for node, where in _import_nodes(path):
        modules = [node.module] if isinstance(node, ast.ImportFrom) and node.module else _modules_of(node) if isinstance(node, ast.Import) else []
        for module in modules:
            parts = module.split(".")
            if parts[0] == "reader" and len(parts) > 1:
                found.append((parts[1], where))
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
    """An import hidden in a function hides a cycle. The exceptions: the command line loads
    the GUI (and Qt) only when the GUI is asked for; a lazy accessor (a cached function that
    only imports and returns) defers a module, and the next test checks it hides no cycle."""
    inside = [target for target, where in _reader_imports(path) if where == "nested"]
    if path.name == "cli.py":
        inside = [t for t in inside if t != "ui"]
    assert inside == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _path_of(module: str) -> Path | None:
    base = PACKAGE.parent.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def _loaded_with(module: str) -> set[str]:
    """Every reader module that importing ``module`` loads, through its top-level imports."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        path = _path_of(name)
        if name in seen or path is None:
            continue
        seen.add(name)
        for node, where in _import_nodes(path):
            if where == "top":
                todo += [m for m in _modules_of(node) if m.startswith("reader.")]
    return seen


LAZY = sorted({
    (path, module)
    for path in ALL
    for node, where in _import_nodes(path)
    if where == "lazy"
    for module in _modules_of(node)
    if module.startswith("reader.")
})


@pytest.mark.parametrize("path,module", LAZY, ids=lambda x: x.relative_to(PACKAGE).as_posix() if isinstance(x, Path) else x)
def test_a_deferred_import_hides_no_cycle(path: Path, module: str) -> None:
    """A module loaded lazily must not load, directly or through others, the module that
    defers it: that would be a cycle the deferral hides."""
    assert _module_name(path) not in _loaded_with(module)


def test_the_rule_for_deferred_imports_finds_the_accessors() -> None:
    assert ("analysis/pipeline.py", "reader.analysis.entities") in {(p.relative_to(PACKAGE).as_posix(), m) for p, m in LAZY}
    assert ("ui/window.py", "reader.ui.workspace") in {(p.relative_to(PACKAGE).as_posix(), m) for p, m in LAZY}


def test_imports_for_annotations_load_nothing() -> None:
    """The window's panels name the window in their annotations only: deferring them from the
    window hides no cycle, since those imports never run."""
    assert "reader.ui.window" not in _loaded_with("reader.ui.workspace")
    assert ("reader.ui.window", "typing") in {
        (m, where) for node, where in _import_nodes(PACKAGE / "ui" / "notes_controller.py") for m in _modules_of(node)
    }
