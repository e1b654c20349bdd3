"""The five seeds against their gold, and whole-file behaviour on nasty inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import IngestError
from reader.ingest.load import MAX_BYTES, load_file, parse_article
from reader.ingest.model import Block, BlockKind

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "tests" / "data" / "gold").glob("*.json"))


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem[:3])
def test_load_seed_matches_gold_header_and_snippets(gold_path: Path, seeds_dir: Path) -> None:
    gold = _gold(gold_path)
    article = load_file(seeds_dir / gold["file"], seeds_dir)
    assert (article.title, article.date, article.source) == (gold["title"], gold["date"], gold["source"])
    positions = [article.text.find(s) for s in gold["body_must_contain"]]
    assert -1 not in positions, [s for s, p in zip(gold["body_must_contain"], positions) if p < 0]
    assert positions == sorted(positions), "must-contain snippets out of reading order"
    leaked = [s for s in gold["body_must_not_contain"] if s in article.text]
    assert not leaked


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem[:3])
def test_load_seed_blocks_are_trimmed_and_cover_text(gold_path: Path, seeds_dir: Path) -> None:
    article = load_file(seeds_dir / _gold(gold_path)["file"], seeds_dir)
    pieces = [article.text[b.start : b.end] for b in article.blocks]
    assert all(p and p == p.strip() and "\n" not in p for p in pieces)
    assert "\n".join(pieces) == article.text
    for tag in ("<", "http", "style=", "{", "}"):
        assert tag not in article.text


def test_load_seed_keeps_headings_and_quotes(seeds_dir: Path) -> None:
    article = load_file(seeds_dir / "003_d9a60fa3b91861a6.txt", seeds_dir)
    headings = [article.text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.HEADING]
    assert "一、跨境电商成香饽饽" in headings
    quote = next(b for b in article.blocks if b.kind is BlockKind.QUOTE)
    assert article.text[quote.start : quote.end].startswith("编辑导语")


def test_load_seed_drops_tip_jar_and_cover_credit(seeds_dir: Path) -> None:
    """The cover picture's credit is a leftover of the source page (issue 17, point 6)."""
    article = load_file(seeds_dir / "003_d9a60fa3b91861a6.txt", seeds_dir)
    assert "赞赏" not in article.text and "打赏" not in article.text
    assert "题图来自" not in article.text
    assert "禁止转载" not in article.text
    assert "这也意味着其接下来还有很长的路要走。" in article.text


def test_load_listing_page_drops_listing_header(seeds_dir: Path) -> None:
    article = load_file(seeds_dir / "004_ccb7951fde3b98f9.txt", seeds_dir)
    assert article.title == "抖音举起兴趣电商屠龙刀"
    assert article.text.startswith("摸索电商近3年后")


def test_load_keeps_emphasis_as_styles(seeds_dir: Path) -> None:
    article = load_file(seeds_dir / "000_92185e7afd4ccf9e.txt", seeds_dir)
    bold = [article.text[s.start : s.end] for s in article.styles]
    assert any(b.startswith("1、字节跳动雇佣了数千名新员工") for b in bold)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000, "binary"),
        (b"---\ntitle: x\n---\n", "front matter but no article text"),
        (b"<script>alert(1)</script><style>p{}</style>", "no readable text"),
    ],
)
def test_parse_article_rejects_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        parse_article(data, "bad.md")
    assert info.value.file == "bad.md" and reason in info.value.message


def test_parse_article_gbk_bytes() -> None:
    text = "---\ntitle: 阿里巴巴财报\n---\n阿里巴巴集团今日公布季度业绩，营收同比增长百分之十。\n\n淘宝天猫的商品交易额继续上升。"
    article = parse_article(text.encode("gbk"), "gbk.md")
    assert article.title == "阿里巴巴财报"
    assert "淘宝天猫的商品交易额继续上升" in article.text


def test_parse_article_big5_bytes() -> None:
    text = "騰訊公佈第三季度業績，微信月活躍用戶數量持續增長，遊戲業務收入超出市場預期。" * 3
    article = parse_article(text.encode("big5"), "big5.txt")
    assert "微信月活躍用戶" in article.text


def test_parse_article_bom_and_crlf() -> None:
    data = "\ufeff---\r\ntitle: 标题\r\ndate: 2021-05-10\r\n---\r\n第一段。\r\n\r\n第二段。\r\n".encode()
    article = parse_article(data, "bom.md")
    assert (article.title, article.date, article.text) == ("标题", "2021-05-10", "第一段。\n第二段。")


def test_parse_article_without_front_matter_uses_heading_as_title() -> None:
    article = parse_article("# 小米发布新品\n\n雷军在发布会上说。".encode(), "x.md")
    assert article.title == "小米发布新品" and article.text == "雷军在发布会上说。"


def test_parse_article_without_any_title_uses_file_stem() -> None:
    assert parse_article("正文一段。".encode(), "dir/报道.txt").title == "报道"


def test_parse_html_file_reads_meta() -> None:
    html = """<html><head><title>页面标题</title>
    <meta property="og:site_name" content="虎嗅"><meta name="author" content="张三">
    <meta property="article:published_time" content="2023-03-01T08:00:00+08:00"></head>
    <body><nav>首页 | 科技</nav><article><h1>页面标题</h1><p>美团发布财报。</p></article>
    <div class="comment-box">评论区</div></body></html>"""
    article = parse_article(html.encode(), "a.html", html=True)
    assert (article.title, article.source, article.author, article.date) == ("页面标题", "虎嗅", "张三", "2023-03-01")
    assert article.text == "美团发布财报。"


def test_load_file_too_large_is_reported(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(IngestError, match="too large"):
        load_file(big, tmp_path)


def test_load_file_20mb_article_loads(tmp_path: Path) -> None:
    paragraph = "字节跳动旗下的抖音电商在2021年的GMV达到了一万亿元，同比增长超过三倍。" * 20
    path = tmp_path / "huge.md"
    path.write_text(("\n\n".join([paragraph] * 10500)), encoding="utf-8")
    assert path.stat().st_size > 20 * 2**20
    article = load_file(path, tmp_path)
    assert len(article.blocks) == 10500


def test_load_file_directory_named_like_article(tmp_path: Path) -> None:
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(IngestError, match="folder"):
        load_file(tmp_path / "folder.md", tmp_path)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048), st.booleans())
def test_parse_article_arbitrary_bytes_gives_article_or_ingest_error(data: bytes, html: bool) -> None:
    try:
        article = parse_article(data, "fuzz.md", html=html)
    except IngestError as error:
        assert error.file == "fuzz.md" and error.message
    else:
        assert article.text and all(article.text[b.start : b.end] for b in article.blocks)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 3), (1.0, 2)])
def test_block_rejects_bad_span_naming_the_numbers(start: object, end: object) -> None:
    with pytest.raises(ValueError, match="paragraph block"):
        Block(BlockKind.PARAGRAPH, start, end)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("header", "title", "date"),
    [
        ("title: 坏日期\ndate: 2021-02-30", "坏日期", None),  # an impossible date is no date
        ("title: 零日期\ndate: 0000-00-00", "零日期", None),
        ("title: 好日期\ndate: 2021-02-28", "好日期", "2021-02-28"),
        # an alias bomb is refused and the header read line by line, in bounded time and memory
        ("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\ntitle: 炸弹", "炸弹", None),
    ],
)
def test_front_matter_never_stops_a_file(header: str, title: str, date: str | None) -> None:
    from reader.ingest.load import parse_article

    article = parse_article(f"---\n{header}\n---\n\n字节跳动发布财报。\n".encode(), "a.md")
    assert (article.title, article.date) == (title, date)


def test_a_pipe_or_device_is_reported_not_read(tmp_path: Path) -> None:
    import os

    from reader.errors import IngestError
    from reader.ingest.discover import Found
    from reader.ingest.load import read_file

    os.mkfifo(tmp_path / "pipe.md")
    os.symlink("/dev/zero", tmp_path / "zero.md")
    for name in ("pipe.md", "zero.md"):
        with pytest.raises(IngestError, match="not a regular file"):
            read_file(Found(path=tmp_path / name, root=tmp_path))


@pytest.mark.parametrize(
    "line",
    [
        "扫码进群，看点新鲜的",
        "题图来自 Unsplash，基于 CC0 协议",
        "头图来自：视觉中国",
        "本文由 @半佛仙人授权发布于人人都是产品经理，未经许可，禁止转载",
        "来源：",
        "风险提示：本文不构成投资建议，市场有风险，投资需谨慎。",
        "免责声明：文章内容仅供参考。",
    ],
)
def test_leftovers_of_the_source_page_go(tmp_path: Path, line: str) -> None:
    (tmp_path / "a.md").write_text(f"# 标题\n\n正文第一段。\n\n{line}\n\n正文第二段。\n", encoding="utf-8")
    article = load_file(tmp_path / "a.md", tmp_path)
    assert article.text.split("\n") == ["正文第一段。", "正文第二段。"]


def test_a_sentence_that_mentions_a_risk_warning_stays(tmp_path: Path) -> None:
    text = "乐视还专门发布了风险提示，向投资者们指出乐视当前面临的种种风险。"
    (tmp_path / "a.md").write_text(f"# 标题\n\n{text}\n", encoding="utf-8")
    assert load_file(tmp_path / "a.md", tmp_path).text == text


@pytest.mark.parametrize(
    ("lines", "credits"),
    [
        (["文 | 房宫一柳", "编辑 | 黄俊杰"], (("作者", "房宫一柳"), ("编辑", "黄俊杰"))),
        (["作者 | 刘雨洁"], (("作者", "刘雨洁"),)),
        (["本文来自微信公众号“不二研究”（ID：bueryanjiu），作者：艺馨熊生，36氪经授权发布。"], (("来源", "不二研究"), ("作者", "艺馨熊生"))),
        (["作者：半佛仙人，微信公众号：半佛仙人（ID：banfoSB）"], (("来源", "半佛仙人"), ("作者", "半佛仙人"))),
        (["编辑部认为这个作者：很好。"], ()),  # a sentence, not a byline
        (["编者按：本文来自腾讯科技，36氪经授权发布。"], (("来源", "腾讯科技"),)),  # a reprint's attribution
        (["本文来自腾讯科技的报道，多家媒体经授权发布了更多细节，值得一读。"], ()),
    ],
)
def test_bylines_become_the_articles_credits(tmp_path: Path, lines: list[str], credits: tuple) -> None:  # type: ignore[type-arg]
    """Issue 17, point 6: the byline's writer, editor and account belong in the header."""
    body = "\n\n".join([*lines, "正文第一段。", "正文第二段。"])
    (tmp_path / "a.md").write_text(f"# 标题\n\n{body}\n", encoding="utf-8")
    assert load_file(tmp_path / "a.md", tmp_path).credits == credits
