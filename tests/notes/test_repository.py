from __future__ import annotations

from contextlib import closing

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import StoreUnavailable
from reader.library.store import Store
from reader.notes.model import Annotation, Color, Kind, Selector, new_annotation, parse_tags
from reader.notes.repository import AnnotationFilter, AnnotationRepository
from reader.notes.undo import UndoStack

TEXT = "腾讯控股发布二季度业绩，微信及WeChat合并月活跃账户数达13.8亿。游戏业务收入同比增长9%。"
LIB = "/library/one"


def _highlight(quote: str, **fields: object) -> Annotation:
    start = TEXT.index(quote)
    return new_annotation(LIB, "a.md", Kind.HIGHLIGHT, selector=Selector.from_text(TEXT, start, start + len(quote)), **fields)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path):  # noqa: ANN201
    opened = Store.open(tmp_path)
    yield opened
    opened.close()


def test_repository_changes_persist_across_reopen(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    repo = AnnotationRepository(store)
    kept = repo.add(_highlight("微信及WeChat", note="*月活* 是关键", tags=("社交", "AI"), color=Color.GREEN))
    edited = repo.update(kept.edited(note="改过的笔记"))
    gone = repo.add(_highlight("游戏业务"))
    repo.delete(gone.id)
    at = TEXT.index("游戏")
    bookmark = repo.add(new_annotation(LIB, "a.md", Kind.BOOKMARK, selector=Selector.from_text(TEXT, at, at), name="读到这里"))
    entity = repo.add(new_annotation(LIB, "a.md", Kind.ENTITY_NOTE, entity="腾讯", note="关注游戏版号"))
    store.close()

    store = Store.open(tmp_path)
    repo = AnnotationRepository(store)
    assert repo.get(kept.id) == edited
    assert repo.get(gone.id) is None
    assert repo.for_article(LIB, "a.md") == [edited, bookmark, entity]
    assert repo.for_entity(LIB, "腾讯") == [entity]
    assert repo.for_article("/another/library", "a.md") == []
    store.close()


def test_repository_lists_in_text_order(store: Store) -> None:
    repo = AnnotationRepository(store)
    late = repo.add(_highlight("游戏业务"))
    early = repo.add(_highlight("腾讯控股"))
    assert repo.for_article(LIB, "a.md") == [early, late]


def test_repository_library_filters(store: Store) -> None:
    repo = AnnotationRepository(store)
    ai = repo.add(_highlight("腾讯控股", tags=("AI",), color=Color.BLUE))
    games = repo.add(_highlight("游戏业务", tags=("游戏", "AI")))
    other = repo.add(
        new_annotation(LIB, "b.md", Kind.HIGHLIGHT, selector=Selector("abc", "", "", 0, 3), tags=("游戏",))
    )
    note = repo.add(new_annotation(LIB, "", Kind.ENTITY_NOTE, entity="腾讯"))
    assert repo.for_library(LIB) == [note, ai, games, other]
    assert repo.for_library(LIB, AnnotationFilter(tag="AI")) == [ai, games]
    assert repo.for_library(LIB, AnnotationFilter(color=Color.BLUE)) == [ai]
    assert repo.for_library(LIB, AnnotationFilter(entity="腾讯")) == [note]
    assert repo.for_library(LIB, AnnotationFilter(articles=frozenset({"b.md"}))) == [other]
    assert repo.for_library(LIB, AnnotationFilter(kind=Kind.ENTITY_NOTE)) == [note]
    today = ai.created[:10]
    assert len(repo.for_library(LIB, AnnotationFilter(created_from=today, created_to=today))) == 4
    assert repo.for_library(LIB, AnnotationFilter(created_to="2000-01-01")) == []
    assert repo.tags(LIB) == ["AI", "游戏"]
    assert repo.entities_with_notes(LIB) == {"腾讯": 1}
    assert repo.counts(LIB) == {"": 1, "a.md": 2, "b.md": 1}


def test_repository_reattach_orphan(store: Store) -> None:
    repo = AnnotationRepository(store)
    orphan = repo.add(new_annotation(LIB, "a.md", Kind.HIGHLIGHT, selector=Selector("消失的句子", "", "", 0, 5), note="n"))
    start = TEXT.index("13.8亿")
    moved = repo.reattach(orphan.id, Selector.from_text(TEXT, start, start + len("13.8亿")))
    assert repo.get(orphan.id) == moved
    assert moved.quote == "13.8亿" and moved.note == "n"
    with pytest.raises(KeyError):
        repo.reattach("no-such-id", moved.selector)  # type: ignore[arg-type]


def test_repository_write_many_is_all_or_nothing(store: Store) -> None:
    """An import whose last row cannot be stored stores none: one transaction."""
    repo = AnnotationRepository(store)
    beyond = new_annotation(LIB, "a.md", Kind.BOOKMARK, selector=Selector("", "", "", 2**63, 2**63))  # no SQLite integer
    with pytest.raises(OverflowError):
        repo.write_many(put=[_highlight("腾讯控股"), _highlight("微信"), beyond])
    assert repo.for_library(LIB) == []


def test_repository_write_failure_is_store_unavailable(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    repo = AnnotationRepository(store)
    store.connection.execute("PRAGMA query_only = ON")  # stands in for a read-only or full disk
    with pytest.raises(StoreUnavailable):
        repo.add(_highlight("腾讯控股"))
    store.close()


def test_undo_redo_add_edit_delete(store: Store) -> None:
    repo = AnnotationRepository(store)
    changed: list[str] = []
    stack = UndoStack(repo, on_change=lambda a: changed.append(a.id))
    first = stack.add(_highlight("腾讯控股"))
    assert stack.undo_text == "add highlight"
    second = stack.edit(first.edited(note="备注", tags=parse_tags("#财报, 游戏")))
    assert stack.undo_text == "edit note"  # a highlight with the user's words is a note
    assert second.tags == ("财报", "游戏")
    stack.delete(first.id)
    assert repo.get(first.id) is None
    assert stack.undo_text == "delete note"

    assert stack.undo() is not None
    assert repo.get(first.id) == second
    stack.undo()
    assert repo.get(first.id) == first
    stack.undo()
    assert repo.get(first.id) is None
    assert not stack.can_undo and stack.undo() is None

    stack.redo()
    stack.redo()
    assert repo.get(first.id) == second
    assert stack.can_redo and stack.redo_text == "delete note"
    third = stack.edit(second.edited(color=Color.PINK))  # a new change drops the redo history
    assert not stack.can_redo
    assert repo.get(first.id) == third
    assert changed == [first.id] * 9


def test_undo_failed_write_is_not_recorded(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    stack = UndoStack(AnnotationRepository(store))
    stack.add(_highlight("腾讯控股"))
    store.connection.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreUnavailable):
        stack.add(_highlight("游戏业务"))
    with pytest.raises(StoreUnavailable):
        stack.undo()
    assert stack.undo_text == "add highlight"  # the first add is still the one to undo
    store.close()


_texts = st.text(st.characters(codec="utf-8"), min_size=1, max_size=200)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_texts, data=st.data())
def test_repository_round_trips_any_unicode(tmp_path_factory: pytest.TempPathFactory, text: str, data: st.DataObject) -> None:
    folder = tmp_path_factory.mktemp("store")
    written: list = []  # type: ignore[type-arg]
    with closing(Store.open(folder)) as store:
        _write_drawn(AnnotationRepository(store), text, data, written)
    with closing(Store.open(folder)) as store:
        repo = AnnotationRepository(store)
        for annotation in written:
            assert repo.get(annotation.id) == annotation


def _write_drawn(repo: AnnotationRepository, text: str, data: st.DataObject, written: list) -> None:  # type: ignore[type-arg]
    for _ in range(data.draw(st.integers(1, 5))):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        annotation = new_annotation(
            data.draw(_texts),
            data.draw(_texts),
            Kind.HIGHLIGHT,
            selector=Selector.from_text(text, start, end),
            color=data.draw(st.sampled_from(Color)),
            note=data.draw(st.text(st.characters(codec="utf-8"))),
            tags=tuple(data.draw(st.lists(_texts, max_size=3, unique=True))),
        )
        written.append(repo.add(annotation))


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.library.store import Store
    from reader.notes.model import Kind, Selector, new_annotation
    from reader.notes.repository import AnnotationRepository

    repo = AnnotationRepository(Store.open(Path(sys.argv[1])))
    text = "字节跳动😀发布豆包大模型" * 10
    i = 0
    while True:
        start = i % 50
        annotation = new_annotation("lib", "a.md", Kind.HIGHLIGHT, selector=Selector.from_text(text, start, start + 5), note=str(i))
        repo.add(annotation)
        print(annotation.id, flush=True)  # reported saved only after the commit returned
        i += 1
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_repository_killed_writer_loses_nothing_reported_saved(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert writer.stdout is not None
    reported = []
    try:
        for line in writer.stdout:
            reported.append(line.strip())
            if len(reported) >= 200:
                break
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        reported.extend(line.strip() for line in writer.stdout.read().splitlines() if len(line.strip()) == 36)
        writer.stdout.close()
    assert len(reported) >= 200
    store = Store.open(tmp_path)
    repo = AnnotationRepository(store)
    missing = [i for i in reported if repo.get(i) is None]
    store.close()
    assert missing == []
