"""Tidying a run of inline nodes as a browser shows it: one space where runs meet, none at the edges.

Shared by the readers that build inline runs from pieces (the HTML reader's
block builder, the Markdown reader). Plain Python on tree nodes only, so a
reader that uses it pulls in no parser.
"""

from __future__ import annotations

import re

from convert.tree import Code, Emph, Inline, LineBreak, Link, Strong, Text, merge_text

_DOUBLED_SPACE = re.compile(r"  +")
# Paragraph edges also lose no-break and ideographic spaces: pages use them
# to indent paragraphs, which is the writer's job.
EDGE_SPACE = " \t\n\r\f\u00a0\u3000"


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
                text = text.rstrip(EDGE_SPACE)
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
            text = text.lstrip(EDGE_SPACE)
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
