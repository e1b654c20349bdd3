"""A correction applied over analyses already made agrees with analysing afresh under it,
on the seeds and on real articles (issue 18, point 2)."""

from __future__ import annotations

import json
import os
from array import array
from collections import Counter
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.corrections import AddEntity, Correction, Corrections, Ignore, Merge, Rename, Retype, SplitAlias
from reader.analysis.model import EntityType, Mention
from reader.analysis.pipeline import Analysis, Analyzer, analysed_length
from reader.ingest.load import load_file
from reader.ingest.model import Article
from reader.library import codec, mention_index
from reader.library import cooccurrence as cooccurrence_module
from reader.library import surfaces as surfaces_module
from reader.library.codec import FORMAT, RawAnalysis
from reader.library.surfaces import named, variants
from reader.library.corrected import _corrected_mentions, correct, correct_raw, correct_raws, corrected_library, recache
from reader.library.library import Library
import reader.library.load as library_load
from reader.library.load import load_library
from reader.library.store import Store
from reader.paths import SEEDS

REAL = Path(__file__).resolve().parent.parent / "data" / "real" / "articles"


@pytest.fixture(scope="module")
def analysed() -> tuple[Analyzer, list[Article], dict[str, Analysis]]:
    analyzer = Analyzer()
    paths = sorted(SEEDS.glob("*.*")) + [REAL / "002.md", REAL / "006.md", REAL / "007.md"]
    articles = [load_file(p) for p in paths if p.suffix in {".md", ".txt", ".html"}]
    return analyzer, articles, {a.key: analyzer.analyse(a) for a in articles}


CORRECTIONS: list[Correction] = [
    Rename("字节跳动", "ByteDance"),
    Rename("腾讯", "腾讯控股"),
    Retype("抖音", EntityType.ORG),
    Merge("抖音", "字节跳动"),
    Merge("阿里巴巴", "淘宝"),
    SplitAlias("字节", EntityType.PRODUCT),
    Ignore("抖音"),
    Ignore("中国"),
    Ignore("阿里"),
    AddEntity("苹果", EntityType.PRODUCT),
    AddEntity("直播电商", EntityType.PRODUCT),
    AddEntity("电商", EntityType.PRODUCT),
    AddEntity("快狗", EntityType.ORG),
    AddEntity("同城货运", EntityType.PRODUCT),
]


@pytest.mark.parametrize("correction", CORRECTIONS, ids=repr)
def test_a_correction_over_the_analyses_agrees_with_analysing_again(analysed, correction: Correction) -> None:  # noqa: ANN001
    analyzer, articles, analyses = analysed
    library = Library("test", articles, dict(analyses))
    corrected, _touched = corrected_library(library, (correction,))
    afresh = analyzer.with_corrections(Corrections((correction,)))
    for article in articles:
        want, got = afresh.analyse(article), corrected.analysis(article.key)
        assert got.mentions == want.mentions, article.key
        assert [(f.start, f.subject, f.label) for f in got.figures] == [(f.start, f.subject, f.label) for f in want.figures]
        assert got.quotes == want.quotes


@pytest.mark.parametrize("correction", CORRECTIONS, ids=repr)
def test_mentions_corrected_packed_are_those_corrected_as_objects(analysed, correction: Correction) -> None:  # noqa: ANN001
    """A retype, merge or ignore rewrites an article's packed mentions without building them
    (issue 18): entities, their types and the mentions must come out as correcting the
    Mention objects and packing them again would make them (in order of first mention)."""
    _analyzer, articles, analyses = analysed
    types = {s.name: s.type for s in Library("test", articles, dict(analyses)).entities()}
    every = correct_raws(articles, [RawAnalysis.of(analyses[a.key]) for a in articles], correction, types)  # all at once
    for article, got in zip(articles, every, strict=True):
        analysis = analyses[article.key]
        text = article.text[: analysed_length(article.text)]
        want = RawAnalysis.of(Analysis(tuple(_corrected_mentions(text, list(analysis.mentions), correction, types))))
        assert (got.entities, got.types, list(got.mentions)) == (want.entities, want.types, list(want.mentions)), article.key


@pytest.mark.parametrize(
    "correction",
    [Merge("抖音", "字节跳动"), Merge("字节跳动", "抖音"), Merge("今日头条", "字节跳动"), Retype("字节跳动", EntityType.ORG), Ignore("字节"), Ignore("抖音")],
    ids=repr,
)
def test_mentions_corrected_packed_keep_each_entity_the_type_of_its_first_mention(correction: Correction) -> None:
    """The library's type of a name need not be the one its first mention in an article has:
    a merged entity takes the type of whichever mention of the two comes first."""
    text = "抖音和字节跳动，字节与今日头条，抖音。"
    mentions = (
        Mention(0, 2, "抖音", EntityType.PRODUCT, "抖音"),
        Mention(3, 7, "字节跳动", EntityType.PERSON, "字节跳动"),
        Mention(8, 10, "字节跳动", EntityType.ORG, "字节"),
        Mention(11, 15, "今日头条", EntityType.PRODUCT, "今日头条"),
        Mention(16, 18, "抖音", EntityType.ORG, "抖音"),
    )
    article = Article(key="a.md", file="a.md", title="a", text=text)
    types = {"抖音": EntityType.PRODUCT, "字节跳动": EntityType.ORG, "今日头条": EntityType.PRODUCT}
    want = RawAnalysis.of(Analysis(tuple(_corrected_mentions(text, list(mentions), correction, types))))
    got = correct_raw(article, RawAnalysis.of(Analysis(mentions)), correction, types)
    assert (got.entities, got.types, list(got.mentions)) == (want.entities, want.types, list(want.mentions))
    # how each name is written, stored with the listing, carried over (not counted from the text
    # again: a merge of a name in 10k articles read every text for it)
    stored = RawAnalysis.of(Analysis(mentions))
    stored.variants = variants(text, stored.entities, stored.mentions)
    carried = correct_raw(article, stored, correction, types)
    assert carried.variants is not None or isinstance(correction, Ignore)  # an ignore may correct objects
    if carried.variants is not None:
        def written(raw: RawAnalysis) -> dict[str, Counter[str]]:
            return {name: Counter(dict(zip(flat[0::2], flat[1::2]))) for name, flat in named(raw.variants or "", raw.entities).items()}

        assert written(carried) == written(_with_variants(text, carried))


def test_only_the_articles_naming_it_are_touched(analysed) -> None:  # noqa: ANN001
    _analyzer, articles, analyses = analysed
    library = Library("test", articles, dict(analyses))
    _corrected, touched = corrected_library(library, (Rename("快狗打车", "GOGOX 快狗"),))
    assert [a.key for a in touched] == ["007.md"]


def test_the_cache_is_rewritten_under_the_corrected_version(tmp_path: Path, analysed, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    analyzer, _articles, _analyses = analysed
    folder = tmp_path / "lib"
    folder.mkdir()
    for name in ("000_92185e7afd4ccf9e.txt", "001_ab46896dce5387b1.txt"):
        (folder / name).write_bytes((SEEDS / name).read_bytes())
        os.utime(folder / name, ns=(1_600_000_000 * 10**9, 1_600_000_000 * 10**9))  # not written a moment ago
    store = Store.open(tmp_path)
    try:
        library = load_library([folder], store, analyzer)
        store.put_documents([("0" * 64, b"an older Reader's analysis")], "older-version.1")
        ignore = Corrections().ignore("抖音")
        after = analyzer.with_corrections(ignore)
        _library, touched = corrected_library(library, ignore.items)
        types = {s.name: s.type for s in library.entities()}
        assert recache(store, touched, ignore.items, [(analyzer.version, after.version)], types) > 0
        versions = {row[0] for row in store.connection.execute("SELECT DISTINCT version FROM documents")}
        assert versions == {f"{analyzer.version}.{FORMAT}", f"{after.version}.{FORMAT}"}  # no third copy kept
        reads: list[object] = []
        monkeypatch.setattr(library_load, "read_file", lambda found: reads.append(found))
        decodes: list[str] = []
        real_decode = codec.decode_raw
        monkeypatch.setattr(codec, "decode_raw", lambda payload, key, *rest: (decodes.append(key), real_decode(payload, key, *rest))[1])
        reopened = load_library([folder], store, after)
        assert reads == []  # every article came from the cache
        assert decodes == []  # listed: the corrected entries were written with their listings
    finally:
        store.close()
    assert not reopened.mentions_of("抖音") and len(reopened) == 2
    assert reopened.mentions_of("字节跳动")


@pytest.mark.parametrize("correction", [Rename("字节跳动", "ByteDance"), Ignore("抖音"), AddEntity("直播电商", EntityType.PRODUCT)], ids=repr)
def test_a_library_updated_for_a_few_articles_is_the_library_built_afresh(analysed, correction: Correction) -> None:  # noqa: ANN001
    """A correction touching a few articles updates the index name by name (issue 18): it
    must hold exactly what building the library again would."""
    _analyzer, articles, analyses = analysed
    library = Library("test", articles, dict(analyses))
    library.entities()
    library.prepare_search()
    key = next(a.key for a in articles if any(m.entity in ("字节跳动", "抖音") for m in analyses[a.key].mentions))
    changed = {key: correct(library.article(key), analyses[key], correction, {s.name: s.type for s in library.entities()})}
    updated = library._updated({library.position(key): RawAnalysis.of(changed[key])})
    afresh = Library("test", articles, {**analyses, **changed})
    assert updated.entities() == afresh.entities()
    for name in afresh.entity_names():
        assert list(updated.mentions_of(name)) == list(afresh.mentions_of(name))
        assert updated.articles_naming(name) == afresh.articles_naming(name)
    assert set(updated.entity_names()) == set(afresh.entity_names())
    assert [h.article for h in updated.search("直播")] == [h.article for h in afresh.search("直播")]
    assert updated.pinyin_index().matching("zjtd") == afresh.pinyin_index().matching("zjtd")


def _relabel_analysis(analysis: Analysis, old: str, new: str) -> Analysis:
    return Analysis(
        tuple(replace(m, entity=new) if m.entity == old else m for m in analysis.mentions),
        tuple(replace(f, subject=new) if f.subject == old else f for f in analysis.figures),
        analysis.partial,
        tuple(replace(q, speaker=new) if q.speaker == old else q for q in analysis.quotes),
    )


def test_a_renamed_library_is_the_library_built_afresh(analysed) -> None:  # noqa: ANN001
    """A rename to a new name relabels the index instead of building it again (issue 18):
    it must hold exactly what building the library from the renamed analyses would."""
    _analyzer, articles, analyses = analysed
    library = Library("test", articles, dict(analyses))
    library.entities()
    library.prepare_search()
    renamed = library.renamed("字节跳动", "ByteDance")
    afresh = Library("test", articles, {k: _relabel_analysis(a, "字节跳动", "ByteDance") for k, a in analyses.items()})
    assert renamed.entities() == afresh.entities()
    assert set(renamed.entity_names()) == set(afresh.entity_names())
    for name in afresh.entity_names():
        assert list(renamed.mentions_of(name)) == list(afresh.mentions_of(name))
        assert renamed.articles_naming(name) == afresh.articles_naming(name)
        assert renamed.cooccurring(name) == afresh.cooccurring(name)
    for article in articles:
        assert renamed.article_entities(article.key) == afresh.article_entities(article.key)
        assert renamed.analysis(article.key) == afresh.analysis(article.key)
    assert renamed.figures_about("ByteDance") == afresh.figures_about("ByteDance")
    assert renamed.pinyin_index().matching("bytedance") == afresh.pinyin_index().matching("bytedance")
    assert not renamed.mentions_of("字节跳动") and library.mentions_of("字节跳动")  # the first is left as it was


def _seeds_copy(tmp_path: Path) -> Path:
    """The seeds copied into a folder of their own, with a fixed mtime (a reopen skips them)."""
    folder = tmp_path / "lib"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
        os.utime(folder / path.name, ns=(1_600_000_000 * 10**9, 1_600_000_000 * 10**9))
    return folder


def test_a_rename_over_a_reopened_library_agrees_with_analysing_again(
    tmp_path: Path, analysed, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """Over a library reopened from the cache (its articles listed: figures and quotes in the
    cache), a rename — and a rename of the renamed name — reads no payload and no file, and
    the articles, cards and mentions then agree with analysing afresh under the corrections."""
    analyzer, _articles, _analyses = analysed
    with closing(Store.open(tmp_path)) as store:
        folder, reopened = _reopened_seeds(tmp_path, store, analyzer)
    assert reopened.articles_naming("字节跳动")
    assert all(not reopened.listed(a.key).blocks for a in reopened.articles)  # listed: figures in the cache
    decodes: list[str] = []
    real_decode = codec.decode_raw
    monkeypatch.setattr(codec, "decode_raw", lambda payload, key, *rest: (decodes.append(key), real_decode(payload, key, *rest))[1])
    monkeypatch.setattr(library_load, "read_file", lambda found: pytest.fail(f"read {found}"))
    corrections = Corrections()
    library = reopened
    for old, new in (("字节跳动", "ByteDance"), ("ByteDance", "字节跳动集团")):
        corrections = corrections.rename(old, new)
        library, touched = corrected_library(library, corrections.items[-1:])
        assert touched and decodes == []  # nothing read to rename
    afresh = analyzer.with_corrections(corrections)
    articles = [load_file(folder / name) for name in sorted(p.name for p in folder.iterdir())]
    want = Library("test", articles, {a.key: afresh.analyse(a) for a in articles})
    for name in ("字节跳动集团", "抖音"):
        assert library.figures_about(name) == want.figures_about(name)
        assert library.quotes_by(name) == want.quotes_by(name)
        assert library.entity(name) == want.entity(name)
    assert library.figures_about("字节跳动集团")  # the card has figures to show
    assert decodes == []  # a card reads what the cache cites under the old name
    assert library.entity("字节跳动") is None and library.entity("ByteDance") is None
    for article in articles:
        got, expected = library.analysis(article.key), want.analysis(article.key)
        assert got.mentions == expected.mentions, article.key
        assert [(f.start, f.subject, f.label) for f in got.figures] == [(f.start, f.subject, f.label) for f in expected.figures]
        assert got.quotes == expected.quotes


@pytest.mark.parametrize(
    "correction",
    [
        Retype("字节跳动", EntityType.PRODUCT),
        Merge("抖音", "字节跳动"),
        Merge("字节跳动", "抖音"),
        Rename("今日头条", "字节跳动"),  # onto a name the library holds: the articles naming only the target are left alone
        Ignore("字节跳动"),
        Ignore("抖音"),
        Ignore("字节"),  # a surface another name goes by: its mentions dropped, the name's first ones move
        # one over another: a rename relabels mentions whose figures are still to be read
        (Retype("字节跳动", EntityType.PRODUCT), Rename("字节跳动", "ByteDance")),
        (Ignore("抖音"), Merge("今日头条", "字节跳动"), Retype("字节跳动", EntityType.PERSON)),
    ],
    ids=repr,
)
@pytest.mark.parametrize("array_min", [10**9, 0], ids=["by loop", "by arrays"])
def test_a_wide_correction_over_a_reopened_library_reads_nothing_and_agrees_with_analysing_again(
    tmp_path: Path, analysed, monkeypatch: pytest.MonkeyPatch, correction: Correction | tuple[Correction, ...], array_min: int  # noqa: ANN001
) -> None:
    """A retype, merge or ignore of a name in (nearly) every article, over a library reopened
    from the cache: the correction reads no payload and no file (issue 18: 50-70 s at 10k when
    it read every article's figures again); then the index, the opened articles' figures and
    quotes, the cards, and the library reopened from the rewritten cache (after a restart)
    all agree with analysing afresh, and the cache of before the correction (an undo's) is
    left as it was. Both ways of placing the mentions in the index are checked (numpy places
    them in a large library)."""
    monkeypatch.setattr(mention_index, "_ARRAY_INDEX_MIN", array_min)
    analyzer, _articles, _analyses = analysed
    store = Store.open(tmp_path)
    with closing(store):
        folder, reopened = _reopened_seeds(tmp_path, store, analyzer)
        assert len(reopened.articles_naming("字节跳动")) > 1 and len(reopened.articles_naming("抖音")) > 1
        decodes: list[str] = []
        real_decode = codec.decode_raw
        monkeypatch.setattr(codec, "decode_raw", lambda payload, key, *rest: (decodes.append(key), real_decode(payload, key, *rest))[1])
        monkeypatch.setattr(library_load, "read_file", lambda found: pytest.fail(f"read {found}"))
        corrections = Corrections(correction if isinstance(correction, tuple) else (correction,))
        library, touched, steps = reopened, [], []
        for one in corrections.items:  # as the window applies them: each over the library the last left
            types = {s.name: s.type for s in library.entities()}
            before, (library, now) = library, corrected_library(library, (one,))
            steps.append((before, one, types, now))
            touched += [a for a in now if a not in touched]
        assert touched and decodes == []  # nothing read to correct
        after = analyzer.with_corrections(corrections)
        articles = [load_file(folder / name) for name in sorted(p.name for p in folder.iterdir())]
        want = Library("test", articles, {a.key: after.analyse(a) for a in articles})
        # the index every panel reads
        assert library.entities() == want.entities()
        assert set(library.entity_names()) == set(want.entity_names())
        for name in want.entity_names():
            assert list(library.mentions_of(name)) == list(want.mentions_of(name)), name
            assert library.articles_naming(name) == want.articles_naming(name)
        for article in articles:
            assert library.article_entities(article.key) == want.article_entities(article.key)
        # the cards, and each article as it is opened: no figure or quote of before the correction
        for name in ("字节跳动", "抖音", "今日头条"):
            assert library.figures_about(name) == want.figures_about(name), name
            assert library.quotes_by(name) == want.quotes_by(name), name
        for article in articles:
            got, expected = library.analysis(article.key), want.analysis(article.key)
            assert got.mentions == expected.mentions, article.key
            assert [(f.start, f.subject, f.label) for f in got.figures] == [(f.start, f.subject, f.label) for f in expected.figures]
            assert got.quotes == expected.quotes
        # the cache rewritten as the window does it, step by step, then the next launch under
        # the corrections, and an undo of the last (the library opened under the others)
        monkeypatch.setattr(codec, "decode_raw", real_decode)
        done = Corrections()
        for before, one, types, now in steps:
            old, done = analyzer.with_corrections(done), Corrections((*done.items, one))
            recache(store, now, (one,), [(old.version, analyzer.with_corrections(done).version)], types)
        again = load_library([folder], store, after)
        undone = load_library([folder], store, analyzer.with_corrections(Corrections(corrections.items[:-1])))
    for article in articles:
        got, expected = again.analysis(article.key), want.analysis(article.key)
        assert got.mentions == expected.mentions, article.key
        assert [(f.start, f.subject, f.label) for f in got.figures] == [(f.start, f.subject, f.label) for f in expected.figures]
        assert got.quotes == expected.quotes
        assert undone.analysis(article.key) == steps[-1][0].analysis(article.key)
    assert again.figures_about("字节跳动") == want.figures_about("字节跳动")


@pytest.mark.parametrize(("ignored", "reading"), [("抖音", set()), ("字节", {"字节跳动"})])
def test_an_ignore_reads_only_the_texts_where_another_name_goes_by_it(
    tmp_path: Path, analysed, monkeypatch: pytest.MonkeyPatch, ignored: str, reading: set[str]  # noqa: ANN001
) -> None:
    """An ignore over a reopened library (issue 18, point 2: 4.4 s at 10k, most of it reading
    texts) reads no text to find the articles it changes (their names' own index), and reads
    one only where another name is written as the ignored one there (its stored variants say
    so): ignoring 抖音 reads none, ignoring 字节 only those where 字节跳动 is written 字节."""
    from reader.library import texts

    analyzer, _articles, _analyses = analysed
    with closing(Store.open(tmp_path)) as store:
        _folder, reopened = _reopened_seeds(tmp_path, store, analyzer)
        read: list[str] = []
        real_listed = texts.listed_texts
        monkeypatch.setattr(texts, "listed_texts", lambda db, hashes, version: (read.extend(hashes), real_listed(db, hashes, version))[1])
        library, touched = corrected_library(reopened, (Ignore(ignored),))
    assert touched and ignored not in library.entity_names()
    written = {
        a.content_hash
        for a in touched
        if any(ignored in named(reopened.held(a.key).variants or "", reopened.article_entities(a.key)).get(n, [])[0::2] for n in reading)
    }
    assert set(read) == written and (bool(written) == bool(reading))


def _with_variants(text: str, raw: RawAnalysis) -> RawAnalysis:
    """``raw`` with its variants counted from ``text``."""
    counted = RawAnalysis(raw.entities, raw.mentions, None, raw.types, raw.partial, None, raw.sketch)
    counted.variants = variants(text, raw.entities, raw.mentions)
    return counted


class _CutShort(Exception):
    """Reader quit in the middle of a cache's rewrite."""


def _reopened_seeds(tmp_path: Path, store: Store, analyzer: Analyzer) -> tuple[Path, Library]:
    """The seeds loaded into ``store`` once and then reopened from it (listed: their figures and
    quotes in the cache)."""
    folder, _ = _seeds_library(tmp_path, store, analyzer)
    return folder, load_library([folder], store, analyzer)


def _seeds_library(tmp_path: Path, store: Store, analyzer: Analyzer) -> tuple[Path, Library]:
    folder = _seeds_copy(tmp_path)
    return folder, load_library([folder], store, analyzer)


def test_a_cache_rewrite_cut_short_leaves_no_entry_the_correction_should_have_changed(
    tmp_path: Path, analysed, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """Quitting during a cache's rewrite (a minute at 10k for a name in every article) ends it
    wherever it is: the next launch may analyse some articles again, but must never read an
    entry of the corrected version that still holds what the correction changed."""
    analyzer, _articles, _analyses = analysed
    with closing(Store.open(tmp_path)) as store:
        folder, library = _seeds_library(tmp_path, store, analyzer)
        ignore = Corrections().ignore("抖音")
        after = analyzer.with_corrections(ignore)
        _library, touched = corrected_library(library, ignore.items)
        types = {s.name: s.type for s in library.entities()}

        def cut_short(*args: object, **kwargs: object) -> None:
            raise _CutShort

        with monkeypatch.context() as patched:
            patched.setattr(Store, "put_documents", cut_short)
            with pytest.raises(_CutShort):
                recache(store, touched, ignore.items, [(analyzer.version, after.version)], types)
        reopened = load_library([folder], store, after)
    assert not reopened.mentions_of("抖音")
    assert all(m.entity != "抖音" for a in reopened.articles for m in reopened.analysis(a.key).mentions)


def test_the_cache_rewrite_reads_the_figures_again_once_for_the_library_too(
    tmp_path: Path, analysed, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """A corrected article's figures and quotes are read again once: the cache's rewrite
    keeps them in the corrected library it is given, whose cards and articles then read none
    (at 10k, reading them all again takes about a minute)."""
    analyzer, _articles, _analyses = analysed
    with closing(Store.open(tmp_path)) as store:
        _folder, library = _seeds_library(tmp_path, store, analyzer)
        merge = Corrections().merge("抖音", "字节跳动")
        corrected, touched = corrected_library(library, merge.items)
        reads: list[str] = []
        real_read_over = codec.read_over
        monkeypatch.setattr(codec, "read_over", lambda text, *rest: (reads.append(text), real_read_over(text, *rest))[1])
        types = {s.name: s.type for s in library.entities()}
        after = analyzer.with_corrections(merge)
        assert recache(store, touched, merge.items, [(analyzer.version, after.version)], types, corrected) == len(touched)
        assert len(reads) == len(touched)
        corrected.figures_about("字节跳动")
        corrected.quotes_by("字节跳动")
        for article in touched:
            corrected.analysis(article.key)
        # and told the variants it counted from each text (the next correction asks them)
        held = [corrected._raw[corrected.position(a.key)] for a in touched]
        assert not any(callable(raw.variants_as_told) for raw in held)
        assert [raw.variants for raw in held] == [variants(a.text, raw.entities, raw.mentions) for a, raw in zip(touched, held)]
    assert len(reads) == len(touched)


_NAMES = ["字节跳动", "字节", "抖音", "3", 'A"B', "阿里"]


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(_NAMES), min_size=1, max_size=5, unique=True).flatmap(
        lambda entities: st.tuples(
            st.just(entities),
            st.dictionaries(
                st.integers(0, len(entities) - 1),
                st.lists(st.tuples(st.sampled_from(_NAMES), st.integers(1, 9)), min_size=1, max_size=3, unique_by=lambda p: p[0]),
            ),
        )
    ),
    st.sampled_from(_NAMES),
)
def test_whether_another_name_is_written_so_is_read_off_the_stored_variants_as_parsing_them_says(case, name: str) -> None:  # noqa: ANN001
    """An ignore asks every touched article whether another name is written as the ignored
    surface (read off the variants' string, not parsed: 64 → 20 ms over 10k articles); the
    answer is the parsed variants' (names with quotes in them, a name of digits like a key)."""
    from reader.library.mention_rewrite import written_for_another

    entities, listed = case
    stored = json.dumps({str(k): [x for pair in flat for x in pair] for k, flat in listed.items()}, ensure_ascii=False, separators=(",", ":")) if listed else ""
    raw = RawAnalysis(entities, array("i"), None, ["org"] * len(entities), None, None, None, variants=stored)
    local = entities.index(name) if name in entities else -1
    assert written_for_another(raw, name) == any(k != local and name in [s for s, _ in flat] for k, flat in listed.items())


@pytest.mark.parametrize(
    ("source", "target"),
    [("抖音", "字节跳动"), ("字节跳动", "抖音"), ("今日头条", "字节跳动"), ("淘宝", "阿里巴巴"), ("快手", "抖音电商")],
)
def test_a_merges_surfaces_are_joined_from_the_two_as_counting_every_article_again_gives(
    tmp_path: Path, analysed, monkeypatch: pytest.MonkeyPatch, source: str, target: str  # noqa: ANN001
) -> None:
    """A merge tells the joined name's surfaces (its card's aliases, in order) from the two
    names' and the first articles naming them, not from every article's variants rewritten
    (read lazily, when a later correction or count asks): what counting them all again gives."""
    analyzer, _articles, _analyses = analysed
    with closing(Store.open(tmp_path)) as store:
        _folder, reopened = _reopened_seeds(tmp_path, store, analyzer)
        reopened.entities()
        assert reopened.joined_surfaces(source, target) is not None
        counted: list[str] = []
        real = surfaces_module.count_over
        monkeypatch.setattr(surfaces_module, "count_over", lambda names, *rest, **kw: (counted.extend(names), real(names, *rest, **kw))[1])
        built: list[object] = []
        real_together = cooccurrence_module.NamedTogether
        monkeypatch.setattr(cooccurrence_module, "NamedTogether", lambda *a: (built.append(a), real_together(*a))[1])
        library, _touched = corrected_library(reopened, (Merge(source, target),))
        got = library.entity(target)
        assert target not in counted  # told from the two, not counted again
        assert not built  # which names go together: left to the card that asks
        recounted = real([target], library._index, library._raw, library._texts)[target]
        afresh = Library("test", library.articles, {a.key: library.analysis(a.key) for a in library.articles})
        assert library.cooccurring(target) == afresh.cooccurring(target) and built
    assert got is not None and got.aliases == tuple(s for s, _ in recounted.most_common())
