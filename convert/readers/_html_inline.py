"""Inline text as a browser shows it: whitespace collapsing and tidying of inline runs.

Shared by the HTML reader's tree builder (`_html_blocks`) and its metadata
finder (`_html_meta`). Only plain Python here; the soup stays in the callers.
"""

from __future__ import annotations

import re

from convert.lang import CJK_CHAR
from convert.tree import Code, Emph, Inline, LineBreak, Link, Strong, Text, merge_text

_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
_DOUBLED_SPACE = re.compile(r"  +")
# CSS Text 3: a segment break between two East Asian wide characters is
# removed, not turned into a space (Chinese source text is often wrapped).
_CJK_CLASS = CJK_CHAR.pattern
_CJK_LINE_BREAK = re.compile(rf"(?<={_CJK_CLASS})[ \t\r\f]*\n[ \t\n\r\f]*(?={_CJK_CLASS})")
# Paragraph edges also lose no-break and ideographic spaces: pages use them
# to indent paragraphs, which is the writer's job.
_EDGE_SPACE = " \t\n\r\f\u00a0\u3000"


def collapse(text: str) -> str:
    """Whitespace as `white-space: normal` renders it: every run one space."""
    if "\n" in text:
        text = _CJK_LINE_BREAK.sub("", text)
    return _SPACE_RUN.sub(" ", text)


def squash(text: str) -> str:
    """Collapsed and trimmed: for titles, captions, attribute values."""
    return collapse(text).strip(_EDGE_SPACE)


def tidy(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Merge text runs, drop spaces a browser would not show, trim the edges.

    Input text must already be `collapse`d. A space after another space
    (across element boundaries) goes, as do spaces around line breaks and
    line breaks at either end.
    """
    collapsed, _ = _drop_doubled_spaces(merge_text(inlines), after_space=True)
    items = list(collapsed)
    while items and isinstance(items[0], LineBreak):
        items.pop(0)
    items = _trim_end(items)
    if items:
        first = _trim_start(items[0])
        items = ([first] if first is not None else []) + items[1:]
    return merge_text(items)


def _drop_doubled_spaces(items: tuple[Inline, ...], after_space: bool) -> tuple[tuple[Inline, ...], bool]:
    out: list[Inline] = []
    for item in items:
        match item:
            case Text(text):
                text = _DOUBLED_SPACE.sub(" ", text)  # runs collapsed one by one may meet here
                if after_space:
                    text = text.lstrip(" ")
                if text:
                    out.append(Text(text))
                    after_space = text.endswith(" ")
            case LineBreak():
                _strip_trailing_space(out)
                out.append(item)
                after_space = True
            case Code(text):
                out.append(item)
                after_space = False
            case Emph(children) | Strong(children):
                inner, after_space = _drop_doubled_spaces(children, after_space)
                if inner:
                    out.append(type(item)(merge_text(list(inner))))
            case Link(children, url, title):
                inner, after_space = _drop_doubled_spaces(children, after_space)
                if inner:
                    out.append(Link(merge_text(list(inner)), url, title))
    return tuple(out), after_space


def _strip_trailing_space(out: list[Inline]) -> None:
    if out and isinstance(out[-1], Text):
        text = out[-1].text.rstrip(" ")
        if text:
            out[-1] = Text(text)
        else:
            out.pop()


def _trim_end(items: list[Inline]) -> list[Inline]:
    while items:
        last = items[-1]
        match last:
            case LineBreak():
                items.pop()
                continue
            case Text(text):
                text = text.rstrip(_EDGE_SPACE)
                if not text:
                    items.pop()
                    continue
                items[-1] = Text(text)
            case Emph(children) | Strong(children):
                inner = _trim_end(list(children))
                if not inner:
                    items.pop()
                    continue
                items[-1] = type(last)(tuple(inner))
            case Link(children, url, title):
                inner = _trim_end(list(children))
                if not inner:
                    items.pop()
                    continue
                items[-1] = Link(tuple(inner), url, title)
        return items
    return items


def _trim_start(item: Inline) -> Inline | None:
    match item:
        case Text(text):
            text = text.lstrip(_EDGE_SPACE)
            return Text(text) if text else None
        case Emph(children) | Strong(children) if children:
            first = _trim_start(children[0])
            rest = children[1:]
            return type(item)(((first,) if first else ()) + rest) if first or rest else None
        case Link(children, url, title) if children:
            first = _trim_start(children[0])
            rest = children[1:]
            return Link(((first,) if first else ()) + rest, url, title) if first or rest else None
    return item


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
