"""The cleaner on broken, hostile and structured markup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.clean import clean_html, clean_markdown, looks_like_html
from reader.ingest.model import BlockKind, StyleKind


def _blocks(cleaned) -> list[tuple[str, str]]:
    return [(b.kind.value, cleaned.text[b.start : b.end]) for b in cleaned.blocks]


def test_clean_html_unclosed_tags_still_give_paragraphs() -> None:
    cleaned = clean_html("<div><p>第一段<p>第二段<b>加粗<p>第三段</div")
    assert [t for _, t in _blocks(cleaned)] == ["第一段", "第二段加粗", "第三段"]


def test_clean_html_drops_script_style_iframe_and_handlers() -> None:
    cleaned = clean_html(
        '<p onclick="steal()">正文<script>var x="正文外";</script></p><style>p{color:red}</style>'
        '<iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">链接文字</a>'
    )
    assert cleaned.text == "正文\n链接文字"


def test_clean_html_nested_tables_become_cells() -> None:
    cleaned = clean_html(
        "<table><tr><td>营收</td><td><table><tr><td>100亿元</td></tr></table></td></tr></table>"
    )
    assert [t for _, t in _blocks(cleaned)] == ["营收", "100亿元"]


def test_clean_html_ten_thousand_nested_divs() -> None:
    cleaned = clean_html("<div>" * 10_000 + "深处的正文" + "</div>" * 10_000)
    assert cleaned.text == "深处的正文"


def test_clean_html_keeps_link_words_drops_link() -> None:
    cleaned = clean_html('<p>张一鸣将<a class="project-link" data-name="字节跳动" href="https://36kr.com/p/1">字节跳动</a>打造成</p>')
    assert cleaned.text == "张一鸣将字节跳动打造成"


def test_clean_html_removes_space_between_cjk_but_not_latin() -> None:
    cleaned = clean_html("<p>抖音\n  电商 与 Tik Tok 合作</p>")
    assert cleaned.text == "抖音电商与 Tik Tok 合作"


def test_clean_html_strips_invisible_and_bidi_characters() -> None:
    cleaned = clean_html("<p>阿\u200b里\u202e巴\u2066巴\ufeff\x00集团</p>")
    assert cleaned.text == "阿里巴巴集团"


def test_clean_html_removes_bare_urls() -> None:
    cleaned = clean_html("<p>原文链接：https://mp.weixin.qq.com/s/abc 请查看</p>")
    assert "http" not in cleaned.text and "weixin" not in cleaned.text


@pytest.mark.parametrize(
    ("markup", "kind", "level"),
    [
        ("<h2>二、市场</h2>", BlockKind.HEADING, 2),
        ("<blockquote><p>编者按：引言</p></blockquote>", BlockKind.QUOTE, 0),
        ("<ul><li>要点一</li></ul>", BlockKind.LIST_ITEM, 0),
        ("<figure><img src=x alt=图><figcaption>图：发布会现场</figcaption></figure>", BlockKind.CAPTION, 0),
        ("<p><strong>低调的谈判</strong></p>", BlockKind.HEADING, 3),
        ("<p><strong>文 | 房宫一柳</strong></p>", BlockKind.PARAGRAPH, 0),
        ("<p><strong>字节跳动雇佣了数千名新员工。</strong></p>", BlockKind.PARAGRAPH, 0),
    ],
)
def test_clean_html_block_kinds(markup: str, kind: BlockKind, level: int) -> None:
    block = clean_html(markup).blocks[0]
    assert (block.kind, block.level) == (kind, level)


def test_clean_html_styles_are_trimmed_spans() -> None:
    cleaned = clean_html("<p>前文 <strong> 重点内容 </strong>后文<em>斜体</em></p>")
    spans = {(s.kind, cleaned.text[s.start : s.end]) for s in cleaned.styles}
    assert spans == {(StyleKind.BOLD, "重点内容"), (StyleKind.ITALIC, "斜体")}


@pytest.mark.parametrize(
    "junk",
    [
        '<div class="support-author"><div>给作者打赏，鼓励TA抓紧创作！</div><button>赞赏</button></div>',
        '<div class="share-bar">分享到微博</div>',
        '<div id="comments"><p>网友评论</p></div>',
        "<p>-END-</p>",
        "<p>- FIN -</p>",
        "<p>长按识别二维码关注我们</p>",
    ],
)
def test_clean_html_drops_page_furniture(junk: str) -> None:
    assert clean_html(f"<p>正文。</p>{junk}").text == "正文。"


def test_clean_html_footer_marker_ends_the_article() -> None:
    cleaned = clean_html("<p>正文。</p><p>推荐阅读</p><p>另一篇文章的标题</p>")
    assert cleaned.text == "正文。"


def test_clean_markdown_images_and_proxies_disappear() -> None:
    md = "![](https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/x.gif)\n\n**文 | 作者**\n\n正文 *强调* 一段。"
    cleaned = clean_markdown(md)
    assert cleaned.text == "文 | 作者\n正文强调一段。"


def test_clean_markdown_line_breaks_split_blocks() -> None:
    assert [t for _, t in _blocks(clean_markdown("第一行\n第二行"))] == ["第一行", "第二行"]


def test_clean_markdown_listing_header_removed() -> None:
    md = "产品名称\t标题\n公司名称\t某公司\n价格\t.00/个\n联系电话\t18800000000\n\n## 产品详情\n\n正文在这里。"
    assert clean_markdown(md).text == "正文在这里。"


def test_clean_markdown_indented_lines_are_not_code() -> None:
    assert clean_markdown("    缩进的一段正文。").text == "缩进的一段正文。"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<div><p>正文</p></div>", True),
        ("\n   <p>正文</p>", True),
        ("# 标题\n\n正文一段。", False),
        ("正文里提到 <br> 一次。", False),
    ],
)
def test_looks_like_html(body: str, expected: bool) -> None:
    assert looks_like_html(body) is expected


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_clean_html_never_raises_and_blocks_fit(markup: str) -> None:
    for cleaned in (clean_html(markup), clean_markdown(markup)):
        for block in cleaned.blocks:
            piece = cleaned.text[block.start : block.end]
            assert piece and piece == piece.strip()
