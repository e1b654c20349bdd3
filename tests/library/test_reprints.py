"""Reprints (转载) on real text: sketches, pairs, stories, and the library's view of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.model import EntityType, Figure, FigureKind, Mention
from reader.analysis.pipeline import Analysis
from reader.ingest.load import load_file
from reader.ingest.model import Article
from reader.library import codec, reprints
from reader.library.cards import build_card, card_details
from reader.library.library import Library
from reader.library.load import load_library
from reader.library.store import Store

REAL = Path(__file__).resolve().parent.parent / "data" / "real" / "articles"


def _text(name: str) -> str:
    return load_file(REAL / name, REAL).text


class ShowMeBugAnalyzer:
    """Names ShowMeBug and gives each copy the same figure about it, so counting is visible."""

    version = "test-reprints-1"

    def analyse(self, article: Article) -> Analysis:
        at = article.text.find("ShowMeBug")
        if at < 0:
            return Analysis()
        mention = Mention(at, at + 9, "ShowMeBug", EntityType.ORG, "ShowMeBug")
        figure = Figure(at, at + 9, "ShowMeBug", 10.0, "times", False, None, "增速", "ShowMeBug", "2020", FigureKind.ACTUAL, None)
        return Analysis((mention,), (figure,))


def test_shingle_hashes_ignore_punctuation_space_and_case() -> None:
    a = reprints.shingle_hashes("阿里巴巴，发布了 Q3 财报。")
    b = reprints.shingle_hashes("阿里巴巴发布了q3财报")
    assert a.tolist() == b.tolist()


def test_shingle_hashes_of_a_short_text_are_empty() -> None:
    assert reprints.shingle_hashes("腾讯").size == 0
    assert reprints.sketch("").size == 0


def test_sketch_round_trips_through_text() -> None:
    s = reprints.sketch(_text("003.md"))
    assert reprints.Sketch.from_text(s.to_text()) == s
    assert len(s.values()) == reprints.SKETCH_SIZE
    assert list(s.values()) == sorted(s.values())


@pytest.mark.parametrize(
    "copy",
    [
        lambda t: "本文来自腾讯科技，36氪经授权发布。\n作者｜王佳\n" + t,  # re-headed
        lambda t: t + "\n本文由虎嗅原创出品，未经许可，任何渠道、平台请勿转载。\n责任编辑：王佳",  # re-footed
        lambda t: t[: len(t) // 2],  # cut
        lambda t: t.replace("，", ",").replace("。", ".").replace("36氪获悉", "据悉"),  # lightly edited
    ],
    ids=["re-headed", "re-footed", "cut", "edited"],
)
def test_a_copy_of_a_real_post_is_a_reprint(copy) -> None:  # noqa: ANN001 - a case of the table
    original = _text("003.md")
    texts = [original, copy(original), _text("001.md"), _text("002.md")]
    assert reprints.group(texts, [reprints.sketch(t) for t in texts]) == [(0, 1)]


def test_unrelated_posts_on_the_same_topic_are_not_reprints() -> None:
    names = sorted(p.name for p in REAL.glob("*.md"))
    texts = [_text(n) for n in names]
    assert reprints.group(texts, [reprints.sketch(t) for t in texts]) == []


def test_a_post_quoting_a_paragraph_of_another_is_not_its_reprint() -> None:
    quoted = max(_text("003.md").split("\n"), key=len)
    follow_up = _text("002.md") + "\n据此前报道，" + quoted
    texts = [_text("003.md"), follow_up]
    assert reprints.group(texts, [reprints.sketch(t) for t in texts]) == []


def test_stories_join_pairs_transitively() -> None:
    assert reprints.stories(6, [(0, 3, 0.9), (3, 5, 0.8), (1, 2, 0.7)]) == [(0, 3, 5), (1, 2)]


def test_a_digest_of_openings_does_not_chain_two_stories() -> None:
    """A 早报 quoting the opening of two posts matches a cut copy of each; the posts stay apart."""
    a, b = _text("003.md"), _text("010.md")
    cut_a, cut_b = a[: len(a) // 2], b[: len(b) // 2]
    digest = "1、" + a[: len(a) // 3] + "\n2、" + b[: len(b) // 3]
    texts = [a, cut_a, b, cut_b, digest]
    assert reprints.group(texts, [reprints.sketch(t) for t in texts]) == [(0, 1), (2, 3)]


def test_library_groups_the_copies_of_a_story(reprints_dir: Path) -> None:
    library = load_library([reprints_dir], None, ShowMeBugAnalyzer())
    assert library.story("huxiu.md") == ("36kr.md", "huxiu.md", "tencent.md")
    assert library.reprints_of("tencent.md") == ("36kr.md", "huxiu.md")
    assert library.reprints_of("other_001.md") == ()
    assert library.stories() == [("36kr.md", "huxiu.md", "tencent.md")]
    assert library.count_stories(a.key for a in library.articles) == 3
    # for the list, each copy's key to its story (made by the loader, not the GUI thread)
    story = ("36kr.md", "huxiu.md", "tencent.md")
    assert library.stories_by_key() == dict.fromkeys(story, story)
    assert library.newest_rank() == {a.key: i for i, a in enumerate(library.newest_first())}


def test_library_reads_sketches_from_the_cache(reprints_dir: Path, tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    try:
        load_library([reprints_dir], store, ShowMeBugAnalyzer())
        reopened = load_library([reprints_dir], store, ShowMeBugAnalyzer())
    finally:
        store.close()
    assert all(s is not None for s in reopened._sketches)
    assert reopened.reprints_of("36kr.md") == ("huxiu.md", "tencent.md")


def test_codec_carries_the_sketch() -> None:
    article = load_file(REAL / "003.md", REAL)
    _, raw = codec.decode_raw(codec.encode(article, Analysis()), "k", "k", "h")
    assert raw.sketch == reprints.sketch(article.text)


def test_with_analyses_keeps_the_stories(reprints_dir: Path) -> None:
    library = load_library([reprints_dir], None, ShowMeBugAnalyzer())
    library.prepare_reprints()
    by_key, rank = library.stories_by_key(), library.newest_rank()
    refined = library.with_analyses({"36kr.md": Analysis()})
    assert refined.stories_ready
    assert refined.reprints_of("36kr.md") == ("huxiu.md", "tencent.md")
    assert refined.stories_by_key() is by_key and refined.newest_rank() is rank  # not counted again


def test_card_counts_a_story_once(reprints_dir: Path) -> None:
    library = load_library([reprints_dir], None, ShowMeBugAnalyzer())
    summary = library.entity("ShowMeBug")
    assert summary is not None and len(summary.articles) == 3
    rank = {"tencent.md": 0, "36kr.md": 1, "huxiu.md": 2, "other_001.md": 3, "other_002.md": 4}  # newest first
    card = build_card(library, summary, None, "", rank)
    assert (card.article_count, card.copies) == (1, 3)
    assert [a.key for a in card.articles] == ["tencent.md"]  # one row per story: its newest copy
    details = card_details(library, "ShowMeBug")
    assert [key for key, _ in details.figures] == ["36kr.md"]  # the same figure, reported once


def test_names_seen_with_an_entity_count_a_story_once() -> None:
    class Both:
        version = "test-both"

        def analyse(self, article: Article) -> Analysis:
            return Analysis(tuple(
                Mention(at, at + len(name), name, EntityType.ORG, name)
                for name in ("ShowMeBug", "真格基金") if (at := article.text.find(name)) >= 0
            ))

    original = _text("003.md")
    articles = [Article(key=k, file=k, title="t", text=t) for k, t in (("a.md", original), ("b.md", "本文来自36氪。\n" + original))]
    library = Library("x", articles, {a.key: Both().analyse(a) for a in articles})
    assert library.cooccurring("ShowMeBug") == [("真格基金", 2)]  # not grouped yet: two articles
    library.prepare_reprints()
    assert library.cooccurring("ShowMeBug") == [("真格基金", 1)]  # one story


def test_entity_summary_counts_stories_once_they_are_grouped(reprints_dir: Path) -> None:
    library = load_library([reprints_dir], None, ShowMeBugAnalyzer())
    before = library.entity("ShowMeBug")
    assert before is not None and (len(before.articles), before.stories) == (3, 0)  # not grouped yet: not counted
    library.prepare_reprints()
    after = library.entity("ShowMeBug")
    assert after is not None and (len(after.articles), after.stories) == (3, 1)
    assert [(s.name, s.stories) for s in library.entities()] == [("ShowMeBug", 1)]


def test_library_without_reprints_counts_every_article(seeds_dir: Path) -> None:
    articles = [Article(key=f"{i}.md", file=f"{i}.md", title="t", text=_text(n)) for i, n in enumerate(["001.md", "002.md"])]
    library = Library("x", articles, {})
    assert library.stories() == []
    assert library.count_stories(["0.md", "1.md"]) == 2
