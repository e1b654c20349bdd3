from __future__ import annotations

import datetime as dt

import pytest

from reader.ingest.frontmatter import parse_date, read_front_matter, split_front_matter


def test_split_front_matter_with_leading_blank_line() -> None:
    fields, body = split_front_matter("\n---\ntitle: '标题'\nauthor: 36kr\n---\n\n正文")
    assert fields == {"title": "标题", "author": "36kr"} and body.strip() == "正文"


def test_split_front_matter_broken_yaml_falls_back_to_lines() -> None:
    fields, body = split_front_matter('---\ntitle: "未闭合\nauthor: 晚点\ntags: [a, b\n---\n正文')
    assert fields["author"] == "晚点" and body == "正文"


def test_split_front_matter_absent() -> None:
    assert split_front_matter("正文 --- 不是分隔") == ({}, "正文 --- 不是分隔")


def test_read_front_matter_source_falls_back_to_author_and_merges_tags() -> None:
    front = read_front_matter({"author": "鸟哥笔记", "tags": ["电商"], "categories": ["新媒体", "电商"]})
    assert (front.source, front.author, front.tags) == ("鸟哥笔记", "鸟哥笔记", ("电商", "新媒体"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon, 10 May 2021 23:44:57 GMT", "2021-05-10"),
        ("2020-06-30T16:10:07.327382+00:00", "2020-06-30"),
        ("2021年4月8日", "2021-04-08"),
        ("2021/10/11", "2021-10-11"),
        (dt.date(2021, 1, 2), "2021-01-02"),
        (dt.datetime(2021, 1, 2, 3, 4), "2021-01-02"),
        ("someday", None),
        ("2021-13-45", None),
        (None, None),
    ],
)
def test_parse_date(value: object, expected: str | None) -> None:
    assert parse_date(value) == expected
