"""Tables for the HTML reader: data tables into `Table`, layout tables read through.

Header rows are the <thead> rows, or else a first row made only of <th>.
<tfoot> rows go last whatever their place in the source. A cell holds
inline content only, so block content inside a cell is joined with line
breaks and images inside cells float out to after the table: `read_table`
returns them beside the table, for the caller to place.

The table reader does not know the block builder: it is handed the three
questions it asks of it (is this element skipped, what are the blocks of
these children, what are the inlines of this element) as functions.

A table used for page layout (one cell, role="presentation", or cells that
hold headings or other tables) is not data: its cells are read as containers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bs4 import Tag

from convert.readers._inline_tidy import tidy
from convert.tree import (
    Block, BulletList, Cell, Code, CodeBlock, Heading, Image, Inline, LineBreak, OrderedList,
    Paragraph, Quote, Table, Text,
)

_CELL_NAMES = ("td", "th")
_LAYOUT_MARKERS = ["table", "h1", "h2", "h3", "h4", "h5", "h6"]


@dataclass(frozen=True, slots=True)
class CellReading:
    """How the block builder reads what sits inside a table."""

    skipped: Callable[[Tag], bool]
    blocks_of: Callable[[Iterable[object], int, bool], list[Block]]  # children, depth, images_inline
    inlines_of: Callable[[Tag, int], list[Inline]]


def read_table(builder: CellReading, table: Tag, depth: int) -> tuple[list[Block], list[Image]]:
    """The table's blocks (a Table, or a layout table's content) and the images floated out of its cells."""
    caption_tag = None
    head: list[Tag] = []
    body: list[Tag] = []
    foot: list[Tag] = []
    for child in table.children:
        if not isinstance(child, Tag) or builder.skipped(child):
            continue
        if child.name == "caption":
            caption_tag = caption_tag or child
        elif child.name == "tr":
            body.append(child)
        elif child.name in ("thead", "tbody", "tfoot"):
            rows = [tr for tr in child.find_all("tr", recursive=False) if not builder.skipped(tr)]
            {"thead": head, "tbody": body, "tfoot": foot}[child.name].extend(rows)
    rows = head + body + foot
    cells = [cell for row in rows for cell in _cells(builder, row)]
    if not cells:
        return [], []
    if _is_layout(table, cells):
        out: list[Block] = []
        if caption_tag is not None:
            out.extend(builder.blocks_of(caption_tag.children, depth + 1, False))
        for cell in cells:
            out.extend(builder.blocks_of(cell.children, depth + 2, False))
        return out, []

    floated: list[Image] = []
    header_rows = [_row(builder, tr, depth, floated) for tr in head]
    body_rows = [_row(builder, tr, depth, floated) for tr in body + foot]
    if not header_rows and body and all(cell.name == "th" for cell in _cells(builder, body[0])):
        header_rows, body_rows = body_rows[:1], body_rows[1:]
    caption = tidy(builder.inlines_of(caption_tag, depth + 1)) if caption_tag is not None else ()
    header = tuple(row for row in header_rows if row)
    rows_kept = tuple(row for row in body_rows if row)
    if not header and not rows_kept:
        return ([Paragraph(caption)] if caption else []), floated
    return [Table(header=header, body=rows_kept, caption=caption)], floated


def _cells(builder: CellReading, row: Tag) -> list[Tag]:
    return [c for c in row.children if isinstance(c, Tag) and c.name in _CELL_NAMES and not builder.skipped(c)]


def _is_layout(table: Tag, cells: list[Tag]) -> bool:
    if len(cells) == 1 or str(table.get("role") or "").lower() in ("presentation", "none"):
        return True
    return any(cell.find(_LAYOUT_MARKERS) is not None for cell in cells)


def _row(builder: CellReading, row: Tag, depth: int, floated: list[Image]) -> tuple[Cell, ...]:
    return tuple(
        Cell(_cell_inlines(builder, cell, depth, floated),
             colspan=int_attribute(cell, "colspan", 1, maximum=1000),
             rowspan=int_attribute(cell, "rowspan", 1, maximum=65534))
        for cell in _cells(builder, row)
    )


def _cell_inlines(builder: CellReading, cell: Tag, depth: int, floated: list[Image]) -> tuple[Inline, ...]:
    """A cell's content as one inline run; its images are added to `floated`."""
    blocks = builder.blocks_of(cell.children, depth + 2, True)
    floated.extend(block for block in blocks if isinstance(block, Image))
    return tidy(blocks_to_inlines(block for block in blocks if not isinstance(block, Image)))


def blocks_to_inlines(blocks: Iterable[Block]) -> list[Inline]:
    """Block content squeezed into one inline run, a line break between blocks."""
    out: list[Inline] = []

    def line(items: Iterable[Inline]) -> None:
        if out:
            out.append(LineBreak())
        out.extend(items)

    for block in blocks:
        match block:
            case Paragraph(children) | Heading(children=children):
                line(children)
            case BulletList(items) | OrderedList(items):
                for item in items:
                    line([Text("\u2022 "), *blocks_to_inlines(item)])
            case Quote(inner):
                line(blocks_to_inlines(inner))
            case CodeBlock(text):
                first, *more = text.split("\n")
                line([Code(first)] if first else [])
                for extra in more:
                    out.extend([LineBreak(), Code(extra)] if extra else [LineBreak()])
            case Table(header, body, caption):
                if caption:
                    line(caption)
                for row in header + body:
                    cells: list[Inline] = []
                    for cell in row:
                        cells.extend(([Text(" | ")] if cells else []) + list(cell.children))
                    line(cells)
            case Image(alt=alt) if alt:
                line([Text(alt)])
    return out


def int_attribute(tag: Tag, name: str, default: int, minimum: int = 1, maximum: int = 10**6) -> int:
    try:
        value = int(str(tag.get(name, default)).strip())
    except ValueError:
        return default
    return min(max(value, minimum), maximum)
