"""Notes as Markdown that drops into an Obsidian vault.

The layout is a Jinja2 template (``resources/templates/notes.md.j2``, replaceable with
``--template``); this module builds the data it is given and the filters it uses:

- ``md`` — text escaped so it renders as itself (``*``, ``_``, ``#``, ``[``, backticks, …);
- ``blockquote`` — a quote as ``>`` lines, each line escaped;
- ``yaml`` — a value as a YAML (JSON-compatible) scalar or list for the front matter;
- ``hashtags`` — tags as Obsidian ``#tags``.

Links back into Reader are ``reader://open?library=…&article=…&offset=…&end=…`` (code points;
see :mod:`reader.library.links`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from reader.errors import ExportError
from reader.ingest.model import Article
from reader.library.links import reader_link
from reader.notes.anchor import anchor
from reader.notes.model import ORPHAN, Anchor, Annotation, Kind, timestamp
from reader.notes.output import write_output
from reader.paths import resource

TEMPLATE = resource("templates", "notes.md.j2")

# Characters escaped wherever they appear: CommonMark's inline syntax, HTML, and Obsidian's own
# (#tags, ==highlights==, $math$, ^block-ids, ~~strike~~, |tables|). Only ASCII punctuation,
# which CommonMark promises renders as itself after a backslash.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~=$^&])")
_COMMENT = re.compile(r"%(?=%)|(?<=%)%")  # Obsidian %%comments%%: escape only runs of two
# At a line's start: list markers, ordered-list numbers, and setext/thematic-break dashes.
_LINE_START = re.compile(r"^([-+])|^(\d{1,9})([.)])")


def escape_line(line: str) -> str:
    """One line of text as Markdown that renders as the same text."""
    escaped = _COMMENT.sub(r"\\%", _INLINE.sub(r"\\\1", line))
    escaped = _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)
    # Leading and trailing white space would be trimmed (or indent a code block, or make a hard
    # break): write the outermost white-space characters as character references.
    if escaped and escaped[0].isspace():
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    if escaped and escaped[-1].isspace():
        escaped = f"{escaped[:-1]}&#{ord(escaped[-1])};"
    return escaped


def escape(text: str) -> str:
    """Text on one line (a title, a name): newlines become spaces, the rest is escaped."""
    return escape_line(" ".join(text.splitlines()))


def blockquote(text: str) -> str:
    """A quote as Markdown blockquote lines; each newline of the quote starts a ``>`` line."""
    return "\n".join(f"> {escape_line(line)}" if line else ">" for line in text.split("\n"))


def yaml_value(value: object) -> str:
    """A string, number, None or list of them as YAML. JSON is a subset of YAML's flow style;
    characters YAML would fold or refuse are escaped."""
    dumped = json.dumps(value, ensure_ascii=False)
    return "".join(ch if ch.isprintable() or ch == " " else _yaml_escape(ch) for ch in dumped)


def _yaml_escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


_TAG_UNSAFE = re.compile(r"[^\w\-/]+")


def obsidian_tag(tag: str) -> str:
    """A tag Obsidian accepts: letters, digits, ``_ - /``, not all digits."""
    cleaned = _TAG_UNSAFE.sub("_", tag.strip().lstrip("#")).strip("_") or "_"
    return f"_{cleaned}" if cleaned.isdigit() else cleaned


def hashtags(tags: Iterable[str]) -> str:
    return " ".join(f"#{obsidian_tag(t)}" for t in tags)


# -- what the template is given
@dataclass(frozen=True, slots=True)
class NoteEntry:
    """One annotation as the template sees it."""

    kind: str  # "highlight", "bookmark", "entity_note"
    quote: str  # the stored quote (what the user marked)
    note: str  # Markdown, written as is
    tags: tuple[str, ...]
    color: str
    name: str
    entity: str
    link: str  # reader://open?… at the current anchor
    status: str  # exact, moved, fuzzy, orphaned
    created: str
    modified: str


@dataclass(frozen=True, slots=True)
class ArticleNotes:
    key: str
    title: str
    source: str
    date: str
    url: str
    tags: tuple[str, ...]
    link: str  # opens the article at its start
    file_link: str  # the article file from the export's folder, URL-encoded (file:// URI on stdout); "" if unknown
    highlights: tuple[NoteEntry, ...]
    bookmarks: tuple[NoteEntry, ...]
    entity_notes: tuple[NoteEntry, ...]
    orphans: tuple[NoteEntry, ...]


@dataclass(frozen=True, slots=True)
class NotesDocument:
    """One exported file. ``single`` is True for one article's notes (its metadata in the front
    matter); for a library, ``articles`` are sections and ``entity_notes`` those made outside any
    article."""

    title: str
    source: str
    date: str
    url: str
    tags: tuple[str, ...]
    library: str
    exported: str
    single: bool
    articles: tuple[ArticleNotes, ...]
    entity_notes: tuple[NoteEntry, ...]


def build_document(
    library: str,
    annotations: Sequence[Annotation],
    articles: Mapping[str, Article],
    *,
    title: str,
    single_article: str | None = None,
    output: Path | None = None,
) -> NotesDocument:
    """The export of ``annotations``, anchored in the current ``articles`` text. Annotations of
    articles that are gone are kept (their quotes as orphans) under their key."""
    if single_article is not None:
        annotations = [a for a in annotations if a.article_key == single_article]
    by_article: dict[str, list[Annotation]] = {}
    loose: list[Annotation] = []
    for annotation in annotations:
        if annotation.article_key:
            by_article.setdefault(annotation.article_key, []).append(annotation)
        else:
            loose.append(annotation)
    sections = []
    keys = sorted(by_article, key=lambda k: (k not in articles, k))
    for key in keys:
        sections.append(article_notes(library, key, articles.get(key), by_article[key], output))
    loose.sort(key=lambda a: (a.entity or "", a.created))
    article = articles.get(single_article) if single_article is not None else None
    all_tags = dict.fromkeys(t for a in annotations for t in a.tags)
    if article is not None:
        all_tags = dict.fromkeys((*article.tags, *all_tags))
    return NotesDocument(
        title=article.title if article is not None else title,
        source=(article.source or "") if article is not None else "",
        date=(article.date or "") if article is not None else "",
        url=(article.url or "") if article is not None else "",
        tags=tuple(obsidian_tag(t) for t in all_tags),
        library=library,
        exported=timestamp(),
        single=single_article is not None,
        articles=tuple(sections),
        entity_notes=tuple(_entry(library, a, ORPHAN) for a in loose),
    )


def article_notes(
    library: str, key: str, article: Article | None, annotations: list[Annotation], output: Path | None
) -> ArticleNotes:
    highlights, bookmarks, entity_notes, orphans = [], [], [], []
    placed: list[tuple[Anchor, Annotation]] = []
    for annotation in annotations:
        if annotation.kind is Kind.ENTITY_NOTE:
            entity_notes.append(_entry(library, annotation, ORPHAN))
            continue
        assert annotation.selector is not None
        where = anchor(article.text, annotation.selector) if article is not None else ORPHAN
        if where.orphaned:
            orphans.append(_entry(library, annotation, where))
        else:
            placed.append((where, annotation))
    placed.sort(key=lambda p: (p[0].start, p[0].end, p[1].created))
    for where, annotation in placed:
        (highlights if annotation.kind is Kind.HIGHLIGHT else bookmarks).append(_entry(library, annotation, where))
    file_link = file_link_to(Path(article.path), output) if article is not None and article.path else ""
    return ArticleNotes(
        key=key,
        title=article.title if article is not None else key,
        source=(article.source or "") if article is not None else "",
        date=(article.date or "") if article is not None else "",
        url=(article.url or "") if article is not None else "",
        tags=article.tags if article is not None else (),
        link=reader_link(library, key, 0),
        file_link=file_link,
        highlights=tuple(highlights),
        bookmarks=tuple(bookmarks),
        entity_notes=tuple(entity_notes),
        orphans=tuple(orphans),
    )


def file_link_to(article: Path, output: Path | None) -> str:
    """A link to the article file that works from the exported note: relative to the note's
    own folder (the export and its articles move together, as in a vault), or an absolute
    ``file://`` URI when the note has no place yet (standard output). Never relative to the
    current folder, which means nothing to whoever opens the note."""
    if output is None:
        return article.resolve().as_uri()
    relative = os.path.relpath(article.resolve(), output.resolve().parent)
    return quote(Path(relative).as_posix())


def _entry(library: str, annotation: Annotation, where: Anchor) -> NoteEntry:
    link = reader_link(library, annotation.article_key, where.start, where.end) if annotation.article_key else ""
    return NoteEntry(
        kind=annotation.kind.value,
        quote=annotation.quote,
        note=annotation.note,
        tags=annotation.tags,
        color=annotation.color.value,
        name=annotation.name,
        entity=annotation.entity or "",
        link=link,
        status=where.status.value,
        created=annotation.created,
        modified=annotation.modified,
    )


def render(document: NotesDocument, template: Path | None = None) -> str:
    """The document through the template (the bundled one unless ``template`` is given).
    ExportError when a user's template cannot be read or has an error."""
    return render_template(template or TEMPLATE, doc=document)


def wikilink(name: str) -> str:
    """An Obsidian link to the note called ``name`` (a file name without ``.md``, which
    :func:`reader.notes.output.safe_filename` keeps free of ``[]|#^``)."""
    return f"[[{name}]]"


def number(value: float) -> str:
    """A figure's value for people: digits grouped, no exponent (26,000,000,000; 0.375)."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6f}".rstrip("0")


def render_template(path: Path, **context: object) -> str:
    """Render the Jinja2 template at ``path`` with Reader's Markdown filters (``md``,
    ``blockquote``, ``yaml``, ``hashtags``, ``wikilink``). ExportError when it cannot be
    read or has an error."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ExportError(f"template {path}: {getattr(error, 'strerror', None) or error}") from error
    # Jinja2 takes ~60 ms to import; only an export with a template needs it, not the window's
    # start (issue 18, point 1).
    import jinja2  # noqa: PLC0415 - deferred to the first templated export, see above

    environment = jinja2.Environment(
        autoescape=False,  # Markdown, not HTML: escaping is the filters' job
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters.update(md=escape, blockquote=blockquote, yaml=yaml_value, hashtags=hashtags, wikilink=wikilink, number=number)
    try:
        text = environment.from_string(source).render(**context)
    except jinja2.TemplateError as error:
        where = f" line {error.lineno}" if isinstance(error, jinja2.TemplateSyntaxError) else ""
        raise ExportError(f"template {path}{where}: {error}") from error
    # Blank-line runs from skipped sections collapse to one, so templates may stay readable.
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def export_markdown(
    path: Path,
    library: str,
    annotations: Sequence[Annotation],
    articles: Mapping[str, Article],
    *,
    title: str,
    single_article: str | None = None,
    template: Path | None = None,
) -> Path:
    """Render and write to ``path`` (write_output: atomically to a file, the old one staying
    whole if anything fails; as a stream to a pipe or a device)."""
    document = build_document(library, annotations, articles, title=title, single_article=single_article, output=path)
    write_output(path, render(document, template))
    return path
