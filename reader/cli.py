"""The command line: the GUI (default), ``extract`` and ``notes``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

import reader
from reader.analysis.figures import subject_as_written
from reader.analysis.pipeline import Analyzer
from reader.analysis.statistical import load_model
from reader.desktop.commands import add_desktop_commands
from reader.errors import StoreUnavailable
from reader.library.corrections import stored_corrections
from reader.library.learned import link_learned
from reader.library.library import Library
from reader.library.links import SCHEME, LinkError, Location, is_link, parse_link
from reader.library.load import analysis_workers, load_library
from reader.library.store import Store
from reader.notes.cli import add_notes_commands
from reader.paths import SEEDS, data_dir

# In JSON a change in percentage points is counted in %, and says it is points.
PERCENTAGE_POINTS = "pp"

COMMANDS = ("extract", "notes", "desktop")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        args = _command_parser().parse_args(argv)
        return args.run(args)
    return _gui(_gui_parser().parse_args(argv))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where Reader keeps its database (default: $READER_DATA_DIR or the per-user data folder)",
    )


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read Chinese business and technology news. Commands: reader extract …, reader notes …, reader desktop …",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH_OR_URL",
        help="folders or files to open, file:// URLs, or one reader://open?library=…&article=…&offset=… link "
        "(default: the last library, else the bundled seeds)",
    )
    parser.add_argument("--open", dest="open_file", metavar="FILE", help="open this article (its path within the library)")
    parser.add_argument("--screenshot", metavar="PNG", type=Path, help="render the window to PNG and exit")
    parser.add_argument("--version", action="version", version=f"reader {reader.__version__}")
    _common(parser)
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print what Reader understands of articles")
    extract.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    extract.add_argument("--json", action="store_true", help="one UTF-8 JSON document (see README)")
    extract.add_argument(
        "--fast",
        action="store_true",
        help="names from the gazetteer and rules only, without the statistical model (quicker)",
    )
    _common(extract)
    extract.set_defaults(run=_extract)
    add_notes_commands(commands, _common)
    add_desktop_commands(commands, _common)
    return parser


def open_store(folder: str | None, err: TextIO = sys.stderr) -> Store | None:
    """The store, or None (with the reason on ``err``) when it cannot be used."""
    try:
        store = Store.open(data_dir(folder))
    except StoreUnavailable as error:
        print(f"reader: {error}", file=err)
        return None
    report = store.damage_report()
    if report is not None:
        print(f"reader: {report}", file=err)
    return store


def _extract(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"reader: {path}: no such file or folder", file=sys.stderr)
    paths = [p for p in args.paths if p.exists()]
    if not paths:
        return 2
    model = None
    if not args.fast:
        model, why = load_model()
        if why is not None:
            print(f"reader: {why}; names come from the gazetteer and rules only", file=sys.stderr)
    store = open_store(args.data_dir)
    try:
        analyzer = Analyzer(stored_corrections(store), model=model)
        library = link_learned(load_library(paths, store, analyzer, workers=analysis_workers()), analyzer)
    finally:
        if store is not None:
            store.close()
    for notice in library.notices:
        print(f"reader: {notice}", file=sys.stderr)
    if not library.articles:
        for error in library.errors:
            print(f"reader: {error.file}: {error.message}", file=sys.stderr)
        print("reader: no article could be read", file=sys.stderr)
        return 2
    if args.json:
        json.dump(extract_document(library), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_summary(library, sys.stdout)
    return 0


def extract_document(library: Library) -> dict[str, Any]:
    """The ``reader extract --json`` document; its shape is a documented contract (README)."""
    articles = []
    for listed in library.articles:
        article = library.article(listed.key)  # with its blocks
        analysis = library.analysis(article.key)
        articles.append(
            {
                "file": article.file,
                "key": article.key,
                "title": article.title,
                "source": article.source,
                "author": article.author,
                "date": article.date,
                "tags": list(article.tags),
                "credits": [{"role": role, "name": name} for role, name in article.credits],
                "reprints": [library.article(k).file for k in library.reprints_of(article.key)],
                "text": article.text,
                "blocks": [{"kind": b.kind.value, "start": b.start, "end": b.end} for b in article.blocks],
                "mentions": [
                    {"entity": m.entity, "type": m.type.value, "surface": m.surface, "start": m.start, "end": m.end}
                    for m in analysis.mentions
                ],
                "metrics": [
                    {
                        "surface": m.surface,
                        "start": m.start,
                        "end": m.end,
                        "value": m.value,
                        "unit": "%" if m.unit == PERCENTAGE_POINTS else m.unit,
                        "percentage_points": m.unit == PERCENTAGE_POINTS,
                        "unit_implied": m.unit_implied,
                        "qualifier": m.qualifier,
                        "label": m.label,
                        "measure": m.measure,
                        "subject": subject_as_written(m, analysis.mentions),
                        "subject_entity": m.subject,
                        "period": m.period,
                        "kind": m.kind.value,
                    }
                    for m in analysis.figures
                ],
                "quotes": [
                    {"speaker": q.speaker, "start": q.start, "end": q.end, "cue_start": q.cue_start, "cue_end": q.cue_end}
                    for q in analysis.quotes
                ],
            }
        )
    entities = [
        {"name": e.name, "type": e.type.value, "aliases": list(e.aliases), "mentions": e.mentions, "articles": list(e.articles)}
        for e in library.entities()
    ]
    errors = [{"file": e.file, "message": e.message} for e in library.errors]
    return {"articles": articles, "entities": entities, "errors": errors}


def _print_summary(library: Library, out: TextIO) -> None:
    for listed in library.articles:
        article = library.article(listed.key)  # with its blocks
        analysis = library.analysis(article.key)
        out.write(f"{article.file}\n  {article.title}\n")
        out.write(f"  {article.source or '—'} · {article.date or 'no date'} · {len(article.text)} characters, {len(article.blocks)} blocks\n")
        copies = library.reprints_of(article.key)
        if copies:
            out.write(f"  also published as: {', '.join(library.article(k).file for k in copies)}\n")
        top = {}
        for m in analysis.mentions:
            top[m.entity] = top.get(m.entity, 0) + 1
        names = sorted(top, key=lambda n: -top[n])[:8]
        out.write(f"  entities: {'、'.join(f'{n}×{top[n]}' for n in names) or '—'}\n")
        for m in analysis.figures[:6]:
            out.write(f"  figure: {m.surface} = {m.value:g} {m.unit}  {m.label or ''} {m.subject or ''} {m.period or ''}\n")
        if len(analysis.figures) > 6:
            out.write(f"  … and {len(analysis.figures) - 6} more figures\n")
    out.writelines(f"skipped {error.file}: {error.message}\n" for error in library.errors)


def gui_location(arguments: Sequence[str], open_file: str | None) -> Location:
    """What the GUI's arguments ask to open. Paths are made absolute here, so a running window
    that is handed them (another process, another current folder) finds them. LinkError for a
    malformed link, or a reader:// link given with other paths."""
    places = [parse_link(a) if is_link(a) else Location((Path(a),)) for a in arguments]
    links = [a for a in arguments if a.lower().startswith(f"{SCHEME}:")]
    if links and (len(arguments) > 1 or open_file):
        raise LinkError(f"{links[0]}: a reader:// link opens on its own, without other paths or --open")
    if links:
        location = places[0]
    else:
        location = Location(tuple(p for place in places for p in place.paths), open_file or "")
    article = location.article
    if article and Path(article).exists():
        article = str(Path(article).absolute())
    return replace(location, paths=tuple(p.absolute() for p in location.paths), article=article)


def _gui(args: argparse.Namespace) -> int:
    try:
        location = gui_location(args.paths, args.open_file)
    except LinkError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 2
    from reader.ui.app import run  # noqa: PLC0415 - Qt loads only for the GUI

    return run(location, screenshot=args.screenshot, data_dir=args.data_dir, default=SEEDS)
