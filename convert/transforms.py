"""Tree -> tree passes every document goes through before a writer sees it.

Whatever a reader (ours or a plugin) or an API user builds, writers get a
tree they can always render:
  1. every string is XML-safe (no C0 controls, U+FFFE/U+FFFF or lone
     surrogates, which python-docx, ebooklib and lxml refuse), and lists of
     names hold no empty ones, and
  2. quotes and lists nest at most MAX_BLOCK_DEPTH deep and inline runs at
     most MAX_INLINE_DEPTH deep: deeper content is lifted into its ancestor
     rather than dropped, so nothing is lost and no writer (WeasyPrint
     overflows its stack at ~136 levels) recurses without bound, and
  3. numbers stay in range: heading levels 1-6, list starts within
     ±MAX_LIST_START, table spans within the table's size.
"""

from __future__ import annotations

import dataclasses
from typing import assert_never

from convert.source import clean_text
from convert.tree import (
    Block, BulletList, Cell, Code, CodeBlock, Document, Emph, Heading, Image, Inline, LineBreak, Link,
    Metadata, OrderedList, Paragraph, Quote, Rule, Strong, Table, Text, plain_text,
)

MAX_BLOCK_DEPTH = 8
MAX_INLINE_DEPTH = 16
MAX_LIST_START = 10**6  # an <ol start> beyond this is a hostile number, not a list


def normalize(document: Document) -> Document:
    return Document(meta=_clean_meta(document.meta), blocks=_blocks(document.blocks, 0))


def _clean_meta(meta: Metadata) -> Metadata:
    changes: dict[str, object] = {}
    for f in dataclasses.fields(Metadata):
        value = getattr(meta, f.name)
        if isinstance(value, str):
            changes[f.name] = clean_text(value)
        elif isinstance(value, tuple):  # authors, tags: an empty name is no name
            changes[f.name] = tuple(c for c in (clean_text(v).strip() for v in value) if c)
    changes["extra"] = {clean_text(k): clean_text(v) for k, v in meta.extra.items()}
    return dataclasses.replace(meta, **changes)


def _blocks(blocks: tuple[Block, ...], depth: int) -> tuple[Block, ...]:
    result: list[Block] = []
    for block in blocks:
        if depth >= MAX_BLOCK_DEPTH and isinstance(block, (Quote, BulletList, OrderedList)):
            result.extend(_blocks(_lifted(block), depth))
        else:
            result.append(_block(block, depth))
    return tuple(result)


def _lifted(block: Quote | BulletList | OrderedList) -> tuple[Block, ...]:
    """The blocks inside a container, one level up, found without recursion."""
    lifted: list[Block] = []
    stack: list[Block] = [block]
    while stack:
        current = stack.pop()
        match current:
            case Quote(inner):
                stack.extend(reversed(inner))
            case BulletList(items) | OrderedList(items):
                for item in reversed(items):
                    stack.extend(reversed(item))
            case _:
                lifted.append(current)
    return tuple(lifted)


def _block(block: Block, depth: int) -> Block:
    match block:
        case Heading(level, children, anchor):
            return Heading(min(max(level, 1), 6), _inlines(children, 0), clean_text(anchor))
        case Paragraph(children):
            return Paragraph(_inlines(children, 0))
        case BulletList(items):
            return BulletList(tuple(_blocks(item, depth + 1) for item in items))
        case OrderedList(items, start):
            start = min(max(start, -MAX_LIST_START), MAX_LIST_START)
            return OrderedList(tuple(_blocks(item, depth + 1) for item in items), start)
        case Quote(inner):
            return Quote(_blocks(inner, depth + 1))
        case CodeBlock(text, language):
            return CodeBlock(clean_text(text), clean_text(language))
        case Table(header, body, caption):
            width = _table_width(header + body)
            return Table(_rows(header, width), _rows(body, width), _inlines(caption, 0))
        case Image(src, alt, caption):
            return Image(clean_text(src), clean_text(alt), _inlines(caption, 0))
        case Rule():
            return block
        case _:
            assert_never(block)


def _table_width(rows: tuple[tuple[Cell, ...], ...]) -> int:
    """The most columns a table can need: no cell spans more columns than the widest row has
    cells, so a span of 10**9 (a 4.5 GB grid in the PDF writer) counts as that many."""
    widest = max((len(row) for row in rows), default=1)
    return max((sum(min(max(c.colspan, 1), widest) for c in row) for row in rows), default=1)


def _rows(rows: tuple[tuple[Cell, ...], ...], width: int) -> tuple[tuple[Cell, ...], ...]:
    """Cells with spans clamped to the table: colspan to its width, rowspan to the rows left below."""
    return tuple(tuple(Cell(_inlines(c.children, 0), min(max(c.colspan, 1), width),
                            min(max(c.rowspan, 1), len(rows) - index)) for c in row)
                 for index, row in enumerate(rows))


def _inlines(items: tuple[Inline, ...], depth: int) -> tuple[Inline, ...]:
    return tuple(_inline(item, depth) for item in items)


def _inline(item: Inline, depth: int) -> Inline:
    match item:
        case Text(text):
            return Text(clean_text(text))
        case Code(text):
            return Code(clean_text(text))
        case LineBreak():
            return item
        case Emph(children) | Strong(children) | Link(children) if depth >= MAX_INLINE_DEPTH:
            return Text(clean_text(plain_text(children)))
        case Emph(children):
            return Emph(_inlines(children, depth + 1))
        case Strong(children):
            return Strong(_inlines(children, depth + 1))
        case Link(children, url, title):
            return Link(_inlines(children, depth + 1), clean_text(url), clean_text(title))
        case _:
            assert_never(item)
