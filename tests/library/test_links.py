"""reader:// links: what the exports write is what the command line reads back."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.identity import library_id
from reader.library.links import LinkError, Location, is_link, parse_link, reader_link


def test_links_round_trip_a_library_article_and_passage(tmp_path: Path) -> None:
    library = library_id([tmp_path / "文章 库", tmp_path / "b"])
    link = reader_link(library, "汽车/小米 & 雷军?.md", 12, 20)
    assert parse_link(link) == Location(((tmp_path / "b").resolve(), (tmp_path / "文章 库").resolve()), "汽车/小米 & 雷军?.md", 12, 20)


def test_links_without_end_or_offset_name_less() -> None:
    assert parse_link(reader_link("/data/a", "x.md", 5)) == Location((Path("/data/a"),), "x.md", 5, None)
    assert parse_link("reader://open?library=%2Fdata%2Fa") == Location((Path("/data/a"),))


def test_links_file_urls_are_paths() -> None:
    assert parse_link("file:///home/me/%E6%96%87%E7%AB%A0/a.md") == Location((Path("/home/me/文章/a.md"),))
    assert parse_link("file://localhost/tmp/a.md").paths == (Path("/tmp/a.md"),)


@pytest.mark.parametrize(
    ("link", "says"),
    [
        ("reader://open?library=relative%2Fdir", "not an absolute path"),
        ("reader://open?article=a.md", "names no library"),
        ("reader://open?library=%2Fa&offset=-3", "'-3' is not a position"),
        ("reader://open?library=%2Fa&offset=x", "'x' is not a position"),
        ("reader://open?library=%2Fa&offset=٣", "is not a position"),  # an Arabic-Indic digit
        ("reader://open?library=%2Fa&end=3", "without an offset"),
        ("reader://open?library=%2Fa&offset=9&end=3", "before offset"),
        ("reader://open?library=%2Fa&library=%2Fb", "given 2 times"),
        ("reader://close?library=%2Fa", "only knows reader://open"),
        ("reader:open", "only knows reader://open"),
        ("reader://open?%%%", "not a query"),
        ("https://example.com/a.md", "not a reader:// or file:// link"),
        ("file://server/share/a.md", "another computer"),
    ],
)
def test_links_malformed_say_what_is_wrong(link: str, says: str) -> None:
    with pytest.raises(LinkError, match=says):
        parse_link(link)


@pytest.mark.parametrize(
    ("argument", "link"),
    [("reader://open?x", True), ("READER:x", True), ("file:///a", True), ("https://a", True), ("seeds", False), ("C:\\notes\\a.md", False), ("a:b.md", False)],
)
def test_links_told_apart_from_paths(argument: str, link: bool) -> None:
    assert is_link(argument) is link
