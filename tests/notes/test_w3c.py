from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import AnnotationFileError
from reader.ingest.model import Article
from reader.library.store import Store
from reader.notes.model import Annotation, Color, Kind, Selector, new_annotation
from reader.notes.repository import AnnotationRepository
from reader.notes.undo import UndoStack
from reader.notes.w3c import CONTEXT, import_w3c, plan_import, read_w3c, to_w3c

LIB = "/data/articles"
TEXT = "美团发布财报，核心本地商业收入增长。\n😀 外卖订单量创新高，𠀀字也在。\n王兴表示将继续投入。"
ARTICLE = Article(key="news/meituan.md", file="news/meituan.md", title="美团财报", text=TEXT)
ARTICLES = {ARTICLE.key: ARTICLE}


def _at(quote: str) -> Selector:
    start = TEXT.index(quote)
    return Selector.from_text(TEXT, start, start + len(quote))


def _sample() -> list[Annotation]:
    at = TEXT.index("王兴")
    return [
        new_annotation(LIB, ARTICLE.key, Kind.HIGHLIGHT, selector=_at("外卖订单量创新高"), note="**关键**", tags=("外卖", "财报"), color=Color.PINK),
        new_annotation(LIB, ARTICLE.key, Kind.BOOKMARK, selector=Selector.from_text(TEXT, at, at), name="从这里读"),
        new_annotation(LIB, ARTICLE.key, Kind.BOOKMARK, selector=_at("核心本地商业"), name="段落"),
        new_annotation(LIB, ARTICLE.key, Kind.ENTITY_NOTE, entity="美团", note="文章里的实体笔记"),
        new_annotation(LIB, "", Kind.ENTITY_NOTE, entity="王兴", note="全库的实体笔记", tags=("人物",)),
    ]


@pytest.fixture
def repo(tmp_path: Path):  # noqa: ANN201
    store = Store.open(tmp_path)
    yield AnnotationRepository(store)
    store.close()


def test_w3c_document_shape() -> None:
    document = to_w3c(_sample(), ARTICLES)
    assert document["@context"] == CONTEXT
    assert document["type"] == "AnnotationCollection"
    items = document["first"]["items"]
    assert document["total"] == len(items) == 5
    highlight = items[0]
    assert highlight["type"] == "Annotation" and highlight["motivation"] == "highlighting"
    assert highlight["id"].startswith("urn:uuid:")
    assert highlight["target"]["source"] == "file:///data/articles/news/meituan.md"  # an absolute IRI
    quote, position = highlight["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "外卖订单量创新高"
    assert position == {"type": "TextPositionSelector", "start": TEXT.index("外卖"), "end": TEXT.index("外卖") + 8}
    assert {"type": "TextualBody", "value": "**关键**", "format": "text/markdown", "purpose": "commenting"} in highlight["body"]
    assert {"type": "TextualBody", "value": "外卖", "purpose": "tagging"} in highlight["body"]
    assert items[1]["motivation"] == "bookmarking"
    assert items[4]["target"]["source"] == "urn:reader:entity:%E7%8E%8B%E5%85%B4"
    json.dumps(document)  # plain JSON


def test_w3c_round_trip_is_identity_and_reimport_adds_nothing(repo: AnnotationRepository) -> None:
    original = _sample()
    document = json.loads(json.dumps(to_w3c(original, ARTICLES), ensure_ascii=False))
    result = import_w3c(document, LIB, repo, {ARTICLE.key: ARTICLE})
    assert (result.added, result.unchanged, result.orphaned, result.problems) == (5, 0, 0, [])
    assert sorted(repo.for_library(LIB), key=lambda a: a.id) == sorted(original, key=lambda a: a.id)
    again = import_w3c(document, LIB, repo, {ARTICLE.key: ARTICLE})
    assert (again.added, again.unchanged) == (0, 5)
    assert len(repo.for_library(LIB)) == 5


def test_w3c_import_newer_version_updates(repo: AnnotationRepository) -> None:
    first = _sample()[0]
    repo.add(first)
    newer = first.edited(note="改过")
    newer = Annotation(**{**{f: getattr(newer, f) for f in newer.__slots__}, "modified": "2999-01-01T00:00:00+00:00"})
    result = import_w3c(to_w3c([newer], ARTICLES), LIB, repo, {ARTICLE.key: ARTICLE})
    assert result.updated == 1 and repo.get(first.id) == newer
    assert import_w3c(to_w3c([first], ARTICLES), LIB, repo, {ARTICLE.key: ARTICLE}).unchanged == 1  # older: kept
    assert repo.get(first.id) == newer


def test_w3c_import_reanchors_in_changed_text(repo: AnnotationRepository) -> None:
    document = to_w3c(_sample()[:1], ARTICLES)
    changed = Article(key=ARTICLE.key, file=ARTICLE.file, title="t", text="【更新】" + TEXT.replace("创新高", "再创新高"))
    result = import_w3c(document, LIB, repo, {ARTICLE.key: changed})
    (stored,) = repo.for_library(LIB)
    assert result.orphaned == 0
    assert stored.quote == "外卖订单量再创新高"
    assert changed.text[stored.selector.start : stored.selector.end] == "外卖订单量再创新高"  # type: ignore[union-attr]


def test_w3c_import_foreign_file_dedupes_on_passage(repo: AnnotationRepository) -> None:
    foreign = {
        "@context": CONTEXT,
        "type": "AnnotationPage",
        "items": [
            {
                "id": "https://example.org/anno/1",
                "type": "Annotation",
                "bodyValue": "外部工具的笔记",
                "target": {
                    "source": "file:///home/someone/articles/news/meituan.md",
                    "selector": {"type": "TextQuoteSelector", "exact": "王兴表示", "prefix": "在。\n", "suffix": "将继续"},
                },
            },
            {"type": "Annotation", "target": {"source": "news/meituan.md"}},  # no passage, no entity
        ],
    }
    result = import_w3c(foreign, LIB, repo, {ARTICLE.key: ARTICLE})
    assert result.added == 1 and result.problems == ["item 2: annotation has neither a text selector nor an entity"]
    (stored,) = repo.for_library(LIB)
    assert stored.kind is Kind.HIGHLIGHT and stored.note == "外部工具的笔记"
    assert stored.article_key == ARTICLE.key
    assert TEXT[stored.selector.start : stored.selector.end] == "王兴表示"  # type: ignore[union-attr]
    assert import_w3c(foreign, LIB, repo, {ARTICLE.key: ARTICLE}).added == 0
    assert len(repo.for_library(LIB)) == 1


def test_w3c_import_of_another_librarys_notes_says_why_it_skipped_them(repo: AnnotationRepository) -> None:
    result = import_w3c(to_w3c(_sample(), ARTICLES), LIB, repo, {})
    assert (result.added, result.elsewhere) == (2, [f"{LIB}/{ARTICLE.key}"] * 3)  # the entity notes need no article
    assert f"3 skipped because their article is not in 文章库 (the first targets '{LIB}/news/meituan.md'" in result.summary("文章库")
    assert {a.kind for a in repo.for_library(LIB)} == {Kind.ENTITY_NOTE}


def test_w3c_import_rejects_non_annotation_json(repo: AnnotationRepository) -> None:
    with pytest.raises(AnnotationFileError, match="not a W3C"):
        import_w3c({"hello": "world"}, LIB, repo, {})


_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=120)
_word = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_text, data=st.data())
def test_w3c_round_trip_any_text_and_annotations(tmp_path_factory: pytest.TempPathFactory, text: str, data: st.DataObject) -> None:
    key = data.draw(_word)
    article = Article(key=key, file=key, title="t", text=text)
    written = []
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        kind = data.draw(st.sampled_from([Kind.HIGHLIGHT, Kind.BOOKMARK, Kind.ENTITY_NOTE]))
        written.append(
            new_annotation(
                LIB,
                key if kind is not Kind.ENTITY_NOTE or data.draw(st.booleans()) else "",
                kind,
                selector=Selector.from_text(text, start, end) if kind is not Kind.ENTITY_NOTE else None,
                entity=data.draw(_word) if kind is Kind.ENTITY_NOTE else None,
                color=data.draw(st.sampled_from(Color)),
                note=data.draw(st.text(st.characters(codec="utf-8"), max_size=30)),
                tags=tuple(data.draw(st.lists(_word, max_size=3, unique=True))),
                name=data.draw(_word) if kind is Kind.BOOKMARK else "",
            )
        )
    store = Store.open(tmp_path_factory.mktemp("w3c"))
    repo = AnnotationRepository(store)
    exported = json.dumps(to_w3c(written, {key: article}), ensure_ascii=False)
    result = import_w3c(json.loads(exported), LIB, repo, {key: article})
    assert result.problems == []
    assert sorted(repo.for_library(LIB), key=lambda a: a.id) == sorted(written, key=lambda a: a.id)
    store.close()


def _selectors(item: dict) -> dict[str, dict]:
    return {s["type"]: s for s in item["target"]["selector"]}


def test_w3c_export_positions_follow_the_article_as_it_is_now() -> None:
    """Notes made on the old text, exported after the article changed: every position slices
    its quote out of the new text; a passage that is gone is an orphan with only its quote."""
    sample = _sample()
    gone = new_annotation(LIB, ARTICLE.key, Kind.HIGHLIGHT, selector=_at("核心本地商业收入增长"), note="旧的")
    edited = "【快讯】美团发布第三季度财报。\n" + TEXT.replace("核心本地商业收入增长。", "").replace("创新高", "再创新高")
    changed = {ARTICLE.key: Article(key=ARTICLE.key, file=ARTICLE.file, title="t", text=edited)}
    items = {item["id"]: item for item in to_w3c([*sample, gone], changed)["first"]["items"]}

    highlight = _selectors(items[f"urn:uuid:{sample[0].id}"])
    position = highlight["TextPositionSelector"]
    assert edited[position["start"] : position["end"]] == highlight["TextQuoteSelector"]["exact"] == "外卖订单量再创新高"
    assert edited[: position["start"]].endswith(highlight["TextQuoteSelector"]["prefix"])
    bookmark = _selectors(items[f"urn:uuid:{sample[1].id}"])["TextPositionSelector"]
    assert edited[bookmark["start"] :].startswith("王兴")

    orphan = items[f"urn:uuid:{gone.id}"]
    assert orphan["reader:orphaned"] is True
    assert orphan["@context"] == [CONTEXT, {"reader": "urn:reader:terms#"}]
    assert list(_selectors(orphan)) == ["TextQuoteSelector"] and _selectors(orphan)["TextQuoteSelector"]["exact"] == "核心本地商业收入增长"
    orphans = {f"urn:uuid:{gone.id}", f"urn:uuid:{sample[2].id}"}  # the bookmarked paragraph went too
    assert {key for key, item in items.items() if item.get("reader:orphaned")} == orphans
    assert all(item["@context"] == CONTEXT for key, item in items.items() if key not in orphans)


def test_w3c_export_of_a_removed_article_orphans_its_passages() -> None:
    items = to_w3c(_sample(), {})["first"]["items"]
    assert [bool(item.get("reader:orphaned")) for item in items] == [True, True, True, False, False]


def test_w3c_import_is_one_undoable_step(repo: AnnotationRepository) -> None:
    first = _sample()[0]
    repo.add(first)
    newer = Annotation(**{**{f: getattr(first, f) for f in first.__slots__}, "note": "改过", "modified": "2999-01-01T00:00:00+00:00"})
    undo = UndoStack(repo)
    result = plan_import(to_w3c([newer, *_sample()[1:]], ARTICLES), LIB, repo, ARTICLES)
    assert (result.added, result.updated) == (4, 1) and len(repo.for_library(LIB)) == 1  # planning writes nothing
    undo.add_batch(result.changes, "import 5 annotations")
    assert len(repo.for_library(LIB)) == 5 and repo.get(first.id) == newer
    assert undo.undo_text == "import 5 annotations"
    undo.undo()
    assert repo.for_library(LIB) == [first]
    undo.redo()
    assert len(repo.for_library(LIB)) == 5 and repo.get(first.id) == newer
    undo.add_batch([], "import 0 annotations")  # nothing new: no step to undo
    assert undo.undo_text == "import 5 annotations"


def test_w3c_import_of_one_file_with_a_passage_twice_adds_it_once(repo: AnnotationRepository) -> None:
    item = {"type": "Annotation", "target": {"source": ARTICLE.key, "selector": {"type": "TextQuoteSelector", "exact": "王兴表示"}}}
    result = import_w3c({"type": "AnnotationPage", "items": [item, dict(item, id="https://x/2")]}, LIB, repo, ARTICLES)
    assert (result.added, result.unchanged) == (1, 1) and len(repo.for_library(LIB)) == 1


OTHER = "/elsewhere/articles-copy"


def test_w3c_import_into_a_copied_library_adds_its_own_notes_and_leaves_the_original_alone(repo: AnnotationRepository) -> None:
    original = _sample()
    repo.write_many(put=original)
    newer = [Annotation(**{**{f: getattr(a, f) for f in a.__slots__}, "modified": "2999-01-01T00:00:00+00:00"}) for a in original]
    for document in (to_w3c(original, ARTICLES), to_w3c(newer, ARTICLES)):  # whatever the dates
        import_w3c(json.loads(json.dumps(document)), OTHER, repo, ARTICLES)
        assert sorted(repo.for_library(LIB), key=lambda a: a.id) == sorted(original, key=lambda a: a.id)
    copies = repo.for_library(OTHER)
    assert len(copies) == 5 and not {a.id for a in copies} & {a.id for a in original}
    assert {(a.quote, a.note, a.entity) for a in copies} == {(a.quote, a.note, a.entity) for a in original}
    assert all(a.modified.startswith("2999") for a in copies)  # the newer file updated the copy, not the original

    again = import_w3c(to_w3c(copies, ARTICLES), OTHER, repo, ARTICLES)  # the copy's own backup, back into it
    assert (again.added, again.unchanged) == (0, 5)
    back = import_w3c(to_w3c(copies, ARTICLES), LIB, repo, ARTICLES)  # and into the original: same notes
    assert (back.added, back.unchanged) == (0, 5)
    assert len(repo.for_library(LIB)) == len(repo.for_library(OTHER)) == 5


def _foreign(exact: str, body: str, raw_id: str | None = None) -> dict:
    item: dict = {"type": "Annotation", "bodyValue": body, "target": {"source": ARTICLE.key, "selector": {"type": "TextQuoteSelector", "exact": exact}}}
    if raw_id is not None:
        item["id"] = raw_id
    return item


@pytest.mark.parametrize("ids", [(None, None), ("https://x/1", "https://x/2")], ids=["no ids", "own ids"])
def test_w3c_import_keeps_two_foreign_notes_on_the_same_words_with_different_bodies(repo: AnnotationRepository, ids: tuple) -> None:
    page = {"type": "AnnotationPage", "items": [_foreign("王兴表示", "第一条", ids[0]), _foreign("王兴表示", "第二条", ids[1])]}
    result = import_w3c(page, LIB, repo, ARTICLES)
    assert (result.added, result.unchanged) == (2, 0)
    assert sorted(a.note for a in repo.for_library(LIB)) == ["第一条", "第二条"]
    assert import_w3c(page, LIB, repo, ARTICLES).added == 0  # and a second import adds nothing
    same_body = {"type": "AnnotationPage", "items": [_foreign("王兴表示", "第一条", "https://y/9")]}
    assert import_w3c(same_body, LIB, repo, ARTICLES).unchanged == 1  # same target and body: a duplicate


_QUOTE = {"type": "TextQuoteSelector", "exact": "王兴表示"}


@pytest.mark.parametrize(
    ("item", "said"),
    [
        (5, "item 3 is a number, not an object"),
        ("junk", "item 3 is a string, not an object"),
        ({"id": "https://x/big", "target": {"source": ARTICLE.key, "selector": [_QUOTE, {"type": "TextPositionSelector", "start": 10**30, "end": 10**30 + 4}]}},
         f"item 3 (https://x/big) has a TextPositionSelector [{10**30}, {10**30 + 4}) that is not a range of 0 to 2147483647"),
        ({"target": {"source": ARTICLE.key, "selector": {"type": "TextPositionSelector", "start": True, "end": "4"}}}, "item 3 has a TextPositionSelector [True, '4') that is not a pair"),
        ({"target": {"source": ARTICLE.key, "selector": {"type": "TextQuoteSelector", "exact": 5}}}, "item 3 has a TextQuoteSelector without a text 'exact'"),
        ({"target": {"source": ARTICLE.key, "selector": [_QUOTE, 7]}}, "item 3 has a selector that is a number"),
        ({"target": [3]}, "item 3 has a target that is a number"),
        ({"target": {"source": {"a": 1}, "selector": _QUOTE}}, "item 3 has a target whose 'source' is not a string"),
        ({"modified": 9, "target": {"source": ARTICLE.key, "selector": _QUOTE}}, "item 3 has 'modified' as a number, not a string"),
        ({"body": [1], "target": {"source": ARTICLE.key, "selector": _QUOTE}}, "item 3 has a body that is not a string"),
        ({"type": "Annotation"}, "item 3 has no target"),
    ],
)
def test_w3c_import_of_a_malformed_item_imports_nothing_and_names_it(repo: AnnotationRepository, item: object, said: str) -> None:
    good = [_foreign("王兴表示", "好的"), _foreign("美团发布财报", "也好")]
    with pytest.raises(AnnotationFileError, match=re.escape(f"nothing was imported: {said}")):
        import_w3c({"type": "AnnotationPage", "items": [*good, item]}, LIB, repo, ARTICLES)
    assert repo.for_library(LIB) == []


@pytest.mark.parametrize(
    ("document", "said"),
    [
        ({"type": "AnnotationPage", "items": 5}, "its 'items' is a number, not a list"),
        ({"type": "AnnotationCollection", "first": {"items": {"a": 1}}}, "its 'items' is an object, not a list"),
        ({"type": "AnnotationCollection", "first": 5}, "a page is a number, not an object"),
        ({"type": "AnnotationCollection", "first": {"items": [], "next": [1]}}, "a page is a list, not an object"),
        ("text", "expected a JSON object or list"),
    ],
)
def test_w3c_import_of_a_malformed_document_is_refused(repo: AnnotationRepository, document: object, said: str) -> None:
    with pytest.raises(AnnotationFileError, match=re.escape(said)):
        import_w3c(document, LIB, repo, ARTICLES)


def test_w3c_import_names_the_first_malformed_items_and_counts_the_rest(repo: AnnotationRepository) -> None:
    with pytest.raises(AnnotationFileError, match=r"item 5 is a number, not an object; and 3 more$"):
        import_w3c(list(range(1, 9)), LIB, repo, ARTICLES)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"\xff\xfe{}", "not a UTF-8 file"),
        (b"{ not json", "not a JSON file"),
    ],
)
def test_read_w3c_says_why_a_file_cannot_be_read(tmp_path: Path, content: bytes, said: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(AnnotationFileError, match=said):
        read_w3c(path)


def test_read_w3c_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes("\ufeff".encode() + json.dumps({"type": "AnnotationPage", "items": []}).encode())
    assert read_w3c(path) == {"type": "AnnotationPage", "items": []}


def test_read_w3c_refuses_a_named_pipe_instead_of_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    with pytest.raises(AnnotationFileError, match="not a regular file"):
        read_w3c(tmp_path / "pipe.json")
