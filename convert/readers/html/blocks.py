"""The HTML reader's tree builder: soup elements into document-tree blocks.

A container (div, section, p, li, ...) is read child by child: text and
inline elements gather into a paragraph, a block child ends the paragraph
and adds its own blocks. Images are blocks in our tree, so an image found
inside inline content "floats" out to just after the block that held it.

Recursion is bounded: past `MAX_DEPTH` element levels a subtree is read
flat (an explicit stack, text split into paragraphs at block boundaries),
so 10,000 nested divs cost no more stack than 100.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from urllib.parse import urljoin

from bs4 import Tag

from convert.readers._inline_tidy import tidy
from convert.readers.html.dom import (
    BLOCK_NAMES, CODE_NAMES, EMPH_NAMES, HEADING_LEVELS, PRE_NAMES, SKIP_NAMES, STRONG_NAMES, is_hidden, is_text,
    node_key, node_keys,
)
from convert.readers.html.headings import heading_id, is_centred, is_permalink
from convert.readers.html.inline import collapse, script_text, split_at_blank_lines, squash
from convert.readers.html.tables import CellReading, int_attribute, read_table
from convert.tree import (
    Block, BulletList, Code, CodeBlock, Emph, Heading, Image, Inline, LineBreak, Link,
    OrderedList, Paragraph, Quote, Rule, Strong, Text, merge_text, plain_text,
)

MAX_DEPTH = 100

_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
_LAZY_SRC_ATTRIBUTES = ("data-src", "data-original", "data-lazy-src", "data-actualsrc")
_FORM_HOLDS_TEXT = ["p", "h1", "h2", "article", "main"]
_CODE_LANGUAGE = re.compile(r"^(?:language|lang)-(\S+)$")


class TreeBuilder:
    def __init__(self, base_url: str = "", skip: Iterable[Tag] = ()) -> None:
        self.base_url = base_url
        self.skip_keys = node_keys(skip)
        self._floating: list[Block] = []
        self._holds_blocks: frozenset[int] = frozenset()
        self._cell_reading = CellReading(self.skipped, self.blocks_of, self.inlines_of)
        self.centred: list[Paragraph] = []  # the Paragraphs made from centred elements (headings.py)

    def build(self, root: Tag) -> tuple[Block, ...]:
        self._holds_blocks = _elements_holding_blocks(root)
        return tuple(self.blocks_of(root.children, 0))

    def skipped(self, tag: Tag) -> bool:
        if tag.name == "form":  # controls only, unless the page wraps its whole body in a form (ASP.NET)
            return tag.find(_FORM_HOLDS_TEXT) is None
        return tag.name in SKIP_NAMES or node_key(tag) in self.skip_keys or is_hidden(tag)

    # ------------------------------------------------------------ containers

    def blocks_of(self, children: Iterable[object], depth: int, images_inline: bool = False) -> list[Block]:
        """The blocks of a container's children; `images_inline` floats images out instead of
        letting them end the paragraph (table cells, where text must stay together)."""
        out: list[Block] = []
        pending: list[Inline] = []
        for child in children:
            if is_text(child):
                pending.append(Text(collapse(str(child))))
                continue
            if not isinstance(child, Tag) or self.skipped(child):
                continue
            if depth > MAX_DEPTH:
                self._flush(pending, out)
                out.extend(self._flat_blocks(child))
            elif child.name == "img" and not images_inline:
                self._flush(pending, out)
                out.extend(self._image(child))
            elif child.name in BLOCK_NAMES or node_key(child) in self._holds_blocks:
                self._flush(pending, out)
                out.extend(self.block(child, depth + 1))
                out.extend(self._take_floating())
            else:
                pending.extend(self.inline(child, depth + 1))
        self._flush(pending, out)
        return out

    def _flush(self, pending: list[Inline], out: list[Block]) -> None:
        if pending:
            out.extend(Paragraph(part) for part in split_at_blank_lines(tidy(pending)))
            pending.clear()
        out.extend(self._take_floating())

    def _take_floating(self) -> list[Block]:
        floating, self._floating = self._floating, []
        return floating

    def block(self, tag: Tag, depth: int) -> list[Block]:
        name = tag.name
        if name in HEADING_LEVELS:
            children = tidy(self.inlines_of(tag, depth))
            return [Heading(HEADING_LEVELS[name], children, squash(heading_id(tag)))] if children else []
        if name in ("ul", "ol", "menu", "dir"):
            return self._list(tag, depth)
        if name == "dl":
            return self._definition_list(tag, depth)
        if name == "blockquote":
            inner = self.blocks_of(tag.children, depth)
            return [Quote(tuple(inner))] if inner else []
        if name in PRE_NAMES:
            return self._code_block(tag)
        if name == "table":
            table, floated = read_table(self._cell_reading, tag, depth)
            return [*table, *floated]
        if name == "figure":
            return self._figure(tag, depth)
        if name == "hr":
            return [Rule()]
        blocks = self.blocks_of(tag.children, depth)
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph) and is_centred(tag):
            self.centred.append(blocks[0])
        return blocks

    def _list(self, tag: Tag, depth: int) -> list[Block]:
        items: list[tuple[Block, ...]] = []
        loose: list[object] = []  # content outside any <li>: kept as an item of its own

        def flush_loose() -> None:
            if loose:
                blocks = self.blocks_of(loose, depth)
                if blocks:
                    items.append(tuple(blocks))
                loose.clear()

        for child in tag.children:
            if isinstance(child, Tag) and child.name == "li" and not self.skipped(child):
                flush_loose()
                blocks = self.blocks_of(child.children, depth + 1)
                if blocks:
                    items.append(tuple(blocks))
            elif isinstance(child, Tag) and child.name in ("ul", "ol") and items and not loose:
                items[-1] = items[-1] + tuple(self.block(child, depth + 1))  # a sub-list outside its <li>
            else:
                loose.append(child)
        flush_loose()
        if not items:
            return []
        if tag.name == "ol":
            return [OrderedList(tuple(items), start=int_attribute(tag, "start", 1, minimum=-10**6))]
        return [BulletList(tuple(items))]

    def _definition_list(self, tag: Tag, depth: int) -> list[Block]:
        """Each term with its definition becomes a "term: definition" item, so nothing is lost."""
        items: list[tuple[Block, ...]] = []
        term: tuple[Inline, ...] = ()
        for child in _dl_children(tag):
            if not isinstance(child, Tag) or self.skipped(child):
                continue
            if child.name == "dt":
                if term:
                    items.append((Paragraph(term),))
                term = tidy(self.inlines_of(child, depth + 1))
                continue
            blocks = self.blocks_of(child.children if child.name == "dd" else [child], depth + 1)
            if term:
                if blocks and isinstance(blocks[0], Paragraph):
                    blocks[0] = Paragraph(merge_text([*term, Text(": "), *blocks[0].children]))
                else:
                    blocks.insert(0, Paragraph(merge_text([*term, Text(":")])))
                term = ()
            if blocks:
                items.append(tuple(blocks))
        if term:
            items.append((Paragraph(term),))
        return [BulletList(tuple(items))] if items else []

    def _code_block(self, tag: Tag) -> list[Block]:
        parts: list[str] = []
        for node in tag.descendants:
            if is_text(node) and node.parent is not None and node.parent.name not in SKIP_NAMES:
                parts.append(str(node))
            elif isinstance(node, Tag) and node.name == "br":
                parts.append("\n")
        text = "".join(parts).strip("\n").rstrip()
        if not text.strip():
            return []
        return [CodeBlock(text, _code_language(tag))]

    def _figure(self, tag: Tag, depth: int) -> list[Block]:
        caption_tag = next((c for c in tag.children if isinstance(c, Tag) and c.name == "figcaption"), None)
        blocks = self.blocks_of((c for c in tag.children if c is not caption_tag), depth)
        caption = tidy(self.inlines_of(caption_tag, depth)) if caption_tag is not None else ()
        if caption:
            images = [index for index, block in enumerate(blocks) if isinstance(block, Image)]
            if len(images) == 1:
                blocks[images[0]] = dataclasses.replace(blocks[images[0]], caption=caption)
            else:
                blocks.append(Paragraph(caption))
        return blocks

    def _image(self, tag: Tag) -> list[Block]:
        src = str(tag.get("src") or "").strip()
        lazy = next((str(tag[a]).strip() for a in _LAZY_SRC_ATTRIBUTES if tag.get(a)), "")
        if lazy and (not src or src.startswith("data:")):  # a placeholder until a script swaps it
            src = lazy
        if not src or (str(tag.get("width")) in ("0", "1") and str(tag.get("height")) in ("0", "1")):
            return []  # nothing to show, or a tracking pixel
        if not src.startswith("data:"):
            src = self.resolve(src) or ""
        return [Image(src, squash(str(tag.get("alt") or "")))] if src else []

    def _flat_blocks(self, tag: Tag) -> list[Block]:
        """Too deep to read structurally: text paragraphs split at block boundaries, and images."""
        out: list[Block] = []
        pending: list[Inline] = []
        stack: list[tuple[Iterator[object], bool]] = [(iter([tag]), False)]
        while stack:
            children, is_block = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if is_block:
                    self._flush(pending, out)
                continue
            if is_text(child):
                pending.append(Text(collapse(str(child))))
            elif isinstance(child, Tag) and not self.skipped(child):
                if child.name == "br":
                    pending.append(LineBreak())
                elif child.name == "img":
                    self._flush(pending, out)
                    out.extend(self._image(child))
                else:
                    block = child.name in BLOCK_NAMES
                    if block:
                        self._flush(pending, out)
                    stack.append((iter(child.children), block))
        self._flush(pending, out)
        return out

    # ---------------------------------------------------------------- inline

    def inlines_of(self, tag: Tag, depth: int) -> list[Inline]:
        out: list[Inline] = []
        for child in tag.children:
            if is_text(child):
                out.append(Text(collapse(str(child))))
            elif isinstance(child, Tag) and not self.skipped(child):
                if child.name in BLOCK_NAMES and child.name != "br":
                    # a block inside inline content (a heading, a cell): its own line
                    if out and not isinstance(out[-1], LineBreak):
                        out.append(LineBreak())
                    out.extend(self.inline(child, depth + 1))
                    out.append(LineBreak())
                else:
                    out.extend(self.inline(child, depth + 1))
        return out

    def inline(self, tag: Tag, depth: int) -> list[Inline]:
        name = tag.name
        if name == "br":
            return [LineBreak()]
        if name == "img":
            self._floating.extend(self._image(tag))
            return []
        if depth > MAX_DEPTH:
            return [Text(collapse(tag.get_text()))]
        if name in CODE_NAMES:
            text = collapse(tag.get_text())
            if not text.strip():
                return [Text(text)]
            return [Text(" ")] * text.startswith(" ") + [Code(text.strip())] + [Text(" ")] * text.endswith(" ")
        if name == "a":
            return [] if is_permalink(tag) else self._link(tag, depth)
        if name == "ruby":
            return self._ruby(tag, depth)
        children = self.inlines_of(tag, depth)
        if name == "q":
            return [Text("\u201c"), *children, Text("\u201d")]
        if name in ("sup", "sub"):
            return script_text(children, name)
        if name in STRONG_NAMES or name in EMPH_NAMES:
            merged = merge_text(children)
            if not plain_text(merged).strip():
                return list(merged)
            return [Strong(merged) if name in STRONG_NAMES else Emph(merged)]
        return children  # span, font, abbr, time, ... and unknown tags: their content

    def _link(self, tag: Tag, depth: int) -> list[Inline]:
        children = merge_text(self.inlines_of(tag, depth))
        url = self.resolve(str(tag.get("href") or ""))
        if not url or not plain_text(children).strip():
            return list(children)
        return [Link(children, url, squash(str(tag.get("title") or "")))]

    def _ruby(self, tag: Tag, depth: int) -> list[Inline]:
        """漢<rt>kan</rt>字<rt>ji</rt> reads "漢(kan)字(ji)": each base with its annotation."""
        out: list[Inline] = []
        for child in tag.children:
            if isinstance(child, Tag) and child.name == "rt":
                annotation = squash(child.get_text())
                if annotation:
                    out.append(Text(f"({annotation})"))
            elif isinstance(child, Tag) and child.name == "rp":
                continue  # the page's own fallback parentheses; we add ours
            elif is_text(child):
                out.append(Text(collapse(str(child))))
            elif isinstance(child, Tag) and not self.skipped(child):
                out.extend(self.inline(child, depth + 1))
        return out

    def resolve(self, url: str) -> str | None:
        """A usable link target: unsafe schemes refused, relative URLs resolved against an http(s) <base>."""
        url = re.sub(r"[\t\n\r]", "", url).strip()
        if not url or url.lower().startswith(_UNSAFE_SCHEMES):
            return None
        if url.startswith("#") or not self.base_url or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url):
            return url
        return urljoin(self.base_url, url)


def _elements_holding_blocks(root: Tag) -> frozenset[int]:
    """The keys of the elements with a block element somewhere inside: one upward walk per block, O(n)."""
    holding: set[int] = set()
    for node in root.descendants:  # a plain loop: bs4's find_all filters cost ~10x more
        if not isinstance(node, Tag) or node.name not in BLOCK_NAMES:
            continue
        parent = node.parent
        while parent is not None and (key := node_key(parent)) not in holding:
            holding.add(key)
            parent = parent.parent
    return frozenset(holding)


def _dl_children(tag: Tag) -> Iterator[object]:
    """A <dl>'s children, looking through the <div> wrappers HTML allows around dt/dd groups."""
    for child in tag.children:
        if isinstance(child, Tag) and child.name == "div" and child.find(["dt", "dd"], recursive=False):
            yield from child.children
        else:
            yield child


def _code_language(tag: Tag) -> str:
    code = tag.find("code", recursive=False)
    for element in (tag, code):
        if element is None:
            continue
        for name in element.get("class") or ():
            match = _CODE_LANGUAGE.match(str(name))
            if match:
                return match.group(1).lower()
    return ""
