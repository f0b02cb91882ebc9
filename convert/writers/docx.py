"""Document tree -> DOCX with python-docx, plus raw OOXML where it has no API (_ooxml).

Styles, not direct formatting: every block gets a named paragraph style
(Title, Heading N, Body Text, First Paragraph, Block Text, List Bullet N,
Source Code, Caption...; pandoc's names where it has one), so a user can
restyle the result in Word. The output starts from a reference document:
docconv's `templates/reference.docx` (see _docx_styles) or the user's
`reference_doc`, whose styles, page size and margins are kept and which gets
only the styles it lacks. The reference is prepared once per worker and
language (_docx_package), and the output zip is written from its stored parts.

Headings carry bookmarks, so `#id` links and the optional table of contents
(a pre-filled Word TOC field) are real internal hyperlinks.

Paragraphs are inserted before the body's sectPr directly: python-docx's
add_paragraph slows quadratically with document length (python-docx#408).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import assert_never
from urllib.parse import quote, unquote

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.shared import Emu, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import SubElement

from convert.context import Context
from convert.lang import has_cjk, is_chinese
from convert.source import clean_text
from convert.tree import (
    Block, BulletList, Code, CodeBlock, Document, Emph, Heading, Image, Inline, LineBreak,
    Link, Metadata, OrderedList, Paragraph, Quote, Rule, Strong, Table, Text, plain_text,
)
from convert.writers import _docx_meta, _docx_package, _docx_styles, _ooxml
from convert.writers._docx_styles import Fonts
from convert.writers._images import load_image
from convert.writers._xhtml import SAFE_LINK_SCHEMES, document_language, heading_ids

MAX_COLUMNS = 63  # Word's limit
PIXEL_EMU = 9525  # one CSS pixel (1/96 inch)
BOOKMARK_LIMIT = 40  # Word drops longer bookmark names
TOC_TITLE = {"zh": "目录", "ja": "目次", "ko": "목차"}
_RUN_BREAKS = re.compile(r"[\t\r\n]")
# Qualified names resolved once: the run and paragraph builders use them per element.
_W_R, _W_RPR, _W_RSTYLE, _W_RFONTS, _W_B, _W_I, _W_T, _W_TAB, _W_BR, _W_PPR, _W_PSTYLE = (
    qn(f"w:{name}") for name in ("r", "rPr", "rStyle", "rFonts", "b", "i", "t", "tab", "br", "pPr", "pStyle"))
_W_VAL, _W_HINT = qn("w:val"), qn("w:hint")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True, slots=True)
class RunFormat:
    bold: bool = False
    italic: bool = False
    style: str | None = None  # a character style id


class DocxWriter:
    name = "docx"
    extension = ".docx"

    def write(self, document: Document, ctx: Context, path: str) -> None:
        language = document_language(document)
        chinese = is_chinese(language)
        template = _docx_package.template(ctx.options.reference_doc, Fonts.for_language(language),
                                          chinese, ctx.options.paper)
        doc = template.new_document()
        moment = ctx.timestamp(document.meta.date)  # core.xml and the zip entries: never the wall clock
        _Builder(doc, template, document, ctx, language).build(moment)
        template.save(doc, path, moment)


class _Builder:
    def __init__(self, doc, template: _docx_package.Template, document: Document, ctx: Context,
                 language: str) -> None:
        self.doc = doc
        self.document = document
        self.ctx = ctx
        self.language = language
        self.chinese = is_chinese(language)
        self._body = doc.element.body
        self._anchor = self._body.find(qn("w:sectPr"))
        self.text_width = Emu(template.text_width)
        self.numbering = _ooxml.Numbering(doc.part.numbering_part.element)
        self.styles = template.styles  # name -> id; the template's styles and language are already set
        ids = heading_ids(document.blocks)
        self.bookmarks = bookmark_names(ids)  # block index -> name
        self.anchors = {ids[index]: name for index, name in self.bookmarks.items()}  # heading id -> name
        self._first_paragraph = not self.chinese  # the next top-level paragraph opens a section

    # -------------------------------------------------------------- driver

    def build(self, moment: datetime) -> None:
        _docx_meta.fill_core_properties(self.doc.core_properties, self.document.meta, self.language, moment)
        self._title_block(self.document.meta)
        if self.ctx.options.toc:
            self._table_of_contents()
        for index, block in enumerate(self.document.blocks):
            self._top_level(index, block)

    def _top_level(self, index: int, block: Block) -> None:
        """A body block, with the extras only top-level blocks get: bookmarks and First Paragraph."""
        match block:
            case Heading():
                paragraph = self._block(block, self.styles["Body Text"], 0)
                if index in self.bookmarks:
                    _ooxml.bookmark(paragraph._p, index, self.bookmarks[index])
                self._first_paragraph = not self.chinese
            case Paragraph() if self._first_paragraph:
                self._block(block, self.styles["First Paragraph"], 0)
                self._first_paragraph = False
            case _:
                self._block(block, self.styles["Body Text"], 0)
                self._first_paragraph = False

    def _insert(self, element) -> None:
        if self._anchor is not None:
            self._anchor.addprevious(element)
        else:
            self._body.append(element)

    def _paragraph(self, style_id: str | None, parent=None) -> DocxParagraph:
        p = OxmlElement("w:p")
        if parent is not None:
            parent.append(p)
        else:
            self._insert(p)
        if style_id:
            SubElement(SubElement(p, _W_PPR), _W_PSTYLE).set(_W_VAL, style_id)
        return DocxParagraph(p, self.doc)

    # ------------------------------------------------------------------ TOC

    def _table_of_contents(self) -> None:
        """Word's TOC field, pre-filled with linked entries so that it shows before any update.

        An empty field (pandoc's) stays empty in LibreOffice; Word recomputes
        this one, page numbers included, when it offers to update fields on opening.
        """
        entries = [(block.level, plain_text(block.children), self.bookmarks[index])
                   for index, block in enumerate(self.document.blocks)
                   if isinstance(block, Heading) and index in self.bookmarks
                   and block.level <= _docx_styles.TOC_LEVELS]
        if not entries:
            return
        sdt, content = _ooxml.toc_block()
        self._insert(sdt)
        title = TOC_TITLE.get(self.language.split("-")[0].lower(), "Contents")
        self._text_paragraph(self.styles["TOC Heading"], title, parent=content)
        for number, (level, text, name) in enumerate(entries):
            paragraph = self._paragraph(self.styles[f"toc {level}"], parent=content)
            if number == 0:
                paragraph._p.append(_ooxml.field_char("begin"))
                paragraph._p.append(_ooxml.instruction(f' TOC \\o "1-{_docx_styles.TOC_LEVELS}" \\h \\z \\u '))
                paragraph._p.append(_ooxml.field_char("separate"))
            link = _ooxml.new_internal_hyperlink(name)
            paragraph._p.append(link)
            self._run(link, text, RunFormat())
        paragraph._p.append(_ooxml.field_char("end"))
        paragraph.paragraph_format.space_after = Pt(12)  # set the contents off from the text
        _ooxml.set_update_fields(self.doc.settings.element)

    # ------------------------------------------------------------ metadata

    def _title_block(self, meta: Metadata) -> None:
        if meta.title:
            self._text_paragraph(self.styles["Title"], meta.title)
        if meta.subtitle:
            self._text_paragraph(self.styles["Subtitle"], meta.subtitle)
        byline = _docx_meta.byline(meta, self.chinese)
        if byline:
            self._text_paragraph(self.styles["Byline"], byline)

    def _text_paragraph(self, style_id: str, text: str, parent=None) -> DocxParagraph:
        paragraph = self._paragraph(style_id, parent)
        self._run(paragraph._p, text, RunFormat())
        return paragraph

    # -------------------------------------------------------------- blocks

    def _block(self, block: Block, body_style: str, depth: int) -> DocxParagraph | None:
        """Write one block; a heading's or a paragraph's w:p is returned for the caller to mark."""
        match block:
            case Heading(level, children):
                paragraph = self._paragraph(self.styles[f"Heading {min(max(level, 1), 6)}"])
                self._inlines(paragraph._p, children, RunFormat())
                return paragraph
            case Paragraph(children):
                paragraph = self._paragraph(body_style)
                self._inlines(paragraph._p, children, RunFormat())
                return paragraph
            case BulletList(items):
                self._list(items, False, 1, depth)
            case OrderedList(items, start):
                self._list(items, True, start, depth)
            case Quote(inner):
                for inner_block in inner:
                    self._block(inner_block, self.styles["Block Text"], depth)
            case CodeBlock(text):
                paragraph = self._paragraph(self.styles["Source Code"])
                self._run(paragraph._p, text.rstrip("\n"), RunFormat())
            case Table():
                self._table(block)
            case Image():
                self._image(block, body_style)
            case Rule():
                _ooxml.add_bottom_border(self._paragraph(None)._p.get_or_add_pPr())
            case _:
                assert_never(block)

    def _list(self, items: tuple[tuple[Block, ...], ...], ordered: bool, start: int, depth: int) -> None:
        level = min(depth, 8)
        num_id = self.numbering.new_list(ordered, start, level)
        list_style = self.styles[_docx_styles.list_style(ordered, depth)]
        for item in items:
            first, rest = (item[0], item[1:]) if item and isinstance(item[0], Paragraph) else (None, item)
            marker = self._paragraph(list_style)
            _ooxml.set_numbering(marker._p.get_or_add_pPr(), num_id, level)
            if first is not None:
                self._inlines(marker._p, first.children, RunFormat())
            for block in rest:
                if isinstance(block, Paragraph):  # a later paragraph of the item: aligned, unnumbered
                    paragraph = self._paragraph(list_style)
                    _ooxml.set_left_indent(paragraph._p.get_or_add_pPr(), _ooxml.list_indent(level))
                    self._inlines(paragraph._p, block.children, RunFormat())
                else:
                    self._block(block, list_style, depth + 1)

    # -------------------------------------------------------------- tables

    def _table(self, table: Table) -> None:
        if table.caption:
            caption = self._paragraph(self.styles["Caption"])
            caption.paragraph_format.keep_with_next = True
            self._inlines(caption._p, table.caption, RunFormat())
        rows = table.header + table.body
        if not rows:
            return
        spans = [[(cell.colspan, cell.rowspan) for cell in row] for row in rows]
        placed, columns, dropped = _ooxml.place_cells(spans, MAX_COLUMNS)
        if dropped:
            self.ctx.warn("table-too-wide", f"{dropped} table cell(s) dropped: Word tables hold {MAX_COLUMNS} columns")
        column_width = Emu(self.text_width // columns)
        tbl = CT_Tbl.new_tbl(0, columns, self.text_width)
        tbl.tblStyle_val = self.styles[_docx_styles.TABLE_STYLE]
        if not table.header:  # the style's header-row look would land on a body row
            tbl.tblPr.find(qn("w:tblLook")).set(qn("w:firstRow"), "0")
        self._insert(tbl)
        for row_index, row in enumerate(placed):
            tr = tbl.add_tr()
            if row_index < len(table.header):
                _ooxml.mark_header_row(tr)
            fmt = RunFormat(bold=row_index < len(table.header))
            for column_span, merge, cell_index in row:
                tc: CT_Tc = tr.add_tc()
                tc.width = Emu(column_width * column_span)
                if column_span > 1:
                    tc.grid_span = column_span
                if merge:
                    tc.vMerge = merge
                if cell_index is not None:
                    self._inlines(tc.p_lst[0], rows[row_index][cell_index].children, fmt)

    # -------------------------------------------------------------- images

    def _image(self, image: Image, body_style: str) -> None:
        loaded = load_image(self.ctx, image.src)
        if loaded is not None:
            paragraph = self._paragraph(None)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.keep_with_next = bool(image.caption)
            width = min(Emu(loaded.width * PIXEL_EMU), self.text_width)
            try:
                shape = paragraph.add_run().add_picture(io.BytesIO(loaded.data), width=Emu(width))
                shape._inline.docPr.set("descr", clean_text(image.alt))
            except Exception as exc:  # python-docx's own image parser may still reject a file Pillow read
                paragraph._p.getparent().remove(paragraph._p)
                self.ctx.warn("image-unreadable", f"image {image.src[:120]} dropped: {type(exc).__name__}")
                loaded = None
        if loaded is None and image.alt:
            self._text_paragraph(body_style, image.alt)
        if image.caption:
            caption = self._paragraph(self.styles["Caption"])
            self._inlines(caption._p, image.caption, RunFormat())

    # -------------------------------------------------------------- inline

    def _inlines(self, container, items: tuple[Inline, ...], fmt: RunFormat) -> None:
        for item in items:
            match item:
                case Text(text):
                    self._run(container, text, fmt)
                case Emph(children):
                    self._inlines(container, children, replace(fmt, italic=True))
                case Strong(children):
                    self._inlines(container, children, replace(fmt, bold=True))
                case Code(text):
                    self._run(container, text, replace(fmt, style=self.styles["Verbatim Char"]))
                case Link(children, url, title) if url.startswith("#"):
                    name = self.anchors.get(url[1:]) or self.anchors.get(unquote(url[1:]))
                    if name is None or container.tag == qn("w:hyperlink"):
                        self._inlines(container, children, fmt)
                        continue
                    link = _ooxml.new_internal_hyperlink(name, clean_text(title))
                    container.append(link)
                    self._inlines(link, children, replace(fmt, style=self.styles["Hyperlink"]))
                case Link(children, url, title):
                    url = link_target(url)
                    if not url.lower().startswith(SAFE_LINK_SCHEMES) or container.tag == qn("w:hyperlink"):
                        self._inlines(container, children, fmt)
                        continue
                    r_id = self.doc.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
                    link = _ooxml.new_hyperlink(r_id, clean_text(title))
                    container.append(link)
                    self._inlines(link, children, replace(fmt, style=self.styles["Hyperlink"]))
                case LineBreak():
                    SubElement(SubElement(container, _W_R), _W_BR)
                case _:
                    assert_never(item)

    def _run(self, container, text: str, fmt: RunFormat) -> None:
        """A w:r built directly: python-docx's run.text appends one character at a time."""
        text = clean_text(text)
        if not text:
            return
        r = SubElement(container, _W_R)
        east_asian = has_cjk(text)
        if fmt.style or fmt.bold or fmt.italic or east_asian:
            rPr = SubElement(r, _W_RPR)  # children in schema order: rStyle, rFonts, b, i
            if fmt.style:
                SubElement(rPr, _W_RSTYLE).set(_W_VAL, fmt.style)
            if east_asian:  # shared punctuation in this run takes the East Asian font
                SubElement(rPr, _W_RFONTS).set(_W_HINT, "eastAsia")
            if fmt.bold:
                SubElement(rPr, _W_B)
            if fmt.italic:
                SubElement(rPr, _W_I)
        append_text(r, text)


def append_text(r, text: str) -> None:
    """Text into a run as python-docx writes it: \t becomes w:tab, \r and \n each a w:br."""
    start = 0
    for match in _RUN_BREAKS.finditer(text):
        if match.start() > start:
            _append_t(r, text[start:match.start()])
        SubElement(r, _W_TAB if match.group() == "\t" else _W_BR)
        start = match.end()
    if start < len(text):
        _append_t(r, text[start:])


def _append_t(r, text: str) -> None:
    t = SubElement(r, _W_T)
    t.text = text
    if len(text.strip()) < len(text):
        t.set(_XML_SPACE, "preserve")


def link_target(url: str) -> str:
    """The URL with spaces, quotes and non-ASCII percent-encoded: Word reports a file whose
    relationship targets are not valid URIs as damaged."""
    return quote(clean_text(url).strip(), safe=":/?#[]@!$&'()*+,;=%~")


def bookmark_names(ids: dict[int, str]) -> dict[int, str]:
    """Word bookmark names for heading ids: letters, digits and _, at most 40, unique."""
    names: dict[int, str] = {}
    used: set[str] = set()
    for index, heading_id in ids.items():
        base = re.sub(r"[^A-Za-z0-9_]", "_", heading_id)[:BOOKMARK_LIMIT]
        name, number = base, 1
        while name in used:
            number += 1
            suffix = f"_{number}"
            name = base[:BOOKMARK_LIMIT - len(suffix)] + suffix
        used.add(name)
        names[index] = name
    return names
