"""Who wrote and edited an article, and which account it came from, read from its bylines.

Chinese media put the credits in lines of their own at the top or the bottom — "文 | 房宫一柳",
"编辑 | 黄俊杰", "作者 | 刘雨洁", "本文来自微信公众号“不二研究”（ID：bueryanjiu），作者：艺馨熊生" —
while the front matter's author is often only the feed's name. The header shows these credits,
and the view does not lay the byline lines out a second time. (The lines stay in the text: names
in them are names the article gives, and a jump to one shows its line again.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.ingest.model import Block

# Roles as bylines write them → the role the header says.
_ROLES = {
    "文": "作者", "作者": "作者", "撰文": "作者", "记者": "作者",
    "编辑": "编辑", "责编": "编辑", "责任编辑": "编辑", "主编": "编辑",
    "出品": "出品", "策划": "策划", "整理": "整理", "编译": "编译",
}  # fmt: skip
_ROLE = "|".join(sorted(_ROLES, key=len, reverse=True))
_NAME = r"[^\s|｜丨:：/，,。；;（(）)“”\"]{2,20}"
# "文 | 房宫一柳", "编辑：黄俊杰", "文 | 甲  编辑 | 乙": a line of credits and nothing else
_CREDIT = re.compile(rf"({_ROLE})\s*[|｜丨:：/]\s*({_NAME})")
_CREDIT_LINE = re.compile(rf"^(?:\s*(?:{_ROLE})\s*[|｜丨:：/]\s*{_NAME}\s*[/|｜丨，,]?)+\s*$")
# "本文来自微信公众号“不二研究”（ID：…），作者：艺馨熊生", "微信公众号：半佛仙人（ID：…）"
_ACCOUNT = re.compile(r"(?:微信)?公众号[:：]?\s*[“「\"]?([^”」\"（(，,：:\s]{2,20})[”」\"]?\s*[（(]\s*ID")
_WRITER = re.compile(rf"作者[:：]\s*({_NAME})")
# "编者按：本文来自腾讯科技，36氪经授权发布。": a reprint's attribution, naming where it came from
_REPRINTED = re.compile(r"^(?:编者按[:：]\s*)?本文来自[“「\"]?([^，,。“”「」\"\s]{2,20}?)[”」\"]?[，,]\s*\S{2,20}?经授权发布[。.]?\s*$")
# Credits stand in the first or the last few blocks.
_EDGE_BLOCKS = 4
# An account line longer than this says more than where the article came from: it stays shown.
_ACCOUNT_LINE_MAX = 160


def _credits_of(line: str) -> list[tuple[str, str]]:
    """The (role, name) pairs of one byline line, or [] when the line is not a byline."""
    if _CREDIT_LINE.match(line):
        return [(_ROLES[m.group(1)], m.group(2)) for m in _CREDIT.finditer(line)]
    reprinted = _REPRINTED.match(line)
    if reprinted is not None:
        return [("来源", reprinted.group(1))]
    account = _ACCOUNT.search(line)
    if account is None:
        return []
    writer = _WRITER.search(line)
    return [("来源", account.group(1))] + ([("作者", writer.group(1))] if writer is not None else [])


def _edge(blocks: Sequence[Block]) -> list[Block]:
    return list(blocks[:_EDGE_BLOCKS]) + [b for b in blocks[-_EDGE_BLOCKS:] if b not in blocks[:_EDGE_BLOCKS]]


def credits_in(text: str, blocks: Sequence[Block]) -> tuple[tuple[str, str], ...]:
    """(role, name) pairs from the byline lines at the top and bottom of ``text``, in order,
    each pair once: ("作者", "房宫一柳"), ("编辑", "黄俊杰"), ("来源", "不二研究")."""
    found = [pair for block in _edge(blocks) for pair in _credits_of(text[block.start : block.end])]
    return tuple(dict.fromkeys(found))


def byline_blocks(text: str, blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks whose whole line is a byline: what the header says already."""
    return tuple(
        block
        for block in _edge(blocks)
        if block.end - block.start <= _ACCOUNT_LINE_MAX and _credits_of(text[block.start : block.end])
    )
