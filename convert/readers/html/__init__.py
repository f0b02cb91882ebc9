"""The HTML reader: a web page into the document tree.

    bytes --decode ourselves--> str --BeautifulSoup(lxml)--> soup
    soup --> JSON-LD, main content (content/), metadata (meta/)
         --> blocks (blocks, tables, headings) --> Document

The package, by question:

    dom        the tag vocabulary and tree helpers every part shares
    content/   which part of the page is the document, and which is chrome
    meta/      title, date, authors, ...: one ordered list of sources per field
    blocks     soup elements into blocks; tables and headings help it
    inline     whitespace as a browser shows it

Decoding never goes through bs4: lxml given bytes trusts a <meta charset>
and returns an EMPTY document for GBK bytes declared gb2312 holding 镕喆堃
(reliability.md §2c). We find the declared charset with a regex on the first
2 KB and decode with `Context.text_of` (BOM, WHATWG label mapping, strict
decoding, detection), then hand bs4 a str.

Metadata precedence (see `meta`): JSON-LD > Open Graph > <meta name>
and <html lang> > <time>/the info line under the headline > <title>/<h1>;
the language falls back to detection from the text.
"""

from __future__ import annotations

import dataclasses
import re
import warnings

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning, Tag

from convert.context import Context
from convert.errors import InputError
from convert.lang import detect_language
from convert.readers.html.blocks import TreeBuilder
from convert.readers.html.content import Selection, body_of, select_content
from convert.readers.html.headings import promote_pseudo_headings
from convert.readers.html.meta import extract_metadata, index_tags, read_json_ld
from convert.source import Source
from convert.tree import Block, Document, Image, Metadata, document_text, iter_blocks

# Browsers keep building the body after a </body> or </html> (HTML5 "after body" modes); lxml
# opens a second <html> there instead, and pages saved with a stray one mid-file lost the rest.
# The end tags carry no content, so they are dropped before parsing and lxml closes at the end.
_END_OF_BODY_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a <meta charset> or http-equiv Content-Type names in the first 2 KB, if any."""
    found = _DECLARED_CHARSET.search(data[:2048])
    return found.group(1).decode("ascii") if found else None


class HtmlReader:
    name = "html"
    extensions = (".html", ".htm", ".xhtml", ".shtml")

    def read(self, source: Source, ctx: Context) -> Document:
        text = ctx.text_of(source, declared=declared_charset(source.data))
        with warnings.catch_warnings():  # XHTML pages start like XML; we read them as HTML on purpose
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(_END_OF_BODY_TAGS.sub("", text), "lxml")

        tags = index_tags(soup)
        json_ld = read_json_ld(tags, ctx.warn)
        base_url = _base_url(tags)
        selection = select_content(soup, ctx.options.content, text)
        page = extract_metadata(tags, selection.root, json_ld)
        blocks = self._build(selection, page.skip, base_url)
        if not _has_content(blocks) and selection.dropped_count:
            # Everything readable was taken for chrome: keep the whole page rather than nothing.
            selection = Selection(body_of(soup))
            blocks = self._build(selection, page.skip, base_url)
        if not _has_content(blocks):
            raise InputError(source.name, "no text content")
        if selection.dropped_count:
            ctx.warn("boilerplate-dropped",
                     f"left out {selection.dropped_count} page element(s) outside the main text "
                     "(navigation, sidebars, footers, share bars); content='all' keeps them")

        meta = page.meta
        if not meta.language:
            meta = dataclasses.replace(meta, language=detect_language(
                meta.title + "\n" + document_text(Document(meta, blocks))))
        return Document(meta=meta, blocks=blocks)

    @staticmethod
    def _build(selection: Selection, skip: list[Tag], base_url: str) -> tuple[Block, ...]:
        builder = TreeBuilder(base_url, [*selection.dropped, *skip])
        return promote_pseudo_headings(builder.build(selection.root), builder.centred)


def _base_url(tags: dict[str, list[Tag]]) -> str:
    """<base href> when it is an absolute http(s) URL; other bases (file:, relative) are ignored."""
    base = next((tag for tag in tags["base"] if tag.get("href")), None)
    href = str(base.get("href") or "").strip() if base is not None else ""
    return href if re.match(r"^https?://", href, re.IGNORECASE) else ""


def _has_content(blocks: tuple[Block, ...]) -> bool:
    text = document_text(Document(meta=Metadata(), blocks=blocks))
    return bool(text.strip()) or any(isinstance(block, Image) for block in iter_blocks(blocks))
