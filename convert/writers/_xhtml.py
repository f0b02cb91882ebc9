"""Tree -> XHTML markup, shared by the HTML, PDF and EPUB writers.

The output is well-formed XML (EPUB needs that) and carries only markup we
generate: a page's own scripts, styles and attributes never get here.
Images are resolved by the caller (`image_src`): the PDF writer inlines them
as data: URIs, the EPUB writer packages them as items.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import assert_never

from convert.tree import (
    Block, BulletList, Cell, Code, CodeBlock, Document, Emph, Heading, Image, Inline, LineBreak,
    Link, Metadata, OrderedList, Paragraph, Quote, Rule, Strong, Table, Text, plain_text,
)

SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")

ImageSource = Callable[[Image], "str | None"]

# ASCII ids that are valid XML names and need no escaping in a URL fragment
_VALID_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")


def heading_ids(blocks: tuple[Block, ...]) -> dict[int, str]:
    """A stable, unique, ASCII id for every top-level heading, keyed by position."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            candidate = block.id if _VALID_ID.fullmatch(block.id) else ""
            number = len(ids)
            while not candidate or candidate in used:  # a generated id may equal an explicit one
                number += 1
                candidate = f"sec-{number}"
            used.add(candidate)
            ids[index] = candidate
    return ids


def _attr(value: str) -> str:
    return escape(value, quote=True)


class XhtmlRenderer:
    def __init__(self, image_src: ImageSource, link_href: Callable[[str], str | None] | None = None) -> None:
        self.image_src = image_src
        self.link_href = link_href or self.safe_href
        self._in_link = False  # <a> may not nest (HTML and EPUB's XHTML both forbid it)

    @staticmethod
    def safe_href(url: str) -> str | None:
        if url.startswith("#") or url.lower().startswith(SAFE_LINK_SCHEMES):
            return url
        return None

    # -------------------------------------------------------------- inline

    def inlines(self, items: tuple[Inline, ...]) -> str:
        return "".join(self.inline(item) for item in items)

    def inline(self, item: Inline) -> str:
        match item:
            case Text(text):
                return escape(text, quote=False)
            case Emph(children):
                return f"<em>{self.inlines(children)}</em>"
            case Strong(children):
                return f"<strong>{self.inlines(children)}</strong>"
            case Code(text):
                return f"<code>{escape(text, quote=False)}</code>"
            case Link(children, url, title):
                href = None if self._in_link else self.link_href(url)
                if href is None:
                    return self.inlines(children)
                title_attr = f' title="{_attr(title)}"' if title else ""
                self._in_link = True
                try:
                    inner = self.inlines(children)
                finally:
                    self._in_link = False
                return f'<a href="{_attr(href)}"{title_attr}>{inner}</a>'
            case LineBreak():
                return "<br/>"
            case _:
                assert_never(item)

    # -------------------------------------------------------------- blocks

    def blocks(self, blocks: tuple[Block, ...], ids: dict[int, str] | None = None) -> str:
        ids = ids if ids is not None else heading_ids(blocks)
        return "\n".join(self.block(block, ids.get(index, "")) for index, block in enumerate(blocks))

    def block(self, block: Block, anchor: str = "") -> str:
        match block:
            case Heading(level, children):
                level = min(max(level, 1), 6)
                id_attr = f' id="{_attr(anchor)}"' if anchor else ""
                return f"<h{level}{id_attr}>{self.inlines(children)}</h{level}>"
            case Paragraph(children):
                return f"<p>{self.inlines(children)}</p>"
            case BulletList(items):
                return "<ul>" + "".join(self._item(item) for item in items) + "</ul>"
            case OrderedList(items, start):
                start_attr = f' start="{int(start)}"' if start != 1 else ""  # int(): never markup
                return f"<ol{start_attr}>" + "".join(self._item(item) for item in items) + "</ol>"
            case Quote(inner):
                return f"<blockquote>{self.blocks(inner, {})}</blockquote>"
            case CodeBlock(text, language):
                lang_attr = f' class="language-{_attr(language)}"' if language else ""
                return f"<pre><code{lang_attr}>{escape(text, quote=False)}</code></pre>"
            case Table():
                return self._table(block)
            case Image():
                return self._image(block)
            case Rule():
                return "<hr/>"
            case _:
                assert_never(block)

    def _item(self, item: tuple[Block, ...]) -> str:
        if len(item) == 1 and isinstance(item[0], Paragraph):
            return f"<li>{self.inlines(item[0].children)}</li>"
        return f"<li>{self.blocks(item, {})}</li>"

    def _cell(self, cell: Cell, tag: str) -> str:
        spans = ""
        if cell.colspan > 1:
            spans += f' colspan="{int(cell.colspan)}"'
        if cell.rowspan > 1:
            spans += f' rowspan="{int(cell.rowspan)}"'
        return f"<{tag}{spans}>{self.inlines(cell.children)}</{tag}>"

    def _table(self, table: Table) -> str:
        parts = ["<table>"]
        if table.caption:
            parts.append(f"<caption>{self.inlines(table.caption)}</caption>")
        if table.header:
            parts.append("<thead>")
            parts.extend("<tr>" + "".join(self._cell(c, "th") for c in row) + "</tr>" for row in table.header)
            parts.append("</thead>")
        if table.body:
            parts.append("<tbody>")
            parts.extend("<tr>" + "".join(self._cell(c, "td") for c in row) + "</tr>" for row in table.body)
            parts.append("</tbody>")
        parts.append("</table>")
        return "".join(parts)

    def _image(self, image: Image) -> str:
        src = self.image_src(image)
        caption = f"<figcaption>{self.inlines(image.caption)}</figcaption>" if image.caption else ""
        if src is None:  # refused or unreadable: keep what the reader would have been told
            text = plain_text(image.caption) if image.caption else image.alt
            return f'<p class="missing-image">{escape(text, quote=False)}</p>' if text else ""
        return f'<figure><img src="{_attr(src)}" alt="{_attr(image.alt)}"/>{caption}</figure>'


def title_block(meta: Metadata) -> str:
    """The header a reader sees first: title, subtitle, byline, date and source."""
    parts = ['<header class="title-block">']
    if meta.title:
        parts.append(f'<h1 class="title">{escape(meta.title, quote=False)}</h1>')
    if meta.subtitle:
        parts.append(f'<p class="subtitle">{escape(meta.subtitle, quote=False)}</p>')
    facts = []
    if meta.authors:
        facts.append(f'<span class="author">{escape(", ".join(meta.authors), quote=False)}</span>')
    if meta.date:
        facts.append(f'<span class="date">{escape(meta.date, quote=False)}</span>')
    if meta.publisher:
        facts.append(f'<span class="publisher">{escape(meta.publisher, quote=False)}</span>')
    if meta.source and meta.source != meta.publisher:
        facts.append(f'<span class="source">{escape(meta.source, quote=False)}</span>')
    if facts:
        parts.append('<p class="byline">' + " · ".join(facts) + "</p>")
    parts.append("</header>")
    return "\n".join(parts) if len(parts) > 2 else ""


def document_language(document: Document) -> str:
    from convert.lang import detect_language
    from convert.tree import document_text

    return document.meta.language or detect_language(document.meta.title + "\n" + document_text(document)) or "en"
