"""The figure vocabulary: units, labels and grammar words, loaded from ``resources/figures/``."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

from reader.analysis.folding import traditional_to_simplified
from reader.analysis.numerals import CHINESE_NUMERAL_CHARS
from reader.paths import resource

MONEY = "money"
SHARE = "share"
RATIO = "ratio"
COUNT = "count"
# The vocabulary's measures of a change over a period (labels.toml): a change is of what was told
# before it, in its period.
CHANGES = frozenset(("同比增长", "同比下降", "环比增长", "环比下降"))


@dataclass(frozen=True, slots=True)
class Counter:
    """A counter word (量词): the unit it implies, and whether it names the unit itself (人).
    ``factor`` converts to the unit's base (GWh → kWh: 10⁶); ``not_before`` are the characters
    that make it the first of another word (毛 of 毛利)."""

    word: str
    unit: str
    explicit: bool
    label: str | None = None
    factor: float = 1.0
    not_before: str = ""


@dataclass(frozen=True, slots=True)
class Label:
    """A canonical label, the unit its bare figures are counted in, and the words for it."""

    name: str
    unit: str
    synonyms: tuple[str, ...]
    after: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexical:
    surface: str
    value: float
    unit: str
    not_after: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Words:
    """A word list grouped by length, longest first, for "which word ends (starts) here":
    one slice and one set lookup per length instead of a ``startswith`` per word.

    The longest word that fits wins — what scanning a longest-first list in order gives."""

    by_length: tuple[tuple[int, frozenset[str]], ...]
    blocked: frozenset[str] = frozenset()  # longer words that end (start) in one: no match there

    @classmethod
    def of(cls, words: Iterable[str], blocked: Iterable[str] = ()) -> Words:
        """``blocked``: words that hold one of ``words`` and are not it (违约 is no hedge 约)."""
        blocked = frozenset(blocked)
        groups: dict[int, set[str]] = {}
        for word in (*words, *blocked):
            if not word:
                raise ValueError("an empty word matches everywhere")
            groups.setdefault(len(word), set()).add(word)
        return cls(tuple((n, frozenset(groups[n])) for n in sorted(groups, reverse=True)), blocked)

    def ending_at(self, text: str, pos: int, lo: int = 0) -> str | None:
        """The longest word with ``text[pos - len(word) : pos] == word``, starting at ``lo`` or
        after."""
        for n, words in self.by_length:
            if n <= pos - lo and (word := text[pos - n : pos]) in words:
                return None if word in self.blocked else word
        return None

    def starting_at(self, text: str, pos: int) -> str | None:
        """The longest word with ``text[pos : pos + len(word)] == word``."""
        for n, words in self.by_length:
            if (word := text[pos : pos + n]) in words:
                return None if word in self.blocked else word
        return None


@dataclass(frozen=True, slots=True)
class WordLists:
    """The vocabulary's word lists that are matched at a position, as ``Words``: the longest
    word there wins, as it did when the longest-first lists were read in order."""

    exclude_before: Words
    vague_before: Words
    currency_prefix: Words
    currency_before: Words
    hedges_before: Words
    hedges_after: Words
    demonstratives: Words
    exclude_after: Words
    exclude_after_magnitude: Words
    abstract_after: Words
    tenths_not_before: Words
    range_connectors: Words
    percent: Words
    multiplier: Words
    currency_suffix: Words
    counters: Words
    skip_after: Words
    speech_verbs: Words
    bystander_verbs: Words
    own_documents: Words
    titles: Words


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: hashed by identity, for the caches
class Vocabulary:
    currency_suffix: dict[str, str]
    currency_prefix: dict[str, str]
    currency_before: dict[str, str]
    percent: dict[str, str]
    multiplier: dict[str, str]
    counters: dict[str, Counter]
    unit_classes: dict[str, str]
    labels: tuple[Label, ...]
    hedges_before: tuple[str, ...]
    not_hedges_before: tuple[str, ...]
    hedges_after: tuple[str, ...]
    exclude_after: tuple[str, ...]
    exclude_after_magnitude: tuple[str, ...]
    abstract_after: tuple[str, ...]
    tenths: str
    tenths_not_before: tuple[str, ...]
    exclude_before: tuple[str, ...]
    vague_before: tuple[str, ...]
    idioms: tuple[str, ...]
    range_connectors: tuple[str, ...]
    min_chinese_count: int
    lexical: tuple[Lexical, ...]
    kind_cues: dict[str, tuple[str, ...]]
    skip_after: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    bystander_verbs: tuple[str, ...]
    person_pronouns: tuple[str, ...]
    org_pronouns: tuple[str, ...]
    not_pronouns: tuple[str, ...]
    demonstratives: tuple[str, ...]
    titles: tuple[str, ...]
    personal_labels: frozenset[str]
    place_labels: frozenset[str]
    company_labels: frozenset[str]
    label_links: tuple[str, ...] = ()  # longest first
    generic_labels: frozenset[str] = frozenset()
    label_heads: tuple[str, ...] = ()
    counted_heads: tuple[str, ...] = ()
    label_leads: tuple[str, ...] = ()  # longest first
    own_documents: tuple[str, ...] = ()  # longest first
    market_cues: tuple[str, ...] = ()
    credit_cues: tuple[str, ...] = ()
    own_after_cue: tuple[str, ...] = ()
    market_labels: frozenset[str] = frozenset()
    source_clause_ends: tuple[str, ...] = ()
    label_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the label rules' words, by name
    counted_by: dict[str, str] = field(default_factory=dict)  # 单 → 订单量
    spelled_out: dict[str, str] = field(default_factory=dict)  # 市占率 → 市场占有率
    intermediaries: tuple[str, ...] = ()  # 承销商为: the banks of a deal listed after
    exchanges: tuple[str, ...] = ()  # 港交所, 纳斯达克: where companies list

    def unit_class(self, unit: str) -> str:
        return self.unit_classes.get(unit, COUNT)

    def label(self, name: str) -> Label | None:
        return _label_index(self).get(name)

    def label_pattern(self) -> re.Pattern[str]:
        """One alternation of every label synonym, longest first, case-insensitive."""
        return _label_pattern(self)

    def label_for(self, word: str) -> Label | None:
        """The label a synonym or verb (any case) names."""
        return _synonym_index(self).get(word.casefold())

    def spelled(self, word: str) -> str:
        """A Latin synonym as the vocabulary writes it (gmv → GMV); other words unchanged."""
        return _latin_spellings(self).get(word.casefold(), word)

    def is_verb(self, word: str) -> bool:
        """Whether ``word`` names its label only weakly, as a verb (增长, 售出)."""
        return word.casefold() in _verb_index(self)

    def named_by_verb(self, verb: str) -> str | None:
        """The name of the measure made of the verb that reports it, when the vocabulary has
        one: 上险 → 上险量, 交付 → 交付量 (售出 has none: it reports 销售额)."""
        label = self.label_for(verb)
        if label is None:
            return None
        return next((verb + head for head in ("量", "额", "数") if verb + head in label.synonyms), None)

    def after_pattern(self) -> re.Pattern[str]:
        """Synonyms plus the words that name a label only right after a figure."""
        return _after_pattern(self)

    def after_label_for(self, word: str) -> Label | None:
        return _after_index(self).get(word.casefold())

    def words(self) -> WordLists:
        """The word lists grouped by length, for lookups at a position."""
        return _word_lists(self)

    def links(self) -> Words:
        """``label_links`` grouped by length; none where a word ends that only ends in one
        (信用债违约: no link 约)."""
        return _links(self)

    def kind_pattern(self, kind: str) -> re.Pattern[str]:
        """One alternation of the cue words of ``kind`` (target, forecast, other)."""
        return _kind_pattern(self, kind)


def _longest_first(words: object) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))  # type: ignore[arg-type]


@cache
def ratio_words(vocab: Vocabulary) -> tuple[str, ...]:
    """The names of the ratios the vocabulary knows (市盈率, 开关店比 …), longest first: labels in
    times that are not a growth's multiple."""
    return _longest_first({w for label in vocab.labels if label.unit == "times" and label.name != _MULTIPLE
                           for w in (label.name, *label.synonyms)})


_MULTIPLE = "增长倍数"


@cache
def _label_index(vocab: Vocabulary) -> dict[str, Label]:
    return {label.name: label for label in vocab.labels}


@cache
def _latin_spellings(vocab: Vocabulary) -> dict[str, str]:
    return {
        word.casefold(): word
        for label in vocab.labels
        for word in (label.name, *label.synonyms)
        if word.isascii() and word.isalpha()
    }


@cache
def _synonym_index(vocab: Vocabulary) -> dict[str, Label]:
    index: dict[str, Label] = {}
    for label in vocab.labels:
        for word in (label.name, *label.synonyms, *label.verbs):
            index.setdefault(word.casefold(), label)
    return index


@cache
def _verb_index(vocab: Vocabulary) -> frozenset[str]:
    return frozenset(w.casefold() for label in vocab.labels for w in label.verbs)


@cache
def _after_index(vocab: Vocabulary) -> dict[str, Label]:
    index = dict(_synonym_index(vocab))
    for label in vocab.labels:
        for word in label.after:
            index.setdefault(word.casefold(), label)
    return index


def alternation(words: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    """One regex of ``words`` that matches the first of them (in order) that fits.

    A lookahead on the words' first characters goes before the alternation: without it the
    engine tries every word at every position of the text; with it, ``finditer`` over an
    article skips to the next possible start (5× faster with the 300 label words)."""
    firsts = sorted({w[0] for w in words})
    lookahead = "(?=[" + "".join(re.escape(c) for c in firsts) + "])"
    return re.compile(lookahead + "(?:" + "|".join(map(re.escape, words)) + ")", flags)


@cache
def _links(vocab: Vocabulary) -> Words:
    return Words.of(vocab.label_links, blocked=(w for w in vocab.not_hedges_before if w not in vocab.label_links))


@cache
def _word_lists(vocab: Vocabulary) -> WordLists:
    lists = {f.name: Words.of(getattr(vocab, f.name)) for f in fields(WordLists)}
    lists["hedges_before"] = Words.of(vocab.hedges_before, blocked=vocab.not_hedges_before)
    return WordLists(**lists)


@cache
def _kind_pattern(vocab: Vocabulary, kind: str) -> re.Pattern[str]:
    return alternation(vocab.kind_cues[kind])


@cache
def _label_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    return alternation(_longest_first(_synonym_index(vocab)), re.IGNORECASE)


@cache
def _after_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    return alternation(_longest_first(_after_index(vocab)), re.IGNORECASE)


def _read(folder: Path, name: str) -> dict:  # type: ignore[type-arg]
    with (folder / name).open("rb") as fh:
        return tomllib.load(fh)


def load_vocabulary(folder: Path | None = None) -> Vocabulary:
    """Read the vocabulary from ``folder`` (default: the bundled ``resources/figures``)."""
    folder = folder or resource("figures")
    units = _read(folder, "units.toml")
    labels = _read(folder, "labels.toml")
    grammar = _read(folder, "grammar.toml")
    context = _read(folder, "context.toml")
    classes = {
        unit: cls
        for cls, key in ((MONEY, "money"), (SHARE, "share"), (RATIO, "ratio"), (COUNT, "count"))
        for unit in units["classes"][key]
    }
    return Vocabulary(
        currency_suffix=dict(units["currency_suffix"]),
        currency_prefix=dict(units["currency_prefix"]),
        currency_before=dict(units["currency_before"]),
        percent=dict(units["percent"]),
        multiplier=dict(units["multiplier"]),
        counters={
            word: Counter(
                word, spec["unit"], spec["explicit"], spec.get("label"), float(spec.get("factor", 1)),
                spec.get("not_before", ""),
            )
            for word, spec in units["counter"].items()
        },
        unit_classes=classes,
        labels=tuple(
            Label(
                name=entry["name"],
                unit=entry["unit"],
                synonyms=tuple(entry["synonyms"]),
                after=tuple(entry.get("after", ())),
                verbs=tuple(entry.get("verbs", ())),
            )
            for entry in labels["label"]
        ),
        hedges_before=_longest_first(grammar["hedges_before"]),
        not_hedges_before=tuple(grammar["not_hedges_before"]),
        hedges_after=_longest_first(grammar["hedges_after"]),
        exclude_after=_longest_first(grammar["exclude_after"]),
        exclude_after_magnitude=_longest_first(grammar["exclude_after_magnitude"]),
        abstract_after=_longest_first(grammar["abstract_after"]),
        tenths=grammar["tenths"],
        tenths_not_before=tuple(grammar["tenths_not_before"]),
        exclude_before=_longest_first(grammar["exclude_before"]),
        vague_before=_longest_first(grammar["vague_before"]),
        idioms=tuple(grammar["idioms"]),
        range_connectors=tuple(grammar["range_connectors"]),
        min_chinese_count=int(grammar["min_chinese_count"]),
        lexical=tuple(
            Lexical(e["surface"], float(e["value"]), e["unit"], tuple(e.get("not_after", ())))
            for e in grammar["lexical"]
        ),
        kind_cues={kind: _longest_first(words) for kind, words in context["kind"].items()},
        skip_after=_longest_first(context["subject"]["skip_after"]),
        speech_verbs=_longest_first(context["subject"]["speech_verbs"]),
        bystander_verbs=_longest_first(context["subject"]["bystander_verbs"]),
        person_pronouns=tuple(context["subject"]["person_pronouns"]),
        org_pronouns=tuple(context["subject"]["org_pronouns"]),
        not_pronouns=tuple(context["subject"]["not_pronouns"]),
        demonstratives=_longest_first(context["subject"]["demonstratives"]),
        titles=_longest_first(context["subject"]["titles"]),
        personal_labels=frozenset(context["subject"]["personal_labels"]),
        place_labels=frozenset(context["subject"]["place_labels"]),
        company_labels=frozenset(context["subject"]["company_labels"]),
        label_links=_longest_first(context["label"]["links"]),
        generic_labels=frozenset(context["label"]["generic"]),
        label_heads=tuple(context["label"]["heads"]),
        counted_heads=tuple(context["label"]["counted"]),
        label_leads=_longest_first([*context["label"]["leads"], *context["label"]["words"]["opening_words"]]),
        own_documents=_longest_first(context["subject"]["own_documents"]),
        market_cues=tuple(context["subject"]["market_cues"]),
        credit_cues=tuple(context["subject"]["credit_cues"]),
        own_after_cue=tuple(context["subject"]["own_after_cue"]),
        market_labels=frozenset(context["subject"]["market_labels"]),
        source_clause_ends=tuple(context["subject"]["source_clause_ends"]),
        label_words={name: _longest_first(words) for name, words in context["label"]["words"].items()},
        counted_by=dict(context["label"]["counted_by"]),
        spelled_out=dict(context["label"]["spelled_out"]),
        intermediaries=_longest_first(context["subject"]["intermediaries"]),
        exchanges=tuple(context["subject"]["exchanges"]),
    )


@cache
def default_vocabulary() -> Vocabulary:
    """The bundled vocabulary, read once per process."""
    return load_vocabulary()


@cache
def _traditional_table() -> dict[int, str]:
    """The traditional → simplified table, numerals left alone (參 is 3 in the numeral
    grammar; its simplified 参 is in 参加)."""
    numerals = {ord(ch) for ch in CHINESE_NUMERAL_CHARS}
    return {code: simple for code, simple in traditional_to_simplified().items() if code not in numerals}


@cache
def _traditional_chars() -> frozenset[str]:
    return frozenset(map(chr, _traditional_table()))


def simplified(text: str) -> str:
    """``text`` in simplified characters, character for character, so offsets stay valid:
    the vocabulary is written once, in simplified Chinese (約合 reads as 约合, 淨利潤 as 净利润).

    Most articles are simplified already; a set lookup per character finds that out in
    60 % of the time a translation takes (a regex of the 2,000 characters: 300 %)."""
    if _traditional_chars().isdisjoint(text):
        return text
    return text.translate(_traditional_table())
