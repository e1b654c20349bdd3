"""Entity cards without Qt: the quick part, the slow part, and an article's names."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.corrections import Correction, Corrections, Merge, Retype
from reader.analysis.model import Entity, EntityType
from reader.analysis.pipeline import Analyzer
from reader.library.cards import article_entities, build_card, card_details, card_details_in_steps
from reader.library.corrected import corrected_library
from reader.library.library import Library
from reader.library.load import load_library


@pytest.fixture(scope="module")
def seeds_library() -> Library:
    return load_library([Path(__file__).resolve().parents[2] / "seeds"], None, Analyzer())


def test_build_card_lists_aliases_and_newest_articles(seeds_library: Library) -> None:
    summary = seeds_library.entity("字节跳动")
    assert summary is not None
    rank = {a.key: i for i, a in enumerate(sorted(seeds_library.articles, key=lambda a: a.date or "", reverse=True))}
    known = Entity("字节跳动", EntityType.ORG, ("ByteDance",), "中国互联网公司")
    card = build_card(seeds_library, summary, known, "中国互联网公司", rank, notes=("看好",), limit=2)
    assert card.name == "字节跳动" and card.type is EntityType.ORG
    assert "字节" in card.aliases and card.aliases[-1] == "ByteDance"  # the library's first
    assert len(card.articles) == 2 and card.article_count == len(summary.articles)
    dates = [a.date or "" for a in card.articles]
    assert dates == sorted(dates, reverse=True)
    assert card.notes == ("看好",)


def test_card_details_gather_figures_and_names_seen_with_it(seeds_library: Library) -> None:
    details = card_details(seeds_library, "抖音电商")
    assert details.figures and all(m.subject == "抖音电商" for _, m in details.figures)
    assert details.cooccurring and details.cooccurring[0][0] != "抖音电商"
    assert {key for key, _ in details.titles} == {key for key, _ in details.figures}


def test_article_entities_count_mentions_here(seeds_library: Library) -> None:
    article = seeds_library.articles[0]
    mentions = seeds_library.analysis(article.key).mentions
    rows = article_entities(mentions, {}, article.key)
    assert rows and all(row.articles == () for row in rows)  # the library not counted: no number yet
    total = sum(row.mentions for row in rows)
    assert total == len(mentions)
    # counted, a name the library's summaries lack is at least in this article
    counted = {s.name: s for s in seeds_library.entities() if s.name != rows[0].name}
    again = {row.name: row for row in article_entities(mentions, counted, article.key)}
    assert again[rows[0].name].articles == (article.key,)
    assert all(again[name].articles == counted[name].articles for name in again if name in counted)


def _never() -> bool:
    return False


@pytest.mark.parametrize(("correction", "name"), [(Retype("字节跳动", EntityType.PRODUCT), "字节跳动"), (Retype("字节跳动", EntityType.PRODUCT), "抖音"), (Merge("抖音", "字节跳动"), "字节跳动")], ids=repr)
def test_a_card_after_a_correction_shows_what_is_known_at_once_then_the_whole_card(
    seeds_library: Library, correction: Correction, name: str
) -> None:
    """Issue 18, point 2: right after a correction of a name in every article, each naming
    article's figures and quotes are to be read again (most of a minute at 10k). The card
    gives at once what is known — never a figure of before the correction — then refines,
    and its last step is the card of the library analysed afresh under the correction."""
    library, _touched = corrected_library(seeds_library, (correction,))
    unread = library.unread(name)
    assert unread  # the correction left this card's figures to be read again
    analyzer = Analyzer().with_corrections(Corrections((correction,)))
    want = card_details(Library("afresh", library.articles, {a.key: analyzer.analyse(a) for a in library.articles}), name)
    steps = list(card_details_in_steps(library, name, _never, every=0))
    first, last = steps[0], steps[-1]
    assert first.unread == len(unread) and last.unread == 0
    assert {k for k, _f in first.figures}.isdisjoint(unread) and {q.article for q in first.quotes}.isdisjoint(unread)
    for step in steps:
        assert set(step.figures) <= set(want.figures) and set(step.quotes) <= set(want.quotes)
    assert [s.unread for s in steps] == sorted((s.unread for s in steps), reverse=True)
    assert (last.figures, last.quotes, last.series, last.clashing, last.cooccurring) == (
        want.figures, want.quotes, want.series, want.clashing, want.cooccurring
    )
    assert not library.unread(name)  # kept: the next card of it reads nothing again


def test_a_card_stopped_reads_no_more(seeds_library: Library) -> None:
    """A card of a just-corrected name that is no longer wanted (another card asked for,
    another library come) stops reading, so the next does not wait behind it."""
    library, _touched = corrected_library(seeds_library, (Retype("字节跳动", EntityType.PERSON),))
    unread = library.unread("字节跳动")
    given = []
    for details in card_details_in_steps(library, "字节跳动", lambda: bool(given), every=0):
        given.append(details)
    assert len(given) == 1 and given[0].unread == len(unread)
    assert library.unread("字节跳动") == unread


def test_the_figures_about_a_name_stop_being_gathered_when_no_longer_wanted(seeds_library: Library) -> None:
    """Issue 18, point 2: a card gathered while its name is corrected read 10k articles' texts
    meanwhile, sharing the interpreter with the correction: it stops between articles."""
    every = seeds_library.figures_about("字节跳动")
    assert every
    asked: list[int] = []
    some = seeds_library.figures_about("字节跳动", stopped=lambda: bool(asked.append(1)) or len(asked) > 1)
    assert len(some) < len(every) and some == every[: len(some)]


def test_the_figures_about_a_name_stopped_read_no_more_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped once a text is read, a card's figures over a reopened library read the texts of
    one batch, not of every article citing the name (10k texts were read before the first
    stop was asked: the correction that stopped the card waited for them)."""
    from contextlib import closing  # noqa: PLC0415

    from reader.library import texts  # noqa: PLC0415
    from reader.library.store import Store  # noqa: PLC0415
    from reader.paths import SEEDS  # noqa: PLC0415

    monkeypatch.setattr(texts, "_READ_AT_ONCE", 1)
    with closing(Store.open(tmp_path)) as store:
        load_library([SEEDS], store, Analyzer())
        reopened = load_library([SEEDS], store, Analyzer())
        read: list[str] = []
        real_listed = texts.listed_texts
        monkeypatch.setattr(texts, "listed_texts", lambda db, hashes, version: (read.extend(hashes), real_listed(db, hashes, version))[1])
        assert len({k for k, _ in reopened.figures_about("字节跳动")}) > 1 and len(read) > 1
        read.clear()
        reopened.figures_about("字节跳动", stopped=lambda: bool(read))  # stopped once a text is read
    assert len(read) == 1


@pytest.mark.parametrize("correction", [Retype("字节跳动", EntityType.PRODUCT), Merge("抖音", "字节跳动")], ids=repr)
def test_a_retype_or_a_merge_reads_no_text(tmp_path: Path, correction: Correction, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18, point 2: a retype or a merge over a reopened library rewrites mentions alone,
    and how each name is written comes with them; reading the texts of every article naming
    the name (from the cache: 0.6 s at 10k, and as much again to count a merged name's
    surfaces) was most of the correction."""
    from contextlib import closing  # noqa: PLC0415

    from reader.library import texts  # noqa: PLC0415
    from reader.library.store import Store  # noqa: PLC0415
    from reader.paths import SEEDS  # noqa: PLC0415

    with closing(Store.open(tmp_path)) as store:
        load_library([SEEDS], store, Analyzer())
        reopened = load_library([SEEDS], store, Analyzer())
        reopened.entities()  # counted, as the loader counts a library before it is handed over
        afresh, _ = corrected_library(load_library([SEEDS], None, Analyzer()), (correction,))
        monkeypatch.setattr(texts.Texts, "chunks", lambda self, indexes: pytest.fail("a text was read") if indexes else iter(()))
        library, touched = corrected_library(reopened, (correction,))
    assert touched and library.entities() == afresh.entities()  # the same names, written the same
