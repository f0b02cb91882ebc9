"""The Markdown reader: CommonMark (+ GFM tables and strikethrough) into the document tree.

    bytes --decode--> str --front matter split off--> markdown-it-py tokens --> blocks

Parsing is markdown-it-py's ("commonmark" preset with the table and
strikethrough rules on). Raw HTML is NOT rendered: the parser runs with
html=False, so `<b>x</b>` in the source stays visible as the text "<b>x</b>"
— a converter must not run markup it was not asked to (and our HTML reader
is the place for HTML files). Strikethrough becomes emphasis (the tree has no
strike node); images are blocks, so an image inside a paragraph follows it.

Metadata: a YAML front matter block (--- ... ---) read with a tiny
"key: value" reader — title, subtitle, author(s), date, tags/keywords, lang/language,
description, publisher — and, without a title there, the first level-1 heading
(which then leaves the body, as the HTML reader does with its <h1>).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from convert.context import Context
from convert.errors import InputError
from convert.lang import detect_language
from convert.readers.html.inline import tidy
from convert.readers._markdown_meta import read_front_matter
from convert.source import Source
from convert.tree import (
    Block, BulletList, Cell, Code, CodeBlock, Document, Emph, Heading, Image, Inline, LineBreak, Link,
    OrderedList, Paragraph, Quote, Rule, Strong, Table, Text, document_text, merge_text, plain_text,
)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


class MarkdownReader:
    name = "markdown"
    extensions = (".md", ".markdown")

    def read(self, source: Source, ctx: Context) -> Document:
        meta, body = read_front_matter(ctx.text_of(source))
        blocks = list(_Converter(_parser().parse(body)).blocks())
        if not meta.title:
            first_h1 = next((b for b in blocks if isinstance(b, Heading) and b.level == 1), None)
            if first_h1 is not None:
                meta = dataclasses.replace(meta, title=plain_text(first_h1.children).strip())
                blocks.remove(first_h1)
        if not blocks and not meta.title:
            raise InputError(source.name, "no text content")
        document = Document(meta=meta, blocks=tuple(blocks))
        if not meta.language:
            document = Document(dataclasses.replace(meta, language=detect_language(
                meta.title + "\n" + document_text(document))), document.blocks)
        return document


class _Converter:
    """Walks markdown-it's flat token stream (…_open / …_close pairs) into nested blocks."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0

    def blocks(self, until: str = "") -> list[Block]:
        out: list[Block] = []
        while self.index < len(self.tokens):
            token = self.tokens[self.index]
            self.index += 1
            if until and token.type == until:
                break
            out.extend(self._block(token))
        return out

    def _block(self, token: Token) -> list[Block]:
        kind = token.type
        if kind == "heading_open":
            children, floating = self._inline()
            self._skip("heading_close")
            return ([Heading(int(token.tag[1]), children)] if children else []) + floating
        if kind == "paragraph_open":
            children, floating = self._inline()
            self._skip("paragraph_close")
            return ([Paragraph(children)] if plain_text(children).strip() else []) + floating
        if kind == "bullet_list_open":
            return [BulletList(self._items("bullet_list_close"))]
        if kind == "ordered_list_open":
            start = int(token.attrGet("start") or 1)
            return [OrderedList(self._items("ordered_list_close"), start=start)]
        if kind == "blockquote_open":
            inner = self.blocks("blockquote_close")
            return [Quote(tuple(inner))] if inner else []
        if kind in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            language = token.info.strip().split()[0] if token.info.strip() else ""
            return [CodeBlock(text, language)] if text.strip() else []
        if kind == "table_open":
            return self._table()
        if kind == "hr":
            return [Rule()]
        return []  # closing tokens of containers we do not model, and nothing else reaches here

    def _items(self, close: str) -> tuple[tuple[Block, ...], ...]:
        items: list[tuple[Block, ...]] = []
        while self.index < len(self.tokens):
            token = self.tokens[self.index]
            self.index += 1
            if token.type == close:
                break
            if token.type == "list_item_open":
                items.append(tuple(self.blocks("list_item_close")))
        return tuple(items)

    def _table(self) -> list[Block]:
        header: list[tuple[Cell, ...]] = []
        body: list[tuple[Cell, ...]] = []
        rows = body
        row: list[Cell] = []
        while self.index < len(self.tokens):
            token = self.tokens[self.index]
            self.index += 1
            if token.type == "table_close":
                break
            if token.type == "thead_open":
                rows = header
            elif token.type == "tbody_open":
                rows = body
            elif token.type in ("th_open", "td_open"):
                children, floating = self._inline()
                row.append(Cell(children + tuple(Text(f" {img.alt}") for img in floating if img.alt)))
            elif token.type == "tr_close":
                rows.append(tuple(row))
                row = []
        return [Table(tuple(header), tuple(body))]

    def _inline(self) -> tuple[tuple[Inline, ...], list[Image]]:
        """The inline token that follows a block opening, and images found in it (floated out)."""
        token = self.tokens[self.index]
        if token.type != "inline":
            return (), []
        self.index += 1
        images: list[Image] = []
        children = _inlines(token.children or [], images)
        return tidy(children), images  # tidy: an image taken out leaves no doubled space

    def _skip(self, kind: str) -> None:
        if self.index < len(self.tokens) and self.tokens[self.index].type == kind:
            self.index += 1


_WRAPPERS: dict[str, Any] = {"em": Emph, "strong": Strong, "s": Emph}


def _inlines(tokens: list[Token], images: list[Image]) -> list[Inline]:
    """Nested inline nodes from markdown-it's flat inline children."""
    stack: list[tuple[str, Token | None, list[Inline]]] = [("", None, [])]
    for token in tokens:
        kind = token.type
        if kind.endswith("_open"):
            stack.append((kind[:-5], token, []))
            continue
        if kind.endswith("_close") and len(stack) > 1:
            name, opener, children = stack.pop()
            stack[-1][2].extend(_wrap(name, opener, merge_text(children)))
            continue
        out = stack[-1][2]
        if kind == "text":
            out.append(Text(token.content))
        elif kind == "code_inline":
            out.append(Code(token.content))
        elif kind == "softbreak":
            out.append(Text(" " if not _cjk_join(out) else ""))
        elif kind == "hardbreak":
            out.append(LineBreak())
        elif kind == "image":
            images.append(Image(str(token.attrGet("src") or ""), token.content or _alt(token)))
    while len(stack) > 1:  # unbalanced (never from markdown-it): keep the text
        _, _, children = stack.pop()
        stack[-1][2].extend(children)
    return stack[0][2]


def _wrap(name: str, opener: Token | None, children: tuple[Inline, ...]) -> list[Inline]:
    if not children:
        return []
    if name == "link" and opener is not None:
        return [Link(children, str(opener.attrGet("href") or ""), str(opener.attrGet("title") or ""))]
    wrapper = _WRAPPERS.get(name)
    return [wrapper(children)] if wrapper else list(children)


def _alt(token: Token) -> str:
    return "".join(child.content for child in token.children or [])


_CJK_END = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$")


def _cjk_join(out: list[Inline]) -> bool:
    """A line break after a Chinese character joins without a space, as the HTML reader does."""
    return bool(out) and isinstance(out[-1], Text) and bool(_CJK_END.search(out[-1].text))
