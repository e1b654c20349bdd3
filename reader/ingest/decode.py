"""Bytes to text: BOMs, UTF-8, and detected legacy encodings (GBK/GB18030, Big5)."""

from __future__ import annotations

import codecs
from functools import cache
from types import ModuleType

from reader.errors import IngestError


# charset_normalizer takes ~8 ms to import and guesses only what is neither marked nor UTF-8:
# loaded then, not when the window starts (issue 18, point 1).
@cache
def _charset_normalizer() -> ModuleType:
    import charset_normalizer  # noqa: PLC0415 - deferred to the first guess, see above

    return charset_normalizer


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes that never occur in text: NUL and C0 controls other than tab, newline, CR, FF, ESC.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# A file whose share of such bytes passes this is binary; a few stray NULs are only stripped.
_BINARY_SHARE = 0.05
# Up to this share of undecodable sequences, UTF-8 with replacement beats a guessed encoding.
_UTF8_DAMAGE_SHARE = 0.002
# Detected single-byte or narrow encodings are widened to the superset that decodes more.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "ascii": "utf-8"}


def decode(data: bytes, name: str) -> str:
    """Decode an article file's bytes; raise IngestError naming ``name`` when they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if not data.strip():
        raise IngestError(name, "the file is empty")
    sample = data[:65536]
    if sum(sample.count(b) for b in _BINARY_BYTES) > _BINARY_SHARE * len(sample):
        raise IngestError(name, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = data.decode("utf-8", errors="replace").count("\ufffd")
    if damaged <= max(1, _UTF8_DAMAGE_SHARE * len(data)):
        return data.decode("utf-8", errors="replace")
    best = _charset_normalizer().from_bytes(data[:262144]).best()
    if best is None:
        text = _strict(data, _FALLBACKS)
        if text is None:
            raise IngestError(name, "unknown text encoding (not UTF-8, GB18030/GBK or Big5)")
        return text
    encoding = _WIDER.get(best.encoding, best.encoding)
    return data.decode(encoding, errors="replace")


# Tried in order, strictly, when detection gives up on a short or mixed file: Chinese text in
# GB18030 (GBK's superset) decodes cleanly; bytes that are no Chinese text mostly do not.
_FALLBACKS = ("gb18030", "big5hkscs")


def _strict(data: bytes, encodings: tuple[str, ...]) -> str | None:
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
        if cjk >= 0.1 * len(text.strip()):
            return text
    return None
