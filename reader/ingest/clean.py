"""Markup to canonical text: HTML or Markdown bodies become ``text``, ``blocks`` and ``styles``.

Markdown is rendered to HTML first (markdown-it, CommonMark), so one walker over one DOM does
all the cleaning. The rules it applies (what to drop, what ends an article) live in
``resources/cleaning.yaml``.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from reader.ingest.model import Block, BlockKind, Style, StyleKind
from reader.paths import resource

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag
    from markdown_it import MarkdownIt

_HEADING_TAGS = {f"h{i}": i for i in range(1, 7)}
_BOLD_TAGS = frozenset({"b", "strong"})
_ITALIC_TAGS = frozenset({"i", "em", "cite", "var", "dfn"})

# Characters that are never content: zero-width and bidi controls, BOM, C0/C1 controls, and
# the soft hyphen. Tab/newline are whitespace and are folded instead.
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_URL = re.compile(r"(?:https?|ftp|file|javascript|data):\S+|www\.[\w.-]+\.\w+\S*", re.I)
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u33ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
    "\u201c\u201d\u2018\u2019\u2014\u2026]"
)
_SENTENCE_END = re.compile(r"[。！？!?；;…]$")
_HTML_BLOCK_TAG = re.compile(r"<(?:p|div|section|article|h[1-6]|br|table|blockquote|ul|ol|li)\b", re.I)


# bs4 (with lxml) and markdown-it take ~0.1 s to import, and only a file missing from the cache
# is cleaned: they load on the first clean, not when the window starts (issue 18, point 1).
@cache
def _bs4() -> ModuleType:
    import bs4  # noqa: PLC0415 - deferred to the first clean, see above

    return bs4


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt  # noqa: PLC0415 - deferred to the first clean, see above

    return MarkdownIt("commonmark", {"html": True, "breaks": True}).disable("code")


@cache
def _skip_nodes() -> tuple[type, ...]:
    bs4 = _bs4()
    return (bs4.Comment, bs4.Declaration, bs4.Doctype, bs4.ProcessingInstruction)


@dataclass(frozen=True, slots=True)
class Rules:
    drop_tags: frozenset[str]
    junk_class_tokens: frozenset[str]
    block_tags: frozenset[str]
    drop_block: tuple[re.Pattern[str], ...]
    footer: tuple[re.Pattern[str], ...]
    listing_line: re.Pattern[str]
    listing_generic: re.Pattern[str]
    listing_min_run: int
    credit: re.Pattern[str]

    @classmethod
    def load(cls, path: Path) -> Rules:
        import yaml  # noqa: PLC0415 - read with the rules, on the first clean (see _bs4)

        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        fields = "|".join(re.escape(f) for f in data["listing_fields"])
        return cls(
            drop_tags=frozenset(data["drop_tags"]),
            junk_class_tokens=frozenset(data["junk_class_tokens"]),
            block_tags=frozenset(data["block_tags"]),
            drop_block=tuple(re.compile(p, re.I) for p in data["drop_block_patterns"]),
            footer=tuple(re.compile(p, re.I) for p in data["footer_patterns"]),
            listing_line=re.compile(rf"^[ \t]*(?:{fields})[ \t]*(?:\t|[:：])[^\n]*$", re.M),
            listing_generic=re.compile(r"^[^\t\n]{1,8}\t[^\t\n]*$"),
            listing_min_run=int(data["listing_min_run"]),
            credit=re.compile(data["credit_pattern"]),
        )


@cache
def default_rules() -> Rules:
    return Rules.load(resource("cleaning.yaml"))


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    blocks: tuple[Block, ...]
    styles: tuple[Style, ...]
    title: str | None = None  # from <title>/og:title/h1 when the markup carries one
    meta: dict[str, str] = field(default_factory=dict)


def looks_like_html(body: str) -> bool:
    """True when a .txt/.md body is an HTML fragment rather than Markdown or plain text."""
    stripped = body.lstrip()
    if stripped.startswith("<") and _HTML_BLOCK_TAG.search(stripped[:4096]):
        return True
    return len(_HTML_BLOCK_TAG.findall(body)) >= 5 and body.count("\n\n") < len(
        _HTML_BLOCK_TAG.findall(body)
    )


def clean_markdown(body: str, rules: Rules | None = None) -> Cleaned:
    rules = rules or default_rules()
    return clean_html(_markdown().render(strip_listing(body, rules)), rules)


def strip_listing(body: str, rules: Rules) -> str:
    """Drop a scraped listing header: labelled field lines, or runs of short ``label<TAB>value``."""
    body = rules.listing_line.sub("", body)
    lines = body.split("\n")
    keep = [True] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and rules.listing_generic.match(lines[j]):
            j += 1
        if j - i >= rules.listing_min_run:
            keep[i:j] = [False] * (j - i)
        i = max(j, i + 1)
    return "\n".join(line for line, k in zip(lines, keep) if k)


def clean_html(markup: str, rules: Rules | None = None) -> Cleaned:
    rules = rules or default_rules()
    bs4 = _bs4()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bs4.MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", bs4.XMLParsedAsHTMLWarning)
        # lxml turns NUL into U+FFFD; NUL is never content, so it goes before parsing.
        soup = bs4.BeautifulSoup(markup.replace("\x00", ""), "lxml")
    meta = _meta(soup)
    title_tag = soup.find("title")
    title = meta.get("og:title") or (
        _squeeze_spaces(title_tag.get_text()) if isinstance(title_tag, bs4.Tag) else None
    )
    root = soup.find("article") or soup.find("main") or soup.body or soup
    builder = _Builder(rules)
    _walk(root, builder, rules)
    return builder.finish(title=title or None, meta=meta)


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = tag.get("content")
        if isinstance(key, str) and isinstance(value, str) and value.strip():
            found.setdefault(key.strip().lower(), _squeeze_spaces(value))
    link = soup.find("link", rel="canonical")
    if isinstance(link, _bs4().Tag) and isinstance(link.get("href"), str):
        found.setdefault("canonical", link["href"])
    return found


def _is_junk(tag: Tag, rules: Rules) -> bool:
    if tag.name in rules.drop_tags:
        return True
    names: list[str] = []
    classes = tag.get("class")
    if isinstance(classes, list):
        names.extend(classes)
    elif isinstance(classes, str):
        names.append(classes)
    ident = tag.get("id")
    if isinstance(ident, str):
        names.append(ident)
    if not names:
        return False
    tokens = {t for n in names for t in re.split(r"[-_\s]+", n.lower()) if t}
    return not tokens.isdisjoint(rules.junk_class_tokens)


def _walk(root: Tag, builder: _Builder, rules: Rules) -> None:
    # Iterative, not recursive: 10,000 nested <div>s must not exhaust the Python stack.
    bs4, skip = _bs4(), _skip_nodes()
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, bs4.NavigableString):
            if not isinstance(node, skip):
                builder.add_text(str(node))
            continue
        if not isinstance(node, bs4.Tag):
            continue
        if leaving:
            builder.leave(node.name)
            continue
        if node is not root and _is_junk(node, rules):
            continue
        builder.enter(node.name)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))


@dataclass
class _Line:
    kind: BlockKind
    level: int
    runs: list[tuple[str, int]] = field(default_factory=list)  # (text, style bits)


_BOLD, _ITALIC = 1, 2


class _Builder:
    """Collects runs of text into lines (future blocks) as the walker enters and leaves tags."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.lines: list[_Line] = []
        self.current: _Line | None = None
        self.context: list[tuple[BlockKind, int]] = []  # enclosing heading/quote/list/caption
        self.bold = 0
        self.italic = 0

    # -- walking
    def enter(self, name: str) -> None:
        if name == "br":
            self._break()
        elif name in _BOLD_TAGS:
            self.bold += 1
        elif name in _ITALIC_TAGS:
            self.italic += 1
        elif name in self.rules.block_tags:
            self._break()
            kind = _block_kind(name)
            if kind is not None:
                self.context.append(kind)

    def leave(self, name: str) -> None:
        if name in _BOLD_TAGS:
            self.bold -= 1
        elif name in _ITALIC_TAGS:
            self.italic -= 1
        elif name in self.rules.block_tags:
            self._break()
            if _block_kind(name) is not None and self.context:
                self.context.pop()

    def add_text(self, text: str) -> None:
        if not text:
            return
        if self.current is None:
            kind, level = self.context[-1] if self.context else (BlockKind.PARAGRAPH, 0)
            self.current = _Line(kind, level)
            self.lines.append(self.current)
        bits = (_BOLD if self.bold > 0 else 0) | (_ITALIC if self.italic > 0 else 0)
        self.current.runs.append((text, bits))

    def _break(self) -> None:
        self.current = None

    # -- assembling
    def finish(self, title: str | None, meta: dict[str, str]) -> Cleaned:
        parts: list[str] = []
        blocks: list[Block] = []
        styles: list[Style] = []
        offset = 0
        for line in self.lines:
            text, line_styles = _normalise(line.runs)
            if not text or any(p.search(text) for p in self.rules.drop_block):
                continue
            if any(p.search(text) for p in self.rules.footer):
                break
            kind, level = line.kind, line.level
            if kind is BlockKind.PARAGRAPH and _is_pseudo_heading(text, line_styles, self.rules):
                kind, level = BlockKind.HEADING, 3
            if parts:
                offset += 1  # the "\n" between blocks
            blocks.append(Block(kind, offset, offset + len(text), level))
            styles.extend(
                Style(k, offset + s, offset + e)
                for k, s, e in line_styles
                if kind is not BlockKind.HEADING or k is not StyleKind.BOLD
            )
            parts.append(text)
            offset += len(text)
        return Cleaned("\n".join(parts), tuple(blocks), tuple(styles), title, meta)


def _block_kind(name: str) -> tuple[BlockKind, int] | None:
    if name in _HEADING_TAGS:
        return BlockKind.HEADING, _HEADING_TAGS[name]
    if name == "blockquote":
        return BlockKind.QUOTE, 0
    if name in ("li", "dd"):
        return BlockKind.LIST_ITEM, 0
    if name in ("figcaption", "caption"):
        return BlockKind.CAPTION, 0
    return None


def _is_pseudo_heading(
    text: str, styles: list[tuple[StyleKind, int, int]], rules: Rules
) -> bool:
    """A short paragraph that is bold from end to end and is no sentence reads as a heading."""
    if len(text) > 30 or _SENTENCE_END.search(text) or rules.credit.search(text):
        return False
    return any(k is StyleKind.BOLD and s == 0 and e == len(text) for k, s, e in styles)


def _squeeze_spaces(text: str) -> str:
    return _SPACE_RUN.sub(" ", _INVISIBLE.sub("", text)).strip()


def _normalise(runs: list[tuple[str, int]]) -> tuple[str, list[tuple[StyleKind, int, int]]]:
    """Join a line's runs, fold white space (dropping it at the ends and between CJK
    characters), strip URLs and invisible characters; return the text and its style spans."""
    pieces: list[str] = []
    bounds: list[tuple[int, int, int]] = []  # (start, end, bits) in the joined string
    pos = 0
    for text, bits in runs:
        text = _URL.sub(" ", _SPACE_RUN.sub(" ", _INVISIBLE.sub("", text)))
        if not text:
            continue
        pieces.append(text)
        bounds.append((pos, pos + len(text), bits))
        pos += len(text)
    joined = "".join(pieces)
    n = len(joined)
    drop: list[int] = []
    for m in re.finditer(" +", joined):
        i, j = m.start(), m.end()
        drop.extend(range(i + 1, j))  # runs across run boundaries fold to one space
        if i == 0 or j == n or (_CJK.match(joined[i - 1]) and _CJK.match(joined[j])):
            drop.append(i)
    drop.sort()
    text = "".join(joined[a + 1 : b] for a, b in zip([-1, *drop], [*drop, n]))

    def moved(offset: int) -> int:
        return offset - bisect_left(drop, offset)

    styles: list[tuple[StyleKind, int, int]] = []
    for kind, bit in ((StyleKind.BOLD, _BOLD), (StyleKind.ITALIC, _ITALIC)):
        start = None
        for s, e, bits in bounds + [(n, n, 0)]:
            if bits & bit:
                if start is None:
                    start = s
                end = e
            elif start is not None:
                a, b = moved(start), moved(end)
                while a < b and text[a] == " ":
                    a += 1
                while b > a and text[b - 1] == " ":
                    b -= 1
                if a < b:
                    styles.append((kind, a, b))
                start = None
    return text, styles
