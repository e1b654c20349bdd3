"""``reader notes export`` and ``reader notes import``.

    reader notes export LIBRARY [--format markdown|w3c] [--article FILE] [-o OUT] [--template FILE]
    reader notes export LIBRARY --flavour obsidian -o VAULT [--template FILE] [--entity-template FILE]
    reader notes import ANNOTATIONS.json --library LIBRARY

``OUT`` is a file, an existing folder (the file is named after the article or the library), or
``-`` for standard output, where the export goes without ``-o`` too. A file is replaced
atomically; a pipe or a device (``/dev/stdout``, a named pipe) is written to as a stream and
never replaced. File links in Markdown are
relative to ``OUT``'s folder, or absolute ``file://`` URIs on standard output. Messages go to standard error; the exit status is 0 on success, 1 when
the database or the output cannot be used, 2 for bad arguments or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from reader.analysis.pipeline import Analyzer
from reader.errors import AnnotationFileError, ExportError, StoreUnavailable
from reader.library.corrections import stored_corrections
from reader.library.identity import library_id
from reader.library.load import analysis_workers, load_library
from reader.library.store import Store
from reader.notes.articles import article_key, load_articles
from reader.notes.markdown import build_document, render
from reader.notes.model import Annotation
from reader.notes.obsidian import build_vault
from reader.notes.output import (
    inside,
    remove_stale_temporaries,
    safe_filename,
    write_atomic,
    write_output,
)
from reader.notes.repository import AnnotationRepository
from reader.notes.w3c import import_w3c, read_w3c, w3c_json
from reader.paths import data_dir


def add_notes_commands(
    subparsers: argparse._SubParsersAction, add_common: Callable[[argparse.ArgumentParser], None]
) -> None:
    notes = subparsers.add_parser("notes", help="export or import highlights, notes and bookmarks")
    actions = notes.add_subparsers(dest="notes_command", required=True, metavar="{export,import}")

    export = actions.add_parser("export", help="write a library's notes as Markdown or W3C JSON")
    export.add_argument("library", type=Path, metavar="LIBRARY", help="the folder (or file) the notes were made in")
    export.add_argument("--format", choices=("markdown", "w3c"), default="markdown", help="default: markdown")
    export.add_argument("--article", metavar="FILE", help="only this article (its path, or its path within LIBRARY)")
    export.add_argument("-o", "--output", metavar="OUT", help="file, folder, or - for standard output (the default)")
    export.add_argument(
        "--flavour",
        choices=("plain", "obsidian"),
        default="plain",
        help="obsidian: a vault folder (-o DIR) with one note per article and per annotated name, "
        "linked with [[wikilinks]] (Markdown only; default: plain, one file)",
    )
    export.add_argument(
        "--template",
        type=Path,
        metavar="FILE",
        help="a Jinja2 template for Markdown (resources/templates/notes.md.j2; with --flavour obsidian, "
        "the article note: obsidian-article.md.j2)",
    )
    export.add_argument(
        "--entity-template", type=Path, metavar="FILE", help="with --flavour obsidian, the name note (obsidian-entity.md.j2)"
    )
    add_common(export)
    export.set_defaults(run=run_export)

    import_ = actions.add_parser("import", help="add annotations from a W3C Web Annotation JSON file")
    import_.add_argument("annotations", type=Path, metavar="ANNOTATIONS.json")
    import_.add_argument("--library", type=Path, required=True, metavar="LIBRARY", help="the folder they belong to")
    add_common(import_)
    import_.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    folder: Path = args.library
    if not folder.exists():
        return _fail(f"{folder}: no such file or folder", 2)
    for template in (args.template, args.entity_template):
        if template is not None and not template.is_file():
            return _fail(f"{template}: no such template file", 2)
    if args.flavour == "obsidian" and (args.format != "markdown" or args.output in (None, "-")):
        return _fail("--flavour obsidian writes Markdown notes into a folder: give -o FOLDER (and no --format w3c)", 2)
    store = _open_store(args.data_dir)
    if store is None:
        return 1
    library = library_id([folder])
    try:
        annotations = AnnotationRepository(store).for_library(library)
    except StoreUnavailable as error:
        return _fail(str(error), 1)
    finally:
        store.close()
    key = article_key(folder, args.article) if args.article else None
    if key is not None:
        annotations = [a for a in annotations if a.article_key == key]
    if args.flavour == "obsidian":
        return _export_vault(args, folder, annotations)
    articles, _ = load_articles(folder, {key} if key is not None else {a.article_key for a in annotations})
    if key is not None and key not in articles and not annotations:
        return _fail(f"{args.article}: not an article of {folder}", 2)
    name = folder.resolve().name or "library"
    if key is not None:
        base = articles[key].title if key in articles else Path(key).stem
    else:
        base = f"{name} notes" if args.format == "markdown" else f"{name} annotations"
    suffix = ".md" if args.format == "markdown" else ".json"
    try:
        output = _output_path(args.output, safe_filename(base, suffix))
        if args.format == "markdown":
            document = build_document(
                library, annotations, articles, title=f"{name} notes", single_article=key, output=output
            )
            text = render(document, args.template)
        else:
            label = f"Reader annotations: {base}"
            text = w3c_json(annotations, articles, label=label)
        if output is None:
            sys.stdout.write(text)
        else:
            write_output(output, text)
    except ExportError as error:
        return _fail(str(error), 1)
    if output is not None:
        print(f"reader: wrote {len(annotations)} annotations to {output}", file=sys.stderr)
    return 0


def _export_vault(args: argparse.Namespace, folder: Path, annotations: list[Annotation]) -> int:
    """The notes as an Obsidian vault in ``-o FOLDER``: the library is read with its analysis
    (names and figures; the cache in the store makes a second export quick)."""
    vault = Path(args.output)
    try:
        vault.mkdir(exist_ok=True)
    except OSError as error:
        return _fail(f"{vault}: {error.strerror or error}", 1)
    store = _open_store(args.data_dir)
    if store is None:
        return 1
    try:
        library = load_library([folder], store, Analyzer(stored_corrections(store)), workers=analysis_workers())
    finally:
        store.close()
    try:
        notes = build_vault(library, annotations, vault, article_template=args.template, entity_template=args.entity_template)
        remove_stale_temporaries(vault)
        for note in notes:
            write_atomic(inside(vault, f"{note.name}.md"), note.text)
    except ExportError as error:
        return _fail(str(error), 1)
    print(f"reader: wrote {len(notes)} notes ({len(annotations)} annotations) to {vault}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    folder: Path = args.library
    try:
        document = read_w3c(args.annotations)
    except AnnotationFileError as error:
        return _fail(f"{args.annotations}: {error}", 2)
    if not folder.exists():
        return _fail(f"{folder}: no such file or folder", 2)
    articles, _ = load_articles(folder)
    store = _open_store(args.data_dir)
    if store is None:
        return 1
    try:
        result = import_w3c(document, library_id([folder]), AnnotationRepository(store), articles)
    except AnnotationFileError as error:
        return _fail(f"{args.annotations}: {error}", 2)
    except StoreUnavailable as error:
        return _fail(str(error), 1)
    finally:
        store.close()
    for problem in result.problems:
        print(f"reader: {args.annotations}: skipped {problem}", file=sys.stderr)
    print(f"reader: imported {result.summary(str(folder))}", file=sys.stderr)
    return 0


def _output_path(output: str | None, default_name: str) -> Path | None:
    """Where to write: None for standard output."""
    if output is None or output == "-":
        return None
    path = Path(output)
    if path.is_dir():
        return inside(path, default_name)
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent}: no such folder")
    return path


def _open_store(folder: str | None) -> Store | None:
    try:
        store = Store.open(data_dir(folder))
    except StoreUnavailable as error:
        print(f"reader: {error}", file=sys.stderr)
        return None
    report = store.damage_report()
    if report is not None:
        print(f"reader: {report}", file=sys.stderr)
    return store


def _fail(message: str, status: int) -> int:
    print(f"reader: {message}", file=sys.stderr)
    return status
