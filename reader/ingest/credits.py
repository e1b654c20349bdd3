"""Who wrote and edited an article, and which account it came from, read from its bylines.

Chinese media put the credits in lines of their own at the top or the bottom — "文 | 房宫一柳",
"编辑 | 黄俊杰", "作者 | 刘雨洁", "本文来自微信公众号“不二研究”（ID：bueryanjiu），作者：艺馨熊生" —
while the front matter's author is often only the feed's name. The header shows these credits.
(The lines stay in the text: names in them are names the article gives.)
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
# Credits stand in the first or the last few blocks.
_EDGE_BLOCKS = 4


def credits_in(text: str, blocks: Sequence[Block]) -> tuple[tuple[str, str], ...]:
    """(role, name) pairs from the byline lines at the top and bottom of ``text``, in order,
    each pair once: ("作者", "房宫一柳"), ("编辑", "黄俊杰"), ("来源", "不二研究")."""
    edge = list(blocks[:_EDGE_BLOCKS]) + [b for b in blocks[-_EDGE_BLOCKS:] if b not in blocks[:_EDGE_BLOCKS]]
    found: list[tuple[str, str]] = []
    for block in edge:
        line = text[block.start : block.end]
        if _CREDIT_LINE.match(line):
            found.extend((_ROLES[m.group(1)], m.group(2)) for m in _CREDIT.finditer(line))
            continue
        account = _ACCOUNT.search(line)
        if account is not None:
            found.append(("来源", account.group(1)))
            writer = _WRITER.search(line)
            if writer is not None:
                found.append(("作者", writer.group(1)))
    return tuple(dict.fromkeys(found))
