"""Reprint detection: precision and recall on generated copies of real articles, and its cost.

Each real article (the 17 posts of ../shared/corpus and the 5 seeds) gets copies the way Chinese
media re-publish: a new header ("本文来自…，…经授权发布", a byline), a new footer (a copyright line,
an editor, a promotion), a cut (the first or last paragraphs gone), light edits (characters
replaced, a sentence dropped, punctuation changed), and all of these at once. Against them:
every pair of different articles (all business and tech news, several from one site on one
day), made harder by giving copies of different stories the *same* outlets' headers and footers,
by a cut copy of each story that also quotes one paragraph of the next story ("据此前报道，…"),
which belongs to its own story and must not join the quoted one (which would merge the two), and
by digests made of the opening third of six stories each (a 早报 of briefs), which are copies of
none of them.

The whole pool is grouped as a library would be, and every pair is scored: a pair is predicted
a reprint when both land in one story.

    python bench/reprints.py                 # precision and recall on the pool
    python bench/reprints.py --sweep         # the same for other shingle sizes and thresholds
    python bench/reprints.py --speed DIR     # sketching and grouping time over a folder (10k)
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.ingest.load import load_file  # noqa: E402
from reader.library import reprints  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
OUTLETS = ["36氪", "虎嗅", "腾讯科技", "钛媒体", "界面新闻", "晚点LatePost", "鸟哥笔记", "人人都是产品经理"]
NAMES = ["刘雨洁", "黄俊杰", "王佳", "陈思", "李明", "赵一", "周航", "吴桐"]
PROMOS = [
    "推荐阅读：一周热文回顾，点击关注我们的公众号，获取更多科技与商业资讯。扫码加入读者群，与作者直接交流。",
    "想第一时间看到更多深度报道？欢迎下载APP，订阅我们的早报和晚报，每天十分钟看懂商业世界发生了什么。",
    "本文不构成任何投资建议。市场有风险，投资需谨慎。如需转载请联系后台，并注明作者和出处，谢谢合作。",
]


def bases() -> list[str]:
    paths = sorted(CORPUS.glob("*.md")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [load_file(p, p.parent).text for p in paths if p.name != "README.md"]


def header(rng: random.Random) -> str:
    origin, outlet = rng.sample(OUTLETS, 2)
    return rng.choice(
        [
            f"本文来自{origin}，{outlet}经授权发布。\n作者｜{rng.choice(NAMES)}",
            f"来源：{origin}（ID：{origin}pro）\n作者：{rng.choice(NAMES)}\n编辑：{rng.choice(NAMES)}",
            f"编者按：本文转载自微信公众号“{origin}”，原标题如下，{outlet}经授权转载。",
        ]
    )


def footer(rng: random.Random) -> str:
    origin = rng.choice(OUTLETS)
    return rng.choice(
        [
            f"本文由{origin}原创出品，未经许可，任何渠道、平台请勿转载。违者必究。\n责任编辑：{rng.choice(NAMES)}",
            f"（本文首发于{origin}APP，作者：{rng.choice(NAMES)}）\n{rng.choice(PROMOS)}",
            f"{rng.choice(PROMOS)}\n{rng.choice(PROMOS)}",
        ]
    )


def trim(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    keep = max(2, round(len(lines) * rng.uniform(0.5, 0.8)))
    return "\n".join(lines[:keep] if rng.random() < 0.7 else lines[-keep:])


def edit(text: str, rng: random.Random) -> str:
    """Light edits: ~2 % of characters replaced, one sentence dropped, punctuation changed."""
    chars = list(text)
    for _ in range(len(chars) // 50):
        i = rng.randrange(len(chars))
        if "\u4e00" <= chars[i] <= "\u9fff":
            chars[i] = chr(rng.randint(0x4E00, 0x9FA5))
    text = "".join(chars).replace("，", ",").replace("“", "「").replace("”", "」")
    sentences = text.split("。")
    if len(sentences) > 4:
        del sentences[rng.randrange(1, len(sentences) - 1)]
    return "。".join(sentences)


def copies(text: str, rng: random.Random) -> list[str]:
    return [
        header(rng) + "\n" + text,
        text + "\n" + footer(rng),
        trim(text, rng),
        edit(text, rng),
        header(rng) + "\n" + edit(trim(text, rng), rng) + "\n" + footer(rng),
    ]


def pool(seed: int = 1) -> tuple[list[str], list[int]]:
    """Texts and, for each, the story it is a copy of."""
    rng = random.Random(seed)
    texts: list[str] = []
    story: list[int] = []
    originals = bases()
    for n, text in enumerate(originals):
        for copy in [text, *copies(text, rng)]:
            texts.append(copy)
            story.append(n)
    for n, text in enumerate(originals):  # a cut copy of story n quoting a paragraph of story n + 1
        quoted_story = originals[(n + 1) % len(originals)]
        paragraphs = [p for p in quoted_story.split("\n") if len(p) > 60] or [quoted_story[:200]]
        half = text[: len(text) // 2]
        texts.append(half + "\n" + f"据此前报道，{rng.choice(paragraphs)}")
        story.append(n)
    for n in range(0, len(originals), 6):  # a digest: the opening third of six stories, one after another
        parts = [t[: len(t) // 3] for t in originals[n : n + 6]]
        texts.append("\n".join(f"{k + 1}、{part}" for k, part in enumerate(parts)))
        story.append(2 * len(originals) + n)  # a story of its own, not a copy of any of the six
    return texts, story


def score(texts: list[str], story: list[int]) -> dict[str, float]:
    sketches = [reprints.sketch(t) for t in texts]
    groups = reprints.group(texts, sketches)
    predicted = {pair for g in groups for pair in itertools.combinations(g, 2)}
    truth = {(i, j) for i, j in itertools.combinations(range(len(texts)), 2) if story[i] == story[j]}
    hits = len(predicted & truth)
    return {
        "texts": len(texts),
        "true pairs": len(truth),
        "other pairs": len(texts) * (len(texts) - 1) // 2 - len(truth),
        "precision": hits / len(predicted) if predicted else 1.0,
        "recall": hits / len(truth) if truth else 1.0,
        "false pairs": len(predicted - truth),
        "missed pairs": len(truth - predicted),
    }


def speed(folder: Path) -> None:
    from reader.errors import IngestError  # noqa: PLC0415 - only for this mode
    from reader.ingest.load import is_html, parse_article, read_file  # noqa: PLC0415
    from reader.library.corpus import find_articles  # noqa: PLC0415

    texts = []
    for found in find_articles([folder])[0]:
        try:
            texts.append(parse_article(read_file(found), found.relative, html=is_html(found.path)).text)
        except IngestError as error:  # a bench skips what it cannot read, and says so
            print(f"skipped {found.relative}: {error.message}", file=sys.stderr)
    t = time.perf_counter()
    sketches = [reprints.sketch(t) for t in texts]
    sketching = time.perf_counter() - t
    t = time.perf_counter()
    groups = reprints.group(texts, sketches)
    grouping = time.perf_counter() - t
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars / 1e6:.1f}M chars")
    print(f"sketching (one process)  {sketching:.2f} s  ({sketching / len(texts) * 1e3:.3f} ms/article)")
    print(f"grouping                 {grouping:.2f} s  ({len(groups)} stories of 2+, {sum(map(len, groups))} articles in them)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--speed", type=Path)
    args = parser.parse_args()
    if args.speed:
        speed(args.speed)
        return
    pools = [pool(seed) for seed in range(1, 6)]  # five draws of the same kinds of copies
    if not args.sweep:
        total = {"true": 0, "predicted": 0, "hits": 0}
        for seed, (texts, story) in enumerate(pools, 1):
            s = score(texts, story)
            print(
                f"pool {seed}: {s['texts']} texts, {s['true pairs']} true pairs of {s['true pairs'] + s['other pairs']}:"
                f"  precision {s['precision']:.3f}  recall {s['recall']:.3f}  ({s['false pairs']} false, {s['missed pairs']} missed)"
            )
            hits = s["true pairs"] - s["missed pairs"]
            total["true"] += s["true pairs"]
            total["hits"] += hits
            total["predicted"] += hits + s["false pairs"]
        print(f"all pools: precision {total['hits'] / total['predicted']:.3f}  recall {total['hits'] / total['true']:.3f}")
        return
    texts, story = pools[0]
    print("shingle  containment  precision  recall  false  missed")
    for size, threshold in itertools.product((3, 4, 5, 6), (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)):
        reprints.SHINGLE, reprints.CONTAINMENT = size, threshold
        s = score(texts, story)
        print(f"{size:7d}  {threshold:11.2f}  {s['precision']:9.3f}  {s['recall']:6.3f}  {s['false pairs']:5d}  {s['missed pairs']:6d}")


if __name__ == "__main__":
    main()
