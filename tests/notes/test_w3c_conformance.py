"""The W3C export against the W3C Web Annotation test suite's schemas for the MUSTs
(tests/data/web-annotation-tests/, with its licence): the collection, its page, and every
annotation — also each one taken out of the collection on its own."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from reader.ingest.model import Article
from reader.notes.model import Color, Kind, Selector, new_annotation
from reader.notes.w3c import to_w3c

SUITE = Path(__file__).resolve().parent.parent / "data" / "web-annotation-tests"
LIB = "/data/文章"
TEXT = "美团发布财报，核心本地商业收入增长。\n😀 外卖订单量创新高。\n王兴表示将继续投入。"
ARTICLE = Article(key="新闻/美团.md", file="新闻/美团.md", title="美团", text=TEXT)


def _schema(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _registry() -> Registry:
    resources = [(s["id"], Resource.from_contents(s, default_specification=DRAFT4)) for s in map(_schema, SUITE.glob("*/*.json"))]
    return Registry().with_resources(resources)


_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")  # an absolute URI (RFC 3986), not a reference
_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", re.IGNORECASE)


def _formats() -> FormatChecker:
    checker = FormatChecker(formats=())
    checker.checks("uri")(lambda value: not isinstance(value, str) or bool(_URI.match(value)))

    @checker.checks("date-time", raises=ValueError)
    def date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        return bool(_DATE_TIME.match(value)) and dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00")) is not None

    return checker


REGISTRY = _registry()
FORMATS = _formats()
ANNOTATION_MUSTS = [SUITE / a for a in _schema(SUITE / "annotations" / "annotationMusts.test")["assertions"]]
COLLECTION_MUSTS = sorted((SUITE / "collections").glob("*.json"))


def _errors(schema: dict[str, Any], instance: object) -> list[str]:
    validator = Draft4Validator(schema, registry=REGISTRY, format_checker=FORMATS)
    return [f"{schema.get('errorMessage', schema['id'])}: {error.message}" for error in validator.iter_errors(instance)]


def _definition(file: str, name: str) -> dict[str, Any]:
    return {"id": f"reader-check-{name}", "$ref": f"{file}#/definitions/{name}"}


def _export() -> dict[str, Any]:
    at = TEXT.index("王兴")
    notes = [
        new_annotation(LIB, ARTICLE.key, Kind.HIGHLIGHT, selector=Selector.from_text(TEXT, 0, 4), note="**关键**", tags=("财报",), color=Color.PINK),
        new_annotation(LIB, ARTICLE.key, Kind.HIGHLIGHT, selector=Selector.from_text(TEXT, TEXT.index("😀"), TEXT.index("😀") + 4)),
        new_annotation(LIB, ARTICLE.key, Kind.BOOKMARK, selector=Selector.from_text(TEXT, at, at), name="从这里读"),
        new_annotation(LIB, ARTICLE.key, Kind.HIGHLIGHT, selector=Selector("已经删掉的句子", "", "", 3, 10), note="孤儿"),
        new_annotation(LIB, ARTICLE.key, Kind.ENTITY_NOTE, entity="美团", note="文章里的实体笔记"),
        new_annotation(LIB, "", Kind.ENTITY_NOTE, entity="王兴", note="全库的实体笔记"),
    ]
    return json.loads(json.dumps(to_w3c(notes, {ARTICLE.key: ARTICLE}), ensure_ascii=False))


def test_w3c_suite_schemas_are_all_there() -> None:
    assert len(ANNOTATION_MUSTS) == 12 and all(p.is_file() for p in ANNOTATION_MUSTS)
    for path in ANNOTATION_MUSTS + COLLECTION_MUSTS:
        Draft4Validator.check_schema(_schema(path))


@pytest.mark.parametrize("must", ANNOTATION_MUSTS, ids=lambda p: p.stem)
def test_w3c_every_exported_annotation_alone_meets_the_must(must: Path) -> None:
    items = _export()["first"]["items"]
    assert len(items) == 6 and any(item.get("reader:orphaned") for item in items)
    assert [error for item in items for error in _errors(_schema(must), item)] == []


@pytest.mark.parametrize("must", ANNOTATION_MUSTS, ids=lambda p: p.stem)
def test_w3c_suite_rejects_what_it_should(must: Path) -> None:
    """The schemas bite: an annotation stripped of what the MUST is about fails it."""
    item = _export()["first"]["items"][0]
    broken = {
        "3.1-annotationContextValidated": {k: v for k, v in item.items() if k != "@context"},
        "3.1-annotationIdValidated": {**item, "id": "not a uri"},
        "3.1-annotationTypeValidated": {**item, "type": "Note"},
        "3.1-targetKeyFound": {k: v for k, v in item.items() if k != "target"},
        "3.2-targetObjectsRecognized": {**item, "target": {**item["target"], "source": "新闻/美团.md"}},  # relative: not an IRI
        "3.2.5-notBodyBodyValue": {**item, "bodyValue": "x"},
        "3.3.1-annotationCreatedValidated": {**item, "created": "yesterday"},
        "3.3.1-annotationModifiedValidated": {**item, "modified": ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"]},
        "3.3.1-annotationGeneratedValidated": {**item, "generated": "2026-13-01"},
        "3.3.6-annotationRightsValidated": {**item, "rights": "all rights reserved"},
        "3.3.7-annotationCanonicalValidated": {**item, "canonical": ["urn:a", "urn:b"]},
        "3.3.7-annotationViaValidated": {**item, "via": 3},
    }[must.stem]
    assert _errors(_schema(must), broken)


@pytest.mark.parametrize("must", COLLECTION_MUSTS, ids=lambda p: p.stem)
def test_w3c_collection_meets_the_must(must: Path) -> None:
    assert _errors(_schema(must), _export()) == []
    assert _errors(_schema(must), {k: v for k, v in _export().items() if k not in ("id", "type")})


@pytest.mark.parametrize(
    ("part", "definitions"),
    [
        ("collection", ["labelDefinition", "totalDefinition", "firstValidIfPresent", "lastValidIfPresent"]),
        ("page", ["annotationPageTypeValueFound", "itemsFound", "partOfValidIfPresent", "startIndexDefinition", "nextValidIfPresent", "prevValidIfPresent"]),
    ],
)
def test_w3c_collection_and_page_keys_meet_the_suites_definitions(part: str, definitions: list[str]) -> None:
    collection = _export()
    instance = collection if part == "collection" else collection["first"]
    for name in definitions:
        assert _errors(_definition("collections.json", name), instance) == [], name
    assert _errors(_definition("id.json", "idValueFound"), instance) == []  # the page has an id too
    context = _definition("collections.json", "contextValueFound")
    assert _errors(context, collection["@context"]) == []
    assert collection["first"]["partOf"] == collection["id"] and collection["total"] == len(collection["first"]["items"])
