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


def test_codec_decodes_the_words_articles_share_as_one_string_each() -> None:
    """A library of 100k articles names the same few entities millions of times: each decoded
    article must not hold its own copy of every name, unit, label and speaker."""
    payloads = []
    for key in ("a.md", "b.md"):
        text = f"{key}：阿里巴巴表示：“营收增长10%。”"
        article = Article(key=key, file=key, title="t", text=text, blocks=(), source="36kr", tags=("电商",))
        mentions = (Mention(5, 9, "阿里巴巴", EntityType.ORG, "阿里巴巴"),)
        figures = (Figure(16, 19, "10%", 10.0, "%", False, None, "营收增长", "阿里巴巴", "2021年", FigureKind.ACTUAL),)
        quotes = (Quote(14, 21, "阿里巴巴", 9, 11),)
        payloads.append(codec.encode(article, Analysis(mentions, figures, None, quotes)))
    (a, raw_a), (b, raw_b) = (codec.decode_raw(p, k, k, "") for p, k in zip(payloads, ("a.md", "b.md")))
    assert raw_a.entities == raw_b.entities == ["阿里巴巴"]
    assert raw_a.entities[0] is raw_b.entities[0]
    assert raw_a.types[0] is raw_b.types[0]
    assert all(x is y for x, y in zip(raw_a.figures[0][3:], raw_b.figures[0][3:]))  # unit … measure
    assert raw_a.quotes[0][2] is raw_b.quotes[0][2]
    assert a.source is b.source and a.tags[0] is b.tags[0]
    # and what is built from them is unchanged
    built = raw_a.build(a.text)
    assert [a.text[m.start : m.end] for m in built.mentions] == ["阿里巴巴"]
    assert built.figures[0].subject == "阿里巴巴" and built.quotes[0].speaker == "阿里巴巴"
