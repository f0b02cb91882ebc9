"""Inline text as a browser shows it: whitespace collapsing, blank-line splits, super/subscripts.

Shared by the HTML reader's block builder (`blocks`) and its metadata finder
(`meta`). Only plain Python here; the soup stays in the callers. Tidying runs
(`tidy`) is shared with the Markdown reader and lives in `readers/_inline_tidy`.
"""

from __future__ import annotations

import re

from convert.lang import CJK_CHAR
from convert.readers._inline_tidy import EDGE_SPACE, tidy
from convert.tree import Inline, LineBreak, Text, merge_text

_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
# CSS Text 3: a segment break between two East Asian wide characters is
# removed, not turned into a space (Chinese source text is often wrapped).
_CJK_CLASS = CJK_CHAR.pattern
_CJK_LINE_BREAK = re.compile(rf"(?<={_CJK_CLASS})[ \t\r\f]*\n[ \t\n\r\f]*(?={_CJK_CLASS})")


def collapse(text: str) -> str:
    """Whitespace as `white-space: normal` renders it: every run one space."""
    if "\n" in text:
        text = _CJK_LINE_BREAK.sub("", text)
    return _SPACE_RUN.sub(" ", text)


def squash(text: str) -> str:
    """Collapsed and trimmed: for titles, captions, attribute values."""
    return collapse(text).strip(EDGE_SPACE)


def split_at_blank_lines(inlines: tuple[Inline, ...]) -> list[tuple[Inline, ...]]:
    """`text<br><br>text` is how tag soup separates paragraphs: split there."""
    parts: list[list[Inline]] = [[]]
    index = 0
    while index < len(inlines):
        item = inlines[index]
        if isinstance(item, LineBreak) and index + 1 < len(inlines) and isinstance(inlines[index + 1], LineBreak):
            while index < len(inlines) and isinstance(inlines[index], LineBreak):
                index += 1
            parts.append([])
            continue
        parts[-1].append(item)
        index += 1
    return [tidied for part in parts if (tidied := tidy(part))]


_SUPERSCRIPT = str.maketrans("0123456789+-=()in", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ")
_SUBSCRIPT = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SCRIPT_CHARS = {"sup": set("0123456789+-=()in"), "sub": set("0123456789+-=()")}


def script_text(children: list[Inline], name: str) -> list[Inline]:
    """x<sup>2</sup> reads "x²" and H<sub>2</sub>O "H₂O" when Unicode has every character;
    otherwise the text stays as written (the tree has no super/subscript node)."""
    merged = merge_text(children)
    if len(merged) == 1 and isinstance(merged[0], Text) and merged[0].text.strip() \
            and set(merged[0].text) <= _SCRIPT_CHARS[name]:
        return [Text(merged[0].text.translate(_SUPERSCRIPT if name == "sup" else _SUBSCRIPT))]
    return children
