"""Raw WordprocessingML the DOCX writer needs and python-docx 1.2 has no API for.

East Asian font slots and language, first-line indents in characters,
paragraph borders, repeated table headers, hyperlinks and bookmarks, fields
(the table of contents) and list numbering
(python-openxml/python-docx#1396, #685, #74, #25). Everything here works on
lxml elements from python-docx's oxml layer and knows nothing of our tree.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Child order the schema requires (ECMA-376 CT_PPr and CT_RPr): Word refuses
# a file whose pPr/rPr children are out of order.
_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
_RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
    "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)
_THEME_FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def child(parent, name: str, order: tuple[str, ...]):
    """The parent's `w:name` child, created in its schema position when missing."""
    existing = parent.find(qn(f"w:{name}"))
    if existing is not None:
        return existing
    element = OxmlElement(f"w:{name}")
    later = set(order[order.index(name) + 1:])
    for sibling in parent:
        if sibling.tag.startswith("{") and sibling.tag.split("}")[1] in later:
            sibling.addprevious(element)
            return element
    parent.append(element)
    return element


def ppr_child(pPr, name: str):
    return child(pPr, name, _PPR_ORDER)


def rpr_child(rPr, name: str):
    return child(rPr, name, _RPR_ORDER)


# ------------------------------------------------------------------ fonts


def set_fonts(rPr, latin: str, east_asian: str) -> None:
    """Name all four font slots explicitly; a *Theme attribute would win over them (17.3.2.26)."""
    fonts = rpr_child(rPr, "rFonts")
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for slot in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{slot}"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def theme_font_kind(rPr) -> str | None:
    """"major" or "minor" when the rPr takes its fonts from the theme, else None."""
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is None:
        return None
    for attr in _THEME_FONT_ATTRS:
        value = fonts.get(qn(f"w:{attr}"))
        if value:
            return "major" if value.startswith("major") else "minor"
    return None


def replace_theme_fonts(styles_root, body: tuple[str, str], heading: tuple[str, str],
                        lang: str, east_asian_lang: str) -> None:
    """Explicit (Latin, East Asian) fonts wherever styles.xml names theme fonts, and the
    document defaults: major theme fonts become the heading pair, minor ones the body pair."""
    for rPr in styles_root.iter(qn("w:rPr")):
        kind = theme_font_kind(rPr)
        if kind:
            set_fonts(rPr, *(heading if kind == "major" else body))
    rPr = default_run_properties(styles_root)
    set_fonts(rPr, *body)
    set_language(rPr, lang, east_asian_lang)


def default_run_properties(styles_root):
    """styles.xml's w:docDefaults/w:rPrDefault/w:rPr, created when missing."""
    defaults = styles_root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_root.insert(0, defaults)
    return child(child(defaults, "rPrDefault", ("rPrDefault", "pPrDefault")), "rPr", ("rPr",))


def set_language(rPr, val: str, east_asian: str) -> None:
    lang = rpr_child(rPr, "lang")
    lang.set(qn("w:val"), val)
    lang.set(qn("w:eastAsia"), east_asian)


# CT_Settings children from updateFields on, in schema order (those before it never matter here)
_SETTINGS_ORDER = (
    "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
    "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)


def set_theme_font_lang(settings, val: str, east_asian: str) -> None:
    """Which of the theme's per-script fonts Word uses for East Asian text (settings.xml)."""
    lang = child(settings, "themeFontLang", _SETTINGS_ORDER)
    lang.set(qn("w:val"), val)
    lang.set(qn("w:eastAsia"), east_asian)


def set_update_fields(settings) -> None:
    """Word offers to update every field (the TOC's page numbers) when it opens the file."""
    child(settings, "updateFields", _SETTINGS_ORDER).set(qn("w:val"), "true")


def mark_east_asian(rPr) -> None:
    """Shared punctuation in this run takes the East Asian font (only on runs holding CJK)."""
    rpr_child(rPr, "rFonts").set(qn("w:hint"), "eastAsia")


# -------------------------------------------------------------- paragraphs


def set_first_line_chars(pPr, hundredths: int, twips: int) -> None:
    """An indent in characters (wins in Word/WPS) with a twips fallback for other readers."""
    ind = ppr_child(pPr, "ind")
    ind.set(qn("w:firstLineChars"), str(hundredths))
    ind.set(qn("w:firstLine"), str(twips))


def set_line_spacing(pPr, line_240ths: int) -> None:
    spacing = ppr_child(pPr, "spacing")
    spacing.set(qn("w:line"), str(line_240ths))
    spacing.set(qn("w:lineRule"), "auto")


def set_left_indent(pPr, twips: int) -> None:
    ppr_child(pPr, "ind").set(qn("w:left"), str(twips))


def add_bottom_border(pPr) -> None:
    borders = ppr_child(pPr, "pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{attr}"), value)
    borders.append(bottom)


def set_outline_level(pPr, level: int) -> None:
    ppr_child(pPr, "outlineLvl").set(qn("w:val"), str(level))


def set_numbering(pPr, num_id: int, level: int) -> None:
    num_pr = ppr_child(pPr, "numPr")
    for name, value in (("ilvl", level), ("numId", num_id)):
        element = OxmlElement(f"w:{name}")
        element.set(qn("w:val"), str(value))
        num_pr.append(element)


# ------------------------------------------------------------------ tables


def mark_header_row(tr) -> None:
    """Repeat this row at the top of each page the table runs onto."""
    trPr = tr.get_or_add_trPr()
    if trPr.find(qn("w:tblHeader")) is None:
        trPr.append(OxmlElement("w:tblHeader"))


Slot = tuple[int, "str | None", "int | None"]  # (column span, vMerge value, index of the cell in its row)


def place_cells(rows: list[list[tuple[int, int]]], max_columns: int) -> tuple[list[list[Slot]], int, int]:
    """Lay (colspan, rowspan) cells out on a grid: each row's w:tc slots, the column count
    and how many cells fell beyond max_columns.

    A row-span becomes a "restart" slot and "continue" slots below it; short rows
    are padded. Walking a map of taken slots keeps this linear, where python-docx's
    cell()/merge() recompute the whole grid on every call.
    """
    taken: dict[int, dict[int, int]] = {}  # row -> {column covered by a row-span above: its span}
    placed: list[list[Slot]] = []
    columns, dropped = 1, 0
    for r, row in enumerate(rows):
        out: list[Slot] = []
        covered = taken.pop(r, {})
        c = next_cell = 0
        while True:
            if c in covered:
                span = covered.pop(c)
                out.append((span, "continue", None))
                c += span
            elif next_cell < len(row) and c < max_columns:
                colspan, rowspan = row[next_cell]
                span = max(1, min(colspan, max_columns - c))
                down = max(1, min(rowspan, len(rows) - r))
                for below in range(r + 1, r + down):
                    taken.setdefault(below, {})[c] = span
                out.append((span, "restart" if down > 1 else None, next_cell))
                next_cell += 1
                c += span
            elif covered:
                gap_end = min(covered)
                if gap_end < c:  # overlapped by a column-span in this row: that cell wins
                    del covered[gap_end]
                    continue
                out.append((gap_end - c, None, None))  # a gap before a row-span further right
                c = gap_end
            else:
                break
        dropped += len(row) - next_cell
        columns = max(columns, c)
        placed.append(out)
    for out in placed:
        used = sum(span for span, _, _ in out)
        if used < columns:
            out.append((columns - used, None, None))
    return placed, columns, dropped


# --------------------------------------------------------------- hyperlinks


def _hyperlink(target_attribute: str, target: str, tooltip: str):
    link = OxmlElement("w:hyperlink")
    link.set(qn(target_attribute), target)
    if tooltip:
        link.set(qn("w:tooltip"), tooltip)
    link.set(qn("w:history"), "1")
    return link


def new_hyperlink(r_id: str, tooltip: str = ""):
    """A `w:hyperlink` pointing at an external relationship; runs go inside it."""
    return _hyperlink("r:id", r_id, tooltip)


def new_internal_hyperlink(bookmark: str, tooltip: str = ""):
    """A `w:hyperlink` to a bookmark in this document."""
    return _hyperlink("w:anchor", bookmark, tooltip)


def bookmark(p, bookmark_id: int, name: str) -> None:
    """Wrap the paragraph's content (everything after its pPr) in a bookmark."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    pPr = p.find(qn("w:pPr"))
    if pPr is not None:
        pPr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


# ------------------------------------------------------------------- fields


def field_char(kind: str):
    """A run holding a w:fldChar: "begin", "separate" or "end"."""
    r = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    r.append(char)
    return r


def instruction(text: str):
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = text
    r.append(instr)
    return r


def toc_block():
    """A w:sdt marked as Word's table of contents; its paragraphs go in the returned sdtContent."""
    sdt = OxmlElement("w:sdt")
    sdt_pr = OxmlElement("w:sdtPr")
    part = OxmlElement("w:docPartObj")
    gallery = OxmlElement("w:docPartGallery")
    gallery.set(qn("w:val"), "Table of Contents")
    part.append(gallery)
    part.append(OxmlElement("w:docPartUnique"))
    sdt_pr.append(part)
    content = OxmlElement("w:sdtContent")
    sdt.append(sdt_pr)
    sdt.append(content)
    return sdt, content


# ---------------------------------------------------------------- numbering

_BULLETS = ("\u2022", "\u25e6", "\u25aa")  # • ◦ ▪, repeated down the levels
_DECIMAL_TEXT = "%{n}."
_LEVELS = 9
_INDENT_STEP = 360  # twips per nesting level


def list_indent(level: int) -> int:
    """The left indent (twips) of list text at this nesting level."""
    return _INDENT_STEP * (level + 2)


class Numbering:
    """Numbering definitions for one document: two abstract lists, one w:num per list.

    Every list gets its own w:num so each ordered list restarts where its
    `start` says (Word continues numbering across w:nums that share an
    abstractNum unless a startOverride says otherwise).
    """

    def __init__(self, numbering_element) -> None:
        self.root = numbering_element
        self._abstract_ids: dict[bool, int] = {}
        self._next_num_id = 1 + max((int(v) for v in self.root.xpath("./w:num/@w:numId")), default=0)

    def new_list(self, ordered: bool, start: int, level: int) -> int:
        abstract_id = self._abstract_id(ordered)
        num_id = self._next_num_id
        self._next_num_id += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(abstract_id))
        num.append(ref)
        if ordered:
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(level))
            start_override = OxmlElement("w:startOverride")
            start_override.set(qn("w:val"), str(start))
            override.append(start_override)
            num.append(override)
        cleanup = self.root.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self.root.append(num)
        return num_id

    def _abstract_id(self, ordered: bool) -> int:
        if ordered not in self._abstract_ids:
            used = [int(v) for v in self.root.xpath("./w:abstractNum/@w:abstractNumId")]
            abstract_id = max(used, default=-1) + 1
            abstract = self._new_abstract(abstract_id, ordered)
            # The schema puts every abstractNum before the first num.
            first_num = self.root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.root.append(abstract)
            self._abstract_ids[ordered] = abstract_id
        return self._abstract_ids[ordered]

    @staticmethod
    def _new_abstract(abstract_id: int, ordered: bool):
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        _append_val(abstract, "nsid", f"{0xD0C0 << 16 | abstract_id * 2 + ordered:08X}")
        _append_val(abstract, "multiLevelType", "hybridMultilevel")
        for level in range(_LEVELS):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            _append_val(lvl, "start", "1")
            if ordered:
                _append_val(lvl, "numFmt", ("decimal", "lowerLetter", "lowerRoman")[level % 3])
                _append_val(lvl, "lvlText", _DECIMAL_TEXT.format(n=level + 1))
            else:
                _append_val(lvl, "numFmt", "bullet")
                _append_val(lvl, "lvlText", _BULLETS[level % len(_BULLETS)])
            _append_val(lvl, "lvlJc", "left")
            pPr = OxmlElement("w:pPr")
            ind = OxmlElement("w:ind")
            ind.set(qn("w:left"), str(list_indent(level)))
            ind.set(qn("w:hanging"), str(_INDENT_STEP))
            pPr.append(ind)
            lvl.append(pPr)
            abstract.append(lvl)
        return abstract


def _append_val(parent, name: str, value: str) -> None:
    element = OxmlElement(f"w:{name}")
    element.set(qn("w:val"), value)
    parent.append(element)
