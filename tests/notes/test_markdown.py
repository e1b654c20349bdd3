from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.errors import ExportError
from reader.ingest.model import Article
from reader.notes import output
from reader.notes.markdown import blockquote, build_document, escape, export_markdown, obsidian_tag, render
from reader.notes.model import Color, Kind, Selector, new_annotation
from reader.notes.output import inside, safe_filename, write_atomic

LIB = "/data/articles"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _rendered(markdown: str) -> tuple[str, set[str]]:
    """The text content of the Markdown rendered as CommonMark with tables and strikethrough
    (GFM's additions Obsidian also has), and the HTML tags it made."""
    parser = _Text()
    parser.feed(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown))
    return "".join(parser.parts), parser.tags


def _same_text(a: str, b: str) -> bool:
    # Paragraph breaks render as "\n" between elements; compare lines, not their spacing.
    def lines(s: str) -> list[str]:
        return [line for line in s.split("\n") if line]

    return lines(a) == lines(b)


HOSTILE = [
    "营收*同比*增长__8%__",
    "# 不是标题",
    "> 不是引用",
    "[不是链接](http://example.com) 和 ![图](x.png)",
    "`代码` 与 ```三个```",
    "第一行\n第二行",
    "1. 不是列表\n- 也不是\n+ 还不是\n2) 同样",
    "<b>不是HTML</b> &amp; &#169; 实体",
    "a | b | c\n--- | --- | ---",
    "==高亮== ~~删除~~ $公式$ %%注释%% [[双链]] ^block",
    "反斜杠 \\ 和 \\* 已转义",
    "    缩进四格\n\t制表符",
    "行尾两个空格  \n下一行",
    "***\n___\n===",
    "　　全角空格开头",
    "emoji 😀 与 𠀀 扩展B",
]


@pytest.mark.parametrize("quote", HOSTILE)
def test_markdown_blockquote_renders_as_the_same_text(quote: str) -> None:
    text, tags = _rendered(blockquote(quote))
    assert _same_text(text, quote), text
    assert tags <= {"blockquote", "p"}


@pytest.mark.parametrize("quote", HOSTILE)
def test_markdown_escape_renders_as_the_same_line(quote: str) -> None:
    one_line = " ".join(quote.splitlines())
    text, tags = _rendered(escape(quote))
    assert text.strip("\n") == one_line
    assert tags <= {"p"}


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn")) | st.just("\n")))
def test_markdown_blockquote_any_text(quote: str) -> None:
    text, _ = _rendered(blockquote(quote))
    assert _same_text(text, quote)


def _article(text: str, **fields: object) -> Article:
    return Article(key="科技/a.md", file="科技/a.md", title="阿里*财报*: 云 #AI", text=text, path=f"{LIB}/科技/a.md", **fields)  # type: ignore[arg-type]


def test_markdown_export_document_has_front_matter_sections_and_links(tmp_path: Path) -> None:
    text = "阿里巴巴公布财报。\n云智能集团*收入*增长 [13%]。\n分析师看好。"
    article = _article(text, source="36氪", date="2026-05-15", tags=("科技",), url="https://36kr.com/p/1")
    start = text.index("云智能")
    highlight = new_annotation(
        LIB, article.key, Kind.HIGHLIGHT, selector=Selector.from_text(text, start, text.index("。", start) + 1),
        note="**重要**：云回暖", tags=("云计算", "财报 季度"), color=Color.GREEN,
    )
    at = text.index("分析师")
    bookmark = new_annotation(LIB, article.key, Kind.BOOKMARK, selector=Selector.from_text(text, at, at), name="读到这里")
    orphan = new_annotation(LIB, article.key, Kind.HIGHLIGHT, selector=Selector("已删除的句子", "", "", 0, 6), note="旧笔记")
    entity = new_annotation(LIB, article.key, Kind.ENTITY_NOTE, entity="阿里巴巴", note="关注云")
    out = tmp_path / "notes.md"
    export_markdown(out, LIB, [orphan, entity, bookmark, highlight], {article.key: article}, title="x", single_article=article.key)
    written = out.read_text(encoding="utf-8")

    front = yaml.safe_load(written.split("---\n")[1])
    assert front["title"] == "阿里*财报*: 云 #AI"
    assert front["source"] == "36氪" and front["date"] == "2026-05-15" and front["url"] == "https://36kr.com/p/1"
    assert front["tags"] == ["科技", "云计算", "财报_季度"]
    body = written.split("---\n", 2)[2]
    rendered, _ = _rendered(body)
    assert "云智能集团*收入*增长 [13%]。" in rendered
    assert "#云计算 #财报_季度" in body
    assert f"reader://open?library=%2Fdata%2Farticles&article=%E7%A7%91%E6%8A%80%2Fa.md&offset={start}" in body
    assert f"offset={at})" in body and "读到这里" in body
    assert body.index("### Orphaned notes") < body.index("已删除的句子") and "旧笔记" in body
    assert "**阿里巴巴**" in body and "关注云" in body
    assert "**重要**：云回暖" in body  # the note is Markdown and written as is


def test_markdown_library_export_keeps_articles_apart_and_missing_ones_as_orphans() -> None:
    text = "字节跳动发布豆包。"
    article = Article(key="a.md", file="a.md", title="豆包", text=text)
    kept = new_annotation(LIB, "a.md", Kind.HIGHLIGHT, selector=Selector.from_text(text, 0, 4))
    lost = new_annotation(LIB, "gone.md", Kind.HIGHLIGHT, selector=Selector.from_text("被删掉的文章", 0, 3), note="n")
    loose = new_annotation(LIB, "", Kind.ENTITY_NOTE, entity="字节跳动", note="全局")
    document = build_document(LIB, [lost, loose, kept], {"a.md": article}, title="库")
    assert [a.key for a in document.articles] == ["a.md", "gone.md"]
    assert document.articles[1].orphans[0].quote == "被删掉"
    markdown = render(document)
    assert markdown.index("## 豆包") < markdown.index("## gone.md") < markdown.index("## Entity notes")
    assert "### 字节跳动" in markdown


def test_markdown_user_template(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text("{% for a in doc.articles %}{% for h in a.highlights %}- {{ h.quote | md }}\n{% endfor %}{% endfor %}", encoding="utf-8")
    text = "*星号*开头"
    document = build_document(LIB, [new_annotation(LIB, "a.md", Kind.HIGHLIGHT, selector=Selector.from_text(text, 0, 4))], {"a.md": Article(key="a.md", file="a.md", title="t", text=text)}, title="t")
    assert render(document, template) == "- \\*星号\\*\n"
    template.write_text("{% for %}", encoding="utf-8")
    with pytest.raises(ExportError, match="mine.md.j2 line 1"):
        render(document, template)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("阿里巴巴：财报/季度?", "阿里巴巴：财报 季度.md"),
        ("../../etc/passwd", "etc passwd.md"),
        ("..", "untitled.md"),
        ("CON", "CON_.md"),
        ("a\x00b\nc", "a b c.md"),
        ("[[链接]] #标签 ^块", "链接 标签 块.md"),
    ],
)
def test_markdown_safe_filename(title: str, expected: str) -> None:
    assert safe_filename(title) == expected


def test_markdown_safe_filename_is_short_and_stays_inside(tmp_path: Path) -> None:
    name = safe_filename("很长的标题" * 100)
    assert len(name.encode("utf-8")) <= 190
    assert inside(tmp_path, name).parent == tmp_path.resolve()
    with pytest.raises(ExportError):
        inside(tmp_path, "../escape.md")


def test_markdown_tags_for_obsidian() -> None:
    assert obsidian_tag("财报 季度") == "财报_季度"
    assert obsidian_tag("#AI/LLM") == "AI/LLM"
    assert obsidian_tag("2024") == "_2024"


def test_write_atomic_interrupted_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old export\n", encoding="utf-8")

    def crash(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", crash)
    with pytest.raises(ExportError, match="No space left"):
        write_atomic(target, "new export " * 1000)
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]  # no temporary file left behind


def test_write_atomic_interrupted_by_a_bug_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(output.os, "fsync", lambda fd: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert len(list(tmp_path.iterdir())) == 1


def test_write_atomic_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    write_atomic(target, "one")
    assert target.stat().st_mode & 0o777 == 0o644
    os.chmod(target, 0o600)
    write_atomic(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert target.stat().st_mode & 0o777 == 0o600


def test_markdown_escape_keeps_chinese_readable() -> None:
    # Only ASCII syntax characters are escaped; ordinary Chinese text comes out unchanged.
    plain = "腾讯控股发布二季度业绩，营收同比增长8%，净利润1,234.5亿元（约合170亿美元）。"
    assert escape(plain) == plain
