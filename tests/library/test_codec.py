from __future__ import annotations

from reader.analysis.model import EntityType, Mention, Figure, FigureKind, Quote
from reader.analysis.pipeline import Analysis
from reader.ingest.model import Article, Block, BlockKind, Style, StyleKind
from reader.library import codec


def test_codec_round_trip_keeps_every_layer() -> None:
    text = "😀阿里巴巴在𠀀杭州\n营收增长10%。"
    article = Article(
        key="k.md", file="k.md", title="标题", text=text,
        blocks=(Block(BlockKind.HEADING, 0, 9, 2), Block(BlockKind.QUOTE, 10, len(text))),
        styles=(Style(StyleKind.BOLD, 1, 5),), source="36kr", date="2021-01-01", tags=("电商",),
    )  # fmt: skip
    mentions = (
        Mention(1, 5, "阿里巴巴", EntityType.ORG, "阿里巴巴"),
        Mention(7, 9, "杭州", EntityType.PLACE, "杭州"),
    )
    figures = (Figure(14, 17, "10%", 10.0, "%", False, None, "同比增长", "阿里巴巴", None, FigureKind.ACTUAL),)
    payload = codec.encode(article, Analysis(mentions, figures))
    decoded, analysis = codec.decode(payload, "k.md", "k.md", "")
    assert decoded == article
    assert analysis == Analysis(mentions, figures)
    assert [text[m.start : m.end] for m in analysis.mentions] == ["阿里巴巴", "杭州"]


def test_codec_stores_every_type_and_block_kind_by_a_fixed_value_table() -> None:
    from reader.analysis.model import EntityType
    from reader.ingest.model import BlockKind
    from reader.library.codec import STORED_BLOCKS, STORED_TYPES

    assert {t.value for t in EntityType} <= set(STORED_TYPES)
    assert {k.value for k in BlockKind} <= set(STORED_BLOCKS)
    # the positions are the stored format: these four were stored before any other
    assert STORED_TYPES[:4] == ("person", "org", "product", "place")


def test_codec_round_trip_keeps_quotes_and_their_speakers() -> None:
    text = "阿里巴巴表示：“营收增长10%。”\n有人说，还会涨。"
    article = Article(key="q.md", file="q.md", title="t", text=text, blocks=())
    mentions = (Mention(0, 4, "阿里巴巴", EntityType.ORG, "阿里巴巴"),)
    quotes = (Quote(8, 16, "阿里巴巴", 4, 6), Quote(22, 26, None, 20, 21))
    payload = codec.encode(article, Analysis(mentions, (), None, quotes))
    _, analysis = codec.decode(payload, "q.md", "q.md", "")
    assert analysis.quotes == quotes
    assert [text[q.start : q.end] for q in analysis.quotes] == ["营收增长10%。", "还会涨。"]
    _, raw = codec.decode_raw(payload, "q.md", "q.md", "")
    assert raw.quotes_by("阿里巴巴") == quotes[:1]
