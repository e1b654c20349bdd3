from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import IngestError
from reader.ingest.decode import decode

DATA = Path(__file__).resolve().parents[1] / "data"

SAMPLE = "字节跳动成立电商一级部门，与阿里巴巴的年框合作谈判尚未结束。抖音电商的交易额持续增长。"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),
        (SAMPLE * 3).encode("gb18030"),
        (SAMPLE * 3).encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "gb18030", "gbk"],
)
def test_decode_encodings(data: bytes) -> None:
    assert SAMPLE in decode(data, "a.txt")


def test_decode_mostly_utf8_with_a_bad_byte_keeps_the_text() -> None:
    data = (SAMPLE * 20).encode() + b"\xff" + SAMPLE.encode()
    assert decode(data, "a.txt").count("抖音电商") == 21


def test_decode_few_nul_bytes_are_not_binary() -> None:
    assert "字节" in decode(SAMPLE.encode() * 10 + b"\x00", "a.txt")


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty"), (b"\x00\x01\x02\x03" * 100, "binary")])
def test_decode_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        decode(data, "x.txt")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4096))
def test_decode_arbitrary_bytes_returns_text_or_ingest_error(data: bytes) -> None:
    try:
        assert isinstance(decode(data, "fuzz.txt"), str)
    except IngestError as error:
        assert error.file == "fuzz.txt"


def test_decode_gb18030_that_detection_gives_up_on() -> None:
    # a GB18030 file bench/make_corpus.py wrote from the seeds, on which charset-normalizer
    # returns no guess at all (it was refused as "unknown text encoding")
    data = (DATA / "encodings" / "gb18030_undetected.txt").read_bytes()
    text = decode(data, "15327.txt")
    assert "兴趣电商能怎么做" in text and "人人都是产品经理" in text
