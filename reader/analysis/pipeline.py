"""The analysis of one article: entity mentions, then the figures and quotes that refer to them."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from functools import cache, cached_property
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

import reader
from reader.analysis.corrections import Corrections
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.model import Analysis, EntityType, Mention
from reader.analysis.statistical import NameModel
from reader.ingest.model import Article
from reader.paths import RESOURCES

if TYPE_CHECKING:
    from reader.analysis.entities import EntityRecognizer

__all__ = ["Analysis", "Analyzer", "ArticleAnalyzer", "analysed_length", "read_over", "resources_fingerprint"]


# The recognisers, the figure grammar and the quote finder take ~0.1 s to import (patterns
# compiled, tables built at import); a library whose analyses are cached is shown without
# them, so they load on the first analysis, not before the window paints (issue 18, point 1).
@cache
def _entities() -> ModuleType:
    from reader.analysis import entities  # noqa: PLC0415 - deferred to the first analysis, see above

    return entities


@cache
def _figures() -> ModuleType:
    from reader.analysis import figures  # noqa: PLC0415 - deferred to the first analysis, see above

    return figures


@cache
def _quotes() -> ModuleType:
    from reader.analysis import quotes  # noqa: PLC0415 - deferred to the first analysis, see above

    return quotes


# Each article's budget, in characters rather than seconds so that a cached analysis does not
# depend on how busy the machine was: about 6 s of the fast layer and 6 s of the model on this
# machine (bench/RESULTS.md). A news article is 3-20 thousand characters; past the budget the
# text is shown clean, without names or figures, and the load says so.
ANALYSIS_BUDGET_CHARS = 1_000_000
MODEL_BUDGET_CHARS = 200_000


class ArticleAnalyzer(Protocol):
    @property
    def version(self) -> str: ...

    def analyse(self, article: Article) -> Analysis: ...


def resources_fingerprint() -> str:
    """A hash of Reader's version, every bundled resource file and the code that reads articles
    (``reader/analysis``, ``reader/ingest``): the analysis cache key, so that an upgrade which
    reads figures or names differently analyses the library again instead of showing the old
    reading."""
    digest = hashlib.sha256(reader.__version__.encode())
    for path in sorted(RESOURCES.rglob("*")):
        if path.is_file() and path.suffix in {".tsv", ".txt", ".yaml", ".yml", ".json", ".csv", ".toml"}:
            digest.update(path.relative_to(RESOURCES).as_posix().encode())
            digest.update(path.read_bytes())
    package = Path(reader.__file__).resolve().parent
    for folder in _READING_CODE:
        for path in sorted((package / folder).glob("*.py")):
            digest.update(f"{folder}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_READING_CODE = ("analysis", "ingest")


class Analyzer:
    """Gazetteer, jieba and the figure grammar, loaded on first use (jieba alone takes ~0.6 s,
    which must not be spent before the window shows). The user's entity corrections are part
    of the analysis, so they are part of its version: the cache key.

    ``model`` is the statistical name layer (``reader.analysis.statistical``), or None for the
    fast layer alone; which one ran is part of the version too."""

    def __init__(
        self,
        corrections: Corrections | None = None,
        *,
        model: NameModel | None = None,
        learned: Mapping[str, EntityType] | None = None,
        _base: Analyzer | None = None,
    ):
        self.corrections = corrections or Corrections()
        self.model = model
        self.learned = dict(learned or {})
        self._base = _base

    @cached_property
    def version(self) -> str:
        base = self._base.version_of_resources if self._base is not None else self.version_of_resources
        if self.model is not None:
            base += "+" + self.model.version
        if self.learned:
            names = "\n".join(f"{n}\t{t.value}" for n, t in sorted(self.learned.items()))
            base += "~" + hashlib.sha256(names.encode()).hexdigest()[:12]
        if not len(self.corrections):
            return base
        return base + "-" + hashlib.sha256(self.corrections.to_json().encode()).hexdigest()[:12]

    @cached_property
    def version_of_resources(self) -> str:
        return resources_fingerprint()

    @cached_property
    def recognizer(self) -> EntityRecognizer:
        if self._base is not None:
            base = self._base.recognizer
            if base.corrections is not self.corrections:
                base = base.with_corrections(self.corrections)
            base = base.with_model(self.model) if base.model is not self.model else base
            return base.with_learned(self.learned) if base.learned != self.learned else base
        return _entities().EntityRecognizer(Gazetteer.load(), self.corrections, model=self.model, learned=self.learned)

    def with_corrections(self, corrections: Corrections) -> Analyzer:
        """The same analysis with other corrections, sharing the loaded gazetteer and jieba."""
        return Analyzer(corrections, model=self.model, learned=self.learned, _base=self._base or self)

    def with_model(self, model: NameModel | None) -> Analyzer:
        """The same analysis with (or, given None, without) the statistical name layer."""
        return Analyzer(self.corrections, model=model, learned=self.learned, _base=self._base or self)

    def with_learned(self, learned: Mapping[str, EntityType]) -> Analyzer:
        """The same analysis that also links the names other articles of the library gave."""
        return Analyzer(self.corrections, model=self.model, learned=learned, _base=self._base or self)

    def analyse(self, article: Article) -> Analysis:
        text, partial = article.text, None
        recognizer = self.recognizer
        if self.model is not None and len(text) > MODEL_BUDGET_CHARS:
            recognizer = self.with_model(None).recognizer
            partial = (
                f"names from the fast layer only: {len(text):,} characters are past the "
                f"statistical layer's budget of {MODEL_BUDGET_CHARS:,}"
            )
        if len(text) > ANALYSIS_BUDGET_CHARS:
            cut = analysed_length(text)
            partial = (
                f"analysed the first {cut:,} of {len(text):,} characters (one article's budget); "
                "the rest is shown without names or figures"
            )
            text = text[:cut]
        mentions = recognizer.recognise(text, article.title or "")
        return read_over(text, mentions, article.date, partial, article.title or "")


    def relink(self, article: Article, analysis: Analysis) -> Analysis:
        """``analysis`` (this analyzer's reading of ``article`` before it learned names) with the
        learned names linked — what ``analyse`` gives, without running the statistical model
        again; figures and quotes are read again only when the mentions changed."""
        text = article.text[: analysed_length(article.text)]
        mentions = self.recognizer.relinked(text, analysis.mentions)
        if mentions == analysis.mentions:
            return analysis
        return read_over(text, mentions, article.date, analysis.partial, article.title or "")


def read_over(text: str, mentions: Sequence[Mention], date: str | None, partial: str | None = None, title: str = "") -> Analysis:
    """The analysis of ``text`` (an article's analysed part, under ``title``) given its
    ``mentions``: the figures and quotes read over them (a figure's subject and a quote's
    speaker are mentions)."""
    mentions = tuple(mentions)
    figures = _figures().extract_figures(text, mentions, date, title=title)
    return Analysis(mentions, tuple(figures), partial, _quotes().find_quotes(text, mentions))


def analysed_length(text: str) -> int:
    """How much of ``text`` is analysed: all of it within the budget, else up to the last
    paragraph break at or before the budget (never mid-name), else the budget itself."""
    limit = ANALYSIS_BUDGET_CHARS
    if len(text) <= limit:
        return len(text)
    at = text.rfind("\n", 0, limit)
    return at if at > limit // 2 else limit
