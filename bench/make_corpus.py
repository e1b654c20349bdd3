"""Write N realistic articles for benchmarks by recombining the seeds' paragraphs.

Names, figures, dates, sources and file formats (Markdown and HTML with front matter, a bare
HTML page, a GBK text file) are varied; the output is the same for the same --seed.

    python bench/make_corpus.py 10000 /tmp/corpus10k
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import re
from pathlib import Path

from reader.ingest.load import load_file
from reader.ingest.model import BlockKind

ROOT = Path(__file__).resolve().parent.parent
SWAPS = [
    ["字节跳动", "腾讯", "阿里巴巴", "百度", "美团", "京东", "拼多多", "快手", "小米", "网易"],
    ["抖音", "微信", "淘宝", "快手", "小红书", "B站", "微博", "知乎"],
    ["张一鸣", "马化腾", "马云", "李彦宏", "王兴", "刘强东", "黄峥", "雷军", "丁磊"],
    ["康泽宇", "张楠", "梁汝波", "程一笑", "宿华", "徐雷", "戴珊"],
    ["北京", "上海", "深圳", "杭州", "广州", "成都", "武汉", "南京"],
]
SOURCES = ["36kr", "晚点团队", "鸟哥笔记", "人人都是产品经理", "虎嗅", "钛媒体", "界面新闻", "财新"]
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def paragraphs() -> tuple[list[str], list[str]]:
    texts, headings = [], []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        article = load_file(path, path.parent)
        for block in article.blocks:
            piece = article.text[block.start : block.end]
            (headings if block.kind is BlockKind.HEADING else texts).append(piece)
    return texts, headings


def vary(text: str, rng: random.Random) -> str:
    for group in SWAPS:
        if rng.random() < 0.5:
            a, b = rng.sample(group, 2)
            text = text.replace(a, "\0").replace(b, a).replace("\0", b)
    return NUMBER.sub(lambda m: _number(m.group(), rng), text)


def _number(digits: str, rng: random.Random) -> str:
    if len(digits) == 4 and digits.startswith("20"):  # a year stays a plausible year
        return str(rng.randint(2016, 2024))
    value = float(digits) * rng.uniform(0.5, 1.8)
    return f"{value:.1f}" if "." in digits else str(max(1, round(value)))


def article(i: int, pool: tuple[list[str], list[str]], rng: random.Random) -> tuple[str, bytes]:
    texts, headings = pool
    body: list[tuple[str, str]] = []
    for n in range(rng.randint(8, 30)):
        if n and n % 7 == 0:
            body.append(("h", vary(rng.choice(headings), rng)))
        body.append(("p", vary(rng.choice(texts), rng)))
    title = vary(rng.choice(headings), rng)[:40] or f"文章{i}"
    date = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 6))
    source = rng.choice(SOURCES)
    front = f"---\ntitle: '{title}'\ndate: {date.isoformat()}\nauthor: {source}\ntags: [电商, 互联网]\n---\n\n"
    form = rng.random()
    if form < 0.45:
        text = front + "\n\n".join(("## " + t) if k == "h" else t for k, t in body)
        return f"{i:05d}.md", text.encode()
    if form < 0.85:
        parts = "".join(
            f"<h2>{html.escape(t)}</h2>" if k == "h" else f'<p style="font-size:16px">{html.escape(t)}</p>'
            for k, t in body
        )
        return f"{i:05d}.txt", (front + f"<div>{parts}</div>").encode()
    if form < 0.95:
        parts = "".join(f"<p>{html.escape(t)}</p>" for _, t in body)
        page = (
            f"<html><head><title>{html.escape(title)}</title><meta property='og:site_name' content='{source}'>"
            f"<meta property='article:published_time' content='{date}'></head><body><nav>首页</nav>"
            f"<article><h1>{html.escape(title)}</h1>{parts}</article><div class='related'>相关阅读</div></body></html>"
        )
        return f"{i:05d}.html", page.encode()
    return f"{i:05d}.txt", (front + "\n\n".join(t for _, t in body)).encode("gb18030")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pool = paragraphs()
    for i in range(args.count):
        name, data = article(i, pool, random.Random(args.seed * 1_000_003 + i))
        folder = args.out / f"{i // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


if __name__ == "__main__":
    main()
