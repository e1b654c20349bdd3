"""Parsing numbers as Chinese news writes them: Arabic, Chinese numerals, and the two mixed.

``parse_number`` understands ``1,234.5``, full-width ``１２３``, ``3.5万``, ``1.2万亿``, ``一千二百万``,
``两亿``, ``一百零五``, ``二〇二一`` (digit by digit), ``三点五亿``, the financial forms ``壹贰叁…``,
and the bare magnitudes ``百万``/``千万``/``万亿``.  Colloquial abbreviations are read the way a reader
would: ``三万五`` is 35 000, ``一千二`` is 1 200.  Anything else raises ``ValueError``.

The grammar is the usual one: a number is sections joined by the big magnitudes (亿 over 万), each
section below 万 is digits with the small units 千/百/十.  The big magnitudes are found from the
right, so ``万亿`` composes as (…万)×亿 without a special case.
"""

from __future__ import annotations

import re
from decimal import Decimal

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "０": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
ZEROS = frozenset("零〇○")

# Every character that can occur inside a Chinese numeral (used by the figure grammar too).
CHINESE_NUMERAL_CHARS = "".join([*DIGITS, *SMALL_UNITS, *BIG_UNITS, "点"])
# How the figure grammar finds a number: Arabic digits, half or full width, with thousands
# separators and a decimal point (1,234.5, １２３); a Chinese numeral (三十五, 一点五万).
ARABIC_NUMERAL = r"[0-9０-９]+(?:[,][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
CHINESE_NUMERAL = rf"[{''.join(DIGITS)}{''.join(SMALL_UNITS)}{''.join(BIG_UNITS)}]+(?:点[{''.join(DIGITS)}]+[{''.join(SMALL_UNITS)}{''.join(BIG_UNITS)}]*)?"

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_ARABIC_WITH_COMMAS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def parse_number(s: str) -> float:
    """The value of ``s``: an Arabic or Chinese numeral, possibly with 万/亿 magnitudes.

    Raises ValueError when ``s`` is not a number."""
    if not isinstance(s, str):
        raise ValueError(f"not a number: {s!r}")
    text = s.strip().translate(_FULLWIDTH)
    if not text:
        raise ValueError("not a number: empty string")
    if "," in text and not _ARABIC_WITH_COMMAS.search(text):
        raise ValueError(f"not a number: misplaced comma in {s!r}")
    text = text.replace(",", "")
    if text.isascii() and _ARABIC.fullmatch(text):
        return float(text)  # 2023, 3.5: most numbers; float() rounds as float(Decimal()) does
    try:
        return float(_parse_big(text, s))
    except (KeyError, IndexError) as exc:  # defensive: the parser only indexes known tables
        raise ValueError(f"not a number: {s!r}") from exc


def _parse_big(text: str, original: str) -> Decimal:
    """Sections joined by 亿 and 万, found from the right so that 万亿 composes."""
    for unit_chars, factor in (("亿億", 10**8), ("万萬", 10**4)):
        pos = max(text.rfind(c) for c in unit_chars)
        if pos < 0:
            continue
        head, tail = text[:pos], text[pos + 1 :]
        if any(c in head for c in unit_chars):
            raise ValueError(f"not a number: {original!r} (repeated {text[pos]!r})")
        high = _parse_big(head, original) if head else Decimal(1)
        if not tail:
            return high * factor
        if tail[0] in ZEROS and len(tail) > 1:
            return high * factor + _parse_big(tail[1:], original)
        low = _parse_big(tail, original)
        if _is_single_digit(tail):
            # 三万五 = 35 000: a lone trailing digit counts in the next lower place.
            return high * factor + low * factor / 10
        if low >= factor:
            raise ValueError(f"not a number: {original!r} ({tail!r} does not fit below {factor})")
        return high * factor + low
    return _parse_section(text, original)


def _is_single_digit(text: str) -> bool:
    return len(text) == 1 and text in DIGITS or (text.isdigit() and len(text) == 1)


def _parse_section(text: str, original: str) -> Decimal:
    """A number below 万: Arabic, 点-decimal, digit-by-digit, or digits with 千/百/十."""
    if _ARABIC.fullmatch(text):
        return Decimal(text)
    if "点" in text:
        whole, _, frac = text.partition("点")
        if not frac or not all(c in DIGITS or c.isdigit() for c in frac):
            raise ValueError(f"not a number: {original!r}")
        frac_digits = "".join(str(DIGITS[c]) if c in DIGITS else c for c in frac)
        return (_parse_section(whole, original) if whole else Decimal(0)) + Decimal("0." + frac_digits)
    if all(c in DIGITS for c in text):
        if len(text) == 1:
            return Decimal(DIGITS[text])
        # 二〇二一: digits read in place, as in years and codes.
        return Decimal("".join(str(DIGITS[c]) for c in text))
    total = Decimal(0)
    pending: Decimal | None = None  # a digit (or Arabic run) waiting for its unit
    last_unit = 10**5  # units must descend: 千 before 百 before 十
    after_zero = False
    i = 0
    while i < len(text):
        c = text[i]
        arabic = _ARABIC.match(text, i)
        if arabic:
            if pending is not None:
                raise ValueError(f"not a number: {original!r}")
            pending = Decimal(arabic.group())
            i = arabic.end()
            continue
        if c in ZEROS:
            if pending is not None:
                raise ValueError(f"not a number: {original!r}")
            after_zero = True
            i += 1
            continue
        if c in DIGITS:
            if pending is not None:
                raise ValueError(f"not a number: {original!r}")
            pending = Decimal(DIGITS[c])
            i += 1
            continue
        if c in SMALL_UNITS:
            unit = SMALL_UNITS[c]
            if unit >= last_unit:
                raise ValueError(f"not a number: {original!r} (units out of order)")
            if pending is None:
                if total or after_zero:
                    if unit != 10:
                        raise ValueError(f"not a number: {original!r}")
                pending = Decimal(1)  # 十二, 百万, 一百零十 → the unit alone means one of it
            total += pending * unit
            pending = None
            last_unit = unit
            after_zero = False
            i += 1
            continue
        raise ValueError(f"not a number: {original!r} (unexpected {c!r})")
    if pending is not None:
        if last_unit < 10**5 and not after_zero and last_unit > 10:
            # 一千二 = 1 200: a trailing digit right after a unit counts in the next lower place.
            total += pending * last_unit / 10
        else:
            total += pending
    return total
