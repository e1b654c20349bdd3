"""A Chinese person's name read off jieba's tokens next to a cue (a title before it, a verb of
saying after it), however jieba cut the name: whole (黄周), surname and given name (黄|周,
李俊|峰) or one character at a time (王|莆|中). The person rules in ``rules_people`` read
names through these."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from reader.analysis.rule_scan import Scan
from reader.analysis.rule_words import RuleWords
from reader.analysis.segment import Token
from reader.text import is_cjk


def person_name_ok(words: RuleWords, name: str, flag: str | None, is_word: Callable[[str], bool]) -> bool:
    """A plausible Chinese full name: known surname, 2–3 characters (3–4 with a compound
    surname), tagged as a name by jieba or unknown to its dictionary, not a stop word."""
    surname = words.surname_of(name)
    if surname is None or words.is_stopword(name):
        return False
    if not words.given_name_ok(name[len(surname):]):
        return False
    if flag is not None and flag.startswith("nr"):
        return True
    return not is_word(name)


def name_ending_at(scan: Scan, pos: int) -> tuple[int, str] | None:
    """The name whose last token ends at ``pos`` (before a cue), with its start."""
    i = scan.by_end.get(pos)
    if i is None:
        return None
    return name_of(scan.words, scan.tokens[max(0, i - 2):i + 1], scan.is_word, last=True)


def name_starting_at(scan: Scan, pos: int) -> tuple[int, str] | None:
    """The name whose first token starts at ``pos`` (after a cue), with its end."""
    i = scan.by_start.get(pos)
    if i is None:
        return None
    found = name_of(scan.words, scan.tokens[i:i + 3], scan.is_word, last=False)
    return (found[0] + len(found[1]), found[1]) if found is not None else None


def name_of(words: RuleWords, run: Sequence[Token], is_word: Callable[[str], bool],
            last: bool) -> tuple[int, str] | None:
    """The name made of the token at the end (``last``) or the start of ``run``, alone or
    joined with its neighbours as jieba split it: 黄|周, 李俊|峰, 王|莆|中 (a surname and
    two single characters). Returns the name's start and text. Before a cue (``last``) the
    shortest join wins, so 和|黄|周 stays 黄周; after one, the longest, so 王|莆|中 is not
    cut to 王莆: the cue fixes only one end of the name."""
    tokens = list(run) if not last else list(reversed(run))
    tok = tokens[0]
    if person_name_ok(words, tok.word, tok.flag, is_word):
        if not last and len(tok.word) == 2 and len(tokens) > 1:
            # After a cue the longest reading wins: 张红|莆 is 张红莆, not 张红.
            nxt = tokens[1]
            joined = tok.word + nxt.word
            if (
                nxt.start == tok.end
                and len(nxt.word) == 1
                and is_cjk(nxt.word)
                and words.given_name_ok(joined[1:])
                and not is_word(joined)
                and nxt.flag not in ("p", "c", "u", "uj", "d", "v", "r")
            ):
                return tok.start, joined
        return tok.start, tok.word
    found = None
    parts = [tok]
    for other in tokens[1:]:
        parts.insert(0 if last else len(parts), other)
        if any(a.end != b.start for a, b in pairwise(parts)):
            break
        joined = "".join(t.word for t in parts)
        if len(parts) == 2:
            ok = _joinable(words, parts[0], parts[1], is_word)
        else:
            ok = parts[0].word in words.surnames and all(len(t.word) == 1 for t in parts)
        if ok and person_name_ok(words, joined, None, is_word):
            found = parts[0].start, joined
            if last:
                break
    return found


def _joinable(words: RuleWords, first: Token, second: Token, is_word: Callable[[str], bool]) -> bool:
    """jieba split a name as surname + given name (黄|周): the first part is the surname,
    the second a single character or a name-like token, never an ordinary word (粉丝)."""
    if len(first.word) == 2 and first.word[0] in words.surnames and len(second.word) == 1:
        return words.given_name_ok(first.word[1] + second.word)  # 李俊|峰
    if first.word not in words.surnames and first.word not in words.compound_surnames:
        return False
    given = second.word
    if len(given) == 1:
        return True
    return len(given) == 2 and (second.flag.startswith("nr") or not is_word(given))
