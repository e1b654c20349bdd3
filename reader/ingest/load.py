"""One file to one Article: read, decode, split front matter, clean."""

from __future__ import annotations

import stat

import hashlib
from pathlib import Path

from reader.errors import IngestError
from reader.ingest.clean import Cleaned, clean_html, clean_markdown, looks_like_html
from reader.ingest.credits import credits_in
from reader.ingest.decode import decode
from reader.ingest.discover import Found
from reader.ingest.frontmatter import parse_date, read_front_matter, split_front_matter
from reader.ingest.model import Article, Block, BlockKind, Style

# No news article comes near this; a larger file is a dump or a mistake, and cleaning it would
# hold the whole library's load up for a minute.
MAX_BYTES = 32 * 1024 * 1024
_HTML_SUFFIXES = frozenset({".html", ".htm"})


def load_file(path: Path, root: Path | None = None) -> Article:
    """Read and clean one article file; raise IngestError naming the file when it cannot be."""
    found = Found(path=path, root=root if root is not None else path.parent)
    return parse_article(read_file(found), found.relative, html=is_html(path), path=str(path))


def is_html(path: Path) -> bool:
    return path.suffix.lower() in _HTML_SUFFIXES


def read_file(found: Found) -> bytes:
    """The file's bytes; IngestError with the reason when it is too large or unreadable."""
    name = found.relative
    try:
        info = found.path.stat()  # follows a link: what matters is what it points at
        if not stat.S_ISREG(info.st_mode):
            # A FIFO would block the read for ever; /dev/zero or /dev/urandom would never end.
            raise IngestError(name, "is not a regular file (a device, pipe or socket): skipped")
        if info.st_size > MAX_BYTES:
            raise IngestError(
                name, f"too large for an article ({info.st_size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)"
            )
        with found.path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)  # bounded: the size may change between stat and read
        if len(data) > MAX_BYTES:
            raise IngestError(name, f"too large for an article (the limit is {MAX_BYTES // 2**20} MB)")
        return data
    except IsADirectoryError:
        raise IngestError(name, "is a folder, not a file") from None
    except PermissionError:
        raise IngestError(name, "permission denied: the file cannot be read") from None
    except OSError as error:
        raise IngestError(name, f"cannot be read: {error.strerror or error}") from None


def parse_article(data: bytes, name: str, *, html: bool = False, path: str = "") -> Article:
    """Build an Article from a file's bytes. ``name`` is its key and ``file``."""
    raw = decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    fields, body = split_front_matter(raw)
    front = read_front_matter(fields)
    if not body.strip():
        what = "front matter but no article text" if fields else "no article text"
        raise IngestError(name, f"has {what}")
    cleaned = clean_html(body) if html or looks_like_html(body) else clean_markdown(body)
    title = front.title or cleaned.title or _first_heading(cleaned) or Path(name).stem
    cleaned = _drop_title_heading(cleaned, title)
    if not cleaned.text:
        raise IngestError(name, "no readable text left after removing markup and page furniture")
    meta = cleaned.meta
    return Article(
        key=name,
        file=name,
        title=title,
        text=cleaned.text,
        blocks=cleaned.blocks,
        styles=cleaned.styles,
        source=front.source or meta.get("og:site_name") or meta.get("application-name"),
        author=front.author or meta.get("author") or meta.get("article:author"),
        date=front.date or parse_date(meta.get("article:published_time") or meta.get("pubdate")),
        tags=front.tags or _meta_tags(meta.get("keywords")),
        url=front.url or meta.get("og:url") or meta.get("canonical"),
        content_hash=hashlib.sha256(data).hexdigest(),
        path=path,
        credits=credits_in(cleaned.text, cleaned.blocks),
    )


def _first_heading(cleaned: Cleaned) -> str | None:
    if cleaned.blocks and cleaned.blocks[0].kind is BlockKind.HEADING:
        block = cleaned.blocks[0]
        return cleaned.text[block.start : block.end]
    return None


def _drop_title_heading(cleaned: Cleaned, title: str) -> Cleaned:
    """The header shows the title: a leading heading that repeats it is dropped from the body."""
    if not cleaned.blocks:
        return cleaned
    first = cleaned.blocks[0]
    if first.kind is not BlockKind.HEADING or cleaned.text[first.start : first.end] != title.strip():
        return cleaned
    cut = cleaned.blocks[1].start if len(cleaned.blocks) > 1 else len(cleaned.text)
    return Cleaned(
        text=cleaned.text[cut:],
        blocks=tuple(Block(b.kind, b.start - cut, b.end - cut, b.level) for b in cleaned.blocks[1:]),
        styles=tuple(Style(s.kind, s.start - cut, s.end - cut) for s in cleaned.styles if s.start >= cut),
        title=cleaned.title,
        meta=cleaned.meta,
    )


def _meta_tags(keywords: str | None) -> tuple[str, ...]:
    if not keywords:
        return ()
    return tuple(dict.fromkeys(t.strip() for t in keywords.replace("，", ",").split(",") if t.strip()))
