"""Writes the hostile input set: files a reader meets when people save pages from the web.

Generated rather than committed because some are large (50 MB) or cannot live in git (a
symlink loop, an unreadable file). ``python tests/data/hostile/make.py OUT`` writes it to OUT,
and the W3C annotation files for ``reader notes import`` to OUT/annotations.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

GOOD = "---\ntitle: 正常的文章\ndate: 2021-05-10\n---\n\n阿里巴巴与字节跳动在电商领域竞争。\n"
CJK = "抖音电商的交易额在2021年达到了一万亿元，同比增长超过一倍。"

# name -> (bytes, expectation): "ok" opens clean; "error" is reported in errors with a reason.
FILES: dict[str, tuple[bytes, str]] = {
    "good.md": (GOOD.encode(), "ok"),
    "binary.txt": (bytes(range(256)) * 64, "error"),
    "png-named.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(4000), "error"),
    "zero.md": (b"", "error"),
    "nul-chars.md": (f"# 标题\n\n{CJK}\x00\x00{CJK}".encode(), "ok"),
    "unclosed.html": (f"<html><body><div><p>{CJK}<p><b>加粗<i>斜体<table><tr><td>单元格".encode(), "ok"),
    "nested-divs.html": (("<div>" * 10_000 + CJK + "</div>" * 10_000).encode(), "ok"),
    "scripts.html": (
        (
            "<html><head><script>fetch('http://evil.example/x')</script><style>body{}</style></head>"
            f"<body onload=\"steal()\"><p onclick=\"alert(1)\">{CJK}</p>"
            "<iframe src=\"https://evil.example\"></iframe>"
            "<a href=\"javascript:alert(1)\">脚本链接</a> <a href=\"file:///etc/passwd\">本地文件</a>"
            "<img src=\"https://tracker.example/pixel.gif\" onerror=\"alert(2)\">"
            "<object data=\"x.swf\"></object><svg onload=\"alert(3)\"><script>alert(4)</script></svg>"
            "</body></html>"
        ).encode(),
        "ok",
    ),
    "invalid-utf8.md": (CJK.encode() * 50 + b"\xff\xfe\xc3\x28" + CJK.encode(), "ok"),
    "gbk-as-utf8.html": (
        f'<html><head><meta charset="utf-8"></head><body><p>{CJK * 4}</p></body></html>'.encode("gbk"),
        "ok",
    ),
    "big5-as-utf8.txt": (("騰訊公佈第三季度業績，微信月活躍用戶數量持續增長。" * 6).encode("big5"), "ok"),
    "bom.md": (b"\xef\xbb\xbf" + GOOD.encode(), "ok"),
    "broken-yaml.md": (f"---\ntitle: [未闭合\ndate: : :\n---\n{CJK}".encode(), "ok"),
    "front-matter-only.md": (b"---\ntitle: only\ndate: 2021-01-01\n---\n", "error"),
    "rtl-zero-width.md": (f"阿\u200b里\u202e巴\u2066巴\u200d{CJK}\u2069".encode(), "ok"),
    "long-line.txt": (("字" * 100_000).encode(), "ok"),
    "crlf.md": (GOOD.replace("\n", "\r\n").encode(), "ok"),
    # issue 20: one file's header must never stop the library
    "impossible-date.md": (f"---\ntitle: 坏日期\ndate: 2021-02-30\n---\n\n{CJK}".encode(), "ok"),
    "zero-date.md": (f"---\ntitle: 零日期\ndate: 0000-00-00\n---\n\n{CJK}".encode(), "ok"),
    "alias-bomb.md": (
        (
            "---\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
            + "".join(f"{c}: &{c} [" + ",".join([f"*{chr(ord(c) - 1)}"] * 9) + "]\n" for c in "bcdefghi")
            + f"title: 炸弹\n---\n\n{CJK}"
        ).encode(),
        "ok",
    ),
    "deep-yaml.md": (("---\ntitle: " + "[" * 5000 + "]" * 5000 + f"\n---\n\n{CJK}").encode(), "ok"),
    "html-title.md": (f'---\ntitle: <img src="/dev/zero">标题\n---\n\n{CJK}'.encode(), "ok"),
}


def make(out: Path, *, large: bool = True) -> dict[str, str]:
    """Write the set into ``out``; return file name -> expectation."""
    out.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}
    for name, (data, expectation) in FILES.items():
        (out / name).write_bytes(data)
        expected[name] = expectation
    if large:
        paragraph = (CJK * 30 + "\n\n").encode()
        with (out / "huge-50mb.md").open("wb") as f:
            for _ in range(50 * 2**20 // len(paragraph) + 1):
                f.write(paragraph)
        expected["huge-50mb.md"] = "error"
    (out / "folder.md").mkdir(exist_ok=True)  # a directory named like an article: skipped
    (out / "folder.md" / "inside.md").write_bytes(GOOD.encode())
    expected["folder.md/inside.md"] = "ok"
    loop = out / "loop"
    loop.mkdir(exist_ok=True)
    if not (loop / "again").exists():
        os.symlink(out, loop / "again")
    # A named pipe would block a read for ever, a link to /dev/zero never end: both reported.
    fifo = out / "pipe.md"
    if not fifo.exists():
        os.mkfifo(fifo)
    expected["pipe.md"] = "error"
    device = out / "device.md"
    if not device.is_symlink():
        os.symlink("/dev/zero", device)
    expected["device.md"] = "error"
    unreadable = out / "unreadable.md"
    unreadable.write_bytes(GOOD.encode())
    unreadable.chmod(0)
    expected["unreadable.md"] = "error" if not os.access(unreadable, os.R_OK) else "ok"
    return expected


def _w3c(*items: object) -> bytes:
    return json.dumps({"type": "AnnotationPage", "items": list(items)}, ensure_ascii=False).encode()


def _note(body: str, **position: int) -> dict[str, object]:
    """A note from another tool on 阿里巴巴 in good.md; ``start``/``end`` add a position."""
    selectors: list[dict[str, object]] = [{"type": "TextQuoteSelector", "exact": "阿里巴巴"}]
    if position:
        selectors.append({"type": "TextPositionSelector", **position})
    return {"type": "Annotation", "bodyValue": body, "target": {"source": "good.md", "selector": selectors}}


# issue 20: W3C annotation files for `reader notes import` into a library holding good.md.
# name -> (bytes, expectation): "ok" imports; "error" exits 2 naming the problem, importing nothing.
ANNOTATION_FILES: dict[str, tuple[bytes, str]] = {
    "w3c-bom.json": (b"\xef\xbb\xbf" + _w3c(_note("带 BOM 的文件")), "ok"),
    "w3c-same-words.json": (_w3c(_note("第一条"), _note("第二条")), "ok"),
    "w3c-deep.json": (b"[" * 100_000 + b"]" * 100_000, "error"),
    "w3c-items-5.json": (b'{"type": "AnnotationPage", "items": 5}', "error"),
    "w3c-huge-offset.json": (_w3c(_note("好的"), _note("太远", start=10**30, end=10**30 + 4)), "error"),
    "w3c-non-dict-items.json": (_w3c(_note("好的"), 5, "junk", None), "error"),
}


def make_annotations(out: Path) -> dict[str, str]:
    """Write the annotation files into ``out``; return file name -> expectation."""
    out.mkdir(parents=True, exist_ok=True)
    for name, (data, _) in ANNOTATION_FILES.items():
        (out / name).write_bytes(data)
    return {name: expectation for name, (_, expectation) in ANNOTATION_FILES.items()}


if __name__ == "__main__":
    for name, expectation in make(Path(sys.argv[1])).items():
        print(f"{expectation}\t{name}")
    for name, expectation in make_annotations(Path(sys.argv[1]) / "annotations").items():
        print(f"{expectation}\tannotations/{name}")
