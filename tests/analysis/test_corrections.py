"""User corrections: data that survives re-analysis and round-trips through JSON."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.corrections import AddEntity, Corrections, Ignore, Rename
from reader.analysis.entities import EntityRecognizer
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.model import EntityType

TEXT = "字节跳动旗下的抖音上线新功能，字节表示将继续投入。苹果很甜。黄周（音译）说，她开了店。"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return EntityRecognizer(Gazetteer.load())


def linked(r: EntityRecognizer, text: str = TEXT) -> list[tuple[str, str, EntityType]]:
    return [(text[m.start:m.end], m.entity, m.type) for m in r.recognise(text)]


def test_corrections_are_immutable_values() -> None:
    base = Corrections()
    more = base.rename("字节跳动", "ByteDance")
    assert base.items == () and len(more) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        more.items = ()  # type: ignore[misc]


def test_corrections_rename_keeps_old_surface(recogniser: EntityRecognizer) -> None:
    r = recogniser.with_corrections(Corrections().rename("字节跳动", "ByteDance"))
    got = linked(r)
    assert ("字节跳动", "ByteDance", EntityType.ORG) in got
    assert ("字节", "ByteDance", EntityType.ORG) in got
    assert r.entity("ByteDance") is not None and r.entity("字节跳动").name == "ByteDance"


def test_corrections_retype(recogniser: EntityRecognizer) -> None:
    r = recogniser.with_corrections(Corrections().retype("抖音", EntityType.ORG))
    assert ("抖音", "抖音", EntityType.ORG) in linked(r)


def test_corrections_merge(recogniser: EntityRecognizer) -> None:
    r = recogniser.with_corrections(Corrections().merge("抖音", "字节跳动"))
    assert ("抖音", "字节跳动", EntityType.ORG) in linked(r)


def test_corrections_split_alias(recogniser: EntityRecognizer) -> None:
    r = recogniser.with_corrections(Corrections().split_alias("字节", EntityType.PRODUCT))
    got = linked(r)
    assert ("字节", "字节", EntityType.PRODUCT) in got
    assert ("字节跳动", "字节跳动", EntityType.ORG) in got


def test_corrections_ignore_everywhere(recogniser: EntityRecognizer) -> None:
    r = recogniser.with_corrections(Corrections().ignore("抖音").ignore("黄周"))
    got = {s for s, _, _ in linked(r)}
    assert "抖音" not in got and "黄周" not in got and "字节跳动" in got


def test_an_ignored_surface_is_no_longer_an_entitys_alias(recogniser: EntityRecognizer) -> None:
    """Never highlighting 字节: the card of 字节跳动 no longer lists it among the names it goes by."""
    assert "字节" in recogniser.entity("字节跳动").aliases
    r = recogniser.with_corrections(Corrections().ignore("字节"))
    assert "字节" not in r.entity("字节跳动").aliases and "ByteDance" in r.entity("字节跳动").aliases
    assert ("字节跳动", "字节跳动", EntityType.ORG) in linked(r) and "字节" not in {s for s, _, _ in linked(r)}


def test_corrections_add_entity_matches_everywhere(recogniser: EntityRecognizer) -> None:
    r = recogniser.with_corrections(
        Corrections().add_entity("新功能", EntityType.PRODUCT, ("新功能啊",)).add_entity(
            "苹果", EntityType.PRODUCT
        )
    )
    got = linked(r)
    assert ("新功能", "新功能", EntityType.PRODUCT) in got
    assert ("苹果", "苹果", EntityType.PRODUCT) in got  # no longer needs company context
    assert linked(r, "另一篇文章也提到新功能。") == [("新功能", "新功能", EntityType.PRODUCT)]


def test_corrections_apply_to_discovered_names(recogniser: EntityRecognizer) -> None:
    r = recogniser.with_corrections(
        Corrections().rename("黄周", "Huang Zhou").retype("Huang Zhou", EntityType.ORG)
    )
    assert ("黄周", "Huang Zhou", EntityType.ORG) in linked(r)
    merged = recogniser.with_corrections(Corrections().merge("黄周", "字节跳动"))
    assert ("黄周", "字节跳动", EntityType.ORG) in linked(merged)


def test_corrections_survive_reanalysis_after_json(recogniser: EntityRecognizer) -> None:
    corrections = (
        Corrections()
        .rename("字节跳动", "ByteDance")
        .ignore("抖音")
        .add_entity("新功能", EntityType.PRODUCT)
        .split_alias("字节")
        .merge("黄周", "ByteDance")
    )
    restored = Corrections.from_json(corrections.to_json())
    assert restored == corrections
    first = recogniser.with_corrections(corrections).recognise(TEXT)
    again = recogniser.with_corrections(restored).recognise(TEXT)
    assert first == again
    assert "抖音" not in {m.surface for m in again}


def test_corrections_from_json_rejects_other_files() -> None:
    with pytest.raises(ValueError):
        Corrections.from_json('{"version": 99, "corrections": []}')
    with pytest.raises(ValueError):
        Corrections.from_json('{"version": 1, "corrections": [{"kind": "explode"}]}')


def test_corrections_add_entity_lifts_an_earlier_ignore() -> None:
    c = Corrections().ignore("抖音").add_entity("抖音", EntityType.PRODUCT)
    assert "抖音" not in c.ignored
    assert Ignore("x") in Corrections().ignore("x").items
    assert isinstance(Corrections().rename("a", "b").items[0], Rename)


names = st.text(alphabet="阿里巴字节跳动ABC", min_size=2, max_size=6)
kinds = st.sampled_from(list(EntityType))


@given(
    st.lists(
        st.one_of(
            st.builds(Rename, names, names),
            st.builds(Ignore, names),
            st.builds(AddEntity, names, kinds, st.tuples(names)),
        ),
        max_size=6,
    )
)
def test_corrections_json_round_trip(items: list) -> None:
    c = Corrections(tuple(items))
    assert Corrections.from_json(c.to_json()) == c


def test_a_corrected_recogniser_builds_its_matcher_only_to_recognise(recogniser: EntityRecognizer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18, point 2: the window asks the recogniser made for a correction for entity
    descriptions as it hands the corrected library over, on the GUI thread; it builds the
    gazetteer's matcher (~35 ms) only when it first recognises an article."""
    built: list[object] = []
    real = EntityRecognizer._build_automaton
    monkeypatch.setattr(EntityRecognizer, "_build_automaton", staticmethod(lambda gazetteer: (built.append(gazetteer), real(gazetteer))[1]))
    r = recogniser.with_corrections(Corrections().rename("字节跳动", "ByteDance"))
    entity = r.entity("ByteDance")
    assert entity is not None and "字节跳动" in entity.aliases
    assert built == []
    assert ("字节跳动", "ByteDance", EntityType.ORG) in linked(r)
    assert len(built) == 1
