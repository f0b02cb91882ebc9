"""Tree -> EPUB 3 with ebooklib: a title page, chapters split at a heading level, nav + NCX.

ebooklib 0.20 has traps that EpubCheck reports (notes/anchors.md 3.6); each
is avoided here on purpose: the language is always set, the TOC is never
empty and has no empty sections, every file name and id is ASCII, every
resource is a manifest item, no chapter is empty, content goes in as an
XHTML fragment. ebooklib writes into memory and may swallow IO errors; we
then copy the zip to `path` ourselves, with fixed timestamps, so a failed
write raises and the same tree gives the same bytes.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import re
import uuid
import zipfile
from dataclasses import dataclass, field, replace
from urllib.parse import quote, urlsplit

from ebooklib import epub

from convert import tree_json
from convert.context import Context, zip_date_time
from convert.errors import OutputError
from convert.resources import theme, user_stylesheets
from convert.tree import Block, Document, Heading, Image, document_text, plain_text
from convert.writers._images import load_image
from convert.writers._xhtml import XhtmlRenderer, document_language, heading_ids, title_block

AUTO_SPLIT_CHARS = 20_000  # shorter documents read best as one chapter
STYLESHEET = "style/epub.css"
TITLE_PAGE = "title.xhtml"
# Namespace for content-derived identifiers: the same tree always gives the same dc:identifier.
IDENTIFIER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://docconv.invalid/epub")

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_DATE_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")
# Characters XML 1.0 forbids; readers should have dropped them, lxml refuses them outright.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
_CONTENTS_TITLES = {"zh": "目录", "ja": "目次", "ko": "목차"}


@dataclass(frozen=True, slots=True)
class Chapter:
    file_name: str
    blocks: tuple[Block, ...]
    ids: dict[int, str]  # position in `blocks` -> heading id


@dataclass(slots=True)
class TocNode:
    level: int
    href: str
    label: str
    uid: str  # the NCX navPoint id
    children: list[TocNode] = field(default_factory=list)

    def entry(self) -> epub.Link | tuple:
        if not self.children:  # ebooklib writes an empty <ol> for a Section without children
            return epub.Link(self.href, self.label, self.uid)
        return (epub.Section(self.label, href=self.href), [child.entry() for child in self.children])


class EpubWriter:
    name = "epub"
    extension = ".epub"

    def write(self, document: Document, ctx: Context, path: str) -> None:
        modified = ctx.timestamp(document.meta.date)  # the one clock, shared with DOCX
        book = BookBuilder(document, ctx).build()
        buffer = io.BytesIO()
        # compresslevel 0: the zip is compressed once, by write_reproducible_zip
        options = {"mtime": modified, "raise_exceptions": True, "epub3_pages": False, "compresslevel": 0}
        if epub.write_epub(buffer, book, options) is False:
            raise OutputError(path, "ebooklib could not write the book")
        write_reproducible_zip(buffer.getvalue(), path, modified)


class BookBuilder:
    def __init__(self, document: Document, ctx: Context) -> None:
        self.document = document
        self.ctx = ctx
        self.language = book_language(document)
        self.title = book_title(document, ctx)
        self.book = epub.EpubBook()
        self.anchor_files: dict[str, str] = {}  # heading id -> chapter file holding it
        self.image_names: dict[str, str | None] = {}  # image src -> file name, None when refused
        self.image_files: dict[str, str] = {}  # sha256 of the bytes -> file name
        self.renderer = XhtmlRenderer(self.image_src, self.link_href)

    def build(self) -> epub.EpubBook:
        book = self.book
        self.set_metadata()
        stylesheets = [epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css",
                                     content=theme(self.ctx.options.template).read("epub.css").encode("utf-8"))]
        for number, sheet in enumerate(user_stylesheets(self.ctx.options.css, self.ctx.warn), start=1):
            stylesheets.append(epub.EpubItem(uid=f"usercss{number}", file_name=f"style/user{number}.css",
                                             media_type="text/css", content=sheet.text.encode("utf-8")))
        for stylesheet in stylesheets:
            book.add_item(stylesheet)

        chapters = split_chapters(self.document, self.ctx.options.split_level)
        for chapter in chapters:
            self.anchor_files.update({anchor: chapter.file_name for anchor in chapter.ids.values()})

        meta = replace(self.document.meta, title=self.title)
        pages = [self.page("title", TITLE_PAGE, self.title, title_block(meta))]
        for number, chapter in enumerate(chapters, start=1):
            markup = self.renderer.blocks(chapter.blocks, chapter.ids)
            if not markup.strip():  # e.g. only a refused image without alt text: ebooklib cannot write it
                continue
            first = chapter.blocks[0]
            label = toc_label(first, self.title) if isinstance(first, Heading) else self.title
            pages.append(self.page(f"c{number:03d}", chapter.file_name, label, markup))
        for page in pages:
            for stylesheet in stylesheets:  # linked in this order: the user's sheets win
                page.add_item(stylesheet)
            book.add_item(page)

        book.toc = [epub.Link(TITLE_PAGE, self.title, "titlepage"), *self.heading_toc(chapters)]
        book.add_item(epub.EpubNcx())
        contents_title = _CONTENTS_TITLES.get(self.language.split("-")[0].lower(), "Contents")
        book.add_item(epub.EpubNav(title=contents_title))
        book.spine = pages
        return book

    def page(self, uid: str, file_name: str, title: str, markup: str) -> epub.EpubHtml:
        return epub.EpubHtml(uid=uid, file_name=file_name, title=title, lang=self.language, content=xml_safe(markup))

    # ------------------------------------------------------------ metadata

    def set_metadata(self) -> None:
        book, meta = self.book, self.document.meta
        book.set_identifier(content_identifier(self.document))
        book.set_title(self.title)
        book.set_language(self.language)
        for number, author in enumerate(meta.authors, start=1):
            book.add_author(xml_safe(author), uid=f"creator{number}")  # ebooklib's default uid repeats
        fields = [("date", iso_date(meta.date)), ("publisher", meta.publisher), ("description", meta.description),
                  ("source", meta.url), *(("subject", tag) for tag in meta.tags)]
        for name, value in fields:
            if value.strip():
                book.add_metadata("DC", name, xml_safe(value))

    # ------------------------------------------------------------ contents

    def heading_toc(self, chapters: list[Chapter]) -> list:
        """Top-level headings nested by level; a heading with sub-headings is a linked Section."""
        root: list[TocNode] = []
        open_nodes: list[TocNode] = []  # the current heading at each depth
        for chapter in chapters:
            for index, anchor in chapter.ids.items():
                heading = chapter.blocks[index]
                assert isinstance(heading, Heading)
                while open_nodes and open_nodes[-1].level >= heading.level:
                    open_nodes.pop()
                node = TocNode(heading.level, f"{chapter.file_name}#{anchor}",
                               toc_label(heading, f"Section {anchor}"), f"toc-{anchor}")
                (open_nodes[-1].children if open_nodes else root).append(node)
                open_nodes.append(node)
        return [node.entry() for node in root]

    # ---------------------------------------------------- renderer callbacks

    def link_href(self, url: str) -> str | None:
        """Where a link may point in the book; None makes it plain text (EpubCheck RSC-007/026)."""
        if url.startswith("#"):
            target = self.anchor_files.get(url[1:])
            return f"{target}{url}" if target else None
        lower = url.lower()
        try:
            remote = lower.startswith(("http://", "https://")) and bool(urlsplit(url).netloc)
        except ValueError:
            return None
        if remote or (lower.startswith("mailto:") and len(url) > len("mailto:")):
            return quote(url, safe=_URL_SAFE)  # spaces and non-ASCII make an invalid URL
        return None

    def image_src(self, image: Image) -> str | None:
        if image.src not in self.image_names:
            loaded = load_image(self.ctx, image.src)  # warns when it refuses
            if loaded is None:
                self.image_names[image.src] = None
            else:
                digest = hashlib.sha256(loaded.data).hexdigest()
                if digest not in self.image_files:  # identical pictures are packed once
                    number = len(self.image_files) + 1
                    file_name = f"images/img{number:03d}{loaded.extension}"
                    self.book.add_item(epub.EpubImage(uid=f"img{number:03d}", file_name=file_name,
                                                      media_type=loaded.media_type, content=loaded.data))
                    self.image_files[digest] = file_name
                self.image_names[image.src] = self.image_files[digest]
        return self.image_names[image.src]


# ------------------------------------------------------------- helpers


def choose_split_level(document: Document, requested: int | None) -> int | None:
    """The heading level that starts a chapter, or None for a single chapter."""
    if requested is not None:
        return requested
    levels = [block.level for block in document.blocks if isinstance(block, Heading)]
    if not levels or len(document_text(document)) <= AUTO_SPLIT_CHARS:
        return None
    return min(levels)


def split_chapters(document: Document, requested_level: int | None) -> list[Chapter]:
    """Top-level blocks cut before every heading at the split level or shallower."""
    level = choose_split_level(document, requested_level)
    ids = heading_ids(document.blocks)
    starts = [0] + [
        index for index, block in enumerate(document.blocks)
        if index and level is not None and isinstance(block, Heading) and block.level <= level
    ]
    chapters = []
    for start, end in zip(starts, [*starts[1:], len(document.blocks)]):
        if start == end:
            continue
        local_ids = {index - start: ids[index] for index in range(start, end) if index in ids}
        file_name = f"c{len(chapters) + 1:03d}.xhtml"
        chapters.append(Chapter(file_name, document.blocks[start:end], local_ids))
    return chapters


def xml_safe(text: str) -> str:
    return _XML_INVALID.sub("", text)


def toc_label(heading: Heading, fallback: str) -> str:
    return " ".join(xml_safe(plain_text(heading.children)).split()) or fallback


def book_title(document: Document, ctx: Context) -> str:
    """dc:title is required: the title, else the first heading, else the file's name."""
    if xml_safe(document.meta.title).strip():
        return xml_safe(document.meta.title).strip()
    for block in document.blocks:
        if isinstance(block, Heading) and toc_label(block, ""):
            return toc_label(block, "")
    stem = os.path.splitext(os.path.basename(ctx.source_name))[0]
    return stem or "Untitled"


def book_language(document: Document) -> str:
    """A BCP 47 tag for dc:language; a locale name such as "C" or "en_US.UTF-8" is not one."""
    declared = document.meta.language.split(".")[0].replace("_", "-")
    if _LANGUAGE_TAG.fullmatch(declared):
        return declared
    return document_language(replace(document, meta=replace(document.meta, language="")))


def iso_date(value: str) -> str:
    """The date part of an ISO-like date (YYYY, YYYY-MM or YYYY-MM-DD), or "" if it is not one."""
    match = _DATE_PREFIX.match(value.strip())
    if not match:
        return ""
    year, month, day = match.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return ""
    return match.group(0)


def content_identifier(document: Document) -> str:
    # The compact JSON form: what the tree holds, in a stable order, without the indented dump's cost.
    # xml_safe: the book holds the cleaned text, and uuid5 cannot encode a lone surrogate.
    content = json.dumps(tree_json.to_dict(document), ensure_ascii=False, separators=(",", ":"))
    return "urn:uuid:" + str(uuid.uuid5(IDENTIFIER_NAMESPACE, xml_safe(content)))


def write_reproducible_zip(data: bytes, path: str, modified: datetime.datetime) -> None:
    """Copy ebooklib's zip with fixed timestamps and modes; `mimetype` stays first and stored."""
    stamp = zip_date_time(modified)
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = info.compress_type
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename), compresslevel=6)
