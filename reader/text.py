"""Character classes shared by every layer: one definition of "a Chinese character"."""

from __future__ import annotations


def is_cjk(ch: str) -> bool:
    """A CJK ideograph: the unified block, Extension A, the compatibility block and the
    supplementary planes (Extension B onwards: 𠀀)."""
    if len(ch) != 1:
        return False  # the character past the end of a text
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


# The same characters as a regular-expression class body, for patterns ("[{CJK_CLASS}]{2,3}").
CJK_CLASS = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003ffff"
