"""The document tree: the one contract between readers and writers.

Plain frozen dataclasses and nothing else of ours. A reader builds a
`Document`; every writer walks it. Inline nodes live inside paragraphs,
headings, table cells and captions; block nodes make up the body.

    Document(meta: Metadata, blocks: tuple[Block, ...])
    Block  = Heading | Paragraph | BulletList | OrderedList | Quote
           | CodeBlock | Table | Image | Rule
    Inline = Text | Emph | Strong | Code | Link | LineBreak
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Union

node = dataclass(frozen=True, slots=True)


# ----------------------------------------------------------------- inline


@node
class Text:
    text: str


@node
class Emph:
    children: tuple[Inline, ...]


@node
class Strong:
    children: tuple[Inline, ...]


@node
class Code:
    text: str


@node
class Link:
    children: tuple[Inline, ...]
    url: str
    title: str = ""


@node
class LineBreak:
    pass


Inline = Union[Text, Emph, Strong, Code, Link, LineBreak]
INLINE_TYPES = (Text, Emph, Strong, Code, Link, LineBreak)


# ----------------------------------------------------------------- blocks


@node
class Heading:
    level: int
    children: tuple[Inline, ...]
    id: str = ""


@node
class Paragraph:
    children: tuple[Inline, ...]


@node
class BulletList:
    """Each item is a sequence of blocks (a list item may hold paragraphs and sub-lists)."""

    items: tuple[tuple[Block, ...], ...]


@node
class OrderedList:
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


@node
class Quote:
    blocks: tuple[Block, ...]


@node
class CodeBlock:
    text: str
    language: str = ""


@node
class Cell:
    children: tuple[Inline, ...]
    colspan: int = 1
    rowspan: int = 1


@node
class Table:
    header: tuple[tuple[Cell, ...], ...]
    body: tuple[tuple[Cell, ...], ...]
    caption: tuple[Inline, ...] = ()


@node
class Image:
    src: str
    alt: str = ""
    caption: tuple[Inline, ...] = ()


@node
class Rule:
    pass


Block = Union[Heading, Paragraph, BulletList, OrderedList, Quote, CodeBlock, Table, Image, Rule]
BLOCK_TYPES = (Heading, Paragraph, BulletList, OrderedList, Quote, CodeBlock, Table, Image, Rule)


# --------------------------------------------------------------- document


class FrozenMapping(dict[str, str]):
    """A read-only dict that still pickles (batches send documents between processes)."""

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("metadata is frozen; use dataclasses.replace")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type, tuple[dict[str, str]]]:
        return (FrozenMapping, (dict(self),))

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


def _frozen_mapping(value: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return FrozenMapping(value or {})


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""  # ISO 8601 when the reader could normalise it
    publisher: str = ""
    source: str = ""
    editor: str = ""
    tags: tuple[str, ...] = ()
    description: str = ""  # the lede
    language: str = ""  # BCP 47, e.g. "zh-CN"
    url: str = ""
    extra: Mapping[str, str] = field(default_factory=_frozen_mapping)

    def __post_init__(self) -> None:
        if not isinstance(self.extra, FrozenMapping):
            object.__setattr__(self, "extra", _frozen_mapping(self.extra))

    def __hash__(self) -> int:
        return hash((self.title, self.authors, self.date, self.tags, tuple(sorted(self.extra.items()))))


@dataclass(frozen=True, slots=True)
class Document:
    meta: Metadata
    blocks: tuple[Block, ...]


# ---------------------------------------------------------------- helpers


def plain_text(inlines: tuple[Inline, ...] | Inline) -> str:
    """The visible text of inline content, as a reader of the output would see it."""
    if not isinstance(inlines, tuple):
        inlines = (inlines,)
    parts: list[str] = []
    for item in inlines:
        match item:
            case Text(text) | Code(text):
                parts.append(text)
            case Emph(children) | Strong(children) | Link(children):
                parts.append(plain_text(children))
            case LineBreak():
                parts.append("\n")
    return "".join(parts)


def iter_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block, depth first, including those inside lists and quotes."""
    stack = list(reversed(blocks))
    while stack:
        block = stack.pop()
        yield block
        match block:
            case BulletList(items) | OrderedList(items):
                for item in reversed(items):
                    stack.extend(reversed(item))
            case Quote(inner):
                stack.extend(reversed(inner))


def document_text(document: Document) -> str:
    """All visible text of the body, one block per line (for tests and checks)."""
    lines: list[str] = []
    for block in iter_blocks(document.blocks):
        match block:
            case Heading(children=children) | Paragraph(children):
                lines.append(plain_text(children))
            case CodeBlock(text):
                lines.append(text)
            case Table(header, body, caption):
                lines.append(plain_text(caption))
                lines.extend(" ".join(plain_text(c.children) for c in row) for row in header + body)
            case Image(alt=alt, caption=caption):
                lines.append(plain_text(caption) or alt)
    return "\n".join(line for line in lines if line)


def merge_text(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring Text runs and drop empty ones, so trees compare equal however built."""
    merged: list[Inline] = []
    for item in inlines:
        if isinstance(item, Text):
            if not item.text:
                continue
            if merged and isinstance(merged[-1], Text):
                merged[-1] = Text(merged[-1].text + item.text)
                continue
        merged.append(item)
    return tuple(merged)
