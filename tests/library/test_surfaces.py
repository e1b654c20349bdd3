"""Entity summaries of a reopened library count their names' surfaces from the listings (issue 18,
point 4): the same aliases, in the same order, as slicing every mention out of every text."""

from __future__ import annotations

import json
import shutil
import sqlite3
from array import array
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.analysis.corrections import Merge
from reader.analysis.model import EntityType
from reader.analysis.pipeline import Analyzer
from reader.library import surfaces
from reader.library.codec import RawAnalysis
from reader.library.mention_rewrite import _UNCHANGED, _plan, _remapped_variants
from reader.library.load import load_library
from reader.library.store import Store

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data" / "unseen").glob("*.md")])


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    for path in REAL:
        shutil.copy(path, folder / path.name)
    return folder


TEXT = "阿里巴巴与阿里和𠀋AB"
ENTITIES = ["阿里巴巴", "阿里", "𠀋"]
SPANS = st.lists(st.tuples(st.integers(0, 11), st.integers(0, 4), st.integers(0, 2)), max_size=12)


@given(st.lists(SPANS, min_size=1, max_size=6))
def test_surfaces_counted_from_variants_are_the_mentions_sliced(articles: list[list[tuple[int, int, int]]]) -> None:
    """Counted over articles in library order, with most written as themselves: the same
    counts, in the same order, as a Counter of every mention sliced one after another."""
    flats = [array("i", [x for start, length, local in spans for x in (start, start + length, local, 1)]) for spans in articles]
    sliced: dict[str, Counter[str]] = {}
    articles_of: dict[str, list[int]] = {}
    for i, flat in enumerate(flats):
        for start, end, local in zip(flat[0::4], flat[1::4], flat[2::4]):
            sliced.setdefault(ENTITIES[local], Counter())[TEXT[start:end]] += 1
            articles_of.setdefault(ENTITIES[local], []).append(i)
    stored = [surfaces.variants(TEXT, ENTITIES, flat) for flat in flats]
    totals = {name: sum(c.values()) for name, c in sliced.items()}
    for names in ([*sliced], [*sliced][:1]):
        found = surfaces.count(names, articles_of, totals, lambda i: surfaces.named(stored[i], ENTITIES))
        assert {n: list(c.items()) for n, c in found.items()} == {n: list(sliced[n].items()) for n in names}


def _in_memory_and_reopened(tmp_path: Path, data_dir: Path, analyzer: Analyzer):  # noqa: ANN202
    """The test folder, its library read in memory, and the same reopened from its cache."""
    folder = _folder(tmp_path)
    in_memory = load_library([folder], None, analyzer)
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, analyzer)
        reopened = load_library([folder], store, analyzer)
    return folder, in_memory, reopened


def _summaries(library) -> list[tuple]:  # noqa: ANN001 - a Library
    return [(s.name, s.type, s.aliases, s.mentions, s.articles, s.stories) for s in library.entities()]


def test_reopened_summaries_are_the_in_memory_ones_from_stored_surfaces(
    tmp_path: Path, data_dir: Path, analyzer: Analyzer
) -> None:
    folder, in_memory, reopened = _in_memory_and_reopened(tmp_path, data_dir, analyzer)
    assert all(reopened.held(a.key).variants is not None for a in reopened.articles)
    for library in (in_memory, reopened):
        library.prepare_reprints()
    assert _summaries(reopened) == _summaries(in_memory)
    assert any(len(s.aliases) > 1 for s in reopened.entities())  # names written more than one way
    # A summary asked for alone, before the library's are counted, is the same.
    with closing(Store.open(data_dir)) as store:
        alone = load_library([folder], store, analyzer)
    alone.prepare_reprints()
    name = next(s.name for s in in_memory.entities() if len(s.aliases) > 1)
    assert alone.entity(name) == in_memory.entity(name)


def test_reopened_summaries_after_corrections_are_the_in_memory_ones(
    tmp_path: Path, data_dir: Path, analyzer: Analyzer
) -> None:
    """A rename keeps a name's surfaces; a correction that moves mentions counts them again."""
    _, in_memory, reopened = _in_memory_and_reopened(tmp_path, data_dir, analyzer)
    assert reopened.held(reopened.articles[0].key).variants is not None
    reopened.entities()
    in_memory.entities()
    names = [s.name for s in in_memory.entities() if len(s.aliases) > 1]
    renamed, expected = reopened.renamed(names[0], "改名"), in_memory.renamed(names[0], "改名")
    assert _summaries(renamed) == _summaries(expected)
    # the mentions of one article dropped: their name is counted again, over the others
    key = in_memory.articles_naming(names[1])[0]
    kept = [m for m in in_memory.analysis(key).mentions if m.entity != names[1]]
    changed = {key: in_memory.analysis(key).__class__(tuple(kept), in_memory.analysis(key).figures)}
    assert _summaries(reopened.with_analyses(changed)) == _summaries(in_memory.with_analyses(changed))
    retyped = {key: changed[key].__class__(tuple(m.__class__(m.start, m.end, m.entity, EntityType.PLACE, m.surface) for m in kept))}
    assert _summaries(reopened.with_analyses(retyped)) == _summaries(in_memory.with_analyses(retyped))


def test_reopen_counts_aliases_from_the_listing_not_the_text(tmp_path: Path, data_dir: Path, analyzer: Analyzer) -> None:
    """What a listing stores is what the summary says: the reopen slices no text to count it."""
    folder = _folder(tmp_path)
    with closing(Store.open(data_dir)) as store:
        first = load_library([folder], store, analyzer)
    name = first.entities()[0].name
    key = first.articles_naming(name)[0]
    with closing(sqlite3.connect(data_dir / "reader.sqlite3")) as db:
        head, = db.execute("SELECT head FROM listings WHERE content_hash = ?", (first.article(key).content_hash,)).fetchone()
        doc = json.loads(head)
        local = doc["entities"].index(name)
        doc["variants"] = json.dumps({**json.loads(doc["variants"] or "{}"), str(local): ["写法", 1000]})  # no text holds it
        db.execute("UPDATE listings SET head = ? WHERE content_hash = ?", (json.dumps(doc), first.article(key).content_hash))
        db.commit()
    with closing(Store.open(data_dir)) as store:
        reopened = load_library([folder], store, analyzer)
    summary = reopened.entity(name)
    assert summary is not None and summary.aliases[0] == "写法"


def test_listings_written_before_surfaces_get_them_at_the_next_reopen(
    tmp_path: Path, data_dir: Path, analyzer: Analyzer
) -> None:
    """A cache whose listings have no surfaces (written before they were stored) keeps its notes
    and analyses: the next reopen counts them from the texts, once, and stores them."""
    folder = _folder(tmp_path)
    in_memory = load_library([folder], None, analyzer)
    with closing(Store.open(data_dir)) as store:
        load_library([folder], store, analyzer)
    with closing(sqlite3.connect(data_dir / "reader.sqlite3")) as db:
        rows = db.execute("SELECT content_hash, head FROM listings").fetchall()
        for content_hash, head in rows:
            doc = json.loads(head)
            del doc["variants"]
            db.execute("UPDATE listings SET head = ? WHERE content_hash = ?", (json.dumps(doc, ensure_ascii=False), content_hash))
        db.execute(
            "INSERT INTO annotations (id, library, article_key, kind, exact, note, created, modified) "
            "VALUES ('n1', 'lib', 'a.md', 'note', '阿里巴巴', '记下', '2026-01-01', '2026-01-01')"
        )
        db.commit()
    with closing(Store.open(data_dir)) as store:
        upgraded = load_library([folder], store, analyzer)
        assert _summaries(upgraded) == _summaries(in_memory)
        reopened = load_library([folder], store, analyzer)
        assert store.connection.execute("SELECT note FROM annotations").fetchall() == [("记下",)]
    assert all(reopened.held(a.key).variants is not None for a in reopened.articles)
    assert _summaries(reopened) == _summaries(in_memory)


MERGED_TEXT = "抖音字节跳动字节Douyin抖"
NAMES = ["抖音", "字节跳动", "快手"]
MENTIONED = st.lists(st.tuples(st.integers(0, 14), st.integers(1, 4), st.integers(0, 2)), min_size=1, max_size=8)


@settings(max_examples=400)
@given(st.lists(MENTIONED, min_size=1, max_size=6))
@example([[(2, 4, 1)], [(0, 1, 0)]])  # 字节跳动 written only so first, 抖音 as 抖 after: as often, so 字节跳动 first
def test_a_merges_surfaces_joined_from_the_two_are_those_counted_over_the_rewritten_articles(
    articles: list[list[tuple[int, int, int]]],
) -> None:
    """抖音 merged into 字节跳动: the joined name's surfaces told from the two as counted and
    the first articles naming them are, in count and in a card's order (most written first,
    ties as first written), those counted over every article as the merge rewrites it (each
    written name numbered in the order the article names it)."""
    source, target = "抖音", "字节跳动"
    raws: list[RawAnalysis] = []
    index: dict[str, array] = {}
    for i, spans in enumerate(articles):
        entities = list(dict.fromkeys(NAMES[k] for _, _, k in spans))  # in the order of first mentions
        flat = array("i", [x for start, length, k in spans for x in (start, start + length, entities.index(NAMES[k]), 0)])
        raws.append(RawAnalysis(entities, flat, None, ["org"] * len(entities), variants=surfaces.variants(MERGED_TEXT, entities, flat)))
        for k in flat[2::4]:
            index.setdefault(entities[k], array("i")).extend((i, 0, 0))

    def counted_over(index: dict[str, array], raws: list[RawAnalysis], names: list[str]) -> dict[str, Counter[str]]:
        return surfaces.count(
            names, {n: index[n][0::3] for n in names}, {n: len(index[n]) // 3 for n in names},
            lambda i: surfaces.named(raws[i].variants or "", raws[i].entities),
        )

    counted = counted_over(index, raws, list(index))
    got = surfaces.joined(source, target, counted, index, raws)
    if source not in index or target not in index:
        assert got is None
        return
    rewritten = [
        raw if (plan := _plan(None, raw, Merge(source, target), EntityType.ORG)) is _UNCHANGED else RawAnalysis(
            plan.entities, raw.mentions, None, plan.types,
            variants=_remapped_variants(raw.variants, raw.entities, plan, Counter(raw.mentions[2::4])),
        )
        for raw in raws
    ]
    both = sorted([*index[source][0::3], *index[target][0::3]])
    merged = {target: array("i", [x for i in both for x in (i, 0, 0)])}
    want = counted_over(merged, rewritten, [target])[target]
    assert got is not None and got.most_common() == want.most_common()
