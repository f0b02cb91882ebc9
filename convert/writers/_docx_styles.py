"""The named styles docconv's DOCX output uses, and the reference document built from them.

One table of definitions serves two purposes: `templates/make_reference_docx.py`
applies all of them to python-docx's default template to make
`templates/reference.docx`, and the writer adds any of them a user's reference
document lacks (there it defines only the missing styles, so the user's own
stay as they are).

Fonts are explicit names in every style, Latin and East Asian (no theme
fonts, which would win over them). The reference is language-neutral with
Chinese East Asian fonts; `apply_language` then tags the document's language
and, for docconv's own reference only, swaps in Japanese/Korean/Traditional
fonts and Chinese paragraph typography (two-character indent, 1.5 lines).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt, RGBColor

from convert.writers import _ooxml

LATIN_BODY, LATIN_HEADING, MONO = "Times New Roman", "Arial", "Courier New"
# language prefix -> (w:lang eastAsia, body font, heading font)
EAST_ASIAN = {
    "zh": ("zh-CN", "SimSun", "SimHei"),
    "zh-tw": ("zh-TW", "PMingLiU", "Microsoft JhengHei"),
    "ja": ("ja-JP", "MS Mincho", "MS Gothic"),
    "ko": ("ko-KR", "Batang", "Malgun Gothic"),
}
_REGION = {"en": "en-US", "zh": "zh-CN", "ja": "ja-JP", "ko": "ko-KR"}
LIST_LEVELS = 5  # Word has List Bullet .. List Bullet 5
TOC_LEVELS = 3
TABLE_STYLE = "Table"
GREY = RGBColor(0x59, 0x59, 0x59)


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


REFERENCE_FONTS = Fonts.for_language("en")  # English text, Simplified Chinese East Asian fonts


def list_style(ordered: bool, depth: int) -> str:
    base = "List Number" if ordered else "List Bullet"
    level = min(depth, LIST_LEVELS - 1)
    return base if level == 0 else f"{base} {level + 1}"


# ------------------------------------------------------------- definitions

Define = Callable[[object], None]


def _heading(level: int) -> Define:
    def define(style) -> None:
        style.font.bold = True
        style.font.size = Pt((26, 16, 14, 13, 12, 11, 11)[level])
        style.font.color.rgb = RGBColor(0x1F, 0x1F, 0x1F)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt((0, 18, 14, 12, 10, 10, 10)[level])
        style.paragraph_format.space_after = Pt(6)
        _set_fonts(style, LATIN_HEADING, heading=True)
        if level:
            _ooxml.set_outline_level(style.element.get_or_add_pPr(), level - 1)
    return define


def _set_fonts(style, latin: str, heading: bool = False) -> None:
    fonts = REFERENCE_FONTS
    east_asian = fonts.heading_east_asian if heading else fonts.body_east_asian
    _ooxml.set_fonts(style.element.get_or_add_rPr(), latin, east_asian)


def _normal(style) -> None:
    style.font.size = Pt(11)
    _set_fonts(style, LATIN_BODY)


def _subtitle(style) -> None:
    style.font.size = Pt(15)
    style.font.italic = False
    style.font.color.rgb = GREY
    style.paragraph_format.space_after = Pt(6)
    _set_fonts(style, LATIN_HEADING, heading=True)


def _byline(style) -> None:
    style.font.italic = True
    style.font.size = Pt(10)
    style.font.color.rgb = GREY
    style.paragraph_format.space_after = Pt(12)


def _body_text(style) -> None:
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(8)


def _first_paragraph(style) -> None:
    """No first-line indent, whatever Body Text says (the *Chars value must be cancelled too)."""
    _ooxml.set_first_line_chars(style.element.get_or_add_pPr(), 0, 0)


def _block_text(style) -> None:
    style.font.italic = True
    style.paragraph_format.left_indent = Inches(0.5)
    style.paragraph_format.right_indent = Inches(0.5)


def _list_paragraph(style) -> None:
    """Spacing only: the numbering a paragraph names gives the indent and the marker."""
    pPr = style.element.get_or_add_pPr()
    for num_pr in pPr.findall(qn("w:numPr")):
        pPr.remove(num_pr)
    style.paragraph_format.space_after = Pt(3)


def _caption(style) -> None:
    style.font.italic = True
    style.font.size = Pt(9)
    style.font.color.rgb = GREY
    style.paragraph_format.space_after = Pt(10)


def _source_code(style) -> None:
    style.font.size = Pt(9.5)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.line_spacing = 1.0
    _set_fonts(style, MONO)


def _toc_heading(style) -> None:
    style.font.bold = True
    style.font.size = Pt(14)
    style.paragraph_format.space_after = Pt(6)
    _set_fonts(style, LATIN_HEADING, heading=True)
    _ooxml.set_outline_level(style.element.get_or_add_pPr(), 9)  # "body text": stays out of the TOC


def _toc_entry(level: int) -> Define:
    def define(style) -> None:
        style.paragraph_format.left_indent = Pt(11 * (level - 1))
        style.paragraph_format.space_after = Pt(3)
    return define


def _verbatim(style) -> None:
    style.font.size = Pt(9.5)
    _set_fonts(style, MONO)


def _hyperlink(style) -> None:
    style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    style.font.underline = True


def _table(style) -> None:
    """Thin borders round every cell, a light header row; cell paragraphs unspaced."""
    edges = "".join(f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
                    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    element = style.element
    for name in ("pPr", "tblPr", "tblStylePr"):
        for old in element.findall(qn(f"w:{name}")):
            element.remove(old)
    element.append(parse_xml(f'<w:pPr {nsdecls("w")}><w:spacing w:before="0" w:after="0"/></w:pPr>'))
    element.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblBorders>{edges}</w:tblBorders>'
        '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'))
    element.append(parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr></w:tblStylePr>'))


P, C, T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE

# (name, type, based on, definition), parents before children
STYLES: tuple[tuple[str, WD_STYLE_TYPE, str | None, Define], ...] = (
    ("Normal", P, None, _normal),
    ("Body Text", P, "Normal", _body_text),
    ("First Paragraph", P, "Body Text", _first_paragraph),
    ("Title", P, "Normal", _heading(0)),
    ("Subtitle", P, "Normal", _subtitle),
    ("Byline", P, "Normal", _byline),
    *((f"Heading {n}", P, "Normal", _heading(n)) for n in range(1, 7)),
    ("Block Text", P, "Body Text", _block_text),
    *((list_style(ordered, depth), P, "Normal", _list_paragraph)
      for ordered in (False, True) for depth in range(LIST_LEVELS)),
    ("Caption", P, "Normal", _caption),
    ("Source Code", P, "Normal", _source_code),
    ("TOC Heading", P, "Normal", _toc_heading),
    *((f"toc {n}", P, "Normal", _toc_entry(n)) for n in range(1, TOC_LEVELS + 1)),
    ("Verbatim Char", C, None, _verbatim),
    ("Hyperlink", C, None, _hyperlink),
    (TABLE_STYLE, T, None, _table),
)


def ensure_styles(doc, redefine: bool = False) -> dict[str, str]:
    """Style name -> style id for every style docconv uses, adding those the document lacks.

    `redefine` applies our definition to styles that already exist too (to build
    the reference from python-docx's template); otherwise existing ones are left alone.
    """
    find = _StyleFinder(doc)
    ids: dict[str, str] = {}
    for name, kind, based_on, define in STYLES:
        style = find(name)
        fresh = style is None
        if fresh:
            style = find.add(name, kind)
        if fresh or redefine:
            if based_on and kind == P:
                style.base_style = find(based_on)
            define(style)
        ids[name] = style.style_id
    if redefine:
        find("First Paragraph").next_paragraph_style = find("Body Text")
    return ids


class _StyleFinder:
    """Styles by UI name from one pass over styles.xml: python-docx's `styles[name]`
    runs an XPath scan over the ~270 styles for every lookup."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.by_name: dict[str, object] = {}
        for element in doc.styles.element.findall(qn("w:style")):
            name = element.name_val
            if name is not None:
                self.by_name.setdefault(name, element)  # the first one wins, as in python-docx

    def __call__(self, name: str):
        element = self.by_name.get(BabelFish.ui2internal(name))
        if element is not None:
            return StyleFactory(element)
        try:
            return self.doc.styles[name]  # python-docx also falls back to a style id
        except KeyError:
            return None

    def add(self, name: str, kind: WD_STYLE_TYPE):
        style = self.doc.styles.add_style(name, kind)
        self.by_name[style.element.name_val] = style.element
        return style


def build_reference():
    """python-docx's default template with every docconv style defined, fonts explicit."""
    doc = docx.Document()
    ensure_styles(doc, redefine=True)
    fonts = REFERENCE_FONTS
    _ooxml.replace_theme_fonts(doc.styles.element, (LATIN_BODY, fonts.body_east_asian),
                               (LATIN_HEADING, fonts.heading_east_asian), fonts.lang, fonts.east_asian_lang)
    _ooxml.set_theme_font_lang(doc.settings.element, fonts.lang, fonts.east_asian_lang)
    # A justified line ending in a manual line break is not stretched across the page.
    compat = doc.settings.element.find(qn("w:compat"))
    if compat is not None and compat.find(qn("w:doNotExpandShiftReturn")) is None:
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))  # first in CT_Compat's order
    return doc


# ---------------------------------------------------------------- language


def apply_language(doc, fonts: Fonts, chinese: bool, own_reference: bool) -> None:
    """Tag the document's language; with docconv's own reference, also its fonts and typography.

    A user's reference document keeps its own fonts, indents and spacing (its
    author chose them); only the language tags change, since they describe
    the text (spell checking, and which theme font East Asian text takes).
    """
    styles_root = doc.styles.element
    _ooxml.set_language(_ooxml.default_run_properties(styles_root), fonts.lang, fonts.east_asian_lang)
    _ooxml.set_theme_font_lang(doc.settings.element, fonts.lang, fonts.east_asian_lang)
    if not own_reference:
        return
    reference = REFERENCE_FONTS
    swap = {reference.body_east_asian: fonts.body_east_asian,
            reference.heading_east_asian: fonts.heading_east_asian}
    if fonts != reference:
        for rfonts in styles_root.iter(qn("w:rFonts")):
            current = rfonts.get(qn("w:eastAsia"))
            if current in swap:
                rfonts.set(qn("w:eastAsia"), swap[current])
    if chinese:
        pPr = doc.styles["Body Text"].element.get_or_add_pPr()
        _ooxml.set_first_line_chars(pPr, 200, 420)
        _ooxml.set_line_spacing(pPr, 360)
        _ooxml.ppr_child(pPr, "jc").set(qn("w:val"), "both")
