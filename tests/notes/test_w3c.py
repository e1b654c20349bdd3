from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.ingest.model import Article
from reader.library.store import Store
from reader.notes.model import Annotation, Color, Kind, Selector, new_annotation
from reader.notes.repository import AnnotationRepository
from reader.notes.w3c import CONTEXT, import_w3c, to_w3c

LIB = "/data/articles"
TEXT = "美团发布财报，核心本地商业收入增长。\n😀 外卖订单量创新高，𠀀字也在。\n王兴表示将继续投入。"
ARTICLE = Article(key="news/meituan.md", file="news/meituan.md", title="美团财报", text=TEXT)


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
    document = to_w3c(_sample())
    assert document["@context"] == CONTEXT
    assert document["type"] == "AnnotationCollection"
    items = document["first"]["items"]
    assert document["total"] == len(items) == 5
    highlight = items[0]
    assert highlight["type"] == "Annotation" and highlight["motivation"] == "highlighting"
    assert highlight["id"].startswith("urn:uuid:")
    assert highlight["target"]["source"] == "news/meituan.md"
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
    document = json.loads(json.dumps(to_w3c(original), ensure_ascii=False))
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
    result = import_w3c(to_w3c([newer]), LIB, repo, {ARTICLE.key: ARTICLE})
    assert result.updated == 1 and repo.get(first.id) == newer
    assert import_w3c(to_w3c([first]), LIB, repo, {ARTICLE.key: ARTICLE}).unchanged == 1  # older: kept
    assert repo.get(first.id) == newer


def test_w3c_import_reanchors_in_changed_text(repo: AnnotationRepository) -> None:
    document = to_w3c(_sample()[:1])
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
            "junk",
        ],
    }
    result = import_w3c(foreign, LIB, repo, {ARTICLE.key: ARTICLE})
    assert result.added == 1 and len(result.problems) == 2
    (stored,) = repo.for_library(LIB)
    assert stored.kind is Kind.HIGHLIGHT and stored.note == "外部工具的笔记"
    assert stored.article_key == ARTICLE.key
    assert TEXT[stored.selector.start : stored.selector.end] == "王兴表示"  # type: ignore[union-attr]
    assert import_w3c(foreign, LIB, repo, {ARTICLE.key: ARTICLE}).added == 0
    assert len(repo.for_library(LIB)) == 1


def test_w3c_import_missing_article_keeps_orphans(repo: AnnotationRepository) -> None:
    result = import_w3c(to_w3c(_sample()[:1]), LIB, repo, {})
    assert result.added == 1 and result.orphaned == 1
    assert repo.for_library(LIB)[0].quote == "外卖订单量创新高"


def test_w3c_import_rejects_non_annotation_json(repo: AnnotationRepository) -> None:
    with pytest.raises(ValueError, match="not a W3C"):
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
    exported = json.dumps(to_w3c(written), ensure_ascii=False)
    result = import_w3c(json.loads(exported), LIB, repo, {key: article})
    assert result.problems == []
    assert sorted(repo.for_library(LIB), key=lambda a: a.id) == sorted(written, key=lambda a: a.id)
    store.close()
