"""YAML front matter: split it off the body and read title, date, source, author, tags."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from reader.text import CJK_CLASS

_FENCE = re.compile(r"\A[\ufeff\s]*---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_KEY_LINE = re.compile(rf"^([A-Za-z_][\w-]*|[{CJK_CLASS}]+)\s*[:：]\s*(.*)$")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    title: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()


_MAX_YAML = 64 * 1024  # front matter is a few lines; a larger block is read line by line


# email.utils (with socket and the mail parsers) takes ~9 ms to import, for the rare date in a
# mail header's form: loaded then, not when the window starts (issue 18, point 1).
@cache
def _email_utils() -> ModuleType:
    import email.utils  # noqa: PLC0415 - deferred to the first such date, see above

    return email.utils


@cache
def _yaml() -> tuple[ModuleType, type]:
    """PyYAML and the front matter's loader, made on the first file read (PyYAML takes ~20 ms
    to import, and a launch from the cache reads no file; issue 18, point 1)."""
    import yaml  # noqa: PLC0415 - deferred to the first read, see above

    class FrontMatterLoader(yaml.SafeLoader):
        """SafeLoader without the two things a hostile header abuses: aliases (a 456-byte alias
        bomb expands to gigabytes) are refused, and dates stay strings (2021-02-30 would raise;
        parse_date reads them and turns an impossible one into no date)."""

        def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("aliases are not read in front matter")
            return super().compose_node(parent, index)

    FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
    return yaml, FrontMatterLoader


def split_front_matter(raw: str) -> tuple[dict[str, Any], str]:
    """Return (fields, body). Broken YAML falls back to reading ``key: value`` lines."""
    match = _FENCE.match(raw)
    if not match:
        return {}, raw
    block, body = match.group(1), raw[match.end() :]
    yaml, loader = _yaml()
    try:
        fields = yaml.load(block, Loader=loader) if len(block) <= _MAX_YAML else None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        # broken, nested past Python's stack, or refused (aliases): the key: value lines
        fields = None
    if fields is None:
        fields = _loose_fields(block)
    if not isinstance(fields, dict):
        fields = _loose_fields(block)
    return {str(k).strip().lower(): v for k, v in fields.items()}, body


def _loose_fields(block: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for line in block.splitlines():
        m = _KEY_LINE.match(line.strip())
        if m and m.group(2):
            fields[m.group(1)] = m.group(2).strip().strip("'\"")
    return fields


def read_front_matter(fields: dict[str, Any]) -> FrontMatter:
    author = _text(_first(fields, "author", "authors", "作者"))
    return FrontMatter(
        title=_text(_first(fields, "title", "标题")),
        date=parse_date(_first(fields, "date", "published", "pubdate", "publish_date", "created", "日期")),
        source=_text(_first(fields, "source", "publisher", "site", "site_name", "来源", "media")) or author,
        author=author,
        url=_text(_first(fields, "url", "link", "source_url", "original", "canonical")),
        tags=_tags(fields.get("tags"), fields.get("categories"), fields.get("category")),
    )


def _first(fields: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = fields.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = "、".join(str(v) for v in value if v is not None)
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _tags(*values: Any) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value is None:
            continue
        items = value if isinstance(value, (list, tuple)) else re.split(r"[,，、;；]", str(value))
        for item in items:
            tag = _text(item)
            if tag:
                seen.setdefault(tag, None)
    return tuple(seen)


_CN_DATE = re.compile(r"(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})")


def parse_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` from YAML dates, RFC 2822, ISO 8601 or 2021年5月10日; else None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    m = _CN_DATE.search(text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    try:
        parsed = _email_utils().parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    return None
