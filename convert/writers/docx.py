"""Document tree -> DOCX with python-docx, plus raw OOXML where it has no API (_ooxml).

Styles, not direct formatting: every block gets a named paragraph style
(Title, Heading N, Body Text, Quote, Source Code, Caption...), so a user can
restyle the result in Word or bring their own with `reference_doc`. Without
a reference document the style set is ours: explicit Latin and East Asian
fonts (no theme fonts), `w:lang` from the document language, and for Chinese
a two-character first-line indent with 1.5 line spacing.

Paragraphs are inserted before the body's sectPr directly: python-docx's
add_paragraph slows quadratically with document length (python-docx#408).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import assert_never
from urllib.parse import quote

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.shared import Emu, Inches, Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from convert.context import Context
from convert.errors import ConvertError
from convert.lang import has_cjk, is_chinese
from convert.source import clean_text
from convert.tree import (
    Block, BulletList, Code, CodeBlock, Document, Emph, Heading, Image, Inline, LineBreak,
    Link, Metadata, OrderedList, Paragraph, Quote, Rule, Strong, Table, Text,
)
from convert.writers import _ooxml
from convert.writers._images import load_image
from convert.writers._xhtml import SAFE_LINK_SCHEMES, document_language

LATIN_BODY, LATIN_HEADING, MONO = "Times New Roman", "Arial", "Courier New"
# language prefix -> (w:lang eastAsia, body font, heading font)
EAST_ASIAN = {
    "zh": ("zh-CN", "SimSun", "SimHei"),
    "zh-tw": ("zh-TW", "PMingLiU", "Microsoft JhengHei"),
    "ja": ("ja-JP", "MS Mincho", "MS Gothic"),
    "ko": ("ko-KR", "Batang", "Malgun Gothic"),
}
_REGION = {"en": "en-US", "zh": "zh-CN", "ja": "ja-JP", "ko": "ko-KR"}
MAX_COLUMNS = 63  # Word's limit
PIXEL_EMU = 9525  # one CSS pixel (1/96 inch)
CORE_PROPERTY_LIMIT = 255  # python-docx refuses longer core property strings


@dataclass(frozen=True, slots=True)
class Fonts:
    lang: str  # w:lang w:val
    east_asian_lang: str
    body_east_asian: str
    heading_east_asian: str

    @classmethod
    def for_language(cls, language: str) -> Fonts:
        tag = language.lower()
        key = "zh-tw" if tag.startswith(("zh-tw", "zh-hk", "zh-hant")) else tag.split("-")[0]
        east = EAST_ASIAN.get(key, EAST_ASIAN["zh"])
        return cls(_REGION.get(tag, language) or "en-US", *east)


@dataclass(frozen=True, slots=True)
class RunFormat:
    bold: bool = False
    italic: bool = False
    style: str | None = None  # a character style id


class DocxWriter:
    name = "docx"
    extension = ".docx"

    def write(self, document: Document, ctx: Context, path: str) -> None:
        reference = ctx.options.reference_doc
        base = open_reference(reference) if reference else docx.Document()
        _Builder(base, document, ctx, own_styles=not reference).build()
        base.save(path)


def open_reference(path: str):
    """The reference document with its body emptied (its sectPr, styles and parts kept)."""
    if not os.path.isfile(path):
        raise ConvertError(path, "reference document not found")
    try:
        base = docx.Document(path)
    except Exception as exc:  # python-docx raises zip, XML and package errors alike
        raise ConvertError(path, f"not a usable reference .docx ({type(exc).__name__}: {exc})") from None
    body = base.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    return base


class _Builder:
    def __init__(self, base, document: Document, ctx: Context, own_styles: bool) -> None:
        self.doc = base
        self.document = document
        self.ctx = ctx
        self.own_styles = own_styles
        self.language = document_language(document)
        self.fonts = Fonts.for_language(self.language)
        body = base.element.body
        self._anchor = body.find(qn("w:sectPr"))
        self._body = body
        section = base.sections[-1] if base.sections else None
        width = None
        if section is not None and own_styles:
            section.page_width, section.page_height = (
                (Mm(210), Mm(297)) if ctx.options.paper == "a4" else (Inches(8.5), Inches(11)))
        if section is not None and None not in (section.page_width, section.left_margin, section.right_margin):
            width = section.page_width - section.left_margin - section.right_margin
        self.text_width = Emu(width) if width and width > 0 else Inches(6)
        self.numbering = _ooxml.Numbering(base.part.numbering_part.element)
        self.styles: dict[str, str] = {}

    # -------------------------------------------------------------- driver

    def build(self) -> None:
        self._install_styles()
        self._core_properties(self.document.meta)
        self._title_block(self.document.meta)
        self._blocks(self.document.blocks, self.styles["Body Text"], depth=0)

    def _insert(self, element) -> None:
        if self._anchor is not None:
            self._anchor.addprevious(element)
        else:
            self._body.append(element)

    def _paragraph(self, style_id: str | None) -> DocxParagraph:
        p = OxmlElement("w:p")
        self._insert(p)
        if style_id:
            p.get_or_add_pPr().style = style_id
        return DocxParagraph(p, self.doc)

    # -------------------------------------------------------------- styles

    def _install_styles(self) -> None:
        paragraph, character = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
        for level in range(1, 7):
            self._style(f"Heading {level}", paragraph, self._make_heading(level))
        for name, make in (("Title", self._make_heading(0)), ("Subtitle", None), ("Body Text", None),
                           ("List Paragraph", None), ("Caption", self._make_caption),
                           ("Byline", self._make_byline), ("Source Code", self._make_source_code),
                           ("Quote", self._make_quote)):
            self._style(name, paragraph, make)
        self._style("Verbatim Char", character, self._make_verbatim)
        self._style("Hyperlink", character, self._make_hyperlink)
        try:
            self.styles["Table Grid"] = self.doc.styles["Table Grid"].style_id
        except KeyError:
            self.styles["Table Grid"] = ""
        if self.own_styles:
            self._set_fonts_and_language()

    def _style(self, name: str, kind, make=None) -> None:
        try:
            style = self.doc.styles[name]
        except KeyError:
            style = self.doc.styles.add_style(name, kind)
            if kind == WD_STYLE_TYPE.PARAGRAPH and name != "Normal":
                style.base_style = self.doc.styles["Normal"]
            if make:
                make(style)
        self.styles[name] = style.style_id

    def _make_heading(self, level: int):
        def make(style) -> None:
            style.font.bold = True
            style.font.size = Pt((26, 16, 14, 13, 12, 11, 11)[level])
            style.paragraph_format.keep_with_next = True
            if level:
                _ooxml.set_outline_level(style.element.get_or_add_pPr(), level - 1)
        return make

    @staticmethod
    def _make_caption(style) -> None:
        style.font.italic = True
        style.font.size = Pt(9)

    @staticmethod
    def _make_byline(style) -> None:
        style.font.italic = True
        style.font.size = Pt(10)
        style.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        style.paragraph_format.space_after = Pt(12)

    def _make_source_code(self, style) -> None:
        style.font.size = Pt(9.5)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.line_spacing = 1.0
        _ooxml.set_fonts(style.element.get_or_add_rPr(), MONO, self.fonts.body_east_asian)

    def _make_verbatim(self, style) -> None:
        style.font.size = Pt(9.5)
        _ooxml.set_fonts(style.element.get_or_add_rPr(), MONO, self.fonts.body_east_asian)

    @staticmethod
    def _make_quote(style) -> None:
        style.font.italic = True
        style.paragraph_format.left_indent = Inches(0.5)
        style.paragraph_format.right_indent = Inches(0.5)

    @staticmethod
    def _make_hyperlink(style) -> None:
        style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        style.font.underline = True

    def _set_fonts_and_language(self) -> None:
        fonts = self.fonts
        _ooxml.replace_theme_fonts(self.doc.styles.element, (LATIN_BODY, fonts.body_east_asian),
                                   (LATIN_HEADING, fonts.heading_east_asian), fonts.lang, fonts.east_asian_lang)
        _ooxml.set_fonts(self.doc.styles["Normal"].element.get_or_add_rPr(), LATIN_BODY, fonts.body_east_asian)
        for name in ["Title", "Subtitle"] + [f"Heading {n}" for n in range(1, 7)]:
            element = self.doc.styles[name].element
            _ooxml.set_fonts(element.get_or_add_rPr(), LATIN_HEADING, fonts.heading_east_asian)
        if is_chinese(self.language):
            pPr = self.doc.styles["Body Text"].element.get_or_add_pPr()
            _ooxml.set_first_line_chars(pPr, 200, 420)
            _ooxml.set_line_spacing(pPr, 360)
            _ooxml.ppr_child(pPr, "jc").set(qn("w:val"), "both")

    # ------------------------------------------------------------ metadata

    def _core_properties(self, meta: Metadata) -> None:
        def short(text: str) -> str:
            return clean_text(text)[:CORE_PROPERTY_LIMIT]

        props = self.doc.core_properties
        props.title = short(meta.title)
        props.author = short("; ".join(meta.authors))
        props.subject = short(meta.publisher or meta.description)
        props.keywords = short(", ".join(meta.tags))
        props.comments = short(meta.description)
        props.language = short(self.language)
        if meta.url:
            props.identifier = short(meta.url)
        props.last_modified_by = "docconv"
        props.revision = 1
        now = datetime.now(timezone.utc).replace(microsecond=0)
        props.created = parse_date(meta.date) or now
        props.modified = now

    def _title_block(self, meta: Metadata) -> None:
        if meta.title:
            self._text_paragraph(self.styles["Title"], meta.title)
        if meta.subtitle:
            self._text_paragraph(self.styles["Subtitle"], meta.subtitle)
        separator = "、" if is_chinese(self.language) else ", "
        facts = [separator.join(meta.authors), meta.date, meta.publisher]
        if meta.source != meta.publisher:
            facts.append(meta.source)
        byline = " · ".join(fact for fact in facts if fact)
        if byline:
            self._text_paragraph(self.styles["Byline"], byline)

    def _text_paragraph(self, style_id: str, text: str) -> DocxParagraph:
        paragraph = self._paragraph(style_id)
        self._run(paragraph, paragraph._p, text, RunFormat())
        return paragraph

    # -------------------------------------------------------------- blocks

    def _blocks(self, blocks: tuple[Block, ...], body_style: str, depth: int) -> None:
        for block in blocks:
            self._block(block, body_style, depth)

    def _block(self, block: Block, body_style: str, depth: int) -> None:
        match block:
            case Heading(level, children):
                paragraph = self._paragraph(self.styles[f"Heading {min(max(level, 1), 6)}"])
                self._inlines(paragraph, paragraph._p, children, RunFormat())
            case Paragraph(children):
                paragraph = self._paragraph(body_style)
                self._inlines(paragraph, paragraph._p, children, RunFormat())
            case BulletList(items):
                self._list(items, False, 1, depth)
            case OrderedList(items, start):
                self._list(items, True, start, depth)
            case Quote(inner):
                self._blocks(inner, self.styles["Quote"], depth)
            case CodeBlock(text):
                paragraph = self._paragraph(self.styles["Source Code"])
                self._run(paragraph, paragraph._p, text.rstrip("\n"), RunFormat())
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
        list_style = self.styles["List Paragraph"]
        for item in items:
            first, rest = (item[0], item[1:]) if item and isinstance(item[0], Paragraph) else (None, item)
            marker = self._paragraph(list_style)
            _ooxml.set_numbering(marker._p.get_or_add_pPr(), num_id, level)
            if first is not None:
                self._inlines(marker, marker._p, first.children, RunFormat())
            for block in rest:
                if isinstance(block, Paragraph):  # a later paragraph of the item: aligned, unnumbered
                    paragraph = self._paragraph(list_style)
                    _ooxml.set_left_indent(paragraph._p.get_or_add_pPr(), _ooxml.list_indent(level))
                    self._inlines(paragraph, paragraph._p, block.children, RunFormat())
                else:
                    self._block(block, list_style, depth + 1)

    # -------------------------------------------------------------- tables

    def _table(self, table: Table) -> None:
        if table.caption:
            caption = self._paragraph(self.styles["Caption"])
            caption.paragraph_format.keep_with_next = True
            self._inlines(caption, caption._p, table.caption, RunFormat())
        rows = table.header + table.body
        if not rows:
            return
        spans = [[(cell.colspan, cell.rowspan) for cell in row] for row in rows]
        placed, columns, dropped = _ooxml.place_cells(spans, MAX_COLUMNS)
        if dropped:
            self.ctx.warn("table-too-wide", f"{dropped} table cell(s) dropped: Word tables hold {MAX_COLUMNS} columns")
        column_width = Emu(self.text_width // columns)
        tbl = CT_Tbl.new_tbl(0, columns, self.text_width)
        if self.styles["Table Grid"]:
            tbl.tblStyle_val = self.styles["Table Grid"]
        self._insert(tbl)
        proxy = DocxTable(tbl, self.doc)
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
                    paragraph = DocxParagraph(tc.p_lst[0], _Cell(tc, proxy))
                    self._inlines(paragraph, paragraph._p, rows[row_index][cell_index].children, fmt)

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
            self._inlines(caption, caption._p, image.caption, RunFormat())

    # -------------------------------------------------------------- inline

    def _inlines(self, paragraph: DocxParagraph, container, items: tuple[Inline, ...], fmt: RunFormat) -> None:
        for item in items:
            match item:
                case Text(text):
                    self._run(paragraph, container, text, fmt)
                case Emph(children):
                    self._inlines(paragraph, container, children, replace(fmt, italic=True))
                case Strong(children):
                    self._inlines(paragraph, container, children, replace(fmt, bold=True))
                case Code(text):
                    self._run(paragraph, container, text, replace(fmt, style=self.styles["Verbatim Char"]))
                case Link(children, url, title):
                    url = link_target(url)
                    if not url.lower().startswith(SAFE_LINK_SCHEMES) or container.tag == qn("w:hyperlink"):
                        self._inlines(paragraph, container, children, fmt)
                        continue
                    r_id = self.doc.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
                    link = _ooxml.new_hyperlink(r_id, clean_text(title))
                    container.append(link)
                    self._inlines(paragraph, link, children, replace(fmt, style=self.styles["Hyperlink"]))
                case LineBreak():
                    r = OxmlElement("w:r")
                    container.append(r)
                    r.add_br()
                case _:
                    assert_never(item)

    def _run(self, paragraph: DocxParagraph, container, text: str, fmt: RunFormat) -> None:
        text = clean_text(text)
        if not text:
            return
        r = OxmlElement("w:r")
        container.append(r)
        run = Run(r, paragraph)
        if fmt.style:
            r.get_or_add_rPr().style = fmt.style
        if fmt.bold:
            run.bold = True
        if fmt.italic:
            run.italic = True
        if has_cjk(text):
            _ooxml.mark_east_asian(r.get_or_add_rPr())
        run.text = text  # python-docx turns \n into w:br and \t into w:tab


def link_target(url: str) -> str:
    """The URL with spaces, quotes and non-ASCII percent-encoded: Word reports a file whose
    relationship targets are not valid URIs as damaged."""
    return quote(clean_text(url).strip(), safe=":/?#[]@!$&'()*+,;=%~")


def parse_date(value: str) -> datetime | None:
    """An ISO 8601 date or date-time as an aware UTC datetime; None when it is not one."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)
